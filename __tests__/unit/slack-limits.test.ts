// Every Block Kit limit, each as a right value: the action's table against what @slack/types
// states, each kind of cut on each kind of field, and a message over every limit at once, fitted
// and then checked by the stand-in's own checker (written separately from Slack's reference).
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  ATTACHMENT,
  BLOCKS,
  COMPOSITION,
  ELEMENTS,
  TEXT_OBJECT_MAX,
  type Rule,
  type Shape
} from '../../actions/lib/slack/block-kit-limits.js'
import { fitToSlackLimits } from '../../actions/lib/slack/limits.js'
import type { SlackMessage } from '../../actions/lib/slack/blocks.js'
import { blockKitProblems } from '../helpers/slack-api.js'

const TYPES_DIR = join(process.cwd(), 'node_modules', '@slack', 'types', 'dist')

interface Stated {
  file: string
  iface: string
  type?: string
  prop: string
  max: number
  extends: string[]
}

/** The number a JSDoc comment states as a maximum ("Maximum length ... is 75", "less than 200",
 * "up to 5", "between 1 and 100", "Limited to 300"), or undefined. */
function statedMax(comment: string): number | undefined {
  // Sizes in pixels or kilobytes (an attachment's image) are not lengths.
  const text = comment
    .replace(/`/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\d+\s*(px|KB)\b/g, '')
  const less = /less than (\d[\d,]*)/i.exec(text)
  if (less) return Number(less[1].replace(/,/g, '')) - 1
  const between = /between \d+ and (\d+)/i.exec(text)
  if (between) return Number(between[1])
  const max = /(?:max(?:imum)?|up to|limited to|limit)\b[^.\d]*?(\d[\d,]*)/i.exec(text)
  return max ? Number(max[1].replace(/,/g, '')) : undefined
}

/** Every (interface, property, maximum) the @slack/types declaration files state in comments. */
function statedLimits(): Stated[] {
  const out: Stated[] = []
  for (const file of [
    'block-kit/blocks.d.ts',
    'block-kit/block-elements.d.ts',
    'block-kit/composition-objects.d.ts',
    'block-kit/extensions.d.ts',
    'message-attachments.d.ts'
  ]) {
    const lines = readFileSync(join(TYPES_DIR, file), 'utf8').split('\n')
    let iface = ''
    let ext: string[] = []
    let type: string | undefined
    let comment = ''
    let pending: Stated[] = []
    for (const line of lines) {
      const head =
        /^export (?:interface|type) (\w+)(?: extends ([\w, ]+))?/.exec(line) ?? /^interface (\w+)(?: extends ([\w, ]+))?/.exec(line)
      if (head) {
        out.push(...pending.map((s) => ({ ...s, type })))
        pending = []
        iface = head[1]
        ext = (head[2] ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
        type = undefined
        continue
      }
      const literal = /^ {4}type: '([\w-]+)';/.exec(line)
      if (literal) type = literal[1]
      if (/^\s*\/\*\*/.test(line)) comment = ''
      if (/^\s*\*/.test(line) || /^\s*\/\*\*/.test(line)) comment += ` ${line.replace(/^\s*\/?\*+\/?/, '')}`
      const prop = /^\s*(\w+)\??: /.exec(line)
      if (prop && comment) {
        const max = statedMax(comment)
        if (max !== undefined) pending.push({ file, iface, prop: prop[1], max, extends: ext })
        comment = ''
      }
    }
    out.push(...pending.map((s) => ({ ...s, type })))
  }
  return out
}

const ruleMax = (rule: Rule): number => (rule.kind === 'object' ? Number.NaN : rule.max)

/** The rules of the action's table that a stated limit is about. */
function rulesFor(s: Stated): Rule[] {
  const mixins: Record<string, (shape: Shape) => boolean> = {
    Block: (shape) => 'block_id' in shape,
    Action: (shape) => 'action_id' in shape,
    Placeholdable: (shape) => 'placeholder' in shape
  }
  const mixin = mixins[s.iface]
  if (mixin) {
    const table = s.iface === 'Block' ? BLOCKS : ELEMENTS
    return Object.values(table)
      .filter(mixin)
      .map((shape) => shape[s.prop])
  }
  const named: Record<string, Shape> = {
    ConfirmationDialog: COMPOSITION.confirm,
    Confirm: COMPOSITION.confirm,
    OptionDescriptor: COMPOSITION.option,
    MrkdwnOption: COMPOSITION.option,
    PlainTextOption: COMPOSITION.option,
    OptionGroup: COMPOSITION.option_group,
    MessageAttachment: ATTACHMENT,
    // positive_button / negative_button's own fields
    FeedbackButtons: COMPOSITION.feedback_button
  }
  if (s.iface === 'PlainTextElement' || s.iface === 'MrkdwnElement') return [{ kind: 'text', max: TEXT_OBJECT_MAX, what: 'a text object' }]
  const shape = named[s.iface] ?? (s.type ? (s.file.endsWith('blocks.d.ts') ? BLOCKS[s.type] : ELEMENTS[s.type]) : undefined)
  const rule = shape?.[s.prop]
  return rule ? [rule] : []
}

describe('the limit table against @slack/types 3.2', () => {
  const stated = statedLimits()

  it('finds the limits the declarations state (the parser reads them)', () => {
    const find = (iface: string, prop: string) => stated.find((s) => s.iface === iface && s.prop === prop)?.max
    expect([find('Button', 'text'), find('HeaderBlock', 'text'), find('VideoBlock', 'title'), find('VideoBlock', 'author_name')]).toEqual([
      75, 150, 199, 49
    ])
    expect([
      find('Overflow', 'options'),
      find('MarkdownBlock', 'text'),
      find('RichTextInput', 'max_lines'),
      find('MessageAttachment', 'footer')
    ]).toEqual([5, 12000, 100, 300])
    expect(stated.length).toBeGreaterThan(50)
  })

  it('has a rule for every stated limit, with that number or a stricter one', () => {
    const missing: string[] = []
    for (const s of stated) {
      // A multi-select's max_selected_items states a minimum only; data_table and min_value/max_value are numbers checked below.
      const rules = rulesFor(s)
      if (!rules.length || rules.some((r) => r === undefined)) missing.push(`${s.iface}.${s.prop} (at most ${s.max}): no rule`)
      else
        for (const r of rules)
          if (!(ruleMax(r) <= s.max)) missing.push(`${s.iface}.${s.prop}: table allows ${ruleMax(r)}, @slack/types ${s.max}`)
    }
    expect(missing).toEqual([])
  })

  it('holds the limits Slack states in the reference beyond the type comments', () => {
    const max = (shape: Shape, key: string) => ruleMax(shape[key])
    const each = (shape: Shape, key: string) => ruleMax((shape[key] as Extract<Rule, { kind: 'list' }>).each!)
    expect(each(BLOCKS.section, 'fields')).toBe(2000)
    expect(each(BLOCKS.table, 'rows')).toBe(20)
    expect(max(ELEMENTS.image, 'alt_text')).toBe(2000)
    expect(max(BLOCKS.image, 'image_url')).toBe(3000)
    expect(max(ELEMENTS.plain_text_input, 'max_length')).toBe(3000)
    expect(max(COMPOSITION.option, 'value')).toBe(75)
  })
})

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } })
const plain = (text: string) => ({ type: 'plain_text', text })
const option = (text: string, value = text.slice(0, 20)) => ({ text: plain(text), value })
const fit = (blocks: unknown[]) => {
  const r = fitToSlackLimits({ text: 'x', blocks } as SlackMessage)
  return { blocks: r.message.blocks as unknown as Record<string, any>[], notes: r.notes }
}

describe('each kind of field is fitted', () => {
  it('a button: text cut to 75 with an ellipsis, accessibility_label to 75, a too-long link left out', () => {
    const { blocks, notes } = fit([
      {
        type: 'actions',
        elements: [
          { type: 'button', text: plain('B'.repeat(100)), url: `https://x.test/${'p'.repeat(3000)}`, accessibility_label: 'a'.repeat(80) }
        ]
      }
    ])
    const button = blocks[0].elements[0]
    expect(button.text.text).toBe(`${'B'.repeat(74)}…`)
    expect(button.accessibility_label).toBe(`${'a'.repeat(74)}…`)
    expect(button).not.toHaveProperty('url')
    expect(notes).toEqual([
      "blocks[0].elements[0].text.text: a button's text cut from 100 to Slack's 75 characters",
      "blocks[0].elements[0].url: a button's link left out: 3,015 characters, Slack allows 3,000",
      "blocks[0].elements[0].accessibility_label: a button's accessibility_label cut from 80 to Slack's 75 characters"
    ])
  })

  it('a context element: 3,000 characters with the note in the text, mrkdwn links left whole', () => {
    const long = `${'c'.repeat(2950)} <https://x.test/${'q'.repeat(60)}|label> ${'d'.repeat(500)}`
    const { blocks, notes } = fit([{ type: 'context', elements: [{ type: 'mrkdwn', text: long }] }])
    const text: string = blocks[0].elements[0].text
    expect(text.length).toBeLessThanOrEqual(3000)
    expect(text).toMatch(/more characters cut: Slack allows 3,000 in a context element\)_$/)
    expect(text).not.toMatch(/<https:[^>]*\n/)
    expect(notes).toEqual(["blocks[0].elements[0].text: a context element cut from 3,535 to Slack's 3,000 characters"])
  })

  it.each([
    [
      'an image block: alt_text and title to 2,000 with a note',
      { type: 'image', image_url: 'https://x.test/i.png', alt_text: 'a'.repeat(2500), title: plain('t'.repeat(2100)) },
      (b: any) => [b.alt_text.length <= 2000, b.title.text.length <= 2000, b.alt_text.split('\n')[1]],
      [true, true, "… (582 more characters cut: Slack allows 2,000 in an image block's alt_text)"]
    ],
    [
      'a header to 150',
      { type: 'header', text: plain('h'.repeat(151)) },
      (b: any) => [b.text.text.length, b.text.text.at(-1)],
      [150, '…']
    ],
    [
      'a video: title and description under 200, author under 50',
      {
        type: 'video',
        video_url: 'https://v.test',
        thumbnail_url: 'https://v.test/t',
        alt_text: 'v',
        title: plain('t'.repeat(300)),
        description: plain('d'.repeat(200)),
        author_name: 'a'.repeat(50)
      },
      (b: any) => [b.title.text.length, b.description.text.length, b.author_name.length],
      [199, 199, 49]
    ],
    [
      'an input block: label and hint to 2,000, the placeholder to 150',
      {
        type: 'input',
        label: plain('l'.repeat(2001)),
        hint: plain('h'.repeat(2001)),
        element: { type: 'plain_text_input', placeholder: plain('p'.repeat(151)), max_length: 5000, min_length: -1 }
      },
      (b: any) => [
        b.label.text.length <= 2000,
        b.hint.text.length <= 2000,
        b.element.placeholder.text.length,
        b.element.max_length,
        b.element.min_length
      ],
      [true, true, 150, 3000, 0]
    ],
    [
      'a markdown block to 12,000 with a markdown note',
      { type: 'markdown', text: 'm'.repeat(13000) },
      (b: any) => [
        b.text.length <= 12000,
        /\*\(\d[\d,]* more characters cut: Slack allows 12,000 in a markdown block's text\)\*$/.test(b.text)
      ],
      [true, true]
    ],
    [
      'a card: title and subtitle to 150, body to 200',
      {
        type: 'card',
        title: { type: 'mrkdwn', text: 't'.repeat(160) },
        subtitle: { type: 'mrkdwn', text: 's'.repeat(151) },
        body: { type: 'mrkdwn', text: 'b'.repeat(201) }
      },
      (b: any) => [b.title.text.length, b.subtitle.text.length, b.body.text.length],
      [150, 150, 200]
    ],
    [
      'an alert: its text to 3,000',
      { type: 'alert', text: { type: 'mrkdwn', text: 'a'.repeat(3001) } },
      (b: any) => [b.text.text.length <= 3000],
      [true]
    ],
    [
      'a table: 100 rows of 20 cells, 20 column settings',
      {
        type: 'table',
        rows: Array.from({ length: 120 }, () => Array.from({ length: 25 }, () => ({ type: 'raw_text', text: 'c' }))),
        column_settings: Array.from({ length: 30 }, () => ({ align: 'left' }))
      },
      (b: any) => [b.rows.length, b.rows[0].length, b.column_settings.length],
      [100, 20, 20]
    ],
    [
      'a container: 10 child blocks, each fitted',
      {
        type: 'container',
        title: plain('c'.repeat(200)),
        child_blocks: Array.from({ length: 12 }, () => ({ type: 'header', text: plain('h'.repeat(200)) }))
      },
      (b: any) => [b.title.text.length, b.child_blocks.length, b.child_blocks[9].text.text.length],
      [150, 10, 150]
    ],
    [
      'a carousel: 10 cards',
      { type: 'carousel', elements: Array.from({ length: 11 }, () => ({ type: 'card', title: { type: 'mrkdwn', text: 'c' } })) },
      (b: any) => [b.elements.length],
      [10]
    ],
    [
      'a context actions block: 5 elements, labels to 75',
      {
        type: 'context_actions',
        elements: Array.from({ length: 6 }, () => ({
          type: 'icon_button',
          icon: 'trash',
          text: plain('x'),
          accessibility_label: 'l'.repeat(76)
        }))
      },
      (b: any) => [b.elements.length, b.elements[0].accessibility_label.length],
      [5, 75]
    ],
    [
      'an actions block: 25 elements',
      { type: 'actions', elements: Array.from({ length: 30 }, () => ({ type: 'button', text: plain('b') })) },
      (b: any) => [b.elements.length],
      [25]
    ],
    [
      'a block_id over 255 is left out (Slack makes one up)',
      { type: 'divider', block_id: 'b'.repeat(256) },
      (b: any) => ['block_id' in b],
      [false]
    ]
  ])('%s', (_, block, read, expected) => {
    const { blocks } = fit([block])
    expect(read(blocks[0])).toEqual(expected)
    expect(blockKitProblems({ blocks })).toEqual([])
  })

  it('options: text, description and value to 75, 5 in an overflow, 10 checkboxes; an initial option stays while its option does', () => {
    const { blocks, notes } = fit([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'pick' },
        accessory: {
          type: 'overflow',
          options: Array.from({ length: 7 }, (_, i) => ({ ...option(`o${i}`), description: plain('d'.repeat(80)) })),
          confirm: {
            title: plain('t'.repeat(101)),
            text: plain('x'.repeat(301)),
            confirm: plain('y'.repeat(31)),
            deny: plain('n'.repeat(31))
          }
        }
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'checkboxes',
            options: Array.from({ length: 12 }, (_, i) => option(`c${i}`)),
            initial_options: [option('c1'), option('c11')]
          }
        ]
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'static_select',
            placeholder: plain('p'.repeat(200)),
            options: [option('s'.repeat(80), 'v'.repeat(160))],
            initial_option: option('s'.repeat(80), 'v'.repeat(160))
          }
        ]
      },
      {
        type: 'actions',
        elements: [
          { type: 'radio_buttons', options: Array.from({ length: 11 }, (_, i) => option(`r${i}`)), initial_option: option('r10') }
        ]
      }
    ])
    const overflow = blocks[0].accessory
    expect(overflow.options).toHaveLength(5)
    expect(overflow.options[0].description.text).toBe(`${'d'.repeat(74)}…`)
    expect([
      overflow.confirm.title.text.length,
      overflow.confirm.text.text.length,
      overflow.confirm.confirm.text.length,
      overflow.confirm.deny.text.length
    ]).toEqual([100, 300, 30, 30])
    const checkboxes = blocks[1].elements[0]
    expect(checkboxes.options).toHaveLength(10)
    expect(checkboxes.initial_options).toEqual([option('c1')])
    const select = blocks[2].elements[0]
    expect([select.placeholder.text.length, select.options[0].text.text.length, select.options[0].value]).toEqual([
      150,
      75,
      'v'.repeat(75)
    ])
    // The initial option was cut exactly as its option was, so it still matches.
    expect(select.initial_option).toEqual(select.options[0])
    expect(blocks[3].elements[0]).not.toHaveProperty('initial_option')
    expect(notes).toContain('blocks[3].elements[0].initial_option: left out: its option was cut from the list')
    expect(blockKitProblems({ blocks })).toEqual([])
  })

  it('an image whose URL is over 3,000 characters cannot be fitted: the block goes, the message stays valid', () => {
    const { blocks, notes } = fit([{ type: 'image', image_url: `https://x.test/${'i'.repeat(3000)}`, alt_text: 'i' }, section('kept')])
    expect(blocks).toEqual([section('kept')])
    expect(notes).toEqual([
      "blocks[0].image_url: an image block's URL left out: 3,015 characters, Slack allows 3,000",
      'blocks[0]: left out: its image_url could not be fitted'
    ])
  })

  it('a legacy attachment footer to 300; a short cut never splits an emoji, a link or an entity', () => {
    const r = fitToSlackLimits({ text: 'x', attachments: [{ footer: 'f'.repeat(400) }] })
    expect(r.message.attachments![0].footer).toHaveLength(300)
    const emoji = fit([{ type: 'header', text: plain('😀'.repeat(100)) }]).blocks[0].text.text as string
    expect(emoji).toMatch(/^(😀)+…$/u)
    const linked = fit([{ type: 'card', body: { type: 'mrkdwn', text: `${'b'.repeat(180)}<https://x.test|a link> &amp; more` } }])
      .blocks[0].body.text as string
    expect(linked).toBe(`${'b'.repeat(180)}…`)
  })

  it('objects Slack does not document are left as they are', () => {
    const odd = { type: 'sparkle', text: 'z'.repeat(50000) }
    expect(fit([odd]).blocks[0]).toEqual(odd)
  })
})

