// Tags and releases through the GitHub API, idempotent: a re-run of the same build finds what the
// first run created (GitHub answers 422) and succeeds when it points at the same commit.
import type { getOctokit } from '@actions/github'
import semver from 'semver'
import { UserError } from '../errors/user-error.js'
import { tagVersion, type Floating } from './repo-tags.js'

type Octokit = ReturnType<typeof getOctokit>

export interface Repo {
  owner: string
  repo: string
}

export type Done = 'created' | 'updated' | 'unchanged'

function status(error: unknown): number | undefined {
  return (error as { status?: number }).status
}

function apiError(what: string, error: unknown): UserError {
  const s = status(error)
  const message = (error as { message?: string }).message ?? String(error)
  const advice = s === 403 || s === 401 ? ' The token needs contents: write (permissions: contents: write on the job).' : ''
  return new UserError(`${what} failed (HTTP ${s ?? '?'}): ${message}.${advice}`)
}

/** The commit a tag ref points at, following an annotated tag object. */
async function tagCommit(octokit: Octokit, repo: Repo, tag: string): Promise<string | undefined> {
  try {
    const { data: ref } = await octokit.rest.git.getRef({ ...repo, ref: `tags/${tag}` })
    if (ref.object.type === 'commit') return ref.object.sha
    const { data: object } = await octokit.rest.git.getTag({ ...repo, tag_sha: ref.object.sha })
    return object.object.sha
  } catch (error) {
    if (status(error) === 404) return undefined
    throw apiError(`Reading tag ${tag}`, error)
  }
}

/** An annotated tag `tag` on `sha`; an existing tag on the same commit is fine, on another one an error. */
export async function pushTag(octokit: Octokit, repo: Repo, tag: string, sha: string, message: string): Promise<Done> {
  const existing = await tagCommit(octokit, repo, tag)
  if (existing === sha) return 'unchanged'
  // The version was computed against every tag of the clone, so the clone did not have this one.
  if (existing) {
    throw new UserError(
      `Tag ${tag} already exists on commit ${existing.slice(0, 7)}, not on ${sha.slice(0, 7)}, and a version never moves: ` +
        'this checkout lacked the tag (tags not fetched, or created since); ' +
        'run again with fetch-depth: 0 on actions/checkout so that the version is checked against it.'
    )
  }
  try {
    const { data: object } = await octokit.rest.git.createTag({ ...repo, tag, message, object: sha, type: 'commit' })
    await octokit.rest.git.createRef({ ...repo, ref: `refs/tags/${tag}`, sha: object.sha })
    return 'created'
  } catch (error) {
    // A concurrent run created it between our read and our write.
    if (status(error) === 422 && (await tagCommit(octokit, repo, tag)) === sha) return 'unchanged'
    throw apiError(`Creating tag ${tag}`, error)
  }
}

/** Point the lightweight tag `name` (e.g. v1) at `sha`, creating it when missing. */
export async function moveTag(octokit: Octokit, repo: Repo, name: string, sha: string): Promise<Done> {
  const existing = await tagCommit(octokit, repo, name)
  if (existing === sha) return 'unchanged'
  try {
    if (existing) {
      await octokit.rest.git.updateRef({ ...repo, ref: `tags/${name}`, sha, force: true })
      return 'updated'
    }
    await octokit.rest.git.createRef({ ...repo, ref: `refs/tags/${name}`, sha })
    return 'created'
  } catch (error) {
    throw apiError(`Moving tag ${name}`, error)
  }
}

/**
 * Takes a stable version, the prefix, the floating names it may take and whether the minor tag is
 * wanted; gives the moving tags (`v1`, and `v1.3` when asked) to point at it: never backwards.
 */
export function movingTags(version: string, prefix: string, floating: Floating, minorToo: boolean): string[] {
  const major = semver.major(version)
  const minor = semver.minor(version)
  return [...(floating.major ? [`${prefix}${major}`] : []), ...(minorToo && floating.minor ? [`${prefix}${major}.${minor}`] : [])]
}

/**
 * Takes the client, the repository and the prefix; gives the version tags GitHub has, newest first
 * (one request), for a clone that may not have fetched them.
 */
export async function remoteVersionTags(octokit: Octokit, repo: Repo, prefix: string): Promise<string[]> {
  try {
    const { data } = await octokit.rest.git.listMatchingRefs({ ...repo, ref: `tags/${prefix}` })
    const named = data.flatMap((r) => {
      const name = r.ref.replace(/^refs\/tags\//, '')
      const version = tagVersion(name, prefix)
      return version === null ? [] : [{ name, version }]
    })
    return named.sort((a, b) => semver.rcompare(a.version, b.version)).map((t) => t.name)
  } catch (error) {
    throw apiError('Listing tags', error)
  }
}

/**
 * A release for `tag` with the changelog as its body; an existing one is updated in place. `latest`
 * marks it the repository's latest release (false for a backport, so the mark never moves back).
 */
export async function upsertRelease(
  octokit: Octokit,
  repo: Repo,
  tag: string,
  sha: string,
  name: string,
  body: string,
  latest: boolean
): Promise<{ done: Done; url: string }> {
  const makeLatest = latest ? ('true' as const) : ('false' as const)
  try {
    const release = { ...repo, tag_name: tag, target_commitish: sha, name, body, make_latest: makeLatest }
    const { data } = await octokit.rest.repos.createRelease(release)
    return { done: 'created', url: data.html_url }
  } catch (error) {
    if (status(error) !== 422) throw apiError(`Creating release ${tag}`, error)
  }
  try {
    const { data: existing } = await octokit.rest.repos.getReleaseByTag({ ...repo, tag })
    if (existing.body === body && existing.name === name) return { done: 'unchanged', url: existing.html_url }
    const { data } = await octokit.rest.repos.updateRelease({ ...repo, release_id: existing.id, name, body, make_latest: makeLatest })
    return { done: 'updated', url: data.html_url }
  } catch (error) {
    throw apiError(`Updating release ${tag}`, error)
  }
}
