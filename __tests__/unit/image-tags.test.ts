import { describe, expect, it } from '@jest/globals'
import semver from 'semver'
import { UserError } from '../../actions/lib/errors/user-error.js'
import {
  DEFAULT_TAG_RULES,
  computeTags,
  imageRefs,
  ociLabels,
  parseTagRules,
  sanitizeBranchForSemver,
  sanitizeTag,
  type TagContext
} from '../../actions/lib/release/image-tags.js'

const SHA = '8f3c2a1d9e0b7c6a5f4e3d2c1b0a99887766554f'
const SHORT = 'sha-8f3c2a1'

const ctx = (over: Partial<TagContext>): TagContext => ({
  eventName: 'push',
  ref: 'refs/heads/main',
  sha: SHA,
  version: '1.3.0',
  prerelease: false,
  releaseBranch: true,
  floating: { latest: true, major: true, minor: true },
  taggedElsewhere: false,
  ...over
})

const MAIN = ctx({})
const DEVELOP = ctx({ ref: 'refs/heads/develop', version: '1.3.0-develop.4', prerelease: true, releaseBranch: false })
const TAG = ctx({ ref: 'refs/tags/v1.2.3', version: '1.2.3', releaseBranch: false })
const PR = ctx({
  eventName: 'pull_request',
  ref: 'refs/pull/12/merge',
  prNumber: 12,
  version: '1.3.0-pr-12.3',
  prerelease: true,
  releaseBranch: false
})

const tags = (rules: string, context: TagContext, latest: 'auto' | 'true' | 'false' = 'auto'): string[] =>
  computeTags(parseTagRules(rules, 'tags'), context, latest)

describe('image tags for the default rules', () => {
  it.each([
    ['push to main (release branch, stable)', MAIN, ['latest', '1.3.0', '1.3', '1', 'main', SHORT]],
    ['push to develop (prerelease)', DEVELOP, ['1.3.0-develop.4', 'develop', SHORT]],
    ['push of tag v1.2.3', TAG, ['latest', '1.2.3', '1.2', '1', SHORT]],
    ['pull_request 12', PR, ['1.3.0-pr-12.3', 'pr-12', SHORT]],
    ['pull_request 12, number taken from the ref', { ...PR, prNumber: undefined }, ['1.3.0-pr-12.3', 'pr-12', SHORT]],
    ['workflow_dispatch on main', ctx({ eventName: 'workflow_dispatch' }), ['latest', '1.3.0', '1.3', '1', 'main', SHORT]],
    [
      'a branch with slashes',
      ctx({ ref: 'refs/heads/feature/Login_Page', version: '1.3.0-feature-login-page.2', prerelease: true, releaseBranch: false }),
      ['1.3.0-feature-login-page.2', 'feature-Login_Page', SHORT]
    ],
    ['version 0.x on main: no major tag', ctx({ version: '0.4.1' }), ['latest', '0.4.1', '0.4', 'main', SHORT]],
    [
      'version 0.x prerelease',
      ctx({ ref: 'refs/heads/develop', version: '0.4.1-develop.1', prerelease: true, releaseBranch: false }),
      ['0.4.1-develop.1', 'develop', SHORT]
    ],
    [
      'a prerelease tag push',
      ctx({ ref: 'refs/tags/v2.0.0-rc.1', version: '2.0.0-rc.1', prerelease: true, releaseBranch: false }),
      ['2.0.0-rc.1', SHORT]
    ],
    [
      'pull_request_target runs on the base ref: no branch tag, no latest',
      ctx({ eventName: 'pull_request_target', prNumber: 7, version: '1.3.0-pr-7.1', prerelease: true, releaseBranch: false }),
      ['1.3.0-pr-7.1', 'pr-7', SHORT]
    ],
    ['version carrying a prerelease the flag does not mention', ctx({ version: '1.3.0-rc.1' }), ['1.3.0-rc.1', 'main', SHORT]],
    ['no sha', ctx({ sha: '' }), ['latest', '1.3.0', '1.3', '1', 'main']]
  ] as [string, TagContext, string[]][])('%s', (_name, context, expected) => {
    expect(tags(DEFAULT_TAG_RULES, context)).toEqual(expected)
  })
})

