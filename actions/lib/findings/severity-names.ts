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
export function severityFromName(name: unknown): Severity | undefined {
  return typeof name === 'string' ? NAMES[name.trim().toLowerCase()] : undefined
}

/** Like severityFromName, but a name the tool is not allowed to print is a report error. */
export function requireSeverity(name: unknown, where: string): Severity {
  const severity = severityFromName(name)
  if (severity === undefined) throw new UserError(`${where}: unknown severity ${JSON.stringify(name)}; expected CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN.`)
  return severity
}

/** CVSS score to severity, as code scanning reads `security-severity`. */
export function severityFromCvss(score: number): Severity {
  if (score >= 9) return 'critical'
  if (score >= 7) return 'high'
  if (score >= 4) return 'medium'
  if (score > 0) return 'low'
  return 'info'
}
