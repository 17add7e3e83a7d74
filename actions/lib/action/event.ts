// The event that started the workflow, as the runner gives it: GITHUB_EVENT_NAME and the payload
// file at GITHUB_EVENT_PATH. Outside a runner (the CLI on a laptop) there is no event.
import { existsSync, readFileSync } from 'node:fs'
import { UserError } from '../errors/user-error.js'

export interface RunnerEvent {
  eventName: string
  payload: Record<string, unknown>
}

/** Gives the event name ('' outside a runner) and its parsed payload ({} when there is none);
 * throws a UserError when the payload file exists but is not JSON. */
export function runnerEvent(env: NodeJS.ProcessEnv = process.env): RunnerEvent {
  const path = env.GITHUB_EVENT_PATH
  if (!path || !existsSync(path)) return { eventName: env.GITHUB_EVENT_NAME ?? '', payload: {} }
  try {
    return { eventName: env.GITHUB_EVENT_NAME ?? '', payload: JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> }
  } catch {
    throw new UserError(`GITHUB_EVENT_PATH (${path}) is not a JSON event payload.`)
  }
}
