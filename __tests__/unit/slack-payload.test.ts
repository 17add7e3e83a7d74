// Untrusted text cannot become markup: a payload's placeholder values (a pull request's title, a
// branch name) are escaped for where they land, so a title of "<!channel>" shows as text and
// pings nobody; only names the user lists in payload-unescaped-placeholders, and our own
// mentions, stay markup.
import { describe, expect, it } from '@jest/globals'
import { composeMessage } from '../../actions/lib/slack/compose.js'
import { escapeFor, fillPlaceholders, type LinkPart, type PlaceholderSources, type TextKind } from '../../actions/lib/slack/payload.js'
import type { MessageSpec } from '../../actions/lib/slack/templates.js'
import { readPayload } from '../../actions/slack-notify/settings.js'
import { mrkdwnCommands } from '../helpers/slack-api.js'
import { thrown } from '../helpers/unit.js'

const HOSTILE = 'Fix <!channel> <https://evil.example|click> & <@U0BOSS> &amp;'
const ESCAPED = 'Fix &lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; &lt;@U0BOSS&gt; &amp;amp;'

const sources = (over: Partial<PlaceholderSources> = {}): PlaceholderSources => ({
  values: { status: 'failure', mentions: '<@U0ONCALL> <!subteam^S0SRE>', run_url: 'https://github.com/acme/web/actions/runs/42' },
  input: (name) => ({ text: '*bold* <https://ok.example|ok>', environment: 'prod' })[name] ?? '',
  env: { NOTES: 'a & b' },
  github: { head_ref: 'feature/<!here>' },
  event: { pull_request: { title: HOSTILE, html_url: 'https://github.com/acme/web/pull/7', number: 7 } },
  ...over
})
const fill = (payload: Record<string, unknown>, over: Partial<PlaceholderSources> = {}) =>
  fillPlaceholders(payload, sources(over)).message as Record<string, any>

describe('a placeholder value in mrkdwn is escaped', () => {
  it.each([
    ['the top-level text', { text: '{{ event.pull_request.title }}' }, (m: any) => m.text],
    [
      'a mrkdwn section',
      { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'PR: {{ event.pull_request.title }}' } }] },
      (m: any) => m.blocks[0].text.text.slice(4)
    ],
    [
      'a section field',
      { blocks: [{ type: 'section', fields: [{ type: 'mrkdwn', text: '{{ event.pull_request.title }}' }] }] },
      (m: any) => m.blocks[0].fields[0].text
    ],
    [
      'a context element',
      { blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: '{{ event.pull_request.title }}' }] }] },
      (m: any) => m.blocks[0].elements[0].text
    ],
    [
      'a checkbox option (mrkdwn)',
      {
        blocks: [
          {
            type: 'actions',
            elements: [{ type: 'checkboxes', options: [{ text: { type: 'mrkdwn', text: '{{ event.pull_request.title }}' }, value: 'v' }] }]
          }
        ]
      },
      (m: any) => m.blocks[0].elements[0].options[0].text.text
    ],
    [
      'a confirm dialog text (mrkdwn)',
      {
        blocks: [
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                text: { type: 'plain_text', text: 'Go' },
                confirm: { text: { type: 'mrkdwn', text: '{{ event.pull_request.title }}' } }
              }
            ]
          }
        ]
      },
      (m: any) => m.blocks[0].elements[0].confirm.text.text
    ],
    ['a legacy attachment text', { attachments: [{ text: '{{ event.pull_request.title }}' }] }, (m: any) => m.attachments[0].text],
    [
      'a legacy attachment pretext',
      { attachments: [{ pretext: '{{ event.pull_request.title }}' }] },
      (m: any) => m.attachments[0].pretext
    ],
    [
      'a legacy attachment field value',
      { attachments: [{ fields: [{ title: 'PR', value: '{{ event.pull_request.title }}' }] }] },
      (m: any) => m.attachments[0].fields[0].value
    ],
    [
      'an attachment block',
      { attachments: [{ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '{{ event.pull_request.title }}' } }] }] },
      (m: any) => m.attachments[0].blocks[0].text.text
    ]
  ])('%s', (_, payload, read) => {
    const message = fill(payload)
    expect(read(message)).toBe(ESCAPED)
    // What Slack would act on: nothing from the title.
    expect(mrkdwnCommands(message)).toEqual([])
  })

  it('every source of values: inputs, env, github and the event', () => {
    const m = fill({ text: '{{ inputs.text }} | {{ env.NOTES }} | {{ github.head_ref }}' })
    expect(m.text).toBe('*bold* &lt;https://ok.example|ok&gt; | a &amp; b | feature/&lt;!here&gt;')
  })

  it('an object from the event is JSON, escaped too', () => {
    expect(fill({ text: '{{ event.pull_request }}' }, { event: { pull_request: { t: '<!channel>' } } }).text).toBe(
      '{"t":"&lt;!channel&gt;"}'
    )
  })
})

