#!/usr/bin/env bash
# Builds examples/web and pushes its images to the real node's loopback registry (no container
# engine needed: scripts/real-node/oci-image.sh writes each image, skopeo copies it):
#   <registry>/acme/web:1.0.0 and :2.0.0   good releases
#   <registry>/acme/web:2.0.0-crash        exits with status 3 at start (WEB_MODE=crash)
#   <registry>/acme/web:2.0.0-unready      runs, /readyz never 200 (WEB_MODE=unready)
#   <registry>/acme/web:2.0.0-errors       ready, but /healthz answers 500 (WEB_MODE=errors)
# Usage: web-images.sh <node.env>   (the file scripts/real-node.sh up printed)
# Prints one line per image: <tag> <manifest digest>.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck disable=SC1090
source "$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
skopeo_bin="${root}/.tools/bin/skopeo"
[[ -x "$skopeo_bin" ]] || skopeo_bin=skopeo

build() { # build <version>: the static binary in <work>/rootfs-<version>/web
  mkdir -p "$work/rootfs-$1"
  (cd "$root/examples/web" && CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false \
    go build -trimpath -ldflags "-s -w -X main.version=$1" -o "$work/rootfs-$1/web" .)
}

push() { # push <version> <tag> <mode>
  local tar="$work/$2.tar" digest
  digest="$(bash "$here/oci-image.sh" "$tar" "$work/rootfs-$1" "$2" \
    "{\"Entrypoint\":[\"/web\"],\"User\":\"65532:65532\",\"Env\":[\"WEB_VERSION=$1\",\"WEB_MODE=$3\"],\"ExposedPorts\":{\"8080/tcp\":{}}}")"
  "$skopeo_bin" copy --quiet --dest-tls-verify=false --dest-creds "${REGISTRY_USER}:${REGISTRY_PASSWORD}" \
    "oci-archive:${tar}" "docker://${REGISTRY}/acme/web:$2" >/dev/null
  printf '%s/acme/web:%s %s\n' "$REGISTRY" "$2" "$digest"
}

build 1.0.0
build 2.0.0
push 1.0.0 1.0.0 ""
push 2.0.0 2.0.0 ""
push 2.0.0 2.0.0-crash crash
push 2.0.0 2.0.0-unready unready
push 2.0.0 2.0.0-errors errors
