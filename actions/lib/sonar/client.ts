// HTTP to SonarQube's Web API: GET only, JSON, the token in the Authorization header and only to
// the server's own base URL (redirects are not followed: a token must not travel to wherever a
// Location points). Transient failures (429 after its Retry-After, 5xx, network errors, no
// answer in time) are retried a bounded number of times with backoff, never past the deadline;
// what cannot succeed on a second try (401, 403, 404, 400) is reported at once with what to do.
// Node's fetch, as actions/lib/slack/transport.ts uses it; no message ever holds the token.
import { UserError } from '../errors/user-error.js'
import {
  CE_TASK_PATH,
  PROJECT_STATUS_PATH,
  UnexpectedAnswer,
  errorMessages,
  readProjectStatus,
  readTask,
  type CeTask,
  type ProjectStatus
} from './api.js'
import { authorization, displayUrl, type SonarServer } from './server.js'

/** Time, injectable: the same shape as the kube watch's clock, so tests share one fake. */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const realClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }

/** What the gate needs from the server; the client below, or a fake in tests. */
export interface SonarApi {
  task(id: string, deadline: number): Promise<CeTask>
  projectStatus(analysisId: string, deadline: number): Promise<ProjectStatus>
}

export interface ClientOptions {
  server: SonarServer
  token: string
  /** Retries after the first attempt of one request. */
  retries: number
  /** Longest wait for one answer. */
  requestTimeoutMs: number
  clock?: Clock
  fetch?: typeof fetch
  random?: () => number
  log?: (line: string) => void
}

/** The server refused or failed a request; the message says what to do and never holds the token. */
export class SonarApiError extends UserError {
  constructor(
    message: string,
    readonly status: number | 'network' | 'timeout',
    readonly attempts: string[]
  ) {
    super(message)
  }
}

/** Retries ran into the deadline: the caller says what was still pending. */
export class DeadlineReached extends Error {
  constructor(readonly lastAnswer: string) {
    super(`deadline reached (last answer: ${lastAnswer})`)
  }
}

interface Answer {
  ok: boolean
  status: number | 'network' | 'timeout'
  /** One line: "HTTP 503", "network error ECONNRESET", "no answer within 30 s". */
  outcome: string
  retryable: boolean
  retryAfterMs?: number
  text: string
}

const MAX_RETRY_AFTER_MS = 60_000

function retryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function advice(status: number, path: string, server: SonarServer): string {
  if (status === 401)
    return (
      `the token was refused (sent as ${server.auth === 'bearer' ? 'a bearer token' : 'the basic-auth login'}: ${server.authReason}). ` +
      `Check that the secret holds a valid, unexpired user token of this server` +
      (server.kind === 'server' ? `; a server older than 10.0 needs auth-scheme: basic, a newer one bearer` : '')
    )
  if (status === 403)
    return path === CE_TASK_PATH
      ? "the token's user may not read the analysis task: it needs 'Execute Analysis' on the project (or 'Administer System')"
      : "the token's user may not read the quality gate: it needs 'Browse' or 'Execute Analysis' on the project"
  if (status === 404)
    return path === CE_TASK_PATH
      ? 'the server does not know this analysis task: is report-task.txt from this server (host-url), and from this run?'
      : 'the server does not know this analysis'
  return ''
}

export class SonarClient implements SonarApi {
  private readonly o: Required<ClientOptions>

  constructor(options: ClientOptions) {
    this.o = { clock: realClock, fetch: globalThis.fetch, random: Math.random, log: () => undefined, ...options }
  }

  async task(id: string, deadline: number): Promise<CeTask> {
    return this.get(CE_TASK_PATH, { id }, deadline, readTask)
  }

  async projectStatus(analysisId: string, deadline: number): Promise<ProjectStatus> {
    return this.get(PROJECT_STATUS_PATH, { analysisId }, deadline, readProjectStatus)
  }

