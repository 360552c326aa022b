#!/usr/bin/env bash
# Usage: scripts/ci-doc-samples.sh [DIR]        (DIR defaults to /tmp/cliffless-ci; it must not exist)
# Runs every command docs/ci.md shows, in the page's order, with the page's paths under DIR, and
# keeps what each printed (and its exit code) in DIR/<name>.txt beside the files it wrote
# (fuzz.xml, summary.md, the traces, the HTML pages). After a change to the contracts, the world or
# the reports, run it and paste the new outputs into the page: each sample there names its file.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir="${1:-/tmp/cliffless-ci}"
if [ -e "$dir" ]; then
  echo "$dir already exists: remove it or give another folder" >&2
  exit 2
fi
mkdir -p "$dir"

# run NAME COMMAND...: the command line, its stdout and stderr as they came, then its exit code.
run() {
  local name="$1"
  shift
  echo "$ $*" >"$dir/$name.txt"
  "$@" >>"$dir/$name.txt" 2>&1
  echo "exit code $?" >>"$dir/$name.txt"
  echo "$dir/$name.txt"
}

# The README's broken copy: P rounds up.
cp -r contracts "$dir/broken"
sed -i 's/Math.mulDiv(a, strike, x)/Math.mulDiv(a, strike, x, Math.Rounding.Ceil)/' "$dir/broken/libraries/PayoutMath.sol"

# JUnit, step summary and annotation of a failing campaign (up to seed 1's first failing run).
run fuzz env GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY="$dir/summary.md" \
  npx cliffless fuzz --contracts "$dir/broken" --out "$dir/traces" --runs 4 --junit "$dir/fuzz.xml"

# The audit's annotation: the broken copy as the new version, the shipped contracts as the base.
run audit npx cliffless audit --base contracts --contracts "$dir/broken" --runs 4 --out "$dir/audit" --github

# A regression folder: two scenario traces that pass and the campaign's counterexample.
mkdir "$dir/regressions"
cp test/traces/donations.json test/traces/settle-at-strike.json "$dir/regressions/"
for trace in "$dir"/traces/fuzz-seed1-*.json; do cp "$trace" "$dir/regressions/rounding.json"; done
run replay env GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY="$dir/summary.md" \
  npx cliffless replay "$dir/regressions/" --contracts "$dir/broken" --junit "$dir/replay.xml"

# The coverage report and the trace page.
run coverage npx cliffless fuzz --runs 2 --depth 30 --coverage --coverage-out "$dir/lcov.info" --html "$dir/coverage-html"
run trace-page npx cliffless replay "$dir/regressions/rounding.json" --contracts "$dir/broken" --html "$dir/trace.html"
