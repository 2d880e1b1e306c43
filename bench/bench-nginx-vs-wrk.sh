#!/usr/bin/env bash
# mgmt bench next to wrk against nginx serving a small static JSON file on loopback: a server so cheap
# that the figure measures the client. Rounds alternate wrk and mgmt bench (wrk, mgmt, wrk, mgmt, ...)
# so that a machine whose load drifts moves both alike; prints each round, then the medians and the
# median of the per-round ratios mgmt/wrk (the goal is >= 0.5 at -c 8).
#
#   bench/bench-nginx-vs-wrk.sh
#   ROUNDS=7 DURATION=5s JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/bench-nginx-vs-wrk.sh
#
# Knobs: ROUNDS (5), CONNECTIONS (8), DURATION (5s per run), WARMUP (2s, for both tools: the JVM's JIT needs it), THREADS (wrk -t, 2),
#   JAVA (the java running mgmt bench; default java on PATH), JAVA_OPTS (its flags, e.g.
#   -Dmgmt.bench.client=jdk for the java.net.http fallback), MGMT_OPTS (extra mgmt bench options, e.g. "--rate 5000").
# Installs wrk and nginx-light with apt-get when missing; builds target/mgmt.jar when missing.
# Both tools keep connections alive and send an Authorization header (a dummy token: nginx ignores it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-5}"
CONNECTIONS="${CONNECTIONS:-8}"
DURATION="${DURATION:-5s}"
WARMUP="${WARMUP:-2s}"
THREADS="${THREADS:-2}"
JAVA="${JAVA:-java}"
JAVA_OPTS="${JAVA_OPTS:-}"
MGMT_OPTS="${MGMT_OPTS:-}"

SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
need() { # need BINARY PACKAGE
    command -v "$1" >/dev/null || [[ -x "/usr/sbin/$1" ]] && return 0
    echo "installing $2..." >&2
    $SUDO apt-get install -y "$2" >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null; $SUDO apt-get install -y "$2" >/dev/null; }
}
need wrk wrk
need nginx nginx-light
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

JAR="$ROOT/target/mgmt.jar"
if [[ ! -f "$JAR" ]]; then
    echo "building $JAR..." >&2
    (cd "$ROOT" && mvn -B -ntp -q -DskipTests package)
fi

DIR="$(mktemp -d -t bench-nginx.XXXXXX)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
mkdir -p "$DIR/www"
# The size of a short list page of the Management API.
printf '{"items":[{"name":"MyProject","description":"a small static page for load tests","proxies":3}],"total":1}\n' \
    >"$DIR/www/static.json"
cat >"$DIR/nginx.conf" <<EOF
daemon off;
master_process off;
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $DIR/client_body;
  proxy_temp_path $DIR/proxy;
  fastcgi_temp_path $DIR/fastcgi;
  uwsgi_temp_path $DIR/uwsgi;
  scgi_temp_path $DIR/scgi;
  server {
    listen 127.0.0.1:$PORT;
    default_type application/json;
    # Management API paths end in a slash, as mgmt bench sends them.
    location = /apiops/static/ { root $DIR/www; try_files /static.json =404; }
  }
}
EOF
"$NGINX" -p "$DIR" -c "$DIR/nginx.conf" -e "$DIR/error.log" >"$DIR/stderr.log" 2>&1 &
PID=$!
cleanup() {
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    rm -rf "$DIR"
}
trap cleanup EXIT
URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "$URL/apiops/static/" 2>/dev/null && break
    kill -0 "$PID" 2>/dev/null || { echo "nginx exited:" >&2; cat "$DIR"/*.log >&2; exit 1; }
    sleep 0.1
done
TOKEN="t-bench-0123456789"

echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine:  $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "mgmt on:  $("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
echo "target:   GET $URL/apiops/static/  (-c $CONNECTIONS, $DURATION per run, warm-up $WARMUP, $ROUNDS rounds)"
echo

WRK_ALL=(); MGMT_ALL=(); RATIOS=()
for round in $(seq 1 "$ROUNDS"); do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$URL/apiops/static/" >/dev/null
    WRK_OUT="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $TOKEN" "$URL/apiops/static/")"
    WRK_RPS="$(sed -n 's/^Requests\/sec: *//p' <<<"$WRK_OUT")"
    WRK_ERR="$(grep -E 'Non-2xx|Socket errors' <<<"$WRK_OUT" || true)"
    # shellcheck disable=SC2086
    OUT="$(MGMT_URL="$URL" MGMT_TOKEN="$TOKEN" "$JAVA" $JAVA_OPTS -jar "$JAR" bench static/ -c "$CONNECTIONS" \
        -d "$DURATION" --warmup "$WARMUP" -o json $MGMT_OPTS)"
    RPS="$(sed -n 's/^ *"throughput_per_second" *: *\([0-9.]*\).*/\1/p' <<<"$OUT")"
    FAILED="$(sed -n 's/^ *"failed" *: *\([0-9]*\).*/\1/p' <<<"$OUT")"
    P99="$(grep -A4 '"latency_ms"' <<<"$OUT" | sed -n 's/^ *"p99" *: *\([0-9.]*\).*/\1/p')"
    RATIO="$(awk -v a="$RPS" -v b="$WRK_RPS" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')"
    WRK_ALL+=("$WRK_RPS"); MGMT_ALL+=("$RPS"); RATIOS+=("$RATIO")
    printf 'round %d: wrk %9.1f req/s%s   mgmt %9.1f req/s (p99 %s ms, failed %s)   ratio %s\n' "$round" \
        "$WRK_RPS" "${WRK_ERR:+ [$WRK_ERR]}" "$RPS" "$P99" "$FAILED" "$RATIO"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo
printf 'median:  wrk %.1f req/s   mgmt bench %.1f req/s   ratio (median of rounds) %.2fx wrk\n' \
    "$(median "${WRK_ALL[@]}")" "$(median "${MGMT_ALL[@]}")" "$(median "${RATIOS[@]}")"
