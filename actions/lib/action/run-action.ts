import * as core from '@actions/core'
import { isUserError } from '../errors/user-error.js'

/**
 * Run an action's body: a user error fails the step with its one-line message; anything else is a
 * bug and fails with its stack so it can be reported. `onError` sets the outputs that still mean
 * something when the step fails (e.g. result=fail).
 */
export async function runAction(body: () => Promise<void>, onError?: () => void): Promise<void> {
  try {
    await body()
  } catch (error) {
    onError?.()
    if (isUserError(error)) core.setFailed(error.message)
    else core.setFailed(`Unexpected error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  }
}

export function input(name: string): string {
  return core.getInput(name)
}
