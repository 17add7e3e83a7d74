// A deploy as one story: record the known-good state, apply, watch the rollout (failing fast),
// analyse health, and on failure restore exactly what was recorded and wait until it is healthy.
// Knows nothing of GitHub: the action and the tests drive it through a Reporter.
import { UserError, messageOf } from '../errors/user-error.js'
import { coloredName, liveColor, otherColor, planBlueGreen, routeService, type Color } from './blue-green.js'
import { analyseHealth, hasHealthChecks, type HealthResult, type HealthSettings } from './health.js'
import { Helm, lastGoodRevision } from './helm.js'
import type { Kubectl } from './kubectl.js'
import { applyImageOverrides, containerImages, describeWorkload, parseManifests, podTemplateOf, workloadsOf, type KubeObject, type WorkloadRef } from './manifests.js'
import { revisionOf, type WorkloadObject } from './rollout.js'
import { podWarnings, realClock, snapshotWorkload, watchRollout, type Clock, type WatchOptions, type WatchResult } from './watch.js'

export type DeployResult = 'deployed' | 'rolled-back' | 'failed' | 'dry-run'

export type DeploySource =
  | { type: 'manifests'; objects: KubeObject[]; description: string }
  | { type: 'helm'; chart: string; release: string; values: string[]; set: string[]; postRenderer?: { command: string; args: string[] } }

export interface DeploySettings {
  source: DeploySource
  namespace: string
  images: ReadonlyMap<string, string>
  dryRun: boolean
  strategy: 'rolling' | 'blue-green'
  colorLabel: string
  keepPrevious: boolean
  /** Blue-green: an HTTP check of the idle colour before the switch. */
  preview?: HealthSettings
  watch: WatchOptions
  health: HealthSettings
  rollbackOnFailure: boolean
}

export interface Reporter {
  info(line: string): void
  warning(line: string): void
  group<T>(title: string, body: () => Promise<T>): Promise<T>
}

export interface WorkloadStory {
  workload: string
  namespace: string
  before?: string
  after?: string
  imagesBefore: string[]
  imagesAfter: string[]
  /** After a rollback: the revision running now. */
  restored?: string
}

export interface DeployOutcome {
  result: DeployResult
  reason: string
  revision: string
  previousRevision: string
  images: string[]
  durationSeconds: number
  rollbackSeconds?: number
  namespace: string
  source: string
  workloads: WorkloadStory[]
  rollout?: WatchResult
  health: { phase: string; result: HealthResult }[]
  podEvents: Map<string, string[]>
  rollback?: { ok: boolean; detail: string; restored: string[] }
  blueGreen?: { live?: Color; idle: Color; switched: boolean; switchedBack: boolean; previousKept: boolean }
}

interface Recorded {
  ref: WorkloadRef
  existed: boolean
  revision?: string
  template?: unknown
  images: string[]
}

class DeployFailure extends Error {
  constructor(readonly reason: string) {
    super(reason)
  }
}

export async function deploy(kubectl: Kubectl, helm: Helm | undefined, settings: DeploySettings, report: Reporter, clock: Clock = realClock): Promise<DeployOutcome> {
  const started = clock.now()
  const outcome: DeployOutcome = {
    result: 'failed',
    reason: '',
    revision: '',
    previousRevision: '',
    images: [],
    durationSeconds: 0,
    namespace: settings.namespace,
    source: settings.source.type === 'helm' ? `helm chart ${settings.source.chart} as release ${settings.source.release}` : settings.source.description,
    workloads: [],
    health: [],
    podEvents: new Map()
  }
  const finish = (): DeployOutcome => {
    outcome.durationSeconds = Math.round((clock.now() - started) / 100) / 10
    return outcome
  }
  await checkCluster(kubectl, report)
  if (settings.source.type === 'helm') {
    if (!helm) throw new UserError('helm-chart is set but helm is not available.')
    if (settings.strategy === 'blue-green') throw new UserError('strategy blue-green works on manifests or kustomize, not on a helm chart (a chart has its own release history; use helm rollback).')
    await deployHelm(kubectl, helm, settings, settings.source, outcome, report, clock)
    return finish()
  }
  const objects = structuredClone(settings.source.objects)
  outcome.images = applyImageOverrides(objects, settings.images, 'images')
  if (settings.strategy === 'blue-green') await deployBlueGreen(kubectl, settings, objects, outcome, report, clock)
  else await deployRolling(kubectl, settings, objects, outcome, report, clock)
  return finish()
}

