// The git facts a version needs, read with argument arrays (never a shell): whether the history is
// shallow, the tags reachable from HEAD, every tag with its commit, and the commits since a tag.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { UserError } from '../errors/user-error.js'

const run = promisify(execFile)

export interface Commit {
  sha: string
  subject: string
  body: string
}

export interface TagRef {
  name: string
  /** The commit the tag names (an annotated tag peeled); '' for a tag on a tree or a blob. */
  commit: string
}

export class Git {
  constructor(private readonly cwd: string) {}

  async git(args: string[]): Promise<string> {
    try {
      const env = { ...process.env, GIT_TERMINAL_PROMPT: '0' }
      const { stdout } = await run('git', args, { cwd: this.cwd, maxBuffer: 256 * 1024 * 1024, env })
      return stdout
    } catch (error) {
      const e = error as { stderr?: string; code?: string | number }
      if (e.code === 'ENOENT') throw new UserError('git is not installed or not on PATH.')
      const detail = (e.stderr ?? String(error)).trim().split('\n')[0]
      if (/not a git repository/i.test(detail)) {
        throw new UserError(`${this.cwd} is not a git repository: check out the code first (actions/checkout with fetch-depth: 0).`)
      }
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

  /** Takes nothing; gives every tag in the clone, reachable or not, with the commit it names (one git call). */
  async tags(): Promise<TagRef[]> {
    // Tabs separate the fields: a ref name cannot hold one.
    const format = '%(refname:strip=2)%09%(objecttype)%09%(objectname)%09%(*objecttype)%09%(*objectname)'
    return (await this.git(['for-each-ref', `--format=${format}`, 'refs/tags/']))
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name, type, object, peeledType, peeled] = line.split('\t')
        return { name, commit: type === 'commit' ? object : peeledType === 'commit' ? peeled : '' }
      })
  }

  /**
   * Commits in `from..HEAD` (all of HEAD's history without `from`), newest first, merges left out;
   * in topological order, so a revert always comes before the commit it reverts.
   */
  async commitsSince(from: string | undefined): Promise<Commit[]> {
    const range = from ? [`${from}..HEAD`] : ['HEAD']
    const out = await this.git(['log', '--no-merges', '--topo-order', '--format=%H%x1f%s%x1f%b%x1e', ...range])
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
