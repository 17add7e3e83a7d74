// Conventional Commits: the type, scope, breaking marker and subject of a commit, the reverts that
// cancel unreleased commits, and the bump they add up to.
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
  /** For a revert: the commits it names (full or abbreviated shas). */
  reverts?: string[]
}

const HEADER = /^(?<type>[A-Za-z]+)(?:\((?<scope>[^()\r\n]*)\))?(?<bang>!)?: (?<subject>\S.*)$/
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE: ?([\s\S]*?)(?:\n[A-Za-z-]+: |\n*$)/m
// What `git revert` writes: the subject `Revert "<header>"`, the body `This reverts commit <sha>.`
const GIT_REVERT = /^Revert "(?<header>.+)"$/
const REVERTS_COMMIT = /\bThis reverts commit ([0-9a-f]{7,40})\b/g
// The Conventional Commits form: `revert: <header>` with a `Refs: <sha>, <sha>` footer.
const REFS_FOOTER = /^Refs: *((?:[0-9a-f]{7,40}[ ,]*)+)$/m

/** A commit's Conventional Commits reading; takes a commit from git, gives its type, scope, breaking marker and reverts. */
export function parseCommit(commit: Commit): ParsedCommit {
  const subject = commit.subject.trim()
  const footer = BREAKING_FOOTER.exec(commit.body)
  const gitRevert = GIT_REVERT.exec(subject)
  if (gitRevert?.groups) {
    // The reverted header is the subject (the changelog lists it under Reverts); the revert breaks
    // nothing by itself, whatever the header it quotes says.
    const reverts = revertedShas(commit.body, false)
    return {
      sha: commit.sha,
      type: 'revert',
      subject: gitRevert.groups.header,
      breaking: footer !== null,
      breakingNote: footer?.[1].trim() || undefined,
      conventional: true,
      ...(reverts.length ? { reverts } : {})
    }
  }
  const m = HEADER.exec(subject)
  if (!m?.groups) {
    const breakingNote = footer?.[1].trim() || undefined
    return { sha: commit.sha, type: '', subject, breaking: footer !== null, breakingNote, conventional: false }
  }
  const breaking = m.groups.bang === '!' || footer !== null
  const type = m.groups.type.toLowerCase()
  const reverts = type === 'revert' ? revertedShas(commit.body, true) : []
  return {
    sha: commit.sha,
    type,
    scope: m.groups.scope?.trim() || undefined,
    subject: m.groups.subject.trim(),
    breaking,
    breakingNote: breaking ? footer?.[1].trim() || m.groups.subject.trim() : undefined,
    conventional: true,
    ...(reverts.length ? { reverts } : {})
  }
}

function revertedShas(body: string, refsFooter: boolean): string[] {
  const shas = [...body.matchAll(REVERTS_COMMIT)].map((m) => m[1])
  const refs = refsFooter ? REFS_FOOTER.exec(body) : null
  if (refs) shas.push(...refs[1].split(/[ ,]+/).filter(Boolean))
  return [...new Set(shas)]
}

export interface Reverted {
  /** The commits that count, in the order given. */
  kept: ParsedCommit[]
  /** Commits cancelled by a revert in the same range, and the reverts that cancelled them. */
  cancelled: ParsedCommit[]
}

/**
 * Takes the unreleased commits (newest first, as git log gives them, parents after children) and
 * gives those that still count: a revert of a commit in the same range cancels both, a revert of
 * such a revert brings the first commit back, and a revert of a released commit stays a change.
 */
export function cancelReverts(commits: readonly ParsedCommit[]): Reverted {
  const active = new Set<ParsedCommit>()
  // What each revert did to the range, so that reverting the revert undoes exactly that.
  const effects = new Map<ParsedCommit, { removed: ParsedCommit[]; added: ParsedCommit[] }>()
  const find = (ref: string): ParsedCommit | undefined => commits.find((c) => c.sha.startsWith(ref))
  for (const commit of [...commits].reverse()) {
    const targets = (commit.reverts ?? []).map(find)
    // Not a revert, or one of something already released: a change of its own.
    if (targets.length === 0 || targets.includes(undefined)) active.add(commit)
    const effect = { removed: [] as ParsedCommit[], added: [] as ParsedCommit[] }
    for (const target of targets) {
      if (target === undefined) continue
      if (active.delete(target)) effect.removed.push(target)
      const undone = effects.get(target)
      for (const back of undone?.removed ?? []) {
        if (active.has(back)) continue
        active.add(back)
        effect.added.push(back)
      }
      for (const gone of undone?.added ?? []) if (active.delete(gone)) effect.removed.push(gone)
    }
    effects.set(commit, effect)
  }
  return { kept: commits.filter((c) => active.has(c)), cancelled: commits.filter((c) => !active.has(c)) }
}

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 }

/**
 * The bump one commit asks for: breaking major, feat minor, fix and perf patch, a revert (of a
 * released change, as unreleased ones are cancelled first) patch, anything else `defaultBump`.
 */
export function bumpOf(commit: ParsedCommit, defaultBump: Bump): Bump {
  if (commit.breaking) return 'major'
  if (commit.type === 'feat') return 'minor'
  if (commit.type === 'fix' || commit.type === 'perf' || commit.type === 'revert') return 'patch'
  return defaultBump
}

/** The highest bump among the commits; `none` for no commits. */
export function highestBump(commits: readonly ParsedCommit[], defaultBump: Bump): Bump {
  return commits.reduce<Bump>((best, c) => {
    const b = bumpOf(c, defaultBump)
    return RANK[b] > RANK[best] ? b : best
  }, 'none')
}
