// Poll the API until every workload has rolled out, one of them is broken, or time runs out.
// A short API outage is waited out; a long one, or refused credentials, fails the watch: a
// rollout nobody could observe is never reported as done.
import { KubectlError, type Kubectl } from './kubectl.js'
import { describeWorkload, type WorkloadRef } from './manifests.js'
import {
  assessWorkload,
  FirstSeen,
  selectorString,
  type Assessment,
  type Pod,
  type PodProblem,
  type ReplicaSet,
  type RolloutOptions,
  type WorkloadObject,
  type WorkloadSnapshot
} from './rollout.js'

export interface WatchOptions extends RolloutOptions {
  timeoutSeconds: number
  pollMs: number
  /** Seconds the API server may fail to answer before the watch gives up. */
  apiGraceSeconds: number
}

export interface WatchResult {
  state: 'ready' | 'failed'
  reason: string
  /** The API server could not be reached (or refused us): nothing is known about the rollout. */
  apiFailure?: 'unreachable' | 'credentials'
  problems: (PodProblem & { workload: string })[]
  assessments: { ref: WorkloadRef; assessment: Assessment }[]
  /** Ready workloads whose pods keep the previous template by their own rules (OnDelete, partition, paused). */
  notReplaced: { workload: string; detail: string }[]
  seconds: number
}

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const realClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }

/** The workload, its ReplicaSets (Deployments) and pods, as the API server reports them now. */
export async function snapshotWorkload(kubectl: Kubectl, ref: WorkloadRef): Promise<WorkloadSnapshot> {
  const workload = await kubectl.getOrNull<WorkloadObject>(ref.kind.toLowerCase(), ref.name, ref.namespace)
  if (!workload) return { ref, workload: null, replicaSets: [], pods: [] }
  const selector = selectorString(workload.spec.selector)
  const kinds = ref.kind === 'Deployment' ? 'replicasets,pods' : 'pods'
  const { items } = await kubectl.json<{ items: ((Pod | ReplicaSet) & { kind?: string })[] }>(
    ['get', kinds, '-n', ref.namespace, '-l', selector],
    `listing the pods of ${describeWorkload(ref)}`
  )
  return {
    ref,
    workload: { ...workload, kind: ref.kind },
    replicaSets: items.filter((i) => i.kind === 'ReplicaSet') as ReplicaSet[],
    pods: items.filter((i) => i.kind === 'Pod') as Pod[]
  }
}

/**
 * Poll until every workload is ready (WatchResult.state 'ready', with the workloads whose pods stay
 * on the previous template by their own rules), one is broken, the timeout passes, or the API
 * server stays away longer than apiGraceSeconds ('failed', with the reason in one line).
 */
export async function watchRollout(
  kubectl: Kubectl,
  refs: readonly WorkloadRef[],
  options: WatchOptions,
  progress: (line: string) => void,
  clock: Clock = realClock
): Promise<WatchResult> {
  // Pod changes wake the poll at once (a container exit reaches the API server about a second after
  // it happens; waiting out the poll interval on top of that would double the time to detect it).
  const wake = new Wakeup(clock)
  const stopWatches = new Map<string, () => void>()
  try {
    return await pollRollout(kubectl, refs, options, progress, clock, wake, stopWatches)
  } finally {
    for (const stop of stopWatches.values()) stop()
  }
}

