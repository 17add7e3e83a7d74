// actions/semver-tag from dist/ under Node 24, on real git repositories made in temporary folders,
// with runner-environment fixtures (`__tests__/fixtures/events/<event>.env` + payload) in the
// table-driven style of docker/metadata-action's tests.
import { describe, expect, it, beforeAll } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { withGitHubApi, type GitHubApi, type Handler } from '../helpers/github-api.js'
import { gitStore } from '../helpers/github-git-store.js'
import { startConnectProxy } from '../helpers/connect-proxy.js'
import { cloneWithoutTags, makeRepo, shallowClone, type Repo } from '../helpers/git-repo.js'
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

function semverTag(
  repo: Repo,
  inputs: Record<string, string> = {},
  name = 'push_main',
  extraEnv: Record<string, string> = {}
): Promise<ActionRun> {
  const e = event(name)
  return runAction('semver-tag', {
    cwd: repo.dir,
    eventName: e.env.GITHUB_EVENT_NAME,
    event: e.payload,
    inputs,
    env: { ...e.env, GITHUB_WORKSPACE: repo.dir, ...extraEnv }
  })
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
  it.each(cases)(
    '%s: version %s (prerelease %s) and its tags',
    async (name, version, prerelease, tags) => {
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
    },
    60_000
  )

  it('custom rules: raw, long sha with a prefix, suffix, enable=false; latest=false', async () => {
    const run = await semverTag(repo, {
      images: 'ghcr.io/acme/web,registry.example.test:5000/acme/web',
      tags: [
        'type=raw,value=stable',
        'type=sha,prefix=git-,format=long',
        'type=semver,pattern={{version}},suffix=-alpine',
        'type=ref,event=branch,enable=false'
      ].join('\n'),
      latest: 'false'
    })
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
    const cli = await runCli(['version', '--path', repo.dir, '--branch', 'develop', '--images', 'ghcr.io/acme/web', '--output', 'json'], {
      env: { GITHUB_REPOSITORY: 'acme/web', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REF: '', GITHUB_EVENT_NAME: '' }
    })
    expect(cli.exitCode).toBe(0)
    const local = JSON.parse(cli.stdout)
    const strip = (j: Record<string, unknown>) => ({
      ...j,
      labels: (j.labels as string[]).filter((l) => !l.includes('.created=')),
      changelog: String(j.changelog).replace(/\(\d{4}-\d\d-\d\d\)/, '')
    })
    expect(strip(local)).toEqual(strip(action))
    const text = await runCli(['version', '--path', repo.dir, '--pr', '12'])
    expect(text.stdout).toContain('version   1.3.0-pr-12.3 (prerelease)')
  }, 60_000)
})

describe('versions from Conventional Commits on real histories', () => {
  const versionOf = async (repo: Repo, inputs: Record<string, string> = {}, name = 'push_main'): Promise<ActionRun> =>
    semverTag(repo, inputs, name)

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
  ] as [string[], Record<string, string>, string, string][])(
    'v1.2.0 + %j %j -> %s (%s)',
    async (messages, inputs, version, bump) => {
      const repo = makeRepo()
      repo.commit('chore: init')
      repo.tag('v1.2.0')
      for (const m of messages) repo.commit(m)
      const run = await versionOf(repo, inputs)
      expect(run.outputs).toMatchObject({ version, bump, 'previous-version': '1.2.0' })
    },
    60_000
  )

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

  it('several tags: the highest reachable one; tags on other branches and non-semver tags ignored, the latter with a warning', async () => {
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
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: 'Tag "v1.1" looks like a version but is not semver (MAJOR.MINOR.PATCH); it is ignored.'
      })
    ])
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
    expect(run.annotations.map((a) => a.message)).toEqual([
      'The checkout is shallow, so the last version tag may be out of reach: ' +
        'set fetch-depth: 0 on actions/checkout (it also fetches the tags).'
    ])
  }, 60_000)
})

