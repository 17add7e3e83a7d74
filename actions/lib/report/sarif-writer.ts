// One merged SARIF for code scanning: a run per tool, each with its own category, fingerprints
// that survive re-runs, and GitHub's upload limits respected (with the trimming said out loud).
import { gzipSync } from 'node:zlib'
import { SEVERITY_RANK, type Finding, type Severity } from '../findings/model.js'
import { whereOf } from './rank.js'

export const SARIF_MAX_RESULTS_PER_RUN = 25_000
export const SARIF_MAX_GZIP_BYTES = 10 * 1024 * 1024

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', unknown: 'warning', low: 'note', info: 'note' }
/** Scores as code scanning reads `security-severity`: >= 9 critical, >= 7 high, >= 4 medium. */
const SCORE: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', unknown: '5.0', low: '2.0', info: '0.0' }

const TOOL_URI: Record<string, string> = {
  trivy: 'https://trivy.dev',
  gitleaks: 'https://gitleaks.io',
  checkov: 'https://www.checkov.io'
}

export interface SarifOptions {
  /** Category prefix for automationDetails.id, `<prefix><tool>/`; empty by default. */
  categoryPrefix?: string
  /** Tool versions to record, by tool name. */
  versions?: Record<string, string>
  maxResultsPerRun?: number
  maxGzipBytes?: number
}

export interface SarifOutput {
  json: string
  /** Human-readable lines about trimming, empty when nothing was dropped. */
  notes: string[]
  resultCount: number
}

interface SarifRun {
  tool: { driver: { name: string; version?: string; informationUri?: string; rules: unknown[] } }
  automationDetails: { id: string }
  results: unknown[]
}

export function buildSarif(findings: readonly Finding[], tools: readonly string[], options: SarifOptions = {}): SarifOutput {
  const maxPerRun = options.maxResultsPerRun ?? SARIF_MAX_RESULTS_PER_RUN
  const maxBytes = options.maxGzipBytes ?? SARIF_MAX_GZIP_BYTES
  const notes: string[] = []
  const byTool = new Map<string, Finding[]>(tools.map((t) => [t, []]))
  for (const f of findings) {
    const list = byTool.get(f.tool)
    if (list) list.push(f)
    else byTool.set(f.tool, [f])
  }
  let selected = new Map<string, Finding[]>()
  for (const [tool, list] of byTool) {
    const sorted = [...list].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity])
    if (sorted.length > maxPerRun) notes.push(`SARIF: ${tool} had ${sorted.length} results; kept the ${maxPerRun} most severe (code scanning accepts ${maxPerRun} per run).`)
    selected.set(tool, sorted.slice(0, maxPerRun))
  }
  let json = render(selected, options)
  // Drop the least severe results until the gzipped upload fits.
  while (gzipSync(json).length > maxBytes) {
    const total = [...selected.values()].reduce((n, l) => n + l.length, 0)
    if (total === 0) break
    const keep = Math.floor(total * 0.8)
    const all = [...selected.values()].flat().sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]).slice(0, keep)
    const next = new Map<string, Finding[]>([...selected.keys()].map((t) => [t, []]))
    for (const f of all) next.get(f.tool)!.push(f)
    selected = next
    json = render(selected, options)
    notes.push(`SARIF: trimmed to ${keep} results to stay under ${(maxBytes / 1024 / 1024).toFixed(maxBytes < 1024 * 1024 ? 2 : 0)} MB gzipped; the least severe were dropped.`)
  }
  const resultCount = [...selected.values()].reduce((n, l) => n + l.length, 0)
  return { json, notes: dedupe(notes), resultCount }
}

function dedupe(lines: string[]): string[] {
  const last = lines.filter((l) => l.startsWith('SARIF: trimmed to')).pop()
  return [...lines.filter((l) => !l.startsWith('SARIF: trimmed to')), ...(last ? [last] : [])]
}

function render(byTool: Map<string, Finding[]>, options: SarifOptions): string {
  const runs: SarifRun[] = []
  for (const [tool, findings] of byTool) {
    const ruleIndex = new Map<string, number>()
    const rules: unknown[] = []
    const results: unknown[] = []
    for (const f of findings) {
      let index = ruleIndex.get(f.ruleId)
      if (index === undefined) {
        index = rules.length
        ruleIndex.set(f.ruleId, index)
        rules.push({
          id: f.ruleId,
          name: f.ruleId,
          shortDescription: { text: f.title },
          ...(f.helpUri ? { helpUri: f.helpUri } : {}),
          defaultConfiguration: { level: LEVEL[f.severity] },
          properties: { tags: ['security', f.kind, f.severity.toUpperCase()], 'security-severity': SCORE[f.severity] }
        })
      }
      const uri = f.location.file ?? f.location.target ?? '.'
      results.push({
        ruleId: f.ruleId,
        ruleIndex: index,
        level: LEVEL[f.severity],
        message: { text: messageOf(f) },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: f.location.line ?? 1, ...(f.location.endLine ? { endLine: f.location.endLine } : {}) } } }],
        partialFingerprints: { 'sgwFingerprint/v1': f.fingerprint },
        properties: { severity: f.severity }
      })
    }
    runs.push({
      tool: { driver: { name: tool, ...(options.versions?.[tool] ? { version: options.versions[tool] } : {}), ...(TOOL_URI[tool] ? { informationUri: TOOL_URI[tool] } : {}), rules } },
      automationDetails: { id: `${options.categoryPrefix ?? ''}${tool}/` },
      results
    })
  }
  return JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs })
}

function messageOf(f: Finding): string {
  const where = whereOf(f)
  const fix = f.location.fixedVersion ? ` Fixed in ${f.location.fixedVersion}.` : ''
  return `${f.severity.toUpperCase()} ${f.ruleId}: ${f.title}${where ? ` (${where})` : ''}.${fix}`
}
