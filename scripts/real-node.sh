#!/usr/bin/env bash
# One real Kubernetes node beside the KWOK nodes of scripts/local-cluster.sh: containerd (Debian's
# 1.6) with runc and a CNI bridge, a kubelet registered with the local control plane, kube-proxy
# (iptables), and a loopback registry with basic auth that the node pulls from. Pods run as real
# containers, answer on their pod IPs, and Services reach them from this machine.
#
# Usage: scripts/real-node.sh up|down|status      (as root; the cluster must be up first)
#   up      starts the node (or reuses a healthy one); the LAST line printed is <state>/node.env,
#           a file of KEY=value lines: NODE_NAME, NODE_IP, POD_CIDR, REGISTRY, REGISTRY_USER,
#           REGISTRY_PASSWORD, PAUSE_IMAGE, TOLERATION_KEY
#   down    stops every process it started (by pid), kills the pods' containers, unmounts and
#           removes their network namespaces, the bridge, kube-proxy's iptables rules, the Node
#           object and <state>
#   status  one line per component; exit 0 only when all run and the node is Ready
#
# Environment: SGW_CLUSTER_DIR and SGW_CLUSTER_PORT_BASE as for local-cluster.sh (the node's state
# is <cluster state>/node; its ports are PORT_BASE+8 to +12); SGW_CLUSTER_TIMEOUT (default 60).
# Addresses: only loopback and 10.89.N.0/24 (N from the port base), on a bridge this script
# creates. One real node per machine (kube-proxy owns the host's iptables service chains).
# Binaries: scripts/install-test-tools.sh runtime (Debian's packages, kubelet, kube-proxy).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="${REPO_ROOT}/scripts/real-node"
CLUSTER_DIR="${SGW_CLUSTER_DIR:-${TMPDIR:-/tmp}/sgw-cluster}"
PORT_BASE="${SGW_CLUSTER_PORT_BASE:-16440}"
TIMEOUT="${SGW_CLUSTER_TIMEOUT:-60}"

export NODE_STATE="${CLUSTER_DIR}/node"
export ADMIN_KUBECONFIG="${CLUSTER_DIR}/admin.kubeconfig"
export PKI="${CLUSTER_DIR}/pki"
export NODE_NAME="sgw-real-node"
NET_INDEX=$(((PORT_BASE / 20) % 250))
export POD_CIDR="10.89.${NET_INDEX}.0/24"
export NODE_IP="10.89.${NET_INDEX}.1"
export NODE_BRIDGE="sgwbr${PORT_BASE}"
export REGISTRY="127.0.0.1:$((PORT_BASE + 8))"
export KUBELET_PORT=$((PORT_BASE + 9))
export KUBELET_HEALTHZ_PORT=$((PORT_BASE + 10))
export PROXY_HEALTHZ_PORT=$((PORT_BASE + 11))
export PROXY_METRICS_PORT=$((PORT_BASE + 12))
export PAUSE_IMAGE="sgw.local/pause:1.0"
TOLERATION_KEY="sgw.dev/real-node"
OWNER_FILE="/run/sgw-real-node.owner"

LOGS="${NODE_STATE}/logs"
PIDS="${NODE_STATE}/pids"
COMPONENTS=(docker-registry containerd kubelet kube-proxy)
LOG_TAG=real-node
# shellcheck source=lib/daemons.sh
source "${REPO_ROOT}/scripts/lib/daemons.sh"

kubectl_admin() { "$(bin kubectl)" --kubeconfig "$ADMIN_KUBECONFIG" "$@"; }
ctr_node() { "$(bin ctr)" --address "${NODE_STATE}/containerd.sock" -n k8s.io "$@"; }

render() { # render <template> <out>: ${VAR} of the exported settings filled in
  envsubst '${NODE_STATE} ${ADMIN_KUBECONFIG} ${PKI} ${NODE_NAME} ${POD_CIDR} ${NODE_IP} ${NODE_BRIDGE}
    ${REGISTRY} ${KUBELET_PORT} ${KUBELET_HEALTHZ_PORT} ${PROXY_HEALTHZ_PORT} ${PROXY_METRICS_PORT}
    ${PAUSE_IMAGE}' <"${HERE}/$1" >"$2"
}

node_ready() {
  [[ "$(kubectl_admin get node "$NODE_NAME" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null)" == True ]]
}

