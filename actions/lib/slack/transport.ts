// Delivery to Slack: an incoming webhook, or the Web API's chat.postMessage / chat.update with a
// bot token. Transient failures (429 with Retry-After, 5xx, network errors, no answer in time,
// Slack's own retryable error codes) are retried with backoff; errors that cannot succeed on a
// second try are reported at once with what to do. No URL or token ever appears in a message.
import { UserError } from '../errors/user-error.js'
import type { SlackMessage } from './blocks.js'

export type Destination =
  { kind: 'webhook'; url: string } | { kind: 'api'; token: string; apiUrl: string; channel: string; updateTs: string; threadTs: string }

export interface SendOptions {
  /** Retries after the first attempt. */
  retries: number
  /** Per attempt: no answer within this is a timeout (retried). */
  timeoutMs: number
  /** A Retry-After longer than this is not waited for. */
  maxWaitMs: number
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  now?: () => number
  log?: (line: string) => void
}

export interface Attempt {
  /** What happened, e.g. "HTTP 429 (Retry-After 2 s)", "no answer within 10 s", "ok". */
  outcome: string
  ms: number
  /** How long we waited before the next attempt. */
  waitMs?: number
}

export interface Delivered {
  ts: string
  channel: string
  /** The thread a reply can join: the given thread, or the new message itself. */
  threadTs: string
  attempts: Attempt[]
  warnings: string[]
}

/** Slack refused or could not take the message; `permanent` when retrying would not help. */
export class SlackDeliveryError extends UserError {
  constructor(
    message: string,
    readonly code: string,
    readonly permanent: boolean,
    readonly attempts: Attempt[]
  ) {
    super(message)
  }
}

// Web API error codes that a later attempt can get past (the others are the caller's to fix).
const RETRYABLE_CODES = new Set(['ratelimited', 'rate_limited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'])