describe('links the payload writes keep working; values cannot bend them', () => {
  it('a value in a link target is percent-encoded where it could end the link or start a label', () => {
    const m = fill({ text: '<{{ event.pull_request.html_url }}|PR #{{ event.pull_request.number }}> <{{ run_url }}|run>' })
    expect(m.text).toBe('<https://github.com/acme/web/pull/7|PR #7> <https://github.com/acme/web/actions/runs/42|run>')
    const evil = fill(
      { text: '<{{ event.pull_request.html_url }}|PR>' },
      { event: { pull_request: { html_url: 'https://evil.example|<!channel> x' } } }
    )
    expect(evil.text).toBe('<https://evil.example%7C%3C!channel%3E%20x|PR>')
    expect(mrkdwnCommands(evil)).toEqual(['<https://evil.example%7C%3C!channel%3E%20x|PR>'])
  })

  it('a value at the very start of a link target cannot turn it into <!channel>, <@user> or <#channel>', () => {
    for (const [value, target] of [
      ['!channel', '%21channel'],
      ['@U0BOSS', '%40U0BOSS'],
      ['#C0GENERAL', '%23C0GENERAL']
    ]) {
      expect(fill({ text: '<{{ event.x }}|label>' }, { event: { x: value } }).text).toBe(`<${target}|label>`)
    }
  })

  it('a value in a link label is escaped as text', () => {
    expect(fill({ text: '<{{ run_url }}|{{ event.pull_request.title }}>' }).text).toBe(
      `<https://github.com/acme/web/actions/runs/42|${ESCAPED}>`
    )
  })

  it('a markdown block: markdown punctuation escaped with backslashes, link targets encoded', () => {
    const m = fill(
      { blocks: [{ type: 'markdown', text: '**{{ event.t }}** [open]({{ event.u }})' }] },
      { event: { t: '[click](https://evil.example) *x* <!here>', u: 'https://x.example/a b)c' } }
    )
    expect(m.blocks[0].text).toBe('**\\[click\\]\\(https://evil.example\\) \\*x\\* \\<\\!here\\>** [open](https://x.example/a%20b%29c)')
  })
})

describe('strings Slack shows as they are get the value as it is', () => {
  it.each([
    [
      'a plain_text header',
      { blocks: [{ type: 'header', text: { type: 'plain_text', text: '{{ event.pull_request.title }}' } }] },
      (m: any) => m.blocks[0].text.text,
      HOSTILE
    ],
    [
      'a button text (plain_text)',
      {
        blocks: [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: '{{ event.pull_request.title }}' } }] }]
      },
      (m: any) => m.blocks[0].elements[0].text.text,
      HOSTILE
    ],
    [
      'a button URL',
      {
        blocks: [
          {
            type: 'actions',
            elements: [{ type: 'button', text: { type: 'plain_text', text: 'Go' }, url: '{{ event.u }}', value: '{{ event.u }}' }]
          }
        ]
      },
      (m: any) => [m.blocks[0].elements[0].url, m.blocks[0].elements[0].value],
      ['https://x.example/?a=1&b=2', 'https://x.example/?a=1&b=2']
    ],
    [
      'an image alt_text and URL',
      { blocks: [{ type: 'image', image_url: '{{ event.u }}', alt_text: '{{ event.pull_request.title }}' }] },
      (m: any) => [m.blocks[0].image_url, m.blocks[0].alt_text],
      ['https://x.example/?a=1&b=2', HOSTILE]
    ],
    [
      'rich text',
      {
        blocks: [
          {
            type: 'rich_text',
            elements: [
              {
                type: 'rich_text_section',
                elements: [
                  { type: 'text', text: '{{ event.pull_request.title }}' },
                  { type: 'link', url: '{{ event.u }}', text: '{{ event.pull_request.title }}' }
                ]
              }
            ]
          }
        ]
      },
      (m: any) => [m.blocks[0].elements[0].elements[0].text, m.blocks[0].elements[0].elements[1].url],
      [HOSTILE, 'https://x.example/?a=1&b=2']
    ],
    [
      'an attachment fallback and title_link',
      { attachments: [{ fallback: '{{ event.pull_request.title }}', title_link: '{{ event.u }}' }] },
      (m: any) => [m.attachments[0].fallback, m.attachments[0].title_link],
      [HOSTILE, 'https://x.example/?a=1&b=2']
    ]
  ])('%s', (_, payload, read, expected) => {
    const message = fill(payload, { event: { pull_request: { title: HOSTILE }, u: 'https://x.example/?a=1&b=2' } })
    expect(read(message)).toEqual(expected)
  })
})

