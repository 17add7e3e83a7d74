// pipeline.yml under act (host mode), end to end on real parts: the security gates with the real
// scanners, the release against the GitHub API stand-in, the image built by a real BuildKit,
// scanned by trivy and pushed by digest to the real node's registry, and deploys of that digest to
// dev, staging and production namespaces whose pods run on the real node (scripts/real-node.sh).
// Slack is the stand-in that keeps messages as a channel would show them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { actRepo, runAct, type ActRun } from '../helpers/act.js'
import { freshNamespace, startCluster, type TestCluster } from '../helpers/cluster.js'
import { pushSbomGenerator, startBuildkitd, startDockerEngine, startRegistry, type Buildkitd, type DockerEngine, type Registry } from '../helpers/container-engine.js'
import { withGitHubApi } from '../helpers/github-api.js'
import { gitStore } from '../helpers/github-git-store.js'
import { serveTrivyTestDb, type OciRegistry } from '../helpers/oci-registry.js'
import { get, startRealNode, type RealNode } from '../helpers/real-node.js'
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-api.js'
import { REPO_ROOT, tool } from '../helpers/tools.js'

const TOKEN = 'ghs_' + 'actPipelineToken0123456789abcdefABCDE'

let cluster: TestCluster
let node: RealNode
let engine: DockerEngine
let buildkitd: Buildkitd
let plainRegistry: Registry
let sbomGenerator: string
let dbServer: OciRegistry
let dbRepository: string
let slack: SlackStandIn
const ns: Record<'dev' | 'staging' | 'production', string> = { dev: '', staging: '', production: '' }
const kubeconfigs: Record<string, string> = {}
const serviceIp: Record<string, string> = {}

beforeAll(async () => {
  ;({ server: dbServer, repository: dbRepository } = await serveTrivyTestDb())
  cluster = startCluster()
  node = startRealNode(cluster)
  plainRegistry = await startRegistry({ auth: false })
  sbomGenerator = pushSbomGenerator(plainRegistry)
  ;[engine, buildkitd, slack] = await Promise.all([startDockerEngine(), startBuildkitd({ httpRegistries: [plainRegistry.host] }), startSlackStandIn()])
  // One namespace per environment, each with its own kubeconfig (context namespace set), as three
  // clusters would have; the registry's pull secret and the Service exist before the first deploy.
  const dir = mkdtempSync(join(tmpdir(), 'sgw-pipeline-kube-'))
  for (const env of ['dev', 'staging', 'production'] as const) {
    ns[env] = freshNamespace(cluster, `pl-${env}`)
    node.pullSecret(ns[env])
    const file = join(dir, `${env}.kubeconfig`)
    writeFileSync(file, readFileSync(cluster.kubeconfig))
    execFileSync(tool('kubectl'), ['--kubeconfig', file, 'config', 'set-context', '--current', `--namespace=${ns[env]}`], { stdio: 'ignore' })
    kubeconfigs[env] = readFileSync(file).toString('base64')
    cluster.kubectl(['apply', '-n', ns[env], '-f', join(REPO_ROOT, 'examples', 'web-deploy', 'service.yaml')])
    serviceIp[env] = cluster.json<{ spec: { clusterIP: string } }>(['get', 'service', 'web', '-n', ns[env]]).spec.clusterIP
  }
}, 600_000)

afterAll(async () => {
  await Promise.all([engine?.stop(), buildkitd?.stop(), slack?.close(), dbServer?.close(), plainRegistry?.stop()])
})

const caller = () => `name: caller
on: push
jobs:
  pipeline:
    uses: ./.github/workflows/pipeline.yml
    permissions: { contents: write, packages: write, actions: write, pull-requests: write, security-events: write }
    with:
      path: app
      image: ${node.registry}/acme/web
      context: app
      pre-build: app/build.sh "$VERSION"
      kustomize: deploy/web-real-node
      container: web
      install: never # the scanners built by scripts/install-test-tools.sh, on PATH
      trivy-db-repository: ${dbRepository}
      upload-sarif: false
      health-url-staging: http://${serviceIp.staging}/healthz
      health-url-production: http://${serviceIp.production}/healthz
      slack-channel: "#deploys"
      slack-api-url: ${slack.apiUrl}
    secrets:
      KUBECONFIG_DEV: \${{ secrets.KUBECONFIG_DEV }}
      KUBECONFIG_STAGING: \${{ secrets.KUBECONFIG_STAGING }}
      KUBECONFIG_PRODUCTION: \${{ secrets.KUBECONFIG_PRODUCTION }}
      SLACK_BOT_TOKEN: \${{ secrets.SLACK_BOT_TOKEN }}
      REGISTRY_USERNAME: \${{ secrets.REGISTRY_USERNAME }}
      REGISTRY_PASSWORD: \${{ secrets.REGISTRY_PASSWORD }}
`

