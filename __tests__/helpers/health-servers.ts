// Loopback stand-ins for what a deploy's health analysis talks to: an application's HTTP health
// endpoint whose answers the test scripts, and Prometheus's instant-query API
// (https://prometheus.io/docs/prometheus/latest/querying/api/#instant-queries), answering with
// the same envelope, status codes and request validation as the real server. Both listen on
// 127.0.0.1 with an ephemeral port, bound what they record and how long they wait, and close
// every connection (and pending delayed answer) on close(), so no handle outlives a test.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** At most this many requests are recorded (later ones are counted, not kept). */
export const MAX_RECORDED = 10_000
/** No scripted delay is longer than this, so a forgotten delay cannot hold a test. */
export const MAX_DELAY_MS = 10_000
const MAX_BODY_BYTES = 1 << 20

export interface RecordedRequest {
  /** Date.now() when the request arrived. */
  at: number
  method: string
  /** Path and query string, as sent. */
  path: string
  headers: IncomingHttpHeaders
}

interface Listening {
  server: Server
  url: string
  close(): Promise<void>
}

/** Listen on 127.0.0.1:0; close() cancels pending answers and drops keep-alive connections. */
async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, pending: Set<NodeJS.Timeout>): Promise<Listening> {
  const server = createServer(handler)
  // Bounded: a client that never finishes its request is cut off.
  server.requestTimeout = 15_000
  server.headersTimeout = 10_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  let closing: Promise<void> | undefined
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const timer of pending) clearTimeout(timer)
        pending.clear()
        server.close(() => resolve())
        // fetch (undici) keeps connections alive; without this close() would wait for them.
        server.closeAllConnections()
      }))
  }
}

