// Global setup of the e2e tier: the tests run dist/, as the runner does, so a dist/ built from other
// sources than the checkout's would test old code. Fails with the command to run instead. Also
// names this jest run (its main process) for the shared cluster's user list (cluster.ts).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sourcesDigest } from '../../scripts/sources-digest.mjs'

export default function distFresh() {
  process.env.SGW_TEST_RUNNER_PID = String(process.pid)
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const file = join(root, 'dist', 'sources.sha256')
  const built = existsSync(file) ? readFileSync(file, 'utf8').trim() : ''
  if (built !== sourcesDigest(root)) {
    throw new Error(
      'dist/ was built from other sources than this checkout (dist/sources.sha256 differs): run `npm run build` first; the e2e tests run dist/ as the runner does.'
    )
  }
}
