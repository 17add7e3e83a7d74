// Slack refuses a message that breaks a Block Kit limit (invalid_blocks) and cuts a too-long text
// silently. Rather than lose a deploy notification to a long changelog, we cut the message to fit
// before sending and say, in the message itself, what was cut.
import type { MessageAttachment } from '@slack/types'
import type { Block, SlackMessage } from './blocks.js'

export const SLACK_LIMITS = {
  /** Blocks in one message, top-level and attachment blocks together. */
  blocks: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  /** The top-level `text` (Slack truncates beyond this). */
  messageText: 40000,
  attachments: 100
} as const

export interface Fitted {
  message: SlackMessage
  /** One line per cut, for the log; the message itself carries a short note at each cut. */
  notes: string[]
}

const n = (x: number) => x.toLocaleString('en-US')

/**
 * Cut `text` to at most `max` characters, ending with a note of what was cut. The cut never splits
 * a surrogate pair, a `<link|label>` or an `&amp;` entity, and closes a code fence it cut open.
 */
export function cutText(text: string, max: number, what: string): { text: string; cut: number } {
  if (text.length <= max) return { text, cut: 0 }
  const note = (cut: number) => `\n… _(${n(cut)} more characters cut: Slack allows ${n(max)} in ${what})_`
  // The note's length depends on the number it prints; reserve room for the widest one.
  let keep = max - note(text.length).length - 3
  if (keep < 0) keep = 0
  let kept = text.slice(0, keep)
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1)
  const open = kept.lastIndexOf('<')
  if (open > kept.lastIndexOf('>')) kept = kept.slice(0, open)
  const amp = kept.lastIndexOf('&')
  if (amp >= 0 && !kept.slice(amp).includes(';') && kept.length - amp < 8) kept = kept.slice(0, amp)
  const fence = (kept.match(/```/g) ?? []).length % 2 === 1 ? '```' : ''
  const cut = text.length - kept.length
  return { text: `${kept}${fence}${note(cut)}`, cut }
}

function fitBlock(block: Block, notes: string[]): Block {
  if (block.type === 'section') {
    const out = { ...block }
    if (out.text && out.text.text.length > SLACK_LIMITS.sectionText) {
      const r = cutText(out.text.text, SLACK_LIMITS.sectionText, 'a section')
      out.text = { ...out.text, text: r.text }
      notes.push(`a section's text was cut by ${n(r.cut)} characters to Slack's ${n(SLACK_LIMITS.sectionText)}`)
    }
    if (out.fields) {
      let fields = out.fields.map((f) => {
        if (f.text.length <= SLACK_LIMITS.fieldText) return f
        const r = cutText(f.text, SLACK_LIMITS.fieldText, 'a field')
        notes.push(`a field was cut by ${n(r.cut)} characters to Slack's ${n(SLACK_LIMITS.fieldText)}`)
        return { ...f, text: r.text }
      })
      if (fields.length > SLACK_LIMITS.sectionFields) {
        const dropped = fields.length - SLACK_LIMITS.sectionFields + 1
        notes.push(`${dropped} field(s) left out: Slack allows ${SLACK_LIMITS.sectionFields} per section`)
        fields = [...fields.slice(0, SLACK_LIMITS.sectionFields - 1), { type: 'mrkdwn', text: `_… ${dropped} more field(s) not shown_` }]
      }
      out.fields = fields
    }
    return out
  }
  if (block.type === 'header' && block.text.text.length > SLACK_LIMITS.headerText) {
    notes.push(`the header was cut to Slack's ${SLACK_LIMITS.headerText} characters`)
    const chars = Array.from(block.text.text)
    let text = ''
    for (const c of chars) {
      if (text.length + c.length > SLACK_LIMITS.headerText - 1) break
      text += c
    }
    return { ...block, text: { ...block.text, text: `${text}…` } }
  }
  if (block.type === 'context' && block.elements.length > SLACK_LIMITS.contextElements) {
    notes.push(`${block.elements.length - SLACK_LIMITS.contextElements} context element(s) left out: Slack allows ${SLACK_LIMITS.contextElements}`)
    return { ...block, elements: block.elements.slice(0, SLACK_LIMITS.contextElements) }
  }
  return block
}

/** Fit a list of blocks into `budget` blocks; the last kept slot says how many were left out. */
function fitBlocks(blocks: Block[], budget: number, notes: string[]): Block[] {
  let out = blocks.map((b) => fitBlock(b, notes))
  if (out.length > budget) {
    const dropped = out.length - budget + 1
    notes.push(`${dropped} block(s) left out: Slack allows ${SLACK_LIMITS.blocks} in a message`)
    out = [...out.slice(0, Math.max(0, budget - 1)), { type: 'context', elements: [{ type: 'mrkdwn', text: `_… ${dropped} more block(s) not shown: Slack allows ${SLACK_LIMITS.blocks} in a message_` }] }]
  }
  return out
}

/** The message cut to Slack's limits, and what was cut. Nothing is changed in a message that fits. */
export function fitToSlackLimits(message: SlackMessage): Fitted {
  const notes: string[] = []
  const out: SlackMessage = { ...message }
  if (out.text.length > SLACK_LIMITS.messageText) {
    const r = cutText(out.text, SLACK_LIMITS.messageText, 'a message')
    out.text = r.text
    notes.push(`the message text was cut by ${n(r.cut)} characters to Slack's ${n(SLACK_LIMITS.messageText)}`)
  }
  let budget: number = SLACK_LIMITS.blocks
  if (out.blocks) {
    // Leave at least one block for each attachment that has blocks.
    const reserve = (out.attachments ?? []).filter((a) => a.blocks?.length).length
    out.blocks = fitBlocks(out.blocks, Math.max(1, budget - reserve), notes)
    budget -= out.blocks.length
  }
  if (out.attachments) {
    let attachments: MessageAttachment[] = out.attachments
    if (attachments.length > SLACK_LIMITS.attachments) {
      notes.push(`${attachments.length - SLACK_LIMITS.attachments} attachment(s) left out: Slack allows ${SLACK_LIMITS.attachments}`)
      attachments = attachments.slice(0, SLACK_LIMITS.attachments)
    }
    out.attachments = attachments.map((a) => {
      if (!a.blocks?.length) return a
      const blocks = fitBlocks(a.blocks as Block[], Math.max(1, budget), notes)
      budget -= blocks.length
      return { ...a, blocks }
    })
  }
  return { message: out, notes }
}

/** Blocks in a message, top-level and in attachments. */
export function blockCount(message: SlackMessage): number {
  return (message.blocks?.length ?? 0) + (message.attachments ?? []).reduce((sum, a) => sum + (a.blocks?.length ?? 0), 0)
}
