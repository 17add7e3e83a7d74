// Read one report file: refuse what is not a report, detect its format from content (unless
// given), and normalise it into findings. Never returns "no findings" for something unreadable.
import { readFileSync, statSync } from 'node:fs'
import { isCheckovBareSummary, isCheckovFramework, parseCheckov } from './checkov.js'
import { fingerprintOf } from './fingerprint.js'
import { parseGitleaks } from './gitleaks.js'
import type { Finding } from './model.js'
import { REPORT_FORMATS, type ParseOptions, type ParsedReport, type ReportFormat } from './parsed-report.js'
import { isObject, reportError } from './report-error.js'
import { isBandit, parseBandit } from './bandit.js'
import { isGrype, parseGrype } from './grype.js'
import { isHadolintEntry, parseHadolint } from './hadolint.js'
import { isNpmAudit, parseNpmAudit } from './npm-audit.js'
import { isOsvScanner, parseOsvScanner } from './osv-scanner.js'
import { isPipAudit, parsePipAudit } from './pip-audit.js'
import { isSarif, parseSarif } from './sarif.js'
import { isSemgrep, parseSemgrep } from './semgrep.js'
import { parseTrivy } from './trivy.js'
import { isTrufflehogEntry, parseJsonLines, parseTrufflehog } from './trufflehog.js'

export interface ReadReport extends ParsedReport {
  path: string
}

export function readReportFile(path: string, format: ReportFormat | 'auto', options: ParseOptions): ReadReport {
  // Only the parsed document outlives this line: the text is garbage before the findings are
  // built, which keeps peak memory near that of a bare JSON.parse.
  const text = readText(path)
  // TruffleHog writes nothing at all when it finds nothing; only a caller who says the file is
  // TruffleHog's may have that read as "no secrets" (an empty file is otherwise a failed scanner).
  if (format === 'trufflehog' && text.trim() === '') return { path, ...parseReportDocument([], path, format, options) }
  const doc = parseJson(checkText(text, path), path, format)
  return { path, ...parseReportDocument(doc, path, format, options) }
}

function readText(path: string): string {
  try {
    if (statSync(path).isDirectory()) throw reportError(path, 'is a directory, not a report file.')
    // Decoding straight into a string (no intermediate Buffer) halves the peak for large reports.
    return readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw reportError(path, 'report not found; check the path, and that the scanner step ran and wrote it.')
    if (code === 'EACCES') throw reportError(path, 'report is not readable (permission denied).')
    throw error
  }
}

function checkText(text: string, path: string): string {
  if (text.length === 0) throw reportError(path, 'report is empty; the scanner probably failed before writing it (TruffleHog writes nothing when it finds nothing: pass format trufflehog for its reports).')
  // Binary content is never a JSON report; checking a prefix keeps this cheap on large files.
  if (text.slice(0, 8192).includes('\u0000')) throw reportError(path, 'report is binary, not JSON or SARIF.')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

function parseJson(text: string, path: string, format: ReportFormat | 'auto' = 'auto'): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    // JSON lines (TruffleHog): one object per line, read as a list of them.
    if (format === 'auto' || format === 'trufflehog') {
      const lines = parseJsonLines(text)
      if (lines && lines.length > 1) return lines
    }
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw reportError(path, `report is not valid JSON (truncated or not a JSON report): ${detail}`)
  }
}

/** The same checks and parsing as readReportFile, on bytes already in memory. */
export function parseReportBytes(bytes: Buffer, path: string, format: ReportFormat | 'auto', options: ParseOptions): ParsedReport {
  const text = bytes.toString('utf8')
  if (format === 'trufflehog' && text.trim() === '') return parseReportDocument([], path, format, options)
  return parseReportDocument(parseJson(checkText(text, path), path, format), path, format, options)
}

export function parseReportDocument(doc: unknown, path: string, format: ReportFormat | 'auto', options: ParseOptions): ParsedReport {
  const report = parseAs(doc, path, format === 'auto' ? detectFormat(doc, path) : format, options)
  disambiguateFingerprints(report.findings)
  return report
}

/**
 * Two findings of one rule on one resource (two ingress blocks of one security group) share the
 * resource-based fingerprint; the line (then the order) tells them apart. Only colliding
 * findings pay for this, so fingerprints stay line-independent wherever they can.
 */
