// The CLI install path the README documents for application repositories, done for real: npm,
// under Node 24, installs this repository from a git URL (what `github:org/shared-gh-workflows#<sha>`
// does, with a local clone standing in for github.com) into a throwaway application folder, and
// the installed `sgw` prints its version and gates a report from there. The package is what the
// working tree would commit (tracked and new files, not the ignored ones), so a change to
// package.json ("files", "name", scripts) is tested before it is committed.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fixture, node24, REPO_ROOT } from '../helpers/tools.js'

const INSTALL_TIMEOUT = 300_000

interface Pkg {
  name: string
  version: string
  files?: string[]
  workspaces?: unknown
  scripts?: Record<string, string>
}

/** npm's own CLI script, found on PATH as the `npm` a developer runs (run here under Node 24). */
function npmCli(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'npm')
    if (!existsSync(candidate)) continue
    const cli = join(dirname(realpathSync(candidate)), 'npm-cli.js')
    if (existsSync(cli)) return cli
  }
  throw new Error('npm is not on PATH (expected <npm>/bin/npm-cli.js behind it).')
}

/**
 * pacote's rule (lib/git.js) for a git dependency: it runs a full `npm install` in a temporary
 * clone, devDependencies included, when the package has workspaces or any of these scripts.
 */
const PREPARING_SCRIPTS = ['postinstall', 'build', 'preinstall', 'install', 'prepack', 'prepare']
const npmPreparesGitDependency = (pkg: Pkg) => Boolean(pkg.workspaces) || PREPARING_SCRIPTS.some((s) => pkg.scripts?.[s])

let work: string
let source: string
let sha: string
let pkg: Pkg
let env: NodeJS.ProcessEnv
let npm: string[]
let app: string
let installLog: string
let installs: { argv: string[]; cwd: string }[]

function run(cmd: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: INSTALL_TIMEOUT })
}

function sgw(args: string[]): SpawnSyncReturns<string> {
  // The bin link's `#!/usr/bin/env node` finds Node 24 first on PATH, as a developer's shell would.
  return run(join(app, 'node_modules', '.bin', 'sgw'), args, app)
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'sgw-install-'))

  // The repository as it would be committed: a fresh git repository of the working tree's files.
  source = join(work, 'shared-gh-workflows')
  mkdirSync(source)
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && existsSync(join(REPO_ROOT, f)))
  for (const f of files) {
    mkdirSync(dirname(join(source, f)), { recursive: true })
    cpSync(join(REPO_ROOT, f), join(source, f), { verbatimSymlinks: true })
  }
  const identity = ['-c', 'user.name=sgw-test', '-c', 'user.email=sgw-test@example.invalid']
  const git = (args: string[]) => execFileSync('git', [...identity, ...args], { cwd: source, encoding: 'utf8' })
  git(['init', '-q', '-b', 'main'])
  git(['add', '-A'])
  git(['commit', '-q', '--no-gpg-sign', '-m', 'snapshot of the working tree'])
  sha = git(['rev-parse', 'HEAD']).trim()
  pkg = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as Pkg

  // Node 24 first on PATH as `node`, so npm, the scripts it spawns and the installed bin all use it.
  const bin = join(work, 'bin')
  mkdirSync(bin)
  symlinkSync(node24(), join(bin, 'node'))
  env = {
    ...process.env,
    PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_prefer_offline: 'true'
  }
  npm = [node24(), npmCli()]

  // Every npm process started during the install records its arguments, so the test sees whether
  // npm ran an `npm install` of its own inside the clone (the git-dependency preparation).
  installLog = join(work, 'npm-processes.jsonl')
  const recorder = join(work, 'record-npm.cjs')
  writeFileSync(
    recorder,
    "if (/npm-cli\\.js$/.test(process.argv[1] || '')) require('node:fs').appendFileSync(" +
      `${JSON.stringify(installLog)}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }) + '\\n')\n`
  )

  app = join(work, 'application')
  mkdirSync(app)
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'application', version: '1.0.0', private: true }, null, 2))
  const r = run(npm[0], [npm[1], 'install', '--save-dev', `git+file://${source}#${sha}`], app, { NODE_OPTIONS: `--require ${recorder}` })
  if (r.status !== 0) throw new Error(`npm install from the git URL failed (${r.status}):\n${r.stdout}\n${r.stderr}`)
  installs = readFileSync(installLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { argv: string[]; cwd: string })
}, INSTALL_TIMEOUT)

