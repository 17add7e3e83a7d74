// Gate over a 77 MB trivy report with 100,000 findings, against reading + JSON.parse-counting the
// same file in Node (the floor), and against a jq one-liner counting severities.
import { mkdtempSync, statSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeTrivyReport } from './make-trivy-report.mjs'
import { compare } from './measure.mjs'

export async function benchGate({ root, node, runs = 5, findings = 100_000 }) {
  const dir = mkdtempSync(join(tmpdir(), 'sgw-bench-gate-'))
  const report = join(dir, 'trivy-100k.json')
  await makeTrivyReport(report, findings)
  const mb = statSync(report).size / 1024 / 1024
  const cli = join(root, 'dist', 'cli', 'index.js')
  if (!existsSync(cli)) throw new Error('dist/cli/index.js is missing: run npm run build')
  const none = ['--max-critical', 'none', '--max-high', 'none', '--max-medium', 'none', '--max-low', 'none']
  const results = compare(
    {
      'node read+parse+count': { cmd: node, args: [join(root, 'scripts', 'bench', 'parse-count.mjs'), report] },
      'sgw gate': { cmd: node, args: [cli, 'gate', '--report', report, '--output', 'json', ...none], allowExit: [0, 1] },
      jq: { cmd: 'jq', args: ['-c', '[.Results[].Vulnerabilities[]?.Severity] | group_by(.) | map({(.[0]): length}) | add', report] }
    },
    runs
  )
  const floor = results['node read+parse+count']
  const gate = results['sgw gate']
  const jq = results.jq
  // The contenders must agree, or the comparison means nothing.
  const gateCounts = JSON.parse(gate.stdout).counts
  const floorCounts = JSON.parse(floor.stdout)
  const expect = { critical: floorCounts.CRITICAL ?? 0, high: floorCounts.HIGH ?? 0, medium: floorCounts.MEDIUM ?? 0, low: floorCounts.LOW ?? 0, unknown: floorCounts.UNKNOWN ?? 0 }
  for (const [k, v] of Object.entries(expect)) if (gateCounts[k] !== v) throw new Error(`gate counted ${k}=${gateCounts[k]}, the floor ${v}`)
  return {
    title: `Gate over a ${mb.toFixed(0)} MB trivy report (${findings} findings), medians of ${runs} runs`,
    rows: [
      ['node read+parse+count', `${floor.seconds.toFixed(2)} s`, `${floor.maxRssMb.toFixed(0)} MB`],
      ['sgw gate', `${gate.seconds.toFixed(2)} s`, `${gate.maxRssMb.toFixed(0)} MB`],
      ['jq', `${jq.seconds.toFixed(2)} s`, `${jq.maxRssMb.toFixed(0)} MB`]
    ],
    ratios: [
      { name: 'gate time / node parse time', value: gate.seconds / floor.seconds, limit: 1.3, better: 'lower' },
      { name: 'gate peak memory / node parse peak memory', value: gate.maxRssMb / floor.maxRssMb, limit: 1.5, better: 'lower' },
      { name: 'jq time / gate time (speed-up over jq)', value: jq.seconds / gate.seconds, limit: 2, better: 'higher' }
    ]
  }
}
