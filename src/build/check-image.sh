#!/usr/bin/env bash
# Runs a few commands from an assembled jlink image (the jlink profile, after JReleaser's assemble):
# a module missing from jreleaser.yml's moduleNames shows up here as a NoClassDefFoundError and fails
# the build, not a user's first run. Each command touches different modules: the sandbox and the
# client (jdk.httpserver, java.net.http), JUnit reports (java.xml).
#   src/build/check-image.sh IMAGE-DIR
set -euo pipefail
image=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
mgmt="$image/bin/mgmt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() {
  echo "image check: mgmt $*" >&2
  local rc=0
  "$mgmt" "$@" >"$work/out" 2>"$work/err" || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "image check failed: mgmt $* (exit $rc)" >&2
    cat "$work/err" >&2
    exit 1
  fi
}
run --version
run --sandbox get projects
run --sandbox exercise "$root/examples/read-only.yaml" -p MyProject -e production --junit "$work/junit.xml"
[ -s "$work/junit.xml" ] || { echo "image check failed: no JUnit report written" >&2; exit 1; }
echo "image check: ok ($image)" >&2
