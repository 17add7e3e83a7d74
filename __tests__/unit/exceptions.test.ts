import { describe, expect, it } from '@jest/globals'
import { applyExceptions, covers, isExpiringSoon, parseExceptions } from '../../actions/lib/policy/exceptions.js'
import type { Finding } from '../../actions/lib/findings/model.js'

const finding = (over: Partial<Finding> & { ruleId: string }): Finding => ({ tool: 'trivy', kind: 'vulnerability', severity: 'high', title: 't', location: {}, fingerprint: `fp-${over.ruleId}`, ...over })
const now = new Date('2026-06-15T12:00:00Z')

describe('exceptions file', () => {
  it('reads a mapping with a list, and a bare list', () => {
    const yaml = `exceptions:\n  - id: CVE-2021-23337\n    package: lodash\n    owner: '@acme/payments'\n    reason: not reachable from our code\n    expires: 2026-12-31\n`
    expect(parseExceptions(yaml, 'e.yml')).toEqual([
      { index: 1, ruleId: 'CVE-2021-23337', package: 'lodash', owner: '@acme/payments', reason: 'not reachable from our code', expires: '2026-12-31', tool: undefined, fingerprint: undefined, path: undefined }
    ])
    expect(parseExceptions(`- id: X\n  owner: '@alice'\n  reason: r\n  expires: 2026-01-01\n`, 'e.yml')).toHaveLength(1)
    expect(parseExceptions('', 'e.yml')).toEqual([])
  })

  it.each([
    ['no reason', `- id: CVE-1\n  expires: 2026-12-31\n`, /e.yml: exception 1 \(CVE-1\) needs a "reason"/],
    ['no owner', `- id: CVE-1\n  reason: ok\n  expires: 2026-12-31\n`, /exception 1 \(CVE-1\) needs an "owner": the user or team/],
    ['no expiry', `- id: CVE-1\n  owner: '@a'\n  reason: ok\n`, /exception 1 \(CVE-1\) needs "expires"/],
    ['bad date', `- id: CVE-1\n  owner: '@a'\n  reason: ok\n  expires: 2026-02-30\n`, /"expires" must be a date as YYYY-MM-DD, got "2026-02-30"/],
    ['no id', `- reason: ok\n  expires: 2026-12-31\n`, /exception 1 needs "id"/],
    ['unknown key', `- id: A\n  owner: '@a'\n  reason: r\n  expires: 2026-12-31\n  until: x\n`, /unknown key\(s\) until/],
    ['not a list', `exceptions: 3\n`, /expected a list of exceptions/],
    ['not YAML', `- id: [unclosed\n`, /not valid YAML/]
  ])('%s is an input error', (_n, yaml, message) => {
    expect(() => parseExceptions(yaml, 'e.yml')).toThrow(message)
  })
})

describe('applying exceptions', () => {
  const entries = parseExceptions(
    [
      '- id: CVE-1',
      "  owner: '@alice'",
      '  reason: accepted',
      '  expires: 2026-06-15',
      '- id: CVE-2',
      "  owner: '@alice'",
      '  reason: was accepted',
      '  expires: 2026-06-14',
      '- id: AVD-DS-0002',
      '  path: "docker/**"',
      "  owner: '@acme/platform'",
      '  reason: base image runs as root by design',
      '  expires: 2027-01-01',
      '- id: CVE-3',
      '  package: lodash',
      "  owner: '@bob'",
      '  reason: dev only',
      '  expires: 2027-01-01'
    ].join('\n'),
    'e.yml'
  )

  it('active entries suppress, expired ones do not and are reported', () => {
    const { kept, excepted, uses } = applyExceptions([finding({ ruleId: 'CVE-1' }), finding({ ruleId: 'CVE-2' })], entries, now)
    expect(excepted.map((f) => f.ruleId)).toEqual(['CVE-1'])
    expect(kept.map((f) => f.ruleId)).toEqual(['CVE-2'])
    expect(uses.find((u) => u.entry.ruleId === 'CVE-2')).toMatchObject({ expired: true, matched: 1 })
    expect(uses.find((u) => u.entry.ruleId === 'CVE-1')).toMatchObject({ expired: false, matched: 1 })
  })

  it('old trivy ids match new ones, scoped by path', () => {
    const inside = finding({ ruleId: 'DS-0002', tool: 'trivy', location: { file: 'docker/base/Dockerfile' } })
    const outside = finding({ ruleId: 'DS-0002', tool: 'trivy', location: { file: 'Dockerfile' } })
    const { kept, excepted } = applyExceptions([inside, outside], entries, now)
    expect(excepted).toEqual([inside])
    expect(kept).toEqual([outside])
  })

  it('package scope', () => {
    const { kept } = applyExceptions([finding({ ruleId: 'CVE-3', location: { package: 'lodash' } }), finding({ ruleId: 'CVE-3', location: { package: 'axios' } })], entries, now)
    expect(kept.map((f) => f.location.package)).toEqual(['axios'])
  })

  it('fingerprint scope', () => {
    const [entry] = parseExceptions(`- id: R\n  fingerprint: fp-keep\n  owner: '@a'\n  reason: r\n  expires: 2027-01-01\n`, 'e.yml')
    const { kept } = applyExceptions([finding({ ruleId: 'R', fingerprint: 'fp-keep' }), finding({ ruleId: 'R', fingerprint: 'other' })], [entry], now)
    expect(kept.map((f) => f.fingerprint)).toEqual(['other'])
  })
})

describe('expiry warnings and coverage', () => {
  const one = (yaml: string) => parseExceptions(yaml, 'e.yml')[0]
  it.each([
    ['2026-06-15', true],
    ['2026-06-29', true],
    ['2026-06-30', false],
    ['2026-06-14', false]
  ])('an exception ending %s is expiring within 14 days of 2026-06-15: %s', (expires, soon) => {
    expect(isExpiringSoon(one(`- id: A\n  owner: '@a'\n  reason: r\n  expires: ${expires}\n`), now, 14)).toBe(soon)
  })

  it('applyExceptions marks the uses that expire soon', () => {
    const entries = parseExceptions(`- id: A\n  owner: '@a'\n  reason: r\n  expires: 2026-06-20\n- id: B\n  owner: '@b'\n  reason: r\n  expires: 2027-06-20\n`, 'e.yml')
    expect(applyExceptions([finding({ ruleId: 'A' })], entries, now).uses.map((u) => [u.entry.ruleId, u.expiringSoon])).toEqual([['A', true], ['B', false]])
  })

  const e = (extra: string, expires = '2026-12-31') => one(`- id: CVE-1\n  owner: '@a'\n  reason: r\n  expires: ${expires}\n${extra}`)
  it.each([
    ['the same entry', e(''), e(''), true],
    ['a narrower scope', e(''), e('  package: lodash\n'), true],
    ['a wider scope', e('  package: lodash\n'), e(''), false],
    ['another package', e('  package: lodash\n'), e('  package: axios\n'), false],
    ['an earlier expiry', e(''), e('', '2026-07-01'), true],
    ['a later expiry', e('', '2026-07-01'), e(''), false],
    ['another rule', e(''), one(`- id: CVE-2\n  owner: '@a'\n  reason: r\n  expires: 2026-12-31\n`), false]
  ])('a base entry covers %s: %s', (_n, base, head, expected) => {
    expect(covers(base, head)).toBe(expected)
  })
})
