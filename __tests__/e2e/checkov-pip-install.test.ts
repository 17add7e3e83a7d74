// The checkov action's install path for real: pip installs checkov from
// actions/lib/scanner/checkov-requirements.txt with --require-hashes --no-deps, here from a loopback
// PEP 503/691 index serving the exact files PyPI publishes (fetched once by
// scripts/fetch-checkov-wheels.sh and cached). A byte changed in one wheel must stop the install.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPypiIndex, type PypiIndex } from '../helpers/pypi-index.js'
import { REPO_ROOT } from '../helpers/tools.js'

const CHECKOV_VERSION = '3.3.30'
const REQUIREMENTS = join(REPO_ROOT, 'actions', 'lib', 'scanner', 'checkov-requirements.txt')
const PYTHON = process.env.SGW_PYTHON ?? 'python3'
const TAMPERED = `checkov-${CHECKOV_VERSION}-py3-none-any.whl`

interface Result {
  code: number | null
  stdout: string
  stderr: string
  ms: number
}

// Asynchronous on purpose: the index answers from this process's event loop.
function run(cmd: string, args: string[], timeoutMs: number, env: Record<string, string> = {}): Promise<Result> {
  // No PIP_* setting of this machine (find-links, a mirror) may take part; --isolated says so too.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PIP_'))) as Record<string, string>
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...base, CKV_SKIP_PACKAGE_UPDATE_CHECK: 'true', ...env }, timeout: timeoutMs, killSignal: 'SIGKILL' })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      const ms = Date.now() - started
      if (signal) return reject(new Error(`${cmd} ${args.join(' ')}: killed by ${signal} after ${ms} ms (limit ${timeoutMs} ms)\n${stderr}`))
      resolve({ code, stdout, stderr, ms })
    })
  })
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

// A checkov venv is ~300 MB: everything this file creates is removed afterwards.
const scratch: string[] = []
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  scratch.push(dir)
  return dir
}

async function venv(): Promise<string> {
  const dir = join(tempDir('sgw-ckv-venv-'), 'venv')
  const r = await run(PYTHON, ['-m', 'venv', dir], 120_000)
  expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' })
  return dir
}

function pipInstall(env: string, index: PypiIndex): Promise<Result> {
  return run(join(env, 'bin', 'python'), ['-m', 'pip', 'install', '--isolated', '--disable-pip-version-check', '--require-hashes', '--no-deps', '--index-url', `${index.url}/simple/`, '-r', REQUIREMENTS], 300_000)
}

let wheels: string
let wheelFiles: string[]
const indexes: PypiIndex[] = []

beforeAll(async () => {
  wheels = tempDir('sgw-ckv-wheels-')
  // Downloads from PyPI once, then comes from the cache; a failure here fails the suite (no skip).
  const fetched = await run('bash', [join(REPO_ROOT, 'scripts', 'fetch-checkov-wheels.sh'), wheels], 900_000, process.env.SGW_PYTHON ? {} : { SGW_PYTHON: PYTHON })
  if (fetched.code !== 0) throw new Error(`scripts/fetch-checkov-wheels.sh failed (exit ${fetched.code}); it needs ${PYTHON} with pip and PyPI:\n${fetched.stderr}`)
  wheelFiles = readdirSync(wheels).sort()
}, 960_000)

