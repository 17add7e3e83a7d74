// On-demand rollback: workloads to a revision (default: the one before the current), a helm release
// to a revision, or a blue-green Service back to the other colour; then wait until healthy.
import { isUserError, messageOf, UserError } from '../errors/user-error.js'
import { liveColor, otherColor, routeService, type Color } from './blue-green.js'
import { oneLine, type Reporter } from './deploy.js'
import { lastGoodRevision, type Helm } from './helm.js'
import type { Kubectl } from './kubectl.js'
import {
  containerImages,
  describeWorkload,
  parseManifests,
  podTemplateOf,
  workloadsOf,
  WORKLOAD_KINDS,
  type KubeObject,
  type WorkloadKind,
  type WorkloadRef
} from './manifests.js'
import { REVISION_ANNOTATION, revisionOf, type ReplicaSet, type WorkloadObject } from './rollout.js'
import { REPLICAS_ANNOTATION } from './strategies/blue-green.js'
import { realClock, watchRollout, type Clock, type WatchOptions } from './watch.js'

export type RollbackTarget =
  | { type: 'workloads'; refs: WorkloadRef[]; revision?: number }
  | { type: 'helm'; release: string; revision?: number }
  | { type: 'blue-green'; services: string[]; colorLabel: string }

export interface RollbackOutcome {
  result: 'rolled-back' | 'failed'
  /** One line: what was rolled back, or why not. */
  reason: string
  revision: string
  previousRevision: string
  images: string[]
  seconds: number
  restored: string[]
  /** Whether the cluster may have changed (a rollback command ran). */
  changed: boolean
  /** What was thrown, when something was: its full message, and the error itself when it is a bug. */
  error?: { message: string; bug?: unknown }
}

const KIND_NAMES: Record<string, WorkloadKind> = {
  deployment: 'Deployment',
  deploy: 'Deployment',
  deployments: 'Deployment',
  statefulset: 'StatefulSet',
  sts: 'StatefulSet',
  statefulsets: 'StatefulSet',
  daemonset: 'DaemonSet',
  ds: 'DaemonSet',
  daemonsets: 'DaemonSet'
}

