// actions/semver-tag: the version of this build, its image tags and labels, and (on a release
// branch) the git tag, the moving major tag and the GitHub release.
import { readFileSync, existsSync } from 'node:fs'
import * as core from '@actions/core'
import { input, runAction } from '../lib/action/run-action.js'
import { UserError } from '../lib/errors/user-error.js'
import { parseBoolean } from '../lib/inputs/parse.js'
import { moveTag, movingTags, pushTag, remoteVersionTags, upsertRelease, type Repo } from '../lib/release/github.js'
import { planJson, planRelease, readPlanSettings, runnerContext, type ReleasePlan } from '../lib/release/plan.js'
import { esc } from '../lib/report/markdown.js'

export const PublishInput = {
  PushTag: 'push-tag',
  MoveMajorTag: 'move-major-tag',
  MoveMinorTag: 'move-minor-tag',
  CreateRelease: 'create-release',
  Token: 'token'
} as const

export const VersionOutput = {
  Version: 'version',
  PreviousVersion: 'previous-version',
  Bump: 'bump',
  Tag: 'tag',
  Tags: 'tags',
  Labels: 'labels',
  Changelog: 'changelog',
  Json: 'json',
  Prerelease: 'prerelease',
  ReleaseUrl: 'release-url'
} as const

export async function runSemverTag(): Promise<void> {
  await runAction(async () => {
    const settings = readPlanSettings(input)
    const publish = {
      pushTag: parseBoolean(PublishInput.PushTag, input(PublishInput.PushTag), false),
      moveMajor: parseBoolean(PublishInput.MoveMajorTag, input(PublishInput.MoveMajorTag), false),
      moveMinor: parseBoolean(PublishInput.MoveMinorTag, input(PublishInput.MoveMinorTag), false),
      createRelease: parseBoolean(PublishInput.CreateRelease, input(PublishInput.CreateRelease), false)
    }
    const eventPath = process.env.GITHUB_EVENT_PATH
    const event = eventPath && existsSync(eventPath) ? (JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>) : undefined
    const plan = await planRelease(settings, runnerContext(process.env, event))
    for (const w of plan.result.warnings) core.warning(w)
    for (const n of plan.result.notes) core.info(n)
    setOutputs(plan)
    const lines = await publishRelease(plan, publish, settings.version.tagPrefix)
    // Outside a runner (a local run of the bundle) there is no job summary to write.
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary(plan, lines)).write()
    const from = plan.result.previousVersion ? ` from ${plan.result.previousVersion}` : ''
    core.info(`Version ${plan.result.version} (${plan.result.bump}${from}); ${plan.tags.length} image tag(s)`)
  })
}

function setOutputs(plan: ReleasePlan): void {
  const r = plan.result
  core.setOutput(VersionOutput.Version, r.version)
  core.setOutput(VersionOutput.PreviousVersion, r.previousVersion)
  core.setOutput(VersionOutput.Bump, r.bump)
  core.setOutput(VersionOutput.Tag, r.tag)
  core.setOutput(VersionOutput.Tags, plan.tags.join('\n'))
  core.setOutput(VersionOutput.Labels, plan.labels.join('\n'))
  core.setOutput(VersionOutput.Changelog, plan.changelog)
  core.setOutput(VersionOutput.Prerelease, String(r.prerelease))
  core.setOutput(VersionOutput.Json, JSON.stringify(planJson(plan)))
  core.setOutput(VersionOutput.ReleaseUrl, '')
}

type Publish = { pushTag: boolean; moveMajor: boolean; moveMinor: boolean; createRelease: boolean }

