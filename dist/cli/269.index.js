export const id = 269;
export const ids = [269];
export const modules = {

/***/ 1113:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ runnerEvent)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3594);
// The event that started the workflow, as the runner gives it: GITHUB_EVENT_NAME and the payload
// file at GITHUB_EVENT_PATH. Outside a runner (the CLI on a laptop) there is no event.


/** Gives the event name ('' outside a runner) and its parsed payload ({} when there is none);
 * throws a UserError when the payload file exists but is not JSON. */
function runnerEvent(env = process.env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        return { eventName: env.GITHUB_EVENT_NAME ?? '', payload: {} };
    try {
        return { eventName: env.GITHUB_EVENT_NAME ?? '', payload: JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8')) };
    }
    catch {
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`GITHUB_EVENT_PATH (${path}) is not a JSON event payload.`);
    }
}


/***/ }),

/***/ 2789:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ fingerprintOf)
/* harmony export */ });
function fingerprintOf(a, b, c, d, e, f, g) {
    state1 = 0xdeadbeef;
    state2 = 0x41c6ce57;
    mix(a);
    mix(b);
    mix(c);
    mix(d);
    mix(e);
    mix(f);
    mix(g);
    const h1 = Math.imul(state1 ^ (state1 >>> 16), 2246822507) ^ Math.imul(state2 ^ (state2 >>> 13), 3266489909);
    const h2 = Math.imul(state2 ^ (state2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return hex8(h2) + hex8(h1);
}
let state1 = 0;
let state2 = 0;
function mix(part) {
    const s = part === undefined ? '' : typeof part === 'string' ? part : String(part);
    let h1 = state1;
    let h2 = state2;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
    }
    // A separator no string part can contain keeps ("ab", "c") apart from ("a", "bc").
    state1 = Math.imul(h1 ^ 0x10001, 2654435761);
    state2 = Math.imul(h2 ^ 0x10001, 1597334677);
}
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hex8(n) {
    return HEX[(n >>> 24) & 255] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
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

/***/ 9423:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HR: () => (/* binding */ severityFromCvss),
/* harmony export */   MY: () => (/* binding */ unknownSeverity),
/* harmony export */   p4: () => (/* binding */ severityFromName)
/* harmony export */ });
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3594);

const NAMES = {
    critical: 'critical',
    high: 'high',
    medium: 'medium',
    moderate: 'medium',
    low: 'low',
    info: 'info',
    informational: 'info',
    negligible: 'info',
    unknown: 'unknown'
};
/** A tool's severity name (CRITICAL, High, moderate...) as our severity, or undefined. */
const EXACT = { CRITICAL: 'critical', HIGH: 'high', MEDIUM: 'medium', LOW: 'low', UNKNOWN: 'unknown' };
function severityFromName(name) {
    if (typeof name !== 'string')
        return undefined;
    // The upper-case names trivy prints take the fast path; large reports hold thousands of them.
    return EXACT[name] ?? NAMES[name.trim().toLowerCase()];
}
/** The error for a severity name a tool is not allowed to print. Callers write
 * `severityFromName(x) ?? unknownSeverity(...)` so the message is only built on that path. */
