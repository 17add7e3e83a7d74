import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { analyseHealth, checkHttp, checkPrometheus, hasHealthChecks, readJsonPath, type HealthSettings } from '../../actions/lib/kube/health.js'
import { formatSampleValue, refusedUrl, startHealthServer, startPrometheusServer, type HealthServer, type PrometheusServer } from '../helpers/health-servers.js'
import { fakeClock } from '../helpers/unit.js'


let health: HealthServer
let prometheus: PrometheusServer
let refused = ''

beforeAll(async () => {
  health = await startHealthServer()
  prometheus = await startPrometheusServer()
  refused = await refusedUrl()
})
afterAll(async () => {
  await health.close()
  await prometheus.close()
})
afterEach(() => health.reset())

describe('checkHttp against a loopback endpoint', () => {
  it.each([
    ['200 expected 200', { status: 200, body: { status: 'ok' } }, { expectedStatus: [200] }, true, 'HTTP 200'],
    ['204 within a status list', { status: 204 }, { expectedStatus: [200, 204] }, true, 'HTTP 204'],
    ['503 with a JSON body', { status: 503, body: { status: 'down', checks: { db: 'timeout' } } }, { expectedStatus: [200] }, false, 'HTTP 503, expected 200: {"status":"down","checks":{"db":"timeout"}}'],
    ['500 with a long text body, cut', { status: 500, body: `upstream connect error ${'x'.repeat(200)}` }, { expectedStatus: [200, 204] }, false, `HTTP 500, expected 200 or 204: upstream connect error ${'x'.repeat(97)}...`],
    ['a redirect is not followed', { status: 302, headers: { location: '/login' } }, { expectedStatus: [200] }, false, 'HTTP 302, expected 200'],
    ['JSON path and value match', { body: { status: 'UP' } }, { expectedStatus: [200], jsonPath: 'status', jsonValue: 'UP' }, true, 'HTTP 200, status = UP'],
    ['nested JSON path', { body: { checks: { db: { status: 'pass' } } } }, { expectedStatus: [200], jsonPath: 'checks.db.status', jsonValue: 'pass' }, true, 'HTTP 200, checks.db.status = pass'],
    ['array index and boolean value', { body: { items: [{ ok: true }] } }, { expectedStatus: [200], jsonPath: '$.items[0].ok', jsonValue: 'true' }, true, 'HTTP 200, $.items[0].ok = true'],
    ['number value', { body: { replicas: 3 } }, { expectedStatus: [200], jsonPath: 'replicas', jsonValue: '3' }, true, 'HTTP 200, replicas = 3'],
    ['JSON path present, no value required', { body: { version: '1.4.0' } }, { expectedStatus: [200], jsonPath: 'version' }, true, 'HTTP 200, version = 1.4.0'],
    ['JSON value mismatch', { body: { status: 'DEGRADED' } }, { expectedStatus: [200], jsonPath: 'status', jsonValue: 'UP' }, false, 'status is DEGRADED, expected UP'],
    ['JSON path missing', { body: { state: 'UP' } }, { expectedStatus: [200], jsonPath: 'status', jsonValue: 'UP' }, false, 'HTTP 200 but status is missing from the body'],
    ['non-JSON body with a JSON path', { body: '<html><body>OK</body></html>', headers: { 'content-type': 'text/html' } }, { expectedStatus: [200], jsonPath: 'status' }, false, 'HTTP 200 but the body is not JSON: <html><body>OK</body></html>'],
    ['non-JSON body without a JSON path is fine', { body: 'OK' }, { expectedStatus: [200] }, true, 'HTTP 200']
  ] as [string, Parameters<HealthServer['setResponse']>[0], { expectedStatus: number[]; jsonPath?: string; jsonValue?: string }, boolean, string][])('%s', async (_name, response, check, ok, detail) => {
    health.setResponse(response)
    expect(await checkHttp({ url: `${health.url}/healthz`, ...check }, 5)).toEqual({ ok, detail })
  })

  it('sends one GET to the path, asking for JSON', async () => {
    await checkHttp({ url: `${health.url}/ready?probe=deploy`, expectedStatus: [200] }, 5)
    expect(health.requests).toHaveLength(1)
    expect(health.requests[0]).toMatchObject({ method: 'GET', path: '/ready?probe=deploy' })
    expect(health.requests[0].headers.accept).toBe('application/json, */*')
  })

  it('a server slower than the request timeout: no answer (timed out), without waiting for it', async () => {
    health.setResponse({ status: 200, body: { status: 'ok' }, delayMs: 5_000 })
    const started = Date.now()
    const result = await checkHttp({ url: `${health.url}/healthz`, expectedStatus: [200] }, 0.2)
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(result).toEqual({ ok: false, detail: `${health.url}/healthz: no answer (timed out)` })
  })

  it('a closed port: no answer (connection refused)', async () => {
    expect(await checkHttp({ url: `${refused}/healthz`, expectedStatus: [200] }, 2)).toEqual({ ok: false, detail: `${refused}/healthz: no answer (ECONNREFUSED)` })
  })
})

