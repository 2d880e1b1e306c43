#!/usr/bin/env bash
# Start-up benchmark on every common path: mgmt (through ./mgmt, with its start-up cache) against
# HTTPie making the same request (success, 404, 401 with an expired token, JSON output; --help and a
# command's --help against HTTPie's --help) and curl, all in one hyperfine session, plus peak RSS.
# Prints a Markdown table with the ratios that issue 15 sets targets for (docs/startup.md): mgmt/HTTPie
# per path, and each path/mgmt's success.
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
URL="" TOKEN="" EXPIRED=""
for _ in $(seq 1 300); do
    URL="$(sed -n 's/^ *export MGMT_URL=//p' "$LOG" | head -n1)"
    TOKEN="$(sed -n 's/^ *export MGMT_TOKEN=//p' "$LOG" | head -n1)"
    EXPIRED="$(sed -n 's/^ *expired token: *//p' "$LOG" | head -n1)"
    [[ -n "$URL" && -n "$TOKEN" && -n "$EXPIRED" ]] && break
    kill -0 "$PID" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
    sleep 0.1
done
export MGMT_URL="$URL" MGMT_TOKEN="$TOKEN"
API="${URL%/}/apiops/projects/"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$API"

# hyperfine -N runs each command without a shell: the bearer header is one argument.
# Each mgmt path is followed by HTTPie making the same request; names pair them for the table.
M="$ROOT/mgmt"
H="http --ignore-stdin"
hyperfine -N --style none --warmup "$WARMUP" --runs "$RUNS" --export-json "$LOG.json" -i \
    -n "mgmt: get projects" "$M get projects" \
    -n "http: get projects" "$H GET $API Authorization:Bearer\ $TOKEN" \
    -n "mgmt: 404 + checklist" "$M get project nosuch" \
    -n "http: 404 + checklist" "$H GET ${API}nosuch Authorization:Bearer\ $TOKEN" \
    -n "mgmt: 401 expired + checklist" "$M --token $EXPIRED get projects" \
    -n "http: 401 expired + checklist" "$H GET $API Authorization:Bearer\ $EXPIRED" \
    -n "mgmt: -o json" "$M get projects -o json" \
    -n "http: -o json" "$H GET $API Authorization:Bearer\ $TOKEN" \
    -n "mgmt: --help" "$M --help" \
    -n "http: --help" "http --help" \
    -n "mgmt: get --help" "$M get --help" \
    -n "http: get --help" "http --help" \
    -n "mgmt: --version" "$M --version" \
    -n "curl: get projects" "curl -s -H Authorization:\ Bearer\ $TOKEN $API" >/dev/null

rss() {  # peak RSS in MB, median of 5 runs
    local i out=()
    for i in 1 2 3 4 5; do
        /usr/bin/time -o "$LOG.rss" -f '%M' "$@" >/dev/null 2>&1 || true
        out+=("$(tail -n1 "$LOG.rss")")
    done
    printf '%s\n' "${out[@]}" | sort -n | sed -n 3p | awk '{printf "%.0f", $1/1024}'
}
RSS=$(jq -n --arg a "$(rss "$M" get projects)" --arg b "$(rss "$M" get project nosuch)" \
    --arg c "$(rss "$M" --token "$EXPIRED" get projects)" --arg d "$(rss "$M" get projects -o json)" \
    --arg e "$(rss "$M" --help)" --arg f "$(rss "$M" --version)" --arg h "$(rss "$M" get --help)" \
    --arg g "$(rss http --ignore-stdin GET "$API" "Authorization:Bearer $TOKEN")" \
    '{"get projects": $a, "404 + checklist": $b, "401 expired + checklist": $c, "-o json": $d,
      "--help": $e, "get --help": $h, "--version": $f, "http": $g}')

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load before: $LOAD_BEFORE"
echo "java: $JAVA_USED; runs: $RUNS (+$WARMUP warm-up), one hyperfine -N session (each command's runs back to back)"
echo
echo "| path | mgmt median | user+sys | HTTPie median | mgmt / HTTPie | / mgmt success | mgmt peak RSS |"
echo "|---|---:|---:|---:|---:|---:|---:|"
jq -r --argjson rss "$RSS" '
  (.results | map({key: .command, value: .}) | from_entries) as $r
  | $r["mgmt: get projects"].median as $ok
  | ["get projects", "404 + checklist", "401 expired + checklist", "-o json", "--help", "get --help", "--version"][]
  | . as $p | $r["mgmt: " + $p] as $m | $r["http: " + $p] as $h
  | ["`" + $p + "`",
     "\($m.median * 1000 | round) ms",
     "\(($m.user + $m.system) * 1000 | round) ms",
     (if $h then "\($h.median * 1000 | round) ms" else "–" end),
     (if $h then "\($m.median / $h.median * 100 | round / 100)×" else "–" end),
     "\($m.median / $ok * 100 | round / 100)×",
     $rss[$p] + " MB"] | "| " + join(" | ") + " |"' "$LOG.json"
jq -r --argjson rss "$RSS" '.results[] | select(.command == "curl: get projects")
  | "curl -s, same GET: \(.median * 1000 | round) ms; HTTPie peak RSS: \($rss.http) MB"' "$LOG.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
