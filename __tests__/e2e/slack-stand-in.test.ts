// The Slack stand-in is only worth its tests if it speaks Slack's protocol. Slack's own Node client
// (@slack/web-api) is run against it here: what it accepts as success, rate limiting and platform
// errors must be what the stand-in answers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ErrorCode, LogLevel, WebClient, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api'
import { blockKitProblems, mrkdwnCommands, startSlackStandIn, type SlackStandIn } from '../helpers/slack-api.js'

let slack: SlackStandIn
let client: WebClient
// The client logs Slack's response_metadata messages itself; the test reads them from the error.
const quiet = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {}
}

beforeAll(async () => {
  slack = await startSlackStandIn()
  client = new WebClient(slack.token, {
    slackApiUrl: `${slack.apiUrl}/`,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
    logger: quiet
  })
})
afterAll(async () => {
  await slack.close()
})

describe("the Slack stand-in, seen by Slack's own Web API client", () => {
  it('chat.postMessage then chat.update: ok, channel ID and ts as the client types them', async () => {
    const posted = await client.chat.postMessage({
      channel: '#deploys',
      text: 'hello',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*hello*' } }]
    })
    expect(posted.ok).toBe(true)
    expect(posted.channel).toBe('C0DEPLOYS')
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/)
    const updated = await client.chat.update({ channel: posted.channel!, ts: posted.ts!, text: 'hello again' })
    expect(updated.ok).toBe(true)
    expect(slack.messages.get(posted.ts!)!.text).toBe('hello again')
    // The client sends the token as a bearer header, as slack-notify does.
    expect(slack.requests[0].headers.authorization).toBe(`Bearer ${slack.token}`)
  })

  it("429 with Retry-After is the client's rate-limited error with that delay", async () => {
    slack.faults.push({ status: 429, retryAfter: '7' })
    const error = (await client.chat.postMessage({ channel: '#deploys', text: 'x' }).catch((e: unknown) => e)) as WebAPIRateLimitedError
    expect(error.code).toBe(ErrorCode.RateLimitedError)
    expect(error.retryAfter).toBe(7)
  })

  it("ok: false is the client's platform error with Slack's error code", async () => {
    const error = (await client.chat.postMessage({ channel: 'C0NOWHERE', text: 'x' }).catch((e: unknown) => e)) as WebAPIPlatformError
    expect(error.code).toBe(ErrorCode.PlatformError)
    expect(error.data.error).toBe('channel_not_found')
    const wrong = new WebClient('xoxb-0-0-wrong', { slackApiUrl: `${slack.apiUrl}/`, retryConfig: { retries: 0 } })
    const auth = (await wrong.chat.postMessage({ channel: '#deploys', text: 'x' }).catch((e: unknown) => e)) as WebAPIPlatformError
    expect(auth.data.error).toBe('invalid_auth')
  })

  it('invalid blocks are refused with response_metadata messages, as Slack does', async () => {
    const error = (await client.chat
      .postMessage({ channel: '#deploys', text: 'x', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] })
      .catch((e: unknown) => e)) as WebAPIPlatformError
    expect(error.data.error).toBe('invalid_blocks')
    expect(error.data.response_metadata?.messages).toEqual(['[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]'])
  })

  it('the Block Kit checker catches each documented limit', () => {
    const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } })
    expect(blockKitProblems({ text: 'ok', blocks: [section('x'.repeat(3000))] })).toEqual([])
    expect(blockKitProblems({ blocks: [section('x'.repeat(3001))] })).toEqual(['/blocks/0/text/text: must be less than 3001 characters'])
    expect(
      blockKitProblems({
        blocks: Array.from({ length: 30 }, () => section('a')),
        attachments: [{ blocks: Array.from({ length: 21 }, () => section('b')) }]
      })
    ).toEqual(['/blocks: no more than 50 items allowed (got 51)'])
    expect(
      blockKitProblems({ blocks: [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }] })
    ).toEqual(['/blocks/0/fields: no more than 10 items allowed'])
    expect(blockKitProblems({ blocks: [{ type: 'section', fields: [{ type: 'mrkdwn', text: 'f'.repeat(2001) }] }] })).toEqual([
      '/blocks/0/fields/0/text: must be less than 2001 characters'
    ])
    expect(
      blockKitProblems({ blocks: [{ type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })) }] })
    ).toEqual(['/blocks/0/elements: no more than 10 items allowed'])
    expect(blockKitProblems({ blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }] })).toEqual([
      '/blocks/0/text/type: must be plain_text'
    ])
    expect(blockKitProblems({ blocks: [{ type: 'sektion' }] })).toEqual(['/blocks/0/type: unknown block type sektion'])
    expect(blockKitProblems({ attachments: [{ color: 'green', text: 'x' }] })).toEqual(['/attachments/0/color: not a colour'])
    expect(blockKitProblems({})).toEqual(['/: no text, blocks or attachments'])
  })

  it('the checker catches the limits of elements and composition objects too, at any depth', () => {
    const plain = (n: number) => ({ type: 'plain_text', text: 'x'.repeat(n) })
    const option = (text: number, value = 1) => ({ text: plain(text), value: 'v'.repeat(value) })
    const cases: [unknown, string[]][] = [
      [
        { type: 'actions', elements: [{ type: 'button', text: plain(76), accessibility_label: 'a'.repeat(76) }] },
        [
          '/blocks/0/elements/0/text/text: must be less than 76 characters',
          '/blocks/0/elements/0/accessibility_label: must be less than 76 characters'
        ]
      ],
      [
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: 'c'.repeat(3001) },
            { type: 'image', image_url: 'https://x.test/i.png', alt_text: 'a'.repeat(2001) }
          ]
        },
        [
          '/blocks/0/elements/0/text: must be less than 3001 characters',
          '/blocks/0/elements/1/alt_text: must be less than 2001 characters'
        ]
      ],
      [
        { type: 'section', text: plain(1), accessory: { type: 'overflow', options: Array.from({ length: 6 }, () => option(1)) } },
        ['/blocks/0/accessory/options: no more than 5 items allowed']
      ],
      [
        {
          type: 'actions',
          elements: [{ type: 'static_select', placeholder: plain(151), option_groups: [{ label: plain(76), options: [option(76, 76)] }] }]
        },
        [
          '/blocks/0/elements/0/placeholder/text: must be less than 151 characters',
          '/blocks/0/elements/0/option_groups/0/label/text: must be less than 76 characters',
          '/blocks/0/elements/0/option_groups/0/options/0/text/text: must be less than 76 characters',
          '/blocks/0/elements/0/option_groups/0/options/0/value: must be less than 76 characters'
        ]
      ],
      [
        {
          type: 'actions',
          elements: [
            { type: 'button', text: plain(1), confirm: { title: plain(101), text: plain(301), confirm: plain(31), deny: plain(31) } }
          ]
        },
        [
          '/blocks/0/elements/0/confirm/title/text: must be less than 101 characters',
          '/blocks/0/elements/0/confirm/text/text: must be less than 301 characters',
          '/blocks/0/elements/0/confirm/confirm/text: must be less than 31 characters',
          '/blocks/0/elements/0/confirm/deny/text: must be less than 31 characters'
        ]
      ],
      [
        {
          type: 'video',
          video_url: 'https://v',
          thumbnail_url: 'https://t',
          alt_text: 'v',
          title: plain(200),
          author_name: 'a'.repeat(50)
        },
        ['/blocks/0/title/text: must be less than 200 characters', '/blocks/0/author_name: must be less than 50 characters']
      ],
      [
        { type: 'input', label: plain(1), element: { type: 'plain_text_input', max_length: 3001 } },
        ['/blocks/0/element/max_length: must be between 1 and 3000']
      ],
      [{ type: 'markdown', text: 'm'.repeat(12001) }, ['/blocks/0/text: must be less than 12001 characters']],
      [
        {
          type: 'container',
          title: plain(1),
          child_blocks: [
            { type: 'header', text: plain(1) },
            { type: 'image', image_url: 'https://x.test/i.png', alt_text: 'a', title: plain(2001) }
          ]
        },
        ['/blocks/0/child_blocks/1/title/text: must be less than 2001 characters']
      ],
      [
        { type: 'table', rows: [Array.from({ length: 21 }, () => ({ type: 'raw_text', text: 'c' }))] },
        ['/blocks/0/rows/0: no more than 20 items allowed']
      ]
    ]
    for (const [block, problems] of cases) expect(blockKitProblems({ blocks: [block] })).toEqual(problems)
    expect(blockKitProblems({ attachments: [{ footer: 'f'.repeat(301) }] })).toEqual([
      '/attachments/0/footer: must be less than 301 characters'
    ])
  })

  it("a long button reaches Slack's client as invalid_blocks with the pointer, as Slack answers", async () => {
    const blocks = [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'b'.repeat(76) } }] }]
    const error = (await client.chat
      .postMessage({ channel: '#deploys', text: 'x', blocks })
      .catch((e: unknown) => e)) as WebAPIPlatformError
    expect(error.data.error).toBe('invalid_blocks')
    expect(error.data.response_metadata?.messages).toEqual([
      '[ERROR] must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]'
    ])
  })

  it('mrkdwnCommands lists what Slack would act on: <!channel>, links, mentions in mrkdwn only', () => {
    const message = {
      text: 'hi <!channel> &lt;!here&gt;',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '<https://x.test|x> <@U1>' },
          fields: [{ type: 'plain_text', text: '<!everyone>' }]
        },
        { type: 'header', text: { type: 'plain_text', text: '<!channel>' } }
      ],
      attachments: [{ text: '<!here>', fallback: '<!channel>' }]
    }
    expect(mrkdwnCommands(message)).toEqual(['<!channel>', '<!here>', '<https://x.test|x>', '<@U1>'])
  })
})
