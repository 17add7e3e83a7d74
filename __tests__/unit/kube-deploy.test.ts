// The deploy runner (actions/lib/kube/deploy.ts) and kube-rollback over every strategy, driven by
// the injectable clock and command runner against an in-memory cluster that answers kubectl and
// helm as the real ones do (argv, stdin, stdout, stderr, exit codes), with faults injected at any
// command. Each case is one way a deploy can end; every one must set every output.
import { describe, expect, it } from '@jest/globals'
import { stringify as stringifyYaml } from 'yaml'
import { deploy, type DeployOutcome, type DeploySettings, type Reporter } from '../../actions/lib/kube/deploy.js'
import { Helm } from '../../actions/lib/kube/helm.js'
import { Kubectl, type CommandResult, type CommandRunner } from '../../actions/lib/kube/kubectl.js'
import { parseManifests, type KubeObject } from '../../actions/lib/kube/manifests.js'
import { rollback, type RollbackOutcome, type RollbackTarget } from '../../actions/lib/kube/rollback.js'
import type { WatchOptions } from '../../actions/lib/kube/watch.js'
import { fakeClock } from '../helpers/unit.js'

// --- an in-memory cluster behind fake kubectl and helm executables ---------------------------------

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

interface Kind {
  kind: string
  apiVersion: string
  namespaced: boolean
}

const BUILTIN: Kind[] = [
  { kind: 'Namespace', apiVersion: 'v1', namespaced: false },
  { kind: 'ConfigMap', apiVersion: 'v1', namespaced: true },
  { kind: 'Secret', apiVersion: 'v1', namespaced: true },
  { kind: 'Service', apiVersion: 'v1', namespaced: true },
  { kind: 'Deployment', apiVersion: 'apps/v1', namespaced: true },
  { kind: 'StatefulSet', apiVersion: 'apps/v1', namespaced: true },
  { kind: 'DaemonSet', apiVersion: 'apps/v1', namespaced: true },
  { kind: 'CustomResourceDefinition', apiVersion: 'apiextensions.k8s.io/v1', namespaced: false },
  { kind: 'ClusterRole', apiVersion: 'rbac.authorization.k8s.io/v1', namespaced: false }
]

interface Fault {
  /** Matched against the argv (without the kubeconfig flags) joined by spaces. */
  match: RegExp
  result: CommandResult | Error
  times: number
}

interface HelmRelease {
  revision: number
  status: string
  description: string
  objects: Json[]
}

const ok = (stdout = ''): CommandResult => ({ exitCode: 0, stdout, stderr: '' })
const err = (stderr: string): CommandResult => ({ exitCode: 1, stdout: '', stderr })
const json = (value: unknown): CommandResult => ok(JSON.stringify(value))
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
const tagOf = (image: string): string => image.slice(image.lastIndexOf(':') + 1)

class FakeCluster {
  readonly objects = new Map<string, Json>()
  readonly releases = new Map<string, HelmRelease[]>()
  /** Every command, `kubectl ...` or `helm ...`, without the kubeconfig flags. */
  readonly calls: string[] = []
  private readonly faults: Fault[] = []
  private rv = 100
  private uid = 0
  /** Polls a new CRD takes to be Established; NamesAccepted False when `rejectCrd`. */
  crdPolls = 1
  rejectCrd = false
  readonly runner: CommandRunner = async (tool, args, options) => this.run(tool, args, options?.input)

  /** Fail (or throw) the next `times` commands whose argv matches. */
  fault(match: RegExp, result: CommandResult | Error, times = 1): this {
    this.faults.push({ match, result, times })
    return this
  }

  kinds(): Kind[] {
    const crds = [...this.objects.values()].filter((o) => o.kind === 'CustomResourceDefinition' && this.established(o))
    return [
      ...BUILTIN,
      ...crds.map((c) => ({
        kind: c.spec.names.kind,
        apiVersion: `${c.spec.group}/${c.spec.versions[0].name}`,
        namespaced: c.spec.scope !== 'Cluster'
      }))
    ]
  }

  private established(crd: Json): boolean {
    return crd.status?.conditions?.some((c: Json) => c.type === 'Established' && c.status === 'True') ?? false
  }

  private key(kind: string, namespace: string, name: string): string {
    const k = this.kinds().find((x) => x.kind === kind)
    return `${kind}|${k && !k.namespaced ? '' : namespace}|${name}`
  }

  get(kind: string, namespace: string, name: string): Json | undefined {
    return this.objects.get(this.key(kind, namespace, name))
  }

  /** Resolve kubectl's TYPE argument (Kind.version.group, Kind, kind) to a served kind. */
  private kindOf(arg: string): Kind | undefined {
    const [first, version, ...group] = arg.split('.')
    return this.kinds().find((k) => {
      if (k.kind.toLowerCase() !== first.toLowerCase()) return false
      return version === undefined || k.apiVersion === `${group.join('.')}/${version}`
    })
  }

  private async run(tool: string, full: string[], input?: string): Promise<CommandResult> {
    const args = tool === 'helm' ? full.slice(0, full.indexOf('--kubeconfig')) : full.slice(3)
    const line = `${tool} ${args.join(' ')}`
    this.calls.push(line)
    const fault = this.faults.find((f) => f.times > 0 && f.match.test(line))
    if (fault) {
      fault.times--
      if (fault.result instanceof Error) throw fault.result
      return fault.result
    }
    return tool === 'helm' ? this.helm(args) : this.kubectl(args, input ?? '')
  }

  // --- kubectl --------------------------------------------------------------------------------------

  private kubectl(args: string[], input: string): CommandResult {
    const flag = (name: string): string | undefined =>
      args.includes(name) ? args[args.indexOf(name) + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1)
    const ns = flag('-n') ?? 'default'
    const [verb, what] = args
    if (verb === 'version') return json({ serverVersion: { gitVersion: 'v1.36.2' } })
    if (verb === 'get' && what.includes('/')) return this.getOne(what, ns)
    if (verb === 'get') return json({ apiVersion: 'v1', kind: 'List', items: this.list(what, ns, flag('-l')) })
    if (verb === 'apply') return this.apply(JSON.parse(input).items, ns, args.includes('--dry-run=server'))
    if (verb === 'patch') return this.patch(what, ns, flag('--type') ?? 'strategic', flag('-p') ?? '')
    if (verb === 'replace' || verb === 'create') return this.write(verb, JSON.parse(input))
    if (verb === 'delete')
      return this.delete(
        args.slice(1).filter((a) => a.includes('/') && !a.startsWith('-')),
        ns
      )
    if (verb === 'scale') return this.patch(what, ns, 'merge', JSON.stringify({ spec: { replicas: Number(flag('--replicas')) } }))
    if (verb === 'annotate') {
      const [k, v] = args[args.length - 1].split('=')
      return this.patch(what, ns, 'merge', JSON.stringify({ metadata: { annotations: { [k]: v } } }))
    }
    if (verb === 'rollout' && what === 'undo') return this.undo(args[2], ns, Number(flag('--to-revision')))
    return err(`fake kubectl: unsupported ${args.join(' ')}`)
  }

  private getOne(what: string, ns: string): CommandResult {
    const [type, name] = what.split('/')
    const kind = this.kindOf(type)
    if (!kind) return err(`error: the server doesn't have a resource type "${type}"\n`)
    const object = this.get(kind.kind, ns, name)
    if (!object) return err(`Error from server (NotFound): ${kind.kind.toLowerCase()}s "${name}" not found\n`)
    return json(this.withStatus(object))
  }

