// Hadolint JSON (`hadolint -f json`): an array of {file, line, column, level, code, message}
// (hadolint/hadolint src/Hadolint/Formatter/Json.hs; levels from Format.hs severityText: error,
// warning, info, style). DL1000 is hadolint's "could not parse the Dockerfile": that file was not
// checked, so the scan is incomplete rather than clean. Hadolint is a Haskell program that no
// registry this project uses carries; the format is read from its source.
import { fingerprintOf } from './fingerprint.js'
import type { Finding, Severity } from './model.js'
import type { ParsedReport } from './parsed-report.js'
import { isObject, lineOf, reportError, str } from './report-error.js'

const LEVELS: Record<string, Severity> = { error: 'high', warning: 'medium', info: 'low', style: 'info' }

export function isHadolintEntry(entry: unknown): boolean {
  return isObject(entry) && typeof entry.code === 'string' && typeof entry.level === 'string' && 'file' in entry && 'line' in entry && !('RuleID' in entry)
}

export function parseHadolint(doc: unknown[], path: string): ParsedReport {
  const findings: Finding[] = []
  const incomplete: string[] = []
  for (let i = 0; i < doc.length; i++) {
    const e = doc[i]
    if (!isHadolintEntry(e)) throw reportError(path, `hadolint report: entry ${i} lacks code, level, file or line; is this hadolint -f json output?`)
    const entry = e as Record<string, unknown>
    const code = str(entry.code)!
    const file = str(entry.file)?.replace(/^\.\/+/, '')
    if (code === 'DL1000') {
      incomplete.push(`hadolint could not parse ${file ?? 'a Dockerfile'}: ${str(entry.message)?.split('\n')[0] ?? 'parse error'}`)
      continue
    }
    const severity = LEVELS[String(entry.level)]
    if (!severity) throw reportError(path, `hadolint report: entry ${i} has unknown level ${JSON.stringify(entry.level)}; expected error, warning, info or style.`)
    const line = lineOf(entry.line)
    findings.push({
      tool: 'hadolint',
      kind: 'misconfiguration',
      ruleId: code,
      severity,
      title: str(entry.message) ?? code,
      location: { file, line },
      fingerprint: fingerprintOf('hadolint', code, file, line),
      fixAvailable: undefined,
      helpUri: /^DL\d+$/.test(code) ? `https://github.com/hadolint/hadolint/wiki/${code}` : /^SC\d+$/.test(code) ? `https://www.shellcheck.net/wiki/${code}` : undefined
    })
  }
  return { format: 'hadolint', tool: 'hadolint', findings, unmapped: [], notes: [], incomplete }
}
