export const id = 325;
export const ids = [325];
export const modules = {

/***/ 2994:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ parseArgs)
/* harmony export */ });
/* unused harmony export closest */
/* harmony import */ var _lib_errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3594);
// A small flag parser: `--name value`, `--name=value`, repeatable flags, and one clear error for
// anything unknown. Usage errors exit 2.

function parseArgs(argv, spec, command) {
    const values = new Map();
    const switches = new Set();
    const positional = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (!arg.startsWith('--')) {
            positional.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const given = arg.slice(2, eq === -1 ? undefined : eq);
        const name = spec.aliases?.[given] ?? given;
        if (spec.switches?.includes(name)) {
            if (eq !== -1)
                throw new _lib_errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`sgw ${command}: --${name} takes no value.`);
            switches.add(name);
            continue;
        }
        if (!spec.values.includes(name)) {
            const near = closest(name, [...spec.values, ...(spec.switches ?? [])]);
            throw new _lib_errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`sgw ${command}: unknown option --${name}${near ? `; did you mean --${near}?` : ''} See \`sgw ${command} --help\`.`);
        }
        let value;
        if (eq !== -1)
            value = arg.slice(eq + 1);
        else {
            if (i + 1 >= argv.length)
                throw new _lib_errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`sgw ${command}: --${name} needs a value.`);
            value = argv[++i];
        }
        const list = values.get(name) ?? [];
        if (list.length > 0 && !spec.repeatable?.includes(name))
            throw new _lib_errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`sgw ${command}: --${name} given more than once.`);
        list.push(value);
        values.set(name, list);
    }
    return { values, switches, positional };
}
/** The known name nearest to a mistyped one (edit distance at most 2, or a prefix), if any. */
function closest(name, known) {
    let best;
    let bestDistance = Infinity;
    for (const candidate of known) {
        const d = candidate.startsWith(name) || name.startsWith(candidate) ? 1 : editDistance(name, candidate);
        if (d < bestDistance)
            [best, bestDistance] = [candidate, d];
    }
    return bestDistance <= 2 ? best : undefined;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++)
            row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = row;
    }
    return previous[b.length];
}


/***/ }),

/***/ 5325:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  NOTIFY_HELP: () => (/* binding */ NOTIFY_HELP),
  notifyCommand: () => (/* binding */ notifyCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/actions/lib/errors/user-error.js
var user_error = __webpack_require__(3594);
;// CONCATENATED MODULE: ./.build/actions/lib/slack/blocks.js
/** Slack's mrkdwn needs only &, < and > escaped; everything else is literal. */
function escapeMrkdwn(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** `<url|label>`; a link whose url is empty degrades to the plain label. */
function blocks_link(url, label) {
    const safeLabel = escapeMrkdwn(label).replace(/\|/g, '∣');
    if (!url)
        return safeLabel;
    return `<${url.replace(/[<>|\s]/g, encodeURIComponent)}|${safeLabel}>`;
}
/** A section of mrkdwn text (given already escaped or as markup on purpose). */
function section(mrkdwn) {
    return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } };
}
/** A section of "*Label*\nvalue" fields; labels are escaped, values are given as mrkdwn. */
function fieldsSection(fields) {
    return { type: 'section', fields: fields.map((f) => ({ type: 'mrkdwn', text: `*${escapeMrkdwn(f.label)}*\n${f.value}` })) };
}
/** A header of plain text (Slack shows it as typed: nothing to escape). */
function header(text) {
    return { type: 'header', text: { type: 'plain_text', text, emoji: true } };
}
/** A context block, one mrkdwn element per string. */
function context(mrkdwn) {
    return { type: 'context', elements: mrkdwn.map((text) => ({ type: 'mrkdwn', text })) };
}
/** A fenced block of monospace text; backtick runs inside are broken so they cannot end the fence. */
function preformatted(text) {
    return `\`\`\`${escapeMrkdwn(text).replace(/```/g, '`\u200b``')}\`\`\``;
}

;// CONCATENATED MODULE: ./.build/actions/lib/slack/block-kit-limits.js
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
/** Every text object: "minimum length 1, maximum 3,000" (text object reference). */
const TEXT_OBJECT_MAX = 3000;
/** Limits on the message itself (chat.postMessage, block reference). */
const MESSAGE_LIMITS = {
    /** Blocks in one message, top-level and attachment blocks together (block reference: 50). */
    blocks: 50,
    /** The top-level text: chat.postMessage truncates beyond 40,000 characters. */
    text: 40000,
    /** chat.postMessage refuses more than 100 attachments (too_many_attachments). */
    attachments: 100
};
const block_kit_limits_text = (max, what, required = false) => ({ kind: 'text', max, what, required });
const chars = (max, what, style = 'plain') => ({ kind: 'chars', max, what, style });
const id = (what) => ({ kind: 'id', max: 255, what });
const value = (max, what) => ({ kind: 'value', max, what });
const url = (what, required = false) => ({ kind: 'url', max: 3000, what, required });
const num = (min, max, what) => ({ kind: 'number', min, max, what });
const list = (max, what, each, options = {}) => ({
    kind: 'list',
    max,
    what,
    each,
    ...options
});
const obj = (shape, what, required = false) => ({ kind: 'object', shape, what, required });
const UNLIMITED = Number.MAX_SAFE_INTEGER;
const ELEMENT = (what, required = false) => obj('element', what, required);
const OPTION = obj('option', 'an option');
const block = { block_id: id('a block_id') };
const action = { action_id: id('an action_id') };
const confirmable = { confirm: obj('confirm', 'a confirmation dialog') };
const placeholder = { placeholder: block_kit_limits_text(150, 'a placeholder') };
const selected = { max_selected_items: num(1, UNLIMITED, 'max_selected_items') };
/** Composition objects, named by where they sit (they have no `type`). */
const COMPOSITION = {
    option: {
        text: block_kit_limits_text(75, "an option's text", true),
        value: value(75, "an option's value"),
        description: block_kit_limits_text(75, "an option's description"),
        url: url("an option's link")
    },
    option_group: {
        label: block_kit_limits_text(75, "an option group's label", true),
        options: list(100, "an option group's options", OPTION, { required: true })
    },
    confirm: {
        title: block_kit_limits_text(100, "a confirmation dialog's title"),
        text: block_kit_limits_text(300, "a confirmation dialog's text"),
        confirm: block_kit_limits_text(30, "a confirmation dialog's confirm button"),
        deny: block_kit_limits_text(30, "a confirmation dialog's deny button")
    },
    feedback_button: {
        text: block_kit_limits_text(TEXT_OBJECT_MAX, "a feedback button's text"),
        accessibility_label: chars(75, "a feedback button's accessibility_label")
    }
};
const staticOptions = {
    options: list(100, "a select menu's options", OPTION),
    option_groups: list(100, "a select menu's option groups", obj('option_group', 'an option group'))
};
/** Block elements and the element-like objects of context blocks, by `type`. */
const ELEMENTS = {
    button: {
        ...action,
        ...confirmable,
        text: block_kit_limits_text(75, "a button's text", true),
        value: value(2000, "a button's value"),
        url: url("a button's link"),
        accessibility_label: chars(75, "a button's accessibility_label")
    },
    workflow_button: {
        ...action,
        ...confirmable,
        text: block_kit_limits_text(75, "a workflow button's text", true),
        accessibility_label: chars(75, "a workflow button's accessibility_label")
    },
    icon_button: {
        ...action,
        ...confirmable,
        text: block_kit_limits_text(TEXT_OBJECT_MAX, "an icon button's text"),
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
};
/** Blocks, by `type`. */
const BLOCKS = {
    section: {
        ...block,
        text: block_kit_limits_text(3000, "a section's text"),
        fields: list(10, "a section's fields", block_kit_limits_text(2000, 'a field'), { more: 'field(s)' }),
        accessory: ELEMENT("a section's accessory")
    },
    header: { ...block, text: block_kit_limits_text(150, "a header's text", true) },
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
        title: block_kit_limits_text(2000, "an image block's title"),
        image_url: url("an image block's URL", true)
    },
    input: {
        ...block,
        label: block_kit_limits_text(2000, "an input block's label", true),
        hint: block_kit_limits_text(2000, "an input block's hint"),
        element: ELEMENT("an input block's element", true)
    },
    // The video block's title and description "must be less than 200", its author "less than 50".
    video: {
        ...block,
        title: block_kit_limits_text(199, "a video's title", true),
        description: block_kit_limits_text(199, "a video's description"),
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
        title: block_kit_limits_text(150, "a card's title"),
        subtitle: block_kit_limits_text(150, "a card's subtitle"),
        body: block_kit_limits_text(200, "a card's body"),
        actions: list(UNLIMITED, "a card's actions", ELEMENT("a card's button")),
        hero_image: ELEMENT("a card's hero_image"),
        icon: ELEMENT("a card's icon")
    },
    carousel: { ...block, elements: list(10, "a carousel's cards", obj('block', 'a card'), { required: true }) },
    container: {
        ...block,
        title: block_kit_limits_text(150, "a container's title"),
        subtitle: block_kit_limits_text(150, "a container's subtitle"),
        child_blocks: list(10, "a container's child_blocks", obj('block', 'a child block'), { required: true }),
        icon: ELEMENT("a container's icon")
    },
    alert: { ...block, text: block_kit_limits_text(TEXT_OBJECT_MAX, "an alert's text", true) },
    divider: block,
    rich_text: block,
    file: block,
    plan: block,
    task_card: block
};
/** A legacy attachment's own fields (its blocks share the message's 50). */
const ATTACHMENT = {
    footer: chars(300, "an attachment's footer", 'mrkdwn')
};

;// CONCATENATED MODULE: ./.build/actions/lib/slack/limits.js


const n = (x) => x.toLocaleString('en-US');
/** Below this limit a cut ends with "…" alone: a note would not fit in a button or a title. */
const NOTE_FROM = 1000;
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The longest start of `text` with at most `keep` characters that splits no character and, in
 * mrkdwn, no `<link|label>` and no `&amp;` entity. */
function safePrefix(text, keep, style) {
    let kept = text.slice(0, Math.max(0, keep));
    if (/[\uD800-\uDBFF]$/.test(kept))
        kept = kept.slice(0, -1);
    if (style !== 'mrkdwn')
        return kept;
    const open = kept.lastIndexOf('<');
    if (open > kept.lastIndexOf('>'))
        kept = kept.slice(0, open);
    const amp = kept.lastIndexOf('&');
    if (amp >= 0 && !kept.slice(amp).includes(';') && kept.length - amp < 8)
        kept = kept.slice(0, amp);
    return kept;
}
/**
 * Cut `text` to at most `max` characters, ending with a note of what was cut (`what` names the
 * place: "a section"). The cut never splits a surrogate pair, a mrkdwn `<link|label>` or an
 * `&amp;` entity, and closes a code fence it cut open. Returns the text and how many characters
 * of the original were left out (0 when it fitted).
 */
