// kube-deploy's helm mode and kube-rollback, from dist/ under Node 24, against the real local
// control plane with the real helm 3.21.2 and kubectl 1.36.2.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { freshNamespace, startCluster, type TestCluster } from '../helpers/cluster.js'
import { leftBehind, runKube, WEB_CHART, WEB_MANIFESTS } from '../helpers/kube-action.js'
import { tool } from '../helpers/tools.js'
import { execFileSync } from 'node:child_process'

let cluster: TestCluster

beforeAll(() => {
  cluster = startCluster()
}, 200_000)

interface HelmRevision {
  revision: number
  status: string
  description: string
}

function helmHistory(release: string, namespace: string): HelmRevision[] {
  return JSON.parse(execFileSync(tool('helm'), ['history', release, '-n', namespace, '-o', 'json', '--kubeconfig', cluster.kubeconfig], { encoding: 'utf8' })) as HelmRevision[]
}

function imageOf(namespace: string, name: string): string {
  return cluster.json<{ spec: { template: { spec: { containers: { image: string }[] } } } }>(['get', 'deployment', name, '-n', namespace]).spec.template.spec.containers[0].image
}

describe('kube-deploy with a helm chart', () => {
  it('installs, upgrades, and rolls a failed upgrade back to the recorded helm revision', async () => {
    const ns = freshNamespace(cluster, 'helm')
    const chart = { 'helm-chart': WEB_CHART, 'helm-release': 'shop' }
    // images goes through helm's post-renderer (this bundle, run again by helm).
    const install = await runKube('kube-deploy', cluster, ns, { ...chart, images: 'web=ghcr.io/acme/web:1.0.0' })
    expect(install.exitCode).toBe(0)
    expect(install.outputs).toMatchObject({ result: 'deployed', revision: '1', 'previous-revision': '', images: 'web=ghcr.io/acme/web:1.0.0' })
    expect(imageOf(ns, 'shop-web')).toBe('ghcr.io/acme/web:1.0.0')

    const upgrade = await runKube('kube-deploy', cluster, ns, { ...chart, 'helm-set': 'image.tag=1.1.0\nreplicas=3' })
    expect(upgrade.outputs).toMatchObject({ result: 'deployed', revision: '2', 'previous-revision': '1' })
    expect(imageOf(ns, 'shop-web')).toBe('ghcr.io/acme/web:1.1.0')

    const broken = await runKube('kube-deploy', cluster, ns, { ...chart, 'helm-set': 'image.tag=crashloop' })
    expect(broken.exitCode).toBe(1)
    expect(broken.outputs.result).toBe('rolled-back')
    expect(broken.outputs.reason).toMatch(/deployment\/shop-web: pod shop-web-.* CrashLoopBackOff/)
    expect(broken.outputs['previous-revision']).toBe('2')
    expect(broken.outputs.revision).toBe('4')
    expect(Number(broken.outputs['duration-seconds'])).toBeLessThanOrEqual(30)
    expect(imageOf(ns, 'shop-web')).toBe('ghcr.io/acme/web:1.1.0')
    const history = helmHistory('shop', ns)
    expect(history.map((h) => [h.revision, h.status])).toEqual([[1, 'superseded'], [2, 'superseded'], [3, 'superseded'], [4, 'deployed']])
    expect(history[3].description).toBe('Rollback to 2')
    expect(broken.summary).toContain('release shop: rolled back to revision 2')

    // The next failure goes back to revision 4 (= 2), never to the bad revision 3.
    const again = await runKube('kube-deploy', cluster, ns, { ...chart, 'helm-set': 'image.tag=unready', 'readiness-grace': '3s' })
    expect(again.outputs).toMatchObject({ result: 'rolled-back', 'previous-revision': '4', revision: '6' })
    expect(helmHistory('shop', ns)[5].description).toBe('Rollback to 4')
    expect(imageOf(ns, 'shop-web')).toBe('ghcr.io/acme/web:1.1.0')
    for (const run of [install, upgrade, broken, again]) expect(leftBehind(run)).toBe(false)
  }, 240_000)

  it('a first install that fails is uninstalled', async () => {
    const ns = freshNamespace(cluster, 'helm1')
    const run = await runKube('kube-deploy', cluster, ns, { 'helm-chart': WEB_CHART, 'helm-release': 'fresh', 'helm-set': 'image.tag=crashloop' })
    expect(run.outputs.result).toBe('rolled-back')
    expect(run.summary).toContain('release fresh: uninstalled (it had no good revision before this deploy)')
    expect(cluster.kubectl(['get', 'deployments', '-n', ns, '-o', 'name']).trim()).toBe('')
  }, 120_000)

  it('kube-rollback returns a release to the newest good revision before the current one, or to a given one', async () => {
    const ns = freshNamespace(cluster, 'helmrb')
    const chart = { 'helm-chart': WEB_CHART, 'helm-release': 'api' }
    for (const tag of ['1.0.0', '1.1.0', '1.2.0']) expect((await runKube('kube-deploy', cluster, ns, { ...chart, 'helm-set': `image.tag=${tag}` })).outputs.result).toBe('deployed')
    const back = await runKube('kube-rollback', cluster, ns, { 'helm-release': 'api' })
    expect(back.exitCode).toBe(0)
    expect(back.outputs).toMatchObject({ result: 'rolled-back', 'previous-revision': '3', revision: '4', images: 'web=ghcr.io/acme/web:1.1.0' })
    expect(imageOf(ns, 'api-web')).toBe('ghcr.io/acme/web:1.1.0')
    const first = await runKube('kube-rollback', cluster, ns, { 'helm-release': 'api', revision: '1' })
    expect(first.outputs).toMatchObject({ result: 'rolled-back', revision: '5' })
    expect(imageOf(ns, 'api-web')).toBe('ghcr.io/acme/web:1.0.0')
    const missing = await runKube('kube-rollback', cluster, ns, { 'helm-release': 'api', revision: '99' })
    expect(missing.exitCode).toBe(1)
    expect(missing.annotations[0].message).toBe('helm release api has no revision 99; it keeps 1, 2, 3, 4, 5.')
  }, 240_000)
})

