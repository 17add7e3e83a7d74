#!/usr/bin/env bash
# npm run demo:deploy: kube-deploy's main job on this machine, on real pods.
#
# Starts scripts/local-cluster.sh with its real node (containerd, kubelet, kube-proxy, a loopback
# registry; needs root), pushes examples/web's images to that registry, then runs dist/kube-deploy
# under Node 24 as the runner would, on examples/web-real-node:
#   1. deploys <registry>/acme/web:1.0.0                  -> result deployed, the Service answers 1.0.0
#   2. deploys <registry>/acme/web:2.0.0-crash (exits 3)  -> result rolled-back, 1.0.0 answering throughout
# prints each step's outputs and job summary, and stops everything. Exit 0 when both are as expected.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

[[ "$(id -u)" == 0 ]] || { echo "demo:deploy runs a real node (containerd, runc, iptables): run it as root" >&2; exit 2; }
[[ -d node_modules ]] || npm ci --no-audit --no-fund
bash scripts/install-test-tools.sh node24 kube runtime >&2
[[ -f dist/kube-deploy/index.js ]] || npm run build >&2

export PATH="$ROOT/.tools/bin:$PATH"
export SGW_CLUSTER_DIR="${TMPDIR:-/tmp}/sgw-demo-cluster" SGW_CLUSTER_PORT_BASE=16600 SGW_CLUSTER_REAL_NODE=true
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sgw-demo-deploy-XXXXXX")"
up="$(bash scripts/local-cluster.sh up)"
trap 'bash scripts/local-cluster.sh down >/dev/null 2>&1 || true' EXIT
KUBECONFIG_FILE="$(sed -n '$!{$!p}' <<<"$up" | tail -n1)"
NODE_ENV="$(tail -n1 <<<"$up")"
# shellcheck disable=SC1090
source "$NODE_ENV"
echo "== pushing examples/web's images to ${REGISTRY}" >&2
bash scripts/real-node/web-images.sh "$NODE_ENV" >&2
kubectl --kubeconfig "$KUBECONFIG_FILE" create namespace demo >/dev/null
kubectl --kubeconfig "$KUBECONFIG_FILE" -n demo create secret docker-registry registry --docker-server="$REGISTRY" \
  --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD" >/dev/null

step() { # step <n> <image>: one kube-deploy run; prints its result
  local dir="$WORK/step-$1"
  mkdir -p "$dir/temp"
  : >"$dir/output" && : >"$dir/summary.md" && : >"$dir/state"
  echo "== kube-deploy web=$2" >&2
  env -i PATH="$PATH" HOME="$HOME" RUNNER_TEMP="$dir/temp" GITHUB_OUTPUT="$dir/output" \
    GITHUB_STEP_SUMMARY="$dir/summary.md" GITHUB_STATE="$dir/state" \
    INPUT_KUBECONFIG="$(base64 -w0 "$KUBECONFIG_FILE")" INPUT_NAMESPACE=demo \
    INPUT_KUSTOMIZE=examples/web-real-node INPUT_IMAGES="web=$2" INPUT_TIMEOUT=2m \
    INPUT_READINESS-GRACE=30s INPUT_MAX-RESTARTS=3 INPUT_ROLLBACK-ON-FAILURE=true \
    "$ROOT/.tools/bin/node24" dist/kube-deploy/index.js | grep -v '^::add-mask::' >&2 || true
  cat "$dir/summary.md" >&2
  sed -n '/^result<</{n;p;}' "$dir/output"
}

service() { # the Service's answer on its cluster IP, through kube-proxy
  local ip
  ip="$(kubectl --kubeconfig "$KUBECONFIG_FILE" -n demo get service web -o jsonpath='{.spec.clusterIP}')"
  curl -fsS --max-time 2 "http://${ip}/version" || echo "(no answer)"
}

status=0
[[ "$(step 1 "${REGISTRY}/acme/web:1.0.0")" == deployed ]] || { echo "!! the good deploy was not deployed" >&2; status=1; }
echo "== the Service answers: $(service)" >&2
[[ "$(step 2 "${REGISTRY}/acme/web:2.0.0-crash")" == rolled-back ]] || { echo "!! the crashing deploy was not rolled back" >&2; status=1; }
answer="$(service)"
echo "== serving now: $answer" >&2
[[ "$answer" == 1.0.0 ]] || status=1
echo "Outputs and summaries: $WORK" >&2
exit $status