describe('readJsonPath', () => {
  const doc = { status: 'ok', checks: { db: { status: 'pass', latency: 0 } }, items: [{ ok: true }, { ok: false }], nothing: null }
  it.each([
    ['status', 'ok'],
    ['$.status', 'ok'],
    ['$status', 'ok'],
    ['checks.db.status', 'pass'],
    ['checks.db.latency', 0],
    ['items[1].ok', false],
    ['items.0.ok', true],
    ['$', doc],
    ['nothing', null],
    ['nothing.below', undefined],
    ['checks.cache.status', undefined],
    ['items[5].ok', undefined],
    ['status.length', undefined]
  ] as [string, unknown][])('%s', (path, expected) => {
    expect(readJsonPath(doc, path)).toEqual(expected)
  })
})

describe('checkPrometheus against the loopback Prometheus', () => {
  const check = (query: string, max = 0.05, token?: string): Promise<{ ok: boolean; detail: string }> => checkPrometheus({ url: `${prometheus.url}/`, query, max, token }, 5)

  it.each([
    ['a vector below the max', { vector: [{ metric: { job: 'web' }, value: 0.01 }] }, true, '0.01 <= 0.05'],
    ['a vector at the max', { vector: [{ value: 0.05 }] }, true, '0.05 <= 0.05'],
    ['a vector above the max', { vector: [{ value: 0.2 }] }, false, '0.2 > 0.05 (prometheus-max)'],
    ['the worst of several series decides', { vector: [{ metric: { pod: 'a' }, value: 0 }, { metric: { pod: 'b' }, value: 0.0712345678 }, { metric: { pod: 'c' }, value: 0.01 }] }, false, '0.0712346 > 0.05 (prometheus-max)'],
    ['a scalar', { scalar: 0.001 }, true, '0.001 <= 0.05'],
    ['a scalar above the max', { scalar: 3 }, false, '3 > 0.05 (prometheus-max)'],
    ['an empty vector (no series) fails closed', { vector: [] }, false, 'the query returned no data (fail closed; append "or vector(0)" if no series means healthy)'],
    ['NaN fails closed', { vector: [{ value: Number.NaN }] }, false, 'the query returned NaN (fail closed)'],
    ['one NaN among good series fails closed', { vector: [{ metric: { pod: 'a' }, value: 0 }, { metric: { pod: 'b' }, value: Number.NaN }] }, false, 'the query returned NaN (fail closed)'],
    ['a scalar NaN fails closed', { scalar: Number.NaN }, false, 'the query returned NaN (fail closed)'],
    ['a range vector is refused', { matrix: [{ values: [0.01, 0.02] }] }, false, 'the query returns a matrix; use an instant vector or scalar expression'],
    ['a string is refused', { string: 'hello' }, false, 'the query returns a string; use an instant vector or scalar expression'],
    ['an execution error (422)', { error: 'execution', message: 'found duplicate series for the match group {pod="a"} on the right hand-side of the operation' }, false, 'Prometheus query error (HTTP 422, execution): found duplicate series for the match group {pod="a"} on the right hand-side of the operation'],
    ['a timeout (503)', { error: 'timeout', message: 'query timed out in expression evaluation' }, false, 'Prometheus query error (HTTP 503, timeout): query timed out in expression evaluation'],
    ['a proxy error page without JSON', { http: 502, body: '<html><h1>502 Bad Gateway</h1></html>', contentType: 'text/html' }, false, 'Prometheus answered HTTP 502 without JSON: <html><h1>502 Bad Gateway</h1></html>']
  ] as [string, Parameters<PrometheusServer['set']>[1], boolean, string][])('%s', async (name, answer, ok, detail) => {
    const query = `sum(rate(http_requests_total{code=~"5..",case="${name}"}[1m])) / sum(rate(http_requests_total[1m]))`
    prometheus.set(query, answer)
    expect(await check(query)).toEqual({ ok, detail })
  })

  it('+Inf (a division by zero) fails, and says so; -Inf is below any maximum', async () => {
    prometheus.set('errors / 0', { vector: [{ value: Infinity }] })
    expect(await check('errors / 0')).toEqual({ ok: false, detail: 'Infinity > 0.05 (prometheus-max)' })
    prometheus.set('-errors / 0', { vector: [{ value: -Infinity }] })
    expect((await check('-errors / 0')).ok).toBe(true)
  })

  it('an unparseable query: Prometheus answers 400 bad_data', async () => {
    expect(await check('sum(rate(http_requests_total[1m])')).toEqual({ ok: false, detail: 'Prometheus query error (HTTP 400, bad_data): invalid parameter "query": 1:4: parse error: unclosed left parenthesis' })
  })

  it('posts the query form-encoded, with the bearer token when given', async () => {
    const query = 'max(kube_deployment_status_replicas_unavailable{deployment="web"}) or vector(0)'
    prometheus.set(query, 0)
    const before = prometheus.queries.length
    expect(await check(query, 0, 'prom-reader')).toEqual({ ok: true, detail: '0 <= 0' })
    expect(prometheus.queries.slice(before)).toEqual([expect.objectContaining({ method: 'POST', query, contentType: 'application/x-www-form-urlencoded', authorization: 'Bearer prom-reader' })])
  })

  it('a closed port: Prometheus did not answer', async () => {
    expect(await checkPrometheus({ url: refused, query: 'up', max: 1 }, 2)).toEqual({ ok: false, detail: 'Prometheus did not answer (ECONNREFUSED)' })
  })

  it('a Prometheus slower than the request timeout: did not answer (timed out)', async () => {
    prometheus.set('slow_query', 0, { delayMs: 5_000 })
    expect(await checkPrometheus({ url: prometheus.url, query: 'slow_query', max: 1 }, 0.2)).toEqual({ ok: false, detail: 'Prometheus did not answer (timed out)' })
  })

  it('behind a proxy that requires a token: the 401 page is not JSON', async () => {
    const secured = await startPrometheusServer({ token: 'right' })
    try {
      secured.set('up', 1)
      expect(await checkPrometheus({ url: secured.url, query: 'up', max: 1, token: 'right' }, 5)).toEqual({ ok: true, detail: '1 <= 1' })
      expect(await checkPrometheus({ url: secured.url, query: 'up', max: 1, token: 'wrong' }, 5)).toEqual({ ok: false, detail: 'Prometheus answered HTTP 401 without JSON: Unauthorized' })
    } finally {
      await secured.close()
    }
  })
})

