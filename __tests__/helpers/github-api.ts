// A loopback stand-in for GitHub's REST API. Every request is checked against GitHub's published
// OpenAPI description (@octokit/openapi): the operation must exist, path and query parameters
// must be declared, the JSON body must satisfy the request schema, and every answer we give must
// satisfy the response schema. Violations are collected; tests assert there are none.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'

type Schema = Record<string, unknown>
interface Operation {
  method: string
  template: string
  regex: RegExp
  names: string[]
  operationId: string
  spec: Record<string, unknown>
}

let operations: Operation[] | undefined

function loadOperations(): Operation[] {
  if (operations) return operations
  const require = createRequire(import.meta.url)
  const file = require.resolve('@octokit/openapi/generated/api.github.com.deref.json')
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, Record<string, unknown>>> }
  const out: Operation[] = []
  for (const [template, item] of Object.entries(doc.paths)) {
    const names: string[] = []
    const regex = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_m, n: string) => (names.push(n), '([^/]+)'))}$`)
    for (const [method, spec] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue
      out.push({ method: method.toUpperCase(), template, regex, names, operationId: String(spec.operationId), spec })
    }
  }
  // Literal paths before templated ones (/git/refs/tags vs /git/refs/{ref}).
  operations = out.sort((a, b) => a.names.length - b.names.length)
  return operations
}

export function validate(value: unknown, schema: Schema | undefined, at: string, errors: string[]): void {
  if (!schema) return
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const options = (schema.anyOf ?? schema.oneOf) as Schema[]
    const ok = options.some((s) => {
      const e: string[] = []
      validate(value, s, at, e)
      return e.length === 0
    })
    if (!ok) errors.push(`${at}: matches none of the allowed schemas`)
    return
  }
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Schema[]) validate(value, s, at, errors)
  if (value === null) {
    if (schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null')) || schema.type === 'null') return
    if (schema.type !== undefined) errors.push(`${at}: null where ${JSON.stringify(schema.type)} is expected`)
    return
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [schema.type as string] : []
  if (types.length) {
    const actual = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value
    const ok = types.some((t) => t === actual || (t === 'number' && actual === 'integer'))
    if (!ok) {
      errors.push(`${at}: ${actual} where ${types.join('|')} is expected`)
      return
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`)
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in obj)) errors.push(`${at}: missing required "${key}"`)
    const props = (schema.properties ?? {}) as Record<string, Schema>
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) validate(v, props[key], `${at}.${key}`, errors)
      else if (schema.additionalProperties === false) errors.push(`${at}: unknown property "${key}"`)
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => validate(v, schema.items as Schema, `${at}[${i}]`, errors))
}

export interface ApiRequest {
  method: string
  path: string
  operationId: string
  params: Record<string, string>
  query: URLSearchParams
  body: unknown
  headers: IncomingMessage['headers']
}

export interface ApiAnswer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type Handler = (req: ApiRequest) => ApiAnswer | Promise<ApiAnswer>

export interface GitHubApi {
  url: string
  requests: ApiRequest[]
  violations: string[]
  close(): Promise<void>
}

