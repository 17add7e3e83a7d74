// Security policy files and where each limit comes from. Three layers, most trusted first:
//   1. the organisation policy, kept in the shared repository and shipped with the workflows;
//   2. the repository policy (security-policy.yml), read from the base commit on pull requests;
//   3. the inputs of the step (the caller's workflow, which a pull request can edit).
// Each layer may only tighten the layers before it, except for the keys the organisation policy
// names under `allow-loosening`. Without an organisation policy the repository policy is free,
// and inputs may still not loosen the repository policy.
import { parse as parseYaml } from 'yaml'
import { UserError } from '../errors/user-error.js'
import { isSeverity, SEVERITY_RANK, type Severity } from '../findings/model.js'
import { parseExceptionList, type ExceptionEntry } from './exceptions.js'
import { DEFAULT_VALUES, POLICY_KEYS, type PolicyKey, type PolicyValues } from './defaults.js'

export const DEFAULT_POLICY_FILE = 'security-policy.yml'
export { DEFAULT_VALUES, POLICY_KEYS, type PolicyKey, type PolicyValues }

export interface PolicyLayer {
  /** Shown in the summary and in errors: a file path, or `input "max-high"`-style for inputs. */
  name: string
  kind: 'default' | 'organisation' | 'repository' | 'inputs'
  values: PolicyValues
  exceptions: ExceptionEntry[]
  /** Organisation policy only: keys later layers may loosen. */
  allowLoosening: Set<PolicyKey>
}


const THRESHOLD_KEYS: Record<string, PolicyKey> = { critical: 'max-critical', high: 'max-high', medium: 'max-medium', low: 'max-low', unknown: 'max-unknown' }
const TOP_KEYS = new Set(['thresholds', 'approval-severities', 'secret-severity', 'default-severity', 'exceptions', 'allow-loosening'])

/**
 * Parse a policy file (YAML). Takes its text and a name for messages; gives a layer or throws a
 * UserError naming the file and the key. Shape:
 *   thresholds: { critical: 0, high: 5, medium: 20, low: 50, unknown: none }
 *   approval-severities: [high]          secret-severity: critical     default-severity: medium
 *   exceptions: [ { id, owner, reason, expires, tool?, path?, package?, fingerprint? } ]
 *   allow-loosening: [max-high, ...]     (organisation policy only)
 */