describe('image tags for custom rules', () => {
  it.each([
    ['event=tag only on tag refs', 'type=ref,event=tag', TAG, ['latest', 'v1.2.3']],
    ['event=tag on a branch', 'type=ref,event=tag', MAIN, ['latest']],
    ['event=branch on a tag', 'type=ref,event=branch', TAG, ['latest']],
    ['event=pr on a push', 'type=ref,event=pr', MAIN, ['latest']],
    ['sha long format', 'type=sha,format=long', DEVELOP, [`sha-${SHA}`]],
    ['sha short format, empty prefix', 'type=sha,format=short,prefix=', DEVELOP, ['8f3c2a1']],
    ['sha with a quoted empty prefix', 'type=sha,prefix=""', DEVELOP, ['8f3c2a1']],
    ['custom prefix and suffix on semver', 'type=semver,pattern={{version}},prefix=v,suffix=-alpine', MAIN, ['latest', 'v1.3.0-alpine']],
    ['custom prefix on pr', 'type=ref,event=pr,prefix=pull-', PR, ['pull-12']],
    ['empty prefix on pr', 'type=ref,event=pr,prefix=', PR, ['12']],
    ['suffix on branch', 'type=ref,event=branch,suffix=-edge', DEVELOP, ['develop-edge']],
    [
      'literal text in a pattern',
      'type=semver,pattern=v{{major}}\ntype=semver,pattern=release-{{major}}.{{minor}}',
      MAIN,
      ['latest', 'v1', 'release-1.3']
    ],
    ['spaces inside placeholders', 'type=semver,pattern={{ major }}.{{ minor }}', MAIN, ['latest', '1.3']],
    ['{{minor}} alone', 'type=semver,pattern=m{{minor}}', MAIN, ['latest', 'm3']],
    ['{{minor}} alone on 0.x is kept', 'type=semver,pattern=m{{minor}}', ctx({ version: '0.4.1' }), ['latest', 'm4']],
    ['v{{major}} on 0.x is skipped', 'type=semver,pattern=v{{major}}', ctx({ version: '0.4.1' }), ['latest']],
    ['{{major}}.{{minor}}.{{patch}} on a stable version', 'type=semver,pattern={{major}}.{{minor}}.{{patch}}', MAIN, ['latest', '1.3.0']],
    [
      '{{patch}} keeps the prerelease part, so a prerelease never claims a release tag',
      'type=semver,pattern={{version}}\ntype=semver,pattern=v{{major}}.{{minor}}.{{patch}}\ntype=semver,pattern={{major}}.{{minor}}',
      DEVELOP,
      ['1.3.0-develop.4', 'v1.3.0-develop.4']
    ],
    ['semver value overrides the version', 'type=semver,pattern={{major}}.{{minor}},value=v2.5.1', DEVELOP, ['2.5']],
    ['semver value that is a prerelease', 'type=semver,pattern={{major}},value=2.5.1-beta.1', MAIN, ['latest']],
    ['enable=false drops the rule', 'type=ref,event=branch,enable=false\ntype=sha,enable=true', MAIN, ['latest', SHORT]],
    ['raw values', 'type=raw,value=stable\ntype=raw,value=nightly', DEVELOP, ['stable', 'nightly']],
    ['quoted value with a comma (sanitized)', 'type=raw,value="build,42"', DEVELOP, ['build-42']],
    ['whole field quoted', 'type=raw,"value=a,b",suffix="-x"', DEVELOP, ['a-b-x']],
    ['raw value sanitized', 'type=raw,value=team/web build', DEVELOP, ['team-web-build']],
    [
      'duplicates keep the first (highest priority) place',
      'type=raw,value=1.3.0\ntype=semver,pattern={{version}}\ntype=raw,value=main',
      MAIN,
      ['latest', '1.3.0', 'main']
    ],
    ['a tag that sanitizes to nothing is dropped', 'type=raw,value=...', DEVELOP, []],
    ['no rules', '', DEVELOP, []],
    ['only comments and blank lines', '# nothing\n\n   \n# here', MAIN, ['latest']]
  ] as [string, string, TagContext, string[]][])('%s', (_name, rules, context, expected) => {
    expect(tags(rules, context)).toEqual(expected)
  })

  it('orders by priority, then by rule order', () => {
    const rules = ['type=sha', 'type=raw,value=b', 'type=ref,event=branch', 'type=raw,value=a', 'type=semver,pattern={{version}}'].join(
      '\n'
    )
    expect(tags(rules, MAIN, 'false')).toEqual(['1.3.0', 'main', 'b', 'a', SHORT])
    const custom = [
      'type=sha,priority=950',
      'type=raw,value=first,priority=2000',
      'type=ref,event=branch,priority=-1',
      'type=semver,pattern={{version}}'
    ].join('\n')
    expect(tags(custom, MAIN)).toEqual(['first', 'latest', SHORT, '1.3.0', 'main'])
    // An explicit rule with latest's priority keeps its place in front of it.
    expect(tags('type=raw,value=top,priority=1000\ntype=sha', MAIN)).toEqual(['top', 'latest', SHORT])
  })

  it.each([
    ['auto, release branch, stable', MAIN, 'auto', true],
    ['auto, tag push, stable', TAG, 'auto', true],
    ['auto, prerelease on develop', DEVELOP, 'auto', false],
    ['auto, pull request', PR, 'auto', false],
    [
      'auto, stable version on a branch that is not a release branch',
      ctx({ ref: 'refs/heads/hotfix', releaseBranch: false }),
      'auto',
      false
    ],
    ['auto, prerelease flagged on a release branch', ctx({ version: '1.3.0-rc.1', prerelease: true }), 'auto', false],
    ['true, prerelease on develop', DEVELOP, 'true', true],
    ['true, pull request', PR, 'true', true],
    ['false, release branch', MAIN, 'false', false],
    ['false, tag push', TAG, 'false', false]
  ] as [string, TagContext, 'auto' | 'true' | 'false', boolean][])('latest %s', (_name, context, latest, expected) => {
    const result = tags(DEFAULT_TAG_RULES, context, latest)
    expect(result.includes('latest')).toBe(expected)
    if (expected) expect(result[0]).toBe('latest')
  })

  // Floating names never move backwards; floatingOf (release-repo-tags.test.ts) says which a version may take.
  const backport = (floating: TagContext['floating'], over: Partial<TagContext> = {}) => ctx({ version: '1.1.1', floating, ...over })
  it.each([
    [
      'newest release',
      backport({ latest: true, major: true, minor: true }),
      DEFAULT_TAG_RULES,
      'auto',
      ['latest', '1.1.1', '1.1', '1', 'main', SHORT]
    ],
    [
      'backport below v2.5.2 (newest of its major)',
      backport({ latest: false, major: true, minor: true }),
      DEFAULT_TAG_RULES,
      'auto',
      ['1.1.1', '1.1', '1', 'main', SHORT]
    ],
    [
      'backport below v1.2.0',
      backport({ latest: false, major: false, minor: true }),
      DEFAULT_TAG_RULES,
      'auto',
      ['1.1.1', '1.1', 'main', SHORT]
    ],
    [
      'backport tag push below v2.5.2',
      backport({ latest: false, major: true, minor: true }, { ref: 'refs/tags/v1.1.1', releaseBranch: false }),
      DEFAULT_TAG_RULES,
      'auto',
      ['1.1.1', '1.1', '1', SHORT]
    ],
    [
      'an older patch of a minor line (v1.1.2 exists)',
      backport({ latest: false, major: false, minor: false }),
      DEFAULT_TAG_RULES,
      'auto',
      ['1.1.1', 'main', SHORT]
    ],
    [
      'custom floating patterns follow the same rule',
      backport({ latest: false, major: false, minor: true }),
      'type=semver,pattern=v{{major}}\ntype=semver,pattern=m{{minor}}',
      'auto',
      ['m1']
    ],
    ["latest=true is the user's word", backport({ latest: false, major: true, minor: true }), 'type=sha', 'true', ['latest', SHORT]],
    [
      "an explicit semver value is the user's word",
      backport({ latest: false, major: false, minor: false }),
      'type=semver,pattern={{major}},value=3.0.0',
      'auto',
      ['3']
    ],
    [
      'nothing released since v1.3.0 on another commit: no tag names this build 1.3.0',
      ctx({ taggedElsewhere: true, floating: { latest: false, major: false, minor: false } }),
      DEFAULT_TAG_RULES,
      'auto',
      ['main', SHORT]
    ],
    [
      'the same with custom rules: raw and explicit values stay',
      ctx({ taggedElsewhere: true }),
      'type=raw,value=edge\ntype=semver,pattern={{version}},suffix=-x\ntype=semver,pattern={{version}},value=9.9.9',
      'auto',
      ['9.9.9', 'edge']
    ]
  ] as [string, TagContext, string, 'auto' | 'true' | 'false', string[]][])('floating: %s', (_name, context, rules, latest, expected) => {
    expect(tags(rules, context, latest)).toEqual(expected)
  })

  it('refuses a version that is not semver, naming it', () => {
    expect(() => tags(DEFAULT_TAG_RULES, ctx({ version: 'main-42' }))).toThrow(UserError)
    expect(() => tags(DEFAULT_TAG_RULES, ctx({ version: 'main-42' }))).toThrow(
      'Version "main-42" is not a semantic version (MAJOR.MINOR.PATCH[-PRERELEASE]).'
    )
  })
})

