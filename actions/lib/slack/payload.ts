// Custom messages: a Block Kit payload (JSON or YAML) written by the user, with {{ placeholders }}
// filled in after parsing, so that a value can never break the JSON or inject blocks. Values are
// untrusted (a pull request's title, a branch name): each is escaped for where it lands, so that
// it shows as text and never becomes markup (a <!channel> ping, a disguised <url|link>).
import { parseDocument } from 'yaml'
import { UserError } from '../errors/user-error.js'
import { escapeMrkdwn, type SlackMessage } from './blocks.js'

export interface PlaceholderSources {
  /** status, emoji, color, headline, service, run_url, ...: the message's own values. */
  values: Record<string, string>
  /** The action's inputs by name (inputs.environment). */
  input: (name: string) => string
  env: Record<string, string | undefined>
  /** github.repository, github.sha, ...: the runner context. */
  github: Record<string, string>
  event: unknown
  /** Placeholders whose values are inserted as given, markup and all: the user's explicit opt-in
   * (payload-unescaped-placeholders) and our own markup (mentions, built from validated IDs). */
  unescaped?: ReadonlySet<string>
}

export interface FilledPayload {
  message: SlackMessage
  /** Placeholders that had no value (filled with ""), for a warning. */
  empty: string[]
  /** Every placeholder name the payload uses. */
  used: string[]
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}\}/g

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position)
  const line = before.split('\n').length
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`
}

/** Parse the payload text; a syntax error says where, in the user's terms. */
export function parsePayload(text: string, source: string): Record<string, unknown> {
  const trimmed = text.trim()
  if (trimmed === '') throw new UserError(`The ${source} is empty.`)
  let value: unknown
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      value = JSON.parse(trimmed)
    } catch (error) {
      // Engines word this differently (Node 24 gives a position, Node 20 quotes the text); the
      // YAML parser reads JSON too and always knows the line and column.
      const message = (error instanceof Error ? error.message : String(error))
        .replace(/\s*\(line \d+ column \d+\)/, '')
        .replace(/, "[\s\S]*" is not valid JSON$/, '')
      const at = /position (\d+)/.exec(message)
      const pos = parseDocument(trimmed).errors[0]?.linePos?.[0]
      const where = at ? lineColumn(trimmed, Number(at[1])) : pos ? `line ${pos.line}, column ${pos.col}` : 'somewhere'
      throw new UserError(`The ${source} is not valid JSON (${where}): ${message.replace(/ in JSON at position \d+/, '')}.`)
    }
  } else {
    const doc = parseDocument(trimmed)
    if (doc.errors.length) {
      const e = doc.errors[0]
      const pos = e.linePos?.[0]
      throw new UserError(
        `The ${source} is not valid YAML (${pos ? `line ${pos.line}, column ${pos.col}` : 'somewhere'}): ` +
          `${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}.`
      )
    }
    value = doc.toJS()
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UserError(
      `The ${source} must be an object with "text", "blocks" or "attachments" (a Slack message), got ` +
        `${Array.isArray(value) ? 'a list' : typeof value}.`
    )
  const message = value as Record<string, unknown>
  if (!('text' in message) && !('blocks' in message) && !('attachments' in message))
    throw new UserError(`The ${source} has none of "text", "blocks" and "attachments"; Slack needs at least one.`)
  for (const key of ['blocks', 'attachments'] as const) {
    if (!(key in message)) continue
    const list = message[key]
    if (!Array.isArray(list)) throw new UserError(`"${key}" in the ${source} must be a list.`)
    list.forEach((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item))
        throw new UserError(`${key}[${i}] in the ${source} must be an object.`)
      if (key === 'blocks' && typeof (item as Record<string, unknown>).type !== 'string')
        throw new UserError(`blocks[${i}] in the ${source} has no "type" (section, header, context, divider, ...).`)
    })
  }
  if ('text' in message && typeof message.text !== 'string') throw new UserError(`"text" in the ${source} must be a string.`)
  return message
}

function lookup(value: unknown, path: string[]): unknown {
  let at = value
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined
    at = (at as Record<string, unknown>)[key]
  }
  return at
}

function resolve(name: string, sources: PlaceholderSources, where: string): string | undefined {
  const [head, ...rest] = name.split('.')
  if (rest.length === 0) {
    if (head in sources.values) return sources.values[head]
  } else if (head === 'inputs') {
    return sources.input(rest.join('.'))
  } else if (head === 'env') {
    return sources.env[rest.join('.')]
  } else if (head === 'github') {
    return sources.github[rest.join('.')]
  } else if (head === 'event') {
    const v = lookup(sources.event, rest)
    return v === undefined || v === null ? undefined : typeof v === 'object' ? JSON.stringify(v) : String(v)
  }
  throw new UserError(
    `Unknown placeholder {{ ${name} }} at ${where}; use ${Object.keys(sources.values).join(', ')}, inputs.<input>, env.<NAME>, ` +
      `github.<name> or event.<path>.`
  )
}

/**
 * How Slack reads a string of the payload, which decides how a value placed in it is escaped:
 * mrkdwn (Slack's control characters &, < and > in text objects of type mrkdwn, the top-level
 * text and legacy attachment text), standard markdown (a markdown block), or literal (plain_text,
 * rich text, alt_text, URLs, IDs and values: shown or used as they are, never parsed for markup).
 */
export type TextKind = 'mrkdwn' | 'markdown' | 'literal'

/** Where in a string a placeholder sits: running text, a link's target (at its very start) or label. */
export type LinkPart = 'text' | 'target' | 'target-start' | 'label'

// Rich text leaves and table cells are structured: Slack shows their text as it is.
const LITERAL_TEXT_TYPES = new Set(['plain_text', 'text', 'link', 'raw_text', 'raw_number', 'url', 'emoji', 'date'])
// Strings of a legacy attachment that are links, IDs or settings rather than text.
const ATTACHMENT_RAW = /(^|_)(url|link|icon|id|ts|color|mrkdwn_in|name|type|style|value)$/

/** What part of a message an object belongs to; Block Kit, legacy attachments and the message
 * itself each read their strings differently. */
type Container = 'message' | 'attachment' | 'attachment-field' | 'blockkit'

function containerOf(key: string, parent: Container): Container {
  if (key === 'blocks') return 'blockkit'
  if (parent === 'message') return key === 'attachments' ? 'attachment' : 'message'
  if (parent === 'attachment' && key === 'fields') return 'attachment-field'
  return parent
}

function kindOf(key: string, parent: Record<string, unknown>, container: Container): TextKind {
  switch (container) {
    case 'message':
      // Other top-level strings are API arguments (channel, icon_emoji, username), not markup.
      return key === 'text' ? 'mrkdwn' : 'literal'
    case 'attachment':
      return key === 'fallback' || ATTACHMENT_RAW.test(key) ? 'literal' : 'mrkdwn'
    case 'attachment-field':
      return 'mrkdwn'
    case 'blockkit':
      // Block Kit parses markup only in a text object's text; every other string is structured.
      if (key !== 'text') return 'literal'
      if (parent.type === 'markdown') return 'markdown'
      return typeof parent.type === 'string' && LITERAL_TEXT_TYPES.has(parent.type) ? 'literal' : 'mrkdwn'
  }
}

/** Standard markdown's punctuation, each escaped with a backslash (the markdown block reference). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_~[\]()<>#|!&]/g, (c) => `\\${c}`)
}

const percent = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`

