// Run a built action bundle the way the runner does: INPUT_<NAME> variables, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, GITHUB_STATE, RUNNER_TEMP, an event payload, under Node 24.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { node24, REPO_ROOT } from './tools.js'

export interface RunOptions {
  inputs?: Record<string, string>
  env?: Record<string, string>
  cwd?: string
  eventName?: string
  event?: unknown
  /** For a post step: the state the main step saved. */
  state?: Record<string, string>
  entry?: string
  timeoutMs?: number
}

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  /** `::error file=...::message` style commands found in stdout. */
  annotations: { level: string; props: Record<string, string>; message: string }[]
  ms: number
  runnerTemp: string
}

/** Parse the `name<<delimiter` file format that GITHUB_OUTPUT and GITHUB_STATE use. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (m) {
      const value: string[] = []
      while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i])
      out[m[1]] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return out
}

export function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const out: ActionRun['annotations'] = []
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line)
    if (!m) continue
    const props: Record<string, string> = {}
    for (const part of (m[2] ?? '').trim().split(',').filter(Boolean)) {
      const at = part.indexOf('=')
      props[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1).replace(/%2C/g, ','))
    }
    out.push({ level: m[1], props, message: m[3].replace(/%0A/g, '\n').replace(/%25/g, '%') })
  }
  return out
}

export async function runAction(name: string, options: RunOptions = {}): Promise<ActionRun> {
  const temp = mkdtempSync(join(tmpdir(), `sgw-${name}-`))
  const files = { output: join(temp, 'output'), summary: join(temp, 'summary.md'), state: join(temp, 'state'), env: join(temp, 'env'), path: join(temp, 'path'), event: join(temp, 'event.json') }
  for (const f of [files.output, files.summary, files.state, files.env, files.path]) writeFileSync(f, '')
  writeFileSync(files.event, JSON.stringify(options.event ?? {}))
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? temp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKFLOW: 'security',
    GITHUB_RUN_ID: '42',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_WORKSPACE: options.cwd ?? REPO_ROOT,
    RUNNER_TEMP: join(temp, 'runner-temp'),
    RUNNER_TOOL_CACHE: join(temp, 'tool-cache'),
    ...options.env
  }
  // The runner sets every input that has a default in action.yml; do the same.
  const inputs = { ...actionDefaults(name), ...options.inputs }
  for (const [key, value] of Object.entries(inputs)) env[`INPUT_${key.replace(/ /g, '_').toUpperCase()}`] = value
  for (const [key, value] of Object.entries(options.state ?? {})) env[`STATE_${key}`] = value
  const entry = options.entry ?? join(REPO_ROOT, 'dist', name, 'index.js')
  const started = Date.now()
  const child = spawn(node24(), [entry], { cwd: options.cwd ?? REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
  const exitCode: number = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1)))
  clearTimeout(timeout)
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '')
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseCommandFile(read(files.output)),
    state: parseCommandFile(read(files.state)),
    summary: read(files.summary),
    annotations: parseAnnotations(stdout),
    ms: Date.now() - started,
    runnerTemp: env.RUNNER_TEMP
  }
}

/** The token the harness gives `${{ github.token }}` defaults. */
export const HARNESS_TOKEN = 'ghs_harnessDefaultToken0000000000000000'

/** Input defaults from actions/<name>/action.yml, with the expressions the runner would evaluate. */
export function actionDefaults(name: string): Record<string, string> {
  const file = join(REPO_ROOT, 'actions', name, 'action.yml')
  if (!existsSync(file)) return {}
  const doc = parseYaml(readFileSync(file, 'utf8')) as { inputs?: Record<string, { default?: string }> }
  const out: Record<string, string> = {}
  for (const [key, spec] of Object.entries(doc.inputs ?? {})) {
    if (spec.default === undefined) continue
    out[key] = String(spec.default).replace(/\$\{\{\s*github\.token\s*\}\}/g, HARNESS_TOKEN)
  }
  return out
}

/** Everything an action printed or wrote, minus the runner's own mask commands (which carry the
 * secret to the runner so that it can hide it). */
export function visibleText(run: ActionRun): string {
  const stdout = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n')
  return [stdout, run.stderr, run.summary, JSON.stringify(run.outputs), JSON.stringify(run.state)].join('\n')
}

/** Values the action asked the runner to mask. */
export function maskedValues(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length))
}

/** Run the CLI bundle under Node 24. */
export async function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const child = spawn(node24(), [join(REPO_ROOT, 'dist', 'cli', 'index.js'), ...args], { cwd: options.cwd ?? REPO_ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const exitCode: number = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1)))
  return { exitCode, stdout, stderr }
}
