// The API server stopped in the middle of a rollout: kube-deploy must fail clearly and never report
// the deploy as done. A cluster of its own (other ports, other state), so the shared one is spared.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshNamespace, startCluster, stopCluster, type TestCluster } from '../helpers/cluster.js'
import { leftBehind, runKube, WEB_MANIFESTS } from '../helpers/kube-action.js'

const OUTAGE = { dir: join(tmpdir(), 'sgw-test-outage'), portBase: 16560 }
let cluster: TestCluster

beforeAll(() => {
  cluster = startCluster(OUTAGE)
}, 200_000)

afterAll(() => stopCluster(OUTAGE), 60_000)

it('reports failed (not deployed) when the API server stops during the rollout, and says the rollback failed too', async () => {
  const ns = freshNamespace(cluster, 'outage')
  expect((await runKube('kube-deploy', cluster, ns, { manifests: WEB_MANIFESTS })).outputs.result).toBe('deployed')
  // A rollout that keeps going (pods never Ready, long grace), and the API server killed 3 s in.
  const pending = runKube('kube-deploy', cluster, ns, { manifests: WEB_MANIFESTS, images: 'web=ghcr.io/acme/web:unready', 'readiness-grace': '10m', timeout: '10m' })
  await new Promise((resolve) => setTimeout(resolve, 3000))
  const [pid] = readFileSync(join(OUTAGE.dir, 'pids', 'kube-apiserver.pid'), 'utf8').trim().split(' ')
  process.kill(Number(pid), 'SIGKILL')
  const run = await pending
  expect(run.exitCode).toBe(1)
  expect(run.outputs.result).toBe('failed')
  expect(run.outputs.reason).toMatch(/^the API server stopped answering during the rollout \(\d+s without an answer\); its state is unknown/)
  const error = run.annotations.find((a) => a.level === 'error')?.message ?? ''
  expect(error).toMatch(/^Deploy failed: the API server stopped answering/)
  expect(error).toMatch(/THE ROLLBACK FAILED TOO: .*The API server did not answer/s)
  expect(run.summary).toContain('❌ Deploy failed')
  expect(run.summary).toContain('The rollback failed')
  expect(run.summary).not.toContain('✅ Deployed')
  // Bounded: 20 s of waiting for the API server to come back, not the 10 minute timeout.
  expect(Number(run.outputs['duration-seconds'])).toBeLessThan(60)
  expect(leftBehind(run)).toBe(false)
}, 180_000)
