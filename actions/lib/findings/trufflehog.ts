// TruffleHog v3 JSON lines (`trufflehog <source> --json`): one object per secret found
// (pkg/output/json.go: SourceMetadata, SourceType, SourceName, DetectorType, DetectorName,
// DecoderName, Verified, VerificationError, Raw, RawV2, Redacted, ExtraData, StructuredData), the
// place in SourceMetadata.Data.<Source> ({file, line}; git adds commit, email, timestamp).
// A verified secret (TruffleHog logged in with it) is critical whatever the policy says; an
// unverified one (or one whose verification failed) takes `secret-severity`. The secret itself
// (Raw, RawV2, Redacted, ExtraData) is never carried over.
import { fingerprintOf } from './fingerprint.js'
import type { Finding } from './model.js'
import type { ParseOptions, ParsedReport } from './parsed-report.js'
import { isObject, lineOf, reportError, str } from './report-error.js'

export function isTrufflehogEntry(entry: unknown): boolean {
  return isObject(entry) && 'DetectorName' in entry && 'SourceMetadata' in entry && 'Verified' in entry
}

export function parseTrufflehog(doc: unknown[], path: string, options: ParseOptions): ParsedReport {
  const findings: Finding[] = []
  let unverifiable = 0
  for (let i = 0; i < doc.length; i++) {
    const e = doc[i]
    if (!isTrufflehogEntry(e)) throw reportError(path, `trufflehog report: line ${i + 1} lacks DetectorName, SourceMetadata or Verified; is this trufflehog --json output?`)
    const entry = e as Record<string, unknown>
    const detector = str(entry.DetectorName) ?? String(entry.DetectorType ?? 'unknown')
    const place = placeOf(entry.SourceMetadata)
    const verified = entry.Verified === true
    if (!verified && str(entry.VerificationError)) unverifiable++
    findings.push({
      tool: 'trufflehog',
      kind: 'secret',
      ruleId: detector,
      severity: verified ? 'critical' : options.secretSeverity,
      title: `${str(entry.DetectorDescription)?.split('\n')[0] ?? `${detector} secret`}${verified ? ' (verified: it works)' : ' (unverified)'}`,
      location: { file: place.file, line: place.line, target: place.commit ? `commit ${place.commit.slice(0, 12)}` : str(entry.SourceName) },
      fingerprint: fingerprintOf('trufflehog', detector, place.file, place.line, place.commit),
      fixAvailable: undefined
    })
  }
  const notes = unverifiable > 0 ? [`trufflehog: ${unverifiable} secret(s) could not be verified (verification failed, e.g. no network); rated secret-severity.`] : []
  return { format: 'trufflehog', tool: 'trufflehog', findings, unmapped: [], notes, incomplete: [] }
}

function placeOf(meta: unknown): { file?: string; line?: number; commit?: string } {
  const data = isObject(meta) && isObject(meta.Data) ? meta.Data : {}
  // One key per source kind (Filesystem, Git, Github, Docker, S3...); each names its place alike.
  const source = Object.values(data).find(isObject) ?? {}
  const file = str(source.file) ?? str(source.path) ?? str(source.link)
  return { file: file?.replace(/^\.\/+/, ''), line: lineOf(source.line), commit: str(source.commit) }
}

/** JSON lines: one JSON value per non-empty line; undefined when a line is not JSON. */
export function parseJsonLines(text: string): unknown[] | undefined {
  const out: unknown[] = []
  for (const line of text.split('\n')) {
    const t = line.trim()
    if (t === '') continue
    try {
      out.push(JSON.parse(t))
    } catch {
      return undefined
    }
  }
  return out
}