function unknownSeverity(name, where) {
    throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${where}: unknown severity ${JSON.stringify(name)}; expected CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN.`);
}
/** CVSS score to severity, as code scanning reads `security-severity`. */
function severityFromCvss(score) {
    if (score >= 9)
        return 'critical';
    if (score >= 7)
        return 'high';
    if (score >= 4)
        return 'medium';
    if (score > 0)
        return 'low';
    return 'info';
}


/***/ }),

/***/ 6197:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ parseTrivy),
/* harmony export */   W: () => (/* binding */ canonicalTrivyCheckId)
/* harmony export */ });
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2789);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1468);
/* harmony import */ var _report_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3228);
/* harmony import */ var _severity_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9423);
// trivy JSON, SchemaVersion 2: Results[].Vulnerabilities / Misconfigurations (FAIL) / Secrets /
// Licenses (the finding lists of trivy's types.Result, pkg/types/report.go). A list this reader does
// not know is refused by name, so a finding class added by a later trivy can never pass unread.




/**
 * trivy's check ids changed shape: `AVD-AWS-0086` and `DS002`/`KSV001` became `AWS-0086`,
 * `DS-0002`, `KSV-0001`. Every form maps to the new one so fingerprints and exceptions survive an
 * upgrade of trivy.
 */
function canonicalTrivyCheckId(id) {
    const avd = /^AVD-([A-Z0-9]+)-(\d+)$/.exec(id);
    if (avd)
        return `${avd[1]}-${avd[2]}`;
    const short = /^([A-Z]+)(\d{3})$/.exec(id);
    if (short)
        return `${short[1]}-${short[2].padStart(4, '0')}`;
    return id;
}
const FILE_CLASSES = new Set(['lang-pkgs', 'config', 'secret', 'license-file']);
/** Lists of a Result that hold findings, and those that do not (inventory, trivy's own
 * suppressed findings under --show-suppressed, custom post-analyser output). */
const FINDING_LISTS = new Set(['Vulnerabilities', 'Misconfigurations', 'Secrets', 'Licenses']);
const OTHER_LISTS = new Set(['Packages', 'CustomResources', 'ModifiedFindings', 'ExperimentalModifiedFindings']);
function parseTrivy(doc, path) {
    if (doc.SchemaVersion !== 2) {
        throw (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .reportError */ .N7)(path, `trivy report has SchemaVersion ${JSON.stringify(doc.SchemaVersion)}; only SchemaVersion 2 (trivy 0.20 and later, --format json) is read.`);
    }
    // trivy omits Results when nothing was found; present, it must be a list (null never is).
    const results = 'Results' in doc ? doc.Results : [];
    if (!Array.isArray(results))
        throw (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .reportError */ .N7)(path, 'trivy report: "Results" is not an array.');
    const findings = [];
    const notes = [];
    let suppressed = 0;
    const shownSuppressed = [];
    const artifact = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(doc.ArtifactName);
    for (let r = 0; r < results.length; r++) {
        const result = results[r];
        if (!(0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(result))
            throw (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .reportError */ .N7)(path, `trivy report: Results[${r}] is not an object.`);
        const target = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(result.Target) ?? artifact ?? '';
        const file = typeof result.Class === 'string' && FILE_CLASSES.has(result.Class) ? target : undefined;
        const where = `${path}: Results[${r}]`;
        const vulns = listOf(result.Vulnerabilities, `${where}.Vulnerabilities`, path);
        for (let i = 0; i < vulns.length; i++) {
            const v = vulns[i];
            const id = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.VulnerabilityID);
            if (!id)
                throw (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .reportError */ .N7)(path, `trivy report: Results[${r}].Vulnerabilities[${i}] has no VulnerabilityID.`);
            const severity = (0,_severity_names_js__WEBPACK_IMPORTED_MODULE_2__/* .severityFromName */ .p4)(v.Severity) ?? (0,_severity_names_js__WEBPACK_IMPORTED_MODULE_2__/* .unknownSeverity */ .MY)(v.Severity, `${where}.Vulnerabilities[${i}]`);
            findings.push(new TrivyVulnerability(v, id, severity, target, file));
        }
        refuseUnknownLists(result, r, path);
        const misconfigs = listOf(result.Misconfigurations, `${where}.Misconfigurations`, path);
        const uncounted = checkMisconfSummary(result.MisconfSummary, misconfigs, r, path);
        if (uncounted)
            notes.push(uncounted);
        for (let i = 0; i < misconfigs.length; i++) {
            const m = misconfigs[i];
            if (m.Status !== 'FAIL') {
                // PASS and EXCEPTION (excepted in trivy's own config) do not count; anything else is not
                // a status trivy prints, so the report is not what it claims to be.
                if (m.Status === 'PASS' || m.Status === 'EXCEPTION')
                    continue;
                throw (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .reportError */ .N7)(path, `trivy report: Results[${r}].Misconfigurations[${i}] has unknown Status ${JSON.stringify(m.Status)}.`);
            }
            const raw = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.ID) ?? (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.AVDID);
            if (!raw)
                throw (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .reportError */ .N7)(path, `trivy report: Results[${r}].Misconfigurations[${i}] has no ID.`);
            const id = canonicalTrivyCheckId(raw);
            const cause = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(m.CauseMetadata) ? m.CauseMetadata : {};
            const resource = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(cause.Resource);
            const line = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .lineOf */ .cA)(cause.StartLine);
            findings.push({
                tool: 'trivy',
                kind: 'misconfiguration',
                ruleId: id,
                severity: (0,_severity_names_js__WEBPACK_IMPORTED_MODULE_2__/* .severityFromName */ .p4)(m.Severity) ?? (0,_severity_names_js__WEBPACK_IMPORTED_MODULE_2__/* .unknownSeverity */ .MY)(m.Severity, `${where}.Misconfigurations[${i}]`),
                title: (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.Title) ?? id,
                location: { file: target, line, endLine: (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .lineOf */ .cA)(cause.EndLine), target, resource },
                // A resource name survives edits that move lines; fall back to the line for file-level checks.
                fingerprint: (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprintOf */ .a)('trivy', 'misconfig', id, target, resource ?? line, (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.Message)),
                fixAvailable: (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.Resolution) !== undefined ? true : undefined,
                helpUri: (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.PrimaryURL)
            });
        }
        const secrets = listOf(result.Secrets, `${where}.Secrets`, path);
        for (let i = 0; i < secrets.length; i++) {
            const s = secrets[i];
            const id = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(s.RuleID);
            if (!id)
                throw (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .reportError */ .N7)(path, `trivy report: Results[${r}].Secrets[${i}] has no RuleID.`);
            const line = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .lineOf */ .cA)(s.StartLine);
            findings.push({
                tool: 'trivy',
                kind: 'secret',
                ruleId: id,
                severity: (0,_severity_names_js__WEBPACK_IMPORTED_MODULE_2__/* .severityFromName */ .p4)(s.Severity) ?? (0,_severity_names_js__WEBPACK_IMPORTED_MODULE_2__/* .unknownSeverity */ .MY)(s.Severity, `${where}.Secrets[${i}]`),
                title: (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(s.Title) ?? id,
                location: { file: target, line, endLine: (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .lineOf */ .cA)(s.EndLine), target },
                fingerprint: (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprintOf */ .a)('trivy', 'secret', id, target, line),
                fixAvailable: undefined
            });
        }
        const licences = listOf(result.Licenses, `${where}.Licenses`, path);
        for (let i = 0; i < licences.length; i++)
            findings.push(licenceFinding(licences[i], target, `${where}.Licenses[${i}]`, path));
        for (const key of ['ModifiedFindings', 'ExperimentalModifiedFindings']) {
            const list = result[key];
            if (!Array.isArray(list))
                continue;
            suppressed += list.length;
            for (const m of list)
                if (shownSuppressed.length < MAX_SHOWN_SUPPRESSED)
                    shownSuppressed.push(describeSuppressed(m, target));
        }
    }
    if (suppressed > 0) {
        notes.push(`trivy: ${suppressed} finding(s) suppressed by trivy's own ignore rules (--show-suppressed) were not counted.`);
        // Visible as suppressed, with the rule that hid each: a suppression is a decision someone made.
        notes.push(...shownSuppressed);
        if (suppressed > shownSuppressed.length)
            notes.push(`trivy: … and ${suppressed - shownSuppressed.length} more suppressed finding(s).`);
    }
    return { format: 'trivy', tool: 'trivy', findings, unmapped: [], notes, incomplete: [] };
}
const MAX_SHOWN_SUPPRESSED = 20;
/** One line for a finding trivy suppressed (types.ModifiedFinding: Type, Status, Source, Finding). */
function describeSuppressed(m, target) {
    const entry = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(m) ? m : {};
    const f = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(entry.Finding) ? entry.Finding : {};
    const id = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(f.VulnerabilityID) ?? (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(f.ID) ?? (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(f.RuleID) ?? (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(f.Name) ?? 'a finding';
    const where = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(f.PkgName) ? `${(0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(f.PkgName)} in ${target}` : target;
    return `trivy: ${id} (${(0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(entry.Type) ?? 'finding'}, ${where}) ${(0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(entry.Status) ?? 'suppressed'} by ${(0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(entry.Source) ?? "trivy's ignore rules"}.`;
}
/**
 * A licence trivy classified (`--scanners license`; types.DetectedLicense): the licence name is
 * the rule, so one exception can accept a licence across packages. Package licences carry
 * PkgName; licences found in files (Class `license-file`) carry FilePath only.
 */
function licenceFinding(l, target, where, path) {
    const name = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(l.Name);
    if (!name)
        throw (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .reportError */ .N7)(path, `trivy report: ${where.slice(path.length + 2)} has no Name.`);
    const pkg = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(l.PkgName);
    const file = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(l.FilePath) ?? target;
    const category = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(l.Category);
    return {
        tool: 'trivy',
        kind: 'license',
        ruleId: name,
        severity: (0,_severity_names_js__WEBPACK_IMPORTED_MODULE_2__/* .severityFromName */ .p4)(l.Severity) ?? (0,_severity_names_js__WEBPACK_IMPORTED_MODULE_2__/* .unknownSeverity */ .MY)(l.Severity, where),
        title: `${name}${category ? ` (${category})` : ''}${pkg ? ` in ${pkg}` : ''}`,
        location: { file, target, package: pkg },
        fingerprint: (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprintOf */ .a)('trivy', 'license', name, pkg, file),
        fixAvailable: undefined,
        helpUri: (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(l.Link)
    };
}
/** A list in a Result that is neither a finding list we read nor one known to hold none. */
function refuseUnknownLists(result, r, path) {
    for (const key in result) {
        const value = result[key];
        if (Array.isArray(value) && value.length > 0 && !FINDING_LISTS.has(key) && !OTHER_LISTS.has(key)) {
            throw (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .reportError */ .N7)(path, `trivy report: Results[${r}] has a "${key}" list this gate does not read; it may hold findings, so the report is refused. Update shared-gh-workflows, or scan without the scanner that writes it.`);
        }
    }
}
/**
 * trivy counts a Result's failed checks in MisconfSummary as it keeps them; more failures there than
 * FAIL entries listed means findings are missing from the report, and it is refused. Except in the
 * summary trivy wrote up to 0.56 (with `Exceptions`): trivy 0.20 to 0.49 apply --ignore-policy after
 * counting and leave Failures as it was (applyPolicy in pkg/result, until 0.50), so there the
 * checks the user's policy dropped are still counted. That is the user's exception, not a loss:
 * the report is read, with a note.
 */
function checkMisconfSummary(summary, misconfigs, r, path) {
    const failures = (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(summary) ? (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .num */ .bu)(summary.Failures) : undefined;
    if (failures === undefined)
        return undefined;
    const listed = misconfigs.filter((m) => m.Status === 'FAIL').length;
    if (failures <= listed)
        return undefined;
    const counts = `Results[${r}].MisconfSummary counts ${failures} failed check(s) but ${listed} are listed`;
    if ((0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(summary) && 'Exceptions' in summary) {
        return `trivy: ${counts}; trivy before 0.50 counts there the checks its --ignore-policy dropped, which were not counted.`;
    }
    throw (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .reportError */ .N7)(path, `trivy report: ${counts}; the report is incomplete.`);
}
/**
 * A trivy vulnerability as a Finding, reading its fields from the parsed report on demand. Reports
 * with 100,000 vulnerabilities are common for images; copying each into a fresh object (and
 * hashing its fingerprint up front) costs more than parsing the JSON, while this keeps one small
 * object per finding and computes the rest only for the few findings that are shown.
 */
class TrivyVulnerability {
    raw;
    ruleId;
    severity;
    target;
    file;
    #fingerprint;
    constructor(raw, ruleId, severity, target, file) {
        this.raw = raw;
        this.ruleId = ruleId;
        this.severity = severity;
        this.target = target;
        this.file = file;
    }
    get tool() {
        return 'trivy';
    }
    get kind() {
        return 'vulnerability';
    }
    get title() {
        return (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(this.raw.Title) ?? this.ruleId;
    }
    get location() {
        const v = this.raw;
        return { file: this.file, target: this.target, package: (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.PkgName) ?? (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.PkgID) ?? '', installedVersion: (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.InstalledVersion), fixedVersion: (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.FixedVersion) };
    }
    get fingerprint() {
        const v = this.raw;
        return (this.#fingerprint ??= (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprintOf */ .a)('trivy', 'vuln', this.ruleId, (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.PkgName) ?? (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.PkgID) ?? '', (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.InstalledVersion), this.target, (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.PkgPath)));
    }
    set fingerprint(value) {
        this.#fingerprint = value;
    }
    get fixAvailable() {
        return (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(this.raw.FixedVersion) !== undefined;
    }
    get helpUri() {
        return (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(this.raw.PrimaryURL);
    }
    toJSON() {
        return (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .plainFinding */ .Ce)(this);
    }
}
function listOf(value, where, path) {
    // trivy omits empty lists (omitempty); a null or a non-list is not something it writes.
    if (value === undefined)
        return [];
    if (!Array.isArray(value))
        throw (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .reportError */ .N7)(path, `trivy report: ${where.slice(path.length + 2)} is not an array.`);
    for (let i = 0; i < value.length; i++) {
        if (!(0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(value[i]))
            throw (0,_report_error_js__WEBPACK_IMPORTED_MODULE_3__/* .reportError */ .N7)(path, `trivy report: ${where.slice(path.length + 2)}[${i}] is not an object.`);
    }
    return value;
}


/***/ }),

/***/ 2653:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ resolveReportPaths)
/* harmony export */ });
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3594);
// Report paths and globs as the gates take them (severity, coverage): the files in order, without
// repeats, and a pattern that matches nothing is an error, never "nothing found".

const GLOB_MAGIC = /[*?[\]{}]/;
/**
 * Expand paths and globs (`*`, `**`, `?`, `[...]`, `{a,b}`); a pattern that matches no file is an
 * error, never "no findings". Gives the files in order, without repeats. Node's own glob (22 and
 * later; the actions run on 24) prints nothing, so the CLI's standard output stays the document.
 */
async function resolveReportPaths(patterns, inputName = 'reports', what = 'report file') {
    if (patterns.length === 0)
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${inputName}" is empty: give one or more report paths or globs.`);
    const out = [];
    for (const pattern of patterns) {
        if (!GLOB_MAGIC.test(pattern)) {
            out.push(pattern);
            continue;
        }
        const found = await expandGlob(pattern, inputName);
        if (found.length === 0)
            throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`No ${what} matches "${pattern}" (input "${inputName}"); check that the step that writes it ran.`);
        out.push(...found);
    }
    return [...new Set(out)];
}
async function expandGlob(pattern, inputName) {
    const fs = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 19));
    if (typeof fs.glob !== 'function')
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${inputName}": "${pattern}" is a glob, which needs Node 22 or later (this is ${process.version}); name the files instead.`);
    const files = [];
    for await (const entry of fs.glob(pattern))
        if ((await fs.stat(entry)).isFile())
            files.push(entry);
    return files.sort();
}


/***/ }),

