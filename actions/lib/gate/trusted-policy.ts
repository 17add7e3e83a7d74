// The gate's policy from trusted places: the organisation policy (shipped with the suite), the
// repository policy and the inputs, resolved layer by layer (policy/policy-file.ts), and the
// review of what a pull request does to its own suppressions (policy/review.ts). Shared by
// actions/severity-gate, the scanner actions and `sgw gate`.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { UserError } from '../errors/user-error.js'
import type { ExceptionEntry } from '../policy/exceptions.js'
import { DEFAULT_POLICY_FILE, parsePolicy, resolvePolicy, type PolicyKey, type PolicyLayer } from '../policy/policy-file.js'
import { GitReader, reviewBaseFor, reviewSuppressions, type SuppressionReview } from '../policy/review.js'
import { DEFAULT_EXCEPTIONS_FILE } from './run-gate.js'
import { policyOf, type GateSettings } from './settings.js'

/** The organisation policy shipped with the suite, relative to the repository root. */
export const SHIPPED_ORG_POLICY = 'policy/org-security-policy.yml'

export interface TrustContext {
  /** The checkout (git working tree) the reports were made from. */
  cwd: string
  eventName: string
  payload: unknown
  /** Scanner ignore files the step was given (they are reviewed like the default ones). */
  ignoreFiles?: string[]
  /** Review against this commit or ref whatever the event (`sgw gate --base origin/main`). */
  base?: string
}

export interface TrustedPolicy {
  /** The settings with the resolved policy and parse options. */
  settings: GateSettings
  /** The layer that set each limit, for the summary. */
  sources: Record<PolicyKey, string>
  /** Exceptions from the policy files (besides the exceptions file). */
  policyExceptions: ExceptionEntry[]
  review: SuppressionReview
}

/**
 * Resolve the policy layers and review the suppressions. Takes the parsed inputs and where the
 * step runs; gives the settings to gate with. Throws a UserError for an unreadable or invalid
 * policy file, a layer that loosens what it may not, or a base commit missing from the checkout.
 */
export async function resolveTrustedPolicy(settings: GateSettings, ctx: TrustContext): Promise<TrustedPolicy> {
  const layers: PolicyLayer[] = []
  if (settings.orgPolicy) {
    const file = settings.orgPolicy === 'shipped' ? shippedOrgPolicy() : settings.orgPolicy
    layers.push(parsePolicy(readPolicy(file, 'org-policy'), settings.orgPolicy === 'shipped' ? `${SHIPPED_ORG_POLICY} (organisation)` : file, 'organisation'))
  }
  const policyFile = settings.policyFile ?? DEFAULT_POLICY_FILE
  const repoPath = join(ctx.cwd, policyFile)
  if (settings.policyFile || existsSync(repoPath)) layers.push(parsePolicy(readPolicy(repoPath, 'policy', policyFile), policyFile, 'repository'))
  layers.push({ name: 'the step inputs (the calling workflow)', kind: 'inputs', values: settings.inputs, exceptions: [], allowLoosening: new Set() })
  const resolved = resolvePolicy(layers)

  const git = new GitReader(ctx.cwd)
  const fromEvent = settings.suppressionReview === 'auto' ? reviewBaseFor(ctx.eventName, (ctx.payload ?? {}) as Parameters<typeof reviewBaseFor>[1]) : undefined
  const base = ctx.base ? { sha: ctx.base, describe: `the change since ${ctx.base}` } : fromEvent
  const inRepository = (await git.git(['rev-parse', '--is-inside-work-tree'], [0, 128])).code === 0
  if (base && !inRepository) throw new UserError(`${ctx.cwd} is not a git checkout, so the suppressions of ${base.describe} cannot be compared with its base; check out the repository first.`)
  const review = inRepository
    ? await reviewSuppressions(
        git,
        base,
        { exceptions: settings.exceptions ?? DEFAULT_EXCEPTIONS_FILE, baseline: settings.baseline, policy: policyFile, ignoreFiles: ctx.ignoreFiles },
        (path) => {
          const full = join(ctx.cwd, path)
          return existsSync(full) ? readFileSync(full, 'utf8') : undefined
        }
      )
    : { changes: [], inline: {} }
  return { settings: { ...settings, ...policyOf(resolved.values) }, sources: resolved.sources, policyExceptions: resolved.exceptions, review }
}

/** The parts of a TrustedPolicy that runGate takes besides the settings. */
export function trustedGateConfig(t: TrustedPolicy): { policyExceptions: ExceptionEntry[]; review: SuppressionReview; sources: Record<PolicyKey, string>; expiryWarningDays: number } {
  return { policyExceptions: t.policyExceptions, review: t.review, sources: t.sources, expiryWarningDays: t.settings.expiryWarningDays }
}

function readPolicy(path: string, input: string, shown = path): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    throw new UserError(`${shown}: policy file not found or unreadable; check the "${input}" input.`)
  }
}

/** The shipped organisation policy: found by walking up from this module (source or bundle). */
function shippedOrgPolicy(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, SHIPPED_ORG_POLICY)
    if (existsSync(candidate)) return candidate
    if (dirname(dir) === dir) throw new UserError(`org-policy: shipped, but ${SHIPPED_ORG_POLICY} is not beside this action; give the file's path instead.`)
  }
}
