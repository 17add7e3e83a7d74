// Parser rules on small documents shaped like the tools' output; real reports are in
// fixtures-real.test.ts.
import { describe, expect, it } from '@jest/globals'
import { canonicalTrivyCheckId } from '../../actions/lib/findings/trivy.js'
import { detectFormat, parseReportBytes, parseReportDocument } from '../../actions/lib/findings/read-report.js'
import type { ParseOptions } from '../../actions/lib/findings/parsed-report.js'

const opts: ParseOptions = { secretSeverity: 'critical', defaultSeverity: 'medium' }
const parse = (doc: unknown, options = opts) => parseReportDocument(doc, 'r.json', 'auto', options)

const trivyDoc = (results: unknown[]) => ({ SchemaVersion: 2, ArtifactName: '.', ArtifactType: 'filesystem', Results: results })

describe('trivy', () => {
  it.each([
    ['AVD-AWS-0086', 'AWS-0086'],
    ['AWS-0086', 'AWS-0086'],
    ['DS002', 'DS-0002'],
    ['DS-0002', 'DS-0002'],
    ['KSV001', 'KSV-0001'],
    ['AVD-KSV-0001', 'KSV-0001'],
    ['CVE-2021-44906', 'CVE-2021-44906']
  ])('check id %s reads as %s', (raw, canonical) => {
    expect(canonicalTrivyCheckId(raw)).toBe(canonical)
  })

  it('old and new check ids give the same finding and fingerprint', () => {
    const mis = (id: string, avd: string) => trivyDoc([{ Target: 'Dockerfile', Class: 'config', Type: 'dockerfile', Misconfigurations: [{ ID: id, AVDID: avd, Title: 'Image user should not be root', Severity: 'HIGH', Status: 'FAIL', CauseMetadata: { StartLine: 1 } }] }])
    const old = parse(mis('DS002', 'AVD-DS-0002')).findings[0]
    const neu = parse(mis('DS-0002', 'DS-0002')).findings[0]
    expect(old.ruleId).toBe('DS-0002')
    expect(old.fingerprint).toBe(neu.fingerprint)
  })

  it('counts only FAIL misconfigurations', () => {
    const doc = trivyDoc([{ Target: 'main.tf', Class: 'config', Misconfigurations: [
      { ID: 'AWS-0086', Severity: 'HIGH', Status: 'FAIL', Title: 'a' },
      { ID: 'AWS-0087', Severity: 'HIGH', Status: 'PASS', Title: 'b' }
    ] }])
    expect(parse(doc).findings.map((f) => f.ruleId)).toEqual(['AWS-0086'])
  })

  it('reads vulnerabilities with package, versions and fix', () => {
    const doc = trivyDoc([{ Target: 'app/package-lock.json', Class: 'lang-pkgs', Type: 'npm', Vulnerabilities: [
      { VulnerabilityID: 'CVE-2021-44906', PkgName: 'minimist', InstalledVersion: '1.2.5', FixedVersion: '1.2.6', Severity: 'CRITICAL', Title: 'Prototype Pollution' },
      { VulnerabilityID: 'CVE-2099-0001', PkgName: 'x', InstalledVersion: '1', Severity: 'UNKNOWN' }
    ] }])
    const [a, b] = parse(doc).findings
    expect(a).toMatchObject({ tool: 'trivy', kind: 'vulnerability', ruleId: 'CVE-2021-44906', severity: 'critical', fixAvailable: true, location: { file: 'app/package-lock.json', package: 'minimist', installedVersion: '1.2.5', fixedVersion: '1.2.6' } })
    expect(b).toMatchObject({ severity: 'unknown', fixAvailable: false, title: 'CVE-2099-0001' })
  })

  it('OS package targets are not files', () => {
    const doc = trivyDoc([{ Target: 'alpine:3.10 (alpine 3.10.9)', Class: 'os-pkgs', Vulnerabilities: [{ VulnerabilityID: 'CVE-1', PkgName: 'musl', InstalledVersion: '1', Severity: 'LOW' }] }])
    expect(parse(doc).findings[0].location).toMatchObject({ file: undefined, target: 'alpine:3.10 (alpine 3.10.9)' })
  })

  it('reads secrets without their value', () => {
    const doc = trivyDoc([{ Target: 'config.env', Class: 'secret', Secrets: [{ RuleID: 'aws-access-key-id', Category: 'AWS', Severity: 'CRITICAL', Title: 'AWS Access Key ID', StartLine: 3, EndLine: 3, Match: 'AWS_KEY=********' }] }])
    const f = parse(doc).findings[0]
    expect(f).toMatchObject({ kind: 'secret', severity: 'critical', location: { file: 'config.env', line: 3 } })
    expect(JSON.stringify(f)).not.toContain('AWS_KEY')
  })

  it('a report without Results has no findings', () => {
    expect(parse({ SchemaVersion: 2, ArtifactName: '.', ArtifactType: 'filesystem' }).findings).toEqual([])
  })

  it.each([
    ['schema 1', { SchemaVersion: 1, Results: [] }, /SchemaVersion 1/],
    ['results not a list', { SchemaVersion: 2, Results: {} }, /"Results" is not an array/],
    ['unknown severity', trivyDoc([{ Target: 'x', Vulnerabilities: [{ VulnerabilityID: 'CVE-1', Severity: 'SEVERE' }] }]), /unknown severity "SEVERE"/],
    ['missing id', trivyDoc([{ Target: 'x', Vulnerabilities: [{ Severity: 'HIGH' }] }]), /no VulnerabilityID/],
    ['vulnerabilities not a list', trivyDoc([{ Target: 'x', Vulnerabilities: 'CVE-1' }]), /Vulnerabilities is not an array/]
  ])('refuses %s', (_n, doc, message) => {
    expect(() => parse(doc)).toThrow(message)
  })
})

