// gitleaks v8 JSON: an array of leaks. The secret and the matched line are never carried over.
import { fingerprintOf } from './fingerprint.js'
import type { Finding } from './model.js'
import type { ParseOptions, ParsedReport } from './parsed-report.js'
import { isObject, lineOf, reportError, str } from './report-error.js'

export function parseGitleaks(doc: unknown[], path: string, options: ParseOptions): ParsedReport {
  const findings: Finding[] = []
  for (let i = 0; i < doc.length; i++) {
    const leak = doc[i]
    if (!isObject(leak)) throw reportError(path, `gitleaks report: entry ${i} is not an object.`)
    const rule = str(leak.RuleID)
    // Every v8 leak has a File key; `gitleaks stdin` (8.15 and later) leaves it "", having no file.
    if (!rule || typeof leak.File !== 'string') {
      throw reportError(path, `gitleaks report: entry ${i} lacks RuleID or File; is this a gitleaks v8 JSON report?`)
    }
    const file = str(leak.File)
    const line = lineOf(leak.StartLine)
    const commit = str(leak.Commit)
    findings.push({
      tool: 'gitleaks',
      kind: 'secret',
      ruleId: rule,
      severity: options.secretSeverity,
      title: str(leak.Description) ?? rule,
      location: { file, line, endLine: lineOf(leak.EndLine), target: commit ? `commit ${commit.slice(0, 12)}` : undefined },
      fingerprint: fingerprintOf('gitleaks', rule, file, line, commit),
      fixAvailable: undefined
    })
  }
  return { format: 'gitleaks', tool: 'gitleaks', findings, unmapped: [], notes: [], incomplete: [] }
}
