// Blue-green as plain object transforms: each Deployment gets a coloured twin (`web-green`, pods
// labelled with the colour), and each Service that routes to it selects one colour at a time.
import { UserError } from '../errors/user-error.js'
import { podTemplateOf, type KubeObject } from './manifests.js'

export type Color = 'blue' | 'green'

export const COLORS: readonly Color[] = ['blue', 'green']

export function otherColor(color: Color): Color {
  return color === 'blue' ? 'green' : 'blue'
}

export function coloredName(name: string, color: Color): string {
  return `${name}-${color}`
}

export interface BlueGreenPlan {
  /** Deployments renamed and labelled for the idle colour, and every other non-Service object. */
  workloadObjects: KubeObject[]
  /** Services that route to the coloured Deployments (selector without the colour yet). */
  services: KubeObject[]
  deployments: string[]
}

/**
 * Split the manifests for a blue-green deploy into the idle colour's objects and the routing
 * Services. Only Deployments can be coloured; a Service routes to a Deployment when its selector is
 * a subset of the Deployment's pod labels.
 */
export function planBlueGreen(objects: readonly KubeObject[], color: Color, colorLabel: string): BlueGreenPlan {
  const deployments = objects.filter((o) => o.kind === 'Deployment')
  if (deployments.length === 0) throw new UserError('strategy blue-green needs at least one Deployment in the manifests.')
  const other = objects.find((o) => o.kind === 'StatefulSet' || o.kind === 'DaemonSet')
  if (other)
    throw new UserError(
      `strategy blue-green colours Deployments only; ${other.kind} "${other.metadata.name}" cannot run twice side by side. ` +
        'Deploy it in a separate step with strategy rolling.'
    )
  const services = objects.filter((o) => o.kind === 'Service' && routesTo(o, deployments))
  if (services.length === 0)
    throw new UserError(
      "strategy blue-green needs a Service in the manifests whose selector matches a Deployment's pod labels; " +
        'it is what switches from one colour to the other.'
    )
  const names = new Set(deployments.map((d) => d.metadata.name))
  const workloadObjects = objects
    .filter((o) => !services.includes(o))
    .map((o) =>
      o.kind === 'Deployment'
        ? colorDeployment(o, color, colorLabel)
        : o.kind === 'HorizontalPodAutoscaler'
          ? colorAutoscaler(o, names, color)
          : o
    )
  return { workloadObjects, services, deployments: deployments.map((d) => d.metadata.name) }
}

function routesTo(service: KubeObject, deployments: readonly KubeObject[]): boolean {
  const selector = (service.spec?.selector ?? {}) as Record<string, string>
  const keys = Object.entries(selector)
  if (keys.length === 0) return false
  return deployments.some((d) => {
    const labels = podTemplateOf(d)?.metadata?.labels ?? {}
    return keys.every(([k, v]) => labels[k] === v)
  })
}

export function colorDeployment(deployment: KubeObject, color: Color, colorLabel: string): KubeObject {
  const copy = structuredClone(deployment)
  copy.metadata = {
    ...copy.metadata,
    name: coloredName(deployment.metadata.name, color),
    labels: { ...copy.metadata.labels, [colorLabel]: color }
  }
  const spec = copy.spec as {
    selector?: { matchLabels?: Record<string, string> }
    template?: { metadata?: { labels?: Record<string, string> } }
  }
  spec.selector = { ...spec.selector, matchLabels: { ...spec.selector?.matchLabels, [colorLabel]: color } }
  spec.template = {
    ...spec.template,
    metadata: { ...spec.template?.metadata, labels: { ...spec.template?.metadata?.labels, [colorLabel]: color } }
  }
  return copy
}

/** An autoscaler of a coloured Deployment scales that colour (each colour gets its own). */
export function colorAutoscaler(hpa: KubeObject, deployments: ReadonlySet<string>, color: Color): KubeObject {
  const target = hpa.spec?.scaleTargetRef as { kind?: string; name?: string } | undefined
  if (target?.kind !== 'Deployment' || !target.name || !deployments.has(target.name)) return hpa
  const copy = structuredClone(hpa)
  copy.metadata = { ...copy.metadata, name: coloredName(hpa.metadata.name, color) }
  copy.spec = { ...copy.spec, scaleTargetRef: { ...target, name: coloredName(target.name, color) } }
  return copy
}

/** The Service with its selector pinned to a colour. */
export function routeService(service: KubeObject, color: Color, colorLabel: string): KubeObject {
  const copy = structuredClone(service)
  copy.spec = { ...copy.spec, selector: { ...(copy.spec?.selector as Record<string, string>), [colorLabel]: color } }
  return copy
}

/** The colour a live Service routes to, if any. */
export function liveColor(service: { spec?: { selector?: Record<string, string> } } | null, colorLabel: string): Color | undefined {
  const value = service?.spec?.selector?.[colorLabel]
  return value === 'blue' || value === 'green' ? value : undefined
}
