// Every dist bundle starts under Node 24 (ncc can leave a bare `require` of a built-in in an ESM
// bundle), quickly, and carries at most one copy of the Octokit stack.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { node24, REPO_ROOT } from '../helpers/tools.js'

const bundles = readdirSync(join(REPO_ROOT, 'dist')).filter((d) => existsSync(join(REPO_ROOT, 'dist', d, 'index.js')))

function startMs(name: string): { ms: number; out: string; status: number | null } {
  const started = process.hrtime.bigint()
  const args = name === 'cli' ? ['--version'] : []
  const r = spawnSync(node24(), [join(REPO_ROOT, 'dist', name, 'index.js'), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, GITHUB_OUTPUT: '/dev/null', GITHUB_STATE: '/dev/null' } })
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, out: r.stdout + r.stderr, status: r.status }
}

describe('dist bundles', () => {
  it('include the CLI and every action', () => {
    expect(bundles).toEqual(expect.arrayContaining(['cli', 'severity-gate']))
  })

  it.each(bundles)('%s starts under Node 24 in well under 200 ms and ends with a clear line', (name) => {
    const runs = Array.from({ length: 5 }, () => startMs(name))
    for (const r of runs) expect(r.out).not.toMatch(/ReferenceError|require is not defined|Cannot find module|SyntaxError/)
    const median = runs.map((r) => r.ms).sort((a, b) => a - b)[2]
    process.stderr.write(`[bundles] ${name}: start-up median of 5 ${median.toFixed(0)} ms\n`)
    expect(median).toBeLessThan(200)
    if (name === 'cli') expect(runs[0].out).toMatch(/^sgw \d+\.\d+\.\d+/)
    // semver-tag needs no input: on this checkout it computes a version and says so.
    else if (name === 'semver-tag') expect(runs[0].out).toMatch(/^Version \d+\.\d+\.\d+\S* \(/m)
    // slack-notify without a webhook or token (a fork's pull request) warns and sends nothing.
    else if (name === 'slack-notify') expect(runs[0].out).toMatch(/^::warning::Nothing sent: "webhook-url" and "bot-token" are both empty/m)
    // Without inputs or a runner an action fails with a line naming what is missing, not a crash.
    else {
      expect(runs[0].out).toMatch(/::error::(Input required and not supplied|Input "|RUNNER_TEMP is not set)/)
      expect(runs[0].out).not.toMatch(/Unexpected error/)
    }
  })

  it.each(bundles)('%s carries the notices of the packages in it, undici (a chunk of its own) included', (name) => {
    const notices = readFileSync(join(REPO_ROOT, 'dist', name, 'licenses.txt'), 'utf8')
    expect(notices).toMatch(/^@actions\/core@\d+\.\d+\.\d+\nMIT\n/m)
    expect(notices).toMatch(/^undici@\d+\.\d+\.\d+\nMIT\n/m)
    // The start-up path holds no undici: it is read only when a request goes through a proxy.
    // undici's error codes (UND_ERR_...) mark its code.
    const undiciIn = (f: string) => readFileSync(join(REPO_ROOT, 'dist', name, f), 'utf8').includes('UND_ERR_')
    const chunks = readdirSync(join(REPO_ROOT, 'dist', name)).filter((f) => /^\d+\.index\.js$/.test(f))
    expect(chunks.filter(undiciIn)).toHaveLength(1)
    expect(undiciIn('index.js')).toBe(false)
  })

  it.each(bundles)('%s holds at most one copy of the Octokit stack', (name) => {
    const dir = join(REPO_ROOT, 'dist', name)
    const text = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n')
    const copies = text.match(/octokit-core\.js\//g)?.length ?? 0
    expect(copies).toBeLessThanOrEqual(1)
    // What loads at start; chunks loaded on demand (the Azure SDK behind @actions/cache, glob)
    // cost only the runs that use them.
    expect(statSync(join(dir, 'index.js')).size).toBeLessThan(1.5 * 1024 * 1024)
  })
})
