import { runCheckov } from './main.js'

await runCheckov()
