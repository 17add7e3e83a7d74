// Health analysis after a rollout: an HTTP check and a Prometheus instant query, measured every
// interval until enough consecutive rounds pass, or more rounds fail than the failure limit allows.
import type { Clock } from './watch.js'

export interface HttpCheck {
  url: string
  /** Accepted status codes. */
  expectedStatus: number[]
  /** A dotted path into a JSON body (`status`, `checks.db.status`, `items[0].ok`). */
  jsonPath?: string
  jsonValue?: string
}

export interface PrometheusCheck {
  url: string
  query: string
  /** The query's value must stay at or below this. */
  max: number
  token?: string
}

export interface HealthSettings {
  http?: HttpCheck
  prometheus?: PrometheusCheck
  /** Consecutive passing rounds that prove the release healthy. */
  checks: number
  intervalSeconds: number
  /** Failed rounds tolerated; one more fails the analysis. */
  failureLimit: number
  requestTimeoutSeconds: number
}

export interface Measurement {
  round: number
  check: 'http' | 'prometheus'
  ok: boolean
  detail: string
  atSeconds: number
}

export interface HealthResult {
  ok: boolean
  reason: string
  measurements: Measurement[]
  seconds: number
}

export function hasHealthChecks(settings: HealthSettings): boolean {
  return settings.http !== undefined || settings.prometheus !== undefined
}

export async function analyseHealth(
  settings: HealthSettings,
  progress: (line: string) => void,
  clock: Clock,
  fetcher: typeof fetch = fetch
): Promise<HealthResult> {
  const started = clock.now()
  const measurements: Measurement[] = []
  let passedInARow = 0
  let failures = 0
  const seconds = (): number => Math.round((clock.now() - started) / 100) / 10
  for (let round = 1; ; round++) {
    const results: Measurement[] = []
    if (settings.http)
      results.push({
        round,
        check: 'http',
        ...(await checkHttp(settings.http, settings.requestTimeoutSeconds, fetcher)),
        atSeconds: seconds()
      })
    if (settings.prometheus)
      results.push({
        round,
        check: 'prometheus',
        ...(await checkPrometheus(settings.prometheus, settings.requestTimeoutSeconds, fetcher)),
        atSeconds: seconds()
      })
    measurements.push(...results)
    const failed = results.filter((r) => !r.ok)
    for (const r of results) progress(`health round ${round}: ${r.check} ${r.ok ? 'ok' : 'FAILED'}: ${r.detail}`)
    if (failed.length === 0) {
      passedInARow++
      if (passedInARow >= settings.checks)
        return { ok: true, reason: `${passedInARow} consecutive healthy round(s)`, measurements, seconds: seconds() }
    } else {
      passedInARow = 0
      failures++
      if (failures > settings.failureLimit) {
        return {
          ok: false,
          reason:
            `health check failed ${failures} time(s) (failure-limit ${settings.failureLimit}): ` +
            failed.map((f) => `${f.check}: ${f.detail}`).join('; '),
          measurements,
          seconds: seconds()
        }
      }
    }
    await clock.sleep(settings.intervalSeconds * 1000)
  }
}

export async function checkHttp(
  check: HttpCheck,
  timeoutSeconds: number,
  fetcher: typeof fetch = fetch
): Promise<{ ok: boolean; detail: string }> {
  let response: Response
  try {
    response = await fetcher(check.url, {
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
      redirect: 'manual',
      headers: { accept: 'application/json, */*' }
    })
  } catch (error) {
    return { ok: false, detail: `${check.url}: no answer (${describeFetchError(error)})` }
  }
  const body = await response.text().catch(() => '')
  if (!check.expectedStatus.includes(response.status))
    return { ok: false, detail: `HTTP ${response.status}, expected ${check.expectedStatus.join(' or ')}${snippet(body)}` }
  if (check.jsonPath === undefined) return { ok: true, detail: `HTTP ${response.status}` }
  let document: unknown
  try {
    document = JSON.parse(body)
  } catch {
    return { ok: false, detail: `HTTP ${response.status} but the body is not JSON${snippet(body)}` }
  }
  const value = readJsonPath(document, check.jsonPath)
  if (value === undefined) return { ok: false, detail: `HTTP ${response.status} but ${check.jsonPath} is missing from the body` }
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  if (check.jsonValue !== undefined && text !== check.jsonValue)
    return { ok: false, detail: `${check.jsonPath} is ${text}, expected ${check.jsonValue}` }
  return { ok: true, detail: `HTTP ${response.status}, ${check.jsonPath} = ${text}` }
}

