import { runSlackNotify } from './main.js'

await runSlackNotify()
