import { runGitleaks } from './main.js'

await runGitleaks()
