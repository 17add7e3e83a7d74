export const id = 59;
export const ids = [59];
export const modules = {

/***/ 2059:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GateOutput: () => (/* reexport */ publish_settings/* GateOutput */.lf),
  PublishInput: () => (/* reexport */ publish_settings/* PublishInput */.AV),
  publishGate: () => (/* binding */ publishGate),
  readPublishSettings: () => (/* reexport */ publish_settings/* readPublishSettings */.DJ),
  requireApprovalEnvironment: () => (/* binding */ requireApprovalEnvironment),
  setGateOutputs: () => (/* binding */ setGateOutputs)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./.build/actions/lib/errors/user-error.js
var user_error = __webpack_require__(3594);
;// CONCATENATED MODULE: ./.build/actions/lib/gate/approval-environment.js
// A needs-approval result is only as good as the environment it waits in: GitHub creates a
// missing environment on first use with no protection rules, and an environment without required
// reviewers lets the job through at once. So before a workflow relies on one, its settings are
// read from the REST API (GET /repos/{owner}/{repo}/environments/{name}) and judged here.
/**
 * The problem with an approval environment, or undefined when it exists and has required
 * reviewers. Takes the environment's name, the API's answer (shape: GitHub's `environment` object,
 * whose `protection_rules` hold `{ type: 'required_reviewers', reviewers: [...] }`), and the
 * repository (`owner/name`) for the advice; gives one line saying what is wrong and what to do.
 */
function approvalEnvironmentProblem(name, answer, repository) {
    const create = `create it with required reviewers: ${repository} > Settings > Environments > New environment "${name}" > Required reviewers`;
    if (answer.status === 404)
        return `The approval environment "${name}" does not exist, so GitHub would create it without reviewers and this needs-approval result would pass unreviewed; ${create}.`;
    if (answer.status === 401 || answer.status === 403) {
        return `Could not read the approval environment "${name}" (HTTP ${answer.status}), so nobody can be shown to approve; give the job \`actions: read\` permission and the github-token input.`;
    }
    if (answer.status !== 200)
        return `Could not read the approval environment "${name}" (HTTP ${answer.status}); the result is not approved until it can be checked.`;
    const rules = typeof answer.body === 'object' && answer.body !== null ? answer.body.protection_rules : undefined;
    const reviewers = Array.isArray(rules)
        ? rules.filter((r) => typeof r === 'object' && r !== null && r.type === 'required_reviewers').flatMap((r) => {
            const list = r.reviewers;
            return Array.isArray(list) ? list : [];
        })
        : [];
    if (reviewers.length === 0)
        return `The approval environment "${name}" has no required reviewers, so this needs-approval result would pass unreviewed; add them: ${repository} > Settings > Environments > "${name}" > Required reviewers.`;
    return undefined;
}

// EXTERNAL MODULE: ./.build/actions/lib/findings/model.js
var model = __webpack_require__(1468);
;// CONCATENATED MODULE: ./.build/actions/lib/report/rank.js

/** The n most severe findings, stable within a severity; O(findings) so large reports stay fast. */
function mostSevere(findings, n) {
    if (n <= 0)
        return [];
    const buckets = new Map();
    for (const f of findings) {
        const rank = model/* SEVERITY_RANK */.f3[f.severity];
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

;// CONCATENATED MODULE: ./.build/actions/lib/report/annotations.js
// File annotations for the most severe findings, capped so the log and the PR stay readable.


const DEFAULT_ANNOTATION_LIMIT = 10;
function annotate(findings, limit = DEFAULT_ANNOTATION_LIMIT) {
    const top = mostSevere(findings, limit);
    for (const f of top) {
        const title = `${f.severity.toUpperCase()} ${f.ruleId} (${f.tool})`;
        const fix = f.location.fixedVersion ? ` Fixed in ${f.location.fixedVersion}.` : '';
        const pkg = f.location.package ? ` ${f.location.package}${f.location.installedVersion ? `@${f.location.installedVersion}` : ''}.` : '';
        const props = { title, file: f.location.file, startLine: f.location.file ? f.location.line : undefined };
        const message = `${f.title}.${pkg}${fix}`;
        if (f.severity === 'critical' || f.severity === 'high')
            core/* error */.z3(message, props);
        else if (f.severity === 'medium' || f.severity === 'unknown')
            core/* warning */.$e(message, props);
        else
            core/* notice */.lm(message, props);
    }
    if (findings.length > top.length)
        core/* info */.pq(`${findings.length - top.length} more finding(s) are in the job summary and the JSON report, not annotated.`);
    return top.length;
}

;// CONCATENATED MODULE: ./.build/actions/lib/report/json-report.js
// security-summary.json: the whole outcome in one machine-readable document.

/** The CLI's `--output json` document and the core of security-summary.json. */
function gateJson(outcome) {
    return {
        result: outcome.result,
        counts: outcome.counts,
        total: outcome.total,
        new: outcome.new,
        reports: outcome.reports.map((r) => ({ path: r.path, format: r.format, tool: r.tool, findings: r.findings })),
        breaches: outcome.breaches,
        approvals: outcome.approvals,
        // Why the verdict is what it is, beyond the counts: what was not scanned, what was rated by
        // default, what the readers noticed.
        incomplete: outcome.incomplete,
        incompleteFails: outcome.failedIncomplete,
        unmappedChecks: outcome.unmapped,
        notes: outcome.notes,
        suppressionChanges: outcome.suppressionChanges,
        reviewBase: outcome.reviewBase?.sha ?? null,
        inlineSuppressions: outcome.inlineSuppressions,
        policySources: outcome.policySources ?? null
    };
}
function securitySummaryJson(outcome, ctx) {
    const known = new Set(outcome.known.map((f) => f.fingerprint));
    const counted = new Set(outcome.counted);
    const row = (f, status) => ({ ...(0,model/* plainFinding */.Ce)(f), status });
    const doc = {
        ...gateJson(outcome),
        generated: ctx.now.toISOString(),
        thresholds: ctx.policy.thresholds,
        approvalSeverities: ctx.policy.approvalSeverities,
        inputs: ctx.inputs,
        exceptions: {
            file: outcome.exceptionsFile ?? null,
            excepted: outcome.excepted.length,
            entries: outcome.exceptionUses.map((u) => ({ ...u.entry, expired: u.expired, expiringSoon: u.expiringSoon, matched: u.matched }))
        },
        baseline: outcome.baselineFile ? { file: outcome.baselineFile, new: outcome.new, known: outcome.known.length } : null,
        findings: [
            ...outcome.all.map((f) => row(f, known.has(f.fingerprint) ? (counted.has(f) ? 'known' : 'known-not-counted') : 'new')),
            ...outcome.excepted.map((f) => row(f, 'excepted'))
        ]
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
}

// EXTERNAL MODULE: ./.build/actions/lib/policy/policy.js
var policy = __webpack_require__(6223);
;// CONCATENATED MODULE: ./.build/actions/lib/report/markdown.js
// The job summary: verdict first, then the table, the breaches, the top findings, exceptions and
// what to do next. Also the PR comment body.



const ICON = { pass: '✅', 'needs-approval': '🟡', fail: '❌' };
const HEADLINE = { pass: 'passed', 'needs-approval': 'passes with approval', fail: 'failed' };
function esc(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}
function countsLine(outcome) {
    const parts = model/* SEVERITIES */.oC.filter((s) => outcome.counts[s] > 0).map((s) => `${outcome.counts[s]} ${s}`);
    return parts.length ? parts.join(', ') : 'none';
}
function linkFor(f, ctx) {
    const where = esc(whereOf(f));
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
    const perTool = (0,policy/* countByTool */.d5)(outcome.counted, tools);
    lines.push(`| Severity | ${tools.map(esc).join(' | ')}${tools.length ? ' | ' : ''}Total | Allowed | Status |`);
    lines.push(`|---|${tools.map(() => '---:|').join('')}---:|---:|---|`);
    for (const s of model/* SEVERITIES */.oC) {
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
    const top = mostSevere(outcome.counted, ctx.topCount ?? 15);
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

;// CONCATENATED MODULE: ./.build/actions/lib/report/pr-comment.js
// One PR comment per pull request for the whole suite: each gate (the security gate and each
// scanner action, the coverage gate...) owns a section between hidden markers and updates it in
// place; the other gates' sections are kept as they are. Found again by its markers, also when an
// earlier version of the suite wrote one comment per gate: those are folded into one.

/** Marks the suite's comment (at its end, after the sections). */
const SUITE_MARKER = '<!-- sgw:pr-comment -->';
/** GitHub refuses comment bodies over 65,536 characters. */
const COMMENT_LIMIT = 65_000;
/** Sections in this order, whichever gate ran first; others after them, in the order they came. */
const GATE_ORDER = ['security-gate', 'coverage-gate'];
function clean(text) {
    // A name must not end the HTML comment it sits in.
    return text.replace(/[<>]/g, '');
}
function sectionStart(gate, key) {
    return `<!-- sgw:${clean(gate)}:${clean(key)} -->`;
}
function sectionEnd(gate, key) {
    return `<!-- /sgw:${clean(gate)}:${clean(key)} -->`;
}
/** The security gate's section marker (also the whole comment's marker before sections existed). */
function commentMarker(key) {
    return sectionStart('security-gate', key);
}
const START = /<!-- sgw:([a-z0-9-]+):([^>]*?) -->/g;
/** The sections of a comment body; a start marker without its end marker (an earlier version's
 * whole-comment marker) runs to the next section or the end. */
function parseSections(body) {
    const starts = [...body.matchAll(START)];
    const out = [];
    starts.forEach((m, i) => {
        const [marker, gate, key] = m;
        const from = m.index + marker.length;
        const next = i + 1 < starts.length ? starts[i + 1].index : body.length;
        const suite = body.indexOf(SUITE_MARKER, from);
        const boundary = suite !== -1 && suite < next ? suite : next;
        const endAt = body.indexOf(sectionEnd(gate, key), from);
        const to = endAt !== -1 && endAt < boundary ? endAt : boundary;
        out.push({ gate, key, body: body.slice(from, to).replace(/^\n/, '').replace(/\n+$/, '') });
    });
    return out;
}
function isSuiteComment(body) {
    return body.includes(SUITE_MARKER) || new RegExp(START.source).test(body);
}
function rank(gate) {
    const i = GATE_ORDER.indexOf(gate);
    return i === -1 ? GATE_ORDER.length : i;
}
/** Cut sections, longest first, until the comment fits GitHub's limit. */
function fit(sections) {
    const overhead = (s) => sectionStart(s.gate, s.key).length + sectionEnd(s.gate, s.key).length + 4;
    const size = (list) => list.reduce((n, s) => n + s.body.length + overhead(s), SUITE_MARKER.length);
    const out = sections.map((s) => ({ ...s }));
    const note = '\n\n… cut to fit a comment; the job summary has the rest.';
    for (let guard = 0; size(out) > COMMENT_LIMIT && guard < 2 * out.length; guard++) {
        const longest = out.reduce((a, b) => (b.body.length > a.body.length ? b : a));
        const keep = Math.max(0, longest.body.length - (size(out) - COMMENT_LIMIT) - note.length);
        longest.body = `${longest.body.slice(0, keep)}${note}`;
    }
    return out;
}
/** The comment body with `section` put in place (or added), keeping every other section. */
function renderComment(existing, section) {
    const merged = [];
    for (const s of existing) {
        if (merged.some((m) => m.gate === s.gate && m.key === s.key))
            continue;
        merged.push(s.gate === section.gate && s.key === section.key ? section : s);
    }
    if (!merged.some((m) => m.gate === section.gate && m.key === section.key))
        merged.push(section);
    const ordered = merged
        .map((s, i) => ({ s, i }))
        .sort((a, b) => rank(a.s.gate) - rank(b.s.gate) || a.i - b.i)
        .map((x) => x.s);
    return `${fit(ordered)
        .map((s) => `${sectionStart(s.gate, s.key)}\n${s.body}\n${sectionEnd(s.gate, s.key)}`)
        .join('\n\n')}\n\n${SUITE_MARKER}`;
}
/**
 * Write one gate's section of the suite's comment: update the comment in place, or create it.
 * Comments left by concurrent first runs, or one per gate by an earlier version, are folded into
 * the oldest and deleted, so the pull request keeps one.
 */
async function upsertSection(octokit, target, section) {
    const where = { owner: target.owner, repo: target.repo };
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...where, issue_number: target.issueNumber, per_page: 100 });
    const ours = comments.filter((c) => typeof c.body === 'string' && isSuiteComment(c.body)).sort((a, b) => a.id - b.id);
    const sections = ours.flatMap((c) => parseSections(c.body));
    const body = renderComment(sections, section);
    if (ours.length === 0) {
        const created = await octokit.rest.issues.createComment({ ...where, issue_number: target.issueNumber, body });
        return { id: created.data.id, action: 'created' };
    }
    await octokit.rest.issues.updateComment({ ...where, comment_id: ours[0].id, body });
    for (const extra of ours.slice(1))
        await octokit.rest.issues.deleteComment({ ...where, comment_id: extra.id });
    return { id: ours[0].id, action: 'updated' };
}
/** The security gate's section (the scanner actions' too, each under its own key). */
async function upsertComment(octokit, target, body) {
    return upsertSection(octokit, target, { gate: 'security-gate', key: target.key, body });
}
/**
 * From an action: write `section` on the pull request of the event, if there is one. A comment is
 * a convenience: a missing token or permission is a warning, never a failed gate.
 */
async function commentSectionOnPr(section, token) {
    // Loaded here, not at start: the Octokit stack costs every gate's start-up, and only a comment
    // needs it.
    const github = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const pr = github.context.payload.pull_request;
    if (!pr) {
        core/* info */.pq('comment-on-pr: not a pull request event; no comment written.');
        return;
    }
    if (!token) {
        core/* warning */.$e('comment-on-pr is true but github-token is empty; no PR comment written.');
        return;
    }
    try {
        const octokit = github.getOctokit(token);
        const { owner, repo } = github.context.repo;
        const done = await upsertSection(octokit, { owner, repo, issueNumber: pr.number }, section);
        core/* info */.pq(`PR comment ${done.action} (#${pr.number}, comment ${done.id}).`);
    }
    catch (error) {
        const status = error.status;
        core/* warning */.$e(`Could not write the PR comment${status ? ` (HTTP ${status})` : ''}: give the job \`pull-requests: write\` permission, or set comment-on-pr: false.`);
    }
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./.build/actions/lib/report/sarif-writer.js
// One merged SARIF for code scanning: a run per tool, each with its own category, fingerprints
// that survive re-runs, and GitHub's upload limits respected (with the trimming said out loud).



const SARIF_MAX_RESULTS_PER_RUN = 25_000;
const SARIF_MAX_GZIP_BYTES = 10 * 1024 * 1024;
const LEVEL = { critical: 'error', high: 'error', medium: 'warning', unknown: 'warning', low: 'note', info: 'note' };
/** Scores as code scanning reads `security-severity`: >= 9 critical, >= 7 high, >= 4 medium. */
const SCORE = { critical: '9.5', high: '8.0', medium: '5.5', unknown: '5.0', low: '2.0', info: '0.0' };
const TOOL_URI = {
    trivy: 'https://trivy.dev',
    gitleaks: 'https://gitleaks.io',
    checkov: 'https://www.checkov.io'
};
function buildSarif(findings, tools, options = {}) {
    const maxPerRun = options.maxResultsPerRun ?? SARIF_MAX_RESULTS_PER_RUN;
    const maxBytes = options.maxGzipBytes ?? SARIF_MAX_GZIP_BYTES;
    const notes = [];
    const byTool = new Map(tools.map((t) => [t, []]));
    for (const f of findings) {
        const list = byTool.get(f.tool);
        if (list)
            list.push(f);
        else
            byTool.set(f.tool, [f]);
    }
    let selected = new Map();
    for (const [tool, list] of byTool) {
        const sorted = [...list].sort((a, b) => model/* SEVERITY_RANK */.f3[b.severity] - model/* SEVERITY_RANK */.f3[a.severity]);
        if (sorted.length > maxPerRun)
            notes.push(`SARIF: ${tool} had ${sorted.length} results; kept the ${maxPerRun} most severe (code scanning accepts ${maxPerRun} per run).`);
        selected.set(tool, sorted.slice(0, maxPerRun));
    }
    let json = render(selected, options);
    // Drop the least severe results until the gzipped upload fits.
    while ((0,external_node_zlib_.gzipSync)(json).length > maxBytes) {
        const total = [...selected.values()].reduce((n, l) => n + l.length, 0);
        if (total === 0)
            break;
        const keep = Math.floor(total * 0.8);
        const all = [...selected.values()].flat().sort((a, b) => model/* SEVERITY_RANK */.f3[b.severity] - model/* SEVERITY_RANK */.f3[a.severity]).slice(0, keep);
        const next = new Map([...selected.keys()].map((t) => [t, []]));
        for (const f of all)
            next.get(f.tool).push(f);
        selected = next;
        json = render(selected, options);
        notes.push(`SARIF: trimmed to ${keep} results to stay under ${(maxBytes / 1024 / 1024).toFixed(maxBytes < 1024 * 1024 ? 2 : 0)} MB gzipped; the least severe were dropped.`);
    }
    const resultCount = [...selected.values()].reduce((n, l) => n + l.length, 0);
    return { json, notes: dedupe(notes), resultCount };
}
function dedupe(lines) {
    const last = lines.filter((l) => l.startsWith('SARIF: trimmed to')).pop();
    return [...lines.filter((l) => !l.startsWith('SARIF: trimmed to')), ...(last ? [last] : [])];
}
function render(byTool, options) {
    const runs = [];
    for (const [tool, findings] of byTool) {
        const ruleIndex = new Map();
        const rules = [];
        const results = [];
        for (const f of findings) {
            let index = ruleIndex.get(f.ruleId);
            if (index === undefined) {
                index = rules.length;
                ruleIndex.set(f.ruleId, index);
                rules.push({
                    id: f.ruleId,
                    name: f.ruleId,
                    shortDescription: { text: f.title },
                    ...(f.helpUri ? { helpUri: f.helpUri } : {}),
                    defaultConfiguration: { level: LEVEL[f.severity] },
                    properties: { tags: ['security', f.kind, f.severity.toUpperCase()], 'security-severity': SCORE[f.severity] }
                });
            }
            const uri = f.location.file ?? f.location.target ?? '.';
            results.push({
                ruleId: f.ruleId,
                ruleIndex: index,
                level: LEVEL[f.severity],
                message: { text: messageOf(f) },
                locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: f.location.line ?? 1, ...(f.location.endLine ? { endLine: f.location.endLine } : {}) } } }],
                partialFingerprints: { 'sgwFingerprint/v1': f.fingerprint },
                properties: { severity: f.severity }
            });
        }
        runs.push({
            tool: { driver: { name: tool, ...(options.versions?.[tool] ? { version: options.versions[tool] } : {}), ...(TOOL_URI[tool] ? { informationUri: TOOL_URI[tool] } : {}), rules } },
            automationDetails: { id: `${options.categoryPrefix ?? ''}${tool}/` },
            results
        });
    }
    return JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs });
}
function messageOf(f) {
    const where = whereOf(f);
    const fix = f.location.fixedVersion ? ` Fixed in ${f.location.fixedVersion}.` : '';
    return `${f.severity.toUpperCase()} ${f.ruleId}: ${f.title}${where ? ` (${where})` : ''}.${fix}`;
}

