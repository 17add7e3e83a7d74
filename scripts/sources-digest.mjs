// The digest of what dist/ is built from, so that a test run can tell a stale dist/ without
// rebuilding: sha256 over the sorted relative paths and contents of the TypeScript and JSON under
// actions/, the lock file, the TypeScript settings and the build script. `npm run build` writes it
// to dist/sources.sha256; the e2e tier's global setup compares (see __tests__/helpers/dist-fresh.mjs).
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const FIXED = ['package-lock.json', 'tsconfig.json', join('scripts', 'tsconfig.build.json'), join('scripts', 'build.mjs')]

function walk(dir) {
  const out = []
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry)
    if (statSync(full).isDirectory()) out.push(...walk(full))
    else if (/\.(ts|mts|js|mjs|json)$/.test(entry)) out.push(full)
  }
  return out
}

/** Hex sha256 of the build inputs under root (a checkout of this repository). */
export function sourcesDigest(root) {
  const files = [...walk(join(root, 'actions')), ...FIXED.map((f) => join(root, f))]
    .map((f) => relative(root, f).split('\\').join('/'))
    .sort()
  const hash = createHash('sha256')
  for (const f of files) {
    hash.update(`${f}\0`)
    hash.update(readFileSync(join(root, f)))
    hash.update('\0')
  }
  return hash.digest('hex')
}
