// sonar-gate through its dist bundle under Node 24, as the runner runs it, against a loopback
// SonarQube that answers as SonarQube 9.9 LTA, 10.x, Server 2025.1 and SonarQube Cloud publish
// their Web API (__tests__/helpers/sonar-api.ts): the task processed over several polls, failed
// tasks, every gate status, a refused token, 5xx answers, a task that never finishes. The token
// must appear nowhere in what the action prints or writes. `sgw sonar` runs in-process against
// the same stand-in (its bundle is the CLI's, built with the rest).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sonarCommand } from '../../actions/sonar-gate/command.js'
import { main as sgw } from '../../actions/cli/main.js'
import { maskedValues, runAction, visibleText, type ActionRun } from '../helpers/run-action.js'
import { startSonarStandIn, type ScriptedTask, type SonarFlavour, type SonarStandIn } from '../helpers/sonar-api.js'

const FLAVOURS: SonarFlavour[] = ['9.9', '10.8', '2025.1', 'cloud']
const sonar = {} as Record<SonarFlavour, SonarStandIn>

beforeAll(async () => {
  for (const f of FLAVOURS) sonar[f] = await startSonarStandIn({ flavour: f })
})
afterAll(async () => {
  for (const f of FLAVOURS) await sonar[f].close()
})
beforeEach(() => {
  for (const f of FLAVOURS) {
    sonar[f].requests.length = 0
    sonar[f].faults.length = 0
  }
})

/** A workspace where the scanner has left report-task.txt for `taskId`. */
type ReportOptions = Parameters<SonarStandIn['reportTask']>[1]

function workspace(s: SonarStandIn, taskId: string, options: ReportOptions = {}, where = '.scannerwork'): string {
  const dir = mkdtempSync(join(tmpdir(), 'sgw-sonar-ws-'))
  mkdirSync(join(dir, where), { recursive: true })
  writeFileSync(join(dir, where, 'report-task.txt'), s.reportTask(taskId, options))
  return dir
}

async function gate(s: SonarStandIn, task: ScriptedTask, inputs: Record<string, string> = {}, report: ReportOptions = {}) {
  const id = s.addTask(task)
  const cwd = workspace(s, id, report)
  const run = await runAction('sonar-gate', { cwd, inputs: { token: s.token, ...inputs }, timeoutMs: 60_000 })
  return { id, cwd, run }
}

const basic = (token: string) => `Basic ${Buffer.from(`${token}:`).toString('base64')}`

/** Every file under `dir`, as text. */
function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) out.push(...filesUnder(path))
    else out.push(readFileSync(path, 'utf8'))
  }
  return out
}

/** The token, bare or in its basic-auth form, is in nothing the action printed or wrote, and was masked. */
function expectTokenHidden(run: ActionRun, cwd: string, token: string): void {
  const forms = [token, Buffer.from(`${token}:`).toString('base64')]
  const visible = visibleText(run)
  const files = [...filesUnder(run.runnerTemp.replace(/\/runner-temp$/, '')), ...filesUnder(cwd)].join('\n')
  for (const form of forms) {
    expect(visible).not.toContain(form)
    expect(files).not.toContain(form)
  }
  expect(maskedValues(run)).toEqual(expect.arrayContaining(forms))
}

function expectCleanRequests(s: SonarStandIn): void {
  for (const r of s.requests) expect([r.path, r.problems]).toEqual([r.path, []])
}

/** The outputs of a run that learnt nothing from the server. */
const NOTHING = { result: 'fail', 'quality-gate-status': '', 'analysis-id': '', 'dashboard-url': '', 'task-status': '' }