describe('gitleaks', () => {
  const leak = { Description: 'AWS Access Key', StartLine: 4, EndLine: 4, Match: 'REDACTED', Secret: 'REDACTED', File: 'config/app.env', Commit: 'abc123def4567890', RuleID: 'aws-access-token', Fingerprint: 'abc:config/app.env:aws-access-token:4' }

  it('an empty array is a gitleaks report with nothing found', () => {
    expect(parse([])).toMatchObject({ format: 'gitleaks', findings: [] })
  })

  it('secrets take secret-severity', () => {
    expect(parse([leak]).findings[0]).toMatchObject({ tool: 'gitleaks', kind: 'secret', severity: 'critical', ruleId: 'aws-access-token', location: { file: 'config/app.env', line: 4 } })
    expect(parse([leak], { ...opts, secretSeverity: 'high' }).findings[0].severity).toBe('high')
  })

  it('never carries the secret or the match', () => {
    const unredacted = { ...leak, Secret: 'AKIA' + 'Z'.repeat(16), Match: 'key=AKIA' + 'Z'.repeat(16) }
    expect(JSON.stringify(parse([unredacted]))).not.toContain('AKIA')
  })

  it('refuses entries without RuleID or File', () => {
    expect(() => parse([leak, { RuleID: 'x' }])).toThrow(/entry 1 lacks RuleID or File/)
  })
})

