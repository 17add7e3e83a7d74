export const id = 917;
export const ids = [917];
export const modules = {

/***/ 7917:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SONAR_HELP: () => (/* binding */ SONAR_HELP),
  sonarCommand: () => (/* binding */ sonarCommand)
});

// EXTERNAL MODULE: ./.build/actions/cli/args.js
var cli_args = __webpack_require__(2994);
// EXTERNAL MODULE: ./.build/actions/lib/errors/user-error.js
var user_error = __webpack_require__(3594);
// EXTERNAL MODULE: ./.build/actions/lib/inputs/parse.js
var parse = __webpack_require__(401);
;// CONCATENATED MODULE: ./.build/actions/lib/sonar/metrics.js
// Metric values as SonarQube's pages show them: ratings as A-E, percentages rounded with %.
const RATINGS = ['A', 'B', 'C', 'D', 'E'];
function isPercent(metric) {
    return /coverage|_density$|security_hotspots_reviewed$/.test(metric);
}
/** "1" on a rating metric -> "A"; "82.50562381034781" on coverage -> "82.5 %"; others as given. */
function formatValue(metric, value) {
    if (value === '')
        return '';
    const n = Number(value);
    if (!Number.isFinite(n))
        return value;
    if (metric.endsWith('_rating') && Number.isInteger(n) && n >= 1 && n <= 5)
        return RATINGS[n - 1];
    const rounded = Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
    return isPercent(metric) ? `${rounded} %` : rounded;
}

