import { describe, expect, it } from '@jest/globals'
import { PUSH_COMMITS_LIMIT, mergeDiffOption, planScan, revisionsToCheck, type Clone, type Payload, type ScanPlan } from '../../actions/gitleaks/git-range.js'

const sha = (c: string): string => c.repeat(40)
const [A, B, C, D, E] = ['a', 'b', 'c', 'd', 'e'].map(sha)
const ZERO = sha('0')
const FP = '--diff-merges=first-parent'

/** A clone holding exactly `present`; asking about a revision revisionsToCheck did not list fails. */
function clone(eventName: string, payload: Payload, present: string[], shallow = false): Clone {
  const listed = revisionsToCheck(eventName, payload)
  return {
    shallow,
    has(rev) {
      if (!listed.includes(rev)) throw new Error(`asked about ${rev}, which revisionsToCheck did not list (${listed.join(' ')})`)
      return present.includes(rev)
    }
  }
}

function plan(eventName: string, payload: Payload, present: string[], shallow = false): ScanPlan {
  return planScan(eventName, payload, clone(eventName, payload, present, shallow), FP)
}

const ok = (logOpts: string[]) => expect.objectContaining({ ok: true, logOpts })
const fails = (pattern: RegExp) => expect.objectContaining({ ok: false, error: expect.stringMatching(pattern) })
const FETCH_DEPTH = /is not in the checkout, which is a shallow clone\. Set `fetch-depth: 0` on actions\/checkout/
const COMPLETE = /is not in the checkout, which is a complete clone, so fetch-depth would not help/

const pr = (extra: object = {}): Payload => ({ pull_request: { number: 7, base: { sha: A }, head: { sha: B, ...extra } } })
const fork = pr({ repo: { fork: true } })
const sameRepo: Payload = { pull_request: { number: 7, base: { sha: A, repo: { full_name: 'acme/web' } }, head: { sha: B, repo: { full_name: 'acme/web', fork: true } } } }
const push = (over: Payload): Payload => ({ ref: 'refs/heads/feature', before: A, after: C, commits: [{ id: B }, { id: C }], repository: { default_branch: 'main' }, ...over })
const MAIN = 'refs/remotes/origin/main'

describe('planScan: every range shows what merge commits add', () => {
  it.each<[string, string, Payload, string[], boolean, unknown]>([
    ['pull_request: base..head', 'pull_request', pr(), [A, B], false, ok([FP, `${A}..${B}`])],
    ['pull_request_target: base..head when the head is there', 'pull_request_target', fork, [A, B], false, ok([FP, `${A}..${B}`])],
    ['merge_group: base_sha..head_sha', 'merge_group', { merge_group: { base_sha: A, head_sha: B } }, [A, B], false, ok([FP, `${A}..${B}`])],
    ['push: before..after', 'push', push({}), [A, B, C], false, ok([FP, `${A}..${C}`])],
    ['push, shallow but holding the range', 'push', push({}), [A, B, C, `${B}^`], true, ok([FP, `${A}..${C}`])],
    ['workflow_dispatch: the whole history', 'workflow_dispatch', {}, [], false, ok(['--full-history', '--all', FP])],
    ['schedule: the whole history', 'schedule', {}, [], false, ok(['--full-history', '--all', FP])],
    ['a pull request event without shas: the whole history', 'pull_request', { pull_request: { number: 7 } }, [], false, ok(['--full-history', '--all', FP])],
    ['a deleted ref: the whole history', 'push', push({ after: ZERO }), [], false, ok(['--full-history', '--all', FP])]
  ])('%s', (_name, eventName, payload, present, shallow, expected) => {
    expect(plan(eventName, payload, present, shallow)).toEqual(expected)
  })
})

