// The version of this build: the latest semver tag reachable from HEAD, the Conventional Commits
// since it (reverted ones left out), the branch (release branches get plain versions, others
// prereleases); checked against every tag of the repository, so that it never takes a version a
// tag already names and floating names never move backwards.
import { minimatch } from 'minimatch'
import semver from 'semver'
import { UserError } from '../errors/user-error.js'
import { cancelReverts, highestBump, parseCommit, type Bump, type ParsedCommit } from './conventional.js'
import type { Git, TagRef } from './git.js'
import { sanitizeBranchForSemver } from './image-tags.js'
import { floatingOf, NO_FLOATING, otherVersionPrefix, tagVersion, versionTags, type Floating, type VersionTag } from './repo-tags.js'

export { tagVersion } from './repo-tags.js'

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
  /** The commits the version is made of: those since the previous version, reverted ones left out. */
  commits: ParsedCommit[]
  /** Commits since the previous version that a revert in the same range cancelled, and those reverts. */
  cancelled: ParsedCommit[]
  /** Commits since the previous version (merges included). */
  distance: number
  sha: string
  /** The floating names (latest, major and minor lines) this version may take. */
  floating: Floating
  /**
   * Nothing to release since the previous version, whose tag is on another commit: this build is
   * not that version, so no image tag may name it by the version.
   */
  taggedElsewhere: boolean
  warnings: string[]
  /** Facts worth a line in the log and summary (not problems). */
  notes: string[]
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target'])
// A first release usually comes within a project's first few dozen commits; a longer history
// without a single tag more likely means a clone that did not fetch them.
export const LONG_HISTORY = 50

export function branchOf(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined
}

