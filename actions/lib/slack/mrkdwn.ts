// GitHub markdown (our changelogs, release notes) to Slack mrkdwn, which has its own dialect:
// *bold*, _italic_, <url|label>, no headings, no nested lists.
import { escapeMrkdwn } from './blocks.js'

function inline(text: string): string {
  // Links and bold first, then escape what is left, keeping the link syntax we produced.
  const links: string[] = []
  let out = text.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_, label: string, url: string) => {
    links.push(`<${url}|${escapeMrkdwn(label).replace(/\|/g, '∣')}>`)
    return `\u0000${links.length - 1}\u0000`
  })
  out = escapeMrkdwn(out).replace(/\*\*([^*]+)\*\*/g, '*$1*')
  return out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => links[Number(i)])
}

/** Convert markdown line by line; code fences are kept verbatim (escaped). */
export function markdownToMrkdwn(markdown: string): string {
  const out: string[] = []
  let inFence = false
  for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
    if (/^\s*```/.test(line)) {
      inFence = !inFence
      out.push('```')
      continue
    }
    if (inFence) {
      out.push(escapeMrkdwn(line))
      continue
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line)
    if (heading) {
      out.push(`*${inline(heading[1]).replace(/\*/g, '')}*`)
      continue
    }
    const item = /^(\s*)[-*+]\s+(.*)$/.exec(line)
    if (item) {
      out.push(`${item[1].length >= 2 ? '    ◦' : '•'} ${inline(item[2])}`)
      continue
    }
    out.push(inline(line))
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** The first `maxLines` lines, with a note of how many more there are. */
export function excerpt(text: string, maxLines: number, more: (hidden: number) => string): string {
  const lines = text.split('\n')
  if (lines.length <= maxLines) return text
  let kept = lines.slice(0, maxLines)
  if ((kept.join('\n').match(/```/g) ?? []).length % 2 === 1) kept = [...kept, '```']
  return `${kept.join('\n')}\n${more(lines.length - maxLines)}`
}
