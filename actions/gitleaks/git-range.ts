// Which commits gitleaks scans in git mode, from the event that started the workflow and what the
// clone holds: a pull request's own commits, a push's pushed commits (also after a force push),
// a merge group's commits, the whole history on a schedule. Pure: the caller looks the revisions
// up in the clone (revisionsToCheck) and passes the answers in.

export interface Clone {
  shallow: boolean
  /** Whether a revision from revisionsToCheck names a commit in the clone. */
  has(rev: string): boolean
}

export type ScanPlan =
  | {
      ok: true
      /** `git log` arguments for gitleaks --log-opts (gitleaks splits that string on spaces). */
      logOpts: string[]
      /** What is scanned, for the log. */
      describe: string
      /** Why this and not the event's plain range, when they differ. */
      why?: string
    }
  | { ok: false; error: string }

export interface Payload {
  ref?: string
  before?: string
  after?: string
  forced?: boolean
  commits?: { id?: string }[]
  repository?: { default_branch?: string }
  pull_request?: {
    number?: number
    base?: { sha?: string; repo?: { full_name?: string } }
    head?: { sha?: string; repo?: { fork?: boolean; full_name?: string } }
  }
  merge_group?: { base_sha?: string; head_sha?: string }
}

/** GitHub lists at most this many commits in a push event; a list this long may be cut short. */
export const PUSH_COMMITS_LIMIT = 2048

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/
const ZERO = /^0+$/
// Branch names go into git's argument list: no option look-alikes, no range or revision syntax.
const BRANCH = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/

const FETCH_DEPTH = 'Set `fetch-depth: 0` on actions/checkout so the commits to scan are present.'

/** `git log` shows no diff for a merge commit unless asked. Each merge against its first parent
 * shows everything the merge brings into the branch, its own resolution included (also for
 * octopus merges, which --remerge-diff skips). git before 2.31 has no --diff-merges; its -m shows
 * each merge against every parent, which covers the same and more. */
export function mergeDiffOption(gitVersion: string): string {
  const m = /(\d+)\.(\d+)/.exec(gitVersion)
  if (m && (Number(m[1]) < 2 || (Number(m[1]) === 2 && Number(m[2]) < 31))) return '-m'
  return '--diff-merges=first-parent'
}

/** Every revision planScan may ask the clone about. */
export function revisionsToCheck(eventName: string, payload: Payload): string[] {
  const revs: string[] = []
  const add = (rev: string | undefined) => {
    if (rev && SHA.test(rev) && !ZERO.test(rev)) revs.push(rev)
  }
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
      add(payload.pull_request?.base?.sha)
      add(payload.pull_request?.head?.sha)
      break
    case 'merge_group':
      add(payload.merge_group?.base_sha)
      add(payload.merge_group?.head_sha)
      break
    case 'push': {
      add(payload.before)
      add(payload.after)
      for (const id of listedCommits(payload)) revs.push(id, `${id}^`)
      const base = defaultBranchRef(payload)
      if (base) revs.push(base)
      break
    }
  }
  return [...new Set(revs)]
}

export function planScan(eventName: string, payload: Payload, clone: Clone, mergeDiff: string): ScanPlan {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = payload.pull_request
      const base = pr?.base?.sha
      const head = pr?.head?.sha
      if (!base || !head) break
      const what = `the commits of pull request #${pr?.number ?? '?'} (${short(base)}..${short(head)})`
      const bad = notCommitIds({ 'pull_request.base.sha': base, 'pull_request.head.sha': head })
      if (bad) return bad
      if (!clone.has(head) && eventName === 'pull_request_target') {
        const fork = forkOf(payload)
        if (fork !== false || !clone.shallow) {
          return {
            ok: false,
            error:
              `gitleaks: ${fork === true ? "the fork's head commit" : "the pull request's head commit"} ${short(head)} of pull request #${pr?.number ?? '?'} is not in the checkout: ` +
              'under pull_request_target the checkout is the base repository, which does not hold the fork\'s commits. ' +
              `Fetch the pull request head (e.g. \`git fetch origin refs/pull/${pr?.number ?? '<number>'}/head\`) only if you accept running on untrusted code in a workflow that holds the base repository's secrets and write token; otherwise scan pull requests in a \`pull_request\` workflow.`
          }
        }
      }
      const missing = firstMissing([base, head], clone, what)
      if (missing) return missing
      return { ok: true, logOpts: [mergeDiff, `${base}..${head}`], describe: what }
    }
    case 'merge_group': {
      const base = payload.merge_group?.base_sha
      const head = payload.merge_group?.head_sha
      if (!base || !head) break
      const bad = notCommitIds({ 'merge_group.base_sha': base, 'merge_group.head_sha': head })
      if (bad) return bad
      const what = `the merge group's commits (${short(base)}..${short(head)})`
      return firstMissing([base, head], clone, what) ?? { ok: true, logOpts: [mergeDiff, `${base}..${head}`], describe: what }
    }
    case 'push':
      return planPush(payload, clone, mergeDiff)
  }
  return wholeHistory(clone, mergeDiff)
}

