// sonar-gate's inputs, parsed once into a typed object; every error names the input and what it
// accepts, and never shows the token. Shared by the action and `sgw sonar`.
import { UserError } from '../lib/errors/user-error.js'
import { parseBoolean, parseChoice, parseDuration, parseWholeNumber } from '../lib/inputs/parse.js'
import { AUTH_SCHEMES, isLoopback, type AuthChoice } from '../lib/sonar/server.js'

export const SonarInput = {
  Token: 'token',
  ReportTask: 'report-task',
  HostUrl: 'host-url',
  AuthScheme: 'auth-scheme',
  Timeout: 'timeout',
  Retries: 'retries',
  AllowNoGate: 'allow-no-gate'
} as const

export const SonarOutput = {
  Result: 'result',
  QualityGateStatus: 'quality-gate-status',
  AnalysisId: 'analysis-id',
  DashboardUrl: 'dashboard-url',
  TaskStatus: 'task-status'
} as const

export const SONAR_DEFAULTS = { timeoutSeconds: 300, retries: 3, maxRetries: 10, requestTimeoutMs: 30_000 } as const

export interface SonarSettings {
  token: string
  /** The report-task.txt to read; '' to look where the scanners write it. */
  reportTask: string
  /** '' to use report-task.txt's serverUrl. */
  hostUrl: string
  authScheme: AuthChoice
  timeoutMs: number
  retries: number
  allowNoGate: boolean
}

type Get = (name: string) => string

/** host-url: an http(s) URL without credentials; '' when not set. */
export function parseHostUrl(raw: string): string {
  const value = raw.trim()
  if (!value) return ''
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UserError(`Input "${SonarInput.HostUrl}" must be the server's URL, such as https://sonarqube.example.com, got "${value}".`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UserError(`Input "${SonarInput.HostUrl}" must be an http(s) URL, got "${url.protocol}//...".`)
  if (url.username || url.password)
    throw new UserError(
      `Input "${SonarInput.HostUrl}" must not carry a user or password: the "${SonarInput.Token}" input is the credential.`
    )
  if (url.search || url.hash) throw new UserError(`Input "${SonarInput.HostUrl}" must be the server's base URL, without a query.`)
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

/** True when requests to `base` would carry the token unencrypted over a network. */
export function sendsTokenInClear(base: string): boolean {
  const url = new URL(base)
  return url.protocol === 'http:' && !isLoopback(url.hostname)
}

export function readSonarSettings(get: Get): SonarSettings {
  const token = get(SonarInput.Token).trim()
  if (!token)
    throw new UserError(
      `Input "${SonarInput.Token}" is required: a SonarQube user token from a secret (\${{ secrets.SONAR_TOKEN }}). It is empty, as ` +
        `secrets are in pull requests from forks.`
    )
  if (/\s/.test(token))
    throw new UserError(`Input "${SonarInput.Token}" must be one token without spaces or line breaks (its value is not shown).`)
  const timeoutSeconds = parseDuration(SonarInput.Timeout, get(SonarInput.Timeout), SONAR_DEFAULTS.timeoutSeconds)
  if (timeoutSeconds <= 0) throw new UserError(`Input "${SonarInput.Timeout}" must be longer than 0, such as 5m or 90s.`)
  const retries = parseWholeNumber(SonarInput.Retries, get(SonarInput.Retries), SONAR_DEFAULTS.retries)
  if (retries > SONAR_DEFAULTS.maxRetries)
    throw new UserError(`Input "${SonarInput.Retries}" must be at most ${SONAR_DEFAULTS.maxRetries}, got ${retries}.`)
  return {
    token,
    reportTask: get(SonarInput.ReportTask).trim(),
    hostUrl: parseHostUrl(get(SonarInput.HostUrl)),
    authScheme: parseChoice(SonarInput.AuthScheme, get(SonarInput.AuthScheme).trim().toLowerCase(), AUTH_SCHEMES, 'auto'),
    timeoutMs: Math.round(timeoutSeconds * 1000),
    retries,
    allowNoGate: parseBoolean(SonarInput.AllowNoGate, get(SonarInput.AllowNoGate), false)
  }
}
