// The reusable workflows run end to end by nektos/act in host mode (see helpers/act.ts): real jobs,
// real `needs`, real artifacts between jobs (through a stand-in), our actions from dist/ under
// Node 24, the real scanners. security-gates.yml must fail on examples/insecure-app with the
// counts the actions give when run one by one, and pass on examples/clean-app.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { actRepo, jobOutputs, runAct } from '../helpers/act.js'
import { runAction } from '../helpers/run-action.js'
import { REPO_ROOT } from '../helpers/tools.js'
import { base64File, freshNamespace, startCluster, type TestCluster } from '../helpers/cluster.js'
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-api.js'
import { serveTrivyTestDb, type OciRegistry } from '../helpers/oci-registry.js'
import { withGitHubApi } from '../helpers/github-api.js'
import { gitStore } from '../helpers/github-git-store.js'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'

const callerTemplate = (extra = '') => `name: caller
on: push
jobs:
  security:
    uses: ./.github/workflows/security-gates.yml
    with:
      path: app
      install: never # the scanners built by scripts/install-test-tools.sh, on PATH
      gitleaks-mode: dir
      trivy-db-repository: \${DB_REPOSITORY} # the test vulnerability DB on a loopback OCI registry
      comment-on-pr: false
${extra}
  report:
    needs: security
    if: always()
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions: {}
    steps:
      - env:
          RESULT: \${{ needs.security.outputs.result }}
          CRITICAL: \${{ needs.security.outputs.critical }}
          HIGH: \${{ needs.security.outputs.high }}
          MEDIUM: \${{ needs.security.outputs.medium }}
          LOW: \${{ needs.security.outputs.low }}
        run: echo "workflow outputs result=$RESULT critical=$CRITICAL high=$HIGH medium=$MEDIUM low=$LOW"
`

// trivy's vulnerability DB: the test DB (built by scripts/build-trivy-test-db.sh with trivy-db's
// own Go package) served by a loopback OCI registry, the way mirror.gcr.io serves the real one.
let registry: OciRegistry
let dbRepository: string
beforeAll(async () => {
  ;({ server: registry, repository: dbRepository } = await serveTrivyTestDb())
}, 180_000)
afterAll(async () => registry?.close())

const caller = (extra = '') => callerTemplate(extra).replace('${DB_REPOSITORY}', dbRepository)

/** The `key=value` pairs of the line a caller's report job echoed as `<label> key=value ...`. */
function echoedOutputs(log: string, label: string): Record<string, string> {
  const m = new RegExp(`\\| ${label} ((?:[\\w-]+=\\S* ?)+)$`, 'm').exec(log)
  if (!m) throw new Error(`no "${label}" line in act's log:\n${log.slice(-3000)}`)
  return Object.fromEntries(m[1].trim().split(' ').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]))
}
const workflowOutputs = (log: string) => echoedOutputs(log, 'workflow outputs')

/** The same scan, one action at a time through dist/ (as a workflow without the reusable one would). */
async function directCounts(project: string): Promise<Record<string, string>> {
  const env = { PATH: `${join(REPO_ROOT, '.tools', 'bin')}:${process.env.PATH}` }
  const collect = { 'max-critical': 'none', 'max-high': 'none', 'max-medium': 'none', 'max-low': 'none', 'max-unknown': 'none', 'approval-severities': 'none', install: 'never', path: project }
  const reports: string[] = []
  for (const [name, inputs] of [['gitleaks', { mode: 'dir' }], ['checkov', {}], ['trivy', { 'scan-type': 'fs', scanners: 'vuln,misconfig,secret', 'db-repository': dbRepository, 'cache-db': 'false' }]] as const) {
    const run = await runAction(name, { inputs: { ...collect, ...inputs }, env, timeoutMs: 240_000 })
    expect([name, run.exitCode, run.stdout.includes('::error::')]).toEqual([name, 0, false])
    reports.push(run.outputs.report)
  }
  const gate = await runAction('severity-gate', { inputs: { reports: reports.join('\n'), 'sarif-output': '', 'json-output': '' }, env })
  const o = gate.outputs
  return { result: o.result, critical: o.critical, high: o.high, medium: o.medium, low: o.low }
}