/***/ 9311:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LP: () => (/* binding */ DEFAULT_VALUES),
/* harmony export */   N$: () => (/* binding */ DEFAULT_EXPIRY_WARNING_DAYS),
/* harmony export */   cN: () => (/* binding */ POLICY_KEYS)
/* harmony export */ });
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6223);

/** The keys a policy sets, named as the gate's inputs. */
const POLICY_KEYS = ['max-critical', 'max-high', 'max-medium', 'max-low', 'max-unknown', 'approval-severities', 'secret-severity', 'default-severity'];
const DEFAULT_VALUES = {
    'max-critical': _policy_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_THRESHOLDS */ .JJ.critical,
    'max-high': _policy_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_THRESHOLDS */ .JJ.high,
    'max-medium': _policy_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_THRESHOLDS */ .JJ.medium,
    'max-low': _policy_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_THRESHOLDS */ .JJ.low,
    'max-unknown': _policy_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_THRESHOLDS */ .JJ.unknown,
    'approval-severities': _policy_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_APPROVAL_SEVERITIES */ ._t,
    'secret-severity': 'critical',
    'default-severity': 'medium'
};
/** Default of the `expiry-warning-days` input: exceptions ending within two weeks are announced. */
const DEFAULT_EXPIRY_WARNING_DAYS = 14;


