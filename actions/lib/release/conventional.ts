// Conventional Commits: the type, scope, breaking marker and subject of a commit, and the bump
// they add up to.
import type { Commit } from './git.js'

export type Bump = 'major' | 'minor' | 'patch' | 'none'

export interface ParsedCommit {
  sha: string
  type: string
  scope?: string
  subject: string
  breaking: boolean
  /** The BREAKING CHANGE footer's text, or the subject when only `!` marks it. */
  breakingNote?: string
  conventional: boolean
}

const HEADER = /^(?<type>[A-Za-z]+)(?:\((?<scope>[^()\r\n]*)\))?(?<bang>!)?: (?<subject>\S.*)$/
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE: ?([\s\S]*?)(?:\n[A-Za-z-]+: |\n*$)/m

export function parseCommit(commit: Commit): ParsedCommit {
  const m = HEADER.exec(commit.subject.trim())
  const footer = BREAKING_FOOTER.exec(commit.body)
  if (!m?.groups) {
    return { sha: commit.sha, type: '', subject: commit.subject.trim(), breaking: footer !== null, breakingNote: footer?.[1].trim() || undefined, conventional: false }
  }
  const breaking = m.groups.bang === '!' || footer !== null
  return {
    sha: commit.sha,
    type: m.groups.type.toLowerCase(),
    scope: m.groups.scope?.trim() || undefined,
    subject: m.groups.subject.trim(),
    breaking,
    breakingNote: breaking ? footer?.[1].trim() || m.groups.subject.trim() : undefined,
    conventional: true
  }
}

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 }

export function bumpOf(commit: ParsedCommit, defaultBump: Bump): Bump {
  if (commit.breaking) return 'major'
  if (commit.type === 'feat') return 'minor'
  if (commit.type === 'fix' || commit.type === 'perf') return 'patch'
  return defaultBump
}

export function highestBump(commits: readonly ParsedCommit[], defaultBump: Bump): Bump {
  return commits.reduce<Bump>((best, c) => {
    const b = bumpOf(c, defaultBump)
    return RANK[b] > RANK[best] ? b : best
  }, 'none')
}
