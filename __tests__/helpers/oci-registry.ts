// A loopback OCI registry stand-in: the pull side of the OCI distribution API
// (https://github.com/opencontainers/distribution-spec/blob/main/spec.md), enough for a real client
// built on go-containerregistry (trivy) to pull a single-layer artifact the way `oras push` stores it.
//
// What trivy 0.69.3 (go-containerregistry v0.20.7) sends, per repository it tries:
//   GET /v2/                                   ping; https is tried first, plain http for 127.0.0.1
//                                              (so a TLS ClientHello reaches this server first and is
//                                              answered 400 by Node before any handler: not logged)
//   GET /v2/<name>/manifests/<tag>             Accept: every manifest type (Docker schema 1/2, OCI
//                                              manifest, OCI index, Docker list), comma-separated
//   GET /v2/<name>/blobs/<layer digest>        the layer; size and digest checked against the manifest
// No HEAD, no config blob fetch (the empty config is inlined as `data`). HEAD is served anyway.
//
// Served manifests are OCI image manifests shaped like `oras push --artifact-type …` (oras 1.2,
// image-spec 1.1): the empty config descriptor, one layer with its annotations, a `created`
// annotation. Errors use the distribution error body {"errors":[{"code","message","detail"}]}.
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from './tools.js'
import { TRIVY_DB_LAYER_MEDIA_TYPE, trivyDbLayer } from './trivy-db-artifact.js'

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_EMPTY_CONFIG = 'application/vnd.oci.empty.v1+json'
export const TITLE_ANNOTATION = 'org.opencontainers.image.title'
/** The artifactType trivy-db's release workflow passes to `oras push` (also used for trivy-java-db). */
export const TRIVY_ARTIFACT_TYPE = 'application/vnd.aquasec.trivy.config.v1+json'

export interface RegistryRequest {
  method: string
  path: string
  /** The Accept header, when the client sent one. */
  accept?: string
  userAgent?: string
}

export interface OciRegistry {
  /** `127.0.0.1:<port>`, to be used as `<host>/<repo>:<tag>`. */
  host: string
  /**
   * Store a single-layer artifact under `<repo>:<tag>`. `annotations` are the layer's annotations;
   * default `{"org.opencontainers.image.title": "db.tar.gz"}` as `oras push db.tar.gz:<type>` writes
   * (trivy names the downloaded file after the title and unpacks it by that file name's extension).
   */
  addArtifact(repo: string, tag: string, layerMediaType: string, layer: Buffer, annotations?: Record<string, string>, artifactType?: string): void
  /**
   * From now on, answer every request under `/v2/<repo>/` with `status` and `body` (JSON). Without a
   * body: the distribution error for the status, e.g. 429 → {"errors":[{"code":"TOOMANYREQUESTS",…}]}.
   */
  failWith(repo: string, status: number, body?: object): void
  /** Every HTTP request received, in order. */
  requests: RegistryRequest[]
  close(): Promise<void>
}

interface Blob {
  data: Buffer
  mediaType: string
}

interface Repo {
  tags: Map<string, string>
  manifests: Map<string, { data: Buffer; mediaType: string }>
  blobs: Map<string, Blob>
}

const EMPTY_CONFIG = Buffer.from('{}')

