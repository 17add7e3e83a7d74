// The one findings model every scanner's report is normalised into.

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info', 'unknown'] as const
export type Severity = (typeof SEVERITIES)[number]

/** Severities ranked from most to least severe; `unknown` ranks between medium and low on purpose:
 * a finding we cannot rate is never treated as harmless, but it does not outrank a rated high. */
export const SEVERITY_RANK: Record<Severity, number> = { critical: 5, high: 4, medium: 3, unknown: 2.5, low: 2, info: 1 }

export type FindingKind = 'vulnerability' | 'misconfiguration' | 'secret' | 'license' | 'other'

export interface Location {
  /** Repository-relative path where the tool reports one. */
  file?: string
  line?: number
  endLine?: number
  /** Package-level findings (CVEs): name and installed version. */
  package?: string
  installedVersion?: string
  fixedVersion?: string
  /** What was scanned: an image reference, a lockfile, a resource address. */
  target?: string
  /** IaC resource (checkov `resource`, trivy `CauseMetadata.Resource`). */
  resource?: string
}

export interface Finding {
  tool: string
  kind: FindingKind
  ruleId: string
  severity: Severity
  title: string
  location: Location
  /** Stable across runs: derived from what the finding is and where, never from line numbers alone
   * or from secret values. */
  fingerprint: string
  /** True or false where the tool says so; absent where it does not know. */
  fixAvailable?: boolean
  helpUri?: string
  /** Other ids of the same problem (the CVE of a GHSA advisory, grype's related vulnerabilities),
   * so that one problem can be matched across tools. */
  aliases?: string[]
}

export function isSeverity(value: unknown): value is Severity {
  return (SEVERITIES as readonly unknown[]).includes(value)
}

/** A finding as a plain object with every field set (for JSON output and spreading). */
export function plainFinding(f: Finding): Finding {
  return {
    tool: f.tool,
    kind: f.kind,
    ruleId: f.ruleId,
    severity: f.severity,
    title: f.title,
    location: f.location,
    fingerprint: f.fingerprint,
    fixAvailable: f.fixAvailable,
    helpUri: f.helpUri,
    ...(f.aliases?.length ? { aliases: f.aliases } : {})
  }
}
