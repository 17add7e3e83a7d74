#!/usr/bin/env bash
# npm test: every tier. Installs (or reuses, from ~/.cache/shared-gh-workflows/tools) the real
# tools the tests run, then runs jest. Under CI=true a missing tool fails; nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-tools.sh
node_modules/.bin/tsc -p tsconfig.json --noEmit
exec node --experimental-vm-modules node_modules/jest/bin/jest.js "$@"