/** A value inside a link's target: it may not end the link, start its label or become a command. */
function escapeLinkTarget(value: string, kind: 'mrkdwn' | 'markdown', atStart: boolean): string {
  const encoded = value.replace(kind === 'mrkdwn' ? /[<>|\s]/g : /[<>()\\\s]/g, (c) =>
    c.charCodeAt(0) < 128 ? percent(c) : encodeURIComponent(c)
  )
  // <!channel>, <@U123> and <#C123> are Slack's commands: a link target must not begin like one.
  return atStart ? encoded.replace(/^[!@#]/, percent) : encoded
}

/** For each position of `template`, which part of a link it is in (mrkdwn <target|label>, markdown
 * [label](target)); the template's own markup decides, the values filled in later cannot. */
function linkParts(template: string, kind: TextKind): (index: number) => LinkPart {
  const marks: { at: number; part: LinkPart }[] = []
  if (kind === 'mrkdwn') {
    let part: LinkPart = 'text'
    for (let i = 0; i < template.length; i++) {
      const c = template[i]
      if (c === '<' && part === 'text') {
        marks.push({ at: i + 1, part: 'target-start' }, { at: i + 2, part: 'target' })
        part = 'target'
      } else if (c === '|' && part === 'target') {
        marks.push({ at: i + 1, part: 'label' })
        part = 'label'
      } else if (c === '>' && part !== 'text') {
        marks.push({ at: i + 1, part: 'text' })
        part = 'text'
      }
    }
  } else if (kind === 'markdown') {
    for (const m of template.matchAll(/\]\(([^)]*)\)/g))
      marks.push({ at: m.index + 2, part: 'target' }, { at: m.index + m[0].length - 1, part: 'text' })
  }
  return (index) => marks.filter((m) => m.at <= index).at(-1)?.part ?? 'text'
}

/**
 * `value` made safe for where it lands: in a string Slack reads as `kind`, at `part` of a link.
 * mrkdwn: &, < and > become entities (Slack's escaping); markdown: its punctuation is escaped
 * with backslashes; a link's target: the characters that would end it or start its label are
 * percent-encoded, and at its start so are !, @ and # (Slack's <!channel>, <@U…>, <#C…>);
 * literal strings are returned as they are.
 */
export function escapeFor(value: string, kind: TextKind, part: LinkPart = 'text'): string {
  if (kind === 'literal') return value
  if (part === 'target' || part === 'target-start') return escapeLinkTarget(value, kind, part === 'target-start')
  return kind === 'markdown' ? escapeMarkdown(value) : escapeMrkdwn(value)
}

/**
 * Fill every {{ placeholder }} in every string of the payload (keys are left alone). Each value is
 * escaped for where it lands (escapeFor); names in `sources.unescaped` are inserted as given.
 * Gives the message, the placeholders that had no value and every placeholder name used.
 */
export function fillPlaceholders(payload: Record<string, unknown>, sources: PlaceholderSources): FilledPayload {
  const empty = new Set<string>()
  const used = new Set<string>()
  const unescaped = sources.unescaped ?? new Set<string>()
  const fill = (template: string, kind: TextKind, where: string): string => {
    const partAt = linkParts(template, kind)
    return template.replace(PLACEHOLDER, (_, name: string, offset: number) => {
      const v = resolve(name, sources, where) ?? ''
      used.add(name)
      if (v === '') empty.add(name)
      return unescaped.has(name) ? v : escapeFor(v, kind, partAt(offset))
    })
  }
  const walk = (value: unknown, where: string, container: Container): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${where}[${i}]`, container))
    if (!value || typeof value !== 'object') return value
    const obj = value as Record<string, unknown>
    return Object.fromEntries(
      Object.entries(obj).map(([k, v]) => {
        const at = where ? `${where}.${k}` : k
        return [k, typeof v === 'string' ? fill(v, kindOf(k, obj, container), at) : walk(v, at, containerOf(k, container))]
      })
    )
  }
  const message = walk(payload, '', 'message') as SlackMessage
  return { message, empty: [...empty], used: [...used] }
}
