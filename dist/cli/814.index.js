export const id = 814;
export const ids = [814];
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

/***/ 8814:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VERSION_HELP: () => (/* binding */ VERSION_HELP),
  versionCommand: () => (/* binding */ versionCommand)
});

// EXTERNAL MODULE: ./.build/actions/lib/errors/user-error.js
var user_error = __webpack_require__(3594);
// EXTERNAL MODULE: ./.build/actions/lib/inputs/parse.js
var parse = __webpack_require__(401);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
;// CONCATENATED MODULE: ./.build/actions/lib/release/changelog.js
const SECTIONS = [
    { title: 'Features', types: ['feat'] },
    { title: 'Bug fixes', types: ['fix'] },
    { title: 'Performance', types: ['perf'] },
    { title: 'Reverts', types: ['revert'] },
    { title: 'Documentation', types: ['docs'] },
    { title: 'Refactoring', types: ['refactor'] },
    { title: 'Build and CI', types: ['build', 'ci'] },
    { title: 'Tests', types: ['test'] },
    { title: 'Chores', types: ['chore', 'style'] }
];
function line(c, ctx, text = c.subject) {
    const short = c.sha.slice(0, 7);
    const sha = ctx.repositoryUrl ? `[${short}](${ctx.repositoryUrl}/commit/${c.sha})` : short;
    return `- ${c.scope ? `**${c.scope}:** ` : ''}${text} (${sha})`;
}
function changelog(commits, ctx) {
    const out = [];
    const compare = ctx.repositoryUrl && ctx.previousTag ? ` ([compare](${ctx.repositoryUrl}/compare/${ctx.previousTag}...${ctx.tag}))` : '';
    out.push(`## ${ctx.version} (${ctx.date})${compare}`, '');
    const breaking = commits.filter((c) => c.breaking);
    if (breaking.length) {
        out.push('### ⚠ Breaking changes', '', ...breaking.map((c) => line(c, ctx, c.breakingNote ?? c.subject)), '');
    }
    const known = new Set(SECTIONS.flatMap((s) => s.types));
    for (const section of SECTIONS) {
        const list = commits.filter((c) => section.types.includes(c.type));
        if (list.length)
            out.push(`### ${section.title}`, '', ...list.map((c) => line(c, ctx)), '');
    }
    const other = commits.filter((c) => !known.has(c.type));
    if (other.length)
        out.push('### Other changes', '', ...other.map((c) => line(c, ctx)), '');
    if (commits.length === 0)
        out.push('No changes since the previous version.', '');
    return out.join('\n').trimEnd() + '\n';
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./.build/actions/lib/release/git.js
// The git facts a version needs, read with argument arrays (never a shell): whether the history is
// shallow, the tags reachable from HEAD, every tag with its commit, and the commits since a tag.



const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
class Git {
    cwd;
    constructor(cwd) {
        this.cwd = cwd;
    }
    async git(args) {
        try {
            const env = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
            const { stdout } = await run('git', args, { cwd: this.cwd, maxBuffer: 256 * 1024 * 1024, env });
            return stdout;
        }
        catch (error) {
            const e = error;
            if (e.code === 'ENOENT')
                throw new user_error/* UserError */.yo('git is not installed or not on PATH.');
            const detail = (e.stderr ?? String(error)).trim().split('\n')[0];
            if (/not a git repository/i.test(detail)) {
                throw new user_error/* UserError */.yo(`${this.cwd} is not a git repository: check out the code first (actions/checkout with fetch-depth: 0).`);
            }
            throw new user_error/* UserError */.yo(`git ${args[0]} failed: ${detail}`);
        }
    }
    async head() {
        return (await this.git(['rev-parse', 'HEAD'])).trim();
    }
    async isShallow() {
        return (await this.git(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    }
    /** Tags reachable from HEAD whose name starts with the prefix. */
    async reachableTags(prefix) {
        return (await this.git(['tag', '--merged', 'HEAD', '--list', `${prefix}*`])).split('\n').filter(Boolean);
    }
    /** Takes nothing; gives every tag in the clone, reachable or not, with the commit it names (one git call). */
    async tags() {
        // Tabs separate the fields: a ref name cannot hold one.
        const format = '%(refname:strip=2)%09%(objecttype)%09%(objectname)%09%(*objecttype)%09%(*objectname)';
        return (await this.git(['for-each-ref', `--format=${format}`, 'refs/tags/']))
            .split('\n')
            .filter(Boolean)
            .map((line) => {
            const [name, type, object, peeledType, peeled] = line.split('\t');
            return { name, commit: type === 'commit' ? object : peeledType === 'commit' ? peeled : '' };
        });
    }
    /**
     * Commits in `from..HEAD` (all of HEAD's history without `from`), newest first, merges left out;
     * in topological order, so a revert always comes before the commit it reverts.
     */
    async commitsSince(from) {
        const range = from ? [`${from}..HEAD`] : ['HEAD'];
        const out = await this.git(['log', '--no-merges', '--topo-order', '--format=%H%x1f%s%x1f%b%x1e', ...range]);
        return out
            .split('\x1e')
            .map((record) => record.replace(/^\n/, ''))
            .filter((record) => record.includes('\x1f'))
            .map((record) => {
            const [sha, subject, body] = record.split('\x1f');
            return { sha, subject, body: (body ?? '').trim() };
        });
    }
    /** Every commit (merges included) in `from..HEAD`: the prerelease counter. */
    async countSince(from) {
        return Number((await this.git(['rev-list', '--count', from ? `${from}..HEAD` : 'HEAD'])).trim());
    }
    async hasCommits() {
        try {
            await this.git(['rev-parse', '--verify', '--quiet', 'HEAD']);
            return true;
        }
        catch {
            return false;
        }
    }
}

;// CONCATENATED MODULE: ./.build/actions/lib/release/image-tags.js
// Container image tags and OCI labels for a computed version: the tag rules (metadata-action's
// `type=...,key=value` line format), the tags they produce for one build, and `image:tag` refs.
// Pure functions over plain data; the action entry supplies the context.


const DEFAULT_TAG_RULES = [
    'type=ref,event=branch',
    'type=semver,pattern={{version}}',
    'type=semver,pattern={{major}}.{{minor}}',
    'type=semver,pattern={{major}}',
    'type=sha',
    'type=ref,event=pr'
].join('\n');
// Same order as metadata-action, so mixed configurations sort the way its users expect.
const DEFAULT_PRIORITY = { semver: 900, ref: 600, raw: 200, sha: 100 };
const LATEST_PRIORITY = 1000;
const COMMON_KEYS = ['enable', 'prefix', 'suffix', 'priority'];
const TYPE_KEYS = {
    ref: ['event'],
    semver: ['pattern', 'value'],
    sha: ['format'],
    raw: ['value']
};
const TYPES = Object.keys(TYPE_KEYS);
const EVENTS = ['branch', 'tag', 'pr'];
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const PLACEHOLDERS = ['version', 'major', 'minor', 'patch'];
const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
const TAG_MAX = 128;
const BRANCH_LABEL_MAX = 64;
/** One rule per line; blank lines and `#` comments are skipped. */
function parseTagRules(text, inputName) {
    const rules = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        rules.push(parseRule(line, index + 1, (message) => new user_error/* UserError */.yo(`Input "${inputName}", line ${index + 1}: ${message}`)));
    });
    return rules;
}
function parseRule(line, lineNumber, fail) {
    const attrs = new Map();
    for (const [key, value] of splitFields(line, fail)) {
        if (attrs.has(key))
            throw fail(`key "${key}" is given twice.`);
        attrs.set(key, value);
    }
    const type = attrs.get('type');
    if (type === undefined)
        throw fail(`missing key "type" (known types: ${TYPES.join(', ')}).`);
    if (!TYPES.includes(type))
        throw fail(`unknown type "${type}" (known: ${TYPES.join(', ')}).`);
    const ruleType = type;
    const known = [...TYPE_KEYS[ruleType], ...COMMON_KEYS];
    for (const key of attrs.keys()) {
        if (key !== 'type' && !known.includes(key))
            throw fail(`unknown key "${key}" for type=${ruleType} (known: ${known.join(', ')}).`);
    }
    const enableRaw = attrs.get('enable') ?? 'true';
    if (enableRaw !== 'true' && enableRaw !== 'false')
        throw fail(`enable="${enableRaw}" is not valid (expected true or false).`);
    const priorityRaw = attrs.get('priority');
    if (priorityRaw !== undefined && !/^-?\d+$/.test(priorityRaw)) {
        throw fail(`priority="${priorityRaw}" is not valid (expected a whole number).`);
    }
    const base = {
        line: lineNumber,
        enable: enableRaw === 'true',
        prefix: attrs.get('prefix') ?? '',
        suffix: attrs.get('suffix') ?? '',
        priority: priorityRaw === undefined ? DEFAULT_PRIORITY[ruleType] : Number(priorityRaw)
    };
    const required = (key, example) => {
        const value = attrs.get(key);
        if (value === undefined)
            throw fail(`missing key "${key}" for type=${ruleType} (e.g. ${key}=${example}).`);
        if (value === '')
            throw fail(`key "${key}" of type=${ruleType} is empty (e.g. ${key}=${example}).`);
        return value;
    };
    switch (ruleType) {
        case 'ref': {
            const event = required('event', 'branch');
            if (!EVENTS.includes(event))
                throw fail(`unknown event "${event}" for type=ref (known: ${EVENTS.join(', ')}).`);
            return { ...base, type: 'ref', event: event, prefix: attrs.get('prefix') ?? (event === 'pr' ? 'pr-' : '') };
        }
        case 'semver': {
            const pattern = required('pattern', '{{version}}');
            const names = [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]);
            const unknown = names.find((n) => !PLACEHOLDERS.includes(n));
            const known = PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');
            if (unknown !== undefined)
                throw fail(`unknown placeholder "{{${unknown}}}" in pattern (known: ${known}).`);
            if (names.length === 0) {
                throw fail(`pattern "${pattern}" has no placeholder (known: ${known}); a fixed tag is written type=raw,value=${pattern}.`);
            }
            const value = attrs.get('value');
            if (value !== undefined && semver.parse(value) === null) {
                throw fail(`value="${value}" is not a semantic version (e.g. 1.2.3 or v1.2.3-rc.1).`);
            }
            return value === undefined ? { ...base, type: 'semver', pattern } : { ...base, type: 'semver', pattern, value };
        }
        case 'sha': {
            const format = attrs.get('format') ?? 'short';
            if (format !== 'short' && format !== 'long')
                throw fail(`format="${format}" is not valid for type=sha (expected short or long).`);
            return { ...base, type: 'sha', format, prefix: attrs.get('prefix') ?? 'sha-' };
        }
        case 'raw':
            return { ...base, type: 'raw', value: required('value', 'stable') };
    }
}
/**
 * `key=value` fields separated by commas. Double quotes protect commas and spaces (`value="a,b"`
 * or `"value=a,b"`); a doubled quote inside quotes is a literal quote. Unquoted whitespace around
 * keys and values is dropped.
 */
