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
    ['vulnerabilities not a list', trivyDoc([{ Target: 'x', Vulnerabilities: 'CVE-1' }]), /Vulnerabilities is not an array/],
    ['a finding list it does not know', trivyDoc([{ Target: 'x', Class: 'custom', Weaknesses: [{ ID: 'W-1' }] }]), /"Weaknesses" list this gate does not read/],
    ['fewer FAIL checks than MisconfSummary counts', trivyDoc([{ Target: 'x', Class: 'config', MisconfSummary: { Successes: 1, Failures: 2 }, Misconfigurations: [{ ID: 'DS-0001', Status: 'FAIL', Severity: 'LOW' }] }]), /counts 2 failed check\(s\) but 1 are listed/],
    ['a licence without a name', trivyDoc([{ Target: 'x', Class: 'license', Licenses: [{ Severity: 'HIGH', PkgName: 'p' }] }]), /Licenses\[0\] has no Name/]
  ])('refuses %s', (_n, doc, message) => {
    expect(() => parse(doc)).toThrow(message)
  })

  it('reads licences (package and file) at the severity trivy classified', () => {
    const doc = trivyDoc([
      { Target: 'package-lock.json', Class: 'license', Licenses: [{ Severity: 'CRITICAL', Category: 'forbidden', PkgName: 'left-pad', FilePath: 'package-lock.json', Name: 'WTFPL', Confidence: 1, Link: '' }] },
      { Target: 'Loose File License(s)', Class: 'license-file', Licenses: [{ Severity: 'HIGH', Category: 'restricted', PkgName: '', FilePath: 'vendor/LICENSE', Name: 'GPL-3.0', Confidence: 0.9, Link: '' }] }
    ])
    const findings = parse(doc).findings
    expect(findings.map((f) => [f.kind, f.ruleId, f.severity, f.location.file, f.location.package])).toEqual([
      ['license', 'WTFPL', 'critical', 'package-lock.json', 'left-pad'],
      ['license', 'GPL-3.0', 'high', 'vendor/LICENSE', undefined]
    ])
    expect(findings[0].title).toBe('WTFPL (forbidden) in left-pad')
  })

  it('lists of inventory and of findings trivy itself suppressed are not findings; the suppressed are noted', () => {
    const report = parse(trivyDoc([{ Target: 'x', Class: 'lang-pkgs', Packages: [{ Name: 'a' }], ModifiedFindings: [{ Type: 'vulnerability', Status: 'ignored' }] }]))
    expect(report.findings).toEqual([])
    expect(report.notes).toEqual([expect.stringMatching(/1 finding\(s\) suppressed by trivy's own ignore rules/), "trivy: a finding (vulnerability, x) ignored by trivy's ignore rules."])
  })

  it('each finding trivy suppressed stays visible, with the rule that hid it (trivy --show-suppressed)', () => {
    const modified = { Type: 'misconfiguration', Status: 'ignored', Source: '.trivyignore', Finding: { ID: 'AWS-0104', Severity: 'CRITICAL' } }
    const report = parse(trivyDoc([{ Target: 'main.tf', Class: 'config', ExperimentalModifiedFindings: [modified] }]))
    expect(report.notes).toContain('trivy: AWS-0104 (misconfiguration, main.tf) ignored by .trivyignore.')
    expect(report.findings).toEqual([])
  })

  it('checkov: skipped checks are listed as suppressed with their reason', () => {
    const doc = { check_type: 'terraform', results: { failed_checks: [], skipped_checks: [{ check_id: 'CKV_AWS_382', resource: 'aws_security_group.web', file_path: '/main.tf', suppress_comment: 'egress through the NAT' }] } }
    expect(parse(doc).notes).toEqual([
      'checkov: 1 terraform check(s) skipped (suppressed) were not counted.',
      'checkov: CKV_AWS_382 skipped on aws_security_group.web (main.tf): egress through the NAT.'
    ])
  })

  it('a line 0 is trivy\'s "no line", not line 0', () => {
    const doc = trivyDoc([{ Target: 'x', Class: 'secret', Secrets: [{ RuleID: 'aws', Severity: 'CRITICAL', StartLine: 0, EndLine: 0 }] }])
    expect(parse(doc).findings[0].location.line).toBeUndefined()
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

  it('files checkov could not parse make the scan incomplete, by name', () => {
    const doc = fw('terraform', [])
    ;(doc.results as Record<string, unknown>).parsing_errors = ['/broken.tf']
    expect(parse(doc).incomplete).toEqual(['checkov could not parse /broken.tf (terraform); it was not checked.'])
  })

  it('--quiet drops the list of unparsed files; the summary still counts them', () => {
    const doc = { ...fw('terraform', []), summary: { passed: 1, failed: 0, skipped: 0, parsing_errors: 2, resource_count: 1 } }
    expect(parse(doc).incomplete).toEqual([expect.stringMatching(/could not parse 2 more terraform file\(s\), not named in the report/)])
  })

  it.each([
    ['checkov 3', { passed: 0, failed: 0, skipped: 0, parsing_errors: 2, resource_count: 0, checkov_version: '3.2.470' }],
    ['checkov 2', { passed: 0, failed: 0, skipped: 0, parsingerrors: 2, resourcecount: 0, checkov_version: '2.0.1140' }]
  ])('a bare %s summary with unparsed files is incomplete, not clean', (_v, doc) => {
    expect(parse(doc).incomplete).toEqual([expect.stringMatching(/could not parse 2 file\(s\) and scanned nothing/)])
  })

  it('the checkov 2 empty summary (parsingerrors, resourcecount) is a valid empty scan', () => {
    const report = parse({ passed: 0, failed: 0, skipped: 0, parsingerrors: 0, resourcecount: 0, checkov_version: '2.0.1140' })
    expect(report).toMatchObject({ format: 'checkov', findings: [], incomplete: [] })
  })

  it('a summary counting more failed checks than listed is refused', () => {
    const doc = { ...fw('terraform', []), summary: { passed: 0, failed: 3, skipped: 0, parsing_errors: 0 } }
    expect(() => parse(doc)).toThrow(/summary counts 3 failed check\(s\) but lists 0/)
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
    // 0.0 is the "no score" placeholder (trivy writes it for UNKNOWN), never a harmless info.
    ['0.0', 'unknown'],
    [0, 'unknown']
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
    ['an unknown kind', sarif({ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'A', kind: 'failed', message: { text: '' } }] }), /kind "failed"/],
    ['a rule index out of range', sarif({ tool: { driver: { name: 'x' } }, results: [{ ruleIndex: 3, message: { text: '' } }] }), /rule index 3/],
    ['version 2.0', { version: '2.0.0', runs: [] }, /SARIF version "2.0.0"/]
  ])('refuses %s', (_n, doc, message) => {
    expect(() => parse(doc)).toThrow(message)
  })

  const rules = [{ id: 'R0', defaultConfiguration: { level: 'error' } }, { id: 'R1', defaultConfiguration: { level: 'note' } }]
  const one = (result: Record<string, unknown>, run: Record<string, unknown> = {}) =>
    parse(sarif({ tool: { driver: { name: 'x', rules } }, results: [{ message: { text: 'm' }, ...result }], ...run }))

  it.each([
    ['pass', undefined],
    ['notApplicable', undefined],
    ['informational', undefined],
    ['review', undefined],
    ['pass', 'note']
  ])('a result of kind %s (level %s) is not a problem', (kind, level) => {
    const report = one({ ruleId: 'R0', kind, ...(level ? { level } : {}) })
    expect(report.findings).toEqual([])
    expect(report.notes).toEqual([expect.stringMatching(/1 result\(s\) of kind pass, notApplicable, informational or review/)])
  })

  it('kind fail (or absent) counts; kind open without a level is unrated, not info', () => {
    expect(one({ ruleId: 'R0', kind: 'fail' }).findings[0].severity).toBe('high')
    expect(one({ ruleId: 'R0' }).findings[0].severity).toBe('high')
    expect(one({ ruleId: 'R0', kind: 'open' }).findings[0].severity).toBe('unknown')
  })

  it.each([
    ['ruleId', { ruleId: 'R1' }, 'R1', 'low'],
    ['ruleIndex alone', { ruleIndex: 1 }, 'R1', 'low'],
    ['rule.id', { rule: { id: 'R1' } }, 'R1', 'low'],
    ['rule.index', { rule: { index: 1 } }, 'R1', 'low'],
    ['a hierarchical id under its parent rule', { ruleId: 'R1/sub' }, 'R1/sub', 'low'],
    ['no rule at all (gitleaks 7)', {}, '(no rule)', 'medium']
  ])('a result names its rule by %s', (_how, result, ruleId, severity) => {
    expect(one(result).findings[0]).toMatchObject({ ruleId, severity })
  })

  it('rules of a tool extension, through rule.toolComponent', () => {
    const doc = sarif({
      tool: { driver: { name: 'codeql' }, extensions: [{ name: 'pack', rules: [{ id: 'js/xss', properties: { 'security-severity': '6.1' } }] }] },
      results: [{ rule: { id: 'js/xss', toolComponent: { index: 0 } }, message: { text: 'xss' } }]
    })
    expect(parse(doc).findings[0]).toMatchObject({ ruleId: 'js/xss', severity: 'medium' })
  })

  it('an invocation ruleConfigurationOverride sets the level before the rule default', () => {
    const overrides = { invocations: [{ executionSuccessful: true, ruleConfigurationOverrides: [{ descriptor: { id: 'R1' }, configuration: { level: 'error' } }] }] }
    expect(one({ ruleId: 'R1' }, overrides).findings[0].severity).toBe('high')
  })

  it('baselineState absent (gone since the baseline) is not counted', () => {
    const report = one({ ruleId: 'R0', baselineState: 'absent' })
    expect(report.findings).toEqual([])
    expect(one({ ruleId: 'R0', baselineState: 'new' }).findings).toHaveLength(1)
  })

  it('a location given by artifact index resolves through run.artifacts', () => {
    const report = one({ ruleId: 'R0', locations: [{ physicalLocation: { artifactLocation: { index: 0 }, region: { startLine: 4 } } }] }, { artifacts: [{ location: { uri: 'src/a.js' } }] })
    expect(report.findings[0].location).toEqual({ file: 'src/a.js', line: 4, endLine: undefined })
  })

  it.each([
    ['executionSuccessful false', { invocations: [{ executionSuccessful: false }] }, /did not complete/],
    ['an error notification', { invocations: [{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'error', message: { text: 'could not parse' }, locations: loc('a.tf', 1) }] }] }, /could not parse \(a.tf\)/]
  ])('%s makes the scan incomplete', (_n, run, line) => {
    expect(one({ ruleId: 'R0' }, run).incomplete).toEqual([expect.stringMatching(line)])
  })

  it('a warning notification or a successful invocation is complete', () => {
    expect(one({ ruleId: 'R0' }, { invocations: [{ executionSuccessful: true, toolExecutionNotifications: [{ message: { text: 'slow' } }] }] }).incomplete).toEqual([])
  })

  it('a log with no runs is the producer finding nothing to analyse (§3.13.4): no findings, a note', () => {
    expect(parse({ version: '2.1.0', runs: [] })).toMatchObject({ findings: [], incomplete: [], notes: [expect.stringMatching(/no runs/)] })
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
    ['unknown object', '{"foo": 1, "bar": 2}', /not a report this gate reads \(top-level keys: foo, bar\); it reads trivy, gitleaks, checkov, sarif, /],
    ['unknown array', '[{"foo": 1}]', /not a gitleaks, checkov, hadolint or TruffleHog report/]
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
