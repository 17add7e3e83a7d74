// OSV-Scanner JSON (`osv-scanner scan --format json`, v1 and v2): results[] per source (lockfile,
// SBOM, image layer), packages[] with the OSV entries that affect them and `groups`: the ids of
// one vulnerability under its several names (a GHSA and its CVE) with their highest CVSS score.
// One finding per group, as osv-scanner's own table counts them. Source of truth:
// google/osv-scanner pkg/models/results.go (VulnerabilityResults, PackageSource, GroupInfo).
import { fingerprintOf } from './fingerprint.js'
import type { Finding, Severity } from './model.js'
import type { ParsedReport } from './parsed-report.js'
import { isObject, reportError, str } from './report-error.js'
import { severityFromCvss, severityFromName } from './severity-names.js'

export function isOsvScanner(doc: Record<string, unknown>): boolean {
  return Array.isArray(doc.results) && (doc.results.length === 0 ? 'experimental_config' in doc : doc.results.every((r) => isObject(r) && isObject(r.source) && 'packages' in r))
}

export function parseOsvScanner(doc: Record<string, unknown>, path: string): ParsedReport {
  if (!Array.isArray(doc.results)) throw reportError(path, 'osv-scanner report: "results" is not an array.')
  const findings: Finding[] = []
  for (let r = 0; r < doc.results.length; r++) {
    const result = doc.results[r]
    if (!isObject(result) || !isObject(result.source)) throw reportError(path, `osv-scanner report: results[${r}] has no source.`)
    const file = str(result.source.path)?.replace(/^\.\/+/, '')
    const packages = Array.isArray(result.packages) ? result.packages : []
    for (let p = 0; p < packages.length; p++) {
      const entry = packages[p]
      const where = `osv-scanner report: results[${r}].packages[${p}]`
      if (!isObject(entry) || !isObject(entry.package)) throw reportError(path, `${where} has no package.`)
      const pkg = str(entry.package.name)
      if (!pkg) throw reportError(path, `${where} has no package name.`)
      const version = str(entry.package.version)
      const vulns = (Array.isArray(entry.vulnerabilities) ? entry.vulnerabilities : []).filter(isObject)
      const byId = new Map(vulns.map((v) => [str(v.id), v]))
      const groups = Array.isArray(entry.groups) ? entry.groups.filter(isObject) : []
      // Every vulnerability listed must be in a group; one outside all groups counts on its own.
      const grouped = new Set(groups.flatMap((g) => (Array.isArray(g.ids) ? g.ids : [])))
      const all = [...groups.map((g) => ({ ids: strings(g.ids), aliases: strings(g.aliases), score: g.max_severity })), ...vulns.filter((v) => !grouped.has(v.id)).map((v) => ({ ids: [str(v.id) ?? ''], aliases: strings(v.aliases), score: '' }))]
      for (const g of all) {
        const id = g.ids[0]
        if (!id) throw reportError(path, `${where}: a group with no ids.`)
        const first = byId.get(id)
        const aliases = [...new Set([...g.ids.slice(1), ...g.aliases, ...g.ids.flatMap((i) => strings(byId.get(i)?.aliases))])].filter((a) => a !== id)
        findings.push({
          tool: 'osv-scanner',
          kind: 'vulnerability',
          ruleId: id,
          severity: severityOf(g.score, g.ids.map((i) => byId.get(i))),
          title: str(first?.summary) ?? str(first?.details)?.split('\n')[0] ?? id,
          location: { file, package: pkg, installedVersion: version, fixedVersion: fixedOf(first, pkg), target: str(entry.package.ecosystem) },
          fingerprint: fingerprintOf('osv-scanner', 'vuln', id, pkg, version, file),
          fixAvailable: fixedOf(first, pkg) !== undefined ? true : undefined,
          helpUri: `https://osv.dev/${id}`,
          aliases: aliases.length ? aliases : undefined
        })
      }
    }
  }
  return { format: 'osv-scanner', tool: 'osv-scanner', findings, unmapped: [], notes: [], incomplete: [] }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : []
}

/**
 * The group's max_severity is a CVSS base score as a string ("7.5"), "" when no entry has one.
 * Then the advisory database's own rating (GHSA's database_specific.severity: LOW, MODERATE, HIGH,
 * CRITICAL), the highest of the group; else unknown, never harmless.
 */
function severityOf(score: unknown, vulns: (Record<string, unknown> | undefined)[]): Severity {
  const n = typeof score === 'string' && score.trim() !== '' ? Number(score) : typeof score === 'number' ? score : NaN
  if (Number.isFinite(n) && n > 0 && n <= 10) return severityFromCvss(n)
  const rank: Severity[] = ['critical', 'high', 'medium', 'low', 'info']
  const named = vulns.map((v) => (v && isObject(v.database_specific) ? severityFromName(v.database_specific.severity) : undefined)).filter((s): s is Severity => !!s && s !== 'unknown')
  return rank.find((s) => named.includes(s)) ?? 'unknown'
}

/** The first fixed version of the package's ranges in an OSV entry. */
function fixedOf(vuln: Record<string, unknown> | undefined, pkg: string): string | undefined {
  const affected = vuln && Array.isArray(vuln.affected) ? vuln.affected.filter(isObject) : []
  const fixed: string[] = []
  for (const a of affected) {
    if (isObject(a.package) && a.package.name !== pkg) continue
    for (const range of Array.isArray(a.ranges) ? a.ranges.filter(isObject) : []) {
      for (const e of Array.isArray(range.events) ? range.events.filter(isObject) : []) if (str(e.fixed)) fixed.push(str(e.fixed)!)
    }
  }
  return fixed.length ? [...new Set(fixed)].join(', ') : undefined
}
