// The real trivy 0.69.3 downloads its vulnerability DB from a loopback OCI registry (the stand-in for
// mirror.gcr.io / ghcr.io, which this machine cannot reach) serving a real, small DB as the
// trivy-db artifact, and falls back from the first --db-repository to the next one the way it does
// between mirror.gcr.io/aquasec/trivy-db:2 and ghcr.io/aquasecurity/trivy-db:2.
//
// 127.0.0.1 needs no flag: go-containerregistry uses plain http for loopback registries (it tries
// https first, then http), so `--insecure` is not passed anywhere here.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startOciRegistry, type OciRegistry } from '../helpers/oci-registry.js'
import { REPO_ROOT, fixture, tool } from '../helpers/tools.js'
import { TRIVY_DB_LAYER_MEDIA_TYPE, trivyDbLayer } from '../helpers/trivy-db-artifact.js'

// The default repositories, in trivy's default order, on the loopback registry.
const FIRST = 'aquasec/trivy-db'
const SECOND = 'aquasecurity/trivy-db'
const ALL_MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json'
]

let builtDb: string
let layer: Buffer
let layerDigest: string
let registry: OciRegistry
const tempDirs: string[] = []
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  tempDirs.push(dir)
  return dir
}

beforeAll(() => {
  tool('trivy')
  builtDb = tempDir('sgw-trivy-db-src-')
  execFileSync('bash', [join(REPO_ROOT, 'scripts', 'build-trivy-test-db.sh'), builtDb], { stdio: 'pipe' })
  layer = trivyDbLayer(builtDb)
  layerDigest = `sha256:${createHash('sha256').update(layer).digest('hex')}`
}, 180_000)

beforeEach(async () => {
  registry = await startOciRegistry()
})

afterEach(async () => registry.close())

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
})

interface TrivyRun {
  exitCode: number
  stderr: string
  cacheDir: string
  output: string
  startedAt: number
  endedAt: number
}

// Asynchronous on purpose: the registry answers from this process's event loop.
function trivyFs(repos: string[]): Promise<TrivyRun> {
  const cacheDir = tempDir('sgw-trivy-cache-')
  const output = join(tempDir('sgw-trivy-out-'), 'out.json')
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('TRIVY_')) env[k] = v
  env.DOCKER_CONFIG = tempDir('sgw-docker-config-') // no credentials from the keychain
  const args = [
    'fs',
    '--cache-dir', cacheDir,
    '--db-repository', repos.map((r) => `${registry.host}/${r}:2`).join(','),
    '--scanners', 'vuln',
    '--format', 'json',
    '--output', output,
    '--skip-version-check',
    '--disable-telemetry',
    'examples/insecure-app'
  ]
  const startedAt = Date.now()
  return new Promise((resolve) => {
    execFile(tool('trivy'), args, { cwd: REPO_ROOT, env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (err, _stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0
      resolve({ exitCode: code, stderr, cacheDir, output, startedAt, endedAt: Date.now() })
    })
  })
}

const seen = () => registry.requests.map((r) => `${r.method} ${r.path}`)

interface Vuln {
  VulnerabilityID: string
  PkgName: string
  InstalledVersion: string
  FixedVersion: string
  Severity: string
}
function vulnRows(reportFile: string): string[] {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { Results?: { Target: string; Vulnerabilities?: Vuln[] }[] }
  return (report.Results ?? [])
    .flatMap((r) => (r.Vulnerabilities ?? []).map((v) => [r.Target, v.PkgName, v.InstalledVersion, v.VulnerabilityID, v.Severity, v.FixedVersion].join(' | ')))
    .sort()
}

