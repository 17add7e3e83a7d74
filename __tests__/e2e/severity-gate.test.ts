// actions/severity-gate, run from dist/ under Node 24 as the runner does.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { maskedValues, runAction, visibleText } from '../helpers/run-action.js'
import { fixture } from '../helpers/tools.js'
import { issueCommentStore, startGitHubApi, type GitHubApi } from '../helpers/github-api.js'

const vulns = fixture('reports', 'trivy-fs-vulns.json')
const all = fixture('reports', 'trivy-fs-all.json')

function workdir(): string {
  return mkdtempSync(join(tmpdir(), 'sgw-gate-e2e-'))
}

describe('severity-gate action (dist, Node 24)', () => {
  it('fails on the insecure example, sets every output, writes the summary, SARIF and JSON', async () => {
    const cwd = workdir()
    const run = await runAction('severity-gate', { cwd, inputs: { reports: all } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'fail', critical: '3', high: '18', medium: '17', low: '19', info: '0', unknown: '0', total: '57', new: '57', sarif: 'security-gate.sarif', 'summary-json': 'security-summary.json' })
    // Verdict first, then the table, breaches, findings and next steps.
    expect(run.summary.split('\n')[0]).toBe('## ❌ Security gate failed: `fail`')
    expect(run.summary).toContain('| critical | 3 | **3** | 0 | ❌ over |')
    expect(run.summary).toContain('- **critical**: 3 found, at most 0 allowed')
    expect(run.summary).toMatch(/\| critical \| trivy \| \[CVE-2021-44906\]\(.+\) \| Prototype Pollution in minimist \| minimist@1\.2\.5 \(app\/package-lock\.json\) \| 1\.2\.6, 0\.2\.4 \|/)
    expect(run.summary).toContain('### What to do next')
    // Misconfigurations link to the file and line at the commit.
    expect(run.summary).toMatch(/\]\(https:\/\/github\.com\/acme\/web\/blob\/0123456789abcdef0123456789abcdef01234567\/terraform\/main\.tf#L\d+\)/)
    // Annotations: capped at 10, most severe first, on files.
    expect(run.annotations.filter((a) => a.props.file)).toHaveLength(10)
    expect(run.annotations[0]).toMatchObject({ level: 'error' })
    expect(run.stdout).toMatch(/::error::Security gate: fail \(critical 3, high 18, medium 17, low 19\): 3 critical > 0, 18 high > 5\. See the job summary\./)
    const json = JSON.parse(readFileSync(join(cwd, 'security-summary.json'), 'utf8'))
    expect(json).toMatchObject({ result: 'fail', total: 57, counts: { critical: 3, high: 18 }, thresholds: { critical: 0, high: 5, medium: 20, low: 50, unknown: null } })
    expect(json.findings).toHaveLength(57)
    const sarif = JSON.parse(readFileSync(join(cwd, 'security-gate.sarif'), 'utf8'))
    expect(sarif.runs).toHaveLength(1)
    expect(sarif.runs[0].automationDetails.id).toBe('trivy/')
    expect(sarif.runs[0].results).toHaveLength(57)
  })

  it('needs approval when highs are within the limit, and succeeds', async () => {
    const run = await runAction('severity-gate', { cwd: workdir(), inputs: { reports: vulns, 'max-critical': 'none', 'max-high': '10', 'max-medium': 'none', 'annotations': 'false' } })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('needs-approval')
    expect(run.summary.split('\n')[0]).toBe('## 🟡 Security gate passes with approval: `needs-approval`')
    expect(run.annotations).toEqual([])
  })

  it('passes when thresholds allow everything and approval is off', async () => {
    const run = await runAction('severity-gate', { cwd: workdir(), inputs: { reports: vulns, 'max-critical': 'none', 'max-high': 'none', 'approval-severities': 'none', 'sarif-output': '', 'json-output': '' } })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('pass')
    expect(run.outputs.sarif).toBeUndefined()
    expect(run.outputs['summary-json']).toBeUndefined()
  })

  it('expands globs and applies the default exceptions file, reporting expired entries', async () => {
    const cwd = workdir()
    mkdirSync(join(cwd, 'reports'))
    copyFileSync(vulns, join(cwd, 'reports', 'a.json'))
    writeFileSync(
      join(cwd, '.security-exceptions.yml'),
      ['exceptions:', '  - id: CVE-2021-44906', '    package: minimist', "    owner: '@acme/web'", '    reason: build-time only', '    expires: 2999-01-01', '  - id: CVE-2020-14343', "    owner: '@acme/web'", '    reason: old acceptance', '    expires: 2020-01-01', '  - id: CVE-1999-0001', "    owner: '@acme/web'", '    reason: a typo', '    expires: 2999-01-01', ''].join('\n')
    )
    const run = await runAction('severity-gate', { cwd, inputs: { reports: 'reports/*.json' } })
    expect(run.outputs.critical).toBe('1')
    // An exception that matches nothing is named: stale, or mistyped.
    expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'warning', message: 'Exception CVE-1999-0001 matched no finding: remove it, or check its id and scope.' }))
    expect(run.summary).toContain('### Exceptions (.security-exceptions.yml)')
    expect(run.summary).toContain('**expired 2020-01-01**')
    expect(run.summary).toMatch(/1 exception\(s\) expired and no longer suppress anything/)
  })

  it.each([
    ['a report that does not exist', { reports: 'missing.json' }, /missing\.json: report not found/],
    ['a glob that matches nothing', { reports: 'nothing/*.json' }, /No report file matches "nothing\/\*\.json"/],
    ['a bad threshold', { reports: 'x.json', 'max-high': 'lots' }, /Input "max-high" must be a whole number \(0 or more\), or "none" or -1 for no limit, got "lots"/],
    ['a bad boolean', { reports: 'x.json', 'new-only': 'yes' }, /Input "new-only" must be true or false/],
    ['an exceptions file without reasons', { reports: 'x.json', exceptions: 'exc.yml' }, /exc\.yml: exception 1 \(CVE-1\) needs a "reason"/]
  ])('%s fails closed with one clear line and no stack', async (_name, inputs, message) => {
    const cwd = workdir()
    writeFileSync(join(cwd, 'x.json'), '[]')
    writeFileSync(join(cwd, 'exc.yml'), '- id: CVE-1\n  expires: 2030-01-01\n')
    const run = await runAction('severity-gate', { cwd, inputs })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/)
  })

  describe('PR comment', () => {
    let api: GitHubApi
    const store = issueCommentStore()
    beforeAll(async () => {
      api = await startGitHubApi(store.handlers, 'ghs_test-token-value')
    })
    afterAll(async () => api.close())

    it('writes one comment and updates it in place on the next run, never leaking the token', async () => {
      const event = { pull_request: { number: 7, head: { sha: 'abc' }, base: { sha: 'def' } }, repository: { name: 'web', owner: { login: 'acme' } } }
      // The reports come from elsewhere and the folder is no checkout: nothing to review here
      // (suppression-review.test.ts covers the review).
      const inputs = { reports: vulns, 'comment-on-pr': 'true', 'github-token': 'ghs_test-token-value', 'max-critical': 'none', 'max-high': 'none', 'suppression-review': 'off' }
      const env = { GITHUB_API_URL: api.url }
      const first = await runAction('severity-gate', { cwd: workdir(), inputs, env, eventName: 'pull_request', event })
      const second = await runAction('severity-gate', { cwd: workdir(), inputs, env, eventName: 'pull_request', event })
      expect(first.stdout).toContain('PR comment created (#7')
      expect(second.stdout).toContain('PR comment updated (#7')
      expect(store.comments).toHaveLength(1)
      expect(store.comments[0].body).toMatch(/^<!-- sgw:security-gate:security -->\n## 🟡 Security gate/)
      expect(api.requests.map((r) => r.operationId)).toEqual(['issues/list-comments', 'issues/create-comment', 'issues/list-comments', 'issues/update-comment'])
      expect(api.violations).toEqual([])
      for (const run of [first, second]) {
        expect(maskedValues(run)).toContain('ghs_test-token-value')
        expect(visibleText(run)).not.toContain('ghs_test-token-value')
      }
    })

    it('two services gated in one run (comment-key) keep a section each in the one comment', async () => {
      const event = { pull_request: { number: 9, head: { sha: 'abc' }, base: { sha: 'def' } }, repository: { name: 'web', owner: { login: 'acme' } } }
      const env = { GITHUB_API_URL: api.url }
      const inputs = (key: string, reports: string) => ({ reports, 'comment-on-pr': 'true', 'github-token': 'ghs_test-token-value', 'max-critical': 'none', 'max-high': 'none', 'suppression-review': 'off', 'comment-key': key })
      await runAction('severity-gate', { cwd: workdir(), inputs: inputs('api', vulns), env, eventName: 'pull_request', event })
      await runAction('severity-gate', { cwd: workdir(), inputs: inputs('web', all), env, eventName: 'pull_request', event })
      const mine = store.comments.filter((c) => c.issue === 9)
      expect(mine).toHaveLength(1)
      expect(mine[0].body).toContain('<!-- sgw:security-gate:security/api -->')
      expect(mine[0].body).toContain('<!-- sgw:security-gate:security/web -->')
      expect(api.violations).toEqual([])
    })

    it('a comment that cannot be written is a warning, not a failure', async () => {
      const event = { pull_request: { number: 8 } }
      const run = await runAction('severity-gate', {
        cwd: workdir(),
        inputs: { reports: vulns, 'comment-on-pr': 'true', 'github-token': 'ghs_wrong', 'max-critical': 'none', 'max-high': 'none' },
        env: { GITHUB_API_URL: api.url },
        eventName: 'pull_request',
        event
      })
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toMatch(/::warning::Could not write the PR comment \(HTTP 401\)/)
    })
  })

  describe('approval environment (GitHub API stand-in checked against its OpenAPI description)', () => {
    const TOKEN = 'ghs_approval-check-token'
    const environment = (rules: unknown[]) => ({
      id: 161088068, node_id: 'EN_kwDOAbc', name: 'security-approval', url: 'https://api.github.com/repos/acme/web/environments/security-approval',
      html_url: 'https://github.com/acme/web/deployments/activity_log?environments_filter=security-approval', created_at: '2026-11-01T10:00:00Z', updated_at: '2026-11-01T10:00:00Z',
      protection_rules: rules
    })
    const reviewers = { id: 3755, node_id: 'GA_kwDOAbc', type: 'required_reviewers', prevent_self_review: true, reviewers: [{ type: 'Team', reviewer: { id: 1, node_id: 'T_1', name: 'security', slug: 'security', url: 'https://api.github.com/teams/1', html_url: 'https://github.com/orgs/acme/teams/security', description: null, privacy: 'closed', permission: 'pull', members_url: 'https://api.github.com/teams/1/members{/member}', repositories_url: 'https://api.github.com/teams/1/repos', parent: null, type: 'team' } }] }
    const gate = async (answer: { status: number; body?: unknown }) => {
      const api = await startGitHubApi({ 'repos/get-environment': () => answer }, TOKEN)
      try {
        const run = await runAction('severity-gate', {
          cwd: workdir(),
          inputs: { reports: vulns, 'max-critical': 'none', 'approval-environment': 'security-approval', 'github-token': TOKEN, 'suppression-review': 'off' },
          env: { GITHUB_API_URL: api.url }
        })
        expect(api.violations).toEqual([])
        expect(api.requests.map((r) => `${r.operationId} ${r.params.environment_name}`)).toEqual(['repos/get-environment security-approval'])
        return run
      } finally {
        await api.close()
      }
    }

    it('needs-approval waits in an environment that has required reviewers', async () => {
      const run = await gate({ status: 200, body: environment([reviewers]) })
      expect(run.exitCode).toBe(0)
      expect(run.outputs.result).toBe('needs-approval')
      expect(run.stdout).toContain('Approval environment "security-approval" has required reviewers')
    })

    it.each([
      ['missing (GitHub would create it without reviewers)', { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } }, /does not exist, so GitHub would create it without reviewers.*acme\/web > Settings > Environments > New environment "security-approval" > Required reviewers/],
      ['without required reviewers', { status: 200, body: environment([{ id: 1, node_id: 'GA_1', type: 'wait_timer', wait_timer: 5 }]) }, /has no required reviewers, so this needs-approval result would pass unreviewed/]
    ])('an environment %s fails the step with how to fix it', async (_n, answer, message) => {
      const run = await gate(answer)
      expect(run.exitCode).toBe(1)
      // Nobody can approve it, so the step fails and says fail.
      expect(run.outputs.result).toBe('fail')
      expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toEqual([expect.stringMatching(message)])
    })
  })
})
