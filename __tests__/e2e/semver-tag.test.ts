// actions/semver-tag from dist/ under Node 24, on real git repositories made in temporary folders,
// with runner-environment fixtures (`__tests__/fixtures/events/<event>.env` + payload) in the
// table-driven style of docker/metadata-action's tests.
import { describe, expect, it, beforeAll } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { withGitHubApi, type GitHubApi, type Handler } from '../helpers/github-api.js'
import { gitStore } from '../helpers/github-git-store.js'
import { startConnectProxy } from '../helpers/connect-proxy.js'
import { makeRepo, shallowClone, type Repo } from '../helpers/git-repo.js'
import { maskedValues, runAction, runCli, visibleText, type ActionRun } from '../helpers/run-action.js'
import { fixture } from '../helpers/tools.js'

function event(name: string): { env: Record<string, string>; payload: unknown } {
  const env: Record<string, string> = {}
  for (const line of readFileSync(fixture('events', `${name}.env`), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue
    const at = line.indexOf('=')
    env[line.slice(0, at)] = line.slice(at + 1)
  }
  return { env, payload: JSON.parse(readFileSync(fixture('events', `${name}.json`), 'utf8')) }
}

function semverTag(repo: Repo, inputs: Record<string, string> = {}, name = 'push_main', extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const e = event(name)
  return runAction('semver-tag', { cwd: repo.dir, eventName: e.env.GITHUB_EVENT_NAME, event: e.payload, inputs, env: { ...e.env, GITHUB_WORKSPACE: repo.dir, ...extraEnv } })
}

describe('image tags for each runner event (one repository: v1.2.0, then feat, fix, docs)', () => {
  let repo: Repo
  let sha: string
  beforeAll(() => {
    repo = makeRepo()
    repo.commit('feat: first')
    repo.tag('v1.2.0')
    repo.commit('feat(auth): passkeys')
    repo.commit('fix: trailing slash')
    sha = repo.commit('docs: readme')
  })

  const img = (...tags: string[]): string => tags.map((t) => `ghcr.io/acme/web:${t}`).join('\n')
  const cases: [string, string, boolean, (short: string) => string][] = [
    ['push_main', '1.3.0', false, (s) => img('latest', '1.3.0', '1.3', '1', 'main', `sha-${s}`)],
    ['workflow_dispatch', '1.3.0', false, (s) => img('latest', '1.3.0', '1.3', '1', 'main', `sha-${s}`)],
    ['push_develop', '1.3.0-develop.3', true, (s) => img('1.3.0-develop.3', 'develop', `sha-${s}`)],
    ['push_feature', '1.3.0-feature-login-page.3', true, (s) => img('1.3.0-feature-login-page.3', 'feature-Login_Page', `sha-${s}`)],
    ['pull_request', '1.3.0-pr-12.3', true, (s) => img('1.3.0-pr-12.3', 'pr-12', `sha-${s}`)],
    ['push_tag', '1.3.0', false, (s) => img('latest', '1.3.0', '1.3', '1', `sha-${s}`)]
  ]
  it.each(cases)('%s: version %s (prerelease %s) and its tags', async (name, version, prerelease, tags) => {
    const run = await semverTag(repo, { images: 'ghcr.io/acme/web' }, name)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.version).toBe(version)
    expect(run.outputs.prerelease).toBe(String(prerelease))
    expect(run.outputs['previous-version']).toBe('1.2.0')
    expect(run.outputs.tag).toBe(`v${version}`)
    expect(run.outputs.tags).toBe(tags(sha.slice(0, 7)))
    const labels = run.outputs.labels.split('\n')
    expect(labels).toContain(`org.opencontainers.image.version=${version}`)
    expect(labels).toContain(`org.opencontainers.image.revision=${sha}`)
    expect(labels).toContain('org.opencontainers.image.source=https://github.com/acme/web')
    expect(labels).toContain('org.opencontainers.image.title=web')
    expect(labels.some((l) => /^org\.opencontainers\.image\.created=\d{4}-\d\d-\d\dT/.test(l))).toBe(true)
    const json = JSON.parse(run.outputs.json)
    expect(json).toMatchObject({ version, previousVersion: '1.2.0', prerelease, sha })
  }, 60_000)

  it('custom rules: raw, long sha with a prefix, suffix, enable=false; latest=false', async () => {
    const run = await semverTag(repo, { images: 'ghcr.io/acme/web,registry.example.test:5000/acme/web', tags: 'type=raw,value=stable\ntype=sha,prefix=git-,format=long\ntype=semver,pattern={{version}},suffix=-alpine\ntype=ref,event=branch,enable=false', latest: 'false' })
    expect(run.exitCode).toBe(0)
    const tags = run.outputs.tags.split('\n')
    for (const image of ['ghcr.io/acme/web', 'registry.example.test:5000/acme/web']) {
      expect(tags).toEqual(expect.arrayContaining([`${image}:stable`, `${image}:git-${sha}`, `${image}:1.3.0-alpine`]))
      expect(tags).not.toContain(`${image}:main`)
      expect(tags).not.toContain(`${image}:latest`)
    }
    expect(tags).toHaveLength(6)
  }, 60_000)

  it('an unknown rule key is an input error that names it', async () => {
    const run = await semverTag(repo, { tags: 'type=semver,pattern={{version}}\ntype=semver,patern={{major}}' })
    expect(run.exitCode).toBe(1)
    expect(run.annotations.map((a) => a.message)).toEqual([expect.stringMatching(/^Input "tags", line 2: unknown key "patern"/)])
    expect(run.stderr + run.stdout).not.toMatch(/\n\s+at /)
  }, 60_000)

  it('sgw version prints the same computation locally', async () => {
    const action = JSON.parse((await semverTag(repo, { images: 'ghcr.io/acme/web' }, 'push_develop')).outputs.json)
    const cli = await runCli(['version', '--path', repo.dir, '--branch', 'develop', '--images', 'ghcr.io/acme/web', '--output', 'json'], { env: { GITHUB_REPOSITORY: 'acme/web', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REF: '', GITHUB_EVENT_NAME: '' } })
    expect(cli.exitCode).toBe(0)
    const local = JSON.parse(cli.stdout)
    const strip = (j: Record<string, unknown>) => ({ ...j, labels: (j.labels as string[]).filter((l) => !l.includes('.created=')), changelog: String(j.changelog).replace(/\(\d{4}-\d\d-\d\d\)/, '') })
    expect(strip(local)).toEqual(strip(action))
    const text = await runCli(['version', '--path', repo.dir, '--pr', '12'])
    expect(text.stdout).toContain('version   1.3.0-pr-12.3 (prerelease)')
  }, 60_000)
})

