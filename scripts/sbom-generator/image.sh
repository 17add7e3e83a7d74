#!/usr/bin/env bash
# Builds the SBOM generator image (main.go and the static trivy of scripts/install-test-tools.sh)
# as an OCI archive, without a container engine, and pushes it with skopeo.
# Usage: image.sh <docker://reference> [skopeo copy options...]     Prints the manifest digest.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ref="$1"
shift
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rootfs/tmp"
chmod 1777 "$work/rootfs/tmp"
(cd "$here" && CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false go build -trimpath -ldflags "-s -w" -o "$work/rootfs/sbom-generator" .)
cp "$(readlink -f "${root}/.tools/bin/trivy")" "$work/rootfs/trivy"
digest="$(bash "${root}/scripts/real-node/oci-image.sh" "$work/image.tar" "$work/rootfs" sbom-generator \
  '{"Entrypoint":["/sbom-generator"],"Env":["TMPDIR=/tmp"]}')"
"${root}/.tools/bin/skopeo" copy --quiet "$@" "oci-archive:$work/image.tar" "$ref" >/dev/null
printf '%s\n' "$digest"
