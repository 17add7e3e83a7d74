// The code-quality gate's domain: report-task.txt as the scanners write it, the server and auth
// scheme per SonarQube version, the Web API answers, the verdict, the polling loop on a fake clock
// and the HTTP client's retries through a scripted fetch. No network.
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import {
  readProjectStatus,
  readTask,
  UnexpectedAnswer,
  type CeTask,
  type GateStatus,
  type ProjectStatus
} from '../../actions/lib/sonar/api.js'
import { DeadlineReached, SonarApiError, SonarClient, type SonarApi } from '../../actions/lib/sonar/client.js'
import { formatDuration, verdict, waitAndJudge } from '../../actions/lib/sonar/gate.js'
import { locateReportTask, parseReportTask, REPORT_TASK_LOCATIONS, type ReportTask } from '../../actions/lib/sonar/report-task.js'
import { authorization, majorVersion, resolveServer, tokenForms, type SonarServer } from '../../actions/lib/sonar/server.js'
import { formatValue } from '../../actions/lib/sonar/metrics.js'
import { conditionsTable, sonarSummaryMarkdown } from '../../actions/lib/sonar/summary.js'
import { readSonarSettings, SonarInput, SonarOutput } from '../../actions/sonar-gate/settings.js'
import { fakeClock, thrown } from '../helpers/unit.js'
import { REPO_ROOT } from '../helpers/tools.js'

// Assembled at run time, so that no credential-shaped literal sits in the repository.
const TOKEN = ['squ', '0123456789abcdef0123', '456789abcdef01234567'].join('_')

const report = (over: Partial<ReportTask> = {}): ReportTask => ({
  path: 'report-task.txt',
  projectKey: 'acme_web',
  serverUrl: 'https://sonar.example.com',
  serverVersion: '10.6.0.92116',
  dashboardUrl: 'https://sonar.example.com/dashboard?id=acme_web',
  ceTaskId: 'AYhSC2-LY0CHkWJxvNA9',
  ceTaskUrl: 'https://sonar.example.com/api/ce/task?id=AYhSC2-LY0CHkWJxvNA9',
  organization: '',
  branch: '',
  ...over
})

