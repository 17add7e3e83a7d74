// helm through the same command runner and kubeconfig as kubectl; we watch the rollout ourselves,
// so helm never waits (--wait would hide which pod failed and sit out the whole timeout).
import { classifyFailure, execRunner, KubectlError, type CommandRunner } from './kubectl.js'

export interface HelmRevision {
  revision: number
  status: string
  chart?: string
  app_version?: string
  description?: string
}

export interface HelmUpgrade {
  release: string
  chart: string
  namespace: string
  values: string[]
  set: string[]
  dryRun: boolean
  /** An executable and its arguments that rewrite the rendered manifests (images input). */
  postRenderer?: { command: string; args: string[] }
  timeoutSeconds: number
}

export class Helm {
  private readonly runner: CommandRunner

  constructor(
    private readonly helm: string,
    private readonly kubeconfig: string,
    runner?: CommandRunner
  ) {
    this.runner = runner ?? execRunner
  }

  private async run(args: string[], what: string): Promise<string> {
    const result = await this.runner(this.helm, [...args, '--kubeconfig', this.kubeconfig])
    if (result.exitCode !== 0) {
      const kind = classifyFailure(result.stderr)
      throw new KubectlError(
        `${what} failed: ${result.stderr.trim().split('\n').slice(-3).join(' / ') || `exit ${result.exitCode}`}`,
        kind,
        result.stderr
      )
    }
    return result.stdout
  }

  /** The release history, oldest first; empty when the release does not exist. */
  async history(release: string, namespace: string): Promise<HelmRevision[]> {
    const result = await this.runner(this.helm, [
      'history',
      release,
      '-n',
      namespace,
      '-o',
      'json',
      '--max',
      '256',
      '--kubeconfig',
      this.kubeconfig
    ])
    if (result.exitCode !== 0) {
      if (/release: not found/.test(result.stderr)) return []
      throw new KubectlError(`helm history ${release} failed: ${result.stderr.trim()}`, classifyFailure(result.stderr), result.stderr)
    }
    return (JSON.parse(result.stdout) as HelmRevision[]).sort((a, b) => a.revision - b.revision)
  }

  /** `helm upgrade --install` (never --wait: the deploy watches the rollout itself); returns helm's output. */
  async upgrade(options: HelmUpgrade): Promise<string> {
    const args = [
      'upgrade',
      '--install',
      options.release,
      options.chart,
      '-n',
      options.namespace,
      '--timeout',
      `${options.timeoutSeconds}s`
    ]
    for (const file of options.values) args.push('--values', file)
    for (const s of options.set) args.push('--set', s)
    if (options.dryRun) args.push('--dry-run=server')
    if (options.postRenderer) {
      args.push('--post-renderer', options.postRenderer.command)
      for (const a of options.postRenderer.args) args.push('--post-renderer-args', a)
    }
    return this.run(args, `helm upgrade --install ${options.release}`)
  }

  /** The rendered manifest of the release's current revision, or of `revision`. */
  async manifest(release: string, namespace: string, revision?: number): Promise<string> {
    return this.run(
      ['get', 'manifest', release, '-n', namespace, ...(revision ? ['--revision', String(revision)] : [])],
      `helm get manifest ${release}`
    )
  }

  async rollback(release: string, revision: number, namespace: string): Promise<void> {
    await this.run(['rollback', release, String(revision), '-n', namespace], `helm rollback ${release} ${revision}`)
  }

  async uninstall(release: string, namespace: string): Promise<void> {
    await this.run(['uninstall', release, '-n', namespace], `helm uninstall ${release}`)
  }
}

const COMPLETED = new Set(['deployed', 'superseded'])

/** Statuses a helm operation sets while it runs; left behind when the operation was killed. */
export const PENDING_STATUSES = new Set(['pending-install', 'pending-upgrade', 'pending-rollback'])

/**
 * The newest revision that was deployed successfully: deployed now, or superseded by a later one,
 * but not one that a rollback replaced. Without --wait, helm marks an upgrade deployed before its
 * pods run; when kube-deploy then rolls it back, the next revision's description is "Rollback to N"
 * and the bad revision merely shows as superseded. Only a completed rollback counts: one left
 * pending (a killed `helm rollback`) proves nothing about the revision before it, which helm still
 * shows as deployed.
 */
export function lastGoodRevision(history: readonly HelmRevision[]): HelmRevision | undefined {
  const sorted = [...history].sort((a, b) => a.revision - b.revision)
  const rolledBackFrom = new Set(
    sorted.flatMap((r, i) =>
      i > 0 && COMPLETED.has(r.status) && /^Rollback to \d+/.test(r.description ?? '') ? [sorted[i - 1].revision] : []
    )
  )
  return [...sorted].reverse().find((r) => COMPLETED.has(r.status) && !rolledBackFrom.has(r.revision))
}

/** The release's newest revision when a killed helm operation left it pending (or uninstalling): helm refuses to upgrade it. */
export function stuckRevision(history: readonly HelmRevision[]): HelmRevision | undefined {
  const current = [...history].sort((a, b) => a.revision - b.revision).at(-1)
  return current && (PENDING_STATUSES.has(current.status) || current.status === 'uninstalling') ? current : undefined
}
