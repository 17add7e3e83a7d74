#!/usr/bin/env bash
# Puts into <dir> exactly the files actions/lib/scanner/checkov-requirements.txt pins for this
# machine's Python (one per requirement, wheels wherever PyPI has one), so that tests can serve them
# offline from a loopback package index and install checkov through the hash-checked path.
#
# The download is `pip download --require-hashes --no-deps` from PyPI and is cached outside the
# checkout, under ${SGW_TOOLS_CACHE:-~/.cache/shared-gh-workflows/tools}/checkov-wheels-<hash of the
# requirements file>/<interpreter>/; a second run checks the cached files' sha256 against the
# requirements file and only copies them (copies, not links: a test may tamper with its copy).
#
# Usage: scripts/fetch-checkov-wheels.sh <dir>      (SGW_PYTHON picks the interpreter; default python3)
# Prints <dir> on stdout.
set -euo pipefail

[[ $# -eq 1 && -n "$1" ]] || {
  echo "usage: $0 <dir>" >&2
  exit 2
}
DEST="$1"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REQS="${REPO_ROOT}/actions/lib/scanner/checkov-requirements.txt"
PYTHON="${SGW_PYTHON:-python3}"
CACHE_DIR="${SGW_TOOLS_CACHE:-${HOME}/.cache/shared-gh-workflows/tools}"
MARKER=".sgw-complete"

log() { printf '[fetch-checkov-wheels] %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

[[ -f "$REQS" ]] || die "${REQS} is missing (node scripts/pin-checkov.mjs writes it)"
command -v "$PYTHON" >/dev/null || die "${PYTHON} not found (set SGW_PYTHON)"
"$PYTHON" -m pip --version >/dev/null 2>&1 || die "${PYTHON} has no pip"

# The file set depends on the interpreter (cpython-3.11, ...) and the platform, so each gets its own
# directory under the requirements' hash.
REQS_HASH="$(sha256sum "$REQS" | cut -c1-16)"
INTERP="$("$PYTHON" -c 'import sys, sysconfig; print("%s-%d.%d-%s" % (sys.implementation.name, *sys.version_info[:2], sysconfig.get_platform()))')"
CACHE="${CACHE_DIR}/checkov-wheels-${REQS_HASH}/${INTERP}"

# Every sha256 the requirements file allows.
allowed_hashes() { grep -o 'sha256:[0-9a-f]\{64\}' "$REQS" | cut -d: -f2 | sort -u; }

# True when every file in the cache directory has an allowed hash.
cache_is_good() {
  [[ -f "${CACHE}/${MARKER}" ]] || return 1
  local actual
  actual="$(cd "$CACHE" && find . -maxdepth 1 -type f ! -name "$MARKER" -printf '%f\0' | xargs -0 -r sha256sum | cut -d' ' -f1 | sort -u)"
  [[ -n "$actual" ]] || return 1
  [[ -z "$(comm -23 <(printf '%s\n' "$actual") <(allowed_hashes))" ]]
}

download() {
  local tmp="${CACHE}.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  # --isolated: no pip.conf or PIP_* variable (a find-links directory, a mirror) takes part.
  local pip=("$PYTHON" -m pip download --isolated --disable-pip-version-check --quiet --timeout 120
    --require-hashes --no-deps -r "$REQS" -d "$tmp")
  local cert="${PIP_CERT:-${SSL_CERT_FILE:-}}"
  [[ -z "$cert" ]] || pip+=(--cert "$cert")
  log "downloading the pinned files for ${INTERP} into ${CACHE}"
  if ! "${pip[@]}" --only-binary=:all:; then
    log "some requirement has no wheel for ${INTERP}; allowing sdists where a wheel is missing"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    "${pip[@]}" --prefer-binary || {
      rm -rf "$tmp"
      die "pip download failed"
    }
  fi
  local sdists
  sdists="$(cd "$tmp" && find . -maxdepth 1 -type f ! -name '*.whl' -printf '%f\n' | sort)"
  [[ -z "$sdists" ]] || log "no wheel for ${INTERP}, sdist downloaded: $(echo $sdists)"
  date -u +%Y-%m-%dT%H:%M:%SZ >"${tmp}/${MARKER}"
  rm -rf "$CACHE"
  mv "$tmp" "$CACHE"
}

mkdir -p "$CACHE_DIR"
# One fetch at a time per cache; a concurrent run waits, then finds the files cached.
exec 9>"${CACHE_DIR}/.checkov-wheels.lock"
flock 9

if cache_is_good; then
  log "cached: ${CACHE}"
else
  download
  cache_is_good || die "downloaded files do not match ${REQS}"
fi
flock -u 9

mkdir -p "$DEST"
stray="$(comm -13 <(cd "$CACHE" && ls -A | grep -vx "$MARKER" | sort) <(ls -A "$DEST" | sort))"
[[ -z "$stray" ]] || die "${DEST} holds files that are not in the pinned set: $(echo $stray)"
(cd "$CACHE" && find . -maxdepth 1 -type f ! -name "$MARKER" -printf '%f\0') |
  xargs -0 -I{} cp --reflink=auto -p "${CACHE}/{}" "${DEST}/{}"
count="$(find "$DEST" -maxdepth 1 -type f | wc -l)"
log "${count} files ($(du -sh "$DEST" | cut -f1)) in ${DEST}"
printf '%s\n' "$DEST"
