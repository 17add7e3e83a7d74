import { describe, expect, it } from '@jest/globals'
import { CHECKOV_SEVERITY, checkovSeverity } from '../../actions/lib/findings/checkov-severity.js'

const entries = Object.entries(CHECKOV_SEVERITY)
const RATED = ['critical', 'high', 'medium', 'low', 'info']

function framework(id: string): string {
  return /^CKV2?_([A-Z0-9]+)_\d+$/.exec(id)?.[1] ?? 'invalid'
}

function countFor(fw: string): number {
  return entries.filter(([id]) => framework(id) === fw).length
}

describe('checkov severity map', () => {
  it('covers at least 150 checks', () => {
    expect(entries.length).toBeGreaterThanOrEqual(150)
  })

  it.each([
    ['AWS', 20],
    ['AZURE', 20],
    ['GCP', 20],
    ['K8S', 20],
    ['DOCKER', 8],
    ['GHA', 5]
  ] as [Parameters<typeof countFor>[0], number][])('has at least %s=%i entries', (fw, min) => {
    expect(countFor(fw)).toBeGreaterThanOrEqual(min)
  })

  it('uses real checkov id shapes only', () => {
    for (const [id] of entries) expect(id).toMatch(/^CKV2?_[A-Z0-9]+_\d+$/)
  })

  it('gives every entry a valid severity, a short title and a provenance', () => {
    for (const [id, info] of entries) {
      expect({ id, ok: RATED.includes(info.severity) }).toEqual({ id, ok: true })
      expect(info.title.trim().length).toBeGreaterThan(0)
      expect(info.title.length).toBeLessThanOrEqual(80)
      expect(['documented', 'rule']).toContain(info.source)
    }
  })

  it('rates every secret high or critical', () => {
    const secrets = entries.filter(([id]) => framework(id) === 'SECRET')
    expect(secrets.length).toBeGreaterThan(0)
    for (const [id, info] of secrets) expect({ id, severity: info.severity }).toEqual({ id, severity: expect.stringMatching(/^(high|critical)$/) })
  })

  it.each([
    ['CKV_AWS_20', 'high'],
    ['CKV_AWS_62', 'critical'],
    ['CKV_AWS_18', 'info'],
    ['CKV_AWS_16', 'medium'],
    ['CKV_AZURE_9', 'high'],
    ['CKV_AZURE_10', 'info'],
    ['CKV_GCP_28', 'high'],
    ['CKV_GCP_2', 'high'],
    ['CKV_K8S_16', 'high'],
    ['CKV_K8S_20', 'medium'],
    ['CKV_K8S_8', 'low'],
    ['CKV_DOCKER_7', 'low'],
    ['CKV2_DOCKER_2', 'high'],
    ['CKV_SECRET_2', 'high']
  ] as [string, string][])('documented %s is %s', (id, severity) => {
    expect(checkovSeverity(id)).toEqual(expect.objectContaining({ severity, source: 'documented' }))
  })

  it('marks rule-assigned entries as such', () => {
    expect(checkovSeverity('CKV_GHA_2')).toEqual(expect.objectContaining({ severity: 'high', source: 'rule' }))
    expect(checkovSeverity('CKV2_GHA_1')?.source).toBe('rule')
  })

  it('looks ids up tolerantly and refuses unknown ones', () => {
    expect(checkovSeverity(' ckv_aws_20 ')).toBe(CHECKOV_SEVERITY.CKV_AWS_20)
    expect(checkovSeverity('CKV_AWS_999999')).toBeUndefined()
    expect(checkovSeverity('toString')).toBeUndefined()
    expect(checkovSeverity('')).toBeUndefined()
  })

  it('is frozen', () => {
    expect(Object.isFrozen(CHECKOV_SEVERITY)).toBe(true)
    expect(Object.isFrozen(CHECKOV_SEVERITY.CKV_AWS_20)).toBe(true)
  })
})