describe('planScan: a forced push, or a before the complete clone lacks, scans the pushed commits', () => {
  it.each<[string, Payload, string[], unknown]>([
    ['forced: exactly the listed commits', push({ forced: true }), [B, C], ok([FP, '--no-walk', B, C])],
    ['forced, before still present: still the listed commits', push({ forced: true }), [A, B, C], ok([FP, '--no-walk', B, C])],
    ['not forced, before gone from a complete clone: the listed commits', push({}), [B, C], ok([FP, '--no-walk', B, C])],
    ['forced, no commits listed: what the branch has that the default branch has not', push({ forced: true, commits: [] }), [C, MAIN], ok([FP, C, '--not', MAIN])],
    ['forced, no commits listed, default branch not fetched: the whole history of after', push({ forced: true, commits: [] }), [C], ok([FP, C])],
    ['forced to the default branch itself, no commits listed: never "after --not origin/main" (empty)', push({ forced: true, commits: [], ref: 'refs/heads/main' }), [C, MAIN], ok([FP, C])],
    ['forced, a list at GitHub\'s limit may be cut short: compare with the default branch', push({ forced: true, commits: Array.from({ length: PUSH_COMMITS_LIMIT }, (_, i) => ({ id: i.toString(16).padStart(40, '0') })) }), [C, MAIN], ok([FP, C, '--not', MAIN])],
    ['a default branch name that is not a plain branch name is not used', push({ forced: true, commits: [], repository: { default_branch: '--output=/tmp/x' } }), [C], ok([FP, C])]
  ])('%s', (_name, payload, present, expected) => {
    expect(plan('push', payload, present)).toEqual(expected)
  })

  it('says why and which commits', () => {
    const p = plan('push', push({ forced: true }), [B, C])
    expect(p).toMatchObject({ ok: true, describe: `the 2 commits the push event lists (${B.slice(0, 12)}, ${C.slice(0, 12)})` })
    expect(p.ok && p.why).toMatch(/^the push was forced, so `before` \(a{12}\) is not where the new commits start; scanning each pushed commit's own changes instead$/)
    expect(plan('push', push({}), [B, C])).toMatchObject({ why: expect.stringMatching(/`before` \(a{12}\) is not in the checkout, a complete clone/) })
    expect(plan('push', push({ forced: true, commits: [] }), [C, MAIN])).toMatchObject({ describe: 'the commits of feature (cccccccccccc) that the default branch main does not have' })
  })

  it('in a shallow clone, a listed commit cut off from its parent needs the history (it would show its whole tree as new)', () => {
    expect(plan('push', push({ forced: true }), [B, C, `${C}^`], true)).toEqual(fails(new RegExp(`^gitleaks: the parent of commit ${B.slice(0, 12)} \\(the 2 commits the push event lists .* ${FETCH_DEPTH.source}`)))
    expect(plan('push', push({ forced: true }), [B, C, `${B}^`, `${C}^`], true)).toEqual(ok([FP, '--no-walk', B, C]))
  })

  it('a listed commit missing from a complete clone is not blamed on fetch-depth', () => {
    expect(plan('push', push({ forced: true }), [C])).toEqual(fails(COMPLETE))
  })
})

describe('planScan: a new branch', () => {
  const created = (over: Payload = {}) => push({ before: ZERO, commits: [{ id: B }, { id: C }], ...over })
  it.each<[string, Payload, string[], boolean, unknown]>([
    ['from the first pushed commit\'s parent', created(), [B, C, `${B}^`], false, ok([FP, `${B}^..${C}`])],
    ['starting at the root commit (complete clone): the whole history of after', created(), [B, C], false, ok([FP, C])],
    ['first commit cut off in a shallow clone: fetch-depth', created(), [B, C], true, fails(FETCH_DEPTH)],
    ['no commits listed (a branch at an existing commit): the tip commit', created({ commits: [] }), [C], false, ok([FP, '-1', C])],
    ['first commit missing from a complete clone: not fetch-depth', created(), [C], false, fails(COMPLETE)]
  ])('%s', (_name, payload, present, shallow, expected) => {
    expect(plan('push', payload, present, shallow)).toEqual(expected)
  })
})

describe('planScan: the error names the cause that applies', () => {
  it.each<[string, string, Payload, string[], boolean, RegExp]>([
    ['pull_request, shallow', 'pull_request', pr(), [B], true, new RegExp(`^gitleaks: commit a{12} \\(the commits of pull request #7 \\(a{12}\\.\\.b{12}\\)\\) ${FETCH_DEPTH.source}`)],
    ['pull_request, complete clone', 'pull_request', pr(), [A], false, COMPLETE],
    ['merge_group, shallow', 'merge_group', { merge_group: { base_sha: A, head_sha: B } }, [B], true, FETCH_DEPTH],
    ['merge_group, complete clone', 'merge_group', { merge_group: { base_sha: A, head_sha: B } }, [B], false, COMPLETE],
    ['push, before cut off by a shallow clone (not forced)', 'push', push({}), [B, C], true, FETCH_DEPTH],
    ['push, after not in a complete clone', 'push', push({}), [A, B], false, COMPLETE],
    ['whole history in a shallow clone', 'schedule', {}, [], true, /the checkout is a shallow clone and would hide older commits\. Set `fetch-depth: 0`/],
    ['push, forced, whole history of after in a shallow clone', 'push', push({ forced: true, commits: [] }), [C], true, FETCH_DEPTH],
    ['a sha that is not a commit id', 'pull_request', { pull_request: { base: { sha: '--output=x' }, head: { sha: B } } }, [], false, /the event's pull_request\.base\.sha is not a commit id/],
    ['a listed commit id that is not one', 'push', push({ commits: [{ id: 'HEAD~3' }] }), [A, C], false, /the event's commits\[0\]\.id is not a commit id/]
  ])('%s', (_name, eventName, payload, present, shallow, pattern) => {
    expect(plan(eventName, payload, present, shallow)).toEqual(fails(pattern))
  })

  const PRT = /^gitleaks: the fork's head commit b{12} of pull request #7 is not in the checkout: under pull_request_target the checkout is the base repository, .*Fetch the pull request head \(e\.g\. `git fetch origin refs\/pull\/7\/head`\) only if you accept running on untrusted code/
  it.each<[string, Payload, boolean]>([
    ['from a fork, complete clone', fork, false],
    ['from a fork, shallow clone: fetch-depth would not bring a fork\'s commit either', fork, true],
    ['head.repo.full_name differs from base.repo.full_name', { pull_request: { number: 7, base: { sha: A, repo: { full_name: 'acme/web' } }, head: { sha: B, repo: { full_name: 'someone/web' } } } }, true]
  ])('pull_request_target %s: the head is not in the base repository', (_name, payload, shallow) => {
    const p = plan('pull_request_target', payload, [A], shallow)
    expect(p).toEqual(fails(PRT))
    expect(p.ok ? '' : p.error).not.toContain('fetch-depth')
  })

  it('pull_request_target from the same repository in a shallow clone: fetch-depth helps (it fetches every branch)', () => {
    expect(plan('pull_request_target', sameRepo, [A], true)).toEqual(fails(FETCH_DEPTH))
  })

  it('pull_request_target, fork unknown, complete clone: the pull request head message, no fetch-depth', () => {
    const p = plan('pull_request_target', pr(), [A], false)
    expect(p).toEqual(fails(/^gitleaks: the pull request's head commit b{12} of pull request #7 is not in the checkout: under pull_request_target/))
    expect(p.ok ? '' : p.error).not.toContain('fetch-depth')
  })
})

describe('revisionsToCheck', () => {
  it('lists the event\'s commits, their parents for a push, and the default branch', () => {
    expect(revisionsToCheck('push', push({ forced: true }))).toEqual([A, C, B, `${B}^`, `${C}^`, MAIN])
    expect(revisionsToCheck('pull_request', pr())).toEqual([A, B])
    expect(revisionsToCheck('merge_group', { merge_group: { base_sha: D, head_sha: E } })).toEqual([D, E])
    expect(revisionsToCheck('push', push({ before: ZERO, after: ZERO, commits: [] }))).toEqual([MAIN])
    expect(revisionsToCheck('schedule', {})).toEqual([])
  })

  it('never lists anything that git could read as an option or a revision expression', () => {
    const hostile = push({ before: '--all', after: 'HEAD@{1}', commits: [{ id: '-p' }, { id: 'main..x' }], repository: { default_branch: '-x' } })
    expect(revisionsToCheck('push', hostile)).toEqual([])
  })
})

describe('mergeDiffOption', () => {
  it.each([
    ['git version 2.39.5', FP],
    ['git version 2.31.0', FP],
    ['git version 2.47.1', FP],
    ['git version 3.0.0', FP],
    ['git version 2.39.5 (Apple Git-154)', FP],
    ['git version 2.30.2', '-m'],
    ['git version 1.8.3.1', '-m'],
    ['', FP]
  ])('%s -> %s', (version, expected) => {
    expect(mergeDiffOption(version)).toBe(expected)
  })
})
