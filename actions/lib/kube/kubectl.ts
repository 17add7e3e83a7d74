// The one kubectl runner: argument arrays (never a shell), the private kubeconfig, a request
// timeout on every call, and failures sorted into what the user can do about them.
import * as exec from '@actions/exec'
import { spawn } from 'node:child_process'
import { UserError } from '../errors/user-error.js'

export type KubectlFailureKind = 'unreachable' | 'credentials' | 'forbidden' | 'not-found' | 'unknown-kind' | 'invalid' | 'other'

export class KubectlError extends UserError {
  constructor(
    message: string,
    readonly kind: KubectlFailureKind,
    readonly stderr: string
  ) {
    super(message)
  }
}

export interface CommandResult {
  exitCode: number
  stdout: string
  stderr: string
}

/** Runs a command; replaced in unit tests by a recording fake. */
export type CommandRunner = (
  tool: string,
  args: string[],
  options?: { input?: string; env?: Record<string, string> }
) => Promise<CommandResult>

export const execRunner: CommandRunner = async (tool, args, options = {}) => {
  const result = await exec.getExecOutput(tool, args, {
    ignoreReturnCode: true,
    silent: true,
    input: options.input === undefined ? undefined : Buffer.from(options.input),
    env: options.env ? ({ ...process.env, ...options.env } as Record<string, string>) : undefined
  })
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
}

const CREDENTIALS = [
  'unauthorized',
  'must be logged in',
  'certificate has expired',
  'certificate signed by unknown authority',
  'token has expired',
  'invalid bearer token',
  'x509:'
]
const UNREACHABLE =
  /unable to connect to the server|connection refused|connection reset|i\/o timeout|no such host|context deadline exceeded/
const UNREACHABLE_TOO =
  /client\.timeout|eof$|was refused|tls handshake timeout|no route to host|service unavailable|the server is currently unable/m

/** What kind of failure kubectl's (or helm's) stderr describes, for the advice and for what to wait out. */
export function classifyFailure(stderr: string): KubectlFailureKind {
  const text = stderr.toLowerCase()
  if (CREDENTIALS.some((c) => text.includes(c))) return 'credentials'
  if (UNREACHABLE.test(text) || UNREACHABLE_TOO.test(text)) return 'unreachable'
  if (/\(timeout\)|unable to return a response in the time/.test(text)) return 'unreachable'
  if (/forbidden/.test(text)) return 'forbidden'
  // Before not-found: kubectl reports an unknown kind as "resource mapping not found ... no matches for kind".
  if (/no matches for kind|doesn't have a resource type|could not find the requested resource/.test(text)) return 'unknown-kind'
  if (/\(invalid\)|is invalid|error validating|unknown field|error parsing|could not find expected/.test(text)) return 'invalid'
  if (/\(notfound\)|not found/.test(text)) return 'not-found'
  return 'other'
}

const ADVICE: Record<KubectlFailureKind, string> = {
  unreachable:
    'The API server did not answer: check the kubeconfig server URL, the network path from the runner, and that the cluster is up.',
  credentials: 'The cluster refused the credentials: the kubeconfig secret may have expired or been rotated; update the secret.',
  forbidden: 'The credentials lack a permission: grant the deploying identity the verb and resource named above.',
  'not-found': 'An object or namespace does not exist.',
  'unknown-kind':
    'The cluster does not serve this kind: check apiVersion and kind, ' +
    'or install its CustomResourceDefinition (kube-deploy applies the CRDs in the manifests first).',
  invalid: 'The cluster rejected a manifest: fix the field named above.',
  other: ''
}

/**
 * Streams changes of a kind in a namespace (label selector): calls onChange for every change the
 * API server reports; returns a function that stops the stream. Replaced in unit tests.
 */
export type ChangeWatcher = (
  tool: string,
  args: string[],
  onChange: () => void
) => () => void

/** `kubectl get --watch-only` as a child process: each line it prints is one change. */
export const spawnWatcher: ChangeWatcher = (tool, args, onChange) => {
  const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'ignore'] })
  child.on('error', () => undefined) // a watch that cannot start leaves the polling as it was
  child.stdout.on('data', (chunk: Buffer) => {
    if (chunk.includes(10)) onChange()
  })
  return () => {
    if (child.exitCode === null) child.kill('SIGTERM')
  }
}

export interface KubectlOptions {
  kubectl: string
  kubeconfig: string
  /** Seconds per API request, so a hung server cannot hold the step. */
  requestTimeout?: number
  runner?: CommandRunner
  /** How changes are streamed (watchChanges); default: none under a custom runner, kubectl otherwise. */
  watcher?: ChangeWatcher | null
}

export class Kubectl {
  private readonly runner: CommandRunner

  constructor(private readonly options: KubectlOptions) {
    this.runner = options.runner ?? execRunner
  }