// EXTERNAL MODULE: ./.build/actions/lib/report/markdown.js
var markdown = __webpack_require__(1272);
;// CONCATENATED MODULE: ./.build/actions/lib/sonar/api.js
// The two Web API (v1) endpoints the gate reads, as SonarQube defines them (sonar-ws protobufs
// ws-ce.proto and ws-qualitygates.proto, TaskAction and ProjectStatusAction), the same in
// SonarQube 9.9 LTA, 10.x, 2025.x and SonarQube Cloud:
//
//   GET api/ce/task?id=<ceTaskId>            (since 5.2; 'Execute Analysis' or 'Administer System')
//     -> {"task": {"id", "type", "componentKey", "status": PENDING|IN_PROGRESS|SUCCESS|FAILED|CANCELED,
//        "analysisId" (once processed), "errorMessage" (FAILED), "submittedAt", "startedAt",
//        "executedAt", "executionTimeMs", "warningCount", "warnings": [...], "branch", "pullRequest"}}
//   GET api/qualitygates/project_status?analysisId=<id>   (since 5.3; exactly one of analysisId,
//     projectId, projectKey; 'Browse' or 'Execute Analysis' on the project)
//     -> {"projectStatus": {"status": OK|WARN|ERROR|NONE, "ignoredConditions", "caycStatus" (9.9+),
//        "conditions": [{"status", "metricKey", "comparator": GT|LT|EQ|NE, "errorThreshold",
//        "warningThreshold" (old servers), "actualValue", "periodIndex" (removed in 10.0)}],
//        "period", "periods" (removed in 10.0)}}
//
// NONE: no quality gate is associated with the analysis. Errors are {"errors": [{"msg": "..."}]}
// with 400 (bad parameters), 403 (insufficient privileges) or 404 (unknown task or analysis); a
// refused or missing token on /api/* is a bare 401 (UserSessionInitializer).
// Anything we do not recognise is refused here rather than guessed at.
const TASK_STATUSES = ['PENDING', 'IN_PROGRESS', 'SUCCESS', 'FAILED', 'CANCELED'];
const GATE_STATUSES = ['OK', 'WARN', 'ERROR', 'NONE'];
const COMPARATORS = ['GT', 'LT', 'EQ', 'NE'];
const CE_TASK_PATH = '/api/ce/task';
const PROJECT_STATUS_PATH = '/api/qualitygates/project_status';
/** The answer is not what the Web API gives: another service, a proxy page, an unknown version. */
class UnexpectedAnswer extends Error {
}
const str = (o, key) => (typeof o[key] === 'string' ? o[key] : '');
function oneOf(value, allowed, what) {
    if (typeof value === 'string' && allowed.includes(value))
        return value;
    throw new UnexpectedAnswer(`${what} ${JSON.stringify(value)?.slice(0, 40) ?? 'missing'} is none of ${allowed.join(', ')}`);
}
function object(value, what) {
    if (value && typeof value === 'object' && !Array.isArray(value))
        return value;
    throw new UnexpectedAnswer(`no ${what} object`);
}
/** The task of an api/ce/task answer. */
function readTask(body) {
    const task = object(object(body, 'answer').task, '"task"');
    const id = str(task, 'id');
    if (!id)
        throw new UnexpectedAnswer('the task has no id');
    return {
        id,
        status: oneOf(task.status, TASK_STATUSES, 'task status'),
        type: str(task, 'type'),
        componentKey: str(task, 'componentKey'),
        analysisId: str(task, 'analysisId'),
        errorMessage: str(task, 'errorMessage'),
        warnings: Array.isArray(task.warnings) ? task.warnings.filter((w) => typeof w === 'string') : [],
        branch: str(task, 'branch'),
        pullRequest: str(task, 'pullRequest')
    };
}
/** The projectStatus of an api/qualitygates/project_status answer. */
function readProjectStatus(body) {
    const ps = object(object(body, 'answer').projectStatus, '"projectStatus"');
    const conditions = ps.conditions === undefined ? [] : ps.conditions;
    if (!Array.isArray(conditions))
        throw new UnexpectedAnswer('"conditions" is not a list');
    return {
        status: oneOf(ps.status, GATE_STATUSES, 'quality gate status'),
        ignoredConditions: ps.ignoredConditions === true,
        conditions: conditions.map((c, i) => {
            const cond = object(c, `condition ${i + 1}`);
            const metricKey = str(cond, 'metricKey');
            if (!metricKey)
                throw new UnexpectedAnswer(`condition ${i + 1} has no metricKey`);
            return {
                status: oneOf(cond.status, ['OK', 'WARN', 'ERROR'], `condition ${metricKey}: status`),
                metricKey,
                comparator: cond.comparator === undefined ? '' : oneOf(cond.comparator, COMPARATORS, `condition ${metricKey}: comparator`),
                errorThreshold: str(cond, 'errorThreshold'),
                warningThreshold: str(cond, 'warningThreshold'),
                actualValue: str(cond, 'actualValue')
            };
        })
    };
}
/** The messages of a {"errors": [{"msg": ...}]} body, at most three, each cut to 300 characters. */
function errorMessages(text) {
    try {
        const errors = JSON.parse(text)?.errors;
        if (!Array.isArray(errors))
            return [];
        return errors
            .map((e) => (e && typeof e === 'object' && typeof e.msg === 'string' ? e.msg : ''))
            .filter(Boolean)
            .slice(0, 3)
            .map((m) => m.replace(/\s+/g, ' ').slice(0, 300));
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./.build/actions/lib/sonar/server.js
const AUTH_SCHEMES = ['auto', 'bearer', 'basic'];
const CLOUD_HOSTS = ['sonarcloud.io', 'sonarqube.us'];
function isCloudHost(hostname) {
    return CLOUD_HOSTS.some((h) => hostname === h || hostname.endsWith(`.${h}`));
}
/** 9 for 9.9.4.87374, 10 for 10.6.0.92116, 2025 for 2025.1.0.102418; undefined when unreadable. */
function majorVersion(version) {
    const m = /^(\d+)\./.exec(version.trim());
    return m ? Number(m[1]) : undefined;
}
function isLoopback(hostname) {
    return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
/** A URL for messages: no user:password@, no query. */
function displayUrl(url) {
    try {
        const u = new URL(url);
        return `${u.protocol}//${u.host}${u.pathname}`.replace(/\/+$/, '');
    }
    catch {
        return '(not a URL)';
    }
}
/**
 * The server to ask: `hostUrl` (the host-url input, already checked; the address the scanner was
 * given) when set, else report-task.txt's serverUrl; its kind from the host and the report's
 * organization; the auth scheme from `choice`, or for auto from the kind and version.
 */
function resolveServer(report, hostUrl, choice) {
    const url = new URL(hostUrl || report.serverUrl);
    const base = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    const kind = isCloudHost(url.hostname) || report.organization ? 'cloud' : 'server';
    const version = report.serverVersion;
    if (choice !== 'auto')
        return { base, kind, version, auth: choice, authReason: 'set by auth-scheme' };
    if (kind === 'cloud')
        return { base, kind, version, auth: 'bearer', authReason: "SonarQube Cloud's scheme" };
    const major = majorVersion(version);
    if (major === undefined)
        return { base, kind, version, auth: 'bearer', authReason: 'no serverVersion in report-task.txt: taken for SonarQube 10.0 or later' };
    if (major >= 10)
        return { base, kind, version, auth: 'bearer', authReason: 'the scheme of SonarQube 10.0 and later' };
    return { base, kind, version, auth: 'basic', authReason: 'the scheme of SonarQube before 10.0' };
}
/** The Authorization header value. Only ever put into a request, never into a message. */
function authorization(scheme, token) {
    return scheme === 'bearer' ? `Bearer ${token}` : `Basic ${Buffer.from(`${token}:`).toString('base64')}`;
}
/** Every form in which the token could travel, for masking. */
function tokenForms(token) {
    return [token, Buffer.from(`${token}:`).toString('base64')];
}

;// CONCATENATED MODULE: ./.build/actions/lib/sonar/client.js
// HTTP to SonarQube's Web API: GET only, JSON, the token in the Authorization header and only to
// the server's own base URL (redirects are not followed: a token must not travel to wherever a
// Location points). Transient failures (429 after its Retry-After, 5xx, network errors, no
// answer in time) are retried a bounded number of times with backoff, never past the deadline;
// what cannot succeed on a second try (401, 403, 404, 400) is reported at once with what to do.
// Node's fetch, as actions/lib/slack/transport.ts uses it; no message ever holds the token.



const realClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
/** The server refused or failed a request; the message says what to do and never holds the token. */
class SonarApiError extends user_error/* UserError */.yo {
    status;
    attempts;
    constructor(message, status, attempts) {
        super(message);
        this.status = status;
        this.attempts = attempts;
    }
}
/** Retries ran into the deadline: the caller says what was still pending. */
class DeadlineReached extends Error {
    lastAnswer;
    constructor(lastAnswer) {
        super(`deadline reached (last answer: ${lastAnswer})`);
        this.lastAnswer = lastAnswer;
    }
}
const MAX_RETRY_AFTER_MS = 60_000;
function retryAfter(header, now) {
    if (!header)
        return undefined;
    if (/^\d+$/.test(header.trim()))
        return Number(header.trim()) * 1000;
    const date = Date.parse(header);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function advice(status, path, server) {
    if (status === 401)
        return (`the token was refused (sent as ${server.auth === 'bearer' ? 'a bearer token' : 'the basic-auth login'}: ${server.authReason}). ` +
            `Check that the secret holds a valid, unexpired user token of this server` +
            (server.kind === 'server' ? `; a server older than 10.0 needs auth-scheme: basic, a newer one bearer` : ''));
    if (status === 403)
        return path === CE_TASK_PATH
            ? "the token's user may not read the analysis task: it needs 'Execute Analysis' on the project (or 'Administer System')"
            : "the token's user may not read the quality gate: it needs 'Browse' or 'Execute Analysis' on the project";
    if (status === 404)
        return path === CE_TASK_PATH
            ? 'the server does not know this analysis task: is report-task.txt from this server (host-url), and from this run?'
            : 'the server does not know this analysis';
    return '';
}
class SonarClient {
    o;
    constructor(options) {
        this.o = { clock: realClock, fetch: globalThis.fetch, random: Math.random, log: () => undefined, ...options };
    }
    async task(id, deadline) {
        return this.get(CE_TASK_PATH, { id }, deadline, readTask);
    }
    async projectStatus(analysisId, deadline) {
        return this.get(PROJECT_STATUS_PATH, { analysisId }, deadline, readProjectStatus);
    }
    async attempt(url, timeoutMs) {
        const { server, token } = this.o;
        let response;
        try {
            response = await this.o.fetch(url, {
                method: 'GET',
                headers: { Authorization: authorization(server.auth, token), Accept: 'application/json' },
                redirect: 'manual',
                signal: AbortSignal.timeout(timeoutMs)
            });
        }
        catch (error) {
            const e = error;
            if (e.name === 'TimeoutError' || e.name === 'AbortError')
                return {
                    ok: false,
                    status: 'timeout',
                    outcome: `no answer within ${Math.round(timeoutMs / 100) / 10} s`,
                    retryable: true,
                    text: ''
                };
            const code = e.cause?.code ?? 'fetch failed';
            return { ok: false, status: 'network', outcome: `network error ${code}`, retryable: true, text: '' };
        }
        let text;
        try {
            text = await response.text();
        }
        catch {
            return { ok: false, status: 'network', outcome: 'the connection broke during the answer', retryable: true, text: '' };
        }
        const status = response.status;
        const retryable = status === 429 || status >= 500;
        return {
            ok: status === 200,
            status,
            outcome: `HTTP ${status}`,
            retryable,
            retryAfterMs: retryable ? retryAfter(response.headers.get('retry-after'), this.o.clock.now()) : undefined,
            text: status >= 300 && status < 400 ? (response.headers.get('location') ?? '') : text
        };
    }
    async get(path, query, deadline, read) {
        const { clock, retries, requestTimeoutMs, server } = this.o;
        const url = `${server.base}${path}?${new URLSearchParams(query).toString()}`;
        const shown = `GET ${displayUrl(server.base)}${path}?${new URLSearchParams(query).toString()}`;
        const attempts = [];
        for (let n = 1;; n++) {
            // A last check right at the deadline still gets a second to answer.
            const timeoutMs = Math.max(1000, Math.min(requestTimeoutMs, deadline - clock.now()));
            const answer = await this.attempt(url, timeoutMs);
            attempts.push(answer.outcome);
            if (answer.ok) {
                let body;
                try {
                    body = JSON.parse(answer.text);
                    return read(body);
                }
                catch (error) {
                    const why = error instanceof UnexpectedAnswer ? error.message : 'the answer is not JSON';
                    throw new SonarApiError(`${shown} did not answer as SonarQube's Web API does (${why}): check host-url (the server's base URL, without /api).`, 200, attempts);
                }
            }
            const fail = (extra) => {
                const said = typeof answer.status === 'number' ? errorMessages(answer.text) : [];
                const what = typeof answer.status === 'number' ? advice(answer.status, path, server) : '';
                return new SonarApiError(`${shown} failed: ${attempts.join('; ')}${extra}.` +
                    `${said.length ? ` SonarQube said: ${said.join(' | ')}.` : ''}${what ? ` ${what[0].toUpperCase()}${what.slice(1)}.` : ''}`, answer.status, attempts);
            };
            if (typeof answer.status === 'number' && answer.status >= 300 && answer.status < 400)
                throw fail(` (a redirect${answer.text ? ` to ${displayUrl(answer.text)}` : ''}, not followed so that the token stays with this server; ` +
                    `set host-url to the address the server answers on)`);
            if (!answer.retryable)
                throw fail('');
            if (n > retries)
                throw fail(`: gave up after ${retries} retr${retries === 1 ? 'y' : 'ies'}`);
            const wait = answer.retryAfterMs ?? Math.round(1000 * 2 ** (n - 1) * (1 + 0.2 * this.o.random()));
            if (wait > MAX_RETRY_AFTER_MS)
                throw fail(`: the server asked to wait ${Math.ceil(wait / 1000)} s`);
            if (clock.now() + wait >= deadline)
                throw new DeadlineReached(answer.outcome);
            this.o.log(`${shown}: ${answer.outcome}; retry ${n} of ${retries} in ${(wait / 1000).toFixed(1)} s`);
            await clock.sleep(wait);
        }
    }
}

;// CONCATENATED MODULE: ./.build/actions/lib/sonar/gate.js


const DEFAULT_POLL = { firstMs: 1000, maxMs: 10_000 };
const TERMINAL = ['SUCCESS', 'FAILED', 'CANCELED'];
/** 300000 -> "5 min", 90000 -> "1 min 30 s", 2500 -> "2.5 s". */
function formatDuration(ms) {
    if (ms < 60_000)
        return `${Math.round(ms / 100) / 10} s`;
    const min = Math.floor(ms / 60_000);
    const s = Math.round((ms % 60_000) / 1000);
    return s ? `${min} min ${s} s` : `${min} min`;
}
/** The dashboard of the analysed project (and branch): report-task.txt's, else built from the key. */
function dashboardUrl(report, server) {
    if (report.dashboardUrl)
        return report.dashboardUrl;
    const q = new URLSearchParams({ id: report.projectKey, ...(report.branch ? { branch: report.branch } : {}) });
    return `${server.base}/dashboard?${q.toString()}`;
}
const COMPARATOR_WORDS = { GT: 'greater than', LT: 'less than', EQ: 'equal to', NE: 'not equal to' };
/** "new_coverage 61.5 % (fails when less than 80 %)". */
function failingCondition(c) {
    const threshold = formatValue(c.metricKey, c.errorThreshold);
    const rule = c.comparator && threshold ? ` (fails when ${COMPARATOR_WORDS[c.comparator]} ${threshold})` : '';
    return `${c.metricKey} ${formatValue(c.metricKey, c.actualValue) || '(no value)'}${rule}`;
}
/** The verdict on a quality gate status: OK and WARN pass, ERROR fails, NONE fails unless allowed. */
function verdict(status, conditions, projectKey, allowNoGate) {
    switch (status) {
        case 'OK':
            return { result: 'pass', reason: 'Quality gate passed (OK)' };
        case 'WARN': {
            const warned = conditions.filter((c) => c.status === 'WARN').map((c) => c.metricKey);
            const warning = `Quality gate passed with warnings (WARN)${warned.length ? `: ${warned.join(', ')}` : ''}`;
            return { result: 'pass', reason: warning, warning };
        }
        case 'ERROR': {
            const failed = conditions.filter((c) => c.status === 'ERROR');
            const list = failed.slice(0, 5).map(failingCondition).join('; ');
            const more = failed.length > 5 ? ` and ${failed.length - 5} more` : '';
            return { result: 'fail', reason: `Quality gate failed (ERROR)${list ? `: ${list}${more}` : ''}` };
        }
        case 'NONE': {
            const none = `No quality gate is associated with project ${projectKey} (status NONE)`;
            if (allowNoGate) {
                const warning = `${none}; passing because allow-no-gate is true`;
                return { result: 'pass', reason: warning, warning };
            }
            return {
                result: 'fail',
                reason: `${none}: assign one to the project in SonarQube (Project Settings > Quality Gate), or set allow-no-gate: true`
            };
        }
    }
}
/** Check the task until it is done or the deadline passes; waits grow from firstMs to maxMs. */
async function waitForTask(api, taskId, deadline, poll, clock, log, onTask = () => undefined) {
    let task;
    let polls = 0;
    let wait = poll.firstMs;
    for (;;) {
        try {
            const seen = await api.task(taskId, deadline);
            polls++;
            if (seen.status !== task?.status)
                log(`Analysis task ${taskId}: ${seen.status}`);
            task = seen;
            onTask(seen);
        }
        catch (error) {
            if (error instanceof DeadlineReached)
                return { task, polls, timedOut: true, lastAnswer: error.lastAnswer };
            throw error;
        }
        if (TERMINAL.includes(task.status))
            return { task, polls, timedOut: false };
        const left = deadline - clock.now();
        if (left <= 0)
            return { task, polls, timedOut: true };
        await clock.sleep(Math.min(wait, left));
        wait = Math.min(wait * 2, poll.maxMs);
    }
}
/**
 * Wait for the analysis task of `config.report`, then read and judge its quality gate. Refusals
 * that need the user (401, 403, 404, not the Web API) are thrown as SonarApiError; everything
 * the server decided (a failed task, a red gate, time running out) is an outcome.
 */
async function waitAndJudge(api, config, options = {}) {
    const clock = options.clock ?? realClock;
    const log = options.log ?? (() => undefined);
    const poll = config.poll ?? DEFAULT_POLL;
    const { report } = config;
    const started = clock.now();
    const deadline = started + config.timeoutMs;
    const base = {
        result: 'fail',
        reason: '',
        warnings: [],
        taskId: report.ceTaskId,
        taskStatus: '',
        analysisId: '',
        gateStatus: '',
        conditions: [],
        ignoredConditions: false,
        polls: 0,
        waitedMs: 0,
        dashboardUrl: dashboardUrl(report, config.server)
    };
    const waited = await waitForTask(api, report.ceTaskId, deadline, poll, clock, log, options.onTask);
    const task = waited.task;
    const out = { ...base, task, taskStatus: task?.status ?? '', polls: waited.polls, waitedMs: clock.now() - started };
    const taskName = `analysis task ${report.ceTaskId} of ${report.projectKey}`;
    if (waited.timedOut) {
        const state = task ? `still ${task.status} after ${waited.polls} check(s)` : 'not read once';
        const answer = waited.lastAnswer ? `; the server's last answer was ${waited.lastAnswer}` : '';
        return {
            ...out,
            timedOut: { stage: 'task', lastAnswer: waited.lastAnswer },
            reason: `Timed out after ${formatDuration(config.timeoutMs)} waiting for SonarQube's ${taskName}: ${state}${answer}. ` +
                `Raise "timeout", or see the project's Background Tasks in SonarQube for a long queue`
        };
    }
    if (!task)
        throw new Error('no task after waiting');
    if (task.status === 'FAILED')
        return { ...out, reason: `SonarQube could not process the ${taskName}: ${task.errorMessage || 'it gave no error message'}` };
    if (task.status === 'CANCELED')
        return { ...out, reason: `The ${taskName} was canceled on the server before it was processed: run the analysis again` };
    if (!task.analysisId)
        return { ...out, reason: `The ${taskName} succeeded without an analysis id: its quality gate cannot be told from another run's` };
    // The task is done: reading its gate gets at least the time of one request, even at the deadline.
    let gate;
    try {
        gate = await api.projectStatus(task.analysisId, Math.max(deadline, clock.now() + 30_000));
    }
    catch (error) {
        if (!(error instanceof DeadlineReached))
            throw error;
        return {
            ...out,
            analysisId: task.analysisId,
            waitedMs: clock.now() - started,
            timedOut: { stage: 'gate', lastAnswer: error.lastAnswer },
            reason: `Timed out reading the quality gate of analysis ${task.analysisId}: the server's last answer was ${error.lastAnswer}`
        };
    }
    const v = verdict(gate.status, gate.conditions, report.projectKey, config.allowNoGate);
    return {
        ...out,
        result: v.result,
        reason: v.reason,
        warnings: v.warning ? [v.warning] : [],
        analysisId: task.analysisId,
        gateStatus: gate.status,
        conditions: gate.conditions,
        ignoredConditions: gate.ignoredConditions,
        waitedMs: clock.now() - started
    };
}

;// CONCATENATED MODULE: ./.build/actions/lib/sonar/summary.js
// The job summary of the code-quality gate (also what `sgw sonar --output markdown` prints):
// verdict first, then the conditions of the quality gate as a table, the failing ones first,
// then the analysis task and its warnings. Values are shown as SonarQube shows them: ratings as
// A-E, percentages with % (metrics.ts).



const COMPARATOR_SIGN = { GT: '>', LT: '<', EQ: '=', NE: '≠' };
const ICON = { OK: '✅', WARN: '⚠️', ERROR: '❌' };
const ORDER = { ERROR: 0, WARN: 1, OK: 2 };
function conditionsTable(conditions) {
    if (conditions.length === 0)
        return [];
    const rows = [...conditions]
        .sort((a, b) => ORDER[a.status] - ORDER[b.status])
        .map((c) => {
        const threshold = c.errorThreshold || c.warningThreshold;
        const comparator = c.comparator ? `${c.comparator} (fails when ${COMPARATOR_SIGN[c.comparator]})` : '';
        return (`| \`${(0,markdown/* esc */.U)(c.metricKey)}\` | ${comparator} | ${(0,markdown/* esc */.U)(formatValue(c.metricKey, threshold))} | ` +
            `${(0,markdown/* esc */.U)(formatValue(c.metricKey, c.actualValue))} | ${ICON[c.status]} ${c.status} |`);
    });
    return ['| Metric | Comparator | Threshold | Actual value | Status |', '|---|---|---|---|---|', ...rows];
}
function headline(o) {
    if (o.timedOut)
        return `⏱️ Code-quality gate timed out`;
    if (o.result === 'pass')
        return o.warnings.length ? '⚠️ Code-quality gate passed with warnings' : '✅ Code-quality gate passed';
    return '❌ Code-quality gate failed';
}
function sonarSummaryMarkdown(o, report, server) {
    const product = server.kind === 'cloud' ? 'SonarQube Cloud' : `SonarQube${server.version ? ` ${server.version}` : ''}`;
    const lines = [
        `### ${headline(o)}`,
        '',
        `> ${(0,markdown/* esc */.U)(o.reason)}.`,
        '',
        `- Project \`${(0,markdown/* esc */.U)(report.projectKey)}\`${report.branch ? `, branch \`${(0,markdown/* esc */.U)(report.branch)}\`` : ''} on ${(0,markdown/* esc */.U)(product)}: ` +
            `[dashboard](${o.dashboardUrl.replace(/[()<>\s]/g, encodeURIComponent)})`,
        `- Analysis task \`${(0,markdown/* esc */.U)(o.taskId)}\`: ${o.taskStatus || 'not read'} after ${o.polls} check(s), ${formatDuration(o.waitedMs)}` +
            (o.analysisId ? `; analysis \`${(0,markdown/* esc */.U)(o.analysisId)}\`` : ''),
        ...(o.gateStatus ? [`- Quality gate status: **${o.gateStatus}**`] : []),
        ...(o.ignoredConditions ? ['- Some conditions on new code were ignored by SonarQube (too few new lines to judge them)'] : []),
        ''
    ];
    if (o.conditions.length)
        lines.push(...conditionsTable(o.conditions), '');
    const analysisWarnings = o.task?.warnings ?? [];
    if (analysisWarnings.length) {
        lines.push(`<details><summary>${analysisWarnings.length} analysis warning(s) from SonarQube</summary>`, '');
        // SonarQube's warnings may carry HTML links; show them as text.
        for (const w of analysisWarnings.slice(0, 20))
            lines.push(`- ${(0,markdown/* esc */.U)(w.replace(/<[^>]*>/g, ''))}`);
        lines.push('', '</details>', '');
    }
    return lines.join('\n');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./.build/actions/lib/sonar/report-task.js
// report-task.txt: what a SonarQube scanner writes after it has uploaded an analysis (the server,
// the project and the Compute Engine task that will process it). The scanner engine writes one
// `key=value` line per entry (sonar-scanner-engine ReportPublisher: organization (SonarCloud only),
// projectKey, serverUrl, serverVersion, branch, dashboardUrl, ceTaskId, ceTaskUrl); a file written
// through java.util.Properties may add `#` comments and backslash escapes, which are read too.



/** Where the scanners put it, relative to the directory they ran in. */
const REPORT_TASK_LOCATIONS = [
    '.scannerwork/report-task.txt', // sonar-scanner CLI, the npm scanner, SonarSource's scan action
    'target/sonar/report-task.txt', // the Maven plugin
    'build/sonar/report-task.txt', // the Gradle plugin
    '.sonarqube/out/.sonar/report-task.txt' // the .NET scanner
];
// Compute Engine task ids are UUIDs in SonarQube's own encoding (AYhSC2-LY0CHkWJxvNA9) or, from
// older servers, dashed hex; anything else is not a task id we will put into a request.
const TASK_ID = /^[A-Za-z0-9_-]{1,64}$/;
function unescapeProperty(value) {
    return value.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c) => {
        if (c.length === 5)
            return String.fromCharCode(parseInt(c.slice(1), 16));
        return { t: '\t', n: '\n', r: '\r', f: '\f' }[c] ?? c;
    });
}
/** The entries of a report-task.txt, later keys winning as in java.util.Properties. */
function readEntries(text) {
    const entries = new Map();
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#') || line.startsWith('!'))
            continue;
        const at = line.search(/(?<!\\)[=:]/);
        if (at < 1)
            continue;
        entries.set(unescapeProperty(line.slice(0, at).trim()), unescapeProperty(line.slice(at + 1).trim()));
    }
    return entries;
}
/** Parses the file's text; a user error names the file and what is missing or wrong. */
function parseReportTask(text, path) {
    if (text.includes('\u0000'))
        throw new user_error/* UserError */.yo(`${path} is not a report-task.txt: it is binary.`);
    const entries = readEntries(text);
    const get = (key) => entries.get(key) ?? '';
    const missing = ['ceTaskId', 'serverUrl', 'projectKey'].filter((k) => !get(k));
    if (missing.length)
        throw new user_error/* UserError */.yo(`${path} is not a complete report-task.txt: ${missing.join(', ')} missing. It is written by the SonarQube scanner after it ` +
            `uploaded the analysis; run the scanner first, in the same job.`);
    const ceTaskId = get('ceTaskId');
    if (!TASK_ID.test(ceTaskId))
        throw new user_error/* UserError */.yo(`${path}: ceTaskId "${ceTaskId.slice(0, 80)}" is not a Compute Engine task id.`);
    let server;
    try {
        server = new URL(get('serverUrl'));
    }
    catch {
        throw new user_error/* UserError */.yo(`${path}: serverUrl "${get('serverUrl').slice(0, 200)}" is not a URL.`);
    }
    if (server.protocol !== 'https:' && server.protocol !== 'http:')
        throw new user_error/* UserError */.yo(`${path}: serverUrl must be an http(s) URL, got "${server.protocol}".`);
    return {
        path,
        projectKey: get('projectKey'),
        serverUrl: get('serverUrl').replace(/\/+$/, ''),
        serverVersion: get('serverVersion'),
        dashboardUrl: get('dashboardUrl'),
        ceTaskId,
        ceTaskUrl: get('ceTaskUrl'),
        organization: get('organization'),
        branch: get('branch')
    };
}
/**
 * The report-task.txt to read: `given` (relative to `cwd`) when set, else the one file found at
 * the scanners' usual places. None, or several (which analysis is meant?), is a user error.
 */
function locateReportTask(given, cwd, inputName) {
    if (given) {
        const path = (0,external_node_path_.join)(cwd, given);
        if (!(0,external_node_fs_.existsSync)(path) || !(0,external_node_fs_.statSync)(path).isFile())
            throw new user_error/* UserError */.yo(`Input "${inputName}": ${given} does not exist (paths are relative to the workspace). Did the scanner run?`);
        return path;
    }
    const found = REPORT_TASK_LOCATIONS.filter((p) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(cwd, p)));
    if (found.length === 1)
        return (0,external_node_path_.join)(cwd, found[0]);
    if (found.length === 0)
        throw new user_error/* UserError */.yo(`No report-task.txt in ${REPORT_TASK_LOCATIONS.join(', ')}: run the SonarQube scanner before this step, in the same job, ` +
            `or set "${inputName}" to the file it wrote.`);
    throw new user_error/* UserError */.yo(`Several report-task.txt files (${found.join(', ')}): set "${inputName}" to the one of the analysis to gate.`);
}
function readReportTask(path) {
    return parseReportTask((0,external_node_fs_.readFileSync)(path, 'utf8'), path);
}

