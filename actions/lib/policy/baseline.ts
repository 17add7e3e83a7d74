// A baseline records the fingerprints of accepted, known findings; with it, only new ones count.
import { readFileSync, writeFileSync } from 'node:fs'
import { UserError } from '../errors/user-error.js'
import type { Finding } from '../findings/model.js'

export const BASELINE_VERSION = 1

export interface BaselineFile {
  version: number
  created: string
  fingerprints: Record<string, { tool: string; ruleId: string; severity: string; where: string }>
}

export function loadBaseline(file: string): Set<string> {
  let doc: unknown
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UserError(`${file}: baseline not found; create one with \`sgw gate --write-baseline ${file}\`.`)
    throw new UserError(`${file}: baseline is not valid JSON; recreate it with \`sgw gate --write-baseline\`.`)
  }
  const fingerprints = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).fingerprints : undefined
  if ((doc as Record<string, unknown>)?.version !== BASELINE_VERSION || typeof fingerprints !== 'object' || fingerprints === null || Array.isArray(fingerprints)) {
    throw new UserError(`${file}: not a baseline written by sgw (version ${BASELINE_VERSION} with a "fingerprints" map).`)
  }
  return new Set(Object.keys(fingerprints))
}

export function baselineOf(findings: readonly Finding[], now: Date): BaselineFile {
  const fingerprints: BaselineFile['fingerprints'] = {}
  const sorted = [...findings].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0))
  for (const f of sorted) {
    fingerprints[f.fingerprint] = { tool: f.tool, ruleId: f.ruleId, severity: f.severity, where: f.location.file ?? f.location.package ?? f.location.target ?? '' }
  }
  return { version: BASELINE_VERSION, created: now.toISOString(), fingerprints }
}

export function writeBaseline(file: string, findings: readonly Finding[], now: Date): void {
  writeFileSync(file, `${JSON.stringify(baselineOf(findings, now), null, 2)}\n`)
}
