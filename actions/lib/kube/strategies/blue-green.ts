// The blue-green strategy: the idle colour's Deployments come up beside the live ones, are proven
// (the preview check), and only then do the Services switch to them (the health check after it).
// The known-good state is the idle colour as it was, every other object in the manifests, the
// Services (routing to the live colour, or absent) and the live colour's Deployments (a later scale
// down), so restoring it switches the Services back and returns the idle colour to what it was.
import { messageOf, UserError } from '../../errors/user-error.js'
import { applyObjects } from '../apply.js'
import { coloredName, liveColor, otherColor, planBlueGreen, routeService, type BlueGreenPlan, type Color } from '../blue-green.js'
import type { DeploySource, Reporter } from '../deploy.js'
import { KnownGood, revisionsText, workloadStates } from '../known-good.js'
import type { Kubectl } from '../kubectl.js'
import { applyImageOverrides, namespaceOf, workloadsOf, type KubeObject, type WorkloadRef } from '../manifests.js'
import type { WorkloadObject } from '../rollout.js'
import { applyOptions, DeployFailure, dryRunReason, type Strategy, type StrategyContext } from './strategy.js'

export const REPLICAS_ANNOTATION = 'sgw.dev/replicas-before-scale-down'

interface Plan {
  live?: Color
  idle: Color
  plan: BlueGreenPlan
  /** The idle colour's workloads. */
  refs: WorkloadRef[]
  /** The live colour's Deployments, each in its own namespace. */
  liveRefs: WorkloadRef[]
  /** The idle colour's objects, and the existing Services still routing to the live colour. */
  toApply: KubeObject[]
  /** The Services routing to the idle colour: the switch. */
  routes: KubeObject[]
}

/** A blue-green deploy of the given manifests; throws a UserError when an image override names no container. */
export function blueGreenStrategy(ctx: StrategyContext, source: Extract<DeploySource, { type: 'manifests' }>): Strategy {
  const { kubectl, settings, report, clock, outcome } = ctx
  const objects = structuredClone(source.objects)
  outcome.images = applyImageOverrides(objects, settings.images, 'images')
  let p: Plan | undefined
  let known = new KnownGood([])
  let switched = false
  let restored = false
  const planned = (): Plan => {
    if (!p) throw new Error('blue-green: used before record()')
    return p
  }
  return {
    async record() {
      p = await planColors(kubectl, objects, settings.namespace, settings.colorLabel)
      const { live, idle, refs, liveRefs, toApply, routes } = p
      outcome.blueGreen = { live, idle, switched: false, switchedBack: false, previousKept: settings.keepPrevious }
      report.info(
        live ? `Blue-green: ${live} is live; deploying ${idle} beside it` : `Blue-green: no colour is live yet; deploying ${idle}`
      )
      const liveObjects = liveRefs.map((r): KubeObject => ({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: r.name, namespace: r.namespace }
      }))
      const newRoutes = routes.filter(
        (r) =>
          !toApply.some((o) => o.kind === 'Service' && o.metadata.name === r.metadata.name && o.metadata.namespace === r.metadata.namespace)
      )
      known = await KnownGood.record(kubectl, [...toApply, ...newRoutes, ...liveObjects], settings.namespace)
      const states = known.workloads()
      const idleStates = states.filter((s) => refs.some((r) => r.name === s.ref.name && r.namespace === s.ref.namespace))
      const liveStates = states.filter((s) => liveRefs.some((r) => r.name === s.ref.name && r.namespace === s.ref.namespace))
      return { revision: live ? `${live}:${revisionsText(liveStates)}` : '', workloads: idleStates }
    },
    async apply() {
      const { idle, plan, refs, toApply } = planned()
      const result = await applyObjects(kubectl, toApply, applyOptions(ctx, known), report, clock)
      if (settings.dryRun) return dryRunReason(result, `the ${idle} colour`)
      await restoreScaledDown(kubectl, plan.workloadObjects, refs, report)
      return undefined
    },
    async prove() {
      const { live, idle, refs, liveRefs, routes } = planned()
      await ctx.prove(refs, settings.preview, `${idle} before the switch`)
      try {
        await applyObjects(kubectl, routes, { ...applyOptions(ctx, known), dryRun: false }, report, clock)
      } catch (error) {
        throw new DeployFailure(`switching the Service to ${idle} failed: ${messageOf(error).split('\n')[0]}`)
      } finally {
        // Even a failed switch may have moved some Services: restore() puts them all back.
        switched = true
      }
      if (outcome.blueGreen) outcome.blueGreen.switched = true
      report.info(`Switched ${routes.map((s) => `service/${s.metadata.name}`).join(', ')} to ${idle}`)
      // The health check after the switch must meet the new colour, not the old one still in the
      // Service's endpoints until the endpoint controller catches up.
      for (const line of await waitForEndpoints(kubectl, routes, settings.namespace, clock)) report.warning(line)
      await ctx.prove([], settings.health, `${idle} after the switch`)
      if (live && !settings.keepPrevious) await scaleDown(kubectl, liveRefs, report)
      return `${idle} is live${live ? ` (${live} ${settings.keepPrevious ? 'kept for a fast switch back' : 'scaled to zero'})` : ''}`
    },
    async restore(note) {
      const { live } = planned()
      restored = true
      const back = switched && live !== undefined
      const wait = await known.restore(kubectl, (line) =>
        note(
          back && /^service\/.*: restored as recorded$/.test(line) ? line.replace('restored as recorded', `switched back to ${live}`) : line
        )
      )
      if (back && outcome.blueGreen) outcome.blueGreen.switchedBack = true
      return wait
    },
    async now() {
      const { live, idle, refs, liveRefs } = planned()
      const idleStates = await workloadStates(kubectl, refs)
      const color = restored ? live : idle
      if (!color) return { revision: '', workloads: idleStates }
      const colorStates = color === idle ? idleStates : await workloadStates(kubectl, liveRefs)
      return { revision: `${color}:${revisionsText(colorStates)}`, workloads: idleStates }
    }
  }
}