/** Start the stand-in; `handlers` are keyed by operationId (e.g. `issues/create-comment`). */
export async function startGitHubApi(handlers: Record<string, Handler>, token?: string): Promise<GitHubApi> {
  const ops = loadOperations()
  const requests: ApiRequest[] = []
  const violations: string[] = []
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks).toString()
    const send = (a: ApiAnswer) => {
      res.writeHead(a.status, { 'content-type': 'application/json; charset=utf-8', ...a.headers })
      res.end(a.body === undefined ? '' : JSON.stringify(a.body))
    }
    const op = ops.find((o) => o.method === req.method && o.regex.test(url.pathname))
    if (!op) {
      violations.push(`${req.method} ${url.pathname}: no such operation in GitHub's REST API`)
      return send({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } })
    }
    const match = op.regex.exec(url.pathname)!
    const params = Object.fromEntries(op.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]))
    const declared = ((op.spec.parameters ?? []) as { name: string; in: string }[]).filter((p) => p.in === 'query').map((p) => p.name)
    for (const key of url.searchParams.keys()) if (!declared.includes(key)) violations.push(`${op.operationId}: undeclared query parameter "${key}"`)
    let body: unknown
    if (raw) {
      try {
        body = JSON.parse(raw)
      } catch {
        violations.push(`${op.operationId}: request body is not JSON`)
      }
    }
    const requestSchema = ((op.spec.requestBody as Schema | undefined)?.content as Record<string, { schema: Schema }> | undefined)?.['application/json']?.schema
    if (requestSchema && body !== undefined) validate(body, requestSchema, `${op.operationId} request`, violations)
    if (requestSchema && body === undefined && (op.spec.requestBody as Schema).required) violations.push(`${op.operationId}: request body required`)
    if (token && req.headers.authorization !== `token ${token}` && req.headers.authorization !== `Bearer ${token}`) {
      return send({ status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } })
    }
    const request: ApiRequest = { method: req.method!, path: url.pathname, operationId: op.operationId, params, query: url.searchParams, body, headers: req.headers }
    requests.push(request)
    const handler = handlers[op.operationId]
    if (!handler) {
      violations.push(`${op.operationId}: the test did not expect this call`)
      return send({ status: 500, body: { message: 'unexpected call in test' } })
    }
    const answer = await handler(request)
    const responses = (op.spec.responses ?? {}) as Record<string, Schema>
    const declaredResponse = responses[String(answer.status)]
    // 404 is GitHub's answer for anything missing or not visible to the token, on every operation,
    // whether or not the description lists it.
    if (!declaredResponse && answer.status !== 404) violations.push(`${op.operationId}: GitHub does not answer ${answer.status}`)
    else if (declaredResponse) {
      const schema = (declaredResponse.content as Record<string, { schema: Schema }> | undefined)?.['application/json']?.schema
      if (schema && answer.body !== undefined) validate(answer.body, schema, `${op.operationId} ${answer.status} response`, violations)
    }
    send(answer)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

const user = { login: 'github-actions[bot]', id: 41898282, node_id: 'MDM6Qm90NDE4OTgyODI=', avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4', gravatar_id: '', url: 'https://api.github.com/users/github-actions%5Bbot%5D', html_url: 'https://github.com/apps/github-actions', followers_url: 'https://api.github.com/users/github-actions%5Bbot%5D/followers', following_url: 'https://api.github.com/users/github-actions%5Bbot%5D/following{/other_user}', gists_url: 'https://api.github.com/users/github-actions%5Bbot%5D/gists{/gist_id}', starred_url: 'https://api.github.com/users/github-actions%5Bbot%5D/starred{/owner}{/repo}', subscriptions_url: 'https://api.github.com/users/github-actions%5Bbot%5D/subscriptions', organizations_url: 'https://api.github.com/users/github-actions%5Bbot%5D/orgs', repos_url: 'https://api.github.com/users/github-actions%5Bbot%5D/repos', events_url: 'https://api.github.com/users/github-actions%5Bbot%5D/events{/privacy}', received_events_url: 'https://api.github.com/users/github-actions%5Bbot%5D/received_events', type: 'Bot', site_admin: false }

/** Issue comments kept in memory, answered with GitHub's response shapes. */
/** The stand-in for the length of `body`, closed afterwards whatever happens. */
export async function withGitHubApi(handlers: Record<string, Handler>, token: string, body: (api: GitHubApi) => Promise<void>): Promise<void> {
  const api = await startGitHubApi(handlers, token)
  try {
    await body(api)
  } finally {
    await api.close()
  }
}

export function issueCommentStore(): { comments: { id: number; body: string; issue: number }[]; handlers: Record<string, Handler> } {
  const comments: { id: number; body: string; issue: number }[] = []
  let next = 1000
  const shape = (c: { id: number; body: string; issue: number }, owner: string, repo: string) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `https://api.github.com/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `https://api.github.com/repos/${owner}/${repo}/issues/${c.issue}`,
    body: c.body,
    user,
    created_at: '2026-11-23T10:00:00Z',
    updated_at: '2026-11-23T10:00:00Z',
    author_association: 'NONE'
  })
  return {
    comments,
    handlers: {
      'issues/list-comments': (r) => ({ status: 200, body: comments.filter((c) => c.issue === Number(r.params.issue_number)).map((c) => shape(c, r.params.owner, r.params.repo)) }),
      'issues/create-comment': (r) => {
        const c = { id: next++, body: (r.body as { body: string }).body, issue: Number(r.params.issue_number) }
        comments.push(c)
        return { status: 201, body: shape(c, r.params.owner, r.params.repo) }
      },
      'issues/update-comment': (r) => {
        const c = comments.find((x) => x.id === Number(r.params.comment_id))
        if (!c) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } }
        c.body = (r.body as { body: string }).body
        return { status: 200, body: shape(c, r.params.owner, r.params.repo) }
      }
    }
  }
}
