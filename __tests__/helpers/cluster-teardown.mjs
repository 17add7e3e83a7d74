// Global teardown of the e2e project: stop the shared test cluster (see cluster.ts) if one runs.
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export default function teardown() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
  spawnSync('bash', [join(root, 'scripts', 'local-cluster.sh'), 'down'], {
    // The same cluster cluster.ts started: SGW_TEST_CLUSTER_DIR and _PORT_BASE move it aside.
    env: {
      ...process.env,
      PATH: `${join(root, '.tools', 'bin')}:${process.env.PATH}`,
      SGW_CLUSTER_DIR: process.env.SGW_TEST_CLUSTER_DIR || join(tmpdir(), 'sgw-test-cluster'),
      SGW_CLUSTER_PORT_BASE: process.env.SGW_TEST_CLUSTER_PORT_BASE || '16540'
    },
    stdio: 'ignore',
    timeout: 60000
  })
}