afterAll(async () => {
  await Promise.all(indexes.map((i) => i.close()))
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

async function index(dir: string): Promise<PypiIndex> {
  const i = await startPypiIndex(dir)
  indexes.push(i)
  return i
}

describe('checkov pinned pip install (real pip, loopback PyPI index)', () => {
  it('the fetched set is one file per requirement this Python needs, each allowed by the requirements file', () => {
    const allowed = new Set(readFileSync(REQUIREMENTS, 'utf8').match(/(?<=--hash=sha256:)[0-9a-f]{64}/g))
    expect(wheelFiles).toContain(TAMPERED)
    expect(wheelFiles.filter((f) => !allowed.has(sha256(join(wheels, f))))).toEqual([])
  })

  it('serves the simple API as PyPI does: normalized names, sha256 fragments, PEP 691 JSON', async () => {
    const idx = await index(wheels)
    const redirect = await fetch(`${idx.url}/simple/PyYAML`, { redirect: 'manual' })
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/simple/pyyaml/'])
    const html = await (await fetch(`${idx.url}/simple/checkov/`, { headers: { accept: 'text/html' } })).text()
    expect(html).toContain(`<a href="/files/${TAMPERED}#sha256=${sha256(join(wheels, TAMPERED))}">${TAMPERED}</a>`)
    const json = await fetch(`${idx.url}/simple/checkov/`, { headers: { accept: 'application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01' } })
    expect(json.headers.get('content-type')).toBe('application/vnd.pypi.simple.v1+json')
    expect(await json.json()).toEqual({ meta: { 'api-version': '1.0' }, name: 'checkov', files: [expect.objectContaining({ filename: TAMPERED, hashes: { sha256: sha256(join(wheels, TAMPERED)) } })] })
    expect((await fetch(`${idx.url}/simple/no-such-project/`)).status).toBe(404)
  }, 60_000)

  it('installs checkov with --require-hashes --no-deps, complete and runnable', async () => {
    const idx = await index(wheels)
    const env = await venv()
    const install = await pipInstall(env, idx)
    expect({ code: install.code, stderr: install.code === 0 ? '' : install.stderr }).toEqual({ code: 0, stderr: '' })
    // Every pinned file for this Python was fetched from the index, and nothing else.
    const files = idx.requests.filter((r) => r.startsWith('/files/')).map((r) => decodeURIComponent(r.slice('/files/'.length)))
    expect(files.sort()).toEqual(wheelFiles)
    // --no-deps installed nothing it did not list; pip check proves it listed everything needed.
    const check = await run(join(env, 'bin', 'python'), ['-m', 'pip', 'check', '--isolated', '--disable-pip-version-check'], 120_000)
    expect(check.stdout.trim()).toBe('No broken requirements found.')
    const version = await run(join(env, 'bin', 'checkov'), ['--version'], 120_000)
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toBe(CHECKOV_VERSION)
    process.stderr.write(`[checkov-pip-install] ${wheelFiles.length} files, pip install ${install.ms} ms, checkov --version ${version.ms} ms\n`)
  }, 600_000)

  it('refuses a tampered wheel (same name, one byte changed) with pip\'s hash mismatch, installing nothing', async () => {
    const dir = tempDir('sgw-ckv-tampered-')
    for (const f of wheelFiles) if (f !== TAMPERED) symlinkSync(join(wheels, f), join(dir, f))
    copyFileSync(join(wheels, TAMPERED), join(dir, TAMPERED))
    const bytes = readFileSync(join(dir, TAMPERED))
    bytes[bytes.length >> 1] ^= 0xff
    writeFileSync(join(dir, TAMPERED), bytes)
    const expected = sha256(join(wheels, TAMPERED))
    const got = sha256(join(dir, TAMPERED))
    expect(got).not.toBe(expected)

    const idx = await index(dir)
    const env = await venv()
    const install = await pipInstall(env, idx)
    expect(install.code).not.toBe(0)
    expect(idx.requests).toContain(`/files/${TAMPERED}`)
    expect(install.stderr).toContain('THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE')
    expect(install.stderr).toMatch(new RegExp(`checkov==${CHECKOV_VERSION.replace(/\./g, '\\.')} from \\S*${TAMPERED}`))
    // pip lists every allowed digest (the wheel's and the sdist's), then the one it got.
    expect(install.stderr).toMatch(new RegExp(`Expected +(sha256|or) ${expected}\\n`))
    expect(install.stderr).toMatch(new RegExp(`\\n +Got +${got}\\s`))
    expect(existsSync(join(env, 'bin', 'checkov'))).toBe(false)
    const freeze = await run(join(env, 'bin', 'python'), ['-m', 'pip', 'freeze', '--isolated', '--disable-pip-version-check'], 120_000)
    expect(freeze.stdout.trim()).toBe('')
  }, 600_000)
})
