// The Slack library without a network: limits, mrkdwn, payloads and placeholders, templates,
// input parsing, and the retry policy driven through a scripted fetch and a fake clock.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cutText, fitToSlackLimits, blockCount } from '../../actions/lib/slack/limits.js'
import { markdownToMrkdwn, excerpt } from '../../actions/lib/slack/mrkdwn.js'
import { fillPlaceholders, parsePayload } from '../../actions/lib/slack/payload.js'
import { buildMessage, headline, statusFromResult, STATUSES, type MessageSpec } from '../../actions/lib/slack/templates.js'
import { parseSeverityMap, readGateReport, versionFromImages } from '../../actions/lib/slack/facts.js'
import { deliver, SlackDeliveryError, type Destination } from '../../actions/lib/slack/transport.js'
import { parseFields, parseMentions, readDestination } from '../../actions/slack-notify/settings.js'
import type { SlackMessage } from '../../actions/lib/slack/blocks.js'
import { fakeClock, thrown } from '../helpers/unit.js'

const section = (text: string) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text } })

describe('cutText', () => {
  it('leaves text that fits alone', () => {
    expect(cutText('short', 10, 'x')).toEqual({ text: 'short', cut: 0 })
  })

  it('cuts to the limit with a note that counts what was cut', () => {
    const r = cutText('a'.repeat(5000), 3000, 'a section')
    expect(r.text.length).toBeLessThanOrEqual(3000)
    expect(r.text).toMatch(/\n… _\(\d{1},?\d{3} more characters cut: Slack allows 3,000 in a section\)_$/)
    expect(r.text.length - r.text.indexOf('\n…')).toBeLessThan(80)
    expect(r.cut + r.text.indexOf('\n…')).toBe(5000)
  })

  it('never splits a link, an entity or a surrogate pair, and closes a fence it cut open', () => {
    const link = `${'a'.repeat(2900)} <https://example.com/${'p'.repeat(80)}|label> tail ${'b'.repeat(200)}`
    expect(cutText(link, 3000, 's').text).not.toMatch(/<https:[^>]*\n/)
    const amp = `${'a'.repeat(2925)}&amp;${'b'.repeat(200)}`
    for (let max = 2990; max < 3000; max++) expect(cutText(amp, max, 's').text).not.toMatch(/&a?m?p?\n/)
    const emoji = '😀'.repeat(2000)
    const cut = cutText(emoji, 3000, 's').text
    expect(cut.split('\n')[0]).toMatch(/^(😀)+$/u)
    const fenced = '```\n' + 'line\n'.repeat(1000) + '```'
    const out = cutText(fenced, 3000, 's').text
    expect((out.match(/```/g) ?? []).length % 2).toBe(0)
  })
})

describe('fitToSlackLimits', () => {
  it('changes nothing in a message that fits', () => {
    const message: SlackMessage = { text: 'x', blocks: [section('a')], attachments: [{ color: '#000000', blocks: [section('b')] }] }
    expect(fitToSlackLimits(message)).toEqual({ message, notes: [] })
  })

  it('keeps 50 blocks across the top level and the attachments, the last one saying how many were left out', () => {
    const message: SlackMessage = {
      text: 'x',
      blocks: Array.from({ length: 30 }, (_, i) => section(`t${i}`)),
      attachments: [{ blocks: Array.from({ length: 30 }, (_, i) => section(`a${i}`)) }]
    }
    const { message: out, notes } = fitToSlackLimits(message)
    expect(blockCount(out)).toBe(50)
    expect(out.blocks).toHaveLength(30)
    expect(JSON.stringify(out.attachments![0].blocks!.at(-1))).toContain('11 more block(s) not shown')
    expect(notes).toEqual(['11 block(s) left out: Slack allows 50 in a message'])
  })

  it('cuts fields to ten, long fields, long headers and long context', () => {
    const message: SlackMessage = {
      text: 'x',
      blocks: [
        {
          type: 'section',
          fields: Array.from({ length: 12 }, (_, i) => ({ type: 'mrkdwn' as const, text: i === 0 ? 'f'.repeat(2500) : `f${i}` }))
        },
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(200) } },
        { type: 'context', elements: Array.from({ length: 12 }, () => ({ type: 'mrkdwn' as const, text: 'c' })) }
      ]
    }
    const { message: out, notes } = fitToSlackLimits(message)
    const [fields, head, ctx] = out.blocks as unknown as [
      { fields: { text: string }[] },
      { text: { text: string } },
      { elements: unknown[] }
    ]
    expect(fields.fields).toHaveLength(10)
    expect(fields.fields[0].text.length).toBeLessThanOrEqual(2000)
    expect(fields.fields[9].text).toBe('_… 3 more field(s) not shown_')
    expect(head.text.text).toHaveLength(150)
    expect(ctx.elements).toHaveLength(10)
    expect(notes).toHaveLength(4)
  })
})

describe('markdown to mrkdwn', () => {
  it("turns headings, bold, links and lists into Slack's dialect and escapes the rest", () => {
    const md = [
      '## 1.2.0 ([compare](https://x.test/c))',
      '',
      '### Features',
      '',
      '- **api:** add <thing> & more ([abc1234](https://x.test/commit/abc))',
      '  - nested',
      '```',
      '<raw> & `code`',
      '```'
    ].join('\n')
    expect(markdownToMrkdwn(md)).toBe(
      [
        '*1.2.0 (<https://x.test/c|compare>)*',
        '',
        '*Features*',
        '',
        '• *api:* add &lt;thing&gt; &amp; more (<https://x.test/commit/abc|abc1234>)',
        '    ◦ nested',
        '```',
        '&lt;raw&gt; &amp; `code`',
        '```'
      ].join('\n')
    )
  })

  it('keeps the first lines of an excerpt and closes an open fence', () => {
    expect(excerpt('a\nb\nc', 5, () => 'more')).toBe('a\nb\nc')
    expect(excerpt('```\n1\n2\n3\n```', 3, (n) => `+${n}`)).toBe('```\n1\n2\n```\n+2')
  })
})

describe('payloads', () => {
  it('reads JSON and YAML into a message', () => {
    expect(parsePayload('{"text":"hi"}', 'payload')).toEqual({ text: 'hi' })
    expect(parsePayload('text: hi\nblocks:\n  - type: divider\n', 'payload')).toEqual({ text: 'hi', blocks: [{ type: 'divider' }] })
  })

  it.each([
    ['{\n  "text": "x",\n  "blocks": [,]\n}', /not valid JSON \(line 3, column 14\)/],
    ['text: x\nblocks:\n  - type: section\n   bad: indent', /not valid YAML \(line 4, column \d+\)/],
    ['[1, 2]', /must be an object .* got a list/],
    ['{"channel": "C1"}', /has none of "text", "blocks" and "attachments"/],
    ['{"blocks": {"type": "section"}}', /"blocks" in the payload must be a list/],
    ['{"blocks": [{"text": "x"}]}', /blocks\[0\] in the payload has no "type"/],
    ['{"text": 5}', /"text" in the payload must be a string/],
    ['', /The payload is empty/]
  ])('refuses %j, saying where and why', (text, message) => {
    expect(thrown(() => parsePayload(text, 'payload')).message).toMatch(message)
  })

  const sources = {
    values: { status: 'failure', emoji: ':x:' },
    input: (n: string) => (n === 'environment' ? 'prod' : ''),
    env: { BUILD: '7' },
    github: { sha: 'abc' },
    event: { pull_request: { number: 3, labels: [{ name: 'x' }] } }
  }

  it('fills placeholders inside strings only, so a value cannot break the JSON', () => {
    const payload = {
      text: '{{emoji}} {{ inputs.environment }} #{{ event.pull_request.number }} {{env.BUILD}} {{ github.sha }}',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '{{ event.pull_request.labels }}' } }],
      '{{ status }}': 'key untouched'
    }
    const { message, empty } = fillPlaceholders(payload, { ...sources, env: { BUILD: '", "injected": "yes' } })
    expect(message.text).toBe(':x: prod #3 ", "injected": "yes abc')
    expect((message.blocks as { text: { text: string } }[])[0].text.text).toBe('[{"name":"x"}]')
    expect(message['{{ status }}']).toBe('key untouched')
    expect(message).not.toHaveProperty('injected')
    expect(empty).toEqual([])
  })

  it('records empty placeholders and refuses unknown ones with their place', () => {
    expect(fillPlaceholders({ text: '{{ env.NOPE }}{{ inputs.none }}' }, sources).empty).toEqual(['env.NOPE', 'inputs.none'])
    expect(thrown(() => fillPlaceholders({ blocks: [{ type: 'section', text: { text: '{{ colour }}' } }] }, sources)).message).toMatch(
      /Unknown placeholder \{\{ colour \}\} at blocks\[0\]\.text\.text; use status, emoji, inputs/
    )
  })
})

