#!/usr/bin/env node
// Writes actions/lib/scanner/checkov-requirements.txt: checkov and its whole dependency set, each
// pinned with `==` and followed by the sha256 of every file PyPI publishes for that release (all
// wheels and the sdist), so that
//
//   pip install --require-hashes --no-deps -r checkov-requirements.txt
//
// installs exactly what we tested on any runner Python, and fails on any byte that differs.
// (checkov's standalone release build publishes no checksum file; this is its verified path.)
//
// The pins come from scripts/install-test-tools.sh (CHECKOV_VERSION, CHECKOV_CONSTRAINTS: the
// `pip freeze` of the venv the tests use). A single set of versions cannot serve every Python (numpy
// and others drop old Pythons; some dependencies exist only on old ones), so checkov==VERSION is
// resolved under those pins by each target interpreter (pip --dry-run --report in a scratch venv).
// A pin whose release does not support an interpreter (Requires-Python) is left out for it and pip
// picks the newest that fits; where interpreters end up with different versions, or a dependency is
// needed only by some, the line carries an environment marker.
//
// Usage: node scripts/pin-checkov.mjs [--python <interpreter>]... [--out <file>] [--index <url>]
//   --python  interpreters to resolve with (default: python3.10 python3.11 python3.12 python3.13,
//             all required); each must be a different minor version
//   --out     default actions/lib/scanner/checkov-requirements.txt
//   --index   PyPI base URL (JSON API at <index>/pypi/, simple index at <index>/simple/);
//             default https://pypi.org
// pip runs with --isolated, so no pip.conf or PIP_* variable (find-links, a mirror) takes part;
// PIP_CERT / SSL_CERT_FILE, when set, is passed on as --cert.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SOURCE = join(ROOT, 'scripts', 'install-test-tools.sh')

function fail(message) {
  process.stderr.write(`pin-checkov: error: ${message}\n`)
  process.exit(1)
}

function log(message) {
  process.stderr.write(`pin-checkov: ${message}\n`)
}

/** PEP 503 normalized project name. */
function normalize(name) {
  return name.replace(/[-_.]+/g, '-').toLowerCase()
}

function parseArgs(argv) {
  const opts = { pythons: [], out: join(ROOT, 'actions', 'lib', 'scanner', 'checkov-requirements.txt'), index: 'https://pypi.org' }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      if (i + 1 >= argv.length) fail(`${arg} needs a value`)
      return argv[++i]
    }
    if (arg === '--python') opts.pythons.push(value())
    else if (arg === '--out') opts.out = value()
    else if (arg === '--index') opts.index = value().replace(/\/+$/, '')
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write('usage: node scripts/pin-checkov.mjs [--python <interpreter>]... [--out <file>] [--index <url>]\n')
      process.exit(0)
    } else fail(`unknown argument '${arg}'`)
  }
  if (opts.pythons.length === 0) opts.pythons = ['python3.10', 'python3.11', 'python3.12', 'python3.13']
  return opts
}

/** CHECKOV_VERSION and the CHECKOV_CONSTRAINTS array, read from install-test-tools.sh. */
function readPins() {
  const text = readFileSync(SOURCE, 'utf8')
  const version = /^CHECKOV_VERSION="([^"]+)"$/m.exec(text)?.[1]
  const block = /^CHECKOV_CONSTRAINTS=\(\n([\s\S]*?)\n\)$/m.exec(text)?.[1]
  if (!version || !block) fail(`cannot find CHECKOV_VERSION and CHECKOV_CONSTRAINTS=( ... ) in ${SOURCE}`)
  const pins = new Map()
  for (const word of block.replace(/#.*$/gm, '').split(/\s+/).filter(Boolean)) {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)==([^=\s]+)$/.exec(word)
    if (!m) fail(`CHECKOV_CONSTRAINTS entry '${word}' is not name==version`)
    pins.set(normalize(m[1]), m[2])
  }
  if (pins.has('checkov')) fail('CHECKOV_CONSTRAINTS must not pin checkov itself (CHECKOV_VERSION does)')
  return { version, pins }
}

// --- PyPI JSON API ---------------------------------------------------------------------------------

async function getJson(url) {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(120_000) })
      if (res.status === 404) return undefined
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      return await res.json()
    } catch (err) {
      if (attempt >= 4) throw new Error(`${url}: ${err instanceof Error ? err.message : String(err)}`)
      await new Promise((r) => setTimeout(r, 1000 * attempt))
    }
  }
}

const releaseCache = new Map()

