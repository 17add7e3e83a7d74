export const id = 999;
export const ids = [999];
export const modules = {

/***/ 9999:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CHECKOV_VERSION: () => (/* binding */ CHECKOV_VERSION),
  installCheckov: () => (/* binding */ installCheckov),
  installedCheckovVersion: () => (/* binding */ installedCheckovVersion)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var lib_core = __webpack_require__(6058);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 2 modules
var exec = __webpack_require__(5260);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(9805);
// EXTERNAL MODULE: ./.build/actions/lib/errors/user-error.js
var user_error = __webpack_require__(3594);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./.build/actions/lib/scanner/checksums.js
// Release checksum files: one `<sha256>  <file name>` line per asset (sha256sum's format, with an
// optional `*` marking binary mode).


function checksums_checksumFor(checksumFile, assetName) {
    for (const line of checksumFile.split(/\r?\n/)) {
        const m = /^([0-9a-fA-F]{64})\s+\*?(.+?)\s*$/.exec(line);
        if (m && m[2] === assetName)
            return m[1].toLowerCase();
    }
    return undefined;
}
async function checksums_sha256File(path) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path))
        hash.update(chunk);
    return hash.digest('hex');
}

;// CONCATENATED MODULE: ./.build/actions/lib/scanner/install.js
// Install a pinned scanner: the tool cache first, else download the release archive, verify its
// sha256 (against the release's checksum file or a digest pinned in our source), extract, cache.
// `install: never` uses the scanner on PATH (self-hosted runners with preinstalled tools).







// @actions/tool-cache (with the semver it carries) is read when a tool is looked up, not at start:
// the bundler puts it in a chunk of its own.
const toolCache = () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9805));
/**
 * A release laid out as gitleaks and trivy publish theirs (goreleaser): `<releases>/v<version>/<asset>`
 * with `<tool>_<version>_checksums.txt` beside it and the binary, named after the tool, at the root
 * of the archive. `downloadUrl` replaces `<releases>` for mirrors.
 */
function installGoreleaserRelease(tool, releases, asset, options) {
    return installRelease({ tool, version: options.version, baseUrl: `${options.downloadUrl ?? releases}/v${options.version}`, asset, checksumAsset: `${tool}_${options.version}_checksums.txt`, binary: tool }, options.install);
}
async function installRelease(archive, mode) {
    if (mode === 'never')
        return onPath(archive.tool, archive.binary);
    const tc = await toolCache();
    const cached = tc.find(archive.tool, archive.version);
    if (cached && existsSync(join(cached, archive.binary))) {
        core.info(`${archive.tool} ${archive.version}: tool cache hit (${cached}).`);
        return { path: join(cached, archive.binary), version: archive.version, source: 'cache' };
    }
    const url = `${archive.baseUrl}/${archive.asset}`;
    core.info(`${archive.tool} ${archive.version}: downloading ${url}`);
    const file = await download(url, archive.tool);
    const expected = archive.sha256 ?? (await expectedFromChecksumFile(archive));
    const actual = await sha256File(file);
    if (actual !== expected) {
        throw new UserError(`${archive.tool} ${archive.version}: sha256 of ${archive.asset} is ${actual}, expected ${expected}; the download is corrupt or was tampered with. Nothing was installed.`);
    }
    core.info(`${archive.tool} ${archive.version}: sha256 verified (${actual}).`);
    const extracted = archive.asset.endsWith('.zip') ? await tc.extractZip(file) : await tc.extractTar(file);
    if (!existsSync(join(extracted, archive.binary)))
        throw new UserError(`${archive.tool} ${archive.version}: ${archive.asset} does not contain ${archive.binary}.`);
    chmodSync(join(extracted, archive.binary), 0o755);
    const dir = await tc.cacheDir(extracted, archive.tool, archive.version);
    return { path: join(dir, archive.binary), version: archive.version, source: 'download' };
}
async function download(url, tool) {
    try {
        return await (await toolCache()).downloadTool(url);
    }
    catch (error) {
        const status = error.httpStatusCode;
        throw new UserError(`${tool}: could not download ${url}${status ? ` (HTTP ${status})` : ''}: ${error instanceof Error ? error.message : String(error)}. Check "version" and "download-url", or use install: never with the tool on PATH.`);
    }
}
async function expectedFromChecksumFile(archive) {
    if (!archive.checksumAsset)
        throw new Error(`${archive.tool}: neither a checksum file nor a pinned sha256`);
    const file = await download(`${archive.baseUrl}/${archive.checksumAsset}`, archive.tool);
    const expected = checksumFor(await readFile(file, 'utf8'), archive.asset);
    if (!expected)
        throw new UserError(`${archive.tool} ${archive.version}: ${archive.checksumAsset} lists no checksum for ${archive.asset}; refusing to install an unverified download.`);
    return expected;
}
async function onPath(tool, binary) {
    const path = await io/* which */.K7(binary, false);
    if (!path)
        throw new user_error/* UserError */.yo(`${tool}: install is "never" but ${binary} is not on PATH; install it on the runner or use install: auto.`);
    return { path, version: '', source: 'path' };
}

