// Typed parsing of textual inputs, shared by the actions (action.yml inputs) and the CLI (flags).
// Every error names the input and what it accepts.
import { UserError } from '../errors/user-error.js'
import { isSeverity, type Severity } from '../findings/model.js'

export function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = (raw ?? '').trim()
  if (value === '') return fallback
  if (value === 'true') return true
  if (value === 'false') return false
  throw new UserError(`Input "${name}" must be true or false, got "${value}".`)
}

/** Newline- or comma-separated list; blank entries dropped. */
export function parseList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** A whole number >= 0, or `none` or `-1` (no limit, returned as null: the reusable workflows'
 * number inputs spell it -1). */
export function parseThreshold(name: string, raw: string | undefined, fallback: number | null): number | null {
  const value = (raw ?? '').trim().toLowerCase()
  if (value === '') return fallback
  if (value === 'none' || value === '-1') return null
  if (!/^\d+$/.test(value)) throw new UserError(`Input "${name}" must be a whole number (0 or more), or "none" or -1 for no limit, got "${raw?.trim()}".`)
  return Number(value)
}

export function parseWholeNumber(name: string, raw: string | undefined, fallback: number, min = 0): number {
  const value = (raw ?? '').trim()
  if (value === '') return fallback
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UserError(`Input "${name}" must be a whole number of at least ${min}, got "${value}".`)
  return Number(value)
}

export function parseSeverity(name: string, raw: string | undefined, fallback: Severity): Severity {
  const value = (raw ?? '').trim().toLowerCase()
  if (value === '') return fallback
  if (!isSeverity(value)) throw new UserError(`Input "${name}" must be one of critical, high, medium, low, info, unknown; got "${raw?.trim()}".`)
  return value
}

/** A list of severities; `none` (or an empty value when `emptyIsNone`) means no severity. */
export function parseSeverityList(name: string, raw: string | undefined, fallback: Severity[]): Severity[] {
  const value = (raw ?? '').trim()
  if (value === '') return fallback
  if (value.toLowerCase() === 'none') return []
  return parseList(value).map((item) => parseSeverity(name, item, 'unknown'))
}

export function parseChoice<T extends string>(name: string, raw: string | undefined, choices: readonly T[], fallback: T): T {
  const value = (raw ?? '').trim()
  if (value === '') return fallback
  if (!(choices as readonly string[]).includes(value)) throw new UserError(`Input "${name}" must be one of ${choices.join(', ')}; got "${value}".`)
  return value as T
}

const DURATION_UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 }

/** A duration in seconds: `90`, `90s`, `5m`, `1h30m`, `500ms`. */
export function parseDuration(name: string, raw: string | undefined, fallbackSeconds: number): number {
  const value = (raw ?? '').trim().toLowerCase()
  if (value === '') return fallbackSeconds
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value)
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)]
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value) throw new UserError(`Input "${name}" must be a duration like 30s, 5m or 1h30m (a bare number is seconds), got "${raw?.trim()}".`)
  return parts.reduce((sum, p) => sum + Number(p[1]) * DURATION_UNITS[p[2]], 0)
}

/** A number (decimals allowed), optionally bounded below. */
export function parseNumber(name: string, raw: string | undefined, fallback: number | undefined): number | undefined {
  const value = (raw ?? '').trim()
  if (value === '') return fallback
  const n = Number(value)
  if (!Number.isFinite(n)) throw new UserError(`Input "${name}" must be a number, got "${value}".`)
  return n
}
