import { UserError } from '../errors/user-error.js'

/** A report that cannot be read as what it claims to be. Always names the file. */
export function reportError(path: string, problem: string): UserError {
  return new UserError(`${path}: ${problem}`)
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** A line number as tools write them, where 0 (or a negative) is their "no line" placeholder. */
export function lineOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined
}
