export const id = 244;
export const ids = [244];
export const modules = {

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

/***/ 5244:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_EXCEPTIONS_FILE: () => (/* binding */ DEFAULT_EXCEPTIONS_FILE),
  failureReason: () => (/* binding */ failureReason),
  resolveReportPaths: () => (/* reexport */ resolveReportPaths),
  runGate: () => (/* binding */ runGate)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./.build/actions/lib/errors/user-error.js
var user_error = __webpack_require__(3594);
;// CONCATENATED MODULE: ./.build/actions/lib/inputs/globs.js
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
        throw new user_error/* UserError */.yo(`Input "${inputName}" is empty: give one or more report paths or globs.`);
    const out = [];
    for (const pattern of patterns) {
        if (!GLOB_MAGIC.test(pattern)) {
            out.push(pattern);
            continue;
        }
        const found = await expandGlob(pattern, inputName);
        if (found.length === 0)
            throw new user_error/* UserError */.yo(`No ${what} matches "${pattern}" (input "${inputName}"); check that the step that writes it ran.`);
        out.push(...found);
    }
    return [...new Set(out)];
}
async function expandGlob(pattern, inputName) {
    const fs = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 19));
    if (typeof fs.glob !== 'function')
        throw new user_error/* UserError */.yo(`Input "${inputName}": "${pattern}" is a glob, which needs Node 22 or later (this is ${process.version}); name the files instead.`);
    const files = [];
    for await (const entry of fs.glob(pattern))
        if ((await fs.stat(entry)).isFile())
            files.push(entry);
    return files.sort();
}

