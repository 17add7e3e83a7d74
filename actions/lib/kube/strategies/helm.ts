// The helm strategy: `helm upgrade --install` (never --wait), then the same rollout watch and health
// analysis as manifests. The known-good state is the release's last good revision, restored with
// `helm rollback` (or `helm uninstall` when there was none). A release left pending by a killed helm
// operation is first rolled back to its last deployed revision (a stuck install is uninstalled):
// helm refuses to upgrade it otherwise, and the half-applied revision must not stay.
import { messageOf, UserError } from '../../errors/user-error.js'
import type { DeploySource } from '../deploy.js'
import { lastGoodRevision, stuckRevision, type Helm, type HelmRevision } from '../helm.js'
import { hasHealthChecks } from '../health.js'
import { workloadStates } from '../known-good.js'
import { containerImages, parseManifests, podTemplateOf, workloadsOf, type KubeObject, type WorkloadRef } from '../manifests.js'
import { DeployFailure, provenText, type Strategy, type StrategyContext } from './strategy.js'

type HelmSource = Extract<DeploySource, { type: 'helm' }>

/** A helm deploy of the chart as the release; throws a UserError when helm is not available. */
export function helmStrategy(ctx: StrategyContext, source: HelmSource): Strategy {
  const { kubectl, settings, report, outcome } = ctx
  const { release } = source
  const ns = settings.namespace
  if (!ctx.helm) throw new UserError('helm-chart is set but helm is not available.')
  const helm: Helm = ctx.helm
  let good: HelmRevision | undefined
  let stuck: HelmRevision | undefined
  let before: WorkloadRef[] = []
  let refs: WorkloadRef[] = []
  let recovered = ''
  const manifestOf = async (revision?: number): Promise<KubeObject[]> =>
    parseManifests(await helm.manifest(release, ns, revision), `release ${release}`)
  return {
    async record() {
      const history = await helm.history(release, ns)
      good = lastGoodRevision(history)
      stuck = stuckRevision(history)
      const current = history.at(-1)
      if (good) {
        const newer = current && current.revision !== good.revision ? `; the newest revision ${current.revision} is ${current.status}` : ''
        report.info(`Known-good state: release ${release} revision ${good.revision} (${good.chart ?? ''}, ${good.status})${newer}`)
      } else report.info(`Release ${release} has no good revision yet`)
      before = good ? workloadsOf(await manifestOf(good.revision), ns) : []
      return { revision: good ? String(good.revision) : '', workloads: await workloadStates(kubectl, before) }
    },
    check() {
      if (stuck) checkRecoverable(stuck, good, release, ns, settings.dryRun)
    },
    async apply() {
      if (stuck) recovered = await recover(helm, stuck, good, release, ns, report)
      const title = `helm upgrade --install ${release} ${source.chart}${settings.dryRun ? ' --dry-run=server' : ''}`
      const out = await report.group(title, async () => {
        const text = await helm.upgrade({
          release,
          chart: source.chart,
          namespace: ns,
          values: source.values,
          set: source.set,
          dryRun: settings.dryRun,
          postRenderer: source.postRenderer,
          timeoutSeconds: settings.watch.timeoutSeconds
        })
        report.info(text.trim().split('\n').slice(0, 12).join('\n'))
        return text
      })
      if (settings.dryRun) {
        outcome.images = imagesOfManifest(out.slice(out.indexOf('MANIFEST:') + 9))
        return 'helm rendered the chart and the API server accepted it (server-side dry run); nothing changed'
      }
      const manifest = await manifestOf()
      refs = workloadsOf(manifest, ns)
      outcome.images = imagesOf(manifest)
      return undefined
    },
    async prove() {
      const watch = await ctx.prove(refs, settings.health, 'after the rollout')
      const revision = String((await helm.history(release, ns)).at(-1)?.revision ?? '')
      const checked = hasHealthChecks(settings.health) ? ' and passed the health analysis' : ''
      const plain = refs.length > 0 && !watch?.notReplaced.length
      const text = plain
        ? `release ${release} revision ${revision} rolled out${checked}`
        : `release ${release} revision ${revision}: ${provenText(refs, watch, settings.health)}`
      return recovered ? `${text} (${recovered})` : text
    },
    async restore(note) {
      if (good) {
        const to = good.revision
        await report.group(`helm rollback ${release} ${to}`, () => helm.rollback(release, to, ns))
        note(`release ${release}: rolled back to revision ${to}`)
        return before
      }
      if ((await helm.history(release, ns)).length === 0) {
        note(`release ${release}: nothing to remove (it was never installed)`)
        return []
      }
      await report.group(`helm uninstall ${release}`, () => helm.uninstall(release, ns))
      note(`release ${release}: uninstalled (it had no good revision before this deploy)`)
      return []
    },
    async now() {
      const current = (await helm.history(release, ns)).at(-1)
      if (!current) return { revision: '', workloads: [] }
      const states = await workloadStates(kubectl, workloadsOf(await manifestOf(), ns))
      return { revision: String(current.revision), workloads: states }
    }
  }
}

