// Conventional Commits, reverts, bumps, next versions, moving tags and the changelog, table-driven.
import { describe, expect, it } from '@jest/globals'
import { changelog } from '../../actions/lib/release/changelog.js'
import { bumpOf, cancelReverts, highestBump, parseCommit, type Bump } from '../../actions/lib/release/conventional.js'
import { movingTags } from '../../actions/lib/release/github.js'
import { floatingOf, tagVersion } from '../../actions/lib/release/repo-tags.js'
import { isReleaseBranch, latestVersion, nextVersion } from '../../actions/lib/release/version.js'

const c = (subject: string, body = '', sha = 'a'.repeat(40)) => parseCommit({ sha, subject, body })

describe('parseCommit', () => {
  it.each([
    ['feat: add login', { type: 'feat', subject: 'add login', breaking: false, conventional: true }],
    ['feat(auth): add login', { type: 'feat', scope: 'auth', subject: 'add login', breaking: false }],
    ['fix(api)!: drop v1 endpoints', { type: 'fix', scope: 'api', breaking: true, breakingNote: 'drop v1 endpoints' }],
    ['Feat: capitalised type', { type: 'feat', subject: 'capitalised type' }],
    ['chore(deps): bump yaml', { type: 'chore', scope: 'deps' }],
    ['Update README', { type: '', conventional: false, breaking: false }],
    ['feat:no space is not conventional', { conventional: false }],
    ['feat(): empty scope', { type: 'feat', scope: undefined }]
  ])('%s', (subject, expected) => {
    expect(c(subject)).toMatchObject(expected)
  })

  const SHA_A = 'a1b2c3d4e5f60718293a4b5c6d7e8f9011223344'
  const SHA_B = 'b1b2c3d4e5f60718293a4b5c6d7e8f9011223344'
  it.each([
    [
      'git revert of a breaking feat',
      'Revert "feat(api)!: drop v1 endpoints"',
      `This reverts commit ${SHA_A}.`,
      { type: 'revert', subject: 'feat(api)!: drop v1 endpoints', breaking: false, conventional: true, reverts: [SHA_A] }
    ],
    [
      'git revert of a revert',
      'Revert "Revert "feat: x""',
      `This reverts commit ${SHA_B}.`,
      { type: 'revert', subject: 'Revert "feat: x"', reverts: [SHA_B] }
    ],
    [
      'git revert of a merge',
      'Revert "Merge branch x"',
      `This reverts commit ${SHA_A}, reversing\nchanges made to ${SHA_B}.`,
      { type: 'revert', reverts: [SHA_A] }
    ],
    [
      'revert: with a Refs footer of two commits',
      'revert: let us never speak of it',
      'Refs: 676104e, a215868',
      { type: 'revert', reverts: ['676104e', 'a215868'] }
    ],
    ['revert: naming no commit', 'revert: something', '', { type: 'revert', reverts: undefined }],
    ['a Refs footer on another type reverts nothing', 'fix: a', 'Refs: 676104e', { type: 'fix', reverts: undefined }],
    [
      '"This reverts commit" on another type reverts nothing either',
      'fix: undo a',
      `This reverts commit ${SHA_A}.`,
      { type: 'fix', reverts: undefined }
    ]
  ] as [string, string, string, Record<string, unknown>][])('%s', (_name, subject, body, expected) => {
    const { reverts, ...rest } = expected
    const parsed = c(subject, body)
    expect(parsed).toMatchObject(rest)
    expect(parsed.reverts).toEqual(reverts)
  })

  it('a BREAKING CHANGE footer (or BREAKING-CHANGE) makes any commit breaking, with its text as the note', () => {
    expect(c('refactor: new config format', 'Long explanation.\n\nBREAKING CHANGE: the config file moved to sgw.yml')).toMatchObject({
      type: 'refactor',
      breaking: true,
      breakingNote: 'the config file moved to sgw.yml'
    })
    expect(c('feat: x', 'BREAKING-CHANGE: y')).toMatchObject({ breaking: true, breakingNote: 'y' })
    expect(c('feat: x', 'mentions BREAKING CHANGE: in the middle of a line')).toMatchObject({ breaking: false })
  })
})