const run = {
  repository: 'acme/web',
  serverUrl: 'https://github.com',
  runId: '9',
  runNumber: '4',
  workflow: 'cd',
  ref: 'refs/heads/main',
  sha: 'f'.repeat(40),
  actor: 'dev'
}
const spec = (over: Partial<MessageSpec> = {}): MessageSpec => ({
  template: 'deploy',
  status: 'success',
  service: 'web',
  title: '',
  text: '',
  fields: [],
  mentions: ['<@U1>'],
  deploy: {
    environment: 'production',
    environmentUrl: '',
    version: '1.4.0',
    images: [],
    result: '',
    reason: 'pods crash',
    revision: '',
    previousRevision: '',
    durationSeconds: '',
    rollbackSeconds: ''
  },
  security: { result: '', counts: {}, limits: {}, approvals: [], topFindings: [] },
  release: { version: '2.0.0', changelog: '', releaseUrl: '', tags: [] },
  run,
  ...over
})

describe('templates', () => {
  it.each([
    ['deploy', 'started', 'Deploying web 1.4.0 to production'],
    ['deploy', 'success', 'Deployed web 1.4.0 to production'],
    ['deploy', 'failure', 'Deploy of web 1.4.0 to production failed'],
    ['deploy', 'rolled-back', 'web 1.4.0 failed in production and was rolled back'],
    ['deploy', 'needs-approval', 'web 1.4.0 waits for approval to deploy to production'],
    ['deploy', 'cancelled', 'Deploy of web 1.4.0 to production was cancelled'],
    ['security', 'needs-approval', 'Security gates on main need approval'],
    ['release', 'success', 'Released web 2.0.0'],
    ['custom', 'failure', 'cd failed']
  ])('%s / %s: "%s"', (template, status, text) => {
    expect(headline(spec({ template: template as MessageSpec['template'], status: status as MessageSpec['status'] }))).toBe(text)
  })

  it('mentions only on failure and rolled-back, and shows the reason then', () => {
    for (const status of STATUSES) {
      const m = buildMessage(spec({ status }))
      const shouldMention = status === 'failure' || status === 'rolled-back'
      expect([status, m.text.includes('<@U1>')]).toEqual([status, shouldMention])
      expect([status, JSON.stringify(m.attachments).includes('pods crash')]).toEqual([status, shouldMention])
    }
  })

  it('escapes names people typed, keeps the text input as mrkdwn, and splits many fields into sections of ten', () => {
    const m = buildMessage(
      spec({
        service: 'a<b>&c',
        text: '*bold* <https://x.test|link>',
        fields: Array.from({ length: 12 }, (_, i) => ({ label: `k${i}`, value: '<v>' }))
      })
    )
    expect(m.text).toBe(':white_check_mark: Deployed a&lt;b&gt;&amp;c 1.4.0 to production')
    const blocks = m.attachments![0].blocks as { type: string; text?: { text: string }; fields?: { text: string }[] }[]
    expect(blocks[0].text!.text).toBe('*bold* <https://x.test|link>')
    expect(blocks[1].fields).toHaveLength(10)
    expect(blocks[2].fields).toHaveLength(2)
    expect(blocks[1].fields![0].text).toBe('*k0*\n&lt;v&gt;')
  })

  it("derives the status from the other actions' results", () => {
    expect(['deployed', 'dry-run', 'rolled-back', 'failed', ''].map((r) => statusFromResult('deploy', r))).toEqual([
      'success',
      'success',
      'rolled-back',
      'failure',
      'started'
    ])
    expect(['pass', 'needs-approval', 'fail', '', 'weird'].map((r) => statusFromResult('security', r))).toEqual([
      'success',
      'needs-approval',
      'failure',
      'success',
      'failure'
    ])
  })
})

