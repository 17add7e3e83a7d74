// Blue-green with kube-deploy and kube-rollback from dist/ against the real local control plane:
// the idle colour comes up beside the live one, the Service selector switches only when it is
// proven, and switches back when it is not.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { freshNamespace, startCluster, type TestCluster } from '../helpers/cluster.js'
import { startHealthServer } from '../helpers/health-servers.js'
import { runKube, WEB_MANIFESTS } from '../helpers/kube-action.js'

let cluster: TestCluster

beforeAll(() => {
  cluster = startCluster()
}, 200_000)

function selectorColor(namespace: string): string | undefined {
  return cluster.json<{ spec: { selector: Record<string, string> } }>(['get', 'service', 'web', '-n', namespace]).spec.selector['sgw.dev/color']
}

function replicas(namespace: string, name: string): { spec: number; image: string } {
  const d = cluster.json<{ spec: { replicas: number; template: { spec: { containers: { image: string }[] } } } }>(['get', 'deployment', name, '-n', namespace])
  return { spec: d.spec.replicas, image: d.spec.template.spec.containers[0].image }
}

const blueGreen = (image: string, extra: Record<string, string> = {}): Record<string, string> => ({ manifests: WEB_MANIFESTS, strategy: 'blue-green', images: `web=${image}`, 'readiness-grace': '5s', ...extra })

describe('kube-deploy, strategy blue-green', () => {
  let ns: string
  beforeAll(() => {
    ns = freshNamespace(cluster, 'bg')
  })

  it('first deploy: blue comes up, then the Service is created pointing at it', async () => {
    const run = await runKube('kube-deploy', cluster, ns, blueGreen('ghcr.io/acme/web:1.0.0'))
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'deployed', revision: 'blue:1', 'previous-revision': '' })
    expect(selectorColor(ns)).toBe('blue')
    expect(cluster.json<{ spec: { selector: Record<string, string> } }>(['get', 'service', 'web', '-n', ns]).spec.selector['app.kubernetes.io/name']).toBe('web')
    expect(run.summary).toContain('| Blue-green | blue deployed, Service switched to blue |')
  }, 120_000)

  it('second deploy: green beside blue, switched; blue kept (keep-previous true)', async () => {
    const run = await runKube('kube-deploy', cluster, ns, blueGreen('ghcr.io/acme/web:1.1.0'))
    expect(run.outputs).toMatchObject({ result: 'deployed', revision: 'green:1', 'previous-revision': 'blue:1' })
    expect(selectorColor(ns)).toBe('green')
    expect(replicas(ns, 'web-blue')).toEqual({ spec: 2, image: 'ghcr.io/acme/web:1.0.0' })
    expect(replicas(ns, 'web-green')).toEqual({ spec: 2, image: 'ghcr.io/acme/web:1.1.0' })
  }, 120_000)

  it('a broken idle colour never gets traffic: the Service stays, the idle colour returns to its recorded state', async () => {
    const run = await runKube('kube-deploy', cluster, ns, blueGreen('ghcr.io/acme/web:crashloop'))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('rolled-back')
    expect(run.outputs.reason).toMatch(/deployment\/web-blue: pod web-blue-.* CrashLoopBackOff/)
    expect(run.outputs).toMatchObject({ revision: 'green:1', 'previous-revision': 'green:1' })
    expect(selectorColor(ns)).toBe('green')
    // blue was kept as the previous version (keep-previous true): it is that again, ready for a switch back.
    expect(replicas(ns, 'web-blue')).toEqual({ spec: 2, image: 'ghcr.io/acme/web:1.0.0' })
    expect(replicas(ns, 'web-green')).toEqual({ spec: 2, image: 'ghcr.io/acme/web:1.1.0' })
    expect(run.summary).toContain('Service not switched')
    expect(run.summary).toContain('deployment/web-blue: pod template of revision 1 restored (web=ghcr.io/acme/web:1.0.0)')
  }, 120_000)

  it('keep-previous false scales the old colour to zero after a good switch; kube-rollback brings it back and switches', async () => {
    const run = await runKube('kube-deploy', cluster, ns, blueGreen('ghcr.io/acme/web:1.2.0', { 'keep-previous': 'false' }))
    expect(run.outputs).toMatchObject({ result: 'deployed', 'previous-revision': 'green:1' })
    expect(run.outputs.reason).toBe('blue is live (green scaled to zero)')
    expect(selectorColor(ns)).toBe('blue')
    expect(replicas(ns, 'web-green').spec).toBe(0)

    const back = await runKube('kube-rollback', cluster, ns, { service: 'web' })
    expect(back.exitCode).toBe(0)
    expect(back.outputs).toMatchObject({ result: 'rolled-back', 'previous-revision': 'blue', revision: 'green', images: 'web=ghcr.io/acme/web:1.1.0' })
    expect(selectorColor(ns)).toBe('green')
    expect(replicas(ns, 'web-green')).toEqual({ spec: 2, image: 'ghcr.io/acme/web:1.1.0' })
    expect(back.summary).toContain('service/web switched from blue to green')
  }, 120_000)

  it('a failure after the switch switches back first, then scales the failed colour down', async () => {
    // The idle colour passes its preview check; after the switch the live URL fails.
    const preview = await startHealthServer({ status: 200, body: { status: 'ok' } })
    const live = await startHealthServer({ status: 500, body: 'upstream error' })
    try {
      const run = await runKube('kube-deploy', cluster, ns, blueGreen('ghcr.io/acme/web:1.3.0', { 'preview-url': `${preview.url}/healthz`, 'health-url': `${live.url}/healthz`, 'health-checks': '2', 'health-interval': '200ms', 'failure-limit': '0' }))
      expect(run.exitCode).toBe(1)
      expect(run.outputs.result).toBe('rolled-back')
      expect(run.outputs.reason).toMatch(/^health check failed 1 time\(s\) \(failure-limit 0\): http: HTTP 500, expected 200: upstream error/)
      expect(run.outputs.revision).toBe('green:1')
      expect(preview.count()).toBe(2)
      expect(live.count()).toBe(1)
      expect(selectorColor(ns)).toBe('green')
      // blue goes back to what it ran before this deploy (1.2.0, kept running by the switch back to green).
      expect(replicas(ns, 'web-blue')).toEqual({ spec: 2, image: 'ghcr.io/acme/web:1.2.0' })
      expect(replicas(ns, 'web-green')).toEqual({ spec: 2, image: 'ghcr.io/acme/web:1.1.0' })
      expect(run.summary).toContain('Service switched to blue, switched back to green')
      expect(run.summary).toContain('- service/web: switched back to green')
    } finally {
      await preview.close()
      await live.close()
    }
  }, 120_000)

  it('blue-green refuses what it cannot colour, with a line that says what to do', async () => {
    const run = await runKube('kube-deploy', cluster, ns, { manifests: `${WEB_MANIFESTS}/deployment.yaml`, strategy: 'blue-green' })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0].message).toBe("strategy blue-green needs a Service in the manifests whose selector matches a Deployment's pod labels; it is what switches from one colour to the other.")
  }, 60_000)
})
