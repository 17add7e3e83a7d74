// actions/gitleaks: secrets in the git history (the event's commits) or a directory, always
// redacted, gated like every other report.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as core from '@actions/core'
import * as exec from '@actions/exec'
import { input } from '../lib/action/run-action.js'
import { UserError } from '../lib/errors/user-error.js'
import { parseChoice } from '../lib/inputs/parse.js'
import { installGoreleaserRelease, type InstalledTool } from '../lib/scanner/install.js'
import { requireReport, runTool } from '../lib/scanner/run-tool.js'
import { runScannerAction, type Scanner, type ScannerCommon } from '../lib/scanner/scanner-action.js'
import { gitRangeFor, type GitRange } from './git-range.js'

export const GITLEAKS_VERSION = '8.30.1'
const RELEASES = 'https://github.com/gitleaks/gitleaks/releases/download'

interface GitleaksConfig {
  mode: 'git' | 'dir'
  config?: string
  ignorePath?: string
  baseline?: string
}

export const gitleaks: Scanner<GitleaksConfig> = {
  tool: 'gitleaks',
  title: 'Gitleaks',
  defaultVersion: GITLEAKS_VERSION,
  format: 'gitleaks',
  reservedFlags: ['--report-path', '-r', '--report-format', '-f', '--exit-code', '--redact', '--log-opts', '--no-banner'],

  readConfig(common) {
    const path = (name: string) => {
      const value = input(name).trim()
      if (value && !existsSync(value)) throw new UserError(`Input "${name}": ${value} does not exist.`)
      return value || undefined
    }
    if (!existsSync(common.path)) throw new UserError(`Input "path": ${common.path} does not exist.`)
    // gitleaks looks for .gitleaksignore in its working directory; the scanned path's own one is
    // what users mean when path is not the workspace root.
    const ownIgnore = join(common.path, '.gitleaksignore')
    return {
      mode: parseChoice('mode', input('mode'), ['git', 'dir'] as const, 'git'),
      config: path('config'),
      ignorePath: path('gitleaks-ignore-path') ?? (existsSync(ownIgnore) ? ownIgnore : undefined),
      baseline: path('gitleaks-baseline')
    }
  },

  install(common) {
    return installGoreleaserRelease('gitleaks', RELEASES, `gitleaks_${common.version}_linux_${process.arch === 'arm64' ? 'arm64' : 'x64'}.tar.gz`, common)
  },

  async versionOf(tool: InstalledTool) {
    const out = await exec.getExecOutput(tool.path, ['version'], { silent: true, ignoreReturnCode: true })
    return out.stdout.trim().replace(/^v/, '')
  },

  async scan(tool, common, config, report) {
    const args = [config.mode, common.path, '--report-format', 'json', '--report-path', report, '--redact', '--exit-code', '0', '--no-banner', '--log-level', 'warn']
    if (config.mode === 'git') {
      const range = await resolveRange(common)
      core.info(`gitleaks git: scanning ${range.describe}.`)
      if (range.logOpts) args.push('--log-opts', range.logOpts)
    }
    if (config.config) args.push('--config', config.config)
    if (config.ignorePath) args.push('--gitleaks-ignore-path', config.ignorePath)
    if (config.baseline) args.push('--baseline-path', config.baseline)
    args.push(...common.args)
    const run = await runTool('gitleaks', tool.path, args)
    requireReport('gitleaks', report, run)
  }
}

async function git(cwd: string, args: string[]): Promise<{ ok: boolean; out: string }> {
  const r = await exec.getExecOutput('git', args, { cwd, silent: true, ignoreReturnCode: true })
  return { ok: r.exitCode === 0, out: r.stdout.trim() }
}

/** The event's commit range, checked against the clone: a shallow checkout that lacks it fails
 * with the fix (we do not fetch: the checkout's credentials are not kept, by design). */
async function resolveRange(common: ScannerCommon): Promise<GitRange> {
  const cwd = common.path
  if (!(await git(cwd, ['rev-parse', '--git-dir'])).ok) throw new UserError(`gitleaks mode "git": ${cwd} is not a git repository; check out the repository first, or use mode: dir.`)
  const eventPath = process.env.GITHUB_EVENT_PATH
  const payload = eventPath && existsSync(eventPath) ? JSON.parse(readFileSync(eventPath, 'utf8')) : {}
  let range = gitRangeFor(process.env.GITHUB_EVENT_NAME ?? '', payload)
  const shallow = (await git(cwd, ['rev-parse', '--is-shallow-repository'])).out === 'true'
  for (const commit of range.needs) {
    if ((await git(cwd, ['rev-parse', '--verify', '--quiet', `${commit}^{commit}`])).ok) continue
    // A new branch whose first commit is the root has no parent: scan everything up to its head.
    if (commit.endsWith('^') && !shallow && (await git(cwd, ['rev-parse', '--verify', '--quiet', `${commit.slice(0, -1)}^{commit}`])).ok) {
      const head = range.needs[range.needs.length - 1]
      range = { logOpts: head, needs: [head], describe: `the whole history of ${head.slice(0, 12)} (the pushed branch starts at the root commit)` }
      break
    }
    throw new UserError(`gitleaks: commit ${commit.slice(0, 12)} (${range.describe}) is not in the checkout${shallow ? ', which is a shallow clone' : ''}. Set \`fetch-depth: 0\` on actions/checkout so the commits to scan are present.`)
  }
  if (!range.logOpts && shallow) throw new UserError('gitleaks: scanning the whole history, but the checkout is a shallow clone and would hide older commits. Set `fetch-depth: 0` on actions/checkout.')
  return range
}

export async function runGitleaks(): Promise<void> {
  await runScannerAction(gitleaks)
}