describe('versions from Conventional Commits on real histories', () => {
  const versionOf = async (repo: Repo, inputs: Record<string, string> = {}, name = 'push_main'): Promise<ActionRun> => semverTag(repo, inputs, name)

  it('no tag yet: initial-version, bump initial', async () => {
    const repo = makeRepo()
    repo.commit('feat: start')
    const run = await versionOf(repo)
    expect(run.outputs).toMatchObject({ version: '0.1.0', 'previous-version': '', bump: 'initial', tag: 'v0.1.0' })
    expect((await versionOf(repo, { 'initial-version': '1.0.0' })).outputs.version).toBe('1.0.0')
  }, 60_000)

  it.each([
    [['fix: a'], {}, '1.2.1', 'patch'],
    [['perf: a', 'docs: b'], {}, '1.2.1', 'patch'],
    [['feat: a', 'fix: b'], {}, '1.3.0', 'minor'],
    [['feat!: drop old API'], {}, '2.0.0', 'major'],
    [['refactor: config\n\nBREAKING CHANGE: moved to sgw.yml'], {}, '2.0.0', 'major'],
    [['docs: a', 'chore: b'], {}, '1.2.1', 'patch'],
    [['docs: a', 'chore: b'], { 'default-bump': 'none' }, '1.2.0', 'none'],
    [['fix: a'], { bump: 'major' }, '2.0.0', 'major'],
    [['feat: a'], { bump: 'none' }, '1.2.0', 'none']
  ] as [string[], Record<string, string>, string, string][])('v1.2.0 + %j %j -> %s (%s)', async (messages, inputs, version, bump) => {
    const repo = makeRepo()
    repo.commit('chore: init')
    repo.tag('v1.2.0')
    for (const m of messages) repo.commit(m)
    const run = await versionOf(repo, inputs)
    expect(run.outputs).toMatchObject({ version, bump, 'previous-version': '1.2.0' })
  }, 60_000)

  it('before 1.0.0 a breaking change bumps the minor, unless major-on-zero', async () => {
    const repo = makeRepo()
    repo.commit('chore: init')
    repo.tag('v0.4.1')
    repo.commit('feat!: new wire format')
    expect((await versionOf(repo)).outputs).toMatchObject({ version: '0.5.0', bump: 'major' })
    expect((await versionOf(repo, { 'major-on-zero': 'true' })).outputs.version).toBe('1.0.0')
  }, 60_000)

  it('merges: the merged commits count, the merge commit itself does not', async () => {
    const repo = makeRepo()
    repo.commit('chore: init')
    repo.tag('v1.0.0')
    repo.git('checkout', '-q', '-b', 'feature/search')
    repo.commit('feat(search): full-text search')
    repo.git('checkout', '-q', 'main')
    repo.commit('fix: typo')
    repo.git('merge', '--no-ff', '-q', '-m', 'Merge branch feature/search', 'feature/search')
    const run = await versionOf(repo, { 'default-bump': 'none' })
    expect(run.outputs).toMatchObject({ version: '1.1.0', bump: 'minor' })
    expect(run.outputs.changelog).toContain('- **search:** full-text search')
    expect(run.outputs.changelog).not.toContain('Merge branch')
    // The prerelease counter counts every commit since the tag, the merge included.
    expect((await versionOf(repo, {}, 'push_develop')).outputs.version).toBe('1.1.0-develop.3')
  }, 60_000)

  it('several tags: the highest reachable one; tags on other branches and non-semver tags are ignored, the latter with a warning', async () => {
    const repo = makeRepo()
    repo.commit('chore: init')
    repo.tag('v1.0.0')
    repo.commit('fix: a')
    repo.tag('v1.0.1')
    repo.tag('v1.1', false)
    repo.git('checkout', '-q', '-b', 'experiment')
    repo.commit('feat: experiment')
    repo.tag('v3.0.0')
    repo.git('checkout', '-q', 'main')
    repo.commit('feat: b')
    const run = await versionOf(repo)
    expect(run.outputs).toMatchObject({ version: '1.1.0', 'previous-version': '1.0.1' })
    expect(run.annotations).toEqual([expect.objectContaining({ level: 'warning', message: 'Tag "v1.1" looks like a version but is not semver (MAJOR.MINOR.PATCH); it is ignored.' })])
  }, 60_000)

  it('a tag prefix other than v', async () => {
    const repo = makeRepo()
    repo.commit('chore: init')
    repo.tag('web-2.0.0')
    repo.tag('v9.0.0')
    repo.commit('fix: a')
    expect((await versionOf(repo, { 'tag-prefix': 'web-' })).outputs).toMatchObject({ version: '2.0.1', tag: 'web-2.0.1' })
    repo.tag('3.1.0')
    repo.commit('feat: b')
    expect((await versionOf(repo, { 'tag-prefix': 'none' })).outputs).toMatchObject({ version: '3.2.0', tag: '3.2.0' })
  }, 60_000)

  it('release-branches with a glob: release/1.x gets plain versions', async () => {
    const repo = makeRepo()
    repo.commit('chore: init')
    repo.tag('v1.4.0')
    repo.commit('fix: backport')
    const run = await versionOf(repo, { 'release-branches': 'main, release/*' }, 'push_feature')
    expect(run.outputs.version).toBe('1.4.1-feature-login-page.1')
    const release = await semverTag(repo, { 'release-branches': 'main\nrelease/*' }, 'push_main', { GITHUB_REF: 'refs/heads/release/1.x' })
    expect(release.outputs).toMatchObject({ version: '1.4.1', prerelease: 'false' })
  }, 60_000)

  it('a shallow clone fails with a line that says to set fetch-depth: 0', async () => {
    const origin = makeRepo()
    origin.commit('chore: init')
    origin.tag('v1.0.0')
    origin.commit('feat: a')
    origin.commit('fix: b')
    const run = await versionOf(shallowClone(origin))
    expect(run.exitCode).toBe(1)
    expect(run.annotations.map((a) => a.message)).toEqual(['The checkout is shallow, so the last version tag may be out of reach: set fetch-depth: 0 on actions/checkout (it also fetches the tags).'])
  }, 60_000)
})

