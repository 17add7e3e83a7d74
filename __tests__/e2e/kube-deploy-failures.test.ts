// kube-deploy and kube-rollback from dist/ under Node 24, on the real local control plane with the
// real kubectl 1.36.2 and helm 3.21.2, in the situations of issue 13: a deploy ends rolled back or
// loudly failed whatever fails, with every output set. A partial apply, a CRD and its resource in
// one first deploy, objects that name their own namespace, helm releases left pending by a helm
// process killed mid-flight, a kubeconfig with relative file paths, a StatefulSet with OnDelete.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml'
import { freshNamespace, startCluster, type TestCluster } from '../helpers/cluster.js'
import { leftBehind, runKube, WEB_CHART, WEB_MANIFESTS, type KubeRun } from '../helpers/kube-action.js'
import { maskedValues, visibleText } from '../helpers/run-action.js'
import { tool } from '../helpers/tools.js'

let cluster: TestCluster

beforeAll(() => {
  cluster = startCluster()
}, 200_000)

const OUTPUTS = ['result', 'reason', 'revision', 'previous-revision', 'duration-seconds', 'rollback-seconds', 'images']

/** Every output is written on every path; reason, duration and result are never empty. */
function expectEveryOutput(run: KubeRun): void {
  for (const name of OUTPUTS) expect([name, name in run.outputs]).toEqual([name, true])
  expect(run.outputs.reason).not.toBe('')
  expect(run.outputs.reason).not.toContain('\n')
  expect(run.outputs['duration-seconds']).toMatch(/^\d+(\.\d)?$/)
  expect(leftBehind(run)).toBe(false)
}