;// CONCATENATED MODULE: ./.build/actions/lib/findings/checkov-severity.js
const doc = (severity, title) => Object.freeze({ severity, title, source: 'documented' });
const rule = (severity, title) => Object.freeze({ severity, title, source: 'rule' });
const CHECKOV_SEVERITY = Object.freeze({
    // AWS
    CKV_AWS_18: doc('info', 'S3 bucket access logging disabled'),
    CKV_AWS_19: doc('low', 'S3 bucket without server-side encryption'),
    CKV_AWS_20: doc('high', 'S3 bucket ACL grants public read'),
    CKV_AWS_21: doc('low', 'S3 bucket versioning disabled'),
    CKV_AWS_53: doc('medium', 'S3 public access block does not block public ACLs'),
    CKV_AWS_54: doc('medium', 'S3 public access block does not block public policy'),
    CKV_AWS_55: doc('medium', 'S3 public access block does not ignore public ACLs'),
    CKV_AWS_56: doc('medium', 'S3 public access block does not restrict public buckets'),
    CKV_AWS_57: doc('high', 'S3 bucket ACL grants public write'),
    CKV_AWS_70: doc('medium', 'S3 bucket policy allows any principal'),
    CKV_AWS_144: doc('low', 'S3 bucket cross-region replication disabled'),
    CKV_AWS_145: doc('low', 'S3 bucket not encrypted with KMS by default'),
    CKV_AWS_300: rule('low', 'S3 lifecycle does not abort incomplete multipart uploads'),
    CKV2_AWS_6: doc('low', 'S3 bucket has no public access block'),
    CKV2_AWS_61: doc('medium', 'S3 bucket has no lifecycle configuration'),
    CKV2_AWS_62: doc('low', 'S3 bucket event notifications disabled'),
    CKV2_AWS_65: doc('low', 'S3 bucket ACLs not disabled'),
    CKV_AWS_23: doc('low', 'Security group rule has no description'),
    CKV_AWS_24: doc('low', 'Security group allows 0.0.0.0/0 ingress to port 22'),
    CKV_AWS_25: doc('low', 'Security group allows 0.0.0.0/0 ingress to port 3389'),
    CKV_AWS_260: doc('low', 'Security group allows 0.0.0.0/0 ingress to port 80'),
    CKV_AWS_277: doc('medium', 'Security group allows 0.0.0.0/0 ingress on all ports'),
    CKV_AWS_382: doc('low', 'Security group allows egress to 0.0.0.0/0 on all ports'),
    CKV_AWS_88: doc('high', 'EC2 instance has a public IP address'),
    CKV_AWS_130: doc('medium', 'VPC subnet assigns public IPs by default'),
    CKV2_AWS_5: doc('low', 'Security group not attached to any resource'),
    CKV2_AWS_11: doc('info', 'VPC flow logs disabled'),
    CKV2_AWS_12: doc('low', 'Default security group does not restrict all traffic'),
    CKV_AWS_1: doc('low', 'IAM policy grants full *:* administrative privileges'),
    CKV_AWS_62: doc('critical', 'IAM policy grants full *:* administrative privileges'),
    CKV_AWS_40: doc('low', 'IAM policy attached directly to a user'),
    CKV_AWS_49: doc('high', 'IAM policy document allows * as an action'),
    CKV_AWS_60: doc('high', 'IAM role can be assumed by any principal'),
    CKV_AWS_61: doc('high', 'IAM role trust allows assume-role from any service in the account'),
    CKV_AWS_63: doc('high', 'IAM policy allows * as an action'),
    CKV_AWS_107: doc('low', 'IAM policy document allows credentials exposure'),
    CKV_AWS_108: doc('low', 'IAM policy document allows data exfiltration'),
    CKV_AWS_109: doc('low', 'IAM policy document allows unconstrained permissions management'),
    CKV_AWS_110: doc('medium', 'IAM policy document allows privilege escalation'),
    CKV_AWS_111: doc('low', 'IAM policy document allows unconstrained write access'),
    CKV_AWS_274: doc('high', 'AdministratorAccess managed policy attached to a principal'),
    CKV_AWS_286: doc('medium', 'IAM policy allows privilege escalation'),
    CKV_AWS_287: doc('high', 'IAM policy allows credentials exposure'),
    CKV_AWS_288: doc('high', 'IAM policy allows data exfiltration'),
    CKV_AWS_289: doc('high', 'IAM policy allows unconstrained permissions management'),
    CKV_AWS_290: doc('high', 'IAM policy allows unconstrained write access'),
    CKV_AWS_355: doc('high', 'IAM policy allows * resource for restrictable actions'),
    CKV_AWS_356: doc('high', 'IAM policy document allows * resource for restrictable actions'),
    CKV_AWS_348: doc('high', 'Root account has an access key'),
    CKV2_AWS_40: doc('medium', 'IAM policy grants full IAM privileges'),
    CKV_AWS_41: rule('high', 'Hardcoded AWS access key in provider configuration'),
    CKV_AWS_3: doc('high', 'EBS volume not encrypted'),
    CKV_AWS_8: doc('high', 'Launch configuration EBS volume not encrypted'),
    CKV_AWS_46: rule('high', 'Hardcoded secret in EC2 user data'),
    CKV_AWS_79: doc('medium', 'EC2 instance metadata does not require IMDSv2'),
    CKV_AWS_126: doc('medium', 'EC2 detailed monitoring disabled'),
    CKV2_AWS_41: doc('info', 'EC2 instance has no IAM role'),
    CKV_AWS_16: doc('medium', 'RDS storage not encrypted'),
    CKV_AWS_17: doc('medium', 'RDS instance publicly accessible'),
    CKV_AWS_118: doc('low', 'RDS enhanced monitoring disabled'),
    CKV_AWS_129: doc('low', 'RDS log exports disabled'),
    CKV_AWS_133: doc('low', 'RDS automatic backups disabled'),
    CKV_AWS_139: doc('low', 'RDS cluster deletion protection disabled'),
    CKV_AWS_157: doc('low', 'RDS Multi-AZ disabled'),
    CKV_AWS_161: doc('medium', 'RDS IAM database authentication disabled'),
    CKV_AWS_293: rule('medium', 'RDS instance deletion protection disabled'),
    CKV_AWS_7: doc('info', 'KMS key rotation disabled'),
    CKV_AWS_33: doc('medium', 'KMS key policy has a wildcard principal'),
    CKV_AWS_35: doc('info', 'CloudTrail logs not encrypted with KMS'),
    CKV_AWS_36: doc('low', 'CloudTrail log file validation disabled'),
    CKV_AWS_67: doc('info', 'CloudTrail not enabled in all regions'),
    CKV_AWS_251: doc('low', 'CloudTrail logging disabled'),
    CKV2_AWS_10: doc('info', 'CloudTrail not integrated with CloudWatch Logs'),
    CKV_AWS_66: doc('low', 'CloudWatch log group has no retention period'),
    CKV_AWS_158: doc('low', 'CloudWatch log group not encrypted with KMS'),
    CKV_AWS_338: doc('info', 'CloudWatch log group retention below one year'),
    CKV_AWS_45: rule('high', 'Hardcoded secret in Lambda environment variables'),
    CKV_AWS_50: doc('low', 'Lambda X-Ray tracing disabled'),
    CKV_AWS_115: doc('low', 'Lambda function has no concurrency limit'),
    CKV_AWS_116: doc('low', 'Lambda function has no dead-letter queue'),
    CKV_AWS_117: doc('low', 'Lambda function not deployed in a VPC'),
    CKV_AWS_173: doc('low', 'Lambda environment variables not encrypted with a CMK'),
    CKV_AWS_258: doc('low', 'Lambda function URL has no authentication'),
    CKV_AWS_272: rule('medium', 'Lambda function does not enforce code signing'),
    CKV_AWS_37: doc('info', 'EKS control plane logging disabled'),
    CKV_AWS_38: doc('low', 'EKS public endpoint open to 0.0.0.0/0'),
    CKV_AWS_39: doc('low', 'EKS public endpoint enabled'),
    CKV_AWS_58: doc('medium', 'EKS secrets encryption disabled'),
    CKV_AWS_100: doc('high', 'EKS node group allows SSH from 0.0.0.0/0'),
    CKV_AWS_339: doc('high', 'EKS cluster on an unsupported Kubernetes version'),
    CKV_AWS_32: doc('medium', 'ECR repository policy is public'),
    CKV_AWS_51: doc('low', 'ECR image tags are mutable'),
    CKV_AWS_136: doc('low', 'ECR repository not encrypted with KMS'),
    CKV_AWS_163: doc('high', 'ECR image scan on push disabled'),
    CKV_AWS_97: doc('high', 'ECS task EFS volume without transit encryption'),
    CKV_AWS_334: rule('high', 'ECS container runs privileged'),
    CKV_AWS_2: doc('medium', 'Load balancer listener does not use HTTPS'),
    CKV_AWS_91: doc('info', 'ELBv2 access logging disabled'),
    CKV_AWS_103: doc('high', 'Load balancer listener below TLS 1.2'),
    CKV_AWS_127: doc('high', 'ELB does not use an ACM certificate'),
    CKV_AWS_131: doc('medium', 'ALB does not drop invalid HTTP headers'),
    CKV_AWS_150: rule('medium', 'Load balancer deletion protection disabled'),
    CKV2_AWS_20: doc('low', 'ALB does not redirect HTTP to HTTPS'),
    CKV2_AWS_28: doc('medium', 'Public ALB not protected by WAF'),
    CKV_AWS_28: doc('high', 'DynamoDB point-in-time recovery disabled'),
    CKV_AWS_119: doc('low', 'DynamoDB table not encrypted with a CMK'),
    CKV_AWS_26: doc('medium', 'SNS topic not encrypted'),
    CKV_AWS_27: doc('medium', 'SQS queue not encrypted'),
    CKV_AWS_168: doc('high', 'SQS queue policy is public'),
    CKV_AWS_169: doc('medium', 'SNS topic policy is public'),
    CKV_AWS_68: doc('medium', 'CloudFront distribution has no WAF'),
    CKV_AWS_86: doc('info', 'CloudFront access logging disabled'),
    CKV_AWS_174: doc('medium', 'CloudFront uses an insecure TLS version'),
    CKV2_AWS_42: doc('medium', 'CloudFront uses the default SSL certificate'),
    CKV_AWS_59: doc('low', 'API Gateway method has no authorization'),
    CKV_AWS_73: doc('low', 'API Gateway X-Ray tracing disabled'),
    CKV_AWS_76: doc('low', 'API Gateway access logging disabled'),
    CKV2_AWS_29: doc('medium', 'Public API Gateway not protected by WAF'),
    CKV_AWS_29: doc('medium', 'ElastiCache replication group not encrypted at rest'),
    CKV_AWS_30: doc('medium', 'ElastiCache replication group not encrypted in transit'),
    CKV_AWS_149: doc('medium', 'Secrets Manager secret not encrypted with a CMK'),
    CKV2_AWS_57: rule('medium', 'Secrets Manager automatic rotation disabled'),
    // Azure
    CKV_AZURE_1: doc('low', 'Linux VM allows password login instead of SSH keys'),
    CKV_AZURE_2: doc('high', 'Managed disk not encrypted'),
    CKV_AZURE_3: doc('medium', 'Storage account allows insecure transfer'),
    CKV_AZURE_4: doc('info', 'AKS monitoring not configured'),
    CKV_AZURE_5: doc('medium', 'AKS RBAC disabled'),
    CKV_AZURE_6: doc('low', 'AKS API server has no authorized IP ranges'),
    CKV_AZURE_7: doc('low', 'AKS network policy not configured'),
    CKV_AZURE_8: doc('low', 'AKS Kubernetes dashboard enabled'),
    CKV_AZURE_9: doc('high', 'NSG allows RDP from the internet'),
    CKV_AZURE_10: doc('info', 'NSG allows SSH from the internet'),
    CKV_AZURE_11: doc('high', 'SQL server firewall allows 0.0.0.0/0'),
    CKV_AZURE_13: doc('medium', 'App Service authentication disabled'),
    CKV_AZURE_14: doc('medium', 'App Service does not enforce HTTPS'),
    CKV_AZURE_15: doc('low', 'App Service not using the latest TLS version'),
    CKV_AZURE_16: doc('medium', 'App Service not registered with Azure AD'),
    CKV_AZURE_23: doc('low', 'SQL server auditing disabled'),
    CKV_AZURE_24: doc('high', 'SQL server audit retention below 90 days'),
    CKV_AZURE_33: doc('info', 'Storage queue logging disabled'),
    CKV_AZURE_34: doc('high', 'Blob container is publicly accessible'),
    CKV_AZURE_35: doc('info', 'Storage account default network access allows all'),
    CKV_AZURE_40: doc('high', 'Key Vault key has no expiration date'),
    CKV_AZURE_41: rule('medium', 'Key Vault secret has no expiration date'),
    CKV_AZURE_42: doc('medium', 'Key Vault is not recoverable'),
    CKV_AZURE_44: doc('low', 'Storage account not using the latest TLS version'),
    CKV_AZURE_45: rule('high', 'Hardcoded secret in VM custom data'),
    CKV_AZURE_59: doc('low', 'Storage account allows public access'),
    CKV_AZURE_63: doc('low', 'App Service HTTP logging disabled'),
    CKV_AZURE_71: doc('low', 'App Service has no managed identity'),
    CKV_AZURE_78: doc('medium', 'App Service FTP deployments enabled'),
    CKV_AZURE_109: doc('medium', 'Key Vault firewall rules not configured'),
    CKV_AZURE_110: doc('medium', 'Key Vault purge protection disabled'),
    CKV_AZURE_113: doc('low', 'SQL server public network access enabled'),
    CKV_AZURE_115: doc('low', 'AKS private cluster disabled'),
    CKV_AZURE_117: doc('low', 'AKS has no disk encryption set'),
    CKV_AZURE_139: doc('medium', 'Container registry public network access enabled'),
    CKV_AZURE_141: doc('low', 'AKS local admin account enabled'),
    CKV_AZURE_149: doc('low', 'VM password authentication enabled'),
    CKV_AZURE_151: doc('low', 'Windows VM encryption at host disabled'),
    CKV_AZURE_178: doc('high', 'Linux VM does not use SSH keys'),
    CKV_AZURE_189: doc('high', 'Key Vault public network access enabled'),
    CKV_AZURE_190: doc('high', 'Storage blobs do not restrict public access'),
    CKV_AZURE_222: doc('medium', 'Web app public network access enabled'),
    CKV_AZURE_227: doc('high', 'AKS encryption at host disabled'),
    CKV_AZURE_232: doc('high', 'AKS system nodes run non-critical pods'),
    CKV2_AZURE_1: doc('high', 'Storage account not encrypted with a CMK'),
    CKV2_AZURE_33: rule('medium', 'Storage account has no private endpoint'),
    CKV2_AZURE_38: rule('medium', 'Storage account soft delete disabled'),
    CKV2_AZURE_40: rule('medium', 'Storage account allows shared key authorization'),
    CKV2_AZURE_41: rule('medium', 'Storage account has no SAS expiration policy'),
    // Google Cloud
    CKV_GCP_2: doc('high', 'Firewall allows SSH from 0.0.0.0/0'),
    CKV_GCP_3: doc('high', 'Firewall allows RDP from 0.0.0.0/0'),
    CKV_GCP_4: doc('medium', 'Load balancer SSL policy allows weak TLS'),
    CKV_GCP_6: doc('high', 'Cloud SQL does not require SSL'),
    CKV_GCP_7: doc('medium', 'GKE legacy authorization enabled'),
    CKV_GCP_8: doc('medium', 'GKE Cloud Monitoring disabled'),
    CKV_GCP_9: doc('medium', 'GKE node auto-repair disabled'),
    CKV_GCP_10: doc('medium', 'GKE node auto-upgrade disabled'),
    CKV_GCP_11: doc('high', 'Cloud SQL instance open to the world'),
    CKV_GCP_12: doc('medium', 'GKE network policy disabled'),
    CKV_GCP_13: doc('low', 'GKE client certificate authentication enabled'),
    CKV_GCP_14: doc('high', 'Cloud SQL backups disabled'),
    CKV_GCP_15: doc('high', 'BigQuery dataset is public'),
    CKV_GCP_18: doc('low', 'GKE control plane is public'),
    CKV_GCP_20: doc('medium', 'GKE master authorized networks disabled'),
    CKV_GCP_25: doc('medium', 'GKE private cluster disabled'),
    CKV_GCP_26: doc('info', 'Subnet VPC flow logs disabled'),
    CKV_GCP_27: doc('medium', 'Project uses the default network'),
    CKV_GCP_28: doc('high', 'Storage bucket is publicly accessible'),
    CKV_GCP_29: rule('medium', 'Storage bucket uniform bucket-level access disabled'),
    CKV_GCP_30: doc('info', 'VM uses the default service account'),
    CKV_GCP_31: doc('medium', 'VM uses the default service account with full API access'),
    CKV_GCP_32: doc('high', 'VM does not block project-wide SSH keys'),
    CKV_GCP_33: doc('high', 'Project OS Login disabled'),
    CKV_GCP_35: doc('medium', 'VM serial port access enabled'),
    CKV_GCP_36: doc('medium', 'VM IP forwarding enabled'),
    CKV_GCP_38: doc('high', 'VM boot disk not encrypted with CSEK'),
    CKV_GCP_39: doc('medium', 'VM Shielded VM disabled'),
    CKV_GCP_40: doc('low', 'VM has an external IP address'),
    CKV_GCP_41: doc('high', 'Service Account User/Token Creator granted at project level'),
    CKV_GCP_42: doc('high', 'Service account has admin privileges'),
    CKV_GCP_43: doc('medium', 'KMS key rotation period above 90 days'),
    CKV_GCP_46: doc('high', 'Default service account used at project level'),
    CKV_GCP_60: doc('low', 'Cloud SQL instance has a public IP'),
    CKV_GCP_61: doc('medium', 'GKE intranode visibility disabled'),
    CKV_GCP_62: rule('medium', 'Storage bucket access logging disabled'),
    CKV_GCP_64: doc('medium', 'GKE private nodes disabled'),
    CKV_GCP_66: doc('medium', 'GKE binary authorization disabled'),
    CKV_GCP_69: doc('low', 'GKE metadata server disabled'),
    CKV_GCP_70: doc('medium', 'GKE release channel not set'),
    CKV_GCP_71: doc('medium', 'GKE Shielded Nodes disabled'),
    CKV_GCP_78: doc('low', 'Storage bucket versioning disabled'),
    CKV_GCP_106: doc('low', 'Firewall allows HTTP from 0.0.0.0/0'),
    CKV_GCP_113: doc('high', 'IAM policy grants public access'),
    CKV_GCP_114: rule('high', 'Storage bucket public access prevention not enforced'),
    CKV2_GCP_1: doc('medium', 'GKE nodes use the default service account'),
    CKV2_GCP_5: doc('info', 'Project audit logging not configured for all services'),
    CKV2_GCP_12: doc('high', 'Firewall ingress allows all traffic'),
    // Kubernetes
    CKV_K8S_8: doc('low', 'Liveness probe not configured'),
    CKV_K8S_9: doc('low', 'Readiness probe not configured'),
    CKV_K8S_10: doc('low', 'CPU requests not set'),
    CKV_K8S_11: doc('low', 'CPU limits not set'),
    CKV_K8S_12: doc('low', 'Memory requests not set'),
    CKV_K8S_13: doc('low', 'Memory limits not set'),
    CKV_K8S_14: doc('low', 'Image tag not fixed (latest or empty)'),
    CKV_K8S_15: doc('low', 'Image pull policy not Always'),
    CKV_K8S_16: doc('high', 'Container runs privileged'),
    CKV_K8S_17: doc('medium', 'Container shares the host PID namespace'),
    CKV_K8S_18: doc('medium', 'Container shares the host IPC namespace'),
    CKV_K8S_19: doc('medium', 'Container shares the host network namespace'),
    CKV_K8S_20: doc('medium', 'Container allows privilege escalation'),
    CKV_K8S_21: doc('low', 'Default namespace used'),
    CKV_K8S_22: doc('low', 'Container root filesystem not read-only'),
    CKV_K8S_23: doc('medium', 'Container may run as root'),
    CKV_K8S_25: doc('low', 'Container adds capabilities'),
    CKV_K8S_26: doc('low', 'Container uses hostPort'),
    CKV_K8S_27: doc('medium', 'Docker socket mounted into a container'),
    CKV_K8S_28: doc('low', 'Container does not drop NET_RAW'),
    CKV_K8S_29: doc('low', 'Pod security context not set'),
    CKV_K8S_30: doc('low', 'Container security context not set'),
    CKV_K8S_31: doc('low', 'Seccomp profile not runtime/default'),
    CKV_K8S_33: doc('low', 'Kubernetes dashboard deployed'),
    CKV_K8S_35: doc('low', 'Secrets exposed as environment variables'),
    CKV_K8S_37: doc('low', 'Container capabilities not minimized'),
    CKV_K8S_38: doc('low', 'Service account token mounted unnecessarily'),
    CKV_K8S_39: doc('high', 'Container uses CAP_SYS_ADMIN'),
    CKV_K8S_40: doc('low', 'Container does not run with a high UID'),
    CKV_K8S_41: doc('low', 'Default service account automounts its token'),
    CKV_K8S_42: doc('low', 'Default service account bound to a role'),
    CKV_K8S_43: doc('low', 'Image not referenced by digest'),
    CKV_K8S_49: doc('medium', 'Role or ClusterRole uses wildcards'),
    CKV_K8S_153: doc('low', 'NGINX Ingress annotation snippets used'),
    CKV_K8S_155: doc('high', 'ClusterRole controls admission webhook configurations'),
    CKV_K8S_156: doc('high', 'ClusterRole can approve CertificateSigningRequests'),
    CKV_K8S_157: doc('medium', 'Role can bind RoleBindings or ClusterRoleBindings'),
    CKV_K8S_158: doc('medium', 'Role can escalate Roles or ClusterRoles'),
    CKV2_K8S_1: doc('high', 'RoleBinding allows privilege escalation to another subject'),
    CKV2_K8S_2: doc('high', 'Role grants create on nodes/proxy or pods/exec'),
    CKV2_K8S_3: doc('high', 'ServiceAccount or Node can impersonate identities'),
    CKV2_K8S_4: doc('medium', 'Subject can modify services/status (CVE-2020-8554)'),
    CKV2_K8S_5: doc('high', 'ServiceAccount or Node can read all secrets'),
    CKV2_K8S_6: rule('medium', 'Pod has no associated NetworkPolicy'),
    // Dockerfile
    CKV_DOCKER_1: doc('low', 'Port 22 exposed'),
    CKV_DOCKER_2: doc('low', 'No HEALTHCHECK instruction'),
    CKV_DOCKER_3: doc('low', 'No non-root user created'),
    CKV_DOCKER_4: doc('low', 'ADD used instead of COPY'),
    CKV_DOCKER_5: doc('low', 'Package index update run on its own'),
    CKV_DOCKER_6: doc('low', 'Deprecated MAINTAINER instruction used'),
    CKV_DOCKER_7: doc('low', 'Base image uses the latest tag'),
    CKV_DOCKER_8: doc('low', 'Last USER is root'),
    CKV_DOCKER_9: doc('low', 'apt used instead of apt-get'),
    CKV_DOCKER_10: doc('low', 'WORKDIR is not an absolute path'),
    CKV_DOCKER_11: doc('low', 'FROM alias not unique in a multi-stage build'),
    CKV2_DOCKER_1: doc('low', 'sudo used in RUN'),
    CKV2_DOCKER_2: doc('high', 'curl certificate validation disabled'),
    CKV2_DOCKER_3: doc('high', 'wget certificate validation disabled'),
    CKV2_DOCKER_4: doc('high', 'pip --trusted-host disables certificate validation'),
    CKV2_DOCKER_5: doc('high', 'PYTHONHTTPSVERIFY disables certificate validation'),
    CKV2_DOCKER_6: doc('high', 'NODE_TLS_REJECT_UNAUTHORIZED disables certificate validation'),
    CKV2_DOCKER_7: doc('medium', 'apk allows untrusted repositories'),
    CKV2_DOCKER_8: doc('medium', 'apt-get allows unauthenticated packages'),
    CKV2_DOCKER_9: doc('medium', 'yum/dnf skips GPG signature checks'),
    CKV2_DOCKER_10: doc('high', 'rpm skips package signature checks'),
    CKV2_DOCKER_11: doc('high', 'apt-get forces installs without verification'),
    CKV2_DOCKER_12: doc('high', 'NPM strict SSL disabled via environment'),
    CKV2_DOCKER_13: doc('high', 'NPM strict SSL disabled via npm config'),
    CKV2_DOCKER_14: doc('high', 'Git SSL verification disabled'),
    CKV2_DOCKER_15: doc('high', 'yum/dnf SSL verification disabled'),
    CKV2_DOCKER_16: doc('medium', 'pip trusted host set via environment'),
    CKV2_DOCKER_17: rule('high', 'chpasswd used to set or remove passwords'),
    // GitHub Actions
    CKV_GHA_1: rule('high', 'ACTIONS_ALLOW_UNSECURE_COMMANDS enabled'),
    CKV_GHA_2: rule('high', 'Run step vulnerable to shell injection'),
    CKV_GHA_3: rule('high', 'Suspicious curl call sending secrets'),
    CKV_GHA_4: rule('high', 'Suspicious netcat call to an IP address'),
    CKV_GHA_5: rule('low', 'Artifact built without cosign signing'),
    CKV_GHA_6: rule('low', 'Artifact built without cosign SBOM attestation'),
    CKV_GHA_7: rule('medium', 'workflow_dispatch inputs can alter the build'),
    CKV2_GHA_1: rule('medium', 'Top-level permissions set to write-all'),
    // Secrets
    CKV_SECRET_1: rule('high', 'Artifactory credentials'),
    CKV_SECRET_2: doc('high', 'AWS access key'),
    CKV_SECRET_3: doc('high', 'Azure storage account access key'),
    CKV_SECRET_4: rule('high', 'Basic auth credentials'),
    CKV_SECRET_5: rule('high', 'Cloudant credentials'),
    CKV_SECRET_6: rule('high', 'Base64 high-entropy string'),
    CKV_SECRET_7: doc('high', 'IBM Cloud IAM key'),
    CKV_SECRET_8: rule('high', 'IBM COS HMAC credentials'),
    CKV_SECRET_9: rule('high', 'JSON Web Token'),
    CKV_SECRET_10: rule('high', 'Secret keyword assignment'),
    CKV_SECRET_11: rule('high', 'Mailchimp access key'),
    CKV_SECRET_12: rule('high', 'NPM token'),
    CKV_SECRET_13: rule('high', 'Private key'),
    CKV_SECRET_14: rule('high', 'Slack token'),
    CKV_SECRET_15: rule('high', 'SoftLayer credentials'),
    CKV_SECRET_16: rule('high', 'Square OAuth secret'),
    CKV_SECRET_17: rule('high', 'Stripe access key'),
    CKV_SECRET_18: rule('high', 'Twilio API key'),
    CKV_SECRET_19: rule('high', 'Hex high-entropy string'),
    CKV_SECRET_80: rule('high', 'Random high-entropy string')
});
/** The built-in severity and title for a checkov check id, or undefined when the id is not in the table. */
function checkovSeverity(checkId) {
    const id = checkId.trim().toUpperCase();
    return Object.hasOwn(CHECKOV_SEVERITY, id) ? CHECKOV_SEVERITY[id] : undefined;
}

