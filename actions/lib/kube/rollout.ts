// Is a rollout done, still going, or already broken? Decided from what the API says about the
// workload, its ReplicaSets and its pods, so that a crash-looping or unpullable image fails in
// seconds instead of sitting out the progress deadline.
import type { WorkloadKind, WorkloadRef } from './manifests.js'

export interface ObjectMeta {
  name: string
  namespace?: string
  uid?: string
  generation?: number
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: { uid: string; kind: string; name: string }[]
  creationTimestamp?: string
  deletionTimestamp?: string
}

export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[]
}

export interface WorkloadObject {
  kind: WorkloadKind
  metadata: ObjectMeta
  spec: {
    replicas?: number
    selector: LabelSelector
    template: unknown
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } }
    progressDeadlineSeconds?: number
    paused?: boolean
    [key: string]: unknown
  }
  status?: {
    observedGeneration?: number
    replicas?: number
    updatedReplicas?: number
    readyReplicas?: number
    availableReplicas?: number
    currentRevision?: string
    updateRevision?: string
    desiredNumberScheduled?: number
    updatedNumberScheduled?: number
    numberAvailable?: number
    conditions?: { type: string; status: string; reason?: string; message?: string }[]
  }
}

export interface ContainerStatus {
  name: string
  ready: boolean
  restartCount: number
  image?: string
  started?: boolean
  state?: {
    waiting?: { reason?: string; message?: string }
    running?: { startedAt?: string }
    terminated?: { exitCode: number; reason?: string; message?: string }
  }
  lastState?: { terminated?: { exitCode: number; reason?: string; message?: string } }
}

export interface Pod {
  metadata: ObjectMeta
  spec?: { containers?: { name: string; image: string }[]; restartPolicy?: string }
  status?: {
    phase?: string
    conditions?: { type: string; status: string; reason?: string; message?: string }[]
    containerStatuses?: ContainerStatus[]
    initContainerStatuses?: ContainerStatus[]
  }
}

export interface ReplicaSet {
  metadata: ObjectMeta
  spec?: { replicas?: number; template?: unknown }
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number }
}

export interface WorkloadSnapshot {
  ref: WorkloadRef
  /** null when the workload does not exist (deleted under us). */
  workload: WorkloadObject | null
  replicaSets: ReplicaSet[]
  pods: Pod[]
}

export interface PodProblem {
  pod: string
  container?: string
  reason: string
  message?: string
  restarts?: number
  lastExit?: string
}

export interface RolloutOptions {
  /** Seconds a new pod may run without becoming Ready (or stay unschedulable) before the rollout counts as failed. */
  readinessGrace: number
  /** Container restarts of a new pod that count as a failure. */
  maxRestarts: number
}

export type RolloutState = 'progressing' | 'ready' | 'failed'

export interface Assessment {
  state: RolloutState
  /** One line: why it failed, or where it stands. */
  summary: string
  problems: PodProblem[]
  revision?: string
  /**
   * Set when the workload is done by its own rules but its pods keep the previous template (OnDelete,
   * a partition, a paused Deployment): what was applied and what is left to the user.
   */
  notReplaced?: string
}

/** Waiting reasons that no amount of waiting fixes on its own. */
export const FATAL_WAITING_REASONS = new Set([
  'CrashLoopBackOff',
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'PreCreateHookError',
  'PostStartHookError'
])

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'

/**
 * Remembers, across polls, when each new pod was first seen running-but-unready or unschedulable,
 * so the grace period is measured on the runner's clock (the cluster's may differ).
 */
export class FirstSeen {
  private readonly seen = new Map<string, number>()
  since(key: string, now: number): number {
    const at = this.seen.get(key)
    if (at !== undefined) return at
    this.seen.set(key, now)
    return now
  }
  forget(key: string): void {
    this.seen.delete(key)
  }
}

