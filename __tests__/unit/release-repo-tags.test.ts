// What the repository's tags say about a version: floating names that never move backwards, the
// error for a version a tag on another commit already names, and why a clone may show no version
// tag. Table-driven over plain data; the same cases run on real repositories in semver-tag.test.ts.
import { describe, expect, it } from '@jest/globals'
import type { TagRef } from '../../actions/lib/release/git.js'
import { floatingOf, otherVersionPrefix, tagVersion, versionTags, type Floating } from '../../actions/lib/release/repo-tags.js'
import {
  LONG_HISTORY,
  missingTagWarning,
  versionTaken,
  type TakenContext,
  type VersionSettings
} from '../../actions/lib/release/version.js'

const ref = (name: string, commit = 'c'.repeat(40)): TagRef => ({ name, commit })

describe('floatingOf: the floating names a version may take', () => {
  it.each([
    ['the newest release', '2.6.0', ['2.5.2', '1.1.0'], { latest: true, major: true, minor: true }],
    [
      'a backport below 2.5.2, newest of its major',
      '1.1.1',
      ['2.5.2', '1.1.0'],
      { latest: false, major: true, minor: true, newer: '2.5.2' }
    ],
    [
      'a backport below 1.2.0 and 2.5.2',
      '1.1.1',
      ['2.5.2', '1.2.0', '1.1.0'],
      { latest: false, major: false, minor: true, newer: '2.5.2' }
    ],
    ['an older patch of its minor line', '1.1.1', ['1.1.2'], { latest: false, major: false, minor: false, newer: '1.1.2' }],
    ['its own tag does not hold it back', '1.1.1', ['1.1.1'], { latest: true, major: true, minor: true }],
    ['prerelease tags hold nothing', '1.1.1', ['2.0.0-rc.1', '1.2.0-develop.3'], { latest: true, major: true, minor: true }],
    ['a prerelease takes nothing', '2.0.0-rc.1', [], { latest: false, major: false, minor: false }],
    ['no tags at all', '0.1.0', [], { latest: true, major: true, minor: true }]
  ] as [string, string, string[], Floating][])('%s: %s among %j', (_name, version, tagged, expected) => {
    expect(floatingOf(version, tagged)).toEqual(expected)
  })
})

describe('tag names and versions', () => {
  it.each([
    ['v1.2.3', 'v', '1.2.3'],
    ['v1.2.3-rc.1', 'v', '1.2.3-rc.1'],
    ['1.2.3', '', '1.2.3'],
    ['v1.2.3', '', null],
    ['web-2.0.0', 'web-', '2.0.0'],
    ['v1.2', 'v', null],
    ['v01.2.3', 'v', null]
  ] as [string, string, string | null][])('%s with prefix "%s" names %s', (tag, prefix, expected) => {
    expect(tagVersion(tag, prefix)).toBe(expected)
  })

  it('versionTags keeps the tags that name a version, with their commits', () => {
    expect(versionTags([ref('v1.0.0', 'a'.repeat(40)), ref('vnext'), ref('web-1.0.0'), ref('v2.0.0-rc.1', 'b'.repeat(40))], 'v')).toEqual([
      { name: 'v1.0.0', commit: 'a'.repeat(40), version: '1.0.0' },
      { name: 'v2.0.0-rc.1', commit: 'b'.repeat(40), version: '2.0.0-rc.1' }
    ])
  })

  it.each([
    [['1.2.0', 'latest'], 'v', { prefix: '', example: '1.2.0' }],
    [['release-1.2.0'], 'v', { prefix: 'release-', example: 'release-1.2.0' }],
    [['v1.2.0'], '', { prefix: 'v', example: 'v1.2.0' }],
    [['v1.2.0', '1.0.0'], 'v', { prefix: '', example: '1.0.0' }],
    [['v1.2', 'nightly'], 'v', undefined],
    [[], 'v', undefined]
  ] as [string[], string, ReturnType<typeof otherVersionPrefix>][])(
    'version-like tags %j without prefix "%s": %j',
    (names, prefix, expected) => {
      expect(
        otherVersionPrefix(
          names.map((n) => ref(n)),
          prefix
        )
      ).toEqual(expected)
    }
  )
})