preflight() {
  [[ "$(id -u)" == 0 ]] || die "the real node needs root (containerd, runc, network namespaces, iptables)"
  [[ -f "$ADMIN_KUBECONFIG" ]] || die "no cluster at ${CLUSTER_DIR}; start it first: scripts/local-cluster.sh up"
  local c
  for c in containerd ctr runc kubelet kube-proxy kubectl docker-registry htpasswd; do
    bin "$c" >/dev/null
  done
  for c in iptables ip gcc envsubst; do
    command -v "$c" >/dev/null || die "$c is missing; run: scripts/install-test-tools.sh runtime"
  done
  [[ -x /usr/lib/cni/bridge && -x /usr/lib/cni/host-local ]] ||
    die "the CNI plugins are missing in /usr/lib/cni; run: scripts/install-test-tools.sh runtime"
  if [[ -f "$OWNER_FILE" ]]; then
    local other
    other="$(cat "$OWNER_FILE")"
    if [[ "$other" != "$NODE_STATE" && -d "$other" ]] &&
      PIDS="${other}/pids" pid_of kube-proxy >/dev/null; then
      die "another real node runs on this machine (${other}); stop it first (one per machine)"
    fi
  fi
}

make_pause_image() {
  local root="${NODE_STATE}/pause-rootfs"
  mkdir -p "$root"
  gcc -static -O2 -s -o "${root}/pause" "${HERE}/pause.c"
  bash "${HERE}/oci-image.sh" "${NODE_STATE}/pause.tar" "$root" "$PAUSE_IMAGE" \
    '{"Entrypoint":["/pause"],"User":"65535:65535"}' >/dev/null
  ctr_node images import --snapshotter native "${NODE_STATE}/pause.tar" >/dev/null
  ctr_node images label "$PAUSE_IMAGE" io.cri-containerd.pinned=pinned >/dev/null 2>&1 || true
}

cmd_up() {
  preflight
  if [[ -f "${NODE_STATE}/node.env" ]] && all_running && node_ready; then
    log "already up"
    printf '%s\n' "${NODE_STATE}/node.env"
    return 0
  fi
  cmd_down >/dev/null 2>&1 || true
  mkdir -p "$LOGS" "$PIDS" "${NODE_STATE}/cni" "${NODE_STATE}/registry"
  printf '%s\n' "$NODE_STATE" >"$OWNER_FILE"
  trap 'up_failed $?' EXIT
  local t0=$SECONDS

  # The bridge exists before the first pod so that the kubelet can bind to the node address.
  ip link add "$NODE_BRIDGE" type bridge
  ip addr add "${NODE_IP}/24" dev "$NODE_BRIDGE"
  ip link set "$NODE_BRIDGE" up
  render cni.conflist "${NODE_STATE}/cni/10-sgw.conflist"
  render containerd.toml "${NODE_STATE}/containerd.toml"
  render kubelet.yaml "${NODE_STATE}/kubelet.yaml"
  render kube-proxy.yaml "${NODE_STATE}/kube-proxy.yaml"
  render registry.yml "${NODE_STATE}/registry.yml"

  local password
  password="$(openssl rand -hex 16)"
  htpasswd -Bbn sgw-registry-user "$password" >"${NODE_STATE}/registry.htpasswd"
  start docker-registry serve "${NODE_STATE}/registry.yml"
  # Up when /v2/ asks for a login (401) and accepts ours (200).
  wait_for docker-registry curl -fsS --max-time 2 -u "sgw-registry-user:${password}" "http://${REGISTRY}/v2/"
  log "registry ready at ${REGISTRY} ($((SECONDS - t0))s)"

  start containerd --config "${NODE_STATE}/containerd.toml"
  wait_for containerd ctr_node version
  make_pause_image
  log "containerd ready, pause image imported ($((SECONDS - t0))s)"

  start kubelet --config "${NODE_STATE}/kubelet.yaml" --kubeconfig "$ADMIN_KUBECONFIG" \
    --hostname-override "$NODE_NAME" --node-ip "$NODE_IP" \
    --node-labels "type=real,sgw.dev/real-node=true" \
    --root-dir "${NODE_STATE}/kubelet" --cert-dir "${NODE_STATE}/kubelet-pki"
  wait_for kubelet node_ready
  log "kubelet registered ${NODE_NAME}, Ready ($((SECONDS - t0))s)"

  start kube-proxy --config "${NODE_STATE}/kube-proxy.yaml"
  wait_for kube-proxy curl -fsS --max-time 2 "http://127.0.0.1:${PROXY_HEALTHZ_PORT}/healthz"
  log "kube-proxy ready ($((SECONDS - t0))s)"

  cat >"${NODE_STATE}/node.env" <<ENV
NODE_NAME=${NODE_NAME}
NODE_IP=${NODE_IP}
POD_CIDR=${POD_CIDR}
REGISTRY=${REGISTRY}
REGISTRY_USER=sgw-registry-user
REGISTRY_PASSWORD=${password}
PAUSE_IMAGE=${PAUSE_IMAGE}
TOLERATION_KEY=${TOLERATION_KEY}
ENV
  chmod 600 "${NODE_STATE}/node.env"
  trap - EXIT
  log "up: ${NODE_NAME} Ready, pods on ${POD_CIDR}, registry ${REGISTRY} ($((SECONDS - t0))s)"
  printf '%s\n' "${NODE_STATE}/node.env"
}

