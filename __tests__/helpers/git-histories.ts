// Real git histories that a history scan can get wrong, each with the clone a workflow would have
// checked out and the event payload GitHub would send. Fake tokens are assembled here at run time,
// so this repository never holds one whole.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.test', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.test' }

export interface History {
  /** The clone the action scans (what actions/checkout left). */
  checkout: string
  eventName: string
  event: Record<string, unknown>
  /** Every fake secret the history holds, to prove none leaks into the action's output. */
  secrets: string[]
  /** Named commits of the history. */
  commits: Record<string, string>
}

/** A fake GitHub personal access token, different for each seed, assembled from pieces. */
export function fakeToken(seed: string): string {
  const body = ('Zq8v3LmN1pR7tX2wY5cB9dF4gH6jK0sA' + seed).slice(-36)
  return 'gh' + 'p_' + body
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

function write(dir: string, file: string, text: string): void {
  mkdirSync(join(dir, file, '..'), { recursive: true })
  writeFileSync(join(dir, file), text)
}

function commit(dir: string, message: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) write(dir, file, text)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', message)
  return git(dir, 'rev-parse', 'HEAD')
}

function newRepo(root: string, name: string): string {
  const dir = join(root, name)
  mkdirSync(dir)
  git(dir, 'init', '-q', '-b', 'main')
  return dir
}

/** A complete clone, as actions/checkout with fetch-depth: 0 leaves it (all branches as origin/*). */
function completeClone(origin: string, root: string, branch = 'main'): string {
  const dir = join(root, 'checkout')
  git(root, 'clone', '-q', '--no-local', '--branch', branch, origin, dir)
  return dir
}

/** A pull request whose only leak comes from a merge commit's own resolution (an "evil merge"):
 * feature merges side, and the merge adds a token that neither parent has. */
export function evilMergeHistory(): History {
  const root = mkdtempSync(join(tmpdir(), 'sgw-evil-merge-'))
  const origin = newRepo(root, 'origin')
  const base = commit(origin, 'base', { 'config/app.env': 'LOG_LEVEL=info\n' })
  git(origin, 'checkout', '-qb', 'side')
  const side = commit(origin, 'side work', { 'side.txt': 'side\n' })
  git(origin, 'checkout', '-qb', 'feature', 'main')
  const feature = commit(origin, 'feature work', { 'feature.txt': 'feature\n' })
  git(origin, 'merge', '-q', '--no-ff', '--no-commit', 'side')
  const token = fakeToken('EvilMerge01')
  write(origin, 'config/app.env', `LOG_LEVEL=info\nGITHUB_TOKEN=${token}\n`)
  git(origin, 'add', 'config/app.env')
  git(origin, 'commit', '-qm', "Merge branch 'side' into feature")
  const merge = git(origin, 'rev-parse', 'HEAD')
  const checkout = completeClone(origin, root, 'feature')
  return {
    checkout,
    eventName: 'pull_request',
    event: { action: 'synchronize', number: 13, pull_request: { number: 13, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: merge } } },
    secrets: [token],
    commits: { base, side, feature, merge }
  }
}

/** main was force-pushed: its old tip is gone (garbage-collected) and the rewritten tip adds a
 * token (or, clean, a harmless file). The clone is complete, so `before` cannot be fetched. */
export function forcePushHistory(variant: 'token' | 'clean'): History {
  const root = mkdtempSync(join(tmpdir(), `sgw-force-push-${variant}-`))
  const origin = newRepo(root, 'origin')
  commit(origin, 'A: first', { 'app.txt': 'hello\n' })
  const parent = commit(origin, 'B: second', { 'app.txt': 'hello\nmore\n' })
  const before = commit(origin, 'C: old tip, later force-pushed away', { 'app.txt': 'hello\nmore\nold tip\n' })
  git(origin, 'reset', '-q', '--hard', parent)
  const token = fakeToken('ForcePush02')
  const after = commit(origin, "C': rewritten tip", { 'config.py': variant === 'token' ? `token = "${token}"\n` : 'fine = True\n' })
  git(origin, 'reflog', 'expire', '--expire=now', '--all')
  git(origin, 'gc', '-q', '--prune=now')
  const checkout = completeClone(origin, root)
  return {
    checkout,
    eventName: 'push',
    event: {
      ref: 'refs/heads/main',
      before,
      after,
      forced: true,
      created: false,
      deleted: false,
      commits: [{ id: after, message: "C': rewritten tip", distinct: true }],
      head_commit: { id: after },
      repository: { full_name: 'acme/web', default_branch: 'main' }
    },
    secrets: variant === 'token' ? [token] : [],
    commits: { parent, before, after }
  }
}

