// A loopback stand-in for GitHub's Actions cache service, speaking the protocol that the installed
// @actions/cache (6.x) speaks:
//
// - Cache service v2 (what github.com runners use: the runner sets ACTIONS_CACHE_SERVICE_V2 and
//   ACTIONS_RESULTS_URL): Twirp JSON at
//   `${ACTIONS_RESULTS_URL}twirp/github.actions.results.api.v1.CacheService/<Method>` with
//   CreateCacheEntry, FinalizeCacheEntryUpload and GetCacheEntryDownloadURL (proto field names,
//   int64 as JSON strings, Twirp error bodies `{"code","msg"}` with the Twirp HTTP statuses), plus
//   SAS-signed Azure Blob URLs that the client writes with Put Blob or Put Block + Put Block List
//   and reads with Get Blob Properties (HEAD) + ranged Get Blob (x-ms-range / Range).
// - The legacy v1 REST API (`${ACTIONS_CACHE_URL}_apis/artifactcache/...`), which the same client
//   uses when GITHUB_SERVER_URL names a GHES host: reserve, PATCH chunks with Content-Range,
//   commit, lookup; its archiveLocation is a signed blob URL on the same blob endpoint.
//
// @actions/cache uses the Azure SDK for downloads only when the URL's host ends in
// `.blob.core.windows.net` (otherwise it falls back to one plain GET). To take the same path as on
// GitHub, signed URLs name `<account>.blob.core.windows.net:<port>` and `env.NODE_OPTIONS` loads a
// small module that resolves exactly that host name to 127.0.0.1 in the child process (what an
// /etc/hosts line would do). Nothing leaves the loopback interface. Pass `blobHost: 'loopback'`
// for plain `http://127.0.0.1:<port>/<account>/...` URLs instead (no NODE_OPTIONS; the client then
// downloads with a single GET).
//
// Every request that does not match the protocol is recorded in `violations`; tests assert none.
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export const TWIRP_SERVICE = 'github.actions.results.api.v1.CacheService'
/** Azure Storage REST version our responses claim when the request names none. */
const STORAGE_VERSION = '2026-02-06'
const CONTAINER = 'actions-cache'
const V1_PREFIX = '/acghubstandin/'

export interface CacheEntry {
  id: number
  /** Which API created it. */
  api: 'v2' | 'v1'
  key: string
  version: string
  scope: string
  blob: string
  /** Order of finalization; "newest" for restore-key matching means the highest. */
  seq: number
  createdAt: Date
  finalized: boolean
  /** Size the client declared (v2 size_bytes / v1 cacheSize and commit size). */
  sizeBytes?: number
  /** The committed blob (undefined until the upload is committed). */
  data?: Buffer
}

export interface RecordedRequest {
  api: 'twirp' | 'blob' | 'v1' | 'unknown'
  operation: string
  method: string
  /** Path and query with the SAS signature redacted. */
  url: string
  status: number
  /** x-ms-range or Range of a blob read. */
  range?: string
  /** Bytes received in the request body. */
  bytesIn: number
  /** Bytes sent in the response body. */
  bytesOut: number
}

export interface CacheServiceOptions {
  /** Scope entries are written to and read from (a runner token carries the ref). */
  scope?: string
  /** Answer CreateCacheEntry as the service does for a read-only token (pull requests from forks). */
  writeDenied?: boolean
  /** 'azure' (default): signed URLs on `<account>.blob.core.windows.net`, resolved to 127.0.0.1 by
   *  the module in env.NODE_OPTIONS. 'loopback': path-style URLs on 127.0.0.1. */
  blobHost?: 'azure' | 'loopback'
}

export interface CacheService {
  /** Variables to give a process so that @actions/cache talks to this server. */
  env: Record<string, string>
  entries: CacheEntry[]
  requests: RecordedRequest[]
  violations: string[]
  /** Base URL of the Twirp/v1 side, e.g. http://127.0.0.1:PORT/ */
  url: string
  /** Host (and port) the signed blob URLs name. */
  blobOrigin: string
  close(): Promise<void>
}

/** The cache version @actions/cache sends: sha256 of paths, compression method and salt '1.0'. */
export function cacheVersion(paths: string[], compressionMethod: 'zstd-without-long' | 'zstd' | 'gzip'): string {
  return createHash('sha256').update([...paths, compressionMethod, '1.0'].join('|')).digest('hex')
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url')
}

