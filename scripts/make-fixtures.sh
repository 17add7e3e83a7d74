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
# The further scanners (scripts/install-test-tools.sh scanners-extra) write their reports in the
# section "scanners-extra" below; each is skipped, with a line saying so, when its tool is missing,
# unless CI=true.
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

# --- scanners-extra -------------------------------------------------------------------------
# Bandit and Semgrep read __tests__/fixtures/scan-targets/ (examples/insecure-app has no Python).
cp -R "${REPO_ROOT}/__tests__/fixtures/scan-targets" "${WORK}/scan-targets"
have() { # have <tool>: installed, or (outside CI) a line saying what is not made
  [[ -x "${BIN}/$1" ]] && return 0
  [[ "${CI:-false}" == "true" ]] && { echo "error: ${BIN}/$1 missing; run scripts/install-test-tools.sh scanners-extra" >&2; exit 1; }
  echo "warning: ${BIN}/$1 missing; its fixtures are not remade" >&2
  return 1
}
if have bandit; then
  # bandit exits 1 when it finds something; the report is what counts.
  run "${WORK}/scan-targets/python-app" "${BIN}/bandit" -r . -f json -q -o "${OUT}/bandit-python-app.json" || true
  run "${WORK}/scan-targets/python-unparsable" "${BIN}/bandit" -r . -f json -q -o "${OUT}/bandit-unparsable.json" || true
  MADE+=(bandit-python-app.json bandit-unparsable.json)
fi
if have semgrep; then
  semgrep_report() { # semgrep_report <format flag> <file>
    run "${WORK}/scan-targets/python-app" env SEMGREP_SEND_METRICS=off SEMGREP_ENABLE_VERSION_CHECK=0 "${BIN}/semgrep" scan \
      --config ../semgrep-rules.yml --metrics=off --disable-version-check --quiet "$1" --output "${OUT}/$2" .
    MADE+=("$2")
  }
  semgrep_report --json semgrep-python-app.json
  semgrep_report --sarif semgrep-python-app.sarif
fi
if have pip-audit; then
  # Needs PyPI's vulnerability API (not the package index): where that is out of reach, as on this
  # project's machines, pip-audit skips every dependency, which the gate must read as not audited.
  (cd "${WORK}/insecure-app/app" && "${BIN}/pip-audit" -r requirements.txt --no-deps --disable-pip \
    -f json --progress-spinner off -o "${OUT}/pip-audit-insecure-unaudited.json" 2>/dev/null) || true
  MADE+=(pip-audit-insecure-unaudited.json)
fi
# npm audit posts the lockfile to the registry's bulk advisory endpoint; where the registry
# mirror refuses it (405), npm still writes JSON: the error, which the gate must refuse.
(cd "${WORK}/insecure-app/app" && npm audit --json >"${OUT}/npm-audit-insecure-error.json" 2>/dev/null) || true
MADE+=(npm-audit-insecure-error.json)
if have trufflehog; then
  # Filesystem mode on the planted secrets, without verification (no network). TruffleHog has no
  # redaction flag: the secret fields (Raw, RawV2, Redacted) are blanked before the report is
  # kept, the one edit made to any fixture, so that no credential is committed.
  # Filesystem mode reads .git/objects too (the committed blobs, decompressed): excluded, so each
  # secret is reported once, at its file and line (trufflehog git mode covers history).
  printf '%s\n' '^\.git/' >"${WORK}/trufflehog-exclude.txt"
  run "${WORK}/planted" "${BIN}/trufflehog" filesystem . --json --no-verification --no-update \
    --exclude-paths "${WORK}/trufflehog-exclude.txt" 2>/dev/null >"${WORK}/trufflehog-planted.jsonl"
  node -e '
    const fs = require("node:fs")
    const out = fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).map((l) => {
      const o = JSON.parse(l)
      for (const k of ["Raw", "RawV2", "Redacted"]) if (o[k]) o[k] = "REDACTED"
      if (o.ExtraData) for (const k of Object.keys(o.ExtraData)) if (/secret|token|key/i.test(k)) o.ExtraData[k] = "REDACTED"
      return JSON.stringify(o)
    })
    fs.writeFileSync(process.argv[2], out.join("\n") + "\n")' "${WORK}/trufflehog-planted.jsonl" "${OUT}/trufflehog-fs-planted.jsonl"
  MADE+=(trufflehog-fs-planted.jsonl)
fi

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
