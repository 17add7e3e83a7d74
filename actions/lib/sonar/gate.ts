// The code-quality gate: wait until SonarQube has processed the analysis the scanner uploaded,
// then judge the quality gate status computed for that very analysis (not the project's latest,
// which a concurrent run may have changed). Plain data in, an outcome out; time comes from an
// injectable clock so that minutes of polling are tested in milliseconds.
import type { CeTask, GateCondition, GateStatus, ProjectStatus, TaskStatus } from './api.js'
import { DeadlineReached, realClock, type Clock, type SonarApi } from './client.js'
import { formatValue } from './metrics.js'
import type { ReportTask } from './report-task.js'
import type { SonarServer } from './server.js'

export type SonarResult = 'pass' | 'fail'

export interface PollPolicy {
  /** The first wait between two checks of a pending task; it doubles up to maxMs. */
  firstMs: number
  maxMs: number
}

export const DEFAULT_POLL: PollPolicy = { firstMs: 1000, maxMs: 10_000 }

export interface SonarGateConfig {
  report: ReportTask
  server: SonarServer
  timeoutMs: number
  /** NONE (no quality gate on the project) passes with a warning instead of failing. */
  allowNoGate: boolean
  poll?: PollPolicy
}

export interface SonarOutcome {
  result: SonarResult
  /** Why, in one line. */
  reason: string
  /** Said as warnings: WARN, an allowed NONE. */
  warnings: string[]
  taskId: string
  /** The last status seen; '' when the task was never read. */
  taskStatus: TaskStatus | ''
  task?: CeTask
  analysisId: string
  gateStatus: GateStatus | ''
  conditions: GateCondition[]
  ignoredConditions: boolean
  /** What was still pending when the time ran out. */
  timedOut?: { stage: 'task' | 'gate'; lastAnswer?: string }
  polls: number
  waitedMs: number
  dashboardUrl: string
}

const TERMINAL: readonly TaskStatus[] = ['SUCCESS', 'FAILED', 'CANCELED']

/** 300000 -> "5 min", 90000 -> "1 min 30 s", 2500 -> "2.5 s". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`
  const min = Math.floor(ms / 60_000)
  const s = Math.round((ms % 60_000) / 1000)
  return s ? `${min} min ${s} s` : `${min} min`
}

/** The dashboard of the analysed project (and branch): report-task.txt's, else built from the key. */
export function dashboardUrl(report: ReportTask, server: SonarServer): string {
  if (report.dashboardUrl) return report.dashboardUrl
  const q = new URLSearchParams({ id: report.projectKey, ...(report.branch ? { branch: report.branch } : {}) })
  return `${server.base}/dashboard?${q.toString()}`
}

const COMPARATOR_WORDS: Record<string, string> = { GT: 'greater than', LT: 'less than', EQ: 'equal to', NE: 'not equal to' }

/** "new_coverage 61.5 % (fails when less than 80 %)". */
function failingCondition(c: GateCondition): string {
  const threshold = formatValue(c.metricKey, c.errorThreshold)
  const rule = c.comparator && threshold ? ` (fails when ${COMPARATOR_WORDS[c.comparator]} ${threshold})` : ''
  return `${c.metricKey} ${formatValue(c.metricKey, c.actualValue) || '(no value)'}${rule}`
}

/** The verdict on a quality gate status: OK and WARN pass, ERROR fails, NONE fails unless allowed. */
export function verdict(
  status: GateStatus,
  conditions: readonly GateCondition[],
  projectKey: string,
  allowNoGate: boolean
): { result: SonarResult; reason: string; warning?: string } {
  switch (status) {
    case 'OK':
      return { result: 'pass', reason: 'Quality gate passed (OK)' }
    case 'WARN': {
      const warned = conditions.filter((c) => c.status === 'WARN').map((c) => c.metricKey)
      const warning = `Quality gate passed with warnings (WARN)${warned.length ? `: ${warned.join(', ')}` : ''}`
      return { result: 'pass', reason: warning, warning }
    }
    case 'ERROR': {
      const failed = conditions.filter((c) => c.status === 'ERROR')
      const list = failed.slice(0, 5).map(failingCondition).join('; ')
      const more = failed.length > 5 ? ` and ${failed.length - 5} more` : ''
      return { result: 'fail', reason: `Quality gate failed (ERROR)${list ? `: ${list}${more}` : ''}` }
    }
    case 'NONE': {
      const none = `No quality gate is associated with project ${projectKey} (status NONE)`
      if (allowNoGate) {
        const warning = `${none}; passing because allow-no-gate is true`
        return { result: 'pass', reason: warning, warning }
      }
      return {
        result: 'fail',
        reason: `${none}: assign one to the project in SonarQube (Project Settings > Quality Gate), or set allow-no-gate: true`
      }
    }
  }
}

