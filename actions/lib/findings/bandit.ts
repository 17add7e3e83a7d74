// Bandit JSON (`bandit -f json`): results[] of {test_id, test_name, issue_severity,
// issue_confidence, issue_text, filename, line_number, line_range, more_info, issue_cwe}, errors[]
// of {filename, reason} and metrics (bandit/formatters/json.py, bandit/core/issue.py as_dict).
// A file bandit could not parse was not checked: the scan is incomplete.
import { fingerprintOf } from './fingerprint.js'
import type { Finding, Severity } from './model.js'
import type { ParsedReport } from './parsed-report.js'
import { isObject, lineOf, reportError, str } from './report-error.js'

/** bandit/core/constants.py RANKING: UNDEFINED, LOW, MEDIUM, HIGH. */
const SEVERITY: Record<string, Severity> = { HIGH: 'high', MEDIUM: 'medium', LOW: 'low', UNDEFINED: 'unknown' }

export function isBandit(doc: Record<string, unknown>): boolean {
  return Array.isArray(doc.results) && Array.isArray(doc.errors) && isObject(doc.metrics) && 'generated_at' in doc
}

export function parseBandit(doc: Record<string, unknown>, path: string): ParsedReport {
  if (!Array.isArray(doc.results)) throw reportError(path, 'bandit report: "results" is not an array.')
  const findings: Finding[] = []
  for (let i = 0; i < doc.results.length; i++) {
    const r = doc.results[i]
    const where = `bandit report: results[${i}]`
    if (!isObject(r) || !str(r.test_id) || !str(r.filename)) throw reportError(path, `${where} has no test_id or filename.`)
    const severity = typeof r.issue_severity === 'string' ? SEVERITY[r.issue_severity.toUpperCase()] : undefined
    if (!severity) throw reportError(path, `${where} has unknown issue_severity ${JSON.stringify(r.issue_severity)}; expected HIGH, MEDIUM or LOW.`)
    const id = str(r.test_id)!
    const file = str(r.filename)!.replace(/^\.\/+/, '')
    const line = lineOf(r.line_number)
    const range = Array.isArray(r.line_range) ? r.line_range : []
    findings.push({
      tool: 'bandit',
      kind: 'other',
      ruleId: id,
      severity,
      title: `${str(r.issue_text) ?? str(r.test_name) ?? id}${str(r.issue_confidence) ? ` (confidence ${String(r.issue_confidence).toLowerCase()})` : ''}`,
      location: { file, line, endLine: lineOf(range[range.length - 1]) },
      fingerprint: fingerprintOf('bandit', id, file, line),
      fixAvailable: undefined,
      helpUri: str(r.more_info)
    })
  }
  const errors = Array.isArray(doc.errors) ? doc.errors.filter(isObject) : []
  const incomplete = errors.map((e) => `bandit could not check ${str(e.filename) ?? 'a file'}: ${str(e.reason) ?? 'error'}.`)
  return { format: 'bandit', tool: 'bandit', findings, unmapped: [], notes: [], incomplete }
}
