// Extra scanner flags as an argument list: split on whitespace, quotes group words. Nothing is
// expanded and no shell ever sees them.
import { UserError } from '../errors/user-error.js'

export function splitArgs(name: string, raw: string | undefined): string[] {
  const text = raw ?? ''
  const out: string[] = []
  let current = ''
  let quote: '"' | "'" | undefined
  let started = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = undefined
      else if (c === '\\' && quote === '"' && (text[i + 1] === '"' || text[i + 1] === '\\')) current += text[++i]
      else current += c
    } else if (c === '"' || c === "'") {
      quote = c
      started = true
    } else if (/\s/.test(c)) {
      if (started) out.push(current)
      current = ''
      started = false
    } else {
      current += c
      started = true
    }
  }
  if (quote) throw new UserError(`Input "${name}" has an unclosed ${quote} quote.`)
  if (started) out.push(current)
  return out
}

/** Refuse flags the action sets itself, so a user flag cannot turn gating off or move the report. */
export function refuseFlags(name: string, args: readonly string[], reserved: readonly string[]): void {
  for (const arg of args) {
    const flag = arg.split('=')[0]
    if (reserved.includes(flag)) throw new UserError(`Input "${name}" may not set ${flag}: the action sets it to read and gate the report itself.`)
  }
}
