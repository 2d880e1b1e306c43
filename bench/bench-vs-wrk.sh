#!/usr/bin/env bash
# mgmt bench next to wrk, against the same GET on the same sandbox, on JDK 25 and JDK 17.
#
#   bench/bench-vs-wrk.sh
#
# Knobs: PORT (default 0: a free port), CONNECTIONS (8), DURATION (10s), WARMUP (2s), API_PATH (projects/),
#   SANDBOX_JAVA (the JDK running the sandbox; default JDK 25), JAVAS (the JDKs running mgmt bench; default 25 and 17).
# Builds target/mgmt.jar when missing; installs wrk with apt-get when missing. Prints requests/s of each and
# the ratio mgmt/wrk (the goal is >= 0.5 at -c 8). Both tools send the token header, keep connections alive,
# and get the same warm-up. On a shared, loaded machine the figures move between runs: compare ratios, not absolutes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-0}"
CONNECTIONS="${CONNECTIONS:-8}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-2s}"
API_PATH="${API_PATH:-projects/}"
JDK25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
JDK17=/usr/lib/jvm/java-17-openjdk-amd64/bin/java
SANDBOX_JAVA="${SANDBOX_JAVA:-$JDK25}"
JAVAS="${JAVAS:-$JDK25 $JDK17}"

if ! command -v wrk >/dev/null; then
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    echo "installing wrk..." >&2
    $SUDO apt-get install -y wrk >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null; $SUDO apt-get install -y wrk >/dev/null; }
fi
JAR="$ROOT/target/mgmt.jar"
if [[ ! -f "$JAR" ]]; then
    echo "building $JAR..." >&2
    (cd "$ROOT" && mvn -B -ntp -q -DskipTests package)
fi

LOG="$(mktemp -t bench-vs-wrk.XXXXXX)"
"$SANDBOX_JAVA" -jar "$JAR" sandbox --port "$PORT" >"$LOG" 2>&1 &
PID=$!
cleanup() {
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    rm -f "$LOG"
}
trap cleanup EXIT

URL=""; TOKEN=""
for _ in $(seq 1 300); do
    URL="$(sed -n 's/^ *export MGMT_URL=//p' "$LOG" | head -n1)"
    TOKEN="$(sed -n 's/^ *export MGMT_TOKEN=//p' "$LOG" | head -n1)"
    [[ -n "$URL" && -n "$TOKEN" ]] && break
    kill -0 "$PID" 2>/dev/null || { echo "the sandbox exited:" >&2; cat "$LOG" >&2; exit 1; }
    sleep 0.1
done
[[ -n "$URL" && -n "$TOKEN" ]] || { echo "no URL/token in the sandbox banner" >&2; cat "$LOG" >&2; exit 1; }
TARGET="${URL%/}/apiops/$API_PATH"

echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine:  $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sandbox:  $("$SANDBOX_JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
echo "target:   GET $TARGET  (-c $CONNECTIONS, $DURATION, warm-up $WARMUP)"
echo

wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$TARGET" >/dev/null
WRK_OUT="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $TOKEN" "$TARGET")"
WRK_RPS="$(sed -n 's/^Requests\/sec: *//p' <<<"$WRK_OUT")"
WRK_ERR="$(grep -E 'Non-2xx|Socket errors' <<<"$WRK_OUT" || true)"
printf '%-28s %10.1f req/s%s\n' "wrk -t2 -c$CONNECTIONS" "$WRK_RPS" "${WRK_ERR:+   [$WRK_ERR]}"

for JAVA in $JAVAS; do
    VERSION="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    OUT="$(MGMT_URL="$URL" MGMT_TOKEN="$TOKEN" "$JAVA" -jar "$JAR" bench "$API_PATH" -c "$CONNECTIONS" \
        -d "$DURATION" --warmup "$WARMUP" -o json)"
    RPS="$(sed -n 's/^ *"throughput_per_second" *: *\([0-9.]*\).*/\1/p' <<<"$OUT")"
    FAILED="$(sed -n 's/^ *"failed" *: *\([0-9]*\).*/\1/p' <<<"$OUT")"
    P99="$(grep -A4 '"latency_ms"' <<<"$OUT" | sed -n 's/^ *"p99" *: *\([0-9.]*\).*/\1/p')"
    RATIO="$(awk -v a="$RPS" -v b="$WRK_RPS" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
    printf '%-28s %10.1f req/s   ratio %sx wrk   p99 %s ms   failed %s\n' "mgmt bench -c$CONNECTIONS (JDK $VERSION)" \
        "$RPS" "$RATIO" "$P99" "$FAILED"
done
