export const id = 265;
export const ids = [265];
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


/***/ }),

/***/ 6223:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JJ: () => (/* binding */ DEFAULT_THRESHOLDS),
/* harmony export */   Ot: () => (/* binding */ countBySeverity),
/* harmony export */   _3: () => (/* binding */ evaluate),
/* harmony export */   _t: () => (/* binding */ DEFAULT_APPROVAL_SEVERITIES),
/* harmony export */   d5: () => (/* binding */ countByTool)
/* harmony export */ });
/* unused harmony exports GATED_SEVERITIES, emptyCounts */
/* harmony import */ var _findings_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1468);
// Thresholds per severity and the three verdicts: pass, needs-approval, fail.

const DEFAULT_THRESHOLDS = { critical: 0, high: 5, medium: 20, low: 50, unknown: null };
const DEFAULT_APPROVAL_SEVERITIES = ['high'];
const GATED_SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'];
function emptyCounts() {
    return { critical: 0, high: 0, medium: 0, low: 0, info: 0, unknown: 0 };
}
function countBySeverity(findings) {
    const counts = emptyCounts();
    for (const f of findings)
        counts[f.severity]++;
    return counts;
}
/** Counts per tool, for every tool listed (a tool with no finding counts zeros). */
function countByTool(findings, tools) {
    const out = new Map(tools.map((t) => [t, emptyCounts()]));
    for (const f of findings) {
        let counts = out.get(f.tool);
        if (!counts)
            out.set(f.tool, (counts = emptyCounts()));
        counts[f.severity]++;
    }
    return out;
}
function evaluate(counts, policy) {
    const breaches = [];
    for (const severity of GATED_SEVERITIES) {
        const max = policy.thresholds[severity];
        if (max !== null && counts[severity] > max)
            breaches.push({ severity, count: counts[severity], max });
    }
    const approvals = _findings_model_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.filter((s) => policy.approvalSeverities.includes(s) && counts[s] > 0).map((severity) => ({ severity, count: counts[severity] }));
    const result = breaches.length > 0 ? 'fail' : approvals.length > 0 ? 'needs-approval' : 'pass';
    return { result, counts, breaches, approvals };
}


/***/ }),

/***/ 1272:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ esc),
/* harmony export */   e: () => (/* binding */ summaryMarkdown)
/* harmony export */ });
/* harmony import */ var _findings_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1468);
/* harmony import */ var _policy_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6223);
/* harmony import */ var _rank_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2127);
// The job summary: verdict first, then the table, the breaches, the top findings, exceptions and
// what to do next. Also the PR comment body.