/** Which colour is live (from the Services as they are now), and the objects for the idle one. */
async function planColors(kubectl: Kubectl, objects: readonly KubeObject[], namespace: string, colorLabel: string): Promise<Plan> {
  const probe = planBlueGreen(objects, 'blue', colorLabel).services
  const liveServices = await Promise.all(
    probe.map((s) =>
      kubectl.getOrNull<{ spec?: { selector?: Record<string, string> } }>('service', s.metadata.name, namespaceOf(s, namespace))
    )
  )
  // A Service that does not exist yet routes nowhere: it is created at the switch, and has no say.
  const colors = [...new Set(liveServices.flatMap((s) => (s === null ? [] : [liveColor(s, colorLabel)])))]
  if (colors.length > 1) {
    const names = probe.map((s) => s.metadata.name).join(', ')
    throw new UserError(
      `The Services ${names} route to different colours (${colors.map((c) => c ?? 'none').join(', ')}); ` +
        'switch them to one colour first (kube-rollback with service).'
    )
  }
  const live = colors[0]
  const idle: Color = live ? otherColor(live) : 'blue'
  const plan = planBlueGreen(objects, idle, colorLabel)
  const deployments = objects.filter((o) => o.kind === 'Deployment')
  const liveRefs: WorkloadRef[] = live
    ? deployments.map((d) => ({ kind: 'Deployment', name: coloredName(d.metadata.name, live), namespace: namespaceOf(d, namespace) }))
    : []
  // Services that exist keep routing to the live colour while the idle one comes up; new ones are
  // created at the switch, so nothing routes to pods that are not proven yet.
  const keepRouting = plan.services.filter((_, i) => liveServices[i] !== null).map((s) => routeService(s, live ?? idle, colorLabel))
  return {
    live,
    idle,
    plan,
    refs: workloadsOf(plan.workloadObjects, namespace),
    liveRefs,
    toApply: [...plan.workloadObjects, ...keepRouting],
    routes: plan.services.map((s) => routeService(s, idle, colorLabel))
  }
}

/**
 * A colour scaled to zero by an earlier deploy stays at zero when its manifest leaves `replicas`
 * out (apply does not touch a field it never set, e.g. when an autoscaler owns it); bring it back
 * to the count it had.
 */
