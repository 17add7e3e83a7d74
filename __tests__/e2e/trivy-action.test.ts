// actions/trivy from dist/ under Node 24 with the real trivy 0.69.3 (installed through the
// action's download-and-verify path from a loopback mirror) and a real, small vulnerability DB.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildRelease, startMirror, type Mirror } from '../helpers/release-mirror.js'
import { runAction, type ActionRun } from '../helpers/run-action.js'
import { REPO_ROOT, tool } from '../helpers/tools.js'

const VERSION = '0.69.3'
let mirror: Mirror
let toolCache: string
let dbCache: string
let work: string

beforeAll(async () => {
  tool('trivy')
  mirror = await startMirror([buildRelease('trivy', VERSION)])
  toolCache = mkdtempSync(join(tmpdir(), 'sgw-toolcache-'))
  dbCache = mkdtempSync(join(tmpdir(), 'sgw-trivy-cache-'))
  execFileSync('bash', [join(REPO_ROOT, 'scripts', 'build-trivy-test-db.sh'), dbCache], { stdio: 'pipe' })
  work = mkdtempSync(join(tmpdir(), 'sgw-trivy-work-'))
  cpSync(join(REPO_ROOT, 'examples', 'insecure-app'), join(work, 'insecure-app'), { recursive: true })
  cpSync(join(REPO_ROOT, 'examples', 'clean-app'), join(work, 'clean-app'), { recursive: true })
  cpSync(join(REPO_ROOT, 'examples', 'edge-cases'), join(work, 'edge-cases'), { recursive: true })
}, 180_000)

afterAll(async () => mirror.close())

function trivy(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction('trivy', {
    cwd: work,
    inputs: { 'download-url': mirror.url, 'cache-db': 'false', 'skip-db-update': 'true', 'cache-dir': dbCache, ...inputs },
    env: { RUNNER_TOOL_CACHE: toolCache },
    timeoutMs: 300_000
  })
}

const ids = (run: ActionRun) => {
  const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'))
  return (report.Results ?? []).flatMap((r: { Vulnerabilities?: { VulnerabilityID: string }[]; Misconfigurations?: { ID: string; Status: string }[] }) => [
    ...(r.Vulnerabilities ?? []).map((v) => v.VulnerabilityID),
    ...(r.Misconfigurations ?? []).filter((m) => m.Status === 'FAIL').map((m) => m.ID)
  ]).sort()
}

