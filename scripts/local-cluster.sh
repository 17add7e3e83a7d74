#!/usr/bin/env bash
# A real Kubernetes control plane on this machine, without Docker, for the kube-deploy tests:
# etcd, kube-apiserver, kube-controller-manager and kube-scheduler as local processes on
# 127.0.0.1, and the KWOK controller playing the kubelet of a few fake nodes.
#
# KWOK stages (written to <state>/kwok-stages.yaml) take every pod to Running and Ready, except:
#   image tag `crashloop`  the container starts, exits 1 after ~1s, waits in CrashLoopBackOff
#                          (~3s) and is restarted (restartCount + 1), over and over
#   image tag `unready`    the container runs but never becomes Ready
#   image tag `pullerror`  the pod stays Pending, the container waiting in ImagePullBackOff
#
# Usage: scripts/local-cluster.sh up|down|status
#   up      starts everything (or reuses a healthy running cluster); the LAST line printed is the
#           admin kubeconfig path (client certificate). <state>/token.kubeconfig authenticates
#           with a bearer token instead.
#   down    stops every component and deletes the state directory (SGW_CLUSTER_KEEP=true keeps it)
#   status  one line per component; exit 0 only when all run and the API server is ready
#
# Environment:
#   SGW_CLUSTER_DIR        state directory (default ${TMPDIR:-/tmp}/sgw-cluster)
#   SGW_CLUSTER_PORT_BASE  first of 6 loopback ports (default 16440)
#   SGW_CLUSTER_NODES      fake nodes (default 3)
#   SGW_CLUSTER_TIMEOUT    seconds each component may take to become healthy (default 60)
#   SGW_CLUSTER_REAL_NODE  true: `up` also starts one real node (scripts/real-node.sh: containerd,
#                          kubelet, kube-proxy, a CNI bridge and a loopback registry; needs root)
#                          and prints its node.env after the kubeconfig; `down` always stops it
#
# Binaries come from <repo>/.tools/bin (scripts/install-test-tools.sh kube), else from PATH.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="${SGW_CLUSTER_DIR:-${TMPDIR:-/tmp}/sgw-cluster}"
PORT_BASE="${SGW_CLUSTER_PORT_BASE:-16440}"
NODE_COUNT="${SGW_CLUSTER_NODES:-3}"
TIMEOUT="${SGW_CLUSTER_TIMEOUT:-60}"

ETCD_PORT=$((PORT_BASE + 0))
ETCD_PEER_PORT=$((PORT_BASE + 1))
API_PORT=$((PORT_BASE + 3))
KCM_PORT=$((PORT_BASE + 4))
SCHED_PORT=$((PORT_BASE + 5))
KWOK_PORT=$((PORT_BASE + 6))

PKI="${STATE_DIR}/pki"
LOGS="${STATE_DIR}/logs"
PIDS="${STATE_DIR}/pids"
ADMIN_KUBECONFIG="${STATE_DIR}/admin.kubeconfig"
SERVICE_CIDR="10.96.0.0/16"
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok)
MARKER=".sgw-local-cluster"

LOG_TAG=local-cluster
# shellcheck source=lib/daemons.sh
source "${REPO_ROOT}/scripts/lib/daemons.sh"

kubectl_admin() { "$(bin kubectl)" --kubeconfig "$ADMIN_KUBECONFIG" "$@"; }

# --- processes -----------------------------------------------------------------------------------

healthz() { # healthz <port> <path>: an HTTPS health endpoint on loopback (self-signed)
  curl -fsSk --max-time 2 "https://127.0.0.1:$1$2"
}

# --- certificates and kubeconfigs ----------------------------------------------------------------