function cutText(text, max, what, style = 'mrkdwn') {
    if (text.length <= max)
        return { text, cut: 0 };
    const body = (cut) => `${n(cut)} more characters cut: Slack allows ${n(max)} in ${what}`;
    const note = (cut) => style === 'mrkdwn' ? `\n… _(${body(cut)})_` : style === 'markdown' ? `\n\n… *(${body(cut)})*` : `\n… (${body(cut)})`;
    // The note's length depends on the number it prints; reserve room for the widest one.
    const kept = safePrefix(text, max - note(text.length).length - 3, style);
    const fence = style !== 'plain' && (kept.match(/```/g) ?? []).length % 2 === 1 ? '```' : '';
    const cut = text.length - kept.length;
    return { text: `${kept}${fence}${note(cut)}`, cut };
}
/** Cut `text` to at most `max` characters ending in "…"; a long limit also gets cutText's note. */
function clipText(text, max, what, style) {
    if (text.length <= max)
        return text;
    if (max >= NOTE_FROM)
        return cutText(text, max, what, style).text;
    return `${safePrefix(text, max - 1, style)}…`;
}
const DROP = Symbol('drop');
/** One pass over a message; `notes` collects what was changed, by JSON path. */
class Fitter {
    notes = [];
    note(path, line) {
        this.notes.push(`${path}: ${line}`);
    }
    /** The shape for an object under `rule`, or undefined when Slack documents no limits for it. */
    shapeOf(v, shape) {
        if (shape === 'block')
            return BLOCKS[String(v.type)];
        if (shape === 'element')
            return ELEMENTS[String(v.type)];
        return COMPOSITION[shape];
    }
    value(v, rule, path) {
        switch (rule.kind) {
            case 'text':
                return this.textObject(v, rule.max, rule.what, path);
            case 'chars': {
                if (typeof v !== 'string' || v.length <= rule.max)
                    return v;
                this.note(path, `${rule.what} cut from ${n(v.length)} to Slack's ${n(rule.max)} characters`);
                return clipText(v, rule.max, rule.what, rule.style);
            }
            case 'id':
            case 'url': {
                if (typeof v !== 'string' || v.length <= rule.max)
                    return v;
                this.note(path, `${rule.what} left out: ${n(v.length)} characters, Slack allows ${n(rule.max)}`);
                return DROP;
            }
            case 'value': {
                if (typeof v !== 'string' || v.length <= rule.max)
                    return v;
                this.note(path, `${rule.what} cut from ${n(v.length)} to Slack's ${n(rule.max)} characters`);
                return safePrefix(v, rule.max, 'plain');
            }
            case 'number': {
                if (typeof v !== 'number' || (v >= rule.min && v <= rule.max))
                    return v;
                const clamped = Math.min(rule.max, Math.max(rule.min, v));
                this.note(path, `${rule.what} ${v} set to ${clamped}: Slack allows ${rule.min} to ${rule.max}`);
                return clamped;
            }
            case 'list':
                return this.list(v, rule, path);
            case 'object': {
                if (!isObject(v))
                    return v;
                // A text object where an element may stand (a context block's mrkdwn or plain_text).
                if (rule.shape === 'element' && (v.type === 'mrkdwn' || v.type === 'plain_text'))
                    return this.textObject(v, TEXT_OBJECT_MAX, rule.what, path);
                const shape = this.shapeOf(v, rule.shape);
                return shape ? this.object(v, shape, path) : v;
            }
        }
    }
    textObject(v, max, what, path) {
        if (!isObject(v) || typeof v.text !== 'string')
            return v;
        const limit = Math.min(max, TEXT_OBJECT_MAX);
        if (v.text.length <= limit)
            return v;
        this.note(`${path}.text`, `${what} cut from ${n(v.text.length)} to Slack's ${n(limit)} characters`);
        return { ...v, text: clipText(v.text, limit, what, v.type === 'mrkdwn' ? 'mrkdwn' : 'plain') };
    }
    list(v, rule, path) {
        if (!Array.isArray(v))
            return v;
        let items = v;
        if (rule.each) {
            const each = rule.each;
            items = v.map((item, i) => this.value(item, each, `${path}[${i}]`)).filter((item) => item !== DROP);
        }
        if (items.length > rule.max) {
            const keep = rule.more ? rule.max - 1 : rule.max;
            const dropped = items.length - keep;
            this.note(path, `${dropped} of ${rule.what} left out: Slack allows ${n(rule.max)}`);
            items = items.slice(0, keep);
            if (rule.more)
                items.push({ type: 'mrkdwn', text: `_… ${dropped} more ${rule.more} not shown_` });
        }
        // A list Slack requires, emptied by our own cuts, takes its owner with it.
        if (rule.required && v.length > 0 && items.length === 0)
            return DROP;
        return items;
    }
    /** Fit each limited field of `v`; DROP when a field Slack requires had to be left out. */
    object(v, shape, path) {
        const out = { ...v };
        for (const [key, rule] of Object.entries(shape)) {
            if (!(key in v))
                continue;
            const fitted = this.value(v[key], rule, `${path}.${key}`);
            if (fitted !== DROP) {
                out[key] = fitted;
                continue;
            }
            delete out[key];
            if ('required' in rule && rule.required) {
                this.note(path, `left out: its ${key} could not be fitted`);
                return DROP;
            }
        }
        return keepInitialOptions(out, path, this.notes);
    }
}
/** A select's initial option must be one of its options: after options were cut, keep only those. */
function keepInitialOptions(el, path, notes) {
    if (!('initial_option' in el || 'initial_options' in el) || !(Array.isArray(el.options) || Array.isArray(el.option_groups)))
        return el;
    const groups = Array.isArray(el.option_groups) ? el.option_groups : [];
    const kept = new Set([
        ...(Array.isArray(el.options) ? el.options : []),
        ...groups.flatMap((g) => (isObject(g) && Array.isArray(g.options) ? g.options : []))
    ].map((o) => JSON.stringify(o)));
    const out = { ...el };
    if ('initial_option' in out && !kept.has(JSON.stringify(out.initial_option))) {
        delete out.initial_option;
        notes.push(`${path}.initial_option: left out: its option was cut from the list`);
    }
    if (Array.isArray(out.initial_options)) {
        const initial = out.initial_options.filter((o) => kept.has(JSON.stringify(o)));
        if (initial.length < out.initial_options.length)
            notes.push(`${path}.initial_options: ${out.initial_options.length - initial.length} left out: their options were cut from the list`);
        out.initial_options = initial;
    }
    return out;
}
/** Fit a list of blocks into `budget` blocks; the last kept slot says how many were left out. */
function fitBlocks(blocks, budget, path, fitter) {
    let out = blocks
        .map((b, i) => fitter.value(b, { kind: 'object', shape: 'block', what: 'a block' }, `${path}[${i}]`))
        .filter((b) => b !== DROP);
    if (out.length > budget) {
        const dropped = out.length - budget + 1;
        fitter.notes.push(`${dropped} block(s) left out: Slack allows ${MESSAGE_LIMITS.blocks} in a message`);
        const more = `_… ${dropped} more block(s) not shown: Slack allows ${MESSAGE_LIMITS.blocks} in a message_`;
        out = [...out.slice(0, Math.max(0, budget - 1)), { type: 'context', elements: [{ type: 'mrkdwn', text: more }] }];
    }
    return out;
}
/**
 * The message cut to every limit Slack publishes (block-kit-limits.ts), and one note per cut.
 * Takes a message as a template or a payload built it; gives a copy (a message that fits comes
 * back unchanged, with no notes). Objects of a type Slack does not document are left as they are.
 */
function fitToSlackLimits(message) {
    const fitter = new Fitter();
    const out = { ...message };
    if (typeof out.text === 'string' && out.text.length > MESSAGE_LIMITS.text) {
        const r = cutText(out.text, MESSAGE_LIMITS.text, 'a message');
        out.text = r.text;
        fitter.notes.push(`the message text was cut by ${n(r.cut)} characters to Slack's ${n(MESSAGE_LIMITS.text)}`);
    }
    let budget = MESSAGE_LIMITS.blocks;
    if (Array.isArray(out.blocks)) {
        // Leave at least one block for each attachment that has blocks.
        const reserve = (Array.isArray(out.attachments) ? out.attachments : []).filter((a) => a.blocks?.length).length;
        out.blocks = fitBlocks(out.blocks, Math.max(1, budget - reserve), 'blocks', fitter);
        budget -= out.blocks.length;
    }
    if (Array.isArray(out.attachments)) {
        let attachments = out.attachments;
        if (attachments.length > MESSAGE_LIMITS.attachments) {
            fitter.notes.push(`${attachments.length - MESSAGE_LIMITS.attachments} attachment(s) left out: Slack allows ${MESSAGE_LIMITS.attachments}`);
            attachments = attachments.slice(0, MESSAGE_LIMITS.attachments);
        }
        out.attachments = attachments.map((a, i) => {
            if (!isObject(a))
                return a;
            const own = fitter.object(a, ATTACHMENT, `attachments[${i}]`);
            if (!Array.isArray(a.blocks) || !a.blocks.length)
                return own;
            const blocks = fitBlocks(a.blocks, Math.max(1, budget), `attachments[${i}].blocks`, fitter);
            budget -= blocks.length;
            return { ...own, blocks };
        });
    }
    return { message: out, notes: fitter.notes };
}
/** Blocks in a message, top-level and in attachments. */
function blockCount(message) {
    return (message.blocks?.length ?? 0) + (message.attachments ?? []).reduce((sum, a) => sum + (a.blocks?.length ?? 0), 0);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./.build/actions/lib/slack/payload.js
// Custom messages: a Block Kit payload (JSON or YAML) written by the user, with {{ placeholders }}
// filled in after parsing, so that a value can never break the JSON or inject blocks. Values are
// untrusted (a pull request's title, a branch name): each is escaped for where it lands, so that
// it shows as text and never becomes markup (a <!channel> ping, a disguised <url|link>).



const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}\}/g;
function lineColumn(text, position) {
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    return `line ${line}, column ${position - before.lastIndexOf('\n')}`;
}
/** Parse the payload text; a syntax error says where, in the user's terms. */
function parsePayload(text, source) {
    const trimmed = text.trim();
    if (trimmed === '')
        throw new user_error/* UserError */.yo(`The ${source} is empty.`);
    let value;
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        try {
            value = JSON.parse(trimmed);
        }
        catch (error) {
            // Engines word this differently (Node 24 gives a position, Node 20 quotes the text); the
            // YAML parser reads JSON too and always knows the line and column.
            const message = (error instanceof Error ? error.message : String(error))
                .replace(/\s*\(line \d+ column \d+\)/, '')
                .replace(/, "[\s\S]*" is not valid JSON$/, '');
            const at = /position (\d+)/.exec(message);
            const pos = (0,dist/* parseDocument */.Tp)(trimmed).errors[0]?.linePos?.[0];
            const where = at ? lineColumn(trimmed, Number(at[1])) : pos ? `line ${pos.line}, column ${pos.col}` : 'somewhere';
            throw new user_error/* UserError */.yo(`The ${source} is not valid JSON (${where}): ${message.replace(/ in JSON at position \d+/, '')}.`);
        }
    }
    else {
        const doc = (0,dist/* parseDocument */.Tp)(trimmed);
        if (doc.errors.length) {
            const e = doc.errors[0];
            const pos = e.linePos?.[0];
            throw new user_error/* UserError */.yo(`The ${source} is not valid YAML (${pos ? `line ${pos.line}, column ${pos.col}` : 'somewhere'}): ` +
                `${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}.`);
        }
        value = doc.toJS();
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new user_error/* UserError */.yo(`The ${source} must be an object with "text", "blocks" or "attachments" (a Slack message), got ` +
            `${Array.isArray(value) ? 'a list' : typeof value}.`);
    const message = value;
    if (!('text' in message) && !('blocks' in message) && !('attachments' in message))
        throw new user_error/* UserError */.yo(`The ${source} has none of "text", "blocks" and "attachments"; Slack needs at least one.`);
    for (const key of ['blocks', 'attachments']) {
        if (!(key in message))
            continue;
        const list = message[key];
        if (!Array.isArray(list))
            throw new user_error/* UserError */.yo(`"${key}" in the ${source} must be a list.`);
        list.forEach((item, i) => {
            if (typeof item !== 'object' || item === null || Array.isArray(item))
                throw new user_error/* UserError */.yo(`${key}[${i}] in the ${source} must be an object.`);
            if (key === 'blocks' && typeof item.type !== 'string')
                throw new user_error/* UserError */.yo(`blocks[${i}] in the ${source} has no "type" (section, header, context, divider, ...).`);
        });
    }
    if ('text' in message && typeof message.text !== 'string')
        throw new user_error/* UserError */.yo(`"text" in the ${source} must be a string.`);
    return message;
}
function lookup(value, path) {
    let at = value;
    for (const key of path) {
        if (at === null || typeof at !== 'object')
            return undefined;
        at = at[key];
    }
    return at;
}
function resolve(name, sources, where) {
    const [head, ...rest] = name.split('.');
    if (rest.length === 0) {
        if (head in sources.values)
            return sources.values[head];
    }
    else if (head === 'inputs') {
        return sources.input(rest.join('.'));
    }
    else if (head === 'env') {
        return sources.env[rest.join('.')];
    }
    else if (head === 'github') {
        return sources.github[rest.join('.')];
    }
    else if (head === 'event') {
        const v = lookup(sources.event, rest);
        return v === undefined || v === null ? undefined : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    throw new user_error/* UserError */.yo(`Unknown placeholder {{ ${name} }} at ${where}; use ${Object.keys(sources.values).join(', ')}, inputs.<input>, env.<NAME>, ` +
        `github.<name> or event.<path>.`);
}
// Rich text leaves and table cells are structured: Slack shows their text as it is.
const LITERAL_TEXT_TYPES = new Set(['plain_text', 'text', 'link', 'raw_text', 'raw_number', 'url', 'emoji', 'date']);
// Strings of a legacy attachment that are links, IDs or settings rather than text.
const ATTACHMENT_RAW = /(^|_)(url|link|icon|id|ts|color|mrkdwn_in|name|type|style|value)$/;
function containerOf(key, parent) {
    if (key === 'blocks')
        return 'blockkit';
    if (parent === 'message')
        return key === 'attachments' ? 'attachment' : 'message';
    if (parent === 'attachment' && key === 'fields')
        return 'attachment-field';
    return parent;
}
function kindOf(key, parent, container) {
    switch (container) {
        case 'message':
            // Other top-level strings are API arguments (channel, icon_emoji, username), not markup.
            return key === 'text' ? 'mrkdwn' : 'literal';
        case 'attachment':
            return key === 'fallback' || ATTACHMENT_RAW.test(key) ? 'literal' : 'mrkdwn';
        case 'attachment-field':
            return 'mrkdwn';
        case 'blockkit':
            // Block Kit parses markup only in a text object's text; every other string is structured.
            if (key !== 'text')
                return 'literal';
            if (parent.type === 'markdown')
                return 'markdown';
            return typeof parent.type === 'string' && LITERAL_TEXT_TYPES.has(parent.type) ? 'literal' : 'mrkdwn';
    }
}
/** Standard markdown's punctuation, each escaped with a backslash (the markdown block reference). */
function escapeMarkdown(text) {
    return text.replace(/[\\`*_~[\]()<>#|!&]/g, (c) => `\\${c}`);
}
const percent = (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
/** A value inside a link's target: it may not end the link, start its label or become a command. */
function escapeLinkTarget(value, kind, atStart) {
    const encoded = value.replace(kind === 'mrkdwn' ? /[<>|\s]/g : /[<>()\\\s]/g, (c) => c.charCodeAt(0) < 128 ? percent(c) : encodeURIComponent(c));
    // <!channel>, <@U123> and <#C123> are Slack's commands: a link target must not begin like one.
    return atStart ? encoded.replace(/^[!@#]/, percent) : encoded;
}
/** For each position of `template`, which part of a link it is in (mrkdwn <target|label>, markdown
 * [label](target)); the template's own markup decides, the values filled in later cannot. */
function linkParts(template, kind) {
    const marks = [];
    if (kind === 'mrkdwn') {
        let part = 'text';
        for (let i = 0; i < template.length; i++) {
            const c = template[i];
            if (c === '<' && part === 'text') {
                marks.push({ at: i + 1, part: 'target-start' }, { at: i + 2, part: 'target' });
                part = 'target';
            }
            else if (c === '|' && part === 'target') {
                marks.push({ at: i + 1, part: 'label' });
                part = 'label';
            }
            else if (c === '>' && part !== 'text') {
                marks.push({ at: i + 1, part: 'text' });
                part = 'text';
            }
        }
    }
    else if (kind === 'markdown') {
        for (const m of template.matchAll(/\]\(([^)]*)\)/g))
            marks.push({ at: m.index + 2, part: 'target' }, { at: m.index + m[0].length - 1, part: 'text' });
    }
    return (index) => marks.filter((m) => m.at <= index).at(-1)?.part ?? 'text';
}
/**
 * `value` made safe for where it lands: in a string Slack reads as `kind`, at `part` of a link.
 * mrkdwn: &, < and > become entities (Slack's escaping); markdown: its punctuation is escaped
 * with backslashes; a link's target: the characters that would end it or start its label are
 * percent-encoded, and at its start so are !, @ and # (Slack's <!channel>, <@U…>, <#C…>);
 * literal strings are returned as they are.
 */
function escapeFor(value, kind, part = 'text') {
    if (kind === 'literal')
        return value;
    if (part === 'target' || part === 'target-start')
        return escapeLinkTarget(value, kind, part === 'target-start');
    return kind === 'markdown' ? escapeMarkdown(value) : escapeMrkdwn(value);
}
/**
 * Fill every {{ placeholder }} in every string of the payload (keys are left alone). Each value is
 * escaped for where it lands (escapeFor); names in `sources.unescaped` are inserted as given.
 * Gives the message, the placeholders that had no value and every placeholder name used.
 */
function fillPlaceholders(payload, sources) {
    const empty = new Set();
    const used = new Set();
    const unescaped = sources.unescaped ?? new Set();
    const fill = (template, kind, where) => {
        const partAt = linkParts(template, kind);
        return template.replace(PLACEHOLDER, (_, name, offset) => {
            const v = resolve(name, sources, where) ?? '';
            used.add(name);
            if (v === '')
                empty.add(name);
            return unescaped.has(name) ? v : escapeFor(v, kind, partAt(offset));
        });
    };
    const walk = (value, where, container) => {
        if (Array.isArray(value))
            return value.map((v, i) => walk(v, `${where}[${i}]`, container));
        if (!value || typeof value !== 'object')
            return value;
        const obj = value;
        return Object.fromEntries(Object.entries(obj).map(([k, v]) => {
            const at = where ? `${where}.${k}` : k;
            return [k, typeof v === 'string' ? fill(v, kindOf(k, obj, container), at) : walk(v, at, containerOf(k, container))];
        }));
    };
    const message = walk(payload, '', 'message');
    return { message, empty: [...empty], used: [...used] };
}

// EXTERNAL MODULE: ./.build/actions/lib/findings/model.js
var model = __webpack_require__(1468);
;// CONCATENATED MODULE: ./.build/actions/lib/slack/mrkdwn.js
// GitHub markdown (our changelogs, release notes) to Slack mrkdwn, which has its own dialect:
// *bold*, _italic_, <url|label>, no headings, no nested lists.

function inline(text) {
    // Links and bold first, then escape what is left, keeping the link syntax we produced.
    const links = [];
    let out = text.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_, label, url) => {
        links.push(`<${url}|${escapeMrkdwn(label).replace(/\|/g, '∣')}>`);
        return `\u0000${links.length - 1}\u0000`;
    });
    out = escapeMrkdwn(out).replace(/\*\*([^*]+)\*\*/g, '*$1*');
    return out.replace(/\u0000(\d+)\u0000/g, (_, i) => links[Number(i)]);
}
/** Convert markdown line by line; code fences are kept verbatim (escaped). */
function markdownToMrkdwn(markdown) {
    const out = [];
    let inFence = false;
    for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
        if (/^\s*```/.test(line)) {
            inFence = !inFence;
            out.push('```');
            continue;
        }
        if (inFence) {
            out.push(escapeMrkdwn(line));
            continue;
        }
        const heading = /^#{1,6}\s+(.*)$/.exec(line);
        if (heading) {
            out.push(`*${inline(heading[1]).replace(/\*/g, '')}*`);
            continue;
        }
        const item = /^(\s*)[-*+]\s+(.*)$/.exec(line);
        if (item) {
            out.push(`${item[1].length >= 2 ? '    ◦' : '•'} ${inline(item[2])}`);
            continue;
        }
        out.push(inline(line));
    }
    return out
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
}
/** The first `maxLines` lines, with a note of how many more there are. */
function excerpt(text, maxLines, more) {
    const lines = text.split('\n');
    if (lines.length <= maxLines)
        return text;
    let kept = lines.slice(0, maxLines);
    if ((kept.join('\n').match(/```/g) ?? []).length % 2 === 1)
        kept = [...kept, '```'];
    return `${kept.join('\n')}\n${more(lines.length - maxLines)}`;
}

;// CONCATENATED MODULE: ./.build/actions/lib/slack/templates.js



const STATUSES = ['started', 'success', 'failure', 'cancelled', 'rolled-back', 'needs-approval'];
const TEMPLATES = ['deploy', 'security', 'release', 'custom'];
/** Colour bar, emoji shortcode and the word for each status. */
const STATUS_STYLE = {
    started: { color: '#36C5F0', emoji: ':rocket:', word: 'started' },
    success: { color: '#2EB67D', emoji: ':white_check_mark:', word: 'succeeded' },
    failure: { color: '#E01E5A', emoji: ':x:', word: 'failed' },
    cancelled: { color: '#9A9A9A', emoji: ':no_entry_sign:', word: 'was cancelled' },
    'rolled-back': { color: '#E8912D', emoji: ':leftwards_arrow_with_hook:', word: 'was rolled back' },
    'needs-approval': { color: '#ECB22E', emoji: ':hourglass_flowing_sand:', word: 'needs approval' }
};
/** The status a template's `result` means when `status` is auto. */
function statusFromResult(template, result) {
    const r = result.trim();
    if (template === 'deploy') {
        if (r === '')
            return 'started';
        return ({ deployed: 'success', 'dry-run': 'success', 'rolled-back': 'rolled-back', failed: 'failure' }[r] ??
            'failure');
    }
    if (template === 'security')
        return ({ pass: 'success', 'needs-approval': 'needs-approval', fail: 'failure' }[r] ??
            (r === '' ? 'success' : 'failure'));
    return 'success';
}
/** The repository's web address, and the workflow run's. */
const repoUrl = (run) => `${run.serverUrl}/${run.repository}`;
const runUrl = (run) => `${repoUrl(run)}/actions/runs/${run.runId}`;
function refName(ref) {
    return ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\/(\d+)\/merge$/, 'PR #$1');
}
function what(spec, version) {
    return [spec.service, version].filter(Boolean).join(' ');
}
/** The one line people read first (plain text, not escaped): the title, or the template's wording for the status. */
function headline(spec) {
    if (spec.title)
        return spec.title;
    const s = spec.status;
    const where = refName(spec.run.ref) || spec.run.repository;
    switch (spec.template) {
        case 'deploy': {
            const subject = what(spec, spec.deploy.version);
            const to = spec.deploy.environment ? ` to ${spec.deploy.environment}` : '';
            const inEnv = spec.deploy.environment ? ` in ${spec.deploy.environment}` : '';
            return {
                started: `Deploying ${subject}${to}`,
                success: `${spec.deploy.result === 'dry-run' ? 'Dry run of' : 'Deployed'} ${subject}${to}`,
                failure: `Deploy of ${subject}${to} failed`,
                cancelled: `Deploy of ${subject}${to} was cancelled`,
                'rolled-back': `${subject} failed${inEnv} and was rolled back`,
                'needs-approval': `${subject} waits for approval to deploy${to}`
            }[s];
        }
        case 'security':
            return {
                started: `Security gates running on ${where}`,
                success: `Security gates passed on ${where}`,
                failure: `Security gates failed on ${where}`,
                cancelled: `Security gates cancelled on ${where}`,
                'rolled-back': `Security gates on ${where}: rolled back`,
                'needs-approval': `Security gates on ${where} need approval`
            }[s];
        case 'release': {
            const subject = what(spec, spec.release.version);
            return {
                started: `Releasing ${subject}`,
                success: `Released ${subject}`,
                failure: `Release of ${subject} failed`,
                cancelled: `Release of ${subject} was cancelled`,
                'rolled-back': `Release of ${subject} was rolled back`,
                'needs-approval': `Release of ${subject} waits for approval`
            }[s];
        }
        default:
            return `${spec.run.workflow || spec.service} ${STATUS_STYLE[s].word}`;
    }
}
function seconds(raw) {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n))
        return '';
    return n >= 60 ? `${Math.floor(n / 60)} min ${Math.round(n % 60)} s` : `${Math.round(n * 10) / 10} s`;
}
const code = (s) => `\`${escapeMrkdwn(s).replace(/`/g, "'")}\``;
function deployBlocks(spec) {
    const d = spec.deploy;
    const blocks = [];
    if ((spec.status === 'failure' || spec.status === 'rolled-back') && d.reason)
        blocks.push(section(`*Reason*\n${preformatted(d.reason)}`));
    const fields = [];
    if (d.environment)
        fields.push({ label: 'Environment', value: d.environmentUrl ? blocks_link(d.environmentUrl, d.environment) : escapeMrkdwn(d.environment) });
    if (d.version)
        fields.push({ label: 'Version', value: code(d.version) });
    if (d.result)
        fields.push({ label: 'Result', value: escapeMrkdwn(d.result) });
    if (d.revision || d.previousRevision)
        fields.push({ label: 'Revision', value: escapeMrkdwn([d.previousRevision, d.revision].filter(Boolean).join(' → ')) });
    const took = seconds(d.durationSeconds);
    if (took)
        fields.push({ label: 'Took', value: took });
    const rollback = seconds(d.rollbackSeconds);
    if (rollback)
        fields.push({ label: 'Rollback', value: `healthy again after ${rollback}` });
    if (fields.length)
        blocks.push(fieldsSection(fields));
    if (d.images.length)
        blocks.push(section(`*Images*\n${d.images.map(code).join('\n')}`));
    return blocks;
}
const SEVERITY_ORDER = model/* SEVERITIES */.oC.filter((s) => s !== 'info');
function securityBlocks(spec) {
    const f = spec.security;
    const blocks = [];
    const shown = SEVERITY_ORDER.filter((s) => f.counts[s] !== undefined || f.limits[s] !== undefined);
    if (shown.length) {
        const approval = new Set(f.approvals.map((a) => a.severity));
        const rows = shown.map((s) => {
            const count = f.counts[s] ?? 0;
            const max = f.limits[s];
            const limit = max === undefined ? '' : max === null ? 'none' : String(max);
            const verdict = max !== undefined && max !== null && count > max ? 'over the limit' : approval.has(s) && count > 0 ? 'needs approval' : '';
            return [s, String(count), limit, verdict];
        });
        const table = [['severity', 'found', 'limit', ''], ...rows];
        const width = [0, 1, 2].map((i) => Math.max(...table.map((r) => r[i].length)));
        const text = table
            .map((r) => `${r[0].padEnd(width[0])}  ${r[1].padStart(width[1])}  ${r[2].padStart(width[2])}  ${r[3]}`.trimEnd())
            .join('\n');
        blocks.push(section(preformatted(text)));
    }
    const breaches = SEVERITY_ORDER.filter((s) => {
        const max = f.limits[s];
        return max !== undefined && max !== null && (f.counts[s] ?? 0) > max;
    }).map((s) => `${f.counts[s]} ${s} (at most ${f.limits[s]} allowed)`);
    if (breaches.length)
        blocks.push(section(`*Over the limit:* ${escapeMrkdwn(breaches.join(', '))}`));
    if (f.approvals.length && !breaches.length)
        blocks.push(section(`*Passes with approval:* ${escapeMrkdwn(f.approvals.map((a) => `${a.count} ${a.severity}`).join(', '))}`));
    const ofNew = f.newCount !== undefined ? ` of ${f.newCount} new` : '';
    if (f.topFindings.length)
        blocks.push(section(`*Most severe${ofNew}*\n${f.topFindings.map((l) => `• ${l}`).join('\n')}`));
    return blocks;
}
function releaseBlocks(spec) {
    const r = spec.release;
    const blocks = [];
    const fields = [];
    if (r.version)
        fields.push({ label: 'Version', value: code(r.version) });
    if (r.releaseUrl)
        fields.push({ label: 'Release', value: blocks_link(r.releaseUrl, 'release notes') });
    if (fields.length)
        blocks.push(fieldsSection(fields));
    if (r.tags.length)
        blocks.push(section(`*Image tags*\n${r.tags.map(code).join('\n')}`));
    if (r.changelog.trim()) {
        const notes = markdownToMrkdwn(r.changelog);
        const inNotes = r.releaseUrl ? ` in the ${blocks_link(r.releaseUrl, 'release notes')}` : '';
        blocks.push(section(excerpt(notes, 25, (hidden) => `_… ${hidden} more line(s)${inNotes}_`)));
    }
    return blocks;
}
/** repository · ref @ commit · actor · workflow run: the line under every message. */
function footer(run) {
    // Outside a runner (sgw notify) there is no repository or run to link to.
    if (!run.repository)
        return context([run.actor ? `by ${escapeMrkdwn(run.actor)}` : 'sent with sgw notify']);
    const repo = repoUrl(run);
    const parts = [blocks_link(repo, run.repository)];
    const ref = refName(run.ref);
    if (run.prNumber)
        parts.push(blocks_link(`${repo}/pull/${run.prNumber}`, `PR #${run.prNumber}`));
    else if (ref)
        parts.push(blocks_link(`${repo}/tree/${ref}`, ref));
    if (run.sha)
        parts.push(blocks_link(`${repo}/commit/${run.sha}`, run.sha.slice(0, 7)));
    if (run.actor)
        parts.push(`by ${escapeMrkdwn(run.actor)}`);
    if (run.runId)
        parts.push(blocks_link(runUrl(run), `${run.workflow || 'workflow'} #${run.runNumber || run.runId}`));
    return context([parts.join(' · ')]);
}
/** The whole message for a template (not `custom` payloads, which the user writes). */
function buildMessage(spec) {
    const style = STATUS_STYLE[spec.status];
    const title = `${style.emoji} ${escapeMrkdwn(headline(spec))}`;
    const mention = (spec.status === 'failure' || spec.status === 'rolled-back') && spec.mentions.length ? ` ${spec.mentions.join(' ')}` : '';
    const blocks = [];
    if (spec.text)
        blocks.push(section(spec.text));
    else if (spec.template === 'deploy')
        blocks.push(...deployBlocks(spec));
    else if (spec.template === 'security')
        blocks.push(...securityBlocks(spec));
    else if (spec.template === 'release')
        blocks.push(...releaseBlocks(spec));
    // Extra key: value lines, ten to a section (Slack's limit per section).
    for (let i = 0; i < spec.fields.length; i += 10)
        blocks.push(fieldsSection(spec.fields.slice(i, i + 10).map((f) => ({ label: f.label, value: escapeMrkdwn(f.value) }))));
    blocks.push(footer(spec.run));
    return {
        // Shown above the card and used for the notification; mentions only notify from here.
        text: `${title}${mention}`,
        attachments: [{ color: style.color, fallback: `${headline(spec)}`, blocks }]
    };
}

