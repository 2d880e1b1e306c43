#!/usr/bin/env bash
# `mgmt get proxies -p Big -o name` against `curl -s URL | jq -r '.resultList[].name'` for 100,000 and
# 1,000,000 items (a benchmark, not a test): paired hyperfine runs, the ratio mgmt/jq, and peak RSS.
# mgmt runs through ./mgmt (what users run: its flags and start-up cache), and as the plain jar with
# the C1-only flag and with the full JIT, to show what the launcher adds.
#
#   bench/list-vs-jq.sh                         # default java, 10 runs (100k) / 5 runs (1M)
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java RUNS=5 bench/list-vs-jq.sh
#   SIZES="100000" bench/list-vs-jq.sh          # one size only
#   MGMT_JAR=/tmp/other.jar bench/list-vs-jq.sh # another build
#
# Goal (issue 15): mgmt <= 1.0x jq at 100k, <= 0.6x at 1M, peak RSS not growing with the list.
set -euo pipefail
cd "$(dirname "$0")/.."
need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
need jq jq
need curl curl
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
JAR=${MGMT_JAR:-target/mgmt.jar}
[ -f "$JAR" ] || mvn -B -ntp -q -DskipTests package
JAVA=${JAVA:-java}
# ./mgmt runs on the same JDK as the jar rows, with its start-up cache made before the timed runs.
# (It always runs target/mgmt.jar: with MGMT_JAR set, only the jar rows show the other build.)
MGMT_JAVA=$(command -v "$JAVA"); export MGMT_JAVA
MGMT_JVM_CACHE=sync ./mgmt --version >/dev/null
SIZES=${SIZES:-"100000 1000000"}
BASE=(-XX:+UseSerialGC -XX:-UsePerfData)
declare -A JIT=([c1]="-XX:TieredStopAtLevel=1" [full]="-XX:+TieredCompilation")

dir=$(mktemp -d)
srv=
trap '[ -n "$srv" ] && kill "$srv" 2>/dev/null; rm -rf "$dir"' EXIT
for n in $SIZES; do
  mkdir -p "$dir/$n/apiops/projects/Big/apiProxies"
  python3 - "$dir/$n" "$n" <<'PY'
import json, sys
root, n = sys.argv[1], int(sys.argv[2])
with open(f"{root}/apiops/projects/Big/apiProxies/index.html", "w") as f:
    f.write('{"status": "SUCCESS", "resultList": [')
    for i in range(n):
        f.write((", " if i else "") + json.dumps({"name": f"proxy-{i}",
            "description": f"Generated proxy number {i} for the benchmark", "type": "REST",
            "relativePath": f"/p{i}", "soapToRest": False}))
    f.write('], "resultCount": %d}' % n)
projects = [{"name": f"proj-{i}", "description": "p", "owner": "me"} for i in range(5)]
json.dump({"status": "SUCCESS", "resultList": projects, "resultCount": 5},
          open(f"{root}/apiops/projects/index.html", "w"))
PY
done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$dir" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) & srv=$!
first=$(echo $SIZES | cut -d' ' -f1)
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/$first/apiops/projects/" -o /dev/null && break; sleep 0.1; done

echo "$("$JAVA" -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); jar $JAR"
mgmt() { # jit size command...
  local jit=$1 size=$2; shift 2
  echo "$JAVA ${BASE[*]} ${JIT[$jit]} -jar $JAR --url http://127.0.0.1:$port/$size --token bench-token-0000 --no-retry $*"
}
rss() { # peak RSS in MB of one run of a shell command line
  { /usr/bin/time -f '%M' bash -c "$1 >/dev/null"; } 2>&1 | tail -1 | awk '{printf "%d", $1/1024}'
}
printf '\n%-22s %10s %10s %8s %12s\n' "command" "mean (s)" "± (s)" "vs jq" "peak RSS MB"
for n in $SIZES; do
  runs=${RUNS:-$([ "$n" -ge 1000000 ] && echo 5 || echo 10)}
  url="http://127.0.0.1:$port/$n/apiops/projects/Big/apiProxies/"
  jqcmd="curl -s $url | jq -r '.resultList[].name'"
  c1=$(mgmt c1 "$n" get proxies -p Big -o name)
  full=$(mgmt full "$n" get proxies -p Big -o name)
  launcher="./mgmt --url http://127.0.0.1:$port/$n --token bench-token-0000 --no-retry get proxies -p Big -o name"
  [ "$(eval "$jqcmd" | md5sum)" = "$(eval "$c1" | md5sum)" ] || { echo "mgmt and jq disagree for $n items" >&2; exit 1; }
  hyperfine -N -w 1 -r "$runs" --export-json "$dir/h$n.json" \
    -n "jq" "bash -c \"$jqcmd\"" -n "./mgmt" "$launcher" -n "jar C1" "$c1" -n "jar full JIT" "$full" >/dev/null 2>&1
  python3 - "$dir/h$n.json" "$n" "$(rss "$jqcmd")" "$(rss "$launcher")" "$(rss "$c1")" "$(rss "$full")" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
jq = r[0]["mean"]
for res, mb in zip(r, sys.argv[3:]):
    print(f'{res["command"] + " " + str(int(sys.argv[2]) // 1000) + "k":<22} {res["mean"]:10.3f} {res["stddev"]:10.3f}'
          f' {res["mean"] / jq:7.2f}x {mb:>12}')
PY
done
# A small command, where start-up is everything: what the full JIT costs there.
first=$(echo $SIZES | cut -d' ' -f1)
hyperfine -N -w 2 -r "${RUNS:-10}" --export-json "$dir/small.json" \
  -n "get projects C1" "$(mgmt c1 "$first" get projects)" \
  -n "get projects full JIT" "$(mgmt full "$first" get projects)" >/dev/null 2>&1
python3 - "$dir/small.json" <<'PY'
import json, sys
for res in json.load(open(sys.argv[1]))["results"]:
    print(f'{res["command"]:<22} {res["mean"]:10.3f} {res["stddev"]:10.3f}')
PY