const ADVICE: [codes: string[], advice: string][] = [
  [
    ['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'not_allowed_token_type'],
    'the bot token was refused: the secret must hold the Bot User OAuth Token (xoxb-...) of an app installed in this workspace'
  ],
  [
    ['missing_scope'],
    'the app lacks a scope it needs for chat.postMessage / chat.update (chat:write): ' +
      'add it under OAuth & Permissions and reinstall the app'
  ],
  [
    ['channel_not_found'],
    'the channel does not exist or the app cannot see it: give the channel ID (C0123ABCD, from the channel details) and invite the ' +
      'app to a private channel'
  ],
  [['not_in_channel'], 'the app is not in the channel: invite it (/invite @your-app) or give it the chat:write.public scope'],
  [['is_archived', 'channel_is_archived'], 'the channel is archived: unarchive it or send to another channel'],
  [['msg_too_long', 'msg_blocks_too_long'], 'the message is longer than Slack accepts: shorten the text or the payload'],
  [['no_text', 'missing_text_or_fallback_or_attachments'], 'the message has no text, blocks or attachments'],
  [
    [
      'invalid_blocks',
      'invalid_blocks_format',
      'invalid_attachments',
      'invalid_payload',
      'too_many_attachments',
      'invalid_arguments',
      'invalid_json',
      'json_not_object'
    ],
    'Slack refused the message format: check the payload against Block Kit (https://app.slack.com/block-kit-builder)'
  ],
  [['message_not_found'], 'update-ts names no message in this channel: pass the ts and channel outputs of the step that posted it'],
  [['cant_update_message'], 'a bot can only update its own messages: update-ts must come from a message posted with the same bot token'],
  [['edit_window_closed'], 'the message is too old to edit in this workspace: post a new one'],
  [
    ['restricted_action', 'action_prohibited', 'posting_to_general_channel_denied', 'ekm_access_denied'],
    'a workspace setting forbids this app to post there: ask a Slack admin, or send to another channel'
  ],
  [
    ['no_service', 'no_service_id', 'no_team', 'team_disabled', 'invalid_token', 'user_not_found'],
    'the webhook URL is no longer valid (revoked, or the app was removed): create a new incoming webhook and update the secret'
  ],
  [['ratelimited', 'rate_limited'], 'Slack kept rate-limiting this app: send fewer messages, or raise retries']
]

/** What to do about a Slack error code, or undefined for a code we have no advice for. */
export function adviceFor(code: string): string | undefined {
  return ADVICE.find(([codes]) => codes.includes(code))?.[1]
}

interface Answer {
  ok: boolean
  retryable: boolean
  code: string
  /** e.g. "HTTP 429 (Retry-After 2 s)" or "ok: false, channel_not_found". */
  outcome: string
  retryAfterMs?: number
  details: string[]
  ts?: string
  channel?: string
  warnings: string[]
}

function retryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function httpAnswer(status: number, code: string, retryAfterMs: number | undefined): Answer {
  const retryable = status === 429 || status >= 500
  const wait = retryAfterMs !== undefined ? ` (Retry-After ${Math.round(retryAfterMs / 100) / 10} s)` : ''
  return {
    ok: false,
    retryable,
    code: code || `http_${status}`,
    outcome: `HTTP ${status}${code ? ` ${code}` : ''}${wait}`,
    retryAfterMs,
    details: [],
    warnings: []
  }
}

/** The body of Slack's answer as one safe code word (webhooks answer plain text such as "invalid_payload"). */
function codeWord(text: string): string {
  const word = text.trim().split(/\s/)[0] ?? ''
  return /^[a-z_]{2,64}$/.test(word) ? word : ''
}

async function attempt(dest: Destination, message: SlackMessage, options: Required<SendOptions>): Promise<Answer> {
  const fetchFn = options.fetch
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' }
  let url: string
  let body: Record<string, unknown>
  if (dest.kind === 'webhook') {
    url = dest.url
    body = message
  } else {
    headers.Authorization = `Bearer ${dest.token}`
    const method = dest.updateTs ? 'chat.update' : 'chat.postMessage'
    url = `${dest.apiUrl.replace(/\/+$/, '')}/${method}`
    body = dest.updateTs
      ? { ...message, channel: dest.channel, ts: dest.updateTs }
      : { ...message, channel: dest.channel, ...(dest.threadTs ? { thread_ts: dest.threadTs } : {}) }
  }
  let response: Response
  const started = options.now()
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs)
    })
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string } }
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      return {
        ok: false,
        retryable: true,
        code: 'timeout',
        outcome: `no answer within ${options.timeoutMs / 1000} s`,
        details: [],
        warnings: []
      }
    const code = e.cause?.code ?? 'network_error'
    return { ok: false, retryable: true, code, outcome: `network error ${code}`, details: [], warnings: [] }
  }
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    const e = error as { name?: string }
    return {
      ok: false,
      retryable: true,
      code: 'timeout',
      outcome:
        e.name === 'TimeoutError' ? `answer not complete within ${options.timeoutMs / 1000} s` : 'the connection broke during the answer',
      details: [],
      warnings: []
    }
  }
  const wait = retryAfter(response.headers.get('retry-after'), started)
  if (response.status >= 300 && response.status < 400)
    return {
      ok: false,
      retryable: false,
      code: 'redirect',
      outcome: `HTTP ${response.status} redirect`,
      details: ['the URL redirects elsewhere: it is not an incoming webhook or Web API URL'],
      warnings: []
    }
  if (dest.kind === 'webhook') {
    if (response.status === 200) return { ok: true, retryable: false, code: 'ok', outcome: 'ok', details: [], warnings: [] }
    return httpAnswer(response.status, codeWord(text), wait)
  }
  if (response.status !== 200) {
    let code = ''
    try {
      const error = (JSON.parse(text) as { error?: unknown } | null)?.error
      code = typeof error === 'string' ? error : ''
    } catch {
      code = codeWord(text)
    }
    return httpAnswer(response.status, /^[a-z_]{2,64}$/.test(code) ? code : '', wait)
  }
  let json: {
    ok?: unknown
    error?: unknown
    ts?: unknown
    channel?: unknown
    warning?: unknown
    needed?: unknown
    response_metadata?: { messages?: unknown; warnings?: unknown }
  }
  try {
    json = JSON.parse(text)
  } catch {
    return {
      ok: false,
      retryable: false,
      code: 'not_json',
      outcome: 'HTTP 200 without a JSON body',
      details: ["api-url did not answer as Slack's Web API does; check it"],
      warnings: []
    }
  }
  const warnings = [json.warning, ...(Array.isArray(json.response_metadata?.warnings) ? json.response_metadata.warnings : [])]
    .filter((w): w is string => typeof w === 'string')
    .flatMap((w) => w.split(','))
  if (json.ok === true)
    return {
      ok: true,
      retryable: false,
      code: 'ok',
      outcome: 'ok',
      ts: typeof json.ts === 'string' ? json.ts : '',
      channel: typeof json.channel === 'string' ? json.channel : '',
      details: [],
      warnings
    }
  const code = typeof json.error === 'string' ? json.error : 'unknown_error'
  const details = Array.isArray(json.response_metadata?.messages)
    ? json.response_metadata.messages.filter((m): m is string => typeof m === 'string').slice(0, 5)
    : []
  if (typeof json.needed === 'string') details.unshift(`Slack says the app needs the scope ${json.needed}`)
  return { ok: false, retryable: RETRYABLE_CODES.has(code), code, outcome: `ok: false, ${code}`, retryAfterMs: wait, details, warnings }
}

