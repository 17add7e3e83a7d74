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

// Documented Block Kit limits, checked independently of the action's code (its table is in
// actions/lib/slack/block-kit-limits.ts; this one is typed in again from Slack's reference at
// docs.slack.dev/reference/block-kit, as paths into each object, so the two cannot share a slip).
const MAX_BLOCKS = 50
const KNOWN_BLOCKS = new Set([
  'section',
  'header',
  'context',
  'divider',
  'actions',
  'image',
  'rich_text',
  'markdown',
  'table',
  'file',
  'input',
  'video',
  'alert',
  'card',
  'carousel',
  'container',
  'context_actions',
  'data_table',
  'plan',
  'task_card'
])

function checkText(obj: unknown, at: string, max: number, problems: string[], plainOnly = false): void {
  if (typeof obj !== 'object' || obj === null) return void problems.push(`${at}: must be a text object`)
  const t = obj as { type?: unknown; text?: unknown }
  if (t.type !== 'plain_text' && t.type !== 'mrkdwn') problems.push(`${at}/type: must be plain_text or mrkdwn`)
  if (plainOnly && t.type !== 'plain_text') problems.push(`${at}/type: must be plain_text`)
  if (typeof t.text !== 'string' || t.text.length === 0) problems.push(`${at}/text: must be a non-empty string`)
  else if (t.text.length > max) problems.push(`${at}/text: must be less than ${max + 1} characters`)
}

/** What a path in an object holds: a text object, a string, a list, a number range, or a nested
 * element, block or composition object checked by its own table. */
type Limit = number | { items: number } | { range: [number, number] } | 'element' | 'block' | 'option' | 'group' | 'confirm' | 'feedback'

// Paths use * for every item of a list; "text" after a text object's path means its text.
const OPTION: Record<string, Limit> = { 'text.text': 75, value: 75, 'description.text': 75, url: 3000 }
const GROUP: Record<string, Limit> = { 'label.text': 75, options: { items: 100 }, 'options.*': 'option' }
const CONFIRM: Record<string, Limit> = { 'title.text': 100, 'text.text': 300, 'confirm.text': 30, 'deny.text': 30 }
const FEEDBACK: Record<string, Limit> = { 'text.text': 3000, accessibility_label: 75 }
const ACTION: Record<string, Limit> = { action_id: 255, confirm: 'confirm' }
const PLACEHOLDER: Record<string, Limit> = { 'placeholder.text': 150 }
const OPTIONS = (max: number): Record<string, Limit> => ({
  options: { items: max },
  'options.*': 'option',
  initial_option: 'option',
  'initial_options.*': 'option'
})
const SELECT: Record<string, Limit> = {
  ...ACTION,
  ...PLACEHOLDER,
  ...OPTIONS(100),
  option_groups: { items: 100 },
  'option_groups.*': 'group'
}

const ELEMENT_LIMITS: Record<string, Record<string, Limit>> = {
  button: { ...ACTION, 'text.text': 75, value: 2000, url: 3000, accessibility_label: 75 },
  workflow_button: { ...ACTION, 'text.text': 75, accessibility_label: 75 },
  icon_button: { ...ACTION, 'text.text': 3000, accessibility_label: 75 },
  feedback_buttons: { ...ACTION, positive_button: 'feedback', negative_button: 'feedback' },
  checkboxes: { ...ACTION, ...OPTIONS(10) },
  radio_buttons: { ...ACTION, ...OPTIONS(10) },
  overflow: { ...ACTION, ...OPTIONS(5) },
  static_select: SELECT,
  multi_static_select: SELECT,
  external_select: SELECT,
  multi_external_select: SELECT,
  users_select: { ...ACTION, ...PLACEHOLDER },
  multi_users_select: { ...ACTION, ...PLACEHOLDER },
  conversations_select: { ...ACTION, ...PLACEHOLDER },
  multi_conversations_select: { ...ACTION, ...PLACEHOLDER },
  channels_select: { ...ACTION, ...PLACEHOLDER },
  multi_channels_select: { ...ACTION, ...PLACEHOLDER },
  datepicker: { ...ACTION, ...PLACEHOLDER },
  timepicker: { ...ACTION, ...PLACEHOLDER },
  datetimepicker: ACTION,
  plain_text_input: { ...ACTION, ...PLACEHOLDER, min_length: { range: [0, 3000] }, max_length: { range: [1, 3000] } },
  email_text_input: { ...ACTION, ...PLACEHOLDER },
  url_text_input: { ...ACTION, ...PLACEHOLDER },
  number_input: { ...ACTION, ...PLACEHOLDER },
  rich_text_input: { ...ACTION, ...PLACEHOLDER, min_lines: { range: [1, 100] }, max_lines: { range: [1, 100] } },
  file_input: { action_id: 255, max_files: { range: [1, 10] } },
  image: { alt_text: 2000, image_url: 3000 },
  mrkdwn: { text: 3000 },
  plain_text: { text: 3000 }
}

