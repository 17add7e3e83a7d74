import { describe, expect, it } from '@jest/globals'
import { gunzipSync, gzipSync } from 'node:zlib'
import { buildSarif } from '../../actions/lib/report/sarif-writer.js'
import { parseReportDocument } from '../../actions/lib/findings/read-report.js'
import type { Finding, Severity } from '../../actions/lib/findings/model.js'

const f = (tool: string, ruleId: string, severity: Severity, i = 0): Finding => ({ tool, kind: 'misconfiguration', ruleId, severity, title: `${ruleId} title`, location: { file: `src/f${i}.tf`, line: i + 1 }, fingerprint: `${tool}-${ruleId}-${i}` })

describe('merged SARIF', () => {
  it('one run per tool, stable category and fingerprints, severities that read back the same', () => {
    const findings = [f('trivy', 'AWS-0086', 'high'), f('checkov', 'CKV_AWS_24', 'critical'), f('gitleaks', 'aws-access-token', 'critical'), f('trivy', 'CVE-1', 'low', 1)]
    const out = buildSarif(findings, ['trivy', 'checkov', 'gitleaks'])
    const doc = JSON.parse(out.json)
    expect(doc.version).toBe('2.1.0')
    expect(doc.runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)).toEqual(['trivy/', 'checkov/', 'gitleaks/'])
    expect(doc.runs[0].results[0].partialFingerprints).toEqual({ 'sgwFingerprint/v1': 'trivy-AWS-0086-0' })
    const back = parseReportDocument(doc, 'merged.sarif', 'auto', { secretSeverity: 'critical', defaultSeverity: 'medium' })
    expect(back.findings.map((x) => [x.tool, x.ruleId, x.severity])).toEqual(findings.map((x) => [x.tool, x.ruleId, x.severity]).sort((a, b) => ['trivy', 'checkov', 'gitleaks'].indexOf(a[0]) - ['trivy', 'checkov', 'gitleaks'].indexOf(b[0])))
    expect(out.notes).toEqual([])
  })

  it('keeps the most severe results when a run is over the limit, and says so', () => {
    const findings = [...Array.from({ length: 8 }, (_, i) => f('trivy', `L${i}`, 'low', i)), f('trivy', 'C', 'critical', 99), f('trivy', 'H', 'high', 98)]
    const out = buildSarif(findings, ['trivy'], { maxResultsPerRun: 3 })
    const ids = JSON.parse(out.json).runs[0].results.map((r: { ruleId: string }) => r.ruleId)
    expect(ids.slice(0, 2)).toEqual(['C', 'H'])
    expect(ids).toHaveLength(3)
    expect(out.notes[0]).toMatch(/trivy had 10 results; kept the 3 most severe/)
  })

  it('trims to the gzipped size limit, least severe first', () => {
    // Distinct random-ish titles so gzip cannot shrink them away.
    const findings = Array.from({ length: 3000 }, (_, i) => ({ ...f('trivy', `R${i}`, i < 10 ? 'critical' : 'low', i), title: Math.random().toString(36).repeat(8) }))
    const limit = 60 * 1024
    const out = buildSarif(findings, ['trivy'], { maxGzipBytes: limit })
    expect(gzipSync(out.json).length).toBeLessThanOrEqual(limit)
    expect(gunzipSync(gzipSync(out.json)).toString()).toBe(out.json)
    const results = JSON.parse(out.json).runs[0].results
    expect(results.length).toBeLessThan(3000)
    expect(results.slice(0, 10).every((r: { properties: { severity: string } }) => r.properties.severity === 'critical')).toBe(true)
    expect(out.notes.at(-1)).toMatch(/trimmed to \d+ results to stay under/)
  })
})