/***/ }),

/***/ 5467:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FW: () => (/* binding */ applyExceptions),
/* harmony export */   L5: () => (/* binding */ parseExceptionList),
/* harmony export */   Rz: () => (/* binding */ loadExceptions),
/* harmony export */   hU: () => (/* binding */ covers),
/* harmony export */   wu: () => (/* binding */ parseExceptions)
/* harmony export */ });
/* unused harmony exports isExpired, isExpiringSoon */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3581);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3594);
/* harmony import */ var _findings_trivy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6197);
/* harmony import */ var _defaults_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9311);
// Exceptions that expire: each entry names a rule (and optionally a fingerprint, path or package),
// says why, and until when. Expired entries stop suppressing and are reported.






const KNOWN_KEYS = new Set(['id', 'rule', 'rule-id', 'tool', 'fingerprint', 'path', 'package', 'owner', 'reason', 'expires']);
function loadExceptions(file) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${file}: exceptions file ${code === 'ENOENT' ? 'not found' : 'cannot be read'}; check the "exceptions" input.`);
    }
    return parseExceptions(text, file);
}
function parseExceptions(text, file) {
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(text, { prettyErrors: false });
    }
    catch (error) {
        const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${file}: exceptions file is not valid YAML: ${detail}`);
    }
    if (doc === null || doc === undefined)
        return [];
    const list = Array.isArray(doc) ? doc : typeof doc === 'object' && Array.isArray(doc.exceptions) ? doc.exceptions : undefined;
    if (!list)
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${file}: expected a list of exceptions, or a mapping with an "exceptions" list.`);
    return parseExceptionList(list, file);
}
/** Exception entries from an already parsed YAML list (an exceptions file, or a policy's). */
function parseExceptionList(list, file) {
    if (!Array.isArray(list))
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${file}: "exceptions" is a list of entries (id, owner, reason, expires).`);
    return list.map((raw, i) => toEntry(raw, i + 1, file));
}
function toEntry(raw, index, file) {
    const at = `${file}: exception ${index}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${at} is not a mapping.`);
    const entry = raw;
    const unknown = Object.keys(entry).filter((k) => !KNOWN_KEYS.has(k));
    if (unknown.length > 0)
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${at} has unknown key(s) ${unknown.join(', ')}; allowed: id, tool, fingerprint, path, package, owner, reason, expires.`);
    const text = (key) => {
        const value = entry[key];
        if (value === undefined || value === null)
            return undefined;
        if (typeof value !== 'string' && typeof value !== 'number')
            throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${at}: "${key}" must be a string.`);
        const s = String(value).trim();
        return s === '' ? undefined : s;
    };
    const ruleId = text('id') ?? text('rule') ?? text('rule-id');
    if (!ruleId)
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${at} needs "id": the rule id it excepts (a CVE, check id or secret rule).`);
    const reason = text('reason');
    if (!reason)
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${at} (${ruleId}) needs a "reason": why this finding is accepted.`);
    const owner = text('owner');
    if (!owner)
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${at} (${ruleId}) needs an "owner": the user or team (@alice, @acme/platform) who answers for it.`);
    const expiresRaw = entry.expires instanceof Date ? entry.expires.toISOString().slice(0, 10) : text('expires');
    if (!expiresRaw)
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${at} (${ruleId}) needs "expires" (YYYY-MM-DD): exceptions must end.`);
    if (!isIsoDate(expiresRaw))
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${at} (${ruleId}): "expires" must be a date as YYYY-MM-DD, got "${expiresRaw}".`);
    return { index, ruleId, tool: text('tool')?.toLowerCase(), fingerprint: text('fingerprint'), path: text('path'), package: text('package'), owner, reason, expires: expiresRaw };
}
function isIsoDate(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
        return false;
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
function isExpired(entry, now) {
    return now.toISOString().slice(0, 10) > entry.expires;
}

/** Active and ending within `days` days of `now` (UTC dates). */
function isExpiringSoon(entry, now, days) {
    if (isExpired(entry, now))
        return false;
    const limit = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    return entry.expires <= limit;
}
/**
 * True when `wide` excepts at least everything `narrow` does, for as long: the same rule, and every
 * scope key of `wide` (tool, fingerprint, path, package) absent or equal, and an expiry no earlier.
 * A pull request's exception that no base exception covers is one it grants itself.
 */
function covers(wide, narrow) {
    if ((0,_findings_trivy_js__WEBPACK_IMPORTED_MODULE_3__/* .canonicalTrivyCheckId */ .W)(wide.ruleId) !== (0,_findings_trivy_js__WEBPACK_IMPORTED_MODULE_3__/* .canonicalTrivyCheckId */ .W)(narrow.ruleId))
        return false;
    for (const key of ['tool', 'fingerprint', 'path', 'package']) {
        if (wide[key] !== undefined && wide[key] !== narrow[key])
            return false;
    }
    return wide.expires >= narrow.expires;
}
function matches(entry, finding) {
    if (entry.ruleId !== finding.ruleId && (0,_findings_trivy_js__WEBPACK_IMPORTED_MODULE_3__/* .canonicalTrivyCheckId */ .W)(entry.ruleId) !== finding.ruleId)
        return false;
    if (entry.tool && entry.tool !== finding.tool)
        return false;
    if (entry.fingerprint && entry.fingerprint !== finding.fingerprint)
        return false;
    if (entry.package && entry.package !== finding.location.package)
        return false;
    if (entry.path) {
        const file = finding.location.file ?? finding.location.target;
        if (!file || !(0,minimatch__WEBPACK_IMPORTED_MODULE_1__/* .minimatch */ .xF)(file, entry.path, { dot: true, matchBase: !entry.path.includes('/') }))
            return false;
    }
    return true;
}
/** Split findings into those that still count and those an active exception covers. */
function applyExceptions(findings, entries, now, warningDays = _defaults_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_EXPIRY_WARNING_DAYS */ .N$) {
    if (entries.length === 0)
        return { kept: findings, excepted: [], uses: [] };
    const uses = entries.map((entry) => ({ entry, expired: isExpired(entry, now), matched: 0, expiringSoon: isExpiringSoon(entry, now, warningDays) }));
    const byRule = new Map();
    for (const use of uses) {
        for (const key of new Set([use.entry.ruleId, (0,_findings_trivy_js__WEBPACK_IMPORTED_MODULE_3__/* .canonicalTrivyCheckId */ .W)(use.entry.ruleId)])) {
            byRule.set(key, [...(byRule.get(key) ?? []), use]);
        }
    }
    const kept = [];
    const excepted = [];
    for (const finding of findings) {
        const candidates = byRule.get(finding.ruleId);
        let covered = false;
        if (candidates) {
            for (const use of candidates) {
                if (!matches(use.entry, finding))
                    continue;
                use.matched++;
                if (!use.expired)
                    covered = true;
            }
        }
        ;
        (covered ? excepted : kept).push(finding);
    }
    return { kept, excepted, uses };
}


/***/ }),

/***/ 1834:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LP: () => (/* reexport safe */ _defaults_js__WEBPACK_IMPORTED_MODULE_3__.LP),
/* harmony export */   NM: () => (/* binding */ isLooser),
/* harmony export */   ON: () => (/* binding */ parsePolicy),
/* harmony export */   bp: () => (/* binding */ describeValue),
/* harmony export */   cN: () => (/* reexport safe */ _defaults_js__WEBPACK_IMPORTED_MODULE_3__.cN),
/* harmony export */   mY: () => (/* binding */ DEFAULT_POLICY_FILE),
/* harmony export */   nZ: () => (/* binding */ resolvePolicy)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3594);
/* harmony import */ var _findings_model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1468);
/* harmony import */ var _exceptions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5467);
/* harmony import */ var _defaults_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9311);
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
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, { prettyErrors: false });
    }
    catch (error) {
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${file}: policy file is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    if (doc === null || doc === undefined)
        doc = {};
    if (typeof doc !== 'object' || Array.isArray(doc))
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${file}: a policy file is a mapping (thresholds, approval-severities, exceptions...).`);
    const map = doc;
    const unknownKeys = Object.keys(map).filter((k) => !TOP_KEYS.has(k));
    if (unknownKeys.length)
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${file}: unknown key(s) ${unknownKeys.join(', ')}; a policy has ${[...TOP_KEYS].join(', ')}.`);
    const values = {};
    if (map.thresholds !== undefined) {
        if (typeof map.thresholds !== 'object' || map.thresholds === null || Array.isArray(map.thresholds))
            throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${file}: "thresholds" is a mapping of severity to a limit.`);
        for (const [severity, raw] of Object.entries(map.thresholds)) {
            const key = THRESHOLD_KEYS[severity];
            if (!key)
                throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${file}: thresholds.${severity} is not a gated severity; use critical, high, medium, low or unknown.`);
            values[key] = limitOf(raw, `${file}: thresholds.${severity}`);
        }
    }
    if (map['approval-severities'] !== undefined)
        values['approval-severities'] = severityList(map['approval-severities'], `${file}: approval-severities`);
    if (map['secret-severity'] !== undefined)
        values['secret-severity'] = severityOf(map['secret-severity'], `${file}: secret-severity`);
    if (map['default-severity'] !== undefined)
        values['default-severity'] = severityOf(map['default-severity'], `${file}: default-severity`);
    const exceptions = map.exceptions === undefined ? [] : (0,_exceptions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseExceptionList */ .L5)(map.exceptions, file);
    const allowLoosening = new Set();
    if (map['allow-loosening'] !== undefined) {
        if (kind !== 'organisation')
            throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${file}: "allow-loosening" belongs in the organisation policy; a repository policy cannot grant itself looser limits.`);
        if (!Array.isArray(map['allow-loosening']))
            throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${file}: "allow-loosening" is a list of keys (${_defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .POLICY_KEYS */ .cN.join(', ')}).`);
        for (const key of map['allow-loosening']) {
            if (!_defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .POLICY_KEYS */ .cN.includes(key))
                throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${file}: allow-loosening names ${JSON.stringify(key)}; keys are ${_defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .POLICY_KEYS */ .cN.join(', ')}.`);
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
    throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${at} must be a whole number (0 or more) or none, got ${JSON.stringify(raw)}.`);
}
function severityOf(raw, at) {
    const value = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
    if (!(0,_findings_model_js__WEBPACK_IMPORTED_MODULE_1__/* .isSeverity */ ._Z)(value))
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${at} must be one of critical, high, medium, low, info, unknown; got ${JSON.stringify(raw)}.`);
    return value;
}
function severityList(raw, at) {
    if (raw === 'none' || raw === null)
        return [];
    const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : undefined;
    if (!list)
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${at} is a list of severities, or none.`);
    return list.map((s) => severityOf(s, at));
}
/** True when `value` lets through something `than` would stop. */
function isLooser(key, value, than) {
    if (key === 'approval-severities')
        return than.some((s) => !value.includes(s));
    if (key === 'secret-severity' || key === 'default-severity')
        return _findings_model_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITY_RANK */ .f3[value] < _findings_model_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITY_RANK */ .f3[than];
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
    const values = { ..._defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_VALUES */ .LP };
    const sources = Object.fromEntries(_defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .POLICY_KEYS */ .cN.map((k) => [k, 'default']));
    const org = layers.find((l) => l.kind === 'organisation');
    const setBy = new Map();
    for (const layer of layers) {
        for (const key of _defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .POLICY_KEYS */ .cN) {
            const value = layer.values[key];
            if (value === undefined)
                continue;
            const earlier = setBy.get(key);
            if (earlier && earlier.kind !== 'default' && !org?.allowLoosening.has(key) && isLooser(key, value, values[key])) {
                const grant = org ? ` or add ${key} to allow-loosening in ${org.name}` : '';
                throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${layer.name} sets ${key} to ${describeValue(key, value)}, looser than ${describeValue(key, values[key])} in ${earlier.name}, which may only be tightened; ` +
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


/***/ }),

