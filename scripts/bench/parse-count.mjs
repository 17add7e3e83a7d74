// The floor the gate is measured against: read the report, JSON.parse it, count severities.
import { readFileSync } from 'node:fs'

const doc = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const counts = {}
for (const result of doc.Results ?? []) {
  for (const v of result.Vulnerabilities ?? []) counts[v.Severity] = (counts[v.Severity] ?? 0) + 1
}
process.stdout.write(`${JSON.stringify(counts)}\n`)
