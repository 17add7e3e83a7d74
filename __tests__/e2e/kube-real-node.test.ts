// kube-deploy and kube-rollback from dist/ on a real node (scripts/real-node.sh): containerd and a
// kubelet run the example service's images (examples/web), pulled from a loopback registry with
// basic auth; kube-proxy makes the Service reach the pods from this machine; a real Prometheus
// scrapes the pods. The bad releases are real images: one exits at start, one never becomes
// ready, one is ready but unhealthy.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { freshNamespace, startCluster, type TestCluster } from '../helpers/cluster.js'
import { runKube, type KubeRun } from '../helpers/kube-action.js'
import { get, getWhenServed, inSlash24, promQuery, startPrometheus, startRealNode, WEB_REAL_NODE, type PrometheusProcess, type RealNode } from '../helpers/real-node.js'

let cluster: TestCluster
let node: RealNode

beforeAll(() => {
  cluster = startCluster()
  node = startRealNode(cluster)
}, 400_000)

interface PodList {
  items: {
    metadata: { name: string }
    spec: { nodeName?: string }
    status: { podIP?: string; containerStatuses?: { imageID: string; ready: boolean; restartCount: number }[] }
  }[]
}

function imageOf(namespace: string, name = 'web'): string {
  return cluster.json<{ spec: { template: { spec: { containers: { image: string }[] } } } }>(['get', 'deployment', name, '-n', namespace]).spec.template.spec
    .containers[0].image
}

function clusterIp(namespace: string, service = 'web'): string {
  return cluster.json<{ spec: { clusterIP: string } }>(['get', 'service', service, '-n', namespace]).spec.clusterIP
}

