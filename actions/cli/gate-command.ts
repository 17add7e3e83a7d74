// `sgw gate`: the severity gate on local report files, with the action's engine and flag names.
import { writeFileSync } from 'node:fs'
import { UserError } from '../lib/errors/user-error.js'
import { parseChoice } from '../lib/inputs/parse.js'
import { writeBaseline } from '../lib/policy/baseline.js'
import { gateJson, securitySummaryJson } from '../lib/report/json-report.js'
import { summaryMarkdown } from '../lib/report/markdown.js'
import { buildSarif } from '../lib/report/sarif-writer.js'
import { gateText } from '../lib/report/text.js'
import { resolveReportPaths, runGate } from '../lib/gate/run-gate.js'
import { GateInput, readGateSettings } from '../lib/gate/settings.js'
import { resolveTrustedPolicy, trustedGateConfig } from '../lib/gate/trusted-policy.js'
import { runnerEvent } from '../lib/action/event.js'
import { parseArgs } from './args.js'

export const GATE_HELP = `Usage: sgw gate --reports FILE [--reports FILE ...] [options]

Reads trivy JSON, gitleaks JSON, checkov JSON or SARIF 2.1.0 reports and judges them against
per-severity thresholds, as actions/severity-gate does in CI. A report that says part of the
input was not scanned fails the gate unless --allow-incomplete-scan true.

  --reports FILE             a report file or glob (repeatable; also --report)
  --format F                 auto (default), trivy, gitleaks, checkov, sarif
  --max-critical N|none      default 0 (none or -1: no limit)
  --max-high N|none          default 5
  --max-medium N|none        default 20
  --max-low N|none           default 50
  --max-unknown N|none       default none
  --approval-severities L    severities that need approval within thresholds (default high; "none")
  --secret-severity S        severity of gitleaks secrets (default critical)
  --default-severity S       severity of unmapped checkov checks (default medium)
  --exceptions FILE          exceptions YAML (default .security-exceptions.yml when present)
  --baseline FILE            baseline of known findings
  --new-only true|false      with a baseline, count only new findings (default true)
  --allow-incomplete-scan true|false
                             judge a scan that skipped unparsable files by its findings alone
                             (default false: an incomplete scan fails)
  --policy FILE              repository policy (default security-policy.yml when present)
  --org-policy FILE|shipped  organisation policy the repository policy and flags may only tighten
  --base REF                 review suppressions against REF (as on a pull request): what the
                             change adds to exceptions, baselines, ignore files, policies or inline
                             comments makes a pass needs-approval
  --suppression-review auto|off  on a runner, review pull requests against their base (default auto)
  --expiry-warning-days N    announce exceptions ending within N days (default 14)
  --write-baseline FILE      record the current findings' fingerprints as a baseline (exit 0
                             once written: recording is not judging)
  --sarif-output FILE        write the merged SARIF (also --sarif-out)
  --json-output FILE         write the consolidated JSON report, security-summary.json (also
                             --json-out)
  --output text|json|markdown  what to print on stdout (default text)

Exit status: 0 pass or needs-approval, 1 fail, 2 usage or input error.
`

const VALUE_FLAGS = [GateInput.Reports, 'base', 'write-baseline', 'sarif-output', 'json-output', 'output', ...Object.values(GateInput).filter((n) => n !== GateInput.Reports)] as const
/** The flags' earlier names, still accepted. */
const ALIASES = { report: GateInput.Reports, 'sarif-out': 'sarif-output', 'json-out': 'json-output' }

export async function gateCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const args = parseArgs(argv, { values: VALUE_FLAGS, repeatable: [GateInput.Reports], switches: ['help'], aliases: ALIASES }, 'gate')
  if (args.switches.has('help')) {
    out(GATE_HELP)
    return 0
  }
  if (args.positional.length) throw new UserError(`unexpected argument "${args.positional[0]}"; reports are given with --reports FILE.`)
  const one = (name: string) => args.values.get(name)?.[0]
  const trusted = await resolveTrustedPolicy(readGateSettings(one), { cwd: process.cwd(), ...runnerEvent(), base: one('base') })
  const settings = trusted.settings
  const output = parseChoice('output', one('output'), ['text', 'json', 'markdown'] as const, 'text')
  const patterns = args.values.get(GateInput.Reports) ?? []
  if (patterns.length === 0) throw new UserError('give at least one --reports FILE.')
  const now = new Date()
  const reports = await resolveReportPaths(patterns, '--reports')
  const outcome = runGate({ ...settings, ...trustedGateConfig(trusted), reports, now })

  const baselineOut = one('write-baseline')
  if (baselineOut) writeBaseline(baselineOut, outcome.all, now)
  const sarifOut = one('sarif-output')
  const sarifNotes: string[] = []
  if (sarifOut) {
    const sarif = buildSarif(outcome.all, outcome.tools)
    writeFileSync(sarifOut, sarif.json)
    sarifNotes.push(...sarif.notes)
  }
  const jsonOut = one('json-output')
  if (jsonOut) {
    const inputs = Object.fromEntries([...args.values].map(([k, v]) => [k, v.join(',')]))
    writeFileSync(jsonOut, securitySummaryJson(outcome, { policy: settings.policy, inputs, now }))
  }
  if (output === 'json') out(`${JSON.stringify(gateJson(outcome))}\n`)
  else if (output === 'markdown') out(summaryMarkdown(outcome, { policy: settings.policy, sarifNotes }))
  else out(gateText(outcome, settings.policy))
  // Writing a baseline records the findings as known; judging them is the next run's job.
  if (baselineOut) return 0
  return outcome.result === 'fail' ? 1 : 0
}
