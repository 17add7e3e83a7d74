// actions/checkov: IaC misconfigurations (Terraform, Kubernetes, Dockerfile, GitHub Actions...),
// rated by our built-in severity map since checkov gives none without a platform key.
import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import * as exec from '@actions/exec'
import { input } from '../lib/action/run-action.js'
import { UserError } from '../lib/errors/user-error.js'
import { parseBoolean, parseList } from '../lib/inputs/parse.js'
import type { InstalledTool } from '../lib/scanner/install.js'
import { requireReport, runTool } from '../lib/scanner/run-tool.js'
import { runScannerAction, type Scanner } from '../lib/scanner/scanner-action.js'
import { CHECKOV_PINNED_VERSION as CHECKOV_VERSION } from './checkov-requirements.js'

// pip-install, and @actions/tool-cache with it, is read when checkov is installed, not at start.
const pipInstall = () => import('./pip-install.js')

interface CheckovConfig {
  frameworks: string[]
  skipChecks: string[]
  checks: string[]
  externalChecksDir?: string
  downloadExternalModules: boolean
}

// checkov asks Prisma Cloud for guidelines and PyPI for a newer version on every run; neither is
// needed to scan, and both fail or stall on locked-down runners.
const QUIET_ENV = { BC_SKIP_MAPPING: 'TRUE', CKV_SKIP_PACKAGE_UPDATE_CHECK: 'true' }

export const checkov: Scanner<CheckovConfig> = {
  tool: 'checkov',
  title: 'Checkov',
  defaultVersion: CHECKOV_VERSION,
  format: 'checkov',
  reservedFlags: ['-o', '--output', '--output-file-path', '--soft-fail', '-s', '--soft-fail-on', '--hard-fail-on', '-d', '--directory', '-f', '--file'],

  readConfig(common) {
    if (!existsSync(common.path)) throw new UserError(`Input "path": ${common.path} does not exist.`)
    const external = input('external-checks-dir').trim() || undefined
    if (external && !existsSync(external)) throw new UserError(`Input "external-checks-dir": ${external} does not exist.`)
    return {
      frameworks: parseList(input('framework')),
      skipChecks: parseList(input('skip-check')),
      checks: parseList(input('check')),
      externalChecksDir: external,
      downloadExternalModules: parseBoolean('download-external-modules', input('download-external-modules'), false)
    }
  },

  async install(common) {
    return (await pipInstall()).installCheckov(common.version, common.install, common.downloadUrl)
  },

  async versionOf(tool: InstalledTool) {
    // Our own venv: the installed distribution names its version (running checkov --version
    // would cost a second of Python start-up on every run).
    if (tool.source !== 'path') {
      const installed = (await pipInstall()).installedCheckovVersion(tool.path)
      if (installed) return installed
    }
    const out = await exec.getExecOutput(tool.path, ['--version'], { silent: true, ignoreReturnCode: true, env: { ...process.env, ...QUIET_ENV } as Record<string, string> })
    return out.stdout.trim().split('\n').pop()?.trim() ?? ''
  },

  async scan(tool, common, config, report) {
    const outDir = join(common.workDir, 'checkov-out')
    const args = ['-d', common.path, '-o', 'json', '--output-file-path', outDir, '--soft-fail', '--download-external-modules', String(config.downloadExternalModules)]
    if (config.frameworks.length) args.push('--framework', ...config.frameworks)
    if (config.skipChecks.length) args.push('--skip-check', config.skipChecks.join(','))
    if (config.checks.length) args.push('--check', config.checks.join(','))
    if (config.externalChecksDir) args.push('--external-checks-dir', config.externalChecksDir)
    args.push(...common.args)
    const run = await runTool('checkov', tool.path, args, { env: QUIET_ENV })
    const written = join(outDir, 'results_json.json')
    requireReport('checkov', written, run)
    renameSync(written, report)
  }
}

export async function runCheckov(): Promise<void> {
  await runScannerAction(checkov)
}