;// CONCATENATED MODULE: ./.build/actions/lib/slack/compose.js
// One message from either source, a template or the user's payload, always cut to Slack's limits.




// Our own markup, built from validated member and group IDs: it must stay markup to notify.
const OWN_MARKUP = ['mentions'];
/** The values a payload's bare {{ name }} placeholders can use, from the message's spec. */
function placeholderValues(spec) {
    const style = STATUS_STYLE[spec.status];
    const mentionsNow = spec.status === 'failure' || spec.status === 'rolled-back' ? spec.mentions.join(' ') : '';
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
    };
}
/**
 * The message to send: the template's for `spec`, or the user's payload filled from it (each value
 * escaped for where it lands, payload.ts), then fitted to Slack's limits (limits.ts). Gives the
 * message and what to warn about: the cuts, empty placeholders, unused unescaped names.
 */
function composeMessage(spec, payload) {
    let message;
    let empty = [];
    let unusedUnescaped = [];
    if (payload) {
        const unescaped = new Set([...payload.unescaped, ...OWN_MARKUP]);
        const filled = fillPlaceholders(payload.message, { ...payload.sources, values: placeholderValues(spec), unescaped });
        message = filled.message;
        empty = filled.empty;
        unusedUnescaped = payload.unescaped.filter((name) => !filled.used.includes(name));
        // Without a top-level text Slack has nothing for the notification; the headline serves.
        if (typeof message.text !== 'string' || message.text === '')
            message = { ...message, text: `${STATUS_STYLE[spec.status].emoji} ${escapeMrkdwn(headline(spec))}` };
    }
    else {
        message = buildMessage(spec);
    }
    const fitted = fitToSlackLimits(message);
    return { message: fitted.message, cuts: fitted.notes, emptyPlaceholders: empty, unusedUnescaped };
}

