// Which commits gitleaks scans in git mode, from the event that started the workflow:
// a pull request's own commits, a push's pushed range, the whole history on a schedule.
export interface GitRange {
  /** `git log` options for gitleaks --log-opts; undefined scans the whole history. */
  logOpts?: string
  /** Commits that must exist locally for the range to be scanned. */
  needs: string[]
  describe: string
}

const ZERO = /^0+$/

interface Payload {
  pull_request?: { number?: number; base?: { sha?: string }; head?: { sha?: string } }
  merge_group?: { base_sha?: string; head_sha?: string }
  before?: string
  after?: string
  commits?: { id?: string }[]
}

export function gitRangeFor(eventName: string, payload: Payload): GitRange {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const base = payload.pull_request?.base?.sha
      const head = payload.pull_request?.head?.sha
      if (base && head) return { logOpts: `${base}..${head}`, needs: [base, head], describe: `the commits of pull request #${payload.pull_request?.number ?? '?'} (${short(base)}..${short(head)})` }
      break
    }
    case 'merge_group': {
      const base = payload.merge_group?.base_sha
      const head = payload.merge_group?.head_sha
      if (base && head) return { logOpts: `${base}..${head}`, needs: [base, head], describe: `the merge group's commits (${short(base)}..${short(head)})` }
      break
    }
    case 'push': {
      const after = payload.after
      if (!after || ZERO.test(after)) return { logOpts: undefined, needs: [], describe: 'nothing new (a deleted ref); the whole history' }
      const before = payload.before
      if (before && !ZERO.test(before)) return { logOpts: `${before}..${after}`, needs: [before, after], describe: `the pushed commits (${short(before)}..${short(after)})` }
      // A new branch: its pushed commits, from the first one's parent (when it has one).
      const first = payload.commits?.[0]?.id
      if (first) return { logOpts: `${first}^..${after}`, needs: [`${first}^`, after], describe: `the commits pushed with the new branch (${short(first)}..${short(after)})` }
      return { logOpts: `-1 ${after}`, needs: [after], describe: `the pushed commit ${short(after)}` }
    }
  }
  return { logOpts: undefined, needs: [], describe: 'the whole history' }
}

function short(sha: string): string {
  return sha.slice(0, 12)
}
