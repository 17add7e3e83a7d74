// SARIF 2.1.0 from any tool, read as the OASIS specification (sarif-v2.1.0-os) defines it:
// - whether a result is a problem: `kind` (§3.27.9; absent means "fail"), `suppressions`
//   (§3.27.23), `baselineState` "absent" (§3.27.24: gone since the baseline, not in this run);
// - its rule: `ruleId`, `rule` (a reportingDescriptorReference with id, index and toolComponent,
//   §3.52), `ruleIndex`, hierarchical ids ("CA2101/ANSI" falls back to "CA2101", §3.27.5), rules
//   in `tool.extensions` as well as `tool.driver`; a result may name no rule at all;
// - its severity, in order: the tool's own severity name (trivy keeps it in
//   rules[].properties.tags), `security-severity` as CVSS (GitHub code scanning's property), then
//   the SARIF level: the result's, else `kind` other than "fail" means "none", else a
//   ruleConfigurationOverride of the invocation, else the rule's defaultConfiguration, else
//   "warning" (§3.27.10);
// - whether the analysis finished: `invocations[].executionSuccessful` and error-level
//   `toolExecutionNotifications` (§3.20.14, §3.20.21) make the scan incomplete.
import { mappedCheckovSeverity } from './checkov.js'
import { fingerprintOf } from './fingerprint.js'
import type { Finding, FindingKind, Severity } from './model.js'
import type { ParseOptions, ParsedReport } from './parsed-report.js'
import { isObject, lineOf, num, reportError, str } from './report-error.js'
import { severityFromCvss, severityFromName } from './severity-names.js'

const LEVELS: Record<string, Severity> = { error: 'high', warning: 'medium', note: 'low', none: 'info' }
const SECRET_TOOLS = new Set(['gitleaks'])
/** Result kinds that say "this is not a problem" (§3.27.9). `open` (could not tell) still counts. */
const NOT_PROBLEMS = new Set(['pass', 'notApplicable', 'informational', 'review'])
const KINDS = new Set(['fail', 'open', ...NOT_PROBLEMS])
/** The rule id a result gets when it names no rule (valid SARIF; gitleaks 7 writes such results). */
export const NO_RULE_ID = '(no rule)'

export function isSarif(doc: Record<string, unknown>): boolean {
  // `runs: null` is SARIF too: the producer says it failed (§3.13.4), and the log is refused as such.
  const runs = Array.isArray(doc.runs) || doc.runs === null
  return runs && (typeof doc.version === 'string' || (typeof doc.$schema === 'string' && /sarif/i.test(doc.$schema)))
}

/** An index as SARIF writes it: -1 (the schema's default for every index) means "not given". */
function indexOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined
}

type Obj = Record<string, unknown>

/** The rules of one tool component (the driver, or an extension), by position and by id. */
interface Component {
  name: string
  byIndex: Obj[]
  byId: Map<string, Obj>
}

interface RunContext {
  path: string
  r: number
  tool: string
  /** [driver, ...extensions]: a toolComponentReference's index is into extensions, so +1. */
  components: Component[]
  /** Levels set by the invocations' ruleConfigurationOverrides, by rule id. */
  overrides: Map<string, unknown>
  artifacts: unknown[]
}