function stuckText(stuck: HelmRevision, release: string): string {
  return `release ${release} is stuck in ${stuck.status} (revision ${stuck.revision}, left by an interrupted helm operation)`
}

/** Throws (before anything changes) when a stuck release cannot be recovered by this deploy, saying what to do. */
function checkRecoverable(stuck: HelmRevision, good: HelmRevision | undefined, release: string, ns: string, dryRun: boolean): void {
  const text = stuckText(stuck, release)
  if (stuck.status === 'uninstalling') throw new UserError(`${text}: finish it with helm uninstall ${release} -n ${ns}, then deploy again.`)
  if (!good && stuck.status !== 'pending-install') {
    throw new UserError(
      `${text} and has no deployed revision to return to: ` +
        `roll it back to a revision you trust (helm rollback ${release} <revision> -n ${ns}) or uninstall it, then deploy again.`
    )
  }
  if (dryRun) {
    const fix = good ? `helm rollback ${release} ${good.revision} -n ${ns}` : `helm uninstall ${release} -n ${ns}`
    throw new UserError(
      `${text}; a dry run changes nothing, so it cannot recover it: deploy without dry-run (kube-deploy recovers it first) or run ${fix}.`
    )
  }
}

/**
 * Roll the stuck revision back to the last deployed one (uninstall a stuck first install); returns
 * a note for the reason. Throws a DeployFailure naming the state and what to do when helm refuses.
 */
async function recover(
  helm: Helm,
  stuck: HelmRevision,
  good: HelmRevision | undefined,
  release: string,
  ns: string,
  report: StrategyContext['report']
): Promise<string> {
  const text = stuckText(stuck, release)
  report.warning(`${text}; ${good ? `rolling it back to revision ${good.revision}` : 'uninstalling it'} before the upgrade`)
  try {
    if (good)
      await report.group(`helm rollback ${release} ${good.revision} (recovering from ${stuck.status})`, () =>
        helm.rollback(release, good.revision, ns)
      )
    else await report.group(`helm uninstall ${release} (recovering from ${stuck.status})`, () => helm.uninstall(release, ns))
  } catch (error) {
    const fix = good ? `helm rollback ${release} ${good.revision} -n ${ns}` : `helm uninstall ${release} -n ${ns}`
    const why = messageOf(error)
      .split('\n')[0]
      .replace(/[.\s]*$/, '')
    throw new DeployFailure(
      `${text}; ${good ? `rolling it back to revision ${good.revision}` : 'uninstalling it'} failed: ${why}. Run ${fix}, then deploy again.`
    )
  }
  const done = good ? `rolled back to revision ${good.revision}` : 'uninstalled'
  return `it was stuck in ${stuck.status} at revision ${stuck.revision} and was first ${done}`
}

function imagesOf(objects: readonly KubeObject[]): string[] {
  return [...new Set(objects.flatMap((o) => containerImages(podTemplateOf(o))))]
}

function imagesOfManifest(text: string): string[] {
  try {
    return imagesOf(parseManifests(text, 'helm output'))
  } catch {
    return []
  }
}
