// sgw: the suite's engine on the command line, so anyone can reproduce a gate or a version locally.
import { isUserError, messageOf } from '../lib/errors/user-error.js'

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
// Each command is read when it is run: `sgw gate` does not load Slack's, SonarQube's or the
// coverage readers' code (the bundler gives each a chunk).
const COMMANDS: Record<string, () => Promise<Command>> = {
  gate: async () => (await import('./gate-command.js')).gateCommand,
  coverage: async () => (await import('./coverage-command.js')).coverageCommand,
  version: async () => (await import('./version-command.js')).versionCommand,
  notify: async () => (await import('./notify-command.js')).notifyCommand,
  sonar: async () => (await import('../sonar-gate/command.js')).sonarCommand
}

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
  const load = COMMANDS[name]
  if (!load) {
    err(`sgw: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}.\n`)
    return 2
  }
  try {
    return await (await load())(rest, out)
  } catch (error) {
    if (isUserError(error)) {
      err(`sgw ${name}: ${messageOf(error)}\n`)
      return 2
    }
    err(`sgw ${name}: unexpected error (please report it):\n${error instanceof Error ? error.stack : String(error)}\n`)
    return 3
  }
}