  private list(kinds: string, ns: string, selector?: string): Json[] {
    const wanted = new Map(
      (selector ?? '')
        .split(',')
        .filter((s) => s.includes('='))
        .map((s) => s.split('=') as [string, string])
    )
    const matches = (labels: Json = {}): boolean => [...wanted].every(([k, v]) => labels[k] === v)
    const out: Json[] = []
    for (const w of [...this.objects.values()].filter(
      (o) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind) && o.metadata.namespace === ns
    )) {
      const live = this.withStatus(w)
      if (kinds.includes('replicasets') && w.kind === 'Deployment') {
        for (const [revision, template] of Object.entries(w.history as Record<string, Json>)) {
          if (selector === undefined || matches(template.metadata?.labels)) out.push(this.replicaSet(w, Number(revision), template))
        }
      }
      if (kinds.includes('pods') && matches(w.spec.template.metadata?.labels)) out.push(...this.pods(w, live))
      if (kinds === 'deployments' && w.kind === 'Deployment' && matches(w.metadata.labels)) out.push(live)
    }
    return out
  }

  private replicaSet(w: Json, revision: number, template: Json): Json {
    return {
      kind: 'ReplicaSet',
      metadata: {
        name: `${w.metadata.name}-r${revision}`,
        uid: `${w.metadata.uid}-rs${revision}`,
        annotations: { 'deployment.kubernetes.io/revision': String(revision) },
        ownerReferences: [{ uid: w.metadata.uid, kind: 'Deployment', name: w.metadata.name }]
      },
      spec: { template }
    }
  }

  /** The pods a workload has now: all on its current template (the fake rolls instantly). */
  private pods(stored: Json, w: Json): Json[] {
    const count = w.kind === 'DaemonSet' ? 2 : (w.spec.replicas ?? 1)
    const containers: Json[] = w.spec.template.spec.containers
    const broken = containers.some((c) => tagOf(c.image) === 'crashloop')
    const owner =
      w.kind === 'Deployment'
        ? { uid: `${w.metadata.uid}-rs${stored.revision}`, kind: 'ReplicaSet' }
        : { uid: w.metadata.uid, kind: w.kind }
    const labels = {
      ...w.spec.template.metadata?.labels,
      'controller-revision-hash': w.status.updateRevision,
      'pod-template-generation': String(w.metadata.generation)
    }
    // OnDelete: the pods keep the template they were made from.
    const hash = w.kind === 'StatefulSet' ? w.status.currentRevision : labels['controller-revision-hash']
    return Array.from({ length: count }, (_, i) => ({
      kind: 'Pod',
      metadata: {
        name: `${w.metadata.name}-p${i}`,
        uid: `${w.metadata.uid}-pod${i}`,
        labels: { ...labels, 'controller-revision-hash': hash },
        ownerReferences: [owner]
      },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: broken ? 'False' : 'True' }],
        containerStatuses: containers.map((c) =>
          tagOf(c.image) === 'crashloop'
            ? {
                name: c.name,
                ready: false,
                restartCount: 4,
                state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' } },
                lastState: { terminated: { exitCode: 1, reason: 'Error' } }
              }
            : { name: c.name, ready: true, restartCount: 0, state: { running: {} } }
        )
      }
    }))
  }

  /** A workload's status as its controller would report it (instantly), and a CRD's conditions. */
  private withStatus(object: Json): Json {
    const o = structuredClone(object)
    delete o.history
    delete o.revision
    delete o.podTemplate
    delete o.pollsLeft
    if (o.kind === 'CustomResourceDefinition') return o
    if (!['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind)) return o
    const ready = (o.spec.template.spec.containers as Json[]).every((c) => !['crashloop', 'unready'].includes(tagOf(c.image)))
    const want = o.kind === 'DaemonSet' ? 2 : (o.spec.replicas ?? 1)
    const generation = o.metadata.generation
    if (o.kind === 'Deployment') {
      o.metadata.annotations = { ...o.metadata.annotations, 'deployment.kubernetes.io/revision': String(object.revision) }
      o.status = {
        observedGeneration: generation,
        replicas: want,
        updatedReplicas: want,
        readyReplicas: ready ? want : 0,
        availableReplicas: ready ? want : 0
      }
    } else if (o.kind === 'StatefulSet') {
      const update = `${o.metadata.name}-${object.revision}`
      const onDelete = o.spec.updateStrategy?.type === 'OnDelete'
      const current = onDelete ? `${o.metadata.name}-${object.podTemplate}` : update
      o.status = {
        observedGeneration: generation,
        replicas: want,
        readyReplicas: ready ? want : 0,
        updatedReplicas: current === update ? want : 0,
        currentRevision: current,
        updateRevision: update
      }
    } else {
      const onDelete = o.spec.updateStrategy?.type === 'OnDelete'
      const updated = onDelete && object.podTemplate !== object.revision ? 0 : want
      o.status = {
        observedGeneration: generation,
        desiredNumberScheduled: want,
        updatedNumberScheduled: updated,
        numberAvailable: ready ? want : 0
      }
    }
    return o
  }

  private apply(items: Json[], ns: string, dryRun: boolean): CommandResult {
    const names: string[] = []
    const errors: string[] = []
    for (const item of items) {
      const kind = this.kinds().find((k) => k.kind === item.kind && k.apiVersion === item.apiVersion)
      if (!kind) {
        errors.push(
          `error: resource mapping not found for name: "${item.metadata.name}" namespace: "" from "STDIN": ` +
            `no matches for kind "${item.kind}" in version "${item.apiVersion}"\nensure CRDs are installed first`
        )
        continue
      }
      if (kind.namespaced && item.metadata.namespace && item.metadata.namespace !== ns) {
        return err(
          `error: the namespace from the provided object "${item.metadata.namespace}" does not match the namespace "${ns}". ` +
            `You must pass '--namespace=${item.metadata.namespace}' to perform this operation.\n`
        )
      }
      const namespace = kind.namespaced ? ns : undefined
      if (namespace && namespace !== 'default' && !this.get('Namespace', '', namespace)) {
        errors.push(`Error from server (NotFound): error when creating "STDIN": namespaces "${namespace}" not found`)
        continue
      }
      if (item.kind === 'Service' && item.spec?.ports?.some((p: Json) => p.port === 0)) {
        errors.push(
          `The Service "${item.metadata.name}" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`
        )
        continue
      }
      const group = kind.apiVersion.includes('/') ? `.${kind.apiVersion.slice(0, kind.apiVersion.indexOf('/'))}` : ''
      names.push(`${kind.kind.toLowerCase()}${group}/${item.metadata.name}${dryRun ? ' (server dry run)' : ''}`)
      if (!dryRun) this.store({ ...structuredClone(item), metadata: { ...item.metadata, ...(namespace ? { namespace } : {}) } })
    }
    return { exitCode: errors.length ? 1 : 0, stdout: names.map((n) => `${n}\n`).join(''), stderr: errors.map((e) => `${e}\n`).join('') }
  }

  /** Create or update an object the way the API server and the controllers would. */
  store(object: Json): void {
    const key = this.key(object.kind, object.metadata.namespace ?? '', object.metadata.name)
    const old = this.objects.get(key)
    // As the API server: a write that changes nothing is no write (the resourceVersion stays).
    const content = (o: Json): Json => {
      const { resourceVersion: _rv, uid: _uid, generation: _g, ...metadata } = o.metadata
      const { status: _s, history: _h, revision: _r, podTemplate: _p, pollsLeft: _l, ...rest } = o
      return { ...rest, metadata }
    }
    if (old && same(content(old), content(object))) return
    const next: Json = {
      ...structuredClone(object),
      metadata: { ...object.metadata, uid: old?.metadata.uid ?? `uid-${++this.uid}`, resourceVersion: String(++this.rv) }
    }
    delete next.status
    if (['Deployment', 'StatefulSet', 'DaemonSet'].includes(next.kind)) {
      const changed = !old || !same(old.spec.template, next.spec.template)
      next.metadata.generation = (old?.metadata.generation ?? 0) + (old && same(old.spec, next.spec) ? 0 : 1)
      next.history = { ...(old?.history ?? {}) }
      next.revision = changed ? Math.max(0, ...Object.keys(next.history).map(Number)) + 1 : old.revision
      if (changed) {
        // A Deployment's old revision number moves to the new one when its template comes back.
        for (const [r, t] of Object.entries(next.history)) if (same(t, next.spec.template)) delete next.history[r]
        next.history[next.revision] = next.spec.template
      }
      // OnDelete keeps the pods on the template they were made from.
      next.podTemplate = next.spec.updateStrategy?.type === 'OnDelete' && old ? old.podTemplate : next.revision
    }
    if (next.kind === 'CustomResourceDefinition') {
      const polls = this.rejectCrd ? 0 : this.crdPolls
      next.pollsLeft = old?.pollsLeft ?? polls
      next.status = old?.status ?? {
        conditions: this.rejectCrd
          ? [{ type: 'NamesAccepted', status: 'False', reason: 'KindConflict', message: 'kind Widget is already in use' }]
          : []
      }
      if (!this.rejectCrd && next.pollsLeft === 0)
        next.status = {
          conditions: [
            { type: 'NamesAccepted', status: 'True' },
            { type: 'Established', status: 'True' }
          ]
        }
    }
    this.objects.set(key, next)
  }

  /** A CRD becomes Established after `crdPolls` reads, as the API server takes a moment. */
  tick(): void {
    for (const crd of [...this.objects.values()].filter((o) => o.kind === 'CustomResourceDefinition' && !this.rejectCrd)) {
      if (crd.pollsLeft > 0 && --crd.pollsLeft === 0)
        crd.status = {
          conditions: [
            { type: 'NamesAccepted', status: 'True' },
            { type: 'Established', status: 'True' }
          ]
        }
    }
  }

  private patch(what: string, ns: string, type: string, body: string): CommandResult {
    const [typeArg, name] = what.split('/')
    const kind = this.kindOf(typeArg)
    const live = kind && this.get(kind.kind, ns, name)
    if (!kind || !live) return err(`Error from server (NotFound): ${typeArg}s "${name}" not found\n`)
    const next = structuredClone(live)
    if (type === 'json') for (const op of JSON.parse(body) as { path: string; value: unknown }[]) setPath(next, op.path, op.value)
    else mergeInto(next, JSON.parse(body))
    const unchanged = same(next.spec, live.spec) && same(next.metadata, live.metadata)
    if (!unchanged) this.store(next)
    return ok(`${kind.kind.toLowerCase()}/${name} patched${unchanged ? ' (no change)' : ''}\n`)
  }

  private write(verb: string, object: Json): CommandResult {
    const exists = this.get(object.kind, object.metadata.namespace ?? '', object.metadata.name)
    if (verb === 'create' && exists)
      return err(`Error from server (AlreadyExists): ${object.kind} "${object.metadata.name}" already exists\n`)
    if (verb === 'replace' && !exists) return err(`Error from server (NotFound): ${object.kind} "${object.metadata.name}" not found\n`)
    this.store(object)
    return ok(`${object.kind.toLowerCase()}/${object.metadata.name}\n`)
  }

  private delete(targets: string[], ns: string): CommandResult {
    const out: string[] = []
    for (const target of targets) {
      const [typeArg, name] = target.split('/')
      // The fake makes pods from their workload at every read: deleting one is a no-op.
      if (typeArg === 'pod') continue
      const kind = this.kindOf(typeArg)
      if (!kind) return err(`error: the server doesn't have a resource type "${typeArg}"\n`)
      const key = this.key(kind.kind, ns, name)
      if (this.objects.delete(key)) out.push(`${kind.kind.toLowerCase()}/${name}`)
    }
    return ok(out.map((l) => `${l}\n`).join(''))
  }

  private undo(what: string, ns: string, to: number): CommandResult {
    const [type, name] = what.split('/')
    const live = this.get(this.kindOf(type)?.kind ?? '', ns, name)
    if (!live) return err(`Error from server (NotFound): ${type}s "${name}" not found\n`)
    const template = live.history[to] ?? live.history[live.revision - 1]
    if (!template) return err(`error: unable to find specified revision ${to} in history\n`)
    this.store({ ...live, spec: { ...live.spec, template } })
    return ok(`${type}.apps/${name} rolled back\n`)
  }

  // --- helm -----------------------------------------------------------------------------------------

  private helm(args: string[]): CommandResult {
    const ns = args[args.indexOf('-n') + 1]
    const [verb] = args
    if (verb === 'history') {
      const history = this.releases.get(args[1])
      if (!history?.length) return err('Error: release: not found\n')
      return json(
        history.map((r) => ({
          revision: r.revision,
          status: r.status,
          chart: 'web-0.1.0',
          app_version: '1.0.0',
          description: r.description
        }))
      )
    }
    if (verb === 'get' && args[1] === 'manifest') {
      const history = this.releases.get(args[2]) ?? []
      const revision = args.includes('--revision') ? Number(args[args.indexOf('--revision') + 1]) : history.at(-1)?.revision
      const release = history.find((r) => r.revision === revision)
      if (!release) return err('Error: release: not found\n')
      return ok(release.objects.map((o) => stringifyYaml(o)).join('---\n'))
    }
    if (verb === 'upgrade') return this.helmUpgrade(args, ns)
    if (verb === 'rollback') return this.helmRollback(args[1], Number(args[2]), ns)
    if (verb === 'uninstall') {
      const history = this.releases.get(args[1])
      if (!history?.length) return err(`Error: uninstall: Release not loaded: ${args[1]}: release: not found\n`)
      for (const o of history.at(-1)?.objects ?? []) this.objects.delete(this.key(o.kind, ns, o.metadata.name))
      this.releases.delete(args[1])
      return ok(`release "${args[1]}" uninstalled\n`)
    }
    return err(`fake helm: unsupported ${args.join(' ')}`)
  }

  /** The example chart (examples/web-chart): a Deployment and a Service, image.tag and service.port settable. */
  chart(release: string, set: string[]): Json[] {
    const values = new Map(set.map((s) => s.split('=') as [string, string]))
    const labels = { 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/instance': release }
    return [
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: `${release}-web` },
        spec: { selector: labels, ports: [{ port: Number(values.get('service.port') ?? 80) }] }
      },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: `${release}-web`, labels },
        spec: {
          replicas: 2,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: { containers: [{ name: 'web', image: `ghcr.io/acme/web:${values.get('image.tag') ?? '1.0.0'}` }] }
          }
        }
      }
    ]
  }

  private helmUpgrade(args: string[], ns: string): CommandResult {
    const release = args[2]
    const history = this.releases.get(release) ?? []
    const last = history.at(-1)
    if (last?.status.startsWith('pending-'))
      return err('Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress\n')
    const set = args.flatMap((a, i) => (args[i - 1] === '--set' ? [a] : []))
    const objects = this.chart(release, set)
    if (args.includes('--dry-run=server'))
      return ok(`Release "${release}" has been upgraded.\nMANIFEST:\n${objects.map((o) => stringifyYaml(o)).join('---\n')}`)
    const result = this.apply(objects, ns, false)
    const revision = (last?.revision ?? 0) + 1
    for (const r of history) if (r.status === 'deployed' && result.exitCode === 0) r.status = 'superseded'
    history.push({
      revision,
      status: result.exitCode === 0 ? 'deployed' : 'failed',
      description: result.exitCode === 0 ? (last ? 'Upgrade complete' : 'Install complete') : `Upgrade "${release}" failed`,
      objects
    })
    this.releases.set(release, history)
    if (result.exitCode !== 0) return err(`Error: UPGRADE FAILED: failed to create resource: ${result.stderr.trim()}\n`)
    return ok(`Release "${release}" has been upgraded. Happy Helming!\n`)
  }

  private helmRollback(release: string, to: number, ns: string): CommandResult {
    const history = this.releases.get(release) ?? []
    const target = history.find((r) => r.revision === to)
    if (!target) return err(`Error: release has no ${to} version\n`)
    this.apply(target.objects, ns, false)
    for (const r of history) if (r.status === 'deployed') r.status = 'superseded'
    history.push({
      revision: (history.at(-1)?.revision ?? 0) + 1,
      status: 'deployed',
      description: `Rollback to ${to}`,
      objects: target.objects
    })
    return ok('Rollback was a success! Happy Helming!\n')
  }

  /** A release left as a killed helm operation leaves it: the newest revision pending. */
  stick(release: string, status: 'pending-install' | 'pending-upgrade' | 'pending-rollback', set: string[] = []): void {
    const history = this.releases.get(release) ?? []
    const description = {
      'pending-install': 'Initial install underway',
      'pending-upgrade': 'Preparing upgrade',
      'pending-rollback': 'Rollback to 1'
    }[status]
    history.push({ revision: (history.at(-1)?.revision ?? 0) + 1, status, description, objects: this.chart(release, set) })
    this.releases.set(release, history)
  }
}

