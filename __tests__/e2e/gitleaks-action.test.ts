// actions/gitleaks from dist/ under Node 24 with the real gitleaks 8.30.1, installed through the
// action's own download-and-verify path from a loopback release mirror.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildRelease, startMirror, type Mirror } from '../helpers/release-mirror.js'
import { runAction, visibleText, type ActionRun } from '../helpers/run-action.js'
import { REPO_ROOT, TOOLS_BIN } from '../helpers/tools.js'

const VERSION = '8.30.1'
let mirror: Mirror
let repo: string
let commits: string[]
let toolCache: string
const secrets: string[] = []

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t.test' } }).trim()
}

beforeAll(async () => {
  mirror = await startMirror([buildRelease('gitleaks', VERSION)])
  toolCache = mkdtempSync(join(tmpdir(), 'sgw-toolcache-'))
  repo = join(mkdtempSync(join(tmpdir(), 'sgw-gl-')), 'repo')
  const manifest = JSON.parse(execFileSync('bash', [join(REPO_ROOT, 'scripts', 'plant-secrets.sh'), repo], { encoding: 'utf8' }))
  commits = [...manifest.commits]
  // c3: a harmless change; c4: a new token (assembled here, never stored whole); c5: harmless.
  writeFileSync(join(repo, 'CHANGELOG.md'), '# changes\n')
  git(repo, 'add', '.')
  git(repo, 'commit', '-qm', 'c3')
  commits.push(git(repo, 'rev-parse', 'HEAD'))
  const token = 'gh' + 'p_' + 'Zq7Lm2Xv9Rt4Kp8Wn3Bc6Yd1Hf5Js0Ga' + 'Qe2U'
  mkdirSync(join(repo, 'config'))
  writeFileSync(join(repo, 'config', 'ci.env'), `GITHUB_TOKEN=${token}\n`)
  git(repo, 'add', '.')
  git(repo, 'commit', '-qm', 'c4')
  commits.push(git(repo, 'rev-parse', 'HEAD'))
  // Every secret value in the history, to prove none leaks.
  secrets.push(token)
  for (const line of git(repo, 'show', `${commits[0]}:.env`).split('\n')) if (line.includes('=')) secrets.push(line.slice(line.indexOf('=') + 1))
  for (const line of git(repo, 'show', `${commits[0]}:deploy/id_rsa`).split('\n')) if (line.length > 40) secrets.push(line)
  secrets.push(...git(repo, 'show', `${commits[0]}:scripts/release.sh`).match(/gh[p]_[A-Za-z0-9]{36}/g)!)
  expect(secrets.filter((s) => s.length >= 20).length).toBeGreaterThanOrEqual(5)
}, 120_000)

afterAll(async () => mirror.close())

function gitleaks(inputs: Record<string, string>, eventName = 'workflow_dispatch', event: unknown = {}, extra: Record<string, string> = {}): Promise<ActionRun> {
  return runAction('gitleaks', {
    cwd: repo,
    eventName,
    event,
    inputs: { 'download-url': mirror.url, ...inputs },
    env: { RUNNER_TOOL_CACHE: toolCache, ...extra }
  })
}

function findingsOf(run: ActionRun): string[] {
  const report = JSON.parse(readFileSync(run.outputs.report, 'utf8')) as { RuleID: string; File: string; StartLine: number }[]
  return report.map((f) => `${f.RuleID} ${f.File}:${f.StartLine}`).sort()
}

function expectNoSecrets(run: ActionRun): void {
  const written = [run.outputs.report, run.outputs.sarif, run.outputs['summary-json']].filter(Boolean).map((f) => readFileSync(f, 'utf8'))
  const everything = [visibleText(run), ...written].join('\n')
  for (const s of secrets) expect(everything.includes(s) ? s : 'absent').toBe('absent')
}

