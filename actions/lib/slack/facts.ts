// Reading the other actions' outputs into the facts the templates show: kube-deploy's images,
// the severity gate's counts (its outputs, toJSON of them, or its security-summary.json).
import { readFileSync } from 'node:fs'
import { UserError } from '../errors/user-error.js'
import { SEVERITIES, isSeverity, type Severity } from '../findings/model.js'
import { escapeMrkdwn } from './blocks.js'
import type { SecurityFacts } from './templates.js'

/** `critical=1, high=2` or a JSON object ({"critical":"1",...}, e.g. toJSON(steps.gate.outputs)). */
export function parseSeverityMap(name: string, raw: string, allowNone: boolean): { values: Partial<Record<Severity, number | null>>; extra: Record<string, string> } {
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
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new UserError(`Input "${name}" must be a JSON object or critical=0,high=5,...`)
    entries = Object.entries(obj as Record<string, unknown>).map(([k, v]) => [k, v === null ? 'none' : String(v)])
  } else {
    entries = text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean).map((pair) => {
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

interface GateReport {
  result?: string
  counts?: Partial<Record<Severity, number>>
  thresholds?: Partial<Record<Severity, number | null>>
  approvals?: { severity: Severity; count: number }[]
  new?: number
  findings?: { severity?: string; ruleId?: string; title?: string; status?: string; tool?: string; location?: { file?: string; line?: number; package?: string; installedVersion?: string } }[]
}

const RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>

/** The security template's facts from the gate's security-summary.json. */
export function readGateReport(path: string, input: string): SecurityFacts {
  let doc: GateReport
  try {
    doc = JSON.parse(readFileSync(path, 'utf8')) as GateReport
  } catch (error) {
    throw new UserError(`Input "${input}": cannot read ${path} as the gate's JSON report (${(error as NodeJS.ErrnoException).code ?? 'not JSON'}); give the severity gate's summary-json output.`)
  }
  if (!doc || typeof doc.counts !== 'object') throw new UserError(`Input "${input}": ${path} is not a security summary (no "counts"); give the severity gate's summary-json output.`)
  const worst = (doc.findings ?? [])
    .filter((f) => f.status === 'new' && isSeverity(f.severity ?? '') && f.severity !== 'info')
    .sort((a, b) => RANK[a.severity as Severity] - RANK[b.severity as Severity])
    .slice(0, 5)
    .map((f) => {
      const where = f.location?.package ? `${f.location.package}${f.location.installedVersion ? ` ${f.location.installedVersion}` : ''}` : f.location?.file ? `${f.location.file}${f.location.line ? `:${f.location.line}` : ''}` : ''
      return `*${f.severity}* \`${escapeMrkdwn(f.ruleId ?? '?')}\` ${escapeMrkdwn(f.title ?? '')}${where ? ` (${escapeMrkdwn(where)})` : ''}`
    })
  return {
    result: doc.result ?? '',
    counts: doc.counts ?? {},
    limits: doc.thresholds ?? {},
    approvals: doc.approvals ?? [],
    topFindings: worst,
    newCount: typeof doc.new === 'number' ? doc.new : undefined
  }
}

/** The tag of the first image (web=ghcr.io/acme/web:1.4.0 gives 1.4.0), for a headline. */
export function versionFromImages(images: string[]): string {
  const ref = (images[0] ?? '').replace(/^[^=\s]+=/, '')
  if (ref.includes('@')) return ''
  const m = /:([\w][\w.-]{0,127})$/.exec(ref.slice(ref.lastIndexOf('/') + 1))
  return m ? m[1] : ''
}
