// Reading the other actions' outputs into the facts the templates show: kube-deploy's images,
// the severity gate's counts (its outputs, toJSON of them, or its security-summary.json).
import { readFileSync } from 'node:fs'
import { UserError } from '../errors/user-error.js'
import { SEVERITIES, isSeverity, type Severity } from '../findings/model.js'
import { isObject, str } from '../findings/report-error.js'
import { escapeMrkdwn } from './blocks.js'
import type { SecurityFacts } from './templates.js'

/** `critical=1, high=2` or a JSON object ({"critical":"1",...}, e.g. toJSON(steps.gate.outputs)). */
export function parseSeverityMap(
  name: string,
  raw: string,
  allowNone: boolean
): { values: Partial<Record<Severity, number | null>>; extra: Record<string, string> } {
  const text = raw.trim()
  const values: Partial<Record<Severity, number | null>> = {}
  const extra: Record<string, string> = {}
  if (text === '') return { values, extra }
  let entries: [string, string][]
  if (text.startsWith('{')) {
    let obj: unknown
    try {
      obj = JSON.parse(text)
    } catch {
      throw new UserError(`Input "${name}" starts with { but is not valid JSON; give a JSON object or critical=0,high=5,...`)
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
      throw new UserError(`Input "${name}" must be a JSON object or critical=0,high=5,...`)
    entries = Object.entries(obj as Record<string, unknown>).map(([k, v]) => {
      if (v === null) return [k, 'none']
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return [k, String(v)]
      throw new UserError(`Input "${name}": "${k}" must be a number or a string, got ${Array.isArray(v) ? 'a list' : 'an object'}.`)
    })
  } else {
    entries = text
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=')
        if (at < 1) throw new UserError(`Input "${name}" must list severity=number pairs (critical=0, high=5), got "${pair}".`)
        return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()]
      })
  }
  for (const [key, value] of entries) {
    const k = key.toLowerCase()
    if (!isSeverity(k)) {
      extra[key] = value
      continue
    }
    if (allowNone && value.toLowerCase() === 'none') values[k] = null
    else if (/^\d+$/.test(value)) values[k] = Number(value)
    else throw new UserError(`Input "${name}": ${k} must be a whole number${allowNone ? ' or none' : ''}, got "${value}".`)
  }
  return { values, extra }
}

const RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>

const record = (v: unknown): Record<string, unknown> | undefined => (isObject(v) ? v : undefined)
const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined)

/** The security template's facts from the gate's security-summary.json. Only fields of the right
 * type are read: a hand-edited or foreign file gives fewer facts, never a crash. */
export function readGateReport(path: string, input: string): SecurityFacts {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new UserError(
      `Input "${input}": cannot read ${path} as the gate's JSON report (${(error as NodeJS.ErrnoException).code ?? 'not JSON'}); ` +
        `give the severity gate's summary-json output.`
    )
  }
  const doc = record(parsed)
  const counts = record(doc?.counts)
  if (!doc || !counts)
    throw new UserError(
      `Input "${input}": ${path} is not a security summary (no "counts" object); give the severity gate's summary-json output.`
    )
  const thresholds = record(doc.thresholds) ?? {}
  const facts: SecurityFacts = {
    result: str(doc.result) ?? '',
    counts: {},
    limits: {},
    approvals: [],
    topFindings: [],
    newCount: count(doc.new)
  }
  for (const s of SEVERITIES) {
    const n = count(counts[s])
    if (n !== undefined) facts.counts[s] = n
    const limit = thresholds[s] === null ? null : count(thresholds[s])
    if (limit !== undefined) facts.limits[s] = limit
  }
  for (const a of Array.isArray(doc.approvals) ? doc.approvals : []) {
    const approval = record(a)
    const n = count(approval?.count)
    if (approval && isSeverity(approval.severity) && n !== undefined) facts.approvals.push({ severity: approval.severity, count: n })
  }
  const worst: { severity: Severity; line: string }[] = []
  for (const f of Array.isArray(doc.findings) ? doc.findings : []) {
    const finding = record(f)
    if (!finding || finding.status !== 'new' || !isSeverity(finding.severity) || finding.severity === 'info') continue
    const location = record(finding.location) ?? {}
    const pkg = str(location.package)
    const file = str(location.file)
    const line = count(location.line)
    const version = str(location.installedVersion)
    const where = pkg ? `${pkg}${version ? ` ${version}` : ''}` : file ? `${file}${line ? `:${line}` : ''}` : ''
    worst.push({
      severity: finding.severity,
      line:
        `*${finding.severity}* \`${escapeMrkdwn(str(finding.ruleId) ?? '?')}\` ` +
        `${escapeMrkdwn(str(finding.title) ?? '')}${where ? ` (${escapeMrkdwn(where)})` : ''}`
    })
  }
  facts.topFindings = worst
    .sort((a, b) => RANK[a.severity] - RANK[b.severity])
    .slice(0, 5)
    .map((w) => w.line)
  return facts
}

/** The tag of the first image (web=ghcr.io/acme/web:1.4.0 gives 1.4.0), for a headline. */
export function versionFromImages(images: string[]): string {
  const ref = (images[0] ?? '').replace(/^[^=\s]+=/, '')
  if (ref.includes('@')) return ''
  const m = /:([\w][\w.-]{0,127})$/.exec(ref.slice(ref.lastIndexOf('/') + 1))
  return m ? m[1] : ''
}
