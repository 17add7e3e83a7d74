// actions/gitleaks from dist/ under Node 24 with the real gitleaks 8.30.1 on histories that a
// history scan can get wrong: a leak added only by a merge commit, a force push, a fork's pull
// request under pull_request_target, a partial clone that cannot read old files.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { evilMergeHistory, forcePushedBranchHistory, forcePushHistory, forkPullRequestTargetHistory, partialCloneHistory, type History } from '../helpers/git-histories.js'
import { buildRelease, startMirror, type Mirror } from '../helpers/release-mirror.js'
import { runAction, visibleText, type ActionRun } from '../helpers/run-action.js'

const VERSION = '8.30.1'
let mirror: Mirror
let toolCache: string

beforeAll(async () => {
  mirror = await startMirror([buildRelease('gitleaks', VERSION)])
  toolCache = mkdtempSync(join(tmpdir(), 'sgw-toolcache-'))
}, 120_000)

afterAll(async () => mirror?.close())

function scan(history: History, eventName = history.eventName): Promise<ActionRun> {
  return runAction('gitleaks', { cwd: history.checkout, eventName, event: history.event, inputs: { 'download-url': mirror.url }, env: { RUNNER_TOOL_CACHE: toolCache } })
}

function findingsOf(run: ActionRun): string[] {
  const report = JSON.parse(readFileSync(run.outputs.report, 'utf8')) as { RuleID: string; File: string; StartLine: number; Commit: string }[]
  return report.map((f) => `${f.RuleID} ${f.File}:${f.StartLine} ${f.Commit.slice(0, 12)}`).sort()
}

function expectNoSecrets(run: ActionRun, history: History): void {
  const written = [run.outputs.report, run.outputs.sarif, run.outputs['summary-json']].filter(Boolean).map((f) => readFileSync(f, 'utf8'))
  const everything = [visibleText(run), ...written].join('\n')
  for (const s of history.secrets) expect(everything.includes(s) ? s : 'absent').toBe('absent')
}

const short = (sha: string) => sha.slice(0, 12)

describe('gitleaks history scans (dist, Node 24, real gitleaks and git)', () => {
  it('a pull request whose leak comes only from a merge commit\'s resolution fails', async () => {
    const h = evilMergeHistory()
    const run = await scan(h)
    expect(run.stdout).toContain(`gitleaks git: scanning the commits of pull request #13 (${short(h.commits.base)}..${short(h.commits.merge)}).`)
    expect(run.stdout).toMatch(/--log-opts --diff-merges=first-parent [0-9a-f]{40}\.\.[0-9a-f]{40}/)
    expect(findingsOf(run)).toEqual([`github-pat config/app.env:2 ${short(h.commits.merge)}`])
    expect(run.outputs).toMatchObject({ result: 'fail', critical: '1', total: '1' })
    expect(run.exitCode).toBe(1)
    expectNoSecrets(run, h)
  })

  it('the whole-history scan (workflow_dispatch) sees the merge commit\'s leak too', async () => {
    const h = evilMergeHistory()
    const run = await scan(h, 'workflow_dispatch')
    expect(run.stdout).toContain('gitleaks git: scanning the whole history.')
    expect(findingsOf(run)).toEqual([`github-pat config/app.env:2 ${short(h.commits.merge)}`])
    expect(run.outputs).toMatchObject({ result: 'fail', total: '1' })
  })

  it('a force push with a token: scans the pushed commit the event lists, says so, and fails', async () => {
    const h = forcePushHistory('token')
    const run = await scan(h)
    expect(run.stdout).toContain(`gitleaks git: the push was forced, so \`before\` (${short(h.commits.before)}) is not where the new commits start; scanning each pushed commit's own changes instead.`)
    expect(run.stdout).toContain(`gitleaks git: scanning the commit the push event lists (${short(h.commits.after)}).`)
    expect(run.stdout).not.toContain('fetch-depth')
    expect(findingsOf(run)).toEqual([`github-pat config.py:1 ${short(h.commits.after)}`])
    expect(run.outputs).toMatchObject({ result: 'fail', critical: '1', total: '1' })
    expect(run.exitCode).toBe(1)
    expectNoSecrets(run, h)
  })

  it('a clean force push passes', async () => {
    const h = forcePushHistory('clean')
    const run = await scan(h)
    expect(run.stdout).toContain(`gitleaks git: scanning the commit the push event lists (${short(h.commits.after)}).`)
    expect(findingsOf(run)).toEqual([])
    expect(run.outputs).toMatchObject({ result: 'pass', total: '0' })
    expect(run.exitCode).toBe(0)
  })

  it('a force-pushed branch whose event lists no commits: what it has that main has not, not main\'s own leak', async () => {
    const h = forcePushedBranchHistory()
    const run = await scan(h)
    expect(run.stdout).toContain('gitleaks git: the push was forced, so `before`')
    expect(run.stdout).toContain('and the event lists no commits; scanning what the branch has that refs/remotes/origin/main has not.')
    expect(run.stdout).toContain(`gitleaks git: scanning the commits of feature (${short(h.commits.after)}) that the default branch main does not have.`)
    expect(findingsOf(run)).toEqual([`github-pat deploy/settings.env:1 ${short(h.commits.after)}`])
    expect(run.outputs).toMatchObject({ result: 'fail', total: '1' })
    expectNoSecrets(run, h)
  })

  it('pull_request_target from a fork: says the fork\'s head is not in the checkout, not fetch-depth', async () => {
    const h = forkPullRequestTargetHistory()
    const run = await scan(h)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message)
    expect(errors).toEqual([
      `gitleaks: the fork's head commit ${short(h.commits.head)} of pull request #21 is not in the checkout: under pull_request_target the checkout is the base repository, which does not hold the fork's commits. ` +
        "Fetch the pull request head (e.g. `git fetch origin refs/pull/21/head`) only if you accept running on untrusted code in a workflow that holds the base repository's secrets and write token; otherwise scan pull requests in a `pull_request` workflow."
    ])
    expect(run.stdout).not.toContain('fetch-depth')
  })

  it('git cannot read part of the range (a blob-less partial clone without credentials): fails, never a pass', async () => {
    const h = partialCloneHistory()
    const run = await scan(h)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.stdout).toMatch(/::error::gitleaks could not read the git history, so its report may miss commits and nothing was gated:/)
    expect(run.outputs.total).toBeUndefined()
    expectNoSecrets(run, h)
  })
})