describe('tag rule parsing', () => {
  it('parses every key into a typed rule with defaults', () => {
    expect(parseTagRules(DEFAULT_TAG_RULES, 'tags')).toEqual([
      { type: 'ref', event: 'branch', line: 1, enable: true, prefix: '', suffix: '', priority: 600 },
      { type: 'semver', pattern: '{{version}}', line: 2, enable: true, prefix: '', suffix: '', priority: 900 },
      { type: 'semver', pattern: '{{major}}.{{minor}}', line: 3, enable: true, prefix: '', suffix: '', priority: 900 },
      { type: 'semver', pattern: '{{major}}', line: 4, enable: true, prefix: '', suffix: '', priority: 900 },
      { type: 'sha', format: 'short', line: 5, enable: true, prefix: 'sha-', suffix: '', priority: 100 },
      { type: 'ref', event: 'pr', line: 6, enable: true, prefix: 'pr-', suffix: '', priority: 600 }
    ])
    expect(parseTagRules('\n# comment\ntype=raw,value=x,enable=false,prefix=p-,suffix=-s,priority=5\r\n', 'tags')).toEqual([
      { type: 'raw', value: 'x', line: 3, enable: false, prefix: 'p-', suffix: '-s', priority: 5 }
    ])
  })

  it.each([
    ['spaces around keys and values', ' type = raw , value = x ', 'x'],
    ['a quoted value keeps commas', 'type=raw,value="a,b,c"', 'a,b,c'],
    ['a quoted value keeps spaces', 'type=raw,value=" a "', ' a '],
    ['a doubled quote is a literal quote', 'type=raw,value="say ""hi"""', 'say "hi"'],
    ['an equals sign in a value', 'type=raw,value=a=b', 'a=b'],
    ['a quoted equals sign', 'type=raw,value="a=b,c"', 'a=b,c'],
    ['the whole field quoted', '"value=a,b",type=raw', 'a,b'],
    ['a trailing comma', 'type=raw,value=x,', 'x']
  ])('values: %s', (_name, line, value) => {
    const [rule] = parseTagRules(line, 'tags')
    expect(rule).toMatchObject({ type: 'raw', value })
  })

  it.each([
    [
      'type=semver,pattern={{version}}\ntype=semver,patern={{major}}',
      'Input "tags", line 2: unknown key "patern" for type=semver (known: pattern, value, enable, prefix, suffix, priority).'
    ],
    [
      'type=ref,event=branch,pattern=x',
      'Input "tags", line 1: unknown key "pattern" for type=ref (known: event, enable, prefix, suffix, priority).'
    ],
    ['type=sha,value=x', 'Input "tags", line 1: unknown key "value" for type=sha (known: format, enable, prefix, suffix, priority).'],
    [
      'type=raw,value=x,format=long',
      'Input "tags", line 1: unknown key "format" for type=raw (known: value, enable, prefix, suffix, priority).'
    ],
    [
      'type=raw,value=x,Prefix=v',
      'Input "tags", line 1: unknown key "Prefix" for type=raw (known: value, enable, prefix, suffix, priority).'
    ],
    ['type=semvar,pattern={{version}}', 'Input "tags", line 1: unknown type "semvar" (known: ref, semver, sha, raw).'],
    ['type=edge', 'Input "tags", line 1: unknown type "edge" (known: ref, semver, sha, raw).'],
    ['event=branch', 'Input "tags", line 1: missing key "type" (known types: ref, semver, sha, raw).'],
    ['type=ref,event=push', 'Input "tags", line 1: unknown event "push" for type=ref (known: branch, tag, pr).'],
    ['type=ref', 'Input "tags", line 1: missing key "event" for type=ref (e.g. event=branch).'],
    ['type=semver', 'Input "tags", line 1: missing key "pattern" for type=semver (e.g. pattern={{version}}).'],
    ['type=raw', 'Input "tags", line 1: missing key "value" for type=raw (e.g. value=stable).'],
    ['type=raw,value=', 'Input "tags", line 1: key "value" of type=raw is empty (e.g. value=stable).'],
    ['type=semver,pattern=""', 'Input "tags", line 1: key "pattern" of type=semver is empty (e.g. pattern={{version}}).'],
    ['type=sha,format=medium', 'Input "tags", line 1: format="medium" is not valid for type=sha (expected short or long).'],
    ['type=sha,enable=yes', 'Input "tags", line 1: enable="yes" is not valid (expected true or false).'],
    ['type=sha,enable=', 'Input "tags", line 1: enable="" is not valid (expected true or false).'],
    ['type=sha,priority=high', 'Input "tags", line 1: priority="high" is not valid (expected a whole number).'],
    ['type=sha,priority=1.5', 'Input "tags", line 1: priority="1.5" is not valid (expected a whole number).'],
    ['type=sha,prefix=a,prefix=b', 'Input "tags", line 1: key "prefix" is given twice.'],
    ['latest', 'Input "tags", line 1: "latest" is not key=value (a fixed tag is written type=raw,value=latest).'],
    ['type=raw,=x', 'Input "tags", line 1: "=x" has no key before "=".'],
    ['type=raw,value="a,b', 'Input "tags", line 1: a double quote is not closed in "type=raw,value="a,b".'],
    [
      'type=semver,pattern={{majr}}',
      'Input "tags", line 1: unknown placeholder "{{majr}}" in pattern (known: {{version}}, {{major}}, {{minor}}, {{patch}}).'
    ],
    [
      'type=semver,pattern={{raw}}',
      'Input "tags", line 1: unknown placeholder "{{raw}}" in pattern (known: {{version}}, {{major}}, {{minor}}, {{patch}}).'
    ],
    [
      'type=semver,pattern=stable',
      'Input "tags", line 1: pattern "stable" has no placeholder (known: {{version}}, {{major}}, {{minor}}, {{patch}}); ' +
        'a fixed tag is written type=raw,value=stable.'
    ],
    [
      'type=semver,pattern={{version}},value=next',
      'Input "tags", line 1: value="next" is not a semantic version (e.g. 1.2.3 or v1.2.3-rc.1).'
    ],
    [
      '# header\n\ntype=sha\n  # indented comment\ntype=sha,format=full',
      'Input "tags", line 5: format="full" is not valid for type=sha (expected short or long).'
    ]
  ])('refuses %j', (text, message) => {
    expect(() => parseTagRules(text, 'tags')).toThrow(UserError)
    expect(() => parseTagRules(text, 'tags')).toThrow(message)
  })

  it('names the input it was given', () => {
    expect(() => parseTagRules('type=nope', 'image-tags')).toThrow('Input "image-tags", line 1: unknown type "nope"')
  })
})

