// Start-up of every dist bundle against its floor. Every toolkit action pays for loading
// @actions/core, which itself evaluates @actions/http-client and undici at module level; what an
// action adds on top of that is what we can change. The floor is core-floor.js, bundled with the
// actions' ncc settings into node_modules/.cache (keyed by its source, the settings and the lock
// file, so it is rebuilt only when one of them changes; it is never shipped in dist/).
//
// Each bundle and the floor run under Node 24 in an empty directory without inputs, as a runner
// would start them: each loads, asks for its first input and fails with one line (the CLI prints
// its version). Runs are interleaved, in an order that turns each round, so a change in the
// machine's load hits every contender alike. Two figures per run: the wall time from spawn to exit,
// and the CPU time the process used (user + system, startup-probe.mjs). The ratio held to the limit
// is the CPU time's (a bundle's median over the floor's): on an idle runner it is what the wall time
// shows, and on a shared machine it does not swing with the neighbours' load as wall time does.
//
//   node scripts/bench/startup.mjs [--runs N] [--json] [--node PATH] [bundle...]
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { NCC_FLAGS, nccBuild } from '../build.mjs'
import { median } from './measure.mjs'

export const STARTUP_LIMIT = 1.3
const HERE = dirname(fileURLToPath(import.meta.url))
const FLOOR_ENTRY = join(HERE, 'core-floor.js')
const PROBE = pathToFileURL(join(HERE, 'startup-probe.mjs')).href
const PROBE_LINE = /\n@@sgw-startup cpu-us=(\d+)\n/
// What a bundle prints when ncc left something unresolved, instead of its own first line.
const CRASH = /ReferenceError|require is not defined|Cannot find module|ERR_MODULE_NOT_FOUND|SyntaxError/

/** The floor bundle's index.js, built when its source, the ncc settings or the lock file changed. */
export function floorBundle(root) {
  const key = createHash('sha256')
    .update(readFileSync(FLOOR_ENTRY))
    .update(JSON.stringify(NCC_FLAGS))
    .update(readFileSync(join(root, 'package-lock.json')))
    .digest('hex')
    .slice(0, 16)
  const cache = join(root, 'node_modules', '.cache', 'sgw-startup-floor')
  const out = join(cache, key)
  if (existsSync(join(out, 'index.js'))) return join(out, 'index.js')
  mkdirSync(cache, { recursive: true })
  // Built aside and renamed, so that a bench and a test starting together never read half a bundle.
  const tmp = mkdtempSync(join(cache, 'tmp-'))
  try {
    nccBuild(FLOOR_ENTRY, tmp)
    for (const stale of readdirSync(cache)) {
      if (stale !== key && !stale.startsWith('tmp-')) rmSync(join(cache, stale), { recursive: true, force: true })
    }
    if (!existsSync(out)) renameSync(tmp, out)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
  return join(out, 'index.js')
}

export function distBundles(root) {
  const dist = join(root, 'dist')
  return readdirSync(dist)
    .filter((d) => existsSync(join(dist, d, 'index.js')))
    .sort()
}

function startOnce(node, file, args, cwd) {
  const env = { PATH: process.env.PATH, GITHUB_OUTPUT: '/dev/null', GITHUB_STATE: '/dev/null' }
  const started = process.hrtime.bigint()
  const run = spawnSync(node, ['--import', PROBE, file, ...args], { cwd, env, encoding: 'utf8' })
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  const probe = PROBE_LINE.exec(run.stderr ?? '')
  const out = `${run.stdout}${(run.stderr ?? '').replace(PROBE_LINE, '')}`
  if (run.error || CRASH.test(out) || !probe) throw new Error(`${file} did not start: ${run.error?.message ?? out.slice(0, 500)}`)
  return { wallMs, cpuMs: Number(probe[1]) / 1000, out }
}

/**
 * Medians of the floor and of each bundle (names of dist/ folders): wall and CPU time, and each
 * bundle's ratio to the floor (`ratio`: CPU time, the one held to the limit; `wallRatio`).
 */
export function measureStartup({ root, node, runs = 10, bundles = distBundles(root) }) {
  const floor = floorBundle(root)
  const contenders = [
    { name: 'floor', file: floor, args: [] },
    ...bundles.map((name) => ({ name, file: join(root, 'dist', name, 'index.js'), args: name === 'cli' ? ['--version'] : [] }))
  ]
  for (const c of contenders) if (!existsSync(c.file)) throw new Error(`${c.file} is missing: run npm run build`)
  const cwd = mkdtempSync(join(tmpdir(), 'sgw-startup-'))
  const samples = new Map(contenders.map((c) => [c.name, []]))
  const firstLine = new Map()
  try {
    // One run each that is not counted: the first read of each file from disk is not start-up.
    for (const c of contenders) firstLine.set(c.name, startOnce(node, c.file, c.args, cwd).out.split('\n')[0])
    for (let round = 0; round < runs; round++) {
      for (let i = 0; i < contenders.length; i++) {
        const c = contenders[(i + round) % contenders.length]
        samples.get(c.name).push(startOnce(node, c.file, c.args, cwd))
      }
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true })
  }
  if (firstLine.get('floor') !== '::error::Input required and not supplied: floor') {
    throw new Error(`the floor bundle did not run as expected: ${firstLine.get('floor')}`)
  }
  const medians = (name) => {
    const list = samples.get(name)
    return { wallMs: median(list.map((s) => s.wallMs)), cpuMs: median(list.map((s) => s.cpuMs)) }
  }
  const f = medians('floor')
  return {
    runs,
    floor: { file: floor, ...f },
    bundles: bundles.map((name) => {
      const b = medians(name)
      return { name, ...b, ratio: b.cpuMs / f.cpuMs, wallRatio: b.wallMs / f.wallMs, firstLine: firstLine.get(name) }
    })
  }
}

