// The readers of the scanners that no real report here covers yet (grype and osv-scanner need a
// vulnerability database this machine cannot download; trufflehog's build was still running;
// hadolint is not in any registry the project uses): documents as each writer's source writes
// them (grype/presenter/models, osv-scanner pkg/models, trufflehog pkg/output/json.go,
// hadolint src/Hadolint/Formatter/Json.hs). Real-output fixtures are to replace these.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { countBySeverity } from '../../actions/lib/policy/policy.js'
import { parseReportDocument, readReportFile } from '../../actions/lib/findings/read-report.js'

const options = { secretSeverity: 'high' as const, defaultSeverity: 'medium' as const }
const read = (doc: unknown) => parseReportDocument(doc, 'r.json', 'auto', options)

describe('grype JSON', () => {
  const match = (id: string, severity: string, related: string[] = []) => ({
    vulnerability: { id, dataSource: `https://github.com/advisories/${id}`, severity, urls: [], cvss: [], fix: { versions: ['1.2.6'], state: 'fixed' }, advisories: [] },
    relatedVulnerabilities: related.map((r) => ({ id: r, dataSource: '', urls: [], cvss: [] })),
    matchDetails: [],
    artifact: { id: 'x', name: 'minimist', version: '1.2.5', type: 'npm', locations: [{ path: '/app/package-lock.json' }], language: 'javascript', licenses: [], cpes: [], purl: 'pkg:npm/minimist@1.2.5' }
  })
  const doc = { matches: [match('GHSA-xvch-5gv4-984h', 'Critical', ['CVE-2021-44906']), match('CVE-2020-0001', 'Negligible')], source: { type: 'directory', target: '.' }, distro: {}, descriptor: { name: 'grype', version: '0.121.2' } }
  it('is detected, rated, and keeps the related CVE as an alias', () => {
    const report = read(doc)
    expect(report.format).toBe('grype')
    expect(countBySeverity(report.findings)).toMatchObject({ critical: 1, info: 1 })
    expect(report.findings[0]).toMatchObject({ kind: 'vulnerability', aliases: ['CVE-2021-44906'], fixAvailable: true, location: { package: 'minimist', installedVersion: '1.2.5', file: 'app/package-lock.json' } })
  })
  it('refuses a severity grype does not write', () => {
    expect(() => read({ ...doc, matches: [match('X', 'Severe')] })).toThrow(/unknown severity "Severe"/)
  })
})

describe('osv-scanner JSON', () => {
  const doc = {
    results: [
      {
        source: { path: '/src/app/package-lock.json', type: 'lockfile' },
        packages: [
          {
            package: { name: 'minimist', version: '1.2.5', ecosystem: 'npm' },
            vulnerabilities: [{ id: 'GHSA-xvch-5gv4-984h', aliases: ['CVE-2021-44906'], summary: 'Prototype Pollution in minimist', affected: [{ package: { name: 'minimist' }, ranges: [{ events: [{ introduced: '0' }, { fixed: '1.2.6' }] }] }] }],
            groups: [{ ids: ['GHSA-xvch-5gv4-984h'], aliases: ['GHSA-xvch-5gv4-984h', 'CVE-2021-44906'], max_severity: '9.8' }]
          },
          { package: { name: 'ms', version: '2.0.0', ecosystem: 'npm' }, vulnerabilities: [{ id: 'GHSA-0000-0000-0000', database_specific: { severity: 'MODERATE' } }], groups: [{ ids: ['GHSA-0000-0000-0000'], aliases: [], max_severity: '' }] }
        ]
      }
    ],
    experimental_config: { licenses: { summary: false, allowlist: null } }
  }
  it('one finding per group; the CVSS score, else the advisory database rating', () => {
    const report = read(doc)
    expect(report.format).toBe('osv-scanner')
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.location.fixedVersion, f.aliases])).toEqual([
      ['GHSA-xvch-5gv4-984h', 'critical', '1.2.6', ['CVE-2021-44906']],
      ['GHSA-0000-0000-0000', 'medium', undefined, undefined]
    ])
  })
  it('nothing found is an empty results list', () => {
    expect(read({ results: [], experimental_config: {} }).findings).toEqual([])
  })
})

describe('trufflehog JSON lines', () => {
  const line = (verified: boolean, detector: string, file: string, lineNo: number) =>
    JSON.stringify({
      SourceMetadata: { Data: { Filesystem: { file, line: lineNo } } },
      SourceID: 1,
      SourceType: 15,
      SourceName: 'trufflehog - filesystem',
      DetectorType: 2,
      DetectorName: detector,
      DetectorDescription: `${detector} credentials`,
      DecoderName: 'PLAIN',
      Verified: verified,
      VerificationFromCache: false,
      Raw: 'REDACTED',
      RawV2: '',
      Redacted: '',
      ExtraData: null,
      StructuredData: null
    })
  const dir = mkdtempSync(join(tmpdir(), 'sgw-trufflehog-'))
  it('verified secrets are critical, unverified take secret-severity; no secret value is kept', () => {
    const path = join(dir, 'th.json')
    writeFileSync(path, `${line(true, 'AWS', '.env', 2)}\n${line(false, 'Github', 'scripts/release.sh', 3)}\n`)
    const report = readReportFile(path, 'auto', options)
    expect(report.format).toBe('trufflehog')
    expect(report.findings.map((f) => [f.ruleId, f.severity, `${f.location.file}:${f.location.line}`])).toEqual([
      ['AWS', 'critical', '.env:2'],
      ['Github', 'high', 'scripts/release.sh:3']
    ])
    expect(JSON.stringify(report.findings)).not.toContain('REDACTED')
  })
  it('one line is one object; an empty file is "nothing found" only when format trufflehog is given', () => {
    const one = join(dir, 'one.json')
    writeFileSync(one, `${line(false, 'Slack', '.env', 4)}\n`)
    expect(readReportFile(one, 'auto', options).findings).toHaveLength(1)
    const empty = join(dir, 'empty.json')
    writeFileSync(empty, '')
    expect(readReportFile(empty, 'trufflehog', options).findings).toEqual([])
    expect(() => readReportFile(empty, 'auto', options)).toThrow(/report is empty.*pass format trufflehog/)
  })
})

describe('hadolint JSON', () => {
  const doc = [
    { file: 'Dockerfile', line: 1, column: 1, level: 'warning', code: 'DL3007', message: 'Using latest is prone to errors' },
    { file: 'Dockerfile', line: 4, column: 1, level: 'error', code: 'DL3004', message: 'Do not use sudo' },
    { file: 'Dockerfile', line: 5, column: 1, level: 'info', code: 'SC2086', message: 'Double quote to prevent globbing' },
    { file: 'Dockerfile', line: 6, column: 1, level: 'style', code: 'DL3059', message: 'Multiple consecutive RUN instructions' }
  ]
  it('levels error, warning, info, style as high, medium, low, info', () => {
    const report = read(doc)
    expect(report.format).toBe('hadolint')
    expect(report.findings.map((f) => f.severity)).toEqual(['medium', 'high', 'low', 'info'])
  })
  it('DL1000 (the Dockerfile did not parse) makes the scan incomplete, not clean', () => {
    const report = read([{ file: 'Dockerfile', line: 3, column: 5, level: 'error', code: 'DL1000', message: 'unexpected end of input' }])
    expect(report.findings).toEqual([])
    expect(report.incomplete).toEqual(['hadolint could not parse Dockerfile: unexpected end of input'])
  })
})
