// A loopback stand-in for SonarQube's Web API (v1), the two endpoints the sonar gate reads, as
// SonarSource publishes them (the sonar-ws protobufs ws-ce.proto and ws-qualitygates.proto, the
// TaskAction and ProjectStatusAction definitions and their response examples, the Web API
// authentication pages):
//
//   GET /api/ce/task?id=<task>   id required ("The 'id' parameter is missing"), additionalFields
//     optional; unknown id: 404 "No activity found for task '<id>'". The task goes through the
//     statuses a test scripts (PENDING, IN_PROGRESS, then SUCCESS with an analysisId, FAILED with
//     an errorMessage, or CANCELED), one step per request.
//   GET /api/qualitygates/project_status   exactly one of analysisId, projectId, projectKey (400
//     "Either 'analysisId', 'projectId' or 'projectKey' must be provided"), not both branch and
//     pullRequest; unknown analysis: 404 "Analysis with id '<id>' is not found".
//   Errors are {"errors":[{"msg":...}]}; a missing or refused token on /api/* is a bare 401 (the
//   server's UserSessionInitializer; sonar.forceAuthentication is on by default since 8.6).
//
// Flavours, each answering as its documentation and changelog say:
//   9.9    SonarQube 9.9 LTA: the token only as the basic-auth login with an empty password (a bearer
//          header is no credential there); project_status still has periods and periodIndex.
//   10.8   SonarQube 10.x: bearer, or basic with the token and an empty password; no periods.
//   2025.1 SonarQube Server 2025.1: bearer (the only scheme its Web API page describes for tokens).
//   cloud  SonarQube Cloud: bearer; its report-task.txt has organization and serverVersion 8.0.0.x.
// Every request is recorded with the problems found in it (wrong method, unknown parameters, a
// gate read by project rather than by analysis), so a test can require that there were none.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export type SonarFlavour = '9.9' | '10.8' | '2025.1' | 'cloud'
export type TaskStatus = 'PENDING' | 'IN_PROGRESS' | 'SUCCESS' | 'FAILED' | 'CANCELED'

/** serverVersion as each flavour reports it (SonarCloud has said 8.0.0.x for years). */
export const FLAVOUR_VERSIONS: Record<SonarFlavour, string> = {
  '9.9': '9.9.8.100196',
  '10.8': '10.8.1.101195',
  '2025.1': '2025.1.0.102418',
  cloud: '8.0.0.70123'
}

const ACCEPTED_SCHEMES: Record<SonarFlavour, readonly ('bearer' | 'basic')[]> = {
  '9.9': ['basic'],
  '10.8': ['bearer', 'basic'],
  '2025.1': ['bearer'],
  cloud: ['bearer']
}

export interface ScriptedCondition {
  status: 'OK' | 'WARN' | 'ERROR'
  metricKey: string
  comparator: 'GT' | 'LT' | 'EQ' | 'NE'
  errorThreshold?: string
  actualValue: string
}

export interface ScriptedTask {
  projectKey?: string
  /** One per request; the last one repeats. */
  statuses: TaskStatus[]
  errorMessage?: string
  warnings?: string[]
  /** The gate of the analysis this task produces (when it ends in SUCCESS). */
  gate?: { status: 'OK' | 'WARN' | 'ERROR' | 'NONE'; conditions?: ScriptedCondition[] }
  /** The token's user may read the task but not the project's gate (403 Insufficient privileges). */
  gateForbidden?: boolean
}

export type Fault = { status: number; retryAfter?: string; body?: string } | { drop: true } | { delayMs: number }

export interface SonarRequest {
  at: number
  method: string
  path: string
  query: [string, string][]
  authorization: string
  status: number
  problems: string[]
}

export interface SonarStandIn {
  url: string
  flavour: SonarFlavour
  version: string
  token: string
  requests: SonarRequest[]
  /** Played first in first out, one per request, before the normal answer. */
  faults: Fault[]
  /** Registers a task (and its analysis) and gives its id. */
  addTask(task: ScriptedTask): string
  /** The analysis id a SUCCESS task of this id reports. */
  analysisOf(taskId: string): string
  /** report-task.txt as the scanner engine writes it after uploading the task's analysis. */
  reportTask(taskId: string, options?: { serverUrl?: string; branch?: string; omit?: string[] }): string
  close(): Promise<void>
}