function splitFields(line, fail) {
    const fields = [[]];
    let segment = { text: '', quoted: false };
    const close = (next) => {
        if (segment.text !== '' || segment.quoted)
            fields[fields.length - 1].push(segment);
        segment = next;
    };
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (segment.quoted && c === '"' && line[i + 1] === '"') {
            segment.text += '"';
            i++;
        }
        else if (c === '"') {
            close({ text: '', quoted: !segment.quoted });
        }
        else if (c === ',' && !segment.quoted) {
            close({ text: '', quoted: false });
            fields.push([]);
        }
        else {
            segment.text += c;
        }
    }
    if (segment.quoted)
        throw fail(`a double quote is not closed in "${line}".`);
    close(segment);
    return fields.filter((f) => f.some((s) => s.quoted || s.text.trim() !== '')).map((f) => splitKeyValue(f, fail));
}
function splitKeyValue(segments, fail) {
    const join = (parts) => parts
        .map((s, i) => {
        if (s.quoted)
            return s.text;
        const text = i === 0 ? s.text.trimStart() : s.text;
        return i === parts.length - 1 ? text.trimEnd() : text;
    })
        .join('');
    const whole = join(segments).trim();
    const at = segments.findIndex((s) => s.text.includes('='));
    if (at < 0)
        throw fail(`"${whole}" is not key=value (a fixed tag is written type=raw,value=${whole}).`);
    const eq = segments[at].text.indexOf('=');
    const before = [...segments.slice(0, at), { ...segments[at], text: segments[at].text.slice(0, eq) }];
    const after = [{ ...segments[at], text: segments[at].text.slice(eq + 1) }, ...segments.slice(at + 1)];
    const key = join(before).trim();
    if (key === '')
        throw fail(`"${whole}" has no key before "=".`);
    return [key, join(after.filter((s) => s.quoted || s.text !== ''))];
}
/** Docker's tag grammar: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. May return '' when nothing is left. */
function sanitizeTag(tag) {
    return stripDiacritics(tag)
        .replace(/[^A-Za-z0-9_.-]+/gu, '-')
        .replace(/^[.-]+/, '')
        .slice(0, TAG_MAX);
}
/** One semver prerelease identifier from a branch name: `feature/Login_Page` -> `feature-login-page`. */
function sanitizeBranchForSemver(branch) {
    let label = stripDiacritics(branch)
        .toLowerCase()
        .replace(/[^0-9a-z-]+/gu, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, BRANCH_LABEL_MAX)
        .replace(/-+$/, '');
    // An all-digit identifier would be numeric (and invalid with a leading zero): keep it textual.
    if (/^\d+$/.test(label))
        label = `branch-${label}`.slice(0, BRANCH_LABEL_MAX);
    return label === '' ? 'branch' : label;
}
function stripDiacritics(text) {
    return text.normalize('NFKD').replace(/\p{M}+/gu, '');
}
/**
 * Takes the parsed rules, the build and the `latest` input; gives the tag names for the build,
 * de-duplicated, highest priority first, then in rule order. `latest: auto` and the major and
 * minor patterns follow `context.floating`; `true` and `false` are the user's word.
 */
