// One message from either source, a template or the user's payload, always cut to Slack's limits.
import { escapeMrkdwn, type SlackMessage } from './blocks.js'
import { fitToSlackLimits } from './limits.js'
import { fillPlaceholders, type PlaceholderSources } from './payload.js'
import { STATUS_STYLE, buildMessage, headline, repoUrl, runUrl, type MessageSpec } from './templates.js'

export interface Composed {
  message: SlackMessage
  /** What was cut to fit Slack's limits. */
  cuts: string[]
  /** Placeholders of a payload that had no value. */
  emptyPlaceholders: string[]
  /** Names the user let through unescaped that the payload does not use (a typo, most likely). */
  unusedUnescaped: string[]
}

/** A payload to fill: the parsed message, where its values come from, and the placeholders the
 * user opted to insert unescaped (payload-unescaped-placeholders). */
export interface PayloadInput {
  message: Record<string, unknown>
  sources: Omit<PlaceholderSources, 'values' | 'unescaped'>
  unescaped: readonly string[]
}

// Our own markup, built from validated member and group IDs: it must stay markup to notify.
const OWN_MARKUP = ['mentions']

/** The values a payload's bare {{ name }} placeholders can use, from the message's spec. */
export function placeholderValues(spec: MessageSpec): Record<string, string> {
  const style = STATUS_STYLE[spec.status]
  const mentionsNow = spec.status === 'failure' || spec.status === 'rolled-back' ? spec.mentions.join(' ') : ''
  return {
    status: spec.status,
    emoji: style.emoji,
    color: style.color,
    headline: headline(spec),
    title: spec.title,
    text: spec.text,
    service: spec.service,
    mentions: mentionsNow,
    run_url: runUrl(spec.run),
    repository_url: repoUrl(spec.run)
  }
}

/**
 * The message to send: the template's for `spec`, or the user's payload filled from it (each value
 * escaped for where it lands, payload.ts), then fitted to Slack's limits (limits.ts). Gives the
 * message and what to warn about: the cuts, empty placeholders, unused unescaped names.
 */
export function composeMessage(spec: MessageSpec, payload?: PayloadInput): Composed {
  let message: SlackMessage
  let empty: string[] = []
  let unusedUnescaped: string[] = []
  if (payload) {
    const unescaped = new Set([...payload.unescaped, ...OWN_MARKUP])
    const filled = fillPlaceholders(payload.message, { ...payload.sources, values: placeholderValues(spec), unescaped })
    message = filled.message
    empty = filled.empty
    unusedUnescaped = payload.unescaped.filter((name) => !filled.used.includes(name))
    // Without a top-level text Slack has nothing for the notification; the headline serves.
    if (typeof message.text !== 'string' || message.text === '')
      message = { ...message, text: `${STATUS_STYLE[spec.status].emoji} ${escapeMrkdwn(headline(spec))}` }
  } else {
    message = buildMessage(spec)
  }
  const fitted = fitToSlackLimits(message)
  return { message: fitted.message, cuts: fitted.notes, emptyPlaceholders: empty, unusedUnescaped }
}
