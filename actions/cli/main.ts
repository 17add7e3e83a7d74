// sgw: the suite's engine on the command line, so anyone can reproduce a gate or a version locally.
import { isUserError, messageOf } from '../lib/errors/user-error.js'
import { coverageCommand } from './coverage-command.js'
import { gateCommand } from './gate-command.js'
import { notifyCommand } from './notify-command.js'
import { sonarCommand } from '../sonar-gate/command.js'
import { versionCommand } from './version-command.js'

export const VERSION = '0.1.0'

const HELP = `Usage: sgw <command> [options]

Commands:
  gate       judge scanner reports against severity thresholds (sgw gate --help)
  coverage   judge coverage reports: line, branch and diff coverage (sgw coverage --help)
  version    the version, image tags and changelog of HEAD, as semver-tag computes them (sgw version --help)
  notify     the Slack message slack-notify sends, printed or sent (sgw notify --help)
  sonar      wait for a SonarQube analysis and judge its quality gate, as sonar-gate does (sgw sonar --help)

Options:
  --help     this text
  --version  the sgw version
`

type Command = (argv: readonly string[], out: (text: string) => void) => Promise<number>
const COMMANDS: Record<string, Command> = { gate: gateCommand, coverage: coverageCommand, version: versionCommand, notify: notifyCommand, sonar: sonarCommand }

export async function main(argv: readonly string[], out: (text: string) => void = (t) => process.stdout.write(t), err: (text: string) => void = (t) => process.stderr.write(t)): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out(HELP)
    return name === undefined ? 2 : 0
  }
  if (name === '--version') {
    out(`sgw ${VERSION}\n`)
    return 0
  }
  const command = COMMANDS[name]
  if (!command) {
    err(`sgw: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}.\n`)
    return 2
  }
  try {
    return await command(rest, out)
  } catch (error) {
    if (isUserError(error)) {
      err(`sgw ${name}: ${messageOf(error)}\n`)
      return 2
    }
    err(`sgw ${name}: unexpected error (please report it):\n${error instanceof Error ? error.stack : String(error)}\n`)
    return 3
  }
}