function planPush(payload: Payload, clone: Clone, mergeDiff: string): ScanPlan {
  const after = payload.after
  // A deleted ref pushes nothing, but there is no empty scan to run: the whole history, as before.
  if (!after || ZERO.test(after)) return wholeHistory(clone, mergeDiff, 'nothing new (a deleted ref); ')
  const before = payload.before
  const bad = notCommitIds({ after, ...(before && !ZERO.test(before) ? { before } : {}) })
  if (bad) return bad
  const badId = (payload.commits ?? []).findIndex((c) => typeof c?.id !== 'string' || !SHA.test(c.id))
  if (badId >= 0) return { ok: false, error: `gitleaks: the event's commits[${badId}].id is not a commit id; nothing was scanned.` }
  const missingAfter = firstMissing([after], clone, `the pushed commit ${short(after)}`)
  if (missingAfter) return missingAfter

  if (!before || ZERO.test(before)) {
    // A new branch or tag: the commits pushed with it, from the first one's parent.
    const ids = listedCommits(payload)
    if (ids.length >= PUSH_COMMITS_LIMIT) return pushedCommits(payload, clone, mergeDiff, `the event lists ${ids.length} commits, GitHub's limit, so the list may be incomplete`)
    if (ids.length === 0) return { ok: true, logOpts: [mergeDiff, '-1', after], describe: `the pushed commit ${short(after)}` }
    const first = ids[0]
    const what = `the commits pushed with the new branch (${short(first)}..${short(after)})`
    const missing = firstMissing([first], clone, what)
    if (missing) return missing
    if (clone.has(`${first}^`)) return { ok: true, logOpts: [mergeDiff, `${first}^..${after}`], describe: what }
    // In a shallow clone a missing parent may only be cut off; in a complete one, first is a root.
    if (clone.shallow) return shallowError(`${first}^`, what)
    return { ok: true, logOpts: [mergeDiff, after], describe: `the whole history of ${short(after)} (the pushed branch starts at the root commit)` }
  }

  if (payload.forced === true) {
    return pushedCommits(payload, clone, mergeDiff, `the push was forced, so \`before\` (${short(before)}) is not where the new commits start`)
  }
  if (!clone.has(before)) {
    if (clone.shallow) return shallowError(before, `the pushed commits (${short(before)}..${short(after)})`)
    return pushedCommits(payload, clone, mergeDiff, `\`before\` (${short(before)}) is not in the checkout, a complete clone, so it was rewritten away`)
  }
  return { ok: true, logOpts: [mergeDiff, `${before}..${after}`], describe: `the pushed commits (${short(before)}..${short(after)})` }
}

/** When before..after cannot be trusted: the commits the event lists, else what the branch has
 * that the default branch has not, else the branch's whole history. */
