// A loopback stand-in for Slack: incoming webhooks (POST /services/T/B/secret, answering "ok" or
// an error word with an HTTP status) and the Web API's chat.postMessage and chat.update (bearer
// token, JSON body, HTTP 200 with {ok, ...} or {ok: false, error}). It keeps the channel's
// messages so a test sees what a person would see, validates every message against Block Kit's
// documented limits on its own (not with the action's code), and plays faults from a script:
// 429 with Retry-After, 5xx, ok:false error codes, slow answers and dropped connections.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Fault =
  | { status: number; retryAfter?: string; body?: string }
  | { error: string; extra?: Record<string, unknown> }
  | { delayMs: number }
  | { drop: true }

export interface SlackRequest {
  at: number
  path: string
  method: string
  headers: IncomingMessage['headers']
  raw: string
  body: Record<string, unknown> | undefined
  /** Block Kit problems found in this request's message. */
  problems: string[]
}

export interface StoredMessage {
  channel: string
  ts: string
  text: string
  blocks: unknown[]
  attachments: Record<string, unknown>[]
  threadTs?: string
  edits: number
  bot: string
}

export interface SlackStandIn {
  url: string
  webhookUrl: string
  apiUrl: string
  token: string
  requests: SlackRequest[]
  /** Messages by ts, as the channel shows them now. */
  messages: Map<string, StoredMessage>
  /** Faults to play, first in first out, one per request, before the normal answer. */
  faults: Fault[]
  /** Channel names the workspace knows, name -> ID. */
  channels: Record<string, string>
  close: () => Promise<void>
}

// Documented Block Kit limits (docs.slack.dev/reference/block-kit/blocks), checked independently.
const MAX_BLOCKS = 50
const KNOWN_BLOCKS = new Set(['section', 'header', 'context', 'divider', 'actions', 'image', 'rich_text', 'markdown', 'table', 'file', 'input', 'video'])

function checkText(obj: unknown, at: string, max: number, problems: string[], plainOnly = false): void {
  if (typeof obj !== 'object' || obj === null) return void problems.push(`${at}: must be a text object`)
  const t = obj as { type?: unknown; text?: unknown }
  if (t.type !== 'plain_text' && t.type !== 'mrkdwn') problems.push(`${at}/type: must be plain_text or mrkdwn`)
  if (plainOnly && t.type !== 'plain_text') problems.push(`${at}/type: must be plain_text`)
  if (typeof t.text !== 'string' || t.text.length === 0) problems.push(`${at}/text: must be a non-empty string`)
  else if (t.text.length > max) problems.push(`${at}/text: must be less than ${max + 1} characters`)
}