/**
 * The files of one release: `/pypi/<name>/<version>/json` (`urls`), or, where a mirror does not
 * serve that route, the project document's `releases[<version>]`.
 */
function releaseFiles(index, name, version) {
  const key = `${normalize(name)}==${version}`
  if (!releaseCache.has(key)) {
    releaseCache.set(
      key,
      (async () => {
        let files = (await getJson(`${index}/pypi/${encodeURIComponent(name)}/${encodeURIComponent(version)}/json`))?.urls
        if (!files) {
          const project = await getJson(`${index}/pypi/${encodeURIComponent(name)}/json`)
          if (!project) throw new Error(`${name} is not on ${index}`)
          const releases = project.releases ?? {}
          const found = Object.keys(releases).find((v) => v === version) ?? Object.keys(releases).find((v) => v.toLowerCase() === version.toLowerCase())
          files = found === undefined ? undefined : releases[found]
        }
        if (!files || files.length === 0) throw new Error(`${name}==${version}: no files published on ${index}`)
        return files.map((f) => {
          if (!/^[0-9a-f]{64}$/.test(f.digests?.sha256 ?? '')) throw new Error(`${name}==${version}: ${f.filename} has no sha256 digest`)
          return { filename: f.filename, sha256: f.digests.sha256, requiresPython: f.requires_python ?? null, yanked: Boolean(f.yanked), packagetype: f.packagetype }
        })
      })()
    )
  }
  return releaseCache.get(key)
}