const sleepReal = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Send the message, retrying what can succeed later: 429 after its Retry-After, 5xx, network errors
 * and timeouts after 1 s, 2 s, 4 s ... (plus up to 20 % jitter).
 */
export async function deliver(dest: Destination, message: SlackMessage, options: SendOptions): Promise<Delivered> {
  const o: Required<SendOptions> = {
    fetch: globalThis.fetch,
    sleep: sleepReal,
    random: Math.random,
    now: Date.now,
    log: () => undefined,
    ...options
  }
  const attempts: Attempt[] = []
  const what = dest.kind === 'webhook' ? 'the incoming webhook' : dest.updateTs ? 'chat.update' : 'chat.postMessage'
  const total = o.retries + 1
  for (let n = 1; ; n++) {
    const started = o.now()
    const answer = await attempt(dest, message, o)
    const record: Attempt = { outcome: answer.outcome, ms: o.now() - started }
    attempts.push(record)
    if (answer.ok) {
      const channel = answer.channel || (dest.kind === 'api' ? dest.channel : '')
      const ts = answer.ts ?? ''
      const threadTs = dest.kind === 'api' && dest.threadTs ? dest.threadTs : ts
      return { ts, channel, threadTs, attempts, warnings: answer.warnings }
    }
    const fail = (why: string, permanent: boolean) => {
      const advice = adviceFor(answer.code)
      const lines = [`Slack ${what} failed after ${n} attempt(s) (${attempts.map((a) => a.outcome).join('; ')})${why ? `: ${why}` : ''}.`]
      if (advice) lines.push(`What to do: ${advice}.`)
      if (answer.details.length) lines.push(`Slack said: ${answer.details.join(' | ')}`)
      return new SlackDeliveryError(lines.join('\n'), answer.code, permanent, attempts)
    }
    if (!answer.retryable) throw fail('retrying cannot help', true)
    if (n >= total) throw fail(`gave up after ${o.retries} retr${o.retries === 1 ? 'y' : 'ies'}`, false)
    const wait = answer.retryAfterMs ?? Math.round(1000 * 2 ** (n - 1) * (1 + 0.2 * o.random()))
    if (wait > o.maxWaitMs)
      throw fail(`Slack asked to wait ${Math.ceil(wait / 1000)} s, longer than ${Math.round(o.maxWaitMs / 1000)} s`, false)
    record.waitMs = wait
    o.log(`Slack ${what}: ${answer.outcome}; retry ${n} of ${o.retries} in ${(wait / 1000).toFixed(1)} s`)
    await o.sleep(wait)
  }
}
