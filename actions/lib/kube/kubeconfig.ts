// A kubeconfig from a secret (base64 or plain YAML) or from a file on the runner: every credential
// inside handed to the masker the moment it is known, file references (certificate-authority,
// client-certificate, client-key, tokenFile, an exec command with a path) made absolute against
// the kubeconfig's own folder as kubectl does, and written to a private file that the post step
// deletes. A secret has no folder: a relative file reference in one is an input error.
import { looksLikeCredential } from '../inputs/url-secrets.js'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'
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

// Keys under users[].user whose values are credentials. A `username` is masked only when it looks
// like a credential (a token given as the user): a mask blanks its string in every later log line,
// so masking "admin" or "ubuntu" would blank those words everywhere.
const USER_SECRET_KEYS = ['token', 'client-key-data', 'client-certificate-data', 'password']
/** Names (of auth-provider config keys and exec env variables) whose values are credentials. */
const SECRET_NAME = /token|secret|password|passwd|credential|api[-_]?key|private[-_]?key/i

/**
 * Decode and validate a kubeconfig given as content (base64 or plain YAML) or as the path of a
 * kubeconfig file (relative to `cwd`). `mask` is called for each credential before anything else
 * can fail, so that not even a parse error can print one. Returns the document to write, with file
 * references absolute, and the chosen context and its server.
 */
export function readKubeconfig(
  raw: string,
  inputName: string,
  requestedContext: string,
  mask: (secret: string) => void,
  cwd = process.cwd()
): Kubeconfig {
  const trimmed = raw.trim()
  if (trimmed === '')
    throw new UserError(
      `Input "${inputName}" is empty: pass the kubeconfig secret, base64-encoded or as plain YAML, or a kubeconfig file's path.`
    )
  const file = kubeconfigFile(trimmed, inputName, cwd)
  let text: string
  if (file) text = readFileSync(file, 'utf8')
  else {
    mask(trimmed)
    text = looksLikeYaml(trimmed) ? trimmed : decodeBase64(trimmed, inputName)
  }
  if (text.trim()) mask(text)
  let document: KubeconfigDocument
  try {
    document = parseYaml(text) as KubeconfigDocument
  } catch (error) {
    throw new UserError(`Input "${inputName}" is not a valid kubeconfig: the YAML does not parse (line ${lineOf(error)}).`)
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document))
    throw new UserError(`Input "${inputName}" is not a kubeconfig: expected a YAML mapping with clusters, contexts and users.`)
  for (const key of ['clusters', 'contexts', 'users'] as const) {
    if (document[key] !== undefined && document[key] !== null && !Array.isArray(document[key]))
      throw new UserError(`Input "${inputName}" is not a valid kubeconfig: "${key}" must be a list (- name: ...).`)
  }
  const secrets = collectSecrets(document)
  for (const secret of secrets) mask(secret)
  resolveFileReferences(document, file ? dirname(file) : undefined, inputName, mask)

  const contexts = document.contexts ?? []
  const context = requestedContext || document['current-context'] || ''
  if (!context)
    throw new UserError(
      `Input "${inputName}" names no current-context; set the "context" input to one of: ${names(contexts) || '(none defined)'}.`
    )
  const entry = contexts.find((c) => c.name === context)
  if (!entry)
    throw new UserError(
      `Context "${context}" (input "context" or the current-context) is not in the kubeconfig of input "${inputName}"; ` +
        `it defines: ${names(contexts) || '(none)'}.`
    )
  const clusterName = (entry.context as { cluster?: string } | undefined)?.cluster
  const cluster = (document.clusters ?? []).find((c) => c.name === clusterName)
  const server = (cluster?.cluster as { server?: string } | undefined)?.server
  if (!server) throw new UserError(`Context "${context}" points at cluster "${clusterName ?? ''}", which has no server in the kubeconfig.`)
  return { document: { ...document, 'current-context': context }, secrets, context, server }
}

/**
 * The kubeconfig file the input names, when it is one line naming an existing file (`~/` is the
 * home folder); undefined for content. A line that reads as a path to a file that is not there is
 * an input error rather than base64 that fails to decode.
 */
function kubeconfigFile(text: string, inputName: string, cwd: string): string | undefined {
  if (/\s/.test(text)) return undefined
  const path = resolve(cwd, text.startsWith('~/') ? join(homedir(), text.slice(2)) : text)
  if (existsSync(path) && statSync(path).isFile()) return path
  if (/^(~|\.{1,2})?\//.test(text) && !text.includes('=')) {
    throw new UserError(
      `Input "${inputName}": the kubeconfig file ${text} does not exist ` +
        "(the input takes a kubeconfig's content, base64 or YAML, or its path)."
    )
  }
  return undefined
}

/**
 * Make the kubeconfig's file references absolute against `base` (the kubeconfig's folder), as
 * kubectl resolves them (client-go ResolveLocalPaths: certificate-authority, client-certificate,
 * client-key, tokenFile, and an exec command that contains a path separator). Without a base (a
 * kubeconfig given as content), a relative reference is an input error. The key and token files
 * are read only to mask what they hold.
 */