describe('raw values only by an explicit opt-in', () => {
  it('names listed as unescaped are inserted as given; mentions are our own markup', () => {
    const m = fill(
      { text: '{{ inputs.text }} {{ mentions }} {{ event.pull_request.title }}' },
      { unescaped: new Set(['inputs.text', 'mentions']) }
    )
    expect(m.text).toBe(`*bold* <https://ok.example|ok> <@U0ONCALL> <!subteam^S0SRE> ${ESCAPED}`)
  })

  it('compose: mentions always stay markup, the user list adds to them, and an unused name is reported', () => {
    const spec = {
      template: 'custom',
      status: 'failure',
      service: 'web',
      title: '',
      text: '',
      fields: [],
      mentions: ['<@U0ONCALL>'],
      run: {
        repository: 'acme/web',
        serverUrl: 'https://github.com',
        runId: '1',
        runNumber: '1',
        workflow: 'cd',
        ref: '',
        sha: '',
        actor: ''
      }
    } as unknown as MessageSpec
    const { input, env, github, event } = sources()
    const composed = composeMessage(spec, {
      message: { text: '{{ mentions }} {{ inputs.text }} {{ event.pull_request.title }}' },
      sources: { input, env, github, event },
      unescaped: ['inputs.text', 'env.NOTEZ']
    })
    expect(composed.message.text).toBe(`<@U0ONCALL> *bold* <https://ok.example|ok> ${ESCAPED}`)
    expect(composed.unusedUnescaped).toEqual(['env.NOTEZ'])
  })

  it('payload-unescaped-placeholders: names (with or without braces), checked, and only with a payload', () => {
    const get = (values: Record<string, string>) => (name: string) => values[name] ?? ''
    expect(
      readPayload(get({ payload: '{"text":"x"}', 'payload-unescaped-placeholders': 'inputs.text, {{ env.NOTES }}\nmentions' }))?.unescaped
    ).toEqual(['inputs.text', 'env.NOTES', 'mentions'])
    expect(readPayload(get({ payload: '{"text":"x"}' }))?.unescaped).toEqual([])
    expect(thrown(() => readPayload(get({ payload: '{"text":"x"}', 'payload-unescaped-placeholders': 'inputs.text; rm' }))).message).toBe(
      'Input "payload-unescaped-placeholders" takes placeholder names such as inputs.text or env.NOTES, got "inputs.text; rm".'
    )
    expect(thrown(() => readPayload(get({ 'payload-unescaped-placeholders': 'inputs.text' }))).message).toBe(
      'Input "payload-unescaped-placeholders" applies to "payload" or "payload-file"; set one, or remove it.'
    )
  })
})

describe('escapeFor', () => {
  const cases: [string, TextKind, LinkPart, string][] = [
    ['a & <b> c', 'mrkdwn', 'text', 'a &amp; &lt;b&gt; c'],
    ['a & <b> c', 'literal', 'text', 'a & <b> c'],
    ['a|b <c> d', 'mrkdwn', 'target', 'a%7Cb%20%3Cc%3E%20d'],
    ['https://x.test/?q=1&r=2', 'mrkdwn', 'target', 'https://x.test/?q=1&r=2'],
    ['!here', 'mrkdwn', 'target-start', '%21here'],
    ['a|b', 'mrkdwn', 'label', 'a|b'],
    ['*_~`#', 'markdown', 'text', '\\*\\_\\~\\`\\#']
  ]
  it.each(cases)('%j in %s (%s) gives %j', (value, kind, part, expected) => {
    expect(escapeFor(value, kind, part)).toBe(expected)
  })
})
