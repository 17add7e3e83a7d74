// actions/trivy: vulnerabilities, misconfigurations and secrets in a filesystem, an image (a
// reference or a tarball), IaC config, a repository or an SBOM; the DB cached daily.
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import * as core from '@actions/core'
import * as exec from '@actions/exec'
import { input } from '../lib/action/run-action.js'
import { UserError } from '../lib/errors/user-error.js'
import { parseBoolean, parseChoice, parseList } from '../lib/inputs/parse.js'
import { installGoreleaserRelease, type InstalledTool } from '../lib/scanner/install.js'
import { requireReport, runTool } from '../lib/scanner/run-tool.js'
import { trivyUnscanned } from '../lib/scanner/unscanned.js'
import { runScannerAction, type Scanner } from '../lib/scanner/scanner-action.js'
import { restoreDb, saveDb, type DbRestore } from './db-cache.js'

export const TRIVY_VERSION = '0.69.3'
const RELEASES = 'https://github.com/aquasecurity/trivy/releases/download'
const SCAN_TYPES = ['fs', 'image', 'config', 'repo', 'sbom'] as const

interface TrivyConfig {
  scanType: (typeof SCAN_TYPES)[number]
  target: string
  tarball?: string
  scanners: string[]
  ignoreUnfixed: boolean
  ignoreFile?: string
  skipDirs: string[]
  cacheDb: boolean
  dbRepositories: string[]
  javaDbRepositories: string[]
  skipDbUpdate: 'auto' | 'true' | 'false'
  cacheDir: string
  /** Where to write a CycloneDX SBOM of the target, after the scan. */
  sbomOutput?: string
}

export const trivy: Scanner<TrivyConfig> = {
  tool: 'trivy',
  title: 'Trivy',
  defaultVersion: TRIVY_VERSION,
  format: 'trivy',
  reservedFlags: ['--format', '-f', '--output', '-o', '--exit-code', '--cache-dir', '--quiet', '-q'],

  readConfig(common) {
    const scanType = parseChoice('scan-type', input('scan-type'), SCAN_TYPES, 'fs')
    const tarball = input('input').trim() || undefined
    const imageRef = input('image-ref').trim()
    if (scanType === 'image' && !tarball && !imageRef) throw new UserError('scan-type image needs "image-ref" (an image reference) or "input" (an image tarball, e.g. from docker save).')
    if (tarball && !existsSync(tarball)) throw new UserError(`Input "input": ${tarball} does not exist.`)
    const ignoreFile = input('trivyignore').trim() || undefined
    if (ignoreFile && !existsSync(ignoreFile)) throw new UserError(`Input "trivyignore": ${ignoreFile} does not exist.`)
    const scanners = parseList(input('scanners'))
    for (const s of scanners) if (!['vuln', 'misconfig', 'secret', 'license'].includes(s)) throw new UserError(`Input "scanners" accepts vuln, misconfig, secret, license; got "${s}".`)
    return {
      scanType,
      target: scanType === 'image' ? imageRef : common.path,
      tarball,
      scanners,
      ignoreUnfixed: parseBoolean('ignore-unfixed', input('ignore-unfixed'), false),
      ignoreFile,
      skipDirs: parseList(input('skip-dirs')),
      cacheDb: parseBoolean('cache-db', input('cache-db'), true),
      dbRepositories: parseList(input('db-repository')),
      javaDbRepositories: parseList(input('java-db-repository')),
      skipDbUpdate: parseChoice('skip-db-update', input('skip-db-update'), ['auto', 'true', 'false'] as const, 'auto'),
      cacheDir: input('cache-dir').trim() || join(common.workDir, 'cache'),
      sbomOutput: input('sbom-output').trim() || undefined
    }
  },

  install(common) {
    return installGoreleaserRelease('trivy', RELEASES, `trivy_${common.version}_Linux-${process.arch === 'arm64' ? 'ARM64' : '64bit'}.tar.gz`, common)
  },

  async versionOf(tool: InstalledTool) {
    const out = await exec.getExecOutput(tool.path, ['--version'], { silent: true, ignoreReturnCode: true })
    return /Version:\s*v?(\S+)/.exec(out.stdout)?.[1] ?? ''
  },

  async scan(tool, common, config, report) {
    const now = new Date()
    const needsDb = config.scanType !== 'config' && (config.scanners.length === 0 || config.scanners.includes('vuln'))
    const restored: DbRestore[] = []
    if (needsDb && config.cacheDb) {
      await core.group('Restore the trivy DB from the Actions cache', async () => {
        restored.push(await restoreDb('db', config.cacheDir, now), await restoreDb('java-db', config.cacheDir, now))
      })
    }
    const exact = (kind: string) => restored.some((r) => r.kind === kind && r.hit === 'exact')
    const skip = config.skipDbUpdate === 'true' || (config.skipDbUpdate === 'auto' && exact('db'))
    const args = baseArgs(config, report)
    if (needsDb && skip) args.push('--skip-db-update')
    if (needsDb && (config.skipDbUpdate === 'true' || (config.skipDbUpdate === 'auto' && exact('java-db')))) args.push('--skip-java-db-update')
    args.push(...common.args)
    const target = config.scanType === 'image' && config.tarball ? [] : [config.target]
    let run
    let stale = false
    try {
      run = await runTool('trivy', tool.path, [...args, ...target])
    } catch (error) {
      // Every DB repository refused (rate limits): an older cached DB is better than no scan.
      const older = restored.find((r) => r.kind === 'db' && r.hit === 'older')
      if (!older || skip || !/download|DB|database|TOOMANYREQUESTS|429/i.test(String(error))) throw error
      core.warning(`trivy could not update its DB; scanning with the cached ${older.matchedKey} instead.`)
      run = await runTool('trivy', tool.path, [...args, '--skip-db-update', '--skip-java-db-update', ...target])
      stale = true
    }
    requireReport('trivy', report, run)
    const unscanned = trivyUnscanned(run.stderr)
    // A DB that could not be updated is not today's: saving it under today's key would stop every
    // later job of the day from trying again.
    if (!stale) for (const r of restored) await saveDb(r)
    if (config.sbomOutput) await writeSbom(tool.path, config, target, common.args)
    return { unscanned }
  }
}

