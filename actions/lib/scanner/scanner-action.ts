// The flow the three scanner actions share: parse inputs, install the pinned scanner, run it with
// its own failing off, then gate its report exactly as actions/severity-gate does.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import * as core from '@actions/core'
import { input, runAction } from '../action/run-action.js'
import { UserError } from '../errors/user-error.js'
import type { ReportFormat } from '../findings/parsed-report.js'
import { GateOutput, PublishInput, readPublishSettings } from '../gate/publish-settings.js'
import { GateInput, readGateSettings } from '../gate/settings.js'
import { runnerEvent } from '../action/event.js'
import { refuseFlags, splitArgs } from '../inputs/args.js'
import { parseChoice } from '../inputs/parse.js'
import { urlSecrets } from '../inputs/url-secrets.js'
import type { InstalledTool, InstallMode } from './install.js'

export const ScannerInput = {
  Path: 'path',
  Version: 'version',
  Install: 'install',
  DownloadUrl: 'download-url',
  Args: 'args'
} as const

export const ScannerOutput = { Report: 'report', Version: 'version' } as const

export interface ScannerCommon {
  path: string
  version: string
  install: InstallMode
  /** Mirror base URL replacing the release's download base. */
  downloadUrl?: string
  args: string[]
  /** A folder of our own under RUNNER_TEMP for reports and caches. */
  workDir: string
}

export interface Scanner<Config> {
  /** Lower-case tool name: `gitleaks`, `checkov`, `trivy`. */
  tool: string
  title: string
  defaultVersion: string
  format: ReportFormat
  /** Parse the tool's own inputs (before anything is installed, so bad input fails fast). */
  readConfig(common: ScannerCommon): Config
  install(common: ScannerCommon): Promise<InstalledTool>
  /** The version the installed binary reports. */
  versionOf(tool: InstalledTool): Promise<string>
  /** Run the scan; writes the native JSON report to `report` or throws. Returns what the
   * scanner's log says it could not scan, where the report itself does not say so. */
  scan(tool: InstalledTool, common: ScannerCommon, config: Config, report: string): Promise<ScanResult | void>
  /** Reserved flags `args` may not set. */
  reservedFlags: readonly string[]
}

export interface ScanResult {
  /** One line per part of the input the scanner logged it could not scan. */
  unscanned: string[]
}

export function readScannerCommon(tool: string, defaultVersion: string): ScannerCommon {
  const version = (input(ScannerInput.Version) || defaultVersion).replace(/^v/, '')
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new UserError(`Input "version" must be a release version like ${defaultVersion}, got "${input(ScannerInput.Version)}".`)
  const downloadUrl = input(ScannerInput.DownloadUrl).trim().replace(/\/+$/, '') || undefined
  if (downloadUrl && !/^https?:\/\//.test(downloadUrl)) throw new UserError('Input "download-url" must be an http(s) URL.')
  // A mirror URL may carry credentials (https://user:token@mirror/..., a token in the query):
  // mask them, and the whole URL when it holds one, but not a public mirror's plain address.
  if (downloadUrl) {
    const secrets = urlSecrets(downloadUrl, false)
    for (const secret of secrets) core.setSecret(secret)
    if (secrets.length) core.setSecret(downloadUrl)
  }
  const temp = process.env.RUNNER_TEMP
  if (!temp) throw new UserError('RUNNER_TEMP is not set; this action runs on a GitHub Actions runner.')
  const workDir = join(temp, `sgw-${tool}`)
  mkdirSync(workDir, { recursive: true })
  return {
    path: input(ScannerInput.Path).trim() || '.',
    version,
    install: parseChoice(ScannerInput.Install, input(ScannerInput.Install), ['auto', 'never'] as const, 'auto'),
    downloadUrl,
    args: splitArgs(ScannerInput.Args, input(ScannerInput.Args)),
    workDir
  }
}

export async function runScannerAction<Config>(scanner: Scanner<Config>): Promise<void> {
  await runAction(
    async () => {
      const now = new Date()
      const inputSettings = readGateSettings(input)
      const publish = readPublishSettings(input)
      const common = readScannerCommon(scanner.tool, scanner.defaultVersion)
      refuseFlags(ScannerInput.Args, common.args, scanner.reservedFlags)
      const config = scanner.readConfig(common)
      publish.sarifOutput ??= join(common.workDir, `${scanner.tool}.sarif`)
      publish.jsonOutput ??= join(common.workDir, `${scanner.tool}-summary.json`)

      const installed = await core.group(`Install ${scanner.tool}`, () => scanner.install(common))
      const version = await scanner.versionOf(installed)
      core.setOutput(ScannerOutput.Version, version)
      if (installed.source !== 'path' && version !== common.version) {
        throw new UserError(`${scanner.tool}: the installed binary reports version ${version}, expected ${common.version}.`)
      }
      const report = join(common.workDir, `${scanner.tool}-report.json`)
      const scanned = await scanner.scan(installed, common, config, report)
      core.setOutput(ScannerOutput.Report, report)

      // The gate (readers, policy, reports) is loaded now, not at start: the step's start-up is the
      // scanner's, and a scanner's own error about a missing commit range is the one shown.
      const [{ failureReason, runGate }, { publishGate, requireApprovalEnvironment }, { resolveTrustedPolicy, trustedGateConfig }] = await Promise.all([
        import('../gate/run-gate.js'),
        import('../gate/publish.js'),
        import('../gate/trusted-policy.js')
      ])
      const trusted = await resolveTrustedPolicy(inputSettings, { cwd: process.cwd(), ...runnerEvent() })
      const settings = trusted.settings
      const outcome = runGate({ ...settings, ...trustedGateConfig(trusted), reports: [report], format: scanner.format, now, unscanned: scanned?.unscanned })
      const inputs: Record<string, string> = {}
      // `args` stays out: it is free text and may carry a credential for the scanner.
      for (const name of [...Object.values(GateInput), ScannerInput.Path, ScannerInput.Version, ScannerInput.Install, PublishInput.Summary]) inputs[name] = core.getInput(name)
      await publishGate(outcome, {
        settings,
        publish,
        inputs,
        now,
        scanners: [`${scanner.tool} ${version}`],
        versions: { [scanner.tool]: version },
        title: `${scanner.title} gate`,
        commentKey: `${process.env.GITHUB_WORKFLOW ?? 'workflow'}/${scanner.tool}`
      })
      const line = `${scanner.title} gate: ${outcome.result} (critical ${outcome.counts.critical}, high ${outcome.counts.high}, medium ${outcome.counts.medium}, low ${outcome.counts.low})`
      if (outcome.result === 'needs-approval') await requireApprovalEnvironment(publish)
      if (outcome.result === 'fail') core.setFailed(`${line}: ${failureReason(outcome)}. See the job summary.`)
      else core.info(line)
    },
    () => core.setOutput(GateOutput.Result, 'fail')
  )
}