function setPath(target: Json, path: string, value: unknown): void {
  const parts = path.split('/').slice(1)
  let at = target
  for (const p of parts.slice(0, -1)) at = at[p] ??= {}
  at[parts[parts.length - 1]] = structuredClone(value)
}

function mergeInto(target: Json, patch: Json): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && target[k] && typeof target[k] === 'object') mergeInto(target[k], v)
    else target[k] = v
  }
}

// --- the deploy under test --------------------------------------------------------------------------

const NS = 'shop'
const WATCH: WatchOptions = { timeoutSeconds: 60, pollMs: 1000, apiGraceSeconds: 5, readinessGrace: 10, maxRestarts: 3 }
const NO_HEALTH = { checks: 1, intervalSeconds: 1, failureLimit: 0, requestTimeoutSeconds: 1 }

const yaml = (...docs: Json[]): KubeObject[] => parseManifests(docs.map((d) => stringifyYaml(d)).join('---\n'), 'test')
const labels = (app: string): Json => ({ 'app.kubernetes.io/name': app })
const deployment = (name = 'web', image = 'ghcr.io/acme/web:1.0.0', extra: Json = {}): Json => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: labels(name), ...extra.metadata },
  spec: {
    replicas: 2,
    selector: { matchLabels: labels(name) },
    template: { metadata: { labels: labels(name) }, spec: { containers: [{ name: 'web', image }] } },
    ...extra.spec
  }
})
const service = (name = 'web', port = 80, extra: Json = {}): Json => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, ...extra.metadata },
  spec: { selector: labels('web'), ports: [{ port }] }
})
const configMap = (name: string, data: Json, namespace?: string): Json => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, ...(namespace ? { namespace } : {}) },
  data
})
const namespace = (name: string): Json => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
const crd = (): Json => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { kind: 'Widget', plural: 'widgets' },
    versions: [{ name: 'v1', served: true, storage: true }]
  }
})
const widget = (name = 'w1'): Json => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name }, spec: { size: 3 } })
const statefulSet = (image: string, strategy = 'RollingUpdate'): Json => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db' },
  spec: {
    replicas: 2,
    serviceName: 'db',
    updateStrategy: { type: strategy },
    selector: { matchLabels: labels('db') },
    template: { metadata: { labels: labels('db') }, spec: { containers: [{ name: 'db', image }] } }
  }
})
const daemonSet = (image: string, strategy = 'RollingUpdate'): Json => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent' },
  spec: {
    updateStrategy: { type: strategy },
    selector: { matchLabels: labels('agent') },
    template: { metadata: { labels: labels('agent') }, spec: { containers: [{ name: 'agent', image }] } }
  }
})

