export const id = 229;
export const ids = [229];
export const modules = {

/***/ 4229:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploySummary: () => (/* binding */ deploySummary)
});

// EXTERNAL MODULE: ./.build/actions/lib/findings/model.js
var model = __webpack_require__(1468);
;// CONCATENATED MODULE: ./.build/actions/lib/policy/policy.js
// Thresholds per severity and the three verdicts: pass, needs-approval, fail.

const DEFAULT_THRESHOLDS = { critical: 0, high: 5, medium: 20, low: 50, unknown: null };
const DEFAULT_APPROVAL_SEVERITIES = (/* unused pure expression or super */ null && (['high']));
const GATED_SEVERITIES = (/* unused pure expression or super */ null && (['critical', 'high', 'medium', 'low', 'unknown']));
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
function policy_countByTool(findings, tools) {
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
    const approvals = SEVERITIES.filter((s) => policy.approvalSeverities.includes(s) && counts[s] > 0).map((severity) => ({ severity, count: counts[severity] }));
    const result = breaches.length > 0 ? 'fail' : approvals.length > 0 ? 'needs-approval' : 'pass';
    return { result, counts, breaches, approvals };
}

;// CONCATENATED MODULE: ./.build/actions/lib/report/rank.js

/** The n most severe findings, stable within a severity; O(findings) so large reports stay fast. */
function rank_mostSevere(findings, n) {
    if (n <= 0)
        return [];
    const buckets = new Map();
    for (const f of findings) {
        const rank = SEVERITY_RANK[f.severity];
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
function rank_whereOf(f) {
    const l = f.location;
    if (l.package)
        return `${l.package}${l.installedVersion ? `@${l.installedVersion}` : ''}${l.file ? ` (${l.file})` : l.target ? ` (${l.target})` : ''}`;
    if (l.file)
        return `${l.file}${l.line ? `:${l.line}` : ''}`;
    return l.target ?? l.resource ?? '';
}

;// CONCATENATED MODULE: ./.build/actions/lib/report/markdown.js
// The job summary: verdict first, then the table, the breaches, the top findings, exceptions and
// what to do next. Also the PR comment body.



const ICON = { pass: '✅', 'needs-approval': '🟡', fail: '❌' };
const HEADLINE = { pass: 'passed', 'needs-approval': 'passes with approval', fail: 'failed' };
function esc(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}
function countsLine(outcome) {
    const parts = SEVERITIES.filter((s) => outcome.counts[s] > 0).map((s) => `${outcome.counts[s]} ${s}`);
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
    const perTool = countByTool(outcome.counted, tools);
    lines.push(`| Severity | ${tools.map(esc).join(' | ')}${tools.length ? ' | ' : ''}Total | Allowed | Status |`);
    lines.push(`|---|${tools.map(() => '---:|').join('')}---:|---:|---|`);
    for (const s of SEVERITIES) {
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

;// CONCATENATED MODULE: ./.build/actions/lib/kube/summary.js
// The deploy's job summary: the verdict first, then what went where, the checks and what they
// measured, and on a rollback what failed, which pods said what and what was restored.

const summary_HEADLINE = {
    deployed: '✅ Deployed',
    'rolled-back': '↩️ Rolled back',
    failed: '❌ Deploy failed',
    'dry-run': '🧪 Dry run passed'
};
/** Image references as inline code, one per line of the cell. */
function codes(images) {
    return images.map((i) => `\`${esc(i)}\``).join('<br>');
}
function rolloutLine(rollout) {
    if (rollout.state === 'failed')
        return `❌ ${esc(rollout.reason)} (after ${rollout.seconds}s)`;
    return rollout.notReplaced.length
        ? `✅ applied in ${rollout.seconds}s; pods not replaced, by the workloads' update rules:`
        : `✅ rolled out in ${rollout.seconds}s`;
}
/** The job summary of a deploy: verdict, target, revisions, workloads, checks, what the pods said, the rollback. */
function deploySummary(outcome, target, title = 'kube-deploy') {
    const lines = [];
    lines.push(`## ${summary_HEADLINE[outcome.result]}: ${esc(title)}`, '');
    lines.push(`**${esc(outcome.reason)}**`, '');
    if (outcome.result === 'failed' && !outcome.changed)
        lines.push('Nothing was changed in the cluster.', '');
    if (outcome.result === 'failed' && outcome.rollback && !outcome.rollback.ok) {
        lines.push(`> [!CAUTION]`, `> **The rollback failed: ${esc(outcome.rollback.detail)}.** ` +
            'The cluster may be running a broken revision. Roll back by hand (kube-rollback) or fix forward now.', '');
    }
    lines.push('| | |', '|---|---|');
    lines.push(`| Cluster | \`${esc(target.server)}\` (context \`${esc(target.context)}\`) |`);
    lines.push(`| Namespace | \`${esc(outcome.namespace)}\` |`);
    lines.push(`| Source | ${esc(outcome.source)} |`);
    if (outcome.images.length)
        lines.push(`| Images | ${outcome.images.map((i) => `\`${esc(i)}\``).join('<br>')} |`);
    if (outcome.blueGreen) {
        const bg = outcome.blueGreen;
        const switched = bg.switched ? `, Service switched to ${bg.idle}` : ', Service not switched';
        const back = bg.switchedBack ? `, switched back to ${bg.live}` : '';
        lines.push(`| Blue-green | ${bg.live ? `${bg.live} was live; ` : ''}${bg.idle} deployed${switched}${back} |`);
    }
    lines.push(`| Revision | ${esc(outcome.previousRevision || '(none)')} → ${esc(outcome.revision || '(none)')} |`);
    lines.push(`| Duration | ${outcome.durationSeconds}s${outcome.rollbackSeconds !== undefined ? ` (rollback ${outcome.rollbackSeconds}s)` : ''} |`);
    lines.push('');
    if (outcome.workloads.length) {
        const restored = outcome.workloads.some((w) => w.restored !== undefined);
        lines.push('### Workloads', '', `| Workload | Revision before | Revision deployed | Images before | Images deployed |${restored ? ' Revision now (restored) |' : ''}`, `|---|---|---|---|---|${restored ? '---|' : ''}`);
        for (const w of outcome.workloads) {
            lines.push(`| \`${esc(w.workload)}\` | ${esc(w.before ?? 'new')} | ${esc(w.after ?? '')} | ` +
                `${codes(w.imagesBefore)} | ${codes(w.imagesAfter)} |` +
                (restored ? ` ${esc(w.restored ?? '')} |` : ''));
        }
        lines.push('');
    }
    lines.push('### Checks', '');
    if (outcome.rollout)
        lines.push(`- Rollout: ${rolloutLine(outcome.rollout)}`);
    for (const n of outcome.rollout?.state === 'ready' ? outcome.rollout.notReplaced : [])
        lines.push(`  - \`${esc(n.workload)}\`: pods not replaced: ${esc(n.detail)}`);
    for (const h of outcome.health) {
        lines.push(`- Health (${esc(h.phase)}): ${h.result.ok ? '✅' : '❌'} ${esc(h.result.reason)}`);
        const shown = h.result.measurements.slice(-10);
        if (shown.length) {
            lines.push('', '  | Round | Check | Result | At |', '  |---|---|---|---|');
            for (const m of shown)
                lines.push(`  | ${m.round} | ${m.check} | ${m.ok ? '✅' : '❌'} ${esc(m.detail)} | ${m.atSeconds}s |`);
            lines.push('');
        }
    }
    if (!outcome.rollout && outcome.health.length === 0)
        lines.push('- No workload to watch and no health check configured.');
    lines.push('');
    const problems = outcome.rollout?.problems ?? [];
    if (problems.length) {
        lines.push('### What the pods said', '', '| Pod | Container | Reason | Restarts | Last exit | Message |', '|---|---|---|---|---|---|');
        for (const p of problems.slice(0, 20))
            lines.push(`| \`${esc(p.pod)}\` | ${esc(p.container ?? '')} | **${esc(p.reason)}** | ${p.restarts ?? ''} | ` +
                `${esc(p.lastExit ?? '')} | ${esc(p.message ?? '')} |`);
        if (problems.length > 20)
            lines.push('', `${problems.length - 20} more not shown.`);
        lines.push('');
        const events = [...outcome.podEvents].filter(([, e]) => e.length);
        if (events.length) {
            lines.push('<details><summary>Warning events</summary>', '');
            for (const [pod, list] of events)
                for (const e of list)
                    lines.push(`- \`${esc(pod)}\`: ${esc(e)}`);
            lines.push('', '</details>', '');
        }
    }
    if (outcome.rollback) {
        lines.push(`### Rollback ${outcome.rollback.ok ? '✅' : '❌'}`, '');
        for (const r of outcome.rollback.restored)
            lines.push(`- ${esc(r)}`);
        lines.push(`- ${esc(outcome.rollback.detail)}`, '');
    }
    return lines.join('\n') + '\n';
}


/***/ })

};
