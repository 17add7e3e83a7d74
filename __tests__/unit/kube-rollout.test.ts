import { describe, expect, it, test } from '@jest/globals'
import { assessWorkload, FirstSeen, newRevisionPods, podProblems, progressOf, revisionOf, selectorString, type LabelSelector, type Pod, type ReplicaSet, type RolloutOptions, type WorkloadObject, type WorkloadSnapshot } from '../../actions/lib/kube/rollout.js'
import type { WorkloadRef } from '../../actions/lib/kube/manifests.js'

// Fixtures in the shapes the Kubernetes API returns (kubectl get -o json), passed through JSON as
// the watch reads them. Extra fields the code does not read are kept on purpose.
const api = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T

const NS = 'shop'
const DEPLOY_UID = '5f0c2a9e-6d0b-4c53-9a35-0b1c4d8e2f10'
const OTHER_DEPLOY_UID = '9a8b7c6d-1111-4222-8333-944455556666'
const rsUid = (revision: number): string => `0d1e2f3a-4b5c-4d6e-8f70-00000000000${revision}`
const podHash = (revision: number): string => ['7c9d8f6b5', '5d4c7b9f8', '66b9cd7f4d', '8f5d6c9b7'][revision - 1]
const T0 = '2025-05-12T09:14:03Z'

const options: RolloutOptions = { readinessGrace: 30, maxRestarts: 3 }
const ref: WorkloadRef = { kind: 'Deployment', name: 'web', namespace: NS }

interface DeploymentState {
  generation?: number
  observedGeneration?: number
  revision?: number
  replicas?: number
  updated?: number
  total?: number
  ready?: number
  available?: number
  conditions?: { type: string; status: string; reason: string; message: string }[]
}

function deployment(s: DeploymentState = {}): WorkloadObject {
  const { generation = 4, observedGeneration = generation, revision = 2, replicas = 3, updated = replicas, total = updated, ready = updated, available = ready } = s
  return api({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: NS,
      uid: DEPLOY_UID,
      resourceVersion: '88123',
      generation,
      creationTimestamp: T0,
      labels: { app: 'web' },
      annotations: { 'deployment.kubernetes.io/revision': String(revision), 'kubectl.kubernetes.io/last-applied-configuration': '{}' }
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: `ghcr.io/acme/web:1.${revision}.0` }] } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600
    },
    status: {
      observedGeneration,
      replicas: total,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: available,
      unavailableReplicas: Math.max(0, total - available),
      conditions: s.conditions ?? [
        { type: 'Available', status: 'True', lastUpdateTime: T0, lastTransitionTime: T0, reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        { type: 'Progressing', status: 'True', lastUpdateTime: T0, lastTransitionTime: T0, reason: 'ReplicaSetUpdated', message: `ReplicaSet "web-${podHash(revision)}" is progressing.` }
      ]
    }
  })
}

function replicaSet(revision: number, replicas: number, owner = DEPLOY_UID, name = 'web'): ReplicaSet {
  return api({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${name}-${podHash(revision)}`,
      namespace: NS,
      uid: owner === DEPLOY_UID ? rsUid(revision) : `${rsUid(revision)}-other`,
      generation: 1,
      labels: { app: 'web', 'pod-template-hash': podHash(revision) },
      annotations: { 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': String(revision) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: owner, controller: true, blockOwnerDeletion: true }]
    },
    spec: { replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': podHash(revision) } } },
    status: { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 }
  })
}

type ContainerState = 'running' | 'crashloop' | 'imagepullbackoff' | 'errimagepull' | 'configerror' | 'creating'

function containerStatus(name: string, state: ContainerState, restartCount = 0, ready = state === 'running'): Record<string, unknown> {
  const image = `ghcr.io/acme/${name}:1.2.0`
  const base = { name, image, imageID: '', containerID: `containerd://${'c'.repeat(64)}`, ready, restartCount, started: state === 'running' }
  const lastState = restartCount > 0 ? { terminated: { exitCode: 1, reason: 'Error', message: 'panic: DATABASE_URL is not set', startedAt: T0, finishedAt: T0, containerID: `containerd://${'d'.repeat(64)}` } } : {}
  switch (state) {
    case 'running':
      return { ...base, imageID: `${image}@sha256:${'e'.repeat(64)}`, state: { running: { startedAt: T0 } }, lastState }
    case 'crashloop':
      return { ...base, state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 1m20s restarting failed container=${name} pod=web-x_shop(uid)` } }, lastState }
    case 'imagepullbackoff':
      return { ...base, containerID: undefined, state: { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` } }, lastState: {} }
    case 'errimagepull':
      return { ...base, containerID: undefined, state: { waiting: { reason: 'ErrImagePull', message: `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": not found` } }, lastState: {} }
    case 'configerror':
      return { ...base, containerID: undefined, state: { waiting: { reason: 'CreateContainerConfigError', message: 'secret "db-credentials" not found' } }, lastState: {} }
    case 'creating':
      return { ...base, containerID: undefined, state: { waiting: { reason: 'ContainerCreating' } }, lastState: {} }
  }
}

