import { runSemverTag } from './main.js'

await runSemverTag()
