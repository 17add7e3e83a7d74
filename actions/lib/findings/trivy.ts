// trivy JSON, SchemaVersion 2: Results[].Vulnerabilities / Misconfigurations (FAIL) / Secrets.
import { fingerprintOf } from './fingerprint.js'
import { plainFinding, type Finding, type FindingKind, type Location } from './model.js'
import type { ParsedReport } from './parsed-report.js'
import { isObject, num, reportError, str } from './report-error.js'
import { severityFromName, unknownSeverity } from './severity-names.js'

/**
 * trivy's check ids changed shape: `AVD-AWS-0086` and `DS002`/`KSV001` became `AWS-0086`,
 * `DS-0002`, `KSV-0001`. Every form maps to the new one so fingerprints and exceptions survive an
 * upgrade of trivy.
 */
export function canonicalTrivyCheckId(id: string): string {
  const avd = /^AVD-([A-Z0-9]+)-(\d+)$/.exec(id)
  if (avd) return `${avd[1]}-${avd[2]}`
  const short = /^([A-Z]+)(\d{3})$/.exec(id)
  if (short) return `${short[1]}-${short[2].padStart(4, '0')}`
  return id
}

const FILE_CLASSES = new Set(['lang-pkgs', 'config', 'secret', 'license-file'])

export function parseTrivy(doc: Record<string, unknown>, path: string): ParsedReport {
  if (doc.SchemaVersion !== 2) {
    throw reportError(path, `trivy report has SchemaVersion ${JSON.stringify(doc.SchemaVersion)}; only SchemaVersion 2 (trivy 0.20 and later, --format json) is read.`)
  }
  // trivy omits Results when nothing was found; present, it must be a list (null never is).
  const results = 'Results' in doc ? doc.Results : []
  if (!Array.isArray(results)) throw reportError(path, 'trivy report: "Results" is not an array.')
  const findings: Finding[] = []
  const artifact = str(doc.ArtifactName)
  for (let r = 0; r < results.length; r++) {
    const result = results[r]
    if (!isObject(result)) throw reportError(path, `trivy report: Results[${r}] is not an object.`)
    const target = str(result.Target) ?? artifact ?? ''
    const file = typeof result.Class === 'string' && FILE_CLASSES.has(result.Class) ? target : undefined
    const where = `${path}: Results[${r}]`
    const vulns = listOf(result.Vulnerabilities, `${where}.Vulnerabilities`, path)
    for (let i = 0; i < vulns.length; i++) {
      const v = vulns[i]
      const id = str(v.VulnerabilityID)
      if (!id) throw reportError(path, `trivy report: Results[${r}].Vulnerabilities[${i}] has no VulnerabilityID.`)
      const severity = severityFromName(v.Severity) ?? unknownSeverity(v.Severity, `${where}.Vulnerabilities[${i}]`)
      findings.push(new TrivyVulnerability(v, id, severity, target, file))
    }
    const misconfigs = listOf(result.Misconfigurations, `${where}.Misconfigurations`, path)
    for (let i = 0; i < misconfigs.length; i++) {
      const m = misconfigs[i]
      if (m.Status !== 'FAIL') {
        // PASS and EXCEPTION (excepted in trivy's own config) do not count; anything else is not
        // a status trivy prints, so the report is not what it claims to be.
        if (m.Status === 'PASS' || m.Status === 'EXCEPTION') continue
        throw reportError(path, `trivy report: Results[${r}].Misconfigurations[${i}] has unknown Status ${JSON.stringify(m.Status)}.`)
      }
      const raw = str(m.ID) ?? str(m.AVDID)
      if (!raw) throw reportError(path, `trivy report: Results[${r}].Misconfigurations[${i}] has no ID.`)
      const id = canonicalTrivyCheckId(raw)
      const cause = isObject(m.CauseMetadata) ? m.CauseMetadata : {}
      const resource = str(cause.Resource)
      const line = num(cause.StartLine)
      findings.push({
        tool: 'trivy',
        kind: 'misconfiguration',
        ruleId: id,
        severity: severityFromName(m.Severity) ?? unknownSeverity(m.Severity, `${where}.Misconfigurations[${i}]`),
        title: str(m.Title) ?? id,
        location: { file: target, line: line && line > 0 ? line : undefined, endLine: num(cause.EndLine), target, resource },
        // A resource name survives edits that move lines; fall back to the line for file-level checks.
        fingerprint: fingerprintOf('trivy', 'misconfig', id, target, resource ?? line, str(m.Message)),
        fixAvailable: str(m.Resolution) !== undefined ? true : undefined,
        helpUri: str(m.PrimaryURL)
      })
    }
    const secrets = listOf(result.Secrets, `${where}.Secrets`, path)
    for (let i = 0; i < secrets.length; i++) {
      const s = secrets[i]
      const id = str(s.RuleID)
      if (!id) throw reportError(path, `trivy report: Results[${r}].Secrets[${i}] has no RuleID.`)
      const line = num(s.StartLine)
      findings.push({
        tool: 'trivy',
        kind: 'secret',
        ruleId: id,
        severity: severityFromName(s.Severity) ?? unknownSeverity(s.Severity, `${where}.Secrets[${i}]`),
        title: str(s.Title) ?? id,
        location: { file: target, line, endLine: num(s.EndLine), target },
        fingerprint: fingerprintOf('trivy', 'secret', id, target, line),
        fixAvailable: undefined
      })
    }
  }
  return { format: 'trivy', tool: 'trivy', findings, unmapped: [], notes: [] }
}

