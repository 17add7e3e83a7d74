// Time to rollback on real pods: kube-deploy (dist/, Node 24) applies an image that exits at start
// (examples/web, WEB_MODE=crash) on the real node of scripts/real-node.sh, and rolls back to the
// last good revision. Measured per run:
//   detection   first container exit (containerd's /tasks/exit event) -> kube-deploy starts the rollback
//   recovery    apply -> the old revision healthy again (kube-deploy's own summary line)
// Goals (issue 14): recovery at most 10 s (median of the runs), detection within 2 s. The peer is
// `kubectl rollout status` on the same broken rollout: it waits for the progress deadline.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const RECOVERY_GOAL_SECONDS = 10
const DETECTION_GOAL_SECONDS = 2
const STATUS_BUDGET_SECONDS = 30

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** containerd's event stream, each /tasks/exit with the time this process read it (ms). */
function exitEvents(ctr, sock) {
  const exits = []
  const child = spawn(ctr, ['--address', sock, '-n', 'k8s.io', 'events'], { stdio: ['ignore', 'pipe', 'ignore'] })
  let buf = ''
  child.stdout.on('data', (d) => {
    buf += d.toString()
    let nl
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl)
      buf = buf.slice(nl + 1)
      if (line.includes('/tasks/exit')) exits.push(Date.now())
    }
  })
  return { exits, stop: () => child.kill('SIGTERM') }
}

/** Runs kube-deploy; each stdout line with the time it arrived (ms). */
function runDeploy(node, root, env, inputs) {
  const temp = mkdtempSync(join(tmpdir(), 'sgw-bench-real-'))
  for (const f of ['out', 'summary', 'state']) writeFileSync(join(temp, f), '')
  const input = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  const lines = []
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(node, [join(root, 'dist', 'kube-deploy', 'index.js')], {
      env: { PATH: env.PATH, HOME: process.env.HOME, RUNNER_TEMP: temp, GITHUB_OUTPUT: join(temp, 'out'), GITHUB_STEP_SUMMARY: join(temp, 'summary'), GITHUB_STATE: join(temp, 'state'), ...input },
      stdio: ['ignore', 'pipe', 'ignore']
    })
    let buf = ''
    child.stdout.on('data', (d) => {
      buf += d.toString()
      let nl
      while ((nl = buf.indexOf('\n')) >= 0) {
        lines.push({ at: Date.now(), text: buf.slice(0, nl) })
        buf = buf.slice(nl + 1)
      }
    })
    child.on('close', (status) => {
      const out = readFileSync(join(temp, 'out'), 'utf8')
      const result = /result<<(\S+)\n(.*)\n/.exec(out)?.[2]
      const summary = readFileSync(join(temp, 'summary'), 'utf8')
      const recovery = /healthy again [\d.]+s after the rollback started, ([\d.]+)s after the apply/.exec(summary)?.[1]
      const rollbackAt = lines.find((l) => l.text.includes('Rolling back'))?.at
      resolve({ status, result, started, rollbackAt, seconds: (Date.now() - started) / 1000, recovery: recovery === undefined ? undefined : Number(recovery) })
    })
  })
}

