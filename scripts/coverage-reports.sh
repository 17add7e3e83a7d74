#!/usr/bin/env bash
# Runs a real coverage tool on one of the examples/coverage/<lang> projects (or a copy of one) and
# writes its reports, and the tool's own totals, into an output folder. The coverage-gate tests
# call it at test time; scripts/make-coverage-fixtures.sh calls it to refresh the kept fixtures.
#
# Usage: scripts/coverage-reports.sh <python|go|node|java> <project dir> <out dir>
#
#   python  coverage.py: a run without branch measurement -> coverage.json (its percent_covered is
#           then the line coverage); a run with --branch -> coverage-branch.json, coverage.xml
#           (Cobertura), coverage.lcov
#   go      go test -covermode=count -coverprofile -> cover.out; go tool cover -func -> cover-func.txt
#   node    c8 over node --test -> coverage-final.json, coverage-summary.json, lcov.info,
#           cobertura-coverage.xml
#   java    javac, the JaCoCo agent over the test main, jacoco report -> jacoco.xml, jacoco.csv
#
# The tools come from .tools/bin (scripts/install-test-tools.sh coverage); go, javac and java from
# PATH. Any failure exits non-zero with the tool's output.
set -euo pipefail

lang="${1:?usage: coverage-reports.sh <python|go|node|java> <project dir> <out dir>}"
project="$(cd "${2:?project dir}" && pwd)"
mkdir -p "${3:?out dir}"
out="$(cd "$3" && pwd)"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${REPO_ROOT}/.tools/bin"

need() {
  [[ -e "$1" ]] || command -v "$1" >/dev/null || {
    echo "coverage-reports: $1 is missing: run scripts/install-test-tools.sh coverage" >&2
    exit 1
  }
}

cd "$project"
case "$lang" in
  python)
    need "${BIN}/coverage"
    # The venv's python runs the tests, so `coverage run` needs no other interpreter.
    export COVERAGE_FILE="${out}/.coverage"
    "${BIN}/coverage" run --source=shop -m unittest discover -s tests -t . -q
    "${BIN}/coverage" json -q -o "${out}/coverage.json"
    "${BIN}/coverage" run --branch --source=shop -m unittest discover -s tests -t . -q
    "${BIN}/coverage" json -q -o "${out}/coverage-branch.json"
    "${BIN}/coverage" xml -q -o "${out}/coverage.xml"
    "${BIN}/coverage" lcov -q -o "${out}/coverage.lcov"
    rm -f "${out}/.coverage"
    ;;
  go)
    need go
    # No network: the example has no dependencies, and the local toolchain is used.
    GOTOOLCHAIN=local GOFLAGS=-mod=mod go test -count=1 -covermode=count -coverprofile="${out}/cover.out" ./... >&2
    GOTOOLCHAIN=local go tool cover -func="${out}/cover.out" >"${out}/cover-func.txt"
    ;;
  node)
    need "${BIN}/c8"
    "${BIN}/c8" --reporter=json --reporter=json-summary --reporter=lcovonly --reporter=cobertura \
      --reports-dir="$out" --temp-directory="${out}/.c8-tmp" node --test test/ >&2
    rm -rf "${out}/.c8-tmp"
    ;;
  java)
    need javac
    need java
    need "${BIN}/jacoco"
    need "${BIN}/jacocoagent.jar"
    build="${out}/.build"
    rm -rf "$build"
    mkdir -p "${build}/classes" "${build}/test-classes"
    # Debug information (-g) gives JaCoCo the line numbers.
    javac -g -d "${build}/classes" $(find src/main/java -name '*.java' | sort)
    javac -g -cp "${build}/classes" -d "${build}/test-classes" $(find src/test/java -name '*.java' | sort)
    java "-javaagent:${BIN}/jacocoagent.jar=destfile=${build}/jacoco.exec" \
      -cp "${build}/classes:${build}/test-classes" com.acme.shop.ShopTest >&2
    "${BIN}/jacoco" report "${build}/jacoco.exec" --classfiles "${build}/classes" \
      --sourcefiles src/main/java --name shop --xml "${out}/jacoco.xml" --csv "${out}/jacoco.csv" --quiet
    rm -rf "$build"
    ;;
  *)
    echo "coverage-reports: unknown language '$lang' (python, go, node, java)" >&2
    exit 2
    ;;
esac