// EXTERNAL MODULE: ./.build/actions/checkov/checkov-requirements.js
var checkov_requirements = __webpack_require__(6134);
// EXTERNAL MODULE: ./.build/actions/lib/scanner/run-tool.js
var run_tool = __webpack_require__(1025);
;// CONCATENATED MODULE: ./.build/actions/checkov/pip-install.js
// checkov from PyPI into a virtual environment in the tool cache, every file verified: pip runs
// with --require-hashes against a lock of checkov and all its dependencies, each with the sha256
// digests PyPI publishes, pinned in our source. We chose this over checkov's standalone build
// because that build publishes no checksum file, so nothing would vouch for a pinned digest, while
// PyPI's digests are checked by pip file by file. The venv lives at the tool-cache path itself
// (venvs cannot be moved), marked complete the way @actions/tool-cache marks its entries.










const CHECKOV_VERSION = checkov_requirements/* CHECKOV_PINNED_VERSION */.C;
async function installCheckov(version, mode, indexUrl) {
    if (mode === 'never')
        return onPath('checkov', 'checkov');
    if (version !== checkov_requirements/* CHECKOV_PINNED_VERSION */.C) {
        throw new user_error/* UserError */.yo(`checkov ${version} is not supported: only ${checkov_requirements/* CHECKOV_PINNED_VERSION */.C} has its dependencies pinned with sha256 digests. Use that version, or install: never with your own checkov on PATH.`);
    }
    const cached = tool_cache.find('checkov', version);
    if (cached && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(cached, 'bin', 'checkov'))) {
        lib_core/* info */.pq(`checkov ${version}: tool cache hit (${cached}).`);
        return { path: (0,external_node_path_.join)(cached, 'bin', 'checkov'), version, source: 'cache' };
    }
    const root = process.env.RUNNER_TOOL_CACHE;
    if (!root)
        throw new user_error/* UserError */.yo('RUNNER_TOOL_CACHE is not set; this action runs on a GitHub Actions runner.');
    const venv = (0,external_node_path_.join)(root, 'checkov', version, process.arch);
    (0,external_node_fs_.rmSync)(venv, { recursive: true, force: true });
    (0,external_node_fs_.rmSync)(`${venv}.complete`, { force: true });
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(venv), { recursive: true });
    const python = (await io/* which */.K7('python3', false)) || (await io/* which */.K7('python', false));
    if (!python)
        throw new user_error/* UserError */.yo('checkov needs Python 3.9 or later on the runner (actions/setup-python), or install: never with checkov on PATH.');
    await pip(python, ['-m', 'venv', venv], 'create the virtual environment');
    const requirements = (0,external_node_path_.join)((0,external_node_path_.dirname)(venv), `requirements-${version}.txt`);
    (0,external_node_fs_.writeFileSync)(requirements, checkov_requirements/* CHECKOV_REQUIREMENTS */.$);
    const args = ['-m', 'pip', 'install', '--isolated', '--disable-pip-version-check', '--no-input', '--require-hashes', '--no-deps', '-r', requirements];
    if (indexUrl)
        args.push('--index-url', indexUrl);
    await pip((0,external_node_path_.join)(venv, 'bin', 'python'), args, 'install checkov (every file checked against its pinned sha256)');
    (0,external_node_fs_.writeFileSync)(`${venv}.complete`, '');
    return { path: (0,external_node_path_.join)(venv, 'bin', 'checkov'), version, source: 'download' };
}
async function pip(python, args, what) {
    const r = await exec/* getExecOutput */.H(python, args, { ignoreReturnCode: true });
    if (r.exitCode !== 0) {
        const mismatch = /hashes? (do not|don't) match|THESE PACKAGES DO NOT MATCH THE HASHES/i.test(r.stderr + r.stdout);
        throw new user_error/* UserError */.yo(`checkov: could not ${what}${mismatch ? ': a downloaded file does not match its pinned sha256; the index or mirror served a corrupt or tampered file. Nothing was installed' : ''}:\n${(0,run_tool/* tail */.RT)(r.stderr || r.stdout)}`);
    }
}
/** The checkov version installed in a venv, from its dist-info folder; undefined if not found. */
function installedCheckovVersion(checkovBin) {
    const lib = (0,external_node_path_.join)((0,external_node_path_.dirname)((0,external_node_path_.dirname)(checkovBin)), 'lib');
    if (!(0,external_node_fs_.existsSync)(lib))
        return undefined;
    for (const python of (0,external_node_fs_.readdirSync)(lib)) {
        const site = (0,external_node_path_.join)(lib, python, 'site-packages');
        if (!(0,external_node_fs_.existsSync)(site))
            continue;
        const info = (0,external_node_fs_.readdirSync)(site).find((d) => /^checkov-[\d.]+\.dist-info$/.test(d));
        if (info)
            return info.slice('checkov-'.length, -'.dist-info'.length);
    }
    return undefined;
}


/***/ })

};