interface PodState {
  name?: string
  revision?: number
  phase?: string
  containers?: Record<string, unknown>[]
  initContainers?: Record<string, unknown>[]
  ready?: boolean
  unschedulable?: boolean
  deleting?: boolean
  owner?: { kind: string; name: string; uid: string }
  labels?: Record<string, string>
}

let podCounter = 0
function pod(s: PodState = {}): Pod {
  const revision = s.revision ?? 2
  const name = s.name ?? `web-${podHash(revision)}-${(++podCounter).toString(36).padStart(5, 'x')}`
  const containers = s.containers ?? [containerStatus('web', 'running')]
  const ready = s.ready ?? containers.every((c) => c.ready === true)
  const phase = s.phase ?? (s.unschedulable ? 'Pending' : containers.some((c) => (c.state as { running?: unknown }).running) ? 'Running' : 'Pending')
  const owner = s.owner ?? { kind: 'ReplicaSet', name: `web-${podHash(revision)}`, uid: rsUid(revision) }
  const conditions = s.unschedulable
    ? [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: T0, reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.' }]
    : [
        { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: T0 },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: T0 },
        ready ? { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: T0 } : { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: T0, reason: 'ContainersNotReady', message: 'containers with unready status: [web]' },
        ready ? { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: T0 } : { type: 'ContainersReady', status: 'False', lastProbeTime: null, lastTransitionTime: T0, reason: 'ContainersNotReady', message: 'containers with unready status: [web]' },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: T0 }
      ]
  return api({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: `web-${podHash(revision)}-`,
      namespace: NS,
      uid: `pod-uid-${name}`,
      creationTimestamp: T0,
      ...(s.deleting ? { deletionTimestamp: T0, deletionGracePeriodSeconds: 30 } : {}),
      labels: s.labels ?? { app: 'web', 'pod-template-hash': podHash(revision) },
      ownerReferences: [{ apiVersion: 'apps/v1', ...owner, controller: true, blockOwnerDeletion: true }]
    },
    spec: { containers: containers.map((c) => ({ name: c.name, image: c.image })), nodeName: s.unschedulable ? undefined : 'node-2' },
    status: {
      phase,
      conditions,
      hostIP: '10.0.0.12',
      podIP: phase === 'Running' ? '10.244.1.17' : undefined,
      startTime: T0,
      qosClass: 'Burstable',
      ...(s.unschedulable ? {} : { containerStatuses: containers }),
      ...(s.initContainers ? { initContainerStatuses: s.initContainers } : {})
    }
  })
}

const snapshot = (workload: WorkloadObject | null, replicaSets: ReplicaSet[], pods: Pod[]): WorkloadSnapshot => ({ ref, workload, replicaSets, pods })

/** A rollout from revision 1 to revision 2 of a 3-replica Deployment. */
const rollingUpdate = (newPods: Pod[], oldPods: Pod[], s: DeploymentState = {}): WorkloadSnapshot =>
  snapshot(deployment({ updated: newPods.length, total: newPods.length + oldPods.length, ready: 0, available: 0, ...s }), [replicaSet(1, oldPods.length), replicaSet(2, newPods.length)], [...oldPods, ...newPods])

