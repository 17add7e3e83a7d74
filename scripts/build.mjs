#!/usr/bin/env node
// Compile the TypeScript once (type-checked), then bundle each action's entry and the CLI with ncc
// into dist/<name>/index.js. Every folder under actions/ that holds an action.yml is an action.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, readdirSync, realpathSync, rmSync, mkdirSync, renameSync, readFileSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { sourcesDigest } from './sources-digest.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)

/** How every bundle is made, the actions' and the CLI's, and the start-up floor the bench compares them with. */
export const NCC_FLAGS = ['--minify', '--no-source-map-register', '--quiet']

/**
 * Bundle one ESM entry into outDir (index.js, chunks and a package.json saying "type": "module").
 * Whatever ncc prints goes to stderr, so that a caller's stdout stays its own.
 */
export function nccBuild(entry, outDir, statsFile) {
  const stats = statsFile ? ['--stats-out', statsFile] : []
  execFileSync(bin('ncc'), ['build', entry, '-o', outDir, ...NCC_FLAGS, ...stats], { cwd: root, stdio: ['ignore', 2, 'inherit'] })
}

export function bundleTargets() {
  const actions = readdirSync(join(root, 'actions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'actions', d.name, 'action.yml')))
    .map((d) => d.name)
  return [...actions, 'cli'].sort()
}

function run(cmd, args) {
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] })
}

/**
 * The notices of every package with code in the bundle, from webpack's module list (ncc's own
 * --license lists only the last chunk when a bundle is split).
 */
function licenses(stats) {
  const dirs = new Set()
  const visit = (modules) => {
    for (const m of modules ?? []) {
      visit(m.modules)
      const path = (m.name ?? '').replace(/^\.\//, '').replace(/ \+ \d+ modules$/, '')
      const at = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path)
      if (at) dirs.add(at[1])
    }
  }
  // webpack's top-level module list holds the modules of every chunk.
  visit(stats.modules)
  const entries = [...dirs].map((dir) => {
    const meta = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'))
    const file = readdirSync(join(root, dir)).filter((f) => /^(licen[cs]e|copying|notice)(\.|$)/i.test(f)).sort()
    const text = file.map((f) => readFileSync(join(root, dir, f), 'utf8').trim()).join('\n\n')
    const license = typeof meta.license === 'string' ? meta.license : meta.license?.type ?? 'UNKNOWN'
    const body = text || `(no license file in the package; its package.json says ${license})`
    return { id: `${meta.name}@${meta.version}`, text: `${meta.name}@${meta.version}\n${license}\n${body}\n` }
  })
  const unique = new Map(entries.map((e) => [e.id, e.text]))
  return [...unique.keys()].sort().map((id) => unique.get(id)).join('\n')
}

function main(only) {
  const targets = only.length ? only : bundleTargets()
  rmSync(join(root, '.build'), { recursive: true, force: true })
  run(bin('tsc'), ['-p', join('scripts', 'tsconfig.build.json')])

  for (const name of targets) {
    const entry = join(root, '.build', 'actions', name, 'index.js')
    if (!existsSync(entry)) throw new Error(`no entry for ${name}: expected actions/${name}/index.ts`)
    const out = join(root, 'dist', name)
    const tmp = join(root, '.build', 'ncc', name)
    rmSync(tmp, { recursive: true, force: true })
    mkdirSync(tmp, { recursive: true })
    const stats = join(root, '.build', 'ncc', `${name}.stats.json`)
    nccBuild(entry, tmp, stats)
    writeFileSync(join(tmp, 'licenses.txt'), licenses(JSON.parse(readFileSync(stats, 'utf8'))))
    if (name === 'cli') {
      const file = join(tmp, 'index.js')
      const text = readFileSync(file, 'utf8')
      if (!text.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${text}`)
      chmodSync(file, 0o755)
    }
    rmSync(out, { recursive: true, force: true })
    mkdirSync(dirname(out), { recursive: true })
    renameSync(tmp, out)
    console.log(`dist/${name}/index.js`)
  }
  // What this dist/ was built from (a partial build leaves it stale, and the e2e tier says so).
  if (!only.length) writeFileSync(join(root, 'dist', 'sources.sha256'), `${sourcesDigest(root)}\n`)
}

// Run as `node scripts/build.mjs [name...]`; imported (by the start-up bench), it only lends its settings.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) main(process.argv.slice(2))
