#!/usr/bin/env bash
# Builds a small, real Trivy vulnerability DB for offline tests (Trivy normally downloads its DB
# from ghcr.io / mirror.gcr.io, which this machine cannot reach).
#
# The builder is scripts/trivy-test-db (a Go program on trivy-db's own packages). It is compiled
# once per source hash into ${SGW_TOOLS_CACHE:-~/.cache/shared-gh-workflows/tools}/trivy-test-db-<hash>/
# and then writes <out>/db/trivy.db and <out>/db/metadata.json from the advisory JSON file, so that
#
#   trivy fs --cache-dir <out> --skip-db-update --scanners vuln <dir>
#
# reports the advisories in the file without any network access (details: __tests__/fixtures/TRIVY-DB.md).
#
# The DB must use the trivy-db version (schema) the trivy binary was built with. The builder pins
# the trivy-db version of the trivy that scripts/install-test-tools.sh installs; when a trivy
# binary is found (--trivy, $TRIVY, <repo>/.tools/bin/trivy, or trivy on PATH) whose build info
# names another trivy-db version, the builder is compiled against that version instead (fetched
# through the Go module proxy) and a note is printed.
#
# Usage: scripts/build-trivy-test-db.sh [--trivy PATH] [--advisories FILE] [--force] <out-cache-dir>
#   --advisories  default: __tests__/fixtures/trivy-advisories.json
#   --force       rebuild the DB even if <out> already holds one built from the same inputs
# Prints <out> on stdout.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC_DIR="${REPO_ROOT}/scripts/trivy-test-db"
CACHE_DIR="${SGW_TOOLS_CACHE:-${HOME}/.cache/shared-gh-workflows/tools}"
TRIVY_DB_MODULE="github.com/aquasecurity/trivy-db"
MARKER=".sgw-complete"

log() { printf '[build-trivy-test-db] %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
  exit 2
}

trivy_bin="${TRIVY:-}"
advisories="${REPO_ROOT}/__tests__/fixtures/trivy-advisories.json"
force=false
out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --trivy) trivy_bin="${2:?--trivy needs a path}"; shift 2 ;;
    --advisories) advisories="${2:?--advisories needs a file}"; shift 2 ;;
    --force) force=true; shift ;;
    -h | --help) usage ;;
    -*) die "unknown option $1" ;;
    *) [[ -z "$out" ]] || die "only one output directory"; out="$1"; shift ;;
  esac
done
[[ -n "$out" ]] || usage
[[ -f "$advisories" ]] || die "advisory file not found: $advisories"
command -v go >/dev/null || die "go is needed to build the DB builder"

sha256() { sha256sum | cut -c1-16; }

# --- which trivy-db version -------------------------------------------------------------------

pinned_version="$(sed -n "s|^[[:space:]]*${TRIVY_DB_MODULE//./\\.} \(v[^[:space:]]*\).*|\1|p" "${SRC_DIR}/go.mod" | head -n1)"
[[ -n "$pinned_version" ]] || die "no ${TRIVY_DB_MODULE} requirement in ${SRC_DIR}/go.mod"

if [[ -z "$trivy_bin" ]]; then
  if [[ -x "${REPO_ROOT}/.tools/bin/trivy" ]]; then
    trivy_bin="${REPO_ROOT}/.tools/bin/trivy"
  else
    trivy_bin="$(command -v trivy || true)"
  fi
fi

want_version="$pinned_version"
if [[ -n "$trivy_bin" ]]; then
  [[ -x "$trivy_bin" ]] || die "trivy binary not executable: $trivy_bin"
  # `go version -m` lists the modules compiled in: "dep <path> <version> <sum>", "=> <path> <version>" for a replace.
  trivy_db_in_trivy="$(go version -m "$trivy_bin" 2>/dev/null | awk -v m="$TRIVY_DB_MODULE" '
    $1 == "dep" && $2 == m { v = $3; dep = 1; next }
    dep && $1 == "=>" { v = $3 }
    { dep = 0 }
    END { print v }')"
  if [[ -z "$trivy_db_in_trivy" ]]; then
    log "note: cannot read trivy-db's version from ${trivy_bin} (no Go build info); using ${pinned_version}"
  elif [[ "$trivy_db_in_trivy" != "$pinned_version" ]]; then
    log "note: ${trivy_bin} was built with trivy-db ${trivy_db_in_trivy}; building against it (go.mod pins ${pinned_version})"
    want_version="$trivy_db_in_trivy"
  fi
fi

# --- build the builder (cached by source hash) ------------------------------------------------

src_hash="$(cat "${SRC_DIR}/main.go" "${SRC_DIR}/go.mod" "${SRC_DIR}/go.sum" <(echo "$want_version") <(go env GOVERSION) | sha256)"
tool_dir="${CACHE_DIR}/trivy-test-db-${src_hash}"
builder="${tool_dir}/trivy-test-db"

build_builder() {
  rm -rf "$tool_dir"
  mkdir -p "$tool_dir"
  local work="${tool_dir}/.build"
  mkdir -p "$work"
  cp "${SRC_DIR}/main.go" "${SRC_DIR}/go.mod" "${SRC_DIR}/go.sum" "$work/"
  (
    cd "$work"
    export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-buildvcs=false -trimpath"
    if [[ "$want_version" != "$pinned_version" ]]; then
      go mod edit -require="${TRIVY_DB_MODULE}@${want_version}"
      go mod tidy
    fi
    go build -ldflags "-s -w" -o "$builder" .
  )
  rm -rf "$work"
  date -u +%Y-%m-%dT%H:%M:%SZ >"${tool_dir}/${MARKER}"
}

mkdir -p "$CACHE_DIR"
if [[ ! -f "${tool_dir}/${MARKER}" ]]; then
  exec 9>"${CACHE_DIR}/.trivy-test-db.lock"
  flock 9
  if [[ ! -f "${tool_dir}/${MARKER}" ]]; then
    log "building the DB builder (trivy-db ${want_version}) into ${tool_dir}"
    build_builder || die "building ${SRC_DIR} failed"
  fi
  exec 9>&-
fi

# --- write the DB -----------------------------------------------------------------------------

mkdir -p "$out"
out="$(cd "$out" && pwd)"
stamp_file="${out}/db/.sgw-trivy-test-db"
stamp="$(cat "$builder" "$advisories" | sha256)"
if ! $force && [[ -f "${out}/db/trivy.db" && -f "${out}/db/metadata.json" && -f "$stamp_file" ]] &&
  [[ "$(cat "$stamp_file")" == "$stamp" ]]; then
  log "up to date: ${out}/db"
else
  "$builder" -advisories "$advisories" -out "$out"
  echo "$stamp" >"$stamp_file"
fi
echo "$out"
