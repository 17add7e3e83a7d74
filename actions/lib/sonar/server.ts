// Which server we talk to and how it wants the token. From SonarSource's Web API pages:
// - SonarQube 9.9 LTA: "The token is sent via the login field of HTTP basic authentication,
//   without any password" (docs.sonarsource.com/sonarqube/9.9/extension-guide/web-api).
// - SonarQube 10.0 to 10.x: "SonarQube supports the bearer authentication scheme"; basic with the
//   token and an empty password remains the alternative (10.0-10.2 pages).
// - SonarQube Server 2025.x: bearer recommended; the pages no longer describe basic for tokens
//   (2025.1 and 2025.2 web-api pages).
// - SonarQube Cloud (sonarcloud.io, and sonarqube.us for the US instance): bearer
//   (docs.sonarsource.com/sonarqube-cloud/appendices/web-api). Its report-task.txt says
//   serverVersion=8.0.0.x and carries `organization`, so the version alone cannot tell it apart.
// So: bearer for SonarCloud and for servers whose major version is 10 or more (2025.1 and 25.1
// count as more), basic `token:` below 10. `auth-scheme` overrides the choice.
import type { ReportTask } from './report-task.js'

export const AUTH_SCHEMES = ['auto', 'bearer', 'basic'] as const
export type AuthChoice = (typeof AUTH_SCHEMES)[number]
export type AuthScheme = Exclude<AuthChoice, 'auto'>

export interface SonarServer {
  /** Base URL without a trailing slash; requests go to `${base}/api/...` and nowhere else. */
  base: string
  kind: 'cloud' | 'server'
  /** As report-task.txt says; '' when it does not. */
  version: string
  auth: AuthScheme
  /** Why this scheme, for the log and the 401 message. */
  authReason: string
}

const CLOUD_HOSTS = ['sonarcloud.io', 'sonarqube.us']

export function isCloudHost(hostname: string): boolean {
  return CLOUD_HOSTS.some((h) => hostname === h || hostname.endsWith(`.${h}`))
}

/** 9 for 9.9.4.87374, 10 for 10.6.0.92116, 2025 for 2025.1.0.102418; undefined when unreadable. */
export function majorVersion(version: string): number | undefined {
  const m = /^(\d+)\./.exec(version.trim())
  return m ? Number(m[1]) : undefined
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname)
}

/** A URL for messages: no user:password@, no query. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}${u.pathname}`.replace(/\/+$/, '')
  } catch {
    return '(not a URL)'
  }
}

/**
 * The server to ask: `hostUrl` (the host-url input, already checked; the address the scanner was
 * given) when set, else report-task.txt's serverUrl; its kind from the host and the report's
 * organization; the auth scheme from `choice`, or for auto from the kind and version.
 */
export function resolveServer(report: ReportTask, hostUrl: string, choice: AuthChoice): SonarServer {
  const url = new URL(hostUrl || report.serverUrl)
  const base = `${url.origin}${url.pathname}`.replace(/\/+$/, '')
  const kind = isCloudHost(url.hostname) || report.organization ? 'cloud' : 'server'
  const version = report.serverVersion
  if (choice !== 'auto') return { base, kind, version, auth: choice, authReason: 'set by auth-scheme' }
  if (kind === 'cloud') return { base, kind, version, auth: 'bearer', authReason: "SonarQube Cloud's scheme" }
  const major = majorVersion(version)
  if (major === undefined)
    return { base, kind, version, auth: 'bearer', authReason: 'no serverVersion in report-task.txt: taken for SonarQube 10.0 or later' }
  if (major >= 10) return { base, kind, version, auth: 'bearer', authReason: 'the scheme of SonarQube 10.0 and later' }
  return { base, kind, version, auth: 'basic', authReason: 'the scheme of SonarQube before 10.0' }
}

/** The Authorization header value. Only ever put into a request, never into a message. */
export function authorization(scheme: AuthScheme, token: string): string {
  return scheme === 'bearer' ? `Bearer ${token}` : `Basic ${Buffer.from(`${token}:`).toString('base64')}`
}

/** Every form in which the token could travel, for masking. */
export function tokenForms(token: string): string[] {
  return [token, Buffer.from(`${token}:`).toString('base64')]
}