describe('checkov', () => {
  const fw = (check_type: string, failed: unknown[]) => ({ check_type, results: { passed_checks: [], failed_checks: failed, skipped_checks: [], parsing_errors: [] }, summary: { passed: 0, failed: failed.length, skipped: 0, parsing_errors: 0, resource_count: 1, checkov_version: '3' } })
  const check = (id: string, extra: Record<string, unknown> = {}) => ({ check_id: id, check_name: `name of ${id}`, check_result: { result: 'FAILED' }, file_path: '/main.tf', repo_file_path: '/main.tf', file_line_range: [1, 9], resource: 'aws_s3_bucket.data', severity: null, ...extra })

  it('one framework, severity from the built-in map', () => {
    const report = parse(fw('terraform', [check('CKV_AWS_24')]))
    expect(report.format).toBe('checkov')
    expect(report.findings[0]).toMatchObject({ tool: 'checkov', ruleId: 'CKV_AWS_24', location: { file: 'main.tf', line: 1, resource: 'aws_s3_bucket.data' } })
    expect(report.unmapped).toEqual([])
  })

  it('several frameworks in an array', () => {
    const report = parse([fw('terraform', [check('CKV_AWS_24')]), fw('dockerfile', [check('CKV_DOCKER_2')])])
    expect(report.findings.map((f) => f.ruleId)).toEqual(['CKV_AWS_24', 'CKV_DOCKER_2'])
  })

  it('unmapped checks take default-severity and are listed', () => {
    const report = parse(fw('terraform', [check('CKV_AWS_999999')]), { ...opts, defaultSeverity: 'low' })
    expect(report.findings[0].severity).toBe('low')
    expect(report.unmapped).toEqual(['CKV_AWS_999999'])
  })

  it('a severity checkov gives wins over the map', () => {
    expect(parse(fw('terraform', [check('CKV_AWS_999999', { severity: 'CRITICAL' })])).findings[0].severity).toBe('critical')
  })

  it('the bare summary is a report with nothing scanned', () => {
    expect(parse({ passed: 0, failed: 0, skipped: 0, parsing_errors: 0, resource_count: 0, checkov_version: '3.2.0' })).toMatchObject({ format: 'checkov', findings: [] })
  })

  it('a bare summary claiming failures is refused', () => {
    expect(() => parse({ passed: 0, failed: 2, skipped: 0, parsing_errors: 0 })).toThrow(/2 checks failed but lists no results/)
  })

  it('parsing errors become a note', () => {
    const doc = fw('terraform', [])
    ;(doc.results as Record<string, unknown>).parsing_errors = ['/broken.tf']
    expect(parse(doc).notes).toEqual(['checkov could not parse 1 terraform file(s); they were not checked.'])
  })
})

