// Pod statuses a real kubelet wrote (scripts/real-node.sh, containerd 1.6, kubelet 1.36.2), captured
// with `kubectl get pods -o json` every 200 ms while examples/web crashed at start (WEB_MODE=crash,
// exit code 3), ran, and never became ready (WEB_MODE=unready). The order is the one the API showed:
// creating -> first exit -> restarted and running -> second exit -> CrashLoopBackOff.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { Kubectl, type ChangeWatcher } from '../../actions/lib/kube/kubectl.js'
import { crashedBeforeReady, FirstSeen, podProblems, type Pod, type RolloutOptions } from '../../actions/lib/kube/rollout.js'
import { waitForEndpoints } from '../../actions/lib/kube/strategies/blue-green.js'
import { Wakeup } from '../../actions/lib/kube/watch.js'
import { fixture } from '../helpers/tools.js'
import { fakeClock } from '../helpers/unit.js'

const pod = (name: string): Pod => JSON.parse(readFileSync(fixture('kube-real', `${name}.json`), 'utf8')) as Pod
const options: RolloutOptions = { readinessGrace: 60, maxRestarts: 3 }
const problems = (name: string, now = 0, memory = new FirstSeen()) => podProblems(pod(name), options, memory, now)

describe('a crash at start, as the real kubelet reports it', () => {
  it('nothing while the container is being created', () => {
    expect(problems('crash-01-creating')).toEqual([])
  })

  it('the first exit decides, before any restart or back-off', () => {
    const p = pod('crash-02-first-exit')
    expect(p.status?.containerStatuses?.[0].restartCount).toBe(0)
    expect(problems('crash-02-first-exit')).toEqual([
      expect.objectContaining({ container: 'web', reason: 'Crashed', message: 'exited with code 3 (Error) and is not ready', restarts: 0 })
    ])
  })

  it('restarted and running again (started, not ready): not yet judged on its own', () => {
    expect(crashedBeforeReady(pod('crash-03-restarted-running').status!.containerStatuses![0], false)).toBeUndefined()
  })

  it('the second exit is a crash again; CrashLoopBackOff keeps the kubelet\'s own reason and message', () => {
    expect(problems('crash-04-second-exit')).toEqual([expect.objectContaining({ reason: 'Crashed', restarts: 1 })])
    expect(problems('crash-05-crash-loop-back-off')).toEqual([
      expect.objectContaining({ reason: 'CrashLoopBackOff', message: expect.stringMatching(/^back-off 10s restarting failed container=web/), lastExit: 'exit 3 Error' })
    ])
  })

  it('a ready pod and a running-but-unready pod within its grace are not problems', () => {
    expect(problems('good-ready')).toEqual([])
    const memory = new FirstSeen()
    expect(problems('unready-running', 0, memory)).toEqual([])
    expect(problems('unready-running', 61_000, memory)).toEqual([expect.objectContaining({ reason: 'NotReady' })])
  })
})

describe('crashedBeforeReady', () => {
  const status = (over: object) => ({ name: 'c', ready: false, restartCount: 0, ...over })
  it('an init container that completes (exit 0) is not a crash; one that fails is', () => {
    expect(crashedBeforeReady(status({ state: { terminated: { exitCode: 0, reason: 'Completed' } } }), true)).toBeUndefined()
    expect(crashedBeforeReady(status({ state: { terminated: { exitCode: 1, reason: 'Error' } } }), true)).toEqual({ exitCode: 1, reason: 'Error' })
  })
  it('an app container that exits 0 under restartPolicy Always is restarted all the same: a crash; under OnFailure it is done', () => {
    expect(crashedBeforeReady(status({ state: { terminated: { exitCode: 0, reason: 'Completed' } } }), false)).toEqual({ exitCode: 0, reason: 'Completed' })
    expect(crashedBeforeReady(status({ state: { terminated: { exitCode: 0, reason: 'Completed' } } }), false, 'OnFailure')).toBeUndefined()
  })
  it('a ready container is never a crash, whatever its last state says', () => {
    expect(crashedBeforeReady(status({ ready: true, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }), false)).toBeUndefined()
  })
})

