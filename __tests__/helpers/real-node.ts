// The real node beside the test cluster's KWOK nodes (scripts/real-node.sh): containerd, kubelet,
// kube-proxy, a CNI bridge and a loopback registry with basic auth. The example service's images
// (scripts/real-node/web-images.sh) are pushed to that registry, and the node pulls them for real.
// Needs root and `scripts/install-test-tools.sh runtime`; a missing piece fails the test with the
// command to run, never skips it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { get as httpGet } from 'node:http'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type TestCluster } from './cluster.js'
import { REPO_ROOT, tool } from './tools.js'

export interface RealNode {
  name: string
  /** The node's bridge address; pods get addresses in podCidr. */
  ip: string
  podCidr: string
  /** host:port of the loopback registry. */
  registry: string
  user: string
  password: string
  /** Taint key to tolerate (examples/web-real-node does). */
  tolerationKey: string
  /** The pushed example images: tag ("1.0.0", "2.0.0-crash", ...) -> manifest digest. */
  digests: Record<string, string>
  /** <registry>/acme/web:<tag> */
  image(tag: string): string
  /** Creates the `registry` image pull secret in a namespace. */
  pullSecret(namespace: string): void
  /** The state folder of the node (logs/, pod-logs/). */
  state: string
}

export const WEB_REAL_NODE = join(REPO_ROOT, 'examples', 'web-real-node')

function parseEnvFile(file: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const eq = line.indexOf('=')
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return out
}

/** Starts (or reuses) the real node of a test cluster and pushes the example images to its registry. */
export function startRealNode(cluster: TestCluster): RealNode {
  if (process.getuid?.() !== 0) throw new Error('the real node needs root (containerd, runc, network namespaces, iptables)')
  for (const name of ['containerd', 'ctr', 'runc', 'kubelet', 'kube-proxy', 'docker-registry', 'skopeo', 'htpasswd'])
    tool(name)
  const out = execFileSync('bash', [join(REPO_ROOT, 'scripts', 'real-node.sh'), 'up'], {
    env: cluster.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000
  })
  const envFile = out.trim().split('\n').pop() ?? ''
  const env = parseEnvFile(envFile)
  const pushed = execFileSync('bash', [join(REPO_ROOT, 'scripts', 'real-node', 'web-images.sh'), envFile], {
    env: cluster.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000
  })
  const digests: Record<string, string> = {}
  for (const line of pushed.trim().split('\n')) {
    const [ref, digest] = line.split(' ')
    digests[ref.slice(ref.lastIndexOf(':') + 1)] = digest
  }
  const registry = env.REGISTRY
  return {
    name: env.NODE_NAME,
    ip: env.NODE_IP,
    podCidr: env.POD_CIDR,
    registry,
    user: env.REGISTRY_USER,
    password: env.REGISTRY_PASSWORD,
    tolerationKey: env.TOLERATION_KEY,
    digests,
    image: (tag) => `${registry}/acme/web:${tag}`,
    pullSecret: (namespace) => {
      cluster.kubectl([
        'create', 'secret', 'docker-registry', 'registry', '-n', namespace,
        `--docker-server=${registry}`, `--docker-username=${env.REGISTRY_USER}`, `--docker-password=${env.REGISTRY_PASSWORD}`
      ])
    },
    state: join(cluster.dir, 'node')
  }
}

/** True when an IPv4 address lies in a /24 given as "a.b.c.0/24". */
export function inSlash24(ip: string, cidr: string): boolean {
  return ip.split('.').slice(0, 3).join('.') === cidr.split('/')[0].split('.').slice(0, 3).join('.')
}

export interface PrometheusProcess {
  url: string
  stop(): Promise<void>
}

/**
 * The real Prometheus server (scripts/install-test-tools.sh prometheus) on loopback, discovering
 * the pods of one namespace through the cluster's API (kubernetes_sd_configs, role pod) and
 * scraping their declared ports every second; each series carries `namespace` and `pod` labels.
 */
export async function startPrometheus(cluster: TestCluster, namespace: string, port: number): Promise<PrometheusProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'sgw-prometheus-'))
  const config = [
    'global: {scrape_interval: 1s, scrape_timeout: 900ms, evaluation_interval: 1s}',
    'scrape_configs:',
    '  - job_name: pods',
    '    kubernetes_sd_configs:',
    `      - {role: pod, kubeconfig_file: ${JSON.stringify(cluster.kubeconfig)}, namespaces: {names: [${namespace}]}}`,
    '    relabel_configs:',
    '      - {source_labels: [__meta_kubernetes_pod_phase], regex: Running, action: keep}',
    '      - {source_labels: [__meta_kubernetes_namespace], target_label: namespace}',
    '      - {source_labels: [__meta_kubernetes_pod_name], target_label: pod}',
    ''
  ].join('\n')
  writeFileSync(join(dir, 'prometheus.yml'), config)
  const child: ChildProcess = spawn(
    tool('prometheus'),
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn'
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  )
  let log = ''
  child.stderr?.on('data', (d: Buffer) => {
    log = (log + d.toString()).slice(-4000)
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited (${child.exitCode}): ${log}`)
    try {
      const res = await fetch(`${url}/-/ready`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`prometheus not ready within 30 s: ${log}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Instant query against a Prometheus server; the first sample's value, or undefined when empty. */
export async function promQuery(url: string, query: string): Promise<number | undefined> {
  const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(query)}`)
  const body = (await res.json()) as { data?: { result?: { value: [number, string] }[] } }
  const first = body.data?.result?.[0]
  return first ? Number(first.value[1]) : undefined
}

/**
 * GET until the answer is `expected` (kube-proxy moves a Service's traffic within a second or so of
 * its endpoints changing, and a stopping pod serves through its preStop pause), at most 10 s; the
 * last answer.
 */
export async function getWhenServed(url: string, expected: { status: number; body: string }): Promise<{ status: number; body: string } | { error: string }> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const r = await get(url)
    if (('status' in r && r.status === expected.status && r.body === expected.body) || Date.now() > deadline) return r
    await new Promise((res) => setTimeout(res, 200))
  }
}

/**
 * One GET on a new TCP connection (no keep-alive: a kept connection stays on the pod it was
 * DNATed to, whatever the Service's endpoints became since), with a 1 s timeout.
 */
export function get(url: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = httpGet(url, { agent: false, timeout: 1000 }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: body.trim() }))
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (error) => resolve({ error: String(error) }))
  })
}