client_cert() { # client_cert <file-stem> <CN> [O]: a client certificate signed by the cluster CA
  local subj="/CN=$2"
  [[ -n "${3:-}" ]] && subj="/O=$3/CN=$2"
  openssl req -new -newkey rsa:2048 -nodes -keyout "${PKI}/$1.key" -subj "$subj" \
    -out "${PKI}/$1.csr" 2>/dev/null
  openssl x509 -req -in "${PKI}/$1.csr" -CA "${PKI}/ca.crt" -CAkey "${PKI}/ca.key" \
    -CAcreateserial -days 30 -out "${PKI}/$1.crt" \
    -extfile <(printf 'keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n') 2>/dev/null
  rm -f "${PKI}/$1.csr"
}

make_pki() {
  mkdir -p "$PKI"
  chmod 700 "$PKI"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=sgw-local-cluster-ca" \
    -keyout "${PKI}/ca.key" -out "${PKI}/ca.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  # Serving certificate: loopback plus the in-cluster names of the `kubernetes` Service.
  openssl req -new -newkey rsa:2048 -nodes -keyout "${PKI}/apiserver.key" -subj "/CN=kube-apiserver" \
    -out "${PKI}/apiserver.csr" 2>/dev/null
  openssl x509 -req -in "${PKI}/apiserver.csr" -CA "${PKI}/ca.crt" -CAkey "${PKI}/ca.key" \
    -CAcreateserial -days 30 -out "${PKI}/apiserver.crt" -extfile <(
      printf 'keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n'
      printf 'subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,'
      printf 'DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local\n'
    ) 2>/dev/null
  rm -f "${PKI}/apiserver.csr"
  client_cert admin sgw-admin system:masters
  client_cert kube-controller-manager system:kube-controller-manager
  client_cert kube-scheduler system:kube-scheduler
  client_cert kwok sgw-kwok system:masters
  # Service account token signing key pair.
  openssl genrsa -out "${PKI}/sa.key" 2048 2>/dev/null
  openssl rsa -in "${PKI}/sa.key" -pubout -out "${PKI}/sa.pub" 2>/dev/null
  # A static bearer token for the token kubeconfig (group system:masters).
  printf '%s,sgw-token-admin,sgw-token-admin,"system:masters"\n' \
    "$(openssl rand -hex 24)" >"${PKI}/tokens.csv"
  chmod 600 "${PKI}"/*.key "${PKI}/tokens.csv"
}

b64() { base64 -w0 <"$1"; }

write_kubeconfig() { # write_kubeconfig <file> <user> <user-yaml-lines>
  umask 077
  cat >"$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: sgw-local
  cluster:
    server: https://127.0.0.1:${API_PORT}
    certificate-authority-data: $(b64 "${PKI}/ca.crt")
contexts:
- name: sgw-local
  context:
    cluster: sgw-local
    user: $2
    namespace: default
current-context: sgw-local
users:
- name: $2
  user:
$3
EOF
}

cert_kubeconfig() { # cert_kubeconfig <file> <cert-stem>
  write_kubeconfig "$1" "$2" "    client-certificate-data: $(b64 "${PKI}/$2.crt")
    client-key-data: $(b64 "${PKI}/$2.key")"
}

make_kubeconfigs() {
  cert_kubeconfig "$ADMIN_KUBECONFIG" admin
  cert_kubeconfig "${STATE_DIR}/kube-controller-manager.kubeconfig" kube-controller-manager
  cert_kubeconfig "${STATE_DIR}/kube-scheduler.kubeconfig" kube-scheduler
  cert_kubeconfig "${STATE_DIR}/kwok.kubeconfig" kwok
  write_kubeconfig "${STATE_DIR}/token.kubeconfig" token-admin \
    "    token: $(cut -d, -f1 "${PKI}/tokens.csv")"
}

# --- KWOK stages ---------------------------------------------------------------------------------

# Our own stage set, in KWOK's Stage format. Pods: create (IP, ContainerCreating) -> start
# (Running; Ready unless an image tag is crashloop/unready) ; crashloop containers then cycle
# crash -> CrashLoopBackOff -> restart. Terminating pods are removed promptly; Job pods complete.
write_stages() {
  cat >"${STATE_DIR}/kwok-stages.yaml" <<'EOF'
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: sgw-node-initialize
spec:
  resourceRef: {apiGroup: v1, kind: Node}
  selector:
    matchExpressions:
    - key: '.status.conditions.[] | select( .type == "Ready" ) | .status'
      operator: NotIn
      values: ['True']
  next:
    statusTemplate: |
      {{ $now := Now }}
      conditions:
      {{ range NodeConditions }}
      - lastHeartbeatTime: {{ $now | Quote }}
        lastTransitionTime: {{ $now | Quote }}
        message: {{ .message | Quote }}
        reason: {{ .reason | Quote }}
        status: {{ .status | Quote }}
        type: {{ .type | Quote }}
      {{ end }}
      addresses:
      - {address: {{ NodeIP | Quote }}, type: InternalIP}
      - {address: {{ .metadata.name | Quote }}, type: Hostname}
      allocatable: {cpu: "64", memory: 256Gi, pods: "250"}
      capacity: {cpu: "64", memory: 256Gi, pods: "250"}
      nodeInfo:
        architecture: amd64
        bootID: ""
        containerRuntimeVersion: {{ printf "kwok://%s" Version | Quote }}
        kernelVersion: kwok
        kubeProxyVersion: ""
        kubeletVersion: {{ printf "kwok-%s" Version | Quote }}
        machineID: ""
        operatingSystem: linux
        osImage: kwok
        systemUUID: ""
      phase: Running
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: sgw-node-heartbeat
spec:
  resourceRef: {apiGroup: v1, kind: Node}
  selector:
    matchExpressions:
    - key: '.status.conditions.[] | select( .type == "Ready" ) | .status'
      operator: In
      values: ['True']
  delay: {durationMilliseconds: 20000, jitterDurationMilliseconds: 25000}
  next:
    statusTemplate: |
      {{ $now := Now }}
      conditions:
      {{ range NodeConditions }}
      - lastHeartbeatTime: {{ $now | Quote }}
        lastTransitionTime: {{ $.metadata.creationTimestamp | Quote }}
        message: {{ .message | Quote }}
        reason: {{ .reason | Quote }}
        status: {{ .status | Quote }}
        type: {{ .type | Quote }}
      {{ end }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: sgw-pod-create
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: '.metadata.deletionTimestamp', operator: DoesNotExist}
    - {key: '.status.podIP', operator: DoesNotExist}
  delay: {durationMilliseconds: 200, jitterDurationMilliseconds: 400}
  next:
    event: {type: Normal, reason: Created, message: Created container}
    statusTemplate: |
      {{ $now := Now }}
      conditions:
      - {type: Initialized, status: "True", lastProbeTime: null, lastTransitionTime: {{ $now | Quote }}}
      - {type: Ready, status: "False", reason: ContainersNotReady, lastProbeTime: null, lastTransitionTime: {{ $now | Quote }}}
      - {type: ContainersReady, status: "False", reason: ContainersNotReady, lastProbeTime: null, lastTransitionTime: {{ $now | Quote }}}
      {{ with .spec.initContainers }}
      initContainerStatuses:
      {{ range . }}
      - image: {{ .image | Quote }}
        imageID: {{ printf "kwok://%s" .image | Quote }}
        name: {{ .name | Quote }}
        ready: true
        restartCount: 0
        started: false
        state: {terminated: {exitCode: 0, reason: Completed, startedAt: {{ $now | Quote }}, finishedAt: {{ $now | Quote }}}}
      {{ end }}
      {{ end }}
      containerStatuses:
      {{ range .spec.containers }}
      - image: {{ .image | Quote }}
        name: {{ .name | Quote }}
        ready: false
        restartCount: 0
        started: false
        state: {waiting: {reason: ContainerCreating}}
      {{ end }}
      hostIP: {{ NodeIPWith .spec.nodeName | Quote }}
      podIP: {{ PodIPWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) | Quote }}
      phase: Pending
      startTime: {{ $now | Quote }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: sgw-pod-start
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: '.metadata.deletionTimestamp', operator: DoesNotExist}
    - {key: '.status.phase', operator: In, values: [Pending]}
    - {key: '.status.podIP', operator: Exists}
    - {key: '.status.containerStatuses.[].state.running.startedAt', operator: DoesNotExist}
    - key: '[.spec.containers[] | select(.image | endswith(":pullerror"))] | length > 0'
      operator: In
      values: ['false']
  delay: {durationMilliseconds: 300, jitterDurationMilliseconds: 500}
  next:
    event: {type: Normal, reason: Started, message: Started container}
    statusTemplate: |
      {{ $now := Now }}
      {{ $ready := true }}
      {{ range .spec.containers }}{{ if or (hasSuffix ":crashloop" .image) (hasSuffix ":unready" .image) }}{{ $ready = false }}{{ end }}{{ end }}
      conditions:
      {{ if $ready }}
      - {type: Ready, status: "True", lastProbeTime: null, lastTransitionTime: {{ $now | Quote }}}
      - {type: ContainersReady, status: "True", lastProbeTime: null, lastTransitionTime: {{ $now | Quote }}}
      {{ else }}
      - {type: Ready, status: "False", reason: ContainersNotReady, lastProbeTime: null, lastTransitionTime: {{ $now | Quote }}}
      - {type: ContainersReady, status: "False", reason: ContainersNotReady, lastProbeTime: null, lastTransitionTime: {{ $now | Quote }}}
      {{ end }}
      containerStatuses:
      {{ range .spec.containers }}
      - image: {{ .image | Quote }}
        imageID: {{ printf "kwok://%s" .image | Quote }}
        containerID: {{ printf "kwok://%s" .name | Quote }}
        name: {{ .name | Quote }}
        ready: {{ not (or (hasSuffix ":crashloop" .image) (hasSuffix ":unready" .image)) }}
        restartCount: 0
        started: true
        state: {running: {startedAt: {{ $now | Quote }}}}
      {{ end }}
      phase: Running
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: sgw-pod-pull-error
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: '.metadata.deletionTimestamp', operator: DoesNotExist}
    - {key: '.status.phase', operator: In, values: [Pending]}
    - {key: '.status.podIP', operator: Exists}
    - key: '[.spec.containers[] | select(.image | endswith(":pullerror"))] | length > 0'
      operator: In
      values: ['true']
    - key: '[.status.containerStatuses[]? | select(.state.waiting.reason == "ImagePullBackOff")] | length > 0'
      operator: In
      values: ['false']
  delay: {durationMilliseconds: 500}
  next:
    event: {type: Warning, reason: Failed, message: 'Failed to pull image: rpc error: code = NotFound desc = manifest unknown'}
    statusTemplate: |
      containerStatuses:
      {{ range .spec.containers }}
      - image: {{ .image | Quote }}
        imageID: ""
        name: {{ .name | Quote }}
        ready: false
        restartCount: 0
        started: false
        {{ if hasSuffix ":pullerror" .image }}
        state: {waiting: {reason: ImagePullBackOff, message: {{ printf "Back-off pulling image %q: ErrImagePull: manifest unknown" .image | Quote }}}}
        {{ else }}
        state: {waiting: {reason: PodInitializing}}
        {{ end }}
      {{ end }}
      phase: Pending
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: sgw-container-crash
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: '.metadata.deletionTimestamp', operator: DoesNotExist}
    - {key: '.status.phase', operator: In, values: [Running]}
    - key: '[.status.containerStatuses[]? | select((.image | endswith(":crashloop")) and .state.running != null)] | length > 0'
      operator: In
      values: ['true']
  delay: {durationMilliseconds: 1000}
  next:
    event: {type: Warning, reason: BackOff, message: Back-off restarting failed container}
    statusTemplate: |
      {{ $now := Now }}
      {{ $pod := .metadata.name }}
      containerStatuses:
      {{ range .status.containerStatuses }}
      {{ if and (hasSuffix ":crashloop" .image) .state.running }}
      - image: {{ .image | Quote }}
        imageID: {{ .imageID | Quote }}
        containerID: {{ .containerID | Quote }}
        name: {{ .name | Quote }}
        ready: false
        restartCount: {{ .restartCount }}
        started: false
        lastState: {terminated: {exitCode: 1, reason: Error, startedAt: {{ .state.running.startedAt | Quote }}, finishedAt: {{ $now | Quote }}}}
        state: {waiting: {reason: CrashLoopBackOff, message: {{ printf "back-off restarting failed container=%s pod=%s" .name $pod | Quote }}}}
      {{ else }}
      - {{ toJson . }}
      {{ end }}
      {{ end }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: sgw-container-restart
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: '.metadata.deletionTimestamp', operator: DoesNotExist}
    - {key: '.status.phase', operator: In, values: [Running]}
    - key: '[.status.containerStatuses[]? | select(.state.waiting.reason == "CrashLoopBackOff")] | length > 0'
      operator: In
      values: ['true']
  delay: {durationMilliseconds: 3000}
  next:
    statusTemplate: |
      {{ $now := Now }}
      containerStatuses:
      {{ range .status.containerStatuses }}
      {{ if and .state.waiting (eq .state.waiting.reason "CrashLoopBackOff") }}
      - image: {{ .image | Quote }}
        imageID: {{ .imageID | Quote }}
        containerID: {{ .containerID | Quote }}
        name: {{ .name | Quote }}
        ready: false
        restartCount: {{ add .restartCount 1 }}
        started: true
        lastState: {{ toJson .lastState }}
        state: {running: {startedAt: {{ $now | Quote }}}}
      {{ else }}
      - {{ toJson . }}
      {{ end }}
      {{ end }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: sgw-pod-complete
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: '.metadata.deletionTimestamp', operator: DoesNotExist}
    - {key: '.status.phase', operator: In, values: [Running]}
    - key: '.status.conditions.[] | select( .type == "Ready" ) | .status'
      operator: In
      values: ['True']
    - key: '.metadata.ownerReferences.[].kind'
      operator: In
      values: [Job]
  delay: {durationMilliseconds: 1000}
  next:
    statusTemplate: |
      {{ $now := Now }}
      conditions:
      - {type: Ready, status: "False", reason: PodCompleted, lastProbeTime: null, lastTransitionTime: {{ $now | Quote }}}
      - {type: ContainersReady, status: "False", reason: PodCompleted, lastProbeTime: null, lastTransitionTime: {{ $now | Quote }}}
      containerStatuses:
      {{ range .status.containerStatuses }}
      - image: {{ .image | Quote }}
        imageID: {{ .imageID | Quote }}
        containerID: {{ .containerID | Quote }}
        name: {{ .name | Quote }}
        ready: false
        restartCount: {{ .restartCount }}
        started: false
        state: {terminated: {exitCode: 0, reason: Completed, startedAt: {{ .state.running.startedAt | Quote }}, finishedAt: {{ $now | Quote }}}}
      {{ end }}
      phase: Succeeded
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: sgw-pod-delete
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: '.metadata.deletionTimestamp', operator: Exists}
    - {key: '.metadata.finalizers', operator: DoesNotExist}
  delay: {durationMilliseconds: 200}
  next:
    delete: true
EOF
}

nodes_yaml() {
  local i
  for ((i = 0; i < NODE_COUNT; i++)); do
    cat <<EOF
---
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-${i}
  annotations:
    kwok.x-k8s.io/node: fake
    node.alpha.kubernetes.io/ttl: "0"
  labels:
    kubernetes.io/hostname: kwok-node-${i}
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    type: kwok
EOF
  done
}

# --- commands ------------------------------------------------------------------------------------

cmd_up() {
  command -v openssl >/dev/null || die "openssl is needed for the cluster certificates"
  command -v curl >/dev/null || die "curl is needed for the health checks"
  local c
  for c in "${COMPONENTS[@]}" kubectl; do bin "$c" >/dev/null; done

  if [[ -f "$ADMIN_KUBECONFIG" ]] && all_running &&
    kubectl_admin get --raw /readyz --request-timeout=5s >/dev/null 2>&1; then
    log "already up"
    printf '%s\n' "$ADMIN_KUBECONFIG"
    real_node_up
    return 0
  fi
  # Anything half-started from an earlier run goes first: a fresh etcd, fresh certificates.
  cmd_down >/dev/null 2>&1 || true
  if [[ -f "${STATE_DIR}/${MARKER}" ]]; then rm -rf "$STATE_DIR"; fi # kept by SGW_CLUSTER_KEEP
  if [[ -d "$STATE_DIR" ]] && [[ -n "$(ls -A "$STATE_DIR")" ]]; then
    die "${STATE_DIR} exists and is not a cluster state directory; choose another SGW_CLUSTER_DIR"
  fi
  mkdir -p "$LOGS" "$PIDS"
  : >"${STATE_DIR}/${MARKER}"
  # A failed start stops what did start; the state directory stays for its logs.
  trap 'up_failed $?' EXIT
  local t0=$SECONDS

  make_pki
  make_kubeconfigs
  write_stages

  start etcd --name sgw --data-dir "${STATE_DIR}/etcd" \
    --listen-client-urls "http://127.0.0.1:${ETCD_PORT}" \
    --advertise-client-urls "http://127.0.0.1:${ETCD_PORT}" \
    --listen-peer-urls "http://127.0.0.1:${ETCD_PEER_PORT}" \
    --initial-advertise-peer-urls "http://127.0.0.1:${ETCD_PEER_PORT}" \
    --initial-cluster "sgw=http://127.0.0.1:${ETCD_PEER_PORT}" \
    --listen-metrics-urls "" --unsafe-no-fsync --quota-backend-bytes 1073741824 \
    --log-level warn
  wait_for etcd curl -fsS --max-time 2 "http://127.0.0.1:${ETCD_PORT}/health"
  log "etcd ready ($((SECONDS - t0))s)"

  start kube-apiserver \
    --etcd-servers "http://127.0.0.1:${ETCD_PORT}" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$API_PORT" \
    --tls-cert-file "${PKI}/apiserver.crt" --tls-private-key-file "${PKI}/apiserver.key" \
    --client-ca-file "${PKI}/ca.crt" --token-auth-file "${PKI}/tokens.csv" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "${PKI}/sa.pub" \
    --service-account-signing-key-file "${PKI}/sa.key" \
    --service-cluster-ip-range "$SERVICE_CIDR" \
    --authorization-mode Node,RBAC \
    --endpoint-reconciler-type none \
    --profiling=false
  wait_for kube-apiserver kubectl_admin get --raw /readyz --request-timeout=3s
  log "kube-apiserver ready ($((SECONDS - t0))s)"

  start kube-controller-manager \
    --kubeconfig "${STATE_DIR}/kube-controller-manager.kubeconfig" \
    --authentication-kubeconfig "${STATE_DIR}/kube-controller-manager.kubeconfig" \
    --authorization-kubeconfig "${STATE_DIR}/kube-controller-manager.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port "$KCM_PORT" --leader-elect=false \
    --service-account-private-key-file "${PKI}/sa.key" --root-ca-file "${PKI}/ca.crt" \
    --use-service-account-credentials \
    --cluster-signing-cert-file "${PKI}/ca.crt" --cluster-signing-key-file "${PKI}/ca.key" \
    --service-cluster-ip-range "$SERVICE_CIDR" \
    --profiling=false
  start kube-scheduler \
    --kubeconfig "${STATE_DIR}/kube-scheduler.kubeconfig" \
    --authentication-kubeconfig "${STATE_DIR}/kube-scheduler.kubeconfig" \
    --authorization-kubeconfig "${STATE_DIR}/kube-scheduler.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port "$SCHED_PORT" --leader-elect=false \
    --profiling=false
  start kwok \
    --kubeconfig "${STATE_DIR}/kwok.kubeconfig" --config "${STATE_DIR}/kwok-stages.yaml" \
    --manage-all-nodes=false --manage-nodes-with-annotation-selector kwok.x-k8s.io/node=fake \
    --node-lease-duration-seconds 40 --cidr 10.244.0.0/16 --node-ip 10.0.0.1 \
    --server-address "127.0.0.1:${KWOK_PORT}"
  wait_for kube-controller-manager healthz "$KCM_PORT" /healthz
  wait_for kube-scheduler healthz "$SCHED_PORT" /healthz
  wait_for kwok curl -fsS --max-time 2 "http://127.0.0.1:${KWOK_PORT}/healthz"
  log "controller-manager, scheduler, kwok ready ($((SECONDS - t0))s)"

  nodes_yaml | kubectl_admin apply -f - >/dev/null
  wait_for kwok kubectl_admin wait node -l type=kwok --for condition=Ready --timeout 5s
  # Pods need the namespace's default ServiceAccount, which the controller-manager creates.
  wait_for kube-controller-manager kubectl_admin -n default get serviceaccount default
  trap - EXIT
  log "up: ${NODE_COUNT} nodes ready ($((SECONDS - t0))s); state in ${STATE_DIR}"
  printf '%s\n' "$ADMIN_KUBECONFIG"
  real_node_up
}

real_node_up() {
  [[ "${SGW_CLUSTER_REAL_NODE:-false}" == true ]] || return 0
  local env_file
  env_file="$(SGW_CLUSTER_DIR="$STATE_DIR" SGW_CLUSTER_PORT_BASE="$PORT_BASE" bash "${REPO_ROOT}/scripts/real-node.sh" up | tail -n1)" || die "the real node did not start"
  printf '%s\n' "$env_file"
}

up_failed() {
  [[ "$1" -ne 0 ]] || return 0
  stop kwok kube-scheduler kube-controller-manager kube-apiserver
  stop etcd
  log "up failed; components stopped, logs kept in ${LOGS}"
}

cmd_down() {
  if [[ -d "${STATE_DIR}/node" ]]; then SGW_CLUSTER_DIR="$STATE_DIR" SGW_CLUSTER_PORT_BASE="$PORT_BASE" bash "${REPO_ROOT}/scripts/real-node.sh" down || true; fi
  # etcd last, so that the others do not spend their shutdown retrying a missing store.
  stop kwok kube-scheduler kube-controller-manager kube-apiserver
  stop etcd
  # Only a directory this script created is deleted (SGW_CLUSTER_DIR may point anywhere).
  if [[ "${SGW_CLUSTER_KEEP:-false}" != "true" && -f "${STATE_DIR}/${MARKER}" ]]; then
    rm -rf "$STATE_DIR"
  fi
  log "down"
}

cmd_status() {
  local ok=0
  components_status || ok=1
  if [[ $ok -eq 0 ]] && kubectl_admin get --raw /readyz --request-timeout=5s >/dev/null 2>&1; then
    printf '%-24s ready at https://127.0.0.1:%s, %s nodes Ready\n' api "$API_PORT" \
      "$(kubectl_admin get nodes --no-headers 2>/dev/null | awk '$2 == "Ready"' | wc -l)"
    printf '%-24s %s\n' kubeconfig "$ADMIN_KUBECONFIG"
  else
    printf '%-24s not ready\n' api
    ok=1
  fi
  return $ok
}


case "${1:-}" in
  up) lock_state "${STATE_DIR%/}.lock" && cmd_up ;;
  down) lock_state "${STATE_DIR%/}.lock" && cmd_down ;;
  status) cmd_status ;;
  *) die "usage: $0 up|down|status" ;;
esac
