// Policy layers (organisation, repository, inputs) and what a change does to its own exceptions.
import { describe, expect, it } from '@jest/globals'
import { parsePolicy, resolvePolicy, type PolicyLayer } from '../../actions/lib/policy/policy-file.js'
import { exceptionChanges, reviewBaseFor } from '../../actions/lib/policy/review.js'

const org = parsePolicy(
  ['thresholds: { critical: 0, high: 5, medium: 20, low: 50 }', 'approval-severities: [high]', 'allow-loosening: [max-high, max-medium]'].join('\n'),
  'org.yml',
  'organisation'
)
const repo = (yaml: string) => parsePolicy(yaml, 'security-policy.yml', 'repository')
const inputs = (values: PolicyLayer['values']): PolicyLayer => ({ name: 'the step inputs', kind: 'inputs', values, exceptions: [], allowLoosening: new Set() })

describe('policy layers', () => {
  it('defaults, then each layer; the summary knows which layer set each key', () => {
    const r = resolvePolicy([org, repo('thresholds: { high: 3 }'), inputs({ 'max-medium': 10 })])
    expect(r.values).toMatchObject({ 'max-critical': 0, 'max-high': 3, 'max-medium': 10, 'max-low': 50, 'max-unknown': null, 'approval-severities': ['high'] })
    expect(r.sources).toMatchObject({ 'max-critical': 'org.yml', 'max-high': 'security-policy.yml', 'max-medium': 'the step inputs', 'secret-severity': 'default' })
  })

  it('a repository policy loosening what the organisation does not allow is an error naming both files', () => {
    expect(() => resolvePolicy([org, repo('thresholds: { critical: 2 }')])).toThrow(
      /^security-policy\.yml sets max-critical to 2, looser than 0 in org\.yml, which may only be tightened; use 0 or stricter or add max-critical to allow-loosening in org\.yml\.$/
    )
    expect(() => resolvePolicy([org, repo('approval-severities: none')])).toThrow(/approval-severities to none, looser than high in org\.yml/)
  })

  it('keys under allow-loosening may be loosened', () => {
    expect(resolvePolicy([org, repo('thresholds: { high: 10 }')]).values['max-high']).toBe(10)
  })

  it('inputs (the calling workflow, which a pull request can edit) may only tighten', () => {
    expect(() => resolvePolicy([org, inputs({ 'max-critical': null })])).toThrow(/the step inputs sets max-critical to none, looser than 0 in org\.yml/)
    expect(() => resolvePolicy([repo('thresholds: { low: 10 }'), inputs({ 'max-low': 20 })])).toThrow(/looser than 10 in security-policy\.yml/)
    expect(resolvePolicy([org, inputs({ 'max-critical': 0, 'max-high': 2 })]).values['max-high']).toBe(2)
  })

  it('without an organisation policy, the repository policy is free and inputs alone are as before', () => {
    expect(resolvePolicy([repo('thresholds: { critical: 3 }')]).values['max-critical']).toBe(3)
    expect(resolvePolicy([inputs({ 'max-critical': null })]).values['max-critical']).toBeNull()
  })

  it.each([
    ['allow-loosening in a repository policy', 'allow-loosening: [max-critical]', /belongs in the organisation policy/],
    ['an unknown key', 'maximum: 3', /unknown key\(s\) maximum/],
    ['a severity that does not gate', 'thresholds: { info: 3 }', /thresholds\.info is not a gated severity/],
    ['a negative limit', 'thresholds: { high: -3 }', /thresholds\.high must be a whole number/],
    ['an exception without an owner', 'exceptions:\n  - { id: CVE-1, reason: r, expires: 2027-01-01 }', /needs an "owner"/]
  ])('%s is refused', (_n, yaml, message) => {
    expect(() => repo(yaml)).toThrow(message)
  })
})

describe('what a change adds to its exceptions', () => {
  const base = `- { id: CVE-1, package: lodash, owner: '@a', reason: r, expires: 2027-01-31 }\n`
  it('a new entry, a widened scope and a later expiry need approval; a removed or narrowed one does not', () => {
    const head = [
      `- { id: CVE-1, owner: '@a', reason: r, expires: 2027-01-31 }`,
      `- { id: CVE-9, owner: '@b', reason: r, expires: 2027-01-31 }`
    ].join('\n')
    expect(exceptionChanges('e.yml', base, head).map((c) => c.what)).toEqual(['widened exception for CVE-1, owner @a, until 2027-01-31', 'new exception for CVE-9, owner @b, until 2027-01-31'])
    expect(exceptionChanges('e.yml', base, `- { id: CVE-1, package: lodash, owner: '@a', reason: r, expires: 2027-02-28 }`)).toHaveLength(1)
    expect(exceptionChanges('e.yml', base, `- { id: CVE-1, package: lodash, owner: '@a', reason: shorter, expires: 2026-12-31 }`)).toEqual([])
    expect(exceptionChanges('e.yml', base, undefined)).toEqual([])
  })

  it('a file the base did not have: every entry is new', () => {
    expect(exceptionChanges('e.yml', undefined, base).map((c) => c.what)).toEqual(['new exception for CVE-1 (package lodash), owner @a, until 2027-01-31'])
  })
})

describe('the base of a review', () => {
  it.each([
    ['pull_request', { pull_request: { number: 7, base: { sha: 'abc' } } }, { sha: 'abc', describe: 'pull request #7' }],
    ['pull_request_target', { pull_request: { number: 8, base: { sha: 'def' } } }, { sha: 'def', describe: 'pull request #8' }],
    ['merge_group', { merge_group: { base_sha: '123' } }, { sha: '123', describe: 'the merge group' }],
    ['push', { before: 'x', after: 'y' }, undefined],
    ['schedule', {}, undefined]
  ])('%s', (event, payload, expected) => {
    expect(reviewBaseFor(event, payload as Parameters<typeof reviewBaseFor>[1])).toEqual(expected)
  })
})
