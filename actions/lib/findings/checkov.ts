// checkov JSON: one framework (object), several (array), or the bare summary printed when nothing
// was scanned. Without a platform API key checkov leaves `severity` null; the built-in map fills it.
import { checkovSeverity } from './checkov-severity.js'
import { fingerprintOf } from './fingerprint.js'
import type { Finding, Severity } from './model.js'
import type { ParseOptions, ParsedReport } from './parsed-report.js'
import { isObject, lineOf, reportError, str } from './report-error.js'
import { severityFromName } from './severity-names.js'

const SUMMARY_KEYS = ['passed', 'failed', 'skipped']

/** True for the summary object checkov prints when it found nothing to scan: `parsing_errors` in
 * checkov 3, `parsingerrors` (with `resourcecount`) in checkov 2. */
export function isCheckovBareSummary(doc: Record<string, unknown>): boolean {
  return SUMMARY_KEYS.every((k) => typeof doc[k] === 'number') && parsingErrorCount(doc) !== undefined && !('results' in doc)
}

function parsingErrorCount(summary: Record<string, unknown>): number | undefined {
  const n = summary.parsing_errors ?? summary.parsingerrors
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined
}

export function isCheckovFramework(doc: unknown): doc is Record<string, unknown> {
  return isObject(doc) && typeof doc.check_type === 'string' && isObject(doc.results)
}

export function parseCheckov(doc: unknown, path: string, options: ParseOptions): ParsedReport {
  const frameworks = Array.isArray(doc) ? doc : [doc]
  const findings: Finding[] = []
  const unmapped = new Set<string>()
  const notes: string[] = []
  const incomplete: string[] = []
  for (let f = 0; f < frameworks.length; f++) {
    const fw = frameworks[f]
    if (isObject(fw) && isCheckovBareSummary(fw)) {
      if (fw.failed !== 0) throw reportError(path, `checkov summary says ${String(fw.failed)} checks failed but lists no results; run checkov with -o json.`)
      // Nothing scanned and files it could not parse: the files are unchecked, not clean.
      const unparsed = parsingErrorCount(fw) ?? 0
      if (unparsed > 0) incomplete.push(`checkov could not parse ${unparsed} file(s) and scanned nothing (the report does not name them; checkov's log does).`)
      continue
    }
    if (!isCheckovFramework(fw)) throw reportError(path, `checkov report: entry ${f} has no check_type and results; is this checkov -o json output?`)
    const results = fw.results as Record<string, unknown>
    const failed = 'failed_checks' in results ? results.failed_checks : []
    if (!Array.isArray(failed)) throw reportError(path, `checkov report: ${String(fw.check_type)}.results.failed_checks is not an array.`)
    incomplete.push(...unparsedFiles(fw, results))
    notes.push(...skippedChecks(fw, results))
    const summaryFailed = isObject(fw.summary) ? fw.summary.failed : undefined
    if (typeof summaryFailed === 'number' && summaryFailed > failed.length) {
      throw reportError(path, `checkov report: ${String(fw.check_type)} summary counts ${summaryFailed} failed check(s) but lists ${failed.length}; the report is incomplete.`)
    }
    for (let i = 0; i < failed.length; i++) {
      const check = failed[i]
      if (!isObject(check)) throw reportError(path, `checkov report: ${String(fw.check_type)} failed_checks[${i}] is not an object.`)
      const id = str(check.check_id)
      if (!id) throw reportError(path, `checkov report: ${String(fw.check_type)} failed_checks[${i}] has no check_id.`)
      const severity = severityOf(check, id, String(fw.check_type), options, unmapped, path)
      const file = normalisePath(str(check.repo_file_path) ?? str(check.file_path))
      const range = Array.isArray(check.file_line_range) ? check.file_line_range : []
      const line = lineOf(range[0])
      const resource = str(check.resource)
      findings.push({
        tool: 'checkov',
        kind: fw.check_type === 'secrets' ? 'secret' : 'misconfiguration',
        ruleId: id,
        severity,
        title: str(check.check_name) ?? id,
        location: { file, line, endLine: lineOf(range[1]), resource, target: fw.check_type as string },
        fingerprint: fingerprintOf('checkov', id, file, resource ?? line),
        fixAvailable: undefined,
        helpUri: str(check.guideline)
      })
    }
  }
  return { format: 'checkov', tool: 'checkov', findings, unmapped: [...unmapped].sort(), notes, incomplete }
}

/**
 * The files of one framework checkov could not parse. `results.parsing_errors` names them, but
 * checkov's `--quiet` drops that list; `summary.parsing_errors` still counts them.
 */
function unparsedFiles(fw: Record<string, unknown>, results: Record<string, unknown>): string[] {
  const framework = String(fw.check_type)
  const listed = Array.isArray(results.parsing_errors) ? results.parsing_errors : []
  const named = listed.map((e) => (typeof e === 'string' ? e : isObject(e) ? str(e.file_path) ?? str(e.file) : undefined))
  const counted = isObject(fw.summary) ? (parsingErrorCount(fw.summary) ?? 0) : 0
  const out = named.map((file) => `checkov could not parse ${file ?? 'a file'} (${framework}); it was not checked.`)
  if (counted > listed.length) out.push(`checkov could not parse ${counted - listed.length} more ${framework} file(s), not named in the report (checkov ran with --quiet); checkov's log names them.`)
  return out
}

/** Checks checkov skipped (a `checkov:skip=` comment, --skip-check, a config file): listed as
 * suppressed with the reason given, so that a suppression stays visible. */
function skippedChecks(fw: Record<string, unknown>, results: Record<string, unknown>): string[] {
  const skipped = Array.isArray(results.skipped_checks) ? results.skipped_checks.filter(isObject) : []
  if (skipped.length === 0) return []
  const shown = skipped.slice(0, 20).map((c) => {
    const file = normalisePath(str(c.repo_file_path) ?? str(c.file_path))
    const why = str(c.suppress_comment)
    return `checkov: ${str(c.check_id) ?? 'a check'} skipped on ${str(c.resource) ?? file ?? 'a resource'}${file ? ` (${file})` : ''}${why ? `: ${why}` : ''}.`
  })
  const more = skipped.length > shown.length ? [`checkov: … and ${skipped.length - shown.length} more skipped check(s) (${String(fw.check_type)}).`] : []
  return [`checkov: ${skipped.length} ${String(fw.check_type)} check(s) skipped (suppressed) were not counted.`, ...shown, ...more]
}

function severityOf(check: Record<string, unknown>, id: string, framework: string, options: ParseOptions, unmapped: Set<string>, path: string): Severity {
  // NONE is checkov's DEFAULT_SEVERITY, "a score of 0.0", which it gives a package vulnerability
  // whose severity it does not know (checkov/common/sca/output.py): unrated, never harmless.
  if (check.severity === 'NONE') return 'unknown'
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