const sha256 = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`

const DEFAULT_ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'UNSUPPORTED', message: 'The operation is unsupported.' },
  401: { code: 'UNAUTHORIZED', message: 'authentication required' },
  403: { code: 'DENIED', message: 'requested access to the resource is denied' },
  404: { code: 'NAME_UNKNOWN', message: 'repository name not known to registry' },
  429: { code: 'TOOMANYREQUESTS', message: 'too many requests' },
  503: { code: 'UNAVAILABLE', message: 'service unavailable' }
}

function errorBody(code: string, message: string, detail?: unknown): object {
  return { errors: [detail === undefined ? { code, message } : { code, message, detail }] }
}

export async function startOciRegistry(): Promise<OciRegistry> {
  const repos = new Map<string, Repo>()
  const failures = new Map<string, { status: number; body: object }>()
  const requests: RegistryRequest[] = []

  const repoOf = (name: string): Repo => {
    let r = repos.get(name)
    if (!r) {
      r = { tags: new Map(), manifests: new Map(), blobs: new Map() }
      repos.set(name, r)
    }
    return r
  }

  const send = (req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string | number>, body: Buffer): void => {
    res.writeHead(status, { 'Docker-Distribution-API-Version': 'registry/2.0', 'Content-Length': body.length, ...headers })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
  const sendJson = (req: IncomingMessage, res: ServerResponse, status: number, body: object): void =>
    send(req, res, status, { 'Content-Type': 'application/json; charset=utf-8' }, Buffer.from(JSON.stringify(body)))

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://registry').pathname
    const method = req.method ?? 'GET'
    const entry: RegistryRequest = { method, path }
    if (req.headers.accept !== undefined) entry.accept = req.headers.accept
    if (req.headers['user-agent'] !== undefined) entry.userAgent = req.headers['user-agent']
    requests.push(entry)

    if (method !== 'GET' && method !== 'HEAD') {
      return sendJson(req, res, 405, errorBody('UNSUPPORTED', 'this registry stand-in is read-only'))
    }
    if (path === '/v2/' || path === '/v2') return sendJson(req, res, 200, {})

    const m = /^\/v2\/(.+)\/(manifests|blobs|tags)\/([^/]+)$/.exec(path)
    if (!m) return sendJson(req, res, 404, errorBody('NAME_UNKNOWN', 'repository name not known to registry'))
    const [, name, kind, ref] = m

    const failure = failures.get(name)
    if (failure) return sendJson(req, res, failure.status, failure.body)

    const repo = repos.get(name)
    if (!repo) return sendJson(req, res, 404, errorBody('NAME_UNKNOWN', 'repository name not known to registry', { name }))

    if (kind === 'tags') {
      if (ref !== 'list') return sendJson(req, res, 404, errorBody('NAME_UNKNOWN', 'unknown endpoint'))
      return sendJson(req, res, 200, { name, tags: [...repo.tags.keys()].sort() })
    }

    if (kind === 'manifests') {
      const digest = ref.startsWith('sha256:') ? ref : repo.tags.get(ref)
      const manifest = digest === undefined ? undefined : repo.manifests.get(digest)
      if (!digest || !manifest) return sendJson(req, res, 404, errorBody('MANIFEST_UNKNOWN', 'manifest unknown', { Tag: ref }))
      const accept = req.headers.accept
      if (accept !== undefined) {
        const types = accept.split(',').map((t) => t.split(';')[0].trim())
        // Like distribution: an OCI manifest is not served to a client that does not accept it.
        if (!types.includes(manifest.mediaType) && !types.includes('*/*')) {
          return sendJson(req, res, 404, errorBody('MANIFEST_UNKNOWN', 'OCI manifest found, but accept header does not support OCI manifests'))
        }
      }
      return send(req, res, 200, { 'Content-Type': manifest.mediaType, 'Docker-Content-Digest': digest }, manifest.data)
    }

    const blob = repo.blobs.get(ref)
    if (!blob) return sendJson(req, res, 404, errorBody('BLOB_UNKNOWN', 'blob unknown to registry', ref))
    return send(req, res, 200, { 'Content-Type': 'application/octet-stream', 'Docker-Content-Digest': ref }, blob.data)
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res)
    } catch (err) {
      sendJson(req, res, 500, errorBody('UNKNOWN', String(err)))
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port

  return {
    host: `127.0.0.1:${port}`,
    requests,
    addArtifact(repoName, tag, layerMediaType, layer, annotations = { [TITLE_ANNOTATION]: 'db.tar.gz' }, artifactType = TRIVY_ARTIFACT_TYPE) {
      const repo = repoOf(repoName)
      const layerDigest = sha256(layer)
      const configDigest = sha256(EMPTY_CONFIG)
      repo.blobs.set(layerDigest, { data: layer, mediaType: layerMediaType })
      repo.blobs.set(configDigest, { data: EMPTY_CONFIG, mediaType: OCI_EMPTY_CONFIG })
      const manifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType,
        config: { mediaType: OCI_EMPTY_CONFIG, digest: configDigest, size: EMPTY_CONFIG.length, data: EMPTY_CONFIG.toString('base64') },
        layers: [{ mediaType: layerMediaType, digest: layerDigest, size: layer.length, annotations }],
        annotations: { 'org.opencontainers.image.created': new Date().toISOString().replace(/\.\d+Z$/, 'Z') }
      }
      const data = Buffer.from(JSON.stringify(manifest))
      const digest = sha256(data)
      repo.manifests.set(digest, { data, mediaType: OCI_MANIFEST })
      repo.tags.set(tag, digest)
    },
    failWith(repoName, status, body) {
      const fallback = DEFAULT_ERRORS[status] ?? { code: 'UNKNOWN', message: `status ${status}` }
      failures.set(repoName, { status, body: body ?? errorBody(fallback.code, fallback.message) })
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      })
  }
}

/**
 * trivy's vulnerability DB for the workflow tests: the test DB (scripts/build-trivy-test-db.sh, with
 * trivy-db's own Go package) served by a loopback OCI registry, the way mirror.gcr.io serves the
 * real one. Gives the registry (close it after) and the `db-repository` value (<host>/aquasec/trivy-db:2).
 */
export async function serveTrivyTestDb(): Promise<{ server: OciRegistry; repository: string }> {
  const built = mkdtempSync(join(tmpdir(), 'sgw-act-trivy-db-'))
  execFileSync('bash', [join(REPO_ROOT, 'scripts', 'build-trivy-test-db.sh'), built], { stdio: 'pipe' })
  const server = await startOciRegistry()
  server.addArtifact('aquasec/trivy-db', '2', TRIVY_DB_LAYER_MEDIA_TYPE, trivyDbLayer(built))
  return { server, repository: `${server.host}/aquasec/trivy-db:2` }
}