describe('report-task.txt', () => {
  it.each([
    [
      'sonar-scanner against SonarQube 9.9',
      'projectKey=acme_web\nserverUrl=http://localhost:9000\nserverVersion=9.9.4.87374\n' +
        'dashboardUrl=http://localhost:9000/dashboard?id=acme_web\nceTaskId=AYhSC2-LY0CHkWJxvNA9\n' +
        'ceTaskUrl=http://localhost:9000/api/ce/task?id=AYhSC2-LY0CHkWJxvNA9\n',
      { serverUrl: 'http://localhost:9000', serverVersion: '9.9.4.87374', organization: '' }
    ],
    [
      'SonarQube Cloud (organization, serverVersion 8.0.0.x)',
      'organization=acme\nprojectKey=acme_web\nserverUrl=https://sonarcloud.io\nserverVersion=8.0.0.66444\n' +
        'dashboardUrl=https://sonarcloud.io/dashboard?id=acme_web\nceTaskId=AZjf8rilT8rlzcpbEtvC\n' +
        'ceTaskUrl=https://sonarcloud.io/api/ce/task?id=AZjf8rilT8rlzcpbEtvC\n',
      { serverUrl: 'https://sonarcloud.io', organization: 'acme', ceTaskId: 'AZjf8rilT8rlzcpbEtvC' }
    ],
    [
      'a branch analysis, CRLF line ends and a trailing slash',
      'projectKey=acme_web\r\nserverUrl=https://sonar.example.com/\r\nserverVersion=2025.1.0.102418\r\nbranch=release/1.x\r\n' +
        'ceTaskId=AYhSC2-LY0CHkWJxvNA9\r\n',
      { serverUrl: 'https://sonar.example.com', branch: 'release/1.x', dashboardUrl: '' }
    ],
    [
      'java.util.Properties style: a comment and escaped colons',
      '#Mon Jan 05 10:00:00 UTC 2026\nprojectKey=acme\\:web\nserverUrl=http\\://sonar.internal\\:9000\nceTaskId=AYhSC2-LY0CHkWJxvNA9\n',
      { projectKey: 'acme:web', serverUrl: 'http://sonar.internal:9000' }
    ]
  ])('%s', (_, text, expected) => {
    expect(parseReportTask(text, 'r.txt')).toMatchObject(expected)
  })

  it.each([
    ['empty', '', /r\.txt is not a complete report-task\.txt: ceTaskId, serverUrl, projectKey missing\. .*run the scanner first/],
    ['no task id', 'projectKey=a\nserverUrl=https://s.example\n', /ceTaskId missing/],
    ['a task id that is no id', 'projectKey=a\nserverUrl=https://s.example\nceTaskId=../../api/x?y=1\n', /is not a Compute Engine task id/],
    ['a server that is no URL', 'projectKey=a\nserverUrl=sonar\nceTaskId=AX1\n', /serverUrl "sonar" is not a URL/],
    ['a server that is not http', 'projectKey=a\nserverUrl=file:///etc\nceTaskId=AX1\n', /must be an http\(s\) URL/],
    ['binary', 'ceTaskId=\u0000\u0001', /is binary/]
  ])('%s is a user error naming the file', (_, text, message) => {
    const error = thrown(() => parseReportTask(text, 'r.txt'))
    expect(error.name).toBe('UserError')
    expect(error.message).toMatch(message)
  })

  it.each(REPORT_TASK_LOCATIONS)('found at %s', (where) => {
    const dir = mkdtempSync(join(tmpdir(), 'sgw-sonar-'))
    mkdirSync(join(dir, where, '..'), { recursive: true })
    writeFileSync(join(dir, where), 'x')
    expect(locateReportTask('', dir, 'report-task')).toBe(join(dir, where))
  })

  it('none, several, or a named file that is missing: a line that says what to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sgw-sonar-'))
    const none = thrown(() => locateReportTask('', dir, 'report-task')).message
    expect(none).toMatch(/^No report-task\.txt in \.scannerwork.*run the SonarQube scanner/)
    for (const where of REPORT_TASK_LOCATIONS.slice(0, 2)) {
      mkdirSync(join(dir, where, '..'), { recursive: true })
      writeFileSync(join(dir, where), 'x')
    }
    expect(thrown(() => locateReportTask('', dir, 'report-task')).message).toBe(
      'Several report-task.txt files (.scannerwork/report-task.txt, target/sonar/report-task.txt): set "report-task" to the one of ' +
        'the analysis to gate.'
    )
    expect(thrown(() => locateReportTask('svc/.scannerwork/report-task.txt', dir, 'report-task')).message).toMatch(
      /^Input "report-task": svc\/\.scannerwork\/report-task\.txt does not exist/
    )
  })
})