export function parseSarif(doc: Obj, path: string, options: ParseOptions): ParsedReport {
  if (doc.version !== '2.1.0') throw reportError(path, `SARIF version ${JSON.stringify(doc.version)} is not supported; expected "2.1.0".`)
  const runs = doc.runs as unknown[]
  const findings: Finding[] = []
  const tools: string[] = []
  const notes: string[] = []
  const incomplete: string[] = []
  const allUnmapped = new Set<string>()
  // An empty list is the producer saying it found nothing to analyse (§3.13.4; a failure is null).
  if (runs.length === 0) notes.push(`${path}: the SARIF log holds no runs (the tool found nothing to analyse).`)
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]
    if (!isObject(run) || !isObject(run.tool) || !isObject(run.tool.driver)) throw reportError(path, `SARIF runs[${r}] has no tool.driver.`)
    const toolName = str(run.tool.driver.name)
    if (!toolName) throw reportError(path, `SARIF runs[${r}].tool.driver has no name.`)
    const tool = toolName.toLowerCase()
    if (!tools.includes(tool)) tools.push(tool)
    const ctx: RunContext = { path, r, tool, components: components(run, path, r), overrides: new Map(), artifacts: Array.isArray(run.artifacts) ? run.artifacts : [] }
    incomplete.push(...readInvocations(run, ctx, toolName))
    if (!Array.isArray(run.results)) {
      // An absent `results` means the tool did not compute them (§3.14.23): not "no findings".
      throw reportError(path, `SARIF runs[${r}] (${toolName}) has no results array; the analysis did not complete.`)
    }
    const unmapped = new Set<string>()
    const skipped = { suppressed: 0, notProblems: 0, absent: 0 }
    for (let i = 0; i < run.results.length; i++) {
      const result = run.results[i]
      if (!isObject(result)) throw reportError(path, `SARIF runs[${r}].results[${i}] is not an object.`)
      const kind = result.kind ?? 'fail'
      if (typeof kind !== 'string' || !KINDS.has(kind)) throw reportError(path, `SARIF runs[${r}].results[${i}] has kind ${JSON.stringify(kind)}; expected ${[...KINDS].join(', ')}.`)
      if (NOT_PROBLEMS.has(kind)) {
        skipped.notProblems++
        continue
      }
      if (result.baselineState === 'absent') {
        skipped.absent++
        continue
      }
      if (isSuppressed(result, path, r, i)) {
        skipped.suppressed++
        continue
      }
      findings.push(toFinding(result, kind, ctx, i, options, unmapped))
    }
    if (skipped.suppressed > 0) notes.push(`${toolName}: ${skipped.suppressed} suppressed result(s) in the SARIF were not counted.`)
    if (skipped.notProblems > 0) notes.push(`${toolName}: ${skipped.notProblems} result(s) of kind pass, notApplicable, informational or review are not problems and were not counted.`)
    if (skipped.absent > 0) notes.push(`${toolName}: ${skipped.absent} result(s) with baselineState "absent" (no longer found) were not counted.`)
    unmapped.forEach((id) => allUnmapped.add(id))
    // checkov's JSON lists unparsed files; its SARIF has no invocation to say so.
    if (ctx.tool === 'checkov' && !Array.isArray(run.invocations)) {
      notes.push("checkov's SARIF does not record files it could not parse; gate checkov's JSON report to fail on them.")
    }
  }
  return { format: 'sarif', tool: tools.join('+') || 'sarif', findings, unmapped: [...allUnmapped].sort(), notes, incomplete }
}

function toFinding(result: Obj, kind: string, ctx: RunContext, i: number, options: ParseOptions, unmapped: Set<string>): Finding {
  const { rule, ruleId } = ruleOf(result, ctx, i)
  const where = firstLocation(result, ctx)
  const message = isObject(result.message) ? (str(result.message.text) ?? str(result.message.markdown)) : undefined
  const isSecretTool = SECRET_TOOLS.has(ctx.tool)
  // checkov's SARIF rules carry no tags; its checks are misconfigurations (secrets: CKV_SECRET_*),
  // as its JSON says through check_type.
  const findingKind: FindingKind = isSecretTool ? 'secret' : ctx.tool === 'checkov' ? (ruleId.startsWith('CKV_SECRET_') ? 'secret' : 'misconfiguration') : kindOf(rule)
  let severity: Severity
  if (isSecretTool) severity = options.secretSeverity
  else {
    const rated = ratedSeverity(result, rule)
    if (rated) severity = rated
    // checkov marks every failed check `error`, which says nothing: its SARIF is rated like its JSON.
    else if (ctx.tool === 'checkov' && ruleId !== NO_RULE_ID) severity = mappedCheckovSeverity(ruleId, false, options, unmapped)
    else {
      const level = levelSeverity(result, rule, ruleId, ctx, i)
      // An `open` result (the tool could not tell pass from fail) defaults to level "none"; it is
      // not known to be harmless, so it is unrated rather than info.
      severity = kind === 'open' && level === 'info' ? 'unknown' : level
    }
  }
  const stable = stableFingerprint(result)
  return {
    tool: ctx.tool,
    kind: findingKind,
    ruleId,
    severity,
    title: ruleTitle(rule) ?? message?.split('\n')[0] ?? ruleId,
    location: { file: where.file, line: where.line, endLine: where.endLine },
    fingerprint: fingerprintOf('sarif', ctx.tool, ruleId, where.file, stable ?? where.line, stable ? undefined : message),
    fixAvailable: Array.isArray(result.fixes) && result.fixes.length > 0 ? true : undefined,
    helpUri: rule ? str(rule.helpUri) : undefined
  }
}

