// `sgw coverage`: the coverage gate on local reports, with the action's engine and input names.
// `--base origin/main` measures the working tree's change since that ref, as on a pull request.
import { writeFileSync } from 'node:fs'
import { diffBase, resolveCoverageReports } from '../coverage-gate/main.js'
import { runnerEvent } from '../lib/action/event.js'
import { changedLines } from '../lib/coverage/changed-lines.js'
import { coverageJson, coverageMarkdown, coverageText } from '../lib/coverage/report.js'
import { runCoverage } from '../lib/coverage/run-coverage.js'
import { CoverageInput, readCoverageSettings } from '../lib/coverage/settings.js'
import { UserError } from '../lib/errors/user-error.js'
import { parseChoice } from '../lib/inputs/parse.js'
import { GitReader } from '../lib/policy/review.js'
import { parseArgs } from './args.js'

export const COVERAGE_HELP = `Usage: sgw coverage --reports FILE [--reports FILE ...] [options]

Reads LCOV, Cobertura XML, JaCoCo XML, coverage.py JSON, Go cover profiles and Istanbul
coverage-final.json / coverage-summary.json (detected from content), merges them into one view of
the repository, and judges line, branch and diff coverage, as actions/coverage-gate does in CI.

  --reports FILE                 a report file or glob (repeatable; also --report)
  --format F                     auto (default), lcov, cobertura, jacoco, coveragepy, go, istanbul,
                                 istanbul-summary
  --min-coverage P               least line coverage in percent (default 70)
  --min-branch-coverage P|none   least branch coverage (default none)
  --min-diff-coverage P|none     least coverage of the changed lines (default 80) when there is a
                                 base: --base, or a pull request on a runner
  --base REF                     measure the change since the merge base of REF and HEAD
  --exclude GLOBS|none           paths left out (default: tests, test data, generated, vendor)
  --json-output FILE             write the JSON document to FILE as well (also --json-out)
  --output text|json|markdown    what to print on stdout (default text)

Exit status: 0 pass, 1 fail, 2 usage or input error (an unreadable report, one that covers no
file of this repository, a base commit missing from the clone).
`

const VALUE_FLAGS = [CoverageInput.Reports, 'output', 'json-output', ...Object.values(CoverageInput).filter((n) => n !== CoverageInput.Reports)] as const
/** The flags' earlier names, still accepted (as sgw gate's). */
const ALIASES = { report: CoverageInput.Reports, 'json-out': 'json-output' }
const ACTION_ONLY: readonly string[] = [
  CoverageInput.Summary,
  CoverageInput.CommentOnPr,
  CoverageInput.GithubToken,
  CoverageInput.MaxAnnotations
]

export async function coverageCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const args = parseArgs(
    argv,
    { values: VALUE_FLAGS.filter((f) => !ACTION_ONLY.includes(f)), repeatable: [CoverageInput.Reports], switches: ['help'], aliases: ALIASES },
    'coverage'
  )
  if (args.switches.has('help')) {
    out(COVERAGE_HELP)
    return 0
  }
  if (args.positional.length)
    throw new UserError(`unexpected argument "${args.positional[0]}"; reports are given with --reports FILE.`)
  const one = (name: string) => args.values.get(name)?.[0]
  const settings = readCoverageSettings(one)
  const output = parseChoice('output', one('output'), ['text', 'json', 'markdown'] as const, 'text')
  const patterns = args.values.get(CoverageInput.Reports) ?? []
  if (patterns.length === 0) throw new UserError('give at least one --reports FILE.')
  const reports = await resolveCoverageReports(patterns, '--reports')
  const cwd = process.cwd()
  const base = diffBase(settings, runnerEvent())
  const changes = base ? await changedLines(new GitReader(cwd), base) : undefined
  const outcome = runCoverage({ ...settings, reports, cwd, changes })
  const json = coverageJson(outcome)
  const jsonOut = one('json-output')
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(json, null, 2)}\n`)
  if (output === 'json') out(`${JSON.stringify(json)}\n`)
  else if (output === 'markdown') out(coverageMarkdown(outcome))
  else out(coverageText(outcome))
  return outcome.result === 'fail' ? 1 : 0
}