describe('server and auth scheme', () => {
  it.each([
    ['SonarQube 9.9 LTA', report({ serverVersion: '9.9.4.87374' }), 'basic', 'server'],
    ['SonarQube 8.9', report({ serverVersion: '8.9.10.61524' }), 'basic', 'server'],
    ['SonarQube 10.0', report({ serverVersion: '10.0.0.68432' }), 'bearer', 'server'],
    ['SonarQube 10.8', report({ serverVersion: '10.8.1.101195' }), 'bearer', 'server'],
    ['SonarQube Server 2025.1', report({ serverVersion: '2025.1.0.102418' }), 'bearer', 'server'],
    ['a Community Build 25.1', report({ serverVersion: '25.1.0.102122' }), 'bearer', 'server'],
    ['no serverVersion', report({ serverVersion: '' }), 'bearer', 'server'],
    ['sonarcloud.io (which says 8.0.0.x)', report({ serverUrl: 'https://sonarcloud.io', serverVersion: '8.0.0.66444' }), 'bearer', 'cloud'],
    ['the US instance', report({ serverUrl: 'https://sonarqube.us', serverVersion: '8.0.0.1' }), 'bearer', 'cloud'],
    [
      'a report with an organization',
      report({ serverUrl: 'http://127.0.0.1:9000', serverVersion: '8.0.0.1', organization: 'acme' }),
      'bearer',
      'cloud'
    ]
  ])('%s: %s', (_, r, auth, kind) => {
    expect(resolveServer(r, '', 'auto')).toMatchObject({ auth, kind })
  })

  it('auth-scheme overrides; host-url replaces the server the file names', () => {
    const forced = resolveServer(report({ serverVersion: '9.9.0.1' }), '', 'bearer')
    expect(forced).toMatchObject({ auth: 'bearer', authReason: 'set by auth-scheme' })
    expect(resolveServer(report(), 'http://sonarqube:9000/sonar', 'auto').base).toBe('http://sonarqube:9000/sonar')
    expect(resolveServer(report({ serverUrl: 'https://sonar.example.com/' }), '', 'auto').base).toBe('https://sonar.example.com')
  })

  it('the header: Bearer <token>, or Basic base64("<token>:"); both forms are masked', () => {
    expect(authorization('bearer', TOKEN)).toBe(`Bearer ${TOKEN}`)
    expect(Buffer.from(authorization('basic', TOKEN).slice(6), 'base64').toString()).toBe(`${TOKEN}:`)
    expect(tokenForms(TOKEN)).toEqual([TOKEN, authorization('basic', TOKEN).slice(6)])
  })

  it.each([
    ['9.9.4.87374', 9],
    ['2025.1.0.102418', 2025],
    ['', undefined],
    ['banana', undefined]
  ])('majorVersion(%p) = %p', (v, major) => expect(majorVersion(v)).toBe(major))
})

describe('Web API answers', () => {
  // SonarSource's response examples (task-example.json, project_status-example.json), trimmed.
  const taskExample = {
    task: {
      id: 'AYhSC2-LY0CHkWJxvNA9',
      type: 'REPORT',
      componentKey: 'sonarsource_test',
      analysisId: 'AYhSC3WDE6ILQDIMAPIp',
      status: 'SUCCESS',
      warningCount: 1,
      warnings: ['Missing blame information for 2 files.'],
      hasScannerContext: true
    }
  }
  const gateExample = {
    projectStatus: {
      status: 'ERROR',
      ignoredConditions: false,
      caycStatus: 'non-compliant',
      conditions: [
        {
          status: 'ERROR',
          metricKey: 'new_coverage',
          comparator: 'LT',
          periodIndex: 1,
          errorThreshold: '85',
          actualValue: '82.50562381034781'
        },
        { status: 'OK', metricKey: 'reopened_issues', comparator: 'GT', actualValue: '0' }
      ],
      periods: [{ index: 1, mode: 'last_version', date: '2000-04-27T00:45:23+0200', parameter: '2015-12-07' }]
    }
  }

  it('reads a task and a project status as the examples show them (9.9 fields included)', () => {
    expect(readTask(taskExample)).toMatchObject({
      status: 'SUCCESS',
      analysisId: 'AYhSC3WDE6ILQDIMAPIp',
      warnings: ['Missing blame information for 2 files.']
    })
    const ps = readProjectStatus(gateExample)
    expect(ps.status).toBe('ERROR')
    expect(ps.conditions[0]).toEqual({
      status: 'ERROR',
      metricKey: 'new_coverage',
      comparator: 'LT',
      errorThreshold: '85',
      warningThreshold: '',
      actualValue: '82.50562381034781'
    })
    expect(ps.conditions[1].errorThreshold).toBe('')
    expect(readProjectStatus({ projectStatus: { status: 'NONE' } })).toEqual({ status: 'NONE', conditions: [], ignoredConditions: false })
  })

  it.each([
    ['an unknown task status', () => readTask({ task: { id: 'A', status: 'QUEUED' } }), /task status "QUEUED" is none of PENDING/],
    ['a task without id', () => readTask({ task: { status: 'SUCCESS' } }), /no id/],
    ['no task', () => readTask({ errors: [] }), /no "task" object/],
    ['an unknown gate status', () => readProjectStatus({ projectStatus: { status: 'PASSED' } }), /quality gate status "PASSED"/],
    ['no status at all', () => readProjectStatus({ projectStatus: {} }), /quality gate status missing/],
    [
      'an unknown comparator',
      () => readProjectStatus({ projectStatus: { status: 'OK', conditions: [{ status: 'OK', metricKey: 'm', comparator: 'GE' }] } }),
      /comparator "GE"/
    ],
    ['a proxy page parsed as JSON', () => readProjectStatus('<html>'), /no answer object/]
  ])('%s is refused, never guessed', (_, read, message) => {
    const error = thrown(read)
    expect(error).toBeInstanceOf(UnexpectedAnswer)
    expect(error.message).toMatch(message)
  })
})

