// Every report format the gate reads, checked against the shapes its real writers write, one shape
// per version, taken from the writer's source or the format's schema (__tests__/shapes/) rather
// than from our fixtures: (1) each real report in fixtures/reports/ fits the shape of the version
// that wrote it, so the shapes are not wishful; (2) every document a shape allows (all optional
// fields present, each left out in turn, each placeholder the writer uses) is read without a crash
// and gives one finding per finding entry, never fewer.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { isUserError } from '../../actions/lib/errors/user-error.js'
import { plainFinding } from '../../actions/lib/findings/model.js'
import { parseReportDocument } from '../../actions/lib/findings/read-report.js'
import { checkovShapes } from '../shapes/checkov.js'
import { moreScannerShapes, npmAuditFailure } from '../shapes/more-scanners.js'
import { gitleaksShapes } from '../shapes/gitleaks.js'
import { sarifShapes } from '../shapes/sarif.js'
import { findingsIn, fullDocument, problems, variants, type Variant, type WriterShape } from '../shapes/shape.js'
import { trivyShapes } from '../shapes/trivy.js'
import { fixture } from '../helpers/tools.js'

const options = { secretSeverity: 'critical' as const, defaultSeverity: 'medium' as const }
const shapes = [...trivyShapes, ...gitleaksShapes, ...checkovShapes, ...sarifShapes, ...moreScannerShapes]
/** Documents a writer writes that are no report (npm's JSON for a failed audit): checked against
 * the fixtures, and refused by the reader, so not built into readable variants. */
const refusedShapes: WriterShape[] = [{ format: 'npm-audit', version: 'audit endpoint error', source: 'npm-registry-fetch HttpErrorGeneral', document: npmAuditFailure }]
const shapeOf = (format: WriterShape['format'], version: string) => [...shapes, ...refusedShapes].find((s) => s.format === format && s.version === version)!

/** The versions that wrote the fixtures (__tests__/fixtures/README.md). */
function writerOf(name: string): WriterShape | undefined {
  if (name.endsWith('.sarif')) return shapeOf('sarif', '2.1.0')
  if (!name.endsWith('.json')) return undefined
  if (name.startsWith('trivy-')) return shapeOf('trivy', '0.69.3')
  if (name.startsWith('gitleaks-')) return shapeOf('gitleaks', '8.30.1')
  if (name.startsWith('checkov-')) return shapeOf('checkov', '3.3.30')
  if (name.startsWith('bandit-')) return shapeOf('bandit', '1.9.4')
  if (name.startsWith('semgrep-')) return shapeOf('semgrep', '1.185.0')
  if (name.startsWith('pip-audit-')) return shapeOf('pip-audit', '2.10.1')
  if (name.startsWith('npm-audit-') && name.includes('-error')) return shapeOf('npm-audit', 'audit endpoint error')
  if (name.startsWith('npm-audit-')) return shapeOf('npm-audit', '2')
  return undefined
}

const reports = readdirSync(fixture('reports')).filter((f) => /\.(json|sarif)$/.test(f))

describe('real reports fit the shape of the version that wrote them', () => {
  it('every report fixture has a writer shape', () => {
    expect(reports.filter((f) => !writerOf(f))).toEqual([])
    expect(new Set(reports.map((f) => writerOf(f)!.format))).toEqual(new Set(['trivy', 'gitleaks', 'checkov', 'sarif', 'bandit', 'semgrep', 'pip-audit', 'npm-audit']))
  })

  it.each(reports.map((f) => [f, `${writerOf(f)!.format} ${writerOf(f)!.version}`]))('%s fits %s', (name) => {
    const doc = JSON.parse(readFileSync(fixture('reports', name), 'utf8'))
    expect(problems(writerOf(name)!.document, doc)).toEqual([])
  })

  it('a shape does refuse what its writer does not write', () => {
    const trivy = shapeOf('trivy', '0.69.3').document
    const report = (results: unknown[]) => ({ SchemaVersion: 2, ArtifactName: '.', Metadata: {}, Results: results })
    const notWritten = (field: string) => [`$.Results[0].${field}: a field this writer does not write`]
    expect(problems(trivy, report([{ Target: 'x', Weaknesses: [] }]))).toEqual(notWritten('Weaknesses'))
    const severe = problems(trivy, report([{ Target: 'x', Licenses: [{ Severity: 'SEVERE' }] }]))
    expect(severe[0]).toMatch(/Severity: string "SEVERE", expected one of UNKNOWN/)
    // trivy 0.20 wrote no Secrets.
    expect(problems(shapeOf('trivy', '0.20').document, report([{ Target: 'x', Secrets: [] }]))).toEqual(notWritten('Secrets'))
    expect(problems(shapeOf('gitleaks', '8.0').document, [])).toEqual(['$: array [], expected at least 1 entries'])
  })
})

