// Release checksum files: one `<sha256>  <file name>` line per asset (sha256sum's format, with an
// optional `*` marking binary mode).
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

export function checksumFor(checksumFile: string, assetName: string): string | undefined {
  for (const line of checksumFile.split(/\r?\n/)) {
    const m = /^([0-9a-fA-F]{64})\s+\*?(.+?)\s*$/.exec(line)
    if (m && m[2] === assetName) return m[1].toLowerCase()
  }
  return undefined
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
