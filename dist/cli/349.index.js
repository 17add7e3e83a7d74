export const id = 349;
export const ids = [349];
export const modules = {

/***/ 1349:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COVERAGE_HELP: () => (/* binding */ COVERAGE_HELP),
  coverageCommand: () => (/* binding */ coverageCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(6421);
// EXTERNAL MODULE: ./.build/actions/lib/action/event.js
var action_event = __webpack_require__(1113);
;// CONCATENATED MODULE: ./.build/actions/lib/action/run-action.js


/**
 * Run an action's body: a user error fails the step with its one-line message; anything else is a
 * bug and fails with its stack so it can be reported. `onError` sets the outputs that still mean
 * something when the step fails (e.g. result=fail).
 */
async function run_action_runAction(body, onError) {
    try {
        await body();
    }
    catch (error) {
        onError?.();
        if (isUserError(error))
            core.setFailed(error.message);
        else
            core.setFailed(`Unexpected error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
}
function run_action_input(name) {
    return core.getInput(name);
}

// EXTERNAL MODULE: ./.build/actions/lib/report/markdown.js
var markdown = __webpack_require__(1272);
;// CONCATENATED MODULE: ./.build/actions/lib/coverage/model.js
// The one model every coverage format is read into: per file, the lines the tool could cover with
// their hit counts, the branch sites, and (for Go) the statement blocks the tool counts in.
// Plain data, no GitHub: the readers fill it, the gate merges and judges it.
const COVERAGE_FORMATS = ['lcov', 'cobertura', 'jacoco', 'coveragepy', 'go', 'istanbul', 'istanbul-summary'];
const FORMAT_NAMES = {
    lcov: 'LCOV',
    cobertura: 'Cobertura XML',
    jacoco: 'JaCoCo XML',
    coveragepy: 'coverage.py JSON',
    go: 'Go cover profile',
    istanbul: 'Istanbul coverage-final.json',
    'istanbul-summary': 'Istanbul coverage-summary.json'
};
function newSites() {
    return { keys: [], covered: [], total: [] };
}
function addSite(sites, key, covered, total) {
    sites.keys.push(key);
    sites.covered.push(covered);
    sites.total.push(total);
}
/** Sorts and de-duplicates (summing hits) unless already strictly ascending, the usual case. */
function normaliseLines(lines) {
    const { nums } = lines;
    let sorted = true;
    for (let i = 1; i < nums.length; i++) {
        if (nums[i] <= nums[i - 1]) {
            sorted = false;
            break;
        }
    }
    if (sorted)
        return lines;
    const merged = new Map();
    for (let i = 0; i < nums.length; i++)
        merged.set(nums[i], (merged.get(nums[i]) ?? 0) + lines.hits[i]);
    const keys = [...merged.keys()].sort((a, b) => a - b);
    return { nums: keys, hits: keys.map((k) => merged.get(k)) };
}
/** Hits of a line, or undefined when the tool could not cover it (blank, comment, declaration). */
function hitsAt(lines, line) {
    let lo = 0;
    let hi = lines.nums.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const n = lines.nums[mid];
        if (n === line)
            return lines.hits[mid];
        if (n < line)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return undefined;
}
function sumSites(sites) {
    if (!sites)
        return undefined;
    let covered = 0;
    let total = 0;
    for (let i = 0; i < sites.keys.length; i++) {
        covered += sites.covered[i];
        total += sites.total[i];
    }
    return { covered, total };
}
/** The file's line counter in the tool's own unit: statements for Go, lines elsewhere. */
function lineCounter(file) {
    if (file.statements)
        return sumSites(file.statements);
    if (file.lines) {
        let covered = 0;
        for (const h of file.lines.hits)
            if (h > 0)
                covered++;
        return { covered, total: file.lines.nums.length };
    }
    return file.summary?.lines ?? { covered: 0, total: 0 };
}
function branchCounter(file) {
    return file.branches ? sumSites(file.branches) : file.summary?.branches;
}
function mergeSites(a, b) {
    if (!a || !b)
        return a ?? b;
    const byKey = new Map();
    for (const s of [a, b]) {
        for (let i = 0; i < s.keys.length; i++) {
            const had = byKey.get(s.keys[i]);
            byKey.set(s.keys[i], had ? [Math.max(had[0], s.covered[i]), Math.max(had[1], s.total[i])] : [s.covered[i], s.total[i]]);
        }
    }
    const out = newSites();
    for (const [key, [covered, total]] of byKey)
        addSite(out, key, covered, total);
    return out;
}
/**
 * One file's coverage from two reports (two test runs, or the same run in two formats): a line is
 * covered when either covers it, a branch outcome or a statement block likewise.
 */
function mergeFiles(a, b) {
    const lines = a.lines && b.lines
        ? normaliseLines({ nums: [...a.lines.nums, ...b.lines.nums], hits: [...a.lines.hits, ...b.lines.hits] })
        : (a.lines ?? b.lines);
    // Per-line detail wins over totals; two totals-only entries keep the better (they measure the same code).
    const summary = lines
        ? undefined
        : a.summary && b.summary
            ? a.summary.lines.covered >= b.summary.lines.covered
                ? a.summary
                : b.summary
            : (a.summary ?? b.summary);
    return {
        path: a.path,
        lines,
        branches: mergeSites(a.branches, b.branches),
        statements: mergeSites(a.statements, b.statements),
        summary
    };
}
/** Percent with the exactness of the counts; undefined for nothing to cover. */
function percent(c) {
    return c && c.total > 0 ? (100 * c.covered) / c.total : undefined;
}
/** Below a minimum percent, decided on the integers (no floating-point edge at exactly the limit). */
function below(c, minPercent) {
    return c.covered * 100 < minPercent * c.total - 1e-9 * c.total;
}
/** Lines as compact ranges: "3-5, 9, 12-14", at most `limit` ranges (then "…"). */
function ranges(lines, limit = Infinity) {
    const out = [];
    let i = 0;
    while (i < lines.length && out.length < limit) {
        let j = i;
        while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1)
            j++;
        out.push(i === j ? String(lines[i]) : `${lines[i]}-${lines[j]}`);
        i = j + 1;
    }
    return i < lines.length ? `${out.join(', ')}, …` : out.join(', ');
}
/** A report that is not what its format says (truncated, a field of the wrong type). */
class MalformedReport extends Error {
    name = 'MalformedReport';
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 7 modules
var esm = __webpack_require__(3581);
// EXTERNAL MODULE: ./.build/actions/lib/errors/user-error.js
var user_error = __webpack_require__(3594);
;// CONCATENATED MODULE: ./.build/actions/lib/coverage/go-profile.js
// Go cover profiles (`go test -coverprofile`): a `mode:` line, then one block a line,
// `<import path>/<file>.go:<startLine>.<startCol>,<endLine>.<endCol> <statements> <count>`.
// `go tool cover` counts statements, so the totals are statements; a line counts as covered when a
// block that ran touches it (for diff coverage). The same block listed twice (profiles of several
// packages concatenated, -coverpkg) is one block, covered when either run covered it.

const MODES = ['set', 'count', 'atomic'];
function looksLikeGoProfile(head) {
    return /^mode: *\S+/.test(head);
}
function readGoProfile(text) {
    const blocks = new Map();
    let lineNo = 0;
    let mode;
    for (const raw of text.split('\n')) {
        lineNo++;
        const line = raw.trimEnd();
        if (line === '')
            continue;
        if (line.startsWith('mode:')) {
            const m = line.slice(5).trim();
            if (!MODES.includes(m))
                throw new MalformedReport(`line ${lineNo}: unknown mode "${m}" (set, count or atomic)`);
            if (mode && m !== mode)
                throw new MalformedReport(`line ${lineNo}: mode ${m} after mode ${mode}; profiles of different modes cannot be read as one`);
            mode = m;
            continue;
        }
        if (!mode)
            throw new MalformedReport(`line ${lineNo}: a block before the "mode:" line`);
        // Split from the right: the path may itself hold colons or spaces.
        const m = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/.exec(line);
        if (!m)
            throw new MalformedReport(`line ${lineNo}: "${line.slice(0, 80)}" is not "<file>:<line>.<col>,<line>.<col> <statements> <count>"`);
        const [, path, sl, sc, el, ec, n, count] = m;
        const start = Number(sl);
        const end = Number(el);
        if (end < start)
            throw new MalformedReport(`line ${lineNo}: the block ends (line ${end}) before it starts (line ${start})`);
        let perFile = blocks.get(path);
        if (!perFile)
            blocks.set(path, (perFile = new Map()));
        const key = `${sl}.${sc},${el}.${ec}`;
        const had = perFile.get(key);
        const hits = Number(count);
        if (had)
            had.hits = mode === 'set' ? Math.max(had.hits, hits) : had.hits + hits;
        else
            perFile.set(key, { statements: Number(n), hits, start, end });
    }
    if (!mode)
        throw new MalformedReport('no "mode:" line');
    const files = [];
    for (const [path, perFile] of blocks) {
        const statements = newSites();
        const byLine = new Map();
        for (const [key, b] of perFile) {
            addSite(statements, key, b.hits > 0 ? b.statements : 0, b.statements);
            if (b.statements === 0)
                continue;
            for (let l = b.start; l <= b.end; l++)
                byLine.set(l, Math.max(byLine.get(l) ?? 0, b.hits));
        }
        const nums = [...byLine.keys()].sort((a, b) => a - b);
        files.push({ path, statements, lines: { nums, hits: nums.map((n) => byLine.get(n)) } });
    }
    return { format: 'go', tool: `go test (mode ${mode})`, files, sourceRoots: [], hasBranches: false };
}

;// CONCATENATED MODULE: ./.build/actions/lib/coverage/json-reports.js
// The JSON coverage formats: coverage.py's `coverage json`, Istanbul's coverage-final.json (nyc,
// c8, jest, vitest) and coverage-summary.json. Every field is checked before use: a value of the
// wrong type is a malformed report, never a crash and never a silently smaller number.

function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function lineList(v, where) {
    if (!Array.isArray(v) || !v.every((n) => Number.isInteger(n) && n > 0))
        throw new MalformedReport(`${where} is not a list of line numbers`);
    return v;
}
function arcList(v, where) {
    if (!Array.isArray(v) || !v.every((a) => Array.isArray(a) && a.length === 2 && Number.isInteger(a[0]) && Number.isInteger(a[1]))) {
        throw new MalformedReport(`${where} is not a list of [from, to] line pairs`);
    }
    return v;
}
/** coverage.py JSON: `meta` (format, version, branch_coverage) and `files` keyed by path. */
function isCoveragePy(doc) {
    return isObject(doc.meta) && isObject(doc.files) && 'format' in doc.meta;
}
function readCoveragePy(doc) {
    const meta = doc.meta;
    const hasBranches = meta.branch_coverage === true;
    const files = [];
    for (const [path, entry] of Object.entries(doc.files)) {
        if (!isObject(entry))
            throw new MalformedReport(`files["${path}"] is not an object`);
        const executed = lineList(entry.executed_lines, `files["${path}"].executed_lines`);
        const missing = lineList(entry.missing_lines, `files["${path}"].missing_lines`);
        const lines = normaliseLines({ nums: [...executed, ...missing], hits: [...executed.map(() => 1), ...missing.map(() => 0)] });
        const file = { path, lines };
        if (hasBranches) {
            file.branches = newSites();
            for (const [from, to] of arcList(entry.executed_branches ?? [], `files["${path}"].executed_branches`))
                addSite(file.branches, `${from}>${to}`, 1, 1);
            for (const [from, to] of arcList(entry.missing_branches ?? [], `files["${path}"].missing_branches`))
                addSite(file.branches, `${from}>${to}`, 0, 1);
        }
        files.push(file);
    }
    const version = typeof meta.version === 'string' ? meta.version : undefined;
    return { format: 'coveragepy', tool: version ? `coverage.py ${version}` : 'coverage.py', files, sourceRoots: [], hasBranches };
}
function startLine(loc, where) {
    const line = isObject(loc) && isObject(loc.start) ? loc.start.line : undefined;
    if (!Number.isInteger(line))
        throw new MalformedReport(`${where}.start.line is not a line number`);
    return line;
}
/** Istanbul coverage-final.json: paths to { path, statementMap, s, branchMap, b, fnMap, f }. */
function isIstanbulFinal(doc) {
    const first = Object.values(doc)[0];
    return isObject(first) && isObject(first.statementMap) && isObject(first.s);
}
function readIstanbulFinal(doc) {
    const files = [];
    let hasBranches = false;
    for (const [key, entry] of Object.entries(doc)) {
        if (!isObject(entry) || !isObject(entry.statementMap) || !isObject(entry.s))
            throw new MalformedReport(`"${key}" has no statementMap and s`);
        const path = typeof entry.path === 'string' && entry.path ? entry.path : key;
        // Istanbul's line coverage: each statement counts on its first line, a line takes the
        // highest count of the statements that start on it (FileCoverage.getLineCoverage).
        const byLine = new Map();
        for (const [id, hits] of Object.entries(entry.s)) {
            if (typeof hits !== 'number' || hits < 0)
                throw new MalformedReport(`"${key}".s["${id}"] is not a count`);
            const loc = entry.statementMap[id];
            if (loc === undefined)
                continue;
            const line = startLine(loc, `"${key}".statementMap["${id}"]`);
            const had = byLine.get(line);
            if (had === undefined || had < hits)
                byLine.set(line, hits);
        }
        const nums = [...byLine.keys()].sort((a, b) => a - b);
        const file = { path, lines: { nums, hits: nums.map((n) => byLine.get(n)) } };
        if (entry.b !== undefined) {
            if (!isObject(entry.b))
                throw new MalformedReport(`"${key}".b is not an object`);
            file.branches = newSites();
            for (const [id, outcomes] of Object.entries(entry.b)) {
                if (!Array.isArray(outcomes) || !outcomes.every((h) => typeof h === 'number'))
                    throw new MalformedReport(`"${key}".b["${id}"] is not a list of counts`);
                outcomes.forEach((h, i) => addSite(file.branches, `${id}:${i}`, h > 0 ? 1 : 0, 1));
            }
            hasBranches = true;
        }
        files.push(file);
    }
    return { format: 'istanbul', files, sourceRoots: [], hasBranches };
}
/** Istanbul coverage-summary.json: `total` and paths to { lines, statements, functions, branches }. */
function isIstanbulSummary(doc) {
    return isObject(doc.total) && isObject(doc.total.lines) && isObject(doc.total.statements);
}
function counter(v, where) {
    if (!isObject(v) ||
        !Number.isInteger(v.covered) ||
        !Number.isInteger(v.total) ||
        v.covered > v.total ||
        v.covered < 0) {
        throw new MalformedReport(`${where} has no whole covered and total counts`);
    }
    return { covered: v.covered, total: v.total };
}
function readIstanbulSummary(doc) {
    const files = [];
    let hasBranches = false;
    for (const [path, entry] of Object.entries(doc)) {
        if (path === 'total')
            continue;
        if (!isObject(entry))
            throw new MalformedReport(`"${path}" is not an object`);
        const branches = entry.branches === undefined ? undefined : counter(entry.branches, `"${path}".branches`);
        if (branches)
            hasBranches = true;
        files.push({ path, summary: { lines: counter(entry.lines, `"${path}".lines`), branches } });
    }
    return { format: 'istanbul-summary', files, sourceRoots: [], hasBranches };
}

;// CONCATENATED MODULE: ./.build/actions/lib/coverage/lcov.js
// LCOV tracefiles (geninfo's format; written by lcov, c8/nyc/istanbul, coverage.py, cargo-llvm-cov,
// gcovr...): SF starts a file, DA:<line>,<hits>[,<checksum>] a line, BRDA:<line>,<block>,<branch>,<taken|->
// a branch outcome, end_of_record ends the file. Other records (TN, FN, FNDA, LF, LH...) are not
// needed: the totals are counted from DA and BRDA, as genhtml does.
//
// Read with indexOf and charCodeAt rather than split and regular expressions: a 50 MB report has
// five million records, and the gate must cost little more than reading the file.

const C_0 = 48;
const C_9 = 57;
/** The whole number at text[from..to), or -1 when it is not one. */
function lcov_int(text, from, to) {
    if (from >= to)
        return -1;
    let n = 0;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c < C_0 || c > C_9)
            return -1;
        n = n * 10 + (c - C_0);
    }
    return n;
}
function looksLikeLcov(head) {
    return /^(TN:|SF:)/m.test(head.slice(0, 4096));
}
function readLcov(text) {
    const files = [];
    let file;
    let nums = [];
    let hits = [];
    let hasBranches = false;
    let lineNo = 0;
    const bad = (what) => new MalformedReport(`line ${lineNo}: ${what}`);
    const end = () => {
        file.lines = normaliseLines({ nums, hits });
        files.push(file);
        file = undefined;
    };
    let at = 0;
    const length = text.length;
    while (at < length) {
        let eol = text.indexOf('\n', at);
        if (eol === -1)
            eol = length;
        let stop = eol;
        if (stop > at && text.charCodeAt(stop - 1) === 13)
            stop--; // CRLF
        lineNo++;
        const c0 = text.charCodeAt(at);
        if (c0 === 68 && text.startsWith('DA:', at)) {
            // DA:<line>,<hits>[,<checksum>]
            if (!file)
                throw bad('DA record outside a file (no SF before it)');
            const comma = text.indexOf(',', at + 3);
            if (comma === -1 || comma > stop)
                throw bad('DA record without hit count');
            let hitsEnd = text.indexOf(',', comma + 1);
            if (hitsEnd === -1 || hitsEnd > stop)
                hitsEnd = stop;
            const line = lcov_int(text, at + 3, comma);
            let count = lcov_int(text, comma + 1, hitsEnd);
            if (count < 0) {
                // Some writers (gcov of old) print counts as floats or with a sign; anything else is damage.
                const raw = text.slice(comma + 1, hitsEnd);
                const n = Number(raw);
                if (raw === '' || !Number.isFinite(n))
                    throw bad(`DA hit count "${raw}" is not a number`);
                count = Math.max(0, Math.round(n));
            }
            if (line <= 0)
                throw bad(`DA line number "${text.slice(at + 3, comma)}" is not a line number`);
            nums.push(line);
            hits.push(count);
        }
        else if (c0 === 66 && text.startsWith('BRDA:', at)) {
            // BRDA:<line>,<block>,<branch>,<taken> where taken is a count or "-" (never reached).
            if (!file)
                throw bad('BRDA record outside a file (no SF before it)');
            const last = text.lastIndexOf(',', stop - 1);
            if (last <= at + 5)
                throw bad('BRDA record with too few fields');
            const taken = text.charCodeAt(last + 1) === 45 && last + 2 === stop ? 0 : lcov_int(text, last + 1, stop);
            if (taken < 0)
                throw bad(`BRDA taken "${text.slice(last + 1, stop)}" is neither a count nor "-"`);
            const comma = text.indexOf(',', at + 5);
            if (lcov_int(text, at + 5, comma) <= 0)
                throw bad('BRDA line number is not a line number');
            if (!file.branches)
                file.branches = newSites();
            addSite(file.branches, text.slice(at + 5, last), taken > 0 ? 1 : 0, 1);
            hasBranches = true;
        }
        else if (c0 === 83 && text.startsWith('SF:', at)) {
            if (file)
                throw bad(`SF record before the end_of_record of ${file.path}`);
            const path = text.slice(at + 3, stop).trim();
            if (!path)
                throw bad('SF record without a path');
            file = { path };
            nums = [];
            hits = [];
        }
        else if (c0 === 101 && text.startsWith('end_of_record', at)) {
            if (!file)
                throw bad('end_of_record without a file');
            end();
        }
        else if (stop > at && !isRecord(text, at, stop)) {
            throw bad(`"${text.slice(at, Math.min(stop, at + 40))}" is not an LCOV record`);
        }
        at = eol + 1;
    }
    if (file)
        throw new MalformedReport(`ends inside the record of ${file.path} (no end_of_record): the file is truncated`);
    return { format: 'lcov', files, sourceRoots: [], hasBranches };
}
/** Any other LCOV record: an upper-case tag and a colon (TN:, FN:, FNDA:, LF:, BRF:, VER:...). */
function isRecord(text, at, stop) {
    let i = at;
    while (i < stop) {
        const c = text.charCodeAt(i);
        if (c === 58)
            return i > at;
        if (!((c >= 65 && c <= 90) || c === 95))
            return false;
        i++;
    }
    return false;
}

// EXTERNAL MODULE: ./node_modules/sax/lib/sax.js
var sax = __webpack_require__(2560);
;// CONCATENATED MODULE: ./.build/actions/lib/coverage/xml-reports.js
// Cobertura XML (coverage.py, istanbul/c8/nyc, cobertura, gcovr, coverlet...) and JaCoCo XML,
// read with sax in strict mode: a streaming parser, so a large report costs no document tree, and
// a strict one, so a truncated or malformed file is an error rather than a smaller report. The
// root element says which of the two a file is. sax never fetches a DTD or an external entity
// (JaCoCo's DOCTYPE names report.dtd; it is not read).


function count(attrs, name, where) {
    const raw = attrs[name];
    if (raw === undefined || !/^\d+$/.test(raw))
        throw new MalformedReport(`${where}: attribute ${name}="${raw ?? ''}" is not a whole number`);
    return Number(raw);
}
/** Cobertura's condition-coverage="50% (1/2)": the outcomes taken and possible. */
function conditions(raw, where) {
    const open = raw.lastIndexOf('(');
    const slash = raw.indexOf('/', open);
    const close = raw.indexOf(')', slash);
    const covered = Number(raw.slice(open + 1, slash));
    const total = Number(raw.slice(slash + 1, close));
    if (open === -1 || slash === -1 || close === -1 || !Number.isInteger(covered) || !Number.isInteger(total) || covered > total) {
        throw new MalformedReport(`${where}: condition-coverage="${raw}" is not "<percent>% (<taken>/<possible>)"`);
    }
    return [covered, total];
}
function coberturaReader() {
    const byPath = new Map();
    const sourceRoots = [];
    let current;
    let inMethod = 0;
    let inSource = false;
    let sourceText = '';
    let hasBranches = false;
    let tool;
    return {
        open(name, attrs) {
            if (name === 'coverage') {
                if (attrs.version && /^\d/.test(attrs.version))
                    tool = `version ${attrs.version}`;
                if (attrs['branches-valid'] !== undefined && attrs['branches-valid'] !== '0')
                    hasBranches = true;
            }
            else if (name === 'source') {
                inSource = true;
                sourceText = '';
            }
            else if (name === 'class') {
                const path = attrs.filename;
                if (!path)
                    throw new MalformedReport('<class> without a filename attribute');
                current = byPath.get(path);
                if (!current) {
                    current = { file: { path }, nums: [], hits: [] };
                    byPath.set(path, current);
                }
            }
            else if (name === 'method') {
                // A method's <lines> repeat lines its class lists already.
                inMethod++;
            }
            else if (name === 'line' && inMethod === 0) {
                if (!current)
                    throw new MalformedReport('<line> outside a <class>');
                const where = `${current.file.path} <line number="${attrs.number ?? ''}">`;
                const line = count(attrs, 'number', where);
                // Cobertura writers print hits as whole numbers; some (gcovr) may exceed 2^53 in theory only.
                current.nums.push(line);
                current.hits.push(count(attrs, 'hits', where));
                if (attrs.branch === 'true' && attrs['condition-coverage'] !== undefined) {
                    const [covered, total] = conditions(attrs['condition-coverage'], where);
                    if (total > 0) {
                        if (!current.file.branches)
                            current.file.branches = newSites();
                        addSite(current.file.branches, String(line), covered, total);
                        hasBranches = true;
                    }
                }
            }
        },
        close(name) {
            if (name === 'method')
                inMethod--;
            else if (name === 'class')
                current = undefined;
            else if (name === 'source') {
                inSource = false;
                if (sourceText.trim())
                    sourceRoots.push(sourceText.trim());
            }
        },
        text(text) {
            if (inSource)
                sourceText += text;
        },
        finish() {
            const files = [...byPath.values()].map(({ file, nums, hits }) => ({ ...file, lines: normaliseLines({ nums, hits }) }));
            return { format: 'cobertura', tool, files, sourceRoots, hasBranches };
        }
    };
}
function jacocoReader() {
    const files = [];
    let pkg;
    let current;
    let hasBranches = false;
    return {
        open(name, attrs) {
            if (name === 'package')
                pkg = attrs.name ?? '';
            else if (name === 'sourcefile') {
                if (pkg === undefined)
                    throw new MalformedReport('<sourcefile> outside a <package>');
                if (!attrs.name)
                    throw new MalformedReport('<sourcefile> without a name');
                current = { file: { path: pkg ? `${pkg}/${attrs.name}` : attrs.name }, nums: [], hits: [] };
            }
            else if (name === 'line' && current) {
                const where = `${current.file.path} <line nr="${attrs.nr ?? ''}">`;
                const nr = count(attrs, 'nr', where);
                const mi = count(attrs, 'mi', where);
                const ci = count(attrs, 'ci', where);
                const mb = count(attrs, 'mb', where);
                const cb = count(attrs, 'cb', where);
                // JaCoCo's LINE counter: a line with instructions, covered when one of them ran.
                if (mi + ci > 0) {
                    current.nums.push(nr);
                    current.hits.push(ci);
                }
                if (mb + cb > 0) {
                    if (!current.file.branches)
                        current.file.branches = newSites();
                    addSite(current.file.branches, String(nr), cb, mb + cb);
                }
            }
        },
        close(name) {
            if (name === 'sourcefile' && current) {
                files.push({ ...current.file, lines: normaliseLines({ nums: current.nums, hits: current.hits }) });
                current = undefined;
            }
            else if (name === 'package')
                pkg = undefined;
        },
        text() { },
        finish() {
            // JaCoCo always measures branches (bytecode), so a report without any has none to take.
            hasBranches = true;
            return { format: 'jacoco', files, sourceRoots: [], hasBranches };
        }
    };
}
/** Read a Cobertura or JaCoCo XML report; the root element decides which. */
function readCoverageXml(text) {
    const parser = sax.parser(true, { trim: false, normalize: false, position: true });
    let reader;
    let failure;
    parser.onerror = (error) => {
        failure ??= new MalformedReport(`not well-formed XML (${error.message.split('\n')[0]} at line ${parser.line + 1})`);
        // Stop reading: sax would go on and report the same damage again.
        throw failure;
    };
    parser.onopentag = (node) => {
        const attrs = node.attributes;
        if (!reader) {
            if (node.name === 'coverage')
                reader = coberturaReader();
            else if (node.name === 'report')
                reader = jacocoReader();
            else
                throw new MalformedReport(`XML with root <${node.name}> is neither Cobertura (<coverage>) nor JaCoCo (<report>)`);
        }
        reader.open(node.name, attrs);
    };
    parser.onclosetag = (name) => reader?.close(name);
    parser.ontext = (t) => reader?.text(t);
    try {
        parser.write(text).close();
    }
    catch (error) {
        if (error instanceof MalformedReport)
            throw error;
        throw failure ?? error;
    }
    if (!reader)
        throw new MalformedReport('XML without a root element');
    return reader.finish();
}

;// CONCATENATED MODULE: ./.build/actions/lib/coverage/read-report.js
// Read one coverage report, its format detected from the content (or given): the first characters
// tell XML, JSON, a Go profile or LCOV apart, and the document's own keys or root element the rest.
// Anything unreadable, unknown or empty is a UserError naming the file: never zero coverage, never
// a pass.







const KNOWN = 'LCOV, Cobertura XML, JaCoCo XML, coverage.py JSON, a Go cover profile, Istanbul coverage-final.json or coverage-summary.json';
function detectFormat(text) {
    const head = text.slice(0, 4096).trimStart();
    if (head.startsWith('<'))
        return 'xml';
    if (head.startsWith('{'))
        return 'json';
    if (looksLikeGoProfile(head))
        return 'go';
    if (looksLikeLcov(head))
        return 'lcov';
    return undefined;
}
/** Parse report text; throws MalformedReport (or UserError for an unknown format). */
function parseCoverage(text, format = 'auto') {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body.trim() === '')
        throw new MalformedReport('the file is empty');
    if (body.includes('\u0000'))
        throw new MalformedReport(`a binary file, not a coverage report (${KNOWN})`);
    const kind = format === 'auto' ? detectFormat(body) : format;
    switch (kind) {
        case 'lcov':
            return readLcov(body);
        case 'go':
            return readGoProfile(body);
        case 'xml':
        case 'cobertura':
        case 'jacoco': {
            const parsed = readCoverageXml(body);
            if (kind !== 'xml' && parsed.format !== kind)
                throw new MalformedReport(`format is ${kind}, but the file is ${FORMAT_NAMES[parsed.format]}`);
            return parsed;
        }
        case 'json':
        case 'coveragepy':
        case 'istanbul':
        case 'istanbul-summary': {
            let doc;
            try {
                doc = JSON.parse(body);
            }
            catch (error) {
                throw new MalformedReport(`not valid JSON (${error.message}); truncated?`);
            }
            if (!isObject(doc))
                throw new MalformedReport(`JSON that is not an object, so not ${KNOWN}`);
            if (Object.keys(doc).length === 0)
                throw new MalformedReport('an empty JSON object: the tool measured nothing');
            const detected = isCoveragePy(doc)
                ? 'coveragepy'
                : isIstanbulSummary(doc)
                    ? 'istanbul-summary'
                    : isIstanbulFinal(doc)
                        ? 'istanbul'
                        : undefined;
            if (!detected)
                throw new MalformedReport(`JSON of an unknown shape (keys ${Object.keys(doc).slice(0, 5).join(', ')}); expected ${KNOWN}`);
            if (kind !== 'json' && detected !== kind)
                throw new MalformedReport(`format is ${kind}, but the file is ${FORMAT_NAMES[detected]}`);
            return detected === 'coveragepy' ? readCoveragePy(doc) : detected === 'istanbul' ? readIstanbulFinal(doc) : readIstanbulSummary(doc);
        }
        default:
            throw new MalformedReport(`not a coverage report this gate reads (${KNOWN})`);
    }
}
/** Read and parse a report file; every problem becomes one UserError line naming the file. */
function readCoverageFile(path, format = 'auto') {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            throw new user_error/* UserError */.yo(`${path}: coverage report not found; check that the test step ran and wrote it.`);
        if (code === 'EISDIR')
            throw new user_error/* UserError */.yo(`${path}: a directory, not a coverage report file.`);
        throw new user_error/* UserError */.yo(`${path}: cannot read the coverage report (${code ?? String(error)}).`);
    }
    let parsed;
    try {
        parsed = parseCoverage(text, format);
    }
    catch (error) {
        if (error instanceof MalformedReport)
            throw new user_error/* UserError */.yo(`${path}: ${error.message}.`);
        throw error;
    }
    if (parsed.files.length === 0)
        throw new user_error/* UserError */.yo(`${path}: ${FORMAT_NAMES[parsed.format]} that covers no file at all; the tests measured nothing (check the tool's source or include settings).`);
    return parsed;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./.build/actions/lib/coverage/repo-paths.js
// Report paths to repository paths, the way each format writes them:
// - absolute paths (LCOV from c8/nyc/gcov, Istanbul JSON): made relative to the repository root;
// - paths relative to where the tool ran (coverage.py, LCOV from a package folder of a monorepo):
//   tried against the report's own folder and each folder above it, up to the root;
// - Cobertura: each <source> root joined with the class's filename;
// - Go import paths (example.com/mod/pkg/file.go): the module of a go.mod in the repository
//   whose `module` line prefixes the path;
// - JaCoCo package/sourcefile (com/acme/Cart.java): found under a source folder (src/main/java);
// - otherwise, a report written on another machine (/home/ci/work/app/src/x.py): the longest
//   trailing part of the path that names exactly one repository file, two path segments at least.
// The repository's files are git's (tracked and untracked but not ignored), or, outside a git
// checkout, the files on disk (without .git and node_modules).



class RepoIndex {
    root;
    files;
    byBase;
    modules;
    roots;
    constructor(root, files) {
        this.root = root;
        this.files = new Set(files);
        const real = safeRealpath(root);
        this.roots = [...new Set([(0,external_node_path_.resolve)(root), real].filter(Boolean))];
    }
    /** The repository at `root`: git's file list, else a walk of the folder. */
    static load(root) {
        let listed;
        try {
            const out = (0,external_node_child_process_.execFileSync)('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name'], {
                cwd: root,
                encoding: 'utf8',
                maxBuffer: 512 * 1024 * 1024,
                stdio: ['ignore', 'pipe', 'ignore']
            });
            // ls-files lists paths relative to the repository's top; we work from `root`.
            const top = (0,external_node_child_process_.execFileSync)('git', ['rev-parse', '--show-toplevel'], {
                cwd: root,
                encoding: 'utf8',
                stdio: ['ignore', 'pipe', 'ignore']
            }).trim();
            const prefix = (0,external_node_path_.relative)(safeRealpath(top) ?? top, safeRealpath(root) ?? root)
                .split(external_node_path_.sep)
                .join('/');
            listed = out
                .split('\0')
                .filter(Boolean)
                .filter((f) => !prefix || f.startsWith(`${prefix}/`))
                .map((f) => (prefix ? f.slice(prefix.length + 1) : f));
        }
        catch {
            listed = undefined;
        }
        return new RepoIndex(root, listed ?? walk(root));
    }
    has(path) {
        return this.files.has(path);
    }
    /** A path inside the repository, relative and with forward slashes; undefined when outside. */
    relativeTo(abs) {
        for (const r of this.roots) {
            const rel = (0,external_node_path_.relative)(r, abs);
            if (rel && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel))
                return rel.split(external_node_path_.sep).join('/');
        }
        return undefined;
    }
    /** The single file whose path ends with the longest trailing part of `path` (two segments at least). */
    bySuffix(path) {
        if (!this.byBase) {
            this.byBase = new Map();
            for (const f of this.files) {
                const base = f.slice(f.lastIndexOf('/') + 1);
                const list = this.byBase.get(base);
                if (list)
                    list.push(f);
                else
                    this.byBase.set(base, [f]);
            }
        }
        const parts = path.split('/').filter((p) => p && p !== '.');
        const candidates = this.byBase.get(parts[parts.length - 1] ?? '') ?? [];
        let best;
        let bestDepth = 1;
        let tie = false;
        for (const c of candidates) {
            const cp = c.split('/');
            let depth = 0;
            while (depth < parts.length && depth < cp.length && parts[parts.length - 1 - depth] === cp[cp.length - 1 - depth])
                depth++;
            if (depth > bestDepth) {
                best = c;
                bestDepth = depth;
                tie = false;
            }
            else if (depth === bestDepth && best !== undefined)
                tie = true;
        }
        // A path of one segment may match a lone file of that name; longer ones need two segments.
        if (parts.length === 1 && candidates.length === 1)
            return candidates[0];
        return tie ? undefined : best;
    }
    /** Go modules in the repository: each go.mod's module path and folder. */
    goModules() {
        if (!this.modules) {
            this.modules = [];
            for (const f of this.files) {
                if (f !== 'go.mod' && !f.endsWith('/go.mod'))
                    continue;
                let text = '';
                try {
                    text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(this.root, f), 'utf8');
                }
                catch {
                    continue;
                }
                const m = /^\s*module\s+"?([^\s"]+)"?/m.exec(text);
                if (m)
                    this.modules.push({ module: m[1], dir: external_node_path_.posix.dirname(f) === '.' ? '' : external_node_path_.posix.dirname(f) });
            }
            this.modules.sort((a, b) => b.module.length - a.module.length);
        }
        return this.modules;
    }
}
function safeRealpath(p) {
    try {
        return (0,external_node_fs_.realpathSync)(p);
    }
    catch {
        return undefined;
    }
}
function walk(root) {
    const out = [];
    const visit = (dir, rel) => {
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const e of entries) {
            if (e.name === '.git' || e.name === 'node_modules')
                continue;
            const r = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory())
                visit((0,external_node_path_.join)(dir, e.name), r);
            else if (e.isFile())
                out.push(r);
        }
    };
    if ((0,external_node_fs_.existsSync)(root))
        visit(root, '');
    return out;
}
function normalise(p) {
    let s = p.replace(/\\/g, '/');
    // file:// URLs (some Istanbul setups), and Windows drive letters stay absolute.
    if (s.startsWith('file://'))
        s = decodeURIComponent(s.slice(7));
    return s;
}
const isAbs = (p) => p.startsWith('/') || /^[A-Za-z]:\//.test(p);
/** The repository path a report path names, or undefined when it names no file of the repository. */
function mapReportPath(path, ctx, index) {
    const p = normalise(path);
    const tryRel = (rel) => {
        if (rel === undefined)
            return undefined;
        const clean = external_node_path_.posix.normalize(rel).replace(/^\.\//, '');
        return !clean.startsWith('../') && index.has(clean) ? clean : undefined;
    };
    if (ctx.format === 'go') {
        // GOPATH-less packages outside a module are written as _/<absolute path>.
        const goPath = p.startsWith('_/') ? p.slice(1) : p;
        if (!isAbs(goPath)) {
            for (const { module, dir } of index.goModules()) {
                if (goPath.startsWith(`${module}/`)) {
                    const found = tryRel(external_node_path_.posix.join(dir || '.', goPath.slice(module.length + 1)));
                    if (found)
                        return found;
                }
            }
        }
        else {
            const found = tryRel(index.relativeTo(goPath));
            if (found)
                return found;
        }
    }
    if (isAbs(p)) {
        const found = tryRel(index.relativeTo(p));
        if (found)
            return found;
    }
    else {
        for (const root of ctx.sourceRoots) {
            const r = normalise(root);
            const joined = isAbs(r) ? index.relativeTo(external_node_path_.posix.join(r, p)) : external_node_path_.posix.join(r, p);
            const found = tryRel(joined);
            if (found)
                return found;
        }
        // Relative to where the tool ran: the report's folder or one above it, up to the root.
        const reportDir = (0,external_node_path_.isAbsolute)(ctx.reportPath) ? index.relativeTo((0,external_node_path_.dirname)(ctx.reportPath)) : (0,external_node_path_.dirname)(ctx.reportPath);
        for (let dir = reportDir === undefined ? '.' : reportDir.split(external_node_path_.sep).join('/');; dir = external_node_path_.posix.dirname(dir)) {
            const found = tryRel(external_node_path_.posix.join(dir, p));
            if (found)
                return found;
            if (dir === '.' || dir === '/' || dir === '')
                break;
        }
    }
    return index.bySuffix(p);
}

// EXTERNAL MODULE: ./.build/actions/lib/inputs/parse.js
var parse = __webpack_require__(401);
;// CONCATENATED MODULE: ./.build/actions/lib/coverage/settings.js
// The coverage gate's inputs, parsed once. Action inputs and `sgw coverage` flags share the names.



const settings_CoverageInput = {
    Reports: 'reports',
    Format: 'format',
    MinCoverage: 'min-coverage',
    MinBranchCoverage: 'min-branch-coverage',
    MinDiffCoverage: 'min-diff-coverage',
    Exclude: 'exclude',
    Base: 'base',
    MaxAnnotations: 'max-annotations',
    Summary: 'summary',
    CommentOnPr: 'comment-on-pr',
    GithubToken: 'github-token'
};
const settings_CoverageOutput = {
    Result: 'result',
    LineCoverage: 'line-coverage',
    BranchCoverage: 'branch-coverage',
    DiffCoverage: 'diff-coverage',
    LinesCovered: 'lines-covered',
    LinesTotal: 'lines-total',
    DiffLinesCovered: 'diff-lines-covered',
    DiffLinesTotal: 'diff-lines-total',
    Files: 'files'
};
const DEFAULT_MIN_COVERAGE = 70;
/**
 * New code is held to more than the whole: 80 is SonarQube's "Sonar way" condition on new code,
 * above the 70 overall so that the total rises as code is touched, and short of 100, which makes
 * people test logging and impossible branches for the number's sake.
 */
const DEFAULT_MIN_DIFF_COVERAGE = 80;
/** Tests, fixtures and generated code: not what the gate measures, nor counted when a change touches them. */
const DEFAULT_EXCLUDE = [
    '**/test/**',
    '**/tests/**',
    '**/__tests__/**',
    '**/__mocks__/**',
    '**/testdata/**',
    '**/src/test/**',
    '**/*_test.go',
    '**/*.test.*',
    '**/*.spec.*',
    '**/test_*.py',
    '**/*_test.py',
    '**/conftest.py',
    '**/*.d.ts',
    '**/generated/**',
    '**/*.generated.*',
    '**/*.pb.go',
    '**/*_pb2.py',
    '**/*_pb2_grpc.py',
    '**/vendor/**',
    '**/node_modules/**'
];
/**
 * What counts as a source file when a change touches one that no report mentions: the languages
 * the formats above come from. Anything else (docs, YAML, lockfiles, shell) is not measured.
 */
const SOURCE_EXTENSIONS = [
    '.py',
    '.go',
    '.js',
    '.jsx',
    '.mjs',
    '.cjs',
    '.ts',
    '.tsx',
    '.mts',
    '.cts',
    '.vue',
    '.svelte',
    '.java',
    '.kt',
    '.kts',
    '.scala',
    '.groovy',
    '.cs',
    '.fs',
    '.vb',
    '.c',
    '.cc',
    '.cpp',
    '.cxx',
    '.h',
    '.hh',
    '.hpp',
    '.rs',
    '.swift',
    '.rb',
    '.php',
    '.dart',
    '.ex',
    '.exs'
];
/** A percentage 0..100 (decimals allowed); `none` only where allowed. */
function parsePercent(name, raw, fallback, allowNone) {
    const value = (raw ?? '').trim();
    if (value === '')
        return fallback;
    if (allowNone && value.toLowerCase() === 'none')
        return undefined;
    const n = Number(value.replace(/%$/, ''));
    if (!/^\d+(\.\d+)?%?$/.test(value) || n > 100) {
        throw new user_error/* UserError */.yo(`Input "${name}" must be a percentage from 0 to 100${allowNone ? ' or "none"' : ''}, got "${value}".`);
    }
    return n;
}
function settings_readCoverageSettings(get) {
    const excludeRaw = get(settings_CoverageInput.Exclude);
    return {
        format: (0,parse/* parseChoice */.HU)(settings_CoverageInput.Format, get(settings_CoverageInput.Format), ['auto', ...COVERAGE_FORMATS], 'auto'),
        minCoverage: parsePercent(settings_CoverageInput.MinCoverage, get(settings_CoverageInput.MinCoverage), DEFAULT_MIN_COVERAGE, false),
        minBranchCoverage: parsePercent(settings_CoverageInput.MinBranchCoverage, get(settings_CoverageInput.MinBranchCoverage), undefined, true),
        minDiffCoverage: parsePercent(settings_CoverageInput.MinDiffCoverage, get(settings_CoverageInput.MinDiffCoverage), DEFAULT_MIN_DIFF_COVERAGE, true),
        // An empty input is the default list; "none" excludes nothing.
        exclude: excludeRaw?.trim().toLowerCase() === 'none' ? [] : excludeRaw?.trim() ? (0,parse/* parseList */.E1)(excludeRaw) : DEFAULT_EXCLUDE,
        base: get(settings_CoverageInput.Base)?.trim() || undefined,
        maxAnnotations: (0,parse/* parseWholeNumber */.oA)(settings_CoverageInput.MaxAnnotations, get(settings_CoverageInput.MaxAnnotations), 10)
    };
}
function settings_readCoveragePatterns(get) {
    const patterns = parseList(get(settings_CoverageInput.Reports));
    if (patterns.length === 0)
        throw new UserError(`Input "${settings_CoverageInput.Reports}" is required: one or more coverage report paths or globs (newline- or comma-separated).`);
    return patterns;
}

;// CONCATENATED MODULE: ./.build/actions/lib/coverage/run-coverage.js
// The coverage gate, shared by actions/coverage-gate and `sgw coverage`: read every report, map
// its paths to the repository's files, merge them into one view (several reports, languages or
// packages of a monorepo make one verdict), and judge line, branch and diff coverage.








function run_coverage_formatPercent(c) {
    if (!c || c.total === 0)
        return '';
    return ((100 * c.covered) / c.total).toFixed(2);
}
/** Compiled once: a large report asks for every file, and minimatch compiles per call otherwise. */
function excluder(patterns) {
    const compiled = patterns.map((p) => new esm/* Minimatch */.VR(p, { dot: true }));
    return (path) => compiled.some((m) => m.match(path));
}
function run_coverage_runCoverage(config, index = RepoIndex.load(config.cwd)) {
    const reports = [];
    const merged = new Map();
    const notes = [];
    let measuresBranches = false;
    for (const reportPath of config.reports) {
        const parsed = readCoverageFile(reportPath, config.format);
        const unmapped = [];
        let mappedCount = 0;
        for (const file of parsed.files) {
            const repoPath = mapReportPath(file.path, { format: parsed.format, reportPath, sourceRoots: parsed.sourceRoots }, index);
            if (repoPath)
                mappedCount++;
            else
                unmapped.push(file.path);
            const key = repoPath ?? `\0${file.path}`;
            const had = merged.get(key);
            merged.set(key, had ? { ...had, file: mergeFiles(had.file, file) } : { file, path: repoPath ?? file.path, mapped: repoPath !== undefined });
        }
        if (mappedCount === 0) {
            throw new user_error/* UserError */.yo(`${reportPath}: the ${FORMAT_NAMES[parsed.format]} report covers none of this repository's files (it names ${parsed.files[0].path}${parsed.files.length > 1 ? ` and ${parsed.files.length - 1} more` : ''}); run the gate in the checkout the tests ran in.`);
        }
        measuresBranches ||= parsed.hasBranches;
        reports.push({ path: reportPath, format: parsed.format, tool: parsed.tool, files: parsed.files.length, unmapped });
    }
    const files = [];
    const isExcluded = excluder(config.exclude);
    const excluded = { files: 0, lines: 0 };
    const lines = { covered: 0, total: 0 };
    let branches;
    for (const m of merged.values()) {
        const lc = lineCounter(m.file);
        if (isExcluded(m.path)) {
            excluded.files++;
            excluded.lines += lc.total;
            continue;
        }
        const bc = branchCounter(m.file);
        lines.covered += lc.covered;
        lines.total += lc.total;
        if (bc) {
            branches ??= { covered: 0, total: 0 };
            branches.covered += bc.covered;
            branches.total += bc.total;
        }
        const uncovered = [];
        if (m.file.lines)
            for (let i = 0; i < m.file.lines.nums.length; i++)
                if (m.file.lines.hits[i] === 0)
                    uncovered.push(m.file.lines.nums[i]);
        files.push({ path: m.path, mapped: m.mapped, lines: lc, branches: bc, uncovered });
    }
    if (lines.total === 0) {
        throw new user_error/* UserError */.yo(`The coverage reports hold no coverable line${excluded.files ? ` once "exclude" leaves out ${excluded.files} file(s)` : ''}; the tests measured nothing, or exclude is too wide.`);
    }
    if (!branches && measuresBranches)
        branches = { covered: 0, total: 0 };
    files.sort((a, b) => b.lines.total - b.lines.covered - (a.lines.total - a.lines.covered) || a.path.localeCompare(b.path));
    const unmappedCount = reports.reduce((n, r) => n + r.unmapped.length, 0);
    if (unmappedCount)
        notes.push(`${unmappedCount} report path(s) name no file of this repository; they count in the totals as the tool measured them, but not in diff coverage.`);
    const diff = config.changes ? diffCoverage(config.changes, merged, config, isExcluded) : undefined;
    const breaches = [];
    if (below(lines, config.minCoverage))
        breaches.push(`line coverage ${run_coverage_formatPercent(lines)} % < ${config.minCoverage} %`);
    if (config.minBranchCoverage !== undefined) {
        if (!branches || branches.total === 0) {
            breaches.push(`min-branch-coverage is ${config.minBranchCoverage} %, but no report measures branches (Go cover profiles never do; coverage.py needs --branch)`);
        }
        else if (below(branches, config.minBranchCoverage))
            breaches.push(`branch coverage ${run_coverage_formatPercent(branches)} % < ${config.minBranchCoverage} %`);
    }
    if (diff && config.minDiffCoverage !== undefined && diff.total > 0 && below(diff, config.minDiffCoverage)) {
        breaches.push(`diff coverage ${run_coverage_formatPercent(diff)} % < ${config.minDiffCoverage} % (${diff.total - diff.covered} of ${diff.total} changed lines not covered)`);
    }
    if (diff && diff.total === 0)
        notes.push(`${diff.base.describe} changes no coverable line of source code, so diff coverage does not apply.`);
    return {
        result: breaches.length ? 'fail' : 'pass',
        reports,
        files,
        lines,
        branches,
        diff,
        thresholds: { line: config.minCoverage, branch: config.minBranchCoverage, diff: diff ? config.minDiffCoverage : undefined },
        breaches,
        excluded,
        notes
    };
}
function diffCoverage(changes, merged, config, isExcluded) {
    const out = [];
    let excluded = 0;
    for (const [path, changed] of changes.files) {
        const dot = path.lastIndexOf('.');
        if (dot === -1 || !SOURCE_EXTENSIONS.includes(path.slice(dot).toLowerCase()))
            continue;
        if (isExcluded(path)) {
            excluded++;
            continue;
        }
        const entry = merged.get(path);
        if (entry?.file.lines) {
            const lines = entry.file.lines;
            const uncovered = [];
            let covered = 0;
            for (const l of changed) {
                const h = hitsAt(lines, l);
                if (h === undefined)
                    continue;
                if (h > 0)
                    covered++;
                else
                    uncovered.push(l);
            }
            if (covered + uncovered.length)
                out.push({ path, covered, uncovered });
            continue;
        }
        // No line data: every changed line with code on it counts as not covered (fail closed).
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(config.cwd, path), 'utf8').split('\n');
        }
        catch {
            text = undefined;
        }
        const uncovered = changed.filter((l) => (text ? (text[l - 1] ?? '').trim() !== '' : true));
        if (uncovered.length)
            out.push({ path, covered: 0, uncovered, reason: entry ? 'its report has totals only' : 'no report mentions it' });
    }
    out.sort((a, b) => b.uncovered.length - a.uncovered.length || a.path.localeCompare(b.path));
    const covered = out.reduce((n, f) => n + f.covered, 0);
    const total = out.reduce((n, f) => n + f.covered + f.uncovered.length, 0);
    return { base: changes.base, mergeBase: changes.mergeBase, covered, total, files: out, excluded };
}