function image(namespace: string, kind: string, name: string): string {
  return cluster.kubectl(['get', kind, name, '-n', namespace, '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])
}

function manifestFile(docs: unknown[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sgw-manifests-')), 'manifests.yaml')
  writeFileSync(file, docs.map((d) => stringifyYaml(d)).join('---\n'))
  return file
}

const webDeployment = (): Record<string, unknown> =>
  parseYaml(readFileSync(join(WEB_MANIFESTS, 'deployment.yaml'), 'utf8')) as Record<string, unknown>
const webService = (port = 80): Record<string, unknown> => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { selector: { 'app.kubernetes.io/name': 'web' }, ports: [{ port, targetPort: 'http', name: 'http' }] }
})

describe('a multi-object apply that fails part-way (point 1)', () => {
  it('a new, crash-looping image and an invalid Service: the recorded state restored, rolled-back, every output set', async () => {
    const ns = freshNamespace(cluster, 'partial')
    const good = await runKube('kube-deploy', cluster, ns, { manifests: WEB_MANIFESTS, images: 'web=ghcr.io/acme/web:1.0.0' })
    expect(good.outputs).toMatchObject({ result: 'deployed', revision: '1' })
    const broken = manifestFile([webDeployment(), webService(0)])
    const run = await runKube('kube-deploy', cluster, ns, { manifests: broken, images: 'web=ghcr.io/acme/web:crashloop' })
    expect(run.exitCode).toBe(1)
    expectEveryOutput(run)
    expect(run.outputs).toMatchObject({
      result: 'rolled-back',
      'previous-revision': '1',
      revision: '3',
      images: 'web=ghcr.io/acme/web:crashloop'
    })
    expect(run.outputs.reason).toMatch(/^kubectl apply failed: .*Service "web" is invalid: spec\.ports\[0\]\.port: Invalid value: 0/)
    expect(Number(run.outputs['rollback-seconds'])).toBeGreaterThanOrEqual(0)
    expect(image(ns, 'deployment', 'web')).toBe('ghcr.io/acme/web:1.0.0')
    expect(cluster.kubectl(['get', 'service', 'web', '-n', ns, '-o', 'jsonpath={.spec.ports[0].port}'])).toBe('80')
    expect(run.summary).toContain('deployment/web: pod template of revision 1 restored (web=ghcr.io/acme/web:1.0.0)')
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(/^Rolled back: kubectl apply failed: /)
  }, 120_000)

  it('the same without rollback-on-failure: failed, the reason and both revisions set, the failed revision left', async () => {
    const ns = freshNamespace(cluster, 'partnorb')
    expect((await runKube('kube-deploy', cluster, ns, { manifests: WEB_MANIFESTS })).outputs.result).toBe('deployed')
    const run = await runKube('kube-deploy', cluster, ns, {
      manifests: manifestFile([webDeployment(), webService(0)]),
      images: 'web=ghcr.io/acme/web:crashloop',
      'rollback-on-failure': 'false'
    })
    expectEveryOutput(run)
    expect(run.outputs).toMatchObject({ result: 'failed', 'previous-revision': '1', revision: '2', 'rollback-seconds': '' })
    expect(image(ns, 'deployment', 'web')).toBe('ghcr.io/acme/web:crashloop')
  }, 120_000)

  it('a helm upgrade that helm itself fails part-way (an invalid Service) is rolled back to the recorded revision', async () => {
    const ns = freshNamespace(cluster, 'helmpart')
    const chart = { 'helm-chart': WEB_CHART, 'helm-release': 'shop' }
    expect((await runKube('kube-deploy', cluster, ns, chart)).outputs.result).toBe('deployed')
    const run = await runKube('kube-deploy', cluster, ns, { ...chart, 'helm-set': 'image.tag=crashloop\nservice.port=0' })
    expectEveryOutput(run)
    expect(run.outputs).toMatchObject({ result: 'rolled-back', 'previous-revision': '1', revision: '3' })
    expect(run.outputs.reason).toMatch(/^helm upgrade --install shop failed: .*port: Invalid value: 0/)
    expect(helmHistory('shop', ns).map((h) => `${h.revision}:${h.status}`)).toEqual(['1:superseded', '2:failed', '3:deployed'])
    expect(image(ns, 'deployment', 'shop-web')).toBe('ghcr.io/acme/web:1.0.0')
  }, 120_000)
})

describe('ordering and namespaces as kubectl users expect (points 2 and 3)', () => {
  const suffix = randomBytes(3).toString('hex')
  const group = `e2e-${suffix}.example.com`
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `widgets.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { kind: 'Widget', plural: 'widgets', singular: 'widget' },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } }
        }
      ]
    }
  }
  const widget = { apiVersion: `${group}/v1`, kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 3 } }

  it('a CustomResourceDefinition and a resource of it in one first deploy (the resource first in the file) deploy', async () => {
    const ns = freshNamespace(cluster, 'crd')
    const file = manifestFile([widget, webDeployment(), crd])
    const dry = await runKube('kube-deploy', cluster, ns, { manifests: file, 'dry-run': 'true' })
    expect(dry.outputs.result).toBe('dry-run')
    expect(dry.outputs.reason).toBe(
      'server-side dry run: the API server accepted 2 object(s); nothing changed; ' +
        'not validated, as they need a Namespace or CRD this deploy would create: widget/w1'
    )
    const run = await runKube('kube-deploy', cluster, ns, { manifests: file })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'deployed', revision: '1', reason: 'deployment/web rolled out' })
    expect(cluster.json<{ spec: { size: number } }>(['get', `widgets.${group}`, 'w1', '-n', ns]).spec.size).toBe(3)
    expect(run.stdout).toMatch(
      new RegExp(
        `customresourcedefinition\\.apiextensions\\.k8s\\.io/widgets\\.${group}[\\s\\S]*Established: customresourcedefinition/widgets`
      )
    )
    cluster.kubectl(['delete', 'crd', `widgets.${group}`, '--wait=false'])
  }, 120_000)

  it('a Namespace in the manifests comes first; objects naming their namespace keep it, the input names the rest', async () => {
    const ns = freshNamespace(cluster, 'nsin')
    const other = `other-${suffix}`
    const settings = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: other }, data: { mode: 'safe' } }
    const run = await runKube('kube-deploy', cluster, ns, {
      manifests: manifestFile([settings, webDeployment(), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: other } }])
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('deployed')
    expect(cluster.kubectl(['get', 'configmap', 'settings', '-n', other, '-o', 'jsonpath={.data.mode}'])).toBe('safe')
    expect(cluster.kubectl(['get', 'deployments', '-n', ns, '-o', 'name']).trim()).toBe('deployment.apps/web')
    expect(cluster.kubectl(['get', 'configmaps', 'settings', '-n', ns, '--ignore-not-found', '-o', 'name']).trim()).toBe('')
    cluster.kubectl(['delete', 'namespace', other, '--wait=false'])
  }, 120_000)
})

interface HelmRevision {
  revision: number
  status: string
  description: string
}

function helmHistory(release: string, namespace: string): HelmRevision[] {
  return JSON.parse(
    execFileSync(tool('helm'), ['history', release, '-n', namespace, '-o', 'json', '--kubeconfig', cluster.kubeconfig], {
      encoding: 'utf8'
    })
  ) as HelmRevision[]
}

/**
 * Run a real helm operation with --wait on pods that never become Ready, and SIGKILL it once the
 * release shows `status`: what a cancelled workflow run leaves behind.
 */
async function killMidFlight(args: string[], release: string, namespace: string, status: string): Promise<void> {
  const child = spawn(tool('helm'), [...args, '-n', namespace, '--wait', '--timeout', '5m', '--kubeconfig', cluster.kubeconfig], {
    stdio: 'ignore'
  })
  const exited = new Promise((resolve) => child.on('exit', resolve))
  try {
    for (let i = 0; i < 200; i++) {
      const last = (() => {
        try {
          return helmHistory(release, namespace).at(-1)?.status
        } catch {
          return undefined
        }
      })()
      if (last === status) return
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`helm ${args[0]} never reached ${status}`)
  } finally {
    child.kill('SIGKILL')
    await exited
  }
}

describe('a helm release stuck by a killed helm operation (point 4)', () => {
  const chart = { 'helm-chart': WEB_CHART, 'helm-release': 'shop' }

  it('pending-upgrade: a dry run names it and what to do; a deploy rolls it back to the last deployed one, then upgrades', async () => {
    const ns = freshNamespace(cluster, 'pendup')
    expect((await runKube('kube-deploy', cluster, ns, { ...chart, 'helm-set': 'image.tag=1.0.0' })).outputs.result).toBe('deployed')
    await killMidFlight(['upgrade', 'shop', WEB_CHART, '--set', 'image.tag=unready'], 'shop', ns, 'pending-upgrade')
    expect(helmHistory('shop', ns).map((h) => h.status)).toEqual(['deployed', 'pending-upgrade'])

    const dry = await runKube('kube-deploy', cluster, ns, { ...chart, 'helm-set': 'image.tag=1.2.0', 'dry-run': 'true' })
    expectEveryOutput(dry)
    expect(dry.outputs).toMatchObject({ result: 'failed', 'previous-revision': '1', revision: '2' })
    const stuck = 'release shop is stuck in pending-upgrade (revision 2, left by an interrupted helm operation)'
    expect(dry.outputs.reason).toBe(
      `${stuck}; a dry run changes nothing, so it cannot recover it: ` +
        `deploy without dry-run (kube-deploy recovers it first) or run helm rollback shop 1 -n ${ns}.`
    )
    expect(dry.annotations.map((a) => a.message)).toEqual([dry.outputs.reason])

    const run = await runKube('kube-deploy', cluster, ns, { ...chart, 'helm-set': 'image.tag=1.2.0' })
    expect(run.exitCode).toBe(0)
    expectEveryOutput(run)
    expect(run.outputs).toMatchObject({ result: 'deployed', 'previous-revision': '1', revision: '4' })
    expect(run.outputs.reason).toBe(
      'release shop revision 4 rolled out (it was stuck in pending-upgrade at revision 2 and was first rolled back to revision 1)'
    )
    expect(run.annotations.find((a) => a.level === 'warning')?.message).toMatch(
      new RegExp(`^${stuck.replace(/[()]/g, '\\$&')}; rolling it back to revision 1`)
    )
    expect(helmHistory('shop', ns).map((h) => `${h.revision}:${h.status}:${h.description}`)).toEqual([
      '1:superseded:Install complete',
      '2:pending-upgrade:Preparing upgrade',
      '3:superseded:Rollback to 1',
      '4:deployed:Upgrade complete'
    ])
    expect(image(ns, 'deployment', 'shop-web')).toBe('ghcr.io/acme/web:1.2.0')
  }, 180_000)

  it('pending-install: the stuck first install is uninstalled, then installed', async () => {
    const ns = freshNamespace(cluster, 'pendin')
    await killMidFlight(['install', 'fresh', WEB_CHART, '--set', 'image.tag=unready'], 'fresh', ns, 'pending-install')
    const run = await runKube('kube-deploy', cluster, ns, { 'helm-chart': WEB_CHART, 'helm-release': 'fresh' })
    expect(run.exitCode).toBe(0)
    expectEveryOutput(run)
    expect(run.outputs).toMatchObject({ result: 'deployed', 'previous-revision': '', revision: '1' })
    expect(run.outputs.reason).toMatch(/\(it was stuck in pending-install at revision 1 and was first uninstalled\)$/)
    expect(helmHistory('fresh', ns).map((h) => h.status)).toEqual(['deployed'])
    expect(image(ns, 'deployment', 'fresh-web')).toBe('ghcr.io/acme/web:1.0.0')
  }, 180_000)

  it('pending-rollback: rolled back to the revision still deployed, then upgraded; a failed upgrade after it returns there', async () => {
    const ns = freshNamespace(cluster, 'pendrb')
    // Revision 1 never becomes Ready (installed without waiting), revision 2 is good.
    execFileSync(tool('helm'), ['install', 'shop', WEB_CHART, '-n', ns, '--set', 'image.tag=unready', '--kubeconfig', cluster.kubeconfig], {
      stdio: 'ignore'
    })
    expect((await runKube('kube-deploy', cluster, ns, { ...chart, 'helm-set': 'image.tag=1.1.0' })).outputs).toMatchObject({
      result: 'deployed',
      revision: '2'
    })
    await killMidFlight(['rollback', 'shop', '1'], 'shop', ns, 'pending-rollback')
    const run = await runKube('kube-deploy', cluster, ns, { ...chart, 'helm-set': 'image.tag=crashloop' })
    expectEveryOutput(run)
    expect(run.outputs).toMatchObject({ result: 'rolled-back', 'previous-revision': '2', revision: '6' })
    expect(helmHistory('shop', ns).map((h) => `${h.revision}:${h.status}:${h.description}`)).toEqual([
      '1:superseded:Install complete',
      '2:superseded:Upgrade complete',
      '3:pending-rollback:Rollback to 1',
      '4:superseded:Rollback to 2',
      '5:superseded:Upgrade complete',
      '6:deployed:Rollback to 2'
    ])
    expect(image(ns, 'deployment', 'shop-web')).toBe('ghcr.io/acme/web:1.1.0')
  }, 180_000)

  it('kube-rollback of a release stuck in pending-upgrade returns it to the last deployed revision', async () => {
    const ns = freshNamespace(cluster, 'pendkr')
    expect((await runKube('kube-deploy', cluster, ns, { ...chart, 'helm-set': 'image.tag=1.0.0' })).outputs.result).toBe('deployed')
    await killMidFlight(['upgrade', 'shop', WEB_CHART, '--set', 'image.tag=unready'], 'shop', ns, 'pending-upgrade')
    const run = await runKube('kube-rollback', cluster, ns, { 'helm-release': 'shop' })
    expect(run.exitCode).toBe(0)
    expectEveryOutput(run)
    expect(run.outputs).toMatchObject({
      result: 'rolled-back',
      'previous-revision': '2',
      revision: '3',
      reason: 'release shop: revision 2 (pending-upgrade) → revision 1 (now revision 3)'
    })
    expect(image(ns, 'deployment', 'shop-web')).toBe('ghcr.io/acme/web:1.0.0')
  }, 180_000)
})

describe('a kubeconfig with relative file paths (point 5)', () => {
  /** The admin kubeconfig with its CA, certificate and key moved into files named relative to it. */
  function relativeKubeconfig(): { dir: string; file: string; yaml: string; keyLines: string[] } {
    const dir = mkdtempSync(join(tmpdir(), 'sgw-kubeconfig-relative-'))
    const doc = parseYaml(readFileSync(cluster.kubeconfig, 'utf8')) as {
      clusters: { cluster: Record<string, string> }[]
      users: { user: Record<string, string> }[]
    }
    const move = (holder: Record<string, string>, key: string, name: string): string => {
      const pem = Buffer.from(holder[`${key}-data`], 'base64').toString('utf8')
      writeFileSync(join(dir, name), pem, { mode: 0o600 })
      delete holder[`${key}-data`]
      holder[key] = name
      return pem
    }
    move(doc.clusters[0].cluster, 'certificate-authority', 'ca.crt')
    move(doc.users[0].user, 'client-certificate', 'client.crt')
    const key = move(doc.users[0].user, 'client-key', 'client.key')
    const yaml = stringifyYaml(doc)
    const file = join(dir, 'config')
    writeFileSync(file, yaml, { mode: 0o600 })
    return { dir, file, yaml, keyLines: key.split('\n').filter((l) => l.length > 40 && !l.startsWith('-----')) }
  }

  it('given as a path, they resolve against the kubeconfig folder as kubectl does; the key file is masked', async () => {
    const ns = freshNamespace(cluster, 'relpath')
    const { file, keyLines } = relativeKubeconfig()
    expect(keyLines.length).toBeGreaterThan(0)
    const run = await runKube('kube-deploy', cluster, ns, { manifests: WEB_MANIFESTS, kubeconfig: file })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('deployed')
    for (const line of keyLines) {
      expect(maskedValues(run)).toContain(line)
      expect(visibleText(run).includes(line)).toBe(false)
    }
    expect(leftBehind(run)).toBe(false)
  }, 120_000)

  it('given as content (a secret), a relative path is a one-line input error, before anything is done', async () => {
    const ns = freshNamespace(cluster, 'relsecret')
    const { yaml } = relativeKubeconfig()
    for (const kubeconfig of [yaml, Buffer.from(yaml).toString('base64')]) {
      const run = await runKube('kube-deploy', cluster, ns, { manifests: WEB_MANIFESTS, kubeconfig })
      expect(run.exitCode).toBe(1)
      expectEveryOutput(run)
      expect(run.outputs).toMatchObject({ result: 'failed', revision: '', 'previous-revision': '' })
      expect(run.annotations.map((a) => a.message)).toEqual([
        'Input "kubeconfig": cluster "sgw-local" names certificate-authority "ca.crt", a relative path, ' +
          'but a kubeconfig given as content has no folder to resolve it against: ' +
          'embed it (certificate-authority-data; kubectl config view --flatten --minify writes such a kubeconfig) ' +
          "or pass the kubeconfig file's path."
      ])
      expect(run.stdout).not.toMatch(/\n\s+at /)
    }
    expect(cluster.kubectl(['get', 'deployments', '-n', ns, '-o', 'name']).trim()).toBe('')
  }, 120_000)
})

describe('a StatefulSet with updateStrategy OnDelete (point 6)', () => {
  it('is reported as applied with its pods not replaced, not as rolled out', async () => {
    const ns = freshNamespace(cluster, 'ondelete')
    const sts = (tag: string): Record<string, unknown> => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        replicas: 2,
        serviceName: 'db',
        updateStrategy: { type: 'OnDelete' },
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: `postgres:${tag}` }] } }
      }
    })
    expect((await runKube('kube-deploy', cluster, ns, { manifests: manifestFile([sts('16.1')]) })).outputs.result).toBe('deployed')
    const run = await runKube('kube-deploy', cluster, ns, { manifests: manifestFile([sts('16.2')]) })
    expect(run.exitCode).toBe(0)
    expectEveryOutput(run)
    const detail = '2 of 2 pod(s) still run the previous template (updateStrategy OnDelete: a pod is replaced only when it is deleted)'
    expect(run.outputs).toMatchObject({ result: 'deployed', reason: `statefulset/db applied, pods not replaced: ${detail}` })
    expect(run.summary).toContain('✅ applied in')
    expect(run.summary).toContain(`\`statefulset/db\`: pods not replaced: ${detail}`)
    expect(run.annotations.map((a) => `${a.level}: ${a.message}`)).toEqual([
      `warning: statefulset/db applied, pods not replaced: ${detail}`
    ])
    const pods = cluster.json<{ items: { spec: { containers: { image: string }[] } }[] }>(['get', 'pods', '-n', ns, '-l', 'app=db'])
    expect(pods.items.map((p) => p.spec.containers[0].image)).toEqual(['postgres:16.1', 'postgres:16.1'])
    expect(image(ns, 'statefulset', 'db')).toBe('postgres:16.2')
  }, 120_000)
})
