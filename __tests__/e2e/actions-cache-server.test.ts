// The Actions cache stand-in (helpers/actions-cache-server.ts) against the real @actions/cache
// client, run under Node 24 in a child process as an action would run it: save and restore by exact
// key, restore-key fallback to the newest entry, misses, saving an existing key, a read-only token,
// a large archive (Put Block + Put Block List up, ranged GETs down), the legacy v1 API that the same
// client uses on GHES, and the stand-in's own protocol checks. Everything stays on loopback.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { startCacheService, TWIRP_SERVICE, type CacheService, type RecordedRequest } from '../helpers/actions-cache-server.js'
import { node24, REPO_ROOT } from '../helpers/tools.js'

const CACHE_MODULE = join(REPO_ROOT, 'node_modules', '@actions', 'cache', 'lib', 'cache.js')
const MiB = 1024 * 1024

const RUNNER = `// Calls the real @actions/cache as an action would; prints one RESULT line.
const job = JSON.parse(process.argv[2])
const cache = await import(job.module)
try {
  const result = job.op === 'save'
    ? await cache.saveCache(job.paths, job.key)
    : await cache.restoreCache(job.paths, job.key, job.restoreKeys)
  process.stdout.write('\\nRESULT ' + JSON.stringify({ result }) + '\\n')
} catch (error) {
  process.stdout.write('\\nTHROWN ' + JSON.stringify({ name: error.name, message: error.message }) + '\\n')
  process.exitCode = 3
}
`

interface Run {
  code: number | null
  result: unknown
  thrown?: { name: string; message: string }
  stdout: string
  stderr: string
}

interface Job {
  op: 'save' | 'restore'
  paths: string[]
  key: string
  restoreKeys?: string[]
}

const scratch = mkdtempSync(join(tmpdir(), 'sgw-cache-e2e-'))
const runner = join(scratch, 'run-cache.mjs')
writeFileSync(runner, RUNNER)

function runCache(service: CacheService, workspace: string, job: Job, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<Run> {
  const temp = mkdtempSync(join(scratch, 'runner-temp-'))
  const child = spawn(node24(), [runner, JSON.stringify({ ...job, module: pathToFileURL(CACHE_MODULE).href })], {
    cwd: workspace,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: scratch,
      RUNNER_TEMP: temp,
      GITHUB_WORKSPACE: workspace,
      GITHUB_SERVER_URL: 'https://github.com',
      ...service.env,
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`@actions/cache ${job.op} ${job.key} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`))
    }, timeoutMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      rmSync(temp, { recursive: true, force: true })
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT ') || l.startsWith('THROWN '))
      if (!line) return reject(new Error(`no RESULT line (exit ${code})\n${stdout}\n${stderr}`))
      const parsed = JSON.parse(line.slice(7)) as { result?: unknown; name?: string; message?: string }
      resolve(line.startsWith('RESULT ') ? { code, result: parsed.result, stdout, stderr } : { code, result: undefined, thrown: { name: String(parsed.name), message: String(parsed.message) }, stdout, stderr })
    })
  })
}

function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex')
    }
  }
  walk(dir)
  return out
}

function writeDb(dir: string, label: string, bytes = 256 * 1024): Record<string, string> {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'db'), { recursive: true })
  mkdirSync(join(dir, 'java-db'), { recursive: true })
  writeFileSync(join(dir, 'db', 'trivy.db'), randomBytes(bytes))
  writeFileSync(join(dir, 'db', 'metadata.json'), JSON.stringify({ Version: 2, NextUpdate: '2026-11-24T00:00:00Z', label }))
  writeFileSync(join(dir, 'java-db', 'trivy-java.db'), randomBytes(4096))
  return hashTree(dir)
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const ops = (rs: RecordedRequest[]): string[] => rs.map((r) => `${r.operation} ${r.status}`)
const since = (service: CacheService, n: number): RecordedRequest[] => service.requests.slice(n)

