// actions/kube-deploy: deploy, prove the new version healthy, roll back on its own when it is not.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as core from '@actions/core'
import { input, runAction } from '../lib/action/run-action.js'
import type { DeployOutcome } from '../lib/kube/deploy.js'
import {
  actionReporter,
  failedBeforeStart,
  helmFor,
  mainOrPost,
  openSession,
  setKubeOutputs,
  type KubeSession
} from '../lib/kube/session.js'
import { DeployInput, readDeploySettings } from './settings.js'

const POST_RENDER_FLAG = '--sgw-post-render'

export async function runKubeDeploy(): Promise<void> {
  if (process.argv[2] === POST_RENDER_FLAG) return postRender(process.argv[3])
  await mainOrPost(() => runAction(deployStep))
}

async function deployStep(): Promise<void> {
  const started = Date.now()
  let session: KubeSession
  let settings: Awaited<ReturnType<typeof readDeploySettings>>
  let helm: Awaited<ReturnType<typeof helmFor>> | undefined
  try {
    const prometheusToken = input(DeployInput.PrometheusToken).trim()
    if (prometheusToken) core.setSecret(prometheusToken)
    session = await openSession(input)
    settings = await readDeploySettings(input, session.kubectl, session.namespace, (images) => postRenderer(images))
    helm = settings.source.type === 'helm' ? await helmFor(session) : undefined
  } catch (error) {
    // Nothing reached the cluster: every output still says so.
    setKubeOutputs(failedBeforeStart(error, (Date.now() - started) / 1000))
    throw error
  }
  core.info(`Deploying to ${session.config.server} (context ${session.config.context}), namespace ${session.namespace}`)
  // The runner and its strategies load once the inputs and the cluster are known to be good.
  const { deploy } = await import('../lib/kube/deploy.js')
  const outcome = await deploy(session.kubectl, helm, settings, actionReporter)
  await publish(outcome, session)
}

async function publish(outcome: DeployOutcome, session: KubeSession): Promise<void> {
  setKubeOutputs(outcome)
  const environment = input(DeployInput.Environment).trim()
  const target = { server: session.config.server, context: session.config.context }
  const { deploySummary } = await import('../lib/kube/summary.js')
  await core.summary.addRaw(deploySummary(outcome, target, environment ? `to ${environment}` : 'kube-deploy')).write()
  const bug = outcome.error?.bug
  const stack =
    bug === undefined ? '' : ` Unexpected error (please report it): ${bug instanceof Error ? (bug.stack ?? bug.message) : String(bug)}`
  if (outcome.result === 'deployed') core.info(`Deployed: ${outcome.reason}`)
  else if (outcome.result === 'dry-run') core.info(`Dry run: ${outcome.reason}`)
  else if (outcome.result === 'rolled-back') {
    core.setFailed(
      `Rolled back: ${sentence(outcome.reason)} ${sentence(outcome.rollback?.restored.join('; ') ?? '')} See the job summary.${stack}`
    )
  } else if (!outcome.changed) {
    // Failed before the apply: the error as it was thrown (one to three lines, no stack for a user error).
    core.setFailed(bug === undefined ? (outcome.error?.message ?? outcome.reason) : stack.trim())
  } else if (outcome.rollback && !outcome.rollback.ok) {
    const advice = 'The cluster may run a broken revision; roll back by hand (kube-rollback) or fix forward.'
    core.setFailed(
      `Deploy failed: ${sentence(outcome.reason)} THE ROLLBACK FAILED TOO: ${sentence(outcome.rollback.detail)} ${advice}${stack}`
    )
  } else
    core.setFailed(
      `Deploy failed: ${sentence(outcome.reason)} Not rolled back (rollback-on-failure is false). See the job summary.${stack}`
    )
}

function sentence(text: string): string {
  const t = text.trim()
  return t === '' || /[.?!]$/.test(t) ? t : `${t}.`
}

/** helm runs this bundle as its post-renderer so that the images input applies to charts too. */
function postRenderer(images: ReadonlyMap<string, string>): { command: string; args: string[] } {
  const file = join(process.env.RUNNER_TEMP || '/tmp', `sgw-images-${process.pid}.json`)
  writeFileSync(file, JSON.stringify([...images]))
  return { command: process.execPath, args: [fileURLToPath(import.meta.url), POST_RENDER_FLAG, file] }
}

async function postRender(file: string | undefined): Promise<void> {
  try {
    await renderImages(file)
  } catch (error) {
    process.stderr.write(`kube-deploy post-renderer: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}

async function renderImages(file: string | undefined): Promise<void> {
  const images = new Map<string, string>(JSON.parse(readFileSync(file ?? '', 'utf8')) as [string, string][])
  const [{ applyImageOverrides, parseManifests }, { stringify: stringifyYaml }] = await Promise.all([import('../lib/kube/manifests.js'), import('yaml')])
  const objects = parseManifests(readFileSync(0, 'utf8'), 'helm rendered manifests')
  applyImageOverrides(objects, images, DeployInput.Images)
  process.stdout.write(objects.map((o) => stringifyYaml(o)).join('---\n'))
}