describe('trivy action (dist, Node 24, real trivy)', () => {
  it('downloads, verifies and caches trivy, then finds the known CVEs of the example lockfiles', async () => {
    const run = await trivy({ path: 'insecure-app', scanners: 'vuln' })
    expect(run.stdout).toContain('sha256 verified')
    expect(mirror.requests).toEqual([`/v${VERSION}/trivy_${VERSION}_Linux-64bit.tar.gz`, `/v${VERSION}/trivy_${VERSION}_checksums.txt`])
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'fail', critical: '2', high: '2', medium: '8', low: '0', total: '12', version: VERSION })
    expect(ids(run)).toEqual(['CVE-2020-14343', 'CVE-2020-28168', 'CVE-2020-28493', 'CVE-2020-28500', 'CVE-2021-23337', 'CVE-2021-3749', 'CVE-2021-44906', 'CVE-2023-32681', 'CVE-2023-45857', 'CVE-2024-22195', 'CVE-2024-34064', 'CVE-2024-35195'])
    expect(run.summary).toContain(`Scanned with trivy ${VERSION}.`)
    expect(JSON.parse(readFileSync(run.outputs.sarif, 'utf8')).runs[0].automationDetails.id).toBe('trivy/')
  })

  it('config: the misconfigurations of the insecure example, same as the real report fixture', async () => {
    const run = await trivy({ path: 'insecure-app', 'scan-type': 'config' })
    expect(run.stdout).toContain(`trivy ${VERSION}: tool cache hit`)
    expect(run.outputs).toMatchObject({ result: 'fail', critical: '1', high: '16', medium: '9', low: '19', total: '45' })
  })

  it('the clean example passes', async () => {
    const run = await trivy({ path: 'clean-app', scanners: 'vuln,misconfig,secret' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'pass', total: '0' })
  })

  it('trivyignore, plain and YAML', async () => {
    // Outside the working directory: trivy reads ./.trivyignore on its own, which would leak
    // into the other tests.
    const ignores = mkdtempSync(join(tmpdir(), 'sgw-trivyignore-'))
    writeFileSync(join(ignores, '.trivyignore'), 'CVE-2021-44906\n')
    const plain = await trivy({ path: 'insecure-app', scanners: 'vuln', trivyignore: join(ignores, '.trivyignore') })
    expect(plain.outputs).toMatchObject({ critical: '1', total: '11' })
    writeFileSync(join(ignores, '.trivyignore.yaml'), 'vulnerabilities:\n  - id: CVE-2020-14343\n    statement: PyYAML only loads trusted files\n  - id: CVE-2021-44906\n')
    const yaml = await trivy({ path: 'insecure-app', scanners: 'vuln', trivyignore: join(ignores, '.trivyignore.yaml') })
    expect(yaml.outputs).toMatchObject({ critical: '0', total: '10', result: 'needs-approval' })
  })

  it('skip-dirs', async () => {
    const run = await trivy({ path: 'insecure-app', scanners: 'vuln', 'skip-dirs': 'app' })
    expect(run.outputs).toMatchObject({ result: 'pass', total: '0' })
  })

  it('sbom: scans a CycloneDX SBOM', async () => {
    const sbom = join(work, 'app.cdx.json')
    execFileSync(tool('trivy'), ['fs', '--quiet', '--skip-version-check', '--cache-dir', dbCache, '--skip-db-update', '--format', 'cyclonedx', '--output', sbom, join(work, 'insecure-app')])
    const run = await trivy({ 'scan-type': 'sbom', path: sbom })
    expect(run.outputs).toMatchObject({ critical: '2', high: '2', medium: '8', total: '12' })
  })

  it('image: scans an image tarball', async () => {
    // A docker-archive with one layer holding installed npm packages.
    const dir = mkdtempSync(join(tmpdir(), 'sgw-image-'))
    const root = join(dir, 'rootfs')
    for (const [name, version] of [['lodash', '4.17.20'], ['minimist', '1.2.5']]) {
      mkdirSync(join(root, 'app', 'node_modules', name), { recursive: true })
      writeFileSync(join(root, 'app', 'node_modules', name, 'package.json'), JSON.stringify({ name, version }))
    }
    execFileSync('tar', ['-cf', join(dir, 'layer.tar'), '-C', root, 'app'])
    const { createHash } = await import('node:crypto')
    const layerDigest = createHash('sha256').update(readFileSync(join(dir, 'layer.tar'))).digest('hex')
    const config = JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [`sha256:${layerDigest}`] }, history: [{ created_by: 'test' }] })
    const configDigest = createHash('sha256').update(config).digest('hex')
    writeFileSync(join(dir, `${configDigest}.json`), config)
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify([{ Config: `${configDigest}.json`, RepoTags: ['acme/web:1.0.0'], Layers: ['layer.tar'] }]))
    const tarball = join(work, 'image.tar')
    execFileSync('tar', ['-cf', tarball, '-C', dir, 'manifest.json', `${configDigest}.json`, 'layer.tar'])
    const run = await trivy({ 'scan-type': 'image', input: tarball, scanners: 'vuln' })
    expect(ids(run)).toEqual(['CVE-2020-28500', 'CVE-2021-23337', 'CVE-2021-44906'])
  })

  it('repo: scans a git repository (a local clone here) for vulnerabilities and secrets', async () => {
    const repo = join(mkdtempSync(join(tmpdir(), 'sgw-trivy-repo-')), 'planted')
    execFileSync('bash', [join(REPO_ROOT, 'scripts', 'plant-secrets.sh'), repo], { stdio: 'pipe' })
    const run = await trivy({ 'scan-type': 'repo', path: repo, scanners: 'vuln,secret' })
    // The 12 CVEs of the lockfiles and the 4 secrets still in the tree (as trivy-fs-secret-planted.json).
    expect(run.outputs).toMatchObject({ critical: '5', high: '2', medium: '9', total: '16' })
  })

  it('image without a reference or tarball is an input error', async () => {
    const run = await trivy({ 'scan-type': 'image' })
    expect(run.stdout).toMatch(/::error::scan-type image needs "image-ref" \(an image reference\) or "input"/)
  })

  it('trivy failing is a failed step with its stderr, not zero findings', async () => {
    const run = await trivy({ path: 'does-not-exist', scanners: 'vuln' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.outputs.total).toBeUndefined()
    expect(run.stdout).toMatch(/::error::trivy failed \(exit code 1\); its report cannot be trusted/)
  })

  describe('the edge cases (examples/edge-cases)', () => {
    it('licences: a forbidden and a restricted licence fail the gate', async () => {
      const run = await trivy({ path: 'edge-cases/licences', scanners: 'license' })
      expect(run.outputs).toMatchObject({ result: 'fail', critical: '1', high: '1', low: '1', total: '3' })
      expect(run.exitCode).toBe(1)
      expect(run.summary).toContain('WTFPL (forbidden) in left-pad')
    })

    it('secrets of rules without a severity are unknown, and fail max-unknown: 0, in the JSON and the SARIF alike', async () => {
      const run = await trivy({ path: 'edge-cases/custom-secret-rules/src', scanners: 'secret', args: '--secret-config edge-cases/custom-secret-rules/trivy-secret.yaml', 'max-unknown': '0' })
      expect(run.outputs).toMatchObject({ result: 'fail', unknown: '2', info: '0', total: '2' })
      // The SARIF the action wrote, read back through the gate.
      const gate = await runAction('severity-gate', { cwd: work, inputs: { reports: run.outputs.sarif, 'max-unknown': '0' } })
      expect(gate.outputs).toMatchObject({ result: 'fail', unknown: '2', info: '0' })
    })

    it('a finding hidden by an ignore file of trivy stays visible as suppressed (--show-suppressed)', async () => {
      mkdirSync(join(work, 'ignored'), { recursive: true })
      writeFileSync(join(work, 'ignored', 'main.tf'), ['resource "aws_security_group" "web" {', '  name = "web"', '  description = "web"', '  egress {', '    description = "out"',
        '    from_port = 0', '    to_port = 0', '    protocol = "-1"', '    cidr_blocks = ["0.0.0.0/0"]', '  }', '}', ''].join('\n'))
      writeFileSync(join(work, 'ignored', '.trivyignore'), 'AVD-AWS-0104\n')
      const run = await trivy({ path: 'ignored', scanners: 'misconfig', trivyignore: 'ignored/.trivyignore' })
      expect(run.outputs.critical).toBe('0')
      expect(run.summary).toContain('trivy: AWS-0104 (misconfiguration, main.tf) ignored by ignored/.trivyignore.')
    })

    it('files trivy cannot parse: its report looks clean, its log does not; the gate fails closed naming them', async () => {
      const run = await trivy({ path: 'edge-cases/unparsable-iac', 'scan-type': 'config' })
      expect(run.outputs).toMatchObject({ result: 'fail', critical: '0' })
      expect(run.exitCode).toBe(1)
      expect(run.summary).toContain('### Incomplete scan')
      expect(run.summary).toContain('Failed to parse file docker/Dockerfile')
      expect(run.summary).toContain('Error parsing file terraform/network/main.tf')
      const allowed = await trivy({ path: 'edge-cases/unparsable-iac', 'scan-type': 'config', 'allow-incomplete-scan': 'true', 'max-high': '10' })
      expect(allowed.outputs.result).toBe('needs-approval')
      expect(allowed.annotations).toContainEqual(expect.objectContaining({ level: 'warning', message: expect.stringMatching(/Incomplete scan accepted/) }))
    })
  })
})
