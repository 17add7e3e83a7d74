// The coverage gate over a 50 MB LCOV report (10,000 files of a repository), against merely
// reading and parsing the same file in Node (the floor): the same bound as the severity gate's.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeLcovReport } from './make-lcov-report.mjs'
import { compare } from './measure.mjs'

export async function benchCoverage({ root, node, runs = 5 }) {
  const repo = mkdtempSync(join(tmpdir(), 'sgw-bench-coverage-'))
  const report = join(repo, 'lcov.info')
  await makeLcovReport(report, repo)
  // A repository the report covers: git lists its files, as in a real checkout.
  execFileSync('git', ['init', '-q'], { cwd: repo })
  const mb = statSync(report).size / 1024 / 1024
  const cli = join(root, 'dist', 'cli', 'index.js')
  if (!existsSync(cli)) throw new Error('dist/cli/index.js is missing: run npm run build')
  const results = compare(
    {
      'node read+parse': { cmd: node, args: [join(root, 'scripts', 'bench', 'parse-lcov.mjs'), report] },
      'sgw coverage': {
        cmd: node,
        args: [cli, 'coverage', '--report', report, '--output', 'json', '--min-coverage', '0', '--exclude', 'none'],
        allowExit: [0, 1],
        cwd: repo
      }
    },
    runs
  )
  const floor = results['node read+parse']
  const gate = results['sgw coverage']
  // The contenders must agree, or the comparison means nothing.
  const ours = JSON.parse(gate.stdout)
  const theirs = JSON.parse(floor.stdout)
  if (ours.lines.covered !== theirs.covered || ours.lines.total !== theirs.total || ours.files.length !== theirs.files) {
    throw new Error(
      `coverage gate counted ${ours.lines.covered}/${ours.lines.total} in ${ours.files.length} files, the floor ${theirs.covered}/${theirs.total} in ${theirs.files}`
    )
  }
  return {
    title: `Coverage gate over a ${mb.toFixed(0)} MB LCOV report (${theirs.files} files, ${theirs.total} lines), medians of ${runs} runs`,
    rows: [
      ['node read+parse', `${floor.seconds.toFixed(2)} s`, `${floor.maxRssMb.toFixed(0)} MB`],
      ['sgw coverage', `${gate.seconds.toFixed(2)} s`, `${gate.maxRssMb.toFixed(0)} MB`]
    ],
    ratios: [
      { name: 'coverage gate time / node parse time', value: gate.seconds / floor.seconds, limit: 1.3, better: 'lower' },
      { name: 'coverage gate peak memory / node parse peak memory', value: gate.maxRssMb / floor.maxRssMb, limit: 1.5, better: 'lower' }
    ]
  }
}