describe('verdict', () => {
  const err = {
    status: 'ERROR' as const,
    metricKey: 'new_coverage',
    comparator: 'LT' as const,
    errorThreshold: '80',
    warningThreshold: '',
    actualValue: '61.5'
  }
  it.each<[GateStatus, boolean, string, unknown, unknown]>([
    ['OK', false, 'pass', 'Quality gate passed (OK)', undefined],
    ['WARN', false, 'pass', 'Quality gate passed with warnings (WARN)', 'Quality gate passed with warnings (WARN)'],
    ['ERROR', false, 'fail', 'Quality gate failed (ERROR): new_coverage 61.5 % (fails when less than 80 %)', undefined],
    ['NONE', false, 'fail', expect.stringMatching(/^No quality gate is associated with project acme_web \(status NONE\): /), undefined],
    ['NONE', true, 'pass', expect.stringMatching(/passing because allow-no-gate is true$/), expect.stringMatching(/allow-no-gate/)]
  ])('%s (allow-no-gate %p): %s', (status, allow, result, reason, warning) => {
    expect(verdict(status, status === 'ERROR' ? [err] : [], 'acme_web', allow)).toEqual({ result, reason, ...(warning ? { warning } : {}) })
  })
})

/** A fake server: the task goes through `statuses` (the last repeats); then the gate. */
const GREEN: ProjectStatus = { status: 'OK', conditions: [], ignoredConditions: false }

function fakeApi(statuses: CeTask['status'][], gate: ProjectStatus = GREEN, extra: Partial<CeTask> = {}) {
  const calls: string[] = []
  let seen = 0
  const api: SonarApi = {
    task: async (id) => {
      calls.push(`task ${id}`)
      const status = statuses[Math.min(seen++, statuses.length - 1)]
      const analysisId = status === 'SUCCESS' ? 'AN1' : ''
      const empty = { errorMessage: '', warnings: [], branch: '', pullRequest: '' }
      return { id, status, type: 'REPORT', componentKey: 'acme_web', analysisId, ...empty, ...extra }
    },
    projectStatus: async (analysisId) => {
      calls.push(`gate ${analysisId}`)
      return gate
    }
  }
  return { api, calls }
}

const server: SonarServer = {
  base: 'https://sonar.example.com',
  kind: 'server',
  version: '10.6.0.92116',
  auth: 'bearer',
  authReason: 'test'
}
const config = (timeoutMs = 300_000, allowNoGate = false) => ({ report: report(), server, timeoutMs, allowNoGate })