  private async attempt(url: string, timeoutMs: number): Promise<Answer> {
    const { server, token } = this.o
    let response: Response
    try {
      response = await this.o.fetch(url, {
        method: 'GET',
        headers: { Authorization: authorization(server.auth, token), Accept: 'application/json' },
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs)
      })
    } catch (error) {
      const e = error as { name?: string; cause?: { code?: string } }
      if (e.name === 'TimeoutError' || e.name === 'AbortError')
        return {
          ok: false,
          status: 'timeout',
          outcome: `no answer within ${Math.round(timeoutMs / 100) / 10} s`,
          retryable: true,
          text: ''
        }
      const code = e.cause?.code ?? 'fetch failed'
      return { ok: false, status: 'network', outcome: `network error ${code}`, retryable: true, text: '' }
    }
    let text: string
    try {
      text = await response.text()
    } catch {
      return { ok: false, status: 'network', outcome: 'the connection broke during the answer', retryable: true, text: '' }
    }
    const status = response.status
    const retryable = status === 429 || status >= 500
    return {
      ok: status === 200,
      status,
      outcome: `HTTP ${status}`,
      retryable,
      retryAfterMs: retryable ? retryAfter(response.headers.get('retry-after'), this.o.clock.now()) : undefined,
      text: status >= 300 && status < 400 ? (response.headers.get('location') ?? '') : text
    }
  }

  private async get<T>(path: string, query: Record<string, string>, deadline: number, read: (body: unknown) => T): Promise<T> {
    const { clock, retries, requestTimeoutMs, server } = this.o
    const url = `${server.base}${path}?${new URLSearchParams(query).toString()}`
    const shown = `GET ${displayUrl(server.base)}${path}?${new URLSearchParams(query).toString()}`
    const attempts: string[] = []
    for (let n = 1; ; n++) {
      // A last check right at the deadline still gets a second to answer.
      const timeoutMs = Math.max(1000, Math.min(requestTimeoutMs, deadline - clock.now()))
      const answer = await this.attempt(url, timeoutMs)
      attempts.push(answer.outcome)
      if (answer.ok) {
        let body: unknown
        try {
          body = JSON.parse(answer.text)
          return read(body)
        } catch (error) {
          const why = error instanceof UnexpectedAnswer ? error.message : 'the answer is not JSON'
          throw new SonarApiError(
            `${shown} did not answer as SonarQube's Web API does (${why}): check host-url (the server's base URL, without /api).`,
            200,
            attempts
          )
        }
      }
      const fail = (extra: string) => {
        const said = typeof answer.status === 'number' ? errorMessages(answer.text) : []
        const what = typeof answer.status === 'number' ? advice(answer.status, path, server) : ''
        return new SonarApiError(
          `${shown} failed: ${attempts.join('; ')}${extra}.` +
            `${said.length ? ` SonarQube said: ${said.join(' | ')}.` : ''}${what ? ` ${what[0].toUpperCase()}${what.slice(1)}.` : ''}`,
          answer.status,
          attempts
        )
      }
      if (typeof answer.status === 'number' && answer.status >= 300 && answer.status < 400)
        throw fail(
          ` (a redirect${answer.text ? ` to ${displayUrl(answer.text)}` : ''}, not followed so that the token stays with this server; ` +
            `set host-url to the address the server answers on)`
        )
      if (!answer.retryable) throw fail('')
      if (n > retries) throw fail(`: gave up after ${retries} retr${retries === 1 ? 'y' : 'ies'}`)
      const wait = answer.retryAfterMs ?? Math.round(1000 * 2 ** (n - 1) * (1 + 0.2 * this.o.random()))
      if (wait > MAX_RETRY_AFTER_MS) throw fail(`: the server asked to wait ${Math.ceil(wait / 1000)} s`)
      if (clock.now() + wait >= deadline) throw new DeadlineReached(answer.outcome)
      this.o.log(`${shown}: ${answer.outcome}; retry ${n} of ${retries} in ${(wait / 1000).toFixed(1)} s`)
      await clock.sleep(wait)
    }
  }
}
