// actions/kube-deploy from dist/ under Node 24 against a real control plane (etcd, kube-apiserver,
// controller-manager, scheduler; KWOK nodes): deploys, fail-fast rollbacks, credentials.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { credentialsOf, freshNamespace, startCluster, type TestCluster } from '../helpers/cluster.js'
import { leftBehind, runKube, WEB_MANIFESTS, type KubeRun } from '../helpers/kube-action.js'
import { startHealthServer, startPrometheusServer, type HealthServer, type PrometheusServer } from '../helpers/health-servers.js'
import { maskedValues, visibleText } from '../helpers/run-action.js'

let cluster: TestCluster
const runs: KubeRun[] = []

beforeAll(() => {
  cluster = startCluster()
}, 200_000)

async function deploy(namespace: string, inputs: Record<string, string>, kubeconfig?: string): Promise<KubeRun> {
  const run = await runKube('kube-deploy', cluster, namespace, { manifests: WEB_MANIFESTS, ...inputs }, { kubeconfig })
  runs.push(run)
  return run
}

interface Deployment {
  metadata: { annotations: Record<string, string>; generation: number }
  spec: { template: { spec: { containers: { name: string; image: string }[] } } }
  status: { updatedReplicas?: number; availableReplicas?: number; replicas?: number }
}

function deployment(namespace: string, name = 'web'): Deployment {
  return cluster.json<Deployment>(['get', 'deployment', name, '-n', namespace])
}

const imageOf = (d: Deployment): string => d.spec.template.spec.containers[0].image

