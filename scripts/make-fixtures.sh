#!/usr/bin/env bash
# Regenerates the real scanner reports in __tests__/fixtures/reports/ with the pinned tools from
# scripts/install-test-tools.sh. Every report is the tool's own output, untouched; the commands
# are listed in __tests__/fixtures/README.md.
#
# The targets are copied to a fixed scratch directory (default /tmp/sgw-fixtures) and each tool
# runs from inside its target, so paths in the reports are relative where the tool allows it and
# the absolute ones (checkov's file_abs_path) do not depend on where the checkout lives.
# Scanners run without network (a fresh network namespace when `unshare` allows it) to prove the
# offline flags are enough.
#
# Usage: scripts/make-fixtures.sh            (trivy vulnerability reports are made elsewhere)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${REPO_ROOT}/.tools/bin"
OUT="${REPO_ROOT}/__tests__/fixtures/reports"
WORK="${SGW_FIXTURES_WORK:-/tmp/sgw-fixtures}"

for t in gitleaks checkov trivy; do
  [[ -x "${BIN}/${t}" ]] || {
    echo "error: ${BIN}/${t} missing; run scripts/install-test-tools.sh" >&2
    exit 1
  }
done

# No network for the scanners: a new network namespace (unprivileged if user namespaces are
# allowed, else as root). Falls back to the offline flags alone.
if unshare -rn true 2>/dev/null; then
  OFFLINE=(unshare -rn)
elif unshare -n true 2>/dev/null; then
  OFFLINE=(unshare -n)
else
  echo "warning: cannot create a network namespace; relying on the tools' offline flags" >&2
  OFFLINE=()
fi

# checkov: no Prisma Cloud guideline download (it would fail offline with a stack trace) and no
# PyPI version check.
export BC_SKIP_MAPPING=TRUE CKV_SKIP_PACKAGE_UPDATE_CHECK=true
# trivy: a fresh cache, so nothing downloaded earlier can leak in; embedded checks only.
export TRIVY_CACHE_DIR="${WORK}/trivy-cache"

rm -rf "$WORK"
mkdir -p "$WORK/empty" "$OUT"
cp -R "${REPO_ROOT}/examples/insecure-app" "${WORK}/insecure-app"
cp -R "${REPO_ROOT}/examples/clean-app" "${WORK}/clean-app"
cp -R "${REPO_ROOT}/examples/edge-cases" "${WORK}/edge-cases"
"${REPO_ROOT}/scripts/plant-secrets.sh" "${WORK}/planted" >"${WORK}/planted-manifest.json"

MADE=() # fixture files written by this run

run() { # run <dir> <command...>: run a scanner offline from inside <dir>
  local dir="$1"
  shift
  (cd "$dir" && "${OFFLINE[@]}" "$@")
}

# --- gitleaks ------------------------------------------------------------------------------
gitleaks_report() { # gitleaks_report <dir> <mode> <format> <file>
  run "$1" "${BIN}/gitleaks" "$2" . --redact --no-banner --log-level error --exit-code 0 \
    --report-format "$3" --report-path "${OUT}/$4"
  MADE+=("$4")
}
gitleaks_report "${WORK}/planted" git json gitleaks-git-planted.json
gitleaks_report "${WORK}/planted" git sarif gitleaks-git-planted.sarif
gitleaks_report "${WORK}/planted" dir json gitleaks-dir-planted.json
gitleaks_report "${WORK}/planted" dir sarif gitleaks-dir-planted.sarif
gitleaks_report "${WORK}/clean-app" dir json gitleaks-dir-clean-app.json
gitleaks_report "${WORK}/clean-app" dir sarif gitleaks-dir-clean-app.sarif

# --- checkov -------------------------------------------------------------------------------
checkov_json() { # checkov_json <dir> <file> <args...>
  local dir="$1" file="$2"
  shift 2
  run "$dir" "${BIN}/checkov" --soft-fail -o json "$@" >"${OUT}/${file}"
  MADE+=("$file")
}
# One framework, passed and failed checks (no --quiet): a single JSON object.
checkov_json "${WORK}/insecure-app" checkov-terraform-insecure.json -d terraform --framework terraform
# Several frameworks, failed checks only: a JSON array, one object per framework.
checkov_json "${WORK}/insecure-app" checkov-multi-insecure.json -d . --quiet \
  --framework terraform kubernetes dockerfile
checkov_json "${WORK}/clean-app" checkov-multi-clean-app.json -d . --quiet \
  --framework terraform kubernetes dockerfile
# Nothing to scan: checkov prints only the summary object.
checkov_json "${WORK}/empty" checkov-empty.json -d .
# A file checkov cannot parse: named under results.parsing_errors (not with --quiet, which keeps
# only the summary's count).
checkov_json "${WORK}/edge-cases/unparsable-iac" checkov-parse-errors.json -d terraform --framework terraform
checkov_json "${WORK}/edge-cases/unparsable-iac" checkov-parse-errors-quiet.json -d terraform --framework terraform --quiet
run "${WORK}/edge-cases/unparsable-iac" "${BIN}/checkov" --soft-fail -d terraform --framework terraform \
  -o sarif --output-file-path "${WORK}/checkov-parse-errors-sarif" >/dev/null
