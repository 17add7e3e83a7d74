// Slack refuses a message that breaks a Block Kit limit (invalid_blocks) and cuts a too-long text
// silently. Rather than lose a deploy notification to a long changelog, a long PR title in a
// button or a payload with too many options, we fit the message before sending: each limited
// field of each block, element and composition object, by the rules in block-kit-limits.ts. Long
// texts say in the message what was cut; every cut is also returned as a note for the log.
import type { MessageAttachment } from '@slack/types'
import { ATTACHMENT, BLOCKS, COMPOSITION, ELEMENTS, MESSAGE_LIMITS, TEXT_OBJECT_MAX, type Rule, type Shape } from './block-kit-limits.js'
import type { Block, SlackMessage } from './blocks.js'

export { MESSAGE_LIMITS } from './block-kit-limits.js'

export interface Fitted {
  message: SlackMessage
  /** One line per cut, for the log; the message itself carries a short note at each long cut. */
  notes: string[]
}

/** How a cut text is marked up: mrkdwn (Slack's), plain (shown as is) or standard markdown. */
export type TextStyle = 'mrkdwn' | 'plain' | 'markdown'

const n = (x: number) => x.toLocaleString('en-US')

/** Below this limit a cut ends with "…" alone: a note would not fit in a button or a title. */
const NOTE_FROM = 1000

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The longest start of `text` with at most `keep` characters that splits no character and, in
 * mrkdwn, no `<link|label>` and no `&amp;` entity. */
function safePrefix(text: string, keep: number, style: TextStyle): string {
  let kept = text.slice(0, Math.max(0, keep))
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1)
  if (style !== 'mrkdwn') return kept
  const open = kept.lastIndexOf('<')
  if (open > kept.lastIndexOf('>')) kept = kept.slice(0, open)
  const amp = kept.lastIndexOf('&')
  if (amp >= 0 && !kept.slice(amp).includes(';') && kept.length - amp < 8) kept = kept.slice(0, amp)
  return kept
}

/**
 * Cut `text` to at most `max` characters, ending with a note of what was cut (`what` names the
 * place: "a section"). The cut never splits a surrogate pair, a mrkdwn `<link|label>` or an
 * `&amp;` entity, and closes a code fence it cut open. Returns the text and how many characters
 * of the original were left out (0 when it fitted).
 */
