// The deploy runner: one story for every strategy (strategies/: rolling, helm, blue-green). It
// reaches the cluster, has the strategy record the known-good state, apply, and prove the change
// (rollout watch, health analysis), and owns, once, what every strategy shares: the outcome, the
// timing, and the rollback. Whatever fails once the apply has begun (a rollout, a partial apply, a
// kubectl error, a bug), the recorded state is restored and proven healthy ('rolled-back'), or the
// outcome is 'failed' with the reason and what the rollback did; every output is set either way.
// Knows nothing of GitHub: the action and the tests drive it through a Reporter.
import { isUserError, messageOf, UserError } from '../errors/user-error.js'
import { analyseHealth, hasHealthChecks, type HealthResult, type HealthSettings } from './health.js'
import type { Helm } from './helm.js'
import type { WorkloadState } from './known-good.js'
import type { Kubectl } from './kubectl.js'
import { describeWorkload, type KubeObject, type WorkloadRef } from './manifests.js'
import { blueGreenStrategy } from './strategies/blue-green.js'
import { helmStrategy } from './strategies/helm.js'
import { rollingStrategy } from './strategies/rolling.js'
import { DeployFailure, type Snapshot, type Strategy, type StrategyContext } from './strategies/strategy.js'
import { podWarnings, realClock, watchRollout, type Clock, type WatchOptions, type WatchResult } from './watch.js'

export type DeployResult = 'deployed' | 'rolled-back' | 'failed' | 'dry-run'

export type DeploySource =
  | { type: 'manifests'; objects: KubeObject[]; description: string }
  | { type: 'helm'; chart: string; release: string; values: string[]; set: string[]; postRenderer?: { command: string; args: string[] } }

export interface DeploySettings {
  source: DeploySource
  /** For objects that name no namespace (and the helm release). */
  namespace: string
  images: ReadonlyMap<string, string>
  dryRun: boolean
  strategy: 'rolling' | 'blue-green'
  colorLabel: string
  keepPrevious: boolean
  /** Blue-green: an HTTP check of the idle colour before the switch. */
  preview?: HealthSettings
  watch: WatchOptions
  health: HealthSettings
  rollbackOnFailure: boolean
}

export interface Reporter {
  info(line: string): void
  warning(line: string): void
  group<T>(title: string, body: () => Promise<T>): Promise<T>
}

export interface WorkloadStory {
  workload: string
  namespace: string
  before?: string
  after?: string
  imagesBefore: string[]
  imagesAfter: string[]
  /** After a rollback: the revision running now. */
  restored?: string
}

export interface DeployOutcome {
  result: DeployResult
  /** One line: why the deploy ended as it did. */
  reason: string
  revision: string
  previousRevision: string
  images: string[]
  durationSeconds: number
  rollbackSeconds?: number
  namespace: string
  source: string
  /** Whether the cluster may have changed: the apply had begun. */
  changed: boolean
  /** What was thrown, when something was: its full message, and the error itself when it is a bug. */
  error?: { message: string; bug?: unknown }
  workloads: WorkloadStory[]
  rollout?: WatchResult
  health: { phase: string; result: HealthResult }[]
  podEvents: Map<string, string[]>
  rollback?: { ok: boolean; detail: string; restored: string[] }
  blueGreen?: { live?: 'blue' | 'green'; idle: 'blue' | 'green'; switched: boolean; switchedBack: boolean; previousKept: boolean }
}

const EMPTY: Snapshot = { revision: '', workloads: [] }

/**
 * Deploy `settings.source` with the chosen strategy. Never throws: every failure, even a bug, ends
 * in the returned outcome (result, reason, revision, previous-revision and duration always set);
 * `outcome.error.bug` holds a thrown bug so that the action can print its stack.
 */
