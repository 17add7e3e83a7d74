// Global teardown of the e2e project: stop the shared test cluster (see cluster.ts) if one runs.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Other jest runs registered on the cluster (cluster.ts, registerUser) whose process still lives. */
function otherLiveUsers(dir) {
  const users = `${dir}.users`
  rmSync(join(users, String(process.pid)), { force: true })
  if (!existsSync(users)) return []
  return readdirSync(users).filter((pid) => {
    try {
      process.kill(Number(pid), 0)
      return true
    } catch {
      rmSync(join(users, pid), { force: true })
      return false
    }
  })
}

export default function teardown() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const dir = process.env.SGW_TEST_CLUSTER_DIR || join(tmpdir(), 'sgw-test-cluster')
  const others = otherLiveUsers(dir)
  if (others.length) {
    console.log(`[teardown] the test cluster ${dir} stays up: other test runs use it (pids ${others.join(', ')})`)
    return
  }
  spawnSync('bash', [join(root, 'scripts', 'local-cluster.sh'), 'down'], {
    // The same cluster cluster.ts started: SGW_TEST_CLUSTER_DIR and _PORT_BASE move it aside.
    env: {
      ...process.env,
      PATH: `${join(root, '.tools', 'bin')}:${process.env.PATH}`,
      SGW_CLUSTER_DIR: dir,
      SGW_CLUSTER_PORT_BASE: process.env.SGW_TEST_CLUSTER_PORT_BASE || '16540'
    },
    stdio: 'ignore',
    timeout: 60000
  })
}