describe('a version that a tag on another commit already names', () => {
  const settings: VersionSettings = {
    tagPrefix: 'v',
    bump: 'auto',
    defaultBump: 'patch',
    majorOnZero: false,
    initialVersion: '0.1.0',
    releaseBranches: ['main']
  }
  const tag = (version: string) => ({ name: `v${version}`, commit: `${version.replace(/\D/g, '')}`.padEnd(40, 'f'), version })
  const taken = (version: string, ctx: Partial<TakenContext>, tagged: string[]) =>
    versionTaken(version, tag(version), { bump: 'patch', release: true, settings: { ...settings }, ...ctx, tagged: tagged.map(tag) })
      .message
  it.each([
    [
      'a fix on main after v1.3.1 on release/1.3',
      taken('1.3.1', { base: '1.3.0', bump: 'patch' }, ['1.3.0', '1.3.1']),
      "Version 1.3.1 is already tag v1.3.1 on commit 131ffff, outside this branch's history: " +
        'merge v1.3.1 into this branch so that the next version follows it, or release 1.4.0 instead (bump: minor).'
    ],
    [
      'the minor line is taken too',
      taken('1.3.1', { base: '1.3.0' }, ['1.3.0', '1.3.1', '1.4.0']),
      /or release 2\.0\.0 instead \(bump: major\)\.$/
    ],
    [
      'a feat whose minor is taken: only major is higher',
      taken('1.4.0', { base: '1.3.0', bump: 'minor' }, ['1.4.0']),
      /or release 2\.0\.0 instead \(bump: major\)\.$/
    ],
    [
      'before 1.0.0 a major bump is a minor one',
      taken('0.4.1', { base: '0.4.0', bump: 'patch' }, ['0.4.1', '0.5.0']),
      /so that the next version follows it\.$/
    ],
    [
      'nothing higher is free: merge is the only choice',
      taken('1.4.0', { base: '1.3.0', bump: 'minor' }, ['1.4.0', '2.0.0']),
      /so that the next version follows it\.$/
    ],
    [
      'the initial version is taken',
      taken('0.1.0', { base: undefined }, ['0.1.0']),
      /or release 0\.2\.0 instead \(initial-version: 0\.2\.0\)\.$/
    ],
    [
      'a prerelease',
      taken('1.3.1-develop.3', { release: false }, ['1.3.1-develop.3']),
      /^Version 1\.3\.1-develop\.3 is already tag v1\.3\.1-develop\.3 .*; prereleases are never tagged by this action, so delete or rename/
    ]
  ] as [string, string, string | RegExp][])('%s', (_name, message, expected) => {
    if (typeof expected === 'string') expect(message).toBe(expected)
    else expect(message).toMatch(expected)
    expect(message).not.toMatch(/\n/)
  })
})

describe('why a clone shows no version tag', () => {
  const tags = (...names: string[]) => names.map((n) => ref(n))
  it.each([
    ['a first release on a short history', tags(), 3, undefined],
    ['a first release on a long history with other tags', tags('nightly'), LONG_HISTORY + 10, undefined],
    [
      'no tags at all on a long history',
      tags(),
      LONG_HISTORY,
      `This clone has no tags but ${LONG_HISTORY} commits of history, so the version starts at 0.1.0: ` +
        'if the project has releases, fetch their tags (fetch-depth: 0 or fetch-tags: true on actions/checkout, or git fetch --tags).'
    ],
    ['tags without the prefix', tags('1.2.0'), 5, 'No tag is a version with tag-prefix "v", but 1.2.0 is one: set tag-prefix to none.'],
    [
      'tags with another prefix',
      tags('web-1.2.0'),
      5,
      'No tag is a version with tag-prefix "v", but web-1.2.0 is one: set tag-prefix to "web-".'
    ],
    [
      'releases on other branches only',
      tags('v2.0.0', 'v1.0.0', 'v3.0.0-rc.1'),
      5,
      "No version tag in this branch's history (v2.0.0 is on another branch), so the version starts at 0.1.0: " +
        'merge that release into this branch if this branch should follow it.'
    ]
  ] as [string, TagRef[], number, string | undefined][])('%s', (_name, all, distance, expected) => {
    expect(missingTagWarning(all, versionTags(all, 'v'), 'v', '0.1.0', distance)).toBe(expected)
  })
})