describe('sgw installed from a git URL into an application folder (Node 24)', () => {
  it('puts sgw on the application\'s bin path, recorded as a git dependency at the commit', () => {
    expect(existsSync(join(app, 'node_modules', '.bin', 'sgw'))).toBe(true)
    const appPkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
    expect(appPkg.devDependencies[pkg.name]).toBe(`git+file://${source}#${sha}`)
    expect(run('node', ['--version'], app).stdout.trim()).toMatch(/^v24\./)
  })

  it('sgw --version prints the package version', () => {
    const r = sgw(['--version'])
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toBe(`sgw ${pkg.version}`)
    expect(r.status).toBe(0)
  })

  it('sgw gate fails a report over the limits (exit 1) and passes a clean one (exit 0)', () => {
    const fail = sgw(['gate', '--reports', fixture('reports', 'trivy-fs-vulns.json'), '--output', 'json'])
    expect(fail.status).toBe(1)
    expect(JSON.parse(fail.stdout)).toMatchObject({
      result: 'fail',
      counts: { critical: 2, high: 2, medium: 8, low: 0 },
      breaches: [{ severity: 'critical', count: 2, max: 0 }]
    })
    const text = sgw(['gate', '--reports', fixture('reports', 'trivy-fs-vulns.json')])
    expect(text.stdout).toMatch(/^Security gate: FAIL/)
    const pass = sgw(['gate', '--reports', fixture('reports', 'checkov-multi-clean-app.json'), '--output', 'json'])
    expect(pass.stderr).toBe('')
    expect(JSON.parse(pass.stdout).result).toBe('pass')
    expect(pass.status).toBe(0)
  })

  it('the organisation policy shipped with the suite is in the package (--org-policy shipped)', () => {
    expect(existsSync(join(app, 'node_modules', pkg.name, 'policy', 'org-security-policy.yml'))).toBe(true)
    const r = sgw(['gate', '--reports', fixture('reports', 'checkov-multi-clean-app.json'), '--org-policy', 'shipped', '--output', 'json'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(JSON.stringify(JSON.parse(r.stdout).policySources)).toContain('org-security-policy.yml')
  })

  it('npm runs its own `npm install` in the clone exactly when the package has workspaces or a build-like script', () => {
    // pacote prepares a git dependency by installing it with devDependencies in a temporary clone
    // whenever package.json has workspaces or one of PREPARING_SCRIPTS (a "build" script counts).
    // Nothing of ours runs there (no prepare script), but it costs a full dev install.
    const nested = installs.filter((p) => p.argv[0] === 'install' && p.cwd !== app)
    expect({ prepared: nested.length > 0 }).toEqual({ prepared: npmPreparesGitDependency(pkg) })
  })

  it('with "files" in package.json, the installed package holds just those', () => {
    const installed = readdirSync(join(app, 'node_modules', pkg.name)).sort()
    expect(installed).toEqual(expect.arrayContaining(['dist', 'package.json', 'policy']))
    if (pkg.files) {
      const allowed = new Set(['package.json', 'README.md', 'LICENSE', ...pkg.files.map((f) => f.replace(/^\.?\/*/, '').split('/')[0])])
      expect(installed.filter((f) => !allowed.has(f))).toEqual([])
    }
  })
})

describe('sgw run once with npx from a git URL (Node 24)', () => {
  it('npm exec --package=<git URL> sgw --version, in an empty folder', () => {
    const empty = join(work, 'one-off')
    mkdirSync(empty)
    const r = run(npm[0], [npm[1], 'exec', '--yes', `--package=git+file://${source}#${sha}`, '--', 'sgw', '--version'], empty)
    expect(r.stdout.trim()).toBe(`sgw ${pkg.version}`)
    expect(r.status).toBe(0)
  }, INSTALL_TIMEOUT)
})