async function checkCluster(kubectl: Kubectl, report: Reporter): Promise<void> {
  const out = await kubectl.run(['version', '-o', 'json'], { what: 'Reaching the API server' })
  const server = (JSON.parse(out) as { serverVersion?: { gitVersion?: string } }).serverVersion?.gitVersion
  report.info(`API server reached: Kubernetes ${server ?? '(version unknown)'}`)
}

async function record(kubectl: Kubectl, refs: readonly WorkloadRef[]): Promise<Recorded[]> {
  return Promise.all(
    refs.map(async (ref) => {
      const live = await kubectl.getOrNull<WorkloadObject>(ref.kind.toLowerCase(), ref.name, ref.namespace)
      if (!live) return { ref, existed: false, images: [] }
      const template = live.spec.template
      return { ref, existed: true, revision: revisionOf({ ...live, kind: ref.kind }), template, images: containerImages(podTemplateOf(live)) }
    })
  )
}

async function apply(kubectl: Kubectl, objects: readonly KubeObject[], settings: DeploySettings, report: Reporter): Promise<void> {
  const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects })
  const args = ['apply', '-f', '-', '-n', settings.namespace, '-o', 'name', ...(settings.dryRun ? ['--dry-run=server'] : [])]
  const out = await report.group(`kubectl apply${settings.dryRun ? ' --dry-run=server' : ''} (${objects.length} object(s))`, async () => {
    const text = await kubectl.run(args, { input: list, what: 'kubectl apply' })
    for (const line of text.trim().split('\n').filter(Boolean)) report.info(line)
    return text
  })
  if (out.trim() === '' && objects.length > 0) throw new UserError('kubectl apply reported no objects.')
}

function revisionsText(values: readonly { ref: WorkloadRef; revision?: string }[]): string {
  if (values.length === 1) return values[0].revision ?? ''
  return values.map((v) => `${describeWorkload(v.ref)}=${v.revision ?? ''}`).join(',')
}


/** Watch the rollout, then the health analysis; throws DeployFailure with the reason. */
async function prove(kubectl: Kubectl, refs: readonly WorkloadRef[], settings: DeploySettings, health: HealthSettings | undefined, phase: string, outcome: DeployOutcome, report: Reporter, clock: Clock): Promise<void> {
  if (refs.length > 0) {
    const watch = await report.group(`Watching the rollout of ${refs.map(describeWorkload).join(', ')}`, () => watchRollout(kubectl, refs, settings.watch, (l) => report.info(l), clock))
    outcome.rollout = watch
    if (watch.state === 'failed') {
      if (!watch.apiFailure) {
        const byNamespace = new Map<string, string[]>()
        for (const p of watch.problems) {
          const ns = refs.find((r) => describeWorkload(r) === p.workload)?.namespace ?? settings.namespace
          byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), p.pod])
        }
        for (const [ns, pods] of byNamespace) for (const [pod, lines] of await podWarnings(kubectl, ns, pods)) outcome.podEvents.set(pod, lines)
      }
      throw new DeployFailure(watch.reason)
    }
    report.info(`Rolled out in ${watch.seconds}s`)
  }
  if (health && hasHealthChecks(health)) {
    const result = await report.group(`Health analysis (${phase})`, () => analyseHealth(health, (l) => report.info(l), clock))
    outcome.health.push({ phase, result })
    if (!result.ok) throw new DeployFailure(result.reason)
  }
}

async function deployRolling(kubectl: Kubectl, settings: DeploySettings, objects: KubeObject[], outcome: DeployOutcome, report: Reporter, clock: Clock): Promise<void> {
  const refs = workloadsOf(objects, settings.namespace)
  const recorded = await record(kubectl, refs)
  outcome.previousRevision = revisionsText(recorded)
  for (const r of recorded) report.info(`Known-good state: ${describeWorkload(r.ref)} ${r.existed ? `revision ${r.revision} (${r.images.join(', ')})` : 'does not exist yet'}`)
  await apply(kubectl, objects, settings, report)
  if (settings.dryRun) {
    outcome.result = 'dry-run'
    outcome.reason = 'server-side dry run: the API server accepted every object; nothing changed'
    outcome.workloads = recorded.map((r) => ({ workload: describeWorkload(r.ref), namespace: r.ref.namespace, before: r.revision, imagesBefore: r.images, imagesAfter: [] }))
    return
  }
  const applied = clock.now()
  try {
    await prove(kubectl, refs, settings, settings.health, 'after the rollout', outcome, report, clock)
    const after = await record(kubectl, refs)
    outcome.result = 'deployed'
    outcome.reason = refs.length ? `${refs.map(describeWorkload).join(', ')} rolled out${hasHealthChecks(settings.health) ? ' and passed the health analysis' : ''}` : 'applied (no Deployment, StatefulSet or DaemonSet to watch)'
    outcome.revision = revisionsText(after)
    outcome.workloads = stories(recorded, after)
  } catch (error) {
    if (!(error instanceof DeployFailure)) throw error
    outcome.reason = error.reason
    await rollbackRolling(kubectl, settings, recorded, outcome, report, clock, applied)
  }
}