interface Waited {
  task?: CeTask
  polls: number
  timedOut: boolean
  lastAnswer?: string
}

/** Check the task until it is done or the deadline passes; waits grow from firstMs to maxMs. */
export async function waitForTask(
  api: SonarApi,
  taskId: string,
  deadline: number,
  poll: PollPolicy,
  clock: Clock,
  log: (line: string) => void,
  onTask: (task: CeTask) => void = () => undefined
): Promise<Waited> {
  let task: CeTask | undefined
  let polls = 0
  let wait = poll.firstMs
  for (;;) {
    try {
      const seen = await api.task(taskId, deadline)
      polls++
      if (seen.status !== task?.status) log(`Analysis task ${taskId}: ${seen.status}`)
      task = seen
      onTask(seen)
    } catch (error) {
      if (error instanceof DeadlineReached) return { task, polls, timedOut: true, lastAnswer: error.lastAnswer }
      throw error
    }
    if (TERMINAL.includes(task.status)) return { task, polls, timedOut: false }
    const left = deadline - clock.now()
    if (left <= 0) return { task, polls, timedOut: true }
    await clock.sleep(Math.min(wait, left))
    wait = Math.min(wait * 2, poll.maxMs)
  }
}

/**
 * Wait for the analysis task of `config.report`, then read and judge its quality gate. Refusals
 * that need the user (401, 403, 404, not the Web API) are thrown as SonarApiError; everything
 * the server decided (a failed task, a red gate, time running out) is an outcome.
 */
export async function waitAndJudge(
  api: SonarApi,
  config: SonarGateConfig,
  options: { clock?: Clock; log?: (line: string) => void; onTask?: (task: CeTask) => void } = {}
): Promise<SonarOutcome> {
  const clock = options.clock ?? realClock
  const log = options.log ?? (() => undefined)
  const poll = config.poll ?? DEFAULT_POLL
  const { report } = config
  const started = clock.now()
  const deadline = started + config.timeoutMs
  const base: SonarOutcome = {
    result: 'fail',
    reason: '',
    warnings: [],
    taskId: report.ceTaskId,
    taskStatus: '',
    analysisId: '',
    gateStatus: '',
    conditions: [],
    ignoredConditions: false,
    polls: 0,
    waitedMs: 0,
    dashboardUrl: dashboardUrl(report, config.server)
  }
  const waited = await waitForTask(api, report.ceTaskId, deadline, poll, clock, log, options.onTask)
  const task = waited.task
  const out: SonarOutcome = { ...base, task, taskStatus: task?.status ?? '', polls: waited.polls, waitedMs: clock.now() - started }
  const taskName = `analysis task ${report.ceTaskId} of ${report.projectKey}`
  if (waited.timedOut) {
    const state = task ? `still ${task.status} after ${waited.polls} check(s)` : 'not read once'
    const answer = waited.lastAnswer ? `; the server's last answer was ${waited.lastAnswer}` : ''
    return {
      ...out,
      timedOut: { stage: 'task', lastAnswer: waited.lastAnswer },
      reason:
        `Timed out after ${formatDuration(config.timeoutMs)} waiting for SonarQube's ${taskName}: ${state}${answer}. ` +
        `Raise "timeout", or see the project's Background Tasks in SonarQube for a long queue`
    }
  }
  if (!task) throw new Error('no task after waiting')
  if (task.status === 'FAILED')
    return { ...out, reason: `SonarQube could not process the ${taskName}: ${task.errorMessage || 'it gave no error message'}` }
  if (task.status === 'CANCELED')
    return { ...out, reason: `The ${taskName} was canceled on the server before it was processed: run the analysis again` }
  if (!task.analysisId)
    return { ...out, reason: `The ${taskName} succeeded without an analysis id: its quality gate cannot be told from another run's` }
  // The task is done: reading its gate gets at least the time of one request, even at the deadline.
  let gate: ProjectStatus
  try {
    gate = await api.projectStatus(task.analysisId, Math.max(deadline, clock.now() + 30_000))
  } catch (error) {
    if (!(error instanceof DeadlineReached)) throw error
    return {
      ...out,
      analysisId: task.analysisId,
      waitedMs: clock.now() - started,
      timedOut: { stage: 'gate', lastAnswer: error.lastAnswer },
      reason: `Timed out reading the quality gate of analysis ${task.analysisId}: the server's last answer was ${error.lastAnswer}`
    }
  }
  const v = verdict(gate.status, gate.conditions, report.projectKey, config.allowNoGate)
  return {
    ...out,
    result: v.result,
    reason: v.reason,
    warnings: v.warning ? [v.warning] : [],
    analysisId: task.analysisId,
    gateStatus: gate.status,
    conditions: gate.conditions,
    ignoredConditions: gate.ignoredConditions,
    waitedMs: clock.now() - started
  }
}