describe('sanitizeTag', () => {
  it.each([
    ['main', 'main'],
    ['feature/x', 'feature-x'],
    ['feature//deep/x', 'feature-deep-x'],
    ['Release_1.2-rc', 'Release_1.2-rc'],
    ['_underscore', '_underscore'],
    ['.hidden', 'hidden'],
    ['..-.v1', 'v1'],
    ['-dash', 'dash'],
    ['1.3.0+build.5', '1.3.0-build.5'],
    ['with space', 'with-space'],
    ['café', 'cafe'],
    ['Ünïcödé/ß', 'Unicode-'],
    ['🚀launch', 'launch'],
    ['x🚀y', 'x-y'],
    ['日本語', ''],
    ['', ''],
    ['///', '']
  ])('%j -> %j', (input, expected) => {
    expect(sanitizeTag(input)).toBe(expected)
  })

  it('cuts to 128 characters and always fits the Docker tag grammar', () => {
    expect(sanitizeTag('a'.repeat(200))).toBe('a'.repeat(128))
    expect(sanitizeTag(`..${'b/'.repeat(100)}`)).toHaveLength(128)
    for (const input of ['a'.repeat(200), `.${'é'.repeat(200)}`, `feature/${'x'.repeat(190)}`, '-._-x', 'ÅÄÖ/åäö']) {
      expect(sanitizeTag(input)).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/)
    }
  })
})

