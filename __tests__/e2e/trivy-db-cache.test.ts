// The trivy action's daily DB cache, end to end: the real @actions/cache client in the action
// talks to a loopback stand-in of GitHub's cache service, and the real trivy downloads its DB
// from a loopback OCI registry (mirror first, then the primary repository).
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCacheService, type CacheService } from '../helpers/actions-cache-server.js'
import { startOciRegistry, type OciRegistry } from '../helpers/oci-registry.js'
import { runAction, type ActionRun } from '../helpers/run-action.js'
import { node24, REPO_ROOT, TOOLS_BIN } from '../helpers/tools.js'
import { TRIVY_DB_LAYER_MEDIA_TYPE, trivyDbLayer } from '../helpers/trivy-db-artifact.js'

const MIRROR = 'aquasec/trivy-db'
const PRIMARY = 'aquasecurity/trivy-db'
let testDb: string
let layer: Buffer
let work: string
let cacheDir: string
const closers: (() => Promise<void>)[] = []

const today = () => new Date().toISOString().slice(0, 10)
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)

beforeAll(() => {
  testDb = mkdtempSync(join(tmpdir(), 'sgw-testdb-'))
  execFileSync('bash', [join(REPO_ROOT, 'scripts', 'build-trivy-test-db.sh'), testDb], { stdio: 'pipe' })
  layer = trivyDbLayer(join(testDb, 'db'))
  work = mkdtempSync(join(tmpdir(), 'sgw-trivy-dbcache-'))
  cpSync(join(REPO_ROOT, 'examples', 'insecure-app'), join(work, 'insecure-app'), { recursive: true })
  // One fixed path: the cache version hashes the paths, as on a runner where it never changes.
  cacheDir = join(work, 'trivy-cache')
}, 180_000)

afterEach(async () => {
  while (closers.length) await closers.pop()!()
  rmSync(cacheDir, { recursive: true, force: true })
})

async function services(): Promise<{ cache: CacheService; registry: OciRegistry }> {
  const cache = await startCacheService()
  const registry = await startOciRegistry()
  closers.push(() => cache.close(), () => registry.close())
  return { cache, registry }
}

function trivy(cache: CacheService, registry: OciRegistry): Promise<ActionRun> {
  return runAction('trivy', {
    cwd: work,
    inputs: { install: 'never', path: 'insecure-app', scanners: 'vuln', 'cache-dir': cacheDir, 'db-repository': `${registry.host}/${MIRROR}:2,${registry.host}/${PRIMARY}:2` },
    env: { ...cache.env, PATH: `${TOOLS_BIN}:${process.env.PATH}`, DOCKER_CONFIG: mkdtempSync(join(tmpdir(), 'sgw-docker-')) },
    timeoutMs: 300_000
  })
}

/** Put a DB into the cache under `key`, with the real client, as an earlier job would have.
 * Asynchronous: the stand-in answers from this very process. */
async function seed(cache: CacheService, key: string, day = today()): Promise<void> {
  mkdirSync(cacheDir, { recursive: true })
  cpSync(join(testDb, 'db'), join(cacheDir, 'db'), { recursive: true })
  // Dated like a real DB downloaded that day: trivy wants a newer one six hours later.
  const metadata = join(cacheDir, 'db', 'metadata.json')
  const at = `${day}T00:30:00Z`
  const next = `${day}T06:30:00Z`
  writeFileSync(metadata, JSON.stringify({ ...JSON.parse(readFileSync(metadata, 'utf8')), UpdatedAt: at, DownloadedAt: at, NextUpdate: next }))
  const script = join(mkdtempSync(join(tmpdir(), 'sgw-seed-')), 'seed.mjs')
  writeFileSync(script, `import * as cache from ${JSON.stringify(join(REPO_ROOT, 'node_modules', '@actions', 'cache', 'lib', 'cache.js'))}\nconst id = await cache.saveCache([${JSON.stringify(join(cacheDir, 'db'))}], ${JSON.stringify(key)})\nif (!(id > 0)) process.exit(1)\n`)
  await promisify(execFile)(node24(), [script], { env: { ...process.env, ...cache.env }, timeout: 60_000 })
  rmSync(cacheDir, { recursive: true, force: true })
}

const keys = (cache: CacheService) => cache.entries.filter((e) => e.finalized).map((e) => e.key).sort()

describe('trivy DB cached daily in the Actions cache', () => {
  it('first job of the day: the mirror is rate-limited, the primary serves the DB, and it is cached under today\'s key', async () => {
    const { cache, registry } = await services()
    registry.failWith(MIRROR, 429)
    registry.addArtifact(PRIMARY, '2', TRIVY_DB_LAYER_MEDIA_TYPE, layer)
    const run = await trivy(cache, registry)
    expect(run.stdout).toContain('trivy db: not cached yet.')
    expect(run.outputs).toMatchObject({ result: 'fail', critical: '2', high: '2', medium: '8', total: '12' })
    expect(registry.requests.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining([`GET /v2/${MIRROR}/manifests/2`, `GET /v2/${PRIMARY}/manifests/2`]))
    expect(run.stdout).toContain(`trivy db: cached as sgw-trivy-db-${today()}.`)
    expect(keys(cache)).toEqual([`sgw-trivy-db-${today()}`])
    expect(cache.violations).toEqual([])
  })

  it('a later job the same day restores it and skips the download entirely', async () => {
    const { cache, registry } = await services()
    await seed(cache, `sgw-trivy-db-${today()}`)
    registry.failWith(MIRROR, 429)
    registry.failWith(PRIMARY, 429)
    const run = await trivy(cache, registry)
    expect(run.stdout).toContain(`trivy db: restored sgw-trivy-db-${today()}.`)
    expect(run.stdout).toMatch(/::group::trivy fs .*--skip-db-update/)
    expect(registry.requests).toEqual([])
    expect(run.outputs).toMatchObject({ total: '12' })
    expect(cache.violations).toEqual([])
  })

  it('when every repository refuses, an older cached DB is used with a warning and not re-cached as today\'s', async () => {
    const { cache, registry } = await services()
    await seed(cache, `sgw-trivy-db-${yesterday()}`, yesterday())
    registry.failWith(MIRROR, 429)
    registry.failWith(PRIMARY, 429)
    const run = await trivy(cache, registry)
    expect(run.stdout).toContain(`trivy db: restored sgw-trivy-db-${yesterday()}.`)
    expect(run.stdout).toContain(`::warning::trivy could not update its DB; scanning with the cached sgw-trivy-db-${yesterday()} instead.`)
    expect(run.outputs).toMatchObject({ result: 'fail', total: '12' })
    expect(keys(cache)).toEqual([`sgw-trivy-db-${yesterday()}`])
  })

  it('with nothing cached and every repository refusing, the step fails with trivy\'s reason', async () => {
    const { cache, registry } = await services()
    registry.failWith(MIRROR, 429)
    registry.failWith(PRIMARY, 429)
    const run = await trivy(cache, registry)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.outputs.total).toBeUndefined()
    expect(run.stdout).toMatch(/::error::trivy failed \(exit code 1\); its report cannot be trusted, so nothing was gated:/)
    expect(run.stdout).toMatch(/TOOMANYREQUESTS/)
  })
})
