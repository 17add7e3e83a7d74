// Time and peak memory of a command, measured by /usr/bin/time (GNU time) so every contender is
// measured the same way, outside its own process.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const TIME = '/usr/bin/time'

export function measure(cmd, args, { allowExit = [0], cwd } = {}) {
  if (!existsSync(TIME)) throw new Error('GNU time (/usr/bin/time) is needed for the bench: apt-get install time')
  const file = join(mkdtempSync(join(tmpdir(), 'sgw-bench-')), 'time')
  const run = spawnSync(TIME, ['-f', '%e %M', '-o', file, cmd, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd })
  if (!allowExit.includes(run.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(-500)}`)
  const [seconds, kb] = readFileSync(file, 'utf8').trim().split('\n').pop().split(' ').map(Number)
  return { seconds, maxRssMb: kb / 1024, stdout: run.stdout }
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Run each contender `runs` times, interleaved so drift in machine load hits them alike. */
export function compare(contenders, runs) {
  const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]))
  for (let i = 0; i < runs; i++) {
    for (const [name, c] of Object.entries(contenders)) samples[name].push(measure(c.cmd, c.args, c))
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [name, { seconds: median(list.map((s) => s.seconds)), maxRssMb: median(list.map((s) => s.maxRssMb)), stdout: list[0].stdout }])
  )
}
