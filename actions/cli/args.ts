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
  /** Old names still accepted, mapped to the current name. */
  aliases?: Readonly<Record<string, string>>
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
    const given = arg.slice(2, eq === -1 ? undefined : eq)
    const name = spec.aliases?.[given] ?? given
    if (spec.switches?.includes(name)) {
      if (eq !== -1) throw new UserError(`sgw ${command}: --${name} takes no value.`)
      switches.add(name)
      continue
    }
    if (!spec.values.includes(name)) {
      const near = closest(name, [...spec.values, ...(spec.switches ?? [])])
      throw new UserError(`sgw ${command}: unknown option --${name}${near ? `; did you mean --${near}?` : ''} See \`sgw ${command} --help\`.`)
    }
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

/** The known name nearest to a mistyped one (edit distance at most 2, or a prefix), if any. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of known) {
    const d = candidate.startsWith(name) || name.startsWith(candidate) ? 1 : editDistance(name, candidate)
    if (d < bestDistance) [best, bestDistance] = [candidate, d]
  }
  return bestDistance <= 2 ? best : undefined
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = row
  }
  return previous[b.length]
}