/**
 * A trivy vulnerability as a Finding, reading its fields from the parsed report on demand. Reports
 * with 100,000 vulnerabilities are common for images; copying each into a fresh object (and
 * hashing its fingerprint up front) costs more than parsing the JSON, while this keeps one small
 * object per finding and computes the rest only for the few findings that are shown.
 */
class TrivyVulnerability implements Finding {
  #fingerprint: string | undefined
  constructor(
    private readonly raw: Record<string, unknown>,
    readonly ruleId: string,
    readonly severity: Finding['severity'],
    private readonly target: string,
    private readonly file: string | undefined
  ) {}

  get tool(): string {
    return 'trivy'
  }
  get kind(): FindingKind {
    return 'vulnerability'
  }
  get title(): string {
    return str(this.raw.Title) ?? this.ruleId
  }
  get location(): Location {
    const v = this.raw
    return { file: this.file, target: this.target, package: str(v.PkgName) ?? str(v.PkgID) ?? '', installedVersion: str(v.InstalledVersion), fixedVersion: str(v.FixedVersion) }
  }
  get fingerprint(): string {
    const v = this.raw
    return (this.#fingerprint ??= fingerprintOf('trivy', 'vuln', this.ruleId, str(v.PkgName) ?? str(v.PkgID) ?? '', str(v.InstalledVersion), this.target, str(v.PkgPath)))
  }
  set fingerprint(value: string) {
    this.#fingerprint = value
  }
  get fixAvailable(): boolean {
    return str(this.raw.FixedVersion) !== undefined
  }
  get helpUri(): string | undefined {
    return str(this.raw.PrimaryURL)
  }
  toJSON(): Finding {
    return plainFinding(this)
  }
}

function listOf(value: unknown, where: string, path: string): Record<string, unknown>[] {
  // trivy omits empty lists (omitempty); a null or a non-list is not something it writes.
  if (value === undefined) return []
  if (!Array.isArray(value)) throw reportError(path, `trivy report: ${where.slice(path.length + 2)} is not an array.`)
  for (let i = 0; i < value.length; i++) {
    if (!isObject(value[i])) throw reportError(path, `trivy report: ${where.slice(path.length + 2)}[${i}] is not an object.`)
  }
  return value as Record<string, unknown>[]
}
