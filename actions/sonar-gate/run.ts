// From parsed settings to an outcome, for the action and `sgw sonar` alike: find and read
// report-task.txt, pick the server and the auth scheme, wait for the analysis and judge its gate.
import type { CeTask } from '../lib/sonar/api.js'
import { SonarClient, type Clock } from '../lib/sonar/client.js'
import { dashboardUrl, waitAndJudge, type SonarOutcome } from '../lib/sonar/gate.js'
import { locateReportTask, readReportTask, type ReportTask } from '../lib/sonar/report-task.js'
import { displayUrl, resolveServer, type SonarServer } from '../lib/sonar/server.js'
import { SONAR_DEFAULTS, SonarInput, sendsTokenInClear, type SonarSettings } from './settings.js'

export interface Prepared {
  report: ReportTask
  server: SonarServer
  dashboardUrl: string
  /** Lines worth a warning (the token over plain http, ...). */
  warnings: string[]
  /** Lines for the log. */
  notes: string[]
}

export function prepare(settings: SonarSettings, cwd: string): Prepared {
  const report = readReportTask(locateReportTask(settings.reportTask, cwd, SonarInput.ReportTask))
  const server = resolveServer(report, settings.hostUrl, settings.authScheme)
  const product = server.kind === 'cloud' ? 'SonarQube Cloud' : `SonarQube ${server.version || '(version not stated)'}`
  const notes = [
    `${report.path}: project ${report.projectKey}${report.branch ? ` (branch ${report.branch})` : ''}, analysis task ${report.ceTaskId}`,
    `Server ${displayUrl(server.base)} (${product}); the token goes as ` +
      `${server.auth === 'bearer' ? 'a bearer token' : 'a basic-auth login'} (${server.authReason})`
  ]
  if (settings.hostUrl && displayUrl(settings.hostUrl) !== displayUrl(report.serverUrl))
    notes.push(`report-task.txt names ${displayUrl(report.serverUrl)}; asking ${displayUrl(settings.hostUrl)} (${SonarInput.HostUrl})`)
  const warnings = sendsTokenInClear(server.base)
    ? [`The SonarQube token goes to ${displayUrl(server.base)} over plain http, readable on the way: use https.`]
    : []
  return { report, server, dashboardUrl: dashboardUrl(report, server), warnings, notes }
}

export async function judge(
  settings: SonarSettings,
  prepared: Prepared,
  options: { log: (line: string) => void; onTask?: (task: CeTask) => void; clock?: Clock; fetch?: typeof fetch }
): Promise<SonarOutcome> {
  const client = new SonarClient({
    server: prepared.server,
    token: settings.token,
    retries: settings.retries,
    requestTimeoutMs: SONAR_DEFAULTS.requestTimeoutMs,
    log: options.log,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {})
  })
  return waitAndJudge(
    client,
    { report: prepared.report, server: prepared.server, timeoutMs: settings.timeoutMs, allowNoGate: settings.allowNoGate },
    { log: options.log, onTask: options.onTask, ...(options.clock ? { clock: options.clock } : {}) }
  )
}
