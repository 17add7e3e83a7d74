// pipeline.yml's wall time under act, split by job: runs __tests__/e2e/pipeline-act.test.ts (the
// real gates, release, BuildKit build, trivy scan, push, and deploys to the real node) and reads
// the times it records. "main" is a push to main (gates through production); "bad" the push whose
// release crashes and is rolled back on staging. No peer runs the same pipeline, so the one limit
// is the suite's own: a push to main within 10 minutes of wall time here.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const LIMIT_SECONDS = 600

export async function benchPipeline({ root }) {
  const out = join(mkdtempSync(join(tmpdir(), 'sgw-bench-pipeline-')), 'times.json')
  const r = spawnSync(process.execPath, ['--experimental-vm-modules', join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--selectProjects', 'e2e', '--runTestsByPath', '__tests__/e2e/pipeline-act.test.ts'], {
    cwd: root,
    env: { ...process.env, SGW_PIPELINE_TIMES: out },
    encoding: 'utf8'
  })
  if (r.status !== 0) throw new Error(`the pipeline test failed:\n${(r.stderr || r.stdout).slice(-3000)}`)
  const times = JSON.parse(readFileSync(out, 'utf8'))
  const rows = [['', 'main (s)', 'crash (s)']]
  const jobs = [...new Set([...Object.keys(times.main.jobs), ...Object.keys(times.bad?.jobs ?? {})])]
  for (const job of jobs) rows.push([job.replace(/^([\w-]+)\/[\w-]+\//, '$1/'), String(times.main.jobs[job] ?? '-'), String(times.bad?.jobs[job] ?? '-')])
  rows.push(['whole run', times.main.seconds.toFixed(1), times.bad ? times.bad.seconds.toFixed(1) : '-'])
  return {
    title: 'pipeline.yml under act, a push to main (gates -> release -> image -> staging -> production), per job',
    rows,
    ratios: [{ name: `push to main / ${LIMIT_SECONDS} s`, value: times.main.seconds / LIMIT_SECONDS, limit: 1, better: 'lower' }]
  }
}