async function rollbackRolling(kubectl: Kubectl, settings: DeploySettings, recorded: Recorded[], outcome: DeployOutcome, report: Reporter, clock: Clock, applied: number): Promise<void> {
  const failedAfter = await record(kubectl, recorded.map((r) => r.ref)).catch(() => recorded.map((r): Recorded => ({ ref: r.ref, existed: false, images: [] })))
  outcome.workloads = stories(recorded, failedAfter)
  outcome.revision = revisionsText(failedAfter)
  if (!settings.rollbackOnFailure) {
    outcome.result = 'failed'
    report.warning('rollback-on-failure is false: the failed revision stays in place.')
    return
  }
  const rollbackStarted = clock.now()
  const restored: string[] = []
  try {
    await report.group('Rolling back to the recorded state', async () => {
      for (const r of recorded) {
        const label = describeWorkload(r.ref)
        if (!r.existed) {
          await kubectl.run(['delete', `${r.ref.kind.toLowerCase()}/${r.ref.name}`, '-n', r.ref.namespace, '--ignore-not-found', '--wait=false'], { what: `deleting ${label}` })
          restored.push(`${label}: removed (it did not exist before this deploy)`)
          report.info(restored[restored.length - 1])
          continue
        }
        const patch = JSON.stringify([{ op: 'replace', path: '/spec/template', value: r.template }])
        await kubectl.run(['patch', `${r.ref.kind.toLowerCase()}/${r.ref.name}`, '-n', r.ref.namespace, '--type=json', '-p', patch], { what: `restoring ${label}` })
        if (r.ref.kind === 'StatefulSet') await recreateBrokenStatefulSetPods(kubectl, r.ref)
        restored.push(`${label}: pod template of revision ${r.revision} restored (${r.images.join(', ')})`)
        report.info(restored[restored.length - 1])
      }
    })
    const existing = recorded.filter((r) => r.existed).map((r) => r.ref)
    const watch = existing.length ? await report.group('Waiting for the restored revision to be healthy', () => watchRollout(kubectl, existing, settings.watch, (l) => report.info(l), clock)) : undefined
    outcome.rollbackSeconds = Math.round((clock.now() - rollbackStarted) / 100) / 10
    if (watch && watch.state === 'failed') throw new DeployFailure(`the restored revision is not healthy either: ${watch.reason}`)
    const after = await record(kubectl, recorded.map((r) => r.ref))
    outcome.revision = revisionsText(after)
    outcome.workloads = stories(recorded, failedAfter).map((s, i) => ({ ...s, restored: after[i]?.revision }))
    outcome.result = 'rolled-back'
    outcome.rollback = { ok: true, detail: `healthy again ${outcome.rollbackSeconds}s after the rollback started, ${Math.round((clock.now() - applied) / 100) / 10}s after the apply`, restored }
  } catch (error) {
    outcome.rollbackSeconds = Math.round((clock.now() - rollbackStarted) / 100) / 10
    outcome.result = 'failed'
    outcome.rollback = { ok: false, detail: error instanceof DeployFailure ? error.reason : messageOf(error), restored }
  }
}

/**
 * A StatefulSet with OrderedReady pods does not replace a pod that never became Ready, even once
 * its template is restored; the broken pods must go for the controller to recreate them.
 */
async function recreateBrokenStatefulSetPods(kubectl: Kubectl, ref: WorkloadRef): Promise<void> {
  const snapshot = await snapshotWorkload(kubectl, ref)
  const broken = snapshot.pods.filter((p) => p.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'True').map((p) => `pod/${p.metadata.name}`)
  if (broken.length) await kubectl.run(['delete', ...broken, '-n', ref.namespace, '--wait=false'], { what: `recreating the broken pods of ${describeWorkload(ref)}` })
}