async function publishRelease(plan: ReleasePlan, publish: Publish, prefix: string): Promise<string[]> {
  const r = plan.result
  if (!publish.pushTag && !publish.moveMajor && !publish.moveMinor && !publish.createRelease) return []
  if (!r.release || r.prerelease) {
    const why = r.prerelease ? `${r.version} is a prerelease` : 'this is not a release'
    core.info(`Nothing tagged or released: ${why} (only a push to a release branch creates tags and releases).`)
    return [`Nothing tagged or released: ${why}.`]
  }
  const tagPush = process.env.GITHUB_REF?.startsWith('refs/tags/') === true
  if (r.bump === 'none' && !tagPush) {
    core.info(`No releasable commits since ${r.previousVersion}: nothing tagged.`)
    return [`No releasable commits since ${prefix}${r.previousVersion}: nothing new to tag.`]
  }
  const token = input(PublishInput.Token).trim()
  if (!token) throw new UserError(`Input "${PublishInput.Token}" is empty; creating tags and releases needs a token with contents: write.`)
  core.setSecret(token)
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) throw new UserError('GITHUB_REPOSITORY is not set; tags and releases need the repository.')
  const target: Repo = { owner, repo }
  // Loaded only when something is published: computing a version needs no Octokit.
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(token, { baseUrl: process.env.GITHUB_API_URL || undefined })
  if (r.bump === 'initial' && !tagPush) {
    // A clone without tags computes the first version; GitHub knows whether there was one before.
    const [newest] = (await remoteVersionTags(octokit, target, prefix)).filter((t) => t !== r.tag)
    if (newest) {
      throw new UserError(
        `GitHub has version tags this checkout lacks (newest ${newest}), so ${r.version} would restart the versions: ` +
          'fetch the tags (fetch-depth: 0 on actions/checkout, or git fetch --tags) and run again; nothing was tagged.'
      )
    }
  }
  const lines: string[] = []
  if (publish.pushTag || publish.createRelease) {
    const done = await pushTag(octokit, target, r.tag, r.sha, `${r.tag}\n\n${plan.changelog}`)
    lines.push(`Tag \`${r.tag}\` on ${r.sha.slice(0, 7)}: ${done}`)
  }
  if (publish.moveMajor || publish.moveMinor) {
    const [major, minor] = r.version.split('.')
    const wanted = [...(publish.moveMajor ? [`${prefix}${major}`] : []), ...(publish.moveMinor ? [`${prefix}${major}.${minor}`] : [])]
    const moving = movingTags(r.version, prefix, r.floating, publish.moveMinor).filter((t) => wanted.includes(t))
    for (const name of moving) lines.push(`Moving tag \`${name}\` → ${r.sha.slice(0, 7)}: ${await moveTag(octokit, target, name, r.sha)}`)
    for (const name of wanted.filter((t) => !moving.includes(t))) {
      lines.push(`Moving tag \`${name}\` left alone: ${prefix}${r.floating.newer} is newer.`)
    }
  }
  if (publish.createRelease) {
    const release = await upsertRelease(octokit, target, r.tag, r.sha, r.tag, plan.changelog, r.floating.latest)
    core.setOutput(VersionOutput.ReleaseUrl, release.url)
    const mark = r.floating.latest ? '' : ` (not marked latest: ${prefix}${r.floating.newer} is newer)`
    lines.push(`Release [${r.tag}](${release.url}): ${release.done}${mark}`)
  }
  for (const l of lines) core.info(l.replace(/`/g, ''))
  return lines
}

function summary(plan: ReleasePlan, published: string[]): string {
  const r = plan.result
  const out = [`## 🏷️ ${esc(r.tag)}${r.prerelease ? ' (prerelease)' : ''}`, '']
  out.push('| | |', '|---|---|')
  out.push(`| Version | \`${esc(r.version)}\` |`)
  out.push(`| Previous | ${r.previousVersion ? `\`${esc(r.previousVersion)}\`` : '(none: first version)'} |`)
  const reverted = r.cancelled.length ? `, ${r.cancelled.length} cancelled by reverts` : ''
  out.push(`| Bump | ${esc(r.bump)} (${r.commits.length} commit(s) since${reverted}, ${r.distance} with merges) |`)
  out.push(`| Branch | ${esc(r.branch ?? '(not a branch)')}${r.release ? ' (release)' : ''} |`)
  if (plan.tags.length) out.push(`| Image tags | ${plan.tags.map((t) => `\`${esc(t)}\``).join('<br>')} |`)
  out.push('')
  if (published.length) out.push('### Published', '', ...published.map((l) => `- ${l}`), '')
  for (const w of r.warnings) out.push(`> ${esc(w)}`, '')
  for (const n of r.notes) out.push(esc(n), '')
  out.push('<details><summary>Changelog</summary>', '', plan.changelog, '</details>', '')
  return out.join('\n')
}
