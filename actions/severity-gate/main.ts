// actions/severity-gate: gate on reports other steps wrote.
import * as core from '@actions/core'
import { input, runAction } from '../lib/action/run-action.js'
import { GateOutput, readPublishSettings } from '../lib/gate/publish-settings.js'
import { GateInput, readGateSettings, readReportPatterns } from '../lib/gate/settings.js'
import { runnerEvent } from '../lib/action/event.js'

export async function runSeverityGate(): Promise<void> {
  await runAction(
    async () => {
      // Inputs first, so that a missing one fails before anything reads git.
      const inputSettings = readGateSettings(input)
      const publish = readPublishSettings(input)
      const patterns = readReportPatterns(input)
      // The gate itself loads once the inputs are known to be good.
      const [{ failureReason, resolveReportPaths, runGate }, { publishGate, requireApprovalEnvironment }, { resolveTrustedPolicy, trustedGateConfig }] = await Promise.all([
        import('../lib/gate/run-gate.js'),
        import('../lib/gate/publish.js'),
        import('../lib/gate/trusted-policy.js')
      ])
      const trusted = await resolveTrustedPolicy(inputSettings, { cwd: process.cwd(), ...runnerEvent() })
      const settings = trusted.settings
      const now = new Date()
      const reports = await resolveReportPaths(patterns, GateInput.Reports)
      const outcome = await core.group(`Reading ${reports.length} report(s)`, async () => {
        const result = runGate({ ...settings, ...trustedGateConfig(trusted), reports, now })
        for (const r of result.reports) core.info(`${r.path}: ${r.format}, ${r.tool}, ${r.findings} finding(s)`)
        return result
      })
      const inputs = Object.fromEntries(Object.values(GateInput).map((name) => [name, core.getInput(name)]))
      await publishGate(outcome, { settings, publish, inputs, now, warnUnusedExceptions: true })
      const line = `Security gate: ${outcome.result} (critical ${outcome.counts.critical}, high ${outcome.counts.high}, medium ${outcome.counts.medium}, low ${outcome.counts.low})`
      if (outcome.result === 'fail') {
        core.setFailed(`${line}: ${failureReason(outcome)}. See the job summary.`)
      } else core.info(line)
      if (outcome.result === 'needs-approval') await requireApprovalEnvironment(publish)
    },
    () => core.setOutput(GateOutput.Result, 'fail')
  )
}

