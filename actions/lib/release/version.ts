// The version of this build: the latest semver tag reachable from HEAD, the Conventional Commits
// since it, the branch (release branches get plain versions, others prereleases).
import { minimatch } from 'minimatch'
import semver from 'semver'
import { UserError } from '../errors/user-error.js'
import { highestBump, parseCommit, type Bump, type ParsedCommit } from './conventional.js'
import type { Git } from './git.js'
import { sanitizeBranchForSemver } from './image-tags.js'

export interface VersionSettings {
  tagPrefix: string
  bump: 'auto' | Bump
  defaultBump: Bump
  majorOnZero: boolean
  initialVersion: string
  releaseBranches: string[]
}

export interface RefContext {
  eventName: string
  /** GITHUB_REF: refs/heads/main, refs/tags/v1.2.3, refs/pull/12/merge. */
  ref: string
  prNumber?: number
}

export interface VersionResult {
  version: string
  previousVersion: string
  bump: Bump | 'initial'
  /** tag-prefix + version. */
  tag: string
  prerelease: boolean
  /** A push (or dispatch) on a release branch, or a pushed version tag: releasable. */
  release: boolean
  branch?: string
  commits: ParsedCommit[]
  /** Commits since the previous version (merges included). */
  distance: number
  sha: string
  warnings: string[]
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target'])

export function branchOf(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined
}

export function isReleaseBranch(branch: string | undefined, patterns: readonly string[]): boolean {
  return branch !== undefined && patterns.some((p) => minimatch(branch, p))
}

const STRICT_SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/

/** The version a tag names with this prefix, strictly (semver alone would also take "v1.2.3" without a prefix). */
export function tagVersion(tag: string, prefix: string): string | null {
  if (!tag.startsWith(prefix)) return null
  const rest = tag.slice(prefix.length)
  return STRICT_SEMVER.test(rest) ? semver.valid(rest) : null
}

/** The highest stable version among tags with the prefix; versions-looking non-semver tags warned about. */
export function latestVersion(tags: readonly string[], prefix: string, warnings: string[]): { tag: string; version: string } | undefined {
  let best: { tag: string; version: string } | undefined
  for (const tag of tags) {
    const rest = tag.slice(prefix.length)
    const version = tagVersion(tag, prefix)
    if (!version) {
      if (/^\d/.test(rest)) warnings.push(`Tag "${tag}" looks like a version but is not semver (MAJOR.MINOR.PATCH); it is ignored.`)
      continue
    }
    if (semver.prerelease(version)) continue
    if (!best || semver.gt(version, best.version)) best = { tag, version }
  }
  return best
}

export function nextVersion(current: string, bump: Bump, majorOnZero: boolean): string {
  if (bump === 'none') return current
  const effective = bump === 'major' && semver.major(current) === 0 && !majorOnZero ? 'minor' : bump
  return semver.inc(current, effective) as string
}

export async function computeVersion(git: Git, settings: VersionSettings, context: RefContext): Promise<VersionResult> {
  if (!(await git.hasCommits())) throw new UserError('The repository has no commits yet: there is nothing to version.')
  // Independent reads run side by side: each git process costs a few milliseconds to start.
  const [shallow, sha, reachable] = await Promise.all([git.isShallow(), git.head(), git.reachableTags(settings.tagPrefix)])
  if (shallow) throw new UserError('The checkout is shallow, so the last version tag may be out of reach: set fetch-depth: 0 on actions/checkout (it also fetches the tags).')
  const warnings: string[] = []
  const latest = latestVersion(reachable, settings.tagPrefix, warnings)
  const [commits, distance] = await Promise.all([git.commitsSince(latest?.tag), git.countSince(latest?.tag)])
  const parsed = commits.map(parseCommit)
  const branch = branchOf(context.ref)

  // A pushed version tag is the version.
  if (context.ref.startsWith(`refs/tags/${settings.tagPrefix}`)) {
    const tagged = tagVersion(context.ref.slice('refs/tags/'.length), settings.tagPrefix)
    if (tagged) {
      const below = latestVersion(reachable.filter((t) => t !== context.ref.slice('refs/tags/'.length)), settings.tagPrefix, [])
      const diff = below ? semver.diff(below.version, tagged) : null
      return { version: tagged, previousVersion: below?.version ?? '', bump: below ? toBump(diff) : 'initial', tag: `${settings.tagPrefix}${tagged}`, prerelease: semver.prerelease(tagged) !== null, release: semver.prerelease(tagged) === null, branch, commits: [], distance: 0, sha, warnings }
    }
  }

  const bump: Bump = settings.bump === 'auto' ? highestBump(parsed, settings.defaultBump) : settings.bump
  const base = latest?.version
  const stable = base === undefined ? settings.initialVersion : nextVersion(base, bump, settings.majorOnZero)
  const pr = PR_EVENTS.has(context.eventName)
  const release = !pr && isReleaseBranch(branch, settings.releaseBranches)
  let version = stable
  if (!release) {
    // A prerelease sorts after the last release even when nothing bumps.
    const core = base !== undefined && bump === 'none' ? nextVersion(base, 'patch', settings.majorOnZero) : stable
    const label = pr ? `pr-${context.prNumber ?? 0}` : sanitizeBranchForSemver(branch ?? (context.ref.replace(/^refs\/[^/]+\//, '') || 'detached'))
    version = `${core}-${label}.${distance}`
    if (!semver.valid(version)) throw new UserError(`The prerelease version "${version}" is not valid semver; report this with the branch name.`)
  }
  return {
    version,
    previousVersion: base ?? '',
    bump: base === undefined ? 'initial' : bump,
    tag: `${settings.tagPrefix}${version}`,
    prerelease: !release,
    release,
    branch,
    commits: parsed,
    distance,
    sha,
    warnings
  }
}

function toBump(diff: string | null): Bump {
  if (diff === 'major' || diff === 'premajor') return 'major'
  if (diff === 'minor' || diff === 'preminor') return 'minor'
  if (diff === null) return 'none'
  return 'patch'
}
