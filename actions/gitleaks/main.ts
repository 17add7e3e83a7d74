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
import { requireReport, runTool, tail } from '../lib/scanner/run-tool.js'
import { runScannerAction, type Scanner, type ScannerCommon } from '../lib/scanner/scanner-action.js'
import { mergeDiffOption, planScan, revisionsToCheck, type ScanPlan } from './git-range.js'

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
      if (range.why) core.info(`gitleaks git: ${range.why}.`)
      core.info(`gitleaks git: scanning ${range.describe}.`)
      // gitleaks splits --log-opts on single spaces; no argument here holds one.
      args.push('--log-opts', range.logOpts.join(' '))
    }
    if (config.config) args.push('--config', config.config)
    if (config.ignorePath) args.push('--gitleaks-ignore-path', config.ignorePath)
    if (config.baseline) args.push('--baseline-path', config.baseline)
    args.push(...common.args)
    const run = await runTool('gitleaks', tool.path, args)
    requireReport('gitleaks', report, run)
    // gitleaks logs git's errors (a bad revision, a missing object) and still exits 0 with an
    // empty report: commits it could not read would pass unseen.
    const gitErrors = config.mode !== 'git' ? [] : run.stderr.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((l) => l.includes('[git] ') || l.includes('stderr is not empty'))
    if (gitErrors.length > 0) throw new UserError(`gitleaks could not read the git history, so its report may miss commits and nothing was gated:\n${tail(gitErrors.join('\n'))}`)
  }
}

async function git(cwd: string, args: string[], input?: string): Promise<{ ok: boolean; out: string }> {
  const r = await exec.getExecOutput('git', args, { cwd, silent: true, ignoreReturnCode: true, ...(input === undefined ? {} : { input: Buffer.from(input) }) })
  return { ok: r.exitCode === 0, out: r.stdout.trim() }
}

/** What to scan for the event, checked against the clone: a commit the clone lacks fails with the
 * fix that helps (we do not fetch: the checkout's credentials are not kept, by design). */
async function resolveRange(common: ScannerCommon): Promise<Extract<ScanPlan, { ok: true }>> {
  const cwd = common.path
  if (!(await git(cwd, ['rev-parse', '--git-dir'])).ok) throw new UserError(`gitleaks mode "git": ${cwd} is not a git repository; check out the repository first, or use mode: dir.`)
  const eventPath = process.env.GITHUB_EVENT_PATH
  const payload = eventPath && existsSync(eventPath) ? JSON.parse(readFileSync(eventPath, 'utf8')) : {}
  const eventName = process.env.GITHUB_EVENT_NAME ?? ''
  const shallow = (await git(cwd, ['rev-parse', '--is-shallow-repository'])).out === 'true'
  const present = await commitsPresent(cwd, revisionsToCheck(eventName, payload))
  const has = (rev: string): boolean => {
    const found = present.get(rev)
    if (found === undefined) throw new Error(`bug: revision ${rev} was not looked up`)
    return found
  }
  const mergeDiff = mergeDiffOption((await git(cwd, ['--version'])).out)
  const plan = planScan(eventName, payload, { shallow, has }, mergeDiff)
  if (!plan.ok) throw new UserError(plan.error)
  return plan
}

/** Which revisions name a commit in the clone, in one git process. */
async function commitsPresent(cwd: string, revs: string[]): Promise<Map<string, boolean>> {
  const present = new Map<string, boolean>()
  if (revs.length === 0) return present
  const r = await git(cwd, ['cat-file', '--batch-check=%(objecttype)'], revs.map((rev) => `${rev}^{commit}\n`).join(''))
  const lines = r.out.split('\n')
  if (!r.ok || lines.length !== revs.length) throw new Error(`git cat-file answered ${lines.length} lines for ${revs.length} revisions`)
  revs.forEach((rev, i) => present.set(rev, lines[i] === 'commit'))
  return present
}

export async function runGitleaks(): Promise<void> {
  await runScannerAction(gitleaks)
}
