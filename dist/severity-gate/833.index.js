export const id = 833;
export const ids = [833];
export const modules = {

/***/ 6833:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SHIPPED_ORG_POLICY: () => (/* binding */ SHIPPED_ORG_POLICY),
  resolveTrustedPolicy: () => (/* binding */ resolveTrustedPolicy),
  trustedGateConfig: () => (/* binding */ trustedGateConfig)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./.build/actions/lib/errors/user-error.js
var user_error = __webpack_require__(3594);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.build/actions/lib/findings/model.js
var model = __webpack_require__(1468);
// EXTERNAL MODULE: ./.build/actions/lib/policy/exceptions.js
var policy_exceptions = __webpack_require__(5467);
// EXTERNAL MODULE: ./.build/actions/lib/policy/defaults.js
var defaults = __webpack_require__(9311);
;// CONCATENATED MODULE: ./.build/actions/lib/policy/policy-file.js
// Security policy files and where each limit comes from. Three layers, most trusted first:
//   1. the organisation policy, kept in the shared repository and shipped with the workflows;
//   2. the repository policy (security-policy.yml), read from the base commit on pull requests;
//   3. the inputs of the step (the caller's workflow, which a pull request can edit).
// Each layer may only tighten the layers before it, except for the keys the organisation policy
// names under `allow-loosening`. Without an organisation policy the repository policy is free,
// and inputs may still not loosen the repository policy.





const DEFAULT_POLICY_FILE = 'security-policy.yml';

const THRESHOLD_KEYS = { critical: 'max-critical', high: 'max-high', medium: 'max-medium', low: 'max-low', unknown: 'max-unknown' };
const TOP_KEYS = new Set(['thresholds', 'approval-severities', 'secret-severity', 'default-severity', 'exceptions', 'allow-loosening']);
/**
 * Parse a policy file (YAML). Takes its text and a name for messages; gives a layer or throws a
 * UserError naming the file and the key. Shape:
 *   thresholds: { critical: 0, high: 5, medium: 20, low: 50, unknown: none }
 *   approval-severities: [high]          secret-severity: critical     default-severity: medium
 *   exceptions: [ { id, owner, reason, expires, tool?, path?, package?, fingerprint? } ]
 *   allow-loosening: [max-high, ...]     (organisation policy only)
 */
function parsePolicy(text, file, kind) {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text, { prettyErrors: false });
    }
    catch (error) {
        throw new user_error/* UserError */.yo(`${file}: policy file is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    if (doc === null || doc === undefined)
        doc = {};
    if (typeof doc !== 'object' || Array.isArray(doc))
        throw new user_error/* UserError */.yo(`${file}: a policy file is a mapping (thresholds, approval-severities, exceptions...).`);
    const map = doc;
    const unknownKeys = Object.keys(map).filter((k) => !TOP_KEYS.has(k));
    if (unknownKeys.length)
        throw new user_error/* UserError */.yo(`${file}: unknown key(s) ${unknownKeys.join(', ')}; a policy has ${[...TOP_KEYS].join(', ')}.`);
    const values = {};
    if (map.thresholds !== undefined) {
        if (typeof map.thresholds !== 'object' || map.thresholds === null || Array.isArray(map.thresholds))
            throw new user_error/* UserError */.yo(`${file}: "thresholds" is a mapping of severity to a limit.`);
        for (const [severity, raw] of Object.entries(map.thresholds)) {
            const key = THRESHOLD_KEYS[severity];
            if (!key)
                throw new user_error/* UserError */.yo(`${file}: thresholds.${severity} is not a gated severity; use critical, high, medium, low or unknown.`);
            values[key] = limitOf(raw, `${file}: thresholds.${severity}`);
        }
    }
    if (map['approval-severities'] !== undefined)
        values['approval-severities'] = severityList(map['approval-severities'], `${file}: approval-severities`);
    if (map['secret-severity'] !== undefined)
        values['secret-severity'] = severityOf(map['secret-severity'], `${file}: secret-severity`);
    if (map['default-severity'] !== undefined)
        values['default-severity'] = severityOf(map['default-severity'], `${file}: default-severity`);
    const exceptions = map.exceptions === undefined ? [] : (0,policy_exceptions/* parseExceptionList */.L5)(map.exceptions, file);
    const allowLoosening = new Set();
    if (map['allow-loosening'] !== undefined) {
        if (kind !== 'organisation')
            throw new user_error/* UserError */.yo(`${file}: "allow-loosening" belongs in the organisation policy; a repository policy cannot grant itself looser limits.`);
        if (!Array.isArray(map['allow-loosening']))
            throw new user_error/* UserError */.yo(`${file}: "allow-loosening" is a list of keys (${defaults/* POLICY_KEYS */.cN.join(', ')}).`);
        for (const key of map['allow-loosening']) {
            if (!defaults/* POLICY_KEYS */.cN.includes(key))
                throw new user_error/* UserError */.yo(`${file}: allow-loosening names ${JSON.stringify(key)}; keys are ${defaults/* POLICY_KEYS */.cN.join(', ')}.`);
            allowLoosening.add(key);
        }
    }
    return { name: file, kind, values, exceptions, allowLoosening };
}
function limitOf(raw, at) {
    if (raw === null || (typeof raw === 'string' && raw.trim().toLowerCase() === 'none') || raw === -1)
        return null;
    if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0)
        return raw;
    if (typeof raw === 'string' && /^\d+$/.test(raw.trim()))
        return Number(raw.trim());
    throw new user_error/* UserError */.yo(`${at} must be a whole number (0 or more) or none, got ${JSON.stringify(raw)}.`);
}
function severityOf(raw, at) {
    const value = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
    if (!(0,model/* isSeverity */._Z)(value))
        throw new user_error/* UserError */.yo(`${at} must be one of critical, high, medium, low, info, unknown; got ${JSON.stringify(raw)}.`);
    return value;
}
function severityList(raw, at) {
    if (raw === 'none' || raw === null)
        return [];
    const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : undefined;
    if (!list)
        throw new user_error/* UserError */.yo(`${at} is a list of severities, or none.`);
    return list.map((s) => severityOf(s, at));
}
/** True when `value` lets through something `than` would stop. */
function isLooser(key, value, than) {
    if (key === 'approval-severities')
        return than.some((s) => !value.includes(s));
    if (key === 'secret-severity' || key === 'default-severity')
        return model/* SEVERITY_RANK */.f3[value] < model/* SEVERITY_RANK */.f3[than];
    const limit = value;
    const bound = than;
    return bound !== null && (limit === null || limit > bound);
}
function describeValue(key, value) {
    if (key === 'approval-severities')
        return value.length ? value.join(', ') : 'none';
    if (value === null)
        return 'none';
    return String(value);
}
/**
 * Apply the layers in order of trust (organisation, repository, inputs; any may be absent).
 * Throws a UserError naming both layers when one loosens a key an earlier trusted layer set and the
 * organisation policy does not allow loosening it.
 */
function resolvePolicy(layers) {
    const values = { ...defaults/* DEFAULT_VALUES */.LP };
    const sources = Object.fromEntries(defaults/* POLICY_KEYS */.cN.map((k) => [k, 'default']));
    const org = layers.find((l) => l.kind === 'organisation');
    const setBy = new Map();
    for (const layer of layers) {
        for (const key of defaults/* POLICY_KEYS */.cN) {
            const value = layer.values[key];
            if (value === undefined)
                continue;
            const earlier = setBy.get(key);
            if (earlier && earlier.kind !== 'default' && !org?.allowLoosening.has(key) && isLooser(key, value, values[key])) {
                const grant = org ? ` or add ${key} to allow-loosening in ${org.name}` : '';
                throw new user_error/* UserError */.yo(`${layer.name} sets ${key} to ${describeValue(key, value)}, looser than ${describeValue(key, values[key])} in ${earlier.name}, which may only be tightened; ` +
                    `use ${describeValue(key, values[key])} or stricter${grant}.`);
            }
            ;
            values[key] = value;
            sources[key] = layer.name;
            setBy.set(key, layer);
        }
    }
    return { values, sources, exceptions: layers.flatMap((l) => l.exceptions) };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./.build/actions/lib/policy/review.js
// What a change does to its own suppressions. On a pull request (or a merge group) every way to
// silence a scanner is compared with the base commit: an exception, baseline entry, ignore-file
// line, scanner configuration line, loosened policy key or inline suppression comment that the
// change adds is listed, and the gate can then only say needs-approval (or fail), never pass. What
// the change removes or narrows needs no approval. On other events the files are as committed:
// they were reviewed on the way in.







const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** The base to review against for pull_request, pull_request_target and merge_group; else none. */
function reviewBaseFor(eventName, payload) {
    if (eventName === 'pull_request' || eventName === 'pull_request_target') {
        const sha = payload.pull_request?.base?.sha;
        return sha ? { sha, describe: `pull request #${payload.pull_request?.number ?? payload.number ?? '?'}` } : undefined;
    }
    if (eventName === 'merge_group') {
        const sha = payload.merge_group?.base_sha;
        return sha ? { sha, describe: 'the merge group' } : undefined;
    }
    return undefined;
}
/**
 * Inline suppression comments, by the tool they silence (each scanner's documented syntax). `show`
 * captures the marker and the rule it names, and nothing else of the line: the rest of a line that
 * silences a secret scanner is the secret.
 */
