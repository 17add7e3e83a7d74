#!/usr/bin/env node
// npm run bench [-- gate ...]: the numbers that matter, printed as ratios against their limits.
// Exit 1 when a ratio misses its limit.
import { existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchCoverage } from './bench/coverage.mjs'
import { benchGate } from './bench/gate.mjs'
import { benchRollback } from './bench/rollback.mjs'
import { benchRollbackRealNode } from './bench/rollback-real.mjs'
import { benchPipeline } from './bench/pipeline.mjs'
import { benchScanners } from './bench/scanners.mjs'
import { benchStartup } from './bench/startup.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const node = join(root, '.tools', 'bin', 'node24')
if (!existsSync(node)) {
  console.error('Node 24 is missing: run scripts/install-test-tools.sh')
  process.exit(2)
}
const runs = Number(process.env.BENCH_RUNS ?? 5)
const benches = {
  // First, while nothing else this bench started is still writing to disk; at least 10 runs.
  startup: () => benchStartup({ root, node, runs: Math.max(runs, 10) }),
  gate: () => benchGate({ root, node, runs }),
  coverage: () => benchCoverage({ root, node, runs }),
  scanners: () => benchScanners({ root, node, runs }),
  rollback: () => benchRollback({ root, node, runs }),
  'rollback-real': () => benchRollbackRealNode({ root, node, runs }),
  pipeline: () => benchPipeline({ root })
}
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(benches)

let missed = 0
for (const name of chosen) {
  if (!benches[name]) {
    console.error(`unknown bench "${name}"; choose from ${Object.keys(benches).join(', ')}`)
    process.exit(2)
  }
  const r = await benches[name]()
  console.log(`\n${r.title}`)
  for (const row of r.rows) console.log(`  ${row[0].padEnd(28)} ${row.slice(1).map((c) => c.padStart(10)).join(' ')}`)
  for (const q of r.ratios) {
    const ok = q.better === 'lower' ? q.value <= q.limit : q.value >= q.limit
    if (!ok) missed++
    console.log(`  ${ok ? 'ok  ' : 'MISS'} ${q.name}: ${q.value.toFixed(2)}x (limit ${q.better === 'lower' ? '<=' : '>='} ${q.limit}x)`)
  }
}
process.exit(missed ? 1 : 0)