describe('inputs', () => {
  it('formats mentions and refuses names, which would not notify', () => {
    expect(parseMentions('U0ABC, @W0DEF\nS0GRP, here, !channel, <@U0X>')).toEqual([
      '<@U0ABC>',
      '<@W0DEF>',
      '<!subteam^S0GRP>',
      '<!here>',
      '<!channel>',
      '<@U0X>'
    ])
    expect(thrown(() => parseMentions('@alice')).message).toMatch(/takes member IDs .* got "@alice"/)
  })

  it('reads "Label: value" fields', () => {
    expect(parseFields('Region: eu-west-1\nCommit: abc: def\n')).toEqual([
      { label: 'Region', value: 'eu-west-1' },
      { label: 'Commit', value: 'abc: def' }
    ])
    expect(thrown(() => parseFields('no colon')).message).toMatch(/"Label: value" lines/)
  })

  it("reads counts as pairs or as toJSON of the gate's outputs", () => {
    expect(parseSeverityMap('counts', 'critical=1, high=2', false).values).toEqual({ critical: 1, high: 2 })
    expect(parseSeverityMap('counts', '{"result":"fail","critical":"1","total":"3"}', false)).toEqual({
      values: { critical: 1 },
      extra: { result: 'fail', total: '3' }
    })
    expect(parseSeverityMap('limits', 'critical=0,high=none', true).values).toEqual({ critical: 0, high: null })
    expect(thrown(() => parseSeverityMap('counts', 'critical=many', false)).message).toMatch(/critical must be a whole number/)
  })

  it('refuses a count that is a list or an object instead of crashing on it', () => {
    expect(thrown(() => parseSeverityMap('counts', '{"critical":{"toString":""}}', false)).message).toMatch(
      /Input "counts": "critical" must be a number or a string, got an object/
    )
    expect(thrown(() => parseSeverityMap('limits', '{"high":[5]}', true)).message).toMatch(
      /"high" must be a number or a string, got a list/
    )
  })

  it('reads a gate report field by field: wrong types give fewer facts, never a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sgw-gate-report-'))
    const file = join(dir, 'security-summary.json')
    writeFileSync(
      file,
      JSON.stringify({
        result: { toString: '' },
        counts: { critical: 2, high: '3', medium: -1, low: { toString: '' } },
        thresholds: { critical: 0, high: null, medium: 'x' },
        approvals: [null, { severity: 'high', count: 3 }, { severity: { toString: '' }, count: 1 }],
        new: 'many',
        findings: [
          null,
          'text',
          { status: 'new', severity: 'high', ruleId: { toString: '' }, title: ['x'], location: { file: 'a.tf', line: { toString: '' } } },
          { status: 'new', severity: 'critical', ruleId: 'CVE-1', title: 'bad', location: { package: 'lib', installedVersion: '1.0' } },
          { status: 'baseline', severity: 'critical', ruleId: 'OLD' }
        ]
      })
    )
    expect(readGateReport(file, 'gate-report')).toEqual({
      result: '',
      counts: { critical: 2 },
      limits: { critical: 0, high: null },
      approvals: [{ severity: 'high', count: 3 }],
      topFindings: ['*critical* `CVE-1` bad (lib 1.0)', '*high* `?`  (a.tf)'],
      newCount: undefined
    })
    writeFileSync(file, '{"counts":null}')
    expect(thrown(() => readGateReport(file, 'gate-report')).message).toMatch(/is not a security summary \(no "counts" object\)/)
    writeFileSync(file, '[]')
    expect(thrown(() => readGateReport(file, 'gate-report')).message).toMatch(/is not a security summary/)
    rmSync(dir, { recursive: true, force: true })
  })

  it('takes the version from the first image tag, not from a digest', () => {
    expect(versionFromImages(['web=ghcr.io/acme/web:1.4.0'])).toBe('1.4.0')
    expect(versionFromImages(['localhost:5000/web:2.0.0-rc.1'])).toBe('2.0.0-rc.1')
    expect(versionFromImages(['localhost:5000/web'])).toBe('')
    expect(versionFromImages(['web=ghcr.io/acme/web@sha256:' + 'a'.repeat(64)])).toBe('')
  })

  const get = (values: Record<string, string>) => (name: string) => values[name] ?? ''

  it('chooses the destination and never echoes a secret in its errors', () => {
    expect(readDestination(get({ 'webhook-url': 'https://hooks.slack.com/services/T/B/secret' }))).toEqual({
      kind: 'webhook',
      url: 'https://hooks.slack.com/services/T/B/secret'
    })
    expect(readDestination(get({ 'bot-token': 'xoxb-1', channel: 'C1' }))).toEqual({
      kind: 'api',
      token: 'xoxb-1',
      apiUrl: 'https://slack.com/api',
      channel: 'C1',
      updateTs: '',
      threadTs: ''
    })
    expect(thrown(() => readDestination(get({ 'webhook-url': 'not a url secretvalue' }))).message).toBe(
      'Input "webhook-url" is not a URL (its value is not shown: it is a secret).'
    )
    expect(thrown(() => readDestination(get({ 'bot-token': 'xoxb-1' }))).message).toMatch(/"channel" is required with "bot-token"/)
    expect(thrown(() => readDestination(get({ 'bot-token': 'xoxb-1', channel: 'C1', 'update-ts': 'yesterday' }))).message).toMatch(
      /"update-ts" must be a Slack message ts/
    )
    expect(thrown(() => readDestination(get({ 'bot-token': 'xoxb-1', 'webhook-url': 'https://h' }))).message).toMatch(/not both/)
  })
})

