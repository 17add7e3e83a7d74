#!/usr/bin/env bash
# Regenerates __tests__/fixtures/coverage/<lang>/: the reports the real coverage tools write for
# examples/coverage/<lang> (scripts/coverage-reports.sh), kept so the unit tests read what the
# field produces without running the tools. Each example is copied to a temporary
# <tmp>/examples/coverage/<lang> first, so the reports carry absolute paths of another machine
# that still end in the repository's paths (the gate maps them by that ending).
#
# Usage: scripts/make-coverage-fixtures.sh [python go node java]   (needs install-test-tools.sh coverage)
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/sgw-coverage-fixtures.XXXXXX")"
trap 'rm -rf "$work"' EXIT
langs=("$@")
[[ ${#langs[@]} -gt 0 ]] || langs=(python go node java)
for lang in "${langs[@]}"; do
  mkdir -p "${work}/examples/coverage"
  cp -R "${REPO_ROOT}/examples/coverage/${lang}" "${work}/examples/coverage/${lang}"
  out="${REPO_ROOT}/__tests__/fixtures/coverage/${lang}"
  rm -rf "$out"
  bash "${REPO_ROOT}/scripts/coverage-reports.sh" "$lang" "${work}/examples/coverage/${lang}" "$out"
  echo "__tests__/fixtures/coverage/${lang}: $(cd "$out" && ls | tr '\n' ' ')"
done
