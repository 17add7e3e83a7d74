// Applying a set of manifests in the order kubectl users expect: Namespaces and
// CustomResourceDefinitions first (each CRD Established before any object of its kind is sent),
// then the rest in manifest order. Every object goes to the namespace it names; the deploy's
// namespace only to objects that name none (kubectl refuses an object whose namespace differs
// from -n, so there is no blanket -n: one apply per namespace, which kubectl ignores for
// cluster-scoped kinds).
import { UserError } from '../errors/user-error.js'
import type { Reporter } from './deploy.js'
import type { CommandResult, Kubectl } from './kubectl.js'
import { describeObject, namespaceOf, type KubeObject } from './manifests.js'
import type { Clock } from './watch.js'

export interface ApplyOptions {
  /** The namespace for objects that name none. */
  namespace: string
  dryRun: boolean
  /** Whether an object does not exist in the cluster yet (from the recorded known-good state). */
  isNew: (object: KubeObject) => boolean
  /** Seconds a CustomResourceDefinition may take to be Established. */
  establishSeconds: number
  pollMs?: number
}

export interface ApplyResult {
  /** What kubectl reported applying, one `kind.group/name` per line. */
  applied: string[]
  /**
   * Dry run only: objects the API server could not check because they need a Namespace or a
   * CustomResourceDefinition that this deploy would create.
   */
  notValidated: string[]
}

interface Crd {
  spec?: { group?: string; names?: { kind?: string } }
  status?: { conditions?: { type: string; status: string; reason?: string; message?: string }[] }
}

export function isNamespace(object: KubeObject): boolean {
  return object.kind === 'Namespace' && object.apiVersion === 'v1'
}

export function isCrd(object: KubeObject): boolean {
  return object.kind === 'CustomResourceDefinition' && object.apiVersion.startsWith('apiextensions.k8s.io/')
}

/** Whether `crd` (a CustomResourceDefinition manifest) defines the kind of `object`. */
export function defines(crd: KubeObject, object: KubeObject): boolean {
  const spec = (crd as Crd).spec
  const group = object.apiVersion.includes('/') ? object.apiVersion.slice(0, object.apiVersion.indexOf('/')) : ''
  return spec?.group === group && spec.names?.kind === object.kind
}

/** The objects in apply order: Namespaces, then CustomResourceDefinitions, then the rest, each in manifest order. */
export function applyOrder(objects: readonly KubeObject[]): { first: KubeObject[]; rest: KubeObject[] } {
  return {
    first: [...objects.filter(isNamespace), ...objects.filter(isCrd)],
    rest: objects.filter((o) => !isNamespace(o) && !isCrd(o))
  }
}

/** The objects grouped by the namespace each goes to, in order of first appearance. */
export function byNamespace(objects: readonly KubeObject[], namespace: string): { namespace: string; objects: KubeObject[] }[] {
  const groups = new Map<string, KubeObject[]>()
  for (const object of objects) {
    const ns = namespaceOf(object, namespace)
    groups.set(ns, [...(groups.get(ns) ?? []), object])
  }
  return [...groups].map(([ns, list]) => ({ namespace: ns, objects: list }))
}

/**
 * Apply (or server-side dry-run) the objects in order. Throws a KubectlError when kubectl refuses
 * any of them (objects before it in the same call may be applied: the caller restores the recorded
 * state), or a UserError when a CustomResourceDefinition is not accepted or not Established in time.
 */
export async function applyObjects(
  kubectl: Kubectl,
  objects: readonly KubeObject[],
  options: ApplyOptions,
  report: Reporter,
  clock: Clock
): Promise<ApplyResult> {
  const result: ApplyResult = { applied: [], notValidated: [] }
  const { first, rest } = applyOrder(objects)
  const firstNote = first.length ? `; ${first.length} Namespace/CRD first` : ''
  const title = `kubectl apply${options.dryRun ? ' --dry-run=server' : ''} (${objects.length} object(s)${firstNote})`
  await report.group(title, async () => {
    await applyGroups(kubectl, first, options, report, result)
    const crds = first.filter(isCrd)
    if (!options.dryRun) await waitEstablished(kubectl, crds, options, report, clock)
    let later = rest
    if (options.dryRun) {
      const newNamespaces = new Set(first.filter((o) => isNamespace(o) && options.isNew(o)).map((o) => o.metadata.name))
      const newCrds = crds.filter(options.isNew)
      later = rest.filter((o) => !(newNamespaces.has(namespaceOf(o, options.namespace)) || newCrds.some((crd) => defines(crd, o))))
      result.notValidated = rest.filter((o) => !later.includes(o)).map(describeObject)
      if (result.notValidated.length)
        report.info(`Not validated (they need a Namespace or CRD this deploy would create): ${result.notValidated.join(', ')}`)
    }
    // Established means served, but a client's discovery may lag a moment behind: one retry.
    await applyGroups(kubectl, later, options, report, result, crds.length > 0 && !options.dryRun ? clock : undefined)
  })
  if (result.applied.length === 0 && objects.length > result.notValidated.length) throw new UserError('kubectl apply reported no objects.')
  return result
}

async function applyGroups(
  kubectl: Kubectl,
  objects: readonly KubeObject[],
  options: ApplyOptions,
  report: Reporter,
  result: ApplyResult,
  retryClock?: Clock
): Promise<void> {
  for (const group of byNamespace(objects, options.namespace)) {
    const args = ['apply', '-n', group.namespace, '-f', '-', '-o', 'name', ...(options.dryRun ? ['--dry-run=server'] : [])]
    const input = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: group.objects })
    let out: CommandResult = await kubectl.tryRun(args, { input })
    if (out.exitCode !== 0 && retryClock && /no matches for kind|doesn't have a resource type/.test(out.stderr)) {
      await retryClock.sleep(1000)
      out = await kubectl.tryRun(args, { input })
    }
    const lines = out.stdout.trim().split('\n').filter(Boolean)
    for (const line of lines) report.info(line)
    result.applied.push(...lines)
    if (out.exitCode !== 0) {
      if (lines.length) report.info(`Applied before kubectl stopped: ${lines.join(', ')}`)
      throw kubectl.failure(args, out, 'kubectl apply')
    }
  }
}

async function waitEstablished(
  kubectl: Kubectl,
  crds: readonly KubeObject[],
  options: ApplyOptions,
  report: Reporter,
  clock: Clock
): Promise<void> {
  if (crds.length === 0) return
  const started = clock.now()
  const pending = new Map(crds.map((crd) => [crd.metadata.name, crd]))
  for (;;) {
    for (const [name, crd] of pending) {
      const live = await kubectl.getObject<Crd>(
        crd.apiVersion,
        crd.kind,
        name,
        options.namespace,
        `reading customresourcedefinition/${name}`
      )
      const conditions = live?.status?.conditions ?? []
      const names = conditions.find((c) => c.type === 'NamesAccepted')
      if (names?.status === 'False')
        throw new UserError(`customresourcedefinition/${name} was not accepted: ${names.reason ?? ''} ${names.message ?? ''}`.trim())
      if (conditions.find((c) => c.type === 'Established')?.status === 'True') pending.delete(name)
    }
    if (pending.size === 0) {
      report.info(`Established: ${crds.map((c) => `customresourcedefinition/${c.metadata.name}`).join(', ')}`)
      return
    }
    if ((clock.now() - started) / 1000 >= options.establishSeconds) {
      throw new UserError(
        `${[...pending.keys()].map((n) => `customresourcedefinition/${n}`).join(', ')} not Established within ${options.establishSeconds}s.`
      )
    }
    await clock.sleep(options.pollMs ?? 500)
  }
}