export async function deploy(
  kubectl: Kubectl,
  helm: Helm | undefined,
  settings: DeploySettings,
  report: Reporter,
  clock: Clock = realClock
): Promise<DeployOutcome> {
  const started = clock.now()
  const outcome: DeployOutcome = {
    result: 'failed',
    reason: '',
    revision: '',
    previousRevision: '',
    images: [],
    durationSeconds: 0,
    namespace: settings.namespace,
    source:
      settings.source.type === 'helm'
        ? `helm chart ${settings.source.chart} as release ${settings.source.release}`
        : settings.source.description,
    changed: false,
    workloads: [],
    health: [],
    podEvents: new Map()
  }
  const ctx: StrategyContext = {
    kubectl,
    helm,
    settings,
    report,
    clock,
    outcome,
    prove: (refs, health, phase) => prove(ctx, refs, health, phase)
  }
  let strategy: Strategy | undefined
  let before = EMPTY
  let applied: number | undefined
  try {
    await checkCluster(kubectl, report)
    strategy = strategyFor(ctx)
    before = await strategy.record()
    outcome.previousRevision = before.revision
    outcome.revision = before.revision
    outcome.workloads = stories(before, EMPTY)
    strategy.check?.()
    // A server-side dry run changes nothing: when it fails, there is nothing to restore.
    outcome.changed = !settings.dryRun
    const dryRun = await strategy.apply()
    if (settings.dryRun) {
      outcome.result = 'dry-run'
      outcome.reason = dryRun ?? 'server-side dry run; nothing changed'
    } else {
      applied = clock.now()
      const reason = await strategy.prove()
      const now = await strategy.now()
      outcome.result = 'deployed'
      outcome.reason = reason
      outcome.revision = now.revision
      outcome.workloads = stories(before, now)
    }
  } catch (error) {
    await fail(ctx, strategy, before, error, applied)
  }
  outcome.durationSeconds = secondsSince(clock, started)
  return outcome
}

function strategyFor(ctx: StrategyContext): Strategy {
  const { source, strategy } = ctx.settings
  if (source.type === 'helm') {
    if (strategy === 'blue-green') {
      throw new UserError(
        'strategy blue-green works on manifests or kustomize, not on a helm chart (a chart has its own release history; use helm rollback).'
      )
    }
    return helmStrategy(ctx, source)
  }
  return strategy === 'blue-green' ? blueGreenStrategy(ctx, source) : rollingStrategy(ctx, source)
}

async function checkCluster(kubectl: Kubectl, report: Reporter): Promise<void> {
  const out = await kubectl.run(['version', '-o', 'json'], { what: 'Reaching the API server' })
  const server = (JSON.parse(out) as { serverVersion?: { gitVersion?: string } }).serverVersion?.gitVersion
  report.info(`API server reached: Kubernetes ${server ?? '(version unknown)'}`)
}

/** One line, for the reason output and the summary headline. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}

function secondsSince(clock: Clock, at: number): number {
  return Math.round((clock.now() - at) / 100) / 10
}

/**
 * The deploy failed: record why, and once the apply has begun, restore the recorded state (unless
 * rollback-on-failure is false) and prove it healthy. Never throws.
 */
async function fail(
  ctx: StrategyContext,
  strategy: Strategy | undefined,
  before: Snapshot,
  error: unknown,
  applied: number | undefined
): Promise<void> {
  try {
    await failAndRestore(ctx, strategy, before, error, applied)
  } finally {
    if (error instanceof DeployFailure) await error.details
  }
}

async function failAndRestore(
  ctx: StrategyContext,
  strategy: Strategy | undefined,
  before: Snapshot,
  error: unknown,
  applied: number | undefined
): Promise<void> {
  const { outcome, settings, report, clock } = ctx
  outcome.result = 'failed'
  outcome.reason = oneLine(
    error instanceof DeployFailure ? error.reason : isUserError(error) ? error.message : `unexpected error: ${messageOf(error)}`
  )
  outcome.error = { message: messageOf(error), bug: isUserError(error) ? undefined : error }
  if (!strategy) return
  if (!outcome.changed) {
    // Refused after the recording (helm: a stuck release): what runs now is what the strategy sees.
    if (before !== EMPTY) outcome.revision = (await strategy.now().catch(() => undefined))?.revision ?? outcome.revision
    return
  }
  const failed = await strategy.now().catch(() => undefined)
  if (failed) {
    outcome.revision = failed.revision
    outcome.workloads = stories(before, failed)
  }
  if (!settings.rollbackOnFailure) {
    report.warning('rollback-on-failure is false: the failed revision stays in place.')
    return
  }
  const rollbackStarted = clock.now()
  const restored: string[] = []
  try {
    const wait = await report.group('Rolling back to the recorded state', () =>
      strategy.restore((line) => {
        restored.push(line)
        report.info(line)
      })
    )
    if (wait.length) {
      const watch = await report.group('Waiting for the restored revision to be healthy', () =>
        watchRollout(ctx.kubectl, wait, settings.watch, (l) => report.info(l), clock)
      )
      if (watch.state === 'failed') throw new DeployFailure(`the restored revision is not healthy either: ${watch.reason}`)
    }
    const now = await strategy.now()
    outcome.revision = now.revision
    outcome.workloads = stories(before, failed ?? EMPTY, now)
    outcome.rollbackSeconds = secondsSince(clock, rollbackStarted)
    outcome.result = 'rolled-back'
    const sinceApply = applied === undefined ? '' : `, ${secondsSince(clock, applied)}s after the apply`
    outcome.rollback = { ok: true, detail: `healthy again ${outcome.rollbackSeconds}s after the rollback started${sinceApply}`, restored }
  } catch (rollbackError) {
    outcome.rollbackSeconds = secondsSince(clock, rollbackStarted)
    outcome.rollback = {
      ok: false,
      detail: oneLine(rollbackError instanceof DeployFailure ? rollbackError.reason : messageOf(rollbackError)),
      restored
    }
    if (!isUserError(rollbackError)) outcome.error.bug ??= rollbackError
    const now = await strategy.now().catch(() => undefined)
    if (now) outcome.revision = now.revision
  }
}

