// slack-notify's inputs, parsed once into where to send, what to say and how hard to try. The
// webhook URL's secret and the bot token are masked before anything else can print them.
import { urlSecrets } from '../lib/inputs/url-secrets.js'
import { existsSync, readFileSync } from 'node:fs'
import * as core from '@actions/core'
import { UserError } from '../lib/errors/user-error.js'
import { parseBoolean, parseChoice, parseDuration, parseList, parseWholeNumber } from '../lib/inputs/parse.js'
import { parseSeverityMap, readGateReport, versionFromImages } from '../lib/slack/facts.js'
import { parsePayload } from '../lib/slack/payload.js'
import {
  STATUSES,
  TEMPLATES,
  statusFromResult,
  type MessageSpec,
  type RunContext,
  type SecurityFacts,
  type Status
} from '../lib/slack/templates.js'
import type { Destination, SendOptions } from '../lib/slack/transport.js'

export const NotifyInput = {
  WebhookUrl: 'webhook-url',
  BotToken: 'bot-token',
  Channel: 'channel',
  UpdateTs: 'update-ts',
  ThreadTs: 'thread-ts',
  ApiUrl: 'api-url',
  Status: 'status',
  Template: 'template',
  Service: 'service',
  Title: 'title',
  Text: 'text',
  Fields: 'fields',
  MentionOnFailure: 'mention-on-failure',
  Environment: 'environment',
  EnvironmentUrl: 'environment-url',
  Version: 'version',
  Images: 'images',
  Result: 'result',
  Reason: 'reason',
  Revision: 'revision',
  PreviousRevision: 'previous-revision',
  DurationSeconds: 'duration-seconds',
  RollbackSeconds: 'rollback-seconds',
  Counts: 'counts',
  Limits: 'limits',
  GateReport: 'gate-report',
  Changelog: 'changelog',
  ReleaseUrl: 'release-url',
  Tags: 'tags',
  Payload: 'payload',
  PayloadFile: 'payload-file',
  PayloadUnescapedPlaceholders: 'payload-unescaped-placeholders',
  Retries: 'retries',
  Timeout: 'timeout',
  MaxWait: 'max-wait',
  FailOnError: 'fail-on-error'
} as const

export const NotifyOutput = {
  Ok: 'ok',
  Ts: 'ts',
  Channel: 'channel',
  ThreadTs: 'thread-ts',
  Error: 'error'
} as const

type Get = (name: string) => string

export interface NotifySettings {
  destination: Destination
  spec: MessageSpec
  /** The user's payload, where it came from, and the placeholders to insert unescaped. */
  payload?: { message: Record<string, unknown>; source: string; unescaped: string[] }
  send: Pick<SendOptions, 'retries' | 'timeoutMs' | 'maxWaitMs'>
  failOnError: boolean
}

/**
 * Mask the webhook URL (whole, and its secret part: urlSecrets), the bot token (whole: it is the
 * credential) and a credential inside api-url (a proxy's user:password@ or token), before any
 * parsing, so that not even an input error can print them.
 */
export function maskSecrets(get: Get): void {
  const webhook = get(NotifyInput.WebhookUrl).trim()
  if (webhook) for (const secret of urlSecrets(webhook, true)) core.setSecret(secret)
  const token = get(NotifyInput.BotToken).trim()
  if (token) core.setSecret(token)
  // api-url is public (https://slack.com/api) unless a proxy put a credential in it.
  const api = get(NotifyInput.ApiUrl).trim()
  if (api) for (const secret of urlSecrets(api, false)) core.setSecret(secret)
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

/** An https URL (plain http only to this machine, for stand-ins); never echoes a secret value. */
function checkUrl(name: string, raw: string, secret: boolean): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new UserError(`Input "${name}" is not a URL${secret ? ' (its value is not shown: it is a secret)' : `: "${raw}"`}.`)
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
    throw new UserError(`Input "${name}" must be an https:// URL${secret ? '' : `, got "${raw}"`}.`)
  return url
}

