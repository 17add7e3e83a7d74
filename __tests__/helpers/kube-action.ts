// Run kube-deploy / kube-rollback from dist/ against a test cluster, then the post step with the
// state the main step saved, as the runner does.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { runAction, type ActionRun } from './run-action.js'
import { REPO_ROOT, TOOLS_BIN } from './tools.js'
import { base64File, type TestCluster } from './cluster.js'

export interface KubeRun extends ActionRun {
  /** The post step's run. */
  post: ActionRun
  kubeconfigPath: string
}

export const WEB_MANIFESTS = join(REPO_ROOT, 'examples', 'web-deploy')
export const WEB_CHART = join(REPO_ROOT, 'examples', 'web-chart')

export async function runKube(action: 'kube-deploy' | 'kube-rollback', cluster: TestCluster, namespace: string, inputs: Record<string, string>, options: { kubeconfig?: string; timeoutMs?: number } = {}): Promise<KubeRun> {
  const env = { PATH: `${TOOLS_BIN}:${process.env.PATH ?? ''}` }
  const base = { kubeconfig: base64File(options.kubeconfig ?? cluster.kubeconfig), namespace, ...inputs }
  const main = await runAction(action, { inputs: base, env, timeoutMs: options.timeoutMs ?? 150_000 })
  const kubeconfigPath = main.state['kubeconfig-path'] ?? ''
  const post = await runAction(action, { inputs: base, env: { ...env, RUNNER_TEMP: main.runnerTemp }, state: main.state })
  return { ...main, post, kubeconfigPath }
}

export function leftBehind(run: KubeRun): boolean {
  return run.kubeconfigPath !== '' && existsSync(run.kubeconfigPath)
}