describe('pod changes wake the rollout watch', () => {
  it('Wakeup: a notification cuts the poll interval short, a burst costs one short pause', async () => {
    const clock = fakeClock()
    const wake = new Wakeup(clock)
    await wake.sleep(1000)
    expect(clock.sleeps).toEqual([1000])
    wake.notify()
    wake.notify()
    await wake.sleep(1000)
    expect(clock.sleeps).toEqual([1000, Wakeup.MIN_POLL_MS])
  })

  it('watchChanges streams pods of the namespace and selector with kubectl, no request timeout; none under a fake runner', () => {
    const calls: string[][] = []
    let change: (() => void) | undefined
    const watcher: ChangeWatcher = (tool, args, onChange) => {
      calls.push([tool, ...args])
      change = onChange
      return () => calls.push(['stopped'])
    }
    const kubectl = new Kubectl({ kubectl: 'kubectl', kubeconfig: '/k', watcher })
    let changes = 0
    const stop = kubectl.watchChanges('pods', 'shop', 'app=web', () => changes++)
    change?.()
    stop()
    expect(changes).toBe(1)
    expect(calls).toEqual([
      ['kubectl', '--kubeconfig', '/k', '--request-timeout=0', 'get', 'pods', '-n', 'shop', '-l', 'app=web', '--watch-only', '-o', 'name'],
      ['stopped']
    ])
    // Under a fake runner (unit tests of the watch) nothing is spawned and nothing is ever called.
    let runs = 0
    const fake = new Kubectl({ kubectl: 'kubectl', kubeconfig: '/k', runner: async () => (runs++, { exitCode: 0, stdout: '', stderr: '' }) })
    fake.watchChanges('pods', 'shop', 'app=web', () => changes++)()
    expect([runs, changes]).toEqual([0, 1])
  })
})

describe('waitForEndpoints: the health check after a blue-green switch meets the new colour', () => {
  // EndpointSlice (discovery.k8s.io/v1) and Pod lists in the shapes `kubectl get -o json` prints.
  const slice = (pods: string[], ready = true) => ({ items: [{ endpoints: pods.map((name) => ({ conditions: { ready }, targetRef: { kind: 'Pod', name } })) }] })
  const pods = (names: string[]) => ({ items: names.map((name) => ({ metadata: { name }, status: { conditions: [{ type: 'Ready', status: 'True' }] } })) })
  const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web', 'sgw.dev/color': 'green' } } }

  function fake(answers: { slices: object; pods: object }[]) {
    const calls: string[][] = []
    let i = 0
    const kubectl = new Kubectl({
      kubectl: 'kubectl',
      kubeconfig: '/k',
      runner: async (_tool, args) => {
        calls.push(args)
        const a = answers[Math.min(Math.floor(i++ / 2), answers.length - 1)]
        return { exitCode: 0, stdout: JSON.stringify(args.includes('endpointslices') ? a.slices : a.pods), stderr: '' }
      }
    })
    return { kubectl, calls }
  }

  it('waits while the endpoints still list the old colour, then goes on', async () => {
    const { kubectl, calls } = fake([
      { slices: slice(['web-blue-a', 'web-blue-b']), pods: pods(['web-green-a', 'web-green-b']) },
      { slices: slice(['web-green-a', 'web-green-b']), pods: pods(['web-green-a', 'web-green-b']) }
    ])
    const clock = fakeClock()
    expect(await waitForEndpoints(kubectl, [service as never], 'shop', clock)).toEqual([])
    expect(clock.sleeps).toEqual([250])
    expect(calls[0]).toEqual(expect.arrayContaining(['get', 'endpointslices', '-n', 'shop', '-l', 'kubernetes.io/service-name=web']))
    expect(calls[1]).toEqual(expect.arrayContaining(['get', 'pods', '-n', 'shop', '-l', 'app=web,sgw.dev/color=green']))
  })

  it('gives up after the timeout with a warning that says what it saw', async () => {
    const { kubectl } = fake([{ slices: slice(['web-blue-a']), pods: pods(['web-green-a']) }])
    const warnings = await waitForEndpoints(kubectl, [service as never], 'shop', fakeClock(), 1000)
    expect(warnings).toEqual(['service/web: endpoints not on the new colour after 1s (1 endpoint(s) routed, 1 ready pod(s) of the new colour)'])
  })
})