interface Run {
  outcome: DeployOutcome
  lines: string[]
  warnings: string[]
}

function settingsFor(source: DeploySettings['source'], extra: Partial<DeploySettings> = {}): DeploySettings {
  return {
    source,
    namespace: NS,
    images: new Map(),
    dryRun: false,
    strategy: 'rolling',
    colorLabel: 'sgw.dev/color',
    keepPrevious: true,
    preview: NO_HEALTH,
    watch: WATCH,
    health: NO_HEALTH,
    rollbackOnFailure: true,
    ...extra
  }
}

const manifests = (...docs: Json[]): DeploySettings['source'] => ({
  type: 'manifests',
  objects: yaml(...docs),
  description: 'test manifests'
})
const chart = (set: string[] = []): DeploySettings['source'] => ({
  type: 'helm',
  chart: 'examples/web-chart',
  release: 'shop',
  values: [],
  set
})

async function run(cluster: FakeCluster, source: DeploySettings['source'], extra: Partial<DeploySettings> = {}): Promise<Run> {
  const lines: string[] = []
  const warnings: string[] = []
  const report: Reporter = {
    info: (l) => lines.push(l),
    warning: (l) => warnings.push(l),
    group: async (title, body) => (lines.push(`## ${title}`), body())
  }
  const clock = fakeClock(1_000_000)
  const sleep = clock.sleep
  clock.sleep = async (ms) => {
    cluster.tick()
    await sleep(ms)
  }
  const kubectl = new Kubectl({ kubectl: 'kubectl', kubeconfig: '/runner/temp/config', runner: cluster.runner })
  const helm = new Helm('helm', '/runner/temp/config', cluster.runner)
  const outcome = await deploy(kubectl, helm, settingsFor(source, extra), report, clock)
  return { outcome, lines, warnings }
}

/** A cluster with the namespace and, optionally, a first good deploy of `docs`. */
async function clusterWith(...docs: Json[]): Promise<FakeCluster> {
  const cluster = new FakeCluster()
  cluster.store(namespace(NS))
  if (docs.length) expect((await run(cluster, manifests(...docs))).outcome.result).toBe('deployed')
  return cluster
}

