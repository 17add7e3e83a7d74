// Every limit Slack publishes for what a message can carry, one rule per limited field, for each
// block, element and composition object. Sources: Slack's Block Kit reference
// (docs.slack.dev/reference/block-kit: blocks, block elements, composition objects; the same
// tables as api.slack.com/reference/block-kit), chat.postMessage (40,000 characters of text,
// 100 attachments) and the type comments of @slack/types 3.2 (the newer card, carousel,
// container, context_actions and feedback/icon buttons, and the attachment footer). Where the two
// disagree the stricter number is kept, so that a message fitted to it passes either reading:
// an option's value is 150 in the reference and 75 in @slack/types, so 75.
// limits.ts applies this table; __tests__/unit/slack-limits.test.ts checks it against the
// limits @slack/types states.

/** How one field is limited, and what fitting it does. `what` names the field in notes. */
export type Rule =
  /** A text object ({type: plain_text | mrkdwn, text}): its text is cut with an ellipsis. */
  | { kind: 'text'; max: number; what: string; required?: boolean }
  /** A string people read (alt_text, author_name, a markdown block's text): cut with an ellipsis. */
  | { kind: 'chars'; max: number; what: string; style: 'plain' | 'markdown' | 'mrkdwn' }
  /** An optional identifier (block_id, action_id): left out when longer (Slack makes one up). */
  | { kind: 'id'; max: number; what: string }
  /** A value sent back to the app on a click: cut to the limit, no ellipsis (it is not read). */
  | { kind: 'value'; max: number; what: string }
  /** A link: an optional one is left out when longer; a required one (image_url) drops its object. */
  | { kind: 'url'; max: number; what: string; required?: boolean }
  /** A number with a documented range: clamped into it. */
  | { kind: 'number'; min: number; max: number; what: string }
  /** A list: items past `max` are left out; with `more` (a plural noun: "field(s)"), the last
   * kept slot is a mrkdwn text saying how many. */
  | { kind: 'list'; max: number; what: string; each?: Rule; more?: string; required?: boolean }
  /** A nested object, fitted by its own shape ('block' and 'element' go by the object's type). */
  | { kind: 'object'; shape: string; what: string; required?: boolean }

/** The fields of one kind of object that have limits. */
export type Shape = Record<string, Rule>

/** Every text object: "minimum length 1, maximum 3,000" (text object reference). */
export const TEXT_OBJECT_MAX = 3000

/** Limits on the message itself (chat.postMessage, block reference). */
export const MESSAGE_LIMITS = {
  /** Blocks in one message, top-level and attachment blocks together (block reference: 50). */
  blocks: 50,
  /** The top-level text: chat.postMessage truncates beyond 40,000 characters. */
  text: 40000,
  /** chat.postMessage refuses more than 100 attachments (too_many_attachments). */
  attachments: 100
} as const

const text = (max: number, what: string, required = false): Rule => ({ kind: 'text', max, what, required })
const chars = (max: number, what: string, style: 'plain' | 'markdown' | 'mrkdwn' = 'plain'): Rule => ({ kind: 'chars', max, what, style })
const id = (what: string): Rule => ({ kind: 'id', max: 255, what })
const value = (max: number, what: string): Rule => ({ kind: 'value', max, what })
const url = (what: string, required = false): Rule => ({ kind: 'url', max: 3000, what, required })
const num = (min: number, max: number, what: string): Rule => ({ kind: 'number', min, max, what })
const list = (max: number, what: string, each?: Rule, options: { more?: string; required?: boolean } = {}): Rule => ({
  kind: 'list',
  max,
  what,
  each,
  ...options
})
const obj = (shape: string, what: string, required = false): Rule => ({ kind: 'object', shape, what, required })

const UNLIMITED = Number.MAX_SAFE_INTEGER
const ELEMENT = (what: string, required = false) => obj('element', what, required)
const OPTION = obj('option', 'an option')

const block: Shape = { block_id: id('a block_id') }
const action: Shape = { action_id: id('an action_id') }
const confirmable: Shape = { confirm: obj('confirm', 'a confirmation dialog') }
const placeholder: Shape = { placeholder: text(150, 'a placeholder') }
const selected: Shape = { max_selected_items: num(1, UNLIMITED, 'max_selected_items') }

/** Composition objects, named by where they sit (they have no `type`). */
export const COMPOSITION: Record<string, Shape> = {
  option: {
    text: text(75, "an option's text", true),
    value: value(75, "an option's value"),
    description: text(75, "an option's description"),
    url: url("an option's link")
  },
  option_group: {
    label: text(75, "an option group's label", true),
    options: list(100, "an option group's options", OPTION, { required: true })
  },
  confirm: {
    title: text(100, "a confirmation dialog's title"),
    text: text(300, "a confirmation dialog's text"),
    confirm: text(30, "a confirmation dialog's confirm button"),
    deny: text(30, "a confirmation dialog's deny button")
  },
  feedback_button: {
    text: text(TEXT_OBJECT_MAX, "a feedback button's text"),
    accessibility_label: chars(75, "a feedback button's accessibility_label")
  }
}

const staticOptions: Shape = {
  options: list(100, "a select menu's options", OPTION),
  option_groups: list(100, "a select menu's option groups", obj('option_group', 'an option group'))
}