const BLOCK_LIMITS: Record<string, Record<string, Limit>> = {
  section: { accessory: 'element' },
  context: { 'elements.*': 'element' },
  actions: { elements: { items: 25 }, 'elements.*': 'element' },
  context_actions: { elements: { items: 5 }, 'elements.*': 'element' },
  image: { alt_text: 2000, 'title.text': 2000, image_url: 3000 },
  input: { 'label.text': 2000, 'hint.text': 2000, element: 'element' },
  video: { 'title.text': 199, 'description.text': 199, author_name: 49 },
  markdown: { text: 12000 },
  table: { rows: { items: 100 }, 'rows.*': { items: 20 }, column_settings: { items: 20 } },
  data_table: { page_size: { range: [1, 100] } },
  card: { 'title.text': 150, 'subtitle.text': 150, 'body.text': 200, 'actions.*': 'element', hero_image: 'element', icon: 'element' },
  carousel: { elements: { items: 10 }, 'elements.*': 'block' },
  container: { 'title.text': 150, 'subtitle.text': 150, child_blocks: { items: 10 }, 'child_blocks.*': 'block', icon: 'element' },
  alert: { 'text.text': 3000 }
}

const TABLES: Record<string, Record<string, Record<string, Limit>>> = { element: ELEMENT_LIMITS, block: BLOCK_LIMITS }
const NAMED: Record<string, Record<string, Limit>> = { option: OPTION, group: GROUP, confirm: CONFIRM, feedback: FEEDBACK }

/** Every value at `path` (dots; * for each item) under `obj`, with its JSON pointer. */
function valuesAt(obj: unknown, path: string, pointer: string): [string, unknown][] {
  const [head, ...rest] = path.split('.')
  if (obj === null || typeof obj !== 'object') return []
  const entries: [string, unknown][] =
    head === '*'
      ? Array.isArray(obj)
        ? obj.map((v, i) => [String(i), v])
        : []
      : head in obj
        ? [[head, (obj as Record<string, unknown>)[head]]]
        : []
  return entries.flatMap(([k, v]) => (rest.length ? valuesAt(v, rest.join('.'), `${pointer}/${k}`) : [[`${pointer}/${k}`, v]]))
}