describe('Actions cache stand-in against the real @actions/cache (cache service v2)', () => {
  let service: CacheService
  let workspace: string
  const paths = ['trivy-db']
  const contents: Record<string, Record<string, string>> = {}

  beforeAll(async () => {
    service = await startCacheService()
    workspace = mkdtempSync(join(scratch, 'workspace-'))
  })
  afterAll(async () => {
    await service?.close()
  })

  it('hands out the variables a github.com runner sets for cache service v2', () => {
    const version = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', '@actions', 'cache', 'package.json'), 'utf8')) as { version: string }
    expect(version.version).toMatch(/^6\./)
    expect(service.env).toMatchObject({ ACTIONS_CACHE_SERVICE_V2: 'True', ACTIONS_RESULTS_URL: service.url, ACTIONS_CACHE_URL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/.+\/$/) })
    expect(service.env.ACTIONS_RUNTIME_TOKEN.split('.')).toHaveLength(3)
    expect(service.env.NODE_OPTIONS).toMatch(/^--import=file:\/\//)
    expect(service.blobOrigin).toMatch(/^http:\/\/[a-z0-9]+\.blob\.core\.windows\.net:\d+$/)
  })

  it('saves a directory under trivy-db-2026-11-23 (CreateCacheEntry, Put Blob, FinalizeCacheEntryUpload)', async () => {
    contents['23'] = writeDb(join(workspace, 'trivy-db'), '23')
    const start = service.requests.length
    const run = await runCache(service, workspace, { op: 'save', paths, key: 'trivy-db-2026-11-23' })
    expect(run.thrown).toBeUndefined()
    expect(run.stdout).not.toMatch(/::(warning|error)::/)
    const entry = service.entries.find((e) => e.key === 'trivy-db-2026-11-23')
    expect(entry).toMatchObject({ api: 'v2', finalized: true })
    expect(run.result).toBe(entry?.id)
    expect(entry?.sizeBytes).toBe(entry?.data?.length)
    expect(ops(since(service, start))).toEqual(['CreateCacheEntry 200', 'PutBlob 201', 'FinalizeCacheEntryUpload 200'])
    expect(service.violations).toEqual([])
  }, 60_000)

  it('restores it by exact key with identical files (GetCacheEntryDownloadURL, HEAD, ranged GET)', async () => {
    rmSync(join(workspace, 'trivy-db'), { recursive: true, force: true })
    const start = service.requests.length
    const run = await runCache(service, workspace, { op: 'restore', paths, key: 'trivy-db-2026-11-23', restoreKeys: ['trivy-db-'] })
    expect(run.thrown).toBeUndefined()
    expect(run.result).toBe('trivy-db-2026-11-23')
    expect(run.stdout).toContain('Cache hit for: trivy-db-2026-11-23')
    expect(hashTree(join(workspace, 'trivy-db'))).toEqual(contents['23'])
    const reqs = since(service, start)
    expect(ops(reqs)).toEqual(['GetCacheEntryDownloadURL 200', 'GetBlobProperties 200', 'GetBlob 206'])
    expect(reqs[2].range).toMatch(/^bytes=0-\d+$/)
    expect(service.violations).toEqual([])
  }, 60_000)

  it('falls back to the newest entry matching the restore-key prefix when the exact key is missing', async () => {
    contents['24'] = writeDb(join(workspace, 'trivy-db'), '24')
    expect((await runCache(service, workspace, { op: 'save', paths, key: 'trivy-db-2026-11-24' })).result).toEqual(expect.any(Number))
    rmSync(join(workspace, 'trivy-db'), { recursive: true, force: true })
    const run = await runCache(service, workspace, { op: 'restore', paths, key: 'trivy-db-2026-11-25', restoreKeys: ['trivy-db-'] })
    expect(run.result).toBe('trivy-db-2026-11-24')
    expect(run.stdout).toContain('Cache hit for restore-key: trivy-db-2026-11-24')
    expect(hashTree(join(workspace, 'trivy-db'))).toEqual(contents['24'])

    // "Newest" is the most recently created entry, not the greatest key.
    contents['10'] = writeDb(join(workspace, 'trivy-db'), '10')
    expect((await runCache(service, workspace, { op: 'save', paths, key: 'trivy-db-2026-11-10' })).result).toEqual(expect.any(Number))
    rmSync(join(workspace, 'trivy-db'), { recursive: true, force: true })
    const again = await runCache(service, workspace, { op: 'restore', paths, key: 'trivy-db-2026-11-25', restoreKeys: ['trivy-db-'] })
    expect(again.result).toBe('trivy-db-2026-11-10')
    expect(hashTree(join(workspace, 'trivy-db'))).toEqual(contents['10'])
    expect(service.violations).toEqual([])
  }, 90_000)

  it('returns undefined on a miss: unknown key, or the same key saved for other paths (another version)', async () => {
    const start = service.requests.length
    const miss = await runCache(service, workspace, { op: 'restore', paths, key: 'trivy-db-2026-11-25' })
    expect(miss.thrown).toBeUndefined()
    expect(miss.result).toBeUndefined()
    const otherPaths = await runCache(service, workspace, { op: 'restore', paths: ['trivy-db', 'extra'], key: 'trivy-db-2026-11-23', restoreKeys: ['trivy-db-'] })
    expect(otherPaths.result).toBeUndefined()
    expect(ops(since(service, start))).toEqual(['GetCacheEntryDownloadURL 200', 'GetCacheEntryDownloadURL 200'])
    expect(hashTree(join(workspace, 'trivy-db'))).toEqual(contents['10'])
    expect(service.violations).toEqual([])
  }, 60_000)

  it('answers a save under an existing key with 409 already_exists, which the client logs and does not throw', async () => {
    writeDb(join(workspace, 'trivy-db'), 'again')
    const start = service.requests.length
    const run = await runCache(service, workspace, { op: 'save', paths, key: 'trivy-db-2026-11-23' })
    expect(run.thrown).toBeUndefined()
    expect(run.code).toBe(0)
    expect(run.result).toBe(-1)
    expect(run.stdout).toContain('(409) Conflict: cache entry with the same key, version, and scope already exists')
    expect(run.stdout).toContain('Failed to save: Unable to reserve cache with key trivy-db-2026-11-23, another job may be creating this cache.')
    expect(ops(since(service, start))).toEqual(['CreateCacheEntry 409'])
    expect(service.entries.filter((e) => e.key === 'trivy-db-2026-11-23')).toHaveLength(1)
    // The stored entry is untouched.
    rmSync(join(workspace, 'trivy-db'), { recursive: true, force: true })
    expect((await runCache(service, workspace, { op: 'restore', paths, key: 'trivy-db-2026-11-23' })).result).toBe('trivy-db-2026-11-23')
    expect(hashTree(join(workspace, 'trivy-db'))).toEqual(contents['23'])
    expect(service.violations).toEqual([])
  }, 60_000)

  it('round-trips a 136 MiB archive: Put Block + Put Block List up, 4 MiB ranged GETs down', async () => {
    const dir = join(workspace, 'big-db')
    mkdirSync(dir, { recursive: true })
    // Incompressible, so the archive stays above the client's 128 MiB single-shot limit.
    writeFileSync(join(dir, 'trivy.db'), randomBytes(136 * MiB))
    const before = hashTree(dir)
    const start = service.requests.length
    const saved = await runCache(service, workspace, { op: 'save', paths: ['big-db'], key: 'trivy-big-2026-11-23' }, {}, 150_000)
    expect(saved.thrown).toBeUndefined()
    expect(saved.result).toEqual(expect.any(Number))
    const up = since(service, start)
    const entry = service.entries.find((e) => e.key === 'trivy-big-2026-11-23')
    expect(entry?.data?.length).toBeGreaterThan(128 * MiB)
    expect(up.filter((r) => r.operation === 'PutBlock').length).toBe(Math.ceil((entry?.data?.length ?? 0) / (64 * MiB)))
    expect(ops(up).slice(-2)).toEqual(['PutBlockList 201', 'FinalizeCacheEntryUpload 200'])

    rmSync(dir, { recursive: true, force: true })
    const mid = service.requests.length
    const restored = await runCache(service, workspace, { op: 'restore', paths: ['big-db'], key: 'trivy-big-2026-11-23' }, {}, 150_000)
    expect(restored.result).toBe('trivy-big-2026-11-23')
    expect(hashTree(dir)).toEqual(before)
    const gets = since(service, mid).filter((r) => r.operation === 'GetBlob')
    expect(gets.length).toBe(Math.ceil((entry?.data?.length ?? 0) / (4 * MiB)))
    expect(gets.every((r) => r.status === 206 && /^bytes=\d+-\d+$/.test(r.range ?? ''))).toBe(true)
    expect(gets.reduce((n, r) => n + r.bytesOut, 0)).toBe(entry?.data?.length)
    expect(service.violations).toEqual([])
    rmSync(dir, { recursive: true, force: true })
  }, 300_000)
})

