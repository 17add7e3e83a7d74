// Manifests as plain objects: read from files, folders and globs (or rendered by kustomize),
// given the requested images, and the workloads among them found for the rollout watch.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { UserError } from '../errors/user-error.js'
import { parseList } from '../inputs/parse.js'

export interface KubeObject {
  apiVersion: string
  kind: string
  metadata: {
    name: string
    namespace?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
    [key: string]: unknown
  }
  spec?: Record<string, unknown>
  [key: string]: unknown
}

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number]

export interface WorkloadRef {
  kind: WorkloadKind
  name: string
  namespace: string
}

export interface Container {
  name: string
  image: string
  [key: string]: unknown
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; [key: string]: unknown }
  spec: { containers: Container[]; initContainers?: Container[]; [key: string]: unknown }
}

const GLOB_MAGIC = /[*?[{]/
const MANIFEST_FILE = /\.(ya?ml|json)$/i
const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/

/** Files named by the `manifests` input: files, folders (recursively, sorted) and globs. */
export async function resolveManifestFiles(patterns: readonly string[], inputName: string, cwd = process.cwd()): Promise<string[]> {
  const out: string[] = []
  for (const pattern of patterns) {
    const path = pattern.startsWith('/') ? pattern : join(cwd, pattern)
    if (GLOB_MAGIC.test(pattern)) {
      const glob = await import('@actions/glob')
      const found = (await (await glob.create(path, { matchDirectories: false })).glob())
        .filter((f) => MANIFEST_FILE.test(f) && !KUSTOMIZATION_FILE.test(f))
        .sort()
      if (found.length === 0) throw new UserError(`No manifest file matches "${pattern}" (input "${inputName}").`)
      out.push(...found)
    } else if (!existsSync(path)) {
      throw new UserError(`Manifest path "${pattern}" does not exist (input "${inputName}").`)
    } else if (statSync(path).isDirectory()) {
      // A kustomization file is kustomize's input, not an object to apply (use the kustomize input).
      const found = walk(path).filter((f) => MANIFEST_FILE.test(f) && !KUSTOMIZATION_FILE.test(f))
      if (found.length === 0) throw new UserError(`Folder "${pattern}" holds no .yaml, .yml or .json file (input "${inputName}").`)
      out.push(...found)
    } else out.push(path)
  }
  return [...new Set(out)]
}

function walk(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...walk(full))
    else out.push(full)
  }
  return out
}

export function readManifestFiles(files: readonly string[]): KubeObject[] {
  return files.flatMap((file) => parseManifests(readFileSync(file, 'utf8'), file))
}

/** Every object in a multi-document YAML (or JSON) text; `kind: List` is flattened. */
export function parseManifests(text: string, source: string): KubeObject[] {
  const out: KubeObject[] = []
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      const error = doc.errors[0]
      throw new UserError(`${source}: the YAML does not parse at line ${error.linePos?.[0]?.line ?? '?'}: ${error.message.split('\n')[0]}`)
    }
    const value = doc.toJS() as unknown
    if (value === null || value === undefined) continue
    for (const object of flattenList(value)) out.push(checkObject(object, source))
  }
  return out
}

function flattenList(value: unknown): unknown[] {
  const v = value as { kind?: string; items?: unknown[] }
  if (v && typeof v === 'object' && typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items))
    return v.items.flatMap(flattenList)
  return [value]
}

function checkObject(value: unknown, source: string): KubeObject {
  const v = value as Partial<KubeObject>
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw new UserError(`${source}: a document is not a Kubernetes object (expected a mapping with apiVersion, kind and metadata).`)
  if (typeof v.apiVersion !== 'string' || typeof v.kind !== 'string') throw new UserError(`${source}: an object lacks apiVersion or kind.`)
  if (!v.metadata || typeof v.metadata.name !== 'string' || v.metadata.name === '')
    throw new UserError(`${source}: a ${v.kind} has no metadata.name.`)
  return v as KubeObject
}

export function isWorkload(object: KubeObject): boolean {
  return (WORKLOAD_KINDS as readonly string[]).includes(object.kind) && object.apiVersion === 'apps/v1'
}

/** The Deployments, StatefulSets and DaemonSets among the objects, each in the namespace it names, else `namespace`. */
export function workloadsOf(objects: readonly KubeObject[], namespace: string): WorkloadRef[] {
  return objects
    .filter(isWorkload)
    .map((o) => ({ kind: o.kind as WorkloadKind, name: o.metadata.name, namespace: namespaceOf(o, namespace) }))
}

export function podTemplateOf(object: { spec?: Record<string, unknown> }): PodTemplate | undefined {
  const template = object.spec?.template as PodTemplate | undefined
  return template && Array.isArray(template.spec?.containers) ? template : undefined
}

/** kind/name as people write it (deployment/web, configmap/settings, widget/w1): the kind lower-cased. */
export function describeObject(object: { kind: string; metadata: { name: string } }): string {
  return `${object.kind.toLowerCase()}/${object.metadata.name}`
}

/** The namespace an object goes to: the one it names, else the deploy's (kubectl ignores it for cluster-scoped kinds). */
export function namespaceOf(object: KubeObject, namespace: string): string {
  return object.metadata.namespace || namespace
}

export function describeWorkload(ref: WorkloadRef): string {
  return `${ref.kind.toLowerCase()}/${ref.name}`
}

/** `images` input: lines `container=image-ref`. */
export function parseImageOverrides(raw: string | undefined, inputName: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of parseList(raw)) {
    const at = line.indexOf('=')
    const container = line.slice(0, at).trim()
    const image = line.slice(at + 1).trim()
    if (at <= 0 || image === '' || /\s/.test(image))
      throw new UserError(`Input "${inputName}": "${line}" is not container=image-ref (e.g. web=ghcr.io/acme/web:1.4.0).`)
    out.set(container, image)
  }
  return out
}

/**
 * Set the images of the named containers (and init containers) in every workload's pod template.
 * An override that matches no container is an error: a typo must not deploy the old image quietly.
 * Returns the resulting `container=image` list of every workload container.
 */
export function applyImageOverrides(objects: KubeObject[], overrides: ReadonlyMap<string, string>, inputName: string): string[] {
  const used = new Set<string>()
  const images: string[] = []
  for (const object of objects) {
    const template = podTemplateOf(object)
    if (!template) continue
    for (const container of [...(template.spec.initContainers ?? []), ...template.spec.containers]) {
      const image = overrides.get(container.name)
      if (image !== undefined) {
        container.image = image
        used.add(container.name)
      }
    }
    for (const container of template.spec.containers) images.push(`${container.name}=${container.image}`)
  }
  const unused = [...overrides.keys()].filter((name) => !used.has(name))
  if (unused.length > 0)
    throw new UserError(
      `Input "${inputName}": no container named ${unused.map((n) => `"${n}"`).join(', ')} in the workloads being deployed.`
    )
  return [...new Set(images)]
}

export function containerImages(template: PodTemplate | undefined): string[] {
  return (template?.spec.containers ?? []).map((c) => `${c.name}=${c.image}`)
}
