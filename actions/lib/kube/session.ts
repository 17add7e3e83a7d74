// What kube-deploy and kube-rollback share as actions: the kubeconfig secret masked and written to
// a private file (deleted by the post step), the kubectl and helm executables, and the inputs
// for the rollout watch.
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as core from '@actions/core'
import * as io from '@actions/io'
import { isUserError, UserError } from '../errors/user-error.js'
import { parseBoolean, parseDuration, parseWholeNumber } from '../inputs/parse.js'
import { Helm } from './helm.js'
import { Kubectl } from './kubectl.js'
import { readKubeconfig, removeKubeconfig, writeKubeconfig, type Kubeconfig } from './kubeconfig.js'
import type { Reporter } from './deploy.js'
import type { WatchOptions } from './watch.js'

export const KubeInput = {
  Kubeconfig: 'kubeconfig',
  Context: 'context',
  Namespace: 'namespace',
  ExportKubeconfig: 'export-kubeconfig',
  Kubectl: 'kubectl',
  Helm: 'helm',
  Timeout: 'timeout',
  ReadinessGrace: 'readiness-grace',
  MaxRestarts: 'max-restarts'
} as const

/** kube-deploy and kube-rollback answer with the same outputs. */
export const KubeOutput = {
  Result: 'result',
  Revision: 'revision',
  PreviousRevision: 'previous-revision',
  Reason: 'reason',
  DurationSeconds: 'duration-seconds',
  RollbackSeconds: 'rollback-seconds',
  Images: 'images'
} as const

export interface KubeOutputs {
  result: string
  revision: string
  previousRevision: string
  reason: string
  durationSeconds: number
  rollbackSeconds?: number
  images: readonly string[]
}

/** The outputs of a step that failed before it reached the cluster (inputs, kubeconfig, tools). */
export function failedBeforeStart(error: unknown, seconds: number): KubeOutputs {
  const message = isUserError(error) ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`
  return {
    result: 'failed',
    reason: message.replace(/\s*\n\s*/g, ' ').trim(),
    revision: '',
    previousRevision: '',
    durationSeconds: Math.round(seconds * 10) / 10,
    images: []
  }
}

/** Set every output (kube-deploy and kube-rollback alike); rollback-seconds is empty when there was no rollback. */
export function setKubeOutputs(o: KubeOutputs): void {
  core.setOutput(KubeOutput.Result, o.result)
  core.setOutput(KubeOutput.Revision, o.revision)
  core.setOutput(KubeOutput.PreviousRevision, o.previousRevision)
  core.setOutput(KubeOutput.Reason, o.reason)
  core.setOutput(KubeOutput.DurationSeconds, String(o.durationSeconds))
  core.setOutput(KubeOutput.RollbackSeconds, o.rollbackSeconds === undefined ? '' : String(o.rollbackSeconds))
  core.setOutput(KubeOutput.Images, o.images.join('\n'))
}

export const KubeState = { IsPost: 'isPost', KubeconfigPath: 'kubeconfig-path' } as const

export interface KubeSession {
  config: Kubeconfig
  file: string
  namespace: string
  kubectl: Kubectl
  helmPath: string
}

export async function openSession(get: (name: string) => string): Promise<KubeSession> {
  const config = readKubeconfig(get(KubeInput.Kubeconfig), KubeInput.Kubeconfig, get(KubeInput.Context).trim(), core.setSecret)
  const file = writeKubeconfig(config, process.env.RUNNER_TEMP || tmpdir())
  core.saveState(KubeState.KubeconfigPath, file)
  if (parseBoolean(KubeInput.ExportKubeconfig, get(KubeInput.ExportKubeconfig), false)) core.exportVariable('KUBECONFIG', file)
  const contextNamespace = (
    (config.document.contexts ?? []).find((c) => c.name === config.context)?.context as { namespace?: string } | undefined
  )?.namespace
  const namespace = get(KubeInput.Namespace).trim() || contextNamespace || 'default'
  const kubectlPath = await findTool(get(KubeInput.Kubectl).trim() || 'kubectl', KubeInput.Kubectl, 'azure/setup-kubectl')
  return {
    config,
    file,
    namespace,
    kubectl: new Kubectl({ kubectl: kubectlPath, kubeconfig: file }),
    helmPath: get(KubeInput.Helm).trim() || 'helm'
  }
}

export async function helmFor(session: KubeSession): Promise<Helm> {
  return new Helm(await findTool(session.helmPath, KubeInput.Helm, 'azure/setup-helm'), session.file)
}

async function findTool(nameOrPath: string, inputName: string, setup: string): Promise<string> {
  if (nameOrPath.includes('/')) {
    if (!existsSync(nameOrPath)) throw new UserError(`Input "${inputName}": ${nameOrPath} does not exist.`)
    return nameOrPath
  }
  const found = await io.which(nameOrPath, false)
  if (!found)
    throw new UserError(
      `${nameOrPath} is not on PATH. GitHub-hosted runners have it; ` +
        `on a self-hosted runner install it first (e.g. with ${setup}) or set the "${inputName}" input to its path.`
    )
  return found
}

export function readWatchOptions(get: (name: string) => string): WatchOptions {
  return {
    timeoutSeconds: parseDuration(KubeInput.Timeout, get(KubeInput.Timeout), 300),
    readinessGrace: parseDuration(KubeInput.ReadinessGrace, get(KubeInput.ReadinessGrace), 60),
    maxRestarts: parseWholeNumber(KubeInput.MaxRestarts, get(KubeInput.MaxRestarts), 3),
    pollMs: 1000,
    apiGraceSeconds: 20
  }
}

/** The post step: delete the kubeconfig the main step wrote. */
export function closeSession(): void {
  const file = core.getState(KubeState.KubeconfigPath)
  if (!file) return
  removeKubeconfig(file)
  core.info(`Removed the kubeconfig written for this job (${file}).`)
}

/** One entry point for main and post: the runner runs the same file twice. */
export async function mainOrPost(main: () => Promise<void>): Promise<void> {
  if (core.getState(KubeState.IsPost) === 'true') {
    closeSession()
    return
  }
  core.saveState(KubeState.IsPost, 'true')
  await main()
}

/** The deploy's progress as the runner shows it: log lines, warnings, collapsible groups. */
export const actionReporter: Reporter = {
  info: (line) => core.info(line),
  warning: (line) => core.warning(line),
  group: (title, body) => core.group(title, body)
}