/** `deployment/web` (also `deploy/web`, `sts/db`, `ds/agent`). */
export function parseWorkloadRef(text: string, namespace: string, inputName: string): WorkloadRef {
  const m = /^([a-z]+)(?:\.apps)?\/([a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/.exec(text.trim())
  const kind = m ? KIND_NAMES[m[1]] : undefined
  if (!m || !kind)
    throw new UserError(
      `Input "${inputName}": "${text}" is not kind/name with kind ` +
        `${WORKLOAD_KINDS.map((k) => k.toLowerCase()).join(', ')} (e.g. deployment/web).`
    )
  return { kind, name: m[2], namespace }
}

/**
 * Roll the target back and wait until it is healthy. Never throws: a failure at any step ends in
 * the returned outcome (result failed, the reason, what was already rolled back, the revisions
 * known so far); `outcome.error.bug` holds a thrown bug so that the action can print its stack.
 */
export async function rollback(
  kubectl: Kubectl,
  helm: Helm | undefined,
  target: RollbackTarget,
  namespace: string,
  watch: WatchOptions,
  report: Reporter,
  clock: Clock = realClock
): Promise<RollbackOutcome> {
  const started = clock.now()
  const outcome: RollbackOutcome = {
    result: 'failed',
    reason: '',
    revision: '',
    previousRevision: '',
    images: [],
    seconds: 0,
    restored: [],
    changed: false
  }
  try {
    let refs: WorkloadRef[]
    if (target.type === 'workloads') refs = await undoWorkloads(kubectl, target.refs, target.revision, outcome, report)
    else if (target.type === 'helm') {
      if (!helm) throw new UserError('helm is not available.')
      refs = await undoHelm(helm, target.release, target.revision, namespace, outcome, report)
    } else {
      refs = await switchBack(kubectl, target.services, target.colorLabel, namespace, watch, outcome, report, clock)
    }
    if (refs.length && target.type !== 'blue-green') {
      const result = await report.group(`Waiting for ${refs.map(describeWorkload).join(', ')} to be healthy`, () =>
        watchRollout(kubectl, refs, watch, (l) => report.info(l), clock)
      )
      if (result.state === 'failed') throw new UserError(`rolled back, but the restored revision is not healthy: ${result.reason}`)
      // Applied, but by its own update rules (OnDelete, partition, paused) the pods keep their template.
      for (const n of result.notReplaced) outcome.restored.push(`${n.workload}: pods not replaced: ${n.detail}`)
      outcome.reason = outcome.restored.join('; ')
    }
    outcome.result = 'rolled-back'
  } catch (error) {
    outcome.result = 'failed'
    const done = outcome.changed && outcome.restored.length ? ` (done before it: ${outcome.restored.join('; ')})` : ''
    outcome.reason = oneLine(`${isUserError(error) ? error.message : `unexpected error: ${messageOf(error)}`}${done}`)
    outcome.error = { message: messageOf(error), bug: isUserError(error) ? undefined : error }
  }
  outcome.seconds = Math.round((clock.now() - started) / 100) / 10
  return outcome
}

async function undoWorkloads(
  kubectl: Kubectl,
  refs: WorkloadRef[],
  revision: number | undefined,
  outcome: RollbackOutcome,
  report: Reporter
): Promise<WorkloadRef[]> {
  const before: string[] = []
  const after: string[] = []
  const single = (list: string[]): string => (list.length === 1 ? list[0].slice(list[0].indexOf('=') + 1) : list.join(','))
  for (const ref of refs) {
    const live = await kubectl.getOrNull<WorkloadObject>(ref.kind.toLowerCase(), ref.name, ref.namespace)
    if (!live) throw new UserError(`${describeWorkload(ref)} does not exist in namespace ${ref.namespace}.`)
    const current = revisionOf({ ...live, kind: ref.kind })
    let to = revision
    if (ref.kind === 'Deployment') to = await deploymentTarget(kubectl, { ...live, kind: 'Deployment' }, ref, revision)
    outcome.changed = true
    await report.group(`kubectl rollout undo ${describeWorkload(ref)}${to ? ` --to-revision=${to}` : ''}`, async () => {
      report.info(
        await kubectl.run(['rollout', 'undo', `${ref.kind.toLowerCase()}/${ref.name}`, '-n', ref.namespace, `--to-revision=${to ?? 0}`], {
          what: `kubectl rollout undo ${describeWorkload(ref)}`
        })
      )
    })
    outcome.restored.push(`${describeWorkload(ref)}: revision ${current} → the template of revision ${to ?? 'before it'}`)
    const now = await kubectl.getOrNull<WorkloadObject>(ref.kind.toLowerCase(), ref.name, ref.namespace)
    // Set as each one is done, so that a failure on the next still reports this one.
    before.push(`${describeWorkload(ref)}=${current ?? ''}`)
    after.push(`${describeWorkload(ref)}=${now ? (revisionOf({ ...now, kind: ref.kind }) ?? '') : ''}`)
    outcome.images.push(...containerImages(podTemplateOf(now ?? {})))
    outcome.previousRevision = single(before)
    outcome.revision = single(after)
  }
  outcome.reason = outcome.restored.join('; ')
  return refs
}

/** The revision to go back to: the one asked for (which must exist), else the newest before the current. */
async function deploymentTarget(kubectl: Kubectl, live: WorkloadObject, ref: WorkloadRef, revision: number | undefined): Promise<number> {
  const list = await kubectl.json<{ items: ReplicaSet[] }>(
    ['get', 'replicasets', '-n', ref.namespace],
    `listing the ReplicaSets of ${describeWorkload(ref)}`
  )
  const revisions = list.items
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === live.metadata.uid))
    .map((rs) => Number(rs.metadata.annotations?.[REVISION_ANNOTATION]))
    .filter((n) => Number.isFinite(n))
    .sort((a, b) => a - b)
  const current = Number(live.metadata.annotations?.[REVISION_ANNOTATION])
  if (revision !== undefined) {
    if (!revisions.includes(revision))
      throw new UserError(
        `${describeWorkload(ref)} has no revision ${revision}; it keeps ${revisions.join(', ') || 'none'} (revisionHistoryLimit).`
      )
    if (revision === current) throw new UserError(`${describeWorkload(ref)} already runs revision ${revision}.`)
    return revision
  }
  const previous = revisions.filter((n) => n < current).pop()
  if (previous === undefined) throw new UserError(`${describeWorkload(ref)} has no revision before ${current} to roll back to.`)
  return previous
}

async function undoHelm(
  helm: Helm,
  release: string,
  revision: number | undefined,
  namespace: string,
  outcome: RollbackOutcome,
  report: Reporter
): Promise<WorkloadRef[]> {
  const history = await helm.history(release, namespace)
  if (history.length === 0) throw new UserError(`helm release ${release} does not exist in namespace ${namespace}.`)
  const current = history[history.length - 1]
  const to = revision ?? lastGoodRevision(history.filter((r) => r.revision < current.revision))?.revision
  if (to === undefined) throw new UserError(`helm release ${release} has no good revision before ${current.revision} to roll back to.`)
  if (!history.some((r) => r.revision === to))
    throw new UserError(`helm release ${release} has no revision ${to}; it keeps ${history.map((r) => r.revision).join(', ')}.`)
  outcome.changed = true
  outcome.previousRevision = String(current.revision)
  outcome.revision = String(current.revision)
  await report.group(`helm rollback ${release} ${to}`, () => helm.rollback(release, to, namespace))
  const after = await helm.history(release, namespace)
  outcome.previousRevision = String(current.revision)
  outcome.revision = String(after[after.length - 1].revision)
  outcome.restored.push(
    `release ${release}: revision ${current.revision} (${current.status}) → revision ${to} (now revision ${outcome.revision})`
  )
  outcome.reason = outcome.restored[0]
  const objects: KubeObject[] = parseManifests(await helm.manifest(release, namespace), `release ${release}`)
  outcome.images = [...new Set(objects.flatMap((o) => containerImages(podTemplateOf(o))))]
  return workloadsOf(objects, namespace)
}