const INLINE_MARKERS = [
    { tool: 'checkov', show: /checkov:skip=[\w.-]*/i, grep: 'checkov:skip=' },
    { tool: 'trivy', show: /(?:trivy|tfsec):ignore:[\w.-]*/i, grep: '(trivy|tfsec):ignore:' },
    { tool: 'gitleaks', show: /gitleaks:allow/i, grep: 'gitleaks:allow' },
    { tool: 'semgrep', show: /\bnosemgrep\b(?::\s*[\w.-]+)?/i, grep: 'nosemgrep' },
    { tool: 'bandit', show: /#\s*nosec\b(?:\s+B\d+)?/i, grep: '#[[:space:]]*nosec' },
    { tool: 'hadolint', show: /hadolint\s+ignore=[\w,]*/i, grep: 'hadolint[[:space:]]+ignore=' },
    { tool: 'kics', show: /kics-scan\s+ignore(?:-line|-block)?/i, grep: 'kics-scan[[:space:]]+ignore' }
];
/** Ignore and configuration files of the scanners: any line a change adds can silence one. */
const SCANNER_FILES = {
    '.gitleaksignore': 'gitleaks',
    '.gitleaks.toml': 'gitleaks',
    'gitleaks.toml': 'gitleaks',
    '.trivyignore': 'trivy',
    'trivy.yaml': 'trivy',
    '.checkov.yml': 'checkov',
    '.checkov.yaml': 'checkov',
    '.semgrepignore': 'semgrep',
    '.bandit': 'bandit',
    '.hadolint.yaml': 'hadolint',
    '.hadolint.yml': 'hadolint'
};
/** Files whose lines are ids, fingerprints or paths, shown as written. Other configuration can
 * hold a literal secret (an allowlist regex), so only its line number is shown. */
const LISTS_OF_IDS = new Set(['.gitleaksignore', '.trivyignore', '.semgrepignore']);
/** Reads git with argument arrays in one working tree. */
class GitReader {
    cwd;
    constructor(cwd) {
        this.cwd = cwd;
    }
    async git(args, okCodes = [0]) {
        try {
            const { stdout } = await run('git', args, { cwd: this.cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
            return { code: 0, stdout };
        }
        catch (error) {
            const e = error;
            if (typeof e.code === 'number' && okCodes.includes(e.code))
                return { code: e.code, stdout: e.stdout ?? '' };
            if (e.code === 'ENOENT')
                throw new user_error/* UserError */.yo('git is not installed or not on PATH.');
            throw new user_error/* UserError */.yo(`git ${args[0]} failed in ${this.cwd}: ${(e.stderr ?? String(error)).trim().split('\n')[0]}`);
        }
    }
    async hasCommit(sha) {
        return (await this.git(['cat-file', '-e', `${sha}^{commit}`], [0, 1, 128])).code === 0;
    }
    /** A file's text at a commit, or undefined when it does not exist there. */
    async show(rev, path) {
        const r = await this.git(['show', `${rev}:${path.replace(/^\.\//, '')}`], [0, 128]);
        return r.code === 0 ? r.stdout : undefined;
    }
    /** Files the change touches (merge base of `base` and HEAD, to the working tree). */
    async changedFiles(base) {
        const mergeBase = (await this.git(['merge-base', base, 'HEAD'])).stdout.trim();
        const out = await this.git(['diff', '--name-only', '--no-renames', '-z', mergeBase]);
        return out.stdout.split('\0').filter(Boolean);
    }
    /** Lines the change adds, with their file and line number (unified diff, no context). */
    async addedLines(base) {
        const mergeBase = (await this.git(['merge-base', base, 'HEAD'])).stdout.trim();
        const diff = (await this.git(['diff', '-U0', '--no-color', '--no-ext-diff', '--no-renames', mergeBase])).stdout;
        const out = [];
        let file = '';
        let line = 0;
        for (const raw of diff.split('\n')) {
            if (raw.startsWith('+++ '))
                file = raw === '+++ /dev/null' ? '' : raw.slice(4).replace(/^b\//, '');
            else if (raw.startsWith('@@'))
                line = Number(/\+(\d+)/.exec(raw)?.[1] ?? 0);
            else if (raw.startsWith('+') && file)
                out.push({ file, line: line++, text: raw.slice(1) });
        }
        return out;
    }
    /** The text of each line of the tracked files in the working tree that matches any of the
     * extended regular expressions (case-insensitive); binary files are skipped. */
    async grepLines(patterns) {
        const args = ['grep', '-h', '-I', '-i', '-E'];
        for (const p of patterns)
            args.push('-e', p);
        const r = await this.git(args, [0, 1]);
        return r.stdout.split('\n').filter(Boolean);
    }
}
/**
 * Review the suppressions of the checkout in `git.cwd` against `base` (undefined: no review, only
 * the inline count). `readHead(path)` gives a file as the scanners read it (the working tree).
 * Throws a UserError when the base commit is not in the checkout.
 */
async function reviewSuppressions(git, base, files, readHead) {
    // Outside a review there is nothing to compare; the tree-wide count of inline suppressions
    // (a pass over every tracked file) is paid for where it informs a reviewer.
    if (!base)
        return { changes: [], inline: {} };
    if (!(await git.hasCommit(base.sha))) {
        throw new user_error/* UserError */.yo(`The base commit ${base.sha.slice(0, 12)} of ${base.describe} is not in the checkout, so suppressions cannot be read as they are on the base branch. ` +
            'Set `fetch-depth: 0` on actions/checkout.');
    }
    const inline = await countInline(git);
    const changes = [];
    const changed = new Set(await git.changedFiles(base.sha));
    const structured = new Set([files.exceptions, files.baseline, files.policy].filter((f) => !!f).map(norm));
    if (files.exceptions && changed.has(norm(files.exceptions)))
        changes.push(...exceptionChanges(files.exceptions, await git.show(base.sha, files.exceptions), readHead(files.exceptions)));
    if (files.baseline && changed.has(norm(files.baseline)))
        changes.push(...baselineChanges(files.baseline, await git.show(base.sha, files.baseline), readHead(files.baseline)));
    if (files.policy && changed.has(norm(files.policy)))
        changes.push(...policyChanges(files.policy, await git.show(base.sha, files.policy), readHead(files.policy)));
    const extraIgnores = new Set((files.ignoreFiles ?? []).map(norm));
    const added = await git.addedLines(base.sha);
    for (const file of [...changed].sort()) {
        if (structured.has(file))
            continue;
        const name = (0,external_node_path_.basename)(file);
        if (name === '.trivyignore.yaml' || name === '.trivyignore.yml') {
            changes.push(...trivyIgnoreYamlChanges(file, await git.show(base.sha, file), readHead(file)));
            continue;
        }
        const tool = SCANNER_FILES[name] ?? (extraIgnores.has(file) ? 'scanner' : undefined);
        if (!tool)
            continue;
        for (const a of added) {
            if (a.file !== file || !isContent(a.text))
                continue;
            const shown = LISTS_OF_IDS.has(name) ? `: ${clip(a.text.trim())}` : ' (content not shown: configuration can hold secrets)';
            changes.push({ file, line: a.line, tool, what: `new line in ${tool}'s ${name}${shown}` });
        }
    }
    for (const a of added) {
        if (structured.has(a.file) || SCANNER_FILES[(0,external_node_path_.basename)(a.file)])
            continue;
        for (const m of INLINE_MARKERS) {
            const marker = m.show.exec(a.text);
            if (marker)
                changes.push({ file: a.file, line: a.line, tool: m.tool, what: `new inline ${m.tool} suppression: ${marker[0]}` });
        }
    }
    return { base, changes, inline };
}
async function countInline(git) {
    // One pass over the tree for every marker; each hit is then told apart by tool.
    const hits = await git.grepLines(INLINE_MARKERS.map((m) => m.grep));
    const counts = {};
    for (const text of hits) {
        const marker = INLINE_MARKERS.find((m) => m.show.test(text));
        if (marker)
            counts[marker.tool] = (counts[marker.tool] ?? 0) + 1;
    }
    return counts;
}
function norm(path) {
    return path.replace(/^\.\//, '');
}
function isContent(line) {
    const t = line.trim();
    return t !== '' && !t.startsWith('#');
}
function clip(text) {
    return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
function scope(e) {
    const parts = [e.tool && `tool ${e.tool}`, e.package && `package ${e.package}`, e.path && `path ${e.path}`, e.fingerprint && `fingerprint ${e.fingerprint.slice(0, 12)}`];
    return parts.filter(Boolean).join(', ');
}
/** Exceptions in `head` that no exception in `base` covers: new, or wider, or longer-lived. */
function exceptionChanges(file, base, head) {
    const before = base === undefined ? [] : (0,policy_exceptions/* parseExceptions */.wu)(base, `${file} (base)`);
    const after = head === undefined ? [] : (0,policy_exceptions/* parseExceptions */.wu)(head, file);
    return newExceptions(file, before, after);
}
function newExceptions(file, before, after) {
    const out = [];
    for (const e of after) {
        if (before.some((b) => (0,policy_exceptions/* covers */.hU)(b, e)))
            continue;
        const widened = before.some((b) => b.ruleId === e.ruleId);
        const where = scope(e);
        out.push({ file, tool: 'gate', what: `${widened ? 'widened' : 'new'} exception for ${e.ruleId}${where ? ` (${where})` : ''}, owner ${e.owner}, until ${e.expires}` });
    }
    return out;
}
function baselineChanges(file, base, head) {
    const keys = (text) => {
        if (text === undefined)
            return new Map();
        try {
            const doc = JSON.parse(text);
            return new Map(Object.entries(doc.fingerprints ?? {}));
        }
        catch {
            throw new user_error/* UserError */.yo(`${file}: the baseline is not valid JSON; recreate it with \`sgw gate --write-baseline\`.`);
        }
    };
    const before = keys(base);
    return [...keys(head)]
        .filter(([fp]) => !before.has(fp))
        .map(([fp, v]) => ({ file, tool: 'gate', what: `new baseline entry ${fp}${v.ruleId ? ` (${v.ruleId}${v.where ? ` in ${v.where}` : ''})` : ''}` }));
}
function policyChanges(file, base, head) {
    // A deleted policy file is the defaults: loosening wherever the base was stricter.
    const none = { name: file, kind: 'repository', values: {}, exceptions: [], allowLoosening: new Set() };
    const after = head === undefined ? none : parsePolicy(head, file, 'repository');
    const before = base === undefined ? none : parsePolicy(base, `${file} (base)`, 'repository');
    const out = [];
    for (const key of defaults/* POLICY_KEYS */.cN) {
        const now = after.values[key] ?? defaults/* DEFAULT_VALUES */.LP[key];
        // A key the base did not set was the default there; the organisation's bounds are checked
        // where the layers are resolved (an error, not an approval).
        const was = before.values[key] ?? defaults/* DEFAULT_VALUES */.LP[key];
        if (isLooser(key, now, was))
            out.push({ file, tool: 'gate', what: `loosened ${key} from ${describeValue(key, was)} to ${describeValue(key, now)}` });
    }
    out.push(...newExceptions(file, before.exceptions, after.exceptions));
    return out;
}
/** trivy's YAML ignore file: entries under vulnerabilities, misconfigurations, secrets, licenses. */
function trivyIgnoreYamlChanges(file, base, head) {
    const entries = (text) => {
        if (text === undefined)
            return new Set();
        const doc = (0,dist/* parse */.qg)(text);
        const out = new Set();
        for (const [kind, list] of Object.entries(doc ?? {}))
            if (Array.isArray(list))
                for (const item of list)
                    out.add(`${kind}: ${JSON.stringify(item)}`);
        return out;
    };
    const before = entries(base);
    return [...entries(head)].filter((e) => !before.has(e)).map((e) => ({ file, tool: 'trivy', what: `new trivy ignore entry ${clip(e)}` }));
}

// EXTERNAL MODULE: ./.build/actions/lib/gate/run-gate.js + 15 modules
var run_gate = __webpack_require__(5244);
// EXTERNAL MODULE: ./.build/actions/lib/gate/settings.js
var gate_settings = __webpack_require__(7315);
;// CONCATENATED MODULE: ./.build/actions/lib/gate/trusted-policy.js
// The gate's policy from trusted places: the organisation policy (shipped with the suite), the
// repository policy and the inputs, resolved layer by layer (policy/policy-file.ts), and the
// review of what a pull request does to its own suppressions (policy/review.ts). Shared by
// actions/severity-gate, the scanner actions and `sgw gate`.








/** The organisation policy shipped with the suite, relative to the repository root. */
const SHIPPED_ORG_POLICY = 'policy/org-security-policy.yml';
/**
 * Resolve the policy layers and review the suppressions. Takes the parsed inputs and where the
 * step runs; gives the settings to gate with. Throws a UserError for an unreadable or invalid
 * policy file, a layer that loosens what it may not, or a base commit missing from the checkout.
 */
async function resolveTrustedPolicy(settings, ctx) {
    const layers = [];
    if (settings.orgPolicy) {
        const file = settings.orgPolicy === 'shipped' ? shippedOrgPolicy() : settings.orgPolicy;
        layers.push(parsePolicy(readPolicy(file, 'org-policy'), settings.orgPolicy === 'shipped' ? `${SHIPPED_ORG_POLICY} (organisation)` : file, 'organisation'));
    }
    const policyFile = settings.policyFile ?? DEFAULT_POLICY_FILE;
    const repoPath = (0,external_node_path_.join)(ctx.cwd, policyFile);
    if (settings.policyFile || (0,external_node_fs_.existsSync)(repoPath))
        layers.push(parsePolicy(readPolicy(repoPath, 'policy', policyFile), policyFile, 'repository'));
    layers.push({ name: 'the step inputs (the calling workflow)', kind: 'inputs', values: settings.inputs, exceptions: [], allowLoosening: new Set() });
    const resolved = resolvePolicy(layers);
    const git = new GitReader(ctx.cwd);
    const fromEvent = settings.suppressionReview === 'auto' ? reviewBaseFor(ctx.eventName, (ctx.payload ?? {})) : undefined;
    const base = ctx.base ? { sha: ctx.base, describe: `the change since ${ctx.base}` } : fromEvent;
    const inRepository = (await git.git(['rev-parse', '--is-inside-work-tree'], [0, 128])).code === 0;
    if (base && !inRepository)
        throw new user_error/* UserError */.yo(`${ctx.cwd} is not a git checkout, so the suppressions of ${base.describe} cannot be compared with its base; check out the repository first.`);
    const review = inRepository
        ? await reviewSuppressions(git, base, { exceptions: settings.exceptions ?? run_gate.DEFAULT_EXCEPTIONS_FILE, baseline: settings.baseline, policy: policyFile, ignoreFiles: ctx.ignoreFiles }, (path) => {
            const full = (0,external_node_path_.join)(ctx.cwd, path);
            return (0,external_node_fs_.existsSync)(full) ? (0,external_node_fs_.readFileSync)(full, 'utf8') : undefined;
        })
        : { changes: [], inline: {} };
    return { settings: { ...settings, ...(0,gate_settings/* policyOf */.US)(resolved.values) }, sources: resolved.sources, policyExceptions: resolved.exceptions, review };
}
/** The parts of a TrustedPolicy that runGate takes besides the settings. */
function trustedGateConfig(t) {
    return { policyExceptions: t.policyExceptions, review: t.review, sources: t.sources, expiryWarningDays: t.settings.expiryWarningDays };
}
function readPolicy(path, input, shown = path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        throw new user_error/* UserError */.yo(`${shown}: policy file not found or unreadable; check the "${input}" input.`);
    }
}
/** The shipped organisation policy: found by walking up from this module (source or bundle). */
function shippedOrgPolicy() {
    for (let dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));; dir = (0,external_node_path_.dirname)(dir)) {
        const candidate = (0,external_node_path_.join)(dir, SHIPPED_ORG_POLICY);
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
        if ((0,external_node_path_.dirname)(dir) === dir)
            throw new user_error/* UserError */.yo(`org-policy: shipped, but ${SHIPPED_ORG_POLICY} is not beside this action; give the file's path instead.`);
    }
}


/***/ })

};