export function blockKitProblems(message: Record<string, unknown>): string[] {
  const problems: string[] = []
  const lists: [string, unknown[]][] = []
  if (message.blocks !== undefined) {
    if (!Array.isArray(message.blocks)) problems.push('/blocks: must be an array')
    else lists.push(['/blocks', message.blocks])
  }
  if (message.attachments !== undefined) {
    if (!Array.isArray(message.attachments)) problems.push('/attachments: must be an array')
    else
      message.attachments.forEach((a, i) => {
        const att = a as Record<string, unknown>
        if (att.color !== undefined && !/^(good|warning|danger|#[0-9a-fA-F]{6})$/.test(String(att.color))) problems.push(`/attachments/${i}/color: not a colour`)
        if (att.blocks !== undefined) lists.push([`/attachments/${i}/blocks`, att.blocks as unknown[]])
      })
  }
  const total = lists.reduce((n, [, l]) => n + l.length, 0)
  if (total > MAX_BLOCKS) problems.push(`/blocks: no more than ${MAX_BLOCKS} items allowed (got ${total})`)
  for (const [path, blocks] of lists) {
    blocks.forEach((b, i) => {
      const at = `${path}/${i}`
      const block = b as Record<string, unknown>
      if (!KNOWN_BLOCKS.has(String(block.type))) return void problems.push(`${at}/type: unknown block type ${String(block.type)}`)
      if (typeof block.block_id === 'string' && block.block_id.length > 255) problems.push(`${at}/block_id: must be less than 256 characters`)
      if (block.type === 'section') {
        if (block.text === undefined && block.fields === undefined) problems.push(`${at}: must have text or fields`)
        if (block.text !== undefined) checkText(block.text, `${at}/text`, 3000, problems)
        if (block.fields !== undefined) {
          const fields = block.fields as unknown[]
          if (!Array.isArray(fields) || fields.length === 0) problems.push(`${at}/fields: must be a non-empty array`)
          else {
            if (fields.length > 10) problems.push(`${at}/fields: no more than 10 items allowed`)
            fields.forEach((f, j) => checkText(f, `${at}/fields/${j}`, 2000, problems))
          }
        }
      }
      if (block.type === 'header') checkText(block.text, `${at}/text`, 150, problems, true)
      if (block.type === 'context') {
        const elements = block.elements as unknown[]
        if (!Array.isArray(elements) || elements.length === 0) problems.push(`${at}/elements: must be a non-empty array`)
        else {
          if (elements.length > 10) problems.push(`${at}/elements: no more than 10 items allowed`)
          elements.forEach((e, j) => {
            const el = e as { type?: string }
            if (el.type === 'mrkdwn' || el.type === 'plain_text') checkText(el, `${at}/elements/${j}`, 3000, problems)
            else if (el.type !== 'image') problems.push(`${at}/elements/${j}/type: must be mrkdwn, plain_text or image`)
          })
        }
      }
    })
  }
  if (typeof message.text === 'string' && message.text.length > 40000) problems.push('/text: longer than 40000 characters')
  if (message.text === undefined && message.blocks === undefined && message.attachments === undefined) problems.push('/: no text, blocks or attachments')
  return problems
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let raw = ''
    req.on('data', (d: Buffer) => (raw += d.toString()))
    req.on('end', () => resolve(raw))
  })
}

/**
 * The Web API takes JSON (with a bearer token) or a form, whose blocks and attachments are JSON
 * strings; webhooks take JSON. Anything else is no body at all.
 */
function parseBody(raw: string, contentType: string): Record<string, unknown> | undefined {
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const form: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw))
    for (const key of ['blocks', 'attachments']) {
      if (typeof form[key] !== 'string') continue
      try {
        form[key] = JSON.parse(form[key] as string)
      } catch {
        return undefined
      }
    }
    return form
  }
  try {
    const value = JSON.parse(raw) as unknown
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(body))
}

function text(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers })
  res.end(body)
}