function stories(recorded: readonly Recorded[], after: readonly { ref: WorkloadRef; revision?: string; images: string[] }[]): WorkloadStory[] {
  return recorded.map((r, i) => ({ workload: describeWorkload(r.ref), namespace: r.ref.namespace, before: r.revision, after: after[i]?.revision, imagesBefore: r.images, imagesAfter: after[i]?.images ?? [] }))
}

// --- helm -------------------------------------------------------------------------------------

async function deployHelm(kubectl: Kubectl, helm: Helm, settings: DeploySettings, source: Extract<DeploySource, { type: 'helm' }>, outcome: DeployOutcome, report: Reporter, clock: Clock): Promise<DeployOutcome> {
  const history = await helm.history(source.release, settings.namespace)
  const good = lastGoodRevision(history)
  const current = history[history.length - 1]
  outcome.previousRevision = good ? String(good.revision) : ''
  report.info(good ? `Known-good state: release ${source.release} revision ${good.revision} (${good.chart ?? ''}, ${good.status})${current && current.revision !== good.revision ? `; the newest revision ${current.revision} is ${current.status}` : ''}` : `Release ${source.release} has no good revision yet`)
  const before = good ? workloadsOf(parseManifests(await helm.manifest(source.release, settings.namespace, good.revision), `release ${source.release}`), settings.namespace) : []
  const recordedBefore = await record(kubectl, before)
  const upgradeOut = await report.group(`helm upgrade --install ${source.release} ${source.chart}${settings.dryRun ? ' --dry-run=server' : ''}`, async () => {
    const out = await helm.upgrade({ release: source.release, chart: source.chart, namespace: settings.namespace, values: source.values, set: source.set, dryRun: settings.dryRun, postRenderer: source.postRenderer, timeoutSeconds: settings.watch.timeoutSeconds })
    report.info(out.trim().split('\n').slice(0, 12).join('\n'))
    return out
  })
  if (settings.dryRun) {
    outcome.result = 'dry-run'
    outcome.reason = 'helm rendered the chart and the API server accepted it (server-side dry run); nothing changed'
    outcome.images = imagesOfManifest(upgradeOut.slice(upgradeOut.indexOf('MANIFEST:') + 9))
    return outcome
  }
  const applied = clock.now()
  const now = await helm.history(source.release, settings.namespace)
  const installed = now[now.length - 1]
  outcome.revision = String(installed?.revision ?? '')
  const manifest = parseManifests(await helm.manifest(source.release, settings.namespace), `release ${source.release}`)
  const refs = workloadsOf(manifest, settings.namespace)
  outcome.images = imagesOfObjects(manifest)
  try {
    await prove(kubectl, refs, settings, settings.health, 'after the rollout', outcome, report, clock)
    outcome.result = 'deployed'
    outcome.reason = `release ${source.release} revision ${outcome.revision} rolled out${hasHealthChecks(settings.health) ? ' and passed the health analysis' : ''}`
    const now = await record(kubectl, refs)
    outcome.workloads = stories(now, now).map((s) => ({ ...s, before: recordedBefore.find((r) => describeWorkload(r.ref) === s.workload)?.revision, imagesBefore: recordedBefore.find((r) => describeWorkload(r.ref) === s.workload)?.images ?? [] }))
  } catch (error) {
    if (!(error instanceof DeployFailure)) throw error
    outcome.reason = error.reason
    outcome.workloads = stories(recordedBefore.length ? recordedBefore : refs.map((ref) => ({ ref, existed: false, images: [] })), await record(kubectl, refs).catch(() => []))
    if (!settings.rollbackOnFailure) {
      outcome.result = 'failed'
      return outcome
    }
    const rollbackStarted = clock.now()
    try {
      const restored: string[] = []
      if (good) {
        await report.group(`helm rollback ${source.release} ${good.revision}`, () => helm.rollback(source.release, good.revision, settings.namespace))
        restored.push(`release ${source.release}: rolled back to revision ${good.revision}`)
        const watch = before.length ? await report.group('Waiting for the restored revision to be healthy', () => watchRollout(kubectl, before, settings.watch, (l) => report.info(l), clock)) : undefined
        if (watch?.state === 'failed') throw new DeployFailure(`the restored revision is not healthy either: ${watch.reason}`)
        const after = await helm.history(source.release, settings.namespace)
        outcome.revision = String(after[after.length - 1]?.revision ?? '')
      } else {
        await report.group(`helm uninstall ${source.release}`, () => helm.uninstall(source.release, settings.namespace))
        restored.push(`release ${source.release}: uninstalled (it had no good revision before this deploy)`)
        outcome.revision = ''
      }
      outcome.rollbackSeconds = Math.round((clock.now() - rollbackStarted) / 100) / 10
      outcome.result = 'rolled-back'
      outcome.rollback = { ok: true, detail: `healthy again ${outcome.rollbackSeconds}s after the rollback started, ${Math.round((clock.now() - applied) / 100) / 10}s after the upgrade`, restored }
    } catch (rollbackError) {
      outcome.rollbackSeconds = Math.round((clock.now() - rollbackStarted) / 100) / 10
      outcome.result = 'failed'
      outcome.rollback = { ok: false, detail: rollbackError instanceof DeployFailure ? rollbackError.reason : messageOf(rollbackError), restored: [] }
    }
  }
  return outcome
}

