// The known-good state of every object a deploy may change, read before it changes anything, and
// put back when the deploy fails: a workload gets its recorded pod template and replica count (a new
// revision, as `kubectl rollout undo` makes), any other object its recorded copy, and an object the
// deploy created is deleted. Namespaces and CustomResourceDefinitions the deploy created are kept:
// deleting them would delete everything in them, and a retry right after would meet a namespace
// still terminating.
import { isCrd, isNamespace } from './apply.js'
import { classifyFailure, resourceArg, type Kubectl } from './kubectl.js'
import {
  containerImages,
  describeObject,
  describeWorkload,
  isWorkload,
  namespaceOf,
  podTemplateOf,
  type KubeObject,
  type WorkloadKind,
  type WorkloadRef
} from './manifests.js'
import { revisionOf, type WorkloadObject } from './rollout.js'
import { snapshotWorkload } from './watch.js'

/** A live object as the API server returns it. */
export interface LiveObject extends KubeObject {
  metadata: KubeObject['metadata'] & { resourceVersion?: string; uid?: string }
}

export interface RecordedObject {
  /** The object as the deploy sends it. */
  object: KubeObject
  /** The namespace it goes to (ignored by kubectl for cluster-scoped kinds). */
  namespace: string
  /** Its live copy before the deploy; null when it did not exist. */
  live: LiveObject | null
}

/** A workload's revision and images at one moment, for the outputs and the summary. */
export interface WorkloadState {
  ref: WorkloadRef
  exists: boolean
  revision?: string
  images: string[]
}

const CONCURRENCY = 6

/** Run `fn` over the items, at most CONCURRENCY at a time, keeping their order in the result. */
export async function mapLimited<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const at = next++
      out[at] = await fn(items[at])
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker))
  return out
}

/** The recorded state of a set of objects; see the file comment for what restore() does. */
export class KnownGood {
  constructor(readonly records: readonly RecordedObject[]) {}

  /**
   * Read the live copy of each object (in `namespace` when it names none). Throws when one cannot
   * be read: a deploy that could not record what it would change must not change it.
   */
  static async record(kubectl: Kubectl, objects: readonly KubeObject[], namespace: string): Promise<KnownGood> {
    const records = await mapLimited(objects, async (object): Promise<RecordedObject> => {
      const ns = namespaceOf(object, namespace)
      const live = await kubectl.getObject<LiveObject>(
        object.apiVersion,
        object.kind,
        object.metadata.name,
        ns,
        `recording ${describeObject(object)}`
      )
      return { object, namespace: ns, live }
    })
    return new KnownGood(records)
  }

  /** Whether the object did not exist before the deploy. */
  isNew(object: KubeObject): boolean {
    return this.find(object)?.live === null
  }

  find(object: KubeObject): RecordedObject | undefined {
    const same = (r: RecordedObject): boolean =>
      r.object.kind === object.kind &&
      r.object.apiVersion === object.apiVersion &&
      r.object.metadata.name === object.metadata.name &&
      r.object.metadata.namespace === object.metadata.namespace
    return this.records.find((r) => r.object === object) ?? this.records.find(same)
  }

  /** The recorded revision and images of each workload among the objects. */
  workloads(): WorkloadState[] {
    return this.records.filter((r) => isWorkload(r.object)).map((r) => workloadState(refOf(r), r.live as WorkloadObject | null))
  }

  /**
   * Put every recorded object back (see the file comment), noting one line per object changed.
   * Services go first (traffic), then other objects (configuration the restored pods read), then
   * workloads, then what the deploy created, newest first. Returns the workloads to wait for.
   * Throws on the first object that cannot be restored; the lines noted so far say what was done.
   */
  async restore(kubectl: Kubectl, note: (line: string) => void): Promise<WorkloadRef[]> {
    const existed = this.records.filter((r) => r.live !== null)
    const isService = (r: RecordedObject): boolean => r.object.kind === 'Service' && r.object.apiVersion === 'v1'
    const ordered = [
      ...existed.filter(isService),
      ...existed.filter((r) => !isService(r) && !isWorkload(r.object)),
      ...existed.filter((r) => isWorkload(r.object))
    ]
    const wait: WorkloadRef[] = []
    for (const record of ordered) {
      if (isWorkload(record.object)) {
        await restoreWorkload(kubectl, record, note)
        wait.push(refOf(record))
      } else await restoreObject(kubectl, record, note)
    }
    for (const record of [...this.records].reverse().filter((r) => r.live === null)) await removeCreated(kubectl, record, note)
    return wait
  }
}

function refOf(record: RecordedObject): WorkloadRef {
  return { kind: record.object.kind as WorkloadKind, name: record.object.metadata.name, namespace: record.namespace }
}

/** A workload's state from its live copy (null: it does not exist). */
export function workloadState(ref: WorkloadRef, live: WorkloadObject | null): WorkloadState {
  if (!live) return { ref, exists: false, images: [] }
  return { ref, exists: true, revision: revisionOf({ ...live, kind: ref.kind }), images: containerImages(podTemplateOf(live)) }
}

/** The current state of each workload. */
export async function workloadStates(kubectl: Kubectl, refs: readonly WorkloadRef[]): Promise<WorkloadState[]> {
  return mapLimited(refs, async (ref) =>
    workloadState(ref, await kubectl.getOrNull<WorkloadObject>(ref.kind.toLowerCase(), ref.name, ref.namespace))
  )
}

