// Time to rollback: a crash-looping image applied with kube-deploy (dist/, Node 24) on the local
// control plane, until the last good revision is healthy again. The requirement is 30 s from the
// apply; the comparison is `kubectl rollout status`, which on the same rollout is still waiting
// when that budget is spent (it returns only at the 600 s progress deadline).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const LIMIT_SECONDS = 30

function median(values) {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

export async function benchRollback({ root, node, runs }) {
  const bin = join(root, '.tools', 'bin')
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, SGW_CLUSTER_DIR: join(tmpdir(), 'sgw-bench-cluster'), SGW_CLUSTER_PORT_BASE: '16580' }
  const cluster = (cmd) => execFileSync('bash', [join(root, 'scripts', 'local-cluster.sh'), cmd], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  const kubeconfig = cluster('up').trim().split('\n').pop()
  const kubectl = (...args) => execFileSync(join(bin, 'kubectl'), ['--kubeconfig', kubeconfig, ...args], { encoding: 'utf8' })
  try {
    kubectl('create', 'namespace', 'bench')
    const manifests = join(root, 'examples', 'web-deploy')
    const deploy = (image) => {
      const temp = mkdtempSync(join(tmpdir(), 'sgw-bench-rb-'))
      for (const f of ['out', 'summary', 'state']) writeFileSync(join(temp, f), '')
      const started = process.hrtime.bigint()
      const r = spawnSync(node, [join(root, 'dist', 'kube-deploy', 'index.js')], {
        env: { PATH: env.PATH, HOME: process.env.HOME, RUNNER_TEMP: temp, GITHUB_OUTPUT: join(temp, 'out'), GITHUB_STEP_SUMMARY: join(temp, 'summary'), GITHUB_STATE: join(temp, 'state'), INPUT_KUBECONFIG: readFileSync(kubeconfig).toString('base64'), INPUT_NAMESPACE: 'bench', INPUT_MANIFESTS: manifests, INPUT_IMAGES: `web=${image}`, 'INPUT_ROLLBACK-ON-FAILURE': 'true', INPUT_TIMEOUT: '5m', 'INPUT_READINESS-GRACE': '60s', 'INPUT_MAX-RESTARTS': '3' },
        encoding: 'utf8'
      })
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const out = readFileSync(join(temp, 'out'), 'utf8')
      const result = /result<<(\S+)\n(.*)\n/.exec(out)?.[2]
      const apply = /healthy again [\d.]+s after the rollback started, ([\d.]+)s after the apply/.exec(readFileSync(join(temp, 'summary'), 'utf8'))?.[1]
      return { seconds, result, applyToHealthy: apply === undefined ? undefined : Number(apply), status: r.status }
    }
    const good = deploy('ghcr.io/acme/web:1.0.0')
    if (good.result !== 'deployed') throw new Error(`the good deploy did not succeed: ${JSON.stringify(good)}`)
    const samples = []
    for (let i = 0; i < runs; i++) {
      const r = deploy('ghcr.io/acme/web:crashloop')
      if (r.result !== 'rolled-back' || r.applyToHealthy === undefined) throw new Error(`run ${i + 1}: expected rolled-back, got ${JSON.stringify(r)}`)
      const image = kubectl('get', 'deployment', 'web', '-n', 'bench', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')
      if (image !== 'ghcr.io/acme/web:1.0.0') throw new Error(`run ${i + 1}: the template was not restored (${image})`)
      samples.push(r)
    }
    // The same broken rollout watched by kubectl rollout status, for the 30 s budget.
    kubectl('set', 'image', 'deployment/web', '-n', 'bench', 'web=ghcr.io/acme/web:crashloop')
    const started = Date.now()
    const status = spawnSync(join(bin, 'kubectl'), ['--kubeconfig', kubeconfig, 'rollout', 'status', 'deployment/web', '-n', 'bench', `--timeout=${LIMIT_SECONDS}s`], { encoding: 'utf8' })
    const statusSeconds = (Date.now() - started) / 1000
    const deadline = kubectl('get', 'deployment', 'web', '-n', 'bench', '-o', 'jsonpath={.spec.progressDeadlineSeconds}')
    const applyToHealthy = median(samples.map((s) => s.applyToHealthy))
    const step = median(samples.map((s) => s.seconds))
    const worst = Math.max(...samples.map((s) => s.seconds))
    return {
      title: `Time to rollback: crash-looping image -> last good revision healthy (${runs} runs, local control plane)`,
      rows: [
        ['', 'median', 'worst'],
        ['apply -> healthy (s)', applyToHealthy.toFixed(1), Math.max(...samples.map((s) => s.applyToHealthy)).toFixed(1)],
        ['whole step, with start-up (s)', step.toFixed(1), worst.toFixed(1)],
        [`kubectl rollout status (s)`, statusSeconds.toFixed(1), status.status === 0 ? 'finished' : 'gave up'],
        ['progressDeadlineSeconds', deadline, '']
      ],
      ratios: [
        { name: `worst whole step / ${LIMIT_SECONDS} s requirement`, value: worst / LIMIT_SECONDS, limit: 1, better: 'lower' },
        { name: `kubectl rollout status still waiting at ${LIMIT_SECONDS} s (its wait / ours)`, value: statusSeconds / step, limit: 2, better: 'higher' }
      ],
    }
  } finally {
    cluster('down')
  }
}
