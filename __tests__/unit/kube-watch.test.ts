import { describe, expect, it, test } from '@jest/globals'
import { classifyFailure, Kubectl, KubectlError, type CommandResult, type CommandRunner, type KubectlFailureKind } from '../../actions/lib/kube/kubectl.js'
import { watchRollout, type Clock, type WatchOptions } from '../../actions/lib/kube/watch.js'
import type { WorkloadRef } from '../../actions/lib/kube/manifests.js'
import { UserError } from '../../actions/lib/errors/user-error.js'
import { fakeClock } from '../helpers/unit.js'

// Real kubectl stderr, as printed by kubectl 1.28-1.31.
const STDERR = {
  refused: 'The connection to the server 127.0.0.1:16443 was refused - did you specify the right host or port?\n',
  ioTimeout: 'Unable to connect to the server: dial tcp 10.0.0.1:6443: i/o timeout\n',
  unauthorized: 'error: You must be logged in to the server (Unauthorized)\n',
  forbidden: 'Error from server (Forbidden): deployments.apps "web" is forbidden: User "system:serviceaccount:ci:deployer" cannot get resource "deployments" in API group "apps" in the namespace "shop"\n',
  notFound: 'Error from server (NotFound): deployments.apps "web" not found\n'
}


const NS = 'shop'
const DEPLOY_UID = '5f0c2a9e-6d0b-4c53-9a35-0b1c4d8e2f10'
const RS_UID = { 1: 'rs-uid-revision-1', 2: 'rs-uid-revision-2' } as const
const HASH = { 1: '7c9d8f6b5', 2: '5d4c7b9f8' } as const

interface Stage {
  updated: number
  available: number
  /** New-revision pods' container state. */
  crash?: boolean
}

function deploymentJson(name: string, s: Stage): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS, uid: `${DEPLOY_UID}-${name}`, generation: 2, annotations: { 'deployment.kubernetes.io/revision': '2' }, labels: { app: name } },
    spec: { replicas: 3, selector: { matchLabels: { app: name }, matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary'] }] }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: `ghcr.io/acme/${name}:1.2.0` }] } } },
    status: {
      observedGeneration: 2,
      replicas: Math.max(3, s.updated + (3 - s.available)),
      updatedReplicas: s.updated,
      readyReplicas: s.available,
      availableReplicas: s.available,
      conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${name}-${HASH[2]}" is progressing.` }]
    }
  }
}