/**
 * examples/web as app/, its manifests under deploy/, released as v1.2.0, then a feature, on
 * `branch`. push(): a push event for the commits since the last push (the harness's copy of this
 * suite, .sgw/, came with an earlier one, as it would never be in a caller's repository).
 */
function pipelineRepo(branch: string): { dir: string; root: string; git: (...args: string[]) => string; push(): string } {
  const repo = actRepo('examples/web', caller())
  cpSync(join(REPO_ROOT, 'examples', 'web-deploy'), join(repo.dir, 'deploy', 'web-deploy'), { recursive: true })
  cpSync(join(REPO_ROOT, 'examples', 'web-real-node'), join(repo.dir, 'deploy', 'web-real-node'), { recursive: true })
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', ...args], { cwd: repo.dir, encoding: 'utf8' }).trim()
  git('add', '-A')
  git('commit', '-qm', 'chore: deploy manifests')
  git('tag', '-a', 'v1.2.0', '-m', 'v1.2.0')
  git('remote', 'add', 'origin', 'https://github.com/acme/web.git')
  if (branch !== 'main') git('checkout', '-q', '-b', branch)
  writeFileSync(join(repo.dir, 'app', 'CHANGELOG.md'), '# web\n\n- search\n')
  git('add', '-A')
  git('commit', '-qm', 'feat: search across projects')
  let before = git('rev-parse', 'HEAD~1')
  const push = () => {
    const after = git('rev-parse', 'HEAD')
    const file = join(repo.root, `push-${after}.json`)
    const ref = `refs/heads/${git('rev-parse', '--abbrev-ref', 'HEAD')}`
    writeFileSync(file, JSON.stringify({ ref, before, after, forced: false, repository: { name: 'web', full_name: 'acme/web', default_branch: 'main' } }))
    before = after
    return file
  }
  return { ...repo, git, push }
}

const secrets = () => ({
  KUBECONFIG_DEV: kubeconfigs.dev,
  KUBECONFIG_STAGING: kubeconfigs.staging,
  KUBECONFIG_PRODUCTION: kubeconfigs.production,
  SLACK_BOT_TOKEN: slack.token,
  REGISTRY_USERNAME: node.user,
  REGISTRY_PASSWORD: node.password,
  GITHUB_TOKEN: TOKEN
})

function deployedImage(namespace: string): string | undefined {
  try {
    return cluster.json<{ spec: { template: { spec: { containers: { image: string }[] } } } }>(['get', 'deployment', 'web', '-n', namespace]).spec.template.spec.containers[0].image
  } catch {
    return undefined
  }
}

/** The Service's /version once it answers `expected` (kube-proxy catches up within seconds), else the last answer. */
async function version(ip: string, expected: string | RegExp): Promise<string> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const r = await get(`http://${ip}/version`)
    const body = 'body' in r ? r.body : r.error
    if (('body' in r && (typeof expected === 'string' ? body === expected : expected.test(body))) || Date.now() > deadline) return body
    await new Promise((res) => setTimeout(res, 200))
  }
}

/** Wall time of each job of the run (first to last line of its log), seconds. */
function jobSeconds(run: ActRun): Record<string, number> {
  return Object.fromEntries(Object.entries(run.jobTimes).map(([job, t]) => [job, Math.round((t.last - t.first) / 100) / 10]))
}

const pushedDigest = (run: ActRun) => /Digest `(sha256:[0-9a-f]{64})` \(the one scanned\)/.exec(run.log)?.[1]