describe('a message over every limit at once', () => {
  const over = (n: number) => 'w'.repeat(n + 5)
  const message = (): SlackMessage =>
    ({
      text: over(40000),
      blocks: [
        {
          type: 'section',
          block_id: over(255),
          text: { type: 'mrkdwn', text: over(3000) },
          fields: Array.from({ length: 12 }, () => ({ type: 'mrkdwn', text: over(2000) })),
          accessory: { type: 'button', action_id: over(255), text: plain(over(75)), value: over(2000) }
        },
        { type: 'header', text: plain(over(150)) },
        {
          type: 'context',
          elements: [
            ...Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: over(3000) })),
            { type: 'image', image_url: 'https://x.test/i.png', alt_text: over(2000) }
          ]
        },
        {
          type: 'actions',
          elements: [
            { type: 'workflow_button', text: plain(over(75)), workflow: {} },
            {
              type: 'multi_static_select',
              placeholder: plain(over(150)),
              option_groups: [
                { label: plain(over(75)), options: Array.from({ length: 101 }, (_, i) => option(`${i}${over(75)}`, `${i}${over(75)}`)) }
              ]
            },
            { type: 'datepicker', placeholder: plain(over(150)) }
          ]
        },
        { type: 'input', label: plain(over(2000)), element: { type: 'rich_text_input', min_lines: 0, max_lines: 500 } },
        {
          type: 'video',
          video_url: 'https://v.test',
          thumbnail_url: 'https://v.test/t',
          alt_text: 'v',
          title: plain(over(200)),
          author_name: over(50)
        },
        { type: 'markdown', text: over(12000) },
        { type: 'data_table', caption: 'c', rows: [], page_size: 500 }
      ],
      attachments: [{ color: '#000000', footer: over(300), blocks: [{ type: 'section', text: { type: 'plain_text', text: over(3000) } }] }]
    }) as SlackMessage

  it('is fitted to what the stand-in (and Slack) accepts, with a note for each cut', () => {
    expect(blockKitProblems(message()).length).toBeGreaterThan(20)
    const fitted = fitToSlackLimits(message())
    expect(blockKitProblems(fitted.message)).toEqual([])
    expect(fitted.notes.length).toBeGreaterThan(20)
    // Fitting a fitted message changes nothing.
    expect(fitToSlackLimits(fitted.message)).toEqual({ message: fitted.message, notes: [] })
  })

  it('any text, any length, in any limited field: the result passes and a second fit is a no-op', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '<', '>', '|', '&', ';', '`', '😀', 'é', '\n', '*'), maxLength: 3200 })
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        const m = {
          text: 'x',
          blocks: [
            { type: 'context', elements: [{ type: 'mrkdwn', text: a || 'x' }] },
            { type: 'actions', elements: [{ type: 'button', text: plain(b || 'x'), value: c }] },
            {
              type: 'section',
              text: { type: 'mrkdwn', text: c || 'x' },
              accessory: { type: 'overflow', options: [option(a || 'x', b.slice(0, 200) || 'v')] }
            },
            { type: 'header', text: plain(a || 'x') }
          ]
        } as SlackMessage
        const fitted = fitToSlackLimits(m).message
        expect(blockKitProblems(fitted)).toEqual([])
        expect(fitToSlackLimits(fitted).notes).toEqual([])
      }),
      { numRuns: 150 }
    )
  })
})