function computeTags(rules, context, latest) {
    const version = parseVersion(context.version);
    const prerelease = context.prerelease || version.prerelease.length > 0;
    const candidates = [];
    rules.forEach((rule, order) => {
        if (!rule.enable)
            return;
        for (const core of ruleValues(rule, context, version, prerelease)) {
            candidates.push({ tag: sanitizeTag(rule.prefix + core + rule.suffix), priority: rule.priority, order });
        }
    });
    const newest = context.floating.latest && !context.taggedElsewhere;
    if (latest === 'true' || (latest === 'auto' && isStableRelease(context, prerelease) && newest)) {
        candidates.push({ tag: 'latest', priority: LATEST_PRIORITY, order: rules.length });
    }
    candidates.sort((a, b) => b.priority - a.priority || a.order - b.order);
    return [...new Set(candidates.map((c) => c.tag).filter((t) => t !== ''))];
}
function isStableRelease(context, prerelease) {
    if (prerelease || isPullRequest(context))
        return false;
    return context.releaseBranch || context.ref.startsWith('refs/tags/');
}
function isPullRequest(context) {
    return PR_EVENTS.has(context.eventName) || context.ref.startsWith('refs/pull/');
}
function ruleValues(rule, context, version, prerelease) {
    switch (rule.type) {
        case 'ref':
            return refValue(rule.event, context);
        case 'semver': {
            if (rule.value === undefined)
                return context.taggedElsewhere ? [] : renderPattern(rule.pattern, version, prerelease, context.floating);
            // An explicit value is the user's own version: it names what they say, whatever else is tagged.
            const own = parseVersion(rule.value);
            return renderPattern(rule.pattern, own, own.prerelease.length > 0, { latest: true, major: true, minor: true });
        }
        case 'sha': {
            if (context.sha === '')
                return [];
            return [rule.format === 'long' ? context.sha : context.sha.slice(0, 7)];
        }
        case 'raw':
            return [rule.value];
    }
}
function refValue(event, context) {
    const pr = isPullRequest(context);
    if (event === 'pr') {
        if (!pr)
            return [];
        const number = context.prNumber ?? Number(/^refs\/pull\/(\d+)\//.exec(context.ref)?.[1] ?? NaN);
        return Number.isInteger(number) ? [String(number)] : [];
    }
    // pull_request_target runs on the base branch's ref: never tag the PR's image as that branch.
    if (event === 'branch')
        return !pr && context.ref.startsWith('refs/heads/') ? [context.ref.slice('refs/heads/'.length)] : [];
    return context.ref.startsWith('refs/tags/') ? [context.ref.slice('refs/tags/'.length)] : [];
}
/**
 * A prerelease never moves a major or major.minor tag, and a 0.x version no major tag; neither
 * moves back to a version older than one that holds it. On a prerelease `{{patch}}` carries the
 * prerelease part, so no pattern can name a stable release.
 */
function renderPattern(pattern, version, prerelease, floating) {
    const used = new Set([...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]));
    const exact = used.has('version') || used.has('patch');
    if (!exact && prerelease)
        return [];
    if (!exact && !used.has('minor') && version.major === 0)
        return [];
    if (!exact && !(used.has('minor') ? floating.minor : floating.major))
        return [];
    const pre = version.prerelease.length > 0 ? `-${version.prerelease.join('.')}` : '';
    const values = {
        version: version.version,
        major: String(version.major),
        minor: String(version.minor),
        patch: `${version.patch}${pre}`
    };
    return [pattern.replace(PLACEHOLDER, (_, name) => values[name])];
}
function parseVersion(text) {
    const version = semver.parse(text);
    if (version === null)
        throw new user_error/* UserError */.yo(`Version "${text}" is not a semantic version (MAJOR.MINOR.PATCH[-PRERELEASE]).`);
    return version;
}
// Docker reference grammar: [host[:port]/]path, path components lower-case separated by `.`, `_`, `__` or dashes.
const HOST_COMPONENT = '(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])';
const HOST = new RegExp(`^(?:${HOST_COMPONENT}(?:\\.${HOST_COMPONENT})*|\\[[0-9A-Fa-f:]+\\])(?::\\d+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const NAME_MAX = 255;
/** `image:tag` for every image and tag, images in the given order. */
function imageRefs(images, tags) {
    const names = [...new Set(images.map((i) => i.trim()).filter((i) => i !== ''))];
    names.forEach(checkImageName);
    return [...new Set(names.flatMap((image) => tags.map((tag) => `${image}:${tag}`)))];
}
function checkImageName(image) {
    const parts = image.split('/');
    // Like Docker: the first part is a registry when it has a dot or a port, or is localhost.
    const hasHost = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost' || /[A-Z]/.test(parts[0]));
    const host = hasHost ? parts[0] : undefined;
    const path = hasHost ? parts.slice(1) : parts;
    const bad = (why) => new user_error/* UserError */.yo(`Input "images": "${image}" is not a valid image name: ${why} (expected [registry[:port]/]lower-case/path, e.g. ghcr.io/acme/web).`);
    if (image.length > NAME_MAX)
        throw bad(`longer than ${NAME_MAX} characters`);
    if (image.includes('@'))
        throw bad('a digest does not belong here');
    if (host !== undefined && !HOST.test(host))
        throw bad(`registry "${host}" is not host[:port]`);
    const last = path[path.length - 1];
    if (last.includes(':'))
        throw bad(`"${last.slice(last.indexOf(':'))}" looks like a tag, and tags come from the tag rules`);
    const wrong = path.find((c) => !PATH_COMPONENT.test(c));
    if (wrong === undefined)
        return;
    if (PATH_COMPONENT.test(wrong.toLowerCase()))
        throw bad(`the repository path must be lower-case ("${path.join('/').toLowerCase()}")`);
    throw bad(`path component "${wrong}" is not allowed`);
}
/** OCI annotation labels (`key=value`), sorted by key; empty optional values are left out. */
function ociLabels(ctx) {
    const labels = {
        title: ctx.title,
        description: ctx.description,
        url: ctx.repositoryUrl,
        source: ctx.repositoryUrl,
        version: ctx.version,
        created: ctx.created,
        revision: ctx.sha,
        licenses: ctx.licenses
    };
    return Object.entries(labels)
        // Outputs are one label per line: a newline inside a value would split it.
        .map(([key, value]) => [`org.opencontainers.image.${key}`, (value ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim()])
        .filter(([key, value]) => value !== '' || !/\.(description|licenses)$/.test(key))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, value]) => `${key}=${value}`);
}

// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 7 modules
var esm = __webpack_require__(3581);
;// CONCATENATED MODULE: ./.build/actions/lib/release/conventional.js
const HEADER = /^(?<type>[A-Za-z]+)(?:\((?<scope>[^()\r\n]*)\))?(?<bang>!)?: (?<subject>\S.*)$/;
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE: ?([\s\S]*?)(?:\n[A-Za-z-]+: |\n*$)/m;
// What `git revert` writes: the subject `Revert "<header>"`, the body `This reverts commit <sha>.`
const GIT_REVERT = /^Revert "(?<header>.+)"$/;
const REVERTS_COMMIT = /\bThis reverts commit ([0-9a-f]{7,40})\b/g;
// The Conventional Commits form: `revert: <header>` with a `Refs: <sha>, <sha>` footer.
const REFS_FOOTER = /^Refs: *((?:[0-9a-f]{7,40}[ ,]*)+)$/m;
/** A commit's Conventional Commits reading; takes a commit from git, gives its type, scope, breaking marker and reverts. */
function parseCommit(commit) {
    const subject = commit.subject.trim();
    const footer = BREAKING_FOOTER.exec(commit.body);
    const gitRevert = GIT_REVERT.exec(subject);
    if (gitRevert?.groups) {
        // The reverted header is the subject (the changelog lists it under Reverts); the revert breaks
        // nothing by itself, whatever the header it quotes says.
        const reverts = revertedShas(commit.body, false);
        return {
            sha: commit.sha,
            type: 'revert',
            subject: gitRevert.groups.header,
            breaking: footer !== null,
            breakingNote: footer?.[1].trim() || undefined,
            conventional: true,
            ...(reverts.length ? { reverts } : {})
        };
    }
    const m = HEADER.exec(subject);
    if (!m?.groups) {
        const breakingNote = footer?.[1].trim() || undefined;
        return { sha: commit.sha, type: '', subject, breaking: footer !== null, breakingNote, conventional: false };
    }
    const breaking = m.groups.bang === '!' || footer !== null;
    const type = m.groups.type.toLowerCase();
    const reverts = type === 'revert' ? revertedShas(commit.body, true) : [];
    return {
        sha: commit.sha,
        type,
        scope: m.groups.scope?.trim() || undefined,
        subject: m.groups.subject.trim(),
        breaking,
        breakingNote: breaking ? footer?.[1].trim() || m.groups.subject.trim() : undefined,
        conventional: true,
        ...(reverts.length ? { reverts } : {})
    };
}
function revertedShas(body, refsFooter) {
    const shas = [...body.matchAll(REVERTS_COMMIT)].map((m) => m[1]);
    const refs = refsFooter ? REFS_FOOTER.exec(body) : null;
    if (refs)
        shas.push(...refs[1].split(/[ ,]+/).filter(Boolean));
    return [...new Set(shas)];
}
/**
 * Takes the unreleased commits (newest first, as git log gives them, parents after children) and
 * gives those that still count: a revert of a commit in the same range cancels both, a revert of
 * such a revert brings the first commit back, and a revert of a released commit stays a change.
 */
function cancelReverts(commits) {
    const active = new Set();
    // What each revert did to the range, so that reverting the revert undoes exactly that.
    const effects = new Map();
    const find = (ref) => commits.find((c) => c.sha.startsWith(ref));
    for (const commit of [...commits].reverse()) {
        const targets = (commit.reverts ?? []).map(find);
        // Not a revert, or one of something already released: a change of its own.
        if (targets.length === 0 || targets.includes(undefined))
            active.add(commit);
        const effect = { removed: [], added: [] };
        for (const target of targets) {
            if (target === undefined)
                continue;
            if (active.delete(target))
                effect.removed.push(target);
            const undone = effects.get(target);
            for (const back of undone?.removed ?? []) {
                if (active.has(back))
                    continue;
                active.add(back);
                effect.added.push(back);
            }
            for (const gone of undone?.added ?? [])
                if (active.delete(gone))
                    effect.removed.push(gone);
        }
        effects.set(commit, effect);
    }
    return { kept: commits.filter((c) => active.has(c)), cancelled: commits.filter((c) => !active.has(c)) };
}
const RANK = { none: 0, patch: 1, minor: 2, major: 3 };
/**
 * The bump one commit asks for: breaking major, feat minor, fix and perf patch, a revert (of a
 * released change, as unreleased ones are cancelled first) patch, anything else `defaultBump`.
 */
function bumpOf(commit, defaultBump) {
    if (commit.breaking)
        return 'major';
    if (commit.type === 'feat')
        return 'minor';
    if (commit.type === 'fix' || commit.type === 'perf' || commit.type === 'revert')
        return 'patch';
    return defaultBump;
}
/** The highest bump among the commits; `none` for no commits. */
function highestBump(commits, defaultBump) {
    return commits.reduce((best, c) => {
        const b = bumpOf(c, defaultBump);
        return RANK[b] > RANK[best] ? b : best;
    }, 'none');
}

;// CONCATENATED MODULE: ./.build/actions/lib/release/repo-tags.js
// What the repository's tags say about a version: which version each tag names, which floating
// names (latest, the major and minor lines) the version may take without moving them backwards,
// and why a clone may show no version tag at all. Pure functions over plain data.

const STRICT_SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** Takes a tag name and the prefix; gives the version it names, strictly (semver alone would take "v1.2.3" without a prefix), or null. */
function tagVersion(tag, prefix) {
    if (!tag.startsWith(prefix))
        return null;
    const rest = tag.slice(prefix.length);
    return STRICT_SEMVER.test(rest) ? semver.valid(rest) : null;
}
/** Takes every tag of the clone and the prefix; gives the tags that name a version, with it. */
function versionTags(tags, prefix) {
    return tags.flatMap((t) => {
        const version = tagVersion(t.name, prefix);
        return version === null ? [] : [{ ...t, version }];
    });
}
const NO_FLOATING = { latest: false, major: false, minor: false };
/**
 * Takes a version and the versions of every tag in the repository (reachable or not); gives the
 * floating names it may take. A prerelease takes none; prerelease tags never hold one.
 */
function floatingOf(version, tagged) {
    if (semver.prerelease(version) !== null)
        return { ...NO_FLOATING };
    const major = semver.major(version);
    const minor = semver.minor(version);
    const newer = tagged
        .filter((v) => semver.valid(v) !== null && semver.prerelease(v) === null && semver.gt(v, version))
        .sort(semver.rcompare);
    return {
        latest: newer.length === 0,
        major: !newer.some((v) => semver.major(v) === major),
        minor: !newer.some((v) => semver.major(v) === major && semver.minor(v) === minor),
        ...(newer.length ? { newer: newer[0] } : {})
    };
}
/** Takes the clone's tags and the prefix; gives the prefix of version-like tags that do not carry it ('' for 1.2.3), if any. */
function otherVersionPrefix(tags, prefix) {
    for (const t of tags) {
        if (tagVersion(t.name, prefix) !== null)
            continue;
        const m = /^(.*?)(\d+\.\d+\.\d+\S*)$/.exec(t.name);
        if (m && m[1] !== prefix && tagVersion(t.name, m[1]) !== null)
            return { prefix: m[1], example: t.name };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./.build/actions/lib/release/version.js
// The version of this build: the latest semver tag reachable from HEAD, the Conventional Commits
// since it (reverted ones left out), the branch (release branches get plain versions, others
// prereleases); checked against every tag of the repository, so that it never takes a version a
// tag already names and floating names never move backwards.







const version_PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
// A first release usually comes within a project's first few dozen commits; a longer history
// without a single tag more likely means a clone that did not fetch them.
const LONG_HISTORY = 50;
function branchOf(ref) {
    return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
function isReleaseBranch(branch, patterns) {
    return branch !== undefined && patterns.some((p) => (0,esm/* minimatch */.xF)(branch, p));
}
/** The highest stable version among tags with the prefix; versions-looking non-semver tags warned about. */
function latestVersion(tags, prefix, warnings) {
    let best;
    for (const tag of tags) {
        const rest = tag.slice(prefix.length);
        const version = tagVersion(tag, prefix);
        if (!version) {
            if (/^\d/.test(rest))
                warnings.push(`Tag "${tag}" looks like a version but is not semver (MAJOR.MINOR.PATCH); it is ignored.`);
            continue;
        }
        if (semver.prerelease(version))
            continue;
        if (!best || semver.gt(version, best.version))
            best = { tag, version };
    }
    return best;
}
function nextVersion(current, bump, majorOnZero) {
    if (bump === 'none')
        return current;
    const effective = bump === 'major' && semver.major(current) === 0 && !majorOnZero ? 'minor' : bump;
    return semver.inc(current, effective);
}
/**
 * Takes git, the settings and the ref being built; gives the version of HEAD and what it is made
 * of. Throws a UserError for a shallow clone and for a version that a tag on another commit names.
 */
async function computeVersion(git, settings, context) {
    if (!(await git.hasCommits()))
        throw new user_error/* UserError */.yo('The repository has no commits yet: there is nothing to version.');
    const prefix = settings.tagPrefix;
    // Independent reads run side by side: each git process costs a few milliseconds to start.
    const [shallow, sha, reachable, all] = await Promise.all([git.isShallow(), git.head(), git.reachableTags(prefix), git.tags()]);
    if (shallow) {
        throw new user_error/* UserError */.yo('The checkout is shallow, so the last version tag may be out of reach: ' +
            'set fetch-depth: 0 on actions/checkout (it also fetches the tags).');
    }
    const warnings = [];
    const tagged = versionTags(all, prefix);
    const branch = branchOf(context.ref);
    // A pushed version tag is the version; the previous one is the highest reachable below it.
    const pushedName = context.ref.startsWith(`refs/tags/${prefix}`) ? context.ref.slice('refs/tags/'.length) : undefined;
    const pushed = pushedName === undefined ? null : tagVersion(pushedName, prefix);
    const isBelow = (t) => pushed !== null && t !== pushedName && semver.lt(tagVersion(t, prefix) ?? '0.0.0', pushed);
    const below = pushed === null ? reachable : reachable.filter(isBelow);
    const latest = latestVersion(below, prefix, warnings);
    const [log, distance] = await Promise.all([git.commitsSince(latest?.tag), git.countSince(latest?.tag)]);
    const { kept: commits, cancelled } = cancelReverts(log.map(parseCommit));
    const base = latest?.version;
    const notes = [];
    if (cancelled.length) {
        notes.push(`Left out, reverted before any release: ${cancelled.map((c) => `${c.sha.slice(0, 7)} ${c.subject}`).join('; ')}.`);
    }
    const common = { previousVersion: base ?? '', branch, commits, cancelled, distance, sha, warnings, notes };
    if (pushed !== null) {
        const prerelease = semver.prerelease(pushed) !== null;
        const floating = prerelease ? { ...NO_FLOATING } : floatingOf(pushed, tagged.map((t) => t.version));
        notes.push(...floatingNotes(pushed, floating, prefix));
        const bump = base === undefined ? 'initial' : toBump(semver.diff(base, pushed));
        const tag = `${prefix}${pushed}`;
        return { ...common, version: pushed, bump, tag, prerelease, release: !prerelease, floating, taggedElsewhere: false };
    }
    const bump = settings.bump === 'auto' ? highestBump(commits, settings.defaultBump) : settings.bump;
    const stable = base === undefined ? settings.initialVersion : nextVersion(base, bump, settings.majorOnZero);
    const pr = version_PR_EVENTS.has(context.eventName);
    const release = !pr && isReleaseBranch(branch, settings.releaseBranches);
    let version = stable;
    if (!release) {
        // A prerelease sorts after the last release even when nothing bumps.
        const core = base !== undefined && bump === 'none' ? nextVersion(base, 'patch', settings.majorOnZero) : stable;
        const refName = context.ref.replace(/^refs\/[^/]+\//, '') || 'detached';
        const label = pr ? `pr-${context.prNumber ?? 0}` : sanitizeBranchForSemver(branch ?? refName);
        version = `${core}-${label}.${distance}`;
        if (!semver.valid(version)) {
            throw new user_error/* UserError */.yo(`The prerelease version "${version}" is not valid semver; report this with the branch name.`);
        }
    }
    if (base === undefined) {
        const warning = missingTagWarning(all, tagged, prefix, settings.initialVersion, distance);
        if (warning)
            warnings.push(warning);
    }
    // The same version on HEAD is this build (a re-run); on another commit it is someone else's.
    const same = tagged.filter((t) => semver.eq(t.version, version));
    const elsewhere = same.some((t) => t.commit === sha) ? undefined : same[0];
    const taggedElsewhere = elsewhere !== undefined && release && base !== undefined && version === base;
    if (elsewhere && !taggedElsewhere)
        throw versionTaken(version, elsewhere, { base, bump, release, settings, tagged });
    // A prerelease builds, but its release would take a version a tag already names: say so now.
    const coreTaken = release ? undefined : tagged.find((t) => t.version === stable && t.commit !== sha);
    if (coreTaken && bump !== 'none') {
        const why = versionTaken(stable, coreTaken, { base, bump, release: true, settings, tagged }).message;
        warnings.push(`A release from here would fail: ${why}`);
    }
    if (taggedElsewhere) {
        const on = elsewhere.commit.slice(0, 7);
        notes.push(`No releasable commits since ${elsewhere.name} (on ${on}): no image tag names this build ${version}.`);
    }
    const floating = release && !taggedElsewhere ? floatingOf(version, tagged.map((t) => t.version)) : { ...NO_FLOATING };
    if (release && !taggedElsewhere)
        notes.push(...floatingNotes(version, floating, prefix));
    const tag = `${prefix}${version}`;
    return { ...common, version, bump: base === undefined ? 'initial' : bump, tag, prerelease: !release, release, floating, taggedElsewhere };
}
function toBump(diff) {
    if (diff === 'major' || diff === 'premajor')
        return 'major';
    if (diff === 'minor' || diff === 'preminor')
        return 'minor';
    if (diff === null)
        return 'none';
    return 'patch';
}
/** The floating names a stable release leaves alone, because a newer version holds them. */
function floatingNotes(version, floating, prefix) {
    if (floating.latest || floating.newer === undefined)
        return [];
    const [major, minor] = version.split('.');
    const kept = ['latest', ...(floating.major ? [] : [major]), ...(floating.minor ? [] : [`${major}.${minor}`])];
    const names = kept.length === 1 ? kept[0] : `${kept.slice(0, -1).join(', ')} and ${kept[kept.length - 1]}`;
    const newer = `${prefix}${floating.newer}`;
    return [`${newer} is newer than ${version}: ${names} (image tags, moving git tags, latest release) stay where they are.`];
}
/**
 * Takes the clone's tags, its version tags, the prefix, the initial version and the length of the
 * history; gives why no version tag is reachable from HEAD when the likely reason is not a first
 * release (releases on other branches only, tags with another prefix, no tags fetched), or nothing.
 */
function missingTagWarning(all, tagged, prefix, initial, distance) {
    const elsewhere = tagged.filter((t) => semver.prerelease(t.version) === null).sort((a, b) => semver.rcompare(a.version, b.version))[0];
    if (elsewhere) {
        return (`No version tag in this branch's history (${elsewhere.name} is on another branch), so the version starts at ${initial}: ` +
            'merge that release into this branch if this branch should follow it.');
    }
    const other = otherVersionPrefix(all, prefix);
    if (other) {
        const setting = other.prefix === '' ? 'none' : `"${other.prefix}"`;
        return `No tag is a version with tag-prefix "${prefix || 'none'}", but ${other.example} is one: set tag-prefix to ${setting}.`;
    }
    if (all.length === 0 && distance >= LONG_HISTORY) {
        return (`This clone has no tags but ${distance} commits of history, so the version starts at ${initial}: if the project has releases, ` +
            'fetch their tags (fetch-depth: 0 or fetch-tags: true on actions/checkout, or git fetch --tags).');
    }
    return undefined;
}
/**
 * Takes a computed version, the tag on another commit that already names it, and how the version
 * was computed; gives the error that says what to do. Bumping past the tag would claim that the
 * new version contains that release (1.3.2 after 1.3.1), which this branch lacks, so the choice
 * is the user's: merge the release, or release a higher line.
 */