describe("tags, the moving major tag and the release through the GitHub API (a loopback stand-in checked against GitHub's API)", () => {
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
    const racing = {
      ...store.handlers,
      'git/get-ref': (r: Parameters<(typeof store.handlers)['git/get-ref']>[0]) =>
        misses-- > 0
          ? { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } }
          : store.handlers['git/get-ref'](r)
    }
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
        const run = await semverTag(repo, publish, 'push_main', {
          GITHUB_API_URL: 'http://api.github.test',
          GITHUB_REPOSITORY: 'acme/web',
          HTTP_PROXY: proxy.url,
          http_proxy: proxy.url
        })
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
      expect(api.requests.map((r) => r.operationId)).toEqual(
        expect.arrayContaining(['repos/create-release', 'repos/get-release-by-tag', 'repos/update-release'])
      )
    })
  }, 60_000)

  it('a version tag already on another commit is an error (a version never moves); v1 never moves backwards', async () => {
    const store = gitStore({ owner: 'acme', repo: 'web' })
    store.seedCommitTag('v1.3.0', 'f'.repeat(40))
    await withStandIn(store.handlers, async (api) => {
      const run = await semverTag(repo, publish, 'push_main', withApi(api))
      expect(run.exitCode).toBe(1)
      expect(run.annotations.map((a) => a.message)).toEqual([
        `Tag v1.3.0 already exists on commit fffffff, not on ${sha.slice(0, 7)}, and a version never moves: ` +
          'this checkout lacked the tag (tags not fetched, or created since); ' +
          'run again with fetch-depth: 0 on actions/checkout so that the version is checked against it.'
      ])
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
      expect(run.summary).toContain('Moving tag `v1` left alone: v1.9.0 is newer.')
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
      expect(run.annotations[0].message).toMatch(
        /^Reading tag v1\.3\.0 failed \(HTTP 401\): Bad credentials.*The token needs contents: write/
      )
    })
  }, 60_000)
})

