// actions/checkov from dist/ under Node 24: checkov installed by the action itself with pip
// --require-hashes from a loopback package index serving the exact files PyPI publishes, then the
// real checkov on the examples.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startPypiIndex, type PypiIndex } from '../helpers/pypi-index.js'
import { runAction, type ActionRun } from '../helpers/run-action.js'
import { fixture, REPO_ROOT } from '../helpers/tools.js'

const VERSION = '3.3.30'
let index: PypiIndex
let tampered: PypiIndex
let toolCache: string
let work: string

beforeAll(async () => {
  const wheels = mkdtempSync(join(tmpdir(), 'sgw-wheels-'))
  await promisify(execFile)('bash', [join(REPO_ROOT, 'scripts', 'fetch-checkov-wheels.sh'), wheels], { timeout: 600_000 })
  index = await startPypiIndex(wheels)
  // The same files, but one byte of checkov's own wheel changed.
  const bad = mkdtempSync(join(tmpdir(), 'sgw-wheels-bad-'))
  cpSync(wheels, bad, { recursive: true })
  const wheel = readdirSync(bad).find((f) => f.startsWith(`checkov-${VERSION}-`))!
  const bytes = readFileSync(join(bad, wheel))
  bytes[bytes.length - 100] ^= 0xff
  writeFileSync(join(bad, wheel), bytes)
  tampered = await startPypiIndex(bad)
  toolCache = mkdtempSync(join(tmpdir(), 'sgw-toolcache-'))
  work = mkdtempSync(join(tmpdir(), 'sgw-checkov-'))
  cpSync(join(REPO_ROOT, 'examples', 'insecure-app'), join(work, 'insecure-app'), { recursive: true })
  cpSync(join(REPO_ROOT, 'examples', 'clean-app'), join(work, 'clean-app'), { recursive: true })
  cpSync(join(REPO_ROOT, 'examples', 'edge-cases', 'unparsable-iac'), join(work, 'unparsable-iac'), { recursive: true })
}, 900_000)

afterAll(async () => {
  await index?.close()
  await tampered?.close()
})

function checkov(inputs: Record<string, string>, cache = toolCache, url = index.url): Promise<ActionRun> {
  return runAction('checkov', { cwd: work, inputs: { 'download-url': `${url}/simple/`, framework: 'terraform,kubernetes,dockerfile', ...inputs }, env: { RUNNER_TOOL_CACHE: cache }, timeoutMs: 600_000 })
}

const failedIds = (run: ActionRun) => {
  const doc = JSON.parse(readFileSync(run.outputs.report, 'utf8'))
  return (Array.isArray(doc) ? doc : [doc]).flatMap((fw: { results?: { failed_checks?: { check_id: string }[] } }) => (fw.results?.failed_checks ?? []).map((c) => c.check_id)).sort()
}