describe('waiting for the analysis (fake clock)', () => {
  it('PENDING -> IN_PROGRESS -> SUCCESS: waits 1 s, 2 s, then reads the gate of that analysis', async () => {
    const clock = fakeClock()
    const { api, calls } = fakeApi(['PENDING', 'IN_PROGRESS', 'SUCCESS'])
    const lines: string[] = []
    const o = await waitAndJudge(api, config(), { clock, log: (l) => lines.push(l) })
    expect(clock.sleeps).toEqual([1000, 2000])
    expect(calls).toEqual(['task AYhSC2-LY0CHkWJxvNA9', 'task AYhSC2-LY0CHkWJxvNA9', 'task AYhSC2-LY0CHkWJxvNA9', 'gate AN1'])
    expect(o).toMatchObject({ result: 'pass', gateStatus: 'OK', analysisId: 'AN1', taskStatus: 'SUCCESS', polls: 3, waitedMs: 3000 })
    expect(lines).toEqual(['PENDING', 'IN_PROGRESS', 'SUCCESS'].map((s) => `Analysis task AYhSC2-LY0CHkWJxvNA9: ${s}`))
  })

  it('the waits double up to 10 s and the last one ends at the deadline: a task still pending then is a timeout naming it', async () => {
    const clock = fakeClock()
    const { api, calls } = fakeApi(['IN_PROGRESS'])
    const o = await waitAndJudge(api, config(60_000), { clock })
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000, 10_000, 5000])
    expect(clock.elapsed()).toBe(60_000)
    expect(calls.filter((c) => c.startsWith('gate'))).toEqual([])
    expect(o).toMatchObject({ result: 'fail', taskStatus: 'IN_PROGRESS', analysisId: '', gateStatus: '', polls: 10 })
    expect(o.timedOut).toEqual({ stage: 'task', lastAnswer: undefined })
    expect(o.reason).toBe(
      "Timed out after 1 min waiting for SonarQube's analysis task AYhSC2-LY0CHkWJxvNA9 of acme_web: still IN_PROGRESS after 10 " +
        'check(s). Raise "timeout", or see the project\'s Background Tasks in SonarQube for a long queue'
    )
  })

  it.each<[CeTask['status'], Partial<CeTask>, string]>([
    [
      'FAILED',
      { errorMessage: 'Unsupported language: cobol' },
      'SonarQube could not process the analysis task T of acme_web: Unsupported language: cobol'
    ],
    ['CANCELED', {}, 'The analysis task T of acme_web was canceled on the server before it was processed: run the analysis again'],
    [
      'SUCCESS',
      { analysisId: '' },
      "The analysis task T of acme_web succeeded without an analysis id: its quality gate cannot be told from another run's"
    ]
  ])('%s %p: fails without reading any gate', async (status, extra, reason) => {
    const { api, calls } = fakeApi([status], undefined, extra)
    const o = await waitAndJudge(api, { ...config(), report: report({ ceTaskId: 'T' }) }, { clock: fakeClock() })
    expect(o).toMatchObject({ result: 'fail', reason, taskStatus: status, gateStatus: '' })
    expect(calls).toHaveLength(1)
  })

  it('retries that run into the deadline become a timeout that says what the server last answered', async () => {
    const api: SonarApi = {
      task: async () => {
        throw new DeadlineReached('HTTP 503')
      },
      projectStatus: async () => ({ status: 'OK', conditions: [], ignoredConditions: false })
    }
    const o = await waitAndJudge(api, config(30_000), { clock: fakeClock() })
    expect(o.timedOut).toEqual({ stage: 'task', lastAnswer: 'HTTP 503' })
    expect(o.reason).toMatch(/not read once; the server's last answer was HTTP 503\./)
  })

  it('a refused token is not an outcome: it is thrown for the adapter to report', async () => {
    const api: SonarApi = {
      task: async () => {
        throw new SonarApiError('401', 401, ['HTTP 401'])
      },
      projectStatus: async () => ({ status: 'OK', conditions: [], ignoredConditions: false })
    }
    await expect(waitAndJudge(api, config(), { clock: fakeClock() })).rejects.toBeInstanceOf(SonarApiError)
  })

  it.each([
    [2500, '2.5 s'],
    [300_000, '5 min'],
    [90_000, '1 min 30 s']
  ])('formatDuration(%p) = %p', (ms, text) => expect(formatDuration(ms)).toBe(text))
})

type Script = (url: string, init: RequestInit) => Response | Error