export function assessWorkload(snapshot: WorkloadSnapshot, options: RolloutOptions, memory: FirstSeen, now: number): Assessment {
  const { workload } = snapshot
  if (!workload) return { state: 'failed', summary: `${label(snapshot.ref)} no longer exists`, problems: [] }
  // Until the controller has seen the new spec, conditions and the revision annotation still
  // describe the previous rollout (perhaps a failed one): judge nothing yet.
  if ((workload.status?.observedGeneration ?? 0) < (workload.metadata.generation ?? 0))
    return { state: 'progressing', summary: `${label(snapshot.ref)}: waiting for the controller to see the new spec`, problems: [] }
  const newPods = newRevisionPods(snapshot)
  const problems = newPods.flatMap((pod) => podProblems(pod, options, memory, now))
  const conditionFailure = failedCondition(workload)
  const revision = revisionOf(workload)
  if (conditionFailure) return { state: 'failed', summary: `${label(snapshot.ref)}: ${conditionFailure}`, problems, revision }
  // podProblems reports only what is decisive: a fatal waiting reason, too many restarts, or
  // unready/unschedulable past the grace period.
  if (problems.length > 0) {
    const first = problems[0]
    return {
      state: 'failed',
      summary:
        `${label(snapshot.ref)}: pod ${first.pod}${first.container ? ` container ${first.container}` : ''} ${first.reason}` +
        (first.message ? ` (${first.message})` : ''),
      problems,
      revision
    }
  }
  const progress = progressOf(workload)
  const notReplaced = progress.done ? progress.notReplaced : undefined
  return {
    state: progress.done ? 'ready' : 'progressing',
    summary: `${label(snapshot.ref)}: ${progress.text}`,
    problems,
    revision,
    notReplaced
  }
}

function label(ref: WorkloadRef): string {
  return `${ref.kind.toLowerCase()}/${ref.name}`
}

export function revisionOf(workload: WorkloadObject): string | undefined {
  if (workload.kind === 'Deployment') return workload.metadata.annotations?.[REVISION_ANNOTATION]
  if (workload.kind === 'StatefulSet') return workload.status?.updateRevision
  return workload.metadata.generation === undefined ? undefined : String(workload.metadata.generation)
}

/** The pods of the revision being rolled out (not the old ones being replaced). */
export function newRevisionPods(snapshot: WorkloadSnapshot): Pod[] {
  const { workload, pods } = snapshot
  if (!workload) return []
  const live = pods.filter((p) => !p.metadata.deletionTimestamp)
  if (workload.kind === 'Deployment') {
    const revision = workload.metadata.annotations?.[REVISION_ANNOTATION]
    const owned = snapshot.replicaSets.filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === workload.metadata.uid))
    const current = owned.find((rs) => rs.metadata.annotations?.[REVISION_ANNOTATION] === revision)
    if (!current) return []
    return live.filter((p) => p.metadata.ownerReferences?.some((o) => o.uid === current.metadata.uid))
  }
  const owned = live.filter((p) => p.metadata.ownerReferences?.some((o) => o.uid === workload.metadata.uid))
  if (workload.kind === 'StatefulSet')
    return owned.filter((p) => p.metadata.labels?.['controller-revision-hash'] === workload.status?.updateRevision)
  return owned.filter((p) => p.metadata.labels?.['pod-template-generation'] === String(workload.metadata.generation))
}

