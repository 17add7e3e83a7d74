// actions/semver-tag from dist/ under Node 24, on real git repositories made in temporary folders,
// with runner-environment fixtures (`__tests__/fixtures/events/<event>.env` + payload) in the
// table-driven style of docker/metadata-action's tests.
import { describe, expect, it, beforeAll } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { makeRepo, shallowClone, type Repo } from '../helpers/git-repo.js'
import { runAction, runCli, type ActionRun } from '../helpers/run-action.js'
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
