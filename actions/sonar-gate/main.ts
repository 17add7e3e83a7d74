// actions/sonar-gate: after a SonarQube or SonarQube Cloud analysis, wait for the server to
// process it and gate on the quality gate status of that analysis. The token is masked before
// anything else runs; the outputs are set on every path.
import * as core from '@actions/core'
import { input, runAction } from '../lib/action/run-action.js'
import { esc } from '../lib/report/markdown.js'
import { SonarApiError } from '../lib/sonar/client.js'
import type { SonarOutcome } from '../lib/sonar/gate.js'
import { tokenForms } from '../lib/sonar/server.js'
import { sonarSummaryMarkdown } from '../lib/sonar/summary.js'
import { judge, prepare, type Prepared } from './run.js'
import { SonarInput, SonarOutput, readSonarSettings } from './settings.js'

interface Known {
  result: 'pass' | 'fail'
  gateStatus: string
  analysisId: string
  dashboardUrl: string
  taskStatus: string
}

function setOutputs(k: Known): void {
  core.setOutput(SonarOutput.Result, k.result)
  core.setOutput(SonarOutput.QualityGateStatus, k.gateStatus)
  core.setOutput(SonarOutput.AnalysisId, k.analysisId)
  core.setOutput(SonarOutput.DashboardUrl, k.dashboardUrl)
  core.setOutput(SonarOutput.TaskStatus, k.taskStatus)
}

async function writeSummary(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
}

export async function runSonarGateAction(): Promise<void> {
  let outputsSet = false
  const known: Known = { result: 'fail', gateStatus: '', analysisId: '', dashboardUrl: '', taskStatus: '' }
  await runAction(
    async () => {
      // Before any parsing, so that not even an input error can print it.
      const rawToken = input(SonarInput.Token).trim()
      if (rawToken) for (const form of tokenForms(rawToken)) core.setSecret(form)
      const settings = readSonarSettings(input)
      const prepared: Prepared = prepare(settings, process.cwd())
      known.dashboardUrl = prepared.dashboardUrl
      for (const note of prepared.notes) core.info(note)
      for (const warning of prepared.warnings) core.warning(warning)
      let outcome: SonarOutcome
      try {
        outcome = await core.group(`Waiting for analysis task ${prepared.report.ceTaskId}`, () =>
          judge(settings, prepared, {
            log: (line) => core.info(line),
            // What is known so far stays in the outputs should a later request be refused.
            onTask: (task) => Object.assign(known, { taskStatus: task.status, analysisId: task.analysisId })
          })
        )
      } catch (error) {
        if (error instanceof SonarApiError)
          await writeSummary(`### ❌ Code-quality gate: SonarQube did not answer as needed\n\n> ${esc(error.message)}\n`)
        throw error
      }
      Object.assign(known, {
        result: outcome.result,
        gateStatus: outcome.gateStatus,
        analysisId: outcome.analysisId,
        dashboardUrl: outcome.dashboardUrl,
        taskStatus: outcome.taskStatus
      })
      setOutputs(known)
      outputsSet = true
      await writeSummary(sonarSummaryMarkdown(outcome, prepared.report, prepared.server))
      for (const warning of outcome.warnings) core.warning(warning)
      if (outcome.result === 'fail') core.setFailed(`Code-quality gate: ${outcome.reason}. See the job summary.`)
      else core.info(`Code-quality gate: ${outcome.reason}.`)
    },
    () => {
      if (!outputsSet) setOutputs(known)
    }
  )
}
