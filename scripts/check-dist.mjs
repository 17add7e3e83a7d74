#!/usr/bin/env node
// Rebuild into a scratch copy and compare with the committed dist/: the runner executes dist/, so a
// source change without a rebuild must fail CI.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join, dirname, relative } from 'node:path'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const saved = mkdtempSync(join(tmpdir(), 'sgw-dist-'))
cpSync(join(root, 'dist'), saved, { recursive: true })

function files(dir, base = dir) {
  const out = []
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry)
    if (statSync(full).isDirectory()) out.push(...files(full, base))
    else out.push(relative(base, full))
  }
  return out.sort()
}

let problems = []
try {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  const before = files(saved).map((f) => f.split('\\').join('/'))
  const after = files(join(root, 'dist')).map((f) => f.split('\\').join('/'))
  const all = new Set([...before, ...after])
  for (const f of [...all].sort()) {
    if (!before.includes(f)) problems.push(`dist/${f}: missing from the committed dist/`)
    else if (!after.includes(f)) problems.push(`dist/${f}: committed but no longer built`)
    else if (!readFileSync(join(saved, f)).equals(readFileSync(join(root, 'dist', f)))) problems.push(`dist/${f}: differs from a fresh build`)
  }
} finally {
  // Leave the committed dist/ as it was, so the check never hides the problem it found.
  rmSync(join(root, 'dist'), { recursive: true, force: true })
  cpSync(saved, join(root, 'dist'), { recursive: true })
  rmSync(saved, { recursive: true, force: true })
}
if (problems.length) {
  console.error(problems.join('\n'))
  console.error('dist/ does not match the sources: run `npm run build` and commit dist/.')
  process.exit(1)
}
console.log('dist/ matches the sources')