/**
 * A CycloneDX SBOM (JSON, trivy's `--format cyclonedx`) of the same target at config.sbomOutput:
 * the components and licences only (scanners license, no DB needed), so it describes the artifact
 * rather than today's vulnerabilities. Sets the `sbom` output; a failure fails the step.
 */
async function writeSbom(trivyPath: string, config: TrivyConfig, target: string[], extraArgs: string[]): Promise<void> {
  const file = config.sbomOutput as string
  mkdirSync(dirname(file), { recursive: true })
  const args = [config.scanType, '--format', 'cyclonedx', '--output', file, '--scanners', 'license', '--cache-dir', config.cacheDir]
  args.push('--skip-db-update', '--skip-java-db-update', '--skip-version-check', '--disable-telemetry')
  if (config.tarball) args.push('--input', config.tarball)
  const run = await runTool('trivy', trivyPath, [...args, ...extraArgs, ...target])
  requireReport('trivy (SBOM)', file, run)
  core.setOutput('sbom', file)
  core.info(`CycloneDX SBOM of the scanned ${config.scanType === 'image' ? 'image' : 'target'}: ${file}`)
}

function baseArgs(config: TrivyConfig, report: string): string[] {
  const args = [config.scanType, '--format', 'json', '--output', report, '--exit-code', '0', '--cache-dir', config.cacheDir, '--skip-version-check', '--disable-telemetry']
  if (config.tarball) args.push('--input', config.tarball)
  if (config.scanners.length) args.push('--scanners', config.scanners.join(','))
  if (config.ignoreUnfixed) args.push('--ignore-unfixed')
  if (config.ignoreFile) args.push('--ignorefile', config.ignoreFile)
  // What trivy's own ignore rules hid stays visible as suppressed (ExperimentalModifiedFindings);
  // `trivy config` has no such flag.
  if (config.scanType !== 'config') args.push('--show-suppressed')
  if (config.skipDirs.length) args.push('--skip-dirs', config.skipDirs.join(','))
  if (config.dbRepositories.length) args.push('--db-repository', config.dbRepositories.join(','))
  if (config.javaDbRepositories.length) args.push('--java-db-repository', config.javaDbRepositories.join(','))
  return args
}

export async function runTrivy(): Promise<void> {
  await runScannerAction(trivy)
}
