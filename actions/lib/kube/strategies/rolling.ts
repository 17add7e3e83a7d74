// The rolling strategy: apply the manifests in place (Namespaces and CRDs first) and watch every
// workload among them roll out; the known-good state is every object in the manifests.
import { applyObjects } from '../apply.js'
import type { DeploySource } from '../deploy.js'
import { KnownGood, revisionsText, workloadStates } from '../known-good.js'
import { applyImageOverrides, describeWorkload, workloadsOf } from '../manifests.js'
import { applyOptions, dryRunReason, provenText, type Strategy, type StrategyContext } from './strategy.js'

/** A rolling deploy of the given manifests; throws a UserError when an image override names no container. */
export function rollingStrategy(ctx: StrategyContext, source: Extract<DeploySource, { type: 'manifests' }>): Strategy {
  const { kubectl, settings, report, clock, outcome } = ctx
  const objects = structuredClone(source.objects)
  outcome.images = applyImageOverrides(objects, settings.images, 'images')
  const refs = workloadsOf(objects, settings.namespace)
  let known = new KnownGood([])
  return {
    async record() {
      known = await KnownGood.record(kubectl, objects, settings.namespace)
      const before = known.workloads()
      for (const w of before) {
        report.info(
          `Known-good state: ${describeWorkload(w.ref)} ` +
            (w.exists ? `revision ${w.revision} (${w.images.join(', ')})` : 'does not exist yet')
        )
      }
      return { revision: revisionsText(before), workloads: before }
    },
    async apply() {
      const result = await applyObjects(kubectl, objects, applyOptions(ctx, known), report, clock)
      return settings.dryRun ? dryRunReason(result) : undefined
    },
    async prove() {
      const watch = await ctx.prove(refs, settings.health, 'after the rollout')
      return provenText(refs, watch, settings.health)
    },
    restore: (note) => known.restore(kubectl, note),
    async now() {
      const states = await workloadStates(kubectl, refs)
      return { revision: revisionsText(states), workloads: states }
    }
  }
}