/** Where to send: the webhook, or the Web API with a token and channel; a user error names the input to fix. */
export function readDestination(get: Get): Destination {
  const webhook = get(NotifyInput.WebhookUrl).trim()
  const token = get(NotifyInput.BotToken).trim()
  const channel = get(NotifyInput.Channel).trim()
  const updateTs = get(NotifyInput.UpdateTs).trim()
  const threadTs = get(NotifyInput.ThreadTs).trim()
  const ts = /^\d{9,11}\.\d{6}$/
  for (const [name, value] of [
    [NotifyInput.UpdateTs, updateTs],
    [NotifyInput.ThreadTs, threadTs]
  ] as const)
    if (value && !ts.test(value))
      throw new UserError(
        `Input "${name}" must be a Slack message ts such as 1712345678.123456 (the ts output of an earlier slack-notify step), got ` +
          `"${value}".`
      )
  if (webhook && token) throw new UserError(`Set one of "${NotifyInput.WebhookUrl}" and "${NotifyInput.BotToken}", not both.`)
  if (webhook) {
    if (updateTs || threadTs)
      throw new UserError(
        `"${updateTs ? NotifyInput.UpdateTs : NotifyInput.ThreadTs}" needs "${NotifyInput.BotToken}": an incoming webhook can ` +
          `neither update a message nor tell which message it posted.`
      )
    checkUrl(NotifyInput.WebhookUrl, webhook, true)
    return { kind: 'webhook', url: webhook }
  }
  if (token) {
    if (!channel)
      throw new UserError(
        `Input "${NotifyInput.Channel}" is required with "${NotifyInput.BotToken}": the channel ID (C0123ABCD) or name (#deploys); ` +
          `to update a message, the channel output of the step that posted it.`
      )
    if (!/^xox[a-z]-|^xapp-/.test(token))
      core.warning(`Input "${NotifyInput.BotToken}" does not look like a Slack token (xoxb-...); sending anyway.`)
    const apiUrl = checkUrl(NotifyInput.ApiUrl, get(NotifyInput.ApiUrl).trim() || 'https://slack.com/api', false).toString()
    return { kind: 'api', token, apiUrl, channel, updateTs, threadTs }
  }
  throw new UserError(
    `Nothing to send to: set "${NotifyInput.WebhookUrl}" (an incoming webhook, from a secret) or "${NotifyInput.BotToken}" with ` +
      `"${NotifyInput.Channel}".`
  )
}

/** `U0123` / `W0123` users, `S0123` user groups, `here` / `channel` / `everyone`. */
export function parseMentions(raw: string): string[] {
  return parseList(raw).map((item) => {
    const id = item.replace(/^@/, '').replace(/^!/, '')
    if (/^<[@!][^>]+>$/.test(item)) return item
    if (/^[UW][A-Z0-9]{2,}$/.test(id)) return `<@${id}>`
    if (/^S[A-Z0-9]{2,}$/.test(id)) return `<!subteam^${id}>`
    if (['here', 'channel', 'everyone'].includes(id)) return `<!${id}>`
    throw new UserError(
      `Input "${NotifyInput.MentionOnFailure}" takes member IDs (U0123ABCD), user group IDs (S0123ABCD) or here/channel; got ` +
        `"${item}". Names do not notify in Slack messages; copy the ID from the profile or group.`
    )
  })
}

/** The fields input: one "Label: value" per line. */
export function parseFields(raw: string): { label: string; value: string }[] {
  return raw
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(':')
      if (at < 1) throw new UserError(`Input "${NotifyInput.Fields}" takes "Label: value" lines, got "${line}".`)
      return { label: line.slice(0, at).trim(), value: line.slice(at + 1).trim() }
    })
}

/** The run the message is about, from the runner's GITHUB_* variables and the event (a pull request's head). */
export function runContext(env: NodeJS.ProcessEnv, event: Record<string, unknown> | undefined): RunContext {
  const pr = (event?.pull_request ?? undefined) as { number?: number; head?: { sha?: string } } | undefined
  return {
    repository: env.GITHUB_REPOSITORY ?? '',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    runId: env.GITHUB_RUN_ID ?? '',
    runNumber: env.GITHUB_RUN_NUMBER ?? '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: pr?.head?.sha ?? env.GITHUB_SHA ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    prNumber: typeof pr?.number === 'number' ? pr.number : undefined
  }
}

function readSecurity(get: Get, result: string): SecurityFacts {
  const report = get(NotifyInput.GateReport).trim()
  const counts = parseSeverityMap(NotifyInput.Counts, get(NotifyInput.Counts), false)
  const limits = parseSeverityMap(NotifyInput.Limits, get(NotifyInput.Limits), true)
  const fromReport = report ? readGateReport(report, NotifyInput.GateReport) : undefined
  return {
    result: result || fromReport?.result || counts.extra.result || '',
    counts: { ...fromReport?.counts, ...(counts.values as Partial<Record<string, number>>) },
    limits: { ...fromReport?.limits, ...limits.values },
    approvals: fromReport?.approvals ?? [],
    topFindings: fromReport?.topFindings ?? [],
    newCount:
      fromReport?.newCount ?? (counts.extra.new !== undefined && /^\d+$/.test(counts.extra.new) ? Number(counts.extra.new) : undefined)
  }
}

const PLACEHOLDER_NAME = /^[A-Za-z_][\w-]*(?:\.[\w-]+)*$/