function versionTaken(version, existing, ctx) {
    const at = `Version ${version} is already tag ${existing.name} on commit ${existing.commit.slice(0, 7) || '(not a commit)'}`;
    if (!ctx.release)
        return new user_error/* UserError */.yo(`${at}; prereleases are never tagged by this action, so delete or rename that tag.`);
    const taken = (v) => ctx.tagged.some((t) => semver.eq(t.version, v));
    const bumps = ['minor', 'major'];
    const higher = ctx.base === undefined
        ? bumps.map((b) => semver.inc(ctx.settings.initialVersion, b)).map((v) => ({ version: v, how: `initial-version: ${v}` }))
        : bumps
            .filter((b) => version_RANK[b] > version_RANK[ctx.bump])
            .map((b) => ({ version: nextVersion(ctx.base, b, ctx.settings.majorOnZero), how: `bump: ${b}` }));
    const free = higher.find((h) => semver.gt(h.version, version) && !taken(h.version));
    const instead = free ? `, or release ${free.version} instead (${free.how})` : '';
    return new user_error/* UserError */.yo(`${at}, outside this branch's history: merge ${existing.name} into this branch so that the next version follows it${instead}.`);
}
const version_RANK = { none: 0, patch: 1, minor: 2, major: 3 };

;// CONCATENATED MODULE: ./.build/actions/lib/release/plan.js
// Everything semver-tag computes, shared by the action and `sgw version`: the version, the image
// tags and labels, the changelog. Reads git and the runner's environment; writes nothing.







