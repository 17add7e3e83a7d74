// `sgw sonar`: the code-quality gate of actions/sonar-gate from a laptop or another CI: reads
// report-task.txt, waits for the analysis and judges its quality gate. The token comes from
// SONAR_TOKEN in the environment, never a flag, so that it stays out of shell history.
import { parseArgs } from '../cli/args.js'
import { UserError } from '../lib/errors/user-error.js'
import { parseChoice } from '../lib/inputs/parse.js'
import type { Clock } from '../lib/sonar/client.js'
import { formatValue } from '../lib/sonar/metrics.js'
import { sonarSummaryMarkdown } from '../lib/sonar/summary.js'
import { judge, prepare } from './run.js'
import { SonarInput, readSonarSettings } from './settings.js'

export const SONAR_HELP = `Usage: sgw sonar [options]

Waits for SonarQube to process the analysis a scanner uploaded (its report-task.txt) and judges
the quality gate of that analysis, as actions/sonar-gate does. Reads SONAR_TOKEN from the
environment (and SONAR_HOST_URL when --host-url is not given).

  --report-task FILE      report-task.txt (default: the one in .scannerwork/, target/sonar/,
                          build/sonar/ or .sonarqube/out/.sonar/)
  --host-url URL          the server's base URL (default: report-task.txt's serverUrl)
  --auth-scheme S         auto (default), bearer or basic
  --timeout D             how long to wait for the analysis (default 5m)
  --retries N             retries of one request on 429, 5xx or no answer (default 3)
  --allow-no-gate true|false  pass when the project has no quality gate (default false)
  --output text|json|markdown  what to print (default text)

Exit status: 0 pass, 1 fail (red gate, failed task, timeout), 2 usage, input or server error.
`

const VALUE_FLAGS = [...Object.values(SonarInput).filter((n) => n !== SonarInput.Token), 'output']

export async function sonarCommand(
  argv: readonly string[],
  out: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
  deps: { clock?: Clock; cwd?: string } = {}
): Promise<number> {
  const args = parseArgs(argv, { values: VALUE_FLAGS, switches: ['help'] }, 'sonar')
  if (args.switches.has('help')) {
    out(SONAR_HELP)
    return 0
  }
  if (args.positional.length) throw new UserError(`sgw sonar: unexpected argument "${args.positional[0]}".`)
  const output = parseChoice('output', args.values.get('output')?.[0], ['text', 'json', 'markdown'] as const, 'text')
  const get = (name: string): string => {
    if (name === SonarInput.Token) return env.SONAR_TOKEN ?? ''
    if (name === SonarInput.HostUrl) return args.values.get(name)?.[0] ?? env.SONAR_HOST_URL ?? ''
    return args.values.get(name)?.[0] ?? ''
  }
  if (!get(SonarInput.Token).trim()) throw new UserError('set SONAR_TOKEN in the environment to a SonarQube user token.')
  const settings = readSonarSettings(get)
  const prepared = prepare(settings, deps.cwd ?? process.cwd())
  const log = output === 'text' ? (line: string) => out(`${line}\n`) : () => undefined
  for (const line of [...prepared.notes, ...prepared.warnings]) log(line)
  const outcome = await judge(settings, prepared, { log, ...(deps.clock ? { clock: deps.clock } : {}) })
  if (output === 'json') {
    const { task: _task, ...rest } = outcome
    out(`${JSON.stringify({ ...rest, projectKey: prepared.report.projectKey }, null, 2)}\n`)
  } else if (output === 'markdown') out(sonarSummaryMarkdown(outcome, prepared.report, prepared.server))
  else {
    for (const c of outcome.conditions)
      out(
        `  ${c.status.padEnd(5)} ${c.metricKey}: ${formatValue(c.metricKey, c.actualValue) || '-'}` +
          `${c.comparator ? ` (fails when ${c.comparator} ${formatValue(c.metricKey, c.errorThreshold)})` : ''}\n`
      )
    for (const w of outcome.warnings) out(`warning: ${w}\n`)
    out(`${outcome.result.toUpperCase()}: ${outcome.reason}.\n${outcome.dashboardUrl}\n`)
  }
  return outcome.result === 'pass' ? 0 : 1
}
