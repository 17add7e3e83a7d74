// The layer of the trivy-db OCI artifact, built from a DB that scripts/build-trivy-test-db.sh wrote.
//
// As published by trivy-db's release workflow (`tar cvzf db.tar.gz -C assets trivy.db metadata.json`,
// then `oras push --artifact-type application/vnd.aquasec.trivy.config.v1+json <repo>:2
// db.tar.gz:application/vnd.aquasec.trivy.db.layer.v1.tar+gzip`): a gzip'd tar with `trivy.db` and
// `metadata.json` at its root. Trivy 0.69.3 saves the blob as <tmp>/<layer title annotation>, unpacks
// it by that name's extension (go-getter: `.tar.gz`) straight into <cache-dir>/db, reads
// metadata.json and writes DownloadedAt = now back into it. The published metadata carries a zero
// DownloadedAt, so this layer does too (the value the builder wrote is replaced).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export const TRIVY_DB_LAYER_MEDIA_TYPE = 'application/vnd.aquasec.trivy.db.layer.v1.tar+gzip'
/** trivy-db's db.SchemaVersion for trivy 0.69.3; trivy refuses a DB whose metadata Version differs. */
export const TRIVY_DB_SCHEMA_VERSION = 2
const ZERO_TIME = '0001-01-01T00:00:00Z'

/** One ustar entry: 512-byte header, the data, padding to 512. */
function tarEntry(name: string, data: Buffer, mtime: number): Buffer {
  const header = Buffer.alloc(512, 0)
  const put = (value: string, offset: number, length: number) => header.write(value, offset, length, 'ascii')
  const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, '0') + '\0'
  put(name, 0, 100)
  put(octal(0o644, 8), 100, 8)
  put(octal(0, 8), 108, 8) // uid
  put(octal(0, 8), 116, 8) // gid
  put(octal(data.length, 12), 124, 12)
  put(octal(mtime, 12), 136, 12)
  put('        ', 148, 8) // checksum field counts as spaces while summing
  put('0', 156, 1) // regular file
  put('ustar\0', 257, 6)
  put('00', 263, 2)
  put('root', 265, 32)
  put('root', 297, 32)
  let sum = 0
  for (const byte of header) sum += byte
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8)
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512, 0)
  return Buffer.concat([header, data, padding])
}

/** Parse the builder's metadata.json, check what trivy checks, and reset DownloadedAt. */
function publishedMetadata(text: string): Buffer {
  const meta = JSON.parse(text) as { Version?: number; NextUpdate?: string; UpdatedAt?: string; DownloadedAt?: string }
  if (meta.Version !== TRIVY_DB_SCHEMA_VERSION) throw new Error(`metadata.json: Version ${meta.Version}, trivy 0.69.3 needs ${TRIVY_DB_SCHEMA_VERSION}`)
  for (const field of ['NextUpdate', 'UpdatedAt'] as const) {
    if (typeof meta[field] !== 'string' || Number.isNaN(Date.parse(meta[field]))) throw new Error(`metadata.json: ${field} is not a time: ${meta[field]}`)
  }
  return Buffer.from(JSON.stringify({ Version: meta.Version, NextUpdate: meta.NextUpdate, UpdatedAt: meta.UpdatedAt, DownloadedAt: ZERO_TIME }))
}

/**
 * The tar.gz layer of the DB in `dbDir`: the directory holding trivy.db and metadata.json
 * (`<cache>/db`), or the cache directory the build script was given (`<cache>`, it then uses `<cache>/db`).
 */
export function trivyDbLayer(dbDir: string): Buffer {
  const dir = existsSync(join(dbDir, 'trivy.db')) ? dbDir : join(dbDir, 'db')
  if (!existsSync(join(dir, 'trivy.db')) || !existsSync(join(dir, 'metadata.json'))) {
    throw new Error(`no trivy.db + metadata.json in ${dbDir} (build one with scripts/build-trivy-test-db.sh)`)
  }
  const mtime = Math.floor(Date.now() / 1000)
  const tar = Buffer.concat([
    tarEntry('trivy.db', readFileSync(join(dir, 'trivy.db')), mtime),
    tarEntry('metadata.json', publishedMetadata(readFileSync(join(dir, 'metadata.json'), 'utf8')), mtime),
    Buffer.alloc(1024, 0) // end of archive: two zero blocks
  ])
  return gzipSync(tar)
}