/** A fetch that answers from a script, one entry per request, recording what was sent. */
function scriptedFetch(script: Script[]) {
  const sent: { url: string; headers: Record<string, string>; redirect?: string }[] = []
  const fetchFn = (async (url: string, init: RequestInit) => {
    sent.push({ url, headers: init.headers as Record<string, string>, redirect: init.redirect })
    const next = script.shift()
    if (!next) throw new Error('no more answers scripted')
    const answer = next(url, init)
    if (answer instanceof Error) throw answer
    return answer
  }) as unknown as typeof fetch
  return { fetchFn, sent }
}

const ok = (body: unknown) => () => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
const status =
  (code: number, body = '', headers: Record<string, string> = {}) =>
  () =>
    new Response(body || null, { status: code, headers })
const taskBody = { task: { id: 'AX1', status: 'SUCCESS', analysisId: 'AN1' } }

function client(script: Script[], over: Partial<SonarServer> = {}, retries = 3) {
  const clock = fakeClock(1_000_000)
  const { fetchFn, sent } = scriptedFetch(script)
  const logs: string[] = []
  const c = new SonarClient({
    server: { ...server, ...over },
    token: TOKEN,
    retries,
    requestTimeoutMs: 30_000,
    clock,
    fetch: fetchFn,
    random: () => 0.5,
    log: (l) => logs.push(l)
  })
  return { c, clock, sent, logs }
}

describe('the HTTP client (scripted fetch, fake clock)', () => {
  it('GET <base>/api/ce/task?id=..., JSON, the token in the Authorization header only, redirects not followed', async () => {
    const { c, sent } = client([ok(taskBody)])
    await c.task('AX1', 2_000_000)
    expect(sent).toEqual([
      {
        url: 'https://sonar.example.com/api/ce/task?id=AX1',
        headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' },
        redirect: 'manual'
      }
    ])
  })

  it('basic for older servers; project_status by analysisId', async () => {
    const { c, sent } = client([ok({ projectStatus: { status: 'OK' } })], { auth: 'basic' })
    await c.projectStatus('AN1', 2_000_000)
    expect(sent[0].url).toBe('https://sonar.example.com/api/qualitygates/project_status?analysisId=AN1')
    expect(sent[0].headers.Authorization).toBe(`Basic ${Buffer.from(`${TOKEN}:`).toString('base64')}`)
  })

  it('5xx, a dropped connection and 429 are retried: 1.1 s, then 2.2 s, then Retry-After', async () => {
    const reset = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })
    const { c, clock, logs } = client([status(503), () => reset, status(429, '', { 'Retry-After': '5' }), ok(taskBody)])
    await expect(c.task('AX1', 2_000_000)).resolves.toMatchObject({ status: 'SUCCESS' })
    expect(clock.sleeps).toEqual([1100, 2200, 5000])
    expect(logs[0]).toBe('GET https://sonar.example.com/api/ce/task?id=AX1: HTTP 503; retry 1 of 3 in 1.1 s')
  })

  it('gives up after the retries with every answer in one line', async () => {
    const { c } = client([status(502), status(502), status(504)], {}, 2)
    const error = await c.task('AX1', 2_000_000).catch((e: Error) => e)
    expect(error).toBeInstanceOf(SonarApiError)
    expect((error as Error).message).toBe(
      'GET https://sonar.example.com/api/ce/task?id=AX1 failed: HTTP 502; HTTP 502; HTTP 504: gave up after 2 retries.'
    )
  })

  it.each([
    [401, '', /failed: HTTP 401\. The token was refused \(sent as a bearer token: test\)\. Check that the secret holds a valid/],
    [
      403,
      '{"errors":[{"msg":"Insufficient privileges"}]}',
      /HTTP 403\. SonarQube said: Insufficient privileges\. The token's user may not read the analysis task: it needs 'Execute Analysis'/
    ],
    [
      404,
      '{"errors":[{"msg":"No activity found for task \'AX1\'"}]}',
      /SonarQube said: No activity found for task 'AX1'\. The server does not know this analysis task: is report-task\.txt from this/
    ],
    [400, '{"errors":[{"msg":"The \'id\' parameter is missing"}]}', /HTTP 400\. SonarQube said: The 'id' parameter is missing\.$/]
  ])('HTTP %p is not retried and says what to do, never the token', async (code, body, message) => {
    const { c, sent } = client([status(code, body)])
    const error = (await c.task('AX1', 2_000_000).catch((e: Error) => e)) as SonarApiError
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain(TOKEN)
    expect(error.status).toBe(code)
    expect(sent).toHaveLength(1)
  })

  it('a redirect is not followed: the token stays with the server named', async () => {
    const { c, sent } = client([status(302, '', { Location: 'https://login.example.com/sso?next=/api' })])
    const error = await c.task('AX1', 2_000_000).catch((e: Error) => e)
    expect((error as Error).message).toMatch(/HTTP 302 \(a redirect to https:\/\/login\.example\.com\/sso, not followed so that the token/)
    expect(sent).toHaveLength(1)
  })

  it.each([
    [
      'an HTML page',
      () => new Response('<html>login</html>', { status: 200 }),
      /did not answer as SonarQube's Web API does \(the answer is not JSON\): check host-url/
    ],
    ['JSON of another shape', ok({ status: 'UP' }), /did not answer as SonarQube's Web API does \(no "task" object\)/]
  ])('a 200 with %s is refused', async (_, answer, message) => {
    const { c } = client([answer])
    await expect(c.task('AX1', 2_000_000)).rejects.toThrow(message)
  })

  it('a retry that would pass the deadline is not made: DeadlineReached with the last answer', async () => {
    const { c, clock } = client([status(503)])
    const error = await c.task('AX1', clock.now() + 500).catch((e: Error) => e)
    expect(error).toBeInstanceOf(DeadlineReached)
    expect((error as DeadlineReached).lastAnswer).toBe('HTTP 503')
  })

  it('a Retry-After longer than a minute ends the retries', async () => {
    const { c } = client([status(429, '', { 'Retry-After': '3600' })])
    await expect(c.task('AX1', 10_000_000)).rejects.toThrow(/HTTP 429: the server asked to wait 3600 s\./)
  })
})