describe('bumps', () => {
  it.each([
    [['fix: a'], 'patch', 'patch'],
    [['perf: a'], 'none', 'patch'],
    [['fix: a', 'feat: b'], 'patch', 'minor'],
    [['feat: a', 'chore!: b'], 'patch', 'major'],
    [['docs: a', 'chore: b'], 'patch', 'patch'],
    [['docs: a', 'chore: b'], 'none', 'none'],
    [['Merge branch x', 'random words'], 'minor', 'minor'],
    [[], 'patch', 'none']
  ] as [string[], Bump, Bump][])('%j with default-bump %s -> %s', (subjects, defaultBump, expected) => {
    const commits = subjects.map((s) => c(s))
    expect(highestBump(commits, defaultBump)).toBe(expected)
  })

  it('bumpOf a breaking non-feat is major; a revert (of a released change) is a patch whatever default-bump says', () => {
    expect(bumpOf(c('ci!: require node 24'), 'none')).toBe('major')
    expect(bumpOf(c('Revert "feat: x"', `This reverts commit ${'e'.repeat(40)}.`), 'none')).toBe('patch')
  })

  it.each([
    ['1.2.3', 'major', false, '2.0.0'],
    ['1.2.3', 'minor', false, '1.3.0'],
    ['1.2.3', 'patch', false, '1.2.4'],
    ['1.2.3', 'none', false, '1.2.3'],
    ['0.4.1', 'major', false, '0.5.0'],
    ['0.4.1', 'major', true, '1.0.0'],
    ['0.4.1', 'minor', false, '0.5.0']
  ] as [string, Bump, boolean, string][])('%s + %s (major-on-zero %s) = %s', (from, bump, majorOnZero, to) => {
    expect(nextVersion(from, bump, majorOnZero)).toBe(to)
  })
})

describe('tags and branches', () => {
  it('the latest version: highest stable semver with the prefix; prereleases skipped; version-like tags warned about', () => {
    const warnings: string[] = []
    expect(latestVersion(['v1.2.0', 'v1.10.0', 'v1.9.9', 'v2.0.0-rc.1', 'v1.3', 'vnext', 'v1.2.3.4'], 'v', warnings)).toEqual({
      tag: 'v1.10.0',
      version: '1.10.0'
    })
    expect(warnings).toEqual([
      'Tag "v1.3" looks like a version but is not semver (MAJOR.MINOR.PATCH); it is ignored.',
      'Tag "v1.2.3.4" looks like a version but is not semver (MAJOR.MINOR.PATCH); it is ignored.'
    ])
    expect(latestVersion(['web-1.0.0', 'v9.0.0'], 'web-', [])).toEqual({ tag: 'web-1.0.0', version: '1.0.0' })
    expect(latestVersion([], 'v', [])).toBeUndefined()
  })

  it.each([
    ['main', ['main'], true],
    ['release/1.x', ['main', 'release/*'], true],
    ['release/1.x/hotfix', ['release/*'], false],
    ['develop', ['main'], false],
    [undefined, ['main'], false]
  ] as [string | undefined, string[], boolean][])('%s in %j: %s', (branch, patterns, expected) => {
    expect(isReleaseBranch(branch, patterns)).toBe(expected)
  })

  it.each([
    ['1.4.0', ['v1.3.0', 'v1.2.0', 'v0.9.0'], true, ['v1', 'v1.4']],
    ['1.3.2', ['v1.4.0', 'v1.3.1'], true, ['v1.3']],
    ['1.3.2', ['v1.4.0'], false, []],
    ['2.0.0', ['v1.9.0', 'v2.0.0-rc.1'], false, ['v2']],
    ['1.3.2', ['v1.3.2', 'v1.2.0'], false, ['v1']],
    ['1.1.1', ['v2.5.2', 'v1.1.0'], true, ['v1', 'v1.1']],
    ['1.1.1', ['v2.5.2', 'v1.2.0'], true, ['v1.1']]
  ] as [string, string[], boolean, string[]][])('moving tags for %s with %j (minor %s): %j', (version, tags, minor, expected) => {
    const versions = tags.map((t) => tagVersion(t, 'v') as string)
    expect(movingTags(version, 'v', floatingOf(version, versions), minor)).toEqual(expected)
  })
})

