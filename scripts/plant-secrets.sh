#!/usr/bin/env bash
# Makes <dir> a git repository holding examples/insecure-app plus fake credentials, for gitleaks
# and trivy's secret scanner. The credentials never appear whole in this repository: they are
# assembled here at run time, so scanning shared-gh-workflows itself stays clean and pushes are
# not stopped by secret scanning.
#
# History (authors, dates and contents are fixed, so commit ids are the same on every run as long
# as examples/insecure-app is unchanged):
#   commit 1 "Add insecure app with deployment settings"
#       .env                  AWS access key id, AWS secret access key, Slack webhook URL
#       scripts/release.sh    GitHub personal access token
#       deploy/id_rsa         RSA private key block
#   commit 2 "Remove deploy key"
#       deletes deploy/id_rsa, so that key lives only in history (found by `gitleaks git`, not by
#       `gitleaks dir` or `trivy fs`)
#
# Usage: scripts/plant-secrets.sh <dir>     (<dir> must not exist or be empty)
# Prints a JSON manifest of what was planted where (no secret values) on stdout, with the rule
# ids gitleaks 8.30 and trivy 0.69 report for each. "line" is the line gitleaks reports; trivy puts
# the private key one line lower (its first body line). gitleaks sees the AWS secret access key
# only through its generic-api-key rule.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SOURCE_DIR="${REPO_ROOT}/examples/insecure-app"

if [[ $# -ne 1 ]]; then
  echo "usage: $0 <dir>" >&2
  exit 2
fi
TARGET="$1"
if [[ -e "$TARGET" ]] && [[ -n "$(ls -A "$TARGET")" ]]; then
  echo "error: ${TARGET} exists and is not empty; give a new or empty directory" >&2
  exit 1
fi
mkdir -p "$TARGET"
TARGET="$(cd "$TARGET" && pwd)"

# --- the fake values, in pieces --------------------------------------------------------------
# Fixed strings (not random) so that tests can assert exact matches. None of them is a live
# credential.
aws_id="AK""IA""QX3MZ7TN2VBR5WYK"
aws_second="9dK2mQ7vX4pL8sN3""wR6tY1zB5cF0hJ2gT7uE4aV8"
gh_pat="gh""p_""R8kT2vXq9LmN4pZs7WcY""1bHd6JfG3aQe0UoI"
slack_url="https://hooks.""slack.com/services/""T0A1B2C3D/B0E4F5G6H/""k9Xw2Lq7Rz4Tn8Vb3Mc6Pd1Y"
pem_kind="RSA PRIVATE"" KEY"
pem_body=(
  "MIIEowIBAAKCAQEAr7Qm2Zx9Lw4Vn8Tc3Rb6Ys1Pk5Hd0Gf7Je2Ua4Xo9Mi3Nq8Wl"
  "Cz6Bv1Dy5Ft0Gs4Hr9Ju3Ki8Lo2Mp7Nq1Or6Ps0Qt5Ru9Sv4Tw8Ux3Vy7Wz2Xa6Yb"
  "1Zc5Ad0Be4Cf9Dg3Eh8Fi2Gj7Hk1Il6Jm0Kn5Lo9Mp4Nq8Or3Ps7Qt2Ru6Sv1Tw5U"
  "x0Vy4Wz9Xa3Yb8Zc2Ad7Be1Cf6Dg0Eh5Fi9Gj4Hk8Il3Jm7Kn2Lo6Mp1Nq5Or0Ps4"
  "Qt9Ru3Sv8Tw2Ux7Vy1Wz6Xa0Yb5Zc9Ad4Be8Cf3Dg7Eh2Fi6Gj1Hk5Il0Jm4Kn9Lo"
  "3Mp8Nq2Or7Ps1Qt6Ru0Sv5Tw9Ux4Vy8Wz3Xa7Yb2Zc6Ad1Be5Cf0Dg4Eh9Fi3Gj8H"
)

# --- a git that ignores the caller's configuration and produces fixed commit ids -------------
git_fixed() {
  env GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 \
    GIT_AUTHOR_NAME="Planted Secrets" GIT_AUTHOR_EMAIL="planter@insecure-app.test" \
    GIT_COMMITTER_NAME="Planted Secrets" GIT_COMMITTER_EMAIL="planter@insecure-app.test" \
    GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" \
    git -C "$TARGET" -c commit.gpgsign=false -c core.autocrlf=false -c core.hooksPath=/dev/null \
    "${@:2}"
}

git_fixed "2024-01-02T03:04:05Z" init --quiet --template= --initial-branch=main .

cp -R "${SOURCE_DIR}/." "$TARGET/"
mkdir -p "${TARGET}/scripts" "${TARGET}/deploy"

cat >"${TARGET}/.env" <<EOF
APP_PORT=8080
AWS_ACCESS_KEY_ID=${aws_id}
AWS_SECRET_ACCESS_KEY=${aws_second}
SLACK_WEBHOOK_URL=${slack_url}
EOF

cat >"${TARGET}/scripts/release.sh" <<EOF
#!/bin/sh
set -eu
GITHUB_TOKEN=${gh_pat}
curl -sf -H "Authorization: Bearer \${GITHUB_TOKEN}" https://api.github.com/user >/dev/null
EOF

{
  echo "-----BEGIN ${pem_kind}-----"
  printf '%s\n' "${pem_body[@]}"
  echo "-----END ${pem_kind}-----"
} >"${TARGET}/deploy/id_rsa"

# Git records only the executable bit; set it explicitly so the tree does not depend on umask.
find "$TARGET" -path "${TARGET}/.git" -prune -o -type f -exec chmod 0644 {} +
chmod 0755 "${TARGET}/scripts/release.sh"

git_fixed "2024-01-02T03:04:05Z" add --all
git_fixed "2024-01-02T03:04:05Z" commit --quiet -m "Add insecure app with deployment settings"
first_commit="$(git_fixed "2024-01-02T03:04:05Z" rev-parse HEAD)"

git_fixed "2024-01-03T03:04:05Z" rm --quiet deploy/id_rsa
git_fixed "2024-01-03T03:04:05Z" commit --quiet -m "Remove deploy key"
second_commit="$(git_fixed "2024-01-03T03:04:05Z" rev-parse HEAD)"

cat <<EOF
{
  "repo": "${TARGET}",
  "commits": ["${first_commit}", "${second_commit}"],
  "secrets": [
    { "kind": "aws-access-key-id", "file": ".env", "line": 2, "commit": "${first_commit}", "inHead": true,
      "gitleaksRule": "aws-access-token", "trivyRule": "aws-access-key-id" },
    { "kind": "aws-secret-access-key", "file": ".env", "line": 3, "commit": "${first_commit}", "inHead": true,
      "gitleaksRule": "generic-api-key", "trivyRule": "aws-secret-access-key" },
    { "kind": "slack-webhook-url", "file": ".env", "line": 4, "commit": "${first_commit}", "inHead": true,
      "gitleaksRule": "slack-webhook-url", "trivyRule": "slack-web-hook" },
    { "kind": "github-pat", "file": "scripts/release.sh", "line": 3, "commit": "${first_commit}", "inHead": true,
      "gitleaksRule": "github-pat", "trivyRule": "github-pat" },
    { "kind": "private-key", "file": "deploy/id_rsa", "line": 1, "commit": "${first_commit}", "inHead": false,
      "gitleaksRule": "private-key", "trivyRule": "private-key" }
  ]
}
EOF