describe('sanitizeBranchForSemver', () => {
  it.each([
    ['feature/Login_Page', 'feature-login-page'],
    ['develop', 'develop'],
    ['release/1.2', 'release-1-2'],
    ['fix--double///slash', 'fix-double-slash'],
    ['--x--', 'x'],
    ['.leading.dot', 'leading-dot'],
    ['Ünïcödé', 'unicode'],
    ['über/straße', 'uber-stra-e'],
    ['日本語', 'branch'],
    ['', 'branch'],
    ['///', 'branch'],
    ['123', 'branch-123'],
    ['0123', 'branch-0123'],
    ['1-2', '1-2']
  ])('%j -> %j', (input, expected) => {
    expect(sanitizeBranchForSemver(input)).toBe(expected)
  })

  it('keeps long names short and never ends on a dash', () => {
    expect(sanitizeBranchForSemver('a'.repeat(200))).toBe('a'.repeat(64))
    expect(sanitizeBranchForSemver(`${'a'.repeat(63)}/bbbb`)).toBe('a'.repeat(63))
  })

  it('always gives a valid prerelease identifier', () => {
    for (const branch of [
      'feature/Login_Page',
      'a'.repeat(200),
      '0123',
      '日本語',
      '..',
      'x.y.z',
      'dependabot/npm_and_yarn/semver-7.6.0',
      `${'é'.repeat(150)}/z`
    ]) {
      const label = sanitizeBranchForSemver(branch)
      expect(label).toMatch(/^[0-9a-z-]+$/)
      expect(semver.valid(`1.3.0-${label}.4`)).toBe(`1.3.0-${label}.4`)
    }
  })
})