;// CONCATENATED MODULE: ./.build/actions/lib/slack/transport.js
// Delivery to Slack: an incoming webhook, or the Web API's chat.postMessage / chat.update with a
// bot token. Transient failures (429 with Retry-After, 5xx, network errors, no answer in time,
// Slack's own retryable error codes) are retried with backoff; errors that cannot succeed on a
// second try are reported at once with what to do. No URL or token ever appears in a message.

/** Slack refused or could not take the message; `permanent` when retrying would not help. */
class SlackDeliveryError extends user_error/* UserError */.yo {
    code;
    permanent;
    attempts;
    constructor(message, code, permanent, attempts) {
        super(message);
        this.code = code;
        this.permanent = permanent;
        this.attempts = attempts;
    }
}
// Web API error codes that a later attempt can get past (the others are the caller's to fix).
const RETRYABLE_CODES = new Set(['ratelimited', 'rate_limited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);
const ADVICE = [
    [
        ['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'not_allowed_token_type'],
        'the bot token was refused: the secret must hold the Bot User OAuth Token (xoxb-...) of an app installed in this workspace'
    ],
    [
        ['missing_scope'],
        'the app lacks a scope it needs for chat.postMessage / chat.update (chat:write): ' +
            'add it under OAuth & Permissions and reinstall the app'
    ],
    [
        ['channel_not_found'],
        'the channel does not exist or the app cannot see it: give the channel ID (C0123ABCD, from the channel details) and invite the ' +
            'app to a private channel'
    ],
    [['not_in_channel'], 'the app is not in the channel: invite it (/invite @your-app) or give it the chat:write.public scope'],
    [['is_archived', 'channel_is_archived'], 'the channel is archived: unarchive it or send to another channel'],
    [['msg_too_long', 'msg_blocks_too_long'], 'the message is longer than Slack accepts: shorten the text or the payload'],
    [['no_text', 'missing_text_or_fallback_or_attachments'], 'the message has no text, blocks or attachments'],
    [
        [
            'invalid_blocks',
            'invalid_blocks_format',
            'invalid_attachments',
            'invalid_payload',
            'too_many_attachments',
            'invalid_arguments',
            'invalid_json',
            'json_not_object'
        ],
        'Slack refused the message format: check the payload against Block Kit (https://app.slack.com/block-kit-builder)'
    ],
    [['message_not_found'], 'update-ts names no message in this channel: pass the ts and channel outputs of the step that posted it'],
    [['cant_update_message'], 'a bot can only update its own messages: update-ts must come from a message posted with the same bot token'],
    [['edit_window_closed'], 'the message is too old to edit in this workspace: post a new one'],
    [
        ['restricted_action', 'action_prohibited', 'posting_to_general_channel_denied', 'ekm_access_denied'],
        'a workspace setting forbids this app to post there: ask a Slack admin, or send to another channel'
    ],
    [
        ['no_service', 'no_service_id', 'no_team', 'team_disabled', 'invalid_token', 'user_not_found'],
        'the webhook URL is no longer valid (revoked, or the app was removed): create a new incoming webhook and update the secret'
    ],
    [['ratelimited', 'rate_limited'], 'Slack kept rate-limiting this app: send fewer messages, or raise retries']
];
/** What to do about a Slack error code, or undefined for a code we have no advice for. */
function adviceFor(code) {
    return ADVICE.find(([codes]) => codes.includes(code))?.[1];
}
function retryAfter(header, now) {
    if (!header)
        return undefined;
    if (/^\d+$/.test(header.trim()))
        return Number(header.trim()) * 1000;
    const date = Date.parse(header);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function httpAnswer(status, code, retryAfterMs) {
    const retryable = status === 429 || status >= 500;
    const wait = retryAfterMs !== undefined ? ` (Retry-After ${Math.round(retryAfterMs / 100) / 10} s)` : '';
    return {
        ok: false,
        retryable,
        code: code || `http_${status}`,
        outcome: `HTTP ${status}${code ? ` ${code}` : ''}${wait}`,
        retryAfterMs,
        details: [],
        warnings: []
    };
}
/** The body of Slack's answer as one safe code word (webhooks answer plain text such as "invalid_payload"). */
function codeWord(text) {
    const word = text.trim().split(/\s/)[0] ?? '';
    return /^[a-z_]{2,64}$/.test(word) ? word : '';
}
async function attempt(dest, message, options) {
    const fetchFn = options.fetch;
    const headers = { 'Content-Type': 'application/json; charset=utf-8' };
    let url;
    let body;
    if (dest.kind === 'webhook') {
        url = dest.url;
        body = message;
    }
    else {
        headers.Authorization = `Bearer ${dest.token}`;
        const method = dest.updateTs ? 'chat.update' : 'chat.postMessage';
        url = `${dest.apiUrl.replace(/\/+$/, '')}/${method}`;
        body = dest.updateTs
            ? { ...message, channel: dest.channel, ts: dest.updateTs }
            : { ...message, channel: dest.channel, ...(dest.threadTs ? { thread_ts: dest.threadTs } : {}) };
    }
    let response;
    const started = options.now();
    try {
        response = await fetchFn(url, {
            method: 'POST',
            headers,
            body: JSON.stringify(body),
            redirect: 'manual',
            signal: AbortSignal.timeout(options.timeoutMs)
        });
    }
    catch (error) {
        const e = error;
        if (e.name === 'TimeoutError' || e.name === 'AbortError')
            return {
                ok: false,
                retryable: true,
                code: 'timeout',
                outcome: `no answer within ${options.timeoutMs / 1000} s`,
                details: [],
                warnings: []
            };
        const code = e.cause?.code ?? 'network_error';
        return { ok: false, retryable: true, code, outcome: `network error ${code}`, details: [], warnings: [] };
    }
    let text;
    try {
        text = await response.text();
    }
    catch (error) {
        const e = error;
        return {
            ok: false,
            retryable: true,
            code: 'timeout',
            outcome: e.name === 'TimeoutError' ? `answer not complete within ${options.timeoutMs / 1000} s` : 'the connection broke during the answer',
            details: [],
            warnings: []
        };
    }
    const wait = retryAfter(response.headers.get('retry-after'), started);
    if (response.status >= 300 && response.status < 400)
        return {
            ok: false,
            retryable: false,
            code: 'redirect',
            outcome: `HTTP ${response.status} redirect`,
            details: ['the URL redirects elsewhere: it is not an incoming webhook or Web API URL'],
            warnings: []
        };
    if (dest.kind === 'webhook') {
        if (response.status === 200)
            return { ok: true, retryable: false, code: 'ok', outcome: 'ok', details: [], warnings: [] };
        return httpAnswer(response.status, codeWord(text), wait);
    }
    if (response.status !== 200) {
        let code = '';
        try {
            const error = JSON.parse(text)?.error;
            code = typeof error === 'string' ? error : '';
        }
        catch {
            code = codeWord(text);
        }
        return httpAnswer(response.status, /^[a-z_]{2,64}$/.test(code) ? code : '', wait);
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return {
            ok: false,
            retryable: false,
            code: 'not_json',
            outcome: 'HTTP 200 without a JSON body',
            details: ["api-url did not answer as Slack's Web API does; check it"],
            warnings: []
        };
    }
    const warnings = [json.warning, ...(Array.isArray(json.response_metadata?.warnings) ? json.response_metadata.warnings : [])]
        .filter((w) => typeof w === 'string')
        .flatMap((w) => w.split(','));
    if (json.ok === true)
        return {
            ok: true,
            retryable: false,
            code: 'ok',
            outcome: 'ok',
            ts: typeof json.ts === 'string' ? json.ts : '',
            channel: typeof json.channel === 'string' ? json.channel : '',
            details: [],
            warnings
        };
    const code = typeof json.error === 'string' ? json.error : 'unknown_error';
    const details = Array.isArray(json.response_metadata?.messages)
        ? json.response_metadata.messages.filter((m) => typeof m === 'string').slice(0, 5)
        : [];
    if (typeof json.needed === 'string')
        details.unshift(`Slack says the app needs the scope ${json.needed}`);
    return { ok: false, retryable: RETRYABLE_CODES.has(code), code, outcome: `ok: false, ${code}`, retryAfterMs: wait, details, warnings };
}
const sleepReal = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Send the message, retrying what can succeed later: 429 after its Retry-After, 5xx, network errors
 * and timeouts after 1 s, 2 s, 4 s ... (plus up to 20 % jitter).
 */
async function deliver(dest, message, options) {
    const o = {
        fetch: globalThis.fetch,
        sleep: sleepReal,
        random: Math.random,
        now: Date.now,
        log: () => undefined,
        ...options
    };
    const attempts = [];
    const what = dest.kind === 'webhook' ? 'the incoming webhook' : dest.updateTs ? 'chat.update' : 'chat.postMessage';
    const total = o.retries + 1;
    for (let n = 1;; n++) {
        const started = o.now();
        const answer = await attempt(dest, message, o);
        const record = { outcome: answer.outcome, ms: o.now() - started };
        attempts.push(record);
        if (answer.ok) {
            const channel = answer.channel || (dest.kind === 'api' ? dest.channel : '');
            const ts = answer.ts ?? '';
            const threadTs = dest.kind === 'api' && dest.threadTs ? dest.threadTs : ts;
            return { ts, channel, threadTs, attempts, warnings: answer.warnings };
        }
        const fail = (why, permanent) => {
            const advice = adviceFor(answer.code);
            const lines = [`Slack ${what} failed after ${n} attempt(s) (${attempts.map((a) => a.outcome).join('; ')})${why ? `: ${why}` : ''}.`];
            if (advice)
                lines.push(`What to do: ${advice}.`);
            if (answer.details.length)
                lines.push(`Slack said: ${answer.details.join(' | ')}`);
            return new SlackDeliveryError(lines.join('\n'), answer.code, permanent, attempts);
        };
        if (!answer.retryable)
            throw fail('retrying cannot help', true);
        if (n >= total)
            throw fail(`gave up after ${o.retries} retr${o.retries === 1 ? 'y' : 'ies'}`, false);
        const wait = answer.retryAfterMs ?? Math.round(1000 * 2 ** (n - 1) * (1 + 0.2 * o.random()));
        if (wait > o.maxWaitMs)
            throw fail(`Slack asked to wait ${Math.ceil(wait / 1000)} s, longer than ${Math.round(o.maxWaitMs / 1000)} s`, false);
        record.waitMs = wait;
        o.log(`Slack ${what}: ${answer.outcome}; retry ${n} of ${o.retries} in ${(wait / 1000).toFixed(1)} s`);
        await o.sleep(wait);
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(6421);
// EXTERNAL MODULE: ./.build/actions/lib/inputs/parse.js
var parse = __webpack_require__(401);
// EXTERNAL MODULE: ./.build/actions/lib/findings/report-error.js
var report_error = __webpack_require__(3228);
;// CONCATENATED MODULE: ./.build/actions/lib/slack/facts.js
// Reading the other actions' outputs into the facts the templates show: kube-deploy's images,
// the severity gate's counts (its outputs, toJSON of them, or its security-summary.json).





/** `critical=1, high=2` or a JSON object ({"critical":"1",...}, e.g. toJSON(steps.gate.outputs)). */
function parseSeverityMap(name, raw, allowNone) {
    const text = raw.trim();
    const values = {};
    const extra = {};
    if (text === '')
        return { values, extra };
    let entries;
    if (text.startsWith('{')) {
        let obj;
        try {
            obj = JSON.parse(text);
        }
        catch {
            throw new user_error/* UserError */.yo(`Input "${name}" starts with { but is not valid JSON; give a JSON object or critical=0,high=5,...`);
        }
        if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
            throw new user_error/* UserError */.yo(`Input "${name}" must be a JSON object or critical=0,high=5,...`);
        entries = Object.entries(obj).map(([k, v]) => {
            if (v === null)
                return [k, 'none'];
            if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
                return [k, String(v)];
            throw new user_error/* UserError */.yo(`Input "${name}": "${k}" must be a number or a string, got ${Array.isArray(v) ? 'a list' : 'an object'}.`);
        });
    }
    else {
        entries = text
            .split(/[\n,]/)
            .map((s) => s.trim())
            .filter(Boolean)
            .map((pair) => {
            const at = pair.indexOf('=');
            if (at < 1)
                throw new user_error/* UserError */.yo(`Input "${name}" must list severity=number pairs (critical=0, high=5), got "${pair}".`);
            return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
        });
    }
    for (const [key, value] of entries) {
        const k = key.toLowerCase();
        if (!(0,model/* isSeverity */._Z)(k)) {
            extra[key] = value;
            continue;
        }
        if (allowNone && value.toLowerCase() === 'none')
            values[k] = null;
        else if (/^\d+$/.test(value))
            values[k] = Number(value);
        else
            throw new user_error/* UserError */.yo(`Input "${name}": ${k} must be a whole number${allowNone ? ' or none' : ''}, got "${value}".`);
    }
    return { values, extra };
}
const RANK = Object.fromEntries(model/* SEVERITIES */.oC.map((s, i) => [s, i]));
const record = (v) => ((0,report_error/* isObject */.Gv)(v) ? v : undefined);
const count = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
/** The security template's facts from the gate's security-summary.json. Only fields of the right
 * type are read: a hand-edited or foreign file gives fewer facts, never a crash. */
function readGateReport(path, input) {
    let parsed;
    try {
        parsed = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new user_error/* UserError */.yo(`Input "${input}": cannot read ${path} as the gate's JSON report (${error.code ?? 'not JSON'}); ` +
            `give the severity gate's summary-json output.`);
    }
    const doc = record(parsed);
    const counts = record(doc?.counts);
    if (!doc || !counts)
        throw new user_error/* UserError */.yo(`Input "${input}": ${path} is not a security summary (no "counts" object); give the severity gate's summary-json output.`);
    const thresholds = record(doc.thresholds) ?? {};
    const facts = {
        result: (0,report_error/* str */.gx)(doc.result) ?? '',
        counts: {},
        limits: {},
        approvals: [],
        topFindings: [],
        newCount: count(doc.new)
    };
    for (const s of model/* SEVERITIES */.oC) {
        const n = count(counts[s]);
        if (n !== undefined)
            facts.counts[s] = n;
        const limit = thresholds[s] === null ? null : count(thresholds[s]);
        if (limit !== undefined)
            facts.limits[s] = limit;
    }
    for (const a of Array.isArray(doc.approvals) ? doc.approvals : []) {
        const approval = record(a);
        const n = count(approval?.count);
        if (approval && (0,model/* isSeverity */._Z)(approval.severity) && n !== undefined)
            facts.approvals.push({ severity: approval.severity, count: n });
    }
    const worst = [];
    for (const f of Array.isArray(doc.findings) ? doc.findings : []) {
        const finding = record(f);
        if (!finding || finding.status !== 'new' || !(0,model/* isSeverity */._Z)(finding.severity) || finding.severity === 'info')
            continue;
        const location = record(finding.location) ?? {};
        const pkg = (0,report_error/* str */.gx)(location.package);
        const file = (0,report_error/* str */.gx)(location.file);
        const line = count(location.line);
        const version = (0,report_error/* str */.gx)(location.installedVersion);
        const where = pkg ? `${pkg}${version ? ` ${version}` : ''}` : file ? `${file}${line ? `:${line}` : ''}` : '';
        worst.push({
            severity: finding.severity,
            line: `*${finding.severity}* \`${escapeMrkdwn((0,report_error/* str */.gx)(finding.ruleId) ?? '?')}\` ` +
                `${escapeMrkdwn((0,report_error/* str */.gx)(finding.title) ?? '')}${where ? ` (${escapeMrkdwn(where)})` : ''}`
        });
    }
    facts.topFindings = worst
        .sort((a, b) => RANK[a.severity] - RANK[b.severity])
        .slice(0, 5)
        .map((w) => w.line);
    return facts;
}
/** The tag of the first image (web=ghcr.io/acme/web:1.4.0 gives 1.4.0), for a headline. */
function versionFromImages(images) {
    const ref = (images[0] ?? '').replace(/^[^=\s]+=/, '');
    if (ref.includes('@'))
        return '';
    const m = /:([\w][\w.-]{0,127})$/.exec(ref.slice(ref.lastIndexOf('/') + 1));
    return m ? m[1] : '';
}

;// CONCATENATED MODULE: ./.build/actions/slack-notify/settings.js
// slack-notify's inputs, parsed once into where to send, what to say and how hard to try. The
// webhook URL's secret and the bot token are masked before anything else can print them.








const NotifyInput = {
    WebhookUrl: 'webhook-url',
    BotToken: 'bot-token',
    Channel: 'channel',
    UpdateTs: 'update-ts',
    ThreadTs: 'thread-ts',
    ApiUrl: 'api-url',
    Status: 'status',
    Template: 'template',
    Service: 'service',
    Title: 'title',
    Text: 'text',
    Fields: 'fields',
    MentionOnFailure: 'mention-on-failure',
    Environment: 'environment',
    EnvironmentUrl: 'environment-url',
    Version: 'version',
    Images: 'images',
    Result: 'result',
    Reason: 'reason',
    Revision: 'revision',
    PreviousRevision: 'previous-revision',
    DurationSeconds: 'duration-seconds',
    RollbackSeconds: 'rollback-seconds',
    Counts: 'counts',
    Limits: 'limits',
    GateReport: 'gate-report',
    Changelog: 'changelog',
    ReleaseUrl: 'release-url',
    Tags: 'tags',
    Payload: 'payload',
    PayloadFile: 'payload-file',
    PayloadUnescapedPlaceholders: 'payload-unescaped-placeholders',
    Retries: 'retries',
    Timeout: 'timeout',
    MaxWait: 'max-wait',
    FailOnError: 'fail-on-error'
};
const NotifyOutput = {
    Ok: 'ok',
    Ts: 'ts',
    Channel: 'channel',
    ThreadTs: 'thread-ts',
    Error: 'error'
};
/**
 * Mask the webhook URL (whole, and its secret part: urlSecrets), the bot token (whole: it is the
 * credential) and a credential inside api-url (a proxy's user:password@ or token), before any
 * parsing, so that not even an input error can print them.
 */
function maskSecrets(get) {
    const webhook = get(NotifyInput.WebhookUrl).trim();
    if (webhook)
        for (const secret of urlSecrets(webhook, true))
            core.setSecret(secret);
    const token = get(NotifyInput.BotToken).trim();
    if (token)
        core.setSecret(token);
    // api-url is public (https://slack.com/api) unless a proxy put a credential in it.
    const api = get(NotifyInput.ApiUrl).trim();
    if (api)
        for (const secret of urlSecrets(api, false))
            core.setSecret(secret);
}
function isLoopback(host) {
    return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
/** An https URL (plain http only to this machine, for stand-ins); never echoes a secret value. */
function checkUrl(name, raw, secret) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new user_error/* UserError */.yo(`Input "${name}" is not a URL${secret ? ' (its value is not shown: it is a secret)' : `: "${raw}"`}.`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
        throw new user_error/* UserError */.yo(`Input "${name}" must be an https:// URL${secret ? '' : `, got "${raw}"`}.`);
    return url;
}
/** Where to send: the webhook, or the Web API with a token and channel; a user error names the input to fix. */
function readDestination(get) {
    const webhook = get(NotifyInput.WebhookUrl).trim();
    const token = get(NotifyInput.BotToken).trim();
    const channel = get(NotifyInput.Channel).trim();
    const updateTs = get(NotifyInput.UpdateTs).trim();
    const threadTs = get(NotifyInput.ThreadTs).trim();
    const ts = /^\d{9,11}\.\d{6}$/;
    for (const [name, value] of [
        [NotifyInput.UpdateTs, updateTs],
        [NotifyInput.ThreadTs, threadTs]
    ])
        if (value && !ts.test(value))
            throw new user_error/* UserError */.yo(`Input "${name}" must be a Slack message ts such as 1712345678.123456 (the ts output of an earlier slack-notify step), got ` +
                `"${value}".`);
    if (webhook && token)
        throw new user_error/* UserError */.yo(`Set one of "${NotifyInput.WebhookUrl}" and "${NotifyInput.BotToken}", not both.`);
    if (webhook) {
        if (updateTs || threadTs)
            throw new user_error/* UserError */.yo(`"${updateTs ? NotifyInput.UpdateTs : NotifyInput.ThreadTs}" needs "${NotifyInput.BotToken}": an incoming webhook can ` +
                `neither update a message nor tell which message it posted.`);
        checkUrl(NotifyInput.WebhookUrl, webhook, true);
        return { kind: 'webhook', url: webhook };
    }
    if (token) {
        if (!channel)
            throw new user_error/* UserError */.yo(`Input "${NotifyInput.Channel}" is required with "${NotifyInput.BotToken}": the channel ID (C0123ABCD) or name (#deploys); ` +
                `to update a message, the channel output of the step that posted it.`);
        if (!/^xox[a-z]-|^xapp-/.test(token))
            lib_core/* warning */.$e(`Input "${NotifyInput.BotToken}" does not look like a Slack token (xoxb-...); sending anyway.`);
        const apiUrl = checkUrl(NotifyInput.ApiUrl, get(NotifyInput.ApiUrl).trim() || 'https://slack.com/api', false).toString();
        return { kind: 'api', token, apiUrl, channel, updateTs, threadTs };
    }
    throw new user_error/* UserError */.yo(`Nothing to send to: set "${NotifyInput.WebhookUrl}" (an incoming webhook, from a secret) or "${NotifyInput.BotToken}" with ` +
        `"${NotifyInput.Channel}".`);
}
/** `U0123` / `W0123` users, `S0123` user groups, `here` / `channel` / `everyone`. */
function parseMentions(raw) {
    return (0,parse/* parseList */.E1)(raw).map((item) => {
        const id = item.replace(/^@/, '').replace(/^!/, '');
        if (/^<[@!][^>]+>$/.test(item))
            return item;
        if (/^[UW][A-Z0-9]{2,}$/.test(id))
            return `<@${id}>`;
        if (/^S[A-Z0-9]{2,}$/.test(id))
            return `<!subteam^${id}>`;
        if (['here', 'channel', 'everyone'].includes(id))
            return `<!${id}>`;
        throw new user_error/* UserError */.yo(`Input "${NotifyInput.MentionOnFailure}" takes member IDs (U0123ABCD), user group IDs (S0123ABCD) or here/channel; got ` +
            `"${item}". Names do not notify in Slack messages; copy the ID from the profile or group.`);
    });
}
/** The fields input: one "Label: value" per line. */
function parseFields(raw) {
    return raw
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((line) => {
        const at = line.indexOf(':');
        if (at < 1)
            throw new user_error/* UserError */.yo(`Input "${NotifyInput.Fields}" takes "Label: value" lines, got "${line}".`);
        return { label: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
    });
}
/** The run the message is about, from the runner's GITHUB_* variables and the event (a pull request's head). */
function runContext(env, event) {
    const pr = (event?.pull_request ?? undefined);
    return {
        repository: env.GITHUB_REPOSITORY ?? '',
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
        runId: env.GITHUB_RUN_ID ?? '',
        runNumber: env.GITHUB_RUN_NUMBER ?? '',
        workflow: env.GITHUB_WORKFLOW ?? '',
        ref: env.GITHUB_REF ?? '',
        sha: pr?.head?.sha ?? env.GITHUB_SHA ?? '',
        actor: env.GITHUB_ACTOR ?? '',
        prNumber: typeof pr?.number === 'number' ? pr.number : undefined
    };
}
function readSecurity(get, result) {
    const report = get(NotifyInput.GateReport).trim();
    const counts = parseSeverityMap(NotifyInput.Counts, get(NotifyInput.Counts), false);
    const limits = parseSeverityMap(NotifyInput.Limits, get(NotifyInput.Limits), true);
    const fromReport = report ? readGateReport(report, NotifyInput.GateReport) : undefined;
    return {
        result: result || fromReport?.result || counts.extra.result || '',
        counts: { ...fromReport?.counts, ...counts.values },
        limits: { ...fromReport?.limits, ...limits.values },
        approvals: fromReport?.approvals ?? [],
        topFindings: fromReport?.topFindings ?? [],
        newCount: fromReport?.newCount ?? (counts.extra.new !== undefined && /^\d+$/.test(counts.extra.new) ? Number(counts.extra.new) : undefined)
    };
}
const PLACEHOLDER_NAME = /^[A-Za-z_][\w-]*(?:\.[\w-]+)*$/;
/** payload or payload-file, parsed, with the placeholder names to insert unescaped. */
function readPayload(get) {
    const inline = get(NotifyInput.Payload);
    const file = get(NotifyInput.PayloadFile).trim();
    const unescaped = (0,parse/* parseList */.E1)(get(NotifyInput.PayloadUnescapedPlaceholders)).map((name) => name.replace(/^\{\{\s*|\s*\}\}$/g, ''));
    for (const name of unescaped) {
        if (!PLACEHOLDER_NAME.test(name))
            throw new user_error/* UserError */.yo(`Input "${NotifyInput.PayloadUnescapedPlaceholders}" takes placeholder names such as inputs.text or env.NOTES, got "${name}".`);
    }
    if (inline.trim() && file)
        throw new user_error/* UserError */.yo(`Set one of "${NotifyInput.Payload}" and "${NotifyInput.PayloadFile}", not both.`);
    if (!inline.trim() && !file) {
        if (unescaped.length)
            throw new user_error/* UserError */.yo(`Input "${NotifyInput.PayloadUnescapedPlaceholders}" applies to "${NotifyInput.Payload}" or "${NotifyInput.PayloadFile}"; ` +
                `set one, or remove it.`);
        return undefined;
    }
    if (inline.trim())
        return { message: parsePayload(inline, `"${NotifyInput.Payload}" input`), source: NotifyInput.Payload, unescaped };
    if (!(0,external_node_fs_.existsSync)(file))
        throw new user_error/* UserError */.yo(`Input "${NotifyInput.PayloadFile}": ${file} does not exist (paths are relative to the workspace).`);
    return { message: parsePayload((0,external_node_fs_.readFileSync)(file, 'utf8'), `payload file ${file}`), source: file, unescaped };
}
/** What to say: the template's facts or the payload (no destination needed, e.g. sgw notify --print). */
function readMessageSettings(get, env, event) {
    const template = (0,parse/* parseChoice */.HU)(NotifyInput.Template, get(NotifyInput.Template), TEMPLATES, 'custom');
    const result = get(NotifyInput.Result).trim();
    const security = template === 'security' ? readSecurity(get, result) : { result: '', counts: {}, limits: {}, approvals: [], topFindings: [] };
    const rawStatus = get(NotifyInput.Status).trim() || 'auto';
    const status = rawStatus === 'auto'
        ? statusFromResult(template, template === 'security' ? security.result : result)
        : (0,parse/* parseChoice */.HU)(NotifyInput.Status, rawStatus, [...STATUSES], 'success');
    const run = runContext(env, event);
    const images = get(NotifyInput.Images)
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    const spec = {
        template,
        status,
        service: get(NotifyInput.Service).trim() || run.repository.split('/')[1] || run.repository,
        title: get(NotifyInput.Title).trim(),
        text: get(NotifyInput.Text).trim(),
        fields: parseFields(get(NotifyInput.Fields)),
        mentions: parseMentions(get(NotifyInput.MentionOnFailure)),
        deploy: {
            environment: get(NotifyInput.Environment).trim(),
            environmentUrl: get(NotifyInput.EnvironmentUrl).trim(),
            version: get(NotifyInput.Version).trim() || versionFromImages(images),
            images,
            result,
            reason: get(NotifyInput.Reason).trim(),
            revision: get(NotifyInput.Revision).trim(),
            previousRevision: get(NotifyInput.PreviousRevision).trim(),
            durationSeconds: get(NotifyInput.DurationSeconds).trim(),
            rollbackSeconds: get(NotifyInput.RollbackSeconds).trim()
        },
        security,
        release: {
            version: get(NotifyInput.Version).trim(),
            changelog: get(NotifyInput.Changelog),
            releaseUrl: get(NotifyInput.ReleaseUrl).trim(),
            tags: (0,parse/* parseList */.E1)(get(NotifyInput.Tags))
        },
        run
    };
    return { spec, payload: readPayload(get) };
}
/** Every input of the action, parsed and checked: destination, message, delivery, fail-on-error. */
function readNotifySettings(get, env, event) {
    const destination = readDestination(get);
    return {
        destination,
        ...readMessageSettings(get, env, event),
        send: {
            retries: parseWholeNumber(NotifyInput.Retries, get(NotifyInput.Retries), 3),
            timeoutMs: parseDuration(NotifyInput.Timeout, get(NotifyInput.Timeout), 10) * 1000,
            maxWaitMs: parseDuration(NotifyInput.MaxWait, get(NotifyInput.MaxWait), 60) * 1000
        },
        failOnError: parseBoolean(NotifyInput.FailOnError, get(NotifyInput.FailOnError), false)
    };
}
/** The github.<name> placeholders of a payload, from the runner's variables. */
function githubValues(env) {
    return {
        repository: env.GITHUB_REPOSITORY ?? '',
        ref: env.GITHUB_REF ?? '',
        ref_name: env.GITHUB_REF_NAME ?? '',
        sha: env.GITHUB_SHA ?? '',
        actor: env.GITHUB_ACTOR ?? '',
        workflow: env.GITHUB_WORKFLOW ?? '',
        job: env.GITHUB_JOB ?? '',
        run_id: env.GITHUB_RUN_ID ?? '',
        run_number: env.GITHUB_RUN_NUMBER ?? '',
        run_attempt: env.GITHUB_RUN_ATTEMPT ?? '',
        event_name: env.GITHUB_EVENT_NAME ?? '',
        server_url: env.GITHUB_SERVER_URL ?? '',
        head_ref: env.GITHUB_HEAD_REF ?? '',
        base_ref: env.GITHUB_BASE_REF ?? ''
    };
}

// EXTERNAL MODULE: ./.build/actions/cli/args.js
var cli_args = __webpack_require__(2994);
;// CONCATENATED MODULE: ./.build/actions/cli/notify-command.js
// `sgw notify`: the Slack message slack-notify would send, printed (--print) or sent, so a payload
// or a template can be tried from a laptop. The webhook and token come from the environment, not
// flags, so that they stay out of shell history.







const NOTIFY_HELP = `Usage: sgw notify [options]

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
`;
const SECRET_INPUTS = [NotifyInput.WebhookUrl, NotifyInput.BotToken, NotifyInput.FailOnError];
const VALUE_FLAGS = Object.values(NotifyInput).filter((n) => !SECRET_INPUTS.includes(n));
/**
 * `sgw notify`: takes the arguments after "notify", a writer for stdout and the environment; prints
 * the message (--print) or sends it. Gives the exit status (0 printed or delivered, 1 not taken).
 */
async function notifyCommand(argv, out, env = process.env) {
    const args = (0,cli_args/* parseArgs */.Z)(argv, { values: VALUE_FLAGS, switches: ['help', 'print'] }, 'notify');
    if (args.switches.has('help')) {
        out(NOTIFY_HELP);
        return 0;
    }
    if (args.positional.length)
        throw new user_error/* UserError */.yo(`sgw notify: unexpected argument "${args.positional[0]}".`);
    const get = (name) => {
        if (name === NotifyInput.WebhookUrl)
            return env.SLACK_WEBHOOK_URL ?? '';
        if (name === NotifyInput.BotToken)
            return env.SLACK_BOT_TOKEN ?? '';
        // Outside CI there is no repository to name the service after: the folder's name serves.
        if (name === NotifyInput.Service)
            return args.values.get(name)?.[0] ?? (env.GITHUB_REPOSITORY ? '' : (0,external_node_path_.basename)(process.cwd()));
        return args.values.get(name)?.[0] ?? '';
    };
    const settings = readMessageSettings(get, env, undefined);
    const payload = settings.payload;
    const sources = { input: get, env, github: githubValues(env), event: undefined };
    const composed = composeMessage(settings.spec, payload ? { message: payload.message, sources, unescaped: payload.unescaped } : undefined);
    // --print writes only the JSON (pipe it to jq); the message itself notes what was cut.
    if (args.switches.has('print')) {
        out(`${JSON.stringify(composed.message, null, 2)}\n`);
        return 0;
    }
    for (const cut of composed.cuts)
        out(`cut to fit Slack's limits: ${cut}\n`);
    if (composed.unusedUnescaped.length)
        out(`--${NotifyInput.PayloadUnescapedPlaceholders} names placeholders the payload does not use: ${composed.unusedUnescaped.join(', ')}\n`);
    if (!env.SLACK_WEBHOOK_URL && !env.SLACK_BOT_TOKEN)
        throw new user_error/* UserError */.yo('set SLACK_WEBHOOK_URL, or SLACK_BOT_TOKEN with --channel, in the environment; or use --print to see the message.');
    const destination = readDestination(get);
    const delivered = await deliver(destination, composed.message, {
        retries: (0,parse/* parseWholeNumber */.oA)(NotifyInput.Retries, get(NotifyInput.Retries), 3),
        timeoutMs: (0,parse/* parseDuration */.E9)(NotifyInput.Timeout, get(NotifyInput.Timeout), 10) * 1000,
        maxWaitMs: (0,parse/* parseDuration */.E9)(NotifyInput.MaxWait, get(NotifyInput.MaxWait), 60) * 1000,
        log: (line) => out(`${line}\n`)
    }).catch((error) => error);
    if (delivered instanceof Error) {
        if (!(delivered instanceof user_error/* UserError */.yo))
            throw delivered;
        out(`${delivered.message}\n`);
        return 1;
    }
    out(`delivered after ${delivered.attempts.length} attempt(s)${delivered.ts ? `: ts ${delivered.ts} in ${delivered.channel}` : ''}\n`);
    return 0;
}


/***/ }),

/***/ 1468:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ce: () => (/* binding */ plainFinding),
/* harmony export */   _Z: () => (/* binding */ isSeverity),
/* harmony export */   f3: () => (/* binding */ SEVERITY_RANK),
/* harmony export */   oC: () => (/* binding */ SEVERITIES)
/* harmony export */ });
// The one findings model every scanner's report is normalised into.
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info', 'unknown'];
/** Severities ranked from most to least severe; `unknown` ranks between medium and low on purpose:
 * a finding we cannot rate is never treated as harmless, but it does not outrank a rated high. */
const SEVERITY_RANK = { critical: 5, high: 4, medium: 3, unknown: 2.5, low: 2, info: 1 };
function isSeverity(value) {
    return SEVERITIES.includes(value);
}
/** A finding as a plain object with every field set (for JSON output and spreading). */
function plainFinding(f) {
    return {
        tool: f.tool,
        kind: f.kind,
        ruleId: f.ruleId,
        severity: f.severity,
        title: f.title,
        location: f.location,
        fingerprint: f.fingerprint,
        fixAvailable: f.fixAvailable,
        helpUri: f.helpUri,
        ...(f.aliases?.length ? { aliases: f.aliases } : {})
    };
}


/***/ }),

/***/ 3228:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   N7: () => (/* binding */ reportError),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   cA: () => (/* binding */ lineOf),
/* harmony export */   gx: () => (/* binding */ str)
/* harmony export */ });
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3594);

