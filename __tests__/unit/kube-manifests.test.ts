import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify as stringifyYaml } from 'yaml'
import { applyImageOverrides, containerImages, describeWorkload, parseImageOverrides, parseManifests, podTemplateOf, readManifestFiles, resolveManifestFiles, workloadsOf, type KubeObject } from '../../actions/lib/kube/manifests.js'
import { UserError } from '../../actions/lib/errors/user-error.js'
import { thrown } from '../helpers/unit.js'

const deploymentYaml = (name: string, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}}${extra}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      initContainers:
        - name: migrate
          image: ghcr.io/acme/${name}-migrate:1.0.0
      containers:
        - name: ${name}
          image: ghcr.io/acme/${name}:1.0.0
          ports: [{containerPort: 8080}]
        - name: sidecar
          image: docker.io/envoyproxy/envoy:v1.30.1
`

const serviceYaml = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`


async function rejected(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a rejection')
}

describe('parseManifests', () => {
  it('reads every document of a multi-document file, skipping empty ones', () => {
    const text = `---\n# leading comment\n${deploymentYaml('web')}---\n---\n${serviceYaml}...\n---\n`
    const objects = parseManifests(text, 'deploy/app.yaml')
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Deployment/web', 'Service/web'])
    expect(podTemplateOf(objects[0])?.spec.containers.map((c) => c.name)).toEqual(['web', 'sidecar'])
  })

  it('reads JSON, which is YAML', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'web' }, data: { LOG_LEVEL: 'info' } })
    expect(parseManifests(json, 'cm.json')).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'web' }, data: { LOG_LEVEL: 'info' } }])
  })

  it.each([
    ['kind: List', 'List'],
    ['a typed list (kubectl get deployments -o yaml)', 'DeploymentList']
  ])('flattens %s, also nested', (_name, kind) => {
    const list = {
      apiVersion: 'v1',
      kind,
      metadata: { resourceVersion: '' },
      items: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } },
        { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'b' } }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }] }
      ]
    }
    expect(parseManifests(stringifyYaml(list), 'list.yaml').map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['ConfigMap/a', 'Secret/b', 'ConfigMap/c'])
  })

  it('an empty file has no objects', () => {
    expect(parseManifests('', 'empty.yaml')).toEqual([])
    expect(parseManifests('# nothing here\n---\n', 'comments.yaml')).toEqual([])
  })

  it.each([
    ['a flow sequence left open in the second document', `${deploymentYaml('web')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  labels: [a, b\ndata: {}\n`, 29],
    ['a key indented wrongly', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n   bad: indent\n', 4],
    ['a tab used for indentation', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n', 4]
  ])('YAML that does not parse (%s): the error names the file and the line', (_name, text, line) => {
    const error = thrown(() => parseManifests(text, 'deploy/broken.yaml'))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(new RegExp(`^deploy/broken\\.yaml: the YAML does not parse at line ${line}: `))
    expect(error.message).not.toContain('\n')
  })

  it.each([
    ['a scalar document', 'just a string\n', 'deploy/x.yaml: a document is not a Kubernetes object (expected a mapping with apiVersion, kind and metadata).'],
    ['a sequence document', '- a\n- b\n', 'deploy/x.yaml: a document is not a Kubernetes object (expected a mapping with apiVersion, kind and metadata).'],
    ['no kind', 'apiVersion: v1\nmetadata: {name: a}\n', 'deploy/x.yaml: an object lacks apiVersion or kind.'],
    ['no apiVersion', 'kind: ConfigMap\nmetadata: {name: a}\n', 'deploy/x.yaml: an object lacks apiVersion or kind.'],
    ['no name', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: a-}\n', 'deploy/x.yaml: a ConfigMap has no metadata.name.'],
    ['no metadata', 'apiVersion: v1\nkind: ConfigMap\n', 'deploy/x.yaml: a ConfigMap has no metadata.name.']
  ])('%s is refused, naming the file', (_name, text, message) => {
    const error = thrown(() => parseManifests(text, 'deploy/x.yaml'))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(message)
  })
})