const imageNow = (cluster: FakeCluster, name = 'web'): string => cluster.get('Deployment', NS, name)?.spec.template.spec.containers[0].image
const outputs = (o: DeployOutcome): Json => ({
  result: o.result,
  reason: o.reason,
  revision: o.revision,
  'previous-revision': o.previousRevision,
  'duration-seconds': o.durationSeconds
})

/** Every output that the issue requires on every path, and a one-line reason. */
function expectEveryOutput(o: DeployOutcome): void {
  expect(o.reason).not.toBe('')
  expect(o.reason).not.toContain('\n')
  expect(typeof o.revision).toBe('string')
  expect(typeof o.previousRevision).toBe('string')
  expect(o.durationSeconds).toBeGreaterThanOrEqual(0)
}

describe('deploy runner: one outcome, whatever fails (rolling)', () => {
  const good = [deployment('web', 'ghcr.io/acme/web:1.0.0'), service('web')]
  it.each([
    {
      name: 'a good upgrade deploys',
      docs: [deployment('web', 'ghcr.io/acme/web:1.1.0'), service('web')],
      expected: { result: 'deployed', reason: 'deployment/web rolled out', revision: '2', 'previous-revision': '1' },
      image: 'ghcr.io/acme/web:1.1.0'
    },
    {
      name: 'a crash-looping image is rolled back',
      docs: [deployment('web', 'ghcr.io/acme/web:crashloop'), service('web')],
      expected: {
        result: 'rolled-back',
        reason: expect.stringMatching(/^deployment\/web: pod web-p0 container web CrashLoopBackOff/),
        revision: '3',
        'previous-revision': '1'
      },
      image: 'ghcr.io/acme/web:1.0.0'
    },
    {
      // Issue 13, point 1: the Deployment is applied, the invalid Service is refused: restore, not leave.
      name: 'a partial apply (new image, invalid Service) is rolled back',
      docs: [deployment('web', 'ghcr.io/acme/web:crashloop'), service('web', 0)],
      expected: {
        result: 'rolled-back',
        reason: expect.stringMatching(
          /^kubectl apply failed: The Service "web" is invalid: spec\.ports\[0\]\.port: Invalid value: 0.* The cluster rejected a manifest/
        ),
        revision: '3',
        'previous-revision': '1'
      },
      image: 'ghcr.io/acme/web:1.0.0'
    },
    {
      name: 'a partial apply without rollback-on-failure fails, the failed revision named',
      docs: [deployment('web', 'ghcr.io/acme/web:crashloop'), service('web', 0)],
      extra: { rollbackOnFailure: false },
      expected: {
        result: 'failed',
        reason: expect.stringMatching(/^kubectl apply failed: The Service "web" is invalid/),
        revision: '2',
        'previous-revision': '1'
      },
      image: 'ghcr.io/acme/web:crashloop'
    },
    {
      name: 'a kubectl error while watching (forbidden) is rolled back',
      docs: [deployment('web', 'ghcr.io/acme/web:1.1.0'), service('web')],
      fault: [
        /^kubectl get replicasets,pods/,
        err('Error from server (Forbidden): pods is forbidden: User "ci" cannot list resource "pods"\n')
      ] as const,
      expected: {
        result: 'rolled-back',
        reason: expect.stringMatching(/^listing the pods of deployment\/web failed: Error from server \(Forbidden\)/),
        revision: '3',
        'previous-revision': '1'
      },
      image: 'ghcr.io/acme/web:1.0.0'
    },
    {
      name: 'a bug thrown while watching is rolled back, and kept for its stack',
      docs: [deployment('web', 'ghcr.io/acme/web:1.1.0'), service('web')],
      fault: [/^kubectl get replicasets,pods/, new TypeError("Cannot read properties of undefined (reading 'spec')")] as const,
      expected: {
        result: 'rolled-back',
        reason: "unexpected error: Cannot read properties of undefined (reading 'spec')",
        revision: '3',
        'previous-revision': '1'
      },
      image: 'ghcr.io/acme/web:1.0.0',
      bug: true
    },
    {
      name: 'recording fails: nothing is changed, failed',
      docs: [deployment('web', 'ghcr.io/acme/web:1.1.0'), service('web')],
      fault: [
        /^kubectl get Deployment\.v1\.apps\/web/,
        err('Error from server (Forbidden): deployments.apps "web" is forbidden\n')
      ] as const,
      expected: {
        result: 'failed',
        reason: expect.stringMatching(/^recording deployment\/web failed: .*forbidden/),
        revision: '',
        'previous-revision': ''
      },
      image: 'ghcr.io/acme/web:1.0.0',
      unchanged: true
    },
    {
      name: 'an unreachable API server: nothing is changed, failed',
      docs: good,
      fault: [
        /^kubectl version/,
        err('The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?\n')
      ] as const,
      expected: {
        result: 'failed',
        reason: expect.stringMatching(/^Reaching the API server failed: The connection .* was refused.* The API server did not answer/),
        revision: '',
        'previous-revision': ''
      },
      image: 'ghcr.io/acme/web:1.0.0',
      unchanged: true
    },
    {
      name: 'the rollback itself fails: failed, with what the rollback said',
      docs: [deployment('web', 'ghcr.io/acme/web:crashloop'), service('web')],
      fault: [
        /^kubectl patch deployment\/web/,
        err('Error from server (Forbidden): deployments.apps "web" is forbidden: cannot patch\n')
      ] as const,
      expected: { result: 'failed', reason: expect.stringMatching(/CrashLoopBackOff/), revision: '2', 'previous-revision': '1' },
      image: 'ghcr.io/acme/web:crashloop',
      rollback: { ok: false, detail: expect.stringMatching(/^restoring deployment\/web failed: .*forbidden/) }
    }
  ])('$name', async ({ docs, extra, fault, expected, image, bug, unchanged, rollback: rb }) => {
    const cluster = await clusterWith(...good)
    if (fault) cluster.fault(fault[0], fault[1])
    const callsBefore = cluster.calls.length
    const { outcome } = await run(cluster, manifests(...docs), extra)
    expect(outputs(outcome)).toEqual({ ...expected, 'duration-seconds': expect.any(Number) })
    expectEveryOutput(outcome)
    expect(imageNow(cluster)).toBe(image)
    expect(outcome.error?.bug !== undefined).toBe(bug === true)
    expect(outcome.changed).toBe(unchanged !== true)
    if (unchanged)
      expect(cluster.calls.slice(callsBefore).filter((c) => /^kubectl (apply|patch|delete|replace|create)/.test(c))).toEqual([])
    if (rb) expect(outcome.rollback).toMatchObject(rb)
    if (outcome.result === 'rolled-back')
      expect(outcome.rollback).toMatchObject({
        ok: true,
        restored: ['deployment/web: pod template of revision 1 restored (web=ghcr.io/acme/web:1.0.0)']
      })
  })

  it('a dry run the API server refuses fails, and restores nothing (it changed nothing)', async () => {
    const cluster = await clusterWith(deployment('web', 'ghcr.io/acme/web:1.0.0'), service('web'))
    const setup = cluster.calls.length
    const { outcome } = await run(cluster, manifests(deployment('web', 'ghcr.io/acme/web:1.1.0'), service('web', 0)), { dryRun: true })
    expect(outputs(outcome)).toMatchObject({ result: 'failed', revision: '1', 'previous-revision': '1' })
    expect(outcome.changed).toBe(false)
    expect(outcome.rollback).toBeUndefined()
    expect(outcome.reason).toMatch(/^kubectl apply failed: The Service "web" is invalid/)
    expect(cluster.calls.slice(setup).filter((c) => /^kubectl (patch|delete|replace|create)/.test(c))).toEqual([])
  })

  it('a first deploy that fails removes everything it created, and says so', async () => {
    const cluster = await clusterWith()
    const { outcome } = await run(
      cluster,
      manifests(configMap('settings', { a: '1' }), deployment('web', 'ghcr.io/acme/web:crashloop'), service('web'))
    )
    expect(outputs(outcome)).toMatchObject({ result: 'rolled-back', revision: '', 'previous-revision': '' })
    expect(outcome.rollback?.restored).toEqual([
      'service/web: removed (it did not exist before this deploy)',
      'deployment/web: removed (it did not exist before this deploy)',
      'configmap/settings: removed (it did not exist before this deploy)'
    ])
    expect([...cluster.objects.keys()]).toEqual([`Namespace||${NS}`])
  })

  it('every recorded object comes back: a ConfigMap the failed deploy changed is restored as recorded', async () => {
    const cluster = await clusterWith(configMap('settings', { mode: 'safe' }), ...good)
    const { outcome } = await run(
      cluster,
      manifests(configMap('settings', { mode: 'reckless' }), deployment('web', 'ghcr.io/acme/web:crashloop'), service('web'))
    )
    expect(outcome.result).toBe('rolled-back')
    expect(cluster.get('ConfigMap', NS, 'settings')?.data).toEqual({ mode: 'safe' })
    // Restored before the workload, so that restored pods read the restored configuration; untouched objects are left alone.
    expect(outcome.rollback?.restored).toEqual([
      'configmap/settings: restored as recorded',
      'deployment/web: pod template of revision 1 restored (web=ghcr.io/acme/web:1.0.0)'
    ])
  })
})

