import { describe, expect, it } from '@jest/globals'
import { applyExceptions, parseExceptions } from '../../actions/lib/policy/exceptions.js'
import type { Finding } from '../../actions/lib/findings/model.js'

const finding = (over: Partial<Finding> & { ruleId: string }): Finding => ({ tool: 'trivy', kind: 'vulnerability', severity: 'high', title: 't', location: {}, fingerprint: `fp-${over.ruleId}`, ...over })
const now = new Date('2026-06-15T12:00:00Z')

describe('exceptions file', () => {
  it('reads a mapping with a list, and a bare list', () => {
    const yaml = `exceptions:\n  - id: CVE-2021-23337\n    package: lodash\n    reason: not reachable from our code\n    expires: 2026-12-31\n`
    expect(parseExceptions(yaml, 'e.yml')).toEqual([{ index: 1, ruleId: 'CVE-2021-23337', package: 'lodash', reason: 'not reachable from our code', expires: '2026-12-31', tool: undefined, fingerprint: undefined, path: undefined }])
    expect(parseExceptions(`- id: X\n  reason: r\n  expires: 2026-01-01\n`, 'e.yml')).toHaveLength(1)
    expect(parseExceptions('', 'e.yml')).toEqual([])
  })

  it.each([
    ['no reason', `- id: CVE-1\n  expires: 2026-12-31\n`, /e.yml: exception 1 \(CVE-1\) needs a "reason"/],
    ['no expiry', `- id: CVE-1\n  reason: ok\n`, /exception 1 \(CVE-1\) needs "expires"/],
    ['bad date', `- id: CVE-1\n  reason: ok\n  expires: 2026-02-30\n`, /"expires" must be a date as YYYY-MM-DD, got "2026-02-30"/],
    ['no id', `- reason: ok\n  expires: 2026-12-31\n`, /exception 1 needs "id"/],
    ['unknown key', `- id: A\n  reason: r\n  expires: 2026-12-31\n  until: x\n`, /unknown key\(s\) until/],
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
      '  reason: accepted',
      '  expires: 2026-06-15',
      '- id: CVE-2',
      '  reason: was accepted',
      '  expires: 2026-06-14',
      '- id: AVD-DS-0002',
      '  path: "docker/**"',
      '  reason: base image runs as root by design',
      '  expires: 2027-01-01',
      '- id: CVE-3',
      '  package: lodash',
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
    const [entry] = parseExceptions(`- id: R\n  fingerprint: fp-keep\n  reason: r\n  expires: 2027-01-01\n`, 'e.yml')
    const { kept } = applyExceptions([finding({ ruleId: 'R', fingerprint: 'fp-keep' }), finding({ ruleId: 'R', fingerprint: 'other' })], [entry], now)
    expect(kept.map((f) => f.fingerprint)).toEqual(['other'])
  })
})