/** Requests a URL every 100 ms until stopped; what each answer was. */
function probeWhile(url: string): { stop(): Promise<string[]> } {
  const answers: string[] = []
  let running = true
  const loop = (async () => {
    while (running) {
      const r = await get(url)
      answers.push('error' in r ? `error ${r.error}` : `${r.status} ${r.body}`)
      await new Promise((res) => setTimeout(res, 100))
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
      return answers
    }
  }
}

const deploy = (namespace: string, tag: string, extra: Record<string, string> = {}): Promise<KubeRun> =>
  runKube('kube-deploy', cluster, namespace, {
    kustomize: WEB_REAL_NODE,
    images: `web=${node.image(tag)}`,
    timeout: '2m',
    'readiness-grace': '20s',
    ...extra
  })

describe('kube-deploy on real pods', () => {
  let ns: string
  beforeAll(() => {
    ns = freshNamespace(cluster, 'real')
    node.pullSecret(ns)
  })

  it('deploys the image from the registry: real pods on the real node, the Service answers with the version', async () => {
    const run = await deploy(ns, '1.0.0')
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'deployed', revision: '1' })
    const pods = cluster.json<PodList>(['get', 'pods', '-n', ns, '-l', 'app.kubernetes.io/name=web'])
    expect(pods.items).toHaveLength(2)
    for (const pod of pods.items) {
      expect(pod.spec.nodeName).toBe(node.name)
      expect(inSlash24(pod.status.podIP ?? '', node.podCidr)).toBe(true)
      // Pulled from the registry: the kubelet reports the digest that web-images.sh pushed.
      expect(pod.status.containerStatuses?.[0].imageID).toContain(node.digests['1.0.0'])
      expect(await get(`http://${pod.status.podIP}:8080/version`)).toEqual({ status: 200, body: '1.0.0' })
    }
    expect(await getWhenServed(`http://${clusterIp(ns)}/version`, { status: 200, body: '1.0.0' })).toEqual({ status: 200, body: '1.0.0' })
  }, 150_000)

  it('an image that exits at start is caught at its first exit and rolled back; the old pods answer throughout', async () => {
    const probe = probeWhile(`http://${clusterIp(ns)}/`)
    const started = Date.now()
    const run = await deploy(ns, '2.0.0-crash', { 'health-url': `http://${clusterIp(ns)}/healthz` })
    const elapsed = (Date.now() - started) / 1000
    const answers = await probe.stop()
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('rolled-back')
    // The first terminated container decides (exit code 3 of WEB_MODE=crash), not the back-off.
    expect(run.outputs.reason).toMatch(/container web Crashed \(exited with code 3 \(Error\) and is not ready\)/)
    expect(Number(run.outputs['duration-seconds'])).toBeLessThan(10)
    expect(elapsed).toBeLessThan(30)
    expect(imageOf(ns)).toBe(node.image('1.0.0'))
    expect(answers.length).toBeGreaterThan(5)
    expect(answers.filter((a) => a !== '200 web 1.0.0')).toEqual([])
    expect(run.summary).toContain('Crashed')
  }, 150_000)

  it('an image that never becomes ready is rolled back after the readiness grace', async () => {
    const run = await deploy(ns, '2.0.0-unready', { 'readiness-grace': '5s' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('rolled-back')
    expect(run.outputs.reason).toMatch(/NotReady \(not Ready for [5-9]s/)
    expect(imageOf(ns)).toBe(node.image('1.0.0'))
    expect(await getWhenServed(`http://${clusterIp(ns)}/version`, { status: 200, body: '1.0.0' })).toEqual({ status: 200, body: '1.0.0' })
  }, 150_000)

  it('a ready but unhealthy release fails the HTTP health check through its Service and is rolled back', async () => {
    const run = await deploy(ns, '2.0.0-errors', {
      'health-url': `http://${clusterIp(ns)}/healthz`,
      'health-checks': '3',
      'health-interval': '1s',
      'failure-limit': '1'
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('rolled-back')
    expect(run.outputs.reason).toMatch(/HTTP 500/)
    expect(imageOf(ns)).toBe(node.image('1.0.0'))
    expect(await getWhenServed(`http://${clusterIp(ns)}/healthz`, { status: 200, body: 'ok' })).toEqual({ status: 200, body: 'ok' })
  }, 150_000)

  it('a good release passes the health check through the Service; kube-rollback returns to the previous one', async () => {
    const run = await deploy(ns, '2.0.0', { 'health-url': `http://${clusterIp(ns)}/healthz`, 'health-checks': '3', 'health-interval': '1s', 'failure-limit': '2' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('deployed')
    expect(await getWhenServed(`http://${clusterIp(ns)}/version`, { status: 200, body: '2.0.0' })).toEqual({ status: 200, body: '2.0.0' })
    const back = await runKube('kube-rollback', cluster, ns, { workloads: 'deployment/web', timeout: '2m' })
    expect(back.exitCode).toBe(0)
    expect(back.outputs.result).toBe('rolled-back')
    expect(imageOf(ns)).toBe(node.image('1.0.0'))
    expect(await getWhenServed(`http://${clusterIp(ns)}/version`, { status: 200, body: '1.0.0' })).toEqual({ status: 200, body: '1.0.0' })
  }, 150_000)
})

describe('blue-green on real pods: the Service switches only to a proven colour, and back', () => {
  let ns: string
  beforeAll(() => {
    ns = freshNamespace(cluster, 'realbg')
    node.pullSecret(ns)
  })
  const blueGreen = (tag: string, extra: Record<string, string> = {}) => deploy(ns, tag, { strategy: 'blue-green', 'readiness-grace': '10s', ...extra })
  const selectorColor = () => cluster.json<{ spec: { selector: Record<string, string> } }>(['get', 'service', 'web', '-n', ns]).spec.selector['sgw.dev/color']

  it('blue serves 1.0.0, green 2.0.0 after the switch; a green that fails its health check after the switch is switched back', async () => {
    const first = await blueGreen('1.0.0')
    expect(first.outputs).toMatchObject({ result: 'deployed', revision: 'blue:1' })
    // The Service was created at the switch: kube-proxy programs it moments later.
    expect(await getWhenServed(`http://${clusterIp(ns)}/version`, { status: 200, body: '1.0.0' })).toEqual({ status: 200, body: '1.0.0' })
    const second = await blueGreen('2.0.0')
    expect(second.outputs).toMatchObject({ result: 'deployed', revision: 'green:1' })
    expect(selectorColor()).toBe('green')
    expect(await getWhenServed(`http://${clusterIp(ns)}/version`, { status: 200, body: '2.0.0' })).toEqual({ status: 200, body: '2.0.0' })
    // blue now takes the bad release; it is ready (its readiness probe passes), the switch happens,
    // and the health check through the Service sees the 500s of the new colour.
    const probe = probeWhile(`http://${clusterIp(ns)}/version`)
    const bad = await blueGreen('2.0.0-errors', { 'health-url': `http://${clusterIp(ns)}/healthz`, 'health-checks': '3', 'health-interval': '1s', 'failure-limit': '0' })
    const answers = await probe.stop()
    expect(bad.exitCode).toBe(1)
    expect(bad.outputs.result).toBe('rolled-back')
    expect(bad.outputs.reason).toMatch(/HTTP 500/)
    expect(selectorColor()).toBe('green')
    expect(await getWhenServed(`http://${clusterIp(ns)}/version`, { status: 200, body: '2.0.0' })).toEqual({ status: 200, body: '2.0.0' })
    // The version endpoint answered throughout, from one colour or the other.
    expect(answers.filter((a) => !/^200 2\.0\.0$/.test(a))).toEqual([])
  }, 240_000)
})

describe('kube-deploy with a Prometheus check fed by the pods', () => {
  let ns: string
  let prometheus: PrometheusProcess
  beforeAll(async () => {
    ns = freshNamespace(cluster, 'prom')
    node.pullSecret(ns)
    prometheus = await startPrometheus(cluster, ns, cluster.portBase + 14)
  }, 60_000)
  afterAll(async () => {
    await prometheus?.stop()
  })

  // Unhealthy pods in the namespace, from the pods' own web_healthy gauge (0 in WEB_MODE=errors).
  const query = (namespace: string): string => `sum(1 - web_healthy{namespace="${namespace}"}) or vector(0)`

  it('a release whose pods report themselves unhealthy is rolled back by the Prometheus check', async () => {
    const good = await deploy(ns, '1.0.0')
    expect(good.exitCode).toBe(0)
    const checks = { 'prometheus-url': prometheus.url, 'prometheus-query': query(ns), 'prometheus-max': '0', 'health-checks': '4', 'health-interval': '2s', 'failure-limit': '0' }
    const bad = await deploy(ns, '2.0.0-errors', checks)
    expect(bad.exitCode).toBe(1)
    expect(bad.outputs.result).toBe('rolled-back')
    expect(bad.outputs.reason).toMatch(/prometheus/i)
    expect(imageOf(ns)).toBe(node.image('1.0.0'))
    // Prometheus scrapes the pods themselves: the errors release was Ready, so its rollout replaced
    // the old pods, and the rollback made new 1.0.0 pods; they show up within a few scrapes, and the
    // unhealthy ones go stale.
    const deadline = Date.now() + 20_000
    let seen: [number | undefined, number | undefined] = [undefined, undefined]
    while (Date.now() < deadline) {
      seen = [
        await promQuery(prometheus.url, `count(web_build_info{namespace="${ns}",version="1.0.0"})`),
        await promQuery(prometheus.url, `count(web_healthy{namespace="${ns}"} == 0)`)
      ]
      if (seen[0] === 2 && seen[1] === undefined) break
      await new Promise((r) => setTimeout(r, 500))
    }
    expect(seen).toEqual([2, undefined])
  }, 180_000)
})