;// CONCATENATED MODULE: ./.build/actions/lib/coverage/report.js
// What the coverage gate shows: the job summary and PR comment section (markdown), the CLI's text,
// the JSON document, and the few annotations worth a place in the diff view.



const TABLE_ROWS = 25;
const DIFF_ROWS = 25;
const pct = (c) => (c && c.total ? `${run_coverage_formatPercent(c)} %` : 'n/a');
const cell = (c) => (c && c.total ? `${run_coverage_formatPercent(c)} % (${c.covered}/${c.total})` : '–');
function report_status(c, min) {
    if (min === undefined || !c || c.total === 0)
        return '';
    return (100 * c.covered) / c.total + 1e-9 >= min ? '✓' : '❌ under';
}
function report_link(path, line, ctx) {
    const shown = (0,markdown/* esc */.U)(path);
    if (!ctx.repoUrl)
        return `\`${shown}\``;
    const url = `${ctx.repoUrl.server}/${ctx.repoUrl.repository}/blob/${ctx.repoUrl.sha}/${path.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}`;
    return `[${shown}](${url})`;
}
function report_coverageMarkdown(outcome, ctx = {}) {
    const title = ctx.title ?? 'Coverage gate';
    const lines = [];
    const t = outcome.thresholds;
    lines.push(`## ${outcome.result === 'pass' ? '✅' : '❌'} ${title} ${outcome.result === 'pass' ? 'passed' : 'failed'}: \`${outcome.result}\``);
    lines.push('');
    const what = outcome.reports.map((r) => `${(0,markdown/* esc */.U)(r.path)} (${FORMAT_NAMES[r.format]}${r.tool ? `, ${(0,markdown/* esc */.U)(r.tool)}` : ''})`).join(', ');
    lines.push(`${outcome.files.length} file(s) from ${outcome.reports.length} report(s): ${what}.`);
    lines.push('');
    lines.push('| Measure | Coverage | Minimum | Status |');
    lines.push('|---|---:|---:|---|');
    lines.push(`| Lines | ${cell(outcome.lines)} | ${t.line} % | ${report_status(outcome.lines, t.line)} |`);
    if (outcome.branches)
        lines.push(`| Branches | ${cell(outcome.branches)} | ${t.branch === undefined ? '–' : `${t.branch} %`} | ${report_status(outcome.branches, t.branch)} |`);
    else if (t.branch !== undefined)
        lines.push(`| Branches | not measured | ${t.branch} % | ❌ under |`);
    if (outcome.diff) {
        const d = outcome.diff;
        lines.push(`| Changed lines (${(0,markdown/* esc */.U)(d.base.describe)}) | ${d.total ? cell(d) : 'none to cover'} | ${t.diff === undefined ? '–' : `${t.diff} %`} | ${report_status(d, t.diff)} |`);
    }
    lines.push('');
    if (outcome.breaches.length) {
        lines.push('### Why it failed');
        for (const b of outcome.breaches)
            lines.push(`- ${(0,markdown/* esc */.U)(b)}`);
        lines.push('');
    }
    if (outcome.diff && outcome.diff.files.some((f) => f.uncovered.length)) {
        const d = outcome.diff;
        const missing = d.files.filter((f) => f.uncovered.length);
        lines.push(`### Changed lines not covered (${d.total - d.covered} in ${missing.length} file(s))`);
        lines.push('');
        lines.push('| File | Not covered | Lines |');
        lines.push('|---|---:|---|');
        for (const f of missing.slice(0, DIFF_ROWS))
            lines.push(`| ${report_link(f.path, f.uncovered[0], ctx)} | ${f.uncovered.length} | ${diffCell(f)} |`);
        if (missing.length > DIFF_ROWS)
            lines.push(`| … ${missing.length - DIFF_ROWS} more file(s) | | |`);
        lines.push('');
    }
    lines.push(`### Files, most uncovered lines first`);
    lines.push('');
    lines.push('| File | Lines | Branches | Not covered |');
    lines.push('|---|---:|---:|---|');
    for (const f of outcome.files.slice(0, TABLE_ROWS)) {
        const where = f.mapped ? report_link(f.path, f.uncovered[0], ctx) : `${(0,markdown/* esc */.U)(f.path)} (not in this repository)`;
        lines.push(`| ${where} | ${cell(f.lines)} | ${cell(f.branches)} | ${(0,markdown/* esc */.U)(ranges(f.uncovered, 8))} |`);
    }
    if (outcome.files.length > TABLE_ROWS)
        lines.push(`| … ${outcome.files.length - TABLE_ROWS} more file(s), better covered | | | |`);
    lines.push('');
    const notes = [...outcome.notes];
    if (outcome.excluded.files)
        notes.push(`${outcome.excluded.files} file(s) (${outcome.excluded.lines} line(s)) left out by \`exclude\`.`);
    if (outcome.diff?.excluded)
        notes.push(`${outcome.diff.excluded} changed file(s) left out of diff coverage by \`exclude\`.`);
    for (const r of outcome.reports)
        if (r.unmapped.length)
            notes.push(`${(0,markdown/* esc */.U)(r.path)}: ${r.unmapped.length} path(s) not found in the repository, e.g. \`${(0,markdown/* esc */.U)(r.unmapped[0])}\`.`);
    if (notes.length) {
        lines.push('### Notes');
        for (const n of notes)
            lines.push(`- ${n}`);
        lines.push('');
    }
    if (outcome.result === 'fail') {
        lines.push('### What to do next');
        lines.push('- Add tests for the lines listed above, or lower the minimum in the workflow (a change a reviewer sees).');
        if (outcome.diff?.files.some((f) => f.reason))
            lines.push('- A changed file no report mentions counts as not covered: add its report, or `exclude` it if it is not code under test.');
        if (ctx.reproduce)
            lines.push(`- Reproduce locally: \`${ctx.reproduce}\``);
        lines.push('');
    }
    return lines.join('\n');
}
function diffCell(f) {
    return f.reason ? `all ${f.uncovered.length} changed line(s): ${f.reason}` : (0,markdown/* esc */.U)(ranges(f.uncovered, 10));
}
function coverageText(outcome) {
    const out = [];
    out.push(`Coverage gate: ${outcome.result.toUpperCase()}`);
    out.push(`  lines     ${pct(outcome.lines).padStart(9)}  (${outcome.lines.covered}/${outcome.lines.total}, minimum ${outcome.thresholds.line} %)`);
    if (outcome.branches)
        out.push(`  branches  ${pct(outcome.branches).padStart(9)}  (${outcome.branches.covered}/${outcome.branches.total}${outcome.thresholds.branch === undefined ? '' : `, minimum ${outcome.thresholds.branch} %`})`);
    if (outcome.diff)
        out.push(`  changed   ${pct(outcome.diff).padStart(9)}  (${outcome.diff.covered}/${outcome.diff.total} lines of ${outcome.diff.base.describe}${outcome.thresholds.diff === undefined ? '' : `, minimum ${outcome.thresholds.diff} %`})`);
    for (const b of outcome.breaches)
        out.push(`  breach: ${b}`);
    for (const f of outcome.diff?.files.filter((x) => x.uncovered.length).slice(0, DIFF_ROWS) ?? [])
        out.push(`  not covered: ${f.path} ${f.reason ? `(${f.reason})` : ranges(f.uncovered, 10)}`);
    for (const n of outcome.notes)
        out.push(`  note: ${n}`);
    return `${out.join('\n')}\n`;
}
function coverageJson(outcome) {
    const rate = (c) => (c && c.total ? Number(((100 * c.covered) / c.total).toFixed(4)) : null);
    return {
        result: outcome.result,
        lines: { ...outcome.lines, percent: rate(outcome.lines) },
        branches: outcome.branches ? { ...outcome.branches, percent: rate(outcome.branches) } : null,
        diff: outcome.diff
            ? {
                base: outcome.diff.base.sha,
                mergeBase: outcome.diff.mergeBase,
                covered: outcome.diff.covered,
                total: outcome.diff.total,
                percent: rate(outcome.diff),
                files: outcome.diff.files.map((f) => ({ path: f.path, covered: f.covered, uncovered: f.uncovered, reason: f.reason ?? null }))
            }
            : null,
        thresholds: { line: outcome.thresholds.line, branch: outcome.thresholds.branch ?? null, diff: outcome.thresholds.diff ?? null },
        breaches: outcome.breaches,
        reports: outcome.reports.map((r) => ({
            path: r.path,
            format: r.format,
            tool: r.tool ?? null,
            files: r.files,
            unmapped: r.unmapped.length
        })),
        files: outcome.files.map((f) => ({ path: f.path, inRepository: f.mapped, lines: f.lines, branches: f.branches ?? null })),
        excluded: outcome.excluded,
        notes: outcome.notes
    };
}
/** Uncovered changed lines as ranges, most uncovered files first, at most `limit` of them. */
function report_uncoveredAnnotations(outcome, limit) {
    const all = [];
    for (const f of outcome.diff?.files ?? []) {
        if (f.reason) {
            all.push({
                file: f.path,
                startLine: f.uncovered[0],
                endLine: f.uncovered[0],
                message: `${f.uncovered.length} changed line(s) count as not covered: ${f.reason}.`
            });
            continue;
        }
        for (let i = 0; i < f.uncovered.length;) {
            let j = i;
            while (j + 1 < f.uncovered.length && f.uncovered[j + 1] === f.uncovered[j] + 1)
                j++;
            const n = j - i + 1;
            all.push({
                file: f.path,
                startLine: f.uncovered[i],
                endLine: f.uncovered[j],
                message: n === 1 ? 'This changed line is not covered by tests.' : `These ${n} changed lines are not covered by tests.`
            });
            i = j + 1;
        }
    }
    return { shown: all.slice(0, limit), more: Math.max(0, all.length - limit) };
}

