// A loopback release mirror serving real archives built from the real scanners in .tools/bin,
// laid out like GitHub releases (<base>/v<version>/<asset>) with the checksum file the release
// publishes. `tamper` serves a checksum file whose digest does not match.
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, realpathSync, copyFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tool } from './tools.js'

export interface Release {
  version: string
  asset: string
  checksumAsset: string
  archive: Buffer
  sha256: string
}

/** A release archive of a real binary, shaped like the project's own release asset. */
export function buildRelease(name: 'gitleaks' | 'trivy', version: string): Release {
  const dir = mkdtempSync(join(tmpdir(), `sgw-release-${name}-`))
  copyFileSync(realpathSync(tool(name)), join(dir, name))
  const asset = name === 'gitleaks' ? `gitleaks_${version}_linux_x64.tar.gz` : `trivy_${version}_Linux-64bit.tar.gz`
  execFileSync('tar', ['-czf', join(dir, asset), '-C', dir, name])
  const archive = readFileSync(join(dir, asset))
  return { version, asset, checksumAsset: `${name}_${version}_checksums.txt`, archive, sha256: createHash('sha256').update(archive).digest('hex') }
}

export interface Mirror {
  url: string
  requests: string[]
  tamper: boolean
  close(): Promise<void>
}

export async function startMirror(releases: Release[]): Promise<Mirror> {
  const requests: string[] = []
  const state = { tamper: false }
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '')
    for (const r of releases) {
      if (req.url === `/v${r.version}/${r.asset}`) {
        res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': r.archive.length })
        return res.end(r.archive)
      }
      if (req.url === `/v${r.version}/${r.checksumAsset}`) {
        const digest = state.tamper ? createHash('sha256').update('not the archive').digest('hex') : r.sha256
        // Like the real files: every asset of the release, one line each.
        return res.end(`${createHash('sha256').update('other').digest('hex')}  ${r.asset.replace('linux_x64', 'darwin_x64').replace('Linux-64bit', 'macOS-64bit')}\n${digest}  ${r.asset}\n`)
      }
    }
    res.writeHead(404)
    res.end('Not Found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const mirror: Mirror = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    get tamper() {
      return state.tamper
    },
    set tamper(v: boolean) {
      state.tamper = v
    },
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
  return mirror
}