describe('floating names never move backwards: a backport takes no latest (release branch and tag push)', () => {
  const TOKEN = ['ghs', 'backportTestToken', '0123456789abcdef'].join('_')
  const publish = { 'push-tag': 'true', 'move-major-tag': 'true', 'move-minor-tag': 'true', 'create-release': 'true', token: TOKEN }
  const inputs = { images: 'ghcr.io/acme/web', 'release-branches': 'main\nrelease/*' }
  const img = (...tags: string[]): string => tags.map((t) => `ghcr.io/acme/web:${t}`).join('\n')
  const releaseBranch = { GITHUB_REF: 'refs/heads/release/1.x', GITHUB_REF_NAME: 'release/1.x' }
  let repo: Repo
  let sha: string
  beforeAll(() => {
    // main: v1.1.0, then 2.x up to v2.5.2; release/1.x: a fix on v1.1.0.
    repo = makeRepo()
    repo.commit('feat: first')
    repo.tag('v1.1.0')
    repo.git('branch', 'release/1.x')
    repo.commit('feat!: new wire format')
    repo.tag('v2.0.0')
    repo.commit('fix: b')
    repo.tag('v2.5.2')
    repo.git('checkout', '-q', 'release/1.x')
    sha = repo.commit('fix: backported null check')
  })

  it('release/1.x: 1.1.1 moves 1, 1.1, v1 and v1.1, but not latest, and its release is not marked latest', async () => {
    const store = gitStore({ owner: 'acme', repo: 'web' })
    await withGitHubApi(store.handlers, TOKEN, async (api) => {
      const run = await semverTag(repo, { ...inputs, ...publish }, 'push_main', {
        ...releaseBranch,
        GITHUB_API_URL: api.url,
        GITHUB_REPOSITORY: 'acme/web'
      })
      expect(run.exitCode).toBe(0)
      expect(run.outputs).toMatchObject({ version: '1.1.1', 'previous-version': '1.1.0', prerelease: 'false' })
      expect(run.outputs.tags).toBe(img('1.1.1', '1.1', '1', 'release-1.x', `sha-${sha.slice(0, 7)}`))
      expect(store.refs.get('refs/tags/v1')).toEqual({ sha, type: 'commit' })
      expect(store.refs.get('refs/tags/v1.1')).toEqual({ sha, type: 'commit' })
      expect(store.releases).toEqual([expect.objectContaining({ tag_name: 'v1.1.1', make_latest: 'false' })])
      expect(run.summary).toContain('(not marked latest: v2.5.2 is newer)')
      expect(run.stdout).toContain('v2.5.2 is newer than 1.1.1: latest (image tags, moving git tags, latest release) stay where they are.')
      expect(api.violations).toEqual([])
    })
  }, 60_000)

  it('the tag push of v1.1.1: the same tags without the branch, and no latest release', async () => {
    repo.tag('v1.1.1')
    try {
      const store = gitStore({ owner: 'acme', repo: 'web' })
      store.seedCommitTag('v1.1.1', sha)
      await withGitHubApi(store.handlers, TOKEN, async (api) => {
        const env = { GITHUB_REF: 'refs/tags/v1.1.1', GITHUB_REF_NAME: 'v1.1.1', GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'acme/web' }
        const run = await semverTag(repo, { ...inputs, ...publish }, 'push_tag', env)
        expect(run.exitCode).toBe(0)
        expect(run.outputs).toMatchObject({ version: '1.1.1', 'previous-version': '1.1.0', bump: 'patch' })
        expect(run.outputs.tags).toBe(img('1.1.1', '1.1', '1', `sha-${sha.slice(0, 7)}`))
        expect(store.releases).toEqual([expect.objectContaining({ tag_name: 'v1.1.1', make_latest: 'false' })])
        // The release of a pushed tag lists the commits since the previous version, not "no changes".
        expect(store.releases[0].body).toContain('- backported null check')
        expect(api.violations).toEqual([])
      })
    } finally {
      repo.git('tag', '-d', 'v1.1.1')
    }
  }, 60_000)

  it('a backport below v1.2.0 too: only 1.1 and v1.1 move', async () => {
    const other = makeRepo()
    other.commit('feat: first')
    other.tag('v1.1.0')
    other.git('branch', 'release/1.1')
    other.commit('feat: b')
    other.tag('v1.2.0')
    other.git('checkout', '-q', 'release/1.1')
    const head = other.commit('fix: backport')
    const store = gitStore({ owner: 'acme', repo: 'web' })
    await withGitHubApi(store.handlers, TOKEN, async (api) => {
      const env = {
        GITHUB_REF: 'refs/heads/release/1.1',
        GITHUB_REF_NAME: 'release/1.1',
        GITHUB_API_URL: api.url,
        GITHUB_REPOSITORY: 'acme/web'
      }
      const run = await semverTag(other, { ...inputs, ...publish }, 'push_main', env)
      expect(run.outputs.tags).toBe(img('1.1.1', '1.1', 'release-1.1', `sha-${head.slice(0, 7)}`))
      expect(store.refs.has('refs/tags/v1')).toBe(false)
      expect(store.refs.get('refs/tags/v1.1')).toEqual({ sha: head, type: 'commit' })
      expect(run.summary).toContain('Moving tag `v1` left alone: v1.2.0 is newer.')
      expect(store.releases).toEqual([expect.objectContaining({ make_latest: 'false' })])
    })
  }, 60_000)

  it("the newest release is marked latest; sgw version prints the backport's tags and why latest stays", async () => {
    const newest = makeRepo()
    newest.commit('chore: init')
    newest.tag('v2.5.2')
    newest.commit('fix: a')
    const store = gitStore({ owner: 'acme', repo: 'web' })
    await withGitHubApi(store.handlers, TOKEN, async (api) => {
      const run = await semverTag(newest, { ...inputs, ...publish }, 'push_main', {
        GITHUB_API_URL: api.url,
        GITHUB_REPOSITORY: 'acme/web'
      })
      expect(run.outputs.tags.split('\n')[0]).toBe('ghcr.io/acme/web:latest')
      expect(store.releases).toEqual([expect.objectContaining({ tag_name: 'v2.5.3', make_latest: 'true' })])
    })
    const cli = await runCli(['version', '--path', repo.dir, '--branch', 'release/1.x', '--release-branches', 'main,release/*'])
    expect(cli.exitCode).toBe(0)
    expect(cli.stdout).toContain('version   1.1.1\n')
    expect(cli.stdout).toContain(`tags      1.1.1\n          1.1\n          1\n          release-1.x\n          sha-${sha.slice(0, 7)}\n`)
    expect(cli.stdout).toContain(
      'note      v2.5.2 is newer than 1.1.1: latest (image tags, moving git tags, latest release) stay where they are.'
    )
  }, 60_000)
})