describe('ordering: Namespaces and CRDs first, each object in its own namespace (issue 13, points 2 and 3)', () => {
  it('a CRD and a custom resource of it in one first deploy: the CRD first, Established, then the resource', async () => {
    const cluster = await clusterWith()
    cluster.crdPolls = 2
    const { outcome, lines } = await run(cluster, manifests(widget(), crd(), deployment()))
    expect(outputs(outcome)).toMatchObject({ result: 'deployed', revision: '1' })
    expect(cluster.get('Widget', NS, 'w1')).toBeDefined()
    const applies = cluster.calls.filter((c) => c.startsWith('kubectl apply'))
    expect(applies).toEqual([`kubectl apply -n ${NS} -f - -o name`, `kubectl apply -n ${NS} -f - -o name`])
    expect(lines.indexOf('customresourcedefinition.apiextensions.k8s.io/widgets.example.com')).toBeLessThan(
      lines.indexOf('widget.example.com/w1')
    )
    expect(lines).toContain('Established: customresourcedefinition/widgets.example.com')
    // It polled until the CRD said Established.
    expect(
      cluster.calls.filter((c) => c.startsWith('kubectl get CustomResourceDefinition.v1.apiextensions.k8s.io/widgets.example.com')).length
    ).toBeGreaterThanOrEqual(3)
  })

  it('a CRD the API server does not accept fails with its condition; the CRD is kept, the rest removed', async () => {
    const cluster = await clusterWith()
    cluster.rejectCrd = true
    const { outcome } = await run(cluster, manifests(crd(), widget(), deployment()))
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      reason: 'customresourcedefinition/widgets.example.com was not accepted: KindConflict kind Widget is already in use'
    })
    expect(outcome.rollback?.restored).toEqual([
      'customresourcedefinition/widgets.example.com: kept (created by this deploy; deleting it would delete everything of its kind)'
    ])
  })

  it('a dry run of a CRD and its resource validates what it can and says what it could not', async () => {
    const cluster = await clusterWith()
    const { outcome } = await run(cluster, manifests(crd(), widget(), deployment()), { dryRun: true })
    expect(outcome).toMatchObject({
      result: 'dry-run',
      reason:
        'server-side dry run: the API server accepted 2 object(s); nothing changed; ' +
        'not validated, as they need a Namespace or CRD this deploy would create: widget/w1'
    })
    expect(cluster.get('CustomResourceDefinition', '', 'widgets.example.com')).toBeUndefined()
  })

  it('objects that name their namespace keep it; the namespace input goes only to objects that name none', async () => {
    const cluster = await clusterWith()
    const { outcome } = await run(
      cluster,
      manifests(namespace('monitoring'), configMap('scrape', { a: '1' }, 'monitoring'), deployment(), configMap('settings', { b: '2' }))
    )
    expect(outcome.result).toBe('deployed')
    expect(cluster.calls.filter((c) => c.startsWith('kubectl apply'))).toEqual([
      `kubectl apply -n ${NS} -f - -o name`,
      'kubectl apply -n monitoring -f - -o name',
      `kubectl apply -n ${NS} -f - -o name`
    ])
    expect(cluster.get('ConfigMap', 'monitoring', 'scrape')).toBeDefined()
    expect(cluster.get('ConfigMap', NS, 'settings')).toBeDefined()
    expect(cluster.get('Deployment', NS, 'web')).toBeDefined()
  })

  it('a dry run into a Namespace the deploy would create does not fail on it', async () => {
    const cluster = await clusterWith()
    const { outcome } = await run(
      cluster,
      manifests(namespace('monitoring'), configMap('scrape', { a: '1' }, 'monitoring'), deployment()),
      { dryRun: true }
    )
    expect(outcome.result).toBe('dry-run')
    expect(outcome.reason).toMatch(/not validated, as they need a Namespace or CRD this deploy would create: configmap\/scrape$/)
  })
})

describe('update rules that leave pods on the previous template (issue 13, point 6)', () => {
  it.each([
    ['StatefulSet', statefulSet, 'statefulset/db', '2 of 2'],
    ['DaemonSet', daemonSet, 'daemonset/agent', '2 of 2']
  ] as [string, (image: string, strategy?: string) => Json, string, string][])(
    'a %s with updateStrategy OnDelete is applied, pods not replaced (not "rolled out")',
    async (_kind, make, label, count) => {
      const cluster = await clusterWith(make('postgres:16.1', 'OnDelete'))
      const { outcome, warnings } = await run(cluster, manifests(make('postgres:16.2', 'OnDelete')))
      const detail = `${count} pod(s) still run the previous template (updateStrategy OnDelete: a pod is replaced only when it is deleted)`
      expect(outcome).toMatchObject({ result: 'deployed', reason: `${label} applied, pods not replaced: ${detail}` })
      expect(outcome.reason).not.toMatch(/rolled out/)
      expect(outcome.rollout?.notReplaced).toEqual([{ workload: label, detail }])
      expect(warnings).toEqual([`${label} applied, pods not replaced: ${detail}`])
    }
  )

  it('a RollingUpdate StatefulSet beside it still rolls out', async () => {
    const cluster = await clusterWith(statefulSet('postgres:16.1'))
    const { outcome } = await run(cluster, manifests(statefulSet('postgres:16.2'), deployment()))
    expect(outcome.reason).toBe('statefulset/db, deployment/web rolled out')
  })
})