function imagesOfObjects(objects: readonly KubeObject[]): string[] {
  return [...new Set(objects.flatMap((o) => containerImages(podTemplateOf(o))))]
}

function imagesOfManifest(text: string): string[] {
  try {
    return imagesOfObjects(parseManifests(text, 'helm output'))
  } catch {
    return []
  }
}

// --- blue-green --------------------------------------------------------------------------------

async function deployBlueGreen(kubectl: Kubectl, settings: DeploySettings, objects: KubeObject[], outcome: DeployOutcome, report: Reporter, clock: Clock): Promise<void> {
  const serviceProbe = planBlueGreen(objects, 'blue', settings.colorLabel).services
  const liveServices = await Promise.all(serviceProbe.map((s) => kubectl.getOrNull<{ spec?: { selector?: Record<string, string> } }>('service', s.metadata.name, s.metadata.namespace ?? settings.namespace)))
  const colors = [...new Set(liveServices.map((s) => liveColor(s, settings.colorLabel)))]
  if (colors.length > 1) throw new UserError(`The Services ${serviceProbe.map((s) => s.metadata.name).join(', ')} route to different colours (${colors.map((c) => c ?? 'none').join(', ')}); switch them to one colour first (kube-rollback with strategy blue-green).`)
  const live = colors[0]
  const idle: Color = live ? otherColor(live) : 'blue'
  const plan = planBlueGreen(objects, idle, settings.colorLabel)
  const refs = workloadsOf(plan.workloadObjects, settings.namespace)
  const liveRefs: WorkloadRef[] = live ? plan.deployments.map((name) => ({ kind: 'Deployment', name: coloredName(name, live), namespace: refs[0].namespace })) : []
  outcome.blueGreen = { live, idle, switched: false, switchedBack: false, previousKept: settings.keepPrevious }
  report.info(live ? `Blue-green: ${live} is live; deploying ${idle} beside it` : `Blue-green: no colour is live yet; deploying ${idle}`)
  const recordedLive = await record(kubectl, liveRefs)
  const recordedIdle = await record(kubectl, refs)
  outcome.previousRevision = live ? `${live}:${revisionsText(recordedLive)}` : ''
  // Services that exist keep routing to the live colour while the idle one comes up; new ones are
  // created at the switch, so nothing routes to pods that are not proven yet.
  const keepRouting = plan.services.filter((_, i) => liveServices[i] !== null).map((s) => routeService(s, live ?? idle, settings.colorLabel))
  await apply(kubectl, [...plan.workloadObjects, ...keepRouting], settings, report)
  if (settings.dryRun) {
    outcome.result = 'dry-run'
    outcome.reason = `server-side dry run of the ${idle} colour: the API server accepted every object; nothing changed`
    return
  }
  await restoreScaledDown(kubectl, plan.workloadObjects, refs, report)
  const applied = clock.now()
  const setRoute = async (color: Color): Promise<void> => {
    await apply(kubectl, plan.services.map((s) => routeService(s, color, settings.colorLabel)), { ...settings, dryRun: false }, report)
  }
  try {
    await prove(kubectl, refs, settings, settings.preview, `${idle} before the switch`, outcome, report, clock)
    try {
      await setRoute(idle)
    } catch (error) {
      throw new DeployFailure(`switching the Service to ${idle} failed: ${messageOf(error)}`)
    }
    outcome.blueGreen.switched = true
    report.info(`Switched ${plan.services.map((s) => `service/${s.metadata.name}`).join(', ')} to ${idle}`)
    await prove(kubectl, [], settings, settings.health, `${idle} after the switch`, outcome, report, clock)
    if (live && !settings.keepPrevious) await scaleDown(kubectl, liveRefs, report)
    const after = await record(kubectl, refs)
    outcome.result = 'deployed'
    outcome.reason = `${idle} is live${live ? ` (${live} ${settings.keepPrevious ? 'kept for a fast switch back' : 'scaled to zero'})` : ''}`
    outcome.revision = `${idle}:${revisionsText(after)}`
    outcome.workloads = stories(recordedIdle, after)
  } catch (error) {
    if (!(error instanceof DeployFailure)) throw error
    outcome.reason = error.reason
    const after = await record(kubectl, refs).catch(() => [])
    outcome.workloads = stories(recordedIdle, after)
    outcome.revision = `${idle}:${revisionsText(after)}`
    if (!settings.rollbackOnFailure) {
      outcome.result = 'failed'
      return
    }
    const rollbackStarted = clock.now()
    const restored: string[] = []
    try {
      if (outcome.blueGreen.switched) {
        if (!live) throw new DeployFailure(`there is no previous colour to switch back to (first blue-green deploy)`)
        await setRoute(live)
        outcome.blueGreen.switchedBack = true
        restored.push(`Service switched back to ${live}`)
        report.info(restored[restored.length - 1])
      }
      await scaleDown(kubectl, refs, report)
      restored.push(`${idle} scaled to zero`)
      outcome.rollbackSeconds = Math.round((clock.now() - rollbackStarted) / 100) / 10
      outcome.result = 'rolled-back'
      outcome.revision = live ? `${live}:${revisionsText(recordedLive)}` : ''
      outcome.rollback = { ok: true, detail: `${live ?? 'nothing'} serving; ${Math.round((clock.now() - applied) / 100) / 10}s after the apply`, restored }
    } catch (rollbackError) {
      outcome.rollbackSeconds = Math.round((clock.now() - rollbackStarted) / 100) / 10
      outcome.result = 'failed'
      outcome.rollback = { ok: false, detail: rollbackError instanceof DeployFailure ? rollbackError.reason : messageOf(rollbackError), restored }
    }
  }
}

