// sgw gate from dist/cli under Node 24: the documented JSON shape, exit codes and error lines.
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../helpers/run-action.js'
import { fixture, node24, REPO_ROOT } from '../helpers/tools.js'

const vulns = fixture('reports', 'trivy-fs-vulns.json')
const all = fixture('reports', 'trivy-fs-all.json')
const dir = () => mkdtempSync(join(tmpdir(), 'sgw-cli-'))

describe('sgw gate', () => {
  it('prints one JSON document of the documented shape and exits 1 on fail', async () => {
    const r = await runCli(['gate', '--report', all, '--output', 'json'])
    expect(r.exitCode).toBe(1)
    const doc = JSON.parse(r.stdout)
    expect(Object.keys(doc)).toEqual(['result', 'counts', 'total', 'new', 'reports', 'breaches', 'approvals', 'incomplete', 'incompleteFails', 'unmappedChecks', 'notes', 'suppressionChanges', 'reviewBase', 'inlineSuppressions', 'policySources'])
    expect(doc).toMatchObject({
      result: 'fail',
      counts: { critical: 3, high: 18, medium: 17, low: 19, info: 0, unknown: 0 },
      total: 57,
      new: 57,
      reports: [{ path: all, format: 'trivy', tool: 'trivy', findings: 57 }],
      breaches: [
        { severity: 'critical', count: 3, max: 0 },
        { severity: 'high', count: 18, max: 5 }
      ]
    })
    expect(r.stderr).toBe('')
  })

  it('an incomplete scan fails with the files named in text and JSON, unless --allow-incomplete-scan true', async () => {
    const report = fixture('reports', 'checkov-parse-errors.json')
    const text = await runCli(['gate', '--report', report])
    expect(text.exitCode).toBe(1)
    expect(text.stdout).toMatch(/^Security gate: FAIL/)
    expect(text.stdout).toMatch(/Incomplete scan: .*checkov-parse-errors\.json: checkov could not parse \S+\/terraform\/network\/main\.tf/)
    const json = await runCli(['gate', '--report', report, '--output', 'json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ result: 'fail', breaches: [], incompleteFails: true, incomplete: [expect.stringMatching(/network\/main\.tf/)] })
    const allowed = await runCli(['gate', '--report', report, '--allow-incomplete-scan', 'true', '--output', 'json'])
    expect(allowed.exitCode).toBe(0)
    expect(JSON.parse(allowed.stdout)).toMatchObject({ result: 'pass', incompleteFails: false, incomplete: [expect.stringMatching(/network\/main\.tf/)] })
  })

  it('the notes say why: unmapped checks and what the readers noticed are in --output json', async () => {
    const r = await runCli(['gate', '--report', fixture('reports', 'checkov-parse-errors.sarif'), '--output', 'json'])
    const doc = JSON.parse(r.stdout)
    expect(doc.notes).toEqual([expect.stringMatching(/checkov's SARIF does not record files it could not parse/)])
    expect(Array.isArray(doc.unmappedChecks)).toBe(true)
  })

  it('licences and unrated findings count the same from the JSON and the SARIF', async () => {
    for (const base of ['trivy-license', 'trivy-secret-unknown']) {
      const [a, b] = await Promise.all(['json', 'sarif'].map((ext) => runCli(['gate', '--report', fixture('reports', `${base}.${ext}`), '--max-unknown', '0', '--output', 'json'])))
      expect(JSON.parse(b.stdout).counts).toEqual(JSON.parse(a.stdout).counts)
      expect(JSON.parse(a.stdout).result).toBe('fail')
    }
  })

  it('exits 0 on needs-approval and on pass', async () => {
    const approval = await runCli(['gate', '--report', vulns, '--max-critical', 'none', '--output', 'json'])
    expect(approval.exitCode).toBe(0)
    expect(JSON.parse(approval.stdout).result).toBe('needs-approval')
    const pass = await runCli(['gate', '--report', vulns, '--max-critical=none', '--max-high=none', '--approval-severities', 'none', '--output', 'json'])
    expect(pass.exitCode).toBe(0)
    expect(JSON.parse(pass.stdout).result).toBe('pass')
  })

  it('same report as SARIF and as JSON gives the same counts', async () => {
    const json = JSON.parse((await runCli(['gate', '--report', vulns, '--output', 'json'])).stdout)
    const sarif = JSON.parse((await runCli(['gate', '--report', fixture('reports', 'trivy-fs-vulns.sarif'), '--output', 'json'])).stdout)
    expect(sarif.counts).toEqual(json.counts)
    expect(sarif.reports[0].format).toBe('sarif')
  })

  it('a baseline makes only new findings count', async () => {
    const d = dir()
    const base = join(d, 'baseline.json')
    const written = await runCli(['gate', '--report', vulns, '--write-baseline', base, '--output', 'json'])
    // Recording a baseline is not judging it: exit 0 once it is written.
    expect(written.exitCode).toBe(0)
    expect(Object.keys(JSON.parse(readFileSync(base, 'utf8')).fingerprints)).toHaveLength(12)
    const again = await runCli(['gate', '--report', all, '--baseline', base, '--output', 'json'])
    const doc = JSON.parse(again.stdout)
    // The 12 vulnerabilities are known; only the 45 misconfigurations are new and counted.
    expect(doc).toMatchObject({ total: 45, new: 45, counts: { critical: 1, high: 16, medium: 9, low: 19 } })
    const counted = await runCli(['gate', '--report', all, '--baseline', base, '--new-only', 'false', '--output', 'json'])
    expect(JSON.parse(counted.stdout)).toMatchObject({ total: 57, new: 45 })
    const text = await runCli(['gate', '--report', all, '--baseline', base])
    expect(text.stdout).toContain(`Baseline ${base}: 45 new, 12 known.`)
  })

  it('writes SARIF and the JSON report on request; markdown output is the job summary', async () => {
    const d = dir()
    const r = await runCli(['gate', '--reports', vulns, '--sarif-output', join(d, 'out.sarif'), '--json-output', join(d, 'summary.json'), '--output', 'markdown'])
    expect(r.stdout.split('\n')[0]).toBe('## ❌ Security gate failed: `fail`')
    expect(JSON.parse(readFileSync(join(d, 'out.sarif'), 'utf8')).runs[0].results).toHaveLength(12)
    expect(JSON.parse(readFileSync(join(d, 'summary.json'), 'utf8')).findings).toHaveLength(12)
    // The earlier flag names still work.
    const old = await runCli(['gate', '--report', vulns, '--sarif-out', join(d, 'old.sarif'), '--json-out', join(d, 'old.json')])
    expect(old.exitCode).toBe(1)
    expect(readFileSync(join(d, 'old.sarif'), 'utf8')).toBe(readFileSync(join(d, 'out.sarif'), 'utf8'))
  })

  it('with a glob, standard output carries only the JSON document', async () => {
    const r = await runCli(['gate', '--reports', fixture('reports', 'trivy-fs-v*.json'), '--output', 'json'])
    expect(r.stdout.startsWith('{')).toBe(true)
    expect(JSON.parse(r.stdout).reports.map((x: { path: string }) => x.path)).toEqual([vulns])
  })

  it('a reader that closes the pipe early ends the command quietly', async () => {
    // The read end is closed before sgw writes a byte, so its first write meets EPIPE.
    const child = spawn(node24(), [join(REPO_ROOT, 'dist', 'cli', 'index.js'), 'gate', '--reports', all, '--output', 'markdown'], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(1)
  })

  it('none and -1 both mean no limit, as in the reusable workflows', async () => {
    const [a, b] = await Promise.all(['none', '-1'].map((v) => runCli(['gate', '--reports', vulns, '--max-critical', v, '--output', 'json'])))
    expect(JSON.parse(a.stdout).result).toBe('needs-approval')
    expect(JSON.parse(b.stdout)).toEqual(JSON.parse(a.stdout))
  })

  it.each([
    ['no report', ['gate'], /^sgw gate: give at least one --reports FILE\.\n$/],
    ['a path without --reports (a shell-expanded glob)', ['gate', '--reports', 'a.json', 'b.json'], /^sgw gate: unexpected argument "b\.json"; reports are given with --reports FILE\.\n$/],
    ['an unknown flag', ['gate', '--report', 'x', '--severe', '1'], /unknown option --severe See `sgw gate --help`/],
    ['a mistyped flag', ['gate', '--report', 'x', '--max-hihg', '1'], /unknown option --max-hihg; did you mean --max-high\?/],
    ['a negative threshold', ['gate', '--report', 'x', '--max-high', '-3'], /Input "max-high" must be a whole number \(0 or more\), or "none" or -1 for no limit, got "-3"/],
    ['an unknown severity', ['gate', '--report', 'x', '--approval-severities', 'high,urgent'], /"approval-severities" must be one of critical, high, medium, low, info, unknown; got "urgent"/],
    ['an unknown output', ['gate', '--report', 'x', '--output', 'xml'], /"output" must be one of text, json, markdown/],
    ['a missing file', ['gate', '--report', 'nope.json'], /nope\.json: report not found/],
    ['an unknown command', ['scan'], /unknown command "scan"/]
  ])('%s is a usage error: exit 2, one line, no stack', async (_n, args, message) => {
    const r = await runCli(args)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3)
    expect(r.stderr).not.toMatch(/\s+at .+:\d+:\d+/)
  })

  it.each([
    ['empty', ''],
    ['truncated', '{"SchemaVersion": 2, "Results": [{"Target": "a", "Vulnerabilities": [{"VulnerabilityID": "CVE-1", "Sever'],
    ['binary', '\u0000\u0001\u0002\u0003'],
    ['unknown shape', '{"findings": []}'],
    ['SARIF without results', '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}}]}'],
    ['unknown severity', '{"SchemaVersion": 2, "Results": [{"Target": "a", "Vulnerabilities": [{"VulnerabilityID": "CVE-1", "Severity": "SEVERE"}]}]}']
  ])('a %s report fails closed with exit 2 naming the file', async (_n, content) => {
    const file = join(dir(), 'report.json')
    writeFileSync(file, content)
    const r = await runCli(['gate', '--report', file, '--output', 'json'])
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(`${file}: `)
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3)
  })

  it('--help and --version', async () => {
    expect((await runCli(['gate', '--help'])).stdout).toContain('Usage: sgw gate --reports FILE')
    const pkg = JSON.parse(readFileSync(fixture('..', '..', 'package.json'), 'utf8'))
    expect((await runCli(['--version'])).stdout.trim()).toBe(`sgw ${pkg.version}`)
  })
})