function components(run: Obj, path: string, r: number): Component[] {
  const tool = run.tool as Obj
  const out = [component(tool.driver as Obj, path, `runs[${r}].tool.driver`)]
  if (tool.extensions !== undefined) {
    if (!Array.isArray(tool.extensions)) throw reportError(path, `SARIF runs[${r}].tool.extensions is not an array.`)
    tool.extensions.forEach((ext, e) => {
      if (!isObject(ext)) throw reportError(path, `SARIF runs[${r}].tool.extensions[${e}] is not an object.`)
      out.push(component(ext, path, `runs[${r}].tool.extensions[${e}]`))
    })
  }
  return out
}

function component(descriptor: Obj, path: string, where: string): Component {
  const list = descriptor.rules ?? []
  if (!Array.isArray(list)) throw reportError(path, `SARIF ${where}.rules is not an array.`)
  const byIndex: Obj[] = []
  const byId = new Map<string, Obj>()
  for (let i = 0; i < list.length; i++) {
    const rule = list[i]
    if (!isObject(rule)) throw reportError(path, `SARIF ${where}.rules[${i}] is not an object.`)
    byIndex.push(rule)
    const id = str(rule.id)
    if (id && !byId.has(id)) byId.set(id, rule)
  }
  return { name: str(descriptor.name) ?? '', byIndex, byId }
}

/** Incomplete-analysis lines from the run's invocations; also records ruleConfigurationOverrides. */
function readInvocations(run: Obj, ctx: RunContext, toolName: string): string[] {
  const out: string[] = []
  const invocations = Array.isArray(run.invocations) ? run.invocations : []
  for (const inv of invocations) {
    if (!isObject(inv)) continue
    if (inv.executionSuccessful === false) out.push(`${toolName}: the analysis did not complete (the SARIF invocation says executionSuccessful: false).`)
    const notifications = Array.isArray(inv.toolExecutionNotifications) ? inv.toolExecutionNotifications : []
    for (const n of notifications) {
      // A notification's level defaults to "warning" (§3.58.6); only errors mean input was not analysed.
      if (!isObject(n) || n.level !== 'error') continue
      const text = isObject(n.message) ? (str(n.message.text) ?? str(n.message.markdown)) : undefined
      const file = Array.isArray(n.locations) ? firstLocation({ locations: n.locations }, ctx).file : undefined
      out.push(`${toolName}: ${text ? text.split('\n')[0] : 'an error during the analysis'}${file ? ` (${file})` : ''}`)
    }
    const overrides = Array.isArray(inv.ruleConfigurationOverrides) ? inv.ruleConfigurationOverrides : []
    for (const o of overrides) {
      if (!isObject(o) || !isObject(o.descriptor) || !isObject(o.configuration) || o.configuration.level === undefined) continue
      const at = indexOf(o.descriptor.index)
      const id = str(o.descriptor.id) ?? (at !== undefined ? str(ctx.components[0].byIndex[at]?.id) : undefined)
      if (id) ctx.overrides.set(id, o.configuration.level)
    }
  }
  return out
}

/** The rule a result names, and its id (NO_RULE_ID when it names none). */
function ruleOf(result: Obj, ctx: RunContext, i: number): { rule?: Obj; ruleId: string } {
  const ref = isObject(result.rule) ? result.rule : undefined
  const comp = componentOf(ref?.toolComponent, ctx) ?? ctx.components[0]
  const index = indexOf(result.ruleIndex) ?? indexOf(ref?.index)
  const indexed = index !== undefined ? comp.byIndex[index] : undefined
  const ruleId = str(result.ruleId) ?? str(ref?.id) ?? (indexed ? str(indexed.id) : undefined)
  if (!ruleId) {
    if (index !== undefined && !indexed) throw reportError(ctx.path, `SARIF runs[${ctx.r}].results[${i}] names rule index ${index}, which the tool's rules do not have.`)
    return { rule: indexed, ruleId: NO_RULE_ID }
  }
  // ruleIndex is exact when ids repeat, but only if it agrees with the ruleId.
  if (indexed && str(indexed.id) === ruleId) return { rule: indexed, ruleId }
  return { rule: findRule(comp, ruleId) ?? indexed, ruleId }
}

function componentOf(ref: unknown, ctx: RunContext): Component | undefined {
  if (!isObject(ref)) return undefined
  const index = indexOf(ref.index)
  if (index !== undefined) return ctx.components[index + 1]
  const name = str(ref.name)
  return name ? ctx.components.find((c) => c.name === name) : undefined
}

/** A hierarchical id ("CA2101/ANSI") is reported under the rule of its leading part. */
function findRule(comp: Component, ruleId: string): Obj | undefined {
  for (let id = ruleId; ; id = id.slice(0, id.lastIndexOf('/'))) {
    const rule = comp.byId.get(id)
    if (rule || !id.includes('/')) return rule
  }
}

