// Exceptions that expire: each entry names a rule (and optionally a fingerprint, path or package),
// says why, and until when. Expired entries stop suppressing and are reported.
import { readFileSync } from 'node:fs'
import { minimatch } from 'minimatch'
import { parse as parseYaml } from 'yaml'
import { UserError } from '../errors/user-error.js'
import type { Finding } from '../findings/model.js'
import { canonicalTrivyCheckId } from '../findings/trivy.js'
import { DEFAULT_EXPIRY_WARNING_DAYS } from './defaults.js'

export interface ExceptionEntry {
  /** 1-based position in the file, for messages. */
  index: number
  ruleId: string
  tool?: string
  fingerprint?: string
  path?: string
  package?: string
  /** Who answers for it: a user (`@alice`) or a team (`@acme/platform`). */
  owner: string
  reason: string
  /** Last day (UTC) on which the entry suppresses, as YYYY-MM-DD. */
  expires: string
}

export interface ExceptionUse {
  entry: ExceptionEntry
  expired: boolean
  /** Findings this entry suppressed (active) or would have suppressed (expired). */
  matched: number
  /** Active, and its last day is within the expiry warning window. */
  expiringSoon: boolean
}

const KNOWN_KEYS = new Set(['id', 'rule', 'rule-id', 'tool', 'fingerprint', 'path', 'package', 'owner', 'reason', 'expires'])

export function loadExceptions(file: string): ExceptionEntry[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UserError(`${file}: exceptions file ${code === 'ENOENT' ? 'not found' : 'cannot be read'}; check the "exceptions" input.`)
  }
  return parseExceptions(text, file)
}

export function parseExceptions(text: string, file: string): ExceptionEntry[] {
  let doc: unknown
  try {
    doc = parseYaml(text, { prettyErrors: false })
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new UserError(`${file}: exceptions file is not valid YAML: ${detail}`)
  }
  if (doc === null || doc === undefined) return []
  const list = Array.isArray(doc) ? doc : typeof doc === 'object' && Array.isArray((doc as Record<string, unknown>).exceptions) ? (doc as Record<string, unknown[]>).exceptions : undefined
  if (!list) throw new UserError(`${file}: expected a list of exceptions, or a mapping with an "exceptions" list.`)
  return parseExceptionList(list, file)
}

/** Exception entries from an already parsed YAML list (an exceptions file, or a policy's). */
export function parseExceptionList(list: unknown, file: string): ExceptionEntry[] {
  if (!Array.isArray(list)) throw new UserError(`${file}: "exceptions" is a list of entries (id, owner, reason, expires).`)
  return list.map((raw, i) => toEntry(raw, i + 1, file))
}

function toEntry(raw: unknown, index: number, file: string): ExceptionEntry {
  const at = `${file}: exception ${index}`
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UserError(`${at} is not a mapping.`)
  const entry = raw as Record<string, unknown>
  const unknown = Object.keys(entry).filter((k) => !KNOWN_KEYS.has(k))
  if (unknown.length > 0) throw new UserError(`${at} has unknown key(s) ${unknown.join(', ')}; allowed: id, tool, fingerprint, path, package, owner, reason, expires.`)
  const text = (key: string): string | undefined => {
    const value = entry[key]
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string' && typeof value !== 'number') throw new UserError(`${at}: "${key}" must be a string.`)
    const s = String(value).trim()
    return s === '' ? undefined : s
  }
  const ruleId = text('id') ?? text('rule') ?? text('rule-id')
  if (!ruleId) throw new UserError(`${at} needs "id": the rule id it excepts (a CVE, check id or secret rule).`)
  const reason = text('reason')
  if (!reason) throw new UserError(`${at} (${ruleId}) needs a "reason": why this finding is accepted.`)
  const owner = text('owner')
  if (!owner) throw new UserError(`${at} (${ruleId}) needs an "owner": the user or team (@alice, @acme/platform) who answers for it.`)
  const expiresRaw = entry.expires instanceof Date ? entry.expires.toISOString().slice(0, 10) : text('expires')
  if (!expiresRaw) throw new UserError(`${at} (${ruleId}) needs "expires" (YYYY-MM-DD): exceptions must end.`)
  if (!isIsoDate(expiresRaw)) throw new UserError(`${at} (${ruleId}): "expires" must be a date as YYYY-MM-DD, got "${expiresRaw}".`)
  return { index, ruleId, tool: text('tool')?.toLowerCase(), fingerprint: text('fingerprint'), path: text('path'), package: text('package'), owner, reason, expires: expiresRaw }
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

export function isExpired(entry: ExceptionEntry, now: Date): boolean {
  return now.toISOString().slice(0, 10) > entry.expires
}

export { DEFAULT_EXPIRY_WARNING_DAYS }

/** Active and ending within `days` days of `now` (UTC dates). */
export function isExpiringSoon(entry: ExceptionEntry, now: Date, days: number): boolean {
  if (isExpired(entry, now)) return false
  const limit = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10)
  return entry.expires <= limit
}

/**
 * True when `wide` excepts at least everything `narrow` does, for as long: the same rule, and every
 * scope key of `wide` (tool, fingerprint, path, package) absent or equal, and an expiry no earlier.
 * A pull request's exception that no base exception covers is one it grants itself.
 */
export function covers(wide: ExceptionEntry, narrow: ExceptionEntry): boolean {
  if (canonicalTrivyCheckId(wide.ruleId) !== canonicalTrivyCheckId(narrow.ruleId)) return false
  for (const key of ['tool', 'fingerprint', 'path', 'package'] as const) {
    if (wide[key] !== undefined && wide[key] !== narrow[key]) return false
  }
  return wide.expires >= narrow.expires
}

function matches(entry: ExceptionEntry, finding: Finding): boolean {
  if (entry.ruleId !== finding.ruleId && canonicalTrivyCheckId(entry.ruleId) !== finding.ruleId) return false
  if (entry.tool && entry.tool !== finding.tool) return false
  if (entry.fingerprint && entry.fingerprint !== finding.fingerprint) return false
  if (entry.package && entry.package !== finding.location.package) return false
  if (entry.path) {
    const file = finding.location.file ?? finding.location.target
    if (!file || !minimatch(file, entry.path, { dot: true, matchBase: !entry.path.includes('/') })) return false
  }
  return true
}

export interface ExceptionOutcome {
  kept: Finding[]
  excepted: Finding[]
  uses: ExceptionUse[]
}

/** Split findings into those that still count and those an active exception covers. */
export function applyExceptions(findings: Finding[], entries: readonly ExceptionEntry[], now: Date, warningDays = DEFAULT_EXPIRY_WARNING_DAYS): ExceptionOutcome {
  if (entries.length === 0) return { kept: findings, excepted: [], uses: [] }
  const uses = entries.map((entry) => ({ entry, expired: isExpired(entry, now), matched: 0, expiringSoon: isExpiringSoon(entry, now, warningDays) }))
  const byRule = new Map<string, ExceptionUse[]>()
  for (const use of uses) {
    for (const key of new Set([use.entry.ruleId, canonicalTrivyCheckId(use.entry.ruleId)])) {
      byRule.set(key, [...(byRule.get(key) ?? []), use])
    }
  }
  const kept: Finding[] = []
  const excepted: Finding[] = []
  for (const finding of findings) {
    const candidates = byRule.get(finding.ruleId)
    let covered = false
    if (candidates) {
      for (const use of candidates) {
        if (!matches(use.entry, finding)) continue
        use.matched++
        if (!use.expired) covered = true
      }
    }
    ;(covered ? excepted : kept).push(finding)
  }
  return { kept, excepted, uses }
}
