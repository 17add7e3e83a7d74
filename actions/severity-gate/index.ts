import { runSeverityGate } from './main.js'

await runSeverityGate()
