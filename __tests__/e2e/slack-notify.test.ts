// slack-notify through its dist bundle under Node 24, as the runner runs it, against a loopback
// Slack (webhook and Web API). Every message Slack receives is checked against Block Kit's limits;
// retries are timed from the stand-in's own clock; the webhook URL and the token must appear
// nowhere in what the action prints or writes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, runCli, visibleText, maskedValues, type ActionRun } from '../helpers/run-action.js'
import { blockKitProblems, mrkdwnCommands, startSlackStandIn, type SlackStandIn } from '../helpers/slack-api.js'
import { fixture } from '../helpers/tools.js'

let slack: SlackStandIn
const work = mkdtempSync(join(tmpdir(), 'sgw-slack-'))

beforeAll(async () => {
  slack = await startSlackStandIn()
})
afterAll(async () => {
  await slack.close()
})
beforeEach(() => {
  slack.requests.length = 0
  slack.faults.length = 0
})

const notify = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runAction('slack-notify', {
    inputs,
    env: { GITHUB_RUN_NUMBER: '17', GITHUB_ACTOR: 'octo-dev', GITHUB_WORKFLOW: 'deploy', ...env },
    timeoutMs: 60_000
  })
const viaWebhook = (inputs: Record<string, string>) => notify({ 'webhook-url': slack.webhookUrl, ...inputs })
const viaBot = (inputs: Record<string, string>) =>
  notify({ 'bot-token': slack.token, 'api-url': slack.apiUrl, channel: '#deploys', ...inputs })

/** Nothing secret in what the action printed or wrote, and the secrets were masked. */
function expectNoSecrets(run: ActionRun): void {
  const visible = visibleText(run)
  const secretPart = slack.webhookUrl.split('/').pop()!
  for (const secret of [slack.webhookUrl, secretPart, slack.token]) expect(visible).not.toContain(secret)
}

function lastBody(): Record<string, unknown> {
  const r = slack.requests[slack.requests.length - 1]
  expect(r.problems).toEqual([])
  return r.body!
}

const attachmentText = (body: Record<string, unknown>) => JSON.stringify((body.attachments as unknown[]) ?? [])