const ICON = { pass: '✅', 'needs-approval': '🟡', fail: '❌' };
const HEADLINE = { pass: 'passed', 'needs-approval': 'passes with approval', fail: 'failed' };
function esc(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}
function countsLine(outcome) {
    const parts = _findings_model_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.filter((s) => outcome.counts[s] > 0).map((s) => `${outcome.counts[s]} ${s}`);
    return parts.length ? parts.join(', ') : 'none';
}
function linkFor(f, ctx) {
    const where = esc((0,_rank_js__WEBPACK_IMPORTED_MODULE_2__/* .whereOf */ .d)(f));
    const file = f.location.file;
    if (!ctx.repoUrl || !file || f.location.package || /^(\/|[a-z]+:)/i.test(file))
        return where;
    const anchor = f.location.line ? `#L${f.location.line}` : '';
    const url = `${ctx.repoUrl.server}/${ctx.repoUrl.repository}/blob/${ctx.repoUrl.sha}/${file.split('/').map(encodeURIComponent).join('/')}${anchor}`;
    return `[${where}](${url})`;
}
function statusCell(severity, count, ctx) {
    const max = severity === 'info' ? null : ctx.policy.thresholds[severity];
    if (max !== null && count > max)
        return '❌ over';
    if (count > 0 && ctx.policy.approvalSeverities.includes(severity))
        return '🟡 approval';
    if (count > 0 && severity === 'medium')
        return '⚠️ warn';
    if (count > 0 && (severity === 'low' || severity === 'info'))
        return 'ℹ️ inform';
    return '✓';
}
function summaryMarkdown(outcome, ctx, title = 'Security gate') {
    const lines = [];
    lines.push(`## ${ICON[outcome.result]} ${title} ${HEADLINE[outcome.result]}: \`${outcome.result}\``);
    lines.push('');
    const scanned = ctx.scanners?.length ? ` Scanned with ${ctx.scanners.join(', ')}.` : '';
    const baseline = outcome.baselineFile ? ` ${outcome.new} new, ${outcome.known.length} already in the baseline${outcome.counted.length < outcome.all.length ? ' (not counted)' : ''}.` : '';
    lines.push(`**${outcome.total}** finding(s) count toward the thresholds: ${countsLine(outcome)}.${baseline}${scanned}`);
    lines.push('');
    const tools = outcome.tools;
    const perTool = (0,_policy_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .countByTool */ .d5)(outcome.counted, tools);
    lines.push(`| Severity | ${tools.map(esc).join(' | ')}${tools.length ? ' | ' : ''}Total | Allowed | Status |`);
    lines.push(`|---|${tools.map(() => '---:|').join('')}---:|---:|---|`);
    for (const s of _findings_model_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC) {
        const count = outcome.counts[s];
        if (s === 'unknown' && count === 0)
            continue;
        const max = s === 'info' ? null : ctx.policy.thresholds[s];
        const cells = tools.map((t) => String(perTool.get(t)[s]));
        lines.push(`| ${s} | ${cells.join(' | ')}${cells.length ? ' | ' : ''}**${count}** | ${max === null ? 'no limit' : max} | ${statusCell(s, count, ctx)} |`);
    }
    lines.push('');
    if (outcome.breaches.length || outcome.failedIncomplete) {
        lines.push('### Breaches');
        for (const b of outcome.breaches)
            lines.push(`- **${b.severity}**: ${b.count} found, at most ${b.max} allowed`);
        if (outcome.failedIncomplete)
            lines.push(`- **incomplete scan**: ${outcome.incomplete.length} part(s) of the input were not scanned (below)`);
        lines.push('');
    }
    if (outcome.incomplete.length) {
        lines.push('### Incomplete scan');
        const verdict = outcome.failedIncomplete ? 'What was not scanned cannot be called clean, so the gate fails' : '`allow-incomplete-scan` is set: the verdict judges the findings alone';
        lines.push(`${verdict}.`);
        lines.push('');
        for (const n of outcome.incomplete.slice(0, 50))
            lines.push(`- ${esc(n)}`);
        if (outcome.incomplete.length > 50)
            lines.push(`- … and ${outcome.incomplete.length - 50} more (security-summary.json lists them all)`);
        lines.push('');
    }
    if (outcome.result === 'needs-approval') {
        const env = ctx.approvalEnvironment ? ` in the \`${ctx.approvalEnvironment}\` environment` : '';
        const why = [
            outcome.approvals.length ? `${outcome.approvals.map((a) => `${a.count} ${a.severity}`).join(' and ')} finding(s)` : '',
            outcome.suppressionChanges.length ? `${outcome.suppressionChanges.length} suppression(s) added by ${outcome.reviewBase?.describe ?? 'this change'}` : ''
        ].filter(Boolean);
        lines.push(`Within the thresholds, but ${why.join(' and ')} need a reviewer's approval${env}.`);
        lines.push('');
    }
    if (outcome.suppressionChanges.length) {
        lines.push(`### Suppressions added by ${esc(outcome.reviewBase?.describe ?? 'this change')}`);
        lines.push(`Read against the base commit \`${outcome.reviewBase?.sha.slice(0, 12) ?? ''}\`: the author of a change cannot approve their own exception.`);
        lines.push('');
        for (const c of outcome.suppressionChanges.slice(0, 50))
            lines.push(`- \`${esc(c.file)}${c.line ? `:${c.line}` : ''}\`: ${esc(c.what)}`);
        if (outcome.suppressionChanges.length > 50)
            lines.push(`- … and ${outcome.suppressionChanges.length - 50} more (security-summary.json lists them all)`);
        lines.push('');
    }
    const top = (0,_rank_js__WEBPACK_IMPORTED_MODULE_2__/* .mostSevere */ .u)(outcome.counted, ctx.topCount ?? 15);
    if (top.length) {
        lines.push(`### Top findings${outcome.counted.length > top.length ? ` (${top.length} of ${outcome.counted.length})` : ''}`);
        lines.push('| Severity | Tool | Rule | Finding | Where | Fix |');
        lines.push('|---|---|---|---|---|---|');
        for (const f of top) {
            const rule = f.helpUri ? `[${esc(f.ruleId)}](${f.helpUri})` : esc(f.ruleId);
            const fix = f.location.fixedVersion ? esc(f.location.fixedVersion) : f.fixAvailable === true ? 'yes' : f.fixAvailable === false ? 'no' : '';
            lines.push(`| ${f.severity} | ${esc(f.tool)} | ${rule} | ${esc(truncate(f.title, 120))} | ${linkFor(f, ctx)} | ${fix} |`);
        }
        lines.push('');
    }
    const active = outcome.exceptionUses.filter((u) => !u.expired);
    const expired = outcome.exceptionUses.filter((u) => u.expired);
    if (outcome.exceptionUses.length) {
        lines.push(`### Exceptions (${outcome.exceptionsFile})`);
        lines.push(`${outcome.excepted.length} finding(s) excepted.`);
        lines.push('');
        lines.push('| Rule | Scope | Owner | Reason | Expires | Matched |');
        lines.push('|---|---|---|---|---|---:|');
        for (const u of [...expired, ...active]) {
            const e = u.entry;
            const scope = [e.tool, e.package, e.path, e.fingerprint?.slice(0, 12)].filter(Boolean).join(', ') || 'all';
            const expires = u.expired ? `**expired ${e.expires}**` : u.expiringSoon ? `⏳ ${e.expires}` : e.expires;
            lines.push(`| ${esc(e.ruleId)} | ${esc(scope)} | ${esc(e.owner)} | ${esc(truncate(e.reason, 100))} | ${expires} | ${u.matched} |`);
        }
        lines.push('');
        if (expired.length)
            lines.push(`⚠️ ${expired.length} exception(s) expired and no longer suppress anything; renew them with a new reason or fix the findings.`, '');
        const soon = active.filter((u) => u.expiringSoon);
        if (soon.length)
            lines.push(`⏳ ${soon.length} exception(s) expire soon: ${soon.map((u) => `${esc(u.entry.ruleId)} (${esc(u.entry.owner)}, ${u.entry.expires})`).join(', ')}.`, '');
    }
    if (outcome.unmapped.length) {
        lines.push(`### Checkov checks without a known severity`);
        lines.push(`Rated \`default-severity\`: ${outcome.unmapped.map((id) => `\`${id}\``).join(', ')}.`);
        lines.push('');
    }
    const inline = Object.entries(outcome.inlineSuppressions);
    if (inline.length) {
        lines.push('### Inline suppressions in the code');
        lines.push(inline.map(([tool, n]) => `${tool}: ${n}`).join(', ') + '.');
        lines.push('');
    }
    const sources = outcome.policySources ? Object.entries(outcome.policySources).filter(([, from]) => from !== 'default') : [];
    if (sources.length) {
        lines.push('### Where the limits come from');
        for (const [key, from] of sources)
            lines.push(`- \`${key}\`: ${esc(from)}`);
        lines.push('');
    }
    const notes = [...outcome.notes, ...(ctx.sarifNotes ?? [])];
    if (notes.length) {
        lines.push('### Notes');
        for (const n of notes)
            lines.push(`- ${n}`);
        lines.push('');
    }
    lines.push('### What to do next');
    lines.push(...nextSteps(outcome, ctx));
    lines.push('');
    lines.push(`<sub>Reports: ${outcome.reports.map((r) => `\`${esc(r.path)}\` (${r.tool}, ${r.findings})`).join(', ')}</sub>`);
    return `${lines.join('\n')}\n`;
}
function nextSteps(outcome, ctx) {
    const out = [];
    const repro = ctx.reproduce ? ` Reproduce locally with \`${ctx.reproduce}\`.` : '';
    if (outcome.result === 'fail') {
        if (outcome.failedIncomplete)
            out.push('- Make the files the scanner could not read parseable (or exclude them from the scan), or set `allow-incomplete-scan: true` to judge the findings alone.');
        if (outcome.breaches.length) {
            out.push(`- Fix the ${outcome.breaches.map((b) => b.severity).join(' and ')} findings (the table above lists the most severe first).${repro}`);
            out.push(`- Where a finding is accepted, add it to \`${outcome.exceptionsFile ?? '.security-exceptions.yml'}\` with a \`reason\` and an \`expires\` date.`);
        }
    }
    else if (outcome.result === 'needs-approval') {
        out.push(`- A reviewer approves the deployment of the approval environment, or the findings are fixed.${repro}`);
        if (outcome.suppressionChanges.length)
            out.push('- Or take the added suppressions out of this change and propose them on their own, for review.');
    }
    else {
        out.push('- Nothing blocks this change.' + (outcome.counts.medium + outcome.counts.low > 0 ? ' Medium and low findings are listed for information.' : ''));
    }
    return out;
}
function truncate(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}