/** `a.b[0].c`, with an optional leading `$.`. */
export function readJsonPath(document: unknown, path: string): unknown {
  const parts = path.replace(/^\$\.?/, '').match(/[^.[\]]+|\[\d+\]/g) ?? []
  let current: unknown = document
  for (const part of parts) {
    if (current === null || typeof current !== 'object') return undefined
    const key = part.startsWith('[') ? Number(part.slice(1, -1)) : part
    current = (current as Record<string | number, unknown>)[key]
  }
  return current
}

interface PrometheusAnswer {
  status: 'success' | 'error'
  errorType?: string
  error?: string
  data?: { resultType: 'vector' | 'scalar' | 'matrix' | 'string'; result: unknown }
}

export async function checkPrometheus(
  check: PrometheusCheck,
  timeoutSeconds: number,
  fetcher: typeof fetch = fetch
): Promise<{ ok: boolean; detail: string }> {
  const url = `${check.url.replace(/\/+$/, '')}/api/v1/query`
  let response: Response
  try {
    response = await fetcher(url, {
      method: 'POST',
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(check.token ? { authorization: `Bearer ${check.token}` } : {}) },
      body: new URLSearchParams({ query: check.query }).toString()
    })
  } catch (error) {
    return { ok: false, detail: `Prometheus did not answer (${describeFetchError(error)})` }
  }
  const body = await response.text().catch(() => '')
  let answer: PrometheusAnswer
  try {
    answer = JSON.parse(body) as PrometheusAnswer
  } catch {
    return { ok: false, detail: `Prometheus answered HTTP ${response.status} without JSON${snippet(body)}` }
  }
  if (answer.status !== 'success' || !answer.data)
    return {
      ok: false,
      detail: `Prometheus query error (HTTP ${response.status}, ${answer.errorType ?? 'error'}): ${answer.error ?? 'no data'}`
    }
  const values = sampleValues(answer.data)
  if (values === undefined)
    return { ok: false, detail: `the query returns a ${answer.data.resultType}; use an instant vector or scalar expression` }
  if (values.length === 0)
    return { ok: false, detail: `the query returned no data (fail closed; append "or vector(0)" if no series means healthy)` }
  const worst = values.some(Number.isNaN) ? Number.NaN : Math.max(...values)
  if (Number.isNaN(worst)) return { ok: false, detail: `the query returned NaN (fail closed)` }
  const shown = Number(worst.toPrecision(6))
  return worst <= check.max
    ? { ok: true, detail: `${shown} <= ${check.max}` }
    : { ok: false, detail: `${shown} > ${check.max} (prometheus-max)` }
}

function sampleValues(data: NonNullable<PrometheusAnswer['data']>): number[] | undefined {
  if (data.resultType === 'scalar') return [sample((data.result as [number, string])[1])]
  if (data.resultType === 'vector') return (data.result as { value: [number, string] }[]).map((s) => sample(s.value[1]))
  return undefined
}

/** A sample value as Prometheus writes it: a decimal, NaN, +Inf or -Inf. */
function sample(text: string): number {
  if (text === '+Inf') return Infinity
  if (text === '-Inf') return -Infinity
  return Number(text)
}

function describeFetchError(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (e.name === 'TimeoutError') return 'timed out'
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error)
}

function snippet(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim()
  return text ? `: ${text.slice(0, 120)}${text.length > 120 ? '...' : ''}` : ''
}