export function cutText(text: string, max: number, what: string, style: TextStyle = 'mrkdwn'): { text: string; cut: number } {
  if (text.length <= max) return { text, cut: 0 }
  const body = (cut: number) => `${n(cut)} more characters cut: Slack allows ${n(max)} in ${what}`
  const note = (cut: number) =>
    style === 'mrkdwn' ? `\n… _(${body(cut)})_` : style === 'markdown' ? `\n\n… *(${body(cut)})*` : `\n… (${body(cut)})`
  // The note's length depends on the number it prints; reserve room for the widest one.
  const kept = safePrefix(text, max - note(text.length).length - 3, style)
  const fence = style !== 'plain' && (kept.match(/```/g) ?? []).length % 2 === 1 ? '```' : ''
  const cut = text.length - kept.length
  return { text: `${kept}${fence}${note(cut)}`, cut }
}

/** Cut `text` to at most `max` characters ending in "…"; a long limit also gets cutText's note. */
export function clipText(text: string, max: number, what: string, style: TextStyle): string {
  if (text.length <= max) return text
  if (max >= NOTE_FROM) return cutText(text, max, what, style).text
  return `${safePrefix(text, max - 1, style)}…`
}

const DROP = Symbol('drop')
type Fit = unknown | typeof DROP

/** One pass over a message; `notes` collects what was changed, by JSON path. */
class Fitter {
  readonly notes: string[] = []

  private note(path: string, line: string): void {
    this.notes.push(`${path}: ${line}`)
  }

  /** The shape for an object under `rule`, or undefined when Slack documents no limits for it. */
  private shapeOf(v: Json, shape: string): Shape | undefined {
    if (shape === 'block') return BLOCKS[String(v.type)]
    if (shape === 'element') return ELEMENTS[String(v.type)]
    return COMPOSITION[shape]
  }

  value(v: unknown, rule: Rule, path: string): Fit {
    switch (rule.kind) {
      case 'text':
        return this.textObject(v, rule.max, rule.what, path)
      case 'chars': {
        if (typeof v !== 'string' || v.length <= rule.max) return v
        this.note(path, `${rule.what} cut from ${n(v.length)} to Slack's ${n(rule.max)} characters`)
        return clipText(v, rule.max, rule.what, rule.style)
      }
      case 'id':
      case 'url': {
        if (typeof v !== 'string' || v.length <= rule.max) return v
        this.note(path, `${rule.what} left out: ${n(v.length)} characters, Slack allows ${n(rule.max)}`)
        return DROP
      }
      case 'value': {
        if (typeof v !== 'string' || v.length <= rule.max) return v
        this.note(path, `${rule.what} cut from ${n(v.length)} to Slack's ${n(rule.max)} characters`)
        return safePrefix(v, rule.max, 'plain')
      }
      case 'number': {
        if (typeof v !== 'number' || (v >= rule.min && v <= rule.max)) return v
        const clamped = Math.min(rule.max, Math.max(rule.min, v))
        this.note(path, `${rule.what} ${v} set to ${clamped}: Slack allows ${rule.min} to ${rule.max}`)
        return clamped
      }
      case 'list':
        return this.list(v, rule, path)
      case 'object': {
        if (!isObject(v)) return v
        // A text object where an element may stand (a context block's mrkdwn or plain_text).
        if (rule.shape === 'element' && (v.type === 'mrkdwn' || v.type === 'plain_text'))
          return this.textObject(v, TEXT_OBJECT_MAX, rule.what, path)
        const shape = this.shapeOf(v, rule.shape)
        return shape ? this.object(v, shape, path) : v
      }
    }
  }

  private textObject(v: unknown, max: number, what: string, path: string): unknown {
    if (!isObject(v) || typeof v.text !== 'string') return v
    const limit = Math.min(max, TEXT_OBJECT_MAX)
    if (v.text.length <= limit) return v
    this.note(`${path}.text`, `${what} cut from ${n(v.text.length)} to Slack's ${n(limit)} characters`)
    return { ...v, text: clipText(v.text, limit, what, v.type === 'mrkdwn' ? 'mrkdwn' : 'plain') }
  }

  private list(v: unknown, rule: Extract<Rule, { kind: 'list' }>, path: string): Fit {
    if (!Array.isArray(v)) return v
    let items: unknown[] = v
    if (rule.each) {
      const each = rule.each
      items = v.map((item, i) => this.value(item, each, `${path}[${i}]`)).filter((item) => item !== DROP)
    }
    if (items.length > rule.max) {
      const keep = rule.more ? rule.max - 1 : rule.max
      const dropped = items.length - keep
      this.note(path, `${dropped} of ${rule.what} left out: Slack allows ${n(rule.max)}`)
      items = items.slice(0, keep)
      if (rule.more) items.push({ type: 'mrkdwn', text: `_… ${dropped} more ${rule.more} not shown_` })
    }
    // A list Slack requires, emptied by our own cuts, takes its owner with it.
    if (rule.required && v.length > 0 && items.length === 0) return DROP
    return items
  }

  /** Fit each limited field of `v`; DROP when a field Slack requires had to be left out. */
  object(v: Json, shape: Shape, path: string): Fit {
    const out: Json = { ...v }
    for (const [key, rule] of Object.entries(shape)) {
      if (!(key in v)) continue
      const fitted = this.value(v[key], rule, `${path}.${key}`)
      if (fitted !== DROP) {
        out[key] = fitted
        continue
      }
      delete out[key]
      if ('required' in rule && rule.required) {
        this.note(path, `left out: its ${key} could not be fitted`)
        return DROP
      }
    }
    return keepInitialOptions(out, path, this.notes)
  }
}

/** A select's initial option must be one of its options: after options were cut, keep only those. */
function keepInitialOptions(el: Json, path: string, notes: string[]): Json {
  if (!('initial_option' in el || 'initial_options' in el) || !(Array.isArray(el.options) || Array.isArray(el.option_groups))) return el
  const groups = Array.isArray(el.option_groups) ? el.option_groups : []
  const kept = new Set(
    [
      ...(Array.isArray(el.options) ? el.options : []),
      ...groups.flatMap((g) => (isObject(g) && Array.isArray(g.options) ? g.options : []))
    ].map((o) => JSON.stringify(o))
  )
  const out = { ...el }
  if ('initial_option' in out && !kept.has(JSON.stringify(out.initial_option))) {
    delete out.initial_option
    notes.push(`${path}.initial_option: left out: its option was cut from the list`)
  }
  if (Array.isArray(out.initial_options)) {
    const initial = out.initial_options.filter((o) => kept.has(JSON.stringify(o)))
    if (initial.length < out.initial_options.length)
      notes.push(`${path}.initial_options: ${out.initial_options.length - initial.length} left out: their options were cut from the list`)
    out.initial_options = initial
  }
  return out
}

/** Fit a list of blocks into `budget` blocks; the last kept slot says how many were left out. */
function fitBlocks(blocks: Block[], budget: number, path: string, fitter: Fitter): Block[] {
  let out = blocks
    .map((b, i) => fitter.value(b, { kind: 'object', shape: 'block', what: 'a block' }, `${path}[${i}]`))
    .filter((b): b is Block => b !== DROP)
  if (out.length > budget) {
    const dropped = out.length - budget + 1
    fitter.notes.push(`${dropped} block(s) left out: Slack allows ${MESSAGE_LIMITS.blocks} in a message`)
    const more = `_… ${dropped} more block(s) not shown: Slack allows ${MESSAGE_LIMITS.blocks} in a message_`
    out = [...out.slice(0, Math.max(0, budget - 1)), { type: 'context', elements: [{ type: 'mrkdwn', text: more }] }]
  }
  return out
}

/**
 * The message cut to every limit Slack publishes (block-kit-limits.ts), and one note per cut.
 * Takes a message as a template or a payload built it; gives a copy (a message that fits comes
 * back unchanged, with no notes). Objects of a type Slack does not document are left as they are.
 */
export function fitToSlackLimits(message: SlackMessage): Fitted {
  const fitter = new Fitter()
  const out: SlackMessage = { ...message }
  if (typeof out.text === 'string' && out.text.length > MESSAGE_LIMITS.text) {
    const r = cutText(out.text, MESSAGE_LIMITS.text, 'a message')
    out.text = r.text
    fitter.notes.push(`the message text was cut by ${n(r.cut)} characters to Slack's ${n(MESSAGE_LIMITS.text)}`)
  }
  let budget: number = MESSAGE_LIMITS.blocks
  if (Array.isArray(out.blocks)) {
    // Leave at least one block for each attachment that has blocks.
    const reserve = (Array.isArray(out.attachments) ? out.attachments : []).filter((a) => a.blocks?.length).length
    out.blocks = fitBlocks(out.blocks, Math.max(1, budget - reserve), 'blocks', fitter)
    budget -= out.blocks.length
  }
  if (Array.isArray(out.attachments)) {
    let attachments: MessageAttachment[] = out.attachments
    if (attachments.length > MESSAGE_LIMITS.attachments) {
      fitter.notes.push(
        `${attachments.length - MESSAGE_LIMITS.attachments} attachment(s) left out: Slack allows ${MESSAGE_LIMITS.attachments}`
      )
      attachments = attachments.slice(0, MESSAGE_LIMITS.attachments)
    }
    out.attachments = attachments.map((a, i) => {
      if (!isObject(a)) return a
      const own = fitter.object(a, ATTACHMENT, `attachments[${i}]`) as MessageAttachment
      if (!Array.isArray(a.blocks) || !a.blocks.length) return own
      const blocks = fitBlocks(a.blocks as Block[], Math.max(1, budget), `attachments[${i}].blocks`, fitter)
      budget -= blocks.length
      return { ...own, blocks }
    })
  }
  return { message: out, notes: fitter.notes }
}

/** Blocks in a message, top-level and in attachments. */
export function blockCount(message: SlackMessage): number {
  return (message.blocks?.length ?? 0) + (message.attachments ?? []).reduce((sum, a) => sum + (a.blocks?.length ?? 0), 0)
}
