/**
 * A problem the user can fix (bad input, unreadable report, missing history). Adapters print its
 * message as one to three lines, without a stack trace; anything else is a bug and keeps its stack.
 */
export class UserError extends Error {
  override readonly name = 'UserError'
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError
}

/** The message of any thrown value, for one-line reporting. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