describe('workloadsOf', () => {
  it('finds apps/v1 Deployments, StatefulSets and DaemonSets, in the default namespace unless their own', () => {
    const objects = parseManifests(
      [
        deploymentYaml('web'),
        deploymentYaml('api', '\n  namespace: backend'),
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec: {}\n',
        'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent, namespace: kube-system}\nspec: {}\n',
        'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: ancient}\nspec: {}\n',
        'apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec: {}\n',
        serviceYaml
      ].join('---\n'),
      'all.yaml'
    )
    const refs = workloadsOf(objects, 'prod')
    expect(refs).toEqual([
      { kind: 'Deployment', name: 'web', namespace: 'prod' },
      { kind: 'Deployment', name: 'api', namespace: 'backend' },
      { kind: 'StatefulSet', name: 'db', namespace: 'prod' },
      { kind: 'DaemonSet', name: 'agent', namespace: 'kube-system' }
    ])
    expect(refs.map(describeWorkload)).toEqual(['deployment/web', 'deployment/api', 'statefulset/db', 'daemonset/agent'])
  })
})

describe('image overrides', () => {
  it.each([
    ['one per line', 'web=ghcr.io/acme/web:1.4.0\nsidecar=docker.io/envoyproxy/envoy:v1.31.0', [['web', 'ghcr.io/acme/web:1.4.0'], ['sidecar', 'docker.io/envoyproxy/envoy:v1.31.0']]],
    ['comma separated, spaces around', ' web = ghcr.io/acme/web:1.4.0 , migrate=ghcr.io/acme/web-migrate:1.4.0', [['web', 'ghcr.io/acme/web:1.4.0'], ['migrate', 'ghcr.io/acme/web-migrate:1.4.0']]],
    ['a digest', `web=ghcr.io/acme/web@sha256:${'ab'.repeat(32)}`, [['web', `ghcr.io/acme/web@sha256:${'ab'.repeat(32)}`]]],
    ['a registry with a port', 'web=registry.local:5000/web:dev', [['web', 'registry.local:5000/web:dev']]],
    ['the last of two wins', 'web=a:1\nweb=a:2', [['web', 'a:2']]],
    ['empty', '', []],
    ['blank lines only', '\n \n', []]
  ] as [string, string, [string, string][]][])('parse: %s', (_name, raw, expected) => {
    expect([...parseImageOverrides(raw, 'images')]).toEqual(expected)
  })

  it.each(['web', '=ghcr.io/acme/web:1', 'web=', 'web=ghcr.io/acme/web:1 latest'])('parse: %j is refused naming the input', (raw) => {
    const error = thrown(() => parseImageOverrides(raw, 'images'))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(/^Input "images": ".*" is not container=image-ref \(e\.g\. web=ghcr\.io\/acme\/web:1\.4\.0\)\.$/)
  })

  it('sets containers and init containers in every workload template, and lists the resulting images', () => {
    const objects = parseManifests([deploymentYaml('web'), deploymentYaml('api'), serviceYaml].join('---\n'), 'all.yaml')
    const images = applyImageOverrides(objects, parseImageOverrides('web=ghcr.io/acme/web:2.0.0\nmigrate=ghcr.io/acme/migrate:2.0.0\nsidecar=docker.io/envoyproxy/envoy:v1.31.0', 'images'), 'images')
    const [web, api] = objects.map((o) => podTemplateOf(o))
    expect(web?.spec.initContainers?.[0].image).toBe('ghcr.io/acme/migrate:2.0.0')
    expect(api?.spec.initContainers?.[0].image).toBe('ghcr.io/acme/migrate:2.0.0')
    expect(containerImages(web)).toEqual(['web=ghcr.io/acme/web:2.0.0', 'sidecar=docker.io/envoyproxy/envoy:v1.31.0'])
    expect(containerImages(api)).toEqual(['api=ghcr.io/acme/api:1.0.0', 'sidecar=docker.io/envoyproxy/envoy:v1.31.0'])
    // Init containers are set but not listed; the sidecar shared by both workloads is listed once.
    expect(images).toEqual(['web=ghcr.io/acme/web:2.0.0', 'sidecar=docker.io/envoyproxy/envoy:v1.31.0', 'api=ghcr.io/acme/api:1.0.0'])
    // Other fields of the container survive.
    expect(web?.spec.containers[0].ports).toEqual([{ containerPort: 8080 }])
  })

  it('reaches the pod template of any object that has one (StatefulSet, DaemonSet)', () => {
    const objects: KubeObject[] = [
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { template: { spec: { containers: [{ name: 'postgres', image: 'postgres:16' }] } } } },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { template: { spec: { containers: [{ name: 'agent', image: 'agent:1' }] } } } }
    ]
    expect(applyImageOverrides(objects, new Map([['postgres', 'postgres:17']]), 'images')).toEqual(['postgres=postgres:17', 'agent=agent:1'])
  })

  it('no overrides leaves the images as they are', () => {
    const objects = parseManifests(deploymentYaml('web'), 'web.yaml')
    expect(applyImageOverrides(objects, new Map(), 'images')).toEqual(['web=ghcr.io/acme/web:1.0.0', 'sidecar=docker.io/envoyproxy/envoy:v1.30.1'])
  })

  it('a container name that matches nothing is an error naming it (a typo must not deploy the old image)', () => {
    const objects = parseManifests(deploymentYaml('web'), 'web.yaml')
    const error = thrown(() => applyImageOverrides(objects, parseImageOverrides('web=ghcr.io/acme/web:2.0.0, wbe=x:1, sidcar=y:2', 'images'), 'images'))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe('Input "images": no container named "wbe", "sidcar" in the workloads being deployed.')
  })

  it('a container only in a Service-like object without a template is not found', () => {
    const objects = parseManifests(serviceYaml, 'svc.yaml')
    expect(() => applyImageOverrides(objects, new Map([['web', 'x:1']]), 'images')).toThrow('no container named "web"')
  })
})