async function restoreScaledDown(
  kubectl: Kubectl,
  objects: readonly KubeObject[],
  refs: readonly WorkloadRef[],
  report: Reporter
): Promise<void> {
  for (const ref of refs) {
    const manifest = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === ref.name)
    if (manifest?.spec?.replicas !== undefined) continue
    const live = await kubectl.getOrNull<WorkloadObject>('deployment', ref.name, ref.namespace)
    if (!live || (live.spec.replicas ?? 1) > 0) continue
    const replicas = Number(live.metadata.annotations?.[REPLICAS_ANNOTATION] ?? '1') || 1
    await kubectl.run(['scale', `deployment/${ref.name}`, '-n', ref.namespace, `--replicas=${replicas}`], {
      what: `scaling deployment/${ref.name} up`
    })
    report.info(`deployment/${ref.name} was scaled to zero; scaled back to ${replicas}`)
  }
}

interface EndpointSliceList {
  items: { endpoints?: { conditions?: { ready?: boolean }; targetRef?: { kind?: string; name?: string } }[] }[]
}

interface PodList {
  items: { metadata: { name: string; deletionTimestamp?: string }; status?: { conditions?: { type: string; status: string }[] } }[]
}

/**
 * Waits until each switched Service's EndpointSlices (label kubernetes.io/service-name) list as
 * ready exactly the Ready pods its new selector matches (at least one), polling every 250 ms for
 * at most timeoutMs. Returns one warning line per Service that did not get there in time, or whose
 * state could not be read; never throws: the health check after the switch still runs.
 */
export async function waitForEndpoints(
  kubectl: Kubectl,
  services: readonly KubeObject[],
  namespace: string,
  clock: { now(): number; sleep(ms: number): Promise<void> },
  timeoutMs = 30_000
): Promise<string[]> {
  const warnings: string[] = []
  for (const service of services) {
    const ns = namespaceOf(service, namespace)
    const selector = (service as { spec?: { selector?: Record<string, string> } }).spec?.selector ?? {}
    const labels = Object.entries(selector)
      .map(([k, v]) => `${k}=${v}`)
      .join(',')
    if (!labels) continue
    const started = clock.now()
    let last = ''
    for (;;) {
      try {
        const [slices, pods] = await Promise.all([
          kubectl.json<EndpointSliceList>(['get', 'endpointslices', '-n', ns, '-l', `kubernetes.io/service-name=${service.metadata.name}`]),
          kubectl.json<PodList>(['get', 'pods', '-n', ns, '-l', labels])
        ])
        const ready = new Set(
          pods.items
            .filter((p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
            .map((p) => p.metadata.name)
        )
        const routed = new Set(
          slices.items.flatMap((s) =>
            (s.endpoints ?? []).filter((e) => e.conditions?.ready !== false && e.targetRef?.kind === 'Pod').map((e) => e.targetRef?.name ?? '')
          )
        )
        if (ready.size > 0 && ready.size === routed.size && [...ready].every((n) => routed.has(n))) break
        last = `${routed.size} endpoint(s) routed, ${ready.size} ready pod(s) of the new colour`
      } catch (error) {
        warnings.push(`service/${service.metadata.name}: could not read its endpoints (${messageOf(error).split('\n')[0]}); health checks may still reach the previous colour`)
        break
      }
      if (clock.now() - started >= timeoutMs) {
        warnings.push(`service/${service.metadata.name}: endpoints not on the new colour after ${Math.round(timeoutMs / 1000)}s (${last})`)
        break
      }
      await clock.sleep(250)
    }
  }
  return warnings
}

/** Scale Deployments to zero, remembering their replica count (an annotation) for a later switch back. */
export async function scaleDown(kubectl: Kubectl, refs: readonly WorkloadRef[], report: Reporter): Promise<void> {
  for (const ref of refs) {
    const live = await kubectl.getOrNull<WorkloadObject>('deployment', ref.name, ref.namespace)
    if (!live) continue
    const replicas = live.spec.replicas ?? 1
    const target = `deployment/${ref.name}`
    if (replicas > 0)
      await kubectl.run(['annotate', target, '-n', ref.namespace, '--overwrite', `${REPLICAS_ANNOTATION}=${replicas}`], {
        what: `annotating ${target}`
      })
    await kubectl.run(['scale', target, '-n', ref.namespace, '--replicas=0'], { what: `scaling ${target} to zero` })
    report.info(`${target} scaled to zero (was ${replicas})`)
  }
}