/** Watch the rollout, then the health analysis; throws DeployFailure with the reason. */
async function prove(
  ctx: StrategyContext,
  refs: readonly WorkloadRef[],
  health: HealthSettings | undefined,
  phase: string
): Promise<WatchResult | undefined> {
  const { kubectl, settings, report, clock, outcome } = ctx
  let watch: WatchResult | undefined
  if (refs.length > 0) {
    watch = await report.group(`Watching the rollout of ${refs.map(describeWorkload).join(', ')}`, () =>
      watchRollout(kubectl, refs, settings.watch, (l) => report.info(l), clock)
    )
    outcome.rollout = watch
    if (watch.state === 'failed') {
      // The failed pods' events are gathered while the rollback runs, not before it.
      const details = watch.apiFailure ? undefined : collectPodEvents(ctx, refs, watch).catch(() => undefined)
      throw new DeployFailure(watch.reason, details)
    }
    report.info(`Rolled out in ${watch.seconds}s`)
    for (const n of watch.notReplaced) report.warning(`${n.workload} applied, pods not replaced: ${n.detail}`)
  }
  if (health && hasHealthChecks(health)) {
    const result = await report.group(`Health analysis (${phase})`, () => analyseHealth(health, (l) => report.info(l), clock))
    outcome.health.push({ phase, result })
    if (!result.ok) throw new DeployFailure(result.reason)
  }
  return watch
}

async function collectPodEvents(ctx: StrategyContext, refs: readonly WorkloadRef[], watch: WatchResult): Promise<void> {
  const byNamespace = new Map<string, string[]>()
  for (const p of watch.problems) {
    const ns = refs.find((r) => describeWorkload(r) === p.workload)?.namespace ?? ctx.settings.namespace
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), p.pod])
  }
  for (const [ns, pods] of byNamespace)
    for (const [pod, lines] of await podWarnings(ctx.kubectl, ns, pods)) ctx.outcome.podEvents.set(pod, lines)
}

/** Each workload's revisions and images before, after the deploy, and (after a rollback) now. */
function stories(before: Snapshot, after: Snapshot, restored?: Snapshot): WorkloadStory[] {
  const key = (s: WorkloadState): string => `${s.ref.namespace}/${describeWorkload(s.ref)}`
  const find = (snapshot: Snapshot | undefined, k: string): WorkloadState | undefined => snapshot?.workloads.find((s) => key(s) === k)
  const all = new Map([...after.workloads, ...before.workloads, ...(restored?.workloads ?? [])].map((s) => [key(s), s.ref]))
  return [...all].map(([k, ref]) => {
    const b = find(before, k)
    const a = find(after, k)
    return {
      workload: describeWorkload(ref),
      namespace: ref.namespace,
      before: b?.revision,
      after: a?.revision,
      imagesBefore: b?.images ?? [],
      imagesAfter: a?.images ?? [],
      ...(restored ? { restored: find(restored, k)?.revision ?? '' } : {})
    }
  })
}
