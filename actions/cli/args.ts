// A small flag parser: `--name value`, `--name=value`, repeatable flags, and one clear error for
// anything unknown. Usage errors exit 2.
import { UserError } from '../lib/errors/user-error.js'

export interface FlagSpec {
  /** Flags that may repeat (values collected in order). */
  repeatable?: readonly string[]
  /** Flags that take a value. */
  values: readonly string[]
  /** Flags without a value. */
  switches?: readonly string[]
}

export interface ParsedArgs {
  values: Map<string, string[]>
  switches: Set<string>
  positional: string[]
}

export function parseArgs(argv: readonly string[], spec: FlagSpec, command: string): ParsedArgs {
  const values = new Map<string, string[]>()
  const switches = new Set<string>()
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--')) {
      positional.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    if (spec.switches?.includes(name)) {
      if (eq !== -1) throw new UserError(`sgw ${command}: --${name} takes no value.`)
      switches.add(name)
      continue
    }
    if (!spec.values.includes(name)) throw new UserError(`sgw ${command}: unknown option --${name}; see \`sgw ${command} --help\`.`)
    let value: string
    if (eq !== -1) value = arg.slice(eq + 1)
    else {
      if (i + 1 >= argv.length) throw new UserError(`sgw ${command}: --${name} needs a value.`)
      value = argv[++i]
    }
    const list = values.get(name) ?? []
    if (list.length > 0 && !spec.repeatable?.includes(name)) throw new UserError(`sgw ${command}: --${name} given more than once.`)
    list.push(value)
    values.set(name, list)
  }
  return { values, switches, positional }
}
