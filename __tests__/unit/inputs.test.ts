import { describe, expect, it } from '@jest/globals'
import { parseBoolean, parseList, parseSeverityList, parseThreshold } from '../../actions/lib/inputs/parse.js'
import { UserError } from '../../actions/lib/errors/user-error.js'
import { readGateSettings } from '../../actions/lib/gate/settings.js'

describe('input parsing', () => {
  it.each([
    ['', 7, 7],
    ['0', 7, 0],
    ['12', 7, 12],
    ['none', 7, null],
    ['NONE', 7, null],
    [' 3 ', 7, 3],
    // The reusable workflows' number inputs spell "no limit" -1.
    ['-1', 7, null]
  ] as [string, number, number | null][])('threshold %j', (raw, fallback, expected) => {
    expect(parseThreshold('max-high', raw, fallback)).toBe(expected)
  })

  it.each(['-2', '1.5', 'five', '1e3', '0x10', 'unlimited'])('threshold %j is refused with the input named', (raw) => {
    expect(() => parseThreshold('max-high', raw, 5)).toThrow(UserError)
    expect(() => parseThreshold('max-high', raw, 5)).toThrow(/"max-high" must be a whole number .* or "none" or -1 for no limit/)
  })

  it('booleans are true or false only', () => {
    expect(parseBoolean('new-only', 'true', false)).toBe(true)
    expect(parseBoolean('new-only', 'false', true)).toBe(false)
    expect(parseBoolean('new-only', '', true)).toBe(true)
    expect(() => parseBoolean('new-only', 'yes', true)).toThrow(/"new-only" must be true or false, got "yes"/)
  })

  it('lists accept newlines and commas', () => {
    expect(parseList('a.json,\n b.json\n\n,c.sarif ')).toEqual(['a.json', 'b.json', 'c.sarif'])
  })

  it('severity lists', () => {
    expect(parseSeverityList('approval-severities', 'high, Medium', ['high'])).toEqual(['high', 'medium'])
    expect(parseSeverityList('approval-severities', 'none', ['high'])).toEqual([])
    expect(() => parseSeverityList('approval-severities', 'high,severe', [])).toThrow(/"approval-severities" must be one of .* got "severe"/)
  })

  it('gate settings take the documented defaults', () => {
    const s = readGateSettings(() => undefined)
    expect(s.policy.thresholds).toEqual({ critical: 0, high: 5, medium: 20, low: 50, unknown: null })
    expect(s.policy.approvalSeverities).toEqual(['high'])
    expect(s.parse).toEqual({ secretSeverity: 'critical', defaultSeverity: 'medium' })
    expect(s.newOnly).toBe(true)
    expect(s.format).toBe('auto')
  })

  it('gate settings name the bad input', () => {
    expect(() => readGateSettings((n) => (n === 'format' ? 'json' : undefined))).toThrow(/"format" must be one of auto, trivy, gitleaks, checkov, sarif/)
    expect(() => readGateSettings((n) => (n === 'secret-severity' ? 'urgent' : undefined))).toThrow(/"secret-severity"/)
  })
})