describe('imageRefs', () => {
  it('pairs every image with every tag, in order, without duplicates', () => {
    expect(imageRefs(['ghcr.io/acme/web', ' docker.io/acme/web ', '', 'ghcr.io/acme/web'], ['1.3.0', 'latest'])).toEqual([
      'ghcr.io/acme/web:1.3.0',
      'ghcr.io/acme/web:latest',
      'docker.io/acme/web:1.3.0',
      'docker.io/acme/web:latest'
    ])
    expect(imageRefs([], ['latest'])).toEqual([])
    expect(imageRefs(['web'], [])).toEqual([])
  })

  it.each([
    'web',
    'acme/web',
    'localhost/web',
    'localhost:5000/web',
    'registry.example.com:8443/team/sub/web',
    'Registry.Example.com/acme/web',
    '10.0.0.7:5000/acme/web',
    '[::1]:5000/acme/web',
    'acme/web.app_v2__x-y--z'
  ])('accepts %j', (image) => {
    expect(imageRefs([image], ['t'])).toEqual([`${image}:t`])
  })

  it.each([
    ['ghcr.io/Acme/Web', 'the repository path must be lower-case ("acme/web")'],
    ['Web', 'the repository path must be lower-case ("web")'],
    ['ghcr.io/acme/web:1.0', '":1.0" looks like a tag, and tags come from the tag rules'],
    ['web:latest', '":latest" looks like a tag'],
    ['ghcr.io/acme/web@sha256:abc', 'a digest does not belong here'],
    ['ghcr.io/acme//web', 'path component "" is not allowed'],
    ['ghcr.io/acme/-web', 'path component "-web" is not allowed'],
    ['ghcr.io/acme/web.', 'path component "web." is not allowed'],
    ['ghcr.io/acme/we b', 'path component "we b" is not allowed'],
    ['my_host:5000/web', 'registry "my_host:5000" is not host[:port]'],
    ['ghcr.io:port/web', 'registry "ghcr.io:port" is not host[:port]'],
    ['-bad.io/web', 'registry "-bad.io" is not host[:port]'],
    [`ghcr.io/${'a'.repeat(250)}`, 'longer than 255 characters']
  ])('refuses %j', (image, why) => {
    expect(() => imageRefs([image], ['t'])).toThrow(UserError)
    expect(() => imageRefs([image], ['t'])).toThrow(`Input "images": "${image}" is not a valid image name: ${why}`)
  })

  it('says what it expects', () => {
    expect(() => imageRefs(['ghcr.io/Acme/web'], ['t'])).toThrow(
      'Input "images": "ghcr.io/Acme/web" is not a valid image name: the repository path must be lower-case ("acme/web") ' +
        '(expected [registry[:port]/]lower-case/path, e.g. ghcr.io/acme/web).'
    )
  })
})

