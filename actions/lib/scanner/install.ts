// Install a pinned scanner: the tool cache first, else download the release archive, verify its
// sha256 (against the release's checksum file or a digest pinned in our source), extract, cache.
// `install: never` uses the scanner on PATH (self-hosted runners with preinstalled tools).
import { chmodSync, existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as core from '@actions/core'
import * as io from '@actions/io'
import type * as ToolCache from '@actions/tool-cache'
import { UserError } from '../errors/user-error.js'
import { checksumFor, sha256File } from './checksums.js'

export type InstallMode = 'auto' | 'never'

// @actions/tool-cache (with the semver it carries) is read when a tool is looked up, not at start:
// the bundler puts it in a chunk of its own.
const toolCache = (): Promise<typeof ToolCache> => import('@actions/tool-cache')

export interface ReleaseArchive {
  tool: string
  version: string
  /** Base URL of the release (the asset and checksum file are below it). */
  baseUrl: string
  asset: string
  /** Name of the checksum file next to the asset; or `sha256` pinned in source. */
  checksumAsset?: string
  sha256?: string
  /** Path of the executable inside the extracted archive. */
  binary: string
}

export interface InstalledTool {
  path: string
  version: string
  source: 'cache' | 'download' | 'path'
}

/**
 * A release laid out as gitleaks and trivy publish theirs (goreleaser): `<releases>/v<version>/<asset>`
 * with `<tool>_<version>_checksums.txt` beside it and the binary, named after the tool, at the root
 * of the archive. `downloadUrl` replaces `<releases>` for mirrors.
 */
export function installGoreleaserRelease(tool: string, releases: string, asset: string, options: { version: string; downloadUrl?: string; install: InstallMode }): Promise<InstalledTool> {
  return installRelease(
    { tool, version: options.version, baseUrl: `${options.downloadUrl ?? releases}/v${options.version}`, asset, checksumAsset: `${tool}_${options.version}_checksums.txt`, binary: tool },
    options.install
  )
}

export async function installRelease(archive: ReleaseArchive, mode: InstallMode): Promise<InstalledTool> {
  if (mode === 'never') return onPath(archive.tool, archive.binary)
  const tc = await toolCache()
  const cached = tc.find(archive.tool, archive.version)
  if (cached && existsSync(join(cached, archive.binary))) {
    core.info(`${archive.tool} ${archive.version}: tool cache hit (${cached}).`)
    return { path: join(cached, archive.binary), version: archive.version, source: 'cache' }
  }
  const url = `${archive.baseUrl}/${archive.asset}`
  core.info(`${archive.tool} ${archive.version}: downloading ${url}`)
  const file = await download(url, archive.tool)
  const expected = archive.sha256 ?? (await expectedFromChecksumFile(archive))
  const actual = await sha256File(file)
  if (actual !== expected) {
    throw new UserError(`${archive.tool} ${archive.version}: sha256 of ${archive.asset} is ${actual}, expected ${expected}; the download is corrupt or was tampered with. Nothing was installed.`)
  }
  core.info(`${archive.tool} ${archive.version}: sha256 verified (${actual}).`)
  const extracted = archive.asset.endsWith('.zip') ? await tc.extractZip(file) : await tc.extractTar(file)
  if (!existsSync(join(extracted, archive.binary))) throw new UserError(`${archive.tool} ${archive.version}: ${archive.asset} does not contain ${archive.binary}.`)
  chmodSync(join(extracted, archive.binary), 0o755)
  const dir = await tc.cacheDir(extracted, archive.tool, archive.version)
  return { path: join(dir, archive.binary), version: archive.version, source: 'download' }
}

async function download(url: string, tool: string): Promise<string> {
  try {
    return await (await toolCache()).downloadTool(url)
  } catch (error) {
    const status = (error as { httpStatusCode?: number }).httpStatusCode
    throw new UserError(`${tool}: could not download ${url}${status ? ` (HTTP ${status})` : ''}: ${error instanceof Error ? error.message : String(error)}. Check "version" and "download-url", or use install: never with the tool on PATH.`)
  }
}

async function expectedFromChecksumFile(archive: ReleaseArchive): Promise<string> {
  if (!archive.checksumAsset) throw new Error(`${archive.tool}: neither a checksum file nor a pinned sha256`)
  const file = await download(`${archive.baseUrl}/${archive.checksumAsset}`, archive.tool)
  const expected = checksumFor(await readFile(file, 'utf8'), archive.asset)
  if (!expected) throw new UserError(`${archive.tool} ${archive.version}: ${archive.checksumAsset} lists no checksum for ${archive.asset}; refusing to install an unverified download.`)
  return expected
}

export async function onPath(tool: string, binary: string): Promise<InstalledTool> {
  const path = await io.which(binary, false)
  if (!path) throw new UserError(`${tool}: install is "never" but ${binary} is not on PATH; install it on the runner or use install: auto.`)
  return { path, version: '', source: 'path' }
}