export function resolveFileReferences(
  document: KubeconfigDocument,
  base: string | undefined,
  inputName: string,
  mask: (secret: string) => void
): void {
  const references: { owner: string; key: string; holder: Record<string, unknown>; secret: boolean }[] = []
  for (const entry of document.clusters ?? []) {
    const cluster = entry.cluster as Record<string, unknown> | undefined
    if (cluster) references.push({ owner: `cluster "${entry.name ?? ''}"`, key: 'certificate-authority', holder: cluster, secret: false })
  }
  for (const entry of document.users ?? []) {
    const user = entry.user as Record<string, unknown> | undefined
    if (!user) continue
    const owner = `user "${entry.name ?? ''}"`
    references.push(
      { owner, key: 'client-certificate', holder: user, secret: false },
      { owner, key: 'client-key', holder: user, secret: true },
      { owner, key: 'tokenFile', holder: user, secret: true }
    )
    const exec = user.exec as Record<string, unknown> | undefined
    if (exec && typeof exec.command === 'string' && exec.command.includes('/'))
      references.push({ owner, key: 'exec command', holder: exec, secret: false })
  }
  for (const ref of references) {
    const field = ref.key === 'exec command' ? 'command' : ref.key
    const value = ref.holder[field]
    if (typeof value !== 'string' || value === '') continue
    if (!isAbsolute(value)) {
      if (!base) {
        const embed = ref.key === 'tokenFile' ? 'token' : ref.key === 'exec command' ? 'an absolute command path' : `${ref.key}-data`
        throw new UserError(
          `Input "${inputName}": ${ref.owner} names ${ref.key} "${value}", a relative path, ` +
            'but a kubeconfig given as content has no folder to resolve it against: ' +
            `embed it (${embed}; kubectl config view --flatten --minify writes such a kubeconfig) or pass the kubeconfig file's path.`
        )
      }
      ref.holder[field] = resolve(base, value)
    }
    if (ref.secret) maskFile(String(ref.holder[field]), mask)
  }
}

/** Mask what a key or token file holds: the whole text, and each line of a PEM body. */
function maskFile(path: string, mask: (secret: string) => void): void {
  let text: string
  try {
    text = readFileSync(path, 'utf8').trim()
  } catch {
    return
  }
  if (text === '') return
  mask(text)
  for (const line of text.split('\n')) {
    const body = line.trim()
    if (body.length >= 16 && !body.startsWith('-----')) mask(body)
  }
}

function lineOf(error: unknown): number | string {
  return (error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? '?'
}

/** YAML, or JSON (which kubectl also reads, and which parses as YAML). */
function looksLikeYaml(text: string): boolean {
  return (
    /^(apiVersion|kind|clusters|contexts|users|current-context|preferences)\s*:/m.test(text) ||
    /^\{\s*"(apiVersion|kind|clusters|contexts|users|current-context|preferences)"\s*:/.test(text)
  )
}

function decodeBase64(text: string, inputName: string): string {
  const compact = text.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/=_-]+$/.test(compact))
    throw new UserError(`Input "${inputName}" is neither a YAML kubeconfig nor base64 (try: base64 -w0 < kubeconfig).`)
  const decoded = Buffer.from(compact, 'base64').toString('utf8')
  if (!looksLikeYaml(decoded))
    throw new UserError(`Input "${inputName}" decodes from base64 but is not a kubeconfig (no clusters, contexts or users).`)
  return decoded
}

function names(entries: NamedEntry<unknown>[]): string {
  return entries
    .map((e) => e.name)
    .filter(Boolean)
    .join(', ')
}

/** Every credential in users[]: tokens, keys, certificates, passwords, and the auth-provider config
 * values, exec env values and exec arguments that are named as or look like credentials. */
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
  const addNamed = (name: string, value: unknown): void => {
    // A JSONPath selector (gcp's token-key: '{.credential.access_token}') names a secret, it is none.
    if (typeof value === 'string' && /^\{\..*\}$/.test(value)) return
    if (SECRET_NAME.test(name) || (typeof value === 'string' && looksLikeCredential(value))) add(value)
  }
  for (const entry of document.users ?? []) {
    const user = (entry.user ?? {}) as Record<string, unknown>
    for (const key of USER_SECRET_KEYS) add(user[key])
    if (typeof user.username === 'string' && looksLikeCredential(user.username)) add(user.username)
    // Named as secrets (access-token, client-secret, AWS_SECRET_ACCESS_KEY): masked whatever they
    // look like; anything else (cmd-path: gcloud, AWS_PROFILE=default, us-east-1) only when it
    // looks like a credential.
    const provider = user['auth-provider'] as { config?: Record<string, unknown> } | undefined
    for (const [key, value] of Object.entries(provider?.config ?? {})) addNamed(key, value)
    const execSpec = user.exec as { env?: { name?: string; value?: unknown }[]; args?: unknown[] } | undefined
    for (const env of execSpec?.env ?? []) addNamed(env.name ?? '', env.value)
    // `--token=...` carries its secret after the '='; a bare argument only when it looks like one
    // (never `get-token` of `aws eks get-token`).
    for (const arg of execSpec?.args ?? []) {
      if (typeof arg !== 'string') continue
      const eq = arg.indexOf('=')
      if (eq > 0) addNamed(arg.slice(0, eq), arg.slice(eq + 1))
      else if (looksLikeCredential(arg)) add(arg)
    }
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