describe('a revert cancels what it reverts before a release', () => {
  it('feat(api)! then its git revert then a fix after v1.2.0: 1.2.1, and the changelog leaves both out', async () => {
    const repo = makeRepo()
    repo.commit('chore: init')
    repo.tag('v1.2.0')
    const breaking = repo.commit('feat(api)!: drop the v1 endpoints')
    const revert = repo.revert(breaking)
    repo.commit('fix: trailing slash')
    const run = await semverTag(repo)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ version: '1.2.1', bump: 'patch' })
    expect(run.outputs.changelog).toContain('### Bug fixes')
    expect(run.outputs.changelog).not.toContain('drop the v1 endpoints')
    expect(run.outputs.changelog).not.toMatch(/Breaking|Revert/)
    expect(JSON.parse(run.outputs.json).commits.map((c: { subject: string }) => c.subject)).toEqual(['trailing slash'])
    expect(run.summary).toContain('1 commit(s) since, 2 cancelled by reverts, 3 with merges')
    expect(run.stdout).toContain(
      `Left out, reverted before any release: ${revert.slice(0, 7)} feat(api)!: drop the v1 endpoints; ` +
        `${breaking.slice(0, 7)} drop the v1 endpoints.`
    )
    const cli = await runCli(['version', '--path', repo.dir, '--branch', 'main', '--output', 'changelog'])
    expect(cli.stdout).toMatch(/^## 1\.2\.1 .*\n\n### Bug fixes\n\n- trailing slash \([0-9a-f]{7}\)\n$/)
  }, 60_000)

  it('a revert of the revert brings the change back; a revert of a released change is a patch under Reverts', async () => {
    const repo = makeRepo()
    repo.commit('chore: init')
    repo.tag('v1.2.0')
    const feat = repo.commit('feat: export')
    const revert = repo.revert(feat)
    repo.revert(revert)
    expect((await semverTag(repo, { 'default-bump': 'none' })).outputs).toMatchObject({ version: '1.3.0', bump: 'minor' })
    const other = makeRepo()
    other.commit('chore: init')
    const old = other.commit('feat: search')
    other.tag('v1.2.0')
    other.revert(old)
    const run = await semverTag(other, { 'default-bump': 'none' })
    expect(run.outputs).toMatchObject({ version: '1.2.1', bump: 'patch' })
    expect(run.outputs.changelog).toMatch(
      /### Reverts\n\n- feat: search \(\[[0-9a-f]{7}\]\(https:\/\/github\.com\/acme\/web\/commit\/[0-9a-f]{40}\)\)\n$/
    )
  }, 60_000)
})