function disambiguateFingerprints(findings: Finding[]): void {
  const seen = new Set<string>()
  let collided: Set<string> | undefined
  // trivy reports each vulnerability once per package and target, so those fingerprints cannot
  // collide; computing them here would defeat their laziness on large reports.
  const lazy = (f: Finding) => f.kind === 'vulnerability' && f.tool === 'trivy'
  for (const f of findings) {
    if (lazy(f)) continue
    if (seen.has(f.fingerprint)) (collided ??= new Set()).add(f.fingerprint)
    else seen.add(f.fingerprint)
  }
  if (!collided) return
  const used = new Set<string>()
  for (const f of findings) {
    if (lazy(f) || !collided.has(f.fingerprint)) continue
    let next = fingerprintOf(f.fingerprint, f.location.line, f.location.endLine)
    for (let n = 2; used.has(next); n++) next = fingerprintOf(f.fingerprint, f.location.line, f.location.endLine, n)
    used.add(next)
    f.fingerprint = next
  }
}

function parseAs(doc: unknown, path: string, detected: ReportFormat, options: ParseOptions): ParsedReport {
  switch (detected) {
    case 'trivy':
      if (!isObject(doc)) throw reportError(path, 'expected a trivy JSON object.')
      return parseTrivy(doc, path)
    case 'gitleaks':
      if (!Array.isArray(doc)) throw reportError(path, 'expected a gitleaks JSON array.')
      return parseGitleaks(doc, path, options)
    case 'checkov':
      return parseCheckov(doc, path, options)
    case 'sarif':
      if (!isObject(doc) || !Array.isArray(doc.runs)) throw reportError(path, 'expected a SARIF object with a "runs" array.')
      return parseSarif(doc, path, options)
    case 'trufflehog':
      // One finding is one line: a single object rather than a list.
      return parseTrufflehog(Array.isArray(doc) ? doc : [doc], path, options)
    case 'hadolint':
      if (!Array.isArray(doc)) throw reportError(path, 'expected a hadolint JSON array.')
      return parseHadolint(doc, path)
  }
  if (!isObject(doc)) throw reportError(path, `expected a ${detected} JSON object.`)
  switch (detected) {
    case 'grype':
      return parseGrype(doc, path)
    case 'osv-scanner':
      return parseOsvScanner(doc, path)
    case 'semgrep':
      return parseSemgrep(doc, path)
    case 'bandit':
      return parseBandit(doc, path)
    case 'pip-audit':
      return parsePipAudit(doc, path)
    case 'npm-audit':
      return parseNpmAudit(doc, path)
  }
}

export function detectFormat(doc: unknown, path: string): ReportFormat {
  if (Array.isArray(doc)) {
    // gitleaks writes [] when it finds nothing; checkov never writes an empty array.
    if (doc.length === 0 || (isObject(doc[0]) && 'RuleID' in doc[0])) return 'gitleaks'
    if (doc.every((fw) => isCheckovFramework(fw) || (isObject(fw) && isCheckovBareSummary(fw)))) return 'checkov'
    if (doc.every(isHadolintEntry)) return 'hadolint'
    if (doc.every(isTrufflehogEntry)) return 'trufflehog'
    throw reportError(path, 'a JSON array that is not a gitleaks, checkov, hadolint or TruffleHog report; pass format explicitly if it is one of them.')
  }
  if (!isObject(doc)) throw reportError(path, `a JSON ${doc === null ? 'null' : typeof doc}, not a scanner report.`)
  if (isSarif(doc)) return 'sarif'
  if ('SchemaVersion' in doc && ('ArtifactName' in doc || 'Results' in doc)) return 'trivy'
  if (isCheckovFramework(doc) || isCheckovBareSummary(doc)) return 'checkov'
  if (isGrype(doc)) return 'grype'
  if (isNpmAudit(doc)) return 'npm-audit'
  if (isPipAudit(doc)) return 'pip-audit'
  // bandit before semgrep: both write results and errors; bandit adds metrics and generated_at.
  if (isBandit(doc)) return 'bandit'
  if (isSemgrep(doc)) return 'semgrep'
  if (isOsvScanner(doc)) return 'osv-scanner'
  if (isTrufflehogEntry(doc)) return 'trufflehog'
  const keys = Object.keys(doc).slice(0, 5).join(', ') || 'none'
  throw reportError(path, `not a report this gate reads (top-level keys: ${keys}); it reads ${REPORT_FORMATS.join(', ')}. Pass format explicitly or check the scanner's output format.`)
}
