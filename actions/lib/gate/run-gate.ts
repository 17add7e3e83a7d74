// The gate, shared by actions/severity-gate, the scanner actions and `sgw gate`: read reports,
// apply exceptions and the baseline, count, and judge against the policy.
import { existsSync } from 'node:fs'
import { resolveReportPaths } from '../inputs/globs.js'
import type { Finding } from '../findings/model.js'
import type { ParseOptions, ReportFormat } from '../findings/parsed-report.js'
import { readReportFile } from '../findings/read-report.js'
import { loadBaseline } from '../policy/baseline.js'
import { applyExceptions, loadExceptions, type ExceptionEntry, type ExceptionUse } from '../policy/exceptions.js'
import type { PolicyKey } from '../policy/policy-file.js'
import type { ReviewBase, SuppressionChange, SuppressionReview } from '../policy/review.js'
import { countBySeverity, evaluate, type Breach, type Counts, type Policy, type Verdict } from '../policy/policy.js'

export const DEFAULT_EXCEPTIONS_FILE = '.security-exceptions.yml'

export interface GateConfig {
  /** Report files (already expanded; see resolveReportPaths). */
  reports: string[]
  format: ReportFormat | 'auto'
  parse: ParseOptions
  policy: Policy
  /** An exceptions file; when undefined, DEFAULT_EXCEPTIONS_FILE is used if present. */
  exceptions?: string
  baseline?: string
  /** With a baseline: only findings not in it count toward the thresholds. */
  newOnly: boolean
  /** Judge an incomplete scan by its findings alone instead of failing it. */
  allowIncomplete: boolean
  /** Parts of the input the scanner's own log says it skipped (the scanner actions read it). */
  unscanned?: string[]
  /** Exceptions from the policy files, applied with the exceptions file's. */
  policyExceptions?: ExceptionEntry[]
  /** What the change under review does to its suppressions (resolveTrustedPolicy). */
  review?: SuppressionReview
  /** The layer that set each limit. */
  sources?: Record<PolicyKey, string>
  expiryWarningDays?: number
  now: Date
}

export interface ReportSummary {
  path: string
  format: ReportFormat
  tool: string
  findings: number
}

export interface GateOutcome {
  result: Verdict
  /** Counts of the findings that count toward the thresholds. */
  counts: Counts
  total: number
  /** Findings not in the baseline (all of them when there is no baseline). */
  new: number
  breaches: Breach[]
  approvals: { severity: Finding['severity']; count: number }[]
  reports: ReportSummary[]
  /** Findings that count toward the thresholds, in report order. */
  counted: Finding[]
  /** In the baseline (counted too unless newOnly). */
  known: Finding[]
  excepted: Finding[]
  exceptionsFile?: string
  exceptionUses: ExceptionUse[]
  baselineFile?: string
  unmapped: string[]
  notes: string[]
  /** What the scanners say they did not scan, each line prefixed with its report's path. */
  incomplete: string[]
  /** True when the verdict is fail because of `incomplete` (allow-incomplete-scan not set). */
  failedIncomplete: boolean
  /** Suppressions the change under review adds or widens: they make a pass needs-approval. */
  suppressionChanges: SuppressionChange[]
  reviewBase?: ReviewBase
  /** Inline suppression comments in the checkout, per tool. */
  inlineSuppressions: Record<string, number>
  policySources?: Record<PolicyKey, string>
  tools: string[]
  /** Every finding after exceptions (counted and known), for the baseline and SARIF. */
  all: Finding[]
}

export { resolveReportPaths }

export function runGate(config: GateConfig): GateOutcome {
  const reports: ReportSummary[] = []
  let findings: Finding[] = []
  const unmapped = new Set<string>()
  const notes: string[] = []
  const incomplete: string[] = []
  const tools: string[] = []
  for (const path of config.reports) {
    const report = readReportFile(path, config.format, config.parse)
    reports.push({ path, format: report.format, tool: report.tool, findings: report.findings.length })
    findings = findings.length === 0 ? report.findings : findings.concat(report.findings)
    report.unmapped.forEach((id) => unmapped.add(id))
    notes.push(...report.notes)
    incomplete.push(...report.incomplete.map((line) => `${path}: ${line}`))
    for (const tool of report.tool.split('+')) if (!tools.includes(tool)) tools.push(tool)
  }

  incomplete.push(...(config.unscanned ?? []))

  const exceptionsFile = config.exceptions ?? (existsSync(DEFAULT_EXCEPTIONS_FILE) ? DEFAULT_EXCEPTIONS_FILE : undefined)
  const entries = [...(exceptionsFile ? loadExceptions(exceptionsFile) : []), ...(config.policyExceptions ?? [])]
  const { kept, excepted, uses } = applyExceptions(findings, entries, config.now, config.expiryWarningDays)

  let counted = kept
  let known: Finding[] = []
  let fresh = kept.length
  if (config.baseline) {
    const baseline = loadBaseline(config.baseline)
    const isNew = kept.filter((f) => !baseline.has(f.fingerprint))
    known = kept.filter((f) => baseline.has(f.fingerprint))
    fresh = isNew.length
    if (config.newOnly) counted = isNew
  }
  const evaluation = evaluate(countBySeverity(counted), config.policy)
  // What was not scanned cannot be called clean: fail closed unless the caller accepts it.
  const failedIncomplete = incomplete.length > 0 && !config.allowIncomplete
  // A change that silences a scanner is reviewed by someone else: never a pass on its own word.
  const changes = config.review?.changes ?? []
  const verdict = failedIncomplete ? 'fail' : evaluation.result === 'pass' && changes.length > 0 ? 'needs-approval' : evaluation.result
  return {
    result: verdict,
    counts: evaluation.counts,
    total: counted.length,
    new: fresh,
    breaches: evaluation.breaches,
    approvals: evaluation.approvals,
    reports,
    counted,
    known,
    excepted,
    exceptionsFile,
    exceptionUses: uses,
    baselineFile: config.baseline,
    unmapped: [...unmapped].sort(),
    notes: [...notes, ...unusedExceptionNotes(uses)],
    incomplete,
    failedIncomplete,
    suppressionChanges: changes,
    reviewBase: config.review?.base,
    inlineSuppressions: config.review?.inline ?? {},
    policySources: config.sources,
    tools,
    all: kept
  }
}

/** Why a gate failed, as one clause: "2 critical > 0, incomplete scan (1 file not scanned)". */
export function failureReason(outcome: GateOutcome): string {
  const parts = outcome.breaches.map((b) => `${b.count} ${b.severity} > ${b.max}`)
  if (outcome.failedIncomplete) {
    const more = outcome.incomplete.length > 1 ? ` and ${outcome.incomplete.length - 1} more` : ''
    parts.push(`incomplete scan (${outcome.incomplete[0]}${more}; allow-incomplete-scan is false)`)
  }
  return parts.join(', ')
}

/** An active exception that matched no finding: stale (the finding was fixed) or mistyped. */
function unusedExceptionNotes(uses: readonly ExceptionUse[]): string[] {
  return uses
    .filter((u) => !u.expired && u.matched === 0)
    .map((u) => `Exception ${u.entry.ruleId}${u.entry.package ? ` (package ${u.entry.package})` : ''}${u.entry.path ? ` (path ${u.entry.path})` : ''} matched no finding: remove it, or check its id and scope.`)
}
