#!/usr/bin/env bash
# npm test: every tier. Installs (or reuses, from ~/.cache/shared-gh-workflows/tools) the real
# tools the tests run, then runs jest. Under CI=true a missing tool fails; nothing is skipped.
#
# With no arguments the bundle start-up times (__tests__/e2e/bundles.test.ts, the `startup`
# project) are measured first, alone: the later tiers (unit, properties, e2e) keep both cores busy
# (the control plane, the scanners, act), and a start-up time taken beside them measures the
# neighbours, not the bundle. With arguments, jest gets them as they are (`npm test -- <file>`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-tools.sh
node_modules/.bin/tsc -p tsconfig.json --noEmit
JEST=(node --experimental-vm-modules node_modules/jest/bin/jest.js)
if [ "$#" -eq 0 ]; then
  "${JEST[@]}" --selectProjects startup
  exec "${JEST[@]}" --selectProjects unit properties e2e
fi
exec "${JEST[@]}" "$@"
