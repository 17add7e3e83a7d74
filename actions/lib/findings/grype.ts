// grype JSON (`grype -o json`): matches[] of {vulnerability, relatedVulnerabilities, matchDetails,
// artifact} (grype/presenter/models: Document, Match, Vulnerability, Package). Ignored matches
// (--only-fixed, .grype.yaml ignore rules) are not counted but said; a match with no vulnerability
// id or no package is refused rather than dropped.
import { fingerprintOf } from './fingerprint.js'
import type { Finding } from './model.js'
import type { ParsedReport } from './parsed-report.js'
import { isObject, reportError, str } from './report-error.js'
import { severityFromName, unknownSeverity } from './severity-names.js'

export function isGrype(doc: Record<string, unknown>): boolean {
  return Array.isArray(doc.matches) && isObject(doc.descriptor) && doc.descriptor.name === 'grype'
}

export function parseGrype(doc: Record<string, unknown>, path: string): ParsedReport {
  if (!Array.isArray(doc.matches)) throw reportError(path, 'grype report: "matches" is not an array.')
  const findings: Finding[] = []
  const notes: string[] = []
  const source = isObject(doc.source) ? doc.source : {}
  const target = isObject(source.target) ? str(source.target.userInput) : str(source.target)
  for (let i = 0; i < doc.matches.length; i++) {
    const m = doc.matches[i]
    const where = `grype report: matches[${i}]`
    if (!isObject(m) || !isObject(m.vulnerability) || !isObject(m.artifact)) throw reportError(path, `${where} lacks vulnerability or artifact.`)
    const v = m.vulnerability
    const a = m.artifact
    const id = str(v.id)
    const pkg = str(a.name)
    if (!id || !pkg) throw reportError(path, `${where} has no vulnerability id or package name.`)
    // Unknown is what grype writes when no source rates the vulnerability; absent, likewise.
    const severity = v.severity === undefined || v.severity === '' ? 'unknown' : (severityFromName(v.severity) ?? unknownSeverity(v.severity, `${path}: ${where}`))
    const related = Array.isArray(m.relatedVulnerabilities) ? m.relatedVulnerabilities.filter(isObject).map((r) => str(r.id)).filter((r): r is string => !!r && r !== id) : []
    const locations = Array.isArray(a.locations) ? a.locations.filter(isObject) : []
    const file = locations.length > 0 ? relative(str(locations[0].path)) : undefined
    const fix = isObject(v.fix) ? v.fix : {}
    const versions = Array.isArray(fix.versions) ? fix.versions.filter((x): x is string => typeof x === 'string') : []
    const version = str(a.version)
    findings.push({
      tool: 'grype',
      kind: 'vulnerability',
      ruleId: id,
      severity,
      title: str(v.description)?.split('\n')[0] ?? id,
      location: { file, package: pkg, installedVersion: version, fixedVersion: versions.length ? versions.join(', ') : undefined, target },
      fingerprint: fingerprintOf('grype', 'vuln', id, pkg, version, file, str(a.type)),
      fixAvailable: fix.state === 'fixed' ? true : fix.state === 'not-fixed' || fix.state === 'wont-fix' ? false : undefined,
      helpUri: str(v.dataSource),
      aliases: related.length ? [...new Set(related)] : undefined
    })
  }
  const ignored = Array.isArray(doc.ignoredMatches) ? doc.ignoredMatches.length : 0
  if (ignored > 0) notes.push(`grype: ${ignored} match(es) ignored by grype's own ignore rules were not counted.`)
  return { format: 'grype', tool: 'grype', findings, unmapped: [], notes, incomplete: [] }
}

/** grype writes the paths it found packages at as absolute within the scanned tree ("/app/x"). */
export function relative(file: string | undefined): string | undefined {
  return file?.replace(/^\.?\/+/, '')
}
