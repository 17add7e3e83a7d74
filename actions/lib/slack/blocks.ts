// The parts of a Slack message we build: a fallback/notification text, Block Kit blocks, and one
// coloured attachment that carries the blocks (the colour bar is only available on attachments).
// Types come from @slack/types (type-only import), so the compiler checks every block we build
// against Slack's own published shapes.
import type { ContextBlock, HeaderBlock, KnownBlock, MessageAttachment, SectionBlock } from '@slack/types'

export type Block = KnownBlock

/** What chat.postMessage, chat.update and incoming webhooks all accept. */
export interface SlackMessage {
  text: string
  blocks?: Block[]
  attachments?: MessageAttachment[]
  [key: string]: unknown
}

/** Slack's mrkdwn needs only &, < and > escaped; everything else is literal. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** `<url|label>`; a link whose url is empty degrades to the plain label. */
export function link(url: string | undefined, label: string): string {
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, '∣')
  if (!url) return safeLabel
  return `<${url.replace(/[<>|\s]/g, encodeURIComponent)}|${safeLabel}>`
}

/** A section of mrkdwn text (given already escaped or as markup on purpose). */
export function section(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } }
}

/** A section of "*Label*\nvalue" fields; labels are escaped, values are given as mrkdwn. */
export function fieldsSection(fields: { label: string; value: string }[]): SectionBlock {
  return { type: 'section', fields: fields.map((f) => ({ type: 'mrkdwn', text: `*${escapeMrkdwn(f.label)}*\n${f.value}` })) }
}

/** A header of plain text (Slack shows it as typed: nothing to escape). */
export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text, emoji: true } }
}

/** A context block, one mrkdwn element per string. */
export function context(mrkdwn: string[]): ContextBlock {
  return { type: 'context', elements: mrkdwn.map((text) => ({ type: 'mrkdwn', text })) }
}

/** A fenced block of monospace text; backtick runs inside are broken so they cannot end the fence. */
export function preformatted(text: string): string {
  return `\`\`\`${escapeMrkdwn(text).replace(/```/g, '`\u200b``')}\`\`\``
}