describe('SARIF', () => {
  const sarif = (run: Record<string, unknown>) => ({ version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [run] })
  const loc = (uri: string, line: number) => [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: line } } }]

  it('severity from rule tags (trivy style)', () => {
    const doc = sarif({ tool: { driver: { name: 'Trivy', rules: [{ id: 'CVE-1', properties: { tags: ['vulnerability', 'security', 'CRITICAL'], 'security-severity': '5.0' } }] } }, results: [{ ruleId: 'CVE-1', ruleIndex: 0, level: 'note', message: { text: 'x' }, locations: loc('package-lock.json', 1) }] })
    expect(parse(doc).findings[0]).toMatchObject({ tool: 'trivy', severity: 'critical', kind: 'vulnerability' })
  })

  it.each([
    ['9.8', 'critical'],
    ['9.0', 'critical'],
    ['7.5', 'high'],
    ['7.0', 'high'],
    ['4.0', 'medium'],
    ['3.9', 'low'],
    ['0.1', 'low'],
    ['0.0', 'info']
  ])('security-severity %s is %s', (score, severity) => {
    const doc = sarif({ tool: { driver: { name: 'x', rules: [{ id: 'R', properties: { 'security-severity': score } }] } }, results: [{ ruleId: 'R', level: 'note', message: { text: 'x' } }] })
    expect(parse(doc).findings[0].severity).toBe(severity)
  })

  it.each([
    ['error', undefined, 'high'],
    ['warning', undefined, 'medium'],
    ['note', undefined, 'low'],
    ['none', undefined, 'info'],
    [undefined, 'error', 'high'],
    [undefined, 'note', 'low'],
    [undefined, undefined, 'medium']
  ])('level %s (rule default %s) is %s', (level, ruleDefault, severity) => {
    const rule = ruleDefault ? { id: 'R', defaultConfiguration: { level: ruleDefault } } : { id: 'R' }
    const doc = sarif({ tool: { driver: { name: 'x', rules: [rule] } }, results: [{ ruleId: 'R', ...(level ? { level } : {}), message: { text: 'x' } }] })
    expect(parse(doc).findings[0].severity).toBe(severity)
  })

  it('suppressed results are not counted, rejected suppressions are', () => {
    const doc = sarif({ tool: { driver: { name: 'x' } }, results: [
      { ruleId: 'A', level: 'error', message: { text: 'a' }, suppressions: [{ kind: 'inSource' }] },
      { ruleId: 'B', level: 'error', message: { text: 'b' }, suppressions: [{ kind: 'external', status: 'rejected' }] },
      { ruleId: 'C', level: 'error', message: { text: 'c' } }
    ] })
    const report = parse(doc)
    expect(report.findings.map((f) => f.ruleId)).toEqual(['B', 'C'])
    expect(report.notes[0]).toMatch(/1 suppressed result/)
  })

  it('gitleaks SARIF counts as secrets at secret-severity', () => {
    const doc = sarif({ tool: { driver: { name: 'gitleaks', rules: [{ id: 'aws-access-token' }] } }, results: [{ ruleId: 'aws-access-token', message: { text: 'leak' }, locations: loc('a.env', 2) }] })
    expect(parse(doc).findings[0]).toMatchObject({ tool: 'gitleaks', kind: 'secret', severity: 'critical', location: { file: 'a.env', line: 2 } })
  })

  it.each([
    ['no driver', sarif({ results: [] }), /no tool.driver/],
    ['no results', sarif({ tool: { driver: { name: 'x' } } }), /no results array/],
    ['bad level', sarif({ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'A', level: 'fatal', message: { text: '' } }] }), /level "fatal"/],
    ['no rule id', sarif({ tool: { driver: { name: 'x' } }, results: [{ level: 'error', message: { text: '' } }] }), /no ruleId/],
    ['version 2.0', { version: '2.0.0', runs: [] }, /SARIF version "2.0.0"/]
  ])('refuses %s', (_n, doc, message) => {
    expect(() => parse(doc)).toThrow(message)
  })
})

describe('detection and bad input', () => {
  const bytes = (s: string) => Buffer.from(s)
  it.each([
    ['empty file', '', /report is empty/],
    ['truncated JSON', '{"SchemaVersion": 2, "Results": [', /not valid JSON/],
    ['binary', '\u0000\u0001\u0002PK', /binary/],
    ['a number', '42', /a JSON number, not a scanner report/],
    ['null', 'null', /a JSON null/],
    ['unknown object', '{"foo": 1, "bar": 2}', /not a trivy, gitleaks, checkov or SARIF report \(top-level keys: foo, bar\)/],
    ['unknown array', '[{"foo": 1}]', /neither a gitleaks report nor checkov output/]
  ])('%s is refused with the file named', (_n, text, message) => {
    expect(() => parseReportBytes(bytes(text), 'reports/x.json', 'auto', opts)).toThrow(message)
    expect(() => parseReportBytes(bytes(text), 'reports/x.json', 'auto', opts)).toThrow(/^reports\/x\.json: /)
  })

  it('an explicit format overrides detection', () => {
    expect(() => parseReportDocument([], 'x.json', 'trivy', opts)).toThrow(/expected a trivy JSON object/)
  })

  it.each([
    [[], 'gitleaks'],
    [{ SchemaVersion: 2, ArtifactName: 'x' }, 'trivy'],
    [{ version: '2.1.0', runs: [] }, 'sarif'],
    [{ check_type: 'terraform', results: {} }, 'checkov'],
    [{ passed: 0, failed: 0, skipped: 0, parsing_errors: 0 }, 'checkov']
  ])('detects %j as %s', (doc, format) => {
    expect(detectFormat(doc, 'x')).toBe(format)
  })
})
