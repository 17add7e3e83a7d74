import { createHash } from 'node:crypto'

/** A short, stable fingerprint from the parts that say what a finding is and where it lives.
 * Callers choose parts that survive re-runs (rule, file, package, resource), never secret values. */
export function fingerprintOf(parts: ReadonlyArray<string | number | undefined>): string {
  return createHash('sha256').update(parts.map((p) => (p === undefined ? '' : String(p))).join('\u0000')).digest('hex').slice(0, 32)
}