describe('inputs', () => {
  const get = (over: Record<string, string> = {}) => (name: string) => ({ token: TOKEN, ...over })[name] ?? ''

  it('defaults: 5 min, 3 retries, auth auto, NONE fails', () => {
    expect(readSonarSettings(get())).toEqual({
      token: TOKEN,
      reportTask: '',
      hostUrl: '',
      authScheme: 'auto',
      timeoutMs: 300_000,
      retries: 3,
      allowNoGate: false
    })
    const given = get({ 'host-url': 'https://sonar.example.com/sonar/', timeout: '90s', 'auth-scheme': 'Basic' })
    expect(readSonarSettings(given)).toMatchObject({
      hostUrl: 'https://sonar.example.com/sonar',
      timeoutMs: 90_000,
      authScheme: 'basic'
    })
  })

  it.each([
    [{ token: '' }, /^Input "token" is required: a SonarQube user token from a secret/],
    [{ token: `${TOKEN} extra` }, /^Input "token" must be one token without spaces or line breaks \(its value is not shown\)\.$/],
    [{ timeout: 'soon' }, /^Input "timeout" must be a duration like 30s, 5m/],
    [{ timeout: '0s' }, /^Input "timeout" must be longer than 0/],
    [{ retries: '50' }, /^Input "retries" must be at most 10, got 50\.$/],
    [{ retries: '-1' }, /^Input "retries" must be a whole number/],
    [{ 'auth-scheme': 'token' }, /^Input "auth-scheme" must be one of auto, bearer, basic; got "token"\.$/],
    [{ 'allow-no-gate': 'yes' }, /^Input "allow-no-gate" must be true or false, got "yes"\.$/],
    [{ 'host-url': 'sonar.example.com' }, /^Input "host-url" must be the server's URL, such as https:\/\/sonarqube\.example\.com/],
    [{ 'host-url': 'https://admin:pw@sonar.example.com' }, /^Input "host-url" must not carry a user or password/],
    [{ 'host-url': 'ftp://sonar.example.com' }, /^Input "host-url" must be an http\(s\) URL/]
  ])('%p: an error naming the input', (over, message) => {
    const error = thrown(() => readSonarSettings(get(over)))
    expect(error.name).toBe('UserError')
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain(TOKEN)
  })

  it("the inputs of action.yml are the code's, and their documented defaults are the code's defaults", () => {
    const meta = parse(readFileSync(join(REPO_ROOT, 'actions', 'sonar-gate', 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>
      outputs: Record<string, unknown>
    }
    expect(Object.keys(meta.inputs).sort()).toEqual(Object.values(SonarInput).sort())
    expect(Object.keys(meta.outputs).sort()).toEqual(Object.values(SonarOutput).sort())
    const documented = (name: string) => (name === SonarInput.Token ? TOKEN : (meta.inputs[name]?.default ?? ''))
    expect(readSonarSettings(documented)).toEqual(readSonarSettings(get()))
  })
})

describe('summary', () => {
  it.each([
    ['new_coverage', '82.50562381034781', '82.5 %'],
    ['duplicated_lines_density', '3', '3 %'],
    ['new_security_hotspots_reviewed', '100.0', '100 %'],
    ['new_reliability_rating', '1', 'A'],
    ['security_rating', '5', 'E'],
    ['new_violations', '14', '14'],
    ['new_maintainability_rating', '', ''],
    ['alert_status', 'ERROR', 'ERROR']
  ])('%s %p shows as %p', (metric, value, shown) => expect(formatValue(metric, value)).toBe(shown))

  it('the conditions table puts the failing ones first, with comparator, threshold and actual value', () => {
    const table = conditionsTable([
      { status: 'OK', metricKey: 'new_reliability_rating', comparator: 'GT', errorThreshold: '1', warningThreshold: '', actualValue: '1' },
      { status: 'ERROR', metricKey: 'new_coverage', comparator: 'LT', errorThreshold: '80', warningThreshold: '', actualValue: '61.5' }
    ])
    expect(table).toEqual([
      '| Metric | Comparator | Threshold | Actual value | Status |',
      '|---|---|---|---|---|',
      '| `new_coverage` | LT (fails when <) | 80 % | 61.5 % | ❌ ERROR |',
      '| `new_reliability_rating` | GT (fails when >) | A | A | ✅ OK |'
    ])
  })

  it('analysis warnings are listed as text (their HTML links dropped); pipes cannot break the table', async () => {
    const { api } = fakeApi(['SUCCESS'], GREEN, { warnings: ['Missing blame for <a href="x">2 files</a> | see docs'] })
    const o = await waitAndJudge(api, config(), { clock: fakeClock() })
    const md = sonarSummaryMarkdown(o, report(), server)
    expect(md).toMatch(/^### ✅ Code-quality gate passed\n\n> Quality gate passed \(OK\)\.\n/)
    expect(md).toContain('- Missing blame for 2 files \\| see docs')
    expect(md).toContain('[dashboard](https://sonar.example.com/dashboard?id=acme_web)')
  })
})

describe('actions/lib/sonar', () => {
  it('imports no @actions package (domain code, usable by the CLI and any CI)', () => {
    const dir = join(REPO_ROOT, 'actions', 'lib', 'sonar')
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8')
      expect([file, /from '@actions\//.test(text)]).toEqual([file, false])
      const imports = [...text.matchAll(/^import (?!type )[^'"]*from '([^']+)'/gm)].map((m) => m[1])
      for (const spec of imports) expect([file, spec]).toEqual([file, expect.stringMatching(/^(node:|\.\/|\.\.\/(errors|report)\/)/)])
    }
  })
})