/**
 * A colour scaled to zero by an earlier deploy stays at zero when its manifest leaves `replicas`
 * out (apply does not touch a field it never set, e.g. when an autoscaler owns it); bring it back
 * to the count it had.
 */
async function restoreScaledDown(kubectl: Kubectl, objects: readonly KubeObject[], refs: readonly WorkloadRef[], report: Reporter): Promise<void> {
  for (const ref of refs) {
    const manifest = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === ref.name)
    if (manifest?.spec?.replicas !== undefined) continue
    const live = await kubectl.getOrNull<WorkloadObject>('deployment', ref.name, ref.namespace)
    if (!live || (live.spec.replicas ?? 1) > 0) continue
    const replicas = Number(live.metadata.annotations?.[REPLICAS_ANNOTATION] ?? '1') || 1
    await kubectl.run(['scale', `deployment/${ref.name}`, '-n', ref.namespace, `--replicas=${replicas}`], { what: `scaling deployment/${ref.name} up` })
    report.info(`deployment/${ref.name} was scaled to zero; scaled back to ${replicas}`)
  }
}

export const REPLICAS_ANNOTATION = 'sgw.dev/replicas-before-scale-down'

/** Scale Deployments to zero, remembering their replica count for a later switch back. */
export async function scaleDown(kubectl: Kubectl, refs: readonly WorkloadRef[], report: Reporter): Promise<void> {
  for (const ref of refs) {
    const live = await kubectl.getOrNull<WorkloadObject>('deployment', ref.name, ref.namespace)
    if (!live) continue
    const replicas = live.spec.replicas ?? 1
    if (replicas > 0) await kubectl.run(['annotate', `deployment/${ref.name}`, '-n', ref.namespace, '--overwrite', `${REPLICAS_ANNOTATION}=${replicas}`], { what: `annotating deployment/${ref.name}` })
    await kubectl.run(['scale', `deployment/${ref.name}`, '-n', ref.namespace, '--replicas=0'], { what: `scaling deployment/${ref.name} to zero` })
    report.info(`deployment/${ref.name} scaled to zero (was ${replicas})`)
  }
}

