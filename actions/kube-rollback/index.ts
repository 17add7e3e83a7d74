import { runKubeRollback } from './main.js'

await runKubeRollback()
