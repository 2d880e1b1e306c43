#!/usr/bin/env bash
# Start-up benchmark: mgmt (through ./mgmt, with its start-up cache) against HTTPie and curl, paired
# in one hyperfine run, plus peak RSS. Results are printed as a Markdown table (docs/startup.md).
#
#   bench/startup.sh                 # newest JDK (what ./mgmt picks)
#   MGMT_JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java bench/startup.sh
#   RUNS=30 WARMUP=3 bench/startup.sh
#
# Installs hyperfine and httpie (Debian packages) when missing, builds the jar when missing,
# starts 'mgmt sandbox --port 0' (plain java -jar) in the background and stops it at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-20}"
WARMUP="${WARMUP:-3}"

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v http >/dev/null || need+=(httpie)
[[ -x /usr/bin/time ]] || need+=(time)
command -v jq >/dev/null || need+=(jq)
if ((${#need[@]})); then
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    echo "installing ${need[*]}..." >&2
    $SUDO apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 || { $SUDO apt-get update -qq >/dev/null; $SUDO apt-get install -y -qq "${need[@]}" >/dev/null; }
fi

cd "$ROOT"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
MGMT_JVM_CACHE=off ./mgmt --version >/dev/null          # builds the jar if needed
MGMT_JVM_CACHE=sync ./mgmt --version >/dev/null         # makes the start-up cache now, not during the runs
JAVA_USED=$(./mgmt --version | sed -n 's/^Java //p')

LOG="$(mktemp -t mgmt-startup.XXXXXX)"
java -jar target/mgmt.jar sandbox --port 0 >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -f "$LOG" "$LOG.json" "$LOG.rss"' EXIT
URL="" TOKEN=""
for _ in $(seq 1 300); do
    URL="$(sed -n 's/^ *export MGMT_URL=//p' "$LOG" | head -n1)"
    TOKEN="$(sed -n 's/^ *export MGMT_TOKEN=//p' "$LOG" | head -n1)"
    [[ -n "$URL" && -n "$TOKEN" ]] && break
    kill -0 "$PID" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
    sleep 0.1
done
export MGMT_URL="$URL" MGMT_TOKEN="$TOKEN"
API="${URL%/}/apiops/projects/"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$API"

# hyperfine -N runs each command without a shell: the bearer header is one argument.
hyperfine -N --style none --warmup "$WARMUP" --runs "$RUNS" --export-json "$LOG.json" \
    -n "mgmt get projects" "$ROOT/mgmt get projects" \
    -n "mgmt --version" "$ROOT/mgmt --version" \
    -n "http GET (HTTPie)" "http --ignore-stdin GET $API Authorization:Bearer\ $TOKEN" \
    -n "curl -s" "curl -s -H Authorization:\ Bearer\ $TOKEN $API" >/dev/null

rss() {  # peak RSS in MB, median of 5 runs
    local i out=()
    for i in 1 2 3 4 5; do
        /usr/bin/time -o "$LOG.rss" -f '%M' "$@" >/dev/null 2>&1 || true
        out+=("$(tail -n1 "$LOG.rss")")
    done
    printf '%s\n' "${out[@]}" | sort -n | sed -n 3p | awk '{printf "%.0f", $1/1024}'
}
RSS_GET=$(rss "$ROOT/mgmt" get projects)
RSS_VER=$(rss "$ROOT/mgmt" --version)
RSS_HTTP=$(rss http --ignore-stdin GET "$API" "Authorization:Bearer $TOKEN")
RSS_CURL=$(rss curl -s -H "Authorization: Bearer $TOKEN" "$API")

HTTPIE_MED=$(jq '.results[] | select(.command == "http GET (HTTPie)") | .median' "$LOG.json")
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load before: $LOAD_BEFORE"
echo "java: $JAVA_USED; runs: $RUNS (+$WARMUP warm-up), one hyperfine -N session (each command's runs back to back)"
echo
echo "| command | median | mean ± σ | user+sys | vs HTTPie | peak RSS |"
echo "|---|---:|---:|---:|---:|---:|"
jq -r --argjson h "$HTTPIE_MED" --arg rg "$RSS_GET" --arg rv "$RSS_VER" --arg rh "$RSS_HTTP" --arg rc "$RSS_CURL" '
  .results[] | [.command,
    "\(.median * 1000 | round) ms",
    "\(.mean * 1000 | round) ± \(.stddev * 1000 | round) ms",
    "\((.user + .system) * 1000 | round) ms",
    "\(.median / $h * 100 | round / 100)×",
    (if .command == "mgmt get projects" then $rg elif .command == "mgmt --version" then $rv
     elif .command == "http GET (HTTPie)" then $rh else $rc end) + " MB"] | "| " + join(" | ") + " |"' "$LOG.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
