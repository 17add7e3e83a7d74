import type { Finding, Severity } from './model.js'

export const REPORT_FORMATS = [
  'trivy',
  'gitleaks',
  'checkov',
  'sarif',
  'grype',
  'osv-scanner',
  'semgrep',
  'bandit',
  'pip-audit',
  'npm-audit',
  'trufflehog',
  'hadolint'
] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export interface ParseOptions {
  /** Severity given to secrets whose tool rates none (gitleaks; trufflehog's unverified ones). */
  secretSeverity: Severity
  /** Severity for checkov checks missing from the built-in map. */
  defaultSeverity: Severity
}

export interface ParsedReport {
  format: ReportFormat
  /** The tool that wrote it (`trivy`, `gitleaks`, `checkov`, or a SARIF driver name). */
  tool: string
  findings: Finding[]
  /** Checkov check ids that had no severity and no entry in the built-in map. */
  unmapped: string[]
  /** Things the reader should know that did not change what was counted (suppressed results...). */
  notes: string[]
  /**
   * Parts of the input the scanner says it did not scan (files it could not parse, an analysis
   * that did not finish), one line each. A scan with any is incomplete: the gate fails closed on
   * it unless `allow-incomplete-scan` is set, because what was not scanned cannot be called clean.
   */
  incomplete: string[]
}