// EXTERNAL MODULE: ./.build/actions/lib/inputs/globs.js
var globs = __webpack_require__(2653);
// EXTERNAL MODULE: ./.build/actions/lib/policy/review.js
var review = __webpack_require__(1393);
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
const GATE_ORDER = (/* unused pure expression or super */ null && (['security-gate', 'coverage-gate']));
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
async function pr_comment_commentSectionOnPr(section, token) {
    // Loaded here, not at start: the Octokit stack costs every gate's start-up, and only a comment
    // needs it.
    const github = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const pr = github.context.payload.pull_request;
    if (!pr) {
        core.info('comment-on-pr: not a pull request event; no comment written.');
        return;
    }
    if (!token) {
        core.warning('comment-on-pr is true but github-token is empty; no PR comment written.');
        return;
    }
    try {
        const octokit = github.getOctokit(token);
        const { owner, repo } = github.context.repo;
        const done = await upsertSection(octokit, { owner, repo, issueNumber: pr.number }, section);
        core.info(`PR comment ${done.action} (#${pr.number}, comment ${done.id}).`);
    }
    catch (error) {
        const status = error.status;
        core.warning(`Could not write the PR comment${status ? ` (HTTP ${status})` : ''}: give the job \`pull-requests: write\` permission, or set comment-on-pr: false.`);
    }
}

