import { SEVERITY_RANK, type Finding } from '../findings/model.js'

/** The n most severe findings, stable within a severity; O(findings) so large reports stay fast. */
export function mostSevere(findings: readonly Finding[], n: number): Finding[] {
  if (n <= 0) return []
  const buckets = new Map<number, Finding[]>()
  for (const f of findings) {
    const rank = SEVERITY_RANK[f.severity]
    const bucket = buckets.get(rank)
    if (!bucket) buckets.set(rank, [f])
    else if (bucket.length < n) bucket.push(f)
  }
  const out: Finding[] = []
  for (const rank of [...buckets.keys()].sort((a, b) => b - a)) {
    for (const f of buckets.get(rank)!) {
      if (out.length === n) return out
      out.push(f)
    }
  }
  return out
}

export function whereOf(f: Finding): string {
  const l = f.location
  if (l.package) return `${l.package}${l.installedVersion ? `@${l.installedVersion}` : ''}${l.file ? ` (${l.file})` : l.target ? ` (${l.target})` : ''}`
  if (l.file) return `${l.file}${l.line ? `:${l.line}` : ''}`
  return l.target ?? l.resource ?? ''
}