/** Block elements and the element-like objects of context blocks, by `type`. */
export const ELEMENTS: Record<string, Shape> = {
  button: {
    ...action,
    ...confirmable,
    text: text(75, "a button's text", true),
    value: value(2000, "a button's value"),
    url: url("a button's link"),
    accessibility_label: chars(75, "a button's accessibility_label")
  },
  workflow_button: {
    ...action,
    ...confirmable,
    text: text(75, "a workflow button's text", true),
    accessibility_label: chars(75, "a workflow button's accessibility_label")
  },
  icon_button: {
    ...action,
    ...confirmable,
    text: text(TEXT_OBJECT_MAX, "an icon button's text"),
    accessibility_label: chars(75, "an icon button's accessibility_label")
  },
  feedback_buttons: {
    ...action,
    positive_button: obj('feedback_button', 'a positive feedback button'),
    negative_button: obj('feedback_button', 'a negative feedback button')
  },
  checkboxes: {
    ...action,
    ...confirmable,
    options: list(10, "checkboxes' options", OPTION, { required: true }),
    initial_options: list(10, 'initial_options', OPTION)
  },
  radio_buttons: {
    ...action,
    ...confirmable,
    options: list(10, "radio buttons' options", OPTION, { required: true }),
    initial_option: OPTION
  },
  overflow: { ...action, ...confirmable, options: list(5, "an overflow menu's options", OPTION, { required: true }) },
  static_select: { ...action, ...confirmable, ...placeholder, ...staticOptions, initial_option: OPTION },
  multi_static_select: {
    ...action,
    ...confirmable,
    ...placeholder,
    ...selected,
    ...staticOptions,
    initial_options: list(100, 'initial_options', OPTION)
  },
  external_select: { ...action, ...confirmable, ...placeholder, initial_option: OPTION },
  multi_external_select: { ...action, ...confirmable, ...placeholder, ...selected, initial_options: list(100, 'initial_options', OPTION) },
  users_select: { ...action, ...confirmable, ...placeholder },
  multi_users_select: { ...action, ...confirmable, ...placeholder, ...selected },
  conversations_select: { ...action, ...confirmable, ...placeholder },
  multi_conversations_select: { ...action, ...confirmable, ...placeholder, ...selected },
  channels_select: { ...action, ...confirmable, ...placeholder },
  multi_channels_select: { ...action, ...confirmable, ...placeholder, ...selected },
  datepicker: { ...action, ...confirmable, ...placeholder },
  timepicker: { ...action, ...confirmable, ...placeholder },
  datetimepicker: { ...action, ...confirmable },
  plain_text_input: { ...action, ...placeholder, min_length: num(0, 3000, 'min_length'), max_length: num(1, 3000, 'max_length') },
  email_text_input: { ...action, ...placeholder },
  url_text_input: { ...action, ...placeholder },
  number_input: { ...action, ...placeholder },
  rich_text_input: { ...action, ...placeholder, min_lines: num(1, 100, 'min_lines'), max_lines: num(1, 100, 'max_lines') },
  file_input: { ...action, max_files: num(1, 10, 'max_files') },
  // The image block allows 2,000 characters of alt_text; the image element's page states no
  // number, so the block's limit is kept for both rather than guessing a larger one.
  image: { alt_text: chars(2000, "an image's alt_text"), image_url: url("an image's URL", true) }
}

/** Blocks, by `type`. */
export const BLOCKS: Record<string, Shape> = {
  section: {
    ...block,
    text: text(3000, "a section's text"),
    fields: list(10, "a section's fields", text(2000, 'a field'), { more: 'field(s)' }),
    accessory: ELEMENT("a section's accessory")
  },
  header: { ...block, text: text(150, "a header's text", true) },
  context: {
    ...block,
    elements: list(10, "a context block's elements", ELEMENT('a context element'), { more: 'element(s)', required: true })
  },
  actions: { ...block, elements: list(25, "an actions block's elements", ELEMENT('an interactive element'), { required: true }) },
  context_actions: {
    ...block,
    elements: list(5, "a context actions block's elements", ELEMENT('a feedback or icon button'), { required: true })
  },
  image: {
    ...block,
    alt_text: chars(2000, "an image block's alt_text"),
    title: text(2000, "an image block's title"),
    image_url: url("an image block's URL", true)
  },
  input: {
    ...block,
    label: text(2000, "an input block's label", true),
    hint: text(2000, "an input block's hint"),
    element: ELEMENT("an input block's element", true)
  },
  // The video block's title and description "must be less than 200", its author "less than 50".
  video: {
    ...block,
    title: text(199, "a video's title", true),
    description: text(199, "a video's description"),
    author_name: chars(49, "a video's author_name")
  },
  markdown: { text: chars(12000, "a markdown block's text", 'markdown') },
  table: {
    ...block,
    rows: list(100, "a table's rows", list(20, "a table row's cells"), { required: true }),
    column_settings: list(20, "a table's column_settings")
  },
  data_table: { ...block, page_size: num(1, 100, 'page_size') },
  card: {
    ...block,
    title: text(150, "a card's title"),
    subtitle: text(150, "a card's subtitle"),
    body: text(200, "a card's body"),
    actions: list(UNLIMITED, "a card's actions", ELEMENT("a card's button")),
    hero_image: ELEMENT("a card's hero_image"),
    icon: ELEMENT("a card's icon")
  },
  carousel: { ...block, elements: list(10, "a carousel's cards", obj('block', 'a card'), { required: true }) },
  container: {
    ...block,
    title: text(150, "a container's title"),
    subtitle: text(150, "a container's subtitle"),
    child_blocks: list(10, "a container's child_blocks", obj('block', 'a child block'), { required: true }),
    icon: ELEMENT("a container's icon")
  },
  alert: { ...block, text: text(TEXT_OBJECT_MAX, "an alert's text", true) },
  divider: block,
  rich_text: block,
  file: block,
  plan: block,
  task_card: block
}

/** A legacy attachment's own fields (its blocks share the message's 50). */
export const ATTACHMENT: Shape = {
  footer: chars(300, "an attachment's footer", 'mrkdwn')
}
