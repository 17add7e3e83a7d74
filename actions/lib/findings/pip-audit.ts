// pip-audit JSON (`pip-audit -f json`, 2.x): {dependencies: [{name, version, vulns: [{id,
// fix_versions, aliases, description}]} | {name, skip_reason}], fixes: [...]} (pip_audit/_format/
// json.py). pip-audit rates nothing, so its vulnerabilities are `unknown` (never harmless); merged
// with trivy's, Grype's or OSV-Scanner's report of the same advisory they take that rating. A
// dependency pip-audit skipped (not on PyPI, unresolvable) was not audited: the scan is incomplete.
import { fingerprintOf } from './fingerprint.js'
import type { Finding } from './model.js'
import type { ParsedReport } from './parsed-report.js'
import { isObject, reportError, str } from './report-error.js'

export function isPipAudit(doc: Record<string, unknown>): boolean {
  return Array.isArray(doc.dependencies) && Array.isArray(doc.fixes)
}

export function parsePipAudit(doc: Record<string, unknown>, path: string): ParsedReport {
  if (!Array.isArray(doc.dependencies)) throw reportError(path, 'pip-audit report: "dependencies" is not an array.')
  const findings: Finding[] = []
  const incomplete: string[] = []
  for (let d = 0; d < doc.dependencies.length; d++) {
    const dep = doc.dependencies[d]
    const name = isObject(dep) ? str(dep.name) : undefined
    if (!isObject(dep) || !name) throw reportError(path, `pip-audit report: dependencies[${d}] has no name.`)
    if (str(dep.skip_reason)) {
      incomplete.push(`pip-audit did not audit ${name}: ${str(dep.skip_reason)}`)
      continue
    }
    const version = str(dep.version)
    const vulns = Array.isArray(dep.vulns) ? dep.vulns : []
    for (let i = 0; i < vulns.length; i++) {
      const v = vulns[i]
      const id = isObject(v) ? str(v.id) : undefined
      if (!isObject(v) || !id) throw reportError(path, `pip-audit report: dependencies[${d}].vulns[${i}] has no id.`)
      const fixes = Array.isArray(v.fix_versions) ? v.fix_versions.filter((x): x is string => typeof x === 'string') : []
      const aliases = Array.isArray(v.aliases) ? v.aliases.filter((x): x is string => typeof x === 'string' && x !== id) : []
      findings.push({
        tool: 'pip-audit',
        kind: 'vulnerability',
        ruleId: id,
        severity: 'unknown',
        title: str(v.description)?.split('\n')[0].slice(0, 200) ?? id,
        location: { package: name, installedVersion: version, fixedVersion: fixes.length ? fixes.join(', ') : undefined, target: 'PyPI' },
        fingerprint: fingerprintOf('pip-audit', 'vuln', id, name.toLowerCase(), version),
        fixAvailable: fixes.length > 0,
        helpUri: `https://osv.dev/${id}`,
        aliases: aliases.length ? aliases : undefined
      })
    }
  }
  return { format: 'pip-audit', tool: 'pip-audit', findings, unmapped: [], notes: [], incomplete }
}