;// CONCATENATED MODULE: ./.build/actions/coverage-gate/main.js
// actions/coverage-gate: gate on the coverage reports the test step wrote. Inputs in, domain
// (actions/lib/coverage) in the middle, outputs, summary, annotations and the PR section out.











/** Expand paths and globs (inputs/globs.ts); a pattern that matches no file is an error. */
function resolveCoverageReports(patterns, inputName = settings_CoverageInput.Reports) {
    return (0,globs/* resolveReportPaths */.T)(patterns, inputName, 'coverage report');
}
/** The base whose changes diff coverage measures: `base` if given, else the event's, else none. */
function diffBase(settings, event) {
    if (settings.minDiffCoverage === undefined)
        return undefined;
    if (settings.base)
        return { sha: settings.base, describe: `the change since ${settings.base}` };
    return (0,review/* reviewBaseFor */.j)(event.eventName, (event.payload ?? {}));
}
function setCoverageOutputs(outcome) {
    core.setOutput(CoverageOutput.Result, outcome?.result ?? 'fail');
    core.setOutput(CoverageOutput.LineCoverage, formatPercent(outcome?.lines));
    core.setOutput(CoverageOutput.BranchCoverage, formatPercent(outcome?.branches));
    core.setOutput(CoverageOutput.DiffCoverage, formatPercent(outcome?.diff));
    core.setOutput(CoverageOutput.LinesCovered, outcome ? outcome.lines.covered : '');
    core.setOutput(CoverageOutput.LinesTotal, outcome ? outcome.lines.total : '');
    core.setOutput(CoverageOutput.DiffLinesCovered, outcome ? (outcome.diff?.covered ?? 0) : '');
    core.setOutput(CoverageOutput.DiffLinesTotal, outcome ? (outcome.diff?.total ?? 0) : '');
    core.setOutput(CoverageOutput.Files, outcome ? outcome.files.length : '');
}
async function runCoverageGate() {
    await runAction(async () => {
        const settings = readCoverageSettings(input);
        const patterns = readCoveragePatterns(input);
        const writeSummary = parseBoolean(CoverageInput.Summary, input(CoverageInput.Summary), true);
        const comment = parseBoolean(CoverageInput.CommentOnPr, input(CoverageInput.CommentOnPr), false);
        const token = input(CoverageInput.GithubToken).trim() || undefined;
        if (token)
            core.setSecret(token);
        const cwd = process.cwd();
        const reports = await resolveCoverageReports(patterns);
        const base = diffBase(settings, runnerEvent());
        const changes = base ? await changedLines(new GitReader(cwd), base) : undefined;
        const outcome = await core.group(`Reading ${reports.length} coverage report(s)`, async () => {
            const result = runCoverage({ ...settings, reports, cwd, changes });
            for (const r of result.reports)
                core.info(`${r.path}: ${r.format}${r.tool ? ` (${r.tool})` : ''}, ${r.files} file(s)${r.unmapped.length ? `, ${r.unmapped.length} not in this repository` : ''}`);
            return result;
        });
        setCoverageOutputs(outcome);
        const { server, repository, sha } = {
            server: process.env.GITHUB_SERVER_URL,
            repository: process.env.GITHUB_REPOSITORY,
            sha: process.env.GITHUB_SHA
        };
        const markdown = coverageMarkdown(outcome, {
            repoUrl: server && repository && sha ? { server, repository, sha } : undefined,
            reproduce: `sgw coverage ${reports.map((r) => `--reports ${r}`).join(' ')} --min-coverage ${settings.minCoverage}${base ? ` --base ${base.sha.slice(0, 12)}` : ''}`
        });
        if (writeSummary)
            await core.summary.addRaw(markdown).write();
        const notes = uncoveredAnnotations(outcome, settings.maxAnnotations);
        for (const a of notes.shown)
            core.warning(a.message, { title: 'Not covered', file: a.file, startLine: a.startLine, endLine: a.endLine });
        if (notes.more)
            core.info(`${notes.more} more range(s) of uncovered changed lines are listed in the job summary, not annotated.`);
        if (comment)
            await commentSectionOnPr({ gate: 'coverage-gate', key: process.env.GITHUB_WORKFLOW ?? 'workflow', body: markdown }, token);
        const figures = [`lines ${formatPercent(outcome.lines)} %`];
        if (outcome.branches?.total)
            figures.push(`branches ${formatPercent(outcome.branches)} %`);
        if (outcome.diff?.total)
            figures.push(`changed lines ${formatPercent(outcome.diff)} %`);
        const line = `Coverage gate: ${outcome.result} (${figures.join(', ')})`;
        if (outcome.result === 'fail')
            core.setFailed(`${line}: ${outcome.breaches.join('; ')}. See the job summary.`);
        else
            core.info(line);
    }, () => setCoverageOutputs(undefined));
}