// EXTERNAL MODULE: ./.build/actions/lib/findings/fingerprint.js
var fingerprint = __webpack_require__(2789);
// EXTERNAL MODULE: ./.build/actions/lib/findings/report-error.js
var report_error = __webpack_require__(3228);
// EXTERNAL MODULE: ./.build/actions/lib/findings/severity-names.js
var severity_names = __webpack_require__(9423);
;// CONCATENATED MODULE: ./.build/actions/lib/findings/checkov.js
// checkov JSON: one framework (object), several (array), or the bare summary printed when nothing
// was scanned. Without a platform API key checkov leaves `severity` null; the built-in map fills it.




const SUMMARY_KEYS = ['passed', 'failed', 'skipped'];
/** True for the summary object checkov prints when it found nothing to scan: `parsing_errors` in
 * checkov 3, `parsingerrors` (with `resourcecount`) in checkov 2. */
function isCheckovBareSummary(doc) {
    return SUMMARY_KEYS.every((k) => typeof doc[k] === 'number') && parsingErrorCount(doc) !== undefined && !('results' in doc);
}
function parsingErrorCount(summary) {
    const n = summary.parsing_errors ?? summary.parsingerrors;
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}
function isCheckovFramework(doc) {
    return (0,report_error/* isObject */.Gv)(doc) && typeof doc.check_type === 'string' && (0,report_error/* isObject */.Gv)(doc.results);
}
function parseCheckov(doc, path, options) {
    const frameworks = Array.isArray(doc) ? doc : [doc];
    const findings = [];
    const unmapped = new Set();
    const notes = [];
    const incomplete = [];
    for (let f = 0; f < frameworks.length; f++) {
        const fw = frameworks[f];
        if ((0,report_error/* isObject */.Gv)(fw) && isCheckovBareSummary(fw)) {
            if (fw.failed !== 0)
                throw (0,report_error/* reportError */.N7)(path, `checkov summary says ${String(fw.failed)} checks failed but lists no results; run checkov with -o json.`);
            // Nothing scanned and files it could not parse: the files are unchecked, not clean.
            const unparsed = parsingErrorCount(fw) ?? 0;
            if (unparsed > 0)
                incomplete.push(`checkov could not parse ${unparsed} file(s) and scanned nothing (the report does not name them; checkov's log does).`);
            continue;
        }
        if (!isCheckovFramework(fw))
            throw (0,report_error/* reportError */.N7)(path, `checkov report: entry ${f} has no check_type and results; is this checkov -o json output?`);
        const results = fw.results;
        const failed = 'failed_checks' in results ? results.failed_checks : [];
        if (!Array.isArray(failed))
            throw (0,report_error/* reportError */.N7)(path, `checkov report: ${String(fw.check_type)}.results.failed_checks is not an array.`);
        incomplete.push(...unparsedFiles(fw, results));
        notes.push(...skippedChecks(fw, results));
        const summaryFailed = (0,report_error/* isObject */.Gv)(fw.summary) ? fw.summary.failed : undefined;
        if (typeof summaryFailed === 'number' && summaryFailed > failed.length) {
            throw (0,report_error/* reportError */.N7)(path, `checkov report: ${String(fw.check_type)} summary counts ${summaryFailed} failed check(s) but lists ${failed.length}; the report is incomplete.`);
        }
        for (let i = 0; i < failed.length; i++) {
            const check = failed[i];
            if (!(0,report_error/* isObject */.Gv)(check))
                throw (0,report_error/* reportError */.N7)(path, `checkov report: ${String(fw.check_type)} failed_checks[${i}] is not an object.`);
            const id = (0,report_error/* str */.gx)(check.check_id);
            if (!id)
                throw (0,report_error/* reportError */.N7)(path, `checkov report: ${String(fw.check_type)} failed_checks[${i}] has no check_id.`);
            const severity = severityOf(check, id, String(fw.check_type), options, unmapped, path);
            const file = normalisePath((0,report_error/* str */.gx)(check.repo_file_path) ?? (0,report_error/* str */.gx)(check.file_path));
            const range = Array.isArray(check.file_line_range) ? check.file_line_range : [];
            const line = (0,report_error/* lineOf */.cA)(range[0]);
            const resource = (0,report_error/* str */.gx)(check.resource);
            findings.push({
                tool: 'checkov',
                kind: fw.check_type === 'secrets' ? 'secret' : 'misconfiguration',
                ruleId: id,
                severity,
                title: (0,report_error/* str */.gx)(check.check_name) ?? id,
                location: { file, line, endLine: (0,report_error/* lineOf */.cA)(range[1]), resource, target: fw.check_type },
                fingerprint: (0,fingerprint/* fingerprintOf */.a)('checkov', id, file, resource ?? line),
                fixAvailable: undefined,
                helpUri: (0,report_error/* str */.gx)(check.guideline)
            });
        }
    }
    return { format: 'checkov', tool: 'checkov', findings, unmapped: [...unmapped].sort(), notes, incomplete };
}
/**
 * The files of one framework checkov could not parse. `results.parsing_errors` names them, but
 * checkov's `--quiet` drops that list; `summary.parsing_errors` still counts them.
 */
function unparsedFiles(fw, results) {
    const framework = String(fw.check_type);
    const listed = Array.isArray(results.parsing_errors) ? results.parsing_errors : [];
    const named = listed.map((e) => (typeof e === 'string' ? e : (0,report_error/* isObject */.Gv)(e) ? (0,report_error/* str */.gx)(e.file_path) ?? (0,report_error/* str */.gx)(e.file) : undefined));
    const counted = (0,report_error/* isObject */.Gv)(fw.summary) ? (parsingErrorCount(fw.summary) ?? 0) : 0;
    const out = named.map((file) => `checkov could not parse ${file ?? 'a file'} (${framework}); it was not checked.`);
    if (counted > listed.length)
        out.push(`checkov could not parse ${counted - listed.length} more ${framework} file(s), not named in the report (checkov ran with --quiet); checkov's log names them.`);
    return out;
}
/** Checks checkov skipped (a `checkov:skip=` comment, --skip-check, a config file): listed as
 * suppressed with the reason given, so that a suppression stays visible. */
function skippedChecks(fw, results) {
    const skipped = Array.isArray(results.skipped_checks) ? results.skipped_checks.filter(report_error/* isObject */.Gv) : [];
    if (skipped.length === 0)
        return [];
    const shown = skipped.slice(0, 20).map((c) => {
        const file = normalisePath((0,report_error/* str */.gx)(c.repo_file_path) ?? (0,report_error/* str */.gx)(c.file_path));
        const why = (0,report_error/* str */.gx)(c.suppress_comment);
        return `checkov: ${(0,report_error/* str */.gx)(c.check_id) ?? 'a check'} skipped on ${(0,report_error/* str */.gx)(c.resource) ?? file ?? 'a resource'}${file ? ` (${file})` : ''}${why ? `: ${why}` : ''}.`;
    });
    const more = skipped.length > shown.length ? [`checkov: … and ${skipped.length - shown.length} more skipped check(s) (${String(fw.check_type)}).`] : [];
    return [`checkov: ${skipped.length} ${String(fw.check_type)} check(s) skipped (suppressed) were not counted.`, ...shown, ...more];
}
function severityOf(check, id, framework, options, unmapped, path) {
    // NONE is checkov's DEFAULT_SEVERITY, "a score of 0.0", which it gives a package vulnerability
    // whose severity it does not know (checkov/common/sca/output.py): unrated, never harmless.
    if (check.severity === 'NONE')
        return 'unknown';
    if (check.severity !== null && check.severity !== undefined) {
        const given = (0,severity_names/* severityFromName */.p4)(check.severity);
        if (!given)
            throw (0,report_error/* reportError */.N7)(path, `checkov report: ${id} has unknown severity ${JSON.stringify(check.severity)}.`);
        return given;
    }
    return mappedCheckovSeverity(id, framework === 'secrets', options, unmapped);
}
/** A check without a severity of its own: the built-in map, else secret-severity for secrets,
 * else default-severity (and the id is listed as unmapped). Shared by checkov's JSON and SARIF. */
function mappedCheckovSeverity(id, isSecret, options, unmapped) {
    const known = checkovSeverity(id);
    if (known)
        return known.severity;
    if (isSecret || id.startsWith('CKV_SECRET_'))
        return options.secretSeverity;
    unmapped.add(id);
    return options.defaultSeverity;
}
/** checkov prints `/main.tf` for files under the scanned directory; report them relative. */
function normalisePath(file) {
    if (file === undefined)
        return undefined;
    return file.replace(/^\/+/, '');
}

;// CONCATENATED MODULE: ./.build/actions/lib/findings/gitleaks.js
// gitleaks v8 JSON: an array of leaks. The secret and the matched line are never carried over.


function parseGitleaks(doc, path, options) {
    const findings = [];
    for (let i = 0; i < doc.length; i++) {
        const leak = doc[i];
        if (!(0,report_error/* isObject */.Gv)(leak))
            throw (0,report_error/* reportError */.N7)(path, `gitleaks report: entry ${i} is not an object.`);
        const rule = (0,report_error/* str */.gx)(leak.RuleID);
        // Every v8 leak has a File key; `gitleaks stdin` (8.15 and later) leaves it "", having no file.
        if (!rule || typeof leak.File !== 'string') {
            throw (0,report_error/* reportError */.N7)(path, `gitleaks report: entry ${i} lacks RuleID or File; is this a gitleaks v8 JSON report?`);
        }
        const file = (0,report_error/* str */.gx)(leak.File);
        const line = (0,report_error/* lineOf */.cA)(leak.StartLine);
        const commit = (0,report_error/* str */.gx)(leak.Commit);
        findings.push({
            tool: 'gitleaks',
            kind: 'secret',
            ruleId: rule,
            severity: options.secretSeverity,
            title: (0,report_error/* str */.gx)(leak.Description) ?? rule,
            location: { file, line, endLine: (0,report_error/* lineOf */.cA)(leak.EndLine), target: commit ? `commit ${commit.slice(0, 12)}` : undefined },
            fingerprint: (0,fingerprint/* fingerprintOf */.a)('gitleaks', rule, file, line, commit),
            fixAvailable: undefined
        });
    }
    return { format: 'gitleaks', tool: 'gitleaks', findings, unmapped: [], notes: [], incomplete: [] };
}