async function mapLimit(items, limit, fn) {
  const results = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

// --- interpreters --------------------------------------------------------------------------------

function probe(python) {
  const r = spawnSync(python, ['-c', 'import sys, platform; print("%d.%d" % sys.version_info[:2], platform.python_version(), sys.implementation.name)'], { encoding: 'utf8' })
  if (r.error || r.status !== 0) fail(`interpreter '${python}' does not run (${r.error?.message ?? r.stderr.trim()}); install it or pass --python`)
  const [minor, full, impl] = r.stdout.trim().split(/\s+/)
  return { python, minor, full, impl }
}

function run(cmd, args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${stderr.trim()}`))))
    child.stdin.end(input ?? '')
  })
}

// Runs inside the scratch venv: which pins' Requires-Python admit this interpreter (pip's vendored
// `packaging` does the PEP 440 evaluation).
const FILTER_PY = `
import json, platform, sys
try:
    from packaging.specifiers import SpecifierSet
except ImportError:
    from pip._vendor.packaging.specifiers import SpecifierSet
here = platform.python_version()
for name, version, spec in json.load(sys.stdin):
    ok = not spec or SpecifierSet(spec).contains(here, prereleases=True)
    print(("keep" if ok else "drop"), name, version)
`

function pipNetworkArgs(index) {
  const args = ['--isolated', '--disable-pip-version-check', '--index-url', `${index}/simple/`, '--timeout', '120']
  const cert = process.env.PIP_CERT || process.env.SSL_CERT_FILE
  if (cert) args.push('--cert', cert)
  return args
}

/** checkov==version resolved by one interpreter (in `venv`) under the pins that admit it. */
async function resolveWith(interp, venv, index, checkovVersion, pinInfo) {
  const dir = dirname(venv)
  await run(interp.python, ['-m', 'venv', venv])
  const py = join(venv, 'bin', 'python')
  const verdicts = (await run(py, ['-c', FILTER_PY], JSON.stringify(pinInfo))).trim().split('\n')
  const kept = []
  const dropped = []
  for (const line of verdicts) {
    const [verdict, name, version] = line.split(' ')
    ;(verdict === 'keep' ? kept : dropped).push(`${name}==${version}`)
  }
  writeFileSync(join(dir, 'constraints.txt'), kept.join('\n') + '\n')
  const report = join(dir, 'report.json')
  await run(py, ['-m', 'pip', 'install', ...pipNetworkArgs(index), '--quiet', '--dry-run', '--ignore-installed', '--report', report, '--constraint', join(dir, 'constraints.txt'), `checkov==${checkovVersion}`])
  const items = JSON.parse(readFileSync(report, 'utf8')).install.map((i) => ({
    name: normalize(i.metadata.name),
    version: i.metadata.version,
    requiresDist: i.metadata.requires_dist ?? [],
    extras: i.requested_extras ?? []
  }))
  return { interp, py, dropped, items }
}

const EVAL_PY = `
import json, sys
try:
    from packaging.markers import Marker
except ImportError:
    from pip._vendor.packaging.markers import Marker
print(json.dumps([Marker(m).evaluate() for m in json.load(sys.stdin)]))
`

/** Each marker evaluated by each resolution's interpreter: [marker][resolution]. */
async function evaluateMarkers(resolutions, markers) {
  const perInterp = await Promise.all(resolutions.map(({ py }) => run(py, ['-c', EVAL_PY], JSON.stringify(markers)).then((out) => JSON.parse(out))))
  return markers.map((_, i) => perInterp.map((values) => values[i]))
}

// --- markers -------------------------------------------------------------------------------------

/** A python_version condition true on exactly the members of `all` flagged in `present` (and beyond the ends). */
function rangeMarker(all, present) {
  const runs = []
  for (let i = 0; i < all.length; i++) {
    if (!present[i]) continue
    let j = i
    while (j + 1 < all.length && present[j + 1]) j++
    const parts = []
    if (i > 0) parts.push(`python_version >= "${all[i]}"`)
    if (j < all.length - 1) parts.push(`python_version < "${all[j + 1]}"`)
    runs.push(parts.join(' and '))
    i = j
  }
  if (runs.some((r) => r === '')) return ''
  return runs.length === 1 ? runs[0] : runs.map((r) => `(${r})`).join(' or ')
}

function parseRequirement(spec) {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec)
  if (!m) return undefined
  const semi = spec.indexOf(';')
  return { name: normalize(m[1]), marker: semi < 0 ? '' : spec.slice(semi + 1).trim() }
}

function and(a, b) {
  if (a === '' || a === b) return b
  if (b === '') return a
  return `(${a}) and (${b})`
}

function or(list) {
  const unique = [...new Set(list)].sort()
  return unique.length === 1 ? unique[0] : unique.map((m) => `(${m})`).join(' or ')
}

/**
 * The environments in which checkov pulls `name` in, from the markers along the requirement
 * chains in the resolutions' metadata: '' when unconditional, undefined when it cannot be
 * expressed (a requirement that depends on an extra somebody asked for), null inside a cycle.
 */
function requiredWhen(resolutions, name, memo = new Map(), visiting = new Set()) {
  if (name === 'checkov') return ''
  if (memo.has(name)) return memo.get(name)
  if (visiting.has(name)) return null // a cycle adds no condition
  visiting.add(name)
  const terms = []
  let unknown = false
  const seen = new Set()
  for (const { items } of resolutions) {
    for (const parent of items) {
      for (const spec of parent.requiresDist) {
        const req = parseRequirement(spec)
        if (!req || req.name !== name || seen.has(`${parent.name} ${spec}`)) continue
        seen.add(`${parent.name} ${spec}`)
        if (/\bextra\b/.test(req.marker)) {
          if (parent.extras.length > 0) unknown = true
          continue // otherwise an extra nobody asked for
        }
        const upstream = requiredWhen(resolutions, parent.name, memo, visiting)
        if (upstream === null) continue
        if (upstream === undefined) unknown = true
        else terms.push(and(upstream, req.marker))
      }
    }
  }
  visiting.delete(name)
  const result = unknown || terms.length === 0 ? undefined : terms.includes('') ? '' : or(terms)
  memo.set(name, result)
  return result
}

// --- main ----------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const { version: checkovVersion, pins } = readPins()
  const interps = opts.pythons.map(probe).sort((a, b) => a.minor.localeCompare(b.minor, undefined, { numeric: true }))
  for (let i = 1; i < interps.length; i++) if (interps[i].minor === interps[i - 1].minor) fail(`${interps[i - 1].python} and ${interps[i].python} are both Python ${interps[i].minor}`)
  const minors = interps.map((i) => i.minor)
  log(`checkov ${checkovVersion}, ${pins.size} pinned dependencies, resolving with Python ${interps.map((i) => `${i.full} (${i.impl})`).join(', ')}`)

  // Requires-Python of every pinned release (its files normally agree; the loosest one counts).
  const pinList = [...pins.entries()]
  const pinInfo = await mapLimit(pinList, 8, async ([name, version]) => {
    const files = await releaseFiles(opts.index, name, version)
    const specs = [...new Set(files.map((f) => f.requiresPython ?? ''))]
    return [name, version, specs.includes('') ? '' : specs.sort((a, b) => a.length - b.length)[0]]
  })

  const work = mkdtempSync(join(tmpdir(), 'pin-checkov-'))
  try {
    const resolutions = await Promise.all(interps.map((interp) => resolveWith(interp, join(work, interp.minor, 'venv'), opts.index, checkovVersion, pinInfo)))
    return await writeRequirements(opts, checkovVersion, pins, minors, resolutions)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

async function writeRequirements(opts, checkovVersion, pins, minors, resolutions) {
  // name -> version -> set of minors that resolved to it
  const table = new Map()
  for (const { interp, dropped, items } of resolutions) {
    if (dropped.length > 0) log(`Python ${interp.minor}: pins that do not support it, re-resolved: ${dropped.join(' ')}`)
    const names = new Set(items.map((i) => i.name))
    for (const [name, version] of pins) if (!names.has(name) && !dropped.includes(`${name}==${version}`)) log(`Python ${interp.minor}: ${name}==${version} is pinned but not needed`)
    for (const item of items) {
      if (item.name !== 'checkov' && !pins.has(item.name)) log(`Python ${interp.minor}: ${item.name}==${item.version} is not in CHECKOV_CONSTRAINTS (resolved now, pinned here)`)
      if (!table.has(item.name)) table.set(item.name, new Map())
      const versions = table.get(item.name)
      if (!versions.has(item.version)) versions.set(item.version, new Set())
      versions.get(item.version).add(interp.minor)
    }
  }
  if (table.get('checkov')?.size !== 1 || !table.get('checkov').has(checkovVersion)) fail(`the resolutions do not contain checkov==${checkovVersion}`)

  const entries = []
  for (const [name, versions] of table) {
    const presentIn = new Set([...versions.values()].flatMap((s) => [...s]))
    // A dependency only some interpreters need: the markers on its requirement chain say when
    // (and carry any platform condition to interpreters not sampled here).
    const when = presentIn.size === minors.length ? '' : requiredWhen(resolutions, name) ?? ''
    for (const [version, where] of versions) {
      const range = where.size === minors.length ? '' : rangeMarker(minors, minors.map((m) => where.has(m)))
      entries.push({ name, version, range, when, single: versions.size === 1, where, first: minors.findIndex((m) => where.has(m)) })
    }
  }
  // The requirement-chain marker alone, when it selects exactly the interpreters that need the
  // release; otherwise the python_version range as well.
  const candidates = entries.filter((e) => e.when !== '' && e.single)
  const verdicts = await evaluateMarkers(resolutions, candidates.map((e) => e.when))
  const exact = new Set(candidates.filter((e, i) => verdicts[i].every((v, r) => v === e.where.has(resolutions[r].interp.minor))))
  for (const e of entries) e.marker = exact.has(e) ? e.when : and(e.range, e.when)
  entries.sort((a, b) => (a.name === b.name ? a.first - b.first : a.name < b.name ? -1 : 1))

  let fileCount = 0
  const blocks = await mapLimit(entries, 8, async (e) => {
    const files = await releaseFiles(opts.index, e.name, e.version)
    if (files.some((f) => f.yanked)) log(`warning: ${e.name}==${e.version} has yanked files`)
    if (!files.some((f) => f.packagetype === 'bdist_wheel')) log(`note: ${e.name}==${e.version} publishes no wheel (sdist only)`)
    fileCount += files.length
    const hashes = [...new Set(files.map((f) => f.sha256))].sort()
    return [`${e.name}==${e.version}${e.marker ? ` ; ${e.marker}` : ''} \\`, ...hashes.map((h, i) => `    --hash=sha256:${h}${i < hashes.length - 1 ? ' \\' : ''}`)].join('\n')
  })

  const header = [
    `# checkov ${checkovVersion} and its complete dependency set, pinned, with the sha256 of every file`,
    '# PyPI publishes for each release (all wheels and sdists), for:',
    '#',
    '#   pip install --require-hashes --no-deps -r checkov-requirements.txt',
    '#',
    '# Generated by `node scripts/pin-checkov.mjs`; do not edit. It reads CHECKOV_VERSION and the',
    '# CHECKOV_CONSTRAINTS pins from scripts/install-test-tools.sh and resolves',
    `# checkov==${checkovVersion} under them with CPython ${minors.join(', ')}; where a pinned release does`,
    '# not support a Python, that Python gets the newest release that does, behind a marker.',
    '# Regenerate whenever CHECKOV_VERSION or CHECKOV_CONSTRAINTS changes.',
    ''
  ]
  writeFileSync(opts.out, header.join('\n') + blocks.join('\n') + '\n')
  log(`wrote ${relative(process.cwd(), opts.out) || opts.out}: ${entries.length} requirements (${table.size} projects), ${fileCount} files hashed`)
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)))