/** Answer after `delayMs` (bounded); the timer is dropped if the client goes away or the server closes. */
function later(res: ServerResponse, delayMs: number, pending: Set<NodeJS.Timeout>, send: () => void): void {
  const delay = Math.min(Math.max(0, delayMs), MAX_DELAY_MS)
  if (delay === 0) return send()
  const timer = setTimeout(() => {
    pending.delete(timer)
    if (!res.destroyed && !res.writableEnded) send()
  }, delay)
  pending.add(timer)
  res.on('close', () => {
    clearTimeout(timer)
    pending.delete(timer)
  })
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new Error('request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

// ---------------------------------------------------------------------------------------------
// An application health endpoint.

export interface HealthResponse {
  /** HTTP status; 200 unless given. */
  status?: number
  /** An object is sent as JSON; a string as it is (text/plain unless headers say otherwise). */
  body?: unknown
  /** Milliseconds before the answer is sent (at most MAX_DELAY_MS). */
  delayMs?: number
  headers?: Record<string, string>
}

/** Decides the answer from the request and its 1-based number. */
export type HealthHandler = (request: RecordedRequest, count: number) => HealthResponse

export interface HealthServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (append the path, e.g. `${url}/healthz`). */
  url: string
  /** Every request received (up to MAX_RECORDED), in order of arrival. */
  requests: RecordedRequest[]
  /** Requests received, recorded or not. */
  count(): number
  /** The answer when no scripted answer is queued (replaces the handler). */
  setResponse(response: HealthResponse | HealthHandler): void
  /** Answers used once each, in order, before the default answer applies again. */
  script(...responses: HealthResponse[]): void
  /** Back to a healthy default: no queued answers, no recorded requests. */
  reset(): void
  close(): Promise<void>
}

export const HEALTHY: HealthResponse = { status: 200, body: { status: 'ok' } }

export async function startHealthServer(handler: HealthResponse | HealthHandler = HEALTHY): Promise<HealthServer> {
  const requests: RecordedRequest[] = []
  const queue: HealthResponse[] = []
  const pending = new Set<NodeJS.Timeout>()
  let answer: HealthResponse | HealthHandler = handler
  let count = 0
  const listening = await listen((req, res) => {
    req.resume()
    count++
    const request: RecordedRequest = { at: Date.now(), method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers }
    if (requests.length < MAX_RECORDED) requests.push(request)
    let response: HealthResponse
    try {
      response = queue.shift() ?? (typeof answer === 'function' ? answer(request, count) : answer)
    } catch (error) {
      response = { status: 500, body: `health-server handler threw: ${String(error)}` }
    }
    later(res, response.delayMs ?? 0, pending, () => {
      const isText = typeof response.body === 'string'
      const body = response.body === undefined ? '' : isText ? (response.body as string) : JSON.stringify(response.body)
      res.writeHead(response.status ?? 200, {
        'content-type': isText || response.body === undefined ? 'text/plain; charset=utf-8' : 'application/json',
        'content-length': Buffer.byteLength(body),
        ...response.headers
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    })
  }, pending)
  return {
    url: listening.url,
    requests,
    count: () => count,
    setResponse: (next) => {
      answer = next
    },
    script: (...responses) => {
      queue.push(...responses)
    },
    reset: () => {
      queue.length = 0
      requests.length = 0
      answer = handler
    },
    close: listening.close
  }
}

/** A loopback URL on which nothing listens (a port that was just freed): connections are refused. */
export async function refusedUrl(): Promise<string> {
  const listening = await listen((_req, res) => res.end(), new Set())
  await listening.close()
  return listening.url
}

// ---------------------------------------------------------------------------------------------
// Prometheus's instant-query API: GET or POST /api/v1/query.

export type PrometheusErrorType = 'bad_data' | 'execution' | 'canceled' | 'timeout' | 'internal' | 'unavailable' | 'not_found' | 'not_acceptable'

/** The HTTP status Prometheus answers each error type with (web/api/v1/api.go, respondError). */
export const PROMETHEUS_ERROR_STATUS: Record<PrometheusErrorType, number> = {
  bad_data: 400,
  execution: 422,
  canceled: 499,
  timeout: 503,
  internal: 500,
  unavailable: 503,
  not_found: 404,
  not_acceptable: 406
}

export interface Series {
  metric?: Record<string, string>
  value: number
}

/** What a query evaluates to. A bare number is a one-series vector. */
export type PrometheusAnswer =
  | number
  | { vector: Series[] }
  | { scalar: number }
  | { matrix: { metric?: Record<string, string>; values: number[] }[] }
  | { string: string }
  | { error: PrometheusErrorType; message: string }
  | { http: number; body: string; contentType?: string }

export interface PrometheusQuery {
  at: number
  method: string
  /** The query parameter as the server read it ('' when absent). */
  query: string
  contentType?: string
  /** The `time` parameter, if sent. */
  time?: string
  authorization?: string
}

export interface PrometheusServer {
  /** Base URL, as in a `prometheus-url` input (the API is under /api/v1/). */
  url: string
  /** Every query request received (up to MAX_RECORDED), also the rejected ones. */
  queries: PrometheusQuery[]
  /** What `query` evaluates to from now on (compared after trimming). */
  set(query: string, answer: PrometheusAnswer, options?: { delayMs?: number }): void
  /** What any other query evaluates to; an empty vector (a selector matching no series) unless set. */
  setDefault(answer: PrometheusAnswer): void
  close(): Promise<void>
}

export interface PrometheusOptions {
  /** Require `Authorization: Bearer <token>` (as the reverse proxy in front of a secured Prometheus does). */
  token?: string
}

/** Sample values as Prometheus writes them (Go's strconv.FormatFloat(v, 'f', -1, 64); NaN, +Inf, -Inf). */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '+Inf'
  if (value === -Infinity) return '-Inf'
  const text = String(value)
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (!m) return text
  const [, sign, int, frac = '', expText] = m
  const exp = Number(expText)
  const digits = int + frac
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  return digits.length <= exp + 1 ? `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}` : `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`
}

/** Prometheus's timestamp parameter: unix seconds (with fraction) or RFC 3339. */
function parseTime(text: string): number | undefined {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text)
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const ms = Date.parse(text)
    return Number.isNaN(ms) ? undefined : ms / 1000
  }
  return undefined
}

/** The first place where brackets or quotes do not balance, as PromQL's parser would report it. */
function syntaxError(query: string): string | undefined {
  const closers: Record<string, string> = { ')': '(', '}': '{', ']': '[' }
  const names: Record<string, string> = { '(': 'parenthesis', '{': 'brace', '[': 'bracket' }
  const stack: { char: string; at: number }[] = []
  for (let i = 0; i < query.length; i++) {
    const c = query[i]
    if (c === '"' || c === "'" || c === '`') {
      const end = query.indexOf(c, i + 1)
      if (end < 0) return `1:${i + 1}: parse error: unterminated quoted string`
      i = end
    } else if (c in names) stack.push({ char: c, at: i })
    else if (c in closers) {
      const open = stack.pop()
      if (!open || open.char !== closers[c]) return `1:${i + 1}: parse error: unexpected right ${names[closers[c]]} '${c}'`
    }
  }
  const open = stack.pop()
  return open ? `1:${open.at + 1}: parse error: unclosed left ${names[open.char]}` : undefined
}

