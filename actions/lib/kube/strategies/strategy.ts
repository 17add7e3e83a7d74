// What the deploy runner (../deploy.ts) asks of a strategy (rolling, helm, blue-green): record the
// known-good state, change the cluster, prove the change, put the recorded state back, and say what
// runs now. The runner owns the outcome, the timing and the decision to roll back; a strategy knows
// only its own objects and how to restore them.
import { UserError } from '../../errors/user-error.js'
import type { ApplyOptions, ApplyResult } from '../apply.js'
import type { DeployOutcome, DeploySettings, Reporter } from '../deploy.js'
import { hasHealthChecks, type HealthSettings } from '../health.js'
import type { Helm } from '../helm.js'
import type { KnownGood, WorkloadState } from '../known-good.js'
import type { Kubectl } from '../kubectl.js'
import { describeWorkload, type WorkloadRef } from '../manifests.js'
import type { Clock, WatchResult } from '../watch.js'

/** A deploy that the cluster proved bad (rollout, health, switch): its reason is one line for the outputs. */
export class DeployFailure extends UserError {
  /**
   * reason: one line, why the deploy failed. details: work still gathering what the summary shows
   * about the failure (the failed pods' events), awaited after the rollback so it never delays it.
   */
  constructor(
    readonly reason: string,
    readonly details?: Promise<void>
  ) {
    super(reason)
  }
}

export interface StrategyContext {
  kubectl: Kubectl
  helm?: Helm
  settings: DeploySettings
  report: Reporter
  clock: Clock
  /** The strategy may fill in images, blueGreen; the runner owns every other field. */
  outcome: DeployOutcome
  /**
   * Watch the workloads roll out (failing fast), then run the health analysis named by `phase`;
   * throws DeployFailure with the reason. Returns the watch (undefined when there was none).
   */
  prove(refs: readonly WorkloadRef[], health: HealthSettings | undefined, phase: string): Promise<WatchResult | undefined>
}

/** What runs at one moment: the revision output and the workloads' revisions and images. */
export interface Snapshot {
  revision: string
  workloads: WorkloadState[]
}

export interface Strategy {
  /** Read-only: check the plan and record the known-good state; returns what runs before the deploy. */
  record(): Promise<Snapshot>
  /** Read-only, after record(): throws (a UserError saying what to do) when the deploy must not begin. */
  check?(): void
  /** Change the cluster (or send a server-side dry run); returns the dry run's reason when it was one. */
  apply(): Promise<string | undefined>
  /** Prove the change; returns the success reason, throws (DeployFailure or anything) when it fails. */
  prove(): Promise<string>
  /** Put the recorded state back, noting one line per step; returns the workloads to wait for. */
  restore(note: (line: string) => void): Promise<WorkloadRef[]>
  /** What runs now: after a success, after a failure, or after restore(). */
  now(): Promise<Snapshot>
}

/** The apply options every manifest strategy uses: new objects known from the recorded state. */
export function applyOptions(ctx: StrategyContext, known: KnownGood): ApplyOptions {
  return {
    namespace: ctx.settings.namespace,
    dryRun: ctx.settings.dryRun,
    isNew: (o) => known.isNew(o),
    establishSeconds: Math.min(60, ctx.settings.watch.timeoutSeconds)
  }
}

/** The dry run's reason: what the API server accepted, and what it could not check. */
export function dryRunReason(result: ApplyResult, subject?: string): string {
  const skipped = result.notValidated.length
  const accepted = skipped ? `${result.applied.length} object(s)` : 'every object'
  const note = skipped ? `; not validated, as they need a Namespace or CRD this deploy would create: ${result.notValidated.join(', ')}` : ''
  return `server-side dry run${subject ? ` of ${subject}` : ''}: the API server accepted ${accepted}; nothing changed${note}`
}

/**
 * The success reason for a set of workloads: which rolled out, which were applied with their pods
 * left on the previous template by their own rules (OnDelete, a partition, paused), and the health
 * analysis when one ran.
 */
export function provenText(refs: readonly WorkloadRef[], watch: WatchResult | undefined, health: HealthSettings | undefined): string {
  const checked = health !== undefined && hasHealthChecks(health)
  if (refs.length === 0)
    return `applied (no Deployment, StatefulSet or DaemonSet to watch)${checked ? ' and passed the health analysis' : ''}`
  const notReplaced = watch?.notReplaced ?? []
  const rolled = refs.map(describeWorkload).filter((w) => !notReplaced.some((n) => n.workload === w))
  const parts = [
    ...(rolled.length ? [`${rolled.join(', ')} rolled out`] : []),
    ...notReplaced.map((n) => `${n.workload} applied, pods not replaced: ${n.detail}`)
  ]
  if (!checked) return parts.join('; ')
  return notReplaced.length ? `${parts.join('; ')}; the health analysis passed` : `${parts[0]} and passed the health analysis`
}
