#!/usr/bin/env node
// Compile the TypeScript once (type-checked), then bundle each action's entry and the CLI with ncc
// into dist/<name>/index.js. Every folder under actions/ that holds an action.yml is an action.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, readdirSync, rmSync, mkdirSync, renameSync, readFileSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const only = process.argv.slice(2)

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
 * --license lists only the last chunk when a bundle is split). Our own packages/ are left out:
 * they are this project's code.
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
    return { id: `${meta.name}@${meta.version}`, text: `${meta.name}@${meta.version}\n${license}\n${text || `(no license file in the package; its package.json says ${license})`}\n` }
  })
  const unique = new Map(entries.map((e) => [e.id, e.text]))
  return [...unique.keys()].sort().map((id) => unique.get(id)).join('\n')
}

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
  run(bin('ncc'), ['build', entry, '-o', tmp, '--minify', '--no-source-map-register', '--stats-out', stats, '--quiet'])
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