const CONDITIONS = [
  { status: 'ERROR' as const, metricKey: 'new_coverage', comparator: 'LT' as const, errorThreshold: '80', actualValue: '61.538461538' },
  { status: 'ERROR' as const, metricKey: 'new_violations', comparator: 'GT' as const, errorThreshold: '0', actualValue: '3' },
  { status: 'OK' as const, metricKey: 'new_reliability_rating', comparator: 'GT' as const, errorThreshold: '1', actualValue: '1' },
  { status: 'OK' as const, metricKey: 'new_duplicated_lines_density', comparator: 'GT' as const, errorThreshold: '3', actualValue: '0.0' }
]

describe.each(FLAVOURS)('SonarQube %s', (flavour) => {
  it('PENDING -> IN_PROGRESS -> SUCCESS, gate OK: passes, with the documented auth scheme, outputs set, token hidden', async () => {
    const s = sonar[flavour]
    const { id, cwd, run } = await gate(s, {
      statuses: ['PENDING', 'IN_PROGRESS', 'SUCCESS'],
      gate: { status: 'OK', conditions: CONDITIONS.slice(2) }
    })
    process.stderr.write(`[sonar-gate] ${flavour}: task processed over 3 polls, gate OK, through the bundle in ${run.ms} ms\n`)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toEqual({
      result: 'pass',
      'quality-gate-status': 'OK',
      'analysis-id': s.analysisOf(id),
      'dashboard-url': `${s.url}/dashboard?id=acme_web`,
      'task-status': 'SUCCESS'
    })
    const paths = s.requests.map((r) => `${r.path}?${new URLSearchParams(r.query).toString()}`)
    expect(paths).toEqual([
      `/api/ce/task?id=${id}`,
      `/api/ce/task?id=${id}`,
      `/api/ce/task?id=${id}`,
      `/api/qualitygates/project_status?analysisId=${s.analysisOf(id)}`
    ])
    const expected = flavour === '9.9' ? basic(s.token) : `Bearer ${s.token}`
    for (const r of s.requests) expect(r.authorization).toBe(expected)
    expectCleanRequests(s)
    const how: Record<SonarFlavour, string> = {
      '9.9': 'a basic-auth login (the scheme of SonarQube before 10.0)',
      '10.8': 'a bearer token (the scheme of SonarQube 10.0 and later)',
      '2025.1': 'a bearer token (the scheme of SonarQube 10.0 and later)',
      cloud: "a bearer token (SonarQube Cloud's scheme)"
    }
    expect(run.stdout).toContain(`the token goes as ${how[flavour]}`)
    expect(run.summary).toMatch(/^### ✅ Code-quality gate passed\n/)
    expect(run.summary).toContain('| `new_reliability_rating` | GT (fails when >) | A | A | ✅ OK |')
    expect(run.summary).toContain(flavour === 'cloud' ? 'on SonarQube Cloud' : `on SonarQube ${s.version}`)
    expectTokenHidden(run, cwd, s.token)
  })
})

describe('quality gate statuses (SonarQube 10.8)', () => {
  const s = () => sonar['10.8']

  it('ERROR fails with the failing conditions in one line and the whole table in the summary', async () => {
    const { id, cwd, run } = await gate(s(), { statuses: ['SUCCESS'], gate: { status: 'ERROR', conditions: CONDITIONS } })
    expect(run.exitCode).toBe(1)
    // The runner's error line, decoded (% travels as %25 in a workflow command).
    expect(run.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      'Code-quality gate: Quality gate failed (ERROR): new_coverage 61.5 % (fails when less than 80 %); ' +
        'new_violations 3 (fails when greater than 0). See the job summary.'
    ])
    expect(run.outputs).toMatchObject({
      result: 'fail',
      'quality-gate-status': 'ERROR',
      'analysis-id': s().analysisOf(id),
      'task-status': 'SUCCESS'
    })
    expect(run.summary).toMatch(/^### ❌ Code-quality gate failed\n/)
    const rows = run.summary.split('\n').filter((l) => l.startsWith('| `'))
    expect(rows).toEqual([
      '| `new_coverage` | LT (fails when <) | 80 % | 61.5 % | ❌ ERROR |',
      '| `new_violations` | GT (fails when >) | 0 | 3 | ❌ ERROR |',
      '| `new_reliability_rating` | GT (fails when >) | A | A | ✅ OK |',
      '| `new_duplicated_lines_density` | GT (fails when >) | 3 % | 0 % | ✅ OK |'
    ])
    expectCleanRequests(s())
    expectTokenHidden(run, cwd, s().token)
  })

  it('WARN passes with a warning', async () => {
    const { run } = await gate(s(), {
      statuses: ['SUCCESS'],
      gate: {
        status: 'WARN',
        conditions: [{ status: 'WARN', metricKey: 'new_code_smells', comparator: 'GT', errorThreshold: '10', actualValue: '8' }]
      }
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('::warning::Quality gate passed with warnings (WARN): new_code_smells')
    expect(run.outputs).toMatchObject({ result: 'pass', 'quality-gate-status': 'WARN' })
  })

  it('NONE (no gate on the project) fails closed, and passes with a warning under allow-no-gate', async () => {
    const closed = await gate(s(), { statuses: ['SUCCESS'], gate: { status: 'NONE' } })
    expect(closed.run.exitCode).toBe(1)
    expect(closed.run.stdout).toContain(
      '::error::Code-quality gate: No quality gate is associated with project acme_web (status NONE): assign one'
    )
    expect(closed.run.outputs).toMatchObject({ result: 'fail', 'quality-gate-status': 'NONE' })
    const allowed = await gate(s(), { statuses: ['SUCCESS'], gate: { status: 'NONE' } }, { 'allow-no-gate': 'true' })
    expect(allowed.run.exitCode).toBe(0)
    expect(allowed.run.stdout).toContain(
      '::warning::No quality gate is associated with project acme_web (status NONE); passing because allow-no-gate is true'
    )
    expect(allowed.run.outputs).toMatchObject({ result: 'pass', 'quality-gate-status': 'NONE' })
  })

  it('a FAILED task fails with the server\'s error message and never reads a gate', async () => {
    const { id, run } = await gate(s(), {
      statuses: ['IN_PROGRESS', 'FAILED'],
      errorMessage: 'Date of analysis cannot be older than the date of the last known analysis'
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::Code-quality gate: SonarQube could not process the analysis task ${id} of acme_web: Date of analysis cannot be older ` +
        'than the date of the last known analysis. See the job summary.'
    )
    expect(run.outputs).toEqual({ ...NOTHING, 'dashboard-url': `${s().url}/dashboard?id=acme_web`, 'task-status': 'FAILED' })
    expect(s().requests.map((r) => r.path)).toEqual(['/api/ce/task', '/api/ce/task'])
  })

  it('a CANCELED task fails', async () => {
    const { run } = await gate(s(), { statuses: ['CANCELED'] })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Code-quality gate: The analysis task \S+ of acme_web was canceled on the server/)
    expect(run.outputs['task-status']).toBe('CANCELED')
  })
})

describe('the server misbehaving', () => {
  it('503 and 502, then answers: retried with backoff, passes', async () => {
    const s = sonar['2025.1']
    s.faults.push({ status: 503 }, { status: 502 })
    const { run } = await gate(s, { statuses: ['SUCCESS'], gate: { status: 'OK' } })
    expect(run.exitCode).toBe(0)
    expect(s.requests.map((r) => r.status)).toEqual([503, 502, 200, 200])
    expect(run.stdout).toMatch(/\/api\/ce\/task\?id=\S+: HTTP 503; retry 1 of 3 in 1\.\d s/)
    expect(run.stdout).toMatch(/HTTP 502; retry 2 of 3 in 2\.\d s/)
    const gaps = s.requests.slice(1, 3).map((r, i) => r.at - s.requests[i].at)
    expect(gaps[0]).toBeGreaterThanOrEqual(1000)
    expect(gaps[1]).toBeGreaterThanOrEqual(2000)
  })

  it('a refused token (401) fails at once, says what to do, and prints neither the good nor the bad token', async () => {
    const s = sonar['10.8']
    const wrong = ['squ', 'f'.repeat(40)].join('_')
    const id = s.addTask({ statuses: ['SUCCESS'] })
    const cwd = workspace(s, id)
    const run = await runAction('sonar-gate', { cwd, inputs: { token: wrong }, timeoutMs: 60_000 })
    expect(run.exitCode).toBe(1)
    expect(s.requests).toHaveLength(1)
    expect(s.requests[0].status).toBe(401)
    expect(run.stdout).toContain(
      `::error::GET ${s.url}/api/ce/task?id=${id} failed: HTTP 401. The token was refused (sent as a bearer token: the scheme of ` +
        'SonarQube 10.0 and later). Check that the secret holds a valid, unexpired user token'
    )
    expect(run.stdout).not.toContain('Unexpected error')
    expect(run.outputs).toEqual({ ...NOTHING, 'dashboard-url': `${s.url}/dashboard?id=acme_web` })
    expect(run.summary).toContain('SonarQube did not answer as needed')
    expectTokenHidden(run, cwd, wrong)
  })

  it("403 on the gate after the task succeeded: the outputs keep what was learnt, the error says which permission", async () => {
    const s = sonar['9.9']
    const { id, run } = await gate(s, { statuses: ['SUCCESS'], gateForbidden: true })
    expect(run.exitCode).toBe(1)
    expect(s.requests.map((r) => r.status)).toEqual([200, 403])
    expect(run.stdout).toContain(
      "HTTP 403. SonarQube said: Insufficient privileges. The token's user may not read the quality gate: it needs 'Browse' or " +
        "'Execute Analysis' on the project."
    )
    expect(run.outputs).toEqual({
      ...NOTHING,
      'analysis-id': s.analysisOf(id),
      'dashboard-url': `${s.url}/dashboard?id=acme_web`,
      'task-status': 'SUCCESS'
    })
  })

  it('SonarQube 9.9 does not take a bearer token: auth-scheme bearer there is a 401 that names the cause', async () => {
    const s = sonar['9.9']
    const { run } = await gate(s, { statuses: ['SUCCESS'] }, { 'auth-scheme': 'bearer' })
    expect(run.exitCode).toBe(1)
    expect(s.requests[0].authorization).toBe(`Bearer ${s.token}`)
    expect(run.stdout).toContain('HTTP 401. The token was refused (sent as a bearer token: set by auth-scheme).')
    expect(run.stdout).toContain('a server older than 10.0 needs auth-scheme: basic')
  })

  it('a task that never finishes: fails after the timeout, naming the task and its status', async () => {
    const s = sonar.cloud
    const started = Date.now()
    const { id, run } = await gate(s, { statuses: ['PENDING'] }, { timeout: '4s' })
    const took = Date.now() - started
    process.stderr.write(`[sonar-gate] timeout 4s: step ended after ${took} ms\n`)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::Code-quality gate: Timed out after 4 s waiting for SonarQube's analysis task ${id} of acme_web: still PENDING after 4 ` +
        `check(s). Raise "timeout", or see the project's Background Tasks in SonarQube for a long queue. See the job summary.`
    )
    expect(run.outputs).toMatchObject({ result: 'fail', 'task-status': 'PENDING', 'quality-gate-status': '', 'analysis-id': '' })
    expect(run.summary).toMatch(/^### ⏱️ Code-quality gate timed out\n/)
    expect(s.requests.every((r) => r.path === '/api/ce/task')).toBe(true)
    expect(took).toBeLessThan(15_000)
  })
})

describe('where the report and the server come from', () => {
  it('host-url replaces the address report-task.txt names (the scanner ran in a container network)', async () => {
    const s = sonar['10.8']
    const task: ScriptedTask = { statuses: ['SUCCESS'], gate: { status: 'OK' } }
    const { run } = await gate(s, task, { 'host-url': `${s.url}/` }, { serverUrl: 'http://sonarqube:9000' })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(`report-task.txt names http://sonarqube:9000; asking ${s.url} (host-url)`)
    expect(run.outputs['dashboard-url']).toBe('http://sonarqube:9000/dashboard?id=acme_web')
  })

  it('a Maven build (target/sonar/report-task.txt) is found; no report at all is one line saying to run the scanner', async () => {
    const s = sonar['10.8']
    const id = s.addTask({ statuses: ['SUCCESS'], gate: { status: 'OK' } })
    const cwd = workspace(s, id, {}, 'target/sonar')
    const found = await runAction('sonar-gate', { cwd, inputs: { token: s.token } })
    expect(found.exitCode).toBe(0)
    expect(found.stdout).toContain(`${cwd}/target/sonar/report-task.txt: project acme_web, analysis task ${id}`)
    const empty = mkdtempSync(join(tmpdir(), 'sgw-sonar-ws-'))
    const none = await runAction('sonar-gate', { cwd: empty, inputs: { token: s.token } })
    expect(none.exitCode).toBe(1)
    expect(none.stdout).toMatch(
      /^::error::No report-task\.txt in \.scannerwork\/report-task\.txt, target\/sonar\/report-task\.txt, .*run the SonarQube scanner/m
    )
    expect(none.outputs).toEqual(NOTHING)
  })

  it('an empty token (a fork\'s pull request) fails with the input named, before any request', async () => {
    const s = sonar['10.8']
    const { run } = await gate(s, { statuses: ['SUCCESS'] }, { token: '' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::Input "token" is required')
    expect(s.requests).toHaveLength(0)
    expect(run.outputs.result).toBe('fail')
  })
})

describe('sgw sonar (in-process, same stand-in)', () => {
  it('prints the conditions and the verdict; exit 1 on a red gate, 0 on a green one; --output json', async () => {
    const s = sonar['2025.1']
    const red = s.addTask({ statuses: ['IN_PROGRESS', 'SUCCESS'], gate: { status: 'ERROR', conditions: CONDITIONS } })
    let text = ''
    const code = await sonarCommand([], (t) => (text += t), { SONAR_TOKEN: s.token }, { cwd: workspace(s, red) })
    expect(code).toBe(1)
    expect(text).toContain('  ERROR new_coverage: 61.5 % (fails when LT 80 %)\n')
    expect(text).toContain('FAIL: Quality gate failed (ERROR)')
    expect(text).not.toContain(s.token)
    const green = s.addTask({ statuses: ['SUCCESS'], gate: { status: 'OK' } })
    let json = ''
    expect(await sonarCommand(['--output', 'json'], (t) => (json += t), { SONAR_TOKEN: s.token }, { cwd: workspace(s, green) })).toBe(0)
    expect(JSON.parse(json)).toMatchObject({
      result: 'pass',
      gateStatus: 'OK',
      analysisId: s.analysisOf(green),
      taskStatus: 'SUCCESS',
      projectKey: 'acme_web'
    })
  })

  it('is registered: sgw sonar --help; no SONAR_TOKEN is a usage error', async () => {
    let help = ''
    expect(await sgw(['sonar', '--help'], (t) => (help += t))).toBe(0)
    expect(help).toMatch(/^Usage: sgw sonar \[options\]/)
    let err = ''
    const saved = process.env.SONAR_TOKEN
    delete process.env.SONAR_TOKEN
    expect(await sgw(['sonar'], () => undefined, (t) => (err += t))).toBe(2)
    if (saved !== undefined) process.env.SONAR_TOKEN = saved
    expect(err).toBe('sgw sonar: set SONAR_TOKEN in the environment to a SonarQube user token.\n')
  })
})
