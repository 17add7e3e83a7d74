// checkov JSON: one framework (object), several (array), or the bare summary printed when nothing
// was scanned. Without a platform API key checkov leaves `severity` null; the built-in map fills it.
import { checkovSeverity } from './checkov-severity.js'
import { fingerprintOf } from './fingerprint.js'
import type { Finding, Severity } from './model.js'
import type { ParseOptions, ParsedReport } from './parsed-report.js'
import { isObject, reportError, str } from './report-error.js'
import { severityFromName } from './severity-names.js'

const SUMMARY_KEYS = ['passed', 'failed', 'skipped', 'parsing_errors']

/** True for the summary object checkov prints when it found nothing to scan. */
export function isCheckovBareSummary(doc: Record<string, unknown>): boolean {
  return SUMMARY_KEYS.every((k) => typeof doc[k] === 'number') && !('results' in doc)
}

export function isCheckovFramework(doc: unknown): doc is Record<string, unknown> {
  return isObject(doc) && typeof doc.check_type === 'string' && isObject(doc.results)
}

export function parseCheckov(doc: unknown, path: string, options: ParseOptions): ParsedReport {
  const frameworks = Array.isArray(doc) ? doc : [doc]
  const findings: Finding[] = []
  const unmapped = new Set<string>()
  const notes: string[] = []
  for (let f = 0; f < frameworks.length; f++) {
    const fw = frameworks[f]
    if (isObject(fw) && isCheckovBareSummary(fw)) {
      if (fw.failed !== 0) throw reportError(path, `checkov summary says ${String(fw.failed)} checks failed but lists no results; run checkov with -o json.`)
      continue
    }
    if (!isCheckovFramework(fw)) throw reportError(path, `checkov report: entry ${f} has no check_type and results; is this checkov -o json output?`)
    const results = fw.results as Record<string, unknown>
    const failed = 'failed_checks' in results ? results.failed_checks : []
    if (!Array.isArray(failed)) throw reportError(path, `checkov report: ${String(fw.check_type)}.results.failed_checks is not an array.`)
    const parsingErrors = Array.isArray(results.parsing_errors) ? results.parsing_errors.length : 0
    if (parsingErrors > 0) notes.push(`checkov could not parse ${parsingErrors} ${String(fw.check_type)} file(s); they were not checked.`)
    for (let i = 0; i < failed.length; i++) {
      const check = failed[i]
      if (!isObject(check)) throw reportError(path, `checkov report: ${String(fw.check_type)} failed_checks[${i}] is not an object.`)
      const id = str(check.check_id)
      if (!id) throw reportError(path, `checkov report: ${String(fw.check_type)} failed_checks[${i}] has no check_id.`)
      const severity = severityOf(check, id, String(fw.check_type), options, unmapped, path)
      const file = normalisePath(str(check.repo_file_path) ?? str(check.file_path))
      const range = Array.isArray(check.file_line_range) ? check.file_line_range : []
      const line = typeof range[0] === 'number' && range[0] > 0 ? range[0] : undefined
      const resource = str(check.resource)
      findings.push({
        tool: 'checkov',
        kind: fw.check_type === 'secrets' ? 'secret' : 'misconfiguration',
        ruleId: id,
        severity,
        title: str(check.check_name) ?? id,
        location: { file, line, endLine: typeof range[1] === 'number' ? range[1] : undefined, resource, target: fw.check_type as string },
        fingerprint: fingerprintOf('checkov', id, file, resource ?? line),
        fixAvailable: undefined,
        helpUri: str(check.guideline)
      })
    }
  }
  return { format: 'checkov', tool: 'checkov', findings, unmapped: [...unmapped].sort(), notes }
}

function severityOf(check: Record<string, unknown>, id: string, framework: string, options: ParseOptions, unmapped: Set<string>, path: string): Severity {
  if (check.severity !== null && check.severity !== undefined) {
    const given = severityFromName(check.severity)
    if (!given) throw reportError(path, `checkov report: ${id} has unknown severity ${JSON.stringify(check.severity)}.`)
    return given
  }
  return mappedCheckovSeverity(id, framework === 'secrets', options, unmapped)
}

/** A check without a severity of its own: the built-in map, else secret-severity for secrets,
 * else default-severity (and the id is listed as unmapped). Shared by checkov's JSON and SARIF. */
export function mappedCheckovSeverity(id: string, isSecret: boolean, options: ParseOptions, unmapped: Set<string>): Severity {
  const known = checkovSeverity(id)
  if (known) return known.severity
  if (isSecret || id.startsWith('CKV_SECRET_')) return options.secretSeverity
  unmapped.add(id)
  return options.defaultSeverity
}

/** checkov prints `/main.tf` for files under the scanned directory; report them relative. */
function normalisePath(file: string | undefined): string | undefined {
  if (file === undefined) return undefined
  return file.replace(/^\/+/, '')
}