/** One revision for one workload, else `kind/name=revision,...`. */
export function revisionsText(states: readonly WorkloadState[]): string {
  if (states.length === 1) return states[0].revision ?? ''
  return states.map((s) => `${describeWorkload(s.ref)}=${s.revision ?? ''}`).join(',')
}

/** The object as it can be written back: no server-set identity, version or status. */
function writable(live: LiveObject, resourceVersion?: string): LiveObject {
  const copy = structuredClone(live)
  const {
    uid: _uid,
    resourceVersion: _rv,
    creationTimestamp: _created,
    generation: _generation,
    managedFields: _managed,
    selfLink: _self,
    ...metadata
  } = copy.metadata
  delete copy.status
  return { ...copy, metadata: { ...metadata, ...(resourceVersion ? { resourceVersion } : {}) } }
}

async function restoreWorkload(kubectl: Kubectl, record: RecordedObject, note: (line: string) => void): Promise<void> {
  const live = record.live as WorkloadObject & LiveObject
  const ref = refOf(record)
  const label = describeWorkload(ref)
  const target = `${ref.kind.toLowerCase()}/${ref.name}`
  const patch: { op: string; path: string; value: unknown }[] = [{ op: 'replace', path: '/spec/template', value: live.spec.template }]
  if (live.spec.replicas !== undefined) patch.push({ op: 'replace', path: '/spec/replicas', value: live.spec.replicas })
  const args = ['patch', target, '-n', ref.namespace, '--type=json', '-p', JSON.stringify(patch)]
  const result = await kubectl.tryRun(args)
  if (result.exitCode !== 0) {
    if (classifyFailure(result.stderr) !== 'not-found') throw kubectl.failure(args, result, `restoring ${label}`)
    await kubectl.run(['create', '-f', '-', '-o', 'name'], { input: JSON.stringify(writable(live)), what: `re-creating ${label}` })
    note(`${label}: re-created as recorded (it was deleted during the deploy)`)
    return
  }
  if (/\(no change\)/.test(result.stdout)) return
  if (ref.kind === 'StatefulSet') await recreateBrokenStatefulSetPods(kubectl, ref)
  const state = workloadState(ref, live)
  note(`${label}: pod template of revision ${state.revision ?? '?'} restored (${state.images.join(', ')})`)
}

async function restoreObject(kubectl: Kubectl, record: RecordedObject, note: (line: string) => void): Promise<void> {
  const recorded = record.live as LiveObject
  const label = describeObject(record.object)
  const now = await kubectl.getObject<LiveObject>(
    record.object.apiVersion,
    record.object.kind,
    record.object.metadata.name,
    record.namespace,
    `reading ${label}`
  )
  if (now && now.metadata.resourceVersion === recorded.metadata.resourceVersion) return
  if (!now) {
    await kubectl.run(['create', '-f', '-', '-o', 'name'], { input: JSON.stringify(writable(recorded)), what: `re-creating ${label}` })
    note(`${label}: re-created as recorded`)
    return
  }
  // An update on the version just read: some kinds refuse an unconditional one.
  await kubectl.run(['replace', '-f', '-', '-o', 'name'], {
    input: JSON.stringify(writable(recorded, now.metadata.resourceVersion)),
    what: `restoring ${label}`
  })
  note(`${label}: restored as recorded`)
}

async function removeCreated(kubectl: Kubectl, record: RecordedObject, note: (line: string) => void): Promise<void> {
  const { object } = record
  const label = describeObject(object)
  if (isNamespace(object) || isCrd(object)) {
    const exists = await kubectl.getObject(object.apiVersion, object.kind, object.metadata.name, record.namespace, `reading ${label}`)
    if (exists)
      note(`${label}: kept (created by this deploy; deleting it would delete everything ${isNamespace(object) ? 'in it' : 'of its kind'})`)
    return
  }
  const args = [
    'delete',
    `${resourceArg(object.apiVersion, object.kind)}/${object.metadata.name}`,
    '-n',
    record.namespace,
    '--ignore-not-found',
    '--wait=false',
    '-o',
    'name'
  ]
  const result = await kubectl.tryRun(args)
  // A custom resource whose CRD never came: there is nothing to delete.
  if (result.exitCode !== 0 && classifyFailure(result.stderr) === 'unknown-kind') return
  if (result.exitCode !== 0) throw kubectl.failure(args, result, `deleting ${label}`)
  if (result.stdout.trim()) note(`${label}: removed (it did not exist before this deploy)`)
}

/**
 * A StatefulSet with OrderedReady pods does not replace a pod that never became Ready, even once
 * its template is restored; the broken pods must go for the controller to recreate them.
 */
async function recreateBrokenStatefulSetPods(kubectl: Kubectl, ref: WorkloadRef): Promise<void> {
  const snapshot = await snapshotWorkload(kubectl, ref)
  const broken = snapshot.pods
    .filter((p) => p.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'True')
    .map((p) => `pod/${p.metadata.name}`)
  if (broken.length)
    await kubectl.run(['delete', ...broken, '-n', ref.namespace, '--wait=false'], {
      what: `recreating the broken pods of ${describeWorkload(ref)}`
    })
}
