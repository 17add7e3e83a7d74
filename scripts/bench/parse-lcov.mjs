// The floor the coverage gate is measured against: read the LCOV report and parse it, i.e. split
// it into records and count the covered and coverable lines of each file's DA records.
import { readFileSync } from 'node:fs'

let covered = 0
let total = 0
let files = 0
for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (line.startsWith('DA:')) {
    const comma = line.indexOf(',')
    const hits = Number.parseInt(line.slice(comma + 1), 10)
    total++
    if (hits > 0) covered++
  } else if (line.startsWith('SF:')) files++
}
process.stdout.write(`${JSON.stringify({ files, covered, total })}\n`)