function listJson(name: string, s: Stage): Record<string, unknown> {
  const rs = (revision: 1 | 2, replicas: number): Record<string, unknown> => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `${name}-${HASH[revision]}`, namespace: NS, uid: `${RS_UID[revision]}-${name}`, annotations: { 'deployment.kubernetes.io/revision': String(revision) }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: `${DEPLOY_UID}-${name}`, controller: true }] },
    spec: { replicas },
    status: { replicas, readyReplicas: replicas, availableReplicas: replicas }
  })
  const pod = (revision: 1 | 2, i: number): Record<string, unknown> => {
    const crash = revision === 2 && s.crash
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${name}-${HASH[revision]}-p${i}`, namespace: NS, uid: `pod-${revision}-${i}-${name}`, labels: { app: name, 'pod-template-hash': HASH[revision] }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${name}-${HASH[revision]}`, uid: `${RS_UID[revision]}-${name}`, controller: true }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: crash ? 'False' : 'True' }],
        containerStatuses: [
          crash
            ? { name, ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 40s restarting failed container=${name}` } }, lastState: { terminated: { exitCode: 2, reason: 'Error' } } }
            : { name, ready: true, restartCount: 0, state: { running: { startedAt: '2025-05-12T09:14:03Z' } } }
        ]
      }
    }
  }
  const old = 3 - s.available
  return {
    apiVersion: 'v1',
    kind: 'List',
    metadata: { resourceVersion: '' },
    items: [rs(1, old), rs(2, s.updated), ...Array.from({ length: old }, (_, i) => pod(1, i)), ...Array.from({ length: s.updated }, (_, i) => pod(2, i))]
  }
}

const ok = (value: unknown): CommandResult => ({ exitCode: 0, stdout: JSON.stringify(value), stderr: '' })
const fail = (stderr: string): CommandResult => ({ exitCode: 1, stdout: '', stderr })

/**
 * A stand-in for kubectl against a cluster whose state is a function of (virtual) time: it answers
 * `get deployment/<name>` and `get replicasets,pods -l <selector>` with canned API JSON, or fails
 * with a kubectl stderr line. Every argv is recorded.
 */
function fakeKubectl(clock: Clock, stateAt: (seconds: number, name: string) => Stage | 'deleted' | { stderr: string }): { kubectl: Kubectl; calls: string[][] } {
  const calls: string[][] = []
  const runner: CommandRunner = async (tool, args) => {
    calls.push([tool, ...args])
    expect(args.slice(0, 3)).toEqual(['--kubeconfig', '/runner/temp/sgw-kubeconfig-0123456789ab/config', '--request-timeout=5s'])
    const [verb, what, ...rest] = args.slice(3)
    expect(verb).toBe('get')
    const name = what.startsWith('deployment/') ? what.slice('deployment/'.length) : (rest[rest.indexOf('-l') + 1] ?? '').replace(/^app=(\w+).*/, '$1')
    const state = stateAt(clock.now() / 1000, name)
    if (state === 'deleted') return fail(`Error from server (NotFound): deployments.apps "${name}" not found\n`)
    if ('stderr' in state) return fail(state.stderr)
    if (what.startsWith('deployment/')) {
      expect(rest).toEqual(['-n', NS, '-o', 'json'])
      return ok(deploymentJson(name, state))
    }
    expect(what).toBe('replicasets,pods')
    expect(rest).toEqual(['-n', NS, '-l', `app=${name},track notin (canary)`, '-o', 'json'])
    return ok(listJson(name, state))
  }
  return { kubectl: new Kubectl({ kubectl: '/tools/kubectl', kubeconfig: '/runner/temp/sgw-kubeconfig-0123456789ab/config', requestTimeout: 5, runner }), calls }
}

const web: WorkloadRef = { kind: 'Deployment', name: 'web', namespace: NS }
const api: WorkloadRef = { kind: 'Deployment', name: 'api', namespace: NS }
const options: WatchOptions = { timeoutSeconds: 120, pollMs: 2_000, apiGraceSeconds: 10, readinessGrace: 30, maxRestarts: 3 }
const rolling = (seconds: number, doneAt: number): Stage => (seconds < doneAt ? { updated: 1, available: 2 } : { updated: 3, available: 3 })

describe('watchRollout', () => {
  it('polls until every workload has rolled out, printing each new state once', async () => {
    const clock = fakeClock()
    const { kubectl, calls } = fakeKubectl(clock, (t, name) => rolling(t, name === 'web' ? 4 : 8))
    const lines: string[] = []
    const result = await watchRollout(kubectl, [web, api], options, (line) => lines.push(line), clock)
    expect(result).toMatchObject({ state: 'ready', reason: 'rolled out', problems: [], seconds: 8 })
    expect(result.assessments.map((a) => [a.ref.name, a.assessment.state])).toEqual([
      ['web', 'ready'],
      ['api', 'ready']
    ])
    expect(lines).toEqual(['deployment/web: 1 of 3 new replicas updated; deployment/api: 1 of 3 new replicas updated', 'deployment/web: 3/3 replicas available; deployment/api: 1 of 3 new replicas updated'])
    expect(clock.sleeps).toEqual([2_000, 2_000, 2_000, 2_000])
    expect(calls).toHaveLength(5 * 4)
    expect(calls[0][0]).toBe('/tools/kubectl')
  })

  it.each([
    ['connection refused', STDERR.refused],
    ['i/o timeout', STDERR.ioTimeout]
  ])('an API outage shorter than apiGraceSeconds (%s) is waited out', async (_name, stderr) => {
    const clock = fakeClock()
    const { kubectl } = fakeKubectl(clock, (t) => (t >= 2 && t < 10 ? { stderr } : rolling(t, 10)))
    const lines: string[] = []
    const result = await watchRollout(kubectl, [web], options, (line) => lines.push(line), clock)
    expect(result).toMatchObject({ state: 'ready', seconds: 10 })
    expect(result.apiFailure).toBeUndefined()
    expect(lines.filter((l) => l.startsWith('API server not answering'))).toEqual([0, 2, 4, 6].map((s) => `API server not answering (${s}s): kubectl get deployment/web failed: ${stderr.trim()}`))
  })

  it('an outage of apiGraceSeconds fails the watch: apiFailure unreachable, state unknown', async () => {
    const clock = fakeClock()
    const { kubectl, calls } = fakeKubectl(clock, (t) => (t >= 2 ? { stderr: STDERR.refused } : rolling(t, 60)))
    const result = await watchRollout(kubectl, [web], options, () => undefined, clock)
    expect(result.state).toBe('failed')
    expect(result.apiFailure).toBe('unreachable')
    expect(result.seconds).toBe(12)
    expect(result.reason).toBe(`the API server stopped answering during the rollout (10s without an answer); its state is unknown: kubectl get deployment/web failed: ${STDERR.refused.trim()}`)
    // The last good assessment is kept for the summary.
    expect(result.assessments.map((a) => a.assessment.state)).toEqual(['progressing'])
    // Polls at 0 (two calls), then one failing call at 2, 4, 6, 8, 10, 12; none after the decision.
    expect(calls).toHaveLength(2 + 6)
  })

  it('an answer in between restarts the grace', async () => {
    const clock = fakeClock()
    // Down 2-8 s, up at 10 s, down again 12-20 s, up at 22 s and done.
    const { kubectl } = fakeKubectl(clock, (t) => ((t >= 2 && t < 10) || (t >= 12 && t < 22) ? { stderr: STDERR.refused } : rolling(t, 22)))
    expect(await watchRollout(kubectl, [web], options, () => undefined, clock)).toMatchObject({ state: 'ready', seconds: 22 })
  })

  it('refused credentials fail at once: apiFailure credentials', async () => {
    const clock = fakeClock()
    const { kubectl, calls } = fakeKubectl(clock, (t) => (t >= 4 ? { stderr: STDERR.unauthorized } : rolling(t, 60)))
    const result = await watchRollout(kubectl, [web], options, () => undefined, clock)
    expect(result).toMatchObject({ state: 'failed', apiFailure: 'credentials', seconds: 4, problems: [] })
    expect(result.reason).toMatch(/^the cluster refused the credentials while watching the rollout: kubectl get deployment\/web failed: error: You must be logged in to the server \(Unauthorized\)\nThe cluster refused the credentials/)
    expect(calls).toHaveLength(2 + 2 + 1)
  })

  it('a missing permission is not waited out: the KubectlError propagates', async () => {
    const clock = fakeClock()
    const { kubectl } = fakeKubectl(clock, () => ({ stderr: STDERR.forbidden }))
    const error = await watchRollout(kubectl, [web], options, () => undefined, clock).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(KubectlError)
    expect((error as KubectlError).kind).toBe('forbidden')
  })

  it('times out when the rollout does not finish', async () => {
    const clock = fakeClock()
    const { kubectl, calls } = fakeKubectl(clock, () => ({ updated: 1, available: 2 }))
    const result = await watchRollout(kubectl, [web], { ...options, timeoutSeconds: 30, pollMs: 5_000 }, () => undefined, clock)
    expect(result).toMatchObject({ state: 'failed', seconds: 30, reason: 'not rolled out within the timeout of 30s: deployment/web: 1 of 3 new replicas updated' })
    expect(result.apiFailure).toBeUndefined()
    expect(calls).toHaveLength(7 * 2)
  })

  it('a crash-looping new pod fails the watch with the problem, named by workload', async () => {
    const clock = fakeClock()
    const { kubectl } = fakeKubectl(clock, (t, name) => (name === 'api' && t >= 4 ? { updated: 1, available: 2, crash: true } : rolling(t, 60)))
    const result = await watchRollout(kubectl, [web, api], options, () => undefined, clock)
    expect(result.state).toBe('failed')
    expect(result.seconds).toBe(4)
    expect(result.reason).toBe('deployment/api: pod api-5d4c7b9f8-p0 container api CrashLoopBackOff (back-off 40s restarting failed container=api)')
    expect(result.problems).toEqual([{ workload: 'deployment/api', pod: 'api-5d4c7b9f8-p0', container: 'api', reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=api', restarts: 3, lastExit: 'exit 2 Error' }])
  })

  it('a workload deleted during the watch fails it', async () => {
    const clock = fakeClock()
    const { kubectl } = fakeKubectl(clock, (t) => (t >= 2 ? 'deleted' : rolling(t, 60)))
    expect(await watchRollout(kubectl, [web], options, () => undefined, clock)).toMatchObject({ state: 'failed', reason: 'deployment/web no longer exists', seconds: 2 })
  })
})

describe('classifyFailure on real kubectl stderr', () => {
  it.each([
    [STDERR.refused, 'unreachable'],
    [STDERR.ioTimeout, 'unreachable'],
    ['Unable to connect to the server: dial tcp: lookup api.prod.example.test on 127.0.0.53:53: no such host', 'unreachable'],
    ['Unable to connect to the server: dial tcp 10.0.0.1:6443: connect: no route to host', 'unreachable'],
    ['Unable to connect to the server: net/http: TLS handshake timeout', 'unreachable'],
    ['Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)', 'unreachable'],
    ['Unable to connect to the server: EOF', 'unreachable'],
    ['Error from server (ServiceUnavailable): the server is currently unable to handle the request (get deployments.apps web)', 'unreachable'],
    ['E0512 09:14:03.123456   4242 memcache.go:265] couldn\'t get current server API group list: Get "https://127.0.0.1:16443/api?timeout=5s": dial tcp 127.0.0.1:16443: connect: connection refused\nThe connection to the server 127.0.0.1:16443 was refused - did you specify the right host or port?', 'unreachable'],
    [STDERR.unauthorized, 'credentials'],
    ['error: You must be logged in to the server (the server has asked for the client to provide credentials)', 'credentials'],
    ['Unable to connect to the server: x509: certificate signed by unknown authority', 'credentials'],
    ['Unable to connect to the server: tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2025-05-12T09:14:03Z is after 2025-01-01T00:00:00Z', 'credentials'],
    [STDERR.forbidden, 'forbidden'],
    ['Error from server (Forbidden): error when creating "STDIN": namespaces "prod" is forbidden: this namespace may not be deleted', 'forbidden'],
    [STDERR.notFound, 'not-found'],
    ['Error from server (NotFound): namespaces "shop" not found', 'not-found'],
    ['Error from server (NotFound): error when creating "STDIN": namespaces "shop" not found', 'not-found'],
    ['The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web2"}: `selector` does not match template `labels`', 'invalid'],
    ['Error from server (Invalid): error when creating "STDIN": Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive', 'invalid'],
    ['Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"', 'invalid'],
    ['error: error validating "STDIN": error validating data: ValidationError(Deployment.spec): missing required field "selector" in io.k8s.api.apps.v1.DeploymentSpec; if you choose to ignore these errors, turn validation off with --validate=false', 'invalid'],
    ['error: unable to recognize "STDIN": no matches for kind "Deploymnt" in version "apps/v1"', 'unknown-kind'],
    ['error: error parsing STDIN: error converting YAML to JSON: yaml: line 7: could not find expected \':\'', 'invalid'],
    ['error: the server doesn\'t have a resource type "deploymentz"', 'unknown-kind'],
    ['Error from server (NotFound): the server could not find the requested resource', 'unknown-kind'],
    ['', 'other']
  ] as [string, KubectlFailureKind][])('%j is %s', (stderr, kind) => {
    expect(classifyFailure(stderr)).toBe(kind)
  })

  // kubectl >= 1.26 reports an unknown kind as "resource mapping not found ... no matches for kind":
  // that is a manifest to fix (invalid), not a missing object.
  test('a server-side timeout is the API server not answering in time (waited out like an outage)', () => {
    expect(classifyFailure('Error from server (Timeout): the server was unable to return a response in the time allotted, but may still be processing the request (get deployments.apps web)')).toBe('unreachable')
  })

  test('an unknown kind (kubectl >= 1.26 wording) is unknown-kind, not not-found, and the advice names the CRD', () => {
    const stderr = 'error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "Deploymnt" in version "apps/v1"\nensure CRDs are installed first'
    expect(classifyFailure(stderr)).toBe('unknown-kind')
    const kubectl = new Kubectl({ kubectl: 'kubectl', kubeconfig: '/k', runner: async () => ({ exitCode: 1, stdout: '', stderr }) })
    const error = kubectl.failure(['apply'], { exitCode: 1, stdout: '', stderr }, 'kubectl apply')
    expect(error.message.split('\n')[1]).toBe(
      'The cluster does not serve this kind: check apiVersion and kind, or install its CustomResourceDefinition (kube-deploy applies the CRDs in the manifests first).'
    )
    expect(error.message).not.toContain('fix the field named above')
  })
})

describe('Kubectl', () => {
  const recording = (result: CommandResult): { runner: CommandRunner; calls: { tool: string; args: string[]; input?: string }[] } => {
    const calls: { tool: string; args: string[]; input?: string }[] = []
    return { calls, runner: async (tool, args, opts) => (calls.push({ tool, args, input: opts?.input }), result) }
  }

  it('runs with the private kubeconfig and a request timeout (15 s unless set), input on stdin', async () => {
    const { runner, calls } = recording({ exitCode: 0, stdout: 'deployment.apps/web configured\n', stderr: '' })
    const kubectl = new Kubectl({ kubectl: 'kubectl', kubeconfig: '/tmp/k/config', runner })
    expect(await kubectl.run(['apply', '-f', '-'], { input: 'kind: List\n' })).toBe('deployment.apps/web configured\n')
    expect(calls).toEqual([{ tool: 'kubectl', args: ['--kubeconfig', '/tmp/k/config', '--request-timeout=15s', 'apply', '-f', '-'], input: 'kind: List\n' }])
    expect(kubectl.kubeconfig).toBe('/tmp/k/config')
  })

  it('a failure is a KubectlError: one line of what failed, then what to do', async () => {
    const kubectl = new Kubectl({ kubectl: 'kubectl', kubeconfig: '/tmp/k/config', runner: recording(fail(STDERR.forbidden)).runner })
    const error = await kubectl.run(['apply', '-f', '-'], { what: 'applying the manifests' }).then(
      () => undefined,
      (e: unknown) => e as KubectlError
    )
    expect(error).toBeInstanceOf(KubectlError)
    expect(error).toBeInstanceOf(UserError)
    expect(error?.kind).toBe('forbidden')
    expect(error?.stderr).toBe(STDERR.forbidden)
    expect(error?.message).toBe(`applying the manifests failed: ${STDERR.forbidden.trim()}\nThe credentials lack a permission: grant the deploying identity the verb and resource named above.`)
  })

  it('long stderr is cut to three lines', async () => {
    const stderr = ['one', 'two', 'three', 'four', 'five'].map((w) => `Error from server (Invalid): ${w} is invalid`).join('\n')
    const error = await new Kubectl({ kubectl: 'kubectl', kubeconfig: 'k', runner: recording(fail(stderr)).runner }).run(['apply']).catch((e: unknown) => e as Error)
    expect((error as Error).message.split('\n')[0]).toBe('kubectl apply failed: Error from server (Invalid): one is invalid / Error from server (Invalid): two is invalid / Error from server (Invalid): three is invalid (+2 more lines)')
  })

  it('getOrNull: the object, null when it does not exist, an error otherwise', async () => {
    const found = new Kubectl({ kubectl: 'kubectl', kubeconfig: 'k', runner: recording(ok({ kind: 'Service', metadata: { name: 'web' } })).runner })
    expect(await found.getOrNull('service', 'web', NS)).toEqual({ kind: 'Service', metadata: { name: 'web' } })
    const missing = new Kubectl({ kubectl: 'kubectl', kubeconfig: 'k', runner: recording(fail('Error from server (NotFound): services "web" not found')).runner })
    expect(await missing.getOrNull('service', 'web', NS)).toBeNull()
    const down = new Kubectl({ kubectl: 'kubectl', kubeconfig: 'k', runner: recording(fail(STDERR.refused)).runner })
    await expect(down.getOrNull('service', 'web', NS)).rejects.toMatchObject({ kind: 'unreachable' })
  })
})

describe('kubectl failures say what the server said, never the patch kubectl printed', () => {
  // kubectl 1.36.2 refusing an apply of a Service and a Secret that already exist (recorded on the local control plane).
  const password = ['hun', 'ter', '3'].join('')
  const STDERR_PATCH = [
    'Error from server (Invalid): error when applying patch:',
    '{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"Service\\"}\\n"}},"spec":{"ports":[{"port":0}]}}',
    'to:',
    'Resource: "/v1, Resource=services", GroupVersionKind: "/v1, Kind=Service"',
    'Name: "web", Namespace: "exp9"',
    'for: "STDIN": error when patching "STDIN": Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    'Error from server (Invalid): error when applying patch:',
    `{"metadata":{},"stringData":{"password":"${password}"},"type":"kubernetes.io/tls"}`,
    'to:',
    'Resource: "/v1, Resource=secrets", GroupVersionKind: "/v1, Kind=Secret"',
    'Name: "s1", Namespace: "exp9"',
    'for: "STDIN": error when patching "STDIN": Secret "s1" is invalid: [type: Invalid value: "kubernetes.io/tls": field is immutable]',
    ''
  ].join('\n')

  it.each([
    [
      'a refused patch of two objects',
      STDERR_PATCH,
      'kubectl apply failed: Error from server (Invalid): Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive / ' +
        'Error from server (Invalid): Secret "s1" is invalid: [type: Invalid value: "kubernetes.io/tls": field is immutable]\nThe cluster rejected a manifest: fix the field named above.'
    ],
    [
      'a refused create',
      'Error from server (Invalid): error when creating "STDIN": Service "bad" is invalid: spec.type: Unsupported value: "Bogus"\n',
      'kubectl apply failed: Error from server (Invalid): Service "bad" is invalid: spec.type: Unsupported value: "Bogus"\nThe cluster rejected a manifest: fix the field named above.'
    ]
  ])('%s', (_name, stderr, message) => {
    const kubectl = new Kubectl({ kubectl: 'kubectl', kubeconfig: '/k' })
    const error = kubectl.failure(['apply'], { exitCode: 1, stdout: '', stderr }, 'kubectl apply')
    expect(error.message).toBe(message)
    expect(error.message).not.toContain(password)
  })
})
