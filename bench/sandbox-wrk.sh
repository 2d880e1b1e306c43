#!/usr/bin/env bash
# Throughput of the embedded sandbox, measured with wrk.
#
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64 bench/sandbox-wrk.sh
#
# JAVA may be a JDK home or a java binary (default: java on PATH). Other knobs:
#   PORT (default 0: a free port, read back from the banner), THREADS (2), CONNECTIONS (32), DURATION (10s), JAVA_OPTS (extra JVM flags).
# Installs wrk with apt-get when it is missing, builds target/mgmt.jar when it is missing,
# starts `mgmt sandbox --port PORT`, waits for test/healthcheck, runs wrk against
# GET /apiops/test/healthcheck and GET /apiops/projects/ (with the admin token the sandbox prints),
# prints requests/s and stops the sandbox.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-0}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-10s}"
JAVA="${JAVA:-java}"
if [[ -d "$JAVA" ]]; then
    JAVA="$JAVA/bin/java"
fi
command -v "$JAVA" >/dev/null || { echo "no java at '$JAVA'" >&2; exit 2; }

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
    SUDO="sudo"
fi
if ! command -v wrk >/dev/null; then
    echo "installing wrk..." >&2
    if ! $SUDO apt-get install -y wrk >/dev/null 2>&1; then
        $SUDO apt-get update >/dev/null
        $SUDO apt-get install -y wrk >/dev/null
    fi
fi

JAR="$ROOT/target/mgmt.jar"
if [[ ! -f "$JAR" ]]; then
    echo "building $JAR..." >&2
    (cd "$ROOT" && mvn -B -ntp -q -DskipTests package)
fi

LOG="$(mktemp -t sandbox-wrk.XXXXXX)"
# shellcheck disable=SC2086
"$JAVA" ${JAVA_OPTS:-} -jar "$JAR" sandbox --port "$PORT" >"$LOG" 2>&1 &
PID=$!
cleanup() {
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    rm -f "$LOG"
}
trap cleanup EXIT

# the banner (URL and tokens) is printed once the server listens
TOKEN=""
URL=""
for _ in $(seq 1 300); do
    URL="$(sed -n 's/^ *export MGMT_URL=//p' "$LOG" | head -n1)"
    TOKEN="$(sed -n 's/^ *export MGMT_TOKEN=//p' "$LOG" | head -n1)"
    [[ -n "$TOKEN" && -n "$URL" ]] && break
    if ! kill -0 "$PID" 2>/dev/null; then
        echo "the sandbox exited:" >&2
        cat "$LOG" >&2
        exit 1
    fi
    sleep 0.1
done
[[ -n "$URL" ]] || { echo "no MGMT_URL line in the sandbox output" >&2; cat "$LOG" >&2; exit 1; }
BASE="${URL%/}/apiops"
curl -fsS -o /dev/null "$BASE/test/healthcheck" || { echo "sandbox did not answer at $BASE" >&2; cat "$LOG" >&2; exit 1; }
[[ -n "$TOKEN" ]] || { echo "no MGMT_TOKEN line in the sandbox output" >&2; cat "$LOG" >&2; exit 1; }

echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "java:    $("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p') ($JAVA)"
echo "machine: $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d$DURATION"

run() {
    local label="$1"
    shift
    # one short warm-up so the JIT has seen the path, then the measured run
    wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "$@" >/dev/null
    local out rps
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")"
    rps="$(sed -n 's/^Requests\/sec: *//p' <<<"$out")"
    local errors
    errors="$(grep -E 'Non-2xx|Socket errors' <<<"$out" || true)"
    printf '%-32s %12s req/s   p50 %s  p99 %s%s\n' "$label" "$rps" \
        "$(awk '$1=="50%"{print $2}' <<<"$out")" "$(awk '$1=="99%"{print $2}' <<<"$out")" \
        "${errors:+   [$errors]}"
}

run "GET /apiops/test/healthcheck" "$BASE/test/healthcheck"
run "GET /apiops/projects/" -H "Authorization: Bearer $TOKEN" "$BASE/projects/"
