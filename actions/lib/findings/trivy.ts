// trivy JSON, SchemaVersion 2: Results[].Vulnerabilities / Misconfigurations (FAIL) / Secrets /
// Licenses (the finding lists of trivy's types.Result, pkg/types/report.go). A list this reader does
// not know is refused by name, so a finding class added by a later trivy can never pass unread.
import { fingerprintOf } from './fingerprint.js'
import { plainFinding, type Finding, type FindingKind, type Location } from './model.js'
import type { ParsedReport } from './parsed-report.js'
import { isObject, lineOf, num, reportError, str } from './report-error.js'
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

/** Lists of a Result that hold findings, and those that do not (inventory, trivy's own
 * suppressed findings under --show-suppressed, custom post-analyser output). */
const FINDING_LISTS = new Set(['Vulnerabilities', 'Misconfigurations', 'Secrets', 'Licenses'])
const OTHER_LISTS = new Set(['Packages', 'CustomResources', 'ModifiedFindings', 'ExperimentalModifiedFindings'])

export function parseTrivy(doc: Record<string, unknown>, path: string): ParsedReport {
  if (doc.SchemaVersion !== 2) {
    throw reportError(path, `trivy report has SchemaVersion ${JSON.stringify(doc.SchemaVersion)}; only SchemaVersion 2 (trivy 0.20 and later, --format json) is read.`)
  }
  // trivy omits Results when nothing was found; present, it must be a list (null never is).
  const results = 'Results' in doc ? doc.Results : []
  if (!Array.isArray(results)) throw reportError(path, 'trivy report: "Results" is not an array.')
  const findings: Finding[] = []
  const notes: string[] = []
  let suppressed = 0
  const shownSuppressed: string[] = []
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
    refuseUnknownLists(result, r, path)
    const misconfigs = listOf(result.Misconfigurations, `${where}.Misconfigurations`, path)
    const uncounted = checkMisconfSummary(result.MisconfSummary, misconfigs, r, path)
    if (uncounted) notes.push(uncounted)
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
      const line = lineOf(cause.StartLine)
      findings.push({
        tool: 'trivy',
        kind: 'misconfiguration',
        ruleId: id,
        severity: severityFromName(m.Severity) ?? unknownSeverity(m.Severity, `${where}.Misconfigurations[${i}]`),
        title: str(m.Title) ?? id,
        location: { file: target, line, endLine: lineOf(cause.EndLine), target, resource },
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
      const line = lineOf(s.StartLine)
      findings.push({
        tool: 'trivy',
        kind: 'secret',
        ruleId: id,
        severity: severityFromName(s.Severity) ?? unknownSeverity(s.Severity, `${where}.Secrets[${i}]`),
        title: str(s.Title) ?? id,
        location: { file: target, line, endLine: lineOf(s.EndLine), target },
        fingerprint: fingerprintOf('trivy', 'secret', id, target, line),
        fixAvailable: undefined
      })
    }
    const licences = listOf(result.Licenses, `${where}.Licenses`, path)
    for (let i = 0; i < licences.length; i++) findings.push(licenceFinding(licences[i], target, `${where}.Licenses[${i}]`, path))
    for (const key of ['ModifiedFindings', 'ExperimentalModifiedFindings']) {
      const list = result[key]
      if (!Array.isArray(list)) continue
      suppressed += list.length
      for (const m of list) if (shownSuppressed.length < MAX_SHOWN_SUPPRESSED) shownSuppressed.push(describeSuppressed(m, target))
    }
  }
  if (suppressed > 0) {
    notes.push(`trivy: ${suppressed} finding(s) suppressed by trivy's own ignore rules (--show-suppressed) were not counted.`)
    // Visible as suppressed, with the rule that hid each: a suppression is a decision someone made.
    notes.push(...shownSuppressed)
    if (suppressed > shownSuppressed.length) notes.push(`trivy: … and ${suppressed - shownSuppressed.length} more suppressed finding(s).`)
  }
  return { format: 'trivy', tool: 'trivy', findings, unmapped: [], notes, incomplete: [] }
}

