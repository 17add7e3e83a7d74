// The one kubectl runner: argument arrays (never a shell), the private kubeconfig, a request
// timeout on every call, and failures sorted into what the user can do about them.
import * as exec from '@actions/exec'
import { UserError } from '../errors/user-error.js'

export type KubectlFailureKind = 'unreachable' | 'credentials' | 'forbidden' | 'not-found' | 'invalid' | 'other'

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
export type CommandRunner = (tool: string, args: string[], options?: { input?: string; env?: Record<string, string> }) => Promise<CommandResult>

export const execRunner: CommandRunner = async (tool, args, options = {}) => {
  const result = await exec.getExecOutput(tool, args, {
    ignoreReturnCode: true,
    silent: true,
    input: options.input === undefined ? undefined : Buffer.from(options.input),
    env: options.env ? ({ ...process.env, ...options.env } as Record<string, string>) : undefined
  })
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
}

export function classifyFailure(stderr: string): KubectlFailureKind {
  const text = stderr.toLowerCase()
  if (/unauthorized|must be logged in|certificate has expired|certificate signed by unknown authority|token has expired|invalid bearer token|x509:/.test(text)) return 'credentials'
  if (/unable to connect to the server|connection refused|connection reset|i\/o timeout|no such host|context deadline exceeded|client\.timeout|eof$|was refused|tls handshake timeout|no route to host|service unavailable|the server is currently unable/m.test(text)) return 'unreachable'
  if (/\(timeout\)|unable to return a response in the time/.test(text)) return 'unreachable'
  if (/forbidden/.test(text)) return 'forbidden'
  // Before not-found: kubectl reports an unknown kind as "resource mapping not found ... no matches for kind".
  if (/\(invalid\)|is invalid|error validating|unknown field|no matches for kind|error parsing|could not find expected/.test(text)) return 'invalid'
  if (/\(notfound\)|not found/.test(text)) return 'not-found'
  return 'other'
}

const ADVICE: Record<KubectlFailureKind, string> = {
  unreachable: 'The API server did not answer: check the kubeconfig server URL, the network path from the runner, and that the cluster is up.',
  credentials: 'The cluster refused the credentials: the kubeconfig secret may have expired or been rotated; update the secret.',
  forbidden: 'The credentials lack a permission: grant the deploying identity the verb and resource named above.',
  'not-found': 'An object or namespace does not exist.',
  invalid: 'The cluster rejected a manifest: fix the field named above.',
  other: ''
}

export interface KubectlOptions {
  kubectl: string
  kubeconfig: string
  /** Seconds per API request, so a hung server cannot hold the step. */
  requestTimeout?: number
  runner?: CommandRunner
}

export class Kubectl {
  private readonly runner: CommandRunner

  constructor(private readonly options: KubectlOptions) {
    this.runner = options.runner ?? execRunner
  }

  get kubeconfig(): string {
    return this.options.kubeconfig
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

  failure(args: string[], result: CommandResult, what?: string): KubectlError {
    const kind = classifyFailure(result.stderr)
    const detail = firstLines(result.stderr || result.stdout)
    const advice = ADVICE[kind]
    return new KubectlError(`${what ?? `kubectl ${args.slice(0, 2).join(' ')}`} failed: ${detail}${advice ? `\n${advice}` : ''}`, kind, result.stderr)
  }
}

function firstLines(text: string, count = 3): string {
  const lines = text.trim().split('\n').filter(Boolean)
  return (lines.slice(0, count).join(' / ') || '(no output)') + (lines.length > count ? ` (+${lines.length - count} more lines)` : '')
}
