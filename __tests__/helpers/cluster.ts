// The real local control plane (scripts/local-cluster.sh) for the kube-deploy tests: one cluster
// for the whole run, its own state folder and ports so a developer's cluster is left alone, and a
// fresh namespace per test. Stopped by the e2e project's global teardown.
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT, tool, TOOLS_BIN } from './tools.js'

export interface TestCluster {
  dir: string
  portBase: number
  /** Admin kubeconfig (client certificate). */
  kubeconfig: string
  /** Same cluster, static bearer token. */
  tokenKubeconfig: string
  kubectl(args: string[], input?: string): string
  json<T>(args: string[]): T
  env: Record<string, string>
}

/**
 * The cluster every kube e2e test file shares. SGW_TEST_CLUSTER_DIR and SGW_TEST_CLUSTER_PORT_BASE
 * move it (two test runs on one machine); the global teardown stops only the default one.
 */
export const SHARED_CLUSTER = {
  dir: process.env.SGW_TEST_CLUSTER_DIR || join(tmpdir(), 'sgw-test-cluster'),
  portBase: Number(process.env.SGW_TEST_CLUSTER_PORT_BASE) || 16540
}

function clusterEnv(dir: string, portBase: number): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    PATH: `${TOOLS_BIN}:${process.env.PATH ?? ''}`,
    SGW_CLUSTER_DIR: dir,
    SGW_CLUSTER_PORT_BASE: String(portBase)
  }
}

/**
 * The jest run (its parent process) that uses a cluster is registered as <dir>.users/<pid>: the
 * global teardown stops the cluster only when no other live run is registered, so a second test
 * run on the machine does not lose its cluster when the first one ends.
 */
export function registerUser(dir: string): void {
  // Set by the e2e global setup (dist-fresh.mjs) in jest's main process, inherited by its workers.
  const runner = process.env.SGW_TEST_RUNNER_PID ?? String(process.pid)
  mkdirSync(`${dir}.users`, { recursive: true })
  writeFileSync(join(`${dir}.users`, String(runner)), '')
}

/** Start (or reuse) a cluster; every tool it needs comes from .tools/bin. */
export function startCluster(options: { dir: string; portBase: number } = SHARED_CLUSTER): TestCluster {
  for (const name of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok', 'kubectl', 'helm']) tool(name)
  registerUser(options.dir)
  const env = clusterEnv(options.dir, options.portBase)
  const out = execFileSync('bash', [join(REPO_ROOT, 'scripts', 'local-cluster.sh'), 'up'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000
  })
  const kubeconfig = out.trim().split('\n').pop() ?? ''
  const kubectl = (args: string[], input?: string): string =>
    execFileSync(tool('kubectl'), ['--kubeconfig', kubeconfig, ...args], {
      encoding: 'utf8',
      input,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 60_000
    })
  return {
    dir: options.dir,
    portBase: options.portBase,
    kubeconfig,
    tokenKubeconfig: join(options.dir, 'token.kubeconfig'),
    kubectl,
    json: <T>(args: string[]) => JSON.parse(kubectl([...args, '-o', 'json'])) as T,
    env
  }
}

export function stopCluster(options: { dir: string; portBase: number } = SHARED_CLUSTER): void {
  spawnSync('bash', [join(REPO_ROOT, 'scripts', 'local-cluster.sh'), 'down'], {
    env: clusterEnv(options.dir, options.portBase),
    stdio: 'ignore',
    timeout: 60_000
  })
}

/** A new namespace for one test. */
export function freshNamespace(cluster: TestCluster, prefix: string): string {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`
  cluster.kubectl(['create', 'namespace', name])
  return name
}

export function base64File(file: string): string {
  return readFileSync(file).toString('base64')
}

/** The credentials inside a kubeconfig file, to prove none of them is ever printed. */
export function credentialsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const values = [...text.matchAll(/^\s*(?:client-key-data|client-certificate-data|token):\s*(\S+)\s*$/gm)].map((m) => m[1])
  const decoded = values.flatMap((v) =>
    Buffer.from(v, 'base64')
      .toString('utf8')
      .split('\n')
      .filter((l) => l.length > 40 && !l.startsWith('-----'))
  )
  return [...values, ...decoded]
}
