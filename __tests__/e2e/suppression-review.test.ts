// A policy the pull request cannot change (issue 18): on real git repositories, the real scanners
// (trivy, checkov, gitleaks from .tools/bin) scan the pull request's head, and actions/severity-gate
// from dist/ under Node 24 judges their reports on the pull_request event. Every way the change
// can silence a scanner makes the verdict needs-approval, naming the suppression; the same
// suppression already on the base passes, listed; a removed exception counts again at once.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { runAction, type ActionRun } from '../helpers/run-action.js'
import { tool } from '../helpers/tools.js'

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.test', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.test' }

/** Terraform with one CRITICAL trivy finding (AWS-0104: egress to the internet) and one checkov
 * check this test silences (CKV_AWS_382, the same egress). */
const TERRAFORM = [
  'resource "aws_security_group" "web" {',
  '  name        = "web"',
  '  description = "web servers"',
  '  egress {',
  '    description = "all out"',
  '    from_port   = 0',
  '    to_port     = 0',
  '    protocol    = "-1"',
  '    cidr_blocks = ["0.0.0.0/0"]',
  '  }',
  '}',
  ''
].join('\n')

/** A fake GitHub token assembled at run time (never stored whole in this repository). */
const TOKEN = 'gh' + 'p_' + 'Rw4Tq8Zm1Xc6Vb3Nn7Lk2Jh5Gf9Ds0Ap' + 'Ye4I'

type Files = Record<string, string | null>

interface PullRequest {
  dir: string
  base: string
  head: string
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trim()
}

function write(dir: string, files: Files): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path)
    if (text === null) rmSync(full, { force: true })
    else {
      mkdirSync(dirname(full), { recursive: true })
      writeFileSync(full, text)
    }
  }
}

/** A repository whose main holds `base`, and a pull request branch that applies `change`. */
function pullRequest(base: Files, change: Files): PullRequest {
  const dir = mkdtempSync(join(tmpdir(), 'sgw-review-'))
  git(dir, 'init', '-q', '-b', 'main')
  write(dir, { 'README.md': '# app\n', ...base })
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'base')
  const baseSha = git(dir, 'rev-parse', 'HEAD')
  git(dir, 'checkout', '-qb', 'feature')
  write(dir, { 'CHANGELOG.md': '- a change\n', ...change })
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'the change')
  return { dir, base: baseSha, head: git(dir, 'rev-parse', 'HEAD') }
}

function scan(pr: PullRequest, scanner: 'trivy' | 'checkov' | 'gitleaks'): string {
  const out = join(mkdtempSync(join(tmpdir(), 'sgw-review-report-')), `${scanner}.json`)
  const opts = { cwd: pr.dir, stdio: 'pipe' as const, env: { ...process.env, BC_SKIP_MAPPING: 'TRUE', CKV_SKIP_PACKAGE_UPDATE_CHECK: 'true', TRIVY_CACHE_DIR: join(tmpdir(), 'sgw-review-trivy-cache') } }
  if (scanner === 'trivy') execFileSync(tool('trivy'), ['config', '--skip-check-update', '--skip-version-check', '--quiet', '--format', 'json', '--output', out, '.'], opts)
  if (scanner === 'gitleaks') execFileSync(tool('gitleaks'), ['dir', '.', '--redact', '--no-banner', '--log-level', 'error', '--exit-code', '0', '--report-format', 'json', '--report-path', out], opts)
  if (scanner === 'checkov') {
    const dir = dirname(out)
    execFileSync(tool('checkov'), ['-d', '.', '--framework', 'terraform', '--soft-fail', '-o', 'json', '--output-file-path', dir], opts)
    return join(dir, 'results_json.json')
  }
  return out
}

function gate(pr: PullRequest, report: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const event = { action: 'synchronize', number: 12, pull_request: { number: 12, base: { ref: 'main', sha: pr.base }, head: { ref: 'feature', sha: pr.head } } }
  return runAction('severity-gate', { cwd: pr.dir, eventName: 'pull_request', event, inputs: { reports: report, ...inputs } })
}

function gateJson(pr: PullRequest, report: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return gate(pr, report, { 'json-output': join(dirname(report), 'summary.json'), ...inputs })
}

const summaryOf = (_run: ActionRun, report: string) =>
  JSON.parse(readFileSync(join(dirname(report), 'summary.json'), 'utf8')) as {
    result: string
    counts: Record<string, number>
    suppressionChanges: { file: string; line?: number; tool: string; what: string }[]
    inlineSuppressions: Record<string, number>
    exceptions: { entries: { ruleId: string; owner: string }[] }
  }

const exceptionFor = (id: string, owner = '@acme/platform') => `- id: ${id}\n  owner: '${owner}'\n  reason: egress goes through the NAT allow-list\n  expires: 2099-12-31\n`

