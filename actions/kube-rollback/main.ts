// actions/kube-rollback: the on-demand (emergency) rollback, with kube-deploy's credential handling.
import * as core from '@actions/core'
import { input, runAction } from '../lib/action/run-action.js'
import { UserError } from '../lib/errors/user-error.js'
import { parseList, parseWholeNumber } from '../lib/inputs/parse.js'
import { rollback, parseWorkloadRef, type RollbackOutcome, type RollbackTarget } from '../lib/kube/rollback.js'
import {
  actionReporter,
  failedBeforeStart,
  helmFor,
  mainOrPost,
  openSession,
  readWatchOptions,
  setKubeOutputs,
  type KubeSession
} from '../lib/kube/session.js'
import { esc } from '../lib/report/markdown.js'

export const RollbackInput = {
  Workloads: 'workloads',
  Revision: 'revision',
  HelmRelease: 'helm-release',
  Service: 'service',
  ColorLabel: 'color-label'
} as const

export async function runKubeRollback(): Promise<void> {
  await mainOrPost(() => runAction(rollbackStep))
}

export function readTarget(get: (name: string) => string, namespace: string): RollbackTarget {
  const workloads = parseList(get(RollbackInput.Workloads))
  const release = get(RollbackInput.HelmRelease).trim()
  const services = parseList(get(RollbackInput.Service))
  const given = [
    workloads.length ? RollbackInput.Workloads : '',
    release ? RollbackInput.HelmRelease : '',
    services.length ? RollbackInput.Service : ''
  ].filter(Boolean)
  if (given.length !== 1)
    throw new UserError(
      given.length === 0
        ? `Nothing to roll back: set one of "workloads" (e.g. deployment/web), "helm-release" or "service" (blue-green).`
        : `Set only one of "workloads", "helm-release" and "service"; got ${given.join(', ')}.`
    )
  const revisionText = get(RollbackInput.Revision).trim()
  const revision = revisionText ? parseWholeNumber(RollbackInput.Revision, revisionText, 0, 1) : undefined
  if (services.length) {
    if (revision !== undefined)
      throw new UserError(`Input "${RollbackInput.Revision}" does not apply to a blue-green switch back; it goes to the other colour.`)
    return { type: 'blue-green', services, colorLabel: get(RollbackInput.ColorLabel).trim() || 'sgw.dev/color' }
  }
  if (release) return { type: 'helm', release, revision }
  return { type: 'workloads', refs: workloads.map((w) => parseWorkloadRef(w, namespace, RollbackInput.Workloads)), revision }
}

async function rollbackStep(): Promise<void> {
  const started = Date.now()
  let session: KubeSession
  let target: RollbackTarget
  let watch: ReturnType<typeof readWatchOptions>
  let helm: Awaited<ReturnType<typeof helmFor>> | undefined
  try {
    session = await openSession(input)
    target = readTarget(input, session.namespace)
    watch = readWatchOptions(input)
    helm = target.type === 'helm' ? await helmFor(session) : undefined
    await session.kubectl.run(['version', '-o', 'json'], { what: 'Reaching the API server' })
  } catch (error) {
    // Nothing was rolled back: every output still says so.
    setKubeOutputs(failedBeforeStart(error, (Date.now() - started) / 1000))
    throw error
  }
  const outcome = await rollback(session.kubectl, helm, target, session.namespace, watch, actionReporter)
  await publish(outcome, session)
}

async function publish(outcome: RollbackOutcome, session: KubeSession): Promise<void> {
  setKubeOutputs({ ...outcome, durationSeconds: outcome.seconds, rollbackSeconds: outcome.seconds })
  const ok = outcome.result === 'rolled-back'
  const lines = [
    `## ${ok ? '↩️ Rolled back' : '❌ Rollback failed'}`,
    '',
    `**${esc(outcome.reason)}**`,
    '',
    '| | |',
    '|---|---|',
    `| Cluster | \`${esc(session.config.server)}\` (context \`${esc(session.config.context)}\`) |`,
    `| Namespace | \`${esc(session.namespace)}\` |`,
    `| Revision | ${esc(outcome.previousRevision || '(none)')} → ${esc(outcome.revision || '(none)')} |`,
    `| Images now | ${outcome.images.map((i) => `\`${esc(i)}\``).join('<br>')} |`,
    `| Duration | ${outcome.seconds}s |`,
    '',
    ...outcome.restored.map((r) => `- ${esc(r)}`),
    ''
  ]
  await core.summary.addRaw(lines.join('\n')).write()
  const bug = outcome.error?.bug
  const stack =
    bug === undefined ? '' : ` Unexpected error (please report it): ${bug instanceof Error ? (bug.stack ?? bug.message) : String(bug)}`
  if (ok) core.info(`Rolled back: ${outcome.reason} (${outcome.seconds}s)`)
  // Refused before anything changed: the error as it was thrown (one to three lines, no stack for a user error).
  else if (!outcome.changed) core.setFailed(bug === undefined ? (outcome.error?.message ?? outcome.reason) : stack.trim())
  else core.setFailed(`Rollback failed: ${outcome.reason}${stack}`)
}
