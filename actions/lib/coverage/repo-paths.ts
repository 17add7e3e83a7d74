// Report paths to repository paths, the way each format writes them:
// - absolute paths (LCOV from c8/nyc/gcov, Istanbul JSON): made relative to the repository root;
// - paths relative to where the tool ran (coverage.py, LCOV from a package folder of a monorepo):
//   tried against the report's own folder and each folder above it, up to the root;
// - Cobertura: each <source> root joined with the class's filename;
// - Go import paths (example.com/mod/pkg/file.go): the module of a go.mod in the repository
//   whose `module` line prefixes the path;
// - JaCoCo package/sourcefile (com/acme/Cart.java): found under a source folder (src/main/java);
// - otherwise, a report written on another machine (/home/ci/work/app/src/x.py): the longest
//   trailing part of the path that names exactly one repository file, two path segments at least.
// The repository's files are git's (tracked and untracked but not ignored), or, outside a git
// checkout, the files on disk (without .git and node_modules).
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path'
import type { CoverageFormat } from './model.js'

export class RepoIndex {
  readonly files: Set<string>
  private byBase?: Map<string, string[]>
  private modules?: { module: string; dir: string }[]
  private readonly roots: string[]

  constructor(
    readonly root: string,
    files: Iterable<string>
  ) {
    this.files = new Set(files)
    const real = safeRealpath(root)
    this.roots = [...new Set([resolve(root), real].filter(Boolean) as string[])]
  }

  /** The repository at `root`: git's file list, else a walk of the folder. */
  static load(root: string): RepoIndex {
    let listed: string[] | undefined
    try {
      const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name'], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore']
      })
      // ls-files lists paths relative to the repository's top; we work from `root`.
      const top = execFileSync('git', ['rev-parse', '--show-toplevel'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore']
      }).trim()
      const prefix = relative(safeRealpath(top) ?? top, safeRealpath(root) ?? root)
        .split(sep)
        .join('/')
      listed = out
        .split('\0')
        .filter(Boolean)
        .filter((f) => !prefix || f.startsWith(`${prefix}/`))
        .map((f) => (prefix ? f.slice(prefix.length + 1) : f))
    } catch {
      listed = undefined
    }
    return new RepoIndex(root, listed ?? walk(root))
  }

  has(path: string): boolean {
    return this.files.has(path)
  }

  /** A path inside the repository, relative and with forward slashes; undefined when outside. */
  relativeTo(abs: string): string | undefined {
    for (const r of this.roots) {
      const rel = relative(r, abs)
      if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/')
    }
    return undefined
  }

  /** The single file whose path ends with the longest trailing part of `path` (two segments at least). */
  bySuffix(path: string): string | undefined {
    if (!this.byBase) {
      this.byBase = new Map()
      for (const f of this.files) {
        const base = f.slice(f.lastIndexOf('/') + 1)
        const list = this.byBase.get(base)
        if (list) list.push(f)
        else this.byBase.set(base, [f])
      }
    }
    const parts = path.split('/').filter((p) => p && p !== '.')
    const candidates = this.byBase.get(parts[parts.length - 1] ?? '') ?? []
    let best: string | undefined
    let bestDepth = 1
    let tie = false
    for (const c of candidates) {
      const cp = c.split('/')
      let depth = 0
      while (depth < parts.length && depth < cp.length && parts[parts.length - 1 - depth] === cp[cp.length - 1 - depth]) depth++
      if (depth > bestDepth) {
        best = c
        bestDepth = depth
        tie = false
      } else if (depth === bestDepth && best !== undefined) tie = true
    }
    // A path of one segment may match a lone file of that name; longer ones need two segments.
    if (parts.length === 1 && candidates.length === 1) return candidates[0]
    return tie ? undefined : best
  }

  /** Go modules in the repository: each go.mod's module path and folder. */
  goModules(): { module: string; dir: string }[] {
    if (!this.modules) {
      this.modules = []
      for (const f of this.files) {
        if (f !== 'go.mod' && !f.endsWith('/go.mod')) continue
        let text = ''
        try {
          text = readFileSync(join(this.root, f), 'utf8')
        } catch {
          continue
        }
        const m = /^\s*module\s+"?([^\s"]+)"?/m.exec(text)
        if (m) this.modules.push({ module: m[1], dir: posix.dirname(f) === '.' ? '' : posix.dirname(f) })
      }
      this.modules.sort((a, b) => b.module.length - a.module.length)
    }
    return this.modules
  }
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p)
  } catch {
    return undefined
  }
}

function walk(root: string): string[] {
  const out: string[] = []
  const visit = (dir: string, rel: string) => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      if (e.name === '.git' || e.name === 'node_modules') continue
      const r = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) visit(join(dir, e.name), r)
      else if (e.isFile()) out.push(r)
    }
  }
  if (existsSync(root)) visit(root, '')
  return out
}

export interface PathContext {
  format: CoverageFormat
  /** The report file, relative to the repository root or absolute. */
  reportPath: string
  sourceRoots: string[]
}

function normalise(p: string): string {
  let s = p.replace(/\\/g, '/')
  // file:// URLs (some Istanbul setups), and Windows drive letters stay absolute.
  if (s.startsWith('file://')) s = decodeURIComponent(s.slice(7))
  return s
}

const isAbs = (p: string) => p.startsWith('/') || /^[A-Za-z]:\//.test(p)

/** The repository path a report path names, or undefined when it names no file of the repository. */
export function mapReportPath(path: string, ctx: PathContext, index: RepoIndex): string | undefined {
  const p = normalise(path)
  const tryRel = (rel: string | undefined): string | undefined => {
    if (rel === undefined) return undefined
    const clean = posix.normalize(rel).replace(/^\.\//, '')
    return !clean.startsWith('../') && index.has(clean) ? clean : undefined
  }
  if (ctx.format === 'go') {
    // GOPATH-less packages outside a module are written as _/<absolute path>.
    const goPath = p.startsWith('_/') ? p.slice(1) : p
    if (!isAbs(goPath)) {
      for (const { module, dir } of index.goModules()) {
        if (goPath.startsWith(`${module}/`)) {
          const found = tryRel(posix.join(dir || '.', goPath.slice(module.length + 1)))
          if (found) return found
        }
      }
    } else {
      const found = tryRel(index.relativeTo(goPath))
      if (found) return found
    }
  }
  if (isAbs(p)) {
    const found = tryRel(index.relativeTo(p))
    if (found) return found
  } else {
    for (const root of ctx.sourceRoots) {
      const r = normalise(root)
      const joined = isAbs(r) ? index.relativeTo(posix.join(r, p)) : posix.join(r, p)
      const found = tryRel(joined)
      if (found) return found
    }
    // Relative to where the tool ran: the report's folder or one above it, up to the root.
    const reportDir = isAbsolute(ctx.reportPath) ? index.relativeTo(dirname(ctx.reportPath)) : dirname(ctx.reportPath)
    for (let dir = reportDir === undefined ? '.' : reportDir.split(sep).join('/'); ; dir = posix.dirname(dir)) {
      const found = tryRel(posix.join(dir, p))
      if (found) return found
      if (dir === '.' || dir === '/' || dir === '') break
    }
  }
  return index.bySuffix(p)
}
