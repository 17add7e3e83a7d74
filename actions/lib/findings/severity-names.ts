import { UserError } from '../errors/user-error.js'
import type { Severity } from './model.js'

const NAMES: Record<string, Severity> = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  moderate: 'medium',
  low: 'low',
  info: 'info',
  informational: 'info',
  negligible: 'info',
  unknown: 'unknown'
}

/** A tool's severity name (CRITICAL, High, moderate...) as our severity, or undefined. */
const EXACT: Record<string, Severity> = { CRITICAL: 'critical', HIGH: 'high', MEDIUM: 'medium', LOW: 'low', UNKNOWN: 'unknown' }

export function severityFromName(name: unknown): Severity | undefined {
  if (typeof name !== 'string') return undefined
  // The upper-case names trivy prints take the fast path; large reports hold thousands of them.
  return EXACT[name] ?? NAMES[name.trim().toLowerCase()]
}

/** The error for a severity name a tool is not allowed to print. Callers write
 * `severityFromName(x) ?? unknownSeverity(...)` so the message is only built on that path. */
export function unknownSeverity(name: unknown, where: string): never {
  throw new UserError(`${where}: unknown severity ${JSON.stringify(name)}; expected CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN.`)
}

/** CVSS score to severity, as code scanning reads `security-severity`. */
export function severityFromCvss(score: number): Severity {
  if (score >= 9) return 'critical'
  if (score >= 7) return 'high'
  if (score >= 4) return 'medium'
  if (score > 0) return 'low'
  return 'info'
}