describe('gitleaks action (dist, Node 24, real gitleaks)', () => {
  it('downloads from the mirror, verifies, caches, and scans the whole history on workflow_dispatch', async () => {
    const run = await gitleaks({})
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`sha256 verified`)
    expect(mirror.requests).toEqual([`/v${VERSION}/gitleaks_${VERSION}_linux_x64.tar.gz`, `/v${VERSION}/gitleaks_${VERSION}_checksums.txt`])
    expect(run.outputs).toMatchObject({ result: 'fail', critical: '6', high: '0', total: '6', version: VERSION })
    expect(findingsOf(run)).toEqual(['aws-access-token .env:2', 'generic-api-key .env:3', 'github-pat config/ci.env:1', 'github-pat scripts/release.sh:3', 'private-key deploy/id_rsa:1', 'slack-webhook-url .env:4'])
    expect(run.summary.split('\n')[0]).toBe('## ❌ Gitleaks gate failed: `fail`')
    expect(run.summary).toContain(`Scanned with gitleaks ${VERSION}.`)
    const sarif = JSON.parse(readFileSync(run.outputs.sarif, 'utf8'))
    expect(sarif.runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)).toEqual(['gitleaks/'])
    expect(sarif.runs[0].results).toHaveLength(6)
    expectNoSecrets(run)
    expect(existsSync(join(toolCache, 'gitleaks', VERSION, 'x64', 'gitleaks'))).toBe(true)
  })

  it('a second run in the same job is a tool-cache hit', async () => {
    const before = mirror.requests.length
    const run = await gitleaks({})
    expect(run.stdout).toContain(`gitleaks ${VERSION}: tool cache hit`)
    expect(mirror.requests.length).toBe(before)
    expect(run.outputs.total).toBe('6')
  })

  it('on a pull request scans only its commits', async () => {
    const event = { pull_request: { number: 12, base: { sha: commits[1] }, head: { sha: commits[3] } } }
    const run = await gitleaks({}, 'pull_request', event)
    expect(run.stdout).toContain('scanning the commits of pull request #12')
    expect(findingsOf(run)).toEqual(['github-pat config/ci.env:1'])
    expect(run.outputs).toMatchObject({ result: 'fail', critical: '1' })
    expectNoSecrets(run)
  })

  it('on a push scans the pushed range: a clean push passes', async () => {
    const run = await gitleaks({}, 'push', { before: commits[1], after: commits[2], commits: [{ id: commits[2] }] })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'pass', total: '0' })
    expect(findingsOf(run)).toEqual([])
  })

  it('on merge_group scans base..head', async () => {
    const run = await gitleaks({}, 'merge_group', { merge_group: { base_sha: commits[2], head_sha: commits[3] } })
    expect(findingsOf(run)).toEqual(['github-pat config/ci.env:1'])
  })

  it('a shallow clone that lacks the range fails and says to set fetch-depth: 0', async () => {
    const shallow = join(mkdtempSync(join(tmpdir(), 'sgw-shallow-')), 'repo')
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow])
    const run = await runAction('gitleaks', {
      cwd: shallow,
      eventName: 'pull_request',
      event: { pull_request: { number: 3, base: { sha: commits[1] }, head: { sha: commits[3] } } },
      inputs: { 'download-url': mirror.url },
      env: { RUNNER_TOOL_CACHE: toolCache }
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.stdout).toMatch(/::error::gitleaks: commit [0-9a-f]{12} \(the commits of pull request #3 .*\) is not in the checkout, which is a shallow clone\. Set `fetch-depth: 0` on actions\/checkout/)
  })

  it('dir mode scans the files as they are', async () => {
    const run = await gitleaks({ mode: 'dir' })
    expect(findingsOf(run)).toEqual(['aws-access-token .env:2', 'generic-api-key .env:3', 'github-pat config/ci.env:1', 'github-pat scripts/release.sh:3', 'slack-webhook-url .env:4'])
    expectNoSecrets(run)
  })

  it('honours .gitleaksignore fingerprints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sgw-glignore-'))
    const fingerprint = `${commits[3]}:config/ci.env:github-pat:1`
    writeFileSync(join(dir, '.gitleaksignore'), `${fingerprint}\n`)
    const run = await gitleaks({ 'gitleaks-ignore-path': join(dir, '.gitleaksignore') }, 'pull_request', { pull_request: { number: 12, base: { sha: commits[1] }, head: { sha: commits[3] } } })
    expect(run.outputs).toMatchObject({ result: 'pass', total: '0' })
  })

  it('gitleaks-baseline: leaks in an earlier gitleaks report are not reported again', async () => {
    const first = await gitleaks({})
    const base = join(mkdtempSync(join(tmpdir(), 'sgw-glbase-')), 'baseline.json')
    writeFileSync(base, readFileSync(first.outputs.report))
    const run = await gitleaks({ 'gitleaks-baseline': base })
    expect(run.outputs).toMatchObject({ result: 'pass', total: '0' })
  })

  it('install: never uses gitleaks from PATH', async () => {
    const run = await gitleaks({ install: 'never', 'download-url': '' }, 'workflow_dispatch', {}, { PATH: `${TOOLS_BIN}:${process.env.PATH}` })
    expect(run.outputs).toMatchObject({ version: VERSION, total: '6' })
  })

  it('a scanner failure fails the step with its stderr, never zero findings', async () => {
    const run = await gitleaks({ args: '--max-target-megabytes not-a-number' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.outputs.total).toBeUndefined()
    expect(run.stdout).toMatch(/::error::gitleaks failed \(exit code \d+\); its report cannot be trusted, so nothing was gated:/)
  })

  it('args may not turn off redaction or move the report', async () => {
    const run = await gitleaks({ args: '--redact=0' })
    expect(run.stdout).toMatch(/::error::Input "args" may not set --redact/)
  })

  it('a checksum that does not match fails and installs nothing', async () => {
    const emptyCache = mkdtempSync(join(tmpdir(), 'sgw-toolcache-'))
    mirror.tamper = true
    try {
      const run = await runAction('gitleaks', { cwd: repo, inputs: { 'download-url': mirror.url }, env: { RUNNER_TOOL_CACHE: emptyCache } })
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(new RegExp(`::error::gitleaks ${VERSION.replace(/\./g, '\\.')}: sha256 of gitleaks_${VERSION.replace(/\./g, '\\.')}_linux_x64\\.tar\\.gz is [0-9a-f]{64}, expected [0-9a-f]{64}; the download is corrupt or was tampered with\\. Nothing was installed\\.`))
      expect(readdirSync(emptyCache)).toEqual([])
    } finally {
      mirror.tamper = false
    }
  })
})