describe('webhook', () => {
  it('posts a deploy message people can read: headline, colour, facts, links; ok=true', async () => {
    const run = await viaWebhook({
      template: 'deploy',
      environment: 'production',
      images: 'web=ghcr.io/acme/web:1.4.0',
      result: 'deployed',
      revision: '7',
      'previous-revision': '6',
      'duration-seconds': '42.4'
    })
    process.stderr.write(`[slack-notify] one webhook message through the bundle: ${run.ms} ms\n`)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ ok: 'true', ts: '', channel: '', error: '' })
    expect(slack.requests).toHaveLength(1)
    const req = slack.requests[0]
    expect(req.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(req.headers.authorization).toBeUndefined()
    const body = lastBody()
    expect(body.text).toBe(':white_check_mark: Deployed web 1.4.0 to production')
    const att = (body.attachments as Record<string, unknown>[])[0]
    expect(att.color).toBe('#2EB67D')
    const card = attachmentText(body)
    expect(card).toContain('6 → 7')
    expect(card).toContain('42.4 s')
    expect(card).toContain('`web=ghcr.io/acme/web:1.4.0`')
    expect(card).toContain('<https://github.com/acme/web/actions/runs/42|deploy #17>')
    expect(card).toContain('by octo-dev')
    expect(run.summary).toContain('Slack: message posted')
    expectNoSecrets(run)
    expect(maskedValues(run)).toEqual(expect.arrayContaining([slack.webhookUrl, slack.webhookUrl.split('/').pop()]))
  })

  it('update-ts with a webhook is an input error that says a bot token is needed', async () => {
    const run = await viaWebhook({ 'update-ts': '1700000001.000001' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::"update-ts" needs "bot-token": an incoming webhook can neither update a message')
    expect(slack.requests).toHaveLength(0)
    expect(run.outputs.ok).toBe('false')
    expectNoSecrets(run)
  })

  it('a revoked webhook (404 no_service) is not retried, warns with what to do and leaves the job green', async () => {
    const run = await notify({ 'webhook-url': slack.webhookUrl.replace(/[^/]+$/, 'revokedSecret0000000'), text: 'hello' })
    expect(run.exitCode).toBe(0)
    expect(slack.requests).toHaveLength(1)
    expect(run.outputs.ok).toBe('false')
    expect(run.outputs.error).toContain('HTTP 404 no_service')
    expect(run.stdout).toMatch(
      new RegExp(
        String.raw`::warning::Slack the incoming webhook failed after 1 attempt\(s\) \(HTTP 404 no_service\): retrying cannot help\.` +
          String.raw`%0AWhat to do: the webhook URL is no longer valid`
      )
    )
    expect(visibleText(run)).not.toContain('revokedSecret0000000')
  })

  it("no webhook and no token (a fork's pull request): warns, sends nothing, ok=false", async () => {
    const run = await notify({ text: 'hello' })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('::warning::Nothing sent')
    expect(run.outputs.ok).toBe('false')
  })

  it('a URL that is not https is refused without printing it', async () => {
    const run = await notify({ 'webhook-url': 'http://hooks.example.com/services/T/B/notPrintedSecret0001', text: 'x' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::Input "webhook-url" must be an https:// URL.')
    expect(visibleText(run)).not.toContain('notPrintedSecret0001')
  })
})

describe('bot token: the deploy story in one message', () => {
  it('posts "Deploying" at the start, then updates that same message with the rollback', async () => {
    const start = await viaBot({ template: 'deploy', service: 'web', version: '1.4.0', environment: 'production' })
    expect(start.exitCode).toBe(0)
    expect(start.outputs.ok).toBe('true')
    expect(start.outputs.ts).toMatch(/^\d{10}\.\d{6}$/)
    expect(start.outputs.channel).toBe('C0DEPLOYS')
    expect(start.outputs['thread-ts']).toBe(start.outputs.ts)
    expect(slack.requests[0].path).toBe('/api/chat.postMessage')
    expect(slack.requests[0].headers.authorization).toBe(`Bearer ${slack.token}`)
    expect(lastBody().text).toBe(':rocket: Deploying web 1.4.0 to production')

    const end = await viaBot({
      template: 'deploy',
      service: 'web',
      version: '1.4.0',
      environment: 'production',
      channel: start.outputs.channel,
      'update-ts': start.outputs.ts,
      result: 'rolled-back',
      reason: 'crash-looping: container web restarted 3 times (CrashLoopBackOff)',
      'rollback-seconds': '2.9',
      'mention-on-failure': 'U0ONCALL1, S0SRETEAM'
    })
    expect(end.exitCode).toBe(0)
    expect(end.outputs).toMatchObject({ ok: 'true', ts: start.outputs.ts, channel: 'C0DEPLOYS' })
    expect(slack.requests[1].path).toBe('/api/chat.update')
    const message = slack.messages.get(start.outputs.ts)!
    expect(message.edits).toBe(1)
    expect(message.text).toBe(
      ':leftwards_arrow_with_hook: web 1.4.0 failed in production and was rolled back <@U0ONCALL1> <!subteam^S0SRETEAM>'
    )
    expect(message.attachments[0].color).toBe('#E8912D')
    const card = JSON.stringify(message.attachments)
    expect(card).toContain('crash-looping: container web restarted 3 times (CrashLoopBackOff)')
    expect(card).toContain('healthy again after 2.9 s')
    expect(end.summary).toContain('Slack: message updated')
    expectNoSecrets(start)
    expectNoSecrets(end)
    expect(maskedValues(end)).toContain(slack.token)
  })

  it('replies in a thread and says which thread', async () => {
    const root = await viaBot({ text: 'Release train 42 leaves' })
    const reply = await viaBot({ text: 'web is aboard', 'thread-ts': root.outputs.ts })
    expect(reply.outputs['thread-ts']).toBe(root.outputs.ts)
    expect(reply.outputs.ts).not.toBe(root.outputs.ts)
    expect(slack.messages.get(reply.outputs.ts)!.threadTs).toBe(root.outputs.ts)
    expect(lastBody().thread_ts).toBe(root.outputs.ts)
  })

  it('updating with the channel name instead of its ID: Slack says channel_not_found; the advice says what to pass', async () => {
    const posted = await viaBot({ text: 'first' })
    const run = await viaBot({ text: 'second', 'update-ts': posted.outputs.ts, channel: '#deploys', 'fail-on-error': 'true' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::Slack chat.update failed after 1 attempt(s) (ok: false, channel_not_found): retrying cannot help.%0AWhat to do: the ' +
        'channel does not exist or the app cannot see it'
    )
    expect(run.stdout).not.toContain('Unexpected error')
    expect(run.outputs.ok).toBe('false')
  })

  it.each([
    ['invalid_auth', 'the bot token was refused'],
    ['not_in_channel', 'invite it (/invite @your-app)'],
    ['missing_scope', 'Slack says the app needs the scope chat:write']
  ])('%s is not retried and is explained', async (code, advice) => {
    slack.faults.push({ error: code, extra: code === 'missing_scope' ? { needed: 'chat:write', provided: 'channels:read' } : {} })
    const run = await viaBot({ text: 'x', retries: '3' })
    expect(slack.requests).toHaveLength(1)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.ok).toBe('false')
    expect(run.stdout).toContain(advice)
    expectNoSecrets(run)
  })

  it('a wrong token: invalid_auth from the stand-in itself, and the wrong token is masked', async () => {
    const wrong = ['xoxb', '9999999999', '8888888888', 'wrongTokenNotShown01'].join('-')
    const run = await notify({ 'bot-token': wrong, 'api-url': slack.apiUrl, channel: '#deploys', text: 'x' })
    expect(run.outputs.error).toContain('ok: false, invalid_auth')
    expect(visibleText(run)).not.toContain(wrong)
    expect(maskedValues(run)).toContain(wrong)
  })

  it("a Block Kit error from Slack is reported with Slack's own pointer", async () => {
    const payload = JSON.stringify({ text: 'x', blocks: [{ type: 'section', text: { type: 'markdown', text: 'bad type' } }] })
    const run = await viaBot({ payload })
    expect(run.outputs.ok).toBe('false')
    expect(run.stdout).toContain('Slack refused the message format')
    expect(run.stdout).toContain('[json-pointer:/blocks/0/text/type]')
  })
})

describe('retries', () => {
  const gaps = () => slack.requests.slice(1).map((r, i) => (r.at - slack.requests[i].at) / 1000)

  it('429 with Retry-After: waits what Slack asked, then delivers', async () => {
    slack.faults.push({ status: 429, retryAfter: '2' })
    const run = await viaBot({ text: 'after the rate limit' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.ok).toBe('true')
    expect(slack.requests).toHaveLength(2)
    const [gap] = gaps()
    process.stderr.write(`[slack-retry] Retry-After 2: retried after ${gap.toFixed(3)} s; the whole step took ${run.ms} ms\n`)
    expect(gap).toBeGreaterThanOrEqual(2)
    expect(gap).toBeLessThan(2.6)
    expect(run.stdout).toContain('Slack chat.postMessage: HTTP 429 ratelimited (Retry-After 2 s); retry 1 of 3 in 2.0 s')
    expect(run.summary).toMatch(/\| 1 \| HTTP 429 ratelimited \(Retry-After 2 s\) \| [\d.]+ s \| 2\.0 s \|/)
  })

  it('5xx twice on the webhook: backs off 1 s then 2 s (plus at most 20 %), then delivers', async () => {
    slack.faults.push({ status: 500 }, { status: 503 })
    const run = await viaWebhook({ text: 'after the outage' })
    expect(run.outputs.ok).toBe('true')
    expect(slack.requests).toHaveLength(3)
    const [first, second] = gaps()
    // The waits the action chose, as it logs them (tenths of a second): 1 s and 2 s plus jitter.
    const planned = [...run.stdout.matchAll(/HTTP 50[03][^\n]*; retry \d of 3 in ([\d.]+) s/g)].map((m) => Number(m[1]))
    process.stderr.write(
      `[slack-retry] 5xx backoff: ${first.toFixed(3)} s, then ${second.toFixed(3)} s (planned ${planned.join(' s, ')} s)\n`
    )
    expect(planned).toHaveLength(2)
    expect(planned[0]).toBeGreaterThanOrEqual(1)
    expect(planned[0]).toBeLessThanOrEqual(1.2)
    expect(planned[1]).toBeGreaterThanOrEqual(2)
    expect(planned[1]).toBeLessThanOrEqual(2.4)
    // Measured between the requests' arrivals: never early (0.05 s is the log's rounding), and late
    // only by the time a request takes on a loaded machine.
    expect(first).toBeGreaterThanOrEqual(Math.max(1, planned[0] - 0.05))
    expect(first).toBeLessThan(planned[0] + 0.05 + 0.4)
    expect(second).toBeGreaterThanOrEqual(Math.max(2, planned[1] - 0.05))
    expect(second).toBeLessThan(planned[1] + 0.05 + 0.4)
  })

  it('a slow answer past the timeout is abandoned and retried', async () => {
    slack.faults.push({ delayMs: 3000 })
    const started = Date.now()
    const run = await viaBot({ text: 'slow', timeout: '1s' })
    expect(run.outputs.ok).toBe('true')
    expect(run.stdout).toContain('no answer within 1 s; retry 1 of 3')
    expect(slack.requests).toHaveLength(2)
    // 1 s timeout + about 1 s backoff: the 3 s answer was not waited for.
    expect(Date.now() - started).toBeLessThan(4500)
  })

  it('a dropped connection is retried', async () => {
    slack.faults.push({ drop: true })
    const run = await viaWebhook({ text: 'dropped' })
    expect(run.outputs.ok).toBe('true')
    expect(slack.requests).toHaveLength(2)
  })

  it('gives up after the retries, warns, and the job stays green', async () => {
    slack.faults.push({ status: 503 }, { status: 503 }, { status: 503 })
    const run = await viaWebhook({ text: 'down', retries: '2' })
    expect(run.exitCode).toBe(0)
    expect(slack.requests).toHaveLength(3)
    expect(run.outputs.ok).toBe('false')
    expect(run.stdout).toContain(
      '::warning::Slack the incoming webhook failed after 3 attempt(s) (HTTP 503 rollup_error; HTTP 503 rollup_error; HTTP 503 ' +
        'rollup_error): gave up after 2 retries.'
    )
    expect(run.summary).toContain('Slack: not delivered')
  })

  it('with fail-on-error the same outage fails the step with one line, no stack', async () => {
    slack.faults.push({ status: 503 }, { status: 503 })
    const run = await viaWebhook({ text: 'down', retries: '1', 'fail-on-error': 'true' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::Slack the incoming webhook failed after 2 attempt(s)')
    expect(run.stdout).not.toMatch(/at \S+ \(.*:\d+:\d+\)/)
    expect(run.outputs.ok).toBe('false')
  })

  it('a Retry-After longer than max-wait ends the retries at once', async () => {
    slack.faults.push({ status: 429, retryAfter: '120' })
    const started = Date.now()
    const run = await viaBot({ text: 'x' })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(slack.requests).toHaveLength(1)
    expect(run.outputs.error).toContain('Slack asked to wait 120 s, longer than 60 s')
  })

  it('nobody listening (connection refused): retried, then a warning', async () => {
    const closed = await startSlackStandIn()
    const url = closed.webhookUrl
    await closed.close()
    const run = await notify({ 'webhook-url': url, text: 'x', retries: '1' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.error).toContain('network error ECONNREFUSED; network error ECONNREFUSED')
  })
})

describe('templates and payloads', () => {
  it("security: the counts table from the gate's outputs (toJSON), with limits and the verdict", async () => {
    const gateOutputs = JSON.stringify({
      result: 'fail',
      critical: '1',
      high: '3',
      medium: '7',
      low: '0',
      info: '2',
      unknown: '0',
      total: '11',
      new: '11'
    })
    const run = await viaWebhook({
      template: 'security',
      counts: gateOutputs,
      limits: 'critical=0,high=5,medium=20,low=50',
      'mention-on-failure': 'here'
    })
    const body = lastBody()
    expect(body.text).toBe(':x: Security gates failed on main <!here>')
    const card = attachmentText(body)
    expect(card).toContain(
      '```severity  found  limit\\ncritical      1      0  over the limit\\nhigh          3      5\\nmedium        7     20\\n'
    )
    expect(card).toContain('*Over the limit:* 1 critical (at most 0 allowed)')
    expect(run.outputs.ok).toBe('true')
  })

  it("security from the real gate's summary-json: counts, limits, verdict and the most severe new findings", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sgw-slack-gate-'))
    const gate = await runAction('severity-gate', { cwd, inputs: { reports: fixture('reports', 'trivy-fs-all.json') } })
    expect(gate.outputs.result).toBe('fail')
    const run = await runAction('slack-notify', {
      cwd,
      inputs: { 'webhook-url': slack.webhookUrl, template: 'security', 'gate-report': join(cwd, gate.outputs['summary-json']) }
    })
    expect(run.outputs.ok).toBe('true')
    const body = lastBody()
    expect(body.text).toBe(':x: Security gates failed on main')
    const card = attachmentText(body)
    expect(card).toContain(`critical  ${gate.outputs.critical.padStart(5)}      0  over the limit`)
    expect(card).toContain(`*Over the limit:* ${gate.outputs.critical} critical (at most 0 allowed)`)
    expect(card).toContain(`*Most severe of ${gate.outputs.new} new*`)
    expect((card.match(/• \*critical\*/g) ?? []).length).toBe(Math.min(5, Number(gate.outputs.critical)))
  })

  it('release: a long changelog becomes mrkdwn, is cut to 25 lines with a link, and fits Slack', async () => {
    const changelog = [
      '## 2.0.0 (2026-11-24) ([compare](https://github.com/acme/web/compare/v1.9.0...v2.0.0))',
      '',
      '### Features',
      '',
      ...Array.from(
        { length: 60 },
        (_, i) =>
          `- **api:** feature number ${i} with a fairly long description ${'x'.repeat(80)} ` +
          `([abc${i}](https://github.com/acme/web/commit/abc${i}))`
      )
    ].join('\n')
    const run = await viaWebhook({
      template: 'release',
      version: '2.0.0',
      changelog,
      'release-url': 'https://github.com/acme/web/releases/tag/v2.0.0',
      tags: 'ghcr.io/acme/web:2.0.0\nghcr.io/acme/web:2'
    })
    expect(run.outputs.ok).toBe('true')
    const body = lastBody()
    expect(body.text).toBe(':white_check_mark: Released web 2.0.0')
    const card = attachmentText(body)
    expect(card).toContain('*2.0.0 (2026-11-24) (<https://github.com/acme/web/compare/v1.9.0...v2.0.0|compare>)*')
    expect(card).toContain('• *api:* feature number 0')
    expect(card).not.toContain('feature number 40')
    expect(card).toMatch(
      new RegExp(
        String.raw`more line\(s\) in the <https://github.com/acme/web/releases/tag/v2.0.0\|release notes>|` +
          'characters cut: Slack allows 3,000 in a section'
      )
    )
  })

  it('payload-file in YAML with placeholders from the status, inputs, env, github and the event', async () => {
    const file = join(work, 'payload.yml')
    writeFileSync(
      file,
      [
        'text: "{{ emoji }} {{ inputs.environment }} by {{ github.actor }}"',
        'blocks:',
        '  - type: section',
        '    text:',
        '      type: mrkdwn',
        '      text: "PR #{{ event.pull_request.number }}: {{ event.pull_request.title }} ({{ env.BUILD_ID }}) <{{ run_url }}|run>"'
      ].join('\n')
    )
    const run = await runAction('slack-notify', {
      inputs: { 'webhook-url': slack.webhookUrl, 'payload-file': file, status: 'failure', environment: 'staging' },
      env: { GITHUB_ACTOR: 'octo-dev', BUILD_ID: 'b-99' },
      eventName: 'pull_request',
      event: { pull_request: { number: 12, title: 'Fix "quotes" and {braces}', head: { sha: 'abc' } } }
    })
    expect(run.outputs.ok).toBe('true')
    const body = lastBody()
    expect(body.text).toBe(':x: staging by octo-dev')
    expect((body.blocks as { text: { text: string } }[])[0].text.text).toBe(
      'PR #12: Fix "quotes" and {braces} (b-99) <https://github.com/acme/web/actions/runs/42|run>'
    )
  })

  it("a payload with 60 blocks and a 5000-character section is cut to Slack's limits, saying so", async () => {
    const blocks = [
      { type: 'section', text: { type: 'mrkdwn', text: 'y'.repeat(5000) } },
      ...Array.from({ length: 59 }, (_, i) => ({ type: 'section', text: { type: 'mrkdwn', text: `line ${i}` } }))
    ]
    const run = await viaBot({ payload: JSON.stringify({ text: 'big', blocks }) })
    expect(run.outputs.ok).toBe('true')
    const body = lastBody()
    const sent = body.blocks as { type: string; text?: { text: string }; elements?: { text: string }[] }[]
    expect(sent).toHaveLength(50)
    expect(sent[0].text!.text.length).toBeLessThanOrEqual(3000)
    expect(sent[0].text!.text).toMatch(/more characters cut: Slack allows 3,000 in a section/)
    expect(sent[49].elements![0].text).toContain('11 more block(s) not shown')
    expect(run.stdout).toContain('::warning::Slack message cut to fit: 11 block(s) left out')
  })

  it('a payload that does not parse is an input error that says where', async () => {
    const run = await viaWebhook({ payload: '{\n  "text": "x",\n  "blocks": [ { "type": "section", } ]\n}' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::The "payload" input is not valid JSON \(line 3, column \d+\)/)
    expect(slack.requests).toHaveLength(0)
  })

  it('an unknown placeholder is an input error naming it and where it is', async () => {
    const run = await viaWebhook({ payload: JSON.stringify({ text: 'x {{ colour }}' }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::Unknown placeholder {{ colour }} at text; use status, emoji, color')
  })
})

describe('issue 13: every limit, no markup from untrusted text, masks only on secrets', () => {
  // What anyone who opens a pull request controls: its title and body.
  const title = 'Fix <!channel> <https://evil.example|click here> & friends'
  const prEvent = {
    pull_request: {
      number: 12,
      title,
      body: `${'Long description. '.repeat(200)}`,
      html_url: 'https://github.com/acme/web/pull/12',
      head: { sha: 'abc' }
    }
  }
  const fromPr = (inputs: Record<string, string>) =>
    runAction('slack-notify', {
      inputs: { 'bot-token': slack.token, 'api-url': slack.apiUrl, channel: '#deploys', ...inputs },
      env: { GITHUB_ACTOR: 'octo-dev' },
      eventName: 'pull_request',
      event: prEvent
    })

  it('a long context element and a long button are fitted, so Slack takes the message instead of answering invalid_blocks', async () => {
    const payload = {
      text: 'Review wanted',
      blocks: [
        { type: 'context', elements: [{ type: 'mrkdwn', text: '{{ event.pull_request.body }}' }] },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Review: {{ event.pull_request.title }} ({{ event.pull_request.html_url }})' },
              url: '{{ event.pull_request.html_url }}'
            }
          ]
        }
      ]
    }
    // Sent as it is, Slack (and the stand-in) would refuse it.
    const unfitted = JSON.parse(
      JSON.stringify(payload)
        .replace('{{ event.pull_request.body }}', prEvent.pull_request.body)
        .replace(/\{\{ event.pull_request.title \}\}/, title)
    )
    expect(blockKitProblems(unfitted)).toEqual([
      '/blocks/0/elements/0/text: must be less than 3001 characters',
      '/blocks/1/elements/0/text/text: must be less than 76 characters'
    ])
    const run = await fromPr({ payload: JSON.stringify(payload) })
    expect(run.outputs.ok).toBe('true')
    const body = lastBody()
    const blocks = body.blocks as { elements: { text: string | { text: string }; url?: string }[] }[]
    const context = blocks[0].elements[0].text as string
    expect(context.length).toBeLessThanOrEqual(3000)
    expect(context).toMatch(/more characters cut: Slack allows 3,000 in a context element\)_$/)
    const button = blocks[1].elements[0]
    expect((button.text as { text: string }).text).toHaveLength(75)
    expect((button.text as { text: string }).text).toMatch(/^Review: Fix <!channel> .*…$/)
    expect(button.url).toBe('https://github.com/acme/web/pull/12')
    expect(run.stdout).toContain(
      "::warning::Slack message cut to fit: blocks[1].elements[0].text.text: a button's text cut from 104 to Slack's 75 characters."
    )
    expect(run.stdout).toContain(
      "::warning::Slack message cut to fit: blocks[0].elements[0].text: a context element cut from 3,600 to Slack's 3,000 characters."
    )
  })

  it('a pull request title with <!channel>, a disguised link and & shows as text: nothing to ping, no link', async () => {
    const payload = {
      text: '{{ event.pull_request.title }}',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '{{ event.pull_request.title }}' } },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text:
              '<{{ event.pull_request.html_url }}|#{{ event.pull_request.number }}> {{ event.pull_request.title }} · {{ ' +
              'inputs.text }} {{ mentions }}'
          }
        }
      ],
      attachments: [{ color: '{{ color }}', text: 'by {{ github.actor }}: {{ event.pull_request.title }}' }]
    }
    const run = await fromPr({
      payload: JSON.stringify(payload),
      status: 'failure',
      text: '*Owner:* <https://wiki.example/web|web team>',
      'mention-on-failure': 'S0SRETEAM',
      'payload-unescaped-placeholders': 'inputs.text, env.NOPE'
    })
    expect(run.outputs.ok).toBe('true')
    const stored = slack.messages.get(run.outputs.ts)!
    const escaped = 'Fix &lt;!channel&gt; &lt;https://evil.example|click here&gt; &amp; friends'
    expect(stored.text).toBe(escaped)
    const [header, section] = stored.blocks as { text: { text: string } }[]
    // plain_text shows exactly what was typed; Slack does not read markup there.
    expect(header.text.text).toBe(title)
    expect(section.text.text).toBe(
      `<https://github.com/acme/web/pull/12|#12> ${escaped} · *Owner:* <https://wiki.example/web|web team> <!subteam^S0SRETEAM>`
    )
    expect(stored.attachments[0].text).toBe(`by octo-dev: ${escaped}`)
    // What Slack would act on: the payload's own link, the opted-in input's link and the mention; nothing from the title.
    expect(mrkdwnCommands(lastBody())).toEqual([
      '<https://github.com/acme/web/pull/12|#12>',
      '<https://wiki.example/web|web team>',
      '<!subteam^S0SRETEAM>'
    ])
    expect(run.stdout).toContain('::warning::"payload-unescaped-placeholders" names placeholders the payload does not use: env.NOPE.')
  })

  it('sgw notify --print escapes the same way', async () => {
    const printed = await runCli(['notify', '--print', '--payload', '{"text":"{{ inputs.title }}"}', '--title', '<!here> & co'], {
      env: { SLACK_WEBHOOK_URL: '', SLACK_BOT_TOKEN: '' }
    })
    expect(printed.exitCode).toBe(0)
    expect(JSON.parse(printed.stdout).text).toBe('&lt;!here&gt; &amp; co')
  })

  it('the webhook URL is masked whole, with its path and its secret; never a common word such as "services"', async () => {
    const run = await viaWebhook({ text: 'masks' })
    expect(run.outputs.ok).toBe('true')
    const secretPart = slack.webhookUrl.split('/').pop()!
    expect(maskedValues(run)).toEqual([slack.webhookUrl, secretPart, new URL(slack.webhookUrl).pathname])
    for (const word of ['services', 'T0STANDIN', 'B0STANDIN', '127.0.0.1']) expect(maskedValues(run)).not.toContain(word)
    expectNoSecrets(run)
  })
})

describe('sgw notify', () => {
  const runnerEnv = {
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_NUMBER: '17',
    GITHUB_ACTOR: 'octo-dev',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_SERVER_URL: 'https://github.com',
    SLACK_WEBHOOK_URL: '',
    SLACK_BOT_TOKEN: ''
  }
  const flags = [
    '--template',
    'deploy',
    '--environment',
    'production',
    '--images',
    'web=ghcr.io/acme/web:1.4.0',
    '--result',
    'failed',
    '--reason',
    'pods crash'
  ]

  it('--print shows exactly the message the action sends for the same inputs', async () => {
    const printed = await runCli(['notify', '--print', ...flags], { env: runnerEnv })
    expect(printed.exitCode).toBe(0)
    await viaWebhook({
      template: 'deploy',
      environment: 'production',
      images: 'web=ghcr.io/acme/web:1.4.0',
      result: 'failed',
      reason: 'pods crash'
    })
    expect(JSON.parse(printed.stdout)).toEqual(lastBody())
  })

  it('sends through SLACK_WEBHOOK_URL from the environment, and says where the secrets go', async () => {
    const sent = await runCli(['notify', '--text', 'from a laptop'], { env: { ...runnerEnv, SLACK_WEBHOOK_URL: slack.webhookUrl } })
    expect(sent.exitCode).toBe(0)
    expect(sent.stdout).toBe('delivered after 1 attempt(s)\n')
    expect(lastBody().text).toBe(':white_check_mark: deploy succeeded')
    const none = await runCli(['notify', '--text', 'x'], { env: runnerEnv })
    expect(none.exitCode).toBe(2)
    expect(none.stderr).toBe(
      'sgw notify: set SLACK_WEBHOOK_URL, or SLACK_BOT_TOKEN with --channel, in the environment; or use --print to see the message.\n'
    )
    const refused = await runCli(['notify', '--text', 'x', '--retries', '0'], {
      env: { ...runnerEnv, SLACK_WEBHOOK_URL: slack.webhookUrl.replace(/[^/]+$/, 'revokedSecret0000000') }
    })
    expect(refused.exitCode).toBe(1)
    expect(refused.stdout).toContain('HTTP 404 no_service')
  })
})