export function podProblems(pod: Pod, options: RolloutOptions, memory: FirstSeen, now: number): PodProblem[] {
  const out: PodProblem[] = []
  const name = pod.metadata.name
  const key = pod.metadata.uid ?? name
  const initNames = new Set((pod.status?.initContainerStatuses ?? []).map((s) => s.name))
  for (const status of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    const waiting = status.state?.waiting
    const last = status.lastState?.terminated ?? status.state?.terminated
    const lastExit = last
      ? `exit ${last.exitCode}${last.reason ? ` ${last.reason}` : ''}${last.message ? `: ${last.message}` : ''}`
      : undefined
    const exited = crashedBeforeReady(status, initNames.has(status.name), pod.spec?.restartPolicy)
    if (waiting?.reason && FATAL_WAITING_REASONS.has(waiting.reason)) {
      out.push({
        pod: name,
        container: status.name,
        reason: waiting.reason,
        message: waiting.message,
        restarts: status.restartCount,
        lastExit
      })
    } else if (exited) {
      // The first exit decides: a container that ends while not ready goes on to CrashLoopBackOff,
      // which the kubelet reports only after its next exit.
      out.push({
        pod: name,
        container: status.name,
        reason: 'Crashed',
        message: `exited with code ${exited.exitCode}${exited.reason ? ` (${exited.reason})` : ''} and is not ready`,
        restarts: status.restartCount,
        lastExit
      })
    } else if (status.restartCount >= options.maxRestarts && options.maxRestarts > 0) {
      out.push({
        pod: name,
        container: status.name,
        reason: 'Restarting',
        message: `restarted ${status.restartCount} times (max-restarts ${options.maxRestarts})`,
        restarts: status.restartCount,
        lastExit
      })
    }
  }
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled')
  if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
    const waited = (now - memory.since(`${key}/unschedulable`, now)) / 1000
    if (waited >= options.readinessGrace)
      out.push({ pod: name, reason: 'Unschedulable', message: `for ${Math.round(waited)}s: ${scheduled.message ?? ''}`.trim() })
  }
  const running = pod.status?.phase === 'Running'
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True'
  if (running && !ready && out.length === 0) {
    const waited = (now - memory.since(`${key}/unready`, now)) / 1000
    const notReady = (pod.status?.containerStatuses ?? []).filter((c) => !c.ready).map((c) => c.name)
    if (waited >= options.readinessGrace)
      out.push({
        pod: name,
        container: notReady.join(', ') || undefined,
        reason: 'NotReady',
        message: `not Ready for ${Math.round(waited)}s (readiness-grace ${options.readinessGrace}s): readiness probe failing`
      })
  } else if (ready) memory.forget(`${key}/unready`)
  return out
}

/**
 * The termination of a container of a new pod that ended and is not ready (again), or undefined.
 * Takes one container status (the pod's `status.containerStatuses[]` or `initContainerStatuses[]`
 * entry), whether it is an init container, and the pod's `spec.restartPolicy` (default Always).
 * An init container counts only with a non-zero exit code (exit 0 is how it completes); an app
 * container under restartPolicy Always counts with any exit, 0 included (it is restarted all the
 * same). A container that was ready once and restarts later is max-restarts' business.
 */
export function crashedBeforeReady(
  status: ContainerStatus,
  init: boolean,
  restartPolicy = 'Always'
): { exitCode: number; reason?: string } | undefined {
  if (status.ready) return undefined
  const current = status.state?.terminated
  const previous = status.lastState?.terminated
  // The previous run counts while the container has not become ready since: waiting for its
  // restart, or running again but not ready yet (a crash-looping container spends most of its
  // time between the two).
  const ended = current ?? (previous && (status.state?.waiting || status.started !== true) ? previous : undefined)
  if (!ended) return undefined
  if (ended.exitCode !== 0) return ended
  return !init && restartPolicy === 'Always' ? ended : undefined
}

function failedCondition(workload: WorkloadObject): string | undefined {
  for (const c of workload.status?.conditions ?? []) {
    if (c.type === 'Progressing' && c.status === 'False' && c.reason === 'ProgressDeadlineExceeded')
      return `ProgressDeadlineExceeded (${c.message ?? 'progress deadline exceeded'})`
    if (c.type === 'ReplicaFailure' && c.status === 'True') return `ReplicaFailure ${c.reason ?? ''}: ${c.message ?? ''}`.trim()
  }
  return undefined
}

export interface Progress {
  done: boolean
  text: string
  /** Done, but pods keep the previous template by the workload's own update rules (see Assessment). */
  notReplaced?: string
}