describe('security-gates.yml under act (host mode)', () => {
  it('fails on examples/insecure-app with the counts of the actions run one by one; SARIF uploaded per tool', async () => {
    const repo = actRepo('examples/insecure-app', caller())
    const run = await runAct(repo)
    expect(run.exitCode).not.toBe(0)
    expect(run.log).toMatch(/\[security\/security-gates\/gitleaks\s*\] 🏁 {2}Job succeeded/)
    expect(run.log).toMatch(/\[security\/security-gates\/checkov\s*\] 🏁 {2}Job succeeded/)
    expect(run.log).toMatch(/\[security\/security-gates\/trivy\s*\] 🏁 {2}Job succeeded/)
    expect(run.log).toMatch(/\[security\/security-gates\/gate\s*\] 🏁 {2}Job failed/)
    // act ends the run at the failed job, so the caller's `report` job never runs: the gate job's
    // own outputs (which the workflow's outputs map one to one) are read from act's log instead.
    const gate = jobOutputs(run.log, 'gate')
    const outputs = { result: gate.result, critical: gate.critical, high: gate.high, medium: gate.medium, low: gate.low }
    expect(outputs).toEqual(await directCounts('examples/insecure-app'))
    expect(outputs.result).toBe('fail')
    expect(Number(outputs.critical)).toBeGreaterThan(0)
    // trivy's vulnerabilities from the served DB are in (misconfigurations alone give one critical).
    expect(run.log).toMatch(/\[security\/security-gates\/trivy\s*\].*Artifact successfully downloaded/)
    expect(run.log).toMatch(/::error::Security gate: fail \(critical \d+, high \d+, medium \d+, low \d+\): \d+ critical > 0/)
    expect(run.sarifUploads).toEqual(['checkov checkov.sarif', 'gitleaks gitleaks.sarif', 'trivy trivy.sarif'])
    // A fail never reaches the approval environment.
    expect(run.log).not.toMatch(/\[security\/security-gates\/approval/)
  }, 600_000)

  it('passes on examples/clean-app, and a switched-off scanner is skipped, not failed', async () => {
    const repo = actRepo('examples/clean-app', caller().replace('      comment-on-pr: false\n', '      comment-on-pr: false\n      checkov: false\n'))
    const run = await runAct(repo)
    expect(run.exitCode).toBe(0)
    const outputs = workflowOutputs(run.log)
    expect(outputs.result).toBe('pass')
    expect(run.log).not.toMatch(/\[security\/security-gates\/checkov/)
    expect(run.sarifUploads).toEqual(['gitleaks gitleaks.sarif', 'trivy trivy.sarif'])
  }, 600_000)
})

describe('deploy.yml under act (host mode) against the local control plane', () => {
  let cluster: TestCluster
  let slack: SlackStandIn
  let namespace: string

  beforeAll(async () => {
    cluster = startCluster()
    namespace = freshNamespace(cluster, 'act')
    slack = await startSlackStandIn()
  })
  afterAll(async () => {
    await slack?.close()
  })

  const deployCaller = (image: string) => `name: caller
on: push
jobs:
  deploy:
    uses: ./.github/workflows/deploy.yml
    with:
      environment: dev
      images: web=${image}
      manifests: app/
      namespace: ${namespace}
      service: web
      slack-channel: "#deploys"
      slack-api-url: ${slack.apiUrl}
    secrets:
      KUBECONFIG: \${{ secrets.KUBECONFIG }}
      SLACK_BOT_TOKEN: \${{ secrets.SLACK_BOT_TOKEN }}
`
  const image = () => cluster.json<{ spec: { template: { spec: { containers: { image: string }[] } } } }>(['get', 'deployment', 'web', '-n', namespace]).spec.template.spec.containers[0].image

  async function deploy(tag: string) {
    const repo = actRepo('examples/web-deploy', deployCaller(`ghcr.io/acme/web:${tag}`))
    slack.requests.length = 0
    return runAct(repo, { secrets: { KUBECONFIG: base64File(cluster.kubeconfig), SLACK_BOT_TOKEN: slack.token } })
  }

  it('deploys, with the Slack start message updated in place with the result', async () => {
    const run = await deploy('1.1.0')
    expect(run.exitCode).toBe(0)
    expect(jobOutputs(run.log, 'deploy').result).toBe('deployed')
    expect(image()).toBe('ghcr.io/acme/web:1.1.0')
    expect(slack.requests.map((r) => r.path)).toEqual(['/api/chat.postMessage', '/api/chat.update'])
    const ts = String(slack.requests[1].body!.ts)
    expect(slack.messages.get(ts)!.text).toBe(':white_check_mark: Deployed web 1.1.0 to dev')
    expect(slack.messages.get(ts)!.edits).toBe(1)
    expect(run.log).not.toContain(slack.token)
  }, 600_000)

  it('rolls a crash-looping image back to the last good one; the job fails and Slack says so', async () => {
    const run = await deploy('crashloop')
    expect(run.exitCode).not.toBe(0)
    expect(jobOutputs(run.log, 'deploy').result).toBe('rolled-back')
    expect(image()).toBe('ghcr.io/acme/web:1.1.0')
    const ts = String(slack.requests[1].body!.ts)
    expect(slack.messages.get(ts)!.text).toBe(':leftwards_arrow_with_hook: web crashloop failed in dev and was rolled back')
  }, 600_000)
})

describe('release.yml under act (host mode) against the GitHub API stand-in', () => {
  // The stand-in answers only a request carrying this token, and checks every request and answer
  // against GitHub's OpenAPI description.
  const TOKEN = 'ghs_' + 'actReleaseToken0123456789abcdefABCDEF'
  const releaseCaller = `name: caller
on: push
jobs:
  release:
    uses: ./.github/workflows/release.yml
    permissions:
      contents: write
    with:
      images: ghcr.io/acme/web
  report:
    needs: release
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions: {}
    steps:
      - env:
          VERSION: \${{ needs.release.outputs.version }}
          TAG: \${{ needs.release.outputs.tag }}
          PRERELEASE: \${{ needs.release.outputs.prerelease }}
          URL: \${{ needs.release.outputs.release-url }}
        run: echo "release outputs version=$VERSION tag=$TAG prerelease=$PRERELEASE url=$URL"
`
  /** A repository released as v1.2.0, then a feature and a fix, on `branch`, with a GitHub origin. */
  function releasedRepo(branch: string): { dir: string; root: string; head: string } {
    const repo = actRepo('examples/clean-app', releaseCaller)
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', ...args], { cwd: repo.dir, encoding: 'utf8' }).trim()
    git('tag', '-a', 'v1.2.0', '-m', 'v1.2.0')
    git('remote', 'add', 'origin', 'https://github.com/acme/web.git')
    if (branch !== 'main') git('checkout', '-q', '-b', branch)
    writeFileSync(join(repo.dir, 'app', 'search.txt'), 'search\n')
    git('add', '-A')
    git('commit', '-qm', 'feat: search across projects')
    writeFileSync(join(repo.dir, 'app', 'search.txt'), 'search, fixed\n')
    git('commit', '-qam', 'fix(search): empty queries')
    return { ...repo, head: git('rev-parse', 'HEAD') }
  }
  const releaseOutputs = (log: string) => echoedOutputs(log, 'release outputs')

  it('on main: tags v1.3.0, moves v1, creates the release; a re-run changes nothing', async () => {
    const store = gitStore({ owner: 'acme', repo: 'web' })
    await withGitHubApi(store.handlers, TOKEN, async (api) => {
      const repo = releasedRepo('main')
      const options = { env: { GITHUB_API_URL: api.url }, secrets: { GITHUB_TOKEN: TOKEN } }
      const run = await runAct(repo, options)
      expect(run.exitCode).toBe(0)
      expect(releaseOutputs(run.log)).toEqual({ version: '1.3.0', tag: 'v1.3.0', prerelease: 'false', url: 'https://github.com/acme/web/releases/tag/v1.3.0' })
      const tagRef = store.refs.get('refs/tags/v1.3.0')
      expect(tagRef?.type).toBe('tag')
      expect(store.tagObjects.get(tagRef!.sha)).toMatchObject({ tag: 'v1.3.0', object: repo.head })
      expect(store.refs.get('refs/tags/v1')).toEqual({ sha: repo.head, type: 'commit' })
      expect(store.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])
      expect(store.releases[0].body).toMatch(/### Features[\s\S]*search across projects[\s\S]*### Bug fixes[\s\S]*empty queries/)
      const plan = JSON.parse(jobOutputs(run.log, 'release').json) as { tags: string[]; sha: string; distance: number }
      expect(plan).toMatchObject({ sha: repo.head, distance: 2 })
      expect(plan.tags).toEqual(['latest', '1.3.0', '1.3', '1', 'main', `sha-${repo.head.slice(0, 7)}`].map((t) => `ghcr.io/acme/web:${t}`))
      expect(api.violations).toEqual([])
      expect(run.log).not.toContain(TOKEN)

      const before = api.requests.length
      const again = await runAct(repo, options)
      expect(again.exitCode).toBe(0)
      expect(releaseOutputs(again.log).version).toBe('1.3.0')
      expect(store.releases).toHaveLength(1)
      expect(api.requests.slice(before).map((r) => r.operationId)).not.toContain('git/create-tag')
      expect(api.violations).toEqual([])
    })
  }, 600_000)

  it('off a release branch: a prerelease version, and nothing is created', async () => {
    const store = gitStore({ owner: 'acme', repo: 'web' })
    await withGitHubApi(store.handlers, TOKEN, async (api) => {
      const repo = releasedRepo('develop')
      const run = await runAct(repo, { env: { GITHUB_API_URL: api.url }, secrets: { GITHUB_TOKEN: TOKEN } })
      expect(run.exitCode).toBe(0)
      expect(releaseOutputs(run.log)).toEqual({ version: '1.3.0-develop.2', tag: 'v1.3.0-develop.2', prerelease: 'true', url: '' })
      expect(api.requests).toEqual([])
      expect(store.refs.size).toBe(0)
    })
  }, 600_000)
})