describe('helm: one outcome, and a release stuck pending (issue 13, point 4)', () => {
  const installed = async (...sets: string[][]): Promise<FakeCluster> => {
    const cluster = await clusterWith()
    for (const set of sets) expect((await run(cluster, chart(set))).outcome.result).toBe('deployed')
    return cluster
  }
  const statuses = (cluster: FakeCluster): string[] =>
    (cluster.releases.get('shop') ?? []).map((r) => `${r.revision}:${r.status}:${r.description}`)

  it('an upgrade helm itself fails part-way (an invalid Service) is rolled back to the good revision', async () => {
    const cluster = await installed(['image.tag=1.0.0'])
    const { outcome } = await run(cluster, chart(['image.tag=crashloop', 'service.port=0']))
    expect(outputs(outcome)).toEqual({
      result: 'rolled-back',
      reason: expect.stringMatching(/^helm upgrade --install shop failed: Error: UPGRADE FAILED: .*Service "shop-web" is invalid/),
      revision: '3',
      'previous-revision': '1',
      'duration-seconds': expect.any(Number)
    })
    expect(imageNow(cluster, 'shop-web')).toBe('ghcr.io/acme/web:1.0.0')
    expect(statuses(cluster)).toEqual(['1:superseded:Install complete', '2:failed:Upgrade "shop" failed', '3:deployed:Rollback to 1'])
  })

  it.each([
    {
      status: 'pending-upgrade' as const,
      sets: [['image.tag=1.0.0']],
      history: [
        '1:superseded:Install complete',
        '2:pending-upgrade:Preparing upgrade',
        '3:superseded:Rollback to 1',
        '4:deployed:Upgrade complete'
      ],
      note: 'it was stuck in pending-upgrade at revision 2 and was first rolled back to revision 1'
    },
    {
      status: 'pending-rollback' as const,
      sets: [['image.tag=1.0.0'], ['image.tag=1.1.0']],
      history: [
        '1:superseded:Install complete',
        '2:superseded:Upgrade complete',
        '3:pending-rollback:Rollback to 1',
        '4:superseded:Rollback to 2',
        '5:deployed:Upgrade complete'
      ],
      note: 'it was stuck in pending-rollback at revision 3 and was first rolled back to revision 2'
    },
    {
      status: 'pending-install' as const,
      sets: [],
      history: ['1:deployed:Install complete'],
      note: 'it was stuck in pending-install at revision 1 and was first uninstalled'
    }
  ])('a release stuck in $status is recovered, then upgraded', async ({ status, sets, history, note }) => {
    const cluster = await installed(...sets)
    cluster.stick('shop', status, ['image.tag=unready'])
    const { outcome, warnings } = await run(cluster, chart(['image.tag=1.2.0']))
    expect(outcome.result).toBe('deployed')
    expect(outcome.reason).toMatch(new RegExp(`rolled out \\(${note}\\)$`))
    expect(statuses(cluster)).toEqual(history)
    expect(imageNow(cluster, 'shop-web')).toBe('ghcr.io/acme/web:1.2.0')
    expect(warnings[0]).toMatch(new RegExp(`^release shop is stuck in ${status} \\(revision \\d, left by an interrupted helm operation\\)`))
  })

  it('a stuck release helm will not roll back: the last deployed revision restored (tried again), the reason says what to do', async () => {
    const cluster = await installed(['image.tag=1.0.0'])
    cluster.stick('shop', 'pending-upgrade', ['image.tag=unready'])
    cluster.fault(/^helm rollback shop 1/, err('Error: timed out waiting for the condition\n'), 2)
    const setup = cluster.calls.length
    const { outcome } = await run(cluster, chart(['image.tag=1.2.0']))
    expect(outputs(outcome)).toEqual({
      result: 'failed',
      reason:
        'release shop is stuck in pending-upgrade (revision 2, left by an interrupted helm operation); ' +
        'rolling it back to revision 1 failed: ' +
        'helm rollback shop 1 failed: Error: timed out waiting for the condition. Run helm rollback shop 1 -n shop, then deploy again.',
      revision: '2',
      'previous-revision': '1',
      'duration-seconds': expect.any(Number)
    })
    expect(outcome.rollback).toMatchObject({ ok: false, detail: 'helm rollback shop 1 failed: Error: timed out waiting for the condition' })
    expect(cluster.calls.slice(setup).filter((c) => c.startsWith('helm rollback shop 1'))).toHaveLength(2)
    expect(cluster.calls.slice(setup).some((c) => c.startsWith('helm upgrade'))).toBe(false)
  })

  it('once recovered, a failed upgrade still goes back to the last good revision', async () => {
    const cluster = await installed(['image.tag=1.0.0'])
    cluster.stick('shop', 'pending-upgrade', ['image.tag=unready'])
    const { outcome } = await run(cluster, chart(['image.tag=crashloop']))
    expect(outputs(outcome)).toMatchObject({ result: 'rolled-back', revision: '5', 'previous-revision': '1' })
    expect(statuses(cluster).at(-1)).toBe('5:deployed:Rollback to 1')
    expect(imageNow(cluster, 'shop-web')).toBe('ghcr.io/acme/web:1.0.0')
  })

  it.each([
    {
      name: 'a dry run cannot recover a stuck release',
      sets: [['image.tag=1.0.0']],
      status: 'pending-upgrade' as const,
      extra: { dryRun: true },
      revisions: { previousRevision: '1', revision: '2' },
      reason:
        'release shop is stuck in pending-upgrade (revision 2, left by an interrupted helm operation); ' +
        'a dry run changes nothing, so it cannot recover it: ' +
        'deploy without dry-run (kube-deploy recovers it first) or run helm rollback shop 1 -n shop.'
    },
    {
      name: 'a stuck upgrade with no deployed revision before it',
      sets: [],
      status: 'pending-upgrade' as const,
      extra: {},
      revisions: { previousRevision: '', revision: '1' },
      reason:
        'release shop is stuck in pending-upgrade (revision 1, left by an interrupted helm operation) ' +
        'and has no deployed revision to return to: ' +
        'roll it back to a revision you trust (helm rollback shop <revision> -n shop) or uninstall it, then deploy again.'
    }
  ])('$name fails before changing anything, naming the state and what to do', async ({ sets, status, extra, reason, revisions }) => {
    const cluster = await installed(...sets)
    cluster.stick('shop', status)
    const setup = cluster.calls.length
    const { outcome } = await run(cluster, chart(['image.tag=1.2.0']), extra)
    expect(outcome).toMatchObject({ result: 'failed', reason, changed: false, ...revisions })
    expectEveryOutput(outcome)
    expect(cluster.calls.slice(setup).some((c) => /^helm (upgrade|rollback|uninstall)/.test(c))).toBe(false)
  })

  it('a helm chart with strategy blue-green is an input error, with every output set', async () => {
    const cluster = await installed()
    const { outcome } = await run(cluster, chart(), { strategy: 'blue-green' })
    expect(outcome).toMatchObject({ result: 'failed', changed: false, revision: '', previousRevision: '' })
    expect(outcome.reason).toMatch(/^strategy blue-green works on manifests or kustomize/)
  })
})