describe('ociLabels', () => {
  const base = {
    version: '1.3.0',
    sha: SHA,
    repositoryUrl: 'https://github.com/acme/web',
    created: '2025-03-04T05:06:07.000Z',
    title: 'web'
  }

  it('gives every label, sorted by key', () => {
    expect(ociLabels({ ...base, description: 'The web front end', licenses: 'Apache-2.0' })).toEqual([
      'org.opencontainers.image.created=2025-03-04T05:06:07.000Z',
      'org.opencontainers.image.description=The web front end',
      'org.opencontainers.image.licenses=Apache-2.0',
      `org.opencontainers.image.revision=${SHA}`,
      'org.opencontainers.image.source=https://github.com/acme/web',
      'org.opencontainers.image.title=web',
      'org.opencontainers.image.url=https://github.com/acme/web',
      'org.opencontainers.image.version=1.3.0'
    ])
  })

  it('leaves out an absent or empty description and licence', () => {
    const keys = (labels: string[]): string[] => labels.map((l) => l.slice(0, l.indexOf('=')).replace('org.opencontainers.image.', ''))
    expect(keys(ociLabels(base))).toEqual(['created', 'revision', 'source', 'title', 'url', 'version'])
    expect(keys(ociLabels({ ...base, description: '  ', licenses: '' }))).toEqual([
      'created',
      'revision',
      'source',
      'title',
      'url',
      'version'
    ])
  })

  it('keeps each label on one line and values with = intact', () => {
    const labels = ociLabels({ ...base, description: 'Line one\r\n  line two\n', title: 'a=b' })
    expect(labels).toContain('org.opencontainers.image.description=Line one line two')
    expect(labels).toContain('org.opencontainers.image.title=a=b')
    expect(labels.every((l) => !/[\r\n]/.test(l))).toBe(true)
  })
})