describe('delivery and retries (scripted fetch, fake clock)', () => {
  type Script = (() => Response | Promise<Response>)[]
  const webhook: Destination = { kind: 'webhook', url: 'https://hooks.slack.test/services/T/B/s' }
  const api: Destination = { kind: 'api', token: 't', apiUrl: 'https://slack.test/api/', channel: '#d', updateTs: '', threadTs: '' }
  const message = { text: 'x' }

  function setup(script: Script, random = 0) {
    const clock = fakeClock()
    const calls: { url: string; init: RequestInit }[] = []
    const fetchFn = (async (url: string, init: RequestInit) => {
      calls.push({ url, init })
      const next = script.shift()
      if (!next) throw new Error('script ran out')
      return next()
    }) as unknown as typeof fetch
    return {
      clock,
      calls,
      options: { retries: 3, timeoutMs: 1000, maxWaitMs: 60_000, fetch: fetchFn, sleep: clock.sleep, now: clock.now, random: () => random }
    }
  }
  const ok = () => new Response('ok', { status: 200 })
  const status =
    (s: number, headers: Record<string, string> = {}, body = '') =>
    () =>
      new Response(body, { status: s, headers })
  const apiJson = (body: unknown) => () =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })

  it('backs off 1 s, 2 s, 4 s on 5xx (no jitter when random is 0) and 20 % more at most', async () => {
    const a = setup([status(500), status(502), status(503), ok])
    const r = await deliver(webhook, message, a.options)
    expect(a.clock.sleeps).toEqual([1000, 2000, 4000])
    expect(r.attempts.map((x) => x.outcome)).toEqual(['HTTP 500', 'HTTP 502', 'HTTP 503', 'ok'])
    const b = setup([status(500), status(500), ok], 0.999)
    await deliver(webhook, message, b.options)
    expect(b.clock.sleeps).toEqual([1200, 2400])
  })

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const a = setup([status(429, { 'retry-after': '3' }), ok])
    await deliver(webhook, message, a.options)
    expect(a.clock.sleeps).toEqual([3000])
    const later = new Date(5000).toUTCString()
    const c = setup([status(429, { 'retry-after': later }), ok])
    await deliver(webhook, message, c.options)
    expect(c.clock.sleeps[0]).toBeGreaterThan(4000)
    expect(c.clock.sleeps[0]).toBeLessThanOrEqual(5000)
  })

  it("does not retry what cannot succeed, and retries Slack's transient error codes", async () => {
    const a = setup([apiJson({ ok: false, error: 'channel_not_found' })])
    const error = await deliver(api, message, a.options).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SlackDeliveryError)
    expect((error as SlackDeliveryError).permanent).toBe(true)
    expect(a.calls).toHaveLength(1)
    const b = setup([apiJson({ ok: false, error: 'internal_error' }), apiJson({ ok: true, ts: '1.2', channel: 'C9' })])
    const r = await deliver(api, message, b.options)
    expect(r).toMatchObject({ ts: '1.2', channel: 'C9', threadTs: '1.2' })
    expect(b.calls[1].url).toBe('https://slack.test/api/chat.postMessage')
    expect(JSON.parse(String(b.calls[1].init.body))).toEqual({ text: 'x', channel: '#d' })
    expect((b.calls[1].init.headers as Record<string, string>).Authorization).toBe('Bearer t')
  })

  it('treats a timeout and a network error as transient', async () => {
    const timeout = () => Promise.reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))
    const refused = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }))
    const a = setup([timeout, refused, ok])
    const r = await deliver(webhook, message, a.options)
    expect(r.attempts.map((x) => x.outcome)).toEqual(['no answer within 1 s', 'network error ECONNRESET', 'ok'])
  })

  it('a redirect or a non-JSON 200 from the Web API is a configuration problem, not retried', async () => {
    await expect(deliver(webhook, message, setup([status(302, { location: 'https://x' })]).options)).rejects.toThrow(/HTTP 302 redirect/)
    await expect(deliver(api, message, setup([status(200, {}, '<html>')]).options)).rejects.toThrow(
      /api-url did not answer as Slack's Web API does/
    )
  })

  it('chat.update when update-ts is given, and the thread of a reply is the given thread', async () => {
    const a = setup([apiJson({ ok: true, ts: '5.5', channel: 'C1' })])
    await deliver({ ...api, channel: 'C1', updateTs: '5.5' } as Destination, message, a.options)
    expect(a.calls[0].url).toBe('https://slack.test/api/chat.update')
    expect(JSON.parse(String(a.calls[0].init.body))).toEqual({ text: 'x', channel: 'C1', ts: '5.5' })
    const b = setup([apiJson({ ok: true, ts: '6.6', channel: 'C1' })])
    const r = await deliver({ ...api, threadTs: '5.5' } as Destination, message, b.options)
    expect(r.threadTs).toBe('5.5')
    expect(JSON.parse(String(b.calls[0].init.body)).thread_ts).toBe('5.5')
  })
})