;// CONCATENATED MODULE: ./.build/actions/lib/coverage/changed-lines.js
// The lines a pull request adds or changes, from git: the merge base of the pull request's base
// and the checkout's HEAD, diffed (no context, renames followed) against the working tree the tests
// ran on, so the line numbers are the ones the coverage report uses, whether the checkout is the
// pull request's head or GitHub's merge commit.

/** C-style quoted paths ("a\tb", "caf\303\251") as git writes them for unusual characters. */
function unquote(path) {
    if (!path.startsWith('"'))
        return path;
    const bytes = [];
    const body = path.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c !== '\\') {
            bytes.push(...Buffer.from(c, 'utf8'));
            continue;
        }
        const next = body[++i];
        const simple = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
        if (next in simple)
            bytes.push(simple[next]);
        else if (/[0-7]/.test(next)) {
            bytes.push(parseInt(body.slice(i, i + 3), 8));
            i += 2;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
/** Parse `git diff -U0` output into the added line numbers per new path. */
function parseUnifiedDiff(diff) {
    const files = new Map();
    let current;
    for (const line of diff.split('\n')) {
        if (line.startsWith('+++ ')) {
            const target = line.slice(4).replace(/\t$/, '');
            if (target === '/dev/null')
                current = undefined;
            else {
                const path = unquote(target).replace(/^b\//, '');
                current = files.get(path) ?? [];
                files.set(path, current);
            }
        }
        else if (line.startsWith('@@ ') && current) {
            // @@ -a[,b] +c[,d] @@: d lines from c were added (d defaults to 1; 0 is a pure deletion).
            const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
            if (!m)
                continue;
            const start = Number(m[1]);
            const count = m[2] === undefined ? 1 : Number(m[2]);
            for (let i = 0; i < count; i++)
                current.push(start + i);
        }
    }
    for (const [path, lines] of files) {
        if (lines.length === 0)
            files.delete(path);
        else
            lines.sort((a, b) => a - b);
    }
    return files;
}
async function changed_lines_changedLines(git, base) {
    if ((await git.git(['rev-parse', '--is-inside-work-tree'], [0, 128])).code !== 0) {
        throw new user_error/* UserError */.yo(`${git.cwd} is not a git checkout, so the lines ${base.describe} changes are unknown; check out the repository (fetch-depth: 0) before the coverage gate.`);
    }
    if (!(await git.hasCommit(base.sha))) {
        throw new user_error/* UserError */.yo(`The base commit ${base.sha.slice(0, 12)} of ${base.describe} is not in the checkout, so diff coverage cannot be measured; set fetch-depth: 0 on actions/checkout (or min-diff-coverage: none).`);
    }
    const mb = await git.git(['merge-base', base.sha, 'HEAD'], [0, 1]);
    if (mb.code !== 0 || !mb.stdout.trim()) {
        throw new user_error/* UserError */.yo(`${base.describe}: the base commit ${base.sha.slice(0, 12)} and HEAD share no history (a shallow clone?); set fetch-depth: 0 on actions/checkout.`);
    }
    const mergeBase = mb.stdout.trim();
    // Prefixes, renames and quoting set explicitly: a user's diff.noprefix or diff.renames must not
    // change what we read.
    const diff = await git.git([
        '-c',
        'core.quotePath=true',
        'diff',
        '-U0',
        '--no-color',
        '--no-ext-diff',
        '--find-renames',
        '--relative',
        '--src-prefix=a/',
        '--dst-prefix=b/',
        mergeBase,
        '--'
    ]);
    return { base, mergeBase, files: parseUnifiedDiff(diff.stdout) };
}

// EXTERNAL MODULE: ./.build/actions/cli/args.js
var cli_args = __webpack_require__(2994);
;// CONCATENATED MODULE: ./.build/actions/cli/coverage-command.js
// `sgw coverage`: the coverage gate on local reports, with the action's engine and input names.
// `--base origin/main` measures the working tree's change since that ref, as on a pull request.











const COVERAGE_HELP = `Usage: sgw coverage --reports FILE [--reports FILE ...] [options]

Reads LCOV, Cobertura XML, JaCoCo XML, coverage.py JSON, Go cover profiles and Istanbul
coverage-final.json / coverage-summary.json (detected from content), merges them into one view of
the repository, and judges line, branch and diff coverage, as actions/coverage-gate does in CI.

  --reports FILE                 a report file or glob (repeatable; also --report)
  --format F                     auto (default), lcov, cobertura, jacoco, coveragepy, go, istanbul,
                                 istanbul-summary
  --min-coverage P               least line coverage in percent (default 70)
  --min-branch-coverage P|none   least branch coverage (default none)
  --min-diff-coverage P|none     least coverage of the changed lines (default 80) when there is a
                                 base: --base, or a pull request on a runner
  --base REF                     measure the change since the merge base of REF and HEAD
  --exclude GLOBS|none           paths left out (default: tests, test data, generated, vendor)
  --json-output FILE             write the JSON document to FILE as well (also --json-out)
  --output text|json|markdown    what to print on stdout (default text)

Exit status: 0 pass, 1 fail, 2 usage or input error (an unreadable report, one that covers no
file of this repository, a base commit missing from the clone).
`;
const VALUE_FLAGS = [settings_CoverageInput.Reports, 'output', 'json-output', ...Object.values(settings_CoverageInput).filter((n) => n !== settings_CoverageInput.Reports)];
/** The flags' earlier names, still accepted (as sgw gate's). */
const ALIASES = { report: settings_CoverageInput.Reports, 'json-out': 'json-output' };
const ACTION_ONLY = [
    settings_CoverageInput.Summary,
    settings_CoverageInput.CommentOnPr,
    settings_CoverageInput.GithubToken,
    settings_CoverageInput.MaxAnnotations
];
async function coverageCommand(argv, out) {
    const args = (0,cli_args/* parseArgs */.Z)(argv, { values: VALUE_FLAGS.filter((f) => !ACTION_ONLY.includes(f)), repeatable: [settings_CoverageInput.Reports], switches: ['help'], aliases: ALIASES }, 'coverage');
    if (args.switches.has('help')) {
        out(COVERAGE_HELP);
        return 0;
    }
    if (args.positional.length)
        throw new user_error/* UserError */.yo(`unexpected argument "${args.positional[0]}"; reports are given with --reports FILE.`);
    const one = (name) => args.values.get(name)?.[0];
    const settings = settings_readCoverageSettings(one);
    const output = (0,parse/* parseChoice */.HU)('output', one('output'), ['text', 'json', 'markdown'], 'text');
    const patterns = args.values.get(settings_CoverageInput.Reports) ?? [];
    if (patterns.length === 0)
        throw new user_error/* UserError */.yo('give at least one --reports FILE.');
    const reports = await resolveCoverageReports(patterns, '--reports');
    const cwd = process.cwd();
    const base = diffBase(settings, (0,action_event/* runnerEvent */.j)());
    const changes = base ? await changed_lines_changedLines(new review/* GitReader */.A7(cwd), base) : undefined;
    const outcome = run_coverage_runCoverage({ ...settings, reports, cwd, changes });
    const json = coverageJson(outcome);
    const jsonOut = one('json-output');
    if (jsonOut)
        (0,external_node_fs_.writeFileSync)(jsonOut, `${JSON.stringify(json, null, 2)}\n`);
    if (output === 'json')
        out(`${JSON.stringify(json)}\n`);
    else if (output === 'markdown')
        out(report_coverageMarkdown(outcome));
    else
        out(coverageText(outcome));
    return outcome.result === 'fail' ? 1 : 0;
}


/***/ })

};