/** For npm run bench: the rows and the ratios against their limit. */
export async function benchStartup({ root, node, runs = 10 }) {
  const r = measureStartup({ root, node, runs })
  const row = (name, x, cpuRatio, wallRatio) => [name, `${x.cpuMs.toFixed(0)} ms`, cpuRatio, `${x.wallMs.toFixed(0)} ms`, wallRatio]
  return {
    title: `Start-up under Node 24 against @actions/core alone (the floor): CPU time, ratio, wall time, ratio; medians of ${r.runs} runs`,
    rows: [
      row('@actions/core alone (floor)', r.floor, '1.00x', '1.00x'),
      ...r.bundles.map((b) => row(b.name, b, `${b.ratio.toFixed(2)}x`, `${b.wallRatio.toFixed(2)}x`))
    ],
    ratios: r.bundles.map((b) => ({ name: `${b.name} start-up CPU time / floor's`, value: b.ratio, limit: STARTUP_LIMIT, better: 'lower' }))
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const options = { runs: { type: 'string', default: '10' }, json: { type: 'boolean', default: false }, node: { type: 'string' } }
  const { values, positionals } = parseArgs({ allowPositionals: true, options })
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const node = values.node ?? join(root, '.tools', 'bin', 'node24')
  if (!existsSync(node)) {
    console.error('Node 24 is missing: run scripts/install-test-tools.sh')
    process.exit(2)
  }
  const r = measureStartup({ root, node, runs: Number(values.runs), bundles: positionals.length ? positionals : undefined })
  if (values.json) console.log(JSON.stringify(r))
  else {
    const line = (name, x, ratio, wallRatio) =>
      `${name.padEnd(16)} cpu ${x.cpuMs.toFixed(0).padStart(4)} ms ${ratio}   wall ${x.wallMs.toFixed(0).padStart(4)} ms ${wallRatio}`
    console.log(line('floor', r.floor, '1.00x', '1.00x'))
    for (const b of r.bundles) console.log(line(b.name, b, `${b.ratio.toFixed(2)}x`, `${b.wallRatio.toFixed(2)}x`))
  }
}