  get kubeconfig(): string {
    return this.options.kubeconfig
  }

  /**
   * Streams changes of `kind` objects in a namespace matching a label selector (`kubectl get
   * --watch-only -o name`, no request timeout); onChange runs once per change. Returns a function
   * that stops the stream. Best effort: when no watcher is configured (a fake runner) or the stream
   * ends, nothing is called and whoever polls goes on polling.
   */
  watchChanges(kind: string, namespace: string, selector: string, onChange: () => void): () => void {
    const watcher = this.options.watcher === undefined ? (this.options.runner ? null : spawnWatcher) : this.options.watcher
    if (!watcher) return () => undefined
    const args = ['--kubeconfig', this.options.kubeconfig, '--request-timeout=0', 'get', kind, '-n', namespace, '-l', selector, '--watch-only', '-o', 'name']
    return watcher(this.options.kubectl, args, onChange)
  }

  /** Run kubectl; a non-zero exit throws a KubectlError whose message says what to do. */
  async run(args: string[], options: { input?: string; what?: string } = {}): Promise<string> {
    const result = await this.tryRun(args, options)
    if (result.exitCode !== 0) throw this.failure(args, result, options.what)
    return result.stdout
  }

  async tryRun(args: string[], options: { input?: string } = {}): Promise<CommandResult> {
    const full = ['--kubeconfig', this.options.kubeconfig, `--request-timeout=${this.options.requestTimeout ?? 15}s`, ...args]
    return this.runner(this.options.kubectl, full, { input: options.input })
  }

  async json<T>(args: string[], what?: string): Promise<T> {
    const out = await this.run([...args, '-o', 'json'], { what })
    return JSON.parse(out) as T
  }

  /** `kubectl get` of one object; null when it does not exist. */
  async getOrNull<T>(kind: string, name: string, namespace: string): Promise<T | null> {
    const result = await this.tryRun(['get', `${kind}/${name}`, '-n', namespace, '-o', 'json'])
    if (result.exitCode === 0) return JSON.parse(result.stdout) as T
    if (classifyFailure(result.stderr) === 'not-found') return null
    throw this.failure(['get', `${kind}/${name}`], result)
  }

  /**
   * The live copy of any object, given its apiVersion, kind, name and namespace (ignored by kubectl
   * for cluster-scoped kinds); null when it does not exist or its kind is not served (yet), as for
   * a custom resource whose CustomResourceDefinition comes in the same deploy.
   */
  async getObject<T>(apiVersion: string, kind: string, name: string, namespace: string, what?: string): Promise<T | null> {
    const args = ['get', `${resourceArg(apiVersion, kind)}/${name}`, '-n', namespace, '-o', 'json']
    const result = await this.tryRun(args)
    if (result.exitCode === 0) return JSON.parse(result.stdout) as T
    const kindOfFailure = classifyFailure(result.stderr)
    if (kindOfFailure === 'not-found' || kindOfFailure === 'unknown-kind') return null
    throw this.failure(args, result, what)
  }

  failure(args: string[], result: CommandResult, what?: string): KubectlError {
    const kind = classifyFailure(result.stderr)
    const detail = firstLines(result.stderr || result.stdout)
    const advice = ADVICE[kind]
    return new KubectlError(
      `${what ?? `kubectl ${args.slice(0, 2).join(' ')}`} failed: ${detail}${advice ? `\n${advice}` : ''}`,
      kind,
      result.stderr
    )
  }
}

/**
 * The TYPE argument that kubectl resolves to exactly this kind: `Kind.version.group`
 * (Deployment.v1.apps), or the bare kind for the core group (ConfigMap), whose apiVersion has no group.
 */
export function resourceArg(apiVersion: string, kind: string): string {
  const at = apiVersion.indexOf('/')
  return at < 0 ? kind : `${kind}.${apiVersion.slice(at + 1)}.${apiVersion.slice(0, at)}`
}

/**
 * What the API server said, without what kubectl wraps around it: a refused apply prints the whole
 * patch (a Secret's data included) and the object's coordinates over several lines before the
 * reason. Returns the text with those parts removed.
 */
export function serverSaid(stderr: string): string {
  return stderr
    .replace(/error when applying patch:\n[\s\S]*?\nfor: "[^"\n]*": error when patching "[^"\n]*": /g, '')
    .replace(/error when retrieving current configuration of:\n[\s\S]*?\nfrom server for: "[^"\n]*": /g, '')
    .replace(/error when (creating|replacing|deleting|patching) "[^"\n]*": /g, '')
}

function firstLines(text: string, count = 3): string {
  const lines = serverSaid(text).trim().split('\n').filter(Boolean)
  return (lines.slice(0, count).join(' / ') || '(no output)') + (lines.length > count ? ` (+${lines.length - count} more lines)` : '')
}