export function parsePolicy(text: string, file: string, kind: 'organisation' | 'repository'): PolicyLayer {
  let doc: unknown
  try {
    doc = parseYaml(text, { prettyErrors: false })
  } catch (error) {
    throw new UserError(`${file}: policy file is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  }
  if (doc === null || doc === undefined) doc = {}
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new UserError(`${file}: a policy file is a mapping (thresholds, approval-severities, exceptions...).`)
  const map = doc as Record<string, unknown>
  const unknownKeys = Object.keys(map).filter((k) => !TOP_KEYS.has(k))
  if (unknownKeys.length) throw new UserError(`${file}: unknown key(s) ${unknownKeys.join(', ')}; a policy has ${[...TOP_KEYS].join(', ')}.`)
  const values: PolicyValues = {}
  if (map.thresholds !== undefined) {
    if (typeof map.thresholds !== 'object' || map.thresholds === null || Array.isArray(map.thresholds)) throw new UserError(`${file}: "thresholds" is a mapping of severity to a limit.`)
    for (const [severity, raw] of Object.entries(map.thresholds)) {
      const key = THRESHOLD_KEYS[severity]
      if (!key) throw new UserError(`${file}: thresholds.${severity} is not a gated severity; use critical, high, medium, low or unknown.`)
      values[key as 'max-high'] = limitOf(raw, `${file}: thresholds.${severity}`)
    }
  }
  if (map['approval-severities'] !== undefined) values['approval-severities'] = severityList(map['approval-severities'], `${file}: approval-severities`)
  if (map['secret-severity'] !== undefined) values['secret-severity'] = severityOf(map['secret-severity'], `${file}: secret-severity`)
  if (map['default-severity'] !== undefined) values['default-severity'] = severityOf(map['default-severity'], `${file}: default-severity`)
  const exceptions = map.exceptions === undefined ? [] : parseExceptionList(map.exceptions, file)
  const allowLoosening = new Set<PolicyKey>()
  if (map['allow-loosening'] !== undefined) {
    if (kind !== 'organisation') throw new UserError(`${file}: "allow-loosening" belongs in the organisation policy; a repository policy cannot grant itself looser limits.`)
    if (!Array.isArray(map['allow-loosening'])) throw new UserError(`${file}: "allow-loosening" is a list of keys (${POLICY_KEYS.join(', ')}).`)
    for (const key of map['allow-loosening']) {
      if (!(POLICY_KEYS as readonly unknown[]).includes(key)) throw new UserError(`${file}: allow-loosening names ${JSON.stringify(key)}; keys are ${POLICY_KEYS.join(', ')}.`)
      allowLoosening.add(key as PolicyKey)
    }
  }
  return { name: file, kind, values, exceptions, allowLoosening }
}

function limitOf(raw: unknown, at: string): number | null {
  if (raw === null || (typeof raw === 'string' && raw.trim().toLowerCase() === 'none') || raw === -1) return null
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return raw
  if (typeof raw === 'string' && /^\d+$/.test(raw.trim())) return Number(raw.trim())
  throw new UserError(`${at} must be a whole number (0 or more) or none, got ${JSON.stringify(raw)}.`)
}

function severityOf(raw: unknown, at: string): Severity {
  const value = typeof raw === 'string' ? raw.trim().toLowerCase() : raw
  if (!isSeverity(value)) throw new UserError(`${at} must be one of critical, high, medium, low, info, unknown; got ${JSON.stringify(raw)}.`)
  return value
}

function severityList(raw: unknown, at: string): Severity[] {
  if (raw === 'none' || raw === null) return []
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : undefined
  if (!list) throw new UserError(`${at} is a list of severities, or none.`)
  return list.map((s) => severityOf(s, at))
}

/** True when `value` lets through something `than` would stop. */
export function isLooser(key: PolicyKey, value: PolicyValues[PolicyKey], than: PolicyValues[PolicyKey]): boolean {
  if (key === 'approval-severities') return (than as Severity[]).some((s) => !(value as Severity[]).includes(s))
  if (key === 'secret-severity' || key === 'default-severity') return SEVERITY_RANK[value as Severity] < SEVERITY_RANK[than as Severity]
  const limit = value as number | null
  const bound = than as number | null
  return bound !== null && (limit === null || limit > bound)
}

export function describeValue(key: PolicyKey, value: PolicyValues[PolicyKey]): string {
  if (key === 'approval-severities') return (value as Severity[]).length ? (value as Severity[]).join(', ') : 'none'
  if (value === null) return 'none'
  return String(value)
}

export interface ResolvedPolicy {
  values: Required<PolicyValues>
  /** The layer that set each key (`default` when none did). */
  sources: Record<PolicyKey, string>
  /** Exceptions of the organisation and repository policies (the exceptions file is separate). */
  exceptions: ExceptionEntry[]
}

/**
 * Apply the layers in order of trust (organisation, repository, inputs; any may be absent).
 * Throws a UserError naming both layers when one loosens a key an earlier trusted layer set and the
 * organisation policy does not allow loosening it.
 */
export function resolvePolicy(layers: readonly PolicyLayer[]): ResolvedPolicy {
  const values = { ...DEFAULT_VALUES } as Required<PolicyValues>
  const sources = Object.fromEntries(POLICY_KEYS.map((k) => [k, 'default'])) as Record<PolicyKey, string>
  const org = layers.find((l) => l.kind === 'organisation')
  const setBy = new Map<PolicyKey, PolicyLayer>()
  for (const layer of layers) {
    for (const key of POLICY_KEYS) {
      const value = layer.values[key]
      if (value === undefined) continue
      const earlier = setBy.get(key)
      if (earlier && earlier.kind !== 'default' && !org?.allowLoosening.has(key) && isLooser(key, value, values[key])) {
        const grant = org ? ` or add ${key} to allow-loosening in ${org.name}` : ''
        throw new UserError(
          `${layer.name} sets ${key} to ${describeValue(key, value)}, looser than ${describeValue(key, values[key])} in ${earlier.name}, which may only be tightened; ` +
            `use ${describeValue(key, values[key])} or stricter${grant}.`
        )
      }
      ;(values as Record<string, unknown>)[key] = value
      sources[key] = layer.name
      setBy.set(key, layer)
    }
  }
  return { values, sources, exceptions: layers.flatMap((l) => l.exceptions) }
}
