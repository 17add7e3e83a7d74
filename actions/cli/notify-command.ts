// `sgw notify`: the Slack message slack-notify would send, printed (--print) or sent, so a payload
// or a template can be tried from a laptop. The webhook and token come from the environment, not
// flags, so that they stay out of shell history.
import { basename } from 'node:path'
import { UserError } from '../lib/errors/user-error.js'
import { composeMessage } from '../lib/slack/compose.js'
import { deliver } from '../lib/slack/transport.js'
import { githubValues, NotifyInput, readDestination, readMessageSettings } from '../slack-notify/settings.js'
import { parseDuration, parseWholeNumber } from '../lib/inputs/parse.js'
import { parseArgs } from './args.js'

export const NOTIFY_HELP = `Usage: sgw notify [options]

Builds the Slack message actions/slack-notify sends and prints it (--print) or sends it.
Sending reads SLACK_WEBHOOK_URL, or SLACK_BOT_TOKEN with --channel, from the environment.

  --print                    print the message JSON (cut to Slack's limits) instead of sending
  --template T               deploy, security, release or custom (default custom)
  --status S                 auto (default), started, success, failure, cancelled, rolled-back, needs-approval
  --title T / --text T       headline and body (mrkdwn)
  --fields "Label: value"    extra fields, one per line
  --payload JSON|YAML / --payload-file F   a whole message with {{ placeholders }}; their values are
                             escaped for where they land (&, <, > in mrkdwn), so they show as text
  --payload-unescaped-placeholders NAMES   placeholders to insert as given, markup and all
  --channel C / --update-ts TS / --thread-ts TS / --api-url URL   Web API options (bot token)
  --retries N / --timeout D / --max-wait D                         delivery (default 3, 10s, 60s)
  Every other input of slack-notify is a flag of the same name (--environment, --images,
  --result, --reason, --counts, --limits, --gate-report, --changelog, --version, ...).

Exit status: 0 printed or delivered, 1 Slack did not take the message, 2 usage or input error.
`

const SECRET_INPUTS: readonly string[] = [NotifyInput.WebhookUrl, NotifyInput.BotToken, NotifyInput.FailOnError]
const VALUE_FLAGS = Object.values(NotifyInput).filter((n) => !SECRET_INPUTS.includes(n))

/**
 * `sgw notify`: takes the arguments after "notify", a writer for stdout and the environment; prints
 * the message (--print) or sends it. Gives the exit status (0 printed or delivered, 1 not taken).
 */
export async function notifyCommand(
  argv: readonly string[],
  out: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env
): Promise<number> {
  const args = parseArgs(argv, { values: VALUE_FLAGS, switches: ['help', 'print'] }, 'notify')
  if (args.switches.has('help')) {
    out(NOTIFY_HELP)
    return 0
  }
  if (args.positional.length) throw new UserError(`sgw notify: unexpected argument "${args.positional[0]}".`)
  const get = (name: string): string => {
    if (name === NotifyInput.WebhookUrl) return env.SLACK_WEBHOOK_URL ?? ''
    if (name === NotifyInput.BotToken) return env.SLACK_BOT_TOKEN ?? ''
    // Outside CI there is no repository to name the service after: the folder's name serves.
    if (name === NotifyInput.Service) return args.values.get(name)?.[0] ?? (env.GITHUB_REPOSITORY ? '' : basename(process.cwd()))
    return args.values.get(name)?.[0] ?? ''
  }
  const settings = readMessageSettings(get, env, undefined)
  const payload = settings.payload
  const sources = { input: get, env, github: githubValues(env), event: undefined }
  const composed = composeMessage(settings.spec, payload ? { message: payload.message, sources, unescaped: payload.unescaped } : undefined)
  // --print writes only the JSON (pipe it to jq); the message itself notes what was cut.
  if (args.switches.has('print')) {
    out(`${JSON.stringify(composed.message, null, 2)}\n`)
    return 0
  }
  for (const cut of composed.cuts) out(`cut to fit Slack's limits: ${cut}\n`)
  if (composed.unusedUnescaped.length)
    out(
      `--${NotifyInput.PayloadUnescapedPlaceholders} names placeholders the payload does not use: ${composed.unusedUnescaped.join(', ')}\n`
    )
  if (!env.SLACK_WEBHOOK_URL && !env.SLACK_BOT_TOKEN)
    throw new UserError('set SLACK_WEBHOOK_URL, or SLACK_BOT_TOKEN with --channel, in the environment; or use --print to see the message.')
  const destination = readDestination(get)
  const delivered = await deliver(destination, composed.message, {
    retries: parseWholeNumber(NotifyInput.Retries, get(NotifyInput.Retries), 3),
    timeoutMs: parseDuration(NotifyInput.Timeout, get(NotifyInput.Timeout), 10) * 1000,
    maxWaitMs: parseDuration(NotifyInput.MaxWait, get(NotifyInput.MaxWait), 60) * 1000,
    log: (line) => out(`${line}\n`)
  }).catch((error: unknown) => error as Error)
  if (delivered instanceof Error) {
    if (!(delivered instanceof UserError)) throw delivered
    out(`${delivered.message}\n`)
    return 1
  }
  out(`delivered after ${delivered.attempts.length} attempt(s)${delivered.ts ? `: ts ${delivered.ts} in ${delivered.channel}` : ''}\n`)
  return 0
}
