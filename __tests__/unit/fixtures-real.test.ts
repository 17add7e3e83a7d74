// Every parser on real reports, written by the real scanners on the examples
// (scripts/make-fixtures.sh regenerates them; __tests__/fixtures/README.md has the commands).
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { readReportFile } from '../../actions/lib/findings/read-report.js'
import { countBySeverity } from '../../actions/lib/policy/policy.js'
import { fixture } from '../helpers/tools.js'

const options = { secretSeverity: 'critical' as const, defaultSeverity: 'medium' as const }
const read = (name: string) => readReportFile(fixture('reports', name), 'auto', options)
const c = (critical: number, high: number, medium: number, low: number, info = 0) => ({ critical, high, medium, low, info, unknown: 0 })

describe('real reports', () => {
  it.each([
    ['trivy-fs-vulns.json', 'trivy', 'trivy', c(2, 2, 8, 0)],
    ['trivy-fs-vulns.sarif', 'sarif', 'trivy', c(2, 2, 8, 0)],
    ['trivy-config-insecure.json', 'trivy', 'trivy', c(1, 16, 9, 19)],
    ['trivy-config-insecure.sarif', 'sarif', 'trivy', c(1, 16, 9, 19)],
    ['trivy-fs-all.json', 'trivy', 'trivy', c(3, 18, 17, 19)],
    ['trivy-fs-secret-planted.json', 'trivy', 'trivy', c(3, 0, 1, 0)],
    ['trivy-config-clean-app.json', 'trivy', 'trivy', c(0, 0, 0, 0)],
    ['trivy-fs-secret-clean-app.json', 'trivy', 'trivy', c(0, 0, 0, 0)],
    ['gitleaks-git-planted.json', 'gitleaks', 'gitleaks', c(5, 0, 0, 0)],
    ['gitleaks-git-planted.sarif', 'sarif', 'gitleaks', c(5, 0, 0, 0)],
    ['gitleaks-dir-planted.sarif', 'sarif', 'gitleaks', c(4, 0, 0, 0)],
    ['gitleaks-dir-planted.json', 'gitleaks', 'gitleaks', c(4, 0, 0, 0)],
    ['gitleaks-dir-clean-app.json', 'gitleaks', 'gitleaks', c(0, 0, 0, 0)],
    ['gitleaks-dir-clean-app.sarif', 'sarif', 'gitleaks', c(0, 0, 0, 0)],
    ['checkov-terraform-insecure.json', 'checkov', 'checkov', c(0, 1, 9, 12, 1)],
    ['checkov-multi-insecure.json', 'checkov', 'checkov', c(0, 2, 14, 32, 1)],
    ['checkov-multi-insecure.sarif', 'sarif', 'checkov', c(0, 2, 14, 32, 1)],
    ['checkov-multi-clean-app.json', 'checkov', 'checkov', c(0, 0, 0, 0)],
    ['checkov-empty.json', 'checkov', 'checkov', c(0, 0, 0, 0)],
    // The edge cases (examples/edge-cases): a finding class, a placeholder, an incomplete scan.
    ['trivy-license.json', 'trivy', 'trivy', c(1, 1, 0, 1)],
    ['trivy-license.sarif', 'sarif', 'trivy', c(1, 1, 0, 1)],
    ['trivy-secret-unknown.json', 'trivy', 'trivy', { ...c(0, 0, 0, 0), unknown: 2 }],
    ['trivy-secret-unknown.sarif', 'sarif', 'trivy', { ...c(0, 0, 0, 0), unknown: 2 }],
    ['checkov-parse-errors.json', 'checkov', 'checkov', c(0, 0, 1, 5, 1)],
    ['checkov-parse-errors-quiet.json', 'checkov', 'checkov', c(0, 0, 1, 5, 1)],
    ['checkov-parse-errors.sarif', 'sarif', 'checkov', c(0, 0, 1, 5, 1)],
    // Only the module that parsed (terraform/storage): the report alone looks complete.
    ['trivy-config-parse-errors.json', 'trivy', 'trivy', c(0, 5, 1, 2)],
    // The further scanners (scanners-extra): bandit 1.9.4 and semgrep 1.185.0 on
    // __tests__/fixtures/scan-targets/python-app, pip-audit 2.10.1 where PyPI's vulnerability API
    // is out of reach (every dependency skipped: incomplete, below).
    ['bandit-python-app.json', 'bandit', 'bandit', c(0, 2, 3, 1)],
    ['bandit-unparsable.json', 'bandit', 'bandit', c(0, 0, 0, 0)],
    ['semgrep-python-app.json', 'semgrep', 'semgrep', c(0, 2, 1, 1)],
    // semgrep names its SARIF driver "Semgrep OSS"; the tool is that name, lower-cased.
    ['semgrep-python-app.sarif', 'sarif', 'semgrep oss', c(0, 2, 1, 1)],
    ['pip-audit-insecure-unaudited.json', 'pip-audit', 'pip-audit', c(0, 0, 0, 0)],
    // trufflehog 3.90.0 (filesystem, --no-verification) on the planted secrets: JSON lines, none
    // verified, so each takes secret-severity (critical here).
    ['trufflehog-fs-planted.jsonl', 'trufflehog', 'trufflehog', c(3, 0, 0, 0)]
  ])('%s: %s from %s, counts', (name, format, tool, counts) => {
    const report = read(name)
    expect(report.format).toBe(format)
    expect(report.tool).toBe(tool)
    expect(countBySeverity(report.findings)).toEqual(counts)
  })

  it('trivy vulnerabilities: package, installed and fixed versions, file', () => {
    const minimist = read('trivy-fs-vulns.json').findings.find((f) => f.ruleId === 'CVE-2021-44906')
    expect(minimist).toMatchObject({ tool: 'trivy', kind: 'vulnerability', severity: 'critical', fixAvailable: true, location: { file: 'app/package-lock.json', package: 'minimist', installedVersion: '1.2.5', fixedVersion: '1.2.6, 0.2.4' } })
    expect(read('trivy-fs-vulns.json').findings.map((f) => f.ruleId).sort()).toEqual(
      ['CVE-2020-14343', 'CVE-2020-28168', 'CVE-2020-28493', 'CVE-2020-28500', 'CVE-2021-23337', 'CVE-2021-3749', 'CVE-2021-44906', 'CVE-2023-32681', 'CVE-2023-45857', 'CVE-2024-22195', 'CVE-2024-34064', 'CVE-2024-35195'].sort()
    )
  })

  it('trivy misconfigurations carry the new check ids, file and line', () => {
    const findings = read('trivy-config-insecure.json').findings
    expect(findings.every((f) => /^[A-Z]+-\d{4}$/.test(f.ruleId))).toBe(true)
    expect(findings.find((f) => f.ruleId === 'DS-0002')).toMatchObject({ severity: 'high', kind: 'misconfiguration', location: { file: 'Dockerfile' } })
    expect(findings.find((f) => f.ruleId === 'AWS-0104')).toMatchObject({ severity: 'critical', location: { file: 'terraform/main.tf' } })
  })

  it('JSON and SARIF of the same scan give the same rules and locations', () => {
    const key = (f: { ruleId: string; location: { file?: string } }) => `${f.ruleId} ${f.location.file}`
    expect(read('trivy-config-insecure.sarif').findings.map(key).sort()).toEqual(read('trivy-config-insecure.json').findings.map(key).sort())
    const checkovJson = read('checkov-multi-insecure.json').findings.map((f) => `${f.ruleId} ${f.severity}`).sort()
    expect(read('checkov-multi-insecure.sarif').findings.map((f) => `${f.ruleId} ${f.severity}`).sort()).toEqual(checkovJson)
  })

  it('licences: the licence is the rule, the package and lockfile the place', () => {
    expect(read('trivy-license.json').findings.map((f) => [f.kind, f.ruleId, f.severity, f.location.package, f.location.file])).toEqual([
      ['license', 'WTFPL', 'critical', 'left-pad', 'package-lock.json'],
      ['license', 'MIT', 'low', 'ms', 'package-lock.json'],
      ['license', 'GPL-3.0-only', 'high', 'readline-gpl', 'package-lock.json']
    ])
    expect(read('trivy-license.sarif').findings.every((f) => f.kind === 'license')).toBe(true)
  })

  it('checkov names the file it could not parse; --quiet leaves only the count; its SARIF says neither', () => {
    expect(read('checkov-parse-errors.json').incomplete).toEqual([expect.stringMatching(/^checkov could not parse \/\S+\/terraform\/network\/main\.tf \(terraform\); it was not checked\.$/)])
    expect(read('checkov-parse-errors-quiet.json').incomplete).toEqual([expect.stringMatching(/could not parse 1 more terraform file\(s\), not named in the report/)])
    const sarif = read('checkov-parse-errors.sarif')
    expect(sarif.incomplete).toEqual([])
    expect(sarif.notes).toEqual([expect.stringMatching(/checkov's SARIF does not record files it could not parse/)])
  })

  it('gitleaks: rules and files of the planted secrets, none of their values', () => {
    const findings = read('gitleaks-git-planted.json').findings
    expect(findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`).sort()).toEqual(
      ['aws-access-token .env:2', 'generic-api-key .env:3', 'github-pat scripts/release.sh:3', 'private-key deploy/id_rsa:1', 'slack-webhook-url .env:4']
    )
    expect(findings.every((f) => f.kind === 'secret' && f.location.target?.startsWith('commit '))).toBe(true)
  })

  it('checkov: paths relative to the repository, unmapped ids listed', () => {
    const report = read('checkov-terraform-insecure.json')
    expect(report.findings.every((f) => f.location.file === 'terraform/main.tf')).toBe(true)
    expect(report.findings.find((f) => f.ruleId === 'CKV_AWS_20')).toMatchObject({ severity: 'high', location: { resource: expect.stringContaining('aws_s3_bucket') } })
    const multi = read('checkov-multi-insecure.json')
    expect(multi.unmapped).toEqual(multi.findings.filter((f) => f.severity === 'medium' && multi.unmapped.includes(f.ruleId)).map((f) => f.ruleId).filter((v, i, a) => a.indexOf(v) === i).sort())
  })

  it('fingerprints are stable across runs of the scanner and unique within a report', () => {
    for (const name of ['trivy-fs-all.json', 'gitleaks-git-planted.json', 'checkov-multi-insecure.json']) {
      const a = read(name).findings.map((f) => f.fingerprint)
      expect(read(name).findings.map((f) => f.fingerprint)).toEqual(a)
      expect(new Set(a).size).toBe(a.length)
    }
  })

  it('bandit and semgrep: rules, files and lines on the scan target; what they could not read', () => {
    expect(read('bandit-python-app.json').findings.map((f) => `${f.ruleId} ${f.severity} ${f.location.file}:${f.location.line}`)).toEqual(
      ['B404 low app.py:3', 'B602 high app.py:9', 'B506 medium app.py:13', 'B324 high app.py:17', 'B307 medium app.py:21', 'B104 medium app.py:25']
    )
    expect(read('bandit-unparsable.json').incomplete).toEqual(['bandit could not check ./broken.py: syntax error while parsing AST from file.'])
    const semgrep = read('semgrep-python-app.json').findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`)
    expect(semgrep).toEqual(['subprocess-shell-true app.py:9', 'yaml-load-without-loader app.py:13', 'weak-hash-md5 app.py:17', 'eval-call app.py:21'])
    // The same findings from semgrep's SARIF: rule, file and severity.
    const key = (f: { ruleId: string; severity: string; location: { file?: string } }) => `${f.ruleId} ${f.severity} ${f.location.file}`
    expect(read('semgrep-python-app.sarif').findings.map(key).sort()).toEqual(read('semgrep-python-app.json').findings.map(key).sort())
  })

  it('pip-audit that could not reach its vulnerability service audited nothing: incomplete, not clean', () => {
    expect(read('pip-audit-insecure-unaudited.json').incomplete).toEqual([
      expect.stringMatching(/^pip-audit did not audit pyyaml: Dependency not found on PyPI/),
      expect.stringMatching(/^pip-audit did not audit jinja2:/),
      expect.stringMatching(/^pip-audit did not audit requests:/)
    ])
  })

  it('trufflehog: detectors, files and lines of the planted secrets; unverified takes secret-severity', () => {
    const findings = read('trufflehog-fs-planted.jsonl').findings
    expect(findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`).sort()).toEqual(['AWS .env:2', 'Github scripts/release.sh:3', 'SlackWebhook .env:4'])
    const lenient = readReportFile(fixture('reports', 'trufflehog-fs-planted.jsonl'), 'auto', { ...options, secretSeverity: 'medium' })
    expect(lenient.findings.map((f) => f.severity)).toEqual(['medium', 'medium', 'medium'])
  })

  it('npm audit whose endpoint failed (npm 11 prints the HTTP error as JSON) is refused', () => {
    expect(() => read('npm-audit-insecure-error.json')).toThrow(/npm audit did not audit anything: the registry's audit endpoint answered 405 \(405 Method Not Allowed\)/)
  })

  it('the committed fixtures hold no secret values', () => {
    for (const name of ['gitleaks-git-planted.json', 'gitleaks-dir-planted.json', 'gitleaks-git-planted.sarif', 'trivy-fs-secret-planted.json', 'trufflehog-fs-planted.jsonl']) {
      const text = readFileSync(fixture('reports', name), 'utf8')
      expect(text).not.toMatch(/AKIA[A-Z2-7]{16}|ghp_[0-9A-Za-z]{36}|hooks\.slack\.com\/services\/T|-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/]{20}/)
    }
  })

  // The JSON and the SARIF of one scan must give the same verdict: a finding class the JSON
  // reader drops (trivy's licences once) or a placeholder the SARIF reader misreads (trivy's "0.0"
  // for UNKNOWN once) shows up here as a difference, for every pair the real tools wrote.
  const pairs = readdirSync(fixture('reports'))
    .filter((f) => f.endsWith('.json') && existsSync(fixture('reports', f.replace(/\.json$/, '.sarif'))))
    .map((f) => f.replace(/\.json$/, ''))
  it('has JSON and SARIF pairs of every scanner', () => {
    expect(new Set(pairs.map((p) => p.split('-')[0]))).toEqual(new Set(['checkov', 'gitleaks', 'trivy', 'semgrep']))
  })
  it.each(pairs)('%s: the JSON and the SARIF of one scan give the same counts', (base) => {
    const json = read(`${base}.json`)
    const sarif = read(`${base}.sarif`)
    expect(countBySeverity(sarif.findings)).toEqual(countBySeverity(json.findings))
    expect(sarif.findings.map((f) => f.kind).sort()).toEqual(json.findings.map((f) => f.kind).sort())
  })
})
