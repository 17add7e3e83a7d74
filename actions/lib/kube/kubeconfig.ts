// A kubeconfig from a secret: decoded (base64 or plain YAML), every credential inside handed to the
// masker the moment it is known, written to a private file that the post step deletes.
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml'
import { UserError } from '../errors/user-error.js'

interface NamedEntry<T> {
  name?: string
  [key: string]: unknown
  value?: T
}

export interface KubeconfigDocument {
  apiVersion?: string
  kind?: string
  clusters?: NamedEntry<unknown>[]
  contexts?: NamedEntry<unknown>[]
  users?: NamedEntry<unknown>[]
  'current-context'?: string
  [key: string]: unknown
}

export interface Kubeconfig {
  document: KubeconfigDocument
  /** Every value that must never be printed. */
  secrets: string[]
  context: string
  /** The API server URL of the chosen context (not secret; shown in the summary). */
  server: string
}

// Keys under users[].user whose values are credentials. `username` is not secret on its own but
// is masked too: with a password it is half of one.
const USER_SECRET_KEYS = ['token', 'client-key-data', 'client-certificate-data', 'password', 'username']

/**
 * Decode and validate a kubeconfig. `mask` is called for each credential before anything else can
 * fail, so that not even a parse error can print one.
 */
export function readKubeconfig(raw: string, inputName: string, requestedContext: string, mask: (secret: string) => void): Kubeconfig {
  const trimmed = raw.trim()
  if (trimmed === '') throw new UserError(`Input "${inputName}" is empty: pass the kubeconfig secret, base64-encoded or as plain YAML.`)
  mask(trimmed)
  const text = looksLikeYaml(trimmed) ? trimmed : decodeBase64(trimmed, inputName)
  mask(text)
  let document: KubeconfigDocument
  try {
    document = parseYaml(text) as KubeconfigDocument
  } catch (error) {
    throw new UserError(`Input "${inputName}" is not a valid kubeconfig: the YAML does not parse (line ${(error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? '?'}).`)
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) throw new UserError(`Input "${inputName}" is not a kubeconfig: expected a YAML mapping with clusters, contexts and users.`)
  for (const key of ['clusters', 'contexts', 'users'] as const) {
    if (document[key] !== undefined && document[key] !== null && !Array.isArray(document[key])) throw new UserError(`Input "${inputName}" is not a valid kubeconfig: "${key}" must be a list (- name: ...).`)
  }
  const secrets = collectSecrets(document)
  for (const secret of secrets) mask(secret)

  const contexts = document.contexts ?? []
  const context = requestedContext || document['current-context'] || ''
  if (!context) throw new UserError(`Input "${inputName}" names no current-context; set the "context" input to one of: ${names(contexts) || '(none defined)'}.`)
  const entry = contexts.find((c) => c.name === context)
  if (!entry) throw new UserError(`Context "${context}" (input "context" or the current-context) is not in the kubeconfig of input "${inputName}"; it defines: ${names(contexts) || '(none)'}.`)
  const clusterName = (entry.context as { cluster?: string } | undefined)?.cluster
  const cluster = (document.clusters ?? []).find((c) => c.name === clusterName)
  const server = (cluster?.cluster as { server?: string } | undefined)?.server
  if (!server) throw new UserError(`Context "${context}" points at cluster "${clusterName ?? ''}", which has no server in the kubeconfig.`)
  return { document: { ...document, 'current-context': context }, secrets, context, server }
}

/** YAML, or JSON (which kubectl also reads, and which parses as YAML). */
function looksLikeYaml(text: string): boolean {
  return /^(apiVersion|kind|clusters|contexts|users|current-context|preferences)\s*:/m.test(text) || /^\{\s*"(apiVersion|kind|clusters|contexts|users|current-context|preferences)"\s*:/.test(text)
}

function decodeBase64(text: string, inputName: string): string {
  const compact = text.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/=_-]+$/.test(compact)) throw new UserError(`Input "${inputName}" is neither a YAML kubeconfig nor base64 (try: base64 -w0 < kubeconfig).`)
  const decoded = Buffer.from(compact, 'base64').toString('utf8')
  if (!looksLikeYaml(decoded)) throw new UserError(`Input "${inputName}" decodes from base64 but is not a kubeconfig (no clusters, contexts or users).`)
  return decoded
}

function names(entries: NamedEntry<unknown>[]): string {
  return entries.map((e) => e.name).filter(Boolean).join(', ')
}

/** Every credential in users[]: tokens, keys, certificates, passwords, auth-provider config and exec env. */
export function collectSecrets(document: KubeconfigDocument): string[] {
  const out = new Set<string>()
  const add = (value: unknown): void => {
    if (typeof value !== 'string' || value.trim() === '') return
    out.add(value)
    // Base64 certificate and key data also appear decoded (PEM) wherever a tool prints them.
    if (/^[A-Za-z0-9+/=\s]+$/.test(value) && value.length >= 16) {
      const decoded = Buffer.from(value, 'base64').toString('utf8')
      if (decoded.includes('-----BEGIN')) {
        for (const line of decoded.split('\n')) {
          const body = line.trim()
          if (body.length >= 16 && !body.startsWith('-----')) out.add(body)
        }
      }
    }
  }
  for (const entry of document.users ?? []) {
    const user = (entry.user ?? {}) as Record<string, unknown>
    for (const key of USER_SECRET_KEYS) add(user[key])
    const provider = user['auth-provider'] as { config?: Record<string, unknown> } | undefined
    for (const value of Object.values(provider?.config ?? {})) add(value)
    const execSpec = user.exec as { env?: { name?: string; value?: unknown }[]; args?: unknown[] } | undefined
    for (const env of execSpec?.env ?? []) add(env.value)
    // Arguments like --token=... carry secrets too; plain flags are harmless to mask.
    for (const arg of execSpec?.args ?? []) if (typeof arg === 'string' && /token|secret|password|key/i.test(arg)) add(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg)
  }
  return [...out]
}

/** Write the kubeconfig to a fresh private folder under `dir`; returns the file path. */
export function writeKubeconfig(config: Kubeconfig, dir: string): string {
  const folder = join(dir, `sgw-kubeconfig-${randomBytes(6).toString('hex')}`)
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  const file = join(folder, 'config')
  writeFileSync(file, stringifyYaml(config.document), { mode: 0o600 })
  return file
}

/** Delete a kubeconfig written by writeKubeconfig (its folder too). */
export function removeKubeconfig(file: string): void {
  if (!file) return
  rmSync(file, { force: true })
  const folder = file.replace(/\/config$/, '')
  if (/sgw-kubeconfig-[0-9a-f]{12}$/.test(folder)) rmSync(folder, { recursive: true, force: true })
}