describe('reverts cancel what they revert before a release', () => {
  // Newest first, as git log gives them; a sha is its two-character name padded with zeros.
  const sha = (name: string) => name.padEnd(40, '0')
  const commit = (name: string, subject: string, reverts?: string) =>
    c(subject, reverts ? `This reverts commit ${sha(reverts)}.` : '', sha(name))
  it.each([
    [
      'a breaking feat and its revert cancel; the fix stays',
      [commit('c3', 'fix: b'), commit('b2', 'Revert "feat(api)!: a"', 'a1'), commit('a1', 'feat(api)!: a')],
      ['c3'],
      'patch'
    ],
    ['a revert of a released commit is a change of its own', [commit('b2', 'Revert "feat: old"', 'ff')], ['b2'], 'patch'],
    [
      'a revert of the revert brings the feat back',
      [commit('c3', 'Revert "Revert "feat: a""', 'b2'), commit('b2', 'Revert "feat: a"', 'a1'), commit('a1', 'feat: a')],
      ['a1'],
      'minor'
    ],
    [
      'three reverts in a row leave it reverted',
      [
        commit('d4', 'Revert "Revert "Revert "feat: a"""', 'c3'),
        commit('c3', 'Revert "Revert "feat: a""', 'b2'),
        commit('b2', 'Revert "feat: a"', 'a1'),
        commit('a1', 'feat: a')
      ],
      [],
      'none'
    ],
    ['an abbreviated sha in a Refs footer', [c('revert: a', 'Refs: a1a1a1a', sha('b2')), c('feat: a', '', sha('a1a1a1a'))], [], 'none'],
    [
      'a revert of a released revert is a change too',
      [commit('c3', 'Revert "Revert "feat: a""', 'ee'), commit('a1', 'docs: x')],
      ['c3', 'a1'],
      'patch'
    ],
    [
      'a revert naming a released and an unreleased commit cancels the one and stays for the other',
      [c('revert: a and b', `Refs: ${sha('a1')}, ${sha('ee')}`, sha('b2')), commit('a1', 'feat: a')],
      ['b2'],
      'patch'
    ]
  ] as [string, ReturnType<typeof c>[], string[], Bump][])('%s', (_name, commits, kept, bump) => {
    const result = cancelReverts(commits)
    expect(result.kept.map((k) => k.sha.slice(0, 2))).toEqual(kept)
    expect(result.cancelled).toHaveLength(commits.length - kept.length)
    expect(highestBump(result.kept, 'none')).toBe(bump)
  })
})

describe('changelog', () => {
  it('groups by type, breaking changes first, with scopes and commit links', () => {
    const commits = [
      c('feat(auth): login with passkeys', '', '1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
      c('fix: trailing slash in URLs', '', '2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'),
      c('refactor!: drop Node 18', 'BREAKING CHANGE: Node 20 or later is required', '3333333ccccccccccccccccccccccccccccccccc'),
      c('Update README', '', '4444444ddddddddddddddddddddddddddddddddd'),
      c('chore(deps): bump yaml', '', '5555555eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee')
    ]
    expect(
      changelog(commits, {
        version: '2.0.0',
        tag: 'v2.0.0',
        previousTag: 'v1.4.0',
        repositoryUrl: 'https://github.com/acme/web',
        date: '2026-11-23'
      })
    ).toBe(
      [
        '## 2.0.0 (2026-11-23) ([compare](https://github.com/acme/web/compare/v1.4.0...v2.0.0))',
        '',
        '### ⚠ Breaking changes',
        '',
        '- Node 20 or later is required ([3333333](https://github.com/acme/web/commit/3333333ccccccccccccccccccccccccccccccccc))',
        '',
        '### Features',
        '',
        '- **auth:** login with passkeys ([1111111](https://github.com/acme/web/commit/1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa))',
        '',
        '### Bug fixes',
        '',
        '- trailing slash in URLs ([2222222](https://github.com/acme/web/commit/2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))',
        '',
        '### Refactoring',
        '',
        '- drop Node 18 ([3333333](https://github.com/acme/web/commit/3333333ccccccccccccccccccccccccccccccccc))',
        '',
        '### Chores',
        '',
        '- **deps:** bump yaml ([5555555](https://github.com/acme/web/commit/5555555eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee))',
        '',
        '### Other changes',
        '',
        '- Update README ([4444444](https://github.com/acme/web/commit/4444444ddddddddddddddddddddddddddddddddd))',
        ''
      ].join('\n')
    )
  })

  it('says when there is nothing since the previous version', () => {
    expect(changelog([], { version: '1.0.0', tag: 'v1.0.0', date: '2026-11-23' })).toBe(
      '## 1.0.0 (2026-11-23)\n\nNo changes since the previous version.\n'
    )
  })
})