export async function startSlackStandIn(options: { token?: string; webhookSecret?: string } = {}): Promise<SlackStandIn> {
  // Assembled at run time so that no credential-shaped literal sits in the repository.
  const token = options.token ?? ['xoxb', '1111111111', '2222222222', 'standInBotToken0001'].join('-')
  const webhookPath = `/services/T0STANDIN/B0STANDIN/${options.webhookSecret ?? 'standInWebhookSecret0001'}`
  const requests: SlackRequest[] = []
  const messages = new Map<string, StoredMessage>()
  const faults: Fault[] = []
  const channels: Record<string, string> = { deploys: 'C0DEPLOYS', releases: 'C0RELEASES', C0DEPLOYS: 'C0DEPLOYS', C0RELEASES: 'C0RELEASES' }
  let seq = 0
  const sockets = new Set<import('node:net').Socket>()

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const body = parseBody(raw, String(req.headers['content-type'] ?? ''))
    const problems = body ? blockKitProblems(body) : ['body is not JSON']
    const path = (req.url ?? '').split('?')[0]
    requests.push({ at: Date.now(), path, method: req.method ?? '', headers: req.headers, raw, body, problems })
    const fault = faults.shift()
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs))
    if (fault && 'drop' in fault) return void req.socket.destroy()
    const isWebhook = path.startsWith('/services/')
    if (fault && 'status' in fault) {
      const headers = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : ({} as Record<string, string>)
      // Webhooks answer a word; the Web API answers JSON ({ok: false, error: "ratelimited"} on 429).
      if (isWebhook || fault.body !== undefined) return void text(res, fault.status, fault.body ?? (fault.status === 429 ? 'rate_limited' : 'rollup_error'), headers)
      return void json(res, fault.status, { ok: false, error: fault.status === 429 ? 'ratelimited' : 'internal_error' }, headers)
    }
    if (isWebhook) {
      if (req.method !== 'POST') return void text(res, 405, 'invalid_method')
      if (path !== webhookPath) return void text(res, 404, 'no_service')
      if (fault && 'error' in fault) return void text(res, fault.error === 'channel_is_archived' ? 410 : fault.error === 'action_prohibited' ? 403 : 400, fault.error)
      if (!String(req.headers['content-type']).startsWith('application/json')) return void text(res, 400, 'invalid_payload')
      if (!body) return void text(res, 400, 'invalid_payload')
      if (problems.length) return void text(res, 400, 'invalid_blocks')
      seq++
      const ts = `${1_700_000_000 + seq}.${String(seq).padStart(6, '0')}`
      messages.set(ts, { channel: 'C0WEBHOOK', ts, text: String(body.text ?? ''), blocks: (body.blocks as unknown[]) ?? [], attachments: (body.attachments as Record<string, unknown>[]) ?? [], edits: 0, bot: 'webhook' })
      return void text(res, 200, 'ok')
    }
    const method = path.replace(/^\/api\//, '')
    if (!['chat.postMessage', 'chat.update'].includes(method)) return void json(res, 404, { ok: false, error: 'unknown_method' })
    if (fault && 'error' in fault) return void json(res, 200, { ok: false, error: fault.error, ...fault.extra })
    const auth = String(req.headers.authorization ?? '')
    if (!auth) return void json(res, 200, { ok: false, error: 'not_authed' })
    if (auth !== `Bearer ${token}`) return void json(res, 200, { ok: false, error: 'invalid_auth' })
    if (!body) return void json(res, 200, { ok: false, error: 'invalid_json' })
    const warnings: string[] = []
    const type = String(req.headers['content-type'] ?? '')
    if (type.startsWith('application/json') && !/charset=utf-8/i.test(type)) warnings.push('missing_charset')
    if (problems.length) return void json(res, 200, { ok: false, error: 'invalid_blocks', response_metadata: { messages: problems.map((p) => `[ERROR] ${p.replace(/^(\S+): (.*)$/, '$2 [json-pointer:$1]')}`) } })
    const channelArg = String(body.channel ?? '').replace(/^#/, '')
    const channel = channels[channelArg]
    if (!channel) return void json(res, 200, { ok: false, error: 'channel_not_found' })
    const extra = warnings.length ? { warning: warnings.join(','), response_metadata: { warnings } } : {}
    if (method === 'chat.postMessage') {
      seq++
      const ts = `${1_700_000_000 + seq}.${String(seq).padStart(6, '0')}`
      const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined
      messages.set(ts, { channel, ts, text: String(body.text ?? ''), blocks: (body.blocks as unknown[]) ?? [], attachments: (body.attachments as Record<string, unknown>[]) ?? [], threadTs, edits: 0, bot: token })
      return void json(res, 200, { ok: true, channel, ts, message: { type: 'message', text: body.text, ts, ...(threadTs ? { thread_ts: threadTs } : {}) }, ...extra })
    }
    // chat.update takes the channel ID only (a name is channel_not_found), and the bot's own message.
    if (!/^C/.test(channelArg) || channelArg !== channel) return void json(res, 200, { ok: false, error: 'channel_not_found' })
    const ts = String(body.ts ?? '')
    const stored = messages.get(ts)
    if (!stored || stored.channel !== channel) return void json(res, 200, { ok: false, error: 'message_not_found' })
    if (stored.bot !== token) return void json(res, 200, { ok: false, error: 'cant_update_message' })
    messages.set(ts, { ...stored, text: String(body.text ?? ''), blocks: (body.blocks as unknown[]) ?? [], attachments: (body.attachments as Record<string, unknown>[]) ?? [], edits: stored.edits + 1 })
    return void json(res, 200, { ok: true, channel, ts, text: body.text, message: { text: body.text }, ...extra })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    webhookUrl: `${url}${webhookPath}`,
    apiUrl: `${url}/api`,
    token,
    requests,
    messages,
    faults,
    channels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