export async function startPrometheusServer(options: PrometheusOptions = {}): Promise<PrometheusServer> {
  const queries: PrometheusQuery[] = []
  const answers = new Map<string, { answer: PrometheusAnswer; delayMs: number }>()
  let fallback: PrometheusAnswer = { vector: [] }
  const pending = new Set<NodeJS.Timeout>()

  const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
    const text = JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
    res.end(text)
  }
  const sendText = (res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void => {
    res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) })
    res.end(text)
  }
  const sendError = (res: ServerResponse, type: PrometheusErrorType, message: string): void => sendJson(res, PROMETHEUS_ERROR_STATUS[type], { status: 'error', errorType: type, error: message })

  const evaluate = (answer: PrometheusAnswer, ts: number): { status: number; body: unknown } | { raw: { http: number; body: string; contentType?: string } } => {
    if (typeof answer === 'number') answer = { vector: [{ value: answer }] }
    if ('http' in answer) return { raw: answer }
    if ('error' in answer) return { status: PROMETHEUS_ERROR_STATUS[answer.error], body: { status: 'error', errorType: answer.error, error: answer.message } }
    const data =
      'vector' in answer
        ? { resultType: 'vector', result: answer.vector.map((s) => ({ metric: s.metric ?? {}, value: [ts, formatSampleValue(s.value)] })) }
        : 'scalar' in answer
          ? { resultType: 'scalar', result: [ts, formatSampleValue(answer.scalar)] }
          : 'string' in answer
            ? { resultType: 'string', result: [ts, answer.string] }
            : { resultType: 'matrix', result: answer.matrix.map((s) => ({ metric: s.metric ?? {}, values: s.values.map((v, i) => [Math.round((ts - (s.values.length - 1 - i) * 15) * 1000) / 1000, formatSampleValue(v)]) })) }
    return { status: 200, body: { status: 'success', data } }
  }

  const listening = await listen((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      let body = ''
      try {
        body = await readBody(req)
      } catch {
        return sendText(res, 413, 'request body too large\n')
      }
      if (url.pathname !== '/api/v1/query') return sendText(res, 404, '404 page not found\n')
      const method = req.method ?? 'GET'
      const contentType = req.headers['content-type']
      const record: PrometheusQuery = { at: Date.now(), method, query: '', contentType, authorization: req.headers.authorization }
      if (queries.length < MAX_RECORDED) queries.push(record)
      if (method !== 'GET' && method !== 'POST') return sendText(res, 405, 'Method Not Allowed\n')
      if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) return sendText(res, 401, 'Unauthorized\n')

      // Go's Request.FormValue: the URL query, overridden by a form-encoded POST body. A POST
      // body of any other content type is not read, so its query is missing.
      const params = new URLSearchParams(url.search)
      if (method === 'POST' && (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded') {
        if (/%(?![0-9A-Fa-f]{2})/.test(body)) return sendError(res, 'bad_data', `error parsing form values: invalid URL escape "${/%.{0,2}/.exec(body)?.[0] ?? '%'}"`)
        for (const [key, value] of new URLSearchParams(body)) params.set(key, value)
      }
      const query = params.get('query') ?? ''
      record.query = query
      const time = params.get('time') ?? undefined
      record.time = time
      let ts = Math.round(Date.now()) / 1000
      if (time !== undefined && time !== '') {
        const parsed = parseTime(time)
        if (parsed === undefined) return sendError(res, 'bad_data', `invalid parameter "time": cannot parse "${time}" to a valid timestamp`)
        ts = parsed
      }
      const timeout = params.get('timeout')
      if (timeout !== null && timeout !== '' && !/^(\d+(ms|s|m|h))+$|^\d+(\.\d+)?$/.test(timeout)) return sendError(res, 'bad_data', `invalid parameter "timeout": cannot parse "${timeout}" to a valid duration`)
      if (query.trim() === '') return sendError(res, 'bad_data', 'invalid parameter "query": 1:1: parse error: no expression found in input')
      const invalid = syntaxError(query)
      if (invalid) return sendError(res, 'bad_data', `invalid parameter "query": ${invalid}`)

      const entry = answers.get(query.trim()) ?? { answer: fallback, delayMs: 0 }
      const result = evaluate(entry.answer, ts)
      later(res, entry.delayMs, pending, () => {
        if ('raw' in result) sendText(res, result.raw.http, result.raw.body, result.raw.contentType)
        else sendJson(res, result.status, result.body)
      })
    })().catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, `prometheus stand-in failed: ${String(error)}\n`)
    })
  }, pending)

  return {
    url: listening.url,
    queries,
    set: (query, answer, opts = {}) => {
      answers.set(query.trim(), { answer, delayMs: opts.delayMs ?? 0 })
    },
    setDefault: (answer) => {
      fallback = answer
    },
    close: listening.close
  }
}