describe('kube-deploy, rolling', () => {
  let ns: string
  beforeAll(() => {
    ns = freshNamespace(cluster, 'roll')
  })

  it('deploys, then upgrades: revisions advance and the summary says what went where', async () => {
    const first = await deploy(ns, { images: 'web=ghcr.io/acme/web:1.0.0' })
    expect(first.exitCode).toBe(0)
    expect(first.outputs).toMatchObject({ result: 'deployed', revision: '1', 'previous-revision': '', images: 'web=ghcr.io/acme/web:1.0.0' })
    const second = await deploy(ns, { images: 'web=ghcr.io/acme/web:1.1.0' })
    expect(second.exitCode).toBe(0)
    expect(second.outputs).toMatchObject({ result: 'deployed', revision: '2', 'previous-revision': '1', 'rollback-seconds': '' })
    const d = deployment(ns)
    expect(imageOf(d)).toBe('ghcr.io/acme/web:1.1.0')
    expect(d.status.availableReplicas).toBe(2)
    expect(second.summary).toContain('✅ Deployed')
    expect(second.summary).toMatch(/`deployment\/web` \| 1 \| 2 \| `web=ghcr.io\/acme\/web:1.0.0` \| `web=ghcr.io\/acme\/web:1.1.0`/)
    expect(second.summary).toContain(`\`${ns}\``)
  }, 120_000)

  it('a crash-looping image is rolled back to the last good revision, healthy within 30 s of the apply', async () => {
    const run = await deploy(ns, { images: 'web=ghcr.io/acme/web:crashloop' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('rolled-back')
    expect(run.outputs.reason).toMatch(/CrashLoopBackOff/)
    expect(run.outputs['previous-revision']).toBe('2')
    const d = deployment(ns)
    expect(imageOf(d)).toBe('ghcr.io/acme/web:1.1.0')
    expect(d.status).toMatchObject({ updatedReplicas: 2, availableReplicas: 2, replicas: 2 })
    // The recorded revision's template came back (as a new revision number, as kubectl rollout undo does).
    expect(Number(d.metadata.annotations['deployment.kubernetes.io/revision'])).toBe(4)
    expect(run.outputs.revision).toBe('4')
    // The whole step (record, apply, watch, rollback, healthy again) within the 30 s requirement;
    // a plain `kubectl rollout status` would wait for the 600 s progress deadline.
    expect(Number(run.outputs['duration-seconds'])).toBeLessThanOrEqual(30)
    expect(Number(run.outputs['rollback-seconds'])).toBeGreaterThanOrEqual(0)
    expect(run.summary).toContain('↩️ Rolled back')
    expect(run.summary).toMatch(/\| `web-[a-z0-9]+-[a-z0-9]+` \| web \| \*\*CrashLoopBackOff\*\* \|/)
    expect(run.summary).toContain('pod template of revision 2 restored (web=ghcr.io/acme/web:1.1.0)')
    expect(run.annotations.some((a) => a.level === 'error' && /Rolled back: .*CrashLoopBackOff/.test(a.message))).toBe(true)
  }, 120_000)

  it('after a failed deploy, the next failure still returns to the last GOOD revision, not the previous one', async () => {
    const run = await deploy(ns, { images: 'web=ghcr.io/acme/web:unready', 'readiness-grace': '4s' })
    expect(run.outputs.result).toBe('rolled-back')
    expect(run.outputs.reason).toMatch(/not Ready for \d+s \(readiness-grace 4s\)/)
    expect(imageOf(deployment(ns))).toBe('ghcr.io/acme/web:1.1.0')
    expect(Number(run.outputs['duration-seconds'])).toBeGreaterThanOrEqual(4)
  }, 120_000)

  it('an image that cannot be pulled fails fast (ImagePullBackOff), long before the timeout', async () => {
    const run = await deploy(ns, { images: 'web=ghcr.io/acme/web:pullerror', timeout: '5m' })
    expect(run.outputs.result).toBe('rolled-back')
    expect(run.outputs.reason).toMatch(/container web ImagePullBackOff \(Back-off pulling image "ghcr.io\/acme\/web:pullerror"/)
    expect(run.summary).toContain('Failed: Failed to pull image')
    expect(imageOf(deployment(ns))).toBe('ghcr.io/acme/web:1.1.0')
    expect(Number(run.outputs['duration-seconds'])).toBeLessThanOrEqual(30)
  }, 120_000)

  it('a rollout that does not finish within the timeout is rolled back', async () => {
    const run = await deploy(ns, { images: 'web=ghcr.io/acme/web:unready', 'readiness-grace': '600s', timeout: '6s' })
    expect(run.outputs.result).toBe('rolled-back')
    expect(run.outputs.reason).toMatch(/not rolled out within the timeout of 6s/)
    expect(imageOf(deployment(ns))).toBe('ghcr.io/acme/web:1.1.0')
  }, 120_000)

  it('rollback-on-failure false leaves the failed revision and says so', async () => {
    const ns2 = freshNamespace(cluster, 'norb')
    expect((await deploy(ns2, {})).outputs.result).toBe('deployed')
    const run = await deploy(ns2, { images: 'web=ghcr.io/acme/web:crashloop', 'rollback-on-failure': 'false' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(imageOf(deployment(ns2))).toBe('ghcr.io/acme/web:crashloop')
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(/Not rolled back \(rollback-on-failure is false\)/)
  }, 120_000)

  it('a first deploy that fails removes what it created (there is no good revision to return to)', async () => {
    const ns2 = freshNamespace(cluster, 'first')
    const run = await deploy(ns2, { images: 'web=ghcr.io/acme/web:crashloop' })
    expect(run.outputs.result).toBe('rolled-back')
    expect(run.summary).toContain('deployment/web: removed (it did not exist before this deploy)')
    expect(cluster.kubectl(['get', 'deployments', '-n', ns2, '-o', 'name']).trim()).toBe('')
  }, 120_000)

  it('kustomize and a server-side dry run', async () => {
    const ns2 = freshNamespace(cluster, 'kust')
    const dry = await runKube('kube-deploy', cluster, ns2, { kustomize: WEB_MANIFESTS, 'dry-run': 'true' })
    runs.push(dry)
    expect(dry.exitCode).toBe(0)
    expect(dry.outputs.result).toBe('dry-run')
    expect(cluster.kubectl(['get', 'deployments', '-n', ns2, '-o', 'name']).trim()).toBe('')
    const real = await runKube('kube-deploy', cluster, ns2, { kustomize: WEB_MANIFESTS, images: 'web=ghcr.io/acme/web:2.0.0' })
    runs.push(real)
    expect(real.outputs.result).toBe('deployed')
    const d = cluster.json<{ metadata: { labels: Record<string, string> } }>(['get', 'deployment', 'web', '-n', ns2])
    expect(d.metadata.labels['app.kubernetes.io/part-of']).toBe('acme')
  }, 120_000)
})

describe('kube-deploy, StatefulSets, DaemonSets and the progress deadline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sgw-sts-'))
  const stateful = join(dir, 'stateful.yaml')
  writeFileSync(
    stateful,
    [
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  replicas: 2\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: "postgres:16"}]}\n',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec:\n      containers: [{name: agent, image: "agent:1.0"}]\n'
    ].join('---\n')
  )
  const template = (ns: string, kind: string, name: string): string => cluster.kubectl(['get', kind, name, '-n', ns, '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])

  it('rolls a StatefulSet and a DaemonSet out, and both back when the StatefulSet crash-loops', async () => {
    const ns = freshNamespace(cluster, 'sts')
    expect((await deploy(ns, { manifests: stateful, images: 'db=postgres:16.1\nagent=agent:1.1' })).outputs.result).toBe('deployed')
    const good = await deploy(ns, { manifests: stateful, images: 'db=postgres:16.2\nagent=agent:1.2' })
    expect(good.outputs.result).toBe('deployed')
    expect(good.outputs.revision).toMatch(/^statefulset\/db=db-[a-z0-9]+,daemonset\/agent=2$/)
    const bad = await deploy(ns, { manifests: stateful, images: 'db=postgres:crashloop\nagent=agent:1.3' })
    expect(bad.outputs.result).toBe('rolled-back')
    expect(bad.outputs.reason).toMatch(/^statefulset\/db: pod db-1 container db CrashLoopBackOff/)
    expect(template(ns, 'statefulset', 'db')).toBe('postgres:16.2')
    expect(template(ns, 'daemonset', 'agent')).toBe('agent:1.2')
    const sts = cluster.json<{ status: { readyReplicas: number; currentRevision: string; updateRevision: string } }>(['get', 'statefulset', 'db', '-n', ns])
    expect(sts.status.readyReplicas).toBe(2)
    expect(sts.status.currentRevision).toBe(sts.status.updateRevision)
  }, 120_000)

  it('ProgressDeadlineExceeded fails the rollout when the Deployment says so', async () => {
    const ns = freshNamespace(cluster, 'pdl')
    const file = join(dir, 'deadline.yaml')
    writeFileSync(file, readFileSync(join(WEB_MANIFESTS, 'deployment.yaml'), 'utf8').replace('  replicas: 2\n', '  replicas: 2\n  progressDeadlineSeconds: 4\n'))
    expect((await deploy(ns, { manifests: file })).outputs.result).toBe('deployed')
    const run = await deploy(ns, { manifests: file, images: 'web=ghcr.io/acme/web:unready', 'readiness-grace': '10m' })
    expect(run.outputs.result).toBe('rolled-back')
    expect(run.outputs.reason).toMatch(/^deployment\/web: ProgressDeadlineExceeded \(ReplicaSet "web-[a-z0-9]+" has timed out progressing\.\)/)
    expect(imageOf(deployment(ns))).toBe('ghcr.io/acme/web:1.0.0')
  }, 120_000)

  it('exports KUBECONFIG for later steps only when export-kubeconfig is true', async () => {
    const ns = freshNamespace(cluster, 'exp')
    const envFile = (run: KubeRun): string => readFileSync(join(dirname(run.runnerTemp), 'env'), 'utf8')
    const quiet = await deploy(ns, {})
    expect(envFile(quiet)).not.toContain('KUBECONFIG')
    const exported = await deploy(ns, { 'export-kubeconfig': 'true' })
    expect(envFile(exported)).toContain(`KUBECONFIG<<`)
    expect(envFile(exported)).toContain(exported.kubeconfigPath)
    expect(exported.kubeconfigPath.startsWith(exported.runnerTemp)).toBe(true)
  }, 120_000)
})

describe('kube-deploy, health analysis after the rollout', () => {
  let ns: string
  let app: HealthServer
  let prometheus: PrometheusServer
  const QUERY = 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))'
  const PROM_TOKEN = ['prom', 'tok', 'Q2x9Vb7Lm4'].join('-')
  beforeAll(async () => {
    ns = freshNamespace(cluster, 'health')
    app = await startHealthServer()
    prometheus = await startPrometheusServer({ token: PROM_TOKEN })
  })
  afterAll(async () => {
    await app.close()
    await prometheus.close()
  })
  const health = (extra: Record<string, string> = {}): Record<string, string> => ({
    'health-url': `${app.url}/healthz`,
    'health-json-path': 'status',
    'health-json-value': 'ok',
    'health-checks': '2',
    'health-interval': '300ms',
    'failure-limit': '1',
    'prometheus-url': prometheus.url,
    'prometheus-query': QUERY,
    'prometheus-max': '0.01',
    'prometheus-token': PROM_TOKEN,
    ...extra
  })

  it('deploys when the HTTP check and the Prometheus query pass for consecutive rounds', async () => {
    app.setResponse({ status: 200, body: { status: 'ok' } })
    prometheus.set(QUERY, 0.002)
    const before = app.count()
    const run = await deploy(ns, { images: 'web=ghcr.io/acme/web:1.0.0', ...health() })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('deployed')
    expect(run.outputs.reason).toBe('deployment/web rolled out and passed the health analysis')
    expect(app.count() - before).toBe(2)
    expect(prometheus.queries.at(-1)).toMatchObject({ method: 'POST', query: QUERY, authorization: `Bearer ${PROM_TOKEN}` })
    expect(run.summary).toMatch(/\| 2 \| prometheus \| ✅ 0.002 &lt;= 0.01 \|/)
    expect(visibleText(run)).not.toContain(PROM_TOKEN)
  }, 120_000)

  it('rolls back when the HTTP check fails more often than the failure limit', async () => {
    app.setResponse({ status: 503, body: { status: 'degraded' } })
    const run = await deploy(ns, { images: 'web=ghcr.io/acme/web:1.1.0', ...health() })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('rolled-back')
    expect(run.outputs.reason).toMatch(/^health check failed 2 time\(s\) \(failure-limit 1\): http: HTTP 503, expected 200/)
    expect(imageOf(deployment(ns))).toBe('ghcr.io/acme/web:1.0.0')
    expect(run.summary).toContain('- Health (after the rollout): ❌')
    app.setResponse({ status: 200, body: { status: 'ok' } })
  }, 120_000)

  it('rolls back when the SLO query goes over prometheus-max', async () => {
    prometheus.set(QUERY, 0.2)
    const run = await deploy(ns, { images: 'web=ghcr.io/acme/web:1.1.0', ...health() })
    expect(run.outputs.result).toBe('rolled-back')
    expect(run.outputs.reason).toMatch(/prometheus: 0.2 > 0.01 \(prometheus-max\)/)
    expect(imageOf(deployment(ns))).toBe('ghcr.io/acme/web:1.0.0')
  }, 120_000)

  it('a query that returns no series fails closed', async () => {
    prometheus.set(QUERY, { vector: [] })
    const run = await deploy(ns, { images: 'web=ghcr.io/acme/web:1.1.0', ...health() })
    expect(run.outputs.result).toBe('rolled-back')
    expect(run.outputs.reason).toMatch(/the query returned no data \(fail closed; append "or vector\(0\)"/)
  }, 120_000)
})