describe('the Prometheus stand-in speaks the HTTP API', () => {
  const get = async (path: string, init?: RequestInit): Promise<{ status: number; type: string | null; body: unknown }> => {
    const response = await fetch(`${prometheus.url}${path}`, init)
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // not JSON: kept as text
    }
    return { status: response.status, type: response.headers.get('content-type'), body }
  }

  it.each([
    ['GET without query', '/api/v1/query', undefined],
    ['GET with an empty query', '/api/v1/query?query=', undefined],
    ['POST without query', '/api/v1/query', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'time=1700000000' }],
    ['POST with a JSON body (not read, as Go reads forms)', '/api/v1/query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'up' }) }]
  ] as [string, string, RequestInit | undefined][])('%s: 400 bad_data', async (_name, path, init) => {
    expect(await get(path, init)).toEqual({ status: 400, type: 'application/json', body: { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:1: parse error: no expression found in input' } })
  })

  it('GET and POST answer the same envelope: a vector of [unix seconds, "value"] samples', async () => {
    prometheus.set('up{job="web"}', { vector: [{ metric: { __name__: 'up', job: 'web', instance: '10.244.1.17:8080' }, value: 1 }] })
    const expected = { status: 'success', data: { resultType: 'vector', result: [{ metric: { __name__: 'up', job: 'web', instance: '10.244.1.17:8080' }, value: [1700000000.5, '1'] }] } }
    expect(await get(`/api/v1/query?query=${encodeURIComponent('up{job="web"}')}&time=1700000000.5`)).toEqual({ status: 200, type: 'application/json', body: expected })
    expect(await get('/api/v1/query', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' }, body: new URLSearchParams({ query: 'up{job="web"}', time: '2023-11-14T22:13:20.5Z' }).toString() })).toEqual({ status: 200, type: 'application/json', body: expected })
  })

  it('scalar results are [ts, "value"]; special values as Prometheus writes them', async () => {
    prometheus.set('scalar(x)', { scalar: Number.NaN })
    expect((await get(`/api/v1/query?query=${encodeURIComponent('scalar(x)')}&time=1700000000`)).body).toEqual({ status: 'success', data: { resultType: 'scalar', result: [1700000000, 'NaN'] } })
  })

  it('the timestamp defaults to now, in seconds with millisecond precision', async () => {
    const before = Date.now() / 1000
    const { body } = await get('/api/v1/query?query=vector(1)')
    const ts = (body as { data: { result: unknown[] } }).data.result
    expect(ts).toEqual([])
    prometheus.set('vector(1)', 1)
    const answer = (await get('/api/v1/query?query=vector(1)')).body as { data: { result: { value: [number, string] }[] } }
    expect(answer.data.result[0].value[1]).toBe('1')
    expect(answer.data.result[0].value[0]).toBeGreaterThanOrEqual(Math.floor(before))
    expect(answer.data.result[0].value[0]).toBeLessThanOrEqual(Date.now() / 1000 + 1)
  })

  it.each([
    ['a bad time', '/api/v1/query?query=up&time=yesterday', 400, { status: 'error', errorType: 'bad_data', error: 'invalid parameter "time": cannot parse "yesterday" to a valid timestamp' }],
    ['a bad timeout', '/api/v1/query?query=up&timeout=soon', 400, { status: 'error', errorType: 'bad_data', error: 'invalid parameter "timeout": cannot parse "soon" to a valid duration' }],
    ['an unclosed brace', `/api/v1/query?query=${encodeURIComponent('up{job="web"')}`, 400, { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:3: parse error: unclosed left brace' }],
    ['another path', '/api/v1/query_range?query=up', 404, '404 page not found\n']
  ] as [string, string, number, unknown][])('%s', async (_name, path, status, body) => {
    expect(await get(path)).toMatchObject({ status, body })
  })

  it('other methods: 405', async () => {
    expect(await get('/api/v1/query?query=up', { method: 'DELETE' })).toMatchObject({ status: 405 })
  })

  it('records every query request, rejected ones too', async () => {
    const before = prometheus.queries.length
    await get('/api/v1/query')
    await get('/api/v1/query?query=up')
    expect(prometheus.queries.slice(before).map((q) => [q.method, q.query])).toEqual([
      ['GET', ''],
      ['GET', 'up']
    ])
  })

  it.each([
    [0, '0'],
    [1, '1'],
    [-2.5, '-2.5'],
    [0.1, '0.1'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-1.25e22, '-12500000000000000000000'],
    [Number.NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf']
  ])('sample value %p is written %j', (value, text) => {
    expect(formatSampleValue(value)).toBe(text)
  })
})

describe('analyseHealth with a virtual clock', () => {
  const settings = (s: Partial<HealthSettings>): HealthSettings => ({ http: { url: `${health.url}/healthz`, expectedStatus: [200] }, checks: 3, intervalSeconds: 10, failureLimit: 1, requestTimeoutSeconds: 2, ...s })
  const ok = { status: 200, body: { status: 'ok' } }
  const bad = { status: 503, body: { status: 'down' } }

  it('passes after `checks` consecutive healthy rounds, sleeping only between rounds', async () => {
    const clock = fakeClock()
    const lines: string[] = []
    const result = await analyseHealth(settings({ checks: 3 }), (line) => lines.push(line), clock)
    expect(result).toMatchObject({ ok: true, reason: '3 consecutive healthy round(s)', seconds: 20 })
    expect(health.requests).toHaveLength(3)
    expect(clock.sleeps).toEqual([10_000, 10_000])
    expect(result.measurements.map((m) => [m.round, m.check, m.ok, m.atSeconds])).toEqual([
      [1, 'http', true, 0],
      [2, 'http', true, 10],
      [3, 'http', true, 20]
    ])
    expect(lines).toEqual(['health round 1: http ok: HTTP 200', 'health round 2: http ok: HTTP 200', 'health round 3: http ok: HTTP 200'])
  })

  it.each([
    ['failure-limit 0: the first failure fails', 0, [bad], 1],
    ['failure-limit 1: a second failure fails', 1, [bad, bad], 2],
    ['failure-limit 2: failures need not be consecutive', 2, [bad, ok, bad, ok, bad], 5],
    ['failure-limit 2: healthy rounds in between do not forgive failures', 2, [bad, ok, ok, bad, ok], 6]
  ] as [string, number, (typeof ok)[], number][])('%s (more failures than the limit fail)', async (_name, failureLimit, script, rounds) => {
    health.setResponse(bad)
    health.script(...script)
    const clock = fakeClock()
    const result = await analyseHealth(settings({ failureLimit, checks: 3 }), () => undefined, clock)
    expect(result.ok).toBe(false)
    expect(result.reason).toBe(`health check failed ${failureLimit + 1} time(s) (failure-limit ${failureLimit}): http: HTTP 503, expected 200: {"status":"down"}`)
    expect(health.requests).toHaveLength(rounds)
    expect(clock.sleeps).toHaveLength(rounds - 1)
  })

  it('a failure resets the run of healthy rounds; the limit is not reached', async () => {
    health.script(ok, ok, bad, ok, ok, ok)
    health.setResponse(bad)
    const result = await analyseHealth(settings({ checks: 3, failureLimit: 1 }), () => undefined, fakeClock())
    expect(result).toMatchObject({ ok: true, reason: '3 consecutive healthy round(s)', seconds: 50 })
    expect(health.requests).toHaveLength(6)
  })

  it('with both checks, a round passes only if both pass', async () => {
    prometheus.set('error_ratio', { vector: [{ value: 0.2 }] })
    health.setResponse(ok)
    const clock = fakeClock()
    const result = await analyseHealth(settings({ prometheus: { url: prometheus.url, query: 'error_ratio', max: 0.05 }, checks: 2, failureLimit: 1 }), () => undefined, clock)
    expect(result.ok).toBe(false)
    expect(result.reason).toBe('health check failed 2 time(s) (failure-limit 1): prometheus: 0.2 > 0.05 (prometheus-max)')
    expect(result.measurements.map((m) => `${m.round}:${m.check}:${m.ok}`)).toEqual(['1:http:true', '1:prometheus:false', '2:http:true', '2:prometheus:false'])
    expect(clock.elapsed()).toBe(10_000)
  })

  it('an endpoint that never answers in time counts as a failed round', async () => {
    health.setResponse({ ...ok, delayMs: 3_000 })
    const result = await analyseHealth(settings({ failureLimit: 0, requestTimeoutSeconds: 0.2 }), () => undefined, fakeClock())
    expect(result).toMatchObject({ ok: false, reason: `health check failed 1 time(s) (failure-limit 0): http: ${health.url}/healthz: no answer (timed out)` })
  })

  it('hasHealthChecks', () => {
    expect(hasHealthChecks({ checks: 1, intervalSeconds: 1, failureLimit: 0, requestTimeoutSeconds: 1 })).toBe(false)
    expect(hasHealthChecks(settings({}))).toBe(true)
  })
})

describe('the health stand-in', () => {
  it('scripted answers first, then the handler by request count; requests recorded', async () => {
    const server = await startHealthServer((_request, count) => (count % 2 === 0 ? { status: 200, body: { n: count } } : { status: 500, body: 'odd' }))
    try {
      server.script({ status: 418, body: 'teapot' })
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.url}/h${i}`, { method: i === 3 ? 'POST' : 'GET' })).status)
      expect(statuses).toEqual([418, 200, 500, 200])
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /h0', 'GET /h1', 'GET /h2', 'POST /h3'])
      expect(server.count()).toBe(4)
      const fifth = await fetch(server.url)
      expect([fifth.status, fifth.headers.get('content-type'), await fifth.text()]).toEqual([500, 'text/plain; charset=utf-8', 'odd'])
      server.reset()
      expect(server.requests).toEqual([])
      // The count goes on across reset(): request 6 is even.
      expect((await fetch(server.url)).status).toBe(200)
      expect(server.requests.map((r) => r.path)).toEqual(['/'])
    } finally {
      await server.close()
    }
  })

  it('closes promptly with a delayed answer pending and a keep-alive connection open', async () => {
    const server = await startHealthServer({ status: 200, body: 'late', delayMs: 9_000 })
    const pending = fetch(server.url).then(
      () => 'answered',
      () => 'cut off'
    )
    while (server.count() === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    const started = Date.now()
    await server.close()
    expect(await pending).toBe('cut off')
    expect(Date.now() - started).toBeLessThan(1_000)
  })
})
