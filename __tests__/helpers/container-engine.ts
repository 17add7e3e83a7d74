// The real container tooling the image tests run, as processes of the test (root, from
// `scripts/install-test-tools.sh runtime`): Debian's Docker engine (vfs storage, no iptables, no
// bridge: nothing but loopback), BuildKit's daemon (the builder buildx drives with its remote
// driver), and the distribution registry with basic auth on a loopback port. A missing piece fails
// the test with the command that installs it.
import { spawn, type ChildProcess } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT, tool } from './tools.js'

interface Daemon {
  stop(): Promise<void>
}

function daemon(bin: string, args: string[], ready: () => Promise<boolean>, what: string): Promise<ChildProcess & { log(): string }> {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false })
  let log = ''
  const keep = (d: Buffer) => {
    log = (log + d.toString()).slice(-8000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const deadline = Date.now() + 60_000
  return (async () => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${log}`)
      if (await ready().catch(() => false)) return Object.assign(child, { log: () => log })
      if (Date.now() > deadline) {
        child.kill('SIGKILL')
        throw new Error(`${what} not ready within 60 s:\n${log}`)
      }
      await new Promise((r) => setTimeout(r, 200))
    }
  })()
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))])
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export interface DockerEngine extends Daemon {
  /** unix:///... */
  host: string
  /** A DOCKER_CONFIG folder with the buildx plugin linked in (docker login writes here). */
  config: string
  /** Environment for the docker CLI: DOCKER_HOST, DOCKER_CONFIG. */
  env: Record<string, string>
}

/** Debian's dockerd on a private socket and data root; its own containerd as a child. */
export async function startDockerEngine(): Promise<DockerEngine> {
  if (process.getuid?.() !== 0) throw new Error('the Docker engine needs root')
  const dockerd = tool('dockerd')
  tool('docker')
  const buildx = tool('docker-buildx')
  const dir = mkdtempSync(join(tmpdir(), 'sgw-dockerd-'))
  const sock = join(dir, 'docker.sock')
  const host = `unix://${sock}`
  const config = join(dir, 'config')
  mkdirSync(join(config, 'cli-plugins'), { recursive: true })
  symlinkSync(buildx, join(config, 'cli-plugins', 'docker-buildx'))
  const env = { DOCKER_HOST: host, DOCKER_CONFIG: config }
  const child = await daemon(
    dockerd,
    ['--storage-driver=vfs', '--iptables=false', '--ip-masq=false', '--bridge=none', `--data-root=${join(dir, 'data')}`, `--exec-root=${join(dir, 'exec')}`, `--pidfile=${join(dir, 'docker.pid')}`, `-H`, host],
    async () => {
      execFileSync(tool('docker'), ['version', '--format', '{{.Server.Version}}'], { env: { ...process.env, ...env }, stdio: 'ignore', timeout: 5000 })
      return true
    },
    'dockerd'
  )
  return {
    host,
    config,
    env,
    stop: async () => {
      await stopChild(child)
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export interface Buildkitd extends Daemon {
  /** unix:///... for buildx's remote driver. */
  address: string
}

/**
 * BuildKit's daemon with the OCI (runc) worker and the native snapshotter; httpRegistries
 * (host:port) are reached over plain HTTP (buildkitd.toml `[registry."<host>"] http = true`).
 */
export async function startBuildkitd(options: { httpRegistries?: string[] } = {}): Promise<Buildkitd> {
  if (process.getuid?.() !== 0) throw new Error('buildkitd needs root')
  const dir = mkdtempSync(join(tmpdir(), 'sgw-buildkitd-'))
  const address = `unix://${join(dir, 'buildkitd.sock')}`
  const config = join(dir, 'buildkitd.toml')
  writeFileSync(config, (options.httpRegistries ?? []).map((h) => `[registry."${h}"]\n  http = true\n`).join(''))
  const child = await daemon(
    tool('buildkitd'),
    ['--config', config, '--root', join(dir, 'root'), '--addr', address, '--oci-worker-snapshotter', 'native', '--containerd-worker=false'],
    async () => {
      const { existsSync } = await import('node:fs')
      return existsSync(join(dir, 'buildkitd.sock'))
    },
    'buildkitd'
  )
  return {
    address,
    stop: async () => {
      await stopChild(child)
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export interface Registry extends Daemon {
  /** 127.0.0.1:<port> */
  host: string
  user: string
  password: string
  /** GET a path under /v2/ with the registry's credentials; JSON body and the digest header. */
  get(path: string, accept?: string): Promise<{ status: number; digest?: string; body: string }>
}

/**
 * The distribution registry (Debian's docker-registry 2.8) on loopback, with htpasswd basic auth
 * unless auth is false.
 */
export async function startRegistry(options: { auth?: boolean } = {}): Promise<Registry> {
  const dir = mkdtempSync(join(tmpdir(), 'sgw-registry-'))
  const port = await freePort()
  const host = `127.0.0.1:${port}`
  // Not a short word: act masks secrets wherever they appear in its log ("ci" would mask "oci").
  const user = 'sgw-registry-user'
  const password = `pw-${Math.random().toString(36).slice(2)}`
  writeFileSync(join(dir, 'htpasswd'), execFileSync(tool('htpasswd'), ['-Bbn', user, password], { encoding: 'utf8' }))
  writeFileSync(
    join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log: {level: warn, accesslog: {disabled: true}}',
      `storage: {filesystem: {rootdirectory: ${join(dir, 'data')}}, delete: {enabled: true}}`,
      `http: {addr: "${host}"}`,
      options.auth === false ? '' : `auth: {htpasswd: {realm: sgw-test, path: ${join(dir, 'htpasswd')}}}`,
      ''
    ].join('\n')
  )
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
  const get = async (path: string, accept?: string) => {
    const res = await fetch(`http://${host}/v2/${path}`, { headers: { authorization: auth, ...(accept ? { accept } : {}) } })
    return { status: res.status, digest: res.headers.get('docker-content-digest') ?? undefined, body: await res.text() }
  }
  const child = await daemon(tool('docker-registry'), ['serve', join(dir, 'config.yml')], async () => (await get('')).status === 200, 'docker-registry')
  return {
    host,
    user,
    password,
    get,
    stop: async () => {
      await stopChild(child)
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/**
 * The BuildKit SBOM generator of scripts/sbom-generator (trivy inside), pushed to a registry
 * without auth that buildkitd reaches over HTTP. Returns its reference (<host>/sgw/sbom-generator:1).
 */
export function pushSbomGenerator(registry: Registry): string {
  const ref = `${registry.host}/sgw/sbom-generator:1`
  execFileSync('bash', [join(REPO_ROOT, 'scripts', 'sbom-generator', 'image.sh'), `docker://${ref}`, '--dest-tls-verify=false'], { stdio: 'pipe', timeout: 300_000 })
  return ref
}
