// security-summary.json: the whole outcome in one machine-readable document.
import { plainFinding, type Finding } from '../findings/model.js'
import type { GateOutcome } from '../gate/run-gate.js'
import type { Policy } from '../policy/policy.js'

export interface JsonReportContext {
  policy: Policy
  /** The inputs the gate ran with, as given (no secrets: tokens are never passed here). */
  inputs: Record<string, string | number | boolean | null>
  now: Date
}

/** The CLI's `--output json` document and the core of security-summary.json. */
export function gateJson(outcome: GateOutcome) {
  return {
    result: outcome.result,
    counts: outcome.counts,
    total: outcome.total,
    new: outcome.new,
    reports: outcome.reports.map((r) => ({ path: r.path, format: r.format, tool: r.tool, findings: r.findings })),
    breaches: outcome.breaches,
    approvals: outcome.approvals,
    // Why the verdict is what it is, beyond the counts: what was not scanned, what was rated by
    // default, what the readers noticed.
    incomplete: outcome.incomplete,
    incompleteFails: outcome.failedIncomplete,
    unmappedChecks: outcome.unmapped,
    notes: outcome.notes,
    suppressionChanges: outcome.suppressionChanges,
    reviewBase: outcome.reviewBase?.sha ?? null,
    inlineSuppressions: outcome.inlineSuppressions,
    policySources: outcome.policySources ?? null
  }
}

export function securitySummaryJson(outcome: GateOutcome, ctx: JsonReportContext): string {
  const known = new Set(outcome.known.map((f) => f.fingerprint))
  const counted = new Set(outcome.counted)
  const row = (f: Finding, status: string) => ({ ...plainFinding(f), status })
  const doc = {
    ...gateJson(outcome),
    generated: ctx.now.toISOString(),
    thresholds: ctx.policy.thresholds,
    approvalSeverities: ctx.policy.approvalSeverities,
    inputs: ctx.inputs,
    exceptions: {
      file: outcome.exceptionsFile ?? null,
      excepted: outcome.excepted.length,
      entries: outcome.exceptionUses.map((u) => ({ ...u.entry, expired: u.expired, expiringSoon: u.expiringSoon, matched: u.matched }))
    },
    baseline: outcome.baselineFile ? { file: outcome.baselineFile, new: outcome.new, known: outcome.known.length } : null,
    findings: [
      ...outcome.all.map((f) => row(f, known.has(f.fingerprint) ? (counted.has(f) ? 'known' : 'known-not-counted') : 'new')),
      ...outcome.excepted.map((f) => row(f, 'excepted'))
    ]
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}
