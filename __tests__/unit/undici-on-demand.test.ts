// packages/undici-on-demand stands in for undici (see its index.cjs): every action bundle starts
// without evaluating undici, which only a request through an HTTP proxy needs. These tests keep
// the stand-in honest: the dependencies use undici only in the two ways it covers, and a request
// through a proxy still goes through the proxy, with the real undici.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, realpathSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join, relative } from 'node:path'
import { REPO_ROOT } from '../helpers/tools.js'
import { startConnectProxy, type ConnectProxy } from '../helpers/connect-proxy.js'

const NODE_MODULES = join(REPO_ROOT, 'node_modules')

/** Every .js/.cjs/.mjs file of the production dependencies (what the bundles are made of), undici left out. */
function dependencyFiles(): string[] {
  const packages = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((p) => p.startsWith(NODE_MODULES) && !/[\\/]undici(-impl)?$/.test(p))
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      // Nested node_modules are packages of their own, listed by npm ls.
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(path)
      else if (entry.isFile() && /\.(c|m)?js$/.test(entry.name)) files.push(path)
    }
  }
  for (const p of packages) walk(p)
  return files
}

describe('the dependencies use undici only as the stand-in covers', () => {
  const uses = new Map<string, string[]>()
  const dispatcherCallers: string[] = []
  beforeAll(() => {
    for (const file of dependencyFiles()) {
      const text = readFileSync(file, 'utf8')
      const rel = relative(NODE_MODULES, file)
      const names: string[] = []
      for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]undici['"]/g)) names.push(...m[1].split(',').map((n) => n.trim().split(/\s+as\s+/)[0]).filter(Boolean))
      for (const m of text.matchAll(/import\s+(\*\s+as\s+\w+|\w+)\s+from\s*['"]undici['"]/g)) names.push(`(whole module: ${m[1]})`)
      const cjs = [...text.matchAll(/(\w+)\s*=\s*require\(\s*['"]undici['"]\s*\)/g)].map((m) => m[1])
      for (const binding of cjs) for (const m of text.matchAll(new RegExp(`\\b${binding}\\.(\\w+)`, 'g'))) names.push(m[1])
      if (/import\(\s*['"]undici['"]\s*\)/.test(text)) names.push('(dynamic import)')
      if (names.length || cjs.length) uses.set(rel, [...new Set(names)].sort())
      if (/\.getAgentDispatcher\(/.test(text) && !/@actions\/http-client\/lib\/index\.js$/.test(rel)) dispatcherCallers.push(rel)
    }
  })

  it('undici resolves to the stand-in, and the real undici is installed beside it', () => {
    expect(realpathSync(join(NODE_MODULES, 'undici'))).toBe(join(REPO_ROOT, 'packages', 'undici-on-demand'))
    expect(JSON.parse(readFileSync(join(NODE_MODULES, 'undici-impl', 'package.json'), 'utf8')).name).toBe('undici')
  })

  it('only ProxyAgent and fetch are imported, by the files the stand-in was written for', () => {
    expect(Object.fromEntries(uses)).toEqual({
      '@actions/http-client/lib/index.js': ['ProxyAgent'],
      '@actions/github/node_modules/@actions/http-client/lib/index.js': ['ProxyAgent'],
      '@actions/github/lib/internal/utils.js': ['fetch']
    })
  })

  it("http-client's proxy dispatcher goes only to @actions/github's fetch (the stand-in's fetch builds the real agent)", () => {
    expect(dispatcherCallers).toEqual(['@actions/github/lib/internal/utils.js'])
    const utils = readFileSync(join(NODE_MODULES, '@actions/github/lib/internal/utils.js'), 'utf8')
    expect(utils).toMatch(/const httpDispatcher = getProxyAgentDispatcher\(destinationUrl\);/)
    expect(utils).toMatch(/return fetch\(url, Object\.assign\(Object\.assign\(\{\}, opts\), \{ dispatcher: httpDispatcher \}\)\);/)
  })
})

describe('requests through the stand-in', () => {
  let origin: Server
  let originPort: number
  let proxy: ConnectProxy
  const seen: string[] = []
  beforeAll(async () => {
    origin = createServer((req, res) => {
      seen.push(`${req.method} ${req.headers.host} ${req.url}`)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ login: 'octocat' }))
    })
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
    originPort = (origin.address() as { port: number }).port
    proxy = await startConnectProxy({ host: '127.0.0.1', port: originPort })
  })
  afterAll(async () => {
    await proxy.close()
    await new Promise<void>((resolve) => origin.close(() => resolve()))
  })

  it('with HTTP_PROXY set, Octokit reaches a name that resolves nowhere through the proxy tunnel', async () => {
    // @actions/github reads GITHUB_API_URL and the proxy for it when it is first imported.
    const saved = { GITHUB_API_URL: process.env.GITHUB_API_URL, HTTP_PROXY: process.env.HTTP_PROXY, http_proxy: process.env.http_proxy, no_proxy: process.env.no_proxy }
    process.env.GITHUB_API_URL = 'http://api.github.test'
    process.env.HTTP_PROXY = proxy.url
    process.env.http_proxy = proxy.url
    delete process.env.no_proxy
    try {
      const { getOctokit } = await import('@actions/github')
      const octokit = getOctokit('t0ken')
      const answer = await octokit.request('GET /user')
      expect(answer.data).toEqual({ login: 'octocat' })
      expect(proxy.tunnels).toEqual(['api.github.test:80'])
      expect(seen.at(-1)).toBe('GET api.github.test /user')
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  })

  it('without a proxy, fetch goes straight to the server with the real undici', async () => {
    const { fetch, ProxyAgent } = await import('undici')
    const before = proxy.tunnels.length
    const answer = await fetch(`http://127.0.0.1:${originPort}/plain`)
    expect(await answer.json()).toEqual({ login: 'octocat' })
    expect(proxy.tunnels.length).toBe(before)
    // An agent built by hand goes through the proxy too.
    const agent = new ProxyAgent({ uri: proxy.url })
    const proxied = await fetch('http://hand.example.test/x', { dispatcher: agent })
    expect(await proxied.json()).toEqual({ login: 'octocat' })
    expect(proxy.tunnels.at(-1)).toBe('hand.example.test:80')
  })
})