/***/ 1393:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A7: () => (/* binding */ GitReader),
/* harmony export */   P9: () => (/* binding */ reviewSuppressions),
/* harmony export */   j: () => (/* binding */ reviewBaseFor)
/* harmony export */ });
/* unused harmony exports INLINE_MARKERS, exceptionChanges, newExceptions */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8815);
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3594);
/* harmony import */ var _exceptions_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5467);
/* harmony import */ var _policy_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1834);
// What a change does to its own suppressions. On a pull request (or a merge group) every way to
// silence a scanner is compared with the base commit: an exception, baseline entry, ignore-file
// line, scanner configuration line, loosened policy key or inline suppression comment that the
// change adds is listed, and the gate can then only say needs-approval (or fail), never pass. What
// the change removes or narrows needs no approval. On other events the files are as committed:
// they were reviewed on the way in.







const run = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
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
                throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo('git is not installed or not on PATH.');
            throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`git ${args[0]} failed in ${this.cwd}: ${(e.stderr ?? String(error)).trim().split('\n')[0]}`);
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
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`The base commit ${base.sha.slice(0, 12)} of ${base.describe} is not in the checkout, so suppressions cannot be read as they are on the base branch. ` +
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
        const name = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file);
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
        if (structured.has(a.file) || SCANNER_FILES[(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(a.file)])
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
    const before = base === undefined ? [] : (0,_exceptions_js__WEBPACK_IMPORTED_MODULE_4__/* .parseExceptions */ .wu)(base, `${file} (base)`);
    const after = head === undefined ? [] : (0,_exceptions_js__WEBPACK_IMPORTED_MODULE_4__/* .parseExceptions */ .wu)(head, file);
    return newExceptions(file, before, after);
}
function newExceptions(file, before, after) {
    const out = [];
    for (const e of after) {
        if (before.some((b) => (0,_exceptions_js__WEBPACK_IMPORTED_MODULE_4__/* .covers */ .hU)(b, e)))
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
            throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`${file}: the baseline is not valid JSON; recreate it with \`sgw gate --write-baseline\`.`);
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
    const after = head === undefined ? none : (0,_policy_file_js__WEBPACK_IMPORTED_MODULE_5__/* .parsePolicy */ .ON)(head, file, 'repository');
    const before = base === undefined ? none : (0,_policy_file_js__WEBPACK_IMPORTED_MODULE_5__/* .parsePolicy */ .ON)(base, `${file} (base)`, 'repository');
    const out = [];
    for (const key of _policy_file_js__WEBPACK_IMPORTED_MODULE_5__/* .POLICY_KEYS */ .cN) {
        const now = after.values[key] ?? _policy_file_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_VALUES */ .LP[key];
        // A key the base did not set was the default there; the organisation's bounds are checked
        // where the layers are resolved (an error, not an approval).
        const was = before.values[key] ?? _policy_file_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_VALUES */ .LP[key];
        if ((0,_policy_file_js__WEBPACK_IMPORTED_MODULE_5__/* .isLooser */ .NM)(key, now, was))
            out.push({ file, tool: 'gate', what: `loosened ${key} from ${(0,_policy_file_js__WEBPACK_IMPORTED_MODULE_5__/* .describeValue */ .bp)(key, was)} to ${(0,_policy_file_js__WEBPACK_IMPORTED_MODULE_5__/* .describeValue */ .bp)(key, now)}` });
    }
    out.push(...newExceptions(file, before.exceptions, after.exceptions));
    return out;
}
/** trivy's YAML ignore file: entries under vulnerabilities, misconfigurations, secrets, licenses. */
function trivyIgnoreYamlChanges(file, base, head) {
    const entries = (text) => {
        if (text === undefined)
            return new Set();
        const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parse */ .qg)(text);
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


/***/ })

};
