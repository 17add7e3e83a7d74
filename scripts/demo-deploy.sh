#!/usr/bin/env bash
# npm run demo:deploy: kube-deploy's main job on this machine, on a real local control plane.
#
# Starts scripts/local-cluster.sh (its own state folder and ports), then runs dist/kube-deploy under
# Node 24 as the runner would, on examples/web-deploy:
#   1. deploys ghcr.io/acme/web:1.0.0                       -> result deployed
#   2. deploys ghcr.io/acme/web:crashloop (crash-loops)     -> result rolled-back, 1.0.0 serving again
# prints each step's outputs and job summary, and stops the cluster. Exit 0 when both are as expected.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

[[ -d node_modules ]] || npm ci --no-audit --no-fund
bash scripts/install-test-tools.sh >&2
[[ -f dist/kube-deploy/index.js ]] || npm run build >&2

export PATH="$ROOT/.tools/bin:$PATH"
export SGW_CLUSTER_DIR="${TMPDIR:-/tmp}/sgw-demo-cluster" SGW_CLUSTER_PORT_BASE=16600
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sgw-demo-deploy-XXXXXX")"
KUBECONFIG_FILE="$(bash scripts/local-cluster.sh up | tail -n1)"
trap 'bash scripts/local-cluster.sh down >/dev/null 2>&1 || true' EXIT
kubectl --kubeconfig "$KUBECONFIG_FILE" create namespace demo >/dev/null

step() { # step <n> <image>: one kube-deploy run; prints its result
  local dir="$WORK/step-$1"
  mkdir -p "$dir/temp"
  : >"$dir/output" && : >"$dir/summary.md" && : >"$dir/state"
  echo "== kube-deploy web=$2" >&2
  env -i PATH="$PATH" HOME="$HOME" RUNNER_TEMP="$dir/temp" GITHUB_OUTPUT="$dir/output" \
    GITHUB_STEP_SUMMARY="$dir/summary.md" GITHUB_STATE="$dir/state" \
    INPUT_KUBECONFIG="$(base64 -w0 "$KUBECONFIG_FILE")" INPUT_NAMESPACE=demo \
    INPUT_MANIFESTS=examples/web-deploy INPUT_IMAGES="web=$2" INPUT_TIMEOUT=5m \
    INPUT_READINESS-GRACE=60s INPUT_MAX-RESTARTS=3 INPUT_ROLLBACK-ON-FAILURE=true \
    "$ROOT/.tools/bin/node24" dist/kube-deploy/index.js | grep -v '^::add-mask::' >&2 || true
  cat "$dir/summary.md" >&2
  sed -n '/^result<</{n;p;}' "$dir/output"
}

status=0
[[ "$(step 1 ghcr.io/acme/web:1.0.0)" == deployed ]] || { echo "!! the good deploy was not deployed" >&2; status=1; }
[[ "$(step 2 ghcr.io/acme/web:crashloop)" == rolled-back ]] || { echo "!! the crash-looping deploy was not rolled back" >&2; status=1; }
image="$(kubectl --kubeconfig "$KUBECONFIG_FILE" -n demo get deployment web -o jsonpath='{.spec.template.spec.containers[0].image}')"
echo "== serving now: $image" >&2
[[ "$image" == ghcr.io/acme/web:1.0.0 ]] || status=1
echo "Outputs and summaries: $WORK" >&2
exit $status