up_failed() {
  [[ "$1" -ne 0 ]] || return 0
  log "up failed; stopping what started (logs kept in ${LOGS})"
  SGW_NODE_KEEP=true cmd_down >/dev/null 2>&1 || true
}

# The pods' containers: killed, removed, their network namespaces unmounted and deleted.
remove_pods() {
  pid_of containerd >/dev/null || return 0
  local id netns
  for id in $(ctr_node tasks ls -q 2>/dev/null); do ctr_node tasks kill -s SIGKILL "$id" >/dev/null 2>&1 || true; done
  sleep 0.5
  for id in $(ctr_node containers ls -q 2>/dev/null); do
    netns="$(ctr_node containers info "$id" 2>/dev/null | sed -n 's#.*"path": "\(/var/run/netns/cni-[^"]*\)".*#\1#p' | head -n1)"
    ctr_node tasks delete -f "$id" >/dev/null 2>&1 || true
    ctr_node containers delete "$id" >/dev/null 2>&1 || true
    if [[ -n "$netns" ]]; then
      umount "$netns" 2>/dev/null || true
      rm -f "$netns"
    fi
  done
}

# The kubelet's own chains (its canary, and KUBE-FIREWALL, which drops traffic to 127.0.0.0/8 from
# other sources); kube-proxy --cleanup leaves them.
remove_kubelet_chains() {
  local cmd table chain
  for cmd in iptables ip6tables; do
    command -v "$cmd" >/dev/null || continue
    "$cmd" -D INPUT -j KUBE-FIREWALL 2>/dev/null || true
    "$cmd" -D OUTPUT -j KUBE-FIREWALL 2>/dev/null || true
    for table in filter nat mangle; do
      for chain in KUBE-FIREWALL KUBE-KUBELET-CANARY KUBE-IPTABLES-HINT; do
        "$cmd" -t "$table" -F "$chain" 2>/dev/null || true
        "$cmd" -t "$table" -X "$chain" 2>/dev/null || true
      done
    done
  done
}

cmd_down() {
  stop kube-proxy
  if pid_of kubelet >/dev/null || [[ -f "${NODE_STATE}/kube-proxy.yaml" ]]; then
    "$(bin kube-proxy)" --cleanup >/dev/null 2>&1 || true
  fi
  stop kubelet
  if [[ -f "${NODE_STATE}/kubelet.yaml" ]]; then remove_kubelet_chains; fi
  remove_pods
  stop containerd docker-registry
  # Shims of this containerd (each pod's container runs under one) outlive it.
  pkill -KILL -f "containerd-shim-runc-v2 .*-address ${NODE_STATE}/containerd.sock" 2>/dev/null || true
  if [[ -d "$NODE_STATE" ]]; then
    findmnt -rn -o TARGET | grep -F "${NODE_STATE}/" | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  fi
  ip link del "$NODE_BRIDGE" 2>/dev/null || true
  if [[ -f "$ADMIN_KUBECONFIG" ]]; then
    kubectl_admin delete node "$NODE_NAME" --ignore-not-found --request-timeout=5s >/dev/null 2>&1 || true
  fi
  if [[ -f "$OWNER_FILE" && "$(cat "$OWNER_FILE")" == "$NODE_STATE" ]]; then rm -f "$OWNER_FILE"; fi
  if [[ "${SGW_NODE_KEEP:-false}" != true ]]; then rm -rf "$NODE_STATE"; fi
  log "down"
}

cmd_status() {
  local ok=0
  components_status || ok=1
  if node_ready; then
    printf '%-24s %s Ready, pods on %s, registry %s\n' node "$NODE_NAME" "$POD_CIDR" "$REGISTRY"
  else
    printf '%-24s %s not Ready\n' node "$NODE_NAME"
    ok=1
  fi
  return $ok
}


case "${1:-}" in
  up) lock_state "${CLUSTER_DIR%/}.node.lock" && cmd_up ;;
  down) lock_state "${CLUSTER_DIR%/}.node.lock" && cmd_down ;;
  status) cmd_status ;;
  *) die "usage: $0 up|down|status" ;;
esac
