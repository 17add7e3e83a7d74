#!/usr/bin/env bash
# npm run demo: the suite's main job on the bundled examples, on this machine.
#
# Sets up what it needs (npm ci when node_modules is missing, the pinned real scanners and Node 24
# through scripts/install-test-tools.sh, a small offline trivy vulnerability DB), then:
#   1. plants fake credentials in a git history of examples/insecure-app (built at run time),
#   2. scans it with gitleaks (git history), checkov (Terraform, Kubernetes, Dockerfile) and trivy
#      (vulnerabilities, misconfigurations, secrets), all offline,
#   3. gates the three reports with `sgw gate` at the default thresholds: it must fail,
#   4. does the same for examples/clean-app: it must pass.
# Exit 0 when both verdicts are as expected. Reports stay in the printed directory.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

[[ -d node_modules ]] || npm ci --no-audit --no-fund
# Only what the demo runs: the three scanners and Node 24 (not the control plane, the workflow
# tools or the container runtime, which the tests need and which take most of a cold install).
bash scripts/install-test-tools.sh node24 gitleaks trivy checkov >&2
[[ -f dist/cli/index.js ]] || npm run build >&2

BIN="$ROOT/.tools/bin"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sgw-demo-XXXXXX")"
export BC_SKIP_MAPPING=TRUE CKV_SKIP_PACKAGE_UPDATE_CHECK=true
bash scripts/build-trivy-test-db.sh "$WORK/trivy-cache" >/dev/null

scan() { # scan <name> <dir>: write gitleaks, checkov and trivy reports for <dir> into $WORK/<name>
  local name="$1" dir="$2" out="$WORK/$1"
  mkdir -p "$out"
  echo "== $name: scanning $dir" >&2
  (cd "$dir" && "$BIN/gitleaks" "$( [[ -d .git ]] && echo git || echo dir )" . --redact --no-banner --log-level error \
    --exit-code 0 --report-format json --report-path "$out/gitleaks.json")
  (cd "$dir" && "$BIN/checkov" -d . --quiet --soft-fail --framework terraform kubernetes dockerfile -o json >"$out/checkov.json")
  (cd "$dir" && "$BIN/trivy" fs --quiet --skip-version-check --cache-dir "$WORK/trivy-cache" --skip-db-update \
    --skip-check-update --scanners vuln,misconfig,secret --format json --output "$out/trivy.json" .)
}

gate() { # gate <name>: print the verdict; returns sgw's exit status
  local out="$WORK/$1"
  echo "== $1: sgw gate (defaults: critical 0, high 5 with approval, medium 20, low 50)" >&2
  "$BIN/node24" dist/cli/index.js gate --reports "$out/gitleaks.json" --reports "$out/checkov.json" --reports "$out/trivy.json" \
    --sarif-output "$out/security.sarif" --json-output "$out/security-summary.json"
}

bash scripts/plant-secrets.sh "$WORK/insecure-app" >/dev/null
cp -R examples/clean-app "$WORK/clean-app"
scan insecure-app "$WORK/insecure-app"
scan clean-app "$WORK/clean-app"

status=0
if gate insecure-app; then echo "!! insecure-app passed the gate; expected fail" >&2; status=1; fi
gate clean-app || { echo "!! clean-app failed the gate; expected pass" >&2; status=1; }
echo "Reports, SARIF and JSON summaries: $WORK" >&2
exit $status