/** A feature branch rebased and force-pushed, the event listing no commits: the scan must cover
 * what the branch has that main has not, and not main's own (older) leak. */
export function forcePushedBranchHistory(): History {
  const root = mkdtempSync(join(tmpdir(), 'sgw-force-branch-'))
  const origin = newRepo(root, 'origin')
  const mainToken = fakeToken('OnMainAlready')
  const first = commit(origin, 'first', { 'README.md': '# app\n', 'legacy/old.env': `GITHUB_TOKEN=${mainToken}\n` })
  git(origin, 'checkout', '-qb', 'feature')
  const before = commit(origin, 'feature v1', { 'feature.txt': 'v1\n' })
  git(origin, 'checkout', '-q', 'main')
  const mainTip = commit(origin, 'main moves on', { 'README.md': '# app\n\nmore\n' })
  git(origin, 'checkout', '-q', '-B', 'feature', 'main')
  const token = fakeToken('RebasedBranch3')
  commit(origin, 'feature v2', { 'feature.txt': 'v2\n' })
  const after = commit(origin, 'feature v2, settings', { 'deploy/settings.env': `GITHUB_TOKEN=${token}\n` })
  git(origin, 'checkout', '-q', 'main')
  git(origin, 'reflog', 'expire', '--expire=now', '--all')
  git(origin, 'gc', '-q', '--prune=now')
  const checkout = completeClone(origin, root, 'feature')
  return {
    checkout,
    eventName: 'push',
    event: { ref: 'refs/heads/feature', before, after, forced: true, created: false, deleted: false, commits: [], head_commit: { id: after }, repository: { full_name: 'acme/web', default_branch: 'main' } },
    secrets: [mainToken, token],
    commits: { first, before, mainTip, after }
  }
}

/** pull_request_target from a fork: the workflow checked out the base repository (complete), which
 * does not hold the fork's head commit. */
export function forkPullRequestTargetHistory(): History {
  const root = mkdtempSync(join(tmpdir(), 'sgw-prt-fork-'))
  const base = newRepo(root, 'base')
  const baseSha = commit(base, 'base', { README: 'base\n' })
  const fork = join(root, 'fork')
  git(root, 'clone', '-q', '--no-local', base, fork)
  const head = commit(fork, 'fork change', { README: 'base\nchange\n' })
  const checkout = completeClone(base, root)
  return {
    checkout,
    eventName: 'pull_request_target',
    event: {
      action: 'opened',
      number: 21,
      pull_request: { number: 21, base: { ref: 'main', sha: baseSha, repo: { full_name: 'acme/web', fork: false } }, head: { ref: 'main', sha: head, repo: { full_name: 'someone/web', fork: true } } }
    },
    secrets: [],
    commits: { base: baseSha, head }
  }
}

/** A blob-less partial clone (actions/checkout `filter: blob:none`) whose origin is out of reach
 * (`persist-credentials: false`): git cannot read an older file, so the scan cannot be complete. */
export function partialCloneHistory(): History {
  const root = mkdtempSync(join(tmpdir(), 'sgw-partial-'))
  const origin = newRepo(root, 'origin')
  git(origin, 'config', 'uploadpack.allowFilter', 'true')
  const base = commit(origin, 'base', { 'README.md': '# app\n' })
  const token = fakeToken('PartialClone4')
  const leak = commit(origin, 'add settings', { 'settings.env': `GITHUB_TOKEN=${token}\n` })
  git(origin, 'rm', '-q', 'settings.env')
  git(origin, 'commit', '-qm', 'remove settings')
  const after = git(origin, 'rev-parse', 'HEAD')
  const checkout = join(root, 'checkout')
  git(root, 'clone', '-q', '--filter=blob:none', `file://${origin}`, checkout)
  renameSync(origin, join(root, 'origin-gone'))
  return {
    checkout,
    eventName: 'push',
    event: { ref: 'refs/heads/main', before: base, after, forced: false, commits: [{ id: leak }, { id: after }], repository: { default_branch: 'main' } },
    secrets: [token],
    commits: { base, leak, after }
  }
}