// EXTERNAL MODULE: ./.build/actions/lib/findings/parsed-report.js
var parsed_report = __webpack_require__(7671);
;// CONCATENATED MODULE: ./.build/actions/lib/findings/bandit.js
// Bandit JSON (`bandit -f json`): results[] of {test_id, test_name, issue_severity,
// issue_confidence, issue_text, filename, line_number, line_range, more_info, issue_cwe}, errors[]
// of {filename, reason} and metrics (bandit/formatters/json.py, bandit/core/issue.py as_dict).
// A file bandit could not parse was not checked: the scan is incomplete.


/** bandit/core/constants.py RANKING: UNDEFINED, LOW, MEDIUM, HIGH. */
const SEVERITY = { HIGH: 'high', MEDIUM: 'medium', LOW: 'low', UNDEFINED: 'unknown' };
function isBandit(doc) {
    return Array.isArray(doc.results) && Array.isArray(doc.errors) && (0,report_error/* isObject */.Gv)(doc.metrics) && 'generated_at' in doc;
}
function parseBandit(doc, path) {
    if (!Array.isArray(doc.results))
        throw (0,report_error/* reportError */.N7)(path, 'bandit report: "results" is not an array.');
    const findings = [];
    for (let i = 0; i < doc.results.length; i++) {
        const r = doc.results[i];
        const where = `bandit report: results[${i}]`;
        if (!(0,report_error/* isObject */.Gv)(r) || !(0,report_error/* str */.gx)(r.test_id) || !(0,report_error/* str */.gx)(r.filename))
            throw (0,report_error/* reportError */.N7)(path, `${where} has no test_id or filename.`);
        const severity = typeof r.issue_severity === 'string' ? SEVERITY[r.issue_severity.toUpperCase()] : undefined;
        if (!severity)
            throw (0,report_error/* reportError */.N7)(path, `${where} has unknown issue_severity ${JSON.stringify(r.issue_severity)}; expected HIGH, MEDIUM or LOW.`);
        const id = (0,report_error/* str */.gx)(r.test_id);
        const file = (0,report_error/* str */.gx)(r.filename).replace(/^\.\/+/, '');
        const line = (0,report_error/* lineOf */.cA)(r.line_number);
        const range = Array.isArray(r.line_range) ? r.line_range : [];
        findings.push({
            tool: 'bandit',
            kind: 'other',
            ruleId: id,
            severity,
            title: `${(0,report_error/* str */.gx)(r.issue_text) ?? (0,report_error/* str */.gx)(r.test_name) ?? id}${(0,report_error/* str */.gx)(r.issue_confidence) ? ` (confidence ${String(r.issue_confidence).toLowerCase()})` : ''}`,
            location: { file, line, endLine: (0,report_error/* lineOf */.cA)(range[range.length - 1]) },
            fingerprint: (0,fingerprint/* fingerprintOf */.a)('bandit', id, file, line),
            fixAvailable: undefined,
            helpUri: (0,report_error/* str */.gx)(r.more_info)
        });
    }
    const errors = Array.isArray(doc.errors) ? doc.errors.filter(report_error/* isObject */.Gv) : [];
    const incomplete = errors.map((e) => `bandit could not check ${(0,report_error/* str */.gx)(e.filename) ?? 'a file'}: ${(0,report_error/* str */.gx)(e.reason) ?? 'error'}.`);
    return { format: 'bandit', tool: 'bandit', findings, unmapped: [], notes: [], incomplete };
}

;// CONCATENATED MODULE: ./.build/actions/lib/findings/grype.js
// grype JSON (`grype -o json`): matches[] of {vulnerability, relatedVulnerabilities, matchDetails,
// artifact} (grype/presenter/models: Document, Match, Vulnerability, Package). Ignored matches
// (--only-fixed, .grype.yaml ignore rules) are not counted but said; a match with no vulnerability
// id or no package is refused rather than dropped.



function isGrype(doc) {
    return Array.isArray(doc.matches) && (0,report_error/* isObject */.Gv)(doc.descriptor) && doc.descriptor.name === 'grype';
}
function parseGrype(doc, path) {
    if (!Array.isArray(doc.matches))
        throw (0,report_error/* reportError */.N7)(path, 'grype report: "matches" is not an array.');
    const findings = [];
    const notes = [];
    const source = (0,report_error/* isObject */.Gv)(doc.source) ? doc.source : {};
    const target = (0,report_error/* isObject */.Gv)(source.target) ? (0,report_error/* str */.gx)(source.target.userInput) : (0,report_error/* str */.gx)(source.target);
    for (let i = 0; i < doc.matches.length; i++) {
        const m = doc.matches[i];
        const where = `grype report: matches[${i}]`;
        if (!(0,report_error/* isObject */.Gv)(m) || !(0,report_error/* isObject */.Gv)(m.vulnerability) || !(0,report_error/* isObject */.Gv)(m.artifact))
            throw (0,report_error/* reportError */.N7)(path, `${where} lacks vulnerability or artifact.`);
        const v = m.vulnerability;
        const a = m.artifact;
        const id = (0,report_error/* str */.gx)(v.id);
        const pkg = (0,report_error/* str */.gx)(a.name);
        if (!id || !pkg)
            throw (0,report_error/* reportError */.N7)(path, `${where} has no vulnerability id or package name.`);
        // Unknown is what grype writes when no source rates the vulnerability; absent, likewise.
        const severity = v.severity === undefined || v.severity === '' ? 'unknown' : ((0,severity_names/* severityFromName */.p4)(v.severity) ?? (0,severity_names/* unknownSeverity */.MY)(v.severity, `${path}: ${where}`));
        const related = Array.isArray(m.relatedVulnerabilities) ? m.relatedVulnerabilities.filter(report_error/* isObject */.Gv).map((r) => (0,report_error/* str */.gx)(r.id)).filter((r) => !!r && r !== id) : [];
        const locations = Array.isArray(a.locations) ? a.locations.filter(report_error/* isObject */.Gv) : [];
        const file = locations.length > 0 ? relative((0,report_error/* str */.gx)(locations[0].path)) : undefined;
        const fix = (0,report_error/* isObject */.Gv)(v.fix) ? v.fix : {};
        const versions = Array.isArray(fix.versions) ? fix.versions.filter((x) => typeof x === 'string') : [];
        const version = (0,report_error/* str */.gx)(a.version);
        findings.push({
            tool: 'grype',
            kind: 'vulnerability',
            ruleId: id,
            severity,
            title: (0,report_error/* str */.gx)(v.description)?.split('\n')[0] ?? id,
            location: { file, package: pkg, installedVersion: version, fixedVersion: versions.length ? versions.join(', ') : undefined, target },
            fingerprint: (0,fingerprint/* fingerprintOf */.a)('grype', 'vuln', id, pkg, version, file, (0,report_error/* str */.gx)(a.type)),
            fixAvailable: fix.state === 'fixed' ? true : fix.state === 'not-fixed' || fix.state === 'wont-fix' ? false : undefined,
            helpUri: (0,report_error/* str */.gx)(v.dataSource),
            aliases: related.length ? [...new Set(related)] : undefined
        });
    }
    const ignored = Array.isArray(doc.ignoredMatches) ? doc.ignoredMatches.length : 0;
    if (ignored > 0)
        notes.push(`grype: ${ignored} match(es) ignored by grype's own ignore rules were not counted.`);
    return { format: 'grype', tool: 'grype', findings, unmapped: [], notes, incomplete: [] };
}
/** grype writes the paths it found packages at as absolute within the scanned tree ("/app/x"). */
function relative(file) {
    return file?.replace(/^\.?\/+/, '');
}

;// CONCATENATED MODULE: ./.build/actions/lib/findings/hadolint.js
// Hadolint JSON (`hadolint -f json`): an array of {file, line, column, level, code, message}
// (hadolint/hadolint src/Hadolint/Formatter/Json.hs; levels from Format.hs severityText: error,
// warning, info, style). DL1000 is hadolint's "could not parse the Dockerfile": that file was not
// checked, so the scan is incomplete rather than clean. Hadolint is a Haskell program that no
// registry this project uses carries; the format is read from its source.


const LEVELS = { error: 'high', warning: 'medium', info: 'low', style: 'info' };
function isHadolintEntry(entry) {
    return (0,report_error/* isObject */.Gv)(entry) && typeof entry.code === 'string' && typeof entry.level === 'string' && 'file' in entry && 'line' in entry && !('RuleID' in entry);
}
function parseHadolint(doc, path) {
    const findings = [];
    const incomplete = [];
    for (let i = 0; i < doc.length; i++) {
        const e = doc[i];
        if (!isHadolintEntry(e))
            throw (0,report_error/* reportError */.N7)(path, `hadolint report: entry ${i} lacks code, level, file or line; is this hadolint -f json output?`);
        const entry = e;
        const code = (0,report_error/* str */.gx)(entry.code);
        const file = (0,report_error/* str */.gx)(entry.file)?.replace(/^\.\/+/, '');
        if (code === 'DL1000') {
            incomplete.push(`hadolint could not parse ${file ?? 'a Dockerfile'}: ${(0,report_error/* str */.gx)(entry.message)?.split('\n')[0] ?? 'parse error'}`);
            continue;
        }
        const severity = LEVELS[String(entry.level)];
        if (!severity)
            throw (0,report_error/* reportError */.N7)(path, `hadolint report: entry ${i} has unknown level ${JSON.stringify(entry.level)}; expected error, warning, info or style.`);
        const line = (0,report_error/* lineOf */.cA)(entry.line);
        findings.push({
            tool: 'hadolint',
            kind: 'misconfiguration',
            ruleId: code,
            severity,
            title: (0,report_error/* str */.gx)(entry.message) ?? code,
            location: { file, line },
            fingerprint: (0,fingerprint/* fingerprintOf */.a)('hadolint', code, file, line),
            fixAvailable: undefined,
            helpUri: /^DL\d+$/.test(code) ? `https://github.com/hadolint/hadolint/wiki/${code}` : /^SC\d+$/.test(code) ? `https://www.shellcheck.net/wiki/${code}` : undefined
        });
    }
    return { format: 'hadolint', tool: 'hadolint', findings, unmapped: [], notes: [], incomplete };
}

;// CONCATENATED MODULE: ./.build/actions/lib/findings/npm-audit.js
// npm audit JSON of npm 7 and later (`npm audit --json`, auditReportVersion 2): vulnerabilities
// keyed by package, each with `via`: advisories (objects with source, title, url, severity, range)
// or names of the vulnerable packages it depends on (strings). One finding per advisory and
// package that the advisory names; a package vulnerable only through another is that other's
// finding, not a second one. Source of truth: npm/cli lib/commands/audit.js and
// @npmcli/arborist's audit-report.js (toJSON). npm 6's auditReportVersion-less format is refused.



function isNpmAudit(doc) {
    return 'auditReportVersion' in doc || ((0,report_error/* isObject */.Gv)(doc.advisories) && (0,report_error/* isObject */.Gv)(doc.metadata)) || isNpmAuditFailure(doc);
}
/** What `npm audit --json` writes when the registry's audit endpoint fails (npm-registry-fetch's
 * HttpErrorGeneral as JSON: message, method, uri, statusCode, error). */
function isNpmAuditFailure(doc) {
    return typeof doc.uri === 'string' && /\/-\/npm\/v1\/security\//.test(doc.uri) && 'statusCode' in doc;
}
function parseNpmAudit(doc, path) {
    if (isNpmAuditFailure(doc)) {
        throw (0,report_error/* reportError */.N7)(path, `npm audit did not audit anything: the registry's audit endpoint answered ${(0,report_error/* num */.bu)(doc.statusCode) ?? 'an error'}${(0,report_error/* str */.gx)(doc.message) ? ` (${(0,report_error/* str */.gx)(doc.message).split(' - ')[0]})` : ''}; use a registry that serves /-/npm/v1/security/advisories/bulk.`);
    }
    if (doc.auditReportVersion !== 2) {
        throw (0,report_error/* reportError */.N7)(path, `npm audit report has auditReportVersion ${JSON.stringify(doc.auditReportVersion)}; only version 2 (npm 7 and later, npm audit --json) is read.`);
    }
    // npm writes {error: {...}} (with the version) when the audit itself failed: not a clean result.
    if ((0,report_error/* isObject */.Gv)(doc.error))
        throw (0,report_error/* reportError */.N7)(path, `npm audit failed: ${(0,report_error/* str */.gx)(doc.error.summary) ?? (0,report_error/* str */.gx)(doc.error.code) ?? 'see its output'}.`);
    if (!(0,report_error/* isObject */.Gv)(doc.vulnerabilities))
        throw (0,report_error/* reportError */.N7)(path, 'npm audit report: "vulnerabilities" is not an object.');
    const findings = [];
    for (const [key, entry] of Object.entries(doc.vulnerabilities)) {
        if (!(0,report_error/* isObject */.Gv)(entry))
            throw (0,report_error/* reportError */.N7)(path, `npm audit report: vulnerabilities.${key} is not an object.`);
        const name = (0,report_error/* str */.gx)(entry.name) ?? key;
        const via = Array.isArray(entry.via) ? entry.via : [];
        const nodes = Array.isArray(entry.nodes) ? entry.nodes.filter((n) => typeof n === 'string') : [];
        for (const advisory of via) {
            if (!(0,report_error/* isObject */.Gv)(advisory))
                continue;
            const url = (0,report_error/* str */.gx)(advisory.url);
            const id = url?.match(/(GHSA(?:-[0-9a-z]{4}){3})$/i)?.[1] ?? String(advisory.source ?? '');
            if (!id)
                throw (0,report_error/* reportError */.N7)(path, `npm audit report: an advisory of ${name} has no url or source.`);
            const pkg = (0,report_error/* str */.gx)(advisory.name) ?? name;
            const severity = (0,severity_names/* severityFromName */.p4)(advisory.severity) ?? (0,severity_names/* unknownSeverity */.MY)(advisory.severity, `${path}: npm audit advisory ${id} (${pkg})`);
            const fix = entry.fixAvailable;
            findings.push({
                tool: 'npm-audit',
                kind: 'vulnerability',
                ruleId: id,
                severity,
                title: (0,report_error/* str */.gx)(advisory.title) ?? id,
                location: { package: pkg, target: nodes[0] ?? 'npm audit' },
                fingerprint: (0,fingerprint/* fingerprintOf */.a)('npm-audit', 'vuln', id, pkg, nodes.join(',')),
                fixAvailable: fix === true || (0,report_error/* isObject */.Gv)(fix) ? true : fix === false ? false : undefined,
                helpUri: url
            });
        }
    }
    return { format: 'npm-audit', tool: 'npm-audit', findings, unmapped: [], notes: [], incomplete: [] };
}