/** What reading one built document gave, as a line when it is wrong. */
function readWrongly(v: Variant): string | undefined {
  const expected = findingsIn(v.shape, v.doc)
  try {
    const report = parseReportDocument(v.doc, 'r.json', 'auto', options)
    // Every field, lazy ones too, as the gate's outputs read them.
    for (const f of report.findings) JSON.stringify(plainFinding(f))
    if (v.refused) return `${v.label}: read (${report.findings.length} findings), but the reader must refuse it: ${v.refused}`
    const n = report.findings.length
    if (n < expected) return `${v.label}: ${n} findings, fewer than the ${expected} entries the document holds`
    if (n !== expected) return `${v.label}: ${n} findings for ${expected} entries`
    return undefined
  } catch (error) {
    if (!isUserError(error)) return `${v.label}: crashed: ${(error as Error).stack}`
    return v.refused ? undefined : `${v.label}: refused: ${(error as Error).message}`
  }
}

describe('every document a writer can write is read, one finding per entry', () => {
  it.each(shapes.map((s) => [s.format, s.version, s] as const))('%s %s', (_format, _version, shape) => {
    const built = variants(shape.document)
    const cases = (shape.cases?.(fullDocument(shape.document)) ?? []).map((c) => ({ ...c, shape: shape.document }))
    const all = [...built, ...cases]
    // The documents are the shape's own (the others differ from these by what the shape allows):
    // a builder that strays from the shape tests nothing.
    const whole = built.filter((v) => v.label.endsWith('every field present') || v.label.includes('every optional field left out'))
    const checked = [...whole, ...cases]
    expect(checked.filter((v) => !v.refused).flatMap((v) => problems(v.shape, v.doc).map((p) => `${v.label}: ${p}`))).toEqual([])
    expect(all.map(readWrongly).filter(Boolean)).toEqual([])
    // Enough documents with findings in them that counting is really tried.
    const counts = all.map((v) => findingsIn(v.shape, v.doc))
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(all.length / 2)
    expect(Math.max(...counts)).toBeGreaterThan(1)
  })
})

describe('what the shapes found, read as the writer meant it', () => {
  const read = (doc: unknown) => parseReportDocument(doc, 'r.json', 'auto', options)
  type Doc = Record<string, any>

  it('trivy 0.20-0.49: a FAIL check dropped by --ignore-policy is still in MisconfSummary.Failures; read, with a note', () => {
    const doc = fullDocument(shapeOf('trivy', '0.35').document) as Doc
    doc.Results[2].MisconfSummary.Failures += 1
    const report = read(doc)
    expect(report.findings.length).toBe(findingsIn(shapeOf('trivy', '0.35').document, doc))
    expect(report.notes).toContainEqual(expect.stringMatching(/Results\[2\]\.MisconfSummary counts \d+ failed check\(s\) but \d+ are listed; .*--ignore-policy/))
    // Since 0.50 trivy lowers Failures for what its policy drops: a gap there is a loss, refused.
    const later = fullDocument(shapeOf('trivy', '0.69.3').document) as Doc
    later.Results[2].MisconfSummary.Failures += 1
    expect(() => read(later)).toThrow(/MisconfSummary counts \d+ failed check\(s\) but \d+ are listed; the report is incomplete/)
  })

  it('gitleaks 8.15+ `stdin`: a leak with File "" is a leak without a file', () => {
    const doc = fullDocument(shapeOf('gitleaks', '8.30.1').document) as Doc[]
    doc[0].File = ''
    const [first] = read(doc).findings
    expect(first).toMatchObject({ tool: 'gitleaks', kind: 'secret', severity: 'critical', location: { file: undefined, line: 4 } })
    expect(() => read([{ ...doc[0], File: undefined }])).toThrow(/entry 0 lacks RuleID or File/)
  })

  it('checkov severity NONE (its DEFAULT_SEVERITY, "a score of 0.0") is unknown, not refused and not info', () => {
    const doc = fullDocument(shapeOf('checkov', '3.3.30').document) as Doc
    const failed = doc.results.failed_checks as Doc[]
    const none = failed.filter((c) => c.severity === 'NONE')
    expect(none.length).toBeGreaterThan(0)
    const ids = new Set(none.map((c) => c.check_id))
    expect(read(doc).findings.filter((f) => ids.has(f.ruleId)).map((f) => f.severity)).toEqual(none.map(() => 'unknown'))
  })

  it('SARIF: suppressions null is "no suppression information" (§3.27.23); ruleIndex -1 is "no rule given"', () => {
    const doc = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'A', message: { text: 'm' }, suppressions: null }] }] }
    expect(read(doc).findings.map((f) => f.ruleId)).toEqual(['A'])
    const noRule = shapeOf('sarif', '2.1.0').cases!(undefined)[0].doc
    expect(read(noRule).findings.map((f) => f.ruleId)).toEqual(['(no rule)'])
  })

  it('npm audit: the JSON npm prints when the audit endpoint fails is refused, never read as clean', () => {
    const doc = fullDocument(npmAuditFailure) as Doc
    expect(() => read(doc)).toThrow(/npm audit did not audit anything: the registry's audit endpoint answered 405/)
  })

  it('SARIF runs null (the producer failed, §3.13.4) is refused as SARIF', () => {
    expect(() => read({ version: '2.1.0', runs: null })).toThrow(/expected a SARIF object with a "runs" array/)
  })
})