cp "${WORK}/checkov-parse-errors-sarif/results_sarif.sarif" "${OUT}/checkov-parse-errors.sarif"
MADE+=(checkov-parse-errors.sarif)
# SARIF goes to <dir>/results_sarif.sarif (stdout keeps the CLI text).
run "${WORK}/insecure-app" "${BIN}/checkov" --soft-fail --quiet -d . \
  --framework terraform kubernetes dockerfile -o sarif --output-file-path "${WORK}/checkov-sarif" \
  >/dev/null
cp "${WORK}/checkov-sarif/results_sarif.sarif" "${OUT}/checkov-multi-insecure.sarif"
MADE+=(checkov-multi-insecure.sarif)

# --- trivy ---------------------------------------------------------------------------------
trivy_report() { # trivy_report <dir> <file> <args...>
  local dir="$1" file="$2"
  shift 2
  run "$dir" "${BIN}/trivy" "$@" --quiet --skip-version-check --output "${OUT}/${file}" .
  MADE+=("$file")
}
trivy_config=(config --skip-check-update)
trivy_secret=(fs --scanners secret --skip-db-update --offline-scan)
trivy_report "${WORK}/insecure-app" trivy-config-insecure.json "${trivy_config[@]}" --format json
trivy_report "${WORK}/insecure-app" trivy-config-insecure.sarif "${trivy_config[@]}" --format sarif
trivy_report "${WORK}/clean-app" trivy-config-clean-app.json "${trivy_config[@]}" --format json
trivy_report "${WORK}/planted" trivy-fs-secret-planted.json "${trivy_secret[@]}" --format json
trivy_report "${WORK}/clean-app" trivy-fs-secret-clean-app.json "${trivy_secret[@]}" --format json
# Licences: no DB needed; trivy classifies each declared licence.
trivy_licence=(fs --scanners license --skip-db-update --offline-scan)
trivy_report "${WORK}/edge-cases/licences" trivy-license.json "${trivy_licence[@]}" --format json
trivy_report "${WORK}/edge-cases/licences" trivy-license.sarif "${trivy_licence[@]}" --format sarif
# Secrets of rules without a severity: UNKNOWN, and security-severity "0.0" in the SARIF.
trivy_unrated=("${trivy_secret[@]}" --secret-config trivy-secret.yaml)
trivy_report "${WORK}/edge-cases/custom-secret-rules" trivy-secret-unknown.json "${trivy_unrated[@]}" --format json
trivy_report "${WORK}/edge-cases/custom-secret-rules" trivy-secret-unknown.sarif "${trivy_unrated[@]}" --format sarif
# Files trivy cannot parse: the report looks clean; the log (kept, without --quiet) says why not.
(cd "${WORK}/edge-cases/unparsable-iac" && "${OFFLINE[@]}" "${BIN}/trivy" "${trivy_config[@]}" --skip-version-check \
  --format json --output "${OUT}/trivy-config-parse-errors.json" . 2>"${OUT}/trivy-config-parse-errors.stderr")
MADE+=(trivy-config-parse-errors.json trivy-config-parse-errors.stderr)

# --- the fixtures must not look like leaks themselves ----------------------------------------
# (only the files made here; other scripts write trivy vulnerability reports to the same folder)
# One false positive is allowed, narrowly: the git-mode SARIF carries commit ids in
# partialFingerprints.commitSha, and gitleaks' sourcegraph-access-token rule matches any 40 hex
# digits in a file that mentions "sourcegraph" (as the SARIF rule list does). The repository's own
# gitleaks configuration needs the same allowlist.
mkdir -p "${WORK}/self-check"
for f in "${MADE[@]}"; do cp "${OUT}/${f}" "${WORK}/self-check/"; done
cat >"${WORK}/gitleaks-self-check.toml" <<'EOF'
[extend]
useDefault = true

[[allowlists]]
description = "Commit ids in gitleaks SARIF reports (partialFingerprints.commitSha)"
targetRules = ["sourcegraph-access-token"]
regexTarget = "line"
regexes = ['''^\s*"commitSha": "[0-9a-f]{40}",?$''']
EOF
run "${WORK}/self-check" "${BIN}/gitleaks" dir . --config "${WORK}/gitleaks-self-check.toml" \
  --no-banner --log-level warn --redact --exit-code 1 || {
  echo "error: gitleaks finds secrets in the fixtures (see above)" >&2
  exit 1
}

for f in "${MADE[@]}"; do printf '%8d  %s\n' "$(wc -c <"${OUT}/${f}")" "$f"; done
