// Everything semver-tag computes, shared by the action and `sgw version`: the version, the image
// tags and labels, the changelog. Reads git and the runner's environment; writes nothing.
import { parseBoolean, parseChoice, parseList } from '../inputs/parse.js'
import { UserError } from '../errors/user-error.js'
import semver from 'semver'
import { changelog } from './changelog.js'
import type { Bump } from './conventional.js'
import { Git } from './git.js'
import { computeTags, DEFAULT_TAG_RULES, imageRefs, ociLabels, parseTagRules } from './image-tags.js'
import { computeVersion, type RefContext, type VersionResult, type VersionSettings } from './version.js'

export const VersionInput = {
  Path: 'path',
  TagPrefix: 'tag-prefix',
  Bump: 'bump',
  DefaultBump: 'default-bump',
  MajorOnZero: 'major-on-zero',
  InitialVersion: 'initial-version',
  ReleaseBranches: 'release-branches',
  Images: 'images',
  Tags: 'tags',
  Latest: 'latest',
  Title: 'title',
  Description: 'description'
} as const

export interface PlanSettings {
  path: string
  version: VersionSettings
  images: string[]
  tagsText: string
  latest: 'auto' | 'true' | 'false'
  title?: string
  description?: string
}

export interface ReleasePlan {
  result: VersionResult
  /** Full image references (image:tag). */
  tags: string[]
  labels: string[]
  changelog: string
}

export interface RunnerContext extends RefContext {
  repository?: string
  serverUrl: string
  now: Date
}

type Get = (name: string) => string | undefined

const BUMPS = ['major', 'minor', 'patch', 'none'] as const

export function readPlanSettings(get: Get): PlanSettings {
  // Empty means the default, as for every input; `none` means tags without a prefix (1.2.3).
  const rawPrefix = (get(VersionInput.TagPrefix) ?? '').trim()
  const tagPrefix = rawPrefix === '' ? 'v' : rawPrefix === 'none' ? '' : rawPrefix
  if (/[\s~^:?*[\\]/.test(tagPrefix)) {
    throw new UserError(`Input "${VersionInput.TagPrefix}" cannot be part of a git tag name: "${tagPrefix}".`)
  }
  const initial = (get(VersionInput.InitialVersion) ?? '').trim() || '0.1.0'
  if (!semver.valid(initial) || semver.prerelease(initial)) {
    throw new UserError(`Input "${VersionInput.InitialVersion}" must be a version like 0.1.0 or 1.0.0, got "${initial}".`)
  }
  const releaseBranches = parseList(get(VersionInput.ReleaseBranches) || 'main')
  const tagsText = (get(VersionInput.Tags) ?? '').trim() || DEFAULT_TAG_RULES
  parseTagRules(tagsText, VersionInput.Tags)
  return {
    path: (get(VersionInput.Path) ?? '').trim() || '.',
    version: {
      tagPrefix,
      bump: parseChoice(VersionInput.Bump, get(VersionInput.Bump), ['auto', ...BUMPS] as const, 'auto'),
      defaultBump: parseChoice(VersionInput.DefaultBump, get(VersionInput.DefaultBump), BUMPS, 'patch') as Bump,
      majorOnZero: parseBoolean(VersionInput.MajorOnZero, get(VersionInput.MajorOnZero), false),
      initialVersion: initial,
      releaseBranches
    },
    images: parseList(get(VersionInput.Images)),
    tagsText,
    latest: parseChoice(VersionInput.Latest, get(VersionInput.Latest), ['auto', 'true', 'false'] as const, 'auto'),
    title: (get(VersionInput.Title) ?? '').trim() || undefined,
    description: (get(VersionInput.Description) ?? '').trim() || undefined
  }
}

/** The runner's view of this build, from the environment GitHub sets (and the event payload). */
export function runnerContext(
  env: NodeJS.ProcessEnv,
  event: { pull_request?: { number?: number }; number?: number } | undefined,
  now = new Date()
): RunnerContext {
  return {
    eventName: env.GITHUB_EVENT_NAME ?? 'push',
    ref: env.GITHUB_REF ?? '',
    prNumber: event?.pull_request?.number ?? event?.number ?? prFromRef(env.GITHUB_REF),
    repository: env.GITHUB_REPOSITORY,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    now
  }
}

function prFromRef(ref: string | undefined): number | undefined {
  const m = /^refs\/pull\/(\d+)\//.exec(ref ?? '')
  return m ? Number(m[1]) : undefined
}

/**
 * Takes the settings and the runner's view of the build; gives the version, image tags, labels and
 * changelog of HEAD. Reads git only; throws a UserError for what the user must fix.
 */
export async function planRelease(settings: PlanSettings, context: RunnerContext): Promise<ReleasePlan> {
  const git = new Git(settings.path)
  const ref = context.ref || `refs/heads/${(await git.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()}`
  const result = await computeVersion(git, settings.version, { ...context, ref })
  const rules = parseTagRules(settings.tagsText, VersionInput.Tags)
  const names = computeTags(
    rules,
    {
      eventName: context.eventName,
      ref,
      sha: result.sha,
      prNumber: context.prNumber,
      version: result.version,
      prerelease: result.prerelease,
      releaseBranch: result.release,
      floating: result.floating,
      taggedElsewhere: result.taggedElsewhere
    },
    settings.latest
  )
  const repositoryUrl = context.repository ? `${context.serverUrl}/${context.repository}` : ''
  const created = context.now.toISOString()
  return {
    result,
    tags: settings.images.length ? imageRefs(settings.images, names) : names,
    labels: ociLabels({
      version: result.version,
      sha: result.sha,
      repositoryUrl,
      created,
      title: settings.title ?? context.repository?.split('/')[1] ?? '',
      description: settings.description
    }),
    changelog: changelog(result.commits, {
      version: result.version,
      tag: result.tag,
      previousTag: result.previousVersion ? `${settings.version.tagPrefix}${result.previousVersion}` : undefined,
      repositoryUrl: repositoryUrl || undefined,
      date: created.slice(0, 10)
    })
  }
}

/** The `json` output and `sgw version --output json`. */
export function planJson(plan: ReleasePlan): Record<string, unknown> {
  const r = plan.result
  return {
    version: r.version,
    previousVersion: r.previousVersion,
    bump: r.bump,
    tag: r.tag,
    prerelease: r.prerelease,
    release: r.release,
    branch: r.branch ?? null,
    sha: r.sha,
    distance: r.distance,
    commits: r.commits.map((c) => ({ sha: c.sha, type: c.type, scope: c.scope ?? null, subject: c.subject, breaking: c.breaking })),
    tags: plan.tags,
    labels: plan.labels,
    changelog: plan.changelog
  }
}
