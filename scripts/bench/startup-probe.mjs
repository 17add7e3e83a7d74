// Loaded with --import before each bundle the start-up bench runs (startup.mjs): at exit it writes
// the process's CPU time (user + system, all threads, in microseconds) to stderr. Every contender
// carries the same probe, so it shifts all of them alike.
import { writeSync } from 'node:fs'

process.on('exit', () => {
  const { user, system } = process.cpuUsage()
  writeSync(2, `\n@@sgw-startup cpu-us=${user + system}\n`)
})