export function isReleaseBranch(branch: string | undefined, patterns: readonly string[]): boolean {
  return branch !== undefined && patterns.some((p) => minimatch(branch, p))
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

/**
 * Takes git, the settings and the ref being built; gives the version of HEAD and what it is made
 * of. Throws a UserError for a shallow clone and for a version that a tag on another commit names.
 */
export async function computeVersion(git: Git, settings: VersionSettings, context: RefContext): Promise<VersionResult> {
  if (!(await git.hasCommits())) throw new UserError('The repository has no commits yet: there is nothing to version.')
  const prefix = settings.tagPrefix
  // Independent reads run side by side: each git process costs a few milliseconds to start.
  const [shallow, sha, reachable, all] = await Promise.all([git.isShallow(), git.head(), git.reachableTags(prefix), git.tags()])
  if (shallow) {
    throw new UserError(
      'The checkout is shallow, so the last version tag may be out of reach: ' +
        'set fetch-depth: 0 on actions/checkout (it also fetches the tags).'
    )
  }
  const warnings: string[] = []
  const tagged = versionTags(all, prefix)
  const branch = branchOf(context.ref)
  // A pushed version tag is the version; the previous one is the highest reachable below it.
  const pushedName = context.ref.startsWith(`refs/tags/${prefix}`) ? context.ref.slice('refs/tags/'.length) : undefined
  const pushed = pushedName === undefined ? null : tagVersion(pushedName, prefix)
  const isBelow = (t: string): boolean => pushed !== null && t !== pushedName && semver.lt(tagVersion(t, prefix) ?? '0.0.0', pushed)
  const below = pushed === null ? reachable : reachable.filter(isBelow)
  const latest = latestVersion(below, prefix, warnings)
  const [log, distance] = await Promise.all([git.commitsSince(latest?.tag), git.countSince(latest?.tag)])
  const { kept: commits, cancelled } = cancelReverts(log.map(parseCommit))
  const base = latest?.version
  const notes: string[] = []
  if (cancelled.length) {
    notes.push(`Left out, reverted before any release: ${cancelled.map((c) => `${c.sha.slice(0, 7)} ${c.subject}`).join('; ')}.`)
  }
  const common = { previousVersion: base ?? '', branch, commits, cancelled, distance, sha, warnings, notes }

  if (pushed !== null) {
    const prerelease = semver.prerelease(pushed) !== null
    const floating = prerelease ? { ...NO_FLOATING } : floatingOf(pushed, tagged.map((t) => t.version))
    notes.push(...floatingNotes(pushed, floating, prefix))
    const bump = base === undefined ? 'initial' : toBump(semver.diff(base, pushed))
    const tag = `${prefix}${pushed}`
    return { ...common, version: pushed, bump, tag, prerelease, release: !prerelease, floating, taggedElsewhere: false }
  }

  const bump: Bump = settings.bump === 'auto' ? highestBump(commits, settings.defaultBump) : settings.bump
  const stable = base === undefined ? settings.initialVersion : nextVersion(base, bump, settings.majorOnZero)
  const pr = PR_EVENTS.has(context.eventName)
  const release = !pr && isReleaseBranch(branch, settings.releaseBranches)
  let version = stable
  if (!release) {
    // A prerelease sorts after the last release even when nothing bumps.
    const core = base !== undefined && bump === 'none' ? nextVersion(base, 'patch', settings.majorOnZero) : stable
    const refName = context.ref.replace(/^refs\/[^/]+\//, '') || 'detached'
    const label = pr ? `pr-${context.prNumber ?? 0}` : sanitizeBranchForSemver(branch ?? refName)
    version = `${core}-${label}.${distance}`
    if (!semver.valid(version)) {
      throw new UserError(`The prerelease version "${version}" is not valid semver; report this with the branch name.`)
    }
  }
  if (base === undefined) {
    const warning = missingTagWarning(all, tagged, prefix, settings.initialVersion, distance)
    if (warning) warnings.push(warning)
  }

  // The same version on HEAD is this build (a re-run); on another commit it is someone else's.
  const same = tagged.filter((t) => semver.eq(t.version, version))
  const elsewhere = same.some((t) => t.commit === sha) ? undefined : same[0]
  const taggedElsewhere = elsewhere !== undefined && release && base !== undefined && version === base
  if (elsewhere && !taggedElsewhere) throw versionTaken(version, elsewhere, { base, bump, release, settings, tagged })
  // A prerelease builds, but its release would take a version a tag already names: say so now.
  const coreTaken = release ? undefined : tagged.find((t) => t.version === stable && t.commit !== sha)
  if (coreTaken && bump !== 'none') {
    const why = versionTaken(stable, coreTaken, { base, bump, release: true, settings, tagged }).message
    warnings.push(`A release from here would fail: ${why}`)
  }
  if (taggedElsewhere) {
    const on = elsewhere.commit.slice(0, 7)
    notes.push(`No releasable commits since ${elsewhere.name} (on ${on}): no image tag names this build ${version}.`)
  }
  const floating = release && !taggedElsewhere ? floatingOf(version, tagged.map((t) => t.version)) : { ...NO_FLOATING }
  if (release && !taggedElsewhere) notes.push(...floatingNotes(version, floating, prefix))
  const tag = `${prefix}${version}`
  return { ...common, version, bump: base === undefined ? 'initial' : bump, tag, prerelease: !release, release, floating, taggedElsewhere }
}

function toBump(diff: string | null): Bump {
  if (diff === 'major' || diff === 'premajor') return 'major'
  if (diff === 'minor' || diff === 'preminor') return 'minor'
  if (diff === null) return 'none'
  return 'patch'
}

/** The floating names a stable release leaves alone, because a newer version holds them. */
function floatingNotes(version: string, floating: Floating, prefix: string): string[] {
  if (floating.latest || floating.newer === undefined) return []
  const [major, minor] = version.split('.')
  const kept = ['latest', ...(floating.major ? [] : [major]), ...(floating.minor ? [] : [`${major}.${minor}`])]
  const names = kept.length === 1 ? kept[0] : `${kept.slice(0, -1).join(', ')} and ${kept[kept.length - 1]}`
  const newer = `${prefix}${floating.newer}`
  return [`${newer} is newer than ${version}: ${names} (image tags, moving git tags, latest release) stay where they are.`]
}

/**
 * Takes the clone's tags, its version tags, the prefix, the initial version and the length of the
 * history; gives why no version tag is reachable from HEAD when the likely reason is not a first
 * release (releases on other branches only, tags with another prefix, no tags fetched), or nothing.
 */
export function missingTagWarning(
  all: readonly TagRef[],
  tagged: readonly VersionTag[],
  prefix: string,
  initial: string,
  distance: number
): string | undefined {
  const elsewhere = tagged.filter((t) => semver.prerelease(t.version) === null).sort((a, b) => semver.rcompare(a.version, b.version))[0]
  if (elsewhere) {
    return (
      `No version tag in this branch's history (${elsewhere.name} is on another branch), so the version starts at ${initial}: ` +
      'merge that release into this branch if this branch should follow it.'
    )
  }
  const other = otherVersionPrefix(all, prefix)
  if (other) {
    const setting = other.prefix === '' ? 'none' : `"${other.prefix}"`
    return `No tag is a version with tag-prefix "${prefix || 'none'}", but ${other.example} is one: set tag-prefix to ${setting}.`
  }
  if (all.length === 0 && distance >= LONG_HISTORY) {
    return (
      `This clone has no tags but ${distance} commits of history, so the version starts at ${initial}: if the project has releases, ` +
      'fetch their tags (fetch-depth: 0 or fetch-tags: true on actions/checkout, or git fetch --tags).'
    )
  }
  return undefined
}

export interface TakenContext {
  base?: string
  bump: Bump
  release: boolean
  settings: VersionSettings
  tagged: readonly VersionTag[]
}

/**
 * Takes a computed version, the tag on another commit that already names it, and how the version
 * was computed; gives the error that says what to do. Bumping past the tag would claim that the
 * new version contains that release (1.3.2 after 1.3.1), which this branch lacks, so the choice
 * is the user's: merge the release, or release a higher line.
 */
export function versionTaken(version: string, existing: VersionTag, ctx: TakenContext): UserError {
  const at = `Version ${version} is already tag ${existing.name} on commit ${existing.commit.slice(0, 7) || '(not a commit)'}`
  if (!ctx.release) return new UserError(`${at}; prereleases are never tagged by this action, so delete or rename that tag.`)
  const taken = (v: string): boolean => ctx.tagged.some((t) => semver.eq(t.version, v))
  const bumps = ['minor', 'major'] as const
  const higher: { version: string; how: string }[] =
    ctx.base === undefined
      ? bumps.map((b) => semver.inc(ctx.settings.initialVersion, b) as string).map((v) => ({ version: v, how: `initial-version: ${v}` }))
      : bumps
          .filter((b) => RANK[b] > RANK[ctx.bump])
          .map((b) => ({ version: nextVersion(ctx.base as string, b, ctx.settings.majorOnZero), how: `bump: ${b}` }))
  const free = higher.find((h) => semver.gt(h.version, version) && !taken(h.version))
  const instead = free ? `, or release ${free.version} instead (${free.how})` : ''
  return new UserError(
    `${at}, outside this branch's history: merge ${existing.name} into this branch so that the next version follows it${instead}.`
  )
}

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 }
