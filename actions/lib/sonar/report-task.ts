// report-task.txt: what a SonarQube scanner writes after it has uploaded an analysis (the server,
// the project and the Compute Engine task that will process it). The scanner engine writes one
// `key=value` line per entry (sonar-scanner-engine ReportPublisher: organization (SonarCloud only),
// projectKey, serverUrl, serverVersion, branch, dashboardUrl, ceTaskId, ceTaskUrl); a file written
// through java.util.Properties may add `#` comments and backslash escapes, which are read too.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../errors/user-error.js'

/** Where the scanners put it, relative to the directory they ran in. */
export const REPORT_TASK_LOCATIONS = [
  '.scannerwork/report-task.txt', // sonar-scanner CLI, the npm scanner, SonarSource's scan action
  'target/sonar/report-task.txt', // the Maven plugin
  'build/sonar/report-task.txt', // the Gradle plugin
  '.sonarqube/out/.sonar/report-task.txt' // the .NET scanner
] as const

export interface ReportTask {
  /** The file it came from, as given or found. */
  path: string
  projectKey: string
  /** The server's public URL, as the server told the scanner. */
  serverUrl: string
  /** e.g. 9.9.4.87374, 10.6.0.92116, 2025.1.0.102418; SonarCloud writes 8.0.0.x. */
  serverVersion: string
  dashboardUrl: string
  ceTaskId: string
  ceTaskUrl: string
  /** Present for SonarCloud only. */
  organization: string
  branch: string
}

// Compute Engine task ids are UUIDs in SonarQube's own encoding (AYhSC2-LY0CHkWJxvNA9) or, from
// older servers, dashed hex; anything else is not a task id we will put into a request.
const TASK_ID = /^[A-Za-z0-9_-]{1,64}$/

function unescapeProperty(value: string): string {
  return value.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16))
    return ({ t: '\t', n: '\n', r: '\r', f: '\f' } as Record<string, string>)[c] ?? c
  })
}

/** The entries of a report-task.txt, later keys winning as in java.util.Properties. */
export function readEntries(text: string): Map<string, string> {
  const entries = new Map<string, string>()
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith('!')) continue
    const at = line.search(/(?<!\\)[=:]/)
    if (at < 1) continue
    entries.set(unescapeProperty(line.slice(0, at).trim()), unescapeProperty(line.slice(at + 1).trim()))
  }
  return entries
}

/** Parses the file's text; a user error names the file and what is missing or wrong. */
export function parseReportTask(text: string, path: string): ReportTask {
  if (text.includes('\u0000')) throw new UserError(`${path} is not a report-task.txt: it is binary.`)
  const entries = readEntries(text)
  const get = (key: string) => entries.get(key) ?? ''
  const missing = ['ceTaskId', 'serverUrl', 'projectKey'].filter((k) => !get(k))
  if (missing.length)
    throw new UserError(
      `${path} is not a complete report-task.txt: ${missing.join(', ')} missing. It is written by the SonarQube scanner after it ` +
        `uploaded the analysis; run the scanner first, in the same job.`
    )
  const ceTaskId = get('ceTaskId')
  if (!TASK_ID.test(ceTaskId)) throw new UserError(`${path}: ceTaskId "${ceTaskId.slice(0, 80)}" is not a Compute Engine task id.`)
  let server: URL
  try {
    server = new URL(get('serverUrl'))
  } catch {
    throw new UserError(`${path}: serverUrl "${get('serverUrl').slice(0, 200)}" is not a URL.`)
  }
  if (server.protocol !== 'https:' && server.protocol !== 'http:')
    throw new UserError(`${path}: serverUrl must be an http(s) URL, got "${server.protocol}".`)
  return {
    path,
    projectKey: get('projectKey'),
    serverUrl: get('serverUrl').replace(/\/+$/, ''),
    serverVersion: get('serverVersion'),
    dashboardUrl: get('dashboardUrl'),
    ceTaskId,
    ceTaskUrl: get('ceTaskUrl'),
    organization: get('organization'),
    branch: get('branch')
  }
}

/**
 * The report-task.txt to read: `given` (relative to `cwd`) when set, else the one file found at
 * the scanners' usual places. None, or several (which analysis is meant?), is a user error.
 */
export function locateReportTask(given: string, cwd: string, inputName: string): string {
  if (given) {
    const path = join(cwd, given)
    if (!existsSync(path) || !statSync(path).isFile())
      throw new UserError(`Input "${inputName}": ${given} does not exist (paths are relative to the workspace). Did the scanner run?`)
    return path
  }
  const found = REPORT_TASK_LOCATIONS.filter((p) => existsSync(join(cwd, p)))
  if (found.length === 1) return join(cwd, found[0])
  if (found.length === 0)
    throw new UserError(
      `No report-task.txt in ${REPORT_TASK_LOCATIONS.join(', ')}: run the SonarQube scanner before this step, in the same job, ` +
        `or set "${inputName}" to the file it wrote.`
    )
  throw new UserError(`Several report-task.txt files (${found.join(', ')}): set "${inputName}" to the one of the analysis to gate.`)
}

export function readReportTask(path: string): ReportTask {
  return parseReportTask(readFileSync(path, 'utf8'), path)
}