;// CONCATENATED MODULE: ./.build/actions/sonar-gate/settings.js
// sonar-gate's inputs, parsed once into a typed object; every error names the input and what it
// accepts, and never shows the token. Shared by the action and `sgw sonar`.



const SonarInput = {
    Token: 'token',
    ReportTask: 'report-task',
    HostUrl: 'host-url',
    AuthScheme: 'auth-scheme',
    Timeout: 'timeout',
    Retries: 'retries',
    AllowNoGate: 'allow-no-gate'
};
const SonarOutput = {
    Result: 'result',
    QualityGateStatus: 'quality-gate-status',
    AnalysisId: 'analysis-id',
    DashboardUrl: 'dashboard-url',
    TaskStatus: 'task-status'
};
const SONAR_DEFAULTS = { timeoutSeconds: 300, retries: 3, maxRetries: 10, requestTimeoutMs: 30_000 };
/** host-url: an http(s) URL without credentials; '' when not set. */
function parseHostUrl(raw) {
    const value = raw.trim();
    if (!value)
        return '';
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new user_error/* UserError */.yo(`Input "${SonarInput.HostUrl}" must be the server's URL, such as https://sonarqube.example.com, got "${value}".`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new user_error/* UserError */.yo(`Input "${SonarInput.HostUrl}" must be an http(s) URL, got "${url.protocol}//...".`);
    if (url.username || url.password)
        throw new user_error/* UserError */.yo(`Input "${SonarInput.HostUrl}" must not carry a user or password: the "${SonarInput.Token}" input is the credential.`);
    if (url.search || url.hash)
        throw new user_error/* UserError */.yo(`Input "${SonarInput.HostUrl}" must be the server's base URL, without a query.`);
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
/** True when requests to `base` would carry the token unencrypted over a network. */
function sendsTokenInClear(base) {
    const url = new URL(base);
    return url.protocol === 'http:' && !isLoopback(url.hostname);
}
function readSonarSettings(get) {
    const token = get(SonarInput.Token).trim();
    if (!token)
        throw new user_error/* UserError */.yo(`Input "${SonarInput.Token}" is required: a SonarQube user token from a secret (\${{ secrets.SONAR_TOKEN }}). It is empty, as ` +
            `secrets are in pull requests from forks.`);
    if (/\s/.test(token))
        throw new user_error/* UserError */.yo(`Input "${SonarInput.Token}" must be one token without spaces or line breaks (its value is not shown).`);
    const timeoutSeconds = (0,parse/* parseDuration */.E9)(SonarInput.Timeout, get(SonarInput.Timeout), SONAR_DEFAULTS.timeoutSeconds);
    if (timeoutSeconds <= 0)
        throw new user_error/* UserError */.yo(`Input "${SonarInput.Timeout}" must be longer than 0, such as 5m or 90s.`);
    const retries = (0,parse/* parseWholeNumber */.oA)(SonarInput.Retries, get(SonarInput.Retries), SONAR_DEFAULTS.retries);
    if (retries > SONAR_DEFAULTS.maxRetries)
        throw new user_error/* UserError */.yo(`Input "${SonarInput.Retries}" must be at most ${SONAR_DEFAULTS.maxRetries}, got ${retries}.`);
    return {
        token,
        reportTask: get(SonarInput.ReportTask).trim(),
        hostUrl: parseHostUrl(get(SonarInput.HostUrl)),
        authScheme: (0,parse/* parseChoice */.HU)(SonarInput.AuthScheme, get(SonarInput.AuthScheme).trim().toLowerCase(), AUTH_SCHEMES, 'auto'),
        timeoutMs: Math.round(timeoutSeconds * 1000),
        retries,
        allowNoGate: (0,parse/* parseBoolean */.yG)(SonarInput.AllowNoGate, get(SonarInput.AllowNoGate), false)
    };
}

;// CONCATENATED MODULE: ./.build/actions/sonar-gate/run.js





function prepare(settings, cwd) {
    const report = readReportTask(locateReportTask(settings.reportTask, cwd, SonarInput.ReportTask));
    const server = resolveServer(report, settings.hostUrl, settings.authScheme);
    const product = server.kind === 'cloud' ? 'SonarQube Cloud' : `SonarQube ${server.version || '(version not stated)'}`;
    const notes = [
        `${report.path}: project ${report.projectKey}${report.branch ? ` (branch ${report.branch})` : ''}, analysis task ${report.ceTaskId}`,
        `Server ${displayUrl(server.base)} (${product}); the token goes as ` +
            `${server.auth === 'bearer' ? 'a bearer token' : 'a basic-auth login'} (${server.authReason})`
    ];
    if (settings.hostUrl && displayUrl(settings.hostUrl) !== displayUrl(report.serverUrl))
        notes.push(`report-task.txt names ${displayUrl(report.serverUrl)}; asking ${displayUrl(settings.hostUrl)} (${SonarInput.HostUrl})`);
    const warnings = sendsTokenInClear(server.base)
        ? [`The SonarQube token goes to ${displayUrl(server.base)} over plain http, readable on the way: use https.`]
        : [];
    return { report, server, dashboardUrl: dashboardUrl(report, server), warnings, notes };
}
async function judge(settings, prepared, options) {
    const client = new SonarClient({
        server: prepared.server,
        token: settings.token,
        retries: settings.retries,
        requestTimeoutMs: SONAR_DEFAULTS.requestTimeoutMs,
        log: options.log,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {})
    });
    return waitAndJudge(client, { report: prepared.report, server: prepared.server, timeoutMs: settings.timeoutMs, allowNoGate: settings.allowNoGate }, { log: options.log, onTask: options.onTask, ...(options.clock ? { clock: options.clock } : {}) });
}

;// CONCATENATED MODULE: ./.build/actions/sonar-gate/command.js
// `sgw sonar`: the code-quality gate of actions/sonar-gate from a laptop or another CI: reads
// report-task.txt, waits for the analysis and judges its quality gate. The token comes from
// SONAR_TOKEN in the environment, never a flag, so that it stays out of shell history.







const SONAR_HELP = `Usage: sgw sonar [options]

Waits for SonarQube to process the analysis a scanner uploaded (its report-task.txt) and judges
the quality gate of that analysis, as actions/sonar-gate does. Reads SONAR_TOKEN from the
environment (and SONAR_HOST_URL when --host-url is not given).

  --report-task FILE      report-task.txt (default: the one in .scannerwork/, target/sonar/,
                          build/sonar/ or .sonarqube/out/.sonar/)
  --host-url URL          the server's base URL (default: report-task.txt's serverUrl)
  --auth-scheme S         auto (default), bearer or basic
  --timeout D             how long to wait for the analysis (default 5m)
  --retries N             retries of one request on 429, 5xx or no answer (default 3)
  --allow-no-gate true|false  pass when the project has no quality gate (default false)
  --output text|json|markdown  what to print (default text)

Exit status: 0 pass, 1 fail (red gate, failed task, timeout), 2 usage, input or server error.
`;
const VALUE_FLAGS = [...Object.values(SonarInput).filter((n) => n !== SonarInput.Token), 'output'];
async function sonarCommand(argv, out, env = process.env, deps = {}) {
    const args = (0,cli_args/* parseArgs */.Z)(argv, { values: VALUE_FLAGS, switches: ['help'] }, 'sonar');
    if (args.switches.has('help')) {
        out(SONAR_HELP);
        return 0;
    }
    if (args.positional.length)
        throw new user_error/* UserError */.yo(`sgw sonar: unexpected argument "${args.positional[0]}".`);
    const output = (0,parse/* parseChoice */.HU)('output', args.values.get('output')?.[0], ['text', 'json', 'markdown'], 'text');
    const get = (name) => {
        if (name === SonarInput.Token)
            return env.SONAR_TOKEN ?? '';
        if (name === SonarInput.HostUrl)
            return args.values.get(name)?.[0] ?? env.SONAR_HOST_URL ?? '';
        return args.values.get(name)?.[0] ?? '';
    };
    if (!get(SonarInput.Token).trim())
        throw new user_error/* UserError */.yo('set SONAR_TOKEN in the environment to a SonarQube user token.');
    const settings = readSonarSettings(get);
    const prepared = prepare(settings, deps.cwd ?? process.cwd());
    const log = output === 'text' ? (line) => out(`${line}\n`) : () => undefined;
    for (const line of [...prepared.notes, ...prepared.warnings])
        log(line);
    const outcome = await judge(settings, prepared, { log, ...(deps.clock ? { clock: deps.clock } : {}) });
    if (output === 'json') {
        const { task: _task, ...rest } = outcome;
        out(`${JSON.stringify({ ...rest, projectKey: prepared.report.projectKey }, null, 2)}\n`);
    }
    else if (output === 'markdown')
        out(sonarSummaryMarkdown(outcome, prepared.report, prepared.server));
    else {
        for (const c of outcome.conditions)
            out(`  ${c.status.padEnd(5)} ${c.metricKey}: ${formatValue(c.metricKey, c.actualValue) || '-'}` +
                `${c.comparator ? ` (fails when ${c.comparator} ${formatValue(c.metricKey, c.errorThreshold)})` : ''}\n`);
        for (const w of outcome.warnings)
            out(`warning: ${w}\n`);
        out(`${outcome.result.toUpperCase()}: ${outcome.reason}.\n${outcome.dashboardUrl}\n`);
    }
    return outcome.result === 'pass' ? 0 : 1;
}


/***/ })

};