const MAX_SHOWN_SUPPRESSED = 20

/** One line for a finding trivy suppressed (types.ModifiedFinding: Type, Status, Source, Finding). */
function describeSuppressed(m: unknown, target: string): string {
  const entry = isObject(m) ? m : {}
  const f = isObject(entry.Finding) ? entry.Finding : {}
  const id = str(f.VulnerabilityID) ?? str(f.ID) ?? str(f.RuleID) ?? str(f.Name) ?? 'a finding'
  const where = str(f.PkgName) ? `${str(f.PkgName)} in ${target}` : target
  return `trivy: ${id} (${str(entry.Type) ?? 'finding'}, ${where}) ${str(entry.Status) ?? 'suppressed'} by ${str(entry.Source) ?? "trivy's ignore rules"}.`
}

/**
 * A licence trivy classified (`--scanners license`; types.DetectedLicense): the licence name is
 * the rule, so one exception can accept a licence across packages. Package licences carry
 * PkgName; licences found in files (Class `license-file`) carry FilePath only.
 */
function licenceFinding(l: Record<string, unknown>, target: string, where: string, path: string): Finding {
  const name = str(l.Name)
  if (!name) throw reportError(path, `trivy report: ${where.slice(path.length + 2)} has no Name.`)
  const pkg = str(l.PkgName)
  const file = str(l.FilePath) ?? target
  const category = str(l.Category)
  return {
    tool: 'trivy',
    kind: 'license',
    ruleId: name,
    severity: severityFromName(l.Severity) ?? unknownSeverity(l.Severity, where),
    title: `${name}${category ? ` (${category})` : ''}${pkg ? ` in ${pkg}` : ''}`,
    location: { file, target, package: pkg },
    fingerprint: fingerprintOf('trivy', 'license', name, pkg, file),
    fixAvailable: undefined,
    helpUri: str(l.Link)
  }
}

/** A list in a Result that is neither a finding list we read nor one known to hold none. */
function refuseUnknownLists(result: Record<string, unknown>, r: number, path: string): void {
  for (const key in result) {
    const value = result[key]
    if (Array.isArray(value) && value.length > 0 && !FINDING_LISTS.has(key) && !OTHER_LISTS.has(key)) {
      throw reportError(path, `trivy report: Results[${r}] has a "${key}" list this gate does not read; it may hold findings, so the report is refused. Update shared-gh-workflows, or scan without the scanner that writes it.`)
    }
  }
}

/**
 * trivy counts a Result's failed checks in MisconfSummary as it keeps them; more failures there than
 * FAIL entries listed means findings are missing from the report, and it is refused. Except in the
 * summary trivy wrote up to 0.56 (with `Exceptions`): trivy 0.20 to 0.49 apply --ignore-policy after
 * counting and leave Failures as it was (applyPolicy in pkg/result, until 0.50), so there the
 * checks the user's policy dropped are still counted. That is the user's exception, not a loss:
 * the report is read, with a note.
 */
function checkMisconfSummary(summary: unknown, misconfigs: Record<string, unknown>[], r: number, path: string): string | undefined {
  const failures = isObject(summary) ? num(summary.Failures) : undefined
  if (failures === undefined) return undefined
  const listed = misconfigs.filter((m) => m.Status === 'FAIL').length
  if (failures <= listed) return undefined
  const counts = `Results[${r}].MisconfSummary counts ${failures} failed check(s) but ${listed} are listed`
  if (isObject(summary) && 'Exceptions' in summary) {
    return `trivy: ${counts}; trivy before 0.50 counts there the checks its --ignore-policy dropped, which were not counted.`
  }
  throw reportError(path, `trivy report: ${counts}; the report is incomplete.`)
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