describe('a version is never computed onto an existing tag', () => {
  const TOKEN = ['ghs', 'collisionTestToken', '0123456789abcdef'].join('_')
  /** main at v1.3.0 with a fix since; release/1.3 holds v1.3.1, not merged into main. */
  const diverged = (): { repo: Repo; released: string } => {
    const repo = makeRepo()
    repo.commit('feat: first')
    repo.tag('v1.3.0')
    repo.git('checkout', '-q', '-b', 'release/1.3')
    const released = repo.commit('fix: backport for 1.3')
    repo.tag('v1.3.1')
    repo.git('checkout', '-q', 'main')
    repo.commit('fix: on main')
    return { repo, released }
  }
  const expected = (released: string) =>
    `Version 1.3.1 is already tag v1.3.1 on commit ${released.slice(0, 7)}, outside this branch's history: ` +
    'merge v1.3.1 into this branch so that the next version follows it, or release 1.4.0 instead (bump: minor).'

  it('a fix on main after v1.3.1 on release/1.3 fails with the choice, outputs no 1.3.1 and tags nothing', async () => {
    const { repo, released } = diverged()
    const store = gitStore({ owner: 'acme', repo: 'web' })
    await withGitHubApi(store.handlers, TOKEN, async (api) => {
      const env = { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'acme/web' }
      const run = await semverTag(
        repo,
        { images: 'ghcr.io/acme/web', 'push-tag': 'true', 'create-release': 'true', token: TOKEN },
        'push_main',
        env
      )
      expect(run.exitCode).toBe(1)
      expect(run.annotations.map((a) => a.message)).toEqual([expected(released)])
      expect(run.outputs.version).toBeUndefined()
      expect(run.outputs.tags).toBeUndefined()
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /)
      expect(api.requests).toEqual([])
    })
    const cli = await runCli(['version', '--path', repo.dir, '--branch', 'main'])
    expect(cli.exitCode).toBe(2)
    expect(cli.stderr).toContain(expected(released))
    expect(cli.stdout).not.toContain('1.3.1')
  }, 60_000)

  it('either choice then works: bump minor gives 1.4.0; merging the release gives 1.3.2', async () => {
    const { repo } = diverged()
    expect((await semverTag(repo, { bump: 'minor' })).outputs).toMatchObject({ version: '1.4.0', 'previous-version': '1.3.0' })
    repo.git('merge', '--no-ff', '-q', '-m', 'Merge branch release/1.3', 'release/1.3')
    expect((await semverTag(repo)).outputs).toMatchObject({ version: '1.3.2', 'previous-version': '1.3.1' })
  }, 60_000)

  it('a pull request still builds its prerelease, with a warning that its release would fail and why', async () => {
    const { repo, released } = diverged()
    const run = await semverTag(repo, {}, 'pull_request')
    expect(run.exitCode).toBe(0)
    expect(run.outputs.version).toBe('1.3.1-pr-12.1')
    expect(run.annotations).toEqual([
      expect.objectContaining({ level: 'warning', message: `A release from here would fail: ${expected(released)}` })
    ])
  }, 60_000)

  it('nothing to release since v1.3.0 (default-bump none): version 1.3.0 but no image tag names this build by it', async () => {
    const repo = makeRepo()
    repo.commit('feat: first')
    repo.tag('v1.3.0')
    const head = repo.commit('docs: readme')
    const run = await semverTag(repo, { images: 'ghcr.io/acme/web', 'default-bump': 'none' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ version: '1.3.0', bump: 'none' })
    expect(run.outputs.tags).toBe(`ghcr.io/acme/web:main\nghcr.io/acme/web:sha-${head.slice(0, 7)}`)
    expect(run.stdout).toContain('No releasable commits since v1.3.0 (on ')
    // The tagged commit itself (a re-run of the release build) is that version, with all its tags.
    repo.git('checkout', '-q', 'v1.3.0')
    const again = await semverTag(repo, { images: 'ghcr.io/acme/web', 'default-bump': 'none' })
    expect(again.outputs.tags.split('\n')).toEqual(expect.arrayContaining(['ghcr.io/acme/web:latest', 'ghcr.io/acme/web:1.3.0']))
  }, 60_000)
})

/** The store's handlers plus GitHub's matching-refs answer over the same refs (github-git-store.ts lacks it). */
function withMatchingRefs(store: ReturnType<typeof gitStore>): Record<string, Handler> {
  const api = 'https://api.github.com/repos/acme/web'
  const shape = (ref: string, o: { sha: string; type: 'commit' | 'tag' }) => ({
    ref,
    node_id: `REF_${Buffer.from(ref).toString('base64')}`,
    url: `${api}/git/${ref}`,
    object: { type: o.type, sha: o.sha, url: `${api}/git/${o.type === 'tag' ? 'tags' : 'commits'}/${o.sha}` }
  })
  return {
    ...store.handlers,
    'git/list-matching-refs': (r) => ({
      status: 200,
      body: [...store.refs.entries()].filter(([ref]) => ref.startsWith(`refs/${r.params.ref}`)).map(([ref, o]) => shape(ref, o))
    })
  }
}