interface LiveService {
  metadata: { name: string }
  spec?: { selector?: Record<string, string> }
}

async function switchBack(
  kubectl: Kubectl,
  services: string[],
  colorLabel: string,
  namespace: string,
  watch: WatchOptions,
  outcome: RollbackOutcome,
  report: Reporter,
  clock: Clock
): Promise<WorkloadRef[]> {
  const live = await Promise.all(
    services.map(async (name) => (await kubectl.getOrNull<LiveService>('service', name, namespace)) ?? failMissing(name, namespace))
  )
  const colors = [...new Set(live.map((s) => liveColor(s, colorLabel)))]
  if (colors.length !== 1 || !colors[0])
    throw new UserError(
      `The Services ${services.join(', ')} do not route to one colour ` +
        `(${colors.map((c) => c ?? 'none').join(', ')} by label ${colorLabel}); nothing to switch back from.`
    )
  const from: Color = colors[0]
  const to = otherColor(from)
  // The other colour's Deployments: labelled with it and carrying every label the Services select.
  const list = await kubectl.json<{ items: WorkloadObject[] }>(
    ['get', 'deployments', '-n', namespace, '-l', `${colorLabel}=${to}`],
    `listing the ${to} Deployments`
  )
  const selects = (d: WorkloadObject): boolean =>
    live.some((s) =>
      Object.entries(s.spec?.selector ?? {}).every(
        ([k, v]) =>
          (k === colorLabel ? to : v) ===
          ((d.spec.template as { metadata?: { labels?: Record<string, string> } }).metadata?.labels ?? {})[k]
      )
    )
  const targets = list.items.filter(selects)
  if (targets.length === 0)
    throw new UserError(`No ${to} Deployment behind ${services.join(', ')} in namespace ${namespace}: there is nothing to switch back to.`)
  const refs: WorkloadRef[] = targets.map((d) => ({ kind: 'Deployment', name: d.metadata.name, namespace }))
  outcome.previousRevision = from
  outcome.revision = from
  outcome.changed = true
  for (const d of targets) {
    if ((d.spec.replicas ?? 1) === 0) {
      const replicas = Number(d.metadata.annotations?.[REPLICAS_ANNOTATION] ?? '1') || 1
      await kubectl.run(['scale', `deployment/${d.metadata.name}`, '-n', namespace, `--replicas=${replicas}`], {
        what: `scaling deployment/${d.metadata.name} up`
      })
      report.info(`deployment/${d.metadata.name} scaled back to ${replicas}`)
    }
  }
  const ready = await report.group(`Waiting for ${to} to be healthy before switching`, () =>
    watchRollout(kubectl, refs, watch, (l) => report.info(l), clock)
  )
  if (ready.state === 'failed') throw new UserError(`${to} is not healthy, so the Service stays on ${from}: ${ready.reason}`)
  await switchServices(kubectl, live, from, to, colorLabel, namespace)
  outcome.revision = to
  outcome.images = [...new Set(targets.flatMap((d) => containerImages(podTemplateOf(d))))]
  outcome.restored.push(`${services.map((s) => `service/${s}`).join(', ')} switched from ${from} to ${to}`)
  outcome.reason = outcome.restored[0]
  return refs
}

/**
 * Point every Service at `to`. When one refuses, those already switched go back to `from`, so that
 * traffic is never split between the colours; the error says which failed and what was undone.
 */
async function switchServices(
  kubectl: Kubectl,
  services: readonly LiveService[],
  from: Color,
  to: Color,
  colorLabel: string,
  namespace: string
): Promise<void> {
  const patch = async (s: LiveService, color: Color): Promise<void> => {
    const selector = routeService(
      { apiVersion: 'v1', kind: 'Service', metadata: { name: s.metadata.name }, spec: { selector: s.spec?.selector ?? {} } },
      color,
      colorLabel
    ).spec?.selector
    await kubectl.run(
      ['patch', `service/${s.metadata.name}`, '-n', namespace, '--type=merge', '-p', JSON.stringify({ spec: { selector } })],
      { what: `switching service/${s.metadata.name} to ${color}` }
    )
  }
  const done: LiveService[] = []
  for (const s of services) {
    try {
      await patch(s, to)
      done.push(s)
    } catch (error) {
      const undone: string[] = []
      for (const back of done) {
        await patch(back, from).then(
          () => undone.push(`service/${back.metadata.name} switched back to ${from}`),
          (e: unknown) => undone.push(`service/${back.metadata.name} NOT switched back (${messageOf(e).split('\n')[0]})`)
        )
      }
      throw new UserError(`${messageOf(error).split('\n')[0]}${undone.length ? `; ${undone.join(', ')}` : ''}`)
    }
  }
}

function failMissing(name: string, namespace: string): never {
  throw new UserError(`service/${name} does not exist in namespace ${namespace}.`)
}
