// Writes a large, realistic LCOV tracefile (as c8/nyc/istanbul write them: TN, SF, FN/FNDA, DA,
// BRDA, LF/LH, BRF/BRH, end_of_record) over `files` source files, and creates those (empty) files
// under `root` so the report covers a repository. Deterministic for given sizes, so runs compare.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

function rng(seed) {
  let s = seed >>> 0
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32
}

export async function makeLcovReport(path, root, { files = 10_000, lines = 430, branches = 60 } = {}) {
  const rand = rng(7)
  const out = createWriteStream(path)
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)))
  for (let f = 0; f < files; f++) {
    const rel = `packages/pkg-${f % 50}/src/module-${f}.js`
    mkdirSync(dirname(join(root, rel)), { recursive: true })
    writeFileSync(join(root, rel), '')
    let s = `TN:\nSF:${rel}\n`
    for (let fn = 0; fn < 8; fn++) s += `FN:${fn * 50 + 1},fn${fn}\n`
    for (let fn = 0; fn < 8; fn++) s += `FNDA:${rand() < 0.8 ? Math.floor(rand() * 40) + 1 : 0},fn${fn}\n`
    s += 'FNF:8\nFNH:6\n'
    let hit = 0
    for (let l = 1; l <= lines; l++) {
      const count = rand() < 0.78 ? Math.floor(rand() * 60) + 1 : 0
      if (count) hit++
      s += `DA:${l},${count}\n`
    }
    let taken = 0
    for (let b = 0; b < branches; b++) {
      const t = rand() < 0.6 ? Math.floor(rand() * 9) + 1 : rand() < 0.5 ? 0 : '-'
      if (t && t !== '-') taken++
      s += `BRDA:${Math.floor(b * (lines / branches)) + 1},${b >> 1},${b & 1},${t}\n`
    }
    s += `LF:${lines}\nLH:${hit}\nBRF:${branches}\nBRH:${taken}\nend_of_record\n`
    await write(s)
  }
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())))
}
