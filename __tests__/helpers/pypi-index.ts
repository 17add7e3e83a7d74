// A loopback Python package index serving the wheels and sdists in one directory, speaking the
// "simple" repository API as PyPI does: PEP 503 HTML (anchors with `#sha256=` fragments) and, by
// content negotiation, PEP 691 JSON. Files are served at /files/<filename>. The directory is read
// and hashed once, when the index starts; the advertised digest is that of the bytes served, as a
// compromised mirror would do it, so that only the client's own pinned hashes can catch a change.
import { createHash } from 'node:crypto'
import { createReadStream, readdirSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

export interface PypiIndex {
  /** Base URL; pip's --index-url is `${url}/simple/`. */
  url: string
  /** Every request path, in order. */
  requests: string[]
  close(): Promise<void>
}

interface Dist {
  filename: string
  path: string
  project: string
  size: number
  sha256: string
}

/** PEP 503 normalized name. */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase()
}

const SDIST = /\.(tar\.gz|zip|tar\.bz2|tar\.xz|tgz)$/

/** The project a distribution file belongs to (wheel: PEP 427 name; sdist: `<name>-<version>.<ext>`). */
export function projectOf(filename: string): string | undefined {
  if (filename.endsWith('.whl')) {
    const parts = filename.slice(0, -4).split('-')
    return parts.length >= 5 ? normalizeName(parts[0]) : undefined
  }
  const m = SDIST.exec(filename)
  if (!m) return undefined
  const stem = filename.slice(0, m.index)
  const dash = stem.lastIndexOf('-')
  return dash > 0 ? normalizeName(stem.slice(0, dash)) : undefined
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s)
  } catch {
    return undefined
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

const HTML = 'application/vnd.pypi.simple.v1+html'
const JSON_TYPE = 'application/vnd.pypi.simple.v1+json'

/** PEP 691 content negotiation: the acceptable type with the highest q (ties go to the first listed). */
function negotiate(req: IncomingMessage, url: URL): typeof HTML | typeof JSON_TYPE | 'text/html' | undefined {
  const format = url.searchParams.get('format')
  if (format) return format === JSON_TYPE ? JSON_TYPE : format === HTML ? HTML : format === 'text/html' ? 'text/html' : undefined
  const accept = req.headers.accept
  if (!accept) return 'text/html'
  let best: { type: typeof HTML | typeof JSON_TYPE | 'text/html'; q: number } | undefined
  for (const part of accept.split(',')) {
    const [media, ...params] = part.trim().split(';').map((s) => s.trim())
    const qParam = params.find((p) => p.startsWith('q='))
    const q = qParam ? Number(qParam.slice(2)) : 1
    const type = media === JSON_TYPE ? JSON_TYPE : media === HTML ? HTML : media === 'text/html' || media === '*/*' || media === 'text/*' ? 'text/html' : undefined
    if (type && q > 0 && (!best || q > best.q)) best = { type, q }
  }
  return best?.type
}

export async function startPypiIndex(dir: string): Promise<PypiIndex> {
  const dists: Dist[] = []
  for (const filename of readdirSync(dir).sort()) {
    const path = join(dir, filename)
    const project = projectOf(filename)
    const st = statSync(path)
    if (!project || !st.isFile()) continue
    dists.push({ filename, path, project, size: st.size, sha256: await sha256File(path) })
  }
  const projects = new Map<string, Dist[]>()
  for (const d of dists) projects.set(d.project, [...(projects.get(d.project) ?? []), d])
  const byFilename = new Map(dists.map((d) => [d.filename, d]))
  const requests: string[] = []

  const send = (res: ServerResponse, status: number, type: string, body: string, head: boolean): void => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), vary: 'Accept' })
    res.end(head ? undefined : body)
  }

  const server = createServer((req, res) => {
    requests.push(req.url ?? '')
    const url = new URL(req.url ?? '/', 'http://index.invalid')
    const head = req.method === 'HEAD'
    if (req.method !== 'GET' && !head) return send(res, 405, 'text/plain', 'Method Not Allowed', head)

    if (url.pathname.startsWith('/files/')) {
      const dist = byFilename.get(decode(url.pathname.slice('/files/'.length)) ?? '')
      if (!dist) return send(res, 404, 'text/plain', 'Not Found', head)
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': dist.size })
      if (head) return res.end()
      createReadStream(dist.path)
        .on('error', (err) => res.destroy(err))
        .pipe(res)
      return
    }

    if (url.pathname === '/simple') {
      res.writeHead(301, { location: `/simple/${url.search}` })
      return res.end()
    }
    const root = url.pathname === '/simple/'
    const project = /^\/simple\/([^/]+)(\/?)$/.exec(url.pathname)
    if (!root && !project) return send(res, 404, 'text/plain', 'Not Found', head)
    const type = negotiate(req, url)
    if (!type) return send(res, 406, 'text/plain', `Not Acceptable: ${HTML}, ${JSON_TYPE} or text/html`, head)

    if (!project) {
      const names = [...projects.keys()].sort()
      if (type === JSON_TYPE) return send(res, 200, type, JSON.stringify({ meta: { 'api-version': '1.0' }, projects: names.map((name) => ({ name })) }), head)
      const links = names.map((n) => `    <a href="/simple/${n}/">${n}</a><br/>`).join('\n')
      return send(res, 200, type, `<!DOCTYPE html>\n<html>\n  <head>\n    <meta name="pypi:repository-version" content="1.0">\n    <title>Simple index</title>\n  </head>\n  <body>\n${links}\n  </body>\n</html>\n`, head)
    }

    // PEP 503: the canonical URL is the normalized name with a trailing slash; redirect to it.
    const [, rawName, slash] = project
    const decoded = decode(rawName)
    if (decoded === undefined) return send(res, 400, 'text/plain', 'Bad Request', head)
    const name = normalizeName(decoded)
    if (name !== rawName || !slash) {
      res.writeHead(301, { location: `/simple/${name}/${url.search}` })
      return res.end()
    }
    const files = projects.get(name)
    if (!files) return send(res, 404, 'text/plain', 'Not Found', head)
    if (type === JSON_TYPE) {
      const body = { meta: { 'api-version': '1.0' }, name, files: files.map((d) => ({ filename: d.filename, url: `/files/${encodeURIComponent(d.filename)}`, hashes: { sha256: d.sha256 }, size: d.size })) }
      return send(res, 200, type, JSON.stringify(body), head)
    }
    const links = files.map((d) => `    <a href="/files/${encodeURIComponent(d.filename)}#sha256=${d.sha256}">${escapeHtml(d.filename)}</a><br/>`).join('\n')
    return send(res, 200, type, `<!DOCTYPE html>\n<html>\n  <head>\n    <meta name="pypi:repository-version" content="1.0">\n    <title>Links for ${name}</title>\n  </head>\n  <body>\n    <h1>Links for ${name}</h1>\n${links}\n  </body>\n</html>\n`, head)
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections() // pip keeps connections alive
      })
  }
}