function checkLimits(obj: unknown, limits: Record<string, Limit>, at: string, problems: string[]): void {
  for (const [path, limit] of Object.entries(limits)) {
    for (const [pointer, value] of valuesAt(obj, path, at)) {
      if (typeof limit === 'number') {
        if (typeof value === 'string' && value.length > limit) problems.push(`${pointer}: must be less than ${limit + 1} characters`)
      } else if (typeof limit === 'string') {
        const own = NAMED[limit] ?? TABLES[limit]?.[String((value as { type?: unknown } | null)?.type)]
        if (own) checkLimits(value, own, pointer, problems)
      } else if ('items' in limit) {
        if (Array.isArray(value) && value.length > limit.items) problems.push(`${pointer}: no more than ${limit.items} items allowed`)
      } else if (typeof value === 'number' && (value < limit.range[0] || value > limit.range[1])) {
        problems.push(`${pointer}: must be between ${limit.range[0]} and ${limit.range[1]}`)
      }
    }
  }
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
    else {
      if (message.attachments.length > 100) problems.push('/attachments: no more than 100 items allowed')
      message.attachments.forEach((a, i) => {
        const att = a as Record<string, unknown>
        if (att.color !== undefined && !/^(good|warning|danger|#[0-9a-fA-F]{6})$/.test(String(att.color)))
          problems.push(`/attachments/${i}/color: not a colour`)
        if (typeof att.footer === 'string' && att.footer.length > 300)
          problems.push(`/attachments/${i}/footer: must be less than 301 characters`)
        if (att.blocks !== undefined) lists.push([`/attachments/${i}/blocks`, att.blocks as unknown[]])
      })
    }
  }
  const total = lists.reduce((n, [, l]) => n + l.length, 0)
  if (total > MAX_BLOCKS) problems.push(`/blocks: no more than ${MAX_BLOCKS} items allowed (got ${total})`)
  for (const [path, blocks] of lists) {
    blocks.forEach((b, i) => {
      const at = `${path}/${i}`
      const block = b as Record<string, unknown>
      if (!KNOWN_BLOCKS.has(String(block.type))) return void problems.push(`${at}/type: unknown block type ${String(block.type)}`)
      if (typeof block.block_id === 'string' && block.block_id.length > 255)
        problems.push(`${at}/block_id: must be less than 256 characters`)
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
      checkLimits(block, BLOCK_LIMITS[String(block.type)] ?? {}, at, problems)
    })
  }
  if (typeof message.text === 'string' && message.text.length > 40000) problems.push('/text: longer than 40000 characters')
  if (message.text === undefined && message.blocks === undefined && message.attachments === undefined)
    problems.push('/: no text, blocks or attachments')
  return [...new Set(problems)]
}

/**
 * The control sequences Slack would act on in a message, as a person's client would: every <…>
 * in the strings Slack reads as mrkdwn (the top-level text, mrkdwn text objects, legacy
 * attachment text). A <!channel> here pings the channel; a <url|label> is a link.
 */
export function mrkdwnCommands(message: Record<string, unknown>): string[] {
  const out: string[] = []
  const scan = (text: unknown) => {
    if (typeof text === 'string') out.push(...(text.match(/<[^<>]*>/g) ?? []))
  }
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk)
    if (!v || typeof v !== 'object') return
    const o = v as Record<string, unknown>
    if (o.type === 'mrkdwn') scan(o.text)
    for (const value of Object.values(o)) if (typeof value === 'object') walk(value)
  }
  scan(message.text)
  for (const a of Array.isArray(message.attachments) ? message.attachments : []) {
    const att = a as Record<string, unknown>
    for (const key of ['text', 'pretext', 'title', 'footer', 'author_name']) scan(att[key])
    for (const f of Array.isArray(att.fields) ? att.fields : []) scan((f as { value?: unknown }).value)
  }
  walk(message.blocks)
  for (const a of Array.isArray(message.attachments) ? message.attachments : []) walk((a as { blocks?: unknown }).blocks)
  return out
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
  const channels: Record<string, string> = {
    deploys: 'C0DEPLOYS',
    releases: 'C0RELEASES',
    C0DEPLOYS: 'C0DEPLOYS',
    C0RELEASES: 'C0RELEASES'
  }
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
      if (isWebhook || fault.body !== undefined)
        return void text(res, fault.status, fault.body ?? (fault.status === 429 ? 'rate_limited' : 'rollup_error'), headers)
      return void json(res, fault.status, { ok: false, error: fault.status === 429 ? 'ratelimited' : 'internal_error' }, headers)
    }
    if (isWebhook) {
      if (req.method !== 'POST') return void text(res, 405, 'invalid_method')
      if (path !== webhookPath) return void text(res, 404, 'no_service')
      if (fault && 'error' in fault)
        return void text(res, fault.error === 'channel_is_archived' ? 410 : fault.error === 'action_prohibited' ? 403 : 400, fault.error)
      if (!String(req.headers['content-type']).startsWith('application/json')) return void text(res, 400, 'invalid_payload')
      if (!body) return void text(res, 400, 'invalid_payload')
      if (problems.length) return void text(res, 400, 'invalid_blocks')
      seq++
      const ts = `${1_700_000_000 + seq}.${String(seq).padStart(6, '0')}`
      messages.set(ts, {
        channel: 'C0WEBHOOK',
        ts,
        text: String(body.text ?? ''),
        blocks: (body.blocks as unknown[]) ?? [],
        attachments: (body.attachments as Record<string, unknown>[]) ?? [],
        edits: 0,
        bot: 'webhook'
      })
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
    if (problems.length)
      return void json(res, 200, {
        ok: false,
        error: 'invalid_blocks',
        response_metadata: { messages: problems.map((p) => `[ERROR] ${p.replace(/^(\S+): (.*)$/, '$2 [json-pointer:$1]')}`) }
      })
    const channelArg = String(body.channel ?? '').replace(/^#/, '')
    const channel = channels[channelArg]
    if (!channel) return void json(res, 200, { ok: false, error: 'channel_not_found' })
    const extra = warnings.length ? { warning: warnings.join(','), response_metadata: { warnings } } : {}
    if (method === 'chat.postMessage') {
      seq++
      const ts = `${1_700_000_000 + seq}.${String(seq).padStart(6, '0')}`
      const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined
      messages.set(ts, {
        channel,
        ts,
        text: String(body.text ?? ''),
        blocks: (body.blocks as unknown[]) ?? [],
        attachments: (body.attachments as Record<string, unknown>[]) ?? [],
        threadTs,
        edits: 0,
        bot: token
      })
      return void json(res, 200, {
        ok: true,
        channel,
        ts,
        message: { type: 'message', text: body.text, ts, ...(threadTs ? { thread_ts: threadTs } : {}) },
        ...extra
      })
    }
    // chat.update takes the channel ID only (a name is channel_not_found), and the bot's own message.
    if (!/^C/.test(channelArg) || channelArg !== channel) return void json(res, 200, { ok: false, error: 'channel_not_found' })
    const ts = String(body.ts ?? '')
    const stored = messages.get(ts)
    if (!stored || stored.channel !== channel) return void json(res, 200, { ok: false, error: 'message_not_found' })
    if (stored.bot !== token) return void json(res, 200, { ok: false, error: 'cant_update_message' })
    messages.set(ts, {
      ...stored,
      text: String(body.text ?? ''),
      blocks: (body.blocks as unknown[]) ?? [],
      attachments: (body.attachments as Record<string, unknown>[]) ?? [],
      edits: stored.edits + 1
    })
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