describe('trivy downloads its DB from an OCI registry (real trivy, loopback registry)', () => {
  it('falls back from a repository answering 429 TOOMANYREQUESTS to the next one, and scans with the downloaded DB', async () => {
    registry.failWith(FIRST, 429)
    registry.addArtifact(SECOND, '2', TRIVY_DB_LAYER_MEDIA_TYPE, layer)

    const run = await trivyFs([FIRST, SECOND])
    expect(run.stderr).not.toMatch(/FATAL/)
    expect(run.exitCode).toBe(0)

    // First repository tried (and given up after the 429, no retries), then the second, then its layer.
    expect(seen()).toEqual([
      'GET /v2/',
      `GET /v2/${FIRST}/manifests/2`,
      'GET /v2/',
      `GET /v2/${SECOND}/manifests/2`,
      `GET /v2/${SECOND}/blobs/${layerDigest}`
    ])
    const manifestRequests = registry.requests.filter((r) => r.path.includes('/manifests/'))
    for (const r of manifestRequests) expect(r.accept?.split(',')).toEqual(ALL_MANIFEST_TYPES)
    for (const r of registry.requests) expect(r.userAgent).toBe('trivy/0.69.3')

    expect(run.stderr).toContain(`Failed to download artifact\trepo="${registry.host}/${FIRST}:2"`)
    expect(run.stderr).toContain('TOOMANYREQUESTS: too many requests')
    expect(run.stderr).toContain('Trying to download artifact from other repository...')
    expect(run.stderr).toContain(`Artifact successfully downloaded\trepo="${registry.host}/${SECOND}:2"`)

    // The cache holds the served DB, and trivy stamped DownloadedAt (zero in the artifact).
    const dbDir = join(run.cacheDir, 'db')
    expect(readFileSync(join(dbDir, 'trivy.db')).equals(readFileSync(join(builtDb, 'db', 'trivy.db')))).toBe(true)
    const meta = JSON.parse(readFileSync(join(dbDir, 'metadata.json'), 'utf8')) as { Version: number; DownloadedAt: string; NextUpdate: string }
    expect(meta.Version).toBe(2)
    const downloadedAt = Date.parse(meta.DownloadedAt)
    expect(downloadedAt).toBeGreaterThanOrEqual(run.startedAt - 1000)
    expect(downloadedAt).toBeLessThanOrEqual(run.endedAt + 1000)
    expect(Date.parse(meta.NextUpdate)).toBeGreaterThan(Date.now())

    // Same 12 vulnerabilities as the recorded report (which used the same DB, offline).
    const rows = vulnRows(run.output)
    expect(rows).toEqual(vulnRows(fixture('reports', 'trivy-fs-vulns.json')))
    const severities = rows.map((r) => r.split(' | ')[4])
    expect(rows).toHaveLength(12)
    expect(severities.filter((s) => s === 'CRITICAL')).toHaveLength(2)
    expect(severities.filter((s) => s === 'HIGH')).toHaveLength(2)
    expect(severities.filter((s) => s === 'MEDIUM')).toHaveLength(8)
  }, 180_000)

  it('exits non-zero naming the DB download when every repository fails', async () => {
    registry.failWith(FIRST, 429)
    registry.failWith(SECOND, 429)
    registry.addArtifact(SECOND, '2', TRIVY_DB_LAYER_MEDIA_TYPE, layer) // present, but the repository keeps failing

    const run = await trivyFs([FIRST, SECOND])
    expect(run.exitCode).not.toBe(0)
    expect(run.stderr).toMatch(/FATAL.*failed to download vulnerability DB/)
    expect(run.stderr).toContain('failed to download artifact from any source')
    expect(run.stderr).toContain(`GET http://${registry.host}/v2/${FIRST}/manifests/2: TOOMANYREQUESTS`)
    expect(run.stderr).toContain(`GET http://${registry.host}/v2/${SECOND}/manifests/2: TOOMANYREQUESTS`)
    expect(seen()).toEqual(['GET /v2/', `GET /v2/${FIRST}/manifests/2`, 'GET /v2/', `GET /v2/${SECOND}/manifests/2`])
    expect(existsSync(join(run.cacheDir, 'db', 'trivy.db'))).toBe(false)
    expect(existsSync(run.output)).toBe(false)
  }, 180_000)

  it('does not fall back when the first repository lacks the artifact (404 MANIFEST_UNKNOWN is not temporary)', async () => {
    registry.addArtifact(FIRST, 'other-tag', TRIVY_DB_LAYER_MEDIA_TYPE, layer)
    registry.addArtifact(SECOND, '2', TRIVY_DB_LAYER_MEDIA_TYPE, layer)

    const run = await trivyFs([FIRST, SECOND])
    expect(run.exitCode).not.toBe(0)
    expect(run.stderr).toMatch(/FATAL.*failed to download vulnerability DB/)
    expect(run.stderr).toContain(`failed to download artifact from ${registry.host}/${FIRST}:2`)
    expect(run.stderr).toContain('MANIFEST_UNKNOWN')
    expect(seen()).toEqual(['GET /v2/', `GET /v2/${FIRST}/manifests/2`])
  }, 180_000)

  it('does not fall back on a 429 without the TOOMANYREQUESTS error body (only the error code makes it temporary)', async () => {
    registry.failWith(FIRST, 429, {})
    registry.addArtifact(SECOND, '2', TRIVY_DB_LAYER_MEDIA_TYPE, layer)

    const run = await trivyFs([FIRST, SECOND])
    expect(run.exitCode).not.toBe(0)
    expect(run.stderr).toContain(`failed to download artifact from ${registry.host}/${FIRST}:2`)
    expect(seen()).toEqual(['GET /v2/', `GET /v2/${FIRST}/manifests/2`])
  }, 180_000)
})
