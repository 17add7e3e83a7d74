#!/usr/bin/env bash
# Builds the example service's static binary into examples/web/bin/web (what the Dockerfile copies).
# Usage: examples/web/build.sh [version]
set -euo pipefail
cd "$(dirname "$0")"
CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false \
  go build -trimpath -ldflags "-s -w -X main.version=${1:-dev}" -o bin/web .
