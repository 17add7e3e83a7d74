// checkov from PyPI into a virtual environment in the tool cache, every file verified: pip runs
// with --require-hashes against a lock of checkov and all its dependencies, each with the sha256
// digests PyPI publishes, pinned in our source. We chose this over checkov's standalone build
// because that build publishes no checksum file, so nothing would vouch for a pinned digest, while
// PyPI's digests are checked by pip file by file. The venv lives at the tool-cache path itself
// (venvs cannot be moved), marked complete the way @actions/tool-cache marks its entries.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import * as core from '@actions/core'
import * as exec from '@actions/exec'
import * as io from '@actions/io'
import * as tc from '@actions/tool-cache'
import { UserError } from '../lib/errors/user-error.js'
import { onPath, type InstalledTool, type InstallMode } from '../lib/scanner/install.js'
import { CHECKOV_PINNED_VERSION, CHECKOV_REQUIREMENTS } from './checkov-requirements.js'
import { tail } from '../lib/scanner/run-tool.js'

export const CHECKOV_VERSION = CHECKOV_PINNED_VERSION

export async function installCheckov(version: string, mode: InstallMode, indexUrl?: string): Promise<InstalledTool> {
  if (mode === 'never') return onPath('checkov', 'checkov')
  if (version !== CHECKOV_PINNED_VERSION) {
    throw new UserError(`checkov ${version} is not supported: only ${CHECKOV_PINNED_VERSION} has its dependencies pinned with sha256 digests. Use that version, or install: never with your own checkov on PATH.`)
  }
  const cached = tc.find('checkov', version)
  if (cached && existsSync(join(cached, 'bin', 'checkov'))) {
    core.info(`checkov ${version}: tool cache hit (${cached}).`)
    return { path: join(cached, 'bin', 'checkov'), version, source: 'cache' }
  }
  const root = process.env.RUNNER_TOOL_CACHE
  if (!root) throw new UserError('RUNNER_TOOL_CACHE is not set; this action runs on a GitHub Actions runner.')
  const venv = join(root, 'checkov', version, process.arch)
  rmSync(venv, { recursive: true, force: true })
  rmSync(`${venv}.complete`, { force: true })
  mkdirSync(dirname(venv), { recursive: true })
  const python = (await io.which('python3', false)) || (await io.which('python', false))
  if (!python) throw new UserError('checkov needs Python 3.9 or later on the runner (actions/setup-python), or install: never with checkov on PATH.')
  await pip(python, ['-m', 'venv', venv], 'create the virtual environment')
  const requirements = join(dirname(venv), `requirements-${version}.txt`)
  writeFileSync(requirements, CHECKOV_REQUIREMENTS)
  const args = ['-m', 'pip', 'install', '--isolated', '--disable-pip-version-check', '--no-input', '--require-hashes', '--no-deps', '-r', requirements]
  if (indexUrl) args.push('--index-url', indexUrl)
  await pip(join(venv, 'bin', 'python'), args, 'install checkov (every file checked against its pinned sha256)')
  writeFileSync(`${venv}.complete`, '')
  return { path: join(venv, 'bin', 'checkov'), version, source: 'download' }
}

async function pip(python: string, args: string[], what: string): Promise<void> {
  const r = await exec.getExecOutput(python, args, { ignoreReturnCode: true })
  if (r.exitCode !== 0) {
    const mismatch = /hashes? (do not|don't) match|THESE PACKAGES DO NOT MATCH THE HASHES/i.test(r.stderr + r.stdout)
    throw new UserError(`checkov: could not ${what}${mismatch ? ': a downloaded file does not match its pinned sha256; the index or mirror served a corrupt or tampered file. Nothing was installed' : ''}:\n${tail(r.stderr || r.stdout)}`)
  }
}

/** The checkov version installed in a venv, from its dist-info folder; undefined if not found. */
export function installedCheckovVersion(checkovBin: string): string | undefined {
  const lib = join(dirname(dirname(checkovBin)), 'lib')
  if (!existsSync(lib)) return undefined
  for (const python of readdirSync(lib)) {
    const site = join(lib, python, 'site-packages')
    if (!existsSync(site)) continue
    const info = readdirSync(site).find((d) => /^checkov-[\d.]+\.dist-info$/.test(d))
    if (info) return info.slice('checkov-'.length, -'.dist-info'.length)
  }
  return undefined
}