describe('pipeline.yml under act, on the real node', () => {
  const runs: Record<string, ActRun> = {}

  it('a push to develop: gates, a prerelease version, the image built, scanned and pushed, deployed to dev by digest', async () => {
    const store = gitStore({ owner: 'acme', repo: 'web' })
    await withGitHubApi(store.handlers, TOKEN, async (api) => {
      const repo = pipelineRepo('develop')
      const run = await runAct(repo, { env: { ...engine.env, SGW_BUILDKIT_HOST: buildkitd.address, SGW_SBOM_GENERATOR: sbomGenerator, GITHUB_API_URL: api.url }, secrets: secrets(), eventFile: repo.push(), timeoutMs: 1_200_000 })
      runs.develop = run
      expect({ exitCode: run.exitCode, tail: run.exitCode === 0 ? '' : run.log.slice(-8000) }).toEqual({ exitCode: 0, tail: '' })
      expect(store.releases).toEqual([]) // a prerelease creates nothing
      const digest = pushedDigest(run)
      expect(digest).toMatch(/^sha256:/)
      expect(deployedImage(ns.dev)).toBe(`${node.registry}/acme/web@${digest}`)
      expect(await version(serviceIp.dev, /^1\.3\.0-develop\.\d+$/)).toMatch(/^1\.3\.0-develop\.\d+$/)
      expect(deployedImage(ns.staging)).toBeUndefined()
      expect(run.log).not.toContain(node.password)
      expect(run.log).not.toContain(slack.token)
    })
  }, 1_300_000)

  it('a push to main: released, deployed to staging, then production; a crashing release is rolled back on staging and production is not touched', async () => {
    const store = gitStore({ owner: 'acme', repo: 'web' })
    await withGitHubApi(store.handlers, TOKEN, async (api) => {
      const repo = pipelineRepo('main')
      const env = { ...engine.env, SGW_BUILDKIT_HOST: buildkitd.address, SGW_SBOM_GENERATOR: sbomGenerator, GITHUB_API_URL: api.url }
      const good = await runAct(repo, { env, secrets: secrets(), eventFile: repo.push(), timeoutMs: 1_200_000 })
      runs.main = good
      expect({ exitCode: good.exitCode, tail: good.exitCode === 0 ? '' : good.log.slice(-8000) }).toEqual({ exitCode: 0, tail: '' })
      expect(store.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])
      const digest = pushedDigest(good)
      expect(deployedImage(ns.staging)).toBe(`${node.registry}/acme/web@${digest}`)
      expect(deployedImage(ns.production)).toBe(`${node.registry}/acme/web@${digest}`)
      expect(await version(serviceIp.staging, '1.3.0')).toBe('1.3.0')
      expect(await version(serviceIp.production, '1.3.0')).toBe('1.3.0')

      // The runner's checkout (fetch-depth: 0) brings the tag this release created.
      repo.git('tag', '-a', 'v1.3.0', '-m', 'v1.3.0', 'HEAD')
      // The next release crashes at start: the image is real, built from a change to the Dockerfile.
      const dockerfile = join(repo.dir, 'app', 'Dockerfile')
      writeFileSync(dockerfile, readFileSync(dockerfile, 'utf8').replace('ARG WEB_MODE=""', 'ARG WEB_MODE="crash"'))
      repo.git('commit', '-qam', 'fix: start-up settings')
      slack.requests.length = 0
      const bad = await runAct(repo, { env, secrets: secrets(), eventFile: repo.push(), timeoutMs: 1_200_000 })
      runs.bad = bad
      expect(bad.exitCode).not.toBe(0)
      const badDigest = pushedDigest(bad)
      expect(badDigest).toMatch(/^sha256:/)
      expect(badDigest).not.toBe(digest)
      expect(bad.log).toMatch(/Crashed \(exited with code 3/)
      expect(deployedImage(ns.staging)).toBe(`${node.registry}/acme/web@${digest}`)
      expect(deployedImage(ns.production)).toBe(`${node.registry}/acme/web@${digest}`)
      expect(await version(serviceIp.staging, '1.3.0')).toBe('1.3.0')
      expect(bad.log).not.toMatch(/\[caller\/pipeline\/deploy-production\/deploy\s*\]/)
      // Slack tells the story of the staging deploy: started, then rolled back.
      const texts = [...slack.messages.values()].map((m) => m.text)
      expect(texts.some((t) => /rolled back/.test(t) && /staging/.test(t))).toBe(true)
    })
  }, 2_600_000)

  afterAll(() => {
    // npm run bench pipeline reads these (SGW_PIPELINE_TIMES names the file).
    const times = Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, { seconds: run.ms / 1000, jobs: jobSeconds(run) }]))
    if (process.env.SGW_PIPELINE_TIMES) writeFileSync(process.env.SGW_PIPELINE_TIMES, JSON.stringify(times, null, 2))
    for (const [name, t] of Object.entries(times)) console.log(`pipeline ${name}: ${t.seconds.toFixed(1)} s; jobs (s): ${JSON.stringify(t.jobs)}`)
  })
})