describe('tags, the moving major tag and the release through the GitHub API (loopback stand-in checked against the OpenAPI description)', () => {
  const TOKEN = ['ghs', 'semverTagTestToken', '0123456789abcd'].join('_')
  let repo: Repo
  let sha: string
  beforeAll(() => {
    repo = makeRepo()
    repo.commit('feat: first')
    repo.tag('v1.2.0')
    repo.commit('feat(auth): passkeys')
    sha = repo.commit('fix: trailing slash')
  })

  const publish = { 'push-tag': 'true', 'move-major-tag': 'true', 'create-release': 'true', token: TOKEN }
  /** The stand-in for one test: every request and answer checked against GitHub's API description. */
  const withStandIn = (handlers: Record<string, Handler>, body: (api: GitHubApi) => Promise<void>) => withGitHubApi(handlers, TOKEN, body)
  const withApi = (api: GitHubApi) => ({ GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'acme/web' })

  it('creates the annotated tag, moves v1, creates the release; a re-run of the same build succeeds and changes nothing', async () => {
    const store = gitStore({ owner: 'acme', repo: 'web' })
    await withStandIn(store.handlers, async (api) => {
      const run = await semverTag(repo, publish, 'push_main', withApi(api))
      expect(run.exitCode).toBe(0)
      expect(run.outputs.version).toBe('1.3.0')
      const tagRef = store.refs.get('refs/tags/v1.3.0')
      expect(tagRef?.type).toBe('tag')
      expect(store.tagObjects.get(tagRef!.sha)).toMatchObject({ tag: 'v1.3.0', object: sha })
      expect(store.tagObjects.get(tagRef!.sha)?.message).toContain('### Features')
      expect(store.refs.get('refs/tags/v1')).toEqual({ sha, type: 'commit' })
      expect(store.releases).toHaveLength(1)
      expect(store.releases[0]).toMatchObject({ tag_name: 'v1.3.0', name: 'v1.3.0' })
      expect(store.releases[0].body).toBe(run.outputs.changelog)
      expect(run.outputs['release-url']).toBe('https://github.com/acme/web/releases/tag/v1.3.0')
      expect(run.summary).toContain('Tag `v1.3.0` on')
      const before = api.requests.length
      const again = await semverTag(repo, publish, 'push_main', withApi(api))
      expect(again.exitCode).toBe(0)
      expect(again.summary).toMatch(/Tag `v1.3.0` on [0-9a-f]{7}: unchanged/)
      expect(again.summary).toMatch(/Moving tag `v1` → [0-9a-f]{7}: unchanged/)
      expect(again.summary).toMatch(/Release \[v1.3.0\]\(.*\): (unchanged|updated)/)
      expect(store.releases).toHaveLength(1)
      expect(api.requests.slice(before).map((r) => r.operationId)).not.toContain('git/create-tag')
      expect(visibleText(run) + visibleText(again)).not.toContain(TOKEN)
      expect(maskedValues(run)).toContain(TOKEN)
    })
  }, 60_000)

  it('a concurrent run created the tag between our read and our write: GitHub answers 422 and the run still succeeds', async () => {
    const store = gitStore({ owner: 'acme', repo: 'web' })
    await withStandIn(store.handlers, async (first) => {
      expect((await semverTag(repo, { 'push-tag': 'true', token: TOKEN }, 'push_main', withApi(first))).exitCode).toBe(0)
    })
    // The second run's first read of the tag misses it (the other run had not written it yet).
    let misses = 1
    const racing = { ...store.handlers, 'git/get-ref': (r: Parameters<typeof store.handlers['git/get-ref']>[0]) => (misses-- > 0 ? { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } } : store.handlers['git/get-ref'](r)) }
    await withStandIn(racing, async (api) => {
      const run = await semverTag(repo, { 'push-tag': 'true', token: TOKEN }, 'push_main', withApi(api))
      expect(run.exitCode).toBe(0)
      expect(run.summary).toMatch(/Tag `v1.3.0` on [0-9a-f]{7}: unchanged/)
      const createRef = api.requests.find((r) => r.operationId === 'git/create-ref')
      expect(createRef).toBeDefined()
    })
  }, 60_000)

  it('behind an HTTP proxy (a self-hosted runner): every API request goes through the proxy', async () => {
    const store = gitStore({ owner: 'acme', repo: 'web' })
    await withStandIn(store.handlers, async (api) => {
      const port = Number(new URL(api.url).port)
      const proxy = await startConnectProxy({ host: '127.0.0.1', port })
      try {
        // api.github.test resolves nowhere: only the proxy's tunnel can reach the stand-in.
        const run = await semverTag(repo, publish, 'push_main', { GITHUB_API_URL: 'http://api.github.test', GITHUB_REPOSITORY: 'acme/web', HTTP_PROXY: proxy.url, http_proxy: proxy.url })
        expect(run.exitCode).toBe(0)
        expect(store.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])
        expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1)
        expect(new Set(proxy.tunnels)).toEqual(new Set(['api.github.test:80']))
        expect(api.requests.length).toBeGreaterThanOrEqual(4)
        expect(api.violations).toEqual([])
      } finally {
        await proxy.close()
      }
    })
  }, 60_000)

  it('a release that already exists (GitHub answers 422 already_exists) is updated in place', async () => {
    const store = gitStore({ owner: 'acme', repo: 'web' })
    store.seedRelease('v1.3.0', 'an older body')
    await withStandIn(store.handlers, async (api) => {
      const run = await semverTag(repo, publish, 'push_main', withApi(api))
      expect(run.exitCode).toBe(0)
      expect(store.releases).toHaveLength(1)
      expect(store.releases[0].body).toBe(run.outputs.changelog)
      expect(api.requests.map((r) => r.operationId)).toEqual(expect.arrayContaining(['repos/create-release', 'repos/get-release-by-tag', 'repos/update-release']))
    })
  }, 60_000)

  it('a version tag already on another commit is an error (a version never moves); v1 never moves backwards', async () => {
    const store = gitStore({ owner: 'acme', repo: 'web' })
    store.seedCommitTag('v1.3.0', 'f'.repeat(40))
    await withStandIn(store.handlers, async (api) => {
      const run = await semverTag(repo, publish, 'push_main', withApi(api))
      expect(run.exitCode).toBe(1)
      expect(run.annotations.map((a) => a.message)).toEqual([`Tag v1.3.0 already exists on commit fffffff, not on ${sha.slice(0, 7)}: a version is never moved. Bump the version (a new commit) or delete the tag by hand.`])
    })
    // A newer v1.x release elsewhere in the repository: v1 stays where it is.
    const other = makeRepo()
    other.commit('chore: init')
    other.tag('v1.2.0')
    other.git('checkout', '-q', '-b', 'next')
    other.commit('feat: next')
    other.tag('v1.9.0')
    other.git('checkout', '-q', 'main')
    other.commit('fix: backport')
    const store2 = gitStore({ owner: 'acme', repo: 'web' })
    await withStandIn(store2.handlers, async (api2) => {
      const run = await semverTag(other, { 'push-tag': 'true', 'move-major-tag': 'true', token: TOKEN }, 'push_main', withApi(api2))
      expect(run.outputs.version).toBe('1.2.1')
      expect(store2.refs.has('refs/tags/v1.2.1')).toBe(true)
      expect(store2.refs.has('refs/tags/v1')).toBe(false)
      expect(run.summary).toContain('Moving tags left alone: a newer v1.x release exists.')
    })
  }, 60_000)

  it('prereleases and pull requests create nothing', async () => {
    const store = gitStore({ owner: 'acme', repo: 'web' })
    await withStandIn(store.handlers, async (api) => {
      for (const name of ['push_develop', 'pull_request']) {
        const run = await semverTag(repo, publish, name, withApi(api))
        expect(run.exitCode).toBe(0)
        expect(run.summary).toMatch(/Nothing tagged or released: 1\.3\.0-(develop|pr-12)\.2 is a prerelease\./)
      }
      expect(api.requests).toEqual([])
    })
  }, 60_000)

  it('a token GitHub refuses: the error says which permission the job needs', async () => {
    const store = gitStore({ owner: 'acme', repo: 'web' })
    await withStandIn(store.handlers, async (api) => {
      const run = await semverTag(repo, { ...publish, token: 'ghs_wrong' }, 'push_main', withApi(api))
      expect(run.exitCode).toBe(1)
      expect(run.annotations[0].message).toMatch(/^Reading tag v1\.3\.0 failed \(HTTP 401\): Bad credentials.*The token needs contents: write/)
    })
  }, 60_000)
})