;// CONCATENATED MODULE: ./.build/actions/lib/findings/osv-scanner.js
// OSV-Scanner JSON (`osv-scanner scan --format json`, v1 and v2): results[] per source (lockfile,
// SBOM, image layer), packages[] with the OSV entries that affect them and `groups`: the ids of
// one vulnerability under its several names (a GHSA and its CVE) with their highest CVSS score.
// One finding per group, as osv-scanner's own table counts them. Source of truth:
// google/osv-scanner pkg/models/results.go (VulnerabilityResults, PackageSource, GroupInfo).



function isOsvScanner(doc) {
    return Array.isArray(doc.results) && (doc.results.length === 0 ? 'experimental_config' in doc : doc.results.every((r) => (0,report_error/* isObject */.Gv)(r) && (0,report_error/* isObject */.Gv)(r.source) && 'packages' in r));
}
function parseOsvScanner(doc, path) {
    if (!Array.isArray(doc.results))
        throw (0,report_error/* reportError */.N7)(path, 'osv-scanner report: "results" is not an array.');
    const findings = [];
    for (let r = 0; r < doc.results.length; r++) {
        const result = doc.results[r];
        if (!(0,report_error/* isObject */.Gv)(result) || !(0,report_error/* isObject */.Gv)(result.source))
            throw (0,report_error/* reportError */.N7)(path, `osv-scanner report: results[${r}] has no source.`);
        const file = (0,report_error/* str */.gx)(result.source.path)?.replace(/^\.\/+/, '');
        const packages = Array.isArray(result.packages) ? result.packages : [];
        for (let p = 0; p < packages.length; p++) {
            const entry = packages[p];
            const where = `osv-scanner report: results[${r}].packages[${p}]`;
            if (!(0,report_error/* isObject */.Gv)(entry) || !(0,report_error/* isObject */.Gv)(entry.package))
                throw (0,report_error/* reportError */.N7)(path, `${where} has no package.`);
            const pkg = (0,report_error/* str */.gx)(entry.package.name);
            if (!pkg)
                throw (0,report_error/* reportError */.N7)(path, `${where} has no package name.`);
            const version = (0,report_error/* str */.gx)(entry.package.version);
            const vulns = (Array.isArray(entry.vulnerabilities) ? entry.vulnerabilities : []).filter(report_error/* isObject */.Gv);
            const byId = new Map(vulns.map((v) => [(0,report_error/* str */.gx)(v.id), v]));
            const groups = Array.isArray(entry.groups) ? entry.groups.filter(report_error/* isObject */.Gv) : [];
            // Every vulnerability listed must be in a group; one outside all groups counts on its own.
            const grouped = new Set(groups.flatMap((g) => (Array.isArray(g.ids) ? g.ids : [])));
            const all = [...groups.map((g) => ({ ids: strings(g.ids), aliases: strings(g.aliases), score: g.max_severity })), ...vulns.filter((v) => !grouped.has(v.id)).map((v) => ({ ids: [(0,report_error/* str */.gx)(v.id) ?? ''], aliases: strings(v.aliases), score: '' }))];
            for (const g of all) {
                const id = g.ids[0];
                if (!id)
                    throw (0,report_error/* reportError */.N7)(path, `${where}: a group with no ids.`);
                const first = byId.get(id);
                const aliases = [...new Set([...g.ids.slice(1), ...g.aliases, ...g.ids.flatMap((i) => strings(byId.get(i)?.aliases))])].filter((a) => a !== id);
                findings.push({
                    tool: 'osv-scanner',
                    kind: 'vulnerability',
                    ruleId: id,
                    severity: osv_scanner_severityOf(g.score, g.ids.map((i) => byId.get(i))),
                    title: (0,report_error/* str */.gx)(first?.summary) ?? (0,report_error/* str */.gx)(first?.details)?.split('\n')[0] ?? id,
                    location: { file, package: pkg, installedVersion: version, fixedVersion: fixedOf(first, pkg), target: (0,report_error/* str */.gx)(entry.package.ecosystem) },
                    fingerprint: (0,fingerprint/* fingerprintOf */.a)('osv-scanner', 'vuln', id, pkg, version, file),
                    fixAvailable: fixedOf(first, pkg) !== undefined ? true : undefined,
                    helpUri: `https://osv.dev/${id}`,
                    aliases: aliases.length ? aliases : undefined
                });
            }
        }
    }
    return { format: 'osv-scanner', tool: 'osv-scanner', findings, unmapped: [], notes: [], incomplete: [] };
}
function strings(value) {
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string' && v !== '') : [];
}
/**
 * The group's max_severity is a CVSS base score as a string ("7.5"), "" when no entry has one.
 * Then the advisory database's own rating (GHSA's database_specific.severity: LOW, MODERATE, HIGH,
 * CRITICAL), the highest of the group; else unknown, never harmless.
 */
function osv_scanner_severityOf(score, vulns) {
    const n = typeof score === 'string' && score.trim() !== '' ? Number(score) : typeof score === 'number' ? score : NaN;
    if (Number.isFinite(n) && n > 0 && n <= 10)
        return (0,severity_names/* severityFromCvss */.HR)(n);
    const rank = ['critical', 'high', 'medium', 'low', 'info'];
    const named = vulns.map((v) => (v && (0,report_error/* isObject */.Gv)(v.database_specific) ? (0,severity_names/* severityFromName */.p4)(v.database_specific.severity) : undefined)).filter((s) => !!s && s !== 'unknown');
    return rank.find((s) => named.includes(s)) ?? 'unknown';
}
/** The first fixed version of the package's ranges in an OSV entry. */
function fixedOf(vuln, pkg) {
    const affected = vuln && Array.isArray(vuln.affected) ? vuln.affected.filter(report_error/* isObject */.Gv) : [];
    const fixed = [];
    for (const a of affected) {
        if ((0,report_error/* isObject */.Gv)(a.package) && a.package.name !== pkg)
            continue;
        for (const range of Array.isArray(a.ranges) ? a.ranges.filter(report_error/* isObject */.Gv) : []) {
            for (const e of Array.isArray(range.events) ? range.events.filter(report_error/* isObject */.Gv) : [])
                if ((0,report_error/* str */.gx)(e.fixed))
                    fixed.push((0,report_error/* str */.gx)(e.fixed));
        }
    }
    return fixed.length ? [...new Set(fixed)].join(', ') : undefined;
}

;// CONCATENATED MODULE: ./.build/actions/lib/findings/pip-audit.js
// pip-audit JSON (`pip-audit -f json`, 2.x): {dependencies: [{name, version, vulns: [{id,
// fix_versions, aliases, description}]} | {name, skip_reason}], fixes: [...]} (pip_audit/_format/
// json.py). pip-audit rates nothing, so its vulnerabilities are `unknown` (never harmless); merged
// with trivy's, Grype's or OSV-Scanner's report of the same advisory they take that rating. A
// dependency pip-audit skipped (not on PyPI, unresolvable) was not audited: the scan is incomplete.


function isPipAudit(doc) {
    return Array.isArray(doc.dependencies) && Array.isArray(doc.fixes);
}
function parsePipAudit(doc, path) {
    if (!Array.isArray(doc.dependencies))
        throw (0,report_error/* reportError */.N7)(path, 'pip-audit report: "dependencies" is not an array.');
    const findings = [];
    const incomplete = [];
    for (let d = 0; d < doc.dependencies.length; d++) {
        const dep = doc.dependencies[d];
        const name = (0,report_error/* isObject */.Gv)(dep) ? (0,report_error/* str */.gx)(dep.name) : undefined;
        if (!(0,report_error/* isObject */.Gv)(dep) || !name)
            throw (0,report_error/* reportError */.N7)(path, `pip-audit report: dependencies[${d}] has no name.`);
        if ((0,report_error/* str */.gx)(dep.skip_reason)) {
            incomplete.push(`pip-audit did not audit ${name}: ${(0,report_error/* str */.gx)(dep.skip_reason)}`);
            continue;
        }
        const version = (0,report_error/* str */.gx)(dep.version);
        const vulns = Array.isArray(dep.vulns) ? dep.vulns : [];
        for (let i = 0; i < vulns.length; i++) {
            const v = vulns[i];
            const id = (0,report_error/* isObject */.Gv)(v) ? (0,report_error/* str */.gx)(v.id) : undefined;
            if (!(0,report_error/* isObject */.Gv)(v) || !id)
                throw (0,report_error/* reportError */.N7)(path, `pip-audit report: dependencies[${d}].vulns[${i}] has no id.`);
            const fixes = Array.isArray(v.fix_versions) ? v.fix_versions.filter((x) => typeof x === 'string') : [];
            const aliases = Array.isArray(v.aliases) ? v.aliases.filter((x) => typeof x === 'string' && x !== id) : [];
            findings.push({
                tool: 'pip-audit',
                kind: 'vulnerability',
                ruleId: id,
                severity: 'unknown',
                title: (0,report_error/* str */.gx)(v.description)?.split('\n')[0].slice(0, 200) ?? id,
                location: { package: name, installedVersion: version, fixedVersion: fixes.length ? fixes.join(', ') : undefined, target: 'PyPI' },
                fingerprint: (0,fingerprint/* fingerprintOf */.a)('pip-audit', 'vuln', id, name.toLowerCase(), version),
                fixAvailable: fixes.length > 0,
                helpUri: `https://osv.dev/${id}`,
                aliases: aliases.length ? aliases : undefined
            });
        }
    }
    return { format: 'pip-audit', tool: 'pip-audit', findings, unmapped: [], notes: [], incomplete };
}

;// CONCATENATED MODULE: ./.build/actions/lib/findings/sarif.js
// SARIF 2.1.0 from any tool, read as the OASIS specification (sarif-v2.1.0-os) defines it:
// - whether a result is a problem: `kind` (§3.27.9; absent means "fail"), `suppressions`
//   (§3.27.23), `baselineState` "absent" (§3.27.24: gone since the baseline, not in this run);
// - its rule: `ruleId`, `rule` (a reportingDescriptorReference with id, index and toolComponent,
//   §3.52), `ruleIndex`, hierarchical ids ("CA2101/ANSI" falls back to "CA2101", §3.27.5), rules
//   in `tool.extensions` as well as `tool.driver`; a result may name no rule at all;
// - its severity, in order: the tool's own severity name (trivy keeps it in
//   rules[].properties.tags), `security-severity` as CVSS (GitHub code scanning's property), then
//   the SARIF level: the result's, else `kind` other than "fail" means "none", else a
//   ruleConfigurationOverride of the invocation, else the rule's defaultConfiguration, else
//   "warning" (§3.27.10);
// - whether the analysis finished: `invocations[].executionSuccessful` and error-level
//   `toolExecutionNotifications` (§3.20.14, §3.20.21) make the scan incomplete.