function pushedCommits(payload: Payload, clone: Clone, mergeDiff: string, why: string): ScanPlan {
  const after = payload.after as string
  const ids = listedCommits(payload)
  if (ids.length > 0 && ids.length < PUSH_COMMITS_LIMIT) {
    const what = `the ${ids.length === 1 ? 'commit' : `${ids.length} commits`} the push event lists (${listed(ids)})`
    const missing = firstMissing(ids, clone, what)
    if (missing) return missing
    // In a shallow clone a commit whose parent is cut off would show its whole tree as new.
    if (clone.shallow) for (const id of ids) if (!clone.has(`${id}^`)) return shallowError(`${id}^`, what)
    return { ok: true, logOpts: [mergeDiff, '--no-walk', ...ids], describe: what, why: `${why}; scanning each pushed commit's own changes instead` }
  }
  const whyNoList = ids.length === 0 ? `${why}, and the event lists no commits` : why
  const base = defaultBranchRef(payload)
  const branch = payload.ref?.startsWith('refs/heads/') ? payload.ref.slice('refs/heads/'.length) : undefined
  const defaultBranch = payload.repository?.default_branch
  if (base && branch && branch !== defaultBranch && clone.has(base)) {
    return {
      ok: true,
      logOpts: [mergeDiff, after, '--not', base],
      describe: `the commits of ${branch} (${short(after)}) that the default branch ${defaultBranch} does not have`,
      why: `${whyNoList}; scanning what the branch has that ${base} has not`
    }
  }
  if (clone.shallow) return shallowError(after, `the whole history of ${short(after)}`)
  return { ok: true, logOpts: [mergeDiff, after], describe: `the whole history of ${short(after)}`, why: `${whyNoList}; with no default branch to compare with, scanning everything the pushed commit has` }
}

function wholeHistory(clone: Clone, mergeDiff: string, prefix = ''): ScanPlan {
  if (clone.shallow) return { ok: false, error: 'gitleaks: scanning the whole history, but the checkout is a shallow clone and would hide older commits. Set `fetch-depth: 0` on actions/checkout.' }
  // gitleaks' own default (--full-history --all), with merge commits' changes shown.
  return { ok: true, logOpts: ['--full-history', '--all', mergeDiff], describe: `${prefix}the whole history` }
}

/** The first commit the clone lacks, as an error that names the fix that helps. */
function firstMissing(revs: string[], clone: Clone, what: string): ScanPlan | undefined {
  const rev = revs.find((r) => !clone.has(r))
  if (!rev) return undefined
  if (clone.shallow) return shallowError(rev, what)
  return {
    ok: false,
    error: `gitleaks: commit ${short(rev)} (${what}) is not in the checkout, which is a complete clone, so fetch-depth would not help: check that actions/checkout's repository and ref are those of the event (or the commit was removed by a later force push).`
  }
}

function shallowError(rev: string, what: string): ScanPlan {
  const commit = rev.endsWith('^') ? `the parent of commit ${short(rev)}` : `commit ${short(rev)}`
  return { ok: false, error: `gitleaks: ${commit} (${what}) is not in the checkout, which is a shallow clone. ${FETCH_DEPTH}` }
}

function notCommitIds(fields: Record<string, string>): ScanPlan | undefined {
  for (const [name, value] of Object.entries(fields)) {
    if (!SHA.test(value)) return { ok: false, error: `gitleaks: the event's ${name} is not a commit id; nothing was scanned.` }
  }
  return undefined
}

/** true: from a fork; false: from the base repository; undefined: the event does not say. */
function forkOf(payload: Payload): boolean | undefined {
  const head = payload.pull_request?.head?.repo?.full_name
  const base = payload.pull_request?.base?.repo?.full_name
  if (head && base) return head.toLowerCase() !== base.toLowerCase()
  return payload.pull_request?.head?.repo?.fork
}

function listedCommits(payload: Payload): string[] {
  const ids = (payload.commits ?? []).map((c) => c?.id).filter((id): id is string => typeof id === 'string' && SHA.test(id))
  return [...new Set(ids)]
}

function defaultBranchRef(payload: Payload): string | undefined {
  const name = payload.repository?.default_branch
  return name && BRANCH.test(name) ? `refs/remotes/origin/${name}` : undefined
}

function listed(ids: string[]): string {
  const shown = ids.slice(0, 10).map(short).join(', ')
  return ids.length > 10 ? `${shown} and ${ids.length - 10} more` : shown
}

function short(sha: string): string {
  return sha.slice(0, 12)
}
