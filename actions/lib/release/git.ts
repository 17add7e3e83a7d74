// The git facts a version needs, read with argument arrays (never a shell): whether the history is
// shallow, the tags reachable from HEAD, and the commits since a tag.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { UserError } from '../errors/user-error.js'

const run = promisify(execFile)

export interface Commit {
  sha: string
  subject: string
  body: string
}

export class Git {
  constructor(private readonly cwd: string) {}

  async git(args: string[]): Promise<string> {
    try {
      const { stdout } = await run('git', args, { cwd: this.cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } })
      return stdout
    } catch (error) {
      const e = error as { stderr?: string; code?: string | number }
      if (e.code === 'ENOENT') throw new UserError('git is not installed or not on PATH.')
      const detail = (e.stderr ?? String(error)).trim().split('\n')[0]
      if (/not a git repository/i.test(detail)) throw new UserError(`${this.cwd} is not a git repository: check out the code first (actions/checkout with fetch-depth: 0).`)
      throw new UserError(`git ${args[0]} failed: ${detail}`)
    }
  }

  async head(): Promise<string> {
    return (await this.git(['rev-parse', 'HEAD'])).trim()
  }

  async isShallow(): Promise<boolean> {
    return (await this.git(['rev-parse', '--is-shallow-repository'])).trim() === 'true'
  }

  /** Tags reachable from HEAD whose name starts with the prefix. */
  async reachableTags(prefix: string): Promise<string[]> {
    return (await this.git(['tag', '--merged', 'HEAD', '--list', `${prefix}*`])).split('\n').filter(Boolean)
  }

  /** Every tag with the prefix, reachable or not (for moving major tags only forward). */
  async allTags(prefix: string): Promise<string[]> {
    return (await this.git(['tag', '--list', `${prefix}*`])).split('\n').filter(Boolean)
  }

  /** Commits in `from..HEAD` (all of HEAD's history without `from`), newest first, merges left out. */
  async commitsSince(from: string | undefined): Promise<Commit[]> {
    const range = from ? [`${from}..HEAD`] : ['HEAD']
    const out = await this.git(['log', '--no-merges', '--format=%H%x1f%s%x1f%b%x1e', ...range])
    return out
      .split('\x1e')
      .map((record) => record.replace(/^\n/, ''))
      .filter((record) => record.includes('\x1f'))
      .map((record) => {
        const [sha, subject, body] = record.split('\x1f')
        return { sha, subject, body: (body ?? '').trim() }
      })
  }

  /** Every commit (merges included) in `from..HEAD`: the prerelease counter. */
  async countSince(from: string | undefined): Promise<number> {
    return Number((await this.git(['rev-list', '--count', from ? `${from}..HEAD` : 'HEAD'])).trim())
  }

  async hasCommits(): Promise<boolean> {
    try {
      await this.git(['rev-parse', '--verify', '--quiet', 'HEAD'])
      return true
    } catch {
      return false
    }
  }
}