// EXTERNAL MODULE: ./.build/actions/lib/gate/publish-settings.js
var publish_settings = __webpack_require__(5057);
;// CONCATENATED MODULE: ./.build/actions/lib/gate/publish.js
// The GitHub side of a gate: outputs, job summary, annotations, SARIF and JSON files, PR comment.
// Shared by actions/severity-gate and the scanner actions.












/** Set every output the gate has; called on success and on the fail path alike. */
function setGateOutputs(outcome) {
    core/* setOutput */.uH(publish_settings/* GateOutput */.lf.Result, outcome.result);
    for (const s of model/* SEVERITIES */.oC)
        core/* setOutput */.uH(s, outcome.counts[s]);
    core/* setOutput */.uH(publish_settings/* GateOutput */.lf.Total, outcome.total);
    core/* setOutput */.uH(publish_settings/* GateOutput */.lf.New, outcome.new);
}
async function publishGate(outcome, ctx) {
    setGateOutputs(outcome);
    const sarifNotes = [];
    if (ctx.publish.sarifOutput) {
        const sarif = buildSarif(outcome.all, outcome.tools, { versions: ctx.versions });
        (0,external_node_fs_.writeFileSync)(ctx.publish.sarifOutput, sarif.json);
        sarifNotes.push(...sarif.notes);
        core/* setOutput */.uH(publish_settings/* GateOutput */.lf.Sarif, ctx.publish.sarifOutput);
        core/* info */.pq(`SARIF: ${sarif.resultCount} result(s) in ${ctx.publish.sarifOutput}`);
    }
    if (ctx.publish.jsonOutput) {
        (0,external_node_fs_.writeFileSync)(ctx.publish.jsonOutput, securitySummaryJson(outcome, { policy: ctx.settings.policy, inputs: ctx.inputs, now: ctx.now }));
        core/* setOutput */.uH(publish_settings/* GateOutput */.lf.SummaryJson, ctx.publish.jsonOutput);
    }
    const server = process.env.GITHUB_SERVER_URL;
    const repository = process.env.GITHUB_REPOSITORY;
    const sha = process.env.GITHUB_SHA;
    const markdown = summaryMarkdown(outcome, {
        policy: ctx.settings.policy,
        scanners: ctx.scanners,
        repoUrl: server && repository && sha ? { server, repository, sha } : undefined,
        sarifNotes,
        reproduce: reproduceCommand(outcome, ctx.settings)
    }, ctx.title);
    if (ctx.publish.summary)
        await core/* summary */.z.addRaw(markdown).write();
    if (outcome.incomplete.length && !outcome.failedIncomplete) {
        core/* warning */.$e(`Incomplete scan accepted (allow-incomplete-scan: true): ${outcome.incomplete.length} part(s) of the input were not scanned; the job summary lists them.`);
    }
    // Exceptions that matched nothing are named where every tool's findings meet (the gate over all
    // reports); a scanner action sees one tool's findings and would flag the others' exceptions.
    if (ctx.warnUnusedExceptions)
        for (const n of outcome.notes)
            if (/^Exception .* matched no finding/.test(n))
                core/* warning */.$e(n);
    if (ctx.publish.annotations)
        annotate(outcome.counted);
    if (ctx.publish.commentOnPr)
        await commentOnPr(markdown, ctx);
}
function reproduceCommand(outcome, settings) {
    const reports = outcome.reports.map((r) => `--reports ${r.path}`).join(' ');
    const t = settings.policy.thresholds;
    const flags = ['critical', 'high', 'medium', 'low'].map((s) => `--max-${s} ${t[s] ?? 'none'}`).join(' ');
    // sgw as installed from this repository (README, "The sgw CLI on your machine").
    return `sgw gate ${reports} ${flags}`;
}
async function commentOnPr(markdown, ctx) {
    // github.context.workflow is GITHUB_WORKFLOW; read here so that only a comment loads Octokit.
    const base = ctx.commentKey ?? process.env.GITHUB_WORKFLOW ?? 'workflow';
    const key = ctx.publish.commentKey ? `${base}/${ctx.publish.commentKey}` : base;
    await commentSectionOnPr({ gate: 'security-gate', key, body: markdown }, ctx.publish.githubToken);
}
/**
 * Fail unless the approval environment exists with required reviewers (approval-environment.ts);
 * nothing to do without one. Reads GET /repos/{owner}/{repo}/environments/{name} at GITHUB_API_URL
 * with the github-token; any answer but an environment with reviewers is a UserError saying what
 * to create.
 */
async function requireApprovalEnvironment(publish) {
    const name = publish.approvalEnvironment;
    if (!name)
        return;
    const repository = process.env.GITHUB_REPOSITORY ?? '';
    const api = (process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
    const token = publish.githubToken;
    let answer;
    try {
        const response = await fetch(`${api}/repos/${repository}/environments/${encodeURIComponent(name)}`, {
            headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            signal: AbortSignal.timeout(30_000)
        });
        // The body is read whatever the status: an unread body keeps the connection, and the step, open.
        const text = await response.text();
        answer = { status: response.status, body: response.ok ? JSON.parse(text) : undefined };
    }
    catch (error) {
        answer = { status: 0 };
        core/* info */.pq(`GitHub's API did not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    const problem = approvalEnvironmentProblem(name, answer, repository);
    if (problem)
        throw new user_error/* UserError */.yo(problem);
    core/* info */.pq(`Approval environment "${name}" has required reviewers: the result waits for them.`);
}


/***/ })

};