describe('kube-deploy, bad inputs and credentials', () => {
  it('a typo in images is an input error before anything is applied', async () => {
    const ns = freshNamespace(cluster, 'typo')
    const run = await deploy(ns, { images: 'wbe=ghcr.io/acme/web:1.0.0' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.annotations.map((a) => a.message)).toEqual(['Input "images": no container named "wbe" in the workloads being deployed.'])
    expect(cluster.kubectl(['get', 'deployments', '-n', ns, '-o', 'name']).trim()).toBe('')
  }, 60_000)

  it('a rejected credential is a clear failure, never reported as deployed', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'sgw-badcred-')), 'config')
    const token = readFileSync(cluster.tokenKubeconfig, 'utf8').match(/token: (\S+)/)![1]
    const wrong = token.split('').reverse().join('')
    writeFileSync(bad, readFileSync(cluster.tokenKubeconfig, 'utf8').replace(token, wrong))
    const run = await deploy('default', {}, bad)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.annotations[0].message).toMatch(/^Reaching the API server failed: error: You must be logged in to the server.*\nThe cluster refused the credentials/s)
    expect(visibleText(run)).not.toContain(wrong)
    expect(maskedValues(run)).toContain(wrong)
  }, 60_000)

  it('an API server that does not answer is a clear failure', async () => {
    const dead = join(mkdtempSync(join(tmpdir(), 'sgw-dead-')), 'config')
    writeFileSync(dead, readFileSync(cluster.kubeconfig, 'utf8').replace(/server: \S+/, 'server: https://127.0.0.1:9'))
    const run = await deploy('default', {}, dead)
    expect(run.outputs.result).toBe('failed')
    expect(run.annotations[0].message).toMatch(/^Reaching the API server failed: .*refused.*\nThe API server did not answer/s)
  }, 60_000)

  it('works with a token kubeconfig given as plain YAML, and with a context', async () => {
    const ns = freshNamespace(cluster, 'tok')
    const run = await runKube('kube-deploy', cluster, ns, { manifests: WEB_MANIFESTS, kubeconfig: readFileSync(cluster.tokenKubeconfig, 'utf8'), context: 'sgw-local' })
    runs.push(run)
    expect(run.outputs.result).toBe('deployed')
  }, 60_000)
})

afterAll(() => {
  // Across every run above: no credential from either kubeconfig in anything printed or written;
  // each was registered with the masker; the post step left no kubeconfig behind.
  const credentials = [...credentialsOf(cluster.kubeconfig), ...credentialsOf(cluster.tokenKubeconfig)]
  expect(credentials.length).toBeGreaterThanOrEqual(6)
  for (const run of runs) {
    const text = visibleText(run) + visibleText(run.post)
    for (const c of credentials) expect(text.includes(c)).toBe(false)
    expect(leftBehind(run)).toBe(false)
    if (run.kubeconfigPath) expect(run.post.stdout).toContain('Removed the kubeconfig written for this job')
  }
  const masked = runs.flatMap(maskedValues)
  for (const c of credentialsOf(cluster.kubeconfig)) expect(masked).toContain(c)
})
