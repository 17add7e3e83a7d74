// The gate's inputs, parsed once into a typed object. Action inputs and CLI flags share these names,
// so `sgw gate --max-high 3` and `with: { max-high: 3 }` mean the same thing.
import { UserError } from '../errors/user-error.js'
import { REPORT_FORMATS, type ParseOptions, type ReportFormat } from '../findings/parsed-report.js'
import { parseBoolean, parseChoice, parseList, parseSeverity, parseSeverityList, parseThreshold, parseWholeNumber } from '../inputs/parse.js'
import { DEFAULT_EXPIRY_WARNING_DAYS, DEFAULT_VALUES, type PolicyValues } from '../policy/defaults.js'
import type { Policy } from '../policy/policy.js'

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
  AllowIncompleteScan: 'allow-incomplete-scan',
  Policy: 'policy',
  OrgPolicy: 'org-policy',
  ExpiryWarningDays: 'expiry-warning-days',
  SuppressionReview: 'suppression-review'
} as const

export interface GateSettings {
  format: ReportFormat | 'auto'
  /** Defaults and inputs only, until resolveTrustedPolicy() adds the policy files. */
  parse: ParseOptions
  policy: Policy
  exceptions?: string
  baseline?: string
  newOnly: boolean
  allowIncomplete: boolean
  /** The limits the inputs set explicitly (an empty input sets nothing). */
  inputs: PolicyValues
  /** The repository policy file; undefined: security-policy.yml when it exists. */
  policyFile?: string
  /** The organisation policy: a path, `shipped` for the suite's own, or undefined for none. */
  orgPolicy?: string
  expiryWarningDays: number
  /** auto: review suppressions against the base on pull requests and merge groups; off: never. */
  suppressionReview: 'auto' | 'off'
}

export type InputReader = (name: string) => string | undefined

export function readGateSettings(get: InputReader): GateSettings {
  const given = (name: string) => (get(name)?.trim() ? get(name) : undefined)
  const inputs: PolicyValues = {}
  const thresholdInputs = [GateInput.MaxCritical, GateInput.MaxHigh, GateInput.MaxMedium, GateInput.MaxLow, GateInput.MaxUnknown] as const
  for (const name of thresholdInputs) if (given(name)) inputs[name] = parseThreshold(name, given(name), null)
  if (given(GateInput.ApprovalSeverities)) inputs['approval-severities'] = parseSeverityList(GateInput.ApprovalSeverities, given(GateInput.ApprovalSeverities), [])
  if (given(GateInput.SecretSeverity)) inputs['secret-severity'] = parseSeverity(GateInput.SecretSeverity, given(GateInput.SecretSeverity), 'critical')
  if (given(GateInput.DefaultSeverity)) inputs['default-severity'] = parseSeverity(GateInput.DefaultSeverity, given(GateInput.DefaultSeverity), 'medium')
  const values = { ...DEFAULT_VALUES, ...inputs }
  return {
    format: parseChoice(GateInput.Format, get(GateInput.Format), ['auto', ...REPORT_FORMATS] as const, 'auto'),
    ...policyOf(values),
    exceptions: get(GateInput.Exceptions)?.trim() || undefined,
    baseline: get(GateInput.Baseline)?.trim() || undefined,
    newOnly: parseBoolean(GateInput.NewOnly, get(GateInput.NewOnly), true),
    allowIncomplete: parseBoolean(GateInput.AllowIncompleteScan, get(GateInput.AllowIncompleteScan), false),
    inputs,
    policyFile: get(GateInput.Policy)?.trim() || undefined,
    orgPolicy: get(GateInput.OrgPolicy)?.trim() || undefined,
    expiryWarningDays: parseWholeNumber(GateInput.ExpiryWarningDays, get(GateInput.ExpiryWarningDays), DEFAULT_EXPIRY_WARNING_DAYS),
    suppressionReview: parseChoice(GateInput.SuppressionReview, get(GateInput.SuppressionReview), ['auto', 'off'] as const, 'auto')
  }
}

/** The gate's policy and parse options from resolved policy values. */
export function policyOf(values: Required<PolicyValues>): { policy: Policy; parse: ParseOptions } {
  return {
    policy: {
      thresholds: { critical: values['max-critical'], high: values['max-high'], medium: values['max-medium'], low: values['max-low'], unknown: values['max-unknown'] },
      approvalSeverities: values['approval-severities']
    },
    parse: { secretSeverity: values['secret-severity'], defaultSeverity: values['default-severity'] }
  }
}

export function readReportPatterns(get: InputReader): string[] {
  const patterns = parseList(get(GateInput.Reports))
  if (patterns.length === 0) throw new UserError(`Input "${GateInput.Reports}" is required: one or more report paths or globs (newline- or comma-separated).`)
  return patterns
}
