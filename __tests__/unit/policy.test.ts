import { describe, expect, it } from '@jest/globals'
import { DEFAULT_THRESHOLDS, emptyCounts, evaluate, type Counts, type Policy } from '../../actions/lib/policy/policy.js'

const defaults: Policy = { thresholds: DEFAULT_THRESHOLDS, approvalSeverities: ['high'] }
const counts = (c: Partial<Counts>): Counts => ({ ...emptyCounts(), ...c })

describe('evaluate', () => {
  it.each([
    ['nothing found', {}, defaults, 'pass', []],
    ['one critical blocks', { critical: 1 }, defaults, 'fail', ['critical']],
    ['high within the limit needs approval', { high: 5 }, defaults, 'needs-approval', []],
    ['high over the limit fails', { high: 6 }, defaults, 'fail', ['high']],
    ['medium up to 20 passes', { medium: 20 }, defaults, 'pass', []],
    ['medium 21 fails', { medium: 21 }, defaults, 'fail', ['medium']],
    ['low 50 passes', { low: 50 }, defaults, 'pass', []],
    ['low 51 fails', { low: 51 }, defaults, 'fail', ['low']],
    ['unknown has no default limit', { unknown: 10_000 }, defaults, 'pass', []],
    ['info never gates', { info: 1_000_000 }, defaults, 'pass', []],
    ['several breaches reported in severity order', { critical: 2, low: 60, high: 9 }, defaults, 'fail', ['critical', 'high', 'low']],
    ['none lifts a limit', { critical: 3 }, { ...defaults, thresholds: { ...DEFAULT_THRESHOLDS, critical: null } }, 'pass', []],
    ['approval on medium too', { medium: 1 }, { ...defaults, approvalSeverities: ['high', 'medium'] }, 'needs-approval', []],
    ['no approval severities', { high: 2 }, { ...defaults, approvalSeverities: [] }, 'pass', []],
    ['max-unknown 0 gates unknown', { unknown: 1 }, { ...defaults, thresholds: { ...DEFAULT_THRESHOLDS, unknown: 0 } }, 'fail', ['unknown']]
  ] as [string, Partial<Counts>, Policy, string, string[]][])('%s', (_name, given, policy, result, breached) => {
    const evaluation = evaluate(counts(given), policy)
    expect(evaluation.result).toBe(result)
    expect(evaluation.breaches.map((b) => b.severity)).toEqual(breached)
  })

  it('reports the counts and limits of each breach', () => {
    expect(evaluate(counts({ high: 7 }), defaults).breaches).toEqual([{ severity: 'high', count: 7, max: 5 }])
  })

  it('lists what needs approval', () => {
    expect(evaluate(counts({ high: 2 }), defaults).approvals).toEqual([{ severity: 'high', count: 2 }])
  })
})
