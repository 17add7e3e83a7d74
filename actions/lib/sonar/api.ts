// The two Web API (v1) endpoints the gate reads, as SonarQube defines them (sonar-ws protobufs
// ws-ce.proto and ws-qualitygates.proto, TaskAction and ProjectStatusAction), the same in
// SonarQube 9.9 LTA, 10.x, 2025.x and SonarQube Cloud:
//
//   GET api/ce/task?id=<ceTaskId>            (since 5.2; 'Execute Analysis' or 'Administer System')
//     -> {"task": {"id", "type", "componentKey", "status": PENDING|IN_PROGRESS|SUCCESS|FAILED|CANCELED,
//        "analysisId" (once processed), "errorMessage" (FAILED), "submittedAt", "startedAt",
//        "executedAt", "executionTimeMs", "warningCount", "warnings": [...], "branch", "pullRequest"}}
//   GET api/qualitygates/project_status?analysisId=<id>   (since 5.3; exactly one of analysisId,
//     projectId, projectKey; 'Browse' or 'Execute Analysis' on the project)
//     -> {"projectStatus": {"status": OK|WARN|ERROR|NONE, "ignoredConditions", "caycStatus" (9.9+),
//        "conditions": [{"status", "metricKey", "comparator": GT|LT|EQ|NE, "errorThreshold",
//        "warningThreshold" (old servers), "actualValue", "periodIndex" (removed in 10.0)}],
//        "period", "periods" (removed in 10.0)}}
//
// NONE: no quality gate is associated with the analysis. Errors are {"errors": [{"msg": "..."}]}
// with 400 (bad parameters), 403 (insufficient privileges) or 404 (unknown task or analysis); a
// refused or missing token on /api/* is a bare 401 (UserSessionInitializer).
// Anything we do not recognise is refused here rather than guessed at.

export const TASK_STATUSES = ['PENDING', 'IN_PROGRESS', 'SUCCESS', 'FAILED', 'CANCELED'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]
export const GATE_STATUSES = ['OK', 'WARN', 'ERROR', 'NONE'] as const
export type GateStatus = (typeof GATE_STATUSES)[number]
export const COMPARATORS = ['GT', 'LT', 'EQ', 'NE'] as const
export type Comparator = (typeof COMPARATORS)[number]

export const CE_TASK_PATH = '/api/ce/task'
export const PROJECT_STATUS_PATH = '/api/qualitygates/project_status'

export interface CeTask {
  id: string
  status: TaskStatus
  type: string
  componentKey: string
  analysisId: string
  errorMessage: string
  warnings: string[]
  branch: string
  pullRequest: string
}

export interface GateCondition {
  status: Exclude<GateStatus, 'NONE'>
  metricKey: string
  comparator: Comparator | ''
  errorThreshold: string
  warningThreshold: string
  actualValue: string
}

export interface ProjectStatus {
  status: GateStatus
  conditions: GateCondition[]
  /** Conditions SonarQube ignored (on new code with too few lines changed). */
  ignoredConditions: boolean
}

/** The answer is not what the Web API gives: another service, a proxy page, an unknown version. */
export class UnexpectedAnswer extends Error {}

type Json = Record<string, unknown>

const str = (o: Json, key: string): string => (typeof o[key] === 'string' ? (o[key] as string) : '')

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
  throw new UnexpectedAnswer(`${what} ${JSON.stringify(value)?.slice(0, 40) ?? 'missing'} is none of ${allowed.join(', ')}`)
}

function object(value: unknown, what: string): Json {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Json
  throw new UnexpectedAnswer(`no ${what} object`)
}

/** The task of an api/ce/task answer. */
export function readTask(body: unknown): CeTask {
  const task = object(object(body, 'answer').task, '"task"')
  const id = str(task, 'id')
  if (!id) throw new UnexpectedAnswer('the task has no id')
  return {
    id,
    status: oneOf(task.status, TASK_STATUSES, 'task status'),
    type: str(task, 'type'),
    componentKey: str(task, 'componentKey'),
    analysisId: str(task, 'analysisId'),
    errorMessage: str(task, 'errorMessage'),
    warnings: Array.isArray(task.warnings) ? task.warnings.filter((w): w is string => typeof w === 'string') : [],
    branch: str(task, 'branch'),
    pullRequest: str(task, 'pullRequest')
  }
}

/** The projectStatus of an api/qualitygates/project_status answer. */
export function readProjectStatus(body: unknown): ProjectStatus {
  const ps = object(object(body, 'answer').projectStatus, '"projectStatus"')
  const conditions = ps.conditions === undefined ? [] : ps.conditions
  if (!Array.isArray(conditions)) throw new UnexpectedAnswer('"conditions" is not a list')
  return {
    status: oneOf(ps.status, GATE_STATUSES, 'quality gate status'),
    ignoredConditions: ps.ignoredConditions === true,
    conditions: conditions.map((c, i) => {
      const cond = object(c, `condition ${i + 1}`)
      const metricKey = str(cond, 'metricKey')
      if (!metricKey) throw new UnexpectedAnswer(`condition ${i + 1} has no metricKey`)
      return {
        status: oneOf(cond.status, ['OK', 'WARN', 'ERROR'] as const, `condition ${metricKey}: status`),
        metricKey,
        comparator: cond.comparator === undefined ? '' : oneOf(cond.comparator, COMPARATORS, `condition ${metricKey}: comparator`),
        errorThreshold: str(cond, 'errorThreshold'),
        warningThreshold: str(cond, 'warningThreshold'),
        actualValue: str(cond, 'actualValue')
      }
    })
  }
}

/** The messages of a {"errors": [{"msg": ...}]} body, at most three, each cut to 300 characters. */
export function errorMessages(text: string): string[] {
  try {
    const errors = (JSON.parse(text) as { errors?: unknown } | null)?.errors
    if (!Array.isArray(errors)) return []
    return errors
      .map((e) => (e && typeof e === 'object' && typeof (e as { msg?: unknown }).msg === 'string' ? (e as { msg: string }).msg : ''))
      .filter(Boolean)
      .slice(0, 3)
      .map((m) => m.replace(/\s+/g, ' ').slice(0, 300))
  } catch {
    return []
  }
}