describe('assessWorkload', () => {
  it.each([
    ['all replicas of the new revision available', () => snapshot(deployment(), [replicaSet(1, 0), replicaSet(2, 3)], [pod(), pod(), pod()]), 'ready', /^deployment\/web: 3\/3 replicas available$/, []],
    ['the new ReplicaSet still scaling up', () => rollingUpdate([pod(), pod({ containers: [containerStatus('web', 'creating')] })], [pod({ revision: 1 }), pod({ revision: 1 })], { ready: 1, available: 1 }), 'progressing', /2 of 3 new replicas updated$/, []],
    ['new pods still being created (ContainerCreating is not fatal)', () => rollingUpdate([pod({ containers: [containerStatus('web', 'creating')] })], [pod({ revision: 1 })]), 'progressing', /1 of 3 new replicas updated/, []],
    ['a new pod in CrashLoopBackOff', () => rollingUpdate([pod({ name: 'web-5d4c7b9f8-k2x7q', containers: [containerStatus('web', 'crashloop', 4, false)] })], [pod({ revision: 1 })]), 'failed', /^deployment\/web: pod web-5d4c7b9f8-k2x7q container web CrashLoopBackOff \(back-off 1m20s restarting failed container=web/, ['CrashLoopBackOff']],
    ['a new pod in ImagePullBackOff', () => rollingUpdate([pod({ containers: [containerStatus('web', 'imagepullbackoff')] })], [pod({ revision: 1 })]), 'failed', /container web ImagePullBackOff \(Back-off pulling image "ghcr\.io\/acme\/web:1\.2\.0"\)$/, ['ImagePullBackOff']],
    ['a new pod in ErrImagePull', () => rollingUpdate([pod({ containers: [containerStatus('web', 'errimagepull')] })], [pod({ revision: 1 })]), 'failed', /container web ErrImagePull \(rpc error: code = NotFound/, ['ErrImagePull']],
    ['a new pod with CreateContainerConfigError', () => rollingUpdate([pod({ containers: [containerStatus('web', 'configerror')] })], [pod({ revision: 1 })]), 'failed', /container web CreateContainerConfigError \(secret "db-credentials" not found\)$/, ['CreateContainerConfigError']],
    ['a crash-looping init container of a new pod', () => rollingUpdate([pod({ initContainers: [containerStatus('migrate', 'crashloop', 2, false)], containers: [containerStatus('web', 'creating')], phase: 'Pending' })], [pod({ revision: 1 })]), 'failed', /container migrate CrashLoopBackOff/, ['CrashLoopBackOff']],
    ['a sidecar crash-looping beside a healthy container', () => rollingUpdate([pod({ containers: [containerStatus('web', 'running'), containerStatus('envoy', 'crashloop', 5, false)], ready: false })], [pod({ revision: 1 })]), 'failed', /container envoy CrashLoopBackOff/, ['CrashLoopBackOff']],
    ['a new container restarted max-restarts times, running again', () => rollingUpdate([pod({ containers: [containerStatus('web', 'running', 3)] })], [pod({ revision: 1 })]), 'failed', /container web Restarting \(restarted 3 times \(max-restarts 3\)\)$/, ['Restarting']],
    ['a new container restarted fewer than max-restarts times', () => rollingUpdate([pod({ containers: [containerStatus('web', 'running', 2)] })], [pod({ revision: 1 })]), 'progressing', /1 of 3 new replicas updated/, []],
    ['old-revision pods crash-looping do not fail the new rollout', () => rollingUpdate([pod(), pod()], [pod({ revision: 1, containers: [containerStatus('web', 'crashloop', 9, false)] }), pod({ revision: 1, containers: [containerStatus('web', 'imagepullbackoff')] })], { ready: 2, available: 2 }), 'progressing', /2 of 3 new replicas updated/, []],
    ['old-revision pods crash-looping, new revision complete: only termination pending', () => rollingUpdate([pod(), pod(), pod()], [pod({ revision: 1, containers: [containerStatus('web', 'crashloop', 9, false)] })], { ready: 3, available: 3 }), 'progressing', /1 old replicas pending termination$/, []],
    ['a terminating pod of the new revision is ignored', () => snapshot(deployment(), [replicaSet(2, 3)], [pod(), pod(), pod(), pod({ deleting: true, containers: [containerStatus('web', 'crashloop', 7, false)] })]), 'ready', /3\/3 replicas available/, []],
    [
      "another Deployment's crash-looping pods with the same labels and revision number are not ours",
      () => snapshot(deployment(), [replicaSet(2, 3), replicaSet(2, 1, OTHER_DEPLOY_UID, 'web-canary')], [pod(), pod(), pod(), pod({ owner: { kind: 'ReplicaSet', name: 'web-canary-5d4c7b9f8', uid: `${rsUid(2)}-other` }, containers: [containerStatus('web', 'crashloop', 9, false)] })]),
      'ready',
      /3\/3 replicas available/,
      []
    ],
    [
      'Progressing False ProgressDeadlineExceeded',
      () =>
        rollingUpdate([pod({ containers: [containerStatus('web', 'creating')] })], [pod({ revision: 1 })], {
          conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-5d4c7b9f8" has timed out progressing.' }]
        }),
      'failed',
      /^deployment\/web: ProgressDeadlineExceeded \(ReplicaSet "web-5d4c7b9f8" has timed out progressing\.\)$/,
      []
    ],
    [
      'ReplicaFailure True (quota exceeded)',
      () =>
        rollingUpdate([], [pod({ revision: 1 })], {
          conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "web-5d4c7b9f8-abcde" is forbidden: exceeded quota: compute, requested: cpu=2, used: cpu=8, limited: cpu=8' }]
        }),
      'failed',
      /^deployment\/web: ReplicaFailure FailedCreate: pods .* exceeded quota/,
      []
    ],
    ['the controller has not seen the new spec yet', () => snapshot(deployment({ generation: 5, observedGeneration: 4 }), [replicaSet(2, 3)], [pod(), pod(), pod()]), 'progressing', /waiting for the controller to see the new spec$/, []],
    ['the Deployment was deleted', () => snapshot(null, [], []), 'failed', /^deployment\/web no longer exists$/, []]
  ] as [string, () => WorkloadSnapshot, string, RegExp, string[]][])('%s', (_name, make, state, summary, reasons) => {
    const assessment = assessWorkload(make(), options, new FirstSeen(), 1_000_000)
    expect(assessment.state).toBe(state)
    expect(assessment.summary).toMatch(summary)
    expect(assessment.problems.map((p) => p.reason)).toEqual(reasons)
  })

  it('reports the revision and, for a crash loop, the restarts and the last exit', () => {
    const assessment = assessWorkload(rollingUpdate([pod({ name: 'web-5d4c7b9f8-k2x7q', containers: [containerStatus('web', 'crashloop', 4, false)] })], [pod({ revision: 1 })]), options, new FirstSeen(), 0)
    expect(assessment.revision).toBe('2')
    expect(assessment.problems).toEqual([
      { pod: 'web-5d4c7b9f8-k2x7q', container: 'web', reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container=web pod=web-x_shop(uid)', restarts: 4, lastExit: 'exit 1 Error: panic: DATABASE_URL is not set' }
    ])
  })

  it('max-restarts 0 turns the restart count check off', () => {
    const s = rollingUpdate([pod({ containers: [containerStatus('web', 'running', 50)] })], [])
    expect(assessWorkload(s, { ...options, maxRestarts: 0 }, new FirstSeen(), 0).state).toBe('progressing')
  })

  // Until the controller has seen the new spec (observedGeneration < generation), the status still
  // describes the previous rollout; like `kubectl rollout status`, nothing is judged yet.
  test('a ProgressDeadlineExceeded left by the previous rollout does not fail a spec the controller has not seen', () => {
    const stale = deployment({
      generation: 6,
      observedGeneration: 5,
      updated: 1,
      total: 4,
      ready: 3,
      available: 3,
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-5d4c7b9f8" has timed out progressing.' }]
    })
    const assessment = assessWorkload(snapshot(stale, [replicaSet(1, 3), replicaSet(2, 1)], [pod({ revision: 1 }), pod({ revision: 1 }), pod({ revision: 1 }), pod({ containers: [containerStatus('web', 'creating')] })]), options, new FirstSeen(), 0)
    expect(assessment.state).toBe('progressing')
  })

  test('crash-looping pods of the previous revision do not fail a spec the controller has not seen', () => {
    // Revision 2 was a bad release left crash-looping; revision 3 has just been applied.
    const stale = deployment({ generation: 6, observedGeneration: 5, revision: 2, updated: 1, total: 4, ready: 3, available: 3 })
    const assessment = assessWorkload(snapshot(stale, [replicaSet(1, 3), replicaSet(2, 1)], [pod({ revision: 1 }), pod({ revision: 1 }), pod({ revision: 1 }), pod({ containers: [containerStatus('web', 'crashloop', 6, false)] })]), options, new FirstSeen(), 0)
    expect(assessment.state).toBe('progressing')
  })
})

describe('readiness grace', () => {
  const unready = (): Pod => pod({ name: 'web-5d4c7b9f8-r8t2m', containers: [containerStatus('web', 'running', 0, false)], ready: false })
  const ready = (): Pod => pod({ name: 'web-5d4c7b9f8-r8t2m' })

  it('a running pod that is not Ready fails only once readiness-grace has passed on the runner clock', () => {
    const memory = new FirstSeen()
    const s = (p: Pod): WorkloadSnapshot => rollingUpdate([p], [pod({ revision: 1 })])
    const t0 = 1_700_000_000_000
    const at = (seconds: number, p: Pod): ReturnType<typeof assessWorkload> => assessWorkload(s(p), options, memory, t0 + seconds * 1000)
    expect(at(0, unready()).state).toBe('progressing')
    expect(at(29.999, unready()).state).toBe('progressing')
    const late = at(30, unready())
    expect(late.state).toBe('failed')
    expect(late.problems).toEqual([{ pod: 'web-5d4c7b9f8-r8t2m', container: 'web', reason: 'NotReady', message: 'not Ready for 30s (readiness-grace 30s): readiness probe failing' }])
    expect(late.summary).toBe('deployment/web: pod web-5d4c7b9f8-r8t2m container web NotReady (not Ready for 30s (readiness-grace 30s): readiness probe failing)')
  })

  it('becoming Ready resets the clock: a later unready spell gets a full grace of its own', () => {
    const memory = new FirstSeen()
    const check = (p: Pod, seconds: number): string => (podProblems(p, options, memory, seconds * 1000)[0]?.reason ?? 'ok')
    expect([check(unready(), 0), check(unready(), 20), check(ready(), 25), check(unready(), 40), check(unready(), 69), check(unready(), 70)]).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'NotReady'])
  })

  it('the grace is kept per pod', () => {
    const memory = new FirstSeen()
    const a = pod({ name: 'web-5d4c7b9f8-aaaaa', containers: [containerStatus('web', 'running', 0, false)], ready: false })
    const b = pod({ name: 'web-5d4c7b9f8-bbbbb', containers: [containerStatus('web', 'running', 0, false)], ready: false })
    expect(podProblems(a, options, memory, 0)).toEqual([])
    expect(podProblems(b, options, memory, 20_000)).toEqual([])
    expect(podProblems(a, options, memory, 30_000).map((p) => p.pod)).toEqual(['web-5d4c7b9f8-aaaaa'])
    expect(podProblems(b, options, memory, 30_000)).toEqual([])
  })

  it('a pending pod (containers still being created) is not held to the readiness grace', () => {
    const memory = new FirstSeen()
    const creating = pod({ containers: [containerStatus('web', 'creating')] })
    expect(podProblems(creating, options, memory, 0)).toEqual([])
    expect(podProblems(creating, options, memory, 3_600_000)).toEqual([])
  })

  it('an Unschedulable pod fails after the grace, with the scheduler message', () => {
    const memory = new FirstSeen()
    const pending = pod({ name: 'web-5d4c7b9f8-p9w4z', unschedulable: true })
    const s = rollingUpdate([pending], [pod({ revision: 1 }), pod({ revision: 1 }), pod({ revision: 1 })], { ready: 3, available: 3 })
    expect(assessWorkload(s, options, memory, 5_000).state).toBe('progressing')
    expect(assessWorkload(s, options, memory, 34_000).state).toBe('progressing')
    const late = assessWorkload(s, options, memory, 35_000)
    expect(late.state).toBe('failed')
    expect(late.problems).toEqual([{ pod: 'web-5d4c7b9f8-p9w4z', reason: 'Unschedulable', message: 'for 30s: 0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.' }])
  })

  it('FirstSeen remembers the first time only, until forgotten', () => {
    const memory = new FirstSeen()
    expect(memory.since('a', 10)).toBe(10)
    expect(memory.since('a', 50)).toBe(10)
    memory.forget('a')
    expect(memory.since('a', 70)).toBe(70)
  })
})

describe('newRevisionPods', () => {
  it('Deployment: the pods of the ReplicaSet owned by this Deployment whose revision matches', () => {
    const fresh = [pod({ name: 'new-1' }), pod({ name: 'new-2' })]
    const s = snapshot(deployment(), [replicaSet(1, 1), replicaSet(2, 2), replicaSet(2, 1, OTHER_DEPLOY_UID, 'web-canary')], [pod({ name: 'old-1', revision: 1 }), ...fresh, pod({ name: 'canary', owner: { kind: 'ReplicaSet', name: 'web-canary-5d4c7b9f8', uid: `${rsUid(2)}-other` } })])
    expect(newRevisionPods(s).map((p) => p.metadata.name)).toEqual(['new-1', 'new-2'])
  })

  it('Deployment: none while the ReplicaSet of the revision does not exist yet', () => {
    expect(newRevisionPods(snapshot(deployment({ revision: 3 }), [replicaSet(1, 1), replicaSet(2, 2)], [pod(), pod({ revision: 1 })]))).toEqual([])
  })

  it('StatefulSet: owned pods whose controller-revision-hash is the update revision', () => {
    const sts = statefulSet({ updateRevision: 'db-6c7d8f9b5', currentRevision: 'db-5b8c9d7f6' })
    const owner = { kind: 'StatefulSet', name: 'db', uid: STS_UID }
    const pods = [
      pod({ name: 'db-0', owner, labels: { app: 'db', 'controller-revision-hash': 'db-5b8c9d7f6', 'statefulset.kubernetes.io/pod-name': 'db-0' } }),
      pod({ name: 'db-1', owner, labels: { app: 'db', 'controller-revision-hash': 'db-6c7d8f9b5', 'statefulset.kubernetes.io/pod-name': 'db-1' } }),
      pod({ name: 'db-2', owner, labels: { app: 'db', 'controller-revision-hash': 'db-6c7d8f9b5', 'statefulset.kubernetes.io/pod-name': 'db-2' } }),
      pod({ name: 'stranger', owner: { kind: 'StatefulSet', name: 'db2', uid: 'x' }, labels: { app: 'db', 'controller-revision-hash': 'db-6c7d8f9b5' } })
    ]
    expect(newRevisionPods({ ref: { kind: 'StatefulSet', name: 'db', namespace: NS }, workload: sts, replicaSets: [], pods }).map((p) => p.metadata.name)).toEqual(['db-1', 'db-2'])
    expect(revisionOf(sts)).toBe('db-6c7d8f9b5')
  })

  it('DaemonSet: owned pods whose pod-template-generation is the generation', () => {
    const ds = daemonSet({ generation: 7 })
    const owner = { kind: 'DaemonSet', name: 'agent', uid: DS_UID }
    const pods = [
      pod({ name: 'agent-aaaaa', owner, labels: { app: 'agent', 'controller-revision-hash': '6d5f8b7c9', 'pod-template-generation': '6' } }),
      pod({ name: 'agent-bbbbb', owner, labels: { app: 'agent', 'controller-revision-hash': '7f9c6d8b5', 'pod-template-generation': '7' } })
    ]
    expect(newRevisionPods({ ref: { kind: 'DaemonSet', name: 'agent', namespace: NS }, workload: ds, replicaSets: [], pods }).map((p) => p.metadata.name)).toEqual(['agent-bbbbb'])
    expect(revisionOf(ds)).toBe('7')
  })
})

const STS_UID = 'a1b2c3d4-0000-4000-8000-000000000005'
const DS_UID = 'b2c3d4e5-0000-4000-8000-000000000006'

interface StatefulSetState {
  generation?: number
  observedGeneration?: number
  replicas?: number
  ready?: number
  updated?: number
  currentRevision?: string
  updateRevision?: string
  strategy?: Record<string, unknown>
}

function statefulSet(s: StatefulSetState = {}): WorkloadObject {
  const { generation = 3, observedGeneration = generation, replicas = 3, ready = replicas, updated = replicas, currentRevision = 'db-6c7d8f9b5', updateRevision = 'db-6c7d8f9b5' } = s
  return api({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: NS, uid: STS_UID, generation, labels: { app: 'db' } },
    spec: {
      replicas,
      serviceName: 'db',
      selector: { matchLabels: { app: 'db' } },
      template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'postgres', image: 'postgres:16.3' }] } },
      updateStrategy: s.strategy ?? { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      podManagementPolicy: 'OrderedReady'
    },
    status: { observedGeneration, replicas, readyReplicas: ready, currentReplicas: replicas - updated, updatedReplicas: updated, currentRevision, updateRevision, collisionCount: 0, availableReplicas: ready }
  })
}

