import { runSonarGateAction } from './main.js'

await runSonarGateAction()
