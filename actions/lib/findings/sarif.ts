// SARIF 2.1.0 from any tool. Severity, in order: the tool's own severity name (trivy keeps it in
// rules[].properties.tags), `security-severity` as CVSS, then the SARIF level.
import { mappedCheckovSeverity } from './checkov.js'
import { fingerprintOf } from './fingerprint.js'
import type { Finding, FindingKind, Severity } from './model.js'
import type { ParseOptions, ParsedReport } from './parsed-report.js'
import { isObject, num, reportError, str } from './report-error.js'
import { severityFromCvss, severityFromName } from './severity-names.js'

const LEVELS: Record<string, Severity> = { error: 'high', warning: 'medium', note: 'low', none: 'info' }
const SECRET_TOOLS = new Set(['gitleaks'])

export function isSarif(doc: Record<string, unknown>): boolean {
  return Array.isArray(doc.runs) && (typeof doc.version === 'string' || (typeof doc.$schema === 'string' && /sarif/i.test(doc.$schema)))
}

export function parseSarif(doc: Record<string, unknown>, path: string, options: ParseOptions): ParsedReport {
  if (doc.version !== '2.1.0') throw reportError(path, `SARIF version ${JSON.stringify(doc.version)} is not supported; expected "2.1.0".`)
  const runs = doc.runs as unknown[]
  const findings: Finding[] = []
  const tools: string[] = []
  const notes: string[] = []
  const allUnmapped = new Set<string>()
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]
    if (!isObject(run) || !isObject(run.tool) || !isObject(run.tool.driver)) throw reportError(path, `SARIF runs[${r}] has no tool.driver.`)
    const driver = run.tool.driver
    const toolName = str(driver.name)
    if (!toolName) throw reportError(path, `SARIF runs[${r}].tool.driver has no name.`)
    const tool = toolName.toLowerCase()
    if (!tools.includes(tool)) tools.push(tool)
    const rules = collectRules(run, path, r)
    if (!Array.isArray(run.results)) {
      // An absent `results` means the tool did not compute them (SARIF §3.14.23): not "no findings".
      throw reportError(path, `SARIF runs[${r}] (${toolName}) has no results array; the analysis did not complete.`)
    }
    const isSecretTool = SECRET_TOOLS.has(tool)
    const unmapped = new Set<string>()
    let suppressed = 0
    for (let i = 0; i < run.results.length; i++) {
      const result = run.results[i]
      if (!isObject(result)) throw reportError(path, `SARIF runs[${r}].results[${i}] is not an object.`)
      if (isSuppressed(result, path, r, i)) {
        suppressed++
        continue
      }
      const ruleId = str(result.ruleId) ?? (isObject(result.rule) ? str(result.rule.id) : undefined) ?? ruleIdAt(rules, result.ruleIndex)
      if (!ruleId) throw reportError(path, `SARIF runs[${r}].results[${i}] has no ruleId.`)
      // ruleIndex is exact when ids repeat, but only if it agrees with the ruleId.
      const indexed = typeof result.ruleIndex === 'number' ? rules.byIndex[result.ruleIndex] : undefined
      const rule = indexed && str(indexed.id) === ruleId ? indexed : (rules.byId.get(ruleId) ?? indexed)
      const where = firstLocation(result)
      const message = isObject(result.message) ? (str(result.message.text) ?? str(result.message.markdown)) : undefined
      const kind: FindingKind = isSecretTool ? 'secret' : kindOf(rule)
      // checkov marks every failed check `error`, which says nothing: its SARIF is rated like its JSON.
      const severity = isSecretTool ? options.secretSeverity : (ratedSeverity(result, rule) ?? (tool === 'checkov' ? mappedCheckovSeverity(ruleId, false, options, unmapped) : levelSeverity(result, rule, path, r, i)))
      const stable = stableFingerprint(result)
      findings.push({
        tool,
        kind,
        ruleId,
        severity,
        title: ruleTitle(rule) ?? message?.split('\n')[0] ?? ruleId,
        location: { file: where.file, line: where.line, endLine: where.endLine },
        fingerprint: fingerprintOf('sarif', tool, ruleId, where.file, stable ?? where.line, stable ? undefined : message),
        fixAvailable: Array.isArray(result.fixes) && result.fixes.length > 0 ? true : undefined,
        helpUri: rule ? str(rule.helpUri) : undefined
      })
    }
    if (suppressed > 0) notes.push(`${toolName}: ${suppressed} suppressed result(s) in the SARIF were not counted.`)
    unmapped.forEach((id) => allUnmapped.add(id))
  }
  return { format: 'sarif', tool: tools.join('+') || 'sarif', findings, unmapped: [...allUnmapped].sort(), notes }
}

interface Rules {
  byIndex: Record<string, unknown>[]
  byId: Map<string, Record<string, unknown>>
}

