// npm audit JSON of npm 7 and later (`npm audit --json`, auditReportVersion 2): vulnerabilities
// keyed by package, each with `via`: advisories (objects with source, title, url, severity, range)
// or names of the vulnerable packages it depends on (strings). One finding per advisory and
// package that the advisory names; a package vulnerable only through another is that other's
// finding, not a second one. Source of truth: npm/cli lib/commands/audit.js and
// @npmcli/arborist's audit-report.js (toJSON). npm 6's auditReportVersion-less format is refused.
import { fingerprintOf } from './fingerprint.js'
import type { Finding } from './model.js'
import type { ParsedReport } from './parsed-report.js'
import { isObject, num, reportError, str } from './report-error.js'
import { severityFromName, unknownSeverity } from './severity-names.js'

export function isNpmAudit(doc: Record<string, unknown>): boolean {
  return 'auditReportVersion' in doc || (isObject(doc.advisories) && isObject(doc.metadata)) || isNpmAuditFailure(doc)
}

/** What `npm audit --json` writes when the registry's audit endpoint fails (npm-registry-fetch's
 * HttpErrorGeneral as JSON: message, method, uri, statusCode, error). */
function isNpmAuditFailure(doc: Record<string, unknown>): boolean {
  return typeof doc.uri === 'string' && /\/-\/npm\/v1\/security\//.test(doc.uri) && 'statusCode' in doc
}

export function parseNpmAudit(doc: Record<string, unknown>, path: string): ParsedReport {
  if (isNpmAuditFailure(doc)) {
    throw reportError(path, `npm audit did not audit anything: the registry's audit endpoint answered ${num(doc.statusCode) ?? 'an error'}${str(doc.message) ? ` (${str(doc.message)!.split(' - ')[0]})` : ''}; use a registry that serves /-/npm/v1/security/advisories/bulk.`)
  }
  if (doc.auditReportVersion !== 2) {
    throw reportError(path, `npm audit report has auditReportVersion ${JSON.stringify(doc.auditReportVersion)}; only version 2 (npm 7 and later, npm audit --json) is read.`)
  }
  // npm writes {error: {...}} (with the version) when the audit itself failed: not a clean result.
  if (isObject(doc.error)) throw reportError(path, `npm audit failed: ${str(doc.error.summary) ?? str(doc.error.code) ?? 'see its output'}.`)
  if (!isObject(doc.vulnerabilities)) throw reportError(path, 'npm audit report: "vulnerabilities" is not an object.')
  const findings: Finding[] = []
  for (const [key, entry] of Object.entries(doc.vulnerabilities)) {
    if (!isObject(entry)) throw reportError(path, `npm audit report: vulnerabilities.${key} is not an object.`)
    const name = str(entry.name) ?? key
    const via = Array.isArray(entry.via) ? entry.via : []
    const nodes = Array.isArray(entry.nodes) ? entry.nodes.filter((n): n is string => typeof n === 'string') : []
    for (const advisory of via) {
      if (!isObject(advisory)) continue
      const url = str(advisory.url)
      const id = url?.match(/(GHSA(?:-[0-9a-z]{4}){3})$/i)?.[1] ?? String(advisory.source ?? '')
      if (!id) throw reportError(path, `npm audit report: an advisory of ${name} has no url or source.`)
      const pkg = str(advisory.name) ?? name
      const severity = severityFromName(advisory.severity) ?? unknownSeverity(advisory.severity, `${path}: npm audit advisory ${id} (${pkg})`)
      const fix = entry.fixAvailable
      findings.push({
        tool: 'npm-audit',
        kind: 'vulnerability',
        ruleId: id,
        severity,
        title: str(advisory.title) ?? id,
        location: { package: pkg, target: nodes[0] ?? 'npm audit' },
        fingerprint: fingerprintOf('npm-audit', 'vuln', id, pkg, nodes.join(',')),
        fixAvailable: fix === true || isObject(fix) ? true : fix === false ? false : undefined,
        helpUri: url
      })
    }
  }
  return { format: 'npm-audit', tool: 'npm-audit', findings, unmapped: [], notes: [], incomplete: [] }
}