/***/ }),

/***/ 2127:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ whereOf),
/* harmony export */   u: () => (/* binding */ mostSevere)
/* harmony export */ });
/* harmony import */ var _findings_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1468);

/** The n most severe findings, stable within a severity; O(findings) so large reports stay fast. */
function mostSevere(findings, n) {
    if (n <= 0)
        return [];
    const buckets = new Map();
    for (const f of findings) {
        const rank = _findings_model_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITY_RANK */ .f3[f.severity];
        const bucket = buckets.get(rank);
        if (!bucket)
            buckets.set(rank, [f]);
        else if (bucket.length < n)
            bucket.push(f);
    }
    const out = [];
    for (const rank of [...buckets.keys()].sort((a, b) => b - a)) {
        for (const f of buckets.get(rank)) {
            if (out.length === n)
                return out;
            out.push(f);
        }
    }
    return out;
}
function whereOf(f) {
    const l = f.location;
    if (l.package)
        return `${l.package}${l.installedVersion ? `@${l.installedVersion}` : ''}${l.file ? ` (${l.file})` : l.target ? ` (${l.target})` : ''}`;
    if (l.file)
        return `${l.file}${l.line ? `:${l.line}` : ''}`;
    return l.target ?? l.resource ?? '';
}


/***/ })

};
