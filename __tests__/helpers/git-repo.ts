// Real git repositories in temporary folders, built commit by commit, for the versioning tests.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const GIT_ENV = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.test',
  GIT_COMMITTER_NAME: 'Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.test'
}

export interface Repo {
  dir: string
  git(...args: string[]): string
  /** A commit with this message (subject, blank line, body), touching one file; returns its sha. */
  commit(message: string): string
  tag(name: string, annotated?: boolean): void
  /** `git revert` of a commit, with git's own message (Revert "...", This reverts commit ...); returns its sha. */
  revert(sha: string): string
  head(): string
}

let counter = 0

export function makeRepo(branch = 'main'): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'sgw-repo-'))
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trim()
  git('init', '-q', '-b', branch)
  const repo: Repo = {
    dir,
    git,
    commit(message: string): string {
      writeFileSync(join(dir, `change-${++counter}.txt`), `${message}\n`)
      git('add', '-A')
      git('commit', '-q', '-m', message)
      return git('rev-parse', 'HEAD')
    },
    tag(name: string, annotated = true): void {
      if (annotated) git('tag', '-a', name, '-m', name)
      else git('tag', name)
    },
    revert(sha: string): string {
      git('revert', '--no-edit', sha)
      return git('rev-parse', 'HEAD')
    },
    head: () => git('rev-parse', 'HEAD')
  }
  return repo
}

function cloned(dir: string): Repo {
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trim()
  return { dir, git, commit: () => '', tag: () => undefined, revert: () => '', head: () => git('rev-parse', 'HEAD') }
}

/** A shallow clone (depth 1) of a repository, as actions/checkout makes by default. */
export function shallowClone(source: Repo, branch = 'main'): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'sgw-shallow-'))
  execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', branch, `file://${source.dir}`, dir], {
    env: { ...process.env, ...GIT_ENV }
  })
  return cloned(dir)
}

/**
 * The whole history of a branch without a single tag, as `git clone --no-tags` (or a depth-1
 * checkout followed by `git fetch --unshallow`) leaves it.
 */
export function cloneWithoutTags(source: Repo, branch = 'main'): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'sgw-notags-'))
  execFileSync('git', ['clone', '-q', '--no-tags', '--single-branch', '--branch', branch, `file://${source.dir}`, dir], {
    env: { ...process.env, ...GIT_ENV }
  })
  return cloned(dir)
}