/** A report that cannot be read as what it claims to be. Always names the file. */
function reportError(path, problem) {
    return new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${path}: ${problem}`);
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function str(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function num(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
/** A line number as tools write them, where 0 (or a negative) is their "no line" placeholder. */
function lineOf(value) {
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}


/***/ }),

/***/ 401:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B7: () => (/* binding */ parseThreshold),
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   lv: () => (/* binding */ parseSeverity),
/* harmony export */   oA: () => (/* binding */ parseWholeNumber),
/* harmony export */   rq: () => (/* binding */ parseSeverityList),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* unused harmony export parseNumber */
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3594);
/* harmony import */ var _findings_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1468);
// Typed parsing of textual inputs, shared by the actions (action.yml inputs) and the CLI (flags).
// Every error names the input and what it accepts.


function parseBoolean(name, raw, fallback) {
    const value = (raw ?? '').trim();
    if (value === '')
        return fallback;
    if (value === 'true')
        return true;
    if (value === 'false')
        return false;
    throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${name}" must be true or false, got "${value}".`);
}
/** Newline- or comma-separated list; blank entries dropped. */
function parseList(raw) {
    return (raw ?? '')
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/** A whole number >= 0, or `none` or `-1` (no limit, returned as null: the reusable workflows'
 * number inputs spell it -1). */
function parseThreshold(name, raw, fallback) {
    const value = (raw ?? '').trim().toLowerCase();
    if (value === '')
        return fallback;
    if (value === 'none' || value === '-1')
        return null;
    if (!/^\d+$/.test(value))
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${name}" must be a whole number (0 or more), or "none" or -1 for no limit, got "${raw?.trim()}".`);
    return Number(value);
}
function parseWholeNumber(name, raw, fallback, min = 0) {
    const value = (raw ?? '').trim();
    if (value === '')
        return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min)
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${name}" must be a whole number of at least ${min}, got "${value}".`);
    return Number(value);
}
function parseSeverity(name, raw, fallback) {
    const value = (raw ?? '').trim().toLowerCase();
    if (value === '')
        return fallback;
    if (!(0,_findings_model_js__WEBPACK_IMPORTED_MODULE_0__/* .isSeverity */ ._Z)(value))
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${name}" must be one of critical, high, medium, low, info, unknown; got "${raw?.trim()}".`);
    return value;
}
/** A list of severities; `none` (or an empty value when `emptyIsNone`) means no severity. */
function parseSeverityList(name, raw, fallback) {
    const value = (raw ?? '').trim();
    if (value === '')
        return fallback;
    if (value.toLowerCase() === 'none')
        return [];
    return parseList(value).map((item) => parseSeverity(name, item, 'unknown'));
}
function parseChoice(name, raw, choices, fallback) {
    const value = (raw ?? '').trim();
    if (value === '')
        return fallback;
    if (!choices.includes(value))
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${name}" must be one of ${choices.join(', ')}; got "${value}".`);
    return value;
}
const DURATION_UNITS = { ms: 0.001, s: 1, m: 60, h: 3600 };
/** A duration in seconds: `90`, `90s`, `5m`, `1h30m`, `500ms`. */
function parseDuration(name, raw, fallbackSeconds) {
    const value = (raw ?? '').trim().toLowerCase();
    if (value === '')
        return fallbackSeconds;
    if (/^\d+(\.\d+)?$/.test(value))
        return Number(value);
    const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
    if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value)
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${name}" must be a duration like 30s, 5m or 1h30m (a bare number is seconds), got "${raw?.trim()}".`);
    return parts.reduce((sum, p) => sum + Number(p[1]) * DURATION_UNITS[p[2]], 0);
}
/** A number (decimals allowed), optionally bounded below. */
function parseNumber(name, raw, fallback) {
    const value = (raw ?? '').trim();
    if (value === '')
        return fallback;
    const n = Number(value);
    if (!Number.isFinite(n))
        throw new UserError(`Input "${name}" must be a number, got "${value}".`);
    return n;
}


/***/ })

};
