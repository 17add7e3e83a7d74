// actions/slack-notify: tell a channel what the gates, deploys and releases did. A Slack outage
// never fails the job unless fail-on-error is true: it becomes a warning and ok=false.
import { existsSync, readFileSync } from 'node:fs'
import * as core from '@actions/core'
import { input, runAction } from '../lib/action/run-action.js'
import { esc } from '../lib/report/markdown.js'
import { composeMessage } from '../lib/slack/compose.js'
import { blockCount } from '../lib/slack/limits.js'
import { headline } from '../lib/slack/templates.js'
import { SlackDeliveryError, deliver, type Attempt, type Delivered } from '../lib/slack/transport.js'
import { NotifyInput, NotifyOutput, githubValues, maskSecrets, readNotifySettings, type NotifySettings } from './settings.js'

let outputsSet = false

function setOutputs(ok: boolean, delivered?: Delivered, error = ''): void {
  outputsSet = true
  core.setOutput(NotifyOutput.Ok, String(ok))
  core.setOutput(NotifyOutput.Ts, delivered?.ts ?? '')
  core.setOutput(NotifyOutput.Channel, delivered?.channel ?? '')
  core.setOutput(NotifyOutput.ThreadTs, delivered?.threadTs ?? '')
  core.setOutput(NotifyOutput.Error, error)
}

function readEvent(): Record<string, unknown> | undefined {
  const path = process.env.GITHUB_EVENT_PATH
  if (!path || !existsSync(path)) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
}

function attemptsTable(attempts: Attempt[]): string[] {
  return [
    '| Attempt | Answer | Took | Then waited |',
    '|---|---|---|---|',
    ...attempts.map(
      (a, i) =>
        `| ${i + 1} | ${esc(a.outcome)} | ${(a.ms / 1000).toFixed(2)} s | ` +
        `${a.waitMs !== undefined ? `${(a.waitMs / 1000).toFixed(1)} s` : ''} |`
    )
  ]
}

async function writeSummary(settings: NotifySettings, title: string, attempts: Attempt[], lines: string[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const out = [
    `### ${title}`,
    '',
    `> ${esc(headline(settings.spec))}`,
    '',
    ...lines.map((l) => `- ${l}`),
    '',
    ...(attempts.length ? attemptsTable(attempts) : []),
    ''
  ]
  await core.summary.addRaw(out.join('\n')).write()
}

/** The action: read the inputs, compose and fit the message, deliver it, set the outputs and the summary. */
export async function runSlackNotify(): Promise<void> {
  await runAction(
    async () => {
      maskSecrets(input)
      const event = readEvent()
      if (
        !input(NotifyInput.WebhookUrl).trim() &&
        !input(NotifyInput.BotToken).trim() &&
        input(NotifyInput.FailOnError).trim() !== 'true'
      ) {
        // Typical of a fork's pull request, where secrets are empty: say so, do not fail the job.
        const why =
          `Nothing sent: "${NotifyInput.WebhookUrl}" and "${NotifyInput.BotToken}" are both empty (an unset secret, as in ` +
          `pull requests from forks).`
        core.warning(why)
        setOutputs(false, undefined, why)
        return
      }
      const settings = readNotifySettings(input, process.env, event)
      const payload = settings.payload
      const sources = { input, env: process.env, github: githubValues(process.env), event }
      const composed = composeMessage(
        settings.spec,
        payload ? { message: payload.message, sources, unescaped: payload.unescaped } : undefined
      )
      for (const cut of composed.cuts) core.warning(`Slack message cut to fit: ${cut}.`)
      if (composed.emptyPlaceholders.length)
        core.warning(
          `Payload placeholders without a value (left empty): ${composed.emptyPlaceholders.map((p) => `{{ ${p} }}`).join(', ')}.`
        )
      if (composed.unusedUnescaped.length) {
        core.warning(
          `"${NotifyInput.PayloadUnescapedPlaceholders}" names placeholders the payload does not use: ` +
            `${composed.unusedUnescaped.join(', ')}.`
        )
      }
      const dest = settings.destination
      const where =
        dest.kind === 'webhook'
          ? 'the incoming webhook'
          : `${dest.updateTs ? 'chat.update of' : 'chat.postMessage to'} ${dest.channel}${dest.threadTs ? ' (thread reply)' : ''}`
      core.info(`Sending "${composed.message.text}" through ${where} (${blockCount(composed.message)} block(s)).`)
      let delivered: Delivered
      try {
        delivered = await deliver(dest, composed.message, { ...settings.send, log: (l) => core.info(l) })
      } catch (error) {
        if (!(error instanceof SlackDeliveryError)) throw error
        setOutputs(false, undefined, error.message.split('\n')[0])
        await writeSummary(settings, 'Slack: not delivered', error.attempts, error.message.split('\n').map(esc))
        if (settings.failOnError) throw error
        core.warning(`${error.message}\nThe job goes on (fail-on-error is false).`)
        return
      }
      for (const w of delivered.warnings) core.warning(`Slack warned: ${w}`)
      setOutputs(true, delivered)
      const did = dest.kind === 'api' && dest.updateTs ? 'updated' : 'posted'
      core.info(
        `Slack message ${did}${delivered.ts ? ` (ts ${delivered.ts} in ${delivered.channel})` : ''} after ` +
          `${delivered.attempts.length} attempt(s).`
      )
      await writeSummary(settings, `Slack: message ${did}`, delivered.attempts, [
        dest.kind === 'webhook'
          ? 'Through the incoming webhook'
          : `Channel \`${esc(delivered.channel)}\`, ts ` +
            `\`${esc(delivered.ts)}\`${dest.threadTs ? `, in thread \`${esc(dest.threadTs)}\`` : ''}`,
        ...composed.cuts.map((c) => `Cut to fit Slack's limits: ${esc(c)}`)
      ])
    },
    // A bad input, or a delivery failure with fail-on-error: true; the outputs still say ok=false.
    () => {
      if (!outputsSet) setOutputs(false)
    }
  )
}