describe('a clone without tags does not silently restart at 0.1.0', () => {
  const TOKEN = ['ghs', 'noTagsTestToken', '0123456789abcdef'].join('_')
  let origin: Repo
  beforeAll(() => {
    origin = makeRepo()
    for (let i = 0; i < 5; i++) origin.git('commit', '-q', '--allow-empty', '-m', `chore: setup ${i}`)
    origin.tag('v1.0.0')
    for (let i = 0; i < 55; i++) origin.git('commit', '-q', '--allow-empty', '-m', `fix: change ${i}`)
  })
  const warning =
    'This clone has no tags but 60 commits of history, so the version starts at 0.1.0: if the project has releases, fetch their tags ' +
    '(fetch-depth: 0 or fetch-tags: true on actions/checkout, or git fetch --tags).'

  it('warns with how to fetch the tags; with them fetched the version follows v1.0.0', async () => {
    const clone = cloneWithoutTags(origin)
    const run = await semverTag(clone)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.version).toBe('0.1.0')
    expect(run.annotations).toEqual([expect.objectContaining({ level: 'warning', message: warning })])
    const cli = await runCli(['version', '--path', clone.dir, '--branch', 'main'])
    expect(cli.stdout).toContain(`warning   ${warning}`)
    clone.git('fetch', '-q', '--tags')
    const fetched = await semverTag(clone)
    expect(fetched.outputs.version).toBe('1.0.1')
    expect(fetched.annotations).toEqual([])
  }, 60_000)

  it('a short new history warns about nothing', async () => {
    const repo = makeRepo()
    repo.commit('feat: start')
    expect((await semverTag(repo)).annotations).toEqual([])
  }, 60_000)

  it('publishing from it fails when GitHub has version tags, and creates nothing', async () => {
    const store = gitStore({ owner: 'acme', repo: 'web' })
    store.seedCommitTag('v1.0.0', origin.git('rev-list', '-n', '1', 'v1.0.0'))
    const handlers = withMatchingRefs(store)
    await withGitHubApi(handlers, TOKEN, async (api) => {
      const env = { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'acme/web' }
      const run = await semverTag(
        cloneWithoutTags(origin),
        { 'push-tag': 'true', 'create-release': 'true', token: TOKEN },
        'push_main',
        env
      )
      expect(run.exitCode).toBe(1)
      expect(run.annotations.map((a) => a.message)).toEqual([
        warning,
        'GitHub has version tags this checkout lacks (newest v1.0.0), so 0.1.0 would restart the versions: ' +
          'fetch the tags (fetch-depth: 0 on actions/checkout, or git fetch --tags) and run again; nothing was tagged.'
      ])
      expect(api.requests.map((r) => r.operationId)).toEqual(['git/list-matching-refs'])
      expect(api.violations).toEqual([])
    })
    // A first release for real: GitHub has no version tag, so 0.1.0 is tagged.
    const fresh = gitStore({ owner: 'acme', repo: 'web' })
    const first = makeRepo()
    first.commit('feat: start')
    await withGitHubApi(withMatchingRefs(fresh), TOKEN, async (api) => {
      const run = await semverTag(first, { 'push-tag': 'true', token: TOKEN }, 'push_main', {
        GITHUB_API_URL: api.url,
        GITHUB_REPOSITORY: 'acme/web'
      })
      expect(run.exitCode).toBe(0)
      expect(fresh.refs.has('refs/tags/v0.1.0')).toBe(true)
      expect(api.violations).toEqual([])
    })
  }, 60_000)

  it('tags with another prefix: says which tag-prefix to set', async () => {
    const repo = makeRepo()
    repo.commit('chore: init')
    repo.tag('1.4.0')
    repo.commit('fix: a')
    const run = await semverTag(repo)
    expect(run.outputs.version).toBe('0.1.0')
    expect(run.annotations.map((a) => a.message)).toEqual([
      'No tag is a version with tag-prefix "v", but 1.4.0 is one: set tag-prefix to none.'
    ])
    expect((await semverTag(repo, { 'tag-prefix': 'none' })).outputs.version).toBe('1.4.1')
  }, 60_000)
})
