// The gate's inputs, parsed once into a typed object. Action inputs and CLI flags share these names,
// so `sgw gate --max-high 3` and `with: { max-high: 3 }` mean the same thing.
import { UserError } from '../errors/user-error.js'
import { REPORT_FORMATS, type ParseOptions, type ReportFormat } from '../findings/parsed-report.js'
import { parseBoolean, parseChoice, parseList, parseSeverity, parseSeverityList, parseThreshold } from '../inputs/parse.js'
import { DEFAULT_APPROVAL_SEVERITIES, DEFAULT_THRESHOLDS, type Policy } from '../policy/policy.js'

export const GateInput = {
  Reports: 'reports',
  Format: 'format',
  MaxCritical: 'max-critical',
  MaxHigh: 'max-high',
  MaxMedium: 'max-medium',
  MaxLow: 'max-low',
  MaxUnknown: 'max-unknown',
  ApprovalSeverities: 'approval-severities',
  SecretSeverity: 'secret-severity',
  DefaultSeverity: 'default-severity',
  Exceptions: 'exceptions',
  Baseline: 'baseline',
  NewOnly: 'new-only',
  AllowIncompleteScan: 'allow-incomplete-scan'
} as const

export interface GateSettings {
  format: ReportFormat | 'auto'
  parse: ParseOptions
  policy: Policy
  exceptions?: string
  baseline?: string
  newOnly: boolean
  allowIncomplete: boolean
}

export type InputReader = (name: string) => string | undefined

export function readGateSettings(get: InputReader): GateSettings {
  const policy: Policy = {
    thresholds: {
      critical: parseThreshold(GateInput.MaxCritical, get(GateInput.MaxCritical), DEFAULT_THRESHOLDS.critical),
      high: parseThreshold(GateInput.MaxHigh, get(GateInput.MaxHigh), DEFAULT_THRESHOLDS.high),
      medium: parseThreshold(GateInput.MaxMedium, get(GateInput.MaxMedium), DEFAULT_THRESHOLDS.medium),
      low: parseThreshold(GateInput.MaxLow, get(GateInput.MaxLow), DEFAULT_THRESHOLDS.low),
      unknown: parseThreshold(GateInput.MaxUnknown, get(GateInput.MaxUnknown), DEFAULT_THRESHOLDS.unknown)
    },
    approvalSeverities: parseSeverityList(GateInput.ApprovalSeverities, get(GateInput.ApprovalSeverities), DEFAULT_APPROVAL_SEVERITIES)
  }
  const exceptions = get(GateInput.Exceptions)?.trim() || undefined
  const baseline = get(GateInput.Baseline)?.trim() || undefined
  const settings: GateSettings = {
    format: parseChoice(GateInput.Format, get(GateInput.Format), ['auto', ...REPORT_FORMATS] as const, 'auto'),
    parse: {
      secretSeverity: parseSeverity(GateInput.SecretSeverity, get(GateInput.SecretSeverity), 'critical'),
      defaultSeverity: parseSeverity(GateInput.DefaultSeverity, get(GateInput.DefaultSeverity), 'medium')
    },
    policy,
    exceptions,
    baseline,
    newOnly: parseBoolean(GateInput.NewOnly, get(GateInput.NewOnly), true),
    allowIncomplete: parseBoolean(GateInput.AllowIncompleteScan, get(GateInput.AllowIncompleteScan), false)
  }
  return settings
}

export function readReportPatterns(get: InputReader): string[] {
  const patterns = parseList(get(GateInput.Reports))
  if (patterns.length === 0) throw new UserError(`Input "${GateInput.Reports}" is required: one or more report paths or globs (newline- or comma-separated).`)
  return patterns
}
