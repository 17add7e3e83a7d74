import { describe, expect, it } from '@jest/globals'
import { coloredName, colorDeployment, COLORS, liveColor, otherColor, planBlueGreen, routeService, type Color } from '../../actions/lib/kube/blue-green.js'
import { parseManifests, podTemplateOf, type KubeObject } from '../../actions/lib/kube/manifests.js'
import { UserError } from '../../actions/lib/errors/user-error.js'
import { thrown } from '../helpers/unit.js'

const LABEL = 'sgw.dev/color'

const manifests = (...docs: string[]): KubeObject[] => parseManifests(docs.join('---\n'), 'deploy.yaml')

const deployment = (name: string, app = name): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
  labels: {app: ${app}, team: storefront}
  annotations: {owner: storefront}
spec:
  replicas: 3
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}, version: '1.4.0'}
      annotations: {prometheus.io/scrape: 'true'}
    spec:
      containers:
        - name: ${name}
          image: ghcr.io/acme/${name}:1.4.0
`

const service = (name: string, selector: Record<string, string>): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: shop
spec:
  selector: ${JSON.stringify(selector)}
  ports: [{port: 80, targetPort: 8080}]
`

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-settings, namespace: shop}\ndata: {LOG_LEVEL: info}\n'


describe('planBlueGreen', () => {
  it.each([
    ['no Deployment', [configMap, service('web', { app: 'web' })], 'strategy blue-green needs at least one Deployment in the manifests.'],
    ['a StatefulSet among them', [deployment('web'), service('web', { app: 'web' }), 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec: {}\n'], 'strategy blue-green colours Deployments only; StatefulSet "db" cannot run twice side by side. Deploy it in a separate step with strategy rolling.'],
    ['a DaemonSet among them', [deployment('web'), service('web', { app: 'web' }), 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec: {}\n'], 'strategy blue-green colours Deployments only; DaemonSet "agent" cannot run twice side by side. Deploy it in a separate step with strategy rolling.'],
    ['no Service at all', [deployment('web'), configMap], "strategy blue-green needs a Service in the manifests whose selector matches a Deployment's pod labels; it is what switches from one colour to the other."],
    ['a Service selecting other pods', [deployment('web'), service('api', { app: 'api' })], "strategy blue-green needs a Service in the manifests whose selector matches a Deployment's pod labels; it is what switches from one colour to the other."],
    ['a Service asking for a label the pods lack', [deployment('web'), service('web', { app: 'web', tier: 'frontend' })], "strategy blue-green needs a Service in the manifests whose selector matches a Deployment's pod labels; it is what switches from one colour to the other."],
    ['a Service without a selector (external endpoints)', [deployment('web'), 'apiVersion: v1\nkind: Service\nmetadata: {name: legacy}\nspec: {ports: [{port: 80}]}\n'], "strategy blue-green needs a Service in the manifests whose selector matches a Deployment's pod labels; it is what switches from one colour to the other."]
  ])('%s is a UserError', (_name, docs, message) => {
    const error = thrown(() => planBlueGreen(manifests(...docs), 'green', LABEL))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(message)
  })

  it('an autoscaler of a coloured Deployment follows its colour; others are left alone', () => {
    const hpa = (name: string, target: string, kind = 'Deployment'): string => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: ${name}}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: ${kind}, name: ${target}}, minReplicas: 2, maxReplicas: 10}\n`
    const plan = planBlueGreen(manifests(deployment('web'), service('web', { app: 'web' }), hpa('web', 'web'), hpa('other', 'other'), hpa('sts', 'web', 'StatefulSet')), 'blue', LABEL)
    const hpas = plan.workloadObjects.filter((o) => o.kind === 'HorizontalPodAutoscaler')
    expect(hpas.map((h) => [h.metadata.name, (h.spec?.scaleTargetRef as { name: string }).name])).toEqual([['web-blue', 'web-blue'], ['other', 'other'], ['sts', 'web']])
  })

  it('colours the Deployments, keeps the routing Services apart, passes everything else through', () => {
    const objects = manifests(configMap, deployment('web'), service('web', { app: 'web' }), service('web-by-version', { version: '1.4.0' }), service('api', { app: 'api' }))
    const before = structuredClone(objects)
    const plan = planBlueGreen(objects, 'green', LABEL)
    expect(plan.deployments).toEqual(['web'])
    expect(plan.services.map((s) => s.metadata.name)).toEqual(['web', 'web-by-version'])
    // The unrelated Service is applied with the workload objects, unchanged.
    expect(plan.workloadObjects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['ConfigMap/web-settings', 'Deployment/web-green', 'Service/api'])
    expect(plan.workloadObjects[0]).toBe(objects[0])
    // The Services are not pinned to a colour yet; the input objects are not modified.
    expect(plan.services[0].spec?.selector).toEqual({ app: 'web' })
    expect(objects).toEqual(before)
  })

  it('several Deployments are all coloured', () => {
    const plan = planBlueGreen(manifests(deployment('web'), deployment('web-worker', 'web-worker'), service('web', { app: 'web' })), 'blue', LABEL)
    expect(plan.deployments).toEqual(['web', 'web-worker'])
    expect(plan.workloadObjects.map((o) => o.metadata.name)).toEqual(['web-blue', 'web-worker-blue'])
  })
})

describe('colorDeployment', () => {
  it.each(COLORS)('%s: name, labels, selector and pod template labels carry the colour; the rest is kept', (color: Color) => {
    const [original] = manifests(deployment('web'))
    const snapshot = structuredClone(original)
    const colored = colorDeployment(original, color, LABEL)
    expect(colored.metadata).toEqual({ name: `web-${color}`, namespace: 'shop', labels: { app: 'web', team: 'storefront', [LABEL]: color }, annotations: { owner: 'storefront' } })
    expect(colored.spec?.selector).toEqual({ matchLabels: { app: 'web', [LABEL]: color } })
    const template = podTemplateOf(colored)
    expect(template?.metadata).toEqual({ labels: { app: 'web', version: '1.4.0', [LABEL]: color }, annotations: { 'prometheus.io/scrape': 'true' } })
    expect(template?.spec).toEqual(podTemplateOf(original)?.spec)
    expect(colored.spec?.replicas).toBe(3)
    // The selector still selects the template's labels (the API rejects a Deployment otherwise).
    const selector = (colored.spec?.selector as { matchLabels: Record<string, string> }).matchLabels
    for (const [k, v] of Object.entries(selector)) expect(template?.metadata?.labels?.[k]).toBe(v)
    expect(original).toEqual(snapshot)
  })

  it('keeps matchExpressions in the selector', () => {
    const [original] = manifests(deployment('web'))
    ;(original.spec as { selector: Record<string, unknown> }).selector.matchExpressions = [{ key: 'tier', operator: 'In', values: ['frontend'] }]
    expect(colorDeployment(original, 'blue', LABEL).spec?.selector).toEqual({ matchLabels: { app: 'web', [LABEL]: 'blue' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend'] }] })
  })

  it('a Deployment without labels gets the colour label', () => {
    const bare: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: {}, template: { spec: { containers: [{ name: 'web', image: 'web:1' }] } } } }
    const colored = colorDeployment(bare, 'green', LABEL)
    expect(colored.metadata.labels).toEqual({ [LABEL]: 'green' })
    expect(colored.spec?.selector).toEqual({ matchLabels: { [LABEL]: 'green' } })
    expect(podTemplateOf(colored)?.metadata?.labels).toEqual({ [LABEL]: 'green' })
  })
})

describe('routing', () => {
  it.each(COLORS)('routeService pins the selector to %s, leaving the input alone', (color: Color) => {
    const [svc] = manifests(service('web', { app: 'web' }))
    const routed = routeService(svc, color, LABEL)
    expect(routed.spec?.selector).toEqual({ app: 'web', [LABEL]: color })
    expect(routed.spec?.ports).toEqual([{ port: 80, targetPort: 8080 }])
    expect(routed.metadata).toEqual(svc.metadata)
    expect(svc.spec?.selector).toEqual({ app: 'web' })
  })

  it('routing again to the other colour replaces the colour', () => {
    const [svc] = manifests(service('web', { app: 'web' }))
    expect(routeService(routeService(svc, 'blue', LABEL), 'green', LABEL).spec?.selector).toEqual({ app: 'web', [LABEL]: 'green' })
  })

  it.each([
    [{ spec: { selector: { app: 'web', [LABEL]: 'blue' } } }, 'blue'],
    [{ spec: { selector: { app: 'web', [LABEL]: 'green' } } }, 'green'],
    [{ spec: { selector: { app: 'web' } } }, undefined],
    [{ spec: { selector: { app: 'web', [LABEL]: 'purple' } } }, undefined],
    [{ spec: { selector: { app: 'web', color: 'blue' } } }, undefined],
    [{ spec: {} }, undefined],
    [{}, undefined],
    [null, undefined]
  ] as [Parameters<typeof liveColor>[0], Color | undefined][])('liveColor(%j) is %s', (svc, color) => {
    expect(liveColor(svc, LABEL)).toBe(color)
  })

  it('colour helpers', () => {
    expect(otherColor('blue')).toBe('green')
    expect(otherColor('green')).toBe('blue')
    expect(coloredName('web', 'blue')).toBe('web-blue')
    expect(COLORS).toEqual(['blue', 'green'])
  })
})