describe('resolveManifestFiles', () => {
  let root = ''
  // @actions/glob reports its settings as ::debug:: workflow commands on stdout; keep the test output readable.
  let quiet: { mockRestore(): void } | undefined
  beforeAll(() => {
    const write = process.stdout.write.bind(process.stdout)
    quiet = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => (String(chunk).startsWith('::debug::') ? true : write(chunk, ...rest))) as typeof process.stdout.write)
    root = mkdtempSync(join(tmpdir(), 'manifests-test-'))
    const files: Record<string, string> = {
      'deploy/base/10-deployment.yaml': deploymentYaml('web'),
      'deploy/base/20-service.yml': serviceYaml,
      'deploy/base/kustomization.yaml': 'resources: [10-deployment.yaml, 20-service.yml]\n',
      'deploy/base/README.md': '# notes\n',
      'deploy/base/nested/30-config.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }),
      'deploy/overlays/prod/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n',
      'deploy/empty/notes.txt': 'nothing\n',
      'single.yaml': serviceYaml
    }
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true })
      writeFileSync(join(root, path), text)
    }
  })
  afterAll(() => {
    quiet?.mockRestore()
    rmSync(root, { recursive: true, force: true })
  })

  it('a folder: every .yaml, .yml and .json below it, sorted, without the kustomization file', async () => {
    expect(await resolveManifestFiles(['deploy/base'], 'manifests', root)).toEqual([
      join(root, 'deploy/base/10-deployment.yaml'),
      join(root, 'deploy/base/20-service.yml'),
      join(root, 'deploy/base/nested/30-config.json')
    ])
  })

  it('files relative to cwd or absolute, duplicates once', async () => {
    expect(await resolveManifestFiles(['single.yaml', join(root, 'single.yaml'), 'deploy/base/20-service.yml'], 'manifests', root)).toEqual([join(root, 'single.yaml'), join(root, 'deploy/base/20-service.yml')])
  })

  it.each([
    ['deploy/**/*.yaml', ['deploy/base/10-deployment.yaml', 'deploy/overlays/prod/patch.yaml']],
    ['deploy/base/*.y*ml', ['deploy/base/10-deployment.yaml', 'deploy/base/20-service.yml']],
    ['deploy/base/**', ['deploy/base/10-deployment.yaml', 'deploy/base/20-service.yml', 'deploy/base/nested/30-config.json']]
  ])('a glob %s: matching manifest files only (never kustomization.yaml), sorted', async (pattern, expected) => {
    expect(await resolveManifestFiles([pattern], 'manifests', root)).toEqual(expected.map((p) => join(root, p)))
  })

  it.each([
    [['deploy/missing.yaml'], 'Manifest path "deploy/missing.yaml" does not exist (input "manifests").'],
    [['deploy/empty'], 'Folder "deploy/empty" holds no .yaml, .yml or .json file (input "manifests").'],
    [['deploy/**/*.toml'], 'No manifest file matches "deploy/**/*.toml" (input "manifests").']
  ])('%j is an error naming the input', async (patterns, message) => {
    const error = await rejected(resolveManifestFiles(patterns, 'manifests', root))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(message)
  })

  it('readManifestFiles reads what resolveManifestFiles found, errors naming the file', async () => {
    const files = await resolveManifestFiles(['deploy/base'], 'manifests', root)
    expect(readManifestFiles(files).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Deployment/web', 'Service/web', 'ConfigMap/c'])
    const broken = join(root, 'broken.yaml')
    writeFileSync(broken, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n')
    expect(() => readManifestFiles([broken])).toThrow(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: the YAML does not parse at line \\d+`))
  })
})
