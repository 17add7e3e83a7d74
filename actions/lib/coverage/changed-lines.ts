// The lines a pull request adds or changes, from git: the merge base of the pull request's base
// and the checkout's HEAD, diffed (no context, renames followed) against the working tree the tests
// ran on, so the line numbers are the ones the coverage report uses, whether the checkout is the
// pull request's head or GitHub's merge commit.
import { UserError } from '../errors/user-error.js'
import type { GitReader, ReviewBase } from '../policy/review.js'

export interface ChangedLines {
  base: ReviewBase
  mergeBase: string
  /** Repository path -> added or changed line numbers (ascending). */
  files: Map<string, number[]>
}

/** C-style quoted paths ("a\tb", "caf\303\251") as git writes them for unusual characters. */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path
  const bytes: number[] = []
  const body = path.slice(1, -1)
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'))
      continue
    }
    const next = body[++i]
    const simple: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 }
    if (next in simple) bytes.push(simple[next])
    else if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8))
      i += 2
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** Parse `git diff -U0` output into the added line numbers per new path. */
export function parseUnifiedDiff(diff: string): Map<string, number[]> {
  const files = new Map<string, number[]>()
  let current: number[] | undefined
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4).replace(/\t$/, '')
      if (target === '/dev/null') current = undefined
      else {
        const path = unquote(target).replace(/^b\//, '')
        current = files.get(path) ?? []
        files.set(path, current)
      }
    } else if (line.startsWith('@@ ') && current) {
      // @@ -a[,b] +c[,d] @@: d lines from c were added (d defaults to 1; 0 is a pure deletion).
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line)
      if (!m) continue
      const start = Number(m[1])
      const count = m[2] === undefined ? 1 : Number(m[2])
      for (let i = 0; i < count; i++) current.push(start + i)
    }
  }
  for (const [path, lines] of files) {
    if (lines.length === 0) files.delete(path)
    else lines.sort((a, b) => a - b)
  }
  return files
}

export async function changedLines(git: GitReader, base: ReviewBase): Promise<ChangedLines> {
  if ((await git.git(['rev-parse', '--is-inside-work-tree'], [0, 128])).code !== 0) {
    throw new UserError(
      `${git.cwd} is not a git checkout, so the lines ${base.describe} changes are unknown; check out the repository (fetch-depth: 0) before the coverage gate.`
    )
  }
  if (!(await git.hasCommit(base.sha))) {
    throw new UserError(
      `The base commit ${base.sha.slice(0, 12)} of ${base.describe} is not in the checkout, so diff coverage cannot be measured; set fetch-depth: 0 on actions/checkout (or min-diff-coverage: none).`
    )
  }
  const mb = await git.git(['merge-base', base.sha, 'HEAD'], [0, 1])
  if (mb.code !== 0 || !mb.stdout.trim()) {
    throw new UserError(
      `${base.describe}: the base commit ${base.sha.slice(0, 12)} and HEAD share no history (a shallow clone?); set fetch-depth: 0 on actions/checkout.`
    )
  }
  const mergeBase = mb.stdout.trim()
  // Prefixes, renames and quoting set explicitly: a user's diff.noprefix or diff.renames must not
  // change what we read.
  const diff = await git.git([
    '-c',
    'core.quotePath=true',
    'diff',
    '-U0',
    '--no-color',
    '--no-ext-diff',
    '--find-renames',
    '--relative',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    mergeBase,
    '--'
  ])
  return { base, mergeBase, files: parseUnifiedDiff(diff.stdout) }
}