describe('suppressions a pull request grants itself need approval (real git, real scanners, severity-gate from dist)', () => {
  it('without any suppression the critical finding fails the gate', async () => {
    const pr = pullRequest({ 'infra/main.tf': TERRAFORM }, {})
    const run = await gate(pr, scan(pr, 'trivy'))
    expect(run.outputs).toMatchObject({ result: 'fail', critical: '1' })
  })

  it('a new entry in the exceptions file: needs-approval, the exception named', async () => {
    const pr = pullRequest({ 'infra/main.tf': TERRAFORM }, { '.security-exceptions.yml': exceptionFor('AWS-0104') })
    const report = scan(pr, 'trivy')
    const run = await gateJson(pr, report)
    expect(run.outputs).toMatchObject({ result: 'needs-approval', critical: '0' })
    expect(run.exitCode).toBe(0)
    expect(summaryOf(run, report).suppressionChanges).toEqual([
      { file: '.security-exceptions.yml', tool: 'gate', what: 'new exception for AWS-0104, owner @acme/platform, until 2099-12-31' }
    ])
    expect(run.summary).toContain('### Suppressions added by pull request #12')
    expect(run.summary).toContain('1 suppression(s) added by pull request #12 need a reviewer')
  })

  it('the same exception already on the base passes, and is listed with its owner', async () => {
    const pr = pullRequest({ 'infra/main.tf': TERRAFORM, '.security-exceptions.yml': exceptionFor('AWS-0104') }, {})
    const report = scan(pr, 'trivy')
    const run = await gateJson(pr, report)
    expect(run.outputs).toMatchObject({ result: 'pass', critical: '0' })
    expect(summaryOf(run, report).suppressionChanges).toEqual([])
    expect(run.summary).toMatch(/\| AWS-0104 \| all \| @acme\/platform \| egress goes through the NAT allow-list \| 2099-12-31 \| 1 \|/)
  })

  it('an exception the change removes counts again at once', async () => {
    const pr = pullRequest({ 'infra/main.tf': TERRAFORM, '.security-exceptions.yml': exceptionFor('AWS-0104') }, { '.security-exceptions.yml': null })
    const run = await gate(pr, scan(pr, 'trivy'))
    expect(run.outputs).toMatchObject({ result: 'fail', critical: '1' })
  })

  it('a new line in .trivyignore: trivy hides the finding, the gate still asks for approval', async () => {
    const pr = pullRequest({ 'infra/main.tf': TERRAFORM }, { '.trivyignore': '# accepted\nAVD-AWS-0104\n' })
    const report = scan(pr, 'trivy')
    const run = await gateJson(pr, report)
    expect(run.outputs).toMatchObject({ result: 'needs-approval', critical: '0' })
    expect(summaryOf(run, report).suppressionChanges).toEqual([{ file: '.trivyignore', line: 2, tool: 'trivy', what: "new line in trivy's .trivyignore: AVD-AWS-0104" }])
  })

  it('an inline #trivy:ignore comment added to the code', async () => {
    const pr = pullRequest({ 'infra/main.tf': TERRAFORM }, { 'infra/main.tf': `#trivy:ignore:AVD-AWS-0104\n${TERRAFORM}` })
    const report = scan(pr, 'trivy')
    const run = await gateJson(pr, report)
    expect(run.outputs).toMatchObject({ result: 'needs-approval', critical: '0' })
    expect(summaryOf(run, report).suppressionChanges).toEqual([{ file: 'infra/main.tf', line: 1, tool: 'trivy', what: 'new inline trivy suppression: trivy:ignore:AVD-AWS-0104' }])
  })

  it('an inline checkov skip comment added to the code; checkov reports the check as skipped', async () => {
    const skipped = TERRAFORM.replace('  name        = "web"', '  #checkov:skip=CKV_AWS_382:egress is filtered by the NAT\n  name        = "web"')
    const pr = pullRequest({ 'infra/main.tf': TERRAFORM }, { 'infra/main.tf': skipped })
    const report = scan(pr, 'checkov')
    const doc = JSON.parse(readFileSync(report, 'utf8'))
    expect(doc.results.skipped_checks.map((c: { check_id: string }) => c.check_id)).toContain('CKV_AWS_382')
    const run = await gateJson(pr, report, { 'max-high': 'none', 'max-medium': 'none', 'max-low': 'none', 'approval-severities': 'none' })
    expect(run.outputs.result).toBe('needs-approval')
    expect(summaryOf(run, report).suppressionChanges).toEqual([
      { file: 'infra/main.tf', line: 2, tool: 'checkov', what: 'new inline checkov suppression: checkov:skip=CKV_AWS_382' }
    ])
    expect(summaryOf(run, report).inlineSuppressions).toEqual({ checkov: 1 })
  })

  it('a skip-check added to .checkov.yml', async () => {
    const pr = pullRequest({ 'infra/main.tf': TERRAFORM }, { '.checkov.yml': 'skip-check:\n  - CKV_AWS_382\n' })
    const report = scan(pr, 'checkov')
    const run = await gateJson(pr, report, { 'max-high': 'none', 'max-medium': 'none', 'max-low': 'none', 'approval-severities': 'none' })
    expect(run.outputs.result).toBe('needs-approval')
    expect(summaryOf(run, report).suppressionChanges).toEqual([1, 2].map((line) => ({ file: '.checkov.yml', line, tool: 'checkov', what: "new line in checkov's .checkov.yml (content not shown: configuration can hold secrets)" })))
  })

  it('a gitleaks:allow comment on a new secret: gitleaks hides it, the gate asks for approval', async () => {
    const pr = pullRequest({}, { 'config/ci.env': `GITHUB_TOKEN=${TOKEN} # gitleaks:allow\n` })
    const report = scan(pr, 'gitleaks')
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual([])
    const run = await gateJson(pr, report)
    expect(run.outputs.result).toBe('needs-approval')
    const listed = summaryOf(run, report).suppressionChanges
    expect(listed).toEqual([{ file: 'config/ci.env', line: 1, tool: 'gitleaks', what: 'new inline gitleaks suppression: gitleaks:allow' }])
    // The summary names the line, never the secret: gitleaks redacts, and so must we.
    expect(JSON.stringify(listed)).not.toContain(TOKEN)
    expect(run.summary).not.toContain(TOKEN)
  })

  it('a new .gitleaksignore entry', async () => {
    const leaky = { 'config/ci.env': `GITHUB_TOKEN=${TOKEN}\n` }
    const pr = pullRequest(leaky, { '.gitleaksignore': 'config/ci.env:github-pat:1\n' })
    const report = scan(pr, 'gitleaks')
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual([])
    const run = await gateJson(pr, report)
    expect(run.outputs.result).toBe('needs-approval')
    expect(summaryOf(run, report).suppressionChanges).toEqual([{ file: '.gitleaksignore', line: 1, tool: 'gitleaks', what: "new line in gitleaks's .gitleaksignore: config/ci.env:github-pat:1" }])
  })

  it('a repository policy loosened by the change needs approval; with the organisation policy it is an error naming both files', async () => {
    const pr = pullRequest({ 'infra/main.tf': TERRAFORM, 'security-policy.yml': 'thresholds:\n  critical: 0\n' }, { 'security-policy.yml': 'thresholds:\n  critical: 3\n' })
    const report = scan(pr, 'trivy')
    const run = await gateJson(pr, report)
    expect(run.outputs).toMatchObject({ result: 'needs-approval', critical: '1' })
    expect(summaryOf(run, report).suppressionChanges).toEqual([{ file: 'security-policy.yml', tool: 'gate', what: 'loosened max-critical from 0 to 3' }])
    expect(run.summary).toContain('- `max-critical`: security-policy.yml')
    const withOrg = await gate(pr, report, { 'org-policy': 'shipped' })
    expect(withOrg.exitCode).toBe(1)
    expect(withOrg.outputs.result).toBe('fail')
    expect(withOrg.stdout).toContain(
      '::error::security-policy.yml sets max-critical to 3, looser than 0 in policy/org-security-policy.yml (organisation), which may only be tightened; use 0 or stricter or add max-critical to allow-loosening in policy/org-security-policy.yml (organisation).'
    )
  })

  it('the calling workflow raising max-critical is refused under the organisation policy', async () => {
    const pr = pullRequest({ 'infra/main.tf': TERRAFORM }, {})
    const run = await gate(pr, scan(pr, 'trivy'), { 'org-policy': 'shipped', 'max-critical': '5' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::the step inputs \(the calling workflow\) sets max-critical to 5, looser than 0 in policy\/org-security-policy\.yml/)
  })

  it('on a push the files are as committed: no review, the exception applies', async () => {
    const pr = pullRequest({ 'infra/main.tf': TERRAFORM }, { '.security-exceptions.yml': exceptionFor('AWS-0104') })
    const run = await runAction('severity-gate', { cwd: pr.dir, eventName: 'push', event: { before: pr.base, after: pr.head }, inputs: { reports: scan(pr, 'trivy') } })
    expect(run.outputs).toMatchObject({ result: 'pass', critical: '0' })
  })

  it('a shallow checkout without the base commit: one line saying to fetch it', async () => {
    const pr = pullRequest({ 'infra/main.tf': TERRAFORM }, {})
    const report = scan(pr, 'trivy')
    const shallow = mkdtempSync(join(tmpdir(), 'sgw-review-shallow-'))
    execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${pr.dir}`, shallow], { env: { ...process.env, ...GIT_ENV } })
    const run = await gate({ ...pr, dir: shallow }, report)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`::error::The base commit ${pr.base.slice(0, 12)} of pull request #12 is not in the checkout, so suppressions cannot be read as they are on the base branch. Set \`fetch-depth: 0\` on actions/checkout.`)
  })
})