describe('blue-green: the recorded state restored switches the Service back and returns the idle colour', () => {
  const bg = { strategy: 'blue-green' as const }
  const color = (cluster: FakeCluster): string => cluster.get('Service', NS, 'web')?.spec.selector['sgw.dev/color']
  const twoColours = async (): Promise<FakeCluster> => {
    const cluster = await clusterWith()
    expect((await run(cluster, manifests(deployment('web', 'ghcr.io/acme/web:1.0.0'), service('web')), bg)).outcome.revision).toBe('blue:1')
    expect((await run(cluster, manifests(deployment('web', 'ghcr.io/acme/web:1.1.0'), service('web')), bg)).outcome.revision).toBe(
      'green:1'
    )
    return cluster
  }

  it('a switch that fails part-way (the second Service refused) switches back and restores the idle colour', async () => {
    const cluster = await twoColours()
    // A new Service, invalid: created only at the switch, after service/web has already moved to blue.
    const { outcome } = await run(
      cluster,
      manifests(deployment('web', 'ghcr.io/acme/web:1.2.0'), service('web'), service('web-internal', 0)),
      bg
    )
    expect(outputs(outcome)).toEqual({
      result: 'rolled-back',
      reason: expect.stringMatching(/^switching the Service to blue failed: kubectl apply failed: The Service "web-internal" is invalid/),
      revision: 'green:1',
      'previous-revision': 'green:1',
      'duration-seconds': expect.any(Number)
    })
    expect(color(cluster)).toBe('green')
    expect(cluster.get('Service', NS, 'web-internal')).toBeUndefined()
    expect(imageNow(cluster, 'web-blue')).toBe('ghcr.io/acme/web:1.0.0')
    expect(outcome.blueGreen).toMatchObject({ switched: false, switchedBack: true })
    expect(outcome.rollback?.restored).toEqual([
      'service/web: switched back to green',
      'deployment/web-blue: pod template of revision 1 restored (web=ghcr.io/acme/web:1.0.0)'
    ])
  })

  it('a crash-looping idle colour: Service untouched, the idle colour back to what it ran', async () => {
    const cluster = await twoColours()
    const { outcome } = await run(cluster, manifests(deployment('web', 'ghcr.io/acme/web:crashloop'), service('web')), bg)
    expect(outputs(outcome)).toMatchObject({ result: 'rolled-back', revision: 'green:1', 'previous-revision': 'green:1' })
    expect(color(cluster)).toBe('green')
    expect(imageNow(cluster, 'web-blue')).toBe('ghcr.io/acme/web:1.0.0')
    expect(cluster.get('Deployment', NS, 'web-blue')?.spec.replicas).toBe(2)
    expect(outcome.blueGreen).toMatchObject({ live: 'green', idle: 'blue', switched: false, switchedBack: false })
  })

  it('the first blue-green deploy failing at its switch removes what it created', async () => {
    const cluster = await clusterWith()
    const { outcome } = await run(
      cluster,
      manifests(deployment('web', 'ghcr.io/acme/web:1.0.0'), service('web'), service('web-internal', 0)),
      bg
    )
    expect(outcome).toMatchObject({ result: 'rolled-back', revision: '', previousRevision: '' })
    expect(cluster.get('Deployment', NS, 'web-blue')).toBeUndefined()
    expect(cluster.get('Service', NS, 'web')).toBeUndefined()
    expect(outcome.rollback?.restored).toEqual([
      'service/web: removed (it did not exist before this deploy)',
      'deployment/web-blue: removed (it did not exist before this deploy)'
    ])
  })
})

describe('kube-rollback: every failure path sets the outputs, and never leaves traffic split', () => {
  const rollbackRun = async (cluster: FakeCluster, target: RollbackTarget): Promise<RollbackOutcome> => {
    const kubectl = new Kubectl({ kubectl: 'kubectl', kubeconfig: '/runner/temp/config', runner: cluster.runner })
    const report: Reporter = { info: () => undefined, warning: () => undefined, group: async (_t, body) => body() }
    return rollback(kubectl, new Helm('helm', '/runner/temp/config', cluster.runner), target, NS, WATCH, report, fakeClock())
  }

  it('two workloads, the second refused: failed, the first reported as done, its revisions set', async () => {
    const cluster = await clusterWith(deployment('web', 'ghcr.io/acme/web:1.0.0'), deployment('api', 'ghcr.io/acme/web:1.0.0'))
    await run(cluster, manifests(deployment('web', 'ghcr.io/acme/web:1.1.0'), deployment('api', 'ghcr.io/acme/web:1.1.0')))
    cluster.fault(/^kubectl rollout undo deployment\/api/, err('Error from server (Forbidden): deployments.apps "api" is forbidden\n'))
    const refs = ['web', 'api'].map((name) => ({ kind: 'Deployment' as const, name, namespace: NS }))
    const outcome = await rollbackRun(cluster, { type: 'workloads', refs })
    expect(outcome).toMatchObject({ result: 'failed', changed: true, previousRevision: '2', revision: '3' })
    expect(outcome.reason).toMatch(
      new RegExp(
        '^kubectl rollout undo deployment/api failed: .*forbidden.* ' +
          '\\(done before it: deployment/web: revision 2 → the template of revision 1\\)$'
      )
    )
    expect(imageNow(cluster, 'web')).toBe('ghcr.io/acme/web:1.0.0')
  })

  it('a workload that does not exist: failed before any change, the outputs set', async () => {
    const cluster = await clusterWith()
    const outcome = await rollbackRun(cluster, { type: 'workloads', refs: [{ kind: 'Deployment', name: 'web', namespace: NS }] })
    expect(outcome).toMatchObject({
      result: 'failed',
      changed: false,
      reason: 'deployment/web does not exist in namespace shop.',
      revision: '',
      previousRevision: ''
    })
  })

  it('a helm release stuck in pending-upgrade goes back to its last deployed revision', async () => {
    const cluster = await clusterWith()
    expect((await run(cluster, chart(['image.tag=1.0.0']))).outcome.result).toBe('deployed')
    cluster.stick('shop', 'pending-upgrade', ['image.tag=unready'])
    const outcome = await rollbackRun(cluster, { type: 'helm', release: 'shop' })
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      previousRevision: '2',
      revision: '3',
      reason: 'release shop: revision 2 (pending-upgrade) → revision 1 (now revision 3)'
    })
  })

  it('a blue-green switch back whose second Service refuses: the first goes back, traffic is never split', async () => {
    const cluster = await clusterWith()
    const bg = { strategy: 'blue-green' as const }
    const docs = (tag: string): DeploySettings['source'] =>
      manifests(deployment('web', `ghcr.io/acme/web:${tag}`), service('web'), service('web-internal'))
    expect((await run(cluster, docs('1.0.0'), bg)).outcome.result).toBe('deployed')
    expect((await run(cluster, docs('1.1.0'), bg)).outcome.result).toBe('deployed')
    cluster.fault(/^kubectl patch service\/web-internal/, err('Error from server (Forbidden): services "web-internal" is forbidden\n'))
    const outcome = await rollbackRun(cluster, { type: 'blue-green', services: ['web', 'web-internal'], colorLabel: 'sgw.dev/color' })
    expect(outcome).toMatchObject({ result: 'failed', changed: true, previousRevision: 'green', revision: 'green' })
    expect(outcome.reason).toMatch(/^switching service\/web-internal to blue failed: .*forbidden.*; service\/web switched back to green$/)
    expect(cluster.get('Service', NS, 'web')?.spec.selector['sgw.dev/color']).toBe('green')
    expect(cluster.get('Service', NS, 'web-internal')?.spec.selector['sgw.dev/color']).toBe('green')
  })
})