/**
 * Whether a workload has rolled out: `kubectl rollout status`'s rules for a RollingUpdate. Where the
 * workload's own rules leave pods on the previous template (StatefulSet or DaemonSet updateStrategy
 * OnDelete, a StatefulSet partition, a paused Deployment), it is done once its pods are ready, and
 * `notReplaced` says which pods still run the previous template and why: applied, not rolled out.
 */
export function progressOf(workload: WorkloadObject): Progress {
  const s = workload.status ?? {}
  const generationSeen = (s.observedGeneration ?? 0) >= (workload.metadata.generation ?? 0)
  if (!generationSeen) return { done: false, text: 'waiting for the controller to see the new spec' }
  const onDelete = workload.spec.updateStrategy?.type === 'OnDelete'
  if (workload.kind === 'Deployment') {
    const want = workload.spec.replicas ?? 1
    const updated = s.updatedReplicas ?? 0
    const total = s.replicas ?? 0
    const available = s.availableReplicas ?? 0
    if (workload.spec.paused) {
      const text = `${available}/${want} replicas available`
      return {
        done: true,
        text,
        notReplaced: 'the Deployment is paused (spec.paused): its pods are not replaced until it is resumed (kubectl rollout resume)'
      }
    }
    if (updated < want) return { done: false, text: `${updated} of ${want} new replicas updated` }
    if (total > updated) return { done: false, text: `${total - updated} old replicas pending termination` }
    if (available < updated) return { done: false, text: `${available} of ${updated} updated replicas available` }
    return { done: true, text: `${available}/${want} replicas available` }
  }
  if (workload.kind === 'StatefulSet') {
    const want = workload.spec.replicas ?? 1
    const ready = s.readyReplicas ?? 0
    const updated = s.updatedReplicas ?? 0
    const partition = workload.spec.updateStrategy?.rollingUpdate?.partition ?? 0
    if (ready < want) return { done: false, text: `${ready} of ${want} pods ready` }
    if (onDelete) {
      const old = Math.max(0, want - updated)
      const notReplaced =
        old > 0
          ? `${old} of ${want} pod(s) still run the previous template (updateStrategy OnDelete: a pod is replaced only when it is deleted)`
          : undefined
      return { done: true, text: `${ready}/${want} pods ready${old > 0 ? `, ${old} on the previous template` : ''}`, notReplaced }
    }
    if (partition > 0) {
      if (updated < want - partition) return { done: false, text: `${updated} of ${want - partition} pods updated` }
      const old = Math.min(partition, want)
      const changed = s.updateRevision !== undefined && s.updateRevision !== s.currentRevision
      const notReplaced =
        changed && old > 0
          ? `${old} pod(s) below the partition keep the previous template (rollingUpdate.partition ${partition})`
          : undefined
      return { done: true, text: `partitioned roll out complete (${updated} updated)`, notReplaced }
    }
    if (s.updateRevision !== s.currentRevision) return { done: false, text: `${updated} of ${want} pods updated` }
    return { done: true, text: `${ready}/${want} pods ready` }
  }
  const want = s.desiredNumberScheduled ?? 0
  const updated = s.updatedNumberScheduled ?? 0
  const available = s.numberAvailable ?? 0
  if (onDelete) {
    if (available < want) return { done: false, text: `${available} of ${want} pods available` }
    const old = Math.max(0, want - updated)
    const notReplaced =
      old > 0
        ? `${old} of ${want} pod(s) still run the previous template (updateStrategy OnDelete: a pod is replaced only when it is deleted)`
        : undefined
    return { done: true, text: `${available}/${want} pods available${old > 0 ? `, ${old} on the previous template` : ''}`, notReplaced }
  }
  if (updated < want) return { done: false, text: `${updated} of ${want} pods updated` }
  if (available < want) return { done: false, text: `${available} of ${want} updated pods available` }
  return { done: true, text: `${available}/${want} pods available` }
}

/** A label selector in kubectl's `-l` syntax. */
export function selectorString(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`)
  for (const e of selector.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`)
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`)
    else if (e.operator === 'Exists') parts.push(e.key)
    else parts.push(`!${e.key}`)
  }
  return parts.join(',')
}
