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
}

/** The values a payload's bare {{ name }} placeholders can use. */
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

export function composeMessage(spec: MessageSpec, payload?: { message: Record<string, unknown>; sources: Omit<PlaceholderSources, 'values'> }): Composed {
  let message: SlackMessage
  let empty: string[] = []
  if (payload) {
    const filled = fillPlaceholders(payload.message, { ...payload.sources, values: placeholderValues(spec) })
    message = filled.message
    empty = filled.empty
    // Without a top-level text Slack has nothing for the notification; the headline serves.
    if (typeof message.text !== 'string' || message.text === '') message = { ...message, text: `${STATUS_STYLE[spec.status].emoji} ${escapeMrkdwn(headline(spec))}` }
  } else {
    message = buildMessage(spec)
  }
  const fitted = fitToSlackLimits(message)
  return { message: fitted.message, cuts: fitted.notes, emptyPlaceholders: empty }
}