interface DaemonSetState {
  generation?: number
  observedGeneration?: number
  desired?: number
  updated?: number
  available?: number
}

function daemonSet(s: DaemonSetState = {}): WorkloadObject {
  const { generation = 2, observedGeneration = generation, desired = 4, updated = desired, available = updated } = s
  return api({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: NS, uid: DS_UID, generation, labels: { app: 'agent' } },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'ghcr.io/acme/agent:2.0' }] } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }
    },
    status: { currentNumberScheduled: desired, numberMisscheduled: 0, desiredNumberScheduled: desired, numberReady: available, observedGeneration, updatedNumberScheduled: updated, numberAvailable: available, numberUnavailable: desired - available }
  })
}

const onDelete = (w: WorkloadObject): WorkloadObject => ({ ...w, spec: { ...w.spec, updateStrategy: { type: 'OnDelete' } } })
const paused = (w: WorkloadObject): WorkloadObject => ({ ...w, spec: { ...w.spec, paused: true } })

describe('progressOf (kubectl rollout status rules)', () => {
  it.each(
    ([
    ['Deployment: new replicas not all updated', deployment({ updated: 1, total: 4, ready: 3, available: 3 }), false, '1 of 3 new replicas updated'],
    ['Deployment: old replicas pending termination', deployment({ updated: 3, total: 4, ready: 3, available: 3 }), false, '1 old replicas pending termination'],
    ['Deployment: updated replicas not all available', deployment({ updated: 3, total: 3, ready: 2, available: 2 }), false, '2 of 3 updated replicas available'],
    ['Deployment: complete', deployment(), true, '3/3 replicas available'],
    ['Deployment: scaled to zero', deployment({ replicas: 0 }), true, '0/0 replicas available'],
    ['Deployment: observedGeneration < generation, counts complete', deployment({ generation: 5, observedGeneration: 4 }), false, 'waiting for the controller to see the new spec'],
    ['Deployment: replicas unset counts as 1', (() => { const d = deployment({ replicas: 1 }); delete d.spec.replicas; return d })(), true, '1/1 replicas available'],
    ['StatefulSet: pods not all ready', statefulSet({ ready: 2 }), false, '2 of 3 pods ready'],
    ['StatefulSet: rolling update under way', statefulSet({ updated: 1, currentRevision: 'db-5b8c9d7f6' }), false, '1 of 3 pods updated'],
    ['StatefulSet: rolling update complete', statefulSet(), true, '3/3 pods ready'],
    ['StatefulSet: observedGeneration < generation', statefulSet({ generation: 4, observedGeneration: 3 }), false, 'waiting for the controller to see the new spec'],
    ['StatefulSet: never observed (observedGeneration absent)', (() => { const s = statefulSet({ generation: 1 }); delete s.status?.observedGeneration; return s })(), false, 'waiting for the controller to see the new spec'],
    ['StatefulSet: partition 2 of 5, 2 updated', statefulSet({ replicas: 5, updated: 2, currentRevision: 'db-5b8c9d7f6', strategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }), false, '2 of 3 pods updated'],
    ['StatefulSet: partition 2 of 5, 3 updated', statefulSet({ replicas: 5, updated: 3, currentRevision: 'db-5b8c9d7f6', strategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }), true, 'partitioned roll out complete (3 updated)', '2 pod(s) below the partition keep the previous template (rollingUpdate.partition 2)'],
    ['StatefulSet: partition 2 of 5, nothing to update (same revision)', statefulSet({ replicas: 5, strategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }), true, 'partitioned roll out complete (5 updated)'],
    ['StatefulSet: partition 2 of 5, pods not ready', statefulSet({ replicas: 5, ready: 4, updated: 3, strategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }), false, '4 of 5 pods ready'],
    // OnDelete: ready pods on the previous template are applied, not rolled out (issue 13, point 6).
    ['StatefulSet: OnDelete, new template, no pod replaced', statefulSet({ updated: 0, currentRevision: 'db-5b8c9d7f6', strategy: { type: 'OnDelete' } }), true, '3/3 pods ready, 3 on the previous template', '3 of 3 pod(s) still run the previous template (updateStrategy OnDelete: a pod is replaced only when it is deleted)'],
    ['StatefulSet: OnDelete, one pod deleted and replaced', statefulSet({ updated: 1, currentRevision: 'db-5b8c9d7f6', strategy: { type: 'OnDelete' } }), true, '3/3 pods ready, 2 on the previous template', '2 of 3 pod(s) still run the previous template (updateStrategy OnDelete: a pod is replaced only when it is deleted)'],
    ['StatefulSet: OnDelete, every pod on the template', statefulSet({ strategy: { type: 'OnDelete' } }), true, '3/3 pods ready'],
    ['StatefulSet: OnDelete, not all ready', statefulSet({ ready: 1, strategy: { type: 'OnDelete' } }), false, '1 of 3 pods ready'],
    ['DaemonSet: pods not all updated', daemonSet({ updated: 2, available: 3 }), false, '2 of 4 pods updated'],
    ['DaemonSet: updated pods not all available', daemonSet({ available: 3 }), false, '3 of 4 updated pods available'],
    ['DaemonSet: complete', daemonSet(), true, '4/4 pods available'],
    ['DaemonSet: no node to run on', daemonSet({ desired: 0 }), true, '0/0 pods available'],
    ['DaemonSet: observedGeneration < generation', daemonSet({ generation: 3, observedGeneration: 2 }), false, 'waiting for the controller to see the new spec'],
    // The same kind: a DaemonSet with OnDelete never updates its pods by itself (it used to wait out the timeout).
    ['DaemonSet: OnDelete, no pod replaced', onDelete(daemonSet({ updated: 0, available: 4 })), true, '4/4 pods available, 4 on the previous template', '4 of 4 pod(s) still run the previous template (updateStrategy OnDelete: a pod is replaced only when it is deleted)'],
    ['DaemonSet: OnDelete, pods not all available', onDelete(daemonSet({ updated: 0, available: 3 })), false, '3 of 4 pods available'],
    // And a paused Deployment, which the controller does not roll until it is resumed.
    ['Deployment: paused', paused(deployment({ updated: 0, total: 3, ready: 3, available: 3 })), true, '3/3 replicas available', 'the Deployment is paused (spec.paused): its pods are not replaced until it is resumed (kubectl rollout resume)']
  ] as [string, WorkloadObject, boolean, string, string?][]).map((row) => [row[0], row[1], row[2], row[3], row[4] ?? ''] as const)
  )('%s', (_name, workload, done, text, notReplaced) => {
    expect(progressOf(workload)).toEqual({ done, text, ...(notReplaced ? { notReplaced } : {}) })
  })
})

describe('selectorString', () => {
  it.each([
    [{ matchLabels: { app: 'web' } }, 'app=web'],
    [{ matchLabels: { app: 'web', 'app.kubernetes.io/instance': 'shop-prod' } }, 'app=web,app.kubernetes.io/instance=shop-prod'],
    [
      {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['frontend', 'edge'] },
          { key: 'environment', operator: 'NotIn', values: ['dev'] },
          { key: 'canary', operator: 'Exists' },
          { key: 'legacy', operator: 'DoesNotExist' }
        ]
      },
      'app=web,tier in (frontend,edge),environment notin (dev),canary,!legacy'
    ],
    [{ matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] }, 'app in (web)'],
    [{}, '']
  ] as [LabelSelector, string][])('%j', (selector, expected) => {
    expect(selectorString(selector)).toBe(expected)
  })
})