const VersionInput = {
    Path: 'path',
    TagPrefix: 'tag-prefix',
    Bump: 'bump',
    DefaultBump: 'default-bump',
    MajorOnZero: 'major-on-zero',
    InitialVersion: 'initial-version',
    ReleaseBranches: 'release-branches',
    Images: 'images',
    Tags: 'tags',
    Latest: 'latest',
    Title: 'title',
    Description: 'description'
};
const BUMPS = ['major', 'minor', 'patch', 'none'];
function readPlanSettings(get) {
    // Empty means the default, as for every input; `none` means tags without a prefix (1.2.3).
    const rawPrefix = (get(VersionInput.TagPrefix) ?? '').trim();
    const tagPrefix = rawPrefix === '' ? 'v' : rawPrefix === 'none' ? '' : rawPrefix;
    if (/[\s~^:?*[\\]/.test(tagPrefix)) {
        throw new user_error/* UserError */.yo(`Input "${VersionInput.TagPrefix}" cannot be part of a git tag name: "${tagPrefix}".`);
    }
    const initial = (get(VersionInput.InitialVersion) ?? '').trim() || '0.1.0';
    if (!semver.valid(initial) || semver.prerelease(initial)) {
        throw new user_error/* UserError */.yo(`Input "${VersionInput.InitialVersion}" must be a version like 0.1.0 or 1.0.0, got "${initial}".`);
    }
    const releaseBranches = (0,parse/* parseList */.E1)(get(VersionInput.ReleaseBranches) || 'main');
    const tagsText = (get(VersionInput.Tags) ?? '').trim() || DEFAULT_TAG_RULES;
    parseTagRules(tagsText, VersionInput.Tags);
    return {
        path: (get(VersionInput.Path) ?? '').trim() || '.',
        version: {
            tagPrefix,
            bump: (0,parse/* parseChoice */.HU)(VersionInput.Bump, get(VersionInput.Bump), ['auto', ...BUMPS], 'auto'),
            defaultBump: (0,parse/* parseChoice */.HU)(VersionInput.DefaultBump, get(VersionInput.DefaultBump), BUMPS, 'patch'),
            majorOnZero: (0,parse/* parseBoolean */.yG)(VersionInput.MajorOnZero, get(VersionInput.MajorOnZero), false),
            initialVersion: initial,
            releaseBranches
        },
        images: (0,parse/* parseList */.E1)(get(VersionInput.Images)),
        tagsText,
        latest: (0,parse/* parseChoice */.HU)(VersionInput.Latest, get(VersionInput.Latest), ['auto', 'true', 'false'], 'auto'),
        title: (get(VersionInput.Title) ?? '').trim() || undefined,
        description: (get(VersionInput.Description) ?? '').trim() || undefined
    };
}
/** The runner's view of this build, from the environment GitHub sets (and the event payload). */
function runnerContext(env, event, now = new Date()) {
    return {
        eventName: env.GITHUB_EVENT_NAME ?? 'push',
        ref: env.GITHUB_REF ?? '',
        prNumber: event?.pull_request?.number ?? event?.number ?? prFromRef(env.GITHUB_REF),
        repository: env.GITHUB_REPOSITORY,
        serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
        now
    };
}
function prFromRef(ref) {
    const m = /^refs\/pull\/(\d+)\//.exec(ref ?? '');
    return m ? Number(m[1]) : undefined;
}
/**
 * Takes the settings and the runner's view of the build; gives the version, image tags, labels and
 * changelog of HEAD. Reads git only; throws a UserError for what the user must fix.
 */
async function planRelease(settings, context) {
    const git = new Git(settings.path);
    const ref = context.ref || `refs/heads/${(await git.git(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()}`;
    const result = await computeVersion(git, settings.version, { ...context, ref });
    const rules = parseTagRules(settings.tagsText, VersionInput.Tags);
    const names = computeTags(rules, {
        eventName: context.eventName,
        ref,
        sha: result.sha,
        prNumber: context.prNumber,
        version: result.version,
        prerelease: result.prerelease,
        releaseBranch: result.release,
        floating: result.floating,
        taggedElsewhere: result.taggedElsewhere
    }, settings.latest);
    const repositoryUrl = context.repository ? `${context.serverUrl}/${context.repository}` : '';
    const created = context.now.toISOString();
    return {
        result,
        tags: settings.images.length ? imageRefs(settings.images, names) : names,
        labels: ociLabels({
            version: result.version,
            sha: result.sha,
            repositoryUrl,
            created,
            title: settings.title ?? context.repository?.split('/')[1] ?? '',
            description: settings.description
        }),
        changelog: changelog(result.commits, {
            version: result.version,
            tag: result.tag,
            previousTag: result.previousVersion ? `${settings.version.tagPrefix}${result.previousVersion}` : undefined,
            repositoryUrl: repositoryUrl || undefined,
            date: created.slice(0, 10)
        })
    };
}
/** The `json` output and `sgw version --output json`. */
function planJson(plan) {
    const r = plan.result;
    return {
        version: r.version,
        previousVersion: r.previousVersion,
        bump: r.bump,
        tag: r.tag,
        prerelease: r.prerelease,
        release: r.release,
        branch: r.branch ?? null,
        sha: r.sha,
        distance: r.distance,
        commits: r.commits.map((c) => ({ sha: c.sha, type: c.type, scope: c.scope ?? null, subject: c.subject, breaking: c.breaking })),
        tags: plan.tags,
        labels: plan.labels,
        changelog: plan.changelog
    };
}

// EXTERNAL MODULE: ./.build/actions/cli/args.js
var cli_args = __webpack_require__(2994);
;// CONCATENATED MODULE: ./.build/actions/cli/version-command.js
// `sgw version`: what semver-tag computes, on a local checkout. The branch, event and pull request
// come from flags (or GITHUB_* when run in CI), so a developer can ask "what would main get?".




const VERSION_HELP = `Usage: sgw version [options]

Computes the version of HEAD as actions/semver-tag does: the latest semver tag reachable from
HEAD, the Conventional Commits since it (reverted ones left out), a plain version on a release
branch and a prerelease elsewhere, checked against every tag; the image tags and labels (latest
and the major and minor tags only for the newest release of their line); the changelog.

  --path DIR                 the git checkout (default .)
  --branch NAME              treat HEAD as a push to this branch (default: GITHUB_REF, else the current branch)
  --pr N                     treat HEAD as pull request N
  --tag-prefix P             default v; none for tags without a prefix
  --bump B                   auto (default), major, minor, patch, none
  --default-bump B           bump of other commit types (default patch; none)
  --major-on-zero true|false default false
  --initial-version V        default 0.1.0
  --release-branches L       default main (globs allowed)
  --images L                 image names for full tag references
  --tags RULES               tag rules, one per line (default: metadata-action style defaults)
  --latest auto|true|false   default auto
  --title T / --description D  OCI labels
  --output text|json|changelog  what to print (default text)

Exit status: 0 done, 2 usage or input error (e.g. a shallow clone: fetch the whole history; a
version that a tag on another commit already names).
`;
const VALUE_FLAGS = ['branch', 'pr', 'output', ...Object.values(VersionInput)];
/** Takes the arguments after `version`, a writer and the environment; prints the computation, gives the exit status. */
async function versionCommand(argv, out, env = process.env) {
    const args = (0,cli_args/* parseArgs */.Z)(argv, { values: VALUE_FLAGS, switches: ['help'] }, 'version');
    if (args.switches.has('help')) {
        out(VERSION_HELP);
        return 0;
    }
    if (args.positional.length)
        throw new user_error/* UserError */.yo(`sgw version: unexpected argument "${args.positional[0]}".`);
    const one = (name) => args.values.get(name)?.[0];
    const settings = readPlanSettings(one);
    const output = (0,parse/* parseChoice */.HU)('output', one('output'), ['text', 'json', 'changelog'], 'text');
    const context = runnerContext(env, undefined);
    const branch = one('branch');
    const pr = one('pr');
    if (branch && pr)
        throw new user_error/* UserError */.yo('sgw version: give --branch or --pr, not both.');
    if (branch)
        Object.assign(context, { eventName: 'push', ref: `refs/heads/${branch}`, prNumber: undefined });
    if (pr) {
        const ref = `refs/pull/${(0,parse/* parseWholeNumber */.oA)('--pr', pr, 0, 1)}/merge`;
        Object.assign(context, { eventName: 'pull_request', ref, prNumber: Number(pr) });
    }
    const plan = await planRelease(settings, context);
    if (output === 'json')
        out(`${JSON.stringify(planJson(plan), null, 2)}\n`);
    else if (output === 'changelog')
        out(plan.changelog);
    else {
        const r = plan.result;
        out(`version   ${r.version}${r.prerelease ? ' (prerelease)' : ''}\n`);
        out(`previous  ${r.previousVersion || '(none)'}\n`);
        const reverted = r.cancelled.length ? `, ${r.cancelled.length} cancelled by reverts` : '';
        out(`bump      ${r.bump} (${r.commits.length} commit(s) since${reverted})\n`);
        out(`tag       ${r.tag}${r.release ? '' : ' (not created: not a release)'}\n`);
        if (plan.tags.length)
            out(`tags      ${plan.tags.join('\n          ')}\n`);
        for (const n of r.notes)
            out(`note      ${n}\n`);
        for (const w of r.warnings)
            out(`warning   ${w}\n`);
    }
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