/** A token shaped like the runner's ACTIONS_RUNTIME_TOKEN (an RS256 JWT with cache scopes in `ac`). */
function runtimeToken(scope: string, writable: boolean): string {
  const now = Math.floor(Date.now() / 1000)
  const header = { typ: 'JWT', alg: 'RS256', x5t: base64url(randomBytes(20)) }
  const payload = {
    nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
    scp: 'Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:1:2',
    // Permission 1 = read, 3 = read/write, as in the runner's cache scopes claim.
    ac: JSON.stringify([{ Scope: scope, Permission: writable ? 3 : 1 }]),
    iss: 'vstoken.actions.githubusercontent.com',
    aud: 'vso:00000000-0000-0000-0000-000000000000',
    nbf: now - 60,
    exp: now + 6 * 3600
  }
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${base64url(randomBytes(256))}`
}

const DNS_HOOK = (host: string): string => `// Written by __tests__/helpers/actions-cache-server.ts: resolve ${host} to the loopback stand-in.
import dns from 'node:dns'
import { syncBuiltinESMExports } from 'node:module'
const HOST = ${JSON.stringify(host)}
const lookup = dns.lookup
dns.lookup = function (hostname, options, callback) {
  if (typeof options === 'function') { callback = options; options = {} }
  else if (typeof options === 'number') options = { family: options }
  if (typeof hostname === 'string' && hostname.toLowerCase() === HOST) {
    if (options && options.all) process.nextTick(callback, null, [{ address: '127.0.0.1', family: 4 }])
    else process.nextTick(callback, null, '127.0.0.1', 4)
    return {}
  }
  return lookup.call(dns, hostname, options, callback)
}
const promisesLookup = dns.promises.lookup
dns.promises.lookup = async function (hostname, options) {
  if (typeof hostname === 'string' && hostname.toLowerCase() === HOST) {
    const all = typeof options === 'object' && options !== null && options.all
    return all ? [{ address: '127.0.0.1', family: 4 }] : { address: '127.0.0.1', family: 4 }
  }
  return promisesLookup.call(dns.promises, hostname, options)
}
syncBuiltinESMExports()
`

interface Twirp {
  status: number
  body: Record<string, unknown>
}
const twirpError = (status: number, code: string, msg: string): Twirp => ({ status, body: { code, msg } })

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function isKeyValid(key: string): boolean {
  return key.length > 0 && key.length <= 512 && !key.includes(',')
}

interface PendingBlob {
  blocks: Map<string, Buffer>
  blockIdLength?: number
}

export async function startCacheService(options: CacheServiceOptions = {}): Promise<CacheService> {
  const scope = options.scope ?? 'refs/heads/main'
  const blobMode = options.blobHost ?? 'azure'
  const token = runtimeToken(scope, !options.writeDenied)
  const account = 'sgwcachestandin'
  const azureHost = `${account}.blob.core.windows.net`
  const sasKey = randomBytes(32)
  const entries: CacheEntry[] = []
  const requests: RecordedRequest[] = []
  const violations: string[] = []
  const pending = new Map<string, PendingBlob>()
  const v1Chunks = new Map<number, { parts: { start: number; data: Buffer }[] }>()
  let nextId = 1
  let seq = 0
  let port = 0

  const blobOrigin = (): string => (blobMode === 'azure' ? `http://${azureHost}:${port}` : `http://127.0.0.1:${port}/${account}`)
  const blobPath = (blob: string): string => (blobMode === 'azure' ? `/${CONTAINER}/${blob}` : `/${account}/${CONTAINER}/${blob}`)

  function sign(path: string, sp: string, se: string): string {
    return createHmac('sha256', sasKey).update(`${sp}\n${path}\n${se}`).digest('base64')
  }
  function signedUrl(blob: string, sp: 'r' | 'cw'): string {
    const st = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z')
    const se = new Date(Date.now() + 6 * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z')
    const q = new URLSearchParams({ sv: STORAGE_VERSION, st, se, sr: 'b', sp, sig: sign(blobPath(blob), sp, se) })
    return `${blobOrigin()}/${CONTAINER}/${blob}?${q.toString()}`
  }

  function newestMatch(key: string, restoreKeys: string[], version: string): CacheEntry | undefined {
    const candidates = entries.filter((e) => e.finalized && e.version === version && e.scope === scope).sort((a, b) => b.seq - a.seq)
    // GitHub's order: exact primary key, then prefix matches of it, then each restore key in turn
    // (exact, then prefix), the newest entry winning among prefix matches.
    for (const k of [key, ...restoreKeys]) {
      const exact = candidates.find((e) => e.key === k)
      if (exact) return exact
      const prefix = candidates.find((e) => e.key.startsWith(k))
      if (prefix) return prefix
    }
    return undefined
  }

  // ---------------------------------------------------------------- Twirp (cache service v2)
  function checkFields(method: string, body: Record<string, unknown>, allowed: string[]): void {
    for (const field of Object.keys(body)) if (!allowed.includes(field)) violations.push(`${method}: unknown field "${field}"`)
  }
  function str(method: string, body: Record<string, unknown>, names: string[], required: boolean): string | undefined {
    const name = names.find((n) => n in body)
    const value = name === undefined ? undefined : body[name]
    if (value === undefined) {
      if (required) violations.push(`${method}: missing required field "${names[0]}"`)
      return undefined
    }
    if (typeof value !== 'string') {
      violations.push(`${method}: field "${names[0]}" must be a string, got ${JSON.stringify(value)}`)
      return undefined
    }
    return value
  }

  function twirp(method: string, body: Record<string, unknown>): Twirp {
    switch (method) {
      case 'CreateCacheEntry': {
        checkFields(method, body, ['metadata', 'key', 'version'])
        const key = str(method, body, ['key'], true)
        const version = str(method, body, ['version'], true)
        if (!key || !version) return twirpError(400, 'invalid_argument', 'key and version are required')
        if (!isKeyValid(key)) violations.push(`${method}: invalid key ${JSON.stringify(key)}`)
        if (!/^[0-9a-f]{64}$/.test(version)) violations.push(`${method}: version is not a sha256 hex digest: ${version}`)
        if (options.writeDenied) return { status: 200, body: { ok: false, signed_upload_url: '', message: 'cache write denied: token has no writable scopes' } }
        if (entries.some((e) => e.key === key && e.version === version && e.scope === scope)) {
          return twirpError(409, 'already_exists', 'cache entry with the same key, version, and scope already exists')
        }
        const entry: CacheEntry = { id: nextId++, api: 'v2', key, version, scope, blob: `${randomUUID()}`, seq: 0, createdAt: new Date(), finalized: false }
        entries.push(entry)
        pending.set(entry.blob, { blocks: new Map() })
        return { status: 200, body: { ok: true, signed_upload_url: signedUrl(entry.blob, 'cw'), message: '' } }
      }
      case 'FinalizeCacheEntryUpload': {
        checkFields(method, body, ['metadata', 'key', 'size_bytes', 'sizeBytes', 'version'])
        const key = str(method, body, ['key'], true)
        const version = str(method, body, ['version'], true)
        const rawSize = body.size_bytes ?? body.sizeBytes
        if (rawSize === undefined) violations.push(`${method}: missing required field "size_bytes"`)
        const size = typeof rawSize === 'string' && /^\d+$/.test(rawSize) ? Number(rawSize) : typeof rawSize === 'number' ? rawSize : NaN
        if (rawSize !== undefined && !Number.isSafeInteger(size)) violations.push(`${method}: size_bytes is not an int64: ${JSON.stringify(rawSize)}`)
        if (!key || !version) return twirpError(400, 'invalid_argument', 'key and version are required')
        const entry = entries.find((e) => e.key === key && e.version === version && e.scope === scope && !e.finalized)
        if (!entry) {
          violations.push(`${method}: no cache entry reserved for key ${key} version ${version}`)
          return twirpError(404, 'not_found', 'cache entry not found')
        }
        if (!entry.data) {
          violations.push(`${method}: ${key} finalized before its blob was committed`)
          return { status: 200, body: { ok: false, entry_id: '0', message: 'cache entry upload not found' } }
        }
        if (Number.isSafeInteger(size) && size !== entry.data.length) violations.push(`${method}: size_bytes ${size} but the committed blob holds ${entry.data.length} bytes`)
        entry.finalized = true
        entry.sizeBytes = size
        entry.seq = ++seq
        entry.createdAt = new Date()
        return { status: 200, body: { ok: true, entry_id: String(entry.id), message: '' } }
      }
      case 'GetCacheEntryDownloadURL': {
        checkFields(method, body, ['metadata', 'key', 'restore_keys', 'restoreKeys', 'version'])
        const key = str(method, body, ['key'], true)
        const version = str(method, body, ['version'], true)
        const rawRestore = body.restore_keys ?? body.restoreKeys ?? []
        const restoreKeys = Array.isArray(rawRestore) && rawRestore.every((k) => typeof k === 'string') ? (rawRestore as string[]) : []
        if (restoreKeys !== rawRestore) violations.push(`${method}: restore_keys must be an array of strings`)
        if (!key || !version) return twirpError(400, 'invalid_argument', 'key and version are required')
        for (const k of [key, ...restoreKeys]) if (!isKeyValid(k)) violations.push(`${method}: invalid key ${JSON.stringify(k)}`)
        if (restoreKeys.length + 1 > 10) violations.push(`${method}: more than 10 keys`)
        const hit = newestMatch(key, restoreKeys, version)
        if (!hit) return { status: 200, body: { ok: false, signed_download_url: '', matched_key: '' } }
        return { status: 200, body: { ok: true, signed_download_url: signedUrl(hit.blob, 'r'), matched_key: hit.key } }
      }
      default:
        violations.push(`twirp: unknown method ${method}`)
        return twirpError(404, 'bad_route', `no handler for path "/twirp/${TWIRP_SERVICE}/${method}"`)
    }
  }

  async function handleTwirp(req: IncomingMessage, res: ServerResponse, path: string, rec: RecordedRequest): Promise<void> {
    const body = await readBody(req)
    rec.bytesIn = body.length
    const send = (t: Twirp): void => {
      const text = JSON.stringify(t.body)
      rec.status = t.status
      rec.bytesOut = Buffer.byteLength(text)
      res.writeHead(t.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
      res.end(text)
    }
    const prefix = `/twirp/${TWIRP_SERVICE}/`
    if (!path.startsWith(prefix)) {
      violations.push(`twirp: unknown service path ${path}`)
      return send(twirpError(404, 'bad_route', `no handler for path "${path}"`))
    }
    const method = path.slice(prefix.length)
    rec.operation = method
    if (req.method !== 'POST') {
      violations.push(`twirp ${method}: HTTP method ${req.method}, Twirp only allows POST`)
      return send(twirpError(404, 'bad_route', `unsupported method "${req.method}" (only POST is allowed)`))
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    if (contentType !== 'application/json') {
      violations.push(`twirp ${method}: Content-Type ${JSON.stringify(req.headers['content-type'])}, expected application/json`)
      return send(twirpError(404, 'bad_route', `unexpected Content-Type: ${JSON.stringify(req.headers['content-type'])}`))
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      violations.push(`twirp ${method}: missing or wrong bearer token`)
      return send(twirpError(401, 'unauthenticated', 'invalid or missing token'))
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(body.toString('utf8'))
    } catch {
      violations.push(`twirp ${method}: body is not JSON`)
      return send(twirpError(400, 'malformed', 'the json request could not be decoded'))
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      violations.push(`twirp ${method}: body is not a JSON object`)
      return send(twirpError(400, 'malformed', 'the json request could not be decoded'))
    }
    send(twirp(method, parsed as Record<string, unknown>))
  }

  // ---------------------------------------------------------------- Azure Blob REST
  function blobError(res: ServerResponse, rec: RecordedRequest, status: number, code: string, message: string, head = false): void {
    const requestId = randomUUID()
    const text = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${xmlEscape(message)}\nRequestId:${requestId}\nTime:${new Date().toISOString()}</Message></Error>`
    rec.status = status
    res.writeHead(status, {
      'Content-Type': 'application/xml',
      'Content-Length': head ? 0 : Buffer.byteLength(text),
      'x-ms-error-code': code,
      'x-ms-request-id': requestId,
      'x-ms-version': STORAGE_VERSION,
      Date: new Date().toUTCString()
    })
    res.end(head ? undefined : text)
    if (!head) rec.bytesOut = Buffer.byteLength(text)
  }

  function etagOf(data: Buffer): string {
    return `"0x${createHash('sha256').update(data).digest('hex').slice(0, 15).toUpperCase()}"`
  }

  async function handleBlob(req: IncomingMessage, res: ServerResponse, url: URL, path: string, rec: RecordedRequest): Promise<void> {
    rec.api = 'blob'
    const method = req.method ?? 'GET'
    const body = method === 'PUT' ? await readBody(req) : Buffer.alloc(0)
    if (method !== 'PUT') req.resume()
    rec.bytesIn = body.length
    const head = method === 'HEAD'
    const common = (): Record<string, string> => {
      const h: Record<string, string> = {
        'x-ms-request-id': randomUUID(),
        'x-ms-version': (req.headers['x-ms-version'] as string | undefined) ?? url.searchParams.get('sv') ?? STORAGE_VERSION,
        Date: new Date().toUTCString()
      }
      const clientId = req.headers['x-ms-client-request-id']
      if (typeof clientId === 'string') h['x-ms-client-request-id'] = clientId
      return h
    }
    const containerPrefix = blobMode === 'azure' ? `/${CONTAINER}/` : `/${account}/${CONTAINER}/`
    if (!path.startsWith(containerPrefix)) {
      violations.push(`blob ${method} ${path}: not a blob in the ${CONTAINER} container`)
      return blobError(res, rec, 404, 'ContainerNotFound', 'The specified container does not exist.', head)
    }
    const blob = decodeURIComponent(path.slice(containerPrefix.length))
    // Shared access signature: the client must send the URL it was given, unchanged.
    const sp = url.searchParams.get('sp') ?? ''
    const se = url.searchParams.get('se') ?? ''
    const sig = url.searchParams.get('sig') ?? ''
    if (!sig || sign(path, sp, se) !== sig || Date.parse(se) < Date.now()) {
      violations.push(`blob ${method} ${blob}: missing, altered or expired shared access signature`)
      return blobError(res, rec, 403, 'AuthenticationFailed', 'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.', head)
    }
    const comp = url.searchParams.get('comp')
    const allowedQuery = new Set(['sv', 'st', 'se', 'sr', 'sp', 'sig', 'comp', 'blockid', 'timeout'])
    for (const name of url.searchParams.keys()) if (!allowedQuery.has(name)) violations.push(`blob ${method} ${blob}: unexpected query parameter ${name}`)

    if (method === 'PUT') {
      rec.operation = comp === 'block' ? 'PutBlock' : comp === 'blocklist' ? 'PutBlockList' : comp === null ? 'PutBlob' : `PUT comp=${comp}`
      if (!sp.includes('w')) {
        violations.push(`blob ${rec.operation} ${blob}: signature does not permit writes`)
        return blobError(res, rec, 403, 'AuthorizationPermissionMismatch', 'This request is not authorized to perform this operation using this permission.')
      }
      const declared = req.headers['content-length']
      if (declared === undefined) {
        violations.push(`blob ${rec.operation} ${blob}: no Content-Length`)
        return blobError(res, rec, 411, 'MissingContentLengthHeader', 'Content-Length header is required.')
      }
      if (Number(declared) !== body.length) violations.push(`blob ${rec.operation} ${blob}: Content-Length ${declared} but ${body.length} bytes received`)
      const upload = pending.get(blob)
      const entry = entries.find((e) => e.blob === blob)
      if (!upload || !entry) {
        violations.push(`blob ${rec.operation} ${blob}: write to a blob no reservation handed out, or after it was finalized`)
        return blobError(res, rec, 409, 'BlobImmutableDueToPolicy', 'This operation is not permitted on an immutable blob.')
      }
      if (comp === 'block') {
        const blockId = url.searchParams.get('blockid')
        if (!blockId || !/^[A-Za-z0-9+/]+={0,2}$/.test(blockId) || Buffer.from(blockId, 'base64').length > 64) {
          violations.push(`blob PutBlock ${blob}: blockid missing or not base64 of at most 64 bytes: ${blockId}`)
          return blobError(res, rec, 400, 'InvalidQueryParameterValue', 'Value for one of the query parameters specified in the request URI is invalid.')
        }
        if (upload.blockIdLength !== undefined && upload.blockIdLength !== blockId.length) {
          violations.push(`blob PutBlock ${blob}: block ids of different lengths in one blob`)
          return blobError(res, rec, 400, 'InvalidBlobOrBlock', 'The specified blob or block content is invalid.')
        }
        upload.blockIdLength = blockId.length
        upload.blocks.set(blockId, body)
        rec.status = 201
        res.writeHead(201, { ...common(), 'Content-Length': 0, 'Content-MD5': createHash('md5').update(body).digest('base64'), 'x-ms-request-server-encrypted': 'true' })
        return void res.end()
      }
      if (comp === 'blocklist') {
        const xml = body.toString('utf8')
        if (!/^(<\?xml[^>]*\?>)?\s*<BlockList>[\s\S]*<\/BlockList>\s*$/.test(xml)) {
          violations.push(`blob PutBlockList ${blob}: body is not a <BlockList> document`)
          return blobError(res, rec, 400, 'InvalidXmlDocument', 'XML specified is not syntactically valid.')
        }
        const ids = [...xml.matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map((m) => m[2])
        const missing = ids.filter((id) => !upload.blocks.has(id))
        if (ids.length === 0 || missing.length > 0) {
          violations.push(`blob PutBlockList ${blob}: ${ids.length === 0 ? 'empty block list' : `unknown block ids ${missing.join(', ')}`}`)
          return blobError(res, rec, 400, 'InvalidBlockList', 'The specified block list is invalid.')
        }
        entry.data = Buffer.concat(ids.map((id) => upload.blocks.get(id) as Buffer))
        upload.blocks.clear()
      } else if (comp === null) {
        if (req.headers['x-ms-blob-type'] !== 'BlockBlob') {
          violations.push(`blob PutBlob ${blob}: x-ms-blob-type is ${JSON.stringify(req.headers['x-ms-blob-type'])}, expected BlockBlob`)
          return blobError(res, rec, 400, 'MissingRequiredHeader', 'An HTTP header that is mandatory for this request is not specified.')
        }
        entry.data = body
      } else {
        violations.push(`blob PUT ${blob}: unsupported comp=${comp}`)
        return blobError(res, rec, 400, 'InvalidQueryParameterValue', `Value for one of the query parameters specified in the request URI is invalid: comp=${comp}`)
      }
      const data = entry.data
      rec.status = 201
      res.writeHead(201, {
        ...common(),
        'Content-Length': 0,
        ETag: etagOf(data),
        'Last-Modified': new Date().toUTCString(),
        ...(comp === null ? { 'Content-MD5': createHash('md5').update(data).digest('base64') } : {}),
        'x-ms-request-server-encrypted': 'true'
      })
      return void res.end()
    }

    if (method === 'GET' || method === 'HEAD') {
      rec.operation = head ? 'GetBlobProperties' : 'GetBlob'
      if (comp !== null) {
        violations.push(`blob ${method} ${blob}: unsupported comp=${comp}`)
        return blobError(res, rec, 400, 'InvalidQueryParameterValue', `Value for one of the query parameters specified in the request URI is invalid: comp=${comp}`, head)
      }
      if (!sp.includes('r')) {
        violations.push(`blob ${rec.operation} ${blob}: signature does not permit reads`)
        return blobError(res, rec, 403, 'AuthorizationPermissionMismatch', 'This request is not authorized to perform this operation using this permission.', head)
      }
      const entry = entries.find((e) => e.blob === blob && e.finalized && e.data)
      if (!entry || !entry.data) {
        violations.push(`blob ${rec.operation} ${blob}: read of a blob that is not committed and finalized`)
        return blobError(res, rec, 404, 'BlobNotFound', 'The specified blob does not exist.', head)
      }
      const data = entry.data
      const etag = etagOf(data)
      const ifMatch = req.headers['if-match']
      if (ifMatch && ifMatch !== '*' && ifMatch !== etag) return blobError(res, rec, 412, 'ConditionNotMet', 'The condition specified using HTTP conditional header(s) is not met.', head)
      const headers: Record<string, string | number> = {
        ...common(),
        'Content-Type': 'application/octet-stream',
        ETag: etag,
        'Last-Modified': entry.createdAt.toUTCString(),
        'Accept-Ranges': 'bytes',
        'x-ms-blob-type': 'BlockBlob',
        'x-ms-creation-time': entry.createdAt.toUTCString(),
        'x-ms-lease-status': 'unlocked',
        'x-ms-lease-state': 'available',
        'x-ms-server-encrypted': 'true'
      }
      if (head) {
        rec.status = 200
        res.writeHead(200, { ...headers, 'Content-Length': data.length, 'x-ms-access-tier': 'Hot', 'x-ms-access-tier-inferred': 'true' })
        return void res.end()
      }
      const rangeHeader = (req.headers['x-ms-range'] as string | undefined) ?? req.headers.range
      if (rangeHeader === undefined) {
        rec.status = 200
        rec.bytesOut = data.length
        res.writeHead(200, { ...headers, 'Content-Length': data.length })
        return void res.end(data)
      }
      rec.range = rangeHeader
      const m = /^bytes=(\d+)-(\d*)$/.exec(rangeHeader.trim())
      if (!m) {
        violations.push(`blob GetBlob ${blob}: malformed range ${JSON.stringify(rangeHeader)}`)
        return blobError(res, rec, 416, 'InvalidRange', 'The range specified is invalid for the current size of the resource.')
      }
      const start = Number(m[1])
      const end = Math.min(m[2] === '' ? data.length - 1 : Number(m[2]), data.length - 1)
      if (start >= data.length || end < start) return blobError(res, rec, 416, 'InvalidRange', 'The range specified is invalid for the current size of the resource.')
      const slice = data.subarray(start, end + 1)
      if (req.headers['x-ms-range-get-content-md5'] === 'true') headers['Content-MD5'] = createHash('md5').update(slice).digest('base64')
      rec.status = 206
      rec.bytesOut = slice.length
      res.writeHead(206, { ...headers, 'Content-Length': slice.length, 'Content-Range': `bytes ${start}-${end}/${data.length}` })
      return void res.end(slice)
    }

    rec.operation = `${method} blob`
    violations.push(`blob ${method} ${blob}: unsupported HTTP method`)
    return blobError(res, rec, 405, 'UnsupportedHttpVerb', 'The resource doesn\'t support specified Http Verb.', head)
  }

  // ---------------------------------------------------------------- legacy v1 (_apis/artifactcache)
  async function handleV1(req: IncomingMessage, res: ServerResponse, url: URL, path: string, rec: RecordedRequest): Promise<void> {
    rec.api = 'v1'
    const method = req.method ?? 'GET'
    const body = await readBody(req)
    rec.bytesIn = body.length
    const json = (status: number, value?: unknown): void => {
      rec.status = status
      if (value === undefined) {
        res.writeHead(status, { 'Content-Length': 0 })
        return void res.end()
      }
      const text = JSON.stringify(value)
      rec.bytesOut = Buffer.byteLength(text)
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8; api-version=6.0-preview.1', 'Content-Length': Buffer.byteLength(text) })
      res.end(text)
    }
    const resource = path.slice(`${V1_PREFIX}_apis/artifactcache/`.length)
    if (req.headers.authorization !== `Bearer ${token}`) {
      violations.push(`v1 ${method} ${resource}: missing or wrong bearer token`)
      return json(401, { message: 'Unauthorized' })
    }
    const accept = req.headers.accept ?? ''
    if (method !== 'PATCH' && !accept.includes('api-version=6.0-preview.1')) violations.push(`v1 ${method} ${resource}: Accept ${JSON.stringify(accept)} lacks api-version=6.0-preview.1`)
    const parseJson = (): Record<string, unknown> | undefined => {
      try {
        const v = JSON.parse(body.toString('utf8')) as unknown
        if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>
      } catch {
        /* fall through */
      }
      violations.push(`v1 ${method} ${resource}: body is not a JSON object`)
      return undefined
    }
    const describe = (e: CacheEntry): Record<string, unknown> => ({ scope: e.scope, cacheKey: e.key, cacheVersion: e.version, creationTime: e.createdAt.toISOString(), archiveLocation: signedUrl(e.blob, 'r') })

    if (method === 'GET' && resource === 'cache') {
      rec.operation = 'v1.GetCacheEntry'
      const keys = (url.searchParams.get('keys') ?? '').split(',')
      const version = url.searchParams.get('version') ?? ''
      if (!keys[0] || !version) {
        violations.push('v1 GetCacheEntry: keys and version are required')
        return json(400, { message: 'keys and version are required' })
      }
      const hit = newestMatch(keys[0], keys.slice(1), version)
      return hit ? json(200, describe(hit)) : json(204)
    }
    if (method === 'GET' && resource === 'caches') {
      rec.operation = 'v1.ListCaches'
      const key = url.searchParams.get('key') ?? ''
      const list = entries.filter((e) => e.finalized && e.key === key).map(describe)
      return json(200, { totalCount: list.length, artifactCaches: list })
    }
    if (method === 'POST' && resource === 'caches') {
      rec.operation = 'v1.ReserveCache'
      const req1 = parseJson()
      if (!req1) return json(400, { message: 'Invalid request body' })
      const key = typeof req1.key === 'string' ? req1.key : ''
      const version = typeof req1.version === 'string' ? req1.version : ''
      if (!key || !version) {
        violations.push('v1 ReserveCache: key and version are required')
        return json(400, { message: 'key and version are required' })
      }
      if (!isKeyValid(key)) violations.push(`v1 ReserveCache: invalid key ${JSON.stringify(key)}`)
      if (options.writeDenied) return json(403, { message: 'cache write denied: token has no writable scopes' })
      if (entries.some((e) => e.key === key && e.version === version && e.scope === scope)) {
        return json(409, { $id: '1', innerException: null, message: `Cache already exists. Scope: ${scope}, Key: ${key}, Version: ${version}`, typeName: 'Microsoft.Azure.DevOps.PipelineCache.WebApi.ArtifactCacheAlreadyExistsException, Microsoft.Azure.DevOps.PipelineCache.WebApi', typeKey: 'ArtifactCacheAlreadyExistsException', errorCode: 0, eventId: 3000 })
      }
      const entry: CacheEntry = { id: nextId++, api: 'v1', key, version, scope, blob: randomUUID(), seq: 0, createdAt: new Date(), finalized: false, sizeBytes: typeof req1.cacheSize === 'number' ? req1.cacheSize : undefined }
      entries.push(entry)
      v1Chunks.set(entry.id, { parts: [] })
      return json(201, { cacheId: entry.id })
    }
    const idMatch = /^caches\/(\d+)$/.exec(resource)
    if (idMatch && (method === 'PATCH' || method === 'POST')) {
      const id = Number(idMatch[1])
      const entry = entries.find((e) => e.id === id && e.api === 'v1')
      const chunks = v1Chunks.get(id)
      rec.operation = method === 'PATCH' ? 'v1.UploadChunk' : 'v1.CommitCache'
      if (!entry || !chunks || entry.finalized) {
        violations.push(`v1 ${rec.operation}: unknown or already committed cache id ${id}`)
        return json(404, { message: `Cache ${id} not found` })
      }
      if (method === 'PATCH') {
        const range = /^bytes (\d+)-(\d+)\/\*$/.exec(req.headers['content-range'] ?? '')
        if (!range) {
          violations.push(`v1 UploadChunk: Content-Range ${JSON.stringify(req.headers['content-range'])} is not "bytes start-end/*"`)
          return json(400, { message: 'Invalid Content-Range' })
        }
        if (req.headers['content-type'] !== 'application/octet-stream') violations.push(`v1 UploadChunk: Content-Type ${JSON.stringify(req.headers['content-type'])}`)
        const start = Number(range[1])
        if (Number(range[2]) - start + 1 !== body.length) violations.push(`v1 UploadChunk: Content-Range ${range[0]} but ${body.length} bytes received`)
        chunks.parts.push({ start, data: body })
        return json(204)
      }
      const commit = parseJson()
      if (!commit || typeof commit.size !== 'number') {
        violations.push('v1 CommitCache: size is required')
        return json(400, { message: 'size is required' })
      }
      const parts = chunks.parts.sort((a, b) => a.start - b.start)
      let offset = 0
      for (const p of parts) {
        if (p.start !== offset) violations.push(`v1 CommitCache: chunks are not contiguous at offset ${offset}`)
        offset = p.start + p.data.length
      }
      if (offset !== commit.size) violations.push(`v1 CommitCache: size ${commit.size} but ${offset} bytes uploaded`)
      entry.data = Buffer.concat(parts.map((p) => p.data))
      entry.sizeBytes = commit.size
      entry.finalized = true
      entry.seq = ++seq
      entry.createdAt = new Date()
      v1Chunks.delete(id)
      return json(204)
    }
    rec.operation = `${method} ${resource}`
    violations.push(`v1: unknown endpoint ${method} ${resource}`)
    return json(404, { message: 'Not found' })
  }

  // ---------------------------------------------------------------- dispatch
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
    const path = url.pathname
    const redacted = `${path}${url.search.replace(/([?&]sig=)[^&]*/, '$1REDACTED')}`
    const rec: RecordedRequest = { api: 'unknown', operation: '', method: req.method ?? '', url: redacted, status: 0, bytesIn: 0, bytesOut: 0 }
    requests.push(rec)
    const host = (req.headers.host ?? '').toLowerCase()
    const isBlob = blobMode === 'azure' ? host === `${azureHost}:${port}` : path.startsWith(`/${account}/`)
    let work: Promise<void>
    if (isBlob) work = handleBlob(req, res, url, path, rec)
    else if (path.startsWith('/twirp/')) {
      rec.api = 'twirp'
      work = handleTwirp(req, res, path, rec)
    } else if (path.startsWith(`${V1_PREFIX}_apis/artifactcache/`)) work = handleV1(req, res, url, path, rec)
    else {
      violations.push(`unknown endpoint ${req.method} ${redacted} (Host: ${host})`)
      req.resume()
      rec.status = 404
      res.writeHead(404, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ code: 'bad_route', msg: `no handler for path "${path}"` }))
      return
    }
    work.catch((error: unknown) => {
      violations.push(`stand-in error on ${req.method} ${redacted}: ${error instanceof Error ? error.stack : String(error)}`)
      if (!res.headersSent) {
        rec.status = 500
        res.writeHead(500, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ code: 'internal', msg: 'stand-in error' }))
      } else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port

  const hookDir = mkdtempSync(join(tmpdir(), 'sgw-cache-standin-'))
  const env: Record<string, string> = {
    ACTIONS_CACHE_SERVICE_V2: 'True',
    ACTIONS_RESULTS_URL: `http://127.0.0.1:${port}/`,
    ACTIONS_CACHE_URL: `http://127.0.0.1:${port}${V1_PREFIX}`,
    ACTIONS_RUNTIME_TOKEN: token
  }
  if (blobMode === 'azure') {
    const hook = join(hookDir, 'resolve-blob-host.mjs')
    writeFileSync(hook, DNS_HOOK(azureHost))
    env.NODE_OPTIONS = `--import=${pathToFileURL(hook).href}`
  }

  return {
    env,
    entries,
    requests,
    violations,
    url: `http://127.0.0.1:${port}/`,
    blobOrigin: blobOrigin(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          rmSync(hookDir, { recursive: true, force: true })
          resolve()
        })
      })
  }
}