export async function benchRollbackRealNode({ root, node, runs }) {
  const bin = join(root, '.tools', 'bin')
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, SGW_CLUSTER_DIR: join(tmpdir(), 'sgw-bench-real-cluster'), SGW_CLUSTER_PORT_BASE: '16620', SGW_CLUSTER_REAL_NODE: 'true' }
  const cluster = (cmd) => execFileSync('bash', [join(root, 'scripts', 'local-cluster.sh'), cmd], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  const [kubeconfig, nodeEnvFile] = cluster('up').trim().split('\n').slice(-2)
  const nodeEnv = Object.fromEntries(readFileSync(nodeEnvFile, 'utf8').trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]))
  const kubectl = (...args) => execFileSync(join(bin, 'kubectl'), ['--kubeconfig', kubeconfig, ...args], { encoding: 'utf8' })
  const events = exitEvents(join(bin, 'ctr'), join(env.SGW_CLUSTER_DIR, 'node', 'containerd.sock'))
  try {
    execFileSync('bash', [join(root, 'scripts', 'real-node', 'web-images.sh'), nodeEnvFile], { env, stdio: ['ignore', 'ignore', 'inherit'] })
    kubectl('create', 'namespace', 'bench')
    kubectl('create', 'secret', 'docker-registry', 'registry', '-n', 'bench', `--docker-server=${nodeEnv.REGISTRY}`, `--docker-username=${nodeEnv.REGISTRY_USER}`, `--docker-password=${nodeEnv.REGISTRY_PASSWORD}`)
    const image = (tag) => `${nodeEnv.REGISTRY}/acme/web:${tag}`
    const inputs = (tag) => ({ kubeconfig: readFileSync(kubeconfig).toString('base64'), namespace: 'bench', kustomize: join(root, 'examples', 'web-real-node'), images: `web=${image(tag)}`, 'rollback-on-failure': 'true', timeout: '2m', 'readiness-grace': '30s', 'max-restarts': '3' })
    const good = await runDeploy(node, root, env, inputs('1.0.0'))
    if (good.result !== 'deployed') throw new Error(`the good deploy did not succeed: ${JSON.stringify(good)}`)
    const samples = []
    for (let i = 0; i < runs; i++) {
      const before = events.exits.length
      const r = await runDeploy(node, root, env, inputs('2.0.0-crash'))
      if (r.result !== 'rolled-back' || r.recovery === undefined || r.rollbackAt === undefined)
        throw new Error(`run ${i + 1}: expected rolled-back, got ${JSON.stringify(r)}`)
      const firstExit = events.exits.slice(before).find((t) => t >= r.started)
      if (firstExit === undefined) throw new Error(`run ${i + 1}: containerd reported no container exit`)
      const restored = kubectl('get', 'deployment', 'web', '-n', 'bench', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')
      if (restored !== image('1.0.0')) throw new Error(`run ${i + 1}: the template was not restored (${restored})`)
      samples.push({ ...r, detection: (r.rollbackAt - firstExit) / 1000 })
    }
    // The same broken rollout, watched by kubectl rollout status.
    kubectl('set', 'image', 'deployment/web', '-n', 'bench', `web=${image('2.0.0-crash')}`)
    const started = Date.now()
    const status = spawnSync(join(bin, 'kubectl'), ['--kubeconfig', kubeconfig, 'rollout', 'status', 'deployment/web', '-n', 'bench', `--timeout=${STATUS_BUDGET_SECONDS}s`], { encoding: 'utf8' })
    const statusSeconds = (Date.now() - started) / 1000
    const recovery = median(samples.map((s) => s.recovery))
    const detection = median(samples.map((s) => s.detection))
    const step = median(samples.map((s) => s.seconds))
    return {
      title: `Time to rollback on real pods: image exiting at start -> last good revision healthy (${runs} runs, real node)`,
      rows: [
        ['', 'median', 'worst'],
        ['first exit -> rollback (s)', detection.toFixed(1), Math.max(...samples.map((s) => s.detection)).toFixed(1)],
        ['apply -> healthy (s)', recovery.toFixed(1), Math.max(...samples.map((s) => s.recovery)).toFixed(1)],
        ['whole step, with start-up (s)', step.toFixed(1), Math.max(...samples.map((s) => s.seconds)).toFixed(1)],
        ['kubectl rollout status (s)', statusSeconds.toFixed(1), status.status === 0 ? 'finished' : 'gave up']
      ],
      ratios: [
        { name: `median apply -> healthy / ${RECOVERY_GOAL_SECONDS} s goal`, value: recovery / RECOVERY_GOAL_SECONDS, limit: 1, better: 'lower' },
        { name: `median first exit -> rollback / ${DETECTION_GOAL_SECONDS} s goal`, value: detection / DETECTION_GOAL_SECONDS, limit: 1, better: 'lower' },
        { name: `kubectl rollout status still waiting at ${STATUS_BUDGET_SECONDS} s (its wait / our whole step)`, value: statusSeconds / step, limit: 2, better: 'higher' }
      ]
    }
  } finally {
    events.stop()
    cluster('down')
  }
}