describe('checkov action (dist, Node 24, real checkov installed hash-verified)', () => {
  it('installs checkov into the tool cache from the index, then rates the insecure example like the real fixture', async () => {
    const run = await checkov({ path: 'insecure-app' })
    expect(run.outputs.version).toBe(VERSION)
    expect(index.requests.some((r) => r.includes(`checkov-${VERSION}-`))).toBe(true)
    // Same scan as the committed fixture checkov-multi-insecure.json: same checks, same severities.
    const expected = JSON.parse(readFileSync(fixture('reports', 'checkov-multi-insecure.json'), 'utf8')).flatMap((fw: { results: { failed_checks: { check_id: string }[] } }) => fw.results.failed_checks.map((c) => c.check_id)).sort()
    expect(failedIds(run)).toEqual(expected)
    expect(run.outputs).toMatchObject({ result: 'needs-approval', critical: '0', high: '2', medium: '14', low: '32', info: '1', total: '49' })
    expect(run.exitCode).toBe(0)
    expect(run.summary).toContain('### Checkov checks without a known severity')
    expect(run.summary).toContain(`Scanned with checkov ${VERSION}.`)
  }, 600_000)

  it('a second run is a tool-cache hit', async () => {
    const before = index.requests.length
    const run = await checkov({ path: 'clean-app' })
    expect(run.stdout).toContain(`checkov ${VERSION}: tool cache hit`)
    expect(index.requests.length).toBe(before)
    expect(run.outputs).toMatchObject({ result: 'pass', total: '0', version: VERSION })
  }, 300_000)

  it('skip-check drops checks; check keeps only the named ones', async () => {
    const skipped = await checkov({ path: 'insecure-app', 'skip-check': 'CKV_AWS_20,CKV_K8S_16' })
    expect(failedIds(skipped)).not.toContain('CKV_AWS_20')
    expect(Number(skipped.outputs.total)).toBeLessThan(49)
    const only = await checkov({ path: 'insecure-app', check: 'CKV_AWS_20' })
    expect(failedIds(only)).toEqual(['CKV_AWS_20'])
    expect(only.outputs).toMatchObject({ high: '1', total: '1', result: 'needs-approval' })
  }, 300_000)

  it('external-checks-dir: a custom check runs, and an id the map does not know is rated default-severity and listed', async () => {
    const checks = mkdtempSync(join(tmpdir(), 'sgw-checks-'))
    writeFileSync(
      join(checks, 'owner-tag.yaml'),
      ['metadata:', '  id: "CKV2_ACME_1"', '  name: "S3 buckets carry an Owner tag"', '  category: "GENERAL_SECURITY"', 'definition:', '  cond_type: "attribute"', '  resource_types: ["aws_s3_bucket"]', '  attribute: "tags.Owner"', '  operator: "exists"', ''].join('\n')
    )
    const run = await checkov({ path: 'insecure-app', framework: 'terraform', 'external-checks-dir': checks, check: 'CKV2_ACME_1', 'default-severity': 'low' })
    expect(failedIds(run)).toEqual(['CKV2_ACME_1'])
    expect(run.outputs).toMatchObject({ low: '1', total: '1', result: 'pass' })
    expect(run.summary).toContain('`CKV2_ACME_1`')
  }, 300_000)

  it('a file that does not match its pinned sha256 stops the install', async () => {
    const run = await checkov({ path: 'insecure-app' }, mkdtempSync(join(tmpdir(), 'sgw-toolcache-')), tampered.url)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.stdout).toMatch(/::error::checkov: could not install checkov \(every file checked against its pinned sha256\): a downloaded file does not match its pinned sha256/)
  }, 600_000)

  it('a version without a pinned lock is refused', async () => {
    const run = await checkov({ path: 'insecure-app', version: '3.2.0' })
    expect(run.stdout).toMatch(/::error::checkov 3\.2\.0 is not supported: only 3\.3\.30 has its dependencies pinned/)
  })

  describe('a file checkov cannot parse (examples/edge-cases/unparsable-iac)', () => {
    it('fails closed, naming the file, though its findings alone would pass', async () => {
      const run = await checkov({ path: 'unparsable-iac', framework: 'terraform' })
      expect(run.outputs).toMatchObject({ result: 'fail', critical: '0', high: '0', medium: '1' })
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(/::error::Checkov gate: fail .*incomplete scan \(\S+checkov-report\.json: checkov could not parse \S*unparsable-iac\/terraform\/network\/main\.tf \(terraform\); it was not checked\.; allow-incomplete-scan is false\)/)
      expect(run.summary).toContain('### Incomplete scan')
      expect(run.summary).toMatch(/checkov could not parse \S*unparsable-iac\/terraform\/network\/main\.tf \(terraform\); it was not checked\./)
      const summary = JSON.parse(readFileSync(run.outputs['summary-json'], 'utf8'))
      expect(summary).toMatchObject({ result: 'fail', incompleteFails: true, incomplete: [expect.stringMatching(/network\/main\.tf/)] })
    }, 600_000)

    it('with allow-incomplete-scan: true, judges the findings alone and warns', async () => {
      const run = await checkov({ path: 'unparsable-iac', framework: 'terraform', 'allow-incomplete-scan': 'true' })
      expect(run.outputs.result).toBe('pass')
      expect(run.exitCode).toBe(0)
      expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'warning', message: expect.stringMatching(/Incomplete scan accepted/) }))
      expect(run.summary).toContain('`allow-incomplete-scan` is set')
    }, 600_000)
  })
})
