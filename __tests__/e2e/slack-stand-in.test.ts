// The Slack stand-in is only worth its tests if it speaks Slack's protocol. Slack's own Node client
// (@slack/web-api) is run against it here: what it accepts as success, rate limiting and platform
// errors must be what the stand-in answers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ErrorCode, LogLevel, WebClient, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api'
import { blockKitProblems, startSlackStandIn, type SlackStandIn } from '../helpers/slack-api.js'

let slack: SlackStandIn
let client: WebClient
// The client logs Slack's response_metadata messages itself; the test reads them from the error.
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, setLevel: () => {}, getLevel: () => LogLevel.ERROR, setName: () => {} }

beforeAll(async () => {
  slack = await startSlackStandIn()
  client = new WebClient(slack.token, { slackApiUrl: `${slack.apiUrl}/`, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR, logger: quiet })
})
afterAll(async () => {
  await slack.close()
})

describe('the Slack stand-in, seen by Slack\'s own Web API client', () => {
  it('chat.postMessage then chat.update: ok, channel ID and ts as the client types them', async () => {
    const posted = await client.chat.postMessage({ channel: '#deploys', text: 'hello', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*hello*' } }] })
    expect(posted.ok).toBe(true)
    expect(posted.channel).toBe('C0DEPLOYS')
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/)
    const updated = await client.chat.update({ channel: posted.channel!, ts: posted.ts!, text: 'hello again' })
    expect(updated.ok).toBe(true)
    expect(slack.messages.get(posted.ts!)!.text).toBe('hello again')
    // The client sends the token as a bearer header, as slack-notify does.
    expect(slack.requests[0].headers.authorization).toBe(`Bearer ${slack.token}`)
  })

  it('429 with Retry-After is the client\'s rate-limited error with that delay', async () => {
    slack.faults.push({ status: 429, retryAfter: '7' })
    const error = (await client.chat.postMessage({ channel: '#deploys', text: 'x' }).catch((e: unknown) => e)) as WebAPIRateLimitedError
    expect(error.code).toBe(ErrorCode.RateLimitedError)
    expect(error.retryAfter).toBe(7)
  })

  it('ok: false is the client\'s platform error with Slack\'s error code', async () => {
    const error = (await client.chat.postMessage({ channel: 'C0NOWHERE', text: 'x' }).catch((e: unknown) => e)) as WebAPIPlatformError
    expect(error.code).toBe(ErrorCode.PlatformError)
    expect(error.data.error).toBe('channel_not_found')
    const wrong = new WebClient('xoxb-0-0-wrong', { slackApiUrl: `${slack.apiUrl}/`, retryConfig: { retries: 0 } })
    const auth = (await wrong.chat.postMessage({ channel: '#deploys', text: 'x' }).catch((e: unknown) => e)) as WebAPIPlatformError
    expect(auth.data.error).toBe('invalid_auth')
  })

  it('invalid blocks are refused with response_metadata messages, as Slack does', async () => {
    const error = (await client.chat.postMessage({ channel: '#deploys', text: 'x', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] }).catch((e: unknown) => e)) as WebAPIPlatformError
    expect(error.data.error).toBe('invalid_blocks')
    expect(error.data.response_metadata?.messages).toEqual(['[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]'])
  })

  it('the Block Kit checker catches each documented limit', () => {
    const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } })
    expect(blockKitProblems({ text: 'ok', blocks: [section('x'.repeat(3000))] })).toEqual([])
    expect(blockKitProblems({ blocks: [section('x'.repeat(3001))] })).toEqual(['/blocks/0/text/text: must be less than 3001 characters'])
    expect(blockKitProblems({ blocks: Array.from({ length: 30 }, () => section('a')), attachments: [{ blocks: Array.from({ length: 21 }, () => section('b')) }] })).toEqual(['/blocks: no more than 50 items allowed (got 51)'])
    expect(blockKitProblems({ blocks: [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }] })).toEqual(['/blocks/0/fields: no more than 10 items allowed'])
    expect(blockKitProblems({ blocks: [{ type: 'section', fields: [{ type: 'mrkdwn', text: 'f'.repeat(2001) }] }] })).toEqual(['/blocks/0/fields/0/text: must be less than 2001 characters'])
    expect(blockKitProblems({ blocks: [{ type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })) }] })).toEqual(['/blocks/0/elements: no more than 10 items allowed'])
    expect(blockKitProblems({ blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }] })).toEqual(['/blocks/0/text/type: must be plain_text'])
    expect(blockKitProblems({ blocks: [{ type: 'sektion' }] })).toEqual(['/blocks/0/type: unknown block type sektion'])
    expect(blockKitProblems({ attachments: [{ color: 'green', text: 'x' }] })).toEqual(['/attachments/0/color: not a colour'])
    expect(blockKitProblems({})).toEqual(['/: no text, blocks or attachments'])
  })
})
