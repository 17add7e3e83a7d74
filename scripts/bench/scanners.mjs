// Each scanner action against the bare scanner on the same target, the tool already cached: the
// action's overhead (start-up, version check, gate, summary, SARIF) must stay within 1.15x.
// Targets are generated large enough that the scanner alone takes a second or more.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { compare } from './measure.mjs'

function rng(seed) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}
const words = 'alpha beta gamma delta config service handler request response cache token value deploy cluster'.split(' ')

function text(rand, lines) {
  return Array.from({ length: lines }, () => Array.from({ length: 10 }, () => words[Math.floor(rand() * words.length)]).join(' ')).join('\n')
}

/** A git repository with many commits of ordinary source files. */
function gitTarget(dir) {
  const rand = rng(1)
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b.test', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b.test' }
  execFileSync('git', ['init', '-q', dir], { env })
  for (let c = 0; c < 40; c++) {
    for (let f = 0; f < 20; f++) {
      const sub = join(dir, `pkg${f % 10}`)
      mkdirSync(sub, { recursive: true })
      writeFileSync(join(sub, `file${c}-${f}.txt`), text(rand, 200))
    }
    execFileSync('git', ['add', '-A'], { cwd: dir, env })
    execFileSync('git', ['commit', '-qm', `change ${c}`], { cwd: dir, env })
  }
}

/** Many Terraform modules and Kubernetes manifests, copies of the insecure example. */
function iacTarget(root, dir, copies) {
  for (let i = 0; i < copies; i++) {
    cpSync(join(root, 'examples', 'insecure-app', 'terraform'), join(dir, `svc-${i}`, 'terraform'), { recursive: true })
    cpSync(join(root, 'examples', 'insecure-app', 'k8s'), join(dir, `svc-${i}`, 'k8s'), { recursive: true })
    cpSync(join(root, 'examples', 'insecure-app', 'app'), join(dir, `svc-${i}`, 'app'), { recursive: true })
  }
}

/** The tool cache as @actions/tool-cache lays it out, holding the installed scanners. */
function toolCache(root) {
  const cache = mkdtempSync(join(tmpdir(), 'sgw-bench-toolcache-'))
  const add = (tool, version, target, name) => {
    const dir = join(cache, tool, version, 'x64')
    mkdirSync(dirname(dir), { recursive: true })
    if (name) {
      mkdirSync(dir)
      symlinkSync(realpathSync(join(root, '.tools', 'bin', tool)), join(dir, name))
    } else symlinkSync(target, dir)
    writeFileSync(`${dir}.complete`, '')
  }
  add('gitleaks', '8.30.1', null, 'gitleaks')
  add('trivy', '0.69.3', null, 'trivy')
  // checkov's venv from install-test-tools.sh: bin/checkov inside.
  add('checkov', '3.3.30', dirname(dirname(realpathSync(join(root, '.tools', 'bin', 'checkov')))))
  return cache
}

function actionRun(root, node, name, cwd, inputs, cache) {
  const temp = mkdtempSync(join(tmpdir(), `sgw-bench-${name}-`))
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, RUNNER_TEMP: temp, RUNNER_TOOL_CACHE: cache, GITHUB_OUTPUT: join(temp, 'out'), GITHUB_STEP_SUMMARY: join(temp, 'summary'), GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: join(temp, 'event.json'), GITHUB_WORKSPACE: cwd }
  writeFileSync(env.GITHUB_OUTPUT, '')
  writeFileSync(env.GITHUB_STEP_SUMMARY, '')
  writeFileSync(env.GITHUB_EVENT_PATH, '{}')
  for (const [k, v] of Object.entries({ 'max-critical': 'none', 'max-high': 'none', 'max-medium': 'none', 'max-low': 'none', annotations: 'false', ...inputs })) env[`INPUT_${k.toUpperCase()}`] = v
  return { cmd: 'env', args: ['-i', `--chdir=${cwd}`, ...Object.entries(env).map(([k, v]) => `${k}=${v}`), node, join(root, 'dist', name, 'index.js')] }
}

export async function benchScanners({ root, node, runs = 5 }) {
  const work = mkdtempSync(join(tmpdir(), 'sgw-bench-scanners-'))
  const bin = (t) => join(root, '.tools', 'bin', t)
  const cache = toolCache(root)
  gitTarget(join(work, 'repo'))
  iacTarget(root, join(work, 'iac'), 20)
  const trivyCache = join(work, 'trivy-cache')
  execFileSync('bash', [join(root, 'scripts', 'build-trivy-test-db.sh'), trivyCache], { stdio: 'ignore' })
  const out = (f) => join(work, f)
  const rows = []
  const ratios = []
  const cases = {
    gitleaks: {
      bare: { cmd: bin('gitleaks'), args: ['git', '.', '--report-format', 'json', '--report-path', out('gl.json'), '--redact', '--exit-code', '0', '--no-banner', '--log-level', 'warn'], cwd: join(work, 'repo') },
      action: actionRun(root, node, 'gitleaks', join(work, 'repo'), {}, cache)
    },
    trivy: {
      bare: { cmd: bin('trivy'), args: ['fs', '--format', 'json', '--output', out('tv.json'), '--exit-code', '0', '--cache-dir', trivyCache, '--skip-version-check', '--disable-telemetry', '--skip-db-update', '--scanners', 'vuln,misconfig,secret', join(work, 'iac')] },
      action: actionRun(root, node, 'trivy', work, { path: join(work, 'iac'), scanners: 'vuln,misconfig,secret', 'cache-db': 'false', 'skip-db-update': 'true', 'cache-dir': trivyCache }, cache)
    },
    checkov: {
      bare: { cmd: 'env', args: ['BC_SKIP_MAPPING=TRUE', 'CKV_SKIP_PACKAGE_UPDATE_CHECK=true', bin('checkov'), '-d', join(work, 'iac'), '-o', 'json', '--output-file-path', out('ck'), '--soft-fail', '--quiet', '--download-external-modules', 'false', '--framework', 'terraform', 'kubernetes'] },
      action: actionRun(root, node, 'checkov', work, { path: join(work, 'iac'), framework: 'terraform,kubernetes' }, cache)
    }
  }
  for (const [tool, c] of Object.entries(cases)) {
    const bare = c.bare.cwd ? { ...c.bare, cmd: 'env', args: [`--chdir=${c.bare.cwd}`, c.bare.cmd, ...c.bare.args] } : c.bare
    const r = compare({ bare, action: { ...c.action, allowExit: [0, 1] } }, runs)
    rows.push([`${tool} bare`, `${r.bare.seconds.toFixed(2)} s`, `${r.bare.maxRssMb.toFixed(0)} MB`], [`${tool} action`, `${r.action.seconds.toFixed(2)} s`, `${r.action.maxRssMb.toFixed(0)} MB`])
    if (r.bare.seconds < 1) throw new Error(`${tool} alone took ${r.bare.seconds}s; the target must take a second or more`)
    ratios.push({ name: `${tool} action time / bare ${tool} time`, value: r.action.seconds / r.bare.seconds, limit: 1.15, better: 'lower' })
  }
  return { title: `Scanner actions against the bare scanners, tool cached, medians of ${runs} runs`, rows, ratios }
}