describe('kube-rollback of workloads', () => {
  it('goes to the revision before the current one, or to a given revision, and waits until healthy', async () => {
    const ns = freshNamespace(cluster, 'rb')
    for (const tag of ['1.0.0', '1.1.0', '1.2.0']) expect((await runKube('kube-deploy', cluster, ns, { manifests: WEB_MANIFESTS, images: `web=ghcr.io/acme/web:${tag}` })).outputs.result).toBe('deployed')
    const back = await runKube('kube-rollback', cluster, ns, { workloads: 'deployment/web' })
    expect(back.exitCode).toBe(0)
    expect(back.outputs).toMatchObject({ result: 'rolled-back', 'previous-revision': '3', revision: '4', images: 'web=ghcr.io/acme/web:1.1.0' })
    expect(imageOf(ns, 'web')).toBe('ghcr.io/acme/web:1.1.0')
    expect(back.summary).toContain('↩️ Rolled back')
    const toFirst = await runKube('kube-rollback', cluster, ns, { workloads: 'deploy/web', revision: '1' })
    expect(toFirst.outputs).toMatchObject({ result: 'rolled-back', 'previous-revision': '4', revision: '5' })
    expect(imageOf(ns, 'web')).toBe('ghcr.io/acme/web:1.0.0')
    const gone = await runKube('kube-rollback', cluster, ns, { workloads: 'deployment/web', revision: '1' })
    expect(gone.exitCode).toBe(1)
    expect(gone.annotations[0].message).toBe('deployment/web has no revision 1; it keeps 3, 4, 5 (revisionHistoryLimit).')
    const bad = await runKube('kube-rollback', cluster, ns, { workloads: 'pod/web' })
    expect(bad.annotations[0].message).toMatch(/^Input "workloads": "pod\/web" is not kind\/name/)
  }, 240_000)

  it('a rollback to a revision that is itself broken fails loudly', async () => {
    const ns = freshNamespace(cluster, 'rbbad')
    expect((await runKube('kube-deploy', cluster, ns, { manifests: WEB_MANIFESTS, images: 'web=ghcr.io/acme/web:crashloop', 'rollback-on-failure': 'false' })).outputs.result).toBe('failed')
    expect((await runKube('kube-deploy', cluster, ns, { manifests: WEB_MANIFESTS, images: 'web=ghcr.io/acme/web:1.0.0' })).outputs.result).toBe('deployed')
    const run = await runKube('kube-rollback', cluster, ns, { workloads: 'deployment/web' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.annotations[0].message).toMatch(/^Rollback failed: rolled back, but the restored revision is not healthy: deployment\/web: .*CrashLoopBackOff/)
  }, 120_000)
})