/** payload or payload-file, parsed, with the placeholder names to insert unescaped. */
export function readPayload(get: Get): NotifySettings['payload'] {
  const inline = get(NotifyInput.Payload)
  const file = get(NotifyInput.PayloadFile).trim()
  const unescaped = parseList(get(NotifyInput.PayloadUnescapedPlaceholders)).map((name) => name.replace(/^\{\{\s*|\s*\}\}$/g, ''))
  for (const name of unescaped) {
    if (!PLACEHOLDER_NAME.test(name))
      throw new UserError(
        `Input "${NotifyInput.PayloadUnescapedPlaceholders}" takes placeholder names such as inputs.text or env.NOTES, got "${name}".`
      )
  }
  if (inline.trim() && file) throw new UserError(`Set one of "${NotifyInput.Payload}" and "${NotifyInput.PayloadFile}", not both.`)
  if (!inline.trim() && !file) {
    if (unescaped.length)
      throw new UserError(
        `Input "${NotifyInput.PayloadUnescapedPlaceholders}" applies to "${NotifyInput.Payload}" or "${NotifyInput.PayloadFile}"; ` +
          `set one, or remove it.`
      )
    return undefined
  }
  if (inline.trim()) return { message: parsePayload(inline, `"${NotifyInput.Payload}" input`), source: NotifyInput.Payload, unescaped }
  if (!existsSync(file))
    throw new UserError(`Input "${NotifyInput.PayloadFile}": ${file} does not exist (paths are relative to the workspace).`)
  return { message: parsePayload(readFileSync(file, 'utf8'), `payload file ${file}`), source: file, unescaped }
}

/** What to say: the template's facts or the payload (no destination needed, e.g. sgw notify --print). */
export function readMessageSettings(
  get: Get,
  env: NodeJS.ProcessEnv,
  event: Record<string, unknown> | undefined
): Pick<NotifySettings, 'spec' | 'payload'> {
  const template = parseChoice(NotifyInput.Template, get(NotifyInput.Template), TEMPLATES, 'custom')
  const result = get(NotifyInput.Result).trim()
  const security =
    template === 'security' ? readSecurity(get, result) : { result: '', counts: {}, limits: {}, approvals: [], topFindings: [] }
  const rawStatus = get(NotifyInput.Status).trim() || 'auto'
  const status: Status =
    rawStatus === 'auto'
      ? statusFromResult(template, template === 'security' ? security.result : result)
      : parseChoice(NotifyInput.Status, rawStatus, [...STATUSES], 'success')
  const run = runContext(env, event)
  const images = get(NotifyInput.Images)
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
  const spec: MessageSpec = {
    template,
    status,
    service: get(NotifyInput.Service).trim() || run.repository.split('/')[1] || run.repository,
    title: get(NotifyInput.Title).trim(),
    text: get(NotifyInput.Text).trim(),
    fields: parseFields(get(NotifyInput.Fields)),
    mentions: parseMentions(get(NotifyInput.MentionOnFailure)),
    deploy: {
      environment: get(NotifyInput.Environment).trim(),
      environmentUrl: get(NotifyInput.EnvironmentUrl).trim(),
      version: get(NotifyInput.Version).trim() || versionFromImages(images),
      images,
      result,
      reason: get(NotifyInput.Reason).trim(),
      revision: get(NotifyInput.Revision).trim(),
      previousRevision: get(NotifyInput.PreviousRevision).trim(),
      durationSeconds: get(NotifyInput.DurationSeconds).trim(),
      rollbackSeconds: get(NotifyInput.RollbackSeconds).trim()
    },
    security,
    release: {
      version: get(NotifyInput.Version).trim(),
      changelog: get(NotifyInput.Changelog),
      releaseUrl: get(NotifyInput.ReleaseUrl).trim(),
      tags: parseList(get(NotifyInput.Tags))
    },
    run
  }
  return { spec, payload: readPayload(get) }
}

/** Every input of the action, parsed and checked: destination, message, delivery, fail-on-error. */
export function readNotifySettings(get: Get, env: NodeJS.ProcessEnv, event: Record<string, unknown> | undefined): NotifySettings {
  const destination = readDestination(get)
  return {
    destination,
    ...readMessageSettings(get, env, event),
    send: {
      retries: parseWholeNumber(NotifyInput.Retries, get(NotifyInput.Retries), 3),
      timeoutMs: parseDuration(NotifyInput.Timeout, get(NotifyInput.Timeout), 10) * 1000,
      maxWaitMs: parseDuration(NotifyInput.MaxWait, get(NotifyInput.MaxWait), 60) * 1000
    },
    failOnError: parseBoolean(NotifyInput.FailOnError, get(NotifyInput.FailOnError), false)
  }
}

/** The github.<name> placeholders of a payload, from the runner's variables. */
export function githubValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return {
    repository: env.GITHUB_REPOSITORY ?? '',
    ref: env.GITHUB_REF ?? '',
    ref_name: env.GITHUB_REF_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    run_id: env.GITHUB_RUN_ID ?? '',
    run_number: env.GITHUB_RUN_NUMBER ?? '',
    run_attempt: env.GITHUB_RUN_ATTEMPT ?? '',
    event_name: env.GITHUB_EVENT_NAME ?? '',
    server_url: env.GITHUB_SERVER_URL ?? '',
    head_ref: env.GITHUB_HEAD_REF ?? '',
    base_ref: env.GITHUB_BASE_REF ?? ''
  }
}
