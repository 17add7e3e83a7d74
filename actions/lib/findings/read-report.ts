// Read one report file: refuse what is not a report, detect its format from content (unless
// given), and normalise it into findings. Never returns "no findings" for something unreadable.
import { readFileSync, statSync } from 'node:fs'
import { isCheckovBareSummary, isCheckovFramework, parseCheckov } from './checkov.js'
import { fingerprintOf } from './fingerprint.js'
import { parseGitleaks } from './gitleaks.js'
import type { Finding } from './model.js'
import type { ParseOptions, ParsedReport, ReportFormat } from './parsed-report.js'
import { isObject, reportError } from './report-error.js'
import { isSarif, parseSarif } from './sarif.js'
import { parseTrivy } from './trivy.js'

export interface ReadReport extends ParsedReport {
  path: string
}

export function readReportFile(path: string, format: ReportFormat | 'auto', options: ParseOptions): ReadReport {
  // Only the parsed document outlives this line: the text is garbage before the findings are
  // built, which keeps peak memory near that of a bare JSON.parse.
  const doc = parseJson(checkText(readText(path), path), path)
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
  if (text.length === 0) throw reportError(path, 'report is empty; the scanner probably failed before writing it.')
  // Binary content is never a JSON report; checking a prefix keeps this cheap on large files.
  if (text.slice(0, 8192).includes('\u0000')) throw reportError(path, 'report is binary, not JSON or SARIF.')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw reportError(path, `report is not valid JSON (truncated or not a JSON report): ${detail}`)
  }
}

/** The same checks and parsing as readReportFile, on bytes already in memory. */
export function parseReportBytes(bytes: Buffer, path: string, format: ReportFormat | 'auto', options: ParseOptions): ParsedReport {
  return parseReportDocument(parseJson(checkText(bytes.toString('utf8'), path), path), path, format, options)
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
  }
}

export function detectFormat(doc: unknown, path: string): ReportFormat {
  if (Array.isArray(doc)) {
    // gitleaks writes [] when it finds nothing; checkov never writes an empty array.
    if (doc.length === 0 || (isObject(doc[0]) && 'RuleID' in doc[0])) return 'gitleaks'
    if (doc.every((fw) => isCheckovFramework(fw) || (isObject(fw) && isCheckovBareSummary(fw)))) return 'checkov'
    throw reportError(path, 'a JSON array that is neither a gitleaks report nor checkov output; pass format explicitly if it is one of them.')
  }
  if (!isObject(doc)) throw reportError(path, `a JSON ${doc === null ? 'null' : typeof doc}, not a scanner report.`)
  if (isSarif(doc)) return 'sarif'
  if ('SchemaVersion' in doc && ('ArtifactName' in doc || 'Results' in doc)) return 'trivy'
  if (isCheckovFramework(doc) || isCheckovBareSummary(doc)) return 'checkov'
  const keys = Object.keys(doc).slice(0, 5).join(', ') || 'none'
  throw reportError(path, `not a trivy, gitleaks, checkov or SARIF report (top-level keys: ${keys}); pass format explicitly or check the scanner's output format.`)
}
