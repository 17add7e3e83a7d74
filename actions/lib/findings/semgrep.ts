// Semgrep JSON (`semgrep scan --json`): results[] of {check_id, path, start, end, extra: {message,
// severity, metadata, fingerprint}}, errors[] and paths.scanned (semgrep-interfaces
// semgrep_output_v1.atd: cli_output, cli_match, cli_error). A file semgrep could not analyse
// (an error of level "error" naming a path) is listed as not scanned; other errors are notes.
import { fingerprintOf } from './fingerprint.js'
import type { Finding, Severity } from './model.js'
import type { ParsedReport } from './parsed-report.js'
import { isObject, lineOf, reportError, str } from './report-error.js'

/** Rule severities: ERROR/WARNING/INFO, and since semgrep 1.9x also CRITICAL/HIGH/MEDIUM/LOW;
 * EXPERIMENT and INVENTORY rules report facts, not problems. */
const SEVERITY: Record<string, Severity> = {
  CRITICAL: 'critical',
  ERROR: 'high',
  HIGH: 'high',
  WARNING: 'medium',
  MEDIUM: 'medium',
  INFO: 'low',
  LOW: 'low',
  EXPERIMENT: 'info',
  INVENTORY: 'info'
}

export function isSemgrep(doc: Record<string, unknown>): boolean {
  return Array.isArray(doc.results) && Array.isArray(doc.errors) && ('paths' in doc || 'version' in doc)
}

export function parseSemgrep(doc: Record<string, unknown>, path: string): ParsedReport {
  if (!Array.isArray(doc.results)) throw reportError(path, 'semgrep report: "results" is not an array.')
  const findings: Finding[] = []
  for (let i = 0; i < doc.results.length; i++) {
    const r = doc.results[i]
    const where = `semgrep report: results[${i}]`
    if (!isObject(r) || !str(r.check_id) || !str(r.path)) throw reportError(path, `${where} has no check_id or path.`)
    const extra = isObject(r.extra) ? r.extra : {}
    const raw = str(extra.severity)
    const severity = raw ? SEVERITY[raw.toUpperCase()] : undefined
    if (!severity) throw reportError(path, `${where} has unknown severity ${JSON.stringify(extra.severity)}; expected ERROR, WARNING, INFO (or CRITICAL, HIGH, MEDIUM, LOW).`)
    const id = str(r.check_id)!
    const file = str(r.path)!.replace(/^\.\/+/, '')
    const line = isObject(r.start) ? lineOf(r.start.line) : undefined
    const meta = isObject(extra.metadata) ? extra.metadata : {}
    // semgrep's own fingerprint ignores line moves; "requires login" is its placeholder without one.
    const own = str(extra.fingerprint) && extra.fingerprint !== 'requires login' ? str(extra.fingerprint) : undefined
    findings.push({
      tool: 'semgrep',
      kind: 'other',
      ruleId: id,
      severity,
      title: str(extra.message)?.split('\n')[0] ?? id,
      location: { file, line, endLine: isObject(r.end) ? lineOf(r.end.line) : undefined },
      fingerprint: fingerprintOf('semgrep', id, file, own ?? line),
      fixAvailable: str(extra.fix) !== undefined ? true : undefined,
      helpUri: str(meta.source) ?? (Array.isArray(meta.references) ? str(meta.references[0]) : undefined)
    })
  }
  const notes: string[] = []
  const incomplete: string[] = []
  for (const e of Array.isArray(doc.errors) ? doc.errors.filter(isObject) : []) {
    const file = str(e.path)
    const what = `${str(e.type) ?? (Array.isArray(e.type) ? String(e.type[0]) : 'error')}: ${str(e.message)?.split('\n')[0] ?? ''}`.trim()
    if (e.level === 'error' && file) incomplete.push(`semgrep could not analyse ${file} (${what}).`)
    else notes.push(`semgrep ${String(e.level ?? 'error')}${file ? ` in ${file}` : ''}: ${what}`)
  }
  return { format: 'semgrep', tool: 'semgrep', findings, unmapped: [], notes, incomplete }
}