async function pollRollout(
  kubectl: Kubectl,
  refs: readonly WorkloadRef[],
  options: WatchOptions,
  progress: (line: string) => void,
  clock: Clock,
  wake: Wakeup,
  stopWatches: Map<string, () => void>
): Promise<WatchResult> {
  const started = clock.now()
  const memory = new FirstSeen()
  let apiDownSince: number | undefined
  let lastProgress = ''
  let assessments: { ref: WorkloadRef; assessment: Assessment }[] = []
  const seconds = (): number => Math.round((clock.now() - started) / 100) / 10
  for (;;) {
    try {
      const snapshots = await Promise.all(refs.map((ref) => snapshotWorkload(kubectl, ref)))
      for (const s of snapshots) {
        const key = describeWorkload(s.ref)
        if (s.workload && !stopWatches.has(key))
          stopWatches.set(key, kubectl.watchChanges('pods', s.ref.namespace, selectorString(s.workload.spec.selector), () => wake.notify()))
      }
      apiDownSince = undefined
      const now = clock.now()
      assessments = snapshots.map((s) => ({ ref: s.ref, assessment: assessWorkload(s, options, memory, now) }))
    } catch (error) {
      if (!(error instanceof KubectlError)) throw error
      if (error.kind === 'credentials')
        return {
          state: 'failed',
          reason: `the cluster refused the credentials while watching the rollout: ${error.message}`,
          apiFailure: 'credentials',
          problems: [],
          assessments,
          notReplaced: [],
          seconds: seconds()
        }
      if (error.kind !== 'unreachable') throw error
      apiDownSince ??= clock.now()
      const down = (clock.now() - apiDownSince) / 1000
      progress(`API server not answering (${Math.round(down)}s): ${error.message.split('\n')[0]}`)
      if (down >= options.apiGraceSeconds) {
        return {
          state: 'failed',
          reason:
            `the API server stopped answering during the rollout (${Math.round(down)}s without an answer); ` +
            `its state is unknown: ${error.message.split('\n')[0]}`,
          apiFailure: 'unreachable',
          problems: [],
          assessments,
          notReplaced: [],
          seconds: seconds()
        }
      }
      await clock.sleep(options.pollMs)
      continue
    }
    const failed = assessments.find((a) => a.assessment.state === 'failed')
    const problems = assessments.flatMap((a) => a.assessment.problems.map((p) => ({ ...p, workload: describeWorkload(a.ref) })))
    if (failed) return { state: 'failed', reason: failed.assessment.summary, problems, assessments, notReplaced: [], seconds: seconds() }
    if (assessments.every((a) => a.assessment.state === 'ready')) {
      const notReplaced = assessments.flatMap((a) =>
        a.assessment.notReplaced ? [{ workload: describeWorkload(a.ref), detail: a.assessment.notReplaced }] : []
      )
      return { state: 'ready', reason: 'rolled out', problems, assessments, notReplaced, seconds: seconds() }
    }
    const line = assessments.map((a) => a.assessment.summary).join('; ')
    if (line !== lastProgress) progress(line)
    lastProgress = line
    if ((clock.now() - started) / 1000 >= options.timeoutSeconds) {
      const reason = `not rolled out within the timeout of ${options.timeoutSeconds}s: ${line}`
      return { state: 'failed', reason, problems, assessments, notReplaced: [], seconds: seconds() }
    }
    await wake.sleep(options.pollMs)
  }
}

/**
 * A poll interval that a change cuts short: sleep(ms) resolves after ms, or as soon as notify() is
 * called (a change during the previous poll counts too), but never sooner than MIN_POLL_MS after
 * the last wake, so a burst of changes costs one poll.
 */
export class Wakeup {
  static readonly MIN_POLL_MS = 150
  private pending = false
  private resolve: (() => void) | undefined

  constructor(private readonly clock: Clock) {}

  notify(): void {
    this.pending = true
    this.resolve?.()
  }

  async sleep(ms: number): Promise<void> {
    if (!this.pending) {
      await new Promise<void>((resolve) => {
        this.resolve = resolve
        void this.clock.sleep(ms).then(resolve)
      })
      this.resolve = undefined
    }
    if (this.pending) {
      this.pending = false
      await this.clock.sleep(Wakeup.MIN_POLL_MS)
    }
  }
}

/** Warning events of the given pods, newest last: "reason: message (xN)". */
export async function podWarnings(kubectl: Kubectl, namespace: string, pods: readonly string[], limit = 5): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  await Promise.all(
    [...new Set(pods)].slice(0, 10).map(async (pod) => {
      const result = await kubectl.tryRun([
        'get',
        'events',
        '-n',
        namespace,
        '--field-selector',
        `involvedObject.name=${pod},type=Warning`,
        '-o',
        'json'
      ])
      if (result.exitCode !== 0) return
      const events = (
        JSON.parse(result.stdout) as {
          items: { reason?: string; message?: string; count?: number; lastTimestamp?: string; eventTime?: string }[]
        }
      ).items
      events.sort((a, b) => String(a.lastTimestamp ?? a.eventTime).localeCompare(String(b.lastTimestamp ?? b.eventTime)))
      out.set(
        pod,
        events.slice(-limit).map((e) => `${e.reason ?? 'Warning'}: ${e.message ?? ''}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ''}`)
      )
    })
  )
  return out
}