/** A suppression counts unless its status says it was rejected or is still under review. Absent or
 * null, there is no suppression information: not suppressed (§3.27.23). */
function isSuppressed(result: Obj, path: string, r: number, i: number): boolean {
  if (result.suppressions === undefined || result.suppressions === null) return false
  if (!Array.isArray(result.suppressions)) throw reportError(path, `SARIF runs[${r}].results[${i}].suppressions is not an array.`)
  return result.suppressions.some((s) => !isObject(s) || (s.status !== 'rejected' && s.status !== 'underReview'))
}

function propertiesOf(value: Obj | undefined): Obj {
  return value && isObject(value.properties) ? value.properties : {}
}

/**
 * A severity the SARIF states: the tool's own severity name, else `security-severity` (CVSS).
 * A score of 0 is what tools write when they have none (trivy writes "0.0" for UNKNOWN), so it
 * reads as `unknown`, never as a harmless `info`.
 */
function ratedSeverity(result: Obj, rule: Obj | undefined): Severity | undefined {
  const resultProps = propertiesOf(result)
  const ruleProps = propertiesOf(rule)
  const named = severityFromName(resultProps.severity) ?? severityFromName(ruleProps.severity) ?? severityFromTags(ruleProps.tags) ?? severityFromTags(resultProps.tags)
  if (named) return named
  const cvss = cvssOf(resultProps['security-severity']) ?? cvssOf(ruleProps['security-severity'])
  if (cvss === undefined) return undefined
  return cvss === 0 ? 'unknown' : severityFromCvss(cvss)
}

/** The SARIF level (§3.27.10): the result's; else "none" for a kind other than fail; else the
 * invocation's override; else the rule's default; else "warning". */
function levelSeverity(result: Obj, rule: Obj | undefined, ruleId: string, ctx: RunContext, i: number): Severity {
  const kind = result.kind ?? 'fail'
  const level =
    result.level ??
    (kind !== 'fail' ? 'none' : undefined) ??
    ctx.overrides.get(ruleId) ??
    (rule && isObject(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined) ??
    'warning'
  const severity = typeof level === 'string' ? LEVELS[level] : undefined
  if (!severity) throw reportError(ctx.path, `SARIF runs[${ctx.r}].results[${i}] has level ${JSON.stringify(level)}; expected error, warning, note or none.`)
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
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : num(value)
  return n !== undefined && Number.isFinite(n) && n >= 0 && n <= 10 ? n : undefined
}

function kindOf(rule: Obj | undefined): FindingKind {
  const tags = propertiesOf(rule).tags
  if (Array.isArray(tags)) {
    // Tags are strings in SARIF; anything else in the list says nothing about the kind.
    const lower = tags.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase())
    if (lower.includes('vulnerability')) return 'vulnerability'
    if (lower.includes('secret')) return 'secret'
    if (lower.includes('license')) return 'license'
    if (lower.includes('misconfiguration')) return 'misconfiguration'
  }
  return 'other'
}

function ruleTitle(rule: Obj | undefined): string | undefined {
  if (!rule) return undefined
  const short = isObject(rule.shortDescription) ? str(rule.shortDescription.text) : undefined
  return short ?? str(rule.name)
}

/** The first physical location; an artifactLocation may give its uri through run.artifacts (§3.4.5). */
function firstLocation(result: Obj, ctx: RunContext): { file?: string; line?: number; endLine?: number } {
  const locations = Array.isArray(result.locations) ? result.locations : []
  const physical = isObject(locations[0]) && isObject(locations[0].physicalLocation) ? locations[0].physicalLocation : undefined
  if (!physical) return {}
  const artifact = isObject(physical.artifactLocation) ? physical.artifactLocation : {}
  const region = isObject(physical.region) ? physical.region : {}
  let uri = str(artifact.uri)
  const at = indexOf(artifact.index)
  if (!uri && at !== undefined) {
    const listed = ctx.artifacts[at]
    const location = isObject(listed) && isObject(listed.location) ? listed.location : undefined
    uri = location ? str(location.uri) : undefined
  }
  return { file: uri ? decodeUri(uri) : undefined, line: lineOf(region.startLine), endLine: lineOf(region.endLine) }
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
function stableFingerprint(result: Obj): string | undefined {
  for (const key of ['fingerprints', 'partialFingerprints'] as const) {
    const map = result[key]
    if (isObject(map)) {
      const entries = Object.entries(map).filter(([, v]) => typeof v === 'string').sort(([a], [b]) => a.localeCompare(b))
      if (entries.length > 0) return entries.map(([k, v]) => `${k}=${String(v)}`).join(';')
    }
  }
  return undefined
}
