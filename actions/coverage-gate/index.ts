import { runCoverageGate } from './main.js'

await runCoverageGate()
