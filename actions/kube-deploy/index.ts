import { runKubeDeploy } from './main.js'

await runKubeDeploy()