describe('Actions cache stand-in: other modes the same client takes', () => {
  let workspace: string
  beforeAll(() => {
    workspace = mkdtempSync(join(scratch, 'workspace-'))
  })

  it('reports a read-only token as the service does: CreateCacheEntry ok=false "cache write denied:", a warning, no throw', async () => {
    const service = await startCacheService({ writeDenied: true })
    try {
      writeDb(join(workspace, 'trivy-db'), 'fork')
      const run = await runCache(service, workspace, { op: 'save', paths: ['trivy-db'], key: 'trivy-db-2026-11-23' })
      expect(run.thrown).toBeUndefined()
      expect(run.result).toBe(-1)
      expect(run.stdout).toMatch(/::warning::Failed to save: Unable to reserve cache with key trivy-db-2026-11-23\. More details: cache write denied:/)
      expect(ops(service.requests)).toEqual(['CreateCacheEntry 200'])
      expect(service.violations).toEqual([])
    } finally {
      await service.close()
    }
  }, 60_000)

  it('serves the legacy v1 API that the client uses on GHES (reserve, PATCH chunks, commit; HEAD + Range GETs)', async () => {
    const service = await startCacheService()
    try {
      const ghes = { GITHUB_SERVER_URL: 'https://ghes.example.test' }
      const before = writeDb(join(workspace, 'trivy-db'), 'ghes', 6 * MiB)
      const saved = await runCache(service, workspace, { op: 'save', paths: ['trivy-db'], key: 'trivy-db-2026-11-23' }, ghes)
      expect(saved.thrown).toBeUndefined()
      expect(saved.stdout).toContain('Cache saved successfully')
      expect(saved.result).toBe(service.entries[0]?.id)
      rmSync(join(workspace, 'trivy-db'), { recursive: true, force: true })
      const restored = await runCache(service, workspace, { op: 'restore', paths: ['trivy-db'], key: 'trivy-db-2026-11-24', restoreKeys: ['trivy-db-'] }, ghes)
      expect(restored.result).toBe('trivy-db-2026-11-23')
      expect(hashTree(join(workspace, 'trivy-db'))).toEqual(before)
      const kinds = service.requests.map((r) => `${r.api} ${r.operation} ${r.status}`)
      expect(kinds.slice(0, 2)).toEqual(['v1 v1.ReserveCache 201', 'v1 v1.UploadChunk 204'])
      expect(kinds).toContain('v1 v1.CommitCache 204')
      expect(kinds).toContain('v1 v1.GetCacheEntry 200')
      expect(kinds).toContain('blob GetBlobProperties 200')
      expect(service.requests.filter((r) => r.operation === 'GetBlob').every((r) => r.status === 206)).toBe(true)
      expect(service.requests.some((r) => r.api === 'twirp')).toBe(false)
      // A second save of the same key: 409 from the v1 service, logged, not thrown.
      writeDb(join(workspace, 'trivy-db'), 'ghes-again')
      const again = await runCache(service, workspace, { op: 'save', paths: ['trivy-db'], key: 'trivy-db-2026-11-23' }, ghes)
      expect(again.result).toBe(-1)
      expect(again.stdout).toContain('Cache already exists. Scope: refs/heads/main, Key: trivy-db-2026-11-23')
      expect(service.violations).toEqual([])
    } finally {
      await service.close()
    }
  }, 90_000)

  it('records requests that do not match the protocol as violations', async () => {
    const service = await startCacheService()
    try {
      const twirpUrl = (method: string): string => `${service.url}twirp/${TWIRP_SERVICE}/${method}`
      const auth = { Authorization: `Bearer ${service.env.ACTIONS_RUNTIME_TOKEN}`, 'Content-Type': 'application/json' }
      const results = [
        await fetch(twirpUrl('GetCacheEntryDownloadURL'), { method: 'GET', headers: auth }),
        await fetch(twirpUrl('GetCacheEntryDownloadURL'), { method: 'POST', headers: auth, body: '{not json' }),
        await fetch(twirpUrl('CreateCacheEntry'), { method: 'POST', headers: auth, body: JSON.stringify({ key: 'k' }) }),
        await fetch(twirpUrl('DeleteEverything'), { method: 'POST', headers: auth, body: '{}' }),
        await fetch(twirpUrl('CreateCacheEntry'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ key: 'k', version: 'a'.repeat(64) }) }),
        await fetch(`${service.url}_apis/artifactcache/cache`, { headers: auth })
      ]
      expect(results.map((r) => r.status)).toEqual([404, 400, 400, 404, 401, 404])
      expect(await results[1].json()).toEqual({ code: 'malformed', msg: expect.any(String) })
      expect(await results[2].json()).toEqual({ code: 'invalid_argument', msg: expect.any(String) })
      expect(service.violations).toHaveLength(6)
      expect(service.violations.join('\n')).toMatch(/only allows POST[\s\S]*not JSON[\s\S]*missing required field "version"[\s\S]*unknown method DeleteEverything[\s\S]*bearer token[\s\S]*unknown endpoint/)
    } finally {
      await service.close()
    }
  }, 30_000)
})
