// Thresholds per severity and the three verdicts: pass, needs-approval, fail.
import { SEVERITIES, type Finding, type Severity } from '../findings/model.js'

export type Verdict = 'pass' | 'needs-approval' | 'fail'
export type Counts = Record<Severity, number>
/** Maximum count allowed per severity; null means no limit. `info` never gates. */
export type Thresholds = Record<Exclude<Severity, 'info'>, number | null>

export const DEFAULT_THRESHOLDS: Thresholds = { critical: 0, high: 5, medium: 20, low: 50, unknown: null }
export const DEFAULT_APPROVAL_SEVERITIES: Severity[] = ['high']
export const GATED_SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'] as const

export interface Policy {
  thresholds: Thresholds
  /** Findings at these severities, within their threshold, need a human's approval. */
  approvalSeverities: Severity[]
}

export interface Breach {
  severity: Severity
  count: number
  max: number
}

export interface Evaluation {
  result: Verdict
  counts: Counts
  breaches: Breach[]
  /** Severities that made the result needs-approval, with their counts. */
  approvals: { severity: Severity; count: number }[]
}

export function emptyCounts(): Counts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0, unknown: 0 }
}

export function countBySeverity(findings: readonly Finding[]): Counts {
  const counts = emptyCounts()
  for (const f of findings) counts[f.severity]++
  return counts
}

/** Counts per tool, for every tool listed (a tool with no finding counts zeros). */
export function countByTool(findings: readonly Finding[], tools: readonly string[]): Map<string, Counts> {
  const out = new Map(tools.map((t) => [t, emptyCounts()]))
  for (const f of findings) {
    let counts = out.get(f.tool)
    if (!counts) out.set(f.tool, (counts = emptyCounts()))
    counts[f.severity]++
  }
  return out
}

export function evaluate(counts: Counts, policy: Policy): Evaluation {
  const breaches: Breach[] = []
  for (const severity of GATED_SEVERITIES) {
    const max = policy.thresholds[severity]
    if (max !== null && counts[severity] > max) breaches.push({ severity, count: counts[severity], max })
  }
  const approvals = SEVERITIES.filter((s) => policy.approvalSeverities.includes(s) && counts[s] > 0).map((severity) => ({ severity, count: counts[severity] }))
  const result: Verdict = breaches.length > 0 ? 'fail' : approvals.length > 0 ? 'needs-approval' : 'pass'
  return { result, counts, breaches, approvals }
}