function collectRules(run: Record<string, unknown>, path: string, r: number): Rules {
  const driver = (run.tool as Record<string, unknown>).driver as Record<string, unknown>
  const list = driver.rules ?? []
  if (!Array.isArray(list)) throw reportError(path, `SARIF runs[${r}].tool.driver.rules is not an array.`)
  const byIndex: Record<string, unknown>[] = []
  const byId = new Map<string, Record<string, unknown>>()
  for (let i = 0; i < list.length; i++) {
    const rule = list[i]
    if (!isObject(rule)) throw reportError(path, `SARIF runs[${r}].tool.driver.rules[${i}] is not an object.`)
    byIndex.push(rule)
    const id = str(rule.id)
    if (id && !byId.has(id)) byId.set(id, rule)
  }
  return { byIndex, byId }
}

function ruleIdAt(rules: Rules, index: unknown): string | undefined {
  return typeof index === 'number' && rules.byIndex[index] ? str(rules.byIndex[index].id) : undefined
}

/** A suppression counts unless its status says it was rejected or is still under review. */
function isSuppressed(result: Record<string, unknown>, path: string, r: number, i: number): boolean {
  if (result.suppressions === undefined) return false
  if (!Array.isArray(result.suppressions)) throw reportError(path, `SARIF runs[${r}].results[${i}].suppressions is not an array.`)
  return result.suppressions.some((s) => !isObject(s) || (s.status !== 'rejected' && s.status !== 'underReview'))
}

function propertiesOf(value: Record<string, unknown> | undefined): Record<string, unknown> {
  return value && isObject(value.properties) ? value.properties : {}
}

/** A severity the SARIF states: the tool's own severity name, else `security-severity` (CVSS). */
function ratedSeverity(result: Record<string, unknown>, rule: Record<string, unknown> | undefined): Severity | undefined {
  const resultProps = propertiesOf(result)
  const ruleProps = propertiesOf(rule)
  const named = severityFromName(resultProps.severity) ?? severityFromName(ruleProps.severity) ?? severityFromTags(ruleProps.tags) ?? severityFromTags(resultProps.tags)
  if (named) return named
  const cvss = cvssOf(resultProps['security-severity']) ?? cvssOf(ruleProps['security-severity'])
  return cvss === undefined ? undefined : severityFromCvss(cvss)
}

/** The SARIF level: the result's, else the rule's default, else `warning` (SARIF's default). */
function levelSeverity(result: Record<string, unknown>, rule: Record<string, unknown> | undefined, path: string, r: number, i: number): Severity {
  const level = result.level ?? (rule && isObject(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined) ?? 'warning'
  const severity = typeof level === 'string' ? LEVELS[level] : undefined
  if (!severity) throw reportError(path, `SARIF runs[${r}].results[${i}] has level ${JSON.stringify(level)}; expected error, warning, note or none.`)
  return severity
}

function severityFromTags(tags: unknown): Severity | undefined {
  if (!Array.isArray(tags)) return undefined
  for (const tag of tags) {
    const severity = severityFromName(tag)
    // `unknown` as a tag is too generic a word to be read as a severity.
    if (severity && severity !== 'unknown') return severity
  }
  return undefined
}

function cvssOf(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : num(value)
  return n !== undefined && Number.isFinite(n) && n >= 0 && n <= 10 ? n : undefined
}

function kindOf(rule: Record<string, unknown> | undefined): FindingKind {
  const tags = propertiesOf(rule).tags
  if (Array.isArray(tags)) {
    // Tags are strings in SARIF; anything else in the list says nothing about the kind.
    const lower = tags.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase())
    if (lower.includes('vulnerability')) return 'vulnerability'
    if (lower.includes('secret')) return 'secret'
    if (lower.includes('misconfiguration')) return 'misconfiguration'
  }
  return 'other'
}

function ruleTitle(rule: Record<string, unknown> | undefined): string | undefined {
  if (!rule) return undefined
  const short = isObject(rule.shortDescription) ? str(rule.shortDescription.text) : undefined
  return short ?? str(rule.name)
}

function firstLocation(result: Record<string, unknown>): { file?: string; line?: number; endLine?: number } {
  const locations = Array.isArray(result.locations) ? result.locations : []
  const physical = isObject(locations[0]) && isObject(locations[0].physicalLocation) ? locations[0].physicalLocation : undefined
  if (!physical) return {}
  const artifact = isObject(physical.artifactLocation) ? physical.artifactLocation : {}
  const region = isObject(physical.region) ? physical.region : {}
  const uri = str(artifact.uri)
  const line = num(region.startLine)
  return { file: uri ? decodeUri(uri) : undefined, line, endLine: num(region.endLine) }
}

function decodeUri(uri: string): string {
  const bare = uri.replace(/^file:\/\//, '')
  try {
    return decodeURIComponent(bare)
  } catch {
    return bare
  }
}

/** A tool-provided fingerprint survives line moves; prefer it to the line. */
function stableFingerprint(result: Record<string, unknown>): string | undefined {
  for (const key of ['fingerprints', 'partialFingerprints'] as const) {
    const map = result[key]
    if (isObject(map)) {
      const entries = Object.entries(map).filter(([, v]) => typeof v === 'string').sort(([a], [b]) => a.localeCompare(b))
      if (entries.length > 0) return entries.map(([k, v]) => `${k}=${String(v)}`).join(';')
    }
  }
  return undefined
}
