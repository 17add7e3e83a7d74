// The policy's keys and defaults, apart from the files that hold policies: the input readers need
// them at start, and the YAML parser that reading a policy file needs is not loaded for that.
import type { Severity } from '../findings/model.js'
import { DEFAULT_APPROVAL_SEVERITIES, DEFAULT_THRESHOLDS } from './policy.js'

/** The keys a policy sets, named as the gate's inputs. */
export const POLICY_KEYS = ['max-critical', 'max-high', 'max-medium', 'max-low', 'max-unknown', 'approval-severities', 'secret-severity', 'default-severity'] as const
export type PolicyKey = (typeof POLICY_KEYS)[number]

export interface PolicyValues {
  'max-critical'?: number | null
  'max-high'?: number | null
  'max-medium'?: number | null
  'max-low'?: number | null
  'max-unknown'?: number | null
  'approval-severities'?: Severity[]
  'secret-severity'?: Severity
  'default-severity'?: Severity
}

export const DEFAULT_VALUES: Required<PolicyValues> = {
  'max-critical': DEFAULT_THRESHOLDS.critical,
  'max-high': DEFAULT_THRESHOLDS.high,
  'max-medium': DEFAULT_THRESHOLDS.medium,
  'max-low': DEFAULT_THRESHOLDS.low,
  'max-unknown': DEFAULT_THRESHOLDS.unknown,
  'approval-severities': DEFAULT_APPROVAL_SEVERITIES,
  'secret-severity': 'critical',
  'default-severity': 'medium'
}

/** Default of the `expiry-warning-days` input: exceptions ending within two weeks are announced. */
export const DEFAULT_EXPIRY_WARNING_DAYS = 14
