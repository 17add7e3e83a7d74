// What the repository's tags say about a version: which version each tag names, which floating
// names (latest, the major and minor lines) the version may take without moving them backwards,
// and why a clone may show no version tag at all. Pure functions over plain data.
import semver from 'semver'
import type { TagRef } from './git.js'

const STRICT_SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/

/** Takes a tag name and the prefix; gives the version it names, strictly (semver alone would take "v1.2.3" without a prefix), or null. */
export function tagVersion(tag: string, prefix: string): string | null {
  if (!tag.startsWith(prefix)) return null
  const rest = tag.slice(prefix.length)
  return STRICT_SEMVER.test(rest) ? semver.valid(rest) : null
}

export interface VersionTag extends TagRef {
  version: string
}

/** Takes every tag of the clone and the prefix; gives the tags that name a version, with it. */
export function versionTags(tags: readonly TagRef[], prefix: string): VersionTag[] {
  return tags.flatMap((t) => {
    const version = tagVersion(t.name, prefix)
    return version === null ? [] : [{ ...t, version }]
  })
}

/**
 * The floating names a version may take. Each follows the newest release of its line, so a
 * backport (v1.1.1 after v2.5.2) takes none that a newer version already holds.
 */
export interface Floating {
  /** The newest stable release of the repository: the `latest` image tag, the release marked latest. */
  latest: boolean
  /** The newest of its major line: the moving tag v1, the `{{major}}` image tag. */
  major: boolean
  /** The newest of its minor line: the moving tag v1.3, the `{{major}}.{{minor}}` image tag. */
  minor: boolean
  /** The newest stable version above it, when there is one. */
  newer?: string
}

export const NO_FLOATING: Floating = { latest: false, major: false, minor: false }

/**
 * Takes a version and the versions of every tag in the repository (reachable or not); gives the
 * floating names it may take. A prerelease takes none; prerelease tags never hold one.
 */
export function floatingOf(version: string, tagged: readonly string[]): Floating {
  if (semver.prerelease(version) !== null) return { ...NO_FLOATING }
  const major = semver.major(version)
  const minor = semver.minor(version)
  const newer = tagged
    .filter((v) => semver.valid(v) !== null && semver.prerelease(v) === null && semver.gt(v, version))
    .sort(semver.rcompare)
  return {
    latest: newer.length === 0,
    major: !newer.some((v) => semver.major(v) === major),
    minor: !newer.some((v) => semver.major(v) === major && semver.minor(v) === minor),
    ...(newer.length ? { newer: newer[0] } : {})
  }
}

/** Takes the clone's tags and the prefix; gives the prefix of version-like tags that do not carry it ('' for 1.2.3), if any. */
export function otherVersionPrefix(tags: readonly TagRef[], prefix: string): { prefix: string; example: string } | undefined {
  for (const t of tags) {
    if (tagVersion(t.name, prefix) !== null) continue
    const m = /^(.*?)(\d+\.\d+\.\d+\S*)$/.exec(t.name)
    if (m && m[1] !== prefix && tagVersion(t.name, m[1]) !== null) return { prefix: m[1], example: t.name }
  }
  return undefined
}
