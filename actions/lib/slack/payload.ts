// Custom messages: a Block Kit payload (JSON or YAML) written by the user, with {{ placeholders }}
// filled in after parsing, so that a value can never break the JSON or inject blocks.
import { parseDocument } from 'yaml'
import { UserError } from '../errors/user-error.js'
import type { SlackMessage } from './blocks.js'

export interface PlaceholderSources {
  /** status, emoji, color, headline, service, run_url, ...: the message's own values. */
  values: Record<string, string>
  /** The action's inputs by name (inputs.environment). */
  input: (name: string) => string
  env: Record<string, string | undefined>
  /** github.repository, github.sha, ...: the runner context. */
  github: Record<string, string>
  event: unknown
}

export interface FilledPayload {
  message: SlackMessage
  /** Placeholders that had no value (filled with ""), for a warning. */
  empty: string[]
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
      const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\(line \d+ column \d+\)/, '').replace(/, "[\s\S]*" is not valid JSON$/, '')
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
      throw new UserError(`The ${source} is not valid YAML (${pos ? `line ${pos.line}, column ${pos.col}` : 'somewhere'}): ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}.`)
    }
    value = doc.toJS()
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UserError(`The ${source} must be an object with "text", "blocks" or "attachments" (a Slack message), got ${Array.isArray(value) ? 'a list' : typeof value}.`)
  const message = value as Record<string, unknown>
  if (!('text' in message) && !('blocks' in message) && !('attachments' in message)) throw new UserError(`The ${source} has none of "text", "blocks" and "attachments"; Slack needs at least one.`)
  for (const key of ['blocks', 'attachments'] as const) {
    if (!(key in message)) continue
    const list = message[key]
    if (!Array.isArray(list)) throw new UserError(`"${key}" in the ${source} must be a list.`)
    list.forEach((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new UserError(`${key}[${i}] in the ${source} must be an object.`)
      if (key === 'blocks' && typeof (item as Record<string, unknown>).type !== 'string') throw new UserError(`blocks[${i}] in the ${source} has no "type" (section, header, context, divider, ...).`)
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
  throw new UserError(`Unknown placeholder {{ ${name} }} at ${where}; use ${Object.keys(sources.values).join(', ')}, inputs.<input>, env.<NAME>, github.<name> or event.<path>.`)
}

/** Fill every {{ placeholder }} in every string of the payload (keys are left alone). */
export function fillPlaceholders(payload: Record<string, unknown>, sources: PlaceholderSources): FilledPayload {
  const empty = new Set<string>()
  const walk = (value: unknown, where: string): unknown => {
    if (typeof value === 'string') {
      return value.replace(PLACEHOLDER, (_, name: string) => {
        const v = resolve(name, sources, where)
        if (v === undefined || v === '') empty.add(name)
        return v ?? ''
      })
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${where}[${i}]`))
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, where ? `${where}.${k}` : k)]))
    return value
  }
  const message = walk(payload, '') as SlackMessage
  return { message, empty: [...empty] }
}
