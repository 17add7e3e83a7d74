import { runTrivy } from './main.js'

await runTrivy()
