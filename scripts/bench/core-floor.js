// The start-up floor of every toolkit action: @actions/core alone, bundled by startup.mjs with the
// actions' ncc settings (never shipped in dist/). Like an action started without its inputs, it
// asks for a required input and fails with one line. A .js file (ESM by the root package.json), as
// the actions' compiled entries are, so that ncc emits the same shape: index.js and package.json.
import * as core from '@actions/core'

try {
  core.getInput('floor', { required: true })
} catch (error) {
  core.setFailed(error instanceof Error ? error.message : String(error))
}