// SonarQube's UUIDs: 20 characters of url-safe base64, starting "A" (e.g. AYhSC2-LY0CHkWJxvNA9).
const uuid = () => `A${randomBytes(15).toString('base64url').slice(0, 19)}`

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

const errors = (res: ServerResponse, status: number, msg: string) => json(res, status, { errors: [{ msg }] })

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, '+0000')

export async function startSonarStandIn(options: { flavour: SonarFlavour; token?: string }): Promise<SonarStandIn> {
  const { flavour } = options
  // Assembled at run time so that no credential-shaped literal sits in the repository.
  const token = options.token ?? ['squ', randomBytes(20).toString('hex')].join('_')
  const version = FLAVOUR_VERSIONS[flavour]
  const requests: SonarRequest[] = []
  const faults: Fault[] = []
  const tasks = new Map<string, ScriptedTask & { seen: number; analysisId: string; submittedAt: number; projectKey: string }>()
  const analyses = new Map<string, ScriptedTask & { projectKey: string }>()
  const sockets = new Set<Socket>()
  let url = ''

  /** Who the request authenticates as: the token's user, or nobody (wrong token, wrong scheme). */
  function authenticated(header: string): boolean {
    const [scheme, value = ''] = header.split(' ', 2)
    if (scheme === 'Bearer') return ACCEPTED_SCHEMES[flavour].includes('bearer') && value === token
    if (scheme === 'Basic') {
      const decoded = Buffer.from(value, 'base64').toString('utf8')
      return ACCEPTED_SCHEMES[flavour].includes('basic') && decoded === `${token}:`
    }
    return false
  }

  function taskJson(id: string): Record<string, unknown> {
    const t = tasks.get(id)!
    const status = t.statuses[Math.min(t.seen, t.statuses.length - 1)]
    t.seen++
    const task: Record<string, unknown> = {
      id,
      type: 'REPORT',
      componentId: 'AYcomponent000000001',
      componentKey: t.projectKey,
      componentName: t.projectKey,
      componentQualifier: 'TRK',
      status,
      submittedAt: iso(t.submittedAt),
      submitterLogin: 'ci-bot'
    }
    if (status !== 'PENDING') Object.assign(task, { startedAt: iso(t.submittedAt + 500), executionTimeMs: 1200 })
    if (status === 'SUCCESS' || status === 'FAILED' || status === 'CANCELED') {
      Object.assign(task, { executedAt: iso(t.submittedAt + 1700), hasScannerContext: true, warningCount: 0, warnings: [] })
      if (flavour === '9.9') task.logs = false
    }
    if (status === 'SUCCESS')
      Object.assign(task, { analysisId: t.analysisId, warningCount: t.warnings?.length ?? 0, warnings: t.warnings ?? [] })
    if (status === 'FAILED') task.errorMessage = t.errorMessage ?? 'Unexpected error during processing'
    return { task }
  }

  function gateJson(analysisId: string): Record<string, unknown> {
    const a = analyses.get(analysisId)!
    const gate = a.gate ?? { status: 'OK' }
    const conditions = (gate.conditions ?? []).map((c) => ({
      status: c.status,
      metricKey: c.metricKey,
      comparator: c.comparator,
      ...(flavour === '9.9' && c.metricKey.startsWith('new_') ? { periodIndex: 1 } : {}),
      ...(c.errorThreshold !== undefined ? { errorThreshold: c.errorThreshold } : {}),
      actualValue: c.actualValue
    }))
    const projectStatus: Record<string, unknown> = { status: gate.status, conditions, ignoredConditions: false }
    if (flavour !== 'cloud') projectStatus.caycStatus = 'compliant'
    if (gate.status !== 'NONE') {
      const period = { mode: 'PREVIOUS_VERSION', date: '2026-01-05T10:00:00+0000', parameter: '1.3.0' }
      projectStatus.period = period
      // 'periods' was deprecated in 8.5 and removed in 10.0.
      if (flavour === '9.9') projectStatus.periods = [{ index: 1, ...period }]
    }
    return { projectStatus }
  }

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const parsed = new URL(req.url ?? '/', 'http://stand-in')
    const query = [...parsed.searchParams.entries()]
    const record: SonarRequest = {
      at: Date.now(),
      method: req.method ?? '',
      path: parsed.pathname,
      query,
      authorization: String(req.headers.authorization ?? ''),
      status: 0,
      problems: []
    }
    requests.push(record)
    const answer = (status: number, body?: unknown) => {
      record.status = status
      if (body === undefined) {
        res.writeHead(status)
        res.end()
      } else if (typeof body === 'string') errors(res, status, body)
      else json(res, status, body)
    }
    const fault = faults.shift()
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs))
    if (fault && 'drop' in fault) return void req.socket.destroy()
    if (fault && 'status' in fault) {
      record.status = fault.status
      res.writeHead(fault.status, { 'Content-Type': 'text/html', ...(fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {}) })
      return void res.end(fault.body ?? `<html><body>${fault.status}</body></html>`)
    }
    if (req.method !== 'GET') record.problems.push(`method ${req.method}: both endpoints are GET`)
    const allowed: Record<string, string[]> = {
      '/api/ce/task': ['id', 'additionalFields'],
      '/api/qualitygates/project_status': ['analysisId', 'projectId', 'projectKey', 'branch', 'pullRequest']
    }
    if (!allowed[parsed.pathname]) return answer(404, `Unknown url : ${parsed.pathname}`)
    for (const [key] of query) if (!allowed[parsed.pathname].includes(key)) record.problems.push(`unknown parameter ${key}`)
    if (!authenticated(record.authorization)) return answer(401)
    const param = (k: string) => parsed.searchParams.get(k) ?? ''
    if (parsed.pathname === '/api/ce/task') {
      if (!param('id')) return answer(400, "The 'id' parameter is missing")
      if (!tasks.has(param('id'))) return answer(404, `No activity found for task '${param('id')}'`)
      return answer(200, taskJson(param('id')))
    }
    const given = ['analysisId', 'projectId', 'projectKey'].filter((k) => param(k))
    if (given.length !== 1) return answer(400, "Either 'analysisId', 'projectId' or 'projectKey' must be provided")
    if (param('branch') && param('pullRequest')) return answer(400, "Either 'branch' or 'pullRequest' can be provided, not both")
    if (given[0] !== 'analysisId') record.problems.push(`gate read by ${given[0]}, not by the analysis the task produced`)
    const analysisId = param('analysisId')
    if (!analyses.has(analysisId)) return answer(404, `Analysis with id '${analysisId}' is not found`)
    if (analyses.get(analysisId)!.gateForbidden) return answer(403, 'Insufficient privileges')
    return answer(200, gateJson(analysisId))
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    flavour,
    version,
    token,
    requests,
    faults,
    addTask(task) {
      const id = uuid()
      const analysisId = uuid()
      const projectKey = task.projectKey ?? 'acme_web'
      tasks.set(id, { ...task, projectKey, seen: 0, analysisId, submittedAt: Date.now() })
      if (task.statuses.includes('SUCCESS')) analyses.set(analysisId, { ...task, projectKey })
      return id
    },
    analysisOf: (taskId) => tasks.get(taskId)!.analysisId,
    reportTask(taskId, o = {}) {
      const t = tasks.get(taskId)!
      const serverUrl = o.serverUrl ?? url
      const branch = o.branch ? `&branch=${encodeURIComponent(o.branch)}` : ''
      const dashboard = `${serverUrl}/dashboard?id=${encodeURIComponent(t.projectKey)}${branch}`
      const entries: [string, string][] = [
        ...(flavour === 'cloud' ? ([['organization', 'acme']] as [string, string][]) : []),
        ['projectKey', t.projectKey],
        ['serverUrl', serverUrl],
        ['serverVersion', version],
        ...(o.branch ? ([['branch', o.branch]] as [string, string][]) : []),
        ['dashboardUrl', dashboard],
        ['ceTaskId', taskId],
        ['ceTaskUrl', `${serverUrl}/api/ce/task?id=${taskId}`]
      ]
      return entries
        .filter(([k]) => !o.omit?.includes(k))
        .map(([k, v]) => `${k}=${v}\n`)
        .join('')
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