const sarif_LEVELS = { error: 'high', warning: 'medium', note: 'low', none: 'info' };
const SECRET_TOOLS = new Set(['gitleaks']);
/** Result kinds that say "this is not a problem" (§3.27.9). `open` (could not tell) still counts. */
const NOT_PROBLEMS = new Set(['pass', 'notApplicable', 'informational', 'review']);
const KINDS = new Set(['fail', 'open', ...NOT_PROBLEMS]);
/** The rule id a result gets when it names no rule (valid SARIF; gitleaks 7 writes such results). */
const NO_RULE_ID = '(no rule)';
function isSarif(doc) {
    // `runs: null` is SARIF too: the producer says it failed (§3.13.4), and the log is refused as such.
    const runs = Array.isArray(doc.runs) || doc.runs === null;
    return runs && (typeof doc.version === 'string' || (typeof doc.$schema === 'string' && /sarif/i.test(doc.$schema)));
}
/** An index as SARIF writes it: -1 (the schema's default for every index) means "not given". */
function indexOf(value) {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
function parseSarif(doc, path, options) {
    if (doc.version !== '2.1.0')
        throw (0,report_error/* reportError */.N7)(path, `SARIF version ${JSON.stringify(doc.version)} is not supported; expected "2.1.0".`);
    const runs = doc.runs;
    const findings = [];
    const tools = [];
    const notes = [];
    const incomplete = [];
    const allUnmapped = new Set();
    // An empty list is the producer saying it found nothing to analyse (§3.13.4; a failure is null).
    if (runs.length === 0)
        notes.push(`${path}: the SARIF log holds no runs (the tool found nothing to analyse).`);
    for (let r = 0; r < runs.length; r++) {
        const run = runs[r];
        if (!(0,report_error/* isObject */.Gv)(run) || !(0,report_error/* isObject */.Gv)(run.tool) || !(0,report_error/* isObject */.Gv)(run.tool.driver))
            throw (0,report_error/* reportError */.N7)(path, `SARIF runs[${r}] has no tool.driver.`);
        const toolName = (0,report_error/* str */.gx)(run.tool.driver.name);
        if (!toolName)
            throw (0,report_error/* reportError */.N7)(path, `SARIF runs[${r}].tool.driver has no name.`);
        const tool = toolName.toLowerCase();
        if (!tools.includes(tool))
            tools.push(tool);
        const ctx = { path, r, tool, components: components(run, path, r), overrides: new Map(), artifacts: Array.isArray(run.artifacts) ? run.artifacts : [] };
        incomplete.push(...readInvocations(run, ctx, toolName));
        if (!Array.isArray(run.results)) {
            // An absent `results` means the tool did not compute them (§3.14.23): not "no findings".
            throw (0,report_error/* reportError */.N7)(path, `SARIF runs[${r}] (${toolName}) has no results array; the analysis did not complete.`);
        }
        const unmapped = new Set();
        const skipped = { suppressed: 0, notProblems: 0, absent: 0 };
        for (let i = 0; i < run.results.length; i++) {
            const result = run.results[i];
            if (!(0,report_error/* isObject */.Gv)(result))
                throw (0,report_error/* reportError */.N7)(path, `SARIF runs[${r}].results[${i}] is not an object.`);
            const kind = result.kind ?? 'fail';
            if (typeof kind !== 'string' || !KINDS.has(kind))
                throw (0,report_error/* reportError */.N7)(path, `SARIF runs[${r}].results[${i}] has kind ${JSON.stringify(kind)}; expected ${[...KINDS].join(', ')}.`);
            if (NOT_PROBLEMS.has(kind)) {
                skipped.notProblems++;
                continue;
            }
            if (result.baselineState === 'absent') {
                skipped.absent++;
                continue;
            }
            if (isSuppressed(result, path, r, i)) {
                skipped.suppressed++;
                continue;
            }
            findings.push(toFinding(result, kind, ctx, i, options, unmapped));
        }
        if (skipped.suppressed > 0)
            notes.push(`${toolName}: ${skipped.suppressed} suppressed result(s) in the SARIF were not counted.`);
        if (skipped.notProblems > 0)
            notes.push(`${toolName}: ${skipped.notProblems} result(s) of kind pass, notApplicable, informational or review are not problems and were not counted.`);
        if (skipped.absent > 0)
            notes.push(`${toolName}: ${skipped.absent} result(s) with baselineState "absent" (no longer found) were not counted.`);
        unmapped.forEach((id) => allUnmapped.add(id));
        // checkov's JSON lists unparsed files; its SARIF has no invocation to say so.
        if (ctx.tool === 'checkov' && !Array.isArray(run.invocations)) {
            notes.push("checkov's SARIF does not record files it could not parse; gate checkov's JSON report to fail on them.");
        }
    }
    return { format: 'sarif', tool: tools.join('+') || 'sarif', findings, unmapped: [...allUnmapped].sort(), notes, incomplete };
}
function toFinding(result, kind, ctx, i, options, unmapped) {
    const { rule, ruleId } = ruleOf(result, ctx, i);
    const where = firstLocation(result, ctx);
    const message = (0,report_error/* isObject */.Gv)(result.message) ? ((0,report_error/* str */.gx)(result.message.text) ?? (0,report_error/* str */.gx)(result.message.markdown)) : undefined;
    const isSecretTool = SECRET_TOOLS.has(ctx.tool);
    // checkov's SARIF rules carry no tags; its checks are misconfigurations (secrets: CKV_SECRET_*),
    // as its JSON says through check_type.
    const findingKind = isSecretTool ? 'secret' : ctx.tool === 'checkov' ? (ruleId.startsWith('CKV_SECRET_') ? 'secret' : 'misconfiguration') : kindOf(rule);
    let severity;
    if (isSecretTool)
        severity = options.secretSeverity;
    else {
        const rated = ratedSeverity(result, rule);
        if (rated)
            severity = rated;
        // checkov marks every failed check `error`, which says nothing: its SARIF is rated like its JSON.
        else if (ctx.tool === 'checkov' && ruleId !== NO_RULE_ID)
            severity = mappedCheckovSeverity(ruleId, false, options, unmapped);
        else {
            const level = levelSeverity(result, rule, ruleId, ctx, i);
            // An `open` result (the tool could not tell pass from fail) defaults to level "none"; it is
            // not known to be harmless, so it is unrated rather than info.
            severity = kind === 'open' && level === 'info' ? 'unknown' : level;
        }
    }
    const stable = stableFingerprint(result);
    return {
        tool: ctx.tool,
        kind: findingKind,
        ruleId,
        severity,
        title: ruleTitle(rule) ?? message?.split('\n')[0] ?? ruleId,
        location: { file: where.file, line: where.line, endLine: where.endLine },
        fingerprint: (0,fingerprint/* fingerprintOf */.a)('sarif', ctx.tool, ruleId, where.file, stable ?? where.line, stable ? undefined : message),
        fixAvailable: Array.isArray(result.fixes) && result.fixes.length > 0 ? true : undefined,
        helpUri: rule ? (0,report_error/* str */.gx)(rule.helpUri) : undefined
    };
}
function components(run, path, r) {
    const tool = run.tool;
    const out = [component(tool.driver, path, `runs[${r}].tool.driver`)];
    if (tool.extensions !== undefined) {
        if (!Array.isArray(tool.extensions))
            throw (0,report_error/* reportError */.N7)(path, `SARIF runs[${r}].tool.extensions is not an array.`);
        tool.extensions.forEach((ext, e) => {
            if (!(0,report_error/* isObject */.Gv)(ext))
                throw (0,report_error/* reportError */.N7)(path, `SARIF runs[${r}].tool.extensions[${e}] is not an object.`);
            out.push(component(ext, path, `runs[${r}].tool.extensions[${e}]`));
        });
    }
    return out;
}
function component(descriptor, path, where) {
    const list = descriptor.rules ?? [];
    if (!Array.isArray(list))
        throw (0,report_error/* reportError */.N7)(path, `SARIF ${where}.rules is not an array.`);
    const byIndex = [];
    const byId = new Map();
    for (let i = 0; i < list.length; i++) {
        const rule = list[i];
        if (!(0,report_error/* isObject */.Gv)(rule))
            throw (0,report_error/* reportError */.N7)(path, `SARIF ${where}.rules[${i}] is not an object.`);
        byIndex.push(rule);
        const id = (0,report_error/* str */.gx)(rule.id);
        if (id && !byId.has(id))
            byId.set(id, rule);
    }
    return { name: (0,report_error/* str */.gx)(descriptor.name) ?? '', byIndex, byId };
}
/** Incomplete-analysis lines from the run's invocations; also records ruleConfigurationOverrides. */
function readInvocations(run, ctx, toolName) {
    const out = [];
    const invocations = Array.isArray(run.invocations) ? run.invocations : [];
    for (const inv of invocations) {
        if (!(0,report_error/* isObject */.Gv)(inv))
            continue;
        if (inv.executionSuccessful === false)
            out.push(`${toolName}: the analysis did not complete (the SARIF invocation says executionSuccessful: false).`);
        const notifications = Array.isArray(inv.toolExecutionNotifications) ? inv.toolExecutionNotifications : [];
        for (const n of notifications) {
            // A notification's level defaults to "warning" (§3.58.6); only errors mean input was not analysed.
            if (!(0,report_error/* isObject */.Gv)(n) || n.level !== 'error')
                continue;
            const text = (0,report_error/* isObject */.Gv)(n.message) ? ((0,report_error/* str */.gx)(n.message.text) ?? (0,report_error/* str */.gx)(n.message.markdown)) : undefined;
            const file = Array.isArray(n.locations) ? firstLocation({ locations: n.locations }, ctx).file : undefined;
            out.push(`${toolName}: ${text ? text.split('\n')[0] : 'an error during the analysis'}${file ? ` (${file})` : ''}`);
        }
        const overrides = Array.isArray(inv.ruleConfigurationOverrides) ? inv.ruleConfigurationOverrides : [];
        for (const o of overrides) {
            if (!(0,report_error/* isObject */.Gv)(o) || !(0,report_error/* isObject */.Gv)(o.descriptor) || !(0,report_error/* isObject */.Gv)(o.configuration) || o.configuration.level === undefined)
                continue;
            const at = indexOf(o.descriptor.index);
            const id = (0,report_error/* str */.gx)(o.descriptor.id) ?? (at !== undefined ? (0,report_error/* str */.gx)(ctx.components[0].byIndex[at]?.id) : undefined);
            if (id)
                ctx.overrides.set(id, o.configuration.level);
        }
    }
    return out;
}
/** The rule a result names, and its id (NO_RULE_ID when it names none). */
function ruleOf(result, ctx, i) {
    const ref = (0,report_error/* isObject */.Gv)(result.rule) ? result.rule : undefined;
    const comp = componentOf(ref?.toolComponent, ctx) ?? ctx.components[0];
    const index = indexOf(result.ruleIndex) ?? indexOf(ref?.index);
    const indexed = index !== undefined ? comp.byIndex[index] : undefined;
    const ruleId = (0,report_error/* str */.gx)(result.ruleId) ?? (0,report_error/* str */.gx)(ref?.id) ?? (indexed ? (0,report_error/* str */.gx)(indexed.id) : undefined);
    if (!ruleId) {
        if (index !== undefined && !indexed)
            throw (0,report_error/* reportError */.N7)(ctx.path, `SARIF runs[${ctx.r}].results[${i}] names rule index ${index}, which the tool's rules do not have.`);
        return { rule: indexed, ruleId: NO_RULE_ID };
    }
    // ruleIndex is exact when ids repeat, but only if it agrees with the ruleId.
    if (indexed && (0,report_error/* str */.gx)(indexed.id) === ruleId)
        return { rule: indexed, ruleId };
    return { rule: findRule(comp, ruleId) ?? indexed, ruleId };
}
function componentOf(ref, ctx) {
    if (!(0,report_error/* isObject */.Gv)(ref))
        return undefined;
    const index = indexOf(ref.index);
    if (index !== undefined)
        return ctx.components[index + 1];
    const name = (0,report_error/* str */.gx)(ref.name);
    return name ? ctx.components.find((c) => c.name === name) : undefined;
}
/** A hierarchical id ("CA2101/ANSI") is reported under the rule of its leading part. */
function findRule(comp, ruleId) {
    for (let id = ruleId;; id = id.slice(0, id.lastIndexOf('/'))) {
        const rule = comp.byId.get(id);
        if (rule || !id.includes('/'))
            return rule;
    }
}
/** A suppression counts unless its status says it was rejected or is still under review. Absent or
 * null, there is no suppression information: not suppressed (§3.27.23). */
function isSuppressed(result, path, r, i) {
    if (result.suppressions === undefined || result.suppressions === null)
        return false;
    if (!Array.isArray(result.suppressions))
        throw (0,report_error/* reportError */.N7)(path, `SARIF runs[${r}].results[${i}].suppressions is not an array.`);
    return result.suppressions.some((s) => !(0,report_error/* isObject */.Gv)(s) || (s.status !== 'rejected' && s.status !== 'underReview'));
}
function propertiesOf(value) {
    return value && (0,report_error/* isObject */.Gv)(value.properties) ? value.properties : {};
}
/**
 * A severity the SARIF states: the tool's own severity name, else `security-severity` (CVSS).
 * A score of 0 is what tools write when they have none (trivy writes "0.0" for UNKNOWN), so it
 * reads as `unknown`, never as a harmless `info`.
 */
function ratedSeverity(result, rule) {
    const resultProps = propertiesOf(result);
    const ruleProps = propertiesOf(rule);
    const named = (0,severity_names/* severityFromName */.p4)(resultProps.severity) ?? (0,severity_names/* severityFromName */.p4)(ruleProps.severity) ?? severityFromTags(ruleProps.tags) ?? severityFromTags(resultProps.tags);
    if (named)
        return named;
    const cvss = cvssOf(resultProps['security-severity']) ?? cvssOf(ruleProps['security-severity']);
    if (cvss === undefined)
        return undefined;
    return cvss === 0 ? 'unknown' : (0,severity_names/* severityFromCvss */.HR)(cvss);
}
/** The SARIF level (§3.27.10): the result's; else "none" for a kind other than fail; else the
 * invocation's override; else the rule's default; else "warning". */
function levelSeverity(result, rule, ruleId, ctx, i) {
    const kind = result.kind ?? 'fail';
    const level = result.level ??
        (kind !== 'fail' ? 'none' : undefined) ??
        ctx.overrides.get(ruleId) ??
        (rule && (0,report_error/* isObject */.Gv)(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined) ??
        'warning';
    const severity = typeof level === 'string' ? sarif_LEVELS[level] : undefined;
    if (!severity)
        throw (0,report_error/* reportError */.N7)(ctx.path, `SARIF runs[${ctx.r}].results[${i}] has level ${JSON.stringify(level)}; expected error, warning, note or none.`);
    return severity;
}
function severityFromTags(tags) {
    if (!Array.isArray(tags))
        return undefined;
    for (const tag of tags) {
        const severity = (0,severity_names/* severityFromName */.p4)(tag);
        // `unknown` as a tag is too generic a word to be read as a severity.
        if (severity && severity !== 'unknown')
            return severity;
    }
    return undefined;
}
function cvssOf(value) {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : (0,report_error/* num */.bu)(value);
    return n !== undefined && Number.isFinite(n) && n >= 0 && n <= 10 ? n : undefined;
}
function kindOf(rule) {
    const tags = propertiesOf(rule).tags;
    if (Array.isArray(tags)) {
        // Tags are strings in SARIF; anything else in the list says nothing about the kind.
        const lower = tags.filter((t) => typeof t === 'string').map((t) => t.toLowerCase());
        if (lower.includes('vulnerability'))
            return 'vulnerability';
        if (lower.includes('secret'))
            return 'secret';
        if (lower.includes('license'))
            return 'license';
        if (lower.includes('misconfiguration'))
            return 'misconfiguration';
    }
    return 'other';
}
function ruleTitle(rule) {
    if (!rule)
        return undefined;
    const short = (0,report_error/* isObject */.Gv)(rule.shortDescription) ? (0,report_error/* str */.gx)(rule.shortDescription.text) : undefined;
    return short ?? (0,report_error/* str */.gx)(rule.name);
}
/** The first physical location; an artifactLocation may give its uri through run.artifacts (§3.4.5). */
function firstLocation(result, ctx) {
    const locations = Array.isArray(result.locations) ? result.locations : [];
    const physical = (0,report_error/* isObject */.Gv)(locations[0]) && (0,report_error/* isObject */.Gv)(locations[0].physicalLocation) ? locations[0].physicalLocation : undefined;
    if (!physical)
        return {};
    const artifact = (0,report_error/* isObject */.Gv)(physical.artifactLocation) ? physical.artifactLocation : {};
    const region = (0,report_error/* isObject */.Gv)(physical.region) ? physical.region : {};
    let uri = (0,report_error/* str */.gx)(artifact.uri);
    const at = indexOf(artifact.index);
    if (!uri && at !== undefined) {
        const listed = ctx.artifacts[at];
        const location = (0,report_error/* isObject */.Gv)(listed) && (0,report_error/* isObject */.Gv)(listed.location) ? listed.location : undefined;
        uri = location ? (0,report_error/* str */.gx)(location.uri) : undefined;
    }
    return { file: uri ? decodeUri(uri) : undefined, line: (0,report_error/* lineOf */.cA)(region.startLine), endLine: (0,report_error/* lineOf */.cA)(region.endLine) };
}
function decodeUri(uri) {
    const bare = uri.replace(/^file:\/\//, '');
    try {
        return decodeURIComponent(bare);
    }
    catch {
        return bare;
    }
}
/** A tool-provided fingerprint survives line moves; prefer it to the line. */
function stableFingerprint(result) {
    for (const key of ['fingerprints', 'partialFingerprints']) {
        const map = result[key];
        if ((0,report_error/* isObject */.Gv)(map)) {
            const entries = Object.entries(map).filter(([, v]) => typeof v === 'string').sort(([a], [b]) => a.localeCompare(b));
            if (entries.length > 0)
                return entries.map(([k, v]) => `${k}=${String(v)}`).join(';');
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./.build/actions/lib/findings/semgrep.js
// Semgrep JSON (`semgrep scan --json`): results[] of {check_id, path, start, end, extra: {message,
// severity, metadata, fingerprint}}, errors[] and paths.scanned (semgrep-interfaces
// semgrep_output_v1.atd: cli_output, cli_match, cli_error). A file semgrep could not analyse
// (an error of level "error" naming a path) is listed as not scanned; other errors are notes.


/** Rule severities: ERROR/WARNING/INFO, and since semgrep 1.9x also CRITICAL/HIGH/MEDIUM/LOW;
 * EXPERIMENT and INVENTORY rules report facts, not problems. */
const semgrep_SEVERITY = {
    CRITICAL: 'critical',
    ERROR: 'high',
    HIGH: 'high',
    WARNING: 'medium',
    MEDIUM: 'medium',
    INFO: 'low',
    LOW: 'low',
    EXPERIMENT: 'info',
    INVENTORY: 'info'
};
function isSemgrep(doc) {
    return Array.isArray(doc.results) && Array.isArray(doc.errors) && ('paths' in doc || 'version' in doc);
}
function parseSemgrep(doc, path) {
    if (!Array.isArray(doc.results))
        throw (0,report_error/* reportError */.N7)(path, 'semgrep report: "results" is not an array.');
    const findings = [];
    for (let i = 0; i < doc.results.length; i++) {
        const r = doc.results[i];
        const where = `semgrep report: results[${i}]`;
        if (!(0,report_error/* isObject */.Gv)(r) || !(0,report_error/* str */.gx)(r.check_id) || !(0,report_error/* str */.gx)(r.path))
            throw (0,report_error/* reportError */.N7)(path, `${where} has no check_id or path.`);
        const extra = (0,report_error/* isObject */.Gv)(r.extra) ? r.extra : {};
        const raw = (0,report_error/* str */.gx)(extra.severity);
        const severity = raw ? semgrep_SEVERITY[raw.toUpperCase()] : undefined;
        if (!severity)
            throw (0,report_error/* reportError */.N7)(path, `${where} has unknown severity ${JSON.stringify(extra.severity)}; expected ERROR, WARNING, INFO (or CRITICAL, HIGH, MEDIUM, LOW).`);
        const id = (0,report_error/* str */.gx)(r.check_id);
        const file = (0,report_error/* str */.gx)(r.path).replace(/^\.\/+/, '');
        const line = (0,report_error/* isObject */.Gv)(r.start) ? (0,report_error/* lineOf */.cA)(r.start.line) : undefined;
        const meta = (0,report_error/* isObject */.Gv)(extra.metadata) ? extra.metadata : {};
        // semgrep's own fingerprint ignores line moves; "requires login" is its placeholder without one.
        const own = (0,report_error/* str */.gx)(extra.fingerprint) && extra.fingerprint !== 'requires login' ? (0,report_error/* str */.gx)(extra.fingerprint) : undefined;
        findings.push({
            tool: 'semgrep',
            kind: 'other',
            ruleId: id,
            severity,
            title: (0,report_error/* str */.gx)(extra.message)?.split('\n')[0] ?? id,
            location: { file, line, endLine: (0,report_error/* isObject */.Gv)(r.end) ? (0,report_error/* lineOf */.cA)(r.end.line) : undefined },
            fingerprint: (0,fingerprint/* fingerprintOf */.a)('semgrep', id, file, own ?? line),
            fixAvailable: (0,report_error/* str */.gx)(extra.fix) !== undefined ? true : undefined,
            helpUri: (0,report_error/* str */.gx)(meta.source) ?? (Array.isArray(meta.references) ? (0,report_error/* str */.gx)(meta.references[0]) : undefined)
        });
    }
    const notes = [];
    const incomplete = [];
    for (const e of Array.isArray(doc.errors) ? doc.errors.filter(report_error/* isObject */.Gv) : []) {
        const file = (0,report_error/* str */.gx)(e.path);
        const what = `${(0,report_error/* str */.gx)(e.type) ?? (Array.isArray(e.type) ? String(e.type[0]) : 'error')}: ${(0,report_error/* str */.gx)(e.message)?.split('\n')[0] ?? ''}`.trim();
        if (e.level === 'error' && file)
            incomplete.push(`semgrep could not analyse ${file} (${what}).`);
        else
            notes.push(`semgrep ${String(e.level ?? 'error')}${file ? ` in ${file}` : ''}: ${what}`);
    }
    return { format: 'semgrep', tool: 'semgrep', findings, unmapped: [], notes, incomplete };
}

// EXTERNAL MODULE: ./.build/actions/lib/findings/trivy.js
var trivy = __webpack_require__(6197);
;// CONCATENATED MODULE: ./.build/actions/lib/findings/trufflehog.js
// TruffleHog v3 JSON lines (`trufflehog <source> --json`): one object per secret found
// (pkg/output/json.go: SourceMetadata, SourceType, SourceName, DetectorType, DetectorName,
// DecoderName, Verified, VerificationError, Raw, RawV2, Redacted, ExtraData, StructuredData), the
// place in SourceMetadata.Data.<Source> ({file, line}; git adds commit, email, timestamp).
// A verified secret (TruffleHog logged in with it) is critical whatever the policy says; an
// unverified one (or one whose verification failed) takes `secret-severity`. The secret itself
// (Raw, RawV2, Redacted, ExtraData) is never carried over.


function isTrufflehogEntry(entry) {
    return (0,report_error/* isObject */.Gv)(entry) && 'DetectorName' in entry && 'SourceMetadata' in entry && 'Verified' in entry;
}
function parseTrufflehog(doc, path, options) {
    const findings = [];
    let unverifiable = 0;
    for (let i = 0; i < doc.length; i++) {
        const e = doc[i];
        if (!isTrufflehogEntry(e))
            throw (0,report_error/* reportError */.N7)(path, `trufflehog report: line ${i + 1} lacks DetectorName, SourceMetadata or Verified; is this trufflehog --json output?`);
        const entry = e;
        const detector = (0,report_error/* str */.gx)(entry.DetectorName) ?? String(entry.DetectorType ?? 'unknown');
        const place = placeOf(entry.SourceMetadata);
        const verified = entry.Verified === true;
        if (!verified && (0,report_error/* str */.gx)(entry.VerificationError))
            unverifiable++;
        findings.push({
            tool: 'trufflehog',
            kind: 'secret',
            ruleId: detector,
            severity: verified ? 'critical' : options.secretSeverity,
            title: `${(0,report_error/* str */.gx)(entry.DetectorDescription)?.split('\n')[0] ?? `${detector} secret`}${verified ? ' (verified: it works)' : ' (unverified)'}`,
            location: { file: place.file, line: place.line, target: place.commit ? `commit ${place.commit.slice(0, 12)}` : (0,report_error/* str */.gx)(entry.SourceName) },
            fingerprint: (0,fingerprint/* fingerprintOf */.a)('trufflehog', detector, place.file, place.line, place.commit),
            fixAvailable: undefined
        });
    }
    const notes = unverifiable > 0 ? [`trufflehog: ${unverifiable} secret(s) could not be verified (verification failed, e.g. no network); rated secret-severity.`] : [];
    return { format: 'trufflehog', tool: 'trufflehog', findings, unmapped: [], notes, incomplete: [] };
}
function placeOf(meta) {
    const data = (0,report_error/* isObject */.Gv)(meta) && (0,report_error/* isObject */.Gv)(meta.Data) ? meta.Data : {};
    // One key per source kind (Filesystem, Git, Github, Docker, S3...); each names its place alike.
    const source = Object.values(data).find(report_error/* isObject */.Gv) ?? {};
    const file = (0,report_error/* str */.gx)(source.file) ?? (0,report_error/* str */.gx)(source.path) ?? (0,report_error/* str */.gx)(source.link);
    return { file: file?.replace(/^\.\/+/, ''), line: (0,report_error/* lineOf */.cA)(source.line), commit: (0,report_error/* str */.gx)(source.commit) };
}
/** JSON lines: one JSON value per non-empty line; undefined when a line is not JSON. */
function parseJsonLines(text) {
    const out = [];
    for (const line of text.split('\n')) {
        const t = line.trim();
        if (t === '')
            continue;
        try {
            out.push(JSON.parse(t));
        }
        catch {
            return undefined;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./.build/actions/lib/findings/read-report.js
// Read one report file: refuse what is not a report, detect its format from content (unless
// given), and normalise it into findings. Never returns "no findings" for something unreadable.
















function readReportFile(path, format, options) {
    // Only the parsed document outlives this line: the text is garbage before the findings are
    // built, which keeps peak memory near that of a bare JSON.parse.
    const text = readText(path);
    // TruffleHog writes nothing at all when it finds nothing; only a caller who says the file is
    // TruffleHog's may have that read as "no secrets" (an empty file is otherwise a failed scanner).
    if (format === 'trufflehog' && text.trim() === '')
        return { path, ...parseReportDocument([], path, format, options) };
    const doc = parseJson(checkText(text, path), path, format);
    return { path, ...parseReportDocument(doc, path, format, options) };
}
function readText(path) {
    try {
        if ((0,external_node_fs_.statSync)(path).isDirectory())
            throw (0,report_error/* reportError */.N7)(path, 'is a directory, not a report file.');
        // Decoding straight into a string (no intermediate Buffer) halves the peak for large reports.
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            throw (0,report_error/* reportError */.N7)(path, 'report not found; check the path, and that the scanner step ran and wrote it.');
        if (code === 'EACCES')
            throw (0,report_error/* reportError */.N7)(path, 'report is not readable (permission denied).');
        throw error;
    }
}
function checkText(text, path) {
    if (text.length === 0)
        throw (0,report_error/* reportError */.N7)(path, 'report is empty; the scanner probably failed before writing it (TruffleHog writes nothing when it finds nothing: pass format trufflehog for its reports).');
    // Binary content is never a JSON report; checking a prefix keeps this cheap on large files.
    if (text.slice(0, 8192).includes('\u0000'))
        throw (0,report_error/* reportError */.N7)(path, 'report is binary, not JSON or SARIF.');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
function parseJson(text, path, format = 'auto') {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        // JSON lines (TruffleHog): one object per line, read as a list of them.
        if (format === 'auto' || format === 'trufflehog') {
            const lines = parseJsonLines(text);
            if (lines && lines.length > 1)
                return lines;
        }
        const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw (0,report_error/* reportError */.N7)(path, `report is not valid JSON (truncated or not a JSON report): ${detail}`);
    }
}
/** The same checks and parsing as readReportFile, on bytes already in memory. */
function parseReportBytes(bytes, path, format, options) {
    const text = bytes.toString('utf8');
    if (format === 'trufflehog' && text.trim() === '')
        return parseReportDocument([], path, format, options);
    return parseReportDocument(parseJson(checkText(text, path), path, format), path, format, options);
}
function parseReportDocument(doc, path, format, options) {
    const report = parseAs(doc, path, format === 'auto' ? detectFormat(doc, path) : format, options);
    disambiguateFingerprints(report.findings);
    return report;
}
/**
 * Two findings of one rule on one resource (two ingress blocks of one security group) share the
 * resource-based fingerprint; the line (then the order) tells them apart. Only colliding
 * findings pay for this, so fingerprints stay line-independent wherever they can.
 */
function disambiguateFingerprints(findings) {
    const seen = new Set();
    let collided;
    // trivy reports each vulnerability once per package and target, so those fingerprints cannot
    // collide; computing them here would defeat their laziness on large reports.
    const lazy = (f) => f.kind === 'vulnerability' && f.tool === 'trivy';
    for (const f of findings) {
        if (lazy(f))
            continue;
        if (seen.has(f.fingerprint))
            (collided ??= new Set()).add(f.fingerprint);
        else
            seen.add(f.fingerprint);
    }
    if (!collided)
        return;
    const used = new Set();
    for (const f of findings) {
        if (lazy(f) || !collided.has(f.fingerprint))
            continue;
        let next = (0,fingerprint/* fingerprintOf */.a)(f.fingerprint, f.location.line, f.location.endLine);
        for (let n = 2; used.has(next); n++)
            next = (0,fingerprint/* fingerprintOf */.a)(f.fingerprint, f.location.line, f.location.endLine, n);
        used.add(next);
        f.fingerprint = next;
    }
}
function parseAs(doc, path, detected, options) {
    switch (detected) {
        case 'trivy':
            if (!(0,report_error/* isObject */.Gv)(doc))
                throw (0,report_error/* reportError */.N7)(path, 'expected a trivy JSON object.');
            return (0,trivy/* parseTrivy */.M)(doc, path);
        case 'gitleaks':
            if (!Array.isArray(doc))
                throw (0,report_error/* reportError */.N7)(path, 'expected a gitleaks JSON array.');
            return parseGitleaks(doc, path, options);
        case 'checkov':
            return parseCheckov(doc, path, options);
        case 'sarif':
            if (!(0,report_error/* isObject */.Gv)(doc) || !Array.isArray(doc.runs))
                throw (0,report_error/* reportError */.N7)(path, 'expected a SARIF object with a "runs" array.');
            return parseSarif(doc, path, options);
        case 'trufflehog':
            // One finding is one line: a single object rather than a list.
            return parseTrufflehog(Array.isArray(doc) ? doc : [doc], path, options);
        case 'hadolint':
            if (!Array.isArray(doc))
                throw (0,report_error/* reportError */.N7)(path, 'expected a hadolint JSON array.');
            return parseHadolint(doc, path);
    }
    if (!(0,report_error/* isObject */.Gv)(doc))
        throw (0,report_error/* reportError */.N7)(path, `expected a ${detected} JSON object.`);
    switch (detected) {
        case 'grype':
            return parseGrype(doc, path);
        case 'osv-scanner':
            return parseOsvScanner(doc, path);
        case 'semgrep':
            return parseSemgrep(doc, path);
        case 'bandit':
            return parseBandit(doc, path);
        case 'pip-audit':
            return parsePipAudit(doc, path);
        case 'npm-audit':
            return parseNpmAudit(doc, path);
    }
}
function detectFormat(doc, path) {
    if (Array.isArray(doc)) {
        // gitleaks writes [] when it finds nothing; checkov never writes an empty array.
        if (doc.length === 0 || ((0,report_error/* isObject */.Gv)(doc[0]) && 'RuleID' in doc[0]))
            return 'gitleaks';
        if (doc.every((fw) => isCheckovFramework(fw) || ((0,report_error/* isObject */.Gv)(fw) && isCheckovBareSummary(fw))))
            return 'checkov';
        if (doc.every(isHadolintEntry))
            return 'hadolint';
        if (doc.every(isTrufflehogEntry))
            return 'trufflehog';
        throw (0,report_error/* reportError */.N7)(path, 'a JSON array that is not a gitleaks, checkov, hadolint or TruffleHog report; pass format explicitly if it is one of them.');
    }
    if (!(0,report_error/* isObject */.Gv)(doc))
        throw (0,report_error/* reportError */.N7)(path, `a JSON ${doc === null ? 'null' : typeof doc}, not a scanner report.`);
    if (isSarif(doc))
        return 'sarif';
    if ('SchemaVersion' in doc && ('ArtifactName' in doc || 'Results' in doc))
        return 'trivy';
    if (isCheckovFramework(doc) || isCheckovBareSummary(doc))
        return 'checkov';
    if (isGrype(doc))
        return 'grype';
    if (isNpmAudit(doc))
        return 'npm-audit';
    if (isPipAudit(doc))
        return 'pip-audit';
    // bandit before semgrep: both write results and errors; bandit adds metrics and generated_at.
    if (isBandit(doc))
        return 'bandit';
    if (isSemgrep(doc))
        return 'semgrep';
    if (isOsvScanner(doc))
        return 'osv-scanner';
    if (isTrufflehogEntry(doc))
        return 'trufflehog';
    const keys = Object.keys(doc).slice(0, 5).join(', ') || 'none';
    throw (0,report_error/* reportError */.N7)(path, `not a report this gate reads (top-level keys: ${keys}); it reads ${parsed_report/* REPORT_FORMATS */.E.join(', ')}. Pass format explicitly or check the scanner's output format.`);
}

;// CONCATENATED MODULE: ./.build/actions/lib/policy/baseline.js
// A baseline records the fingerprints of accepted, known findings; with it, only new ones count.


const BASELINE_VERSION = 1;
function loadBaseline(file) {
    let doc;
    try {
        doc = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            throw new user_error/* UserError */.yo(`${file}: baseline not found; create one with \`sgw gate --write-baseline ${file}\`.`);
        throw new user_error/* UserError */.yo(`${file}: baseline is not valid JSON; recreate it with \`sgw gate --write-baseline\`.`);
    }
    const fingerprints = typeof doc === 'object' && doc !== null ? doc.fingerprints : undefined;
    if (doc?.version !== BASELINE_VERSION || typeof fingerprints !== 'object' || fingerprints === null || Array.isArray(fingerprints)) {
        throw new user_error/* UserError */.yo(`${file}: not a baseline written by sgw (version ${BASELINE_VERSION} with a "fingerprints" map).`);
    }
    return new Set(Object.keys(fingerprints));
}
function baselineOf(findings, now) {
    const fingerprints = {};
    const sorted = [...findings].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
    for (const f of sorted) {
        fingerprints[f.fingerprint] = { tool: f.tool, ruleId: f.ruleId, severity: f.severity, where: f.location.file ?? f.location.package ?? f.location.target ?? '' };
    }
    return { version: BASELINE_VERSION, created: now.toISOString(), fingerprints };
}
function writeBaseline(file, findings, now) {
    writeFileSync(file, `${JSON.stringify(baselineOf(findings, now), null, 2)}\n`);
}

// EXTERNAL MODULE: ./.build/actions/lib/policy/exceptions.js
var exceptions = __webpack_require__(5467);
// EXTERNAL MODULE: ./.build/actions/lib/policy/policy.js
var policy = __webpack_require__(6223);
;// CONCATENATED MODULE: ./.build/actions/lib/gate/run-gate.js
// The gate, shared by actions/severity-gate, the scanner actions and `sgw gate`: read reports,
// apply exceptions and the baseline, count, and judge against the policy.






const DEFAULT_EXCEPTIONS_FILE = '.security-exceptions.yml';

function runGate(config) {
    const reports = [];
    let findings = [];
    const unmapped = new Set();
    const notes = [];
    const incomplete = [];
    const tools = [];
    for (const path of config.reports) {
        const report = readReportFile(path, config.format, config.parse);
        reports.push({ path, format: report.format, tool: report.tool, findings: report.findings.length });
        findings = findings.length === 0 ? report.findings : findings.concat(report.findings);
        report.unmapped.forEach((id) => unmapped.add(id));
        notes.push(...report.notes);
        incomplete.push(...report.incomplete.map((line) => `${path}: ${line}`));
        for (const tool of report.tool.split('+'))
            if (!tools.includes(tool))
                tools.push(tool);
    }
    incomplete.push(...(config.unscanned ?? []));
    const exceptionsFile = config.exceptions ?? ((0,external_node_fs_.existsSync)(DEFAULT_EXCEPTIONS_FILE) ? DEFAULT_EXCEPTIONS_FILE : undefined);
    const entries = [...(exceptionsFile ? (0,exceptions/* loadExceptions */.Rz)(exceptionsFile) : []), ...(config.policyExceptions ?? [])];
    const { kept, excepted, uses } = (0,exceptions/* applyExceptions */.FW)(findings, entries, config.now, config.expiryWarningDays);
    let counted = kept;
    let known = [];
    let fresh = kept.length;
    if (config.baseline) {
        const baseline = loadBaseline(config.baseline);
        const isNew = kept.filter((f) => !baseline.has(f.fingerprint));
        known = kept.filter((f) => baseline.has(f.fingerprint));
        fresh = isNew.length;
        if (config.newOnly)
            counted = isNew;
    }
    const evaluation = (0,policy/* evaluate */._3)((0,policy/* countBySeverity */.Ot)(counted), config.policy);
    // What was not scanned cannot be called clean: fail closed unless the caller accepts it.
    const failedIncomplete = incomplete.length > 0 && !config.allowIncomplete;
    // A change that silences a scanner is reviewed by someone else: never a pass on its own word.
    const changes = config.review?.changes ?? [];
    const verdict = failedIncomplete ? 'fail' : evaluation.result === 'pass' && changes.length > 0 ? 'needs-approval' : evaluation.result;
    return {
        result: verdict,
        counts: evaluation.counts,
        total: counted.length,
        new: fresh,
        breaches: evaluation.breaches,
        approvals: evaluation.approvals,
        reports,
        counted,
        known,
        excepted,
        exceptionsFile,
        exceptionUses: uses,
        baselineFile: config.baseline,
        unmapped: [...unmapped].sort(),
        notes: [...notes, ...unusedExceptionNotes(uses)],
        incomplete,
        failedIncomplete,
        suppressionChanges: changes,
        reviewBase: config.review?.base,
        inlineSuppressions: config.review?.inline ?? {},
        policySources: config.sources,
        tools,
        all: kept
    };
}
/** Why a gate failed, as one clause: "2 critical > 0, incomplete scan (1 file not scanned)". */
function failureReason(outcome) {
    const parts = outcome.breaches.map((b) => `${b.count} ${b.severity} > ${b.max}`);
    if (outcome.failedIncomplete) {
        const more = outcome.incomplete.length > 1 ? ` and ${outcome.incomplete.length - 1} more` : '';
        parts.push(`incomplete scan (${outcome.incomplete[0]}${more}; allow-incomplete-scan is false)`);
    }
    return parts.join(', ');
}
/** An active exception that matched no finding: stale (the finding was fixed) or mistyped. */
function unusedExceptionNotes(uses) {
    return uses
        .filter((u) => !u.expired && u.matched === 0)
        .map((u) => `Exception ${u.entry.ruleId}${u.entry.package ? ` (package ${u.entry.package})` : ''}${u.entry.path ? ` (path ${u.entry.path})` : ''} matched no finding: remove it, or check its id and scope.`);
}


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


/***/ })

};
