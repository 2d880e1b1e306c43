#!/usr/bin/env bash
# Time and peak RSS of listing 100,000 proxies, per output format (a benchmark, not a test).
# Serves a generated list with python3's static server on loopback; runs the packaged jar.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
[ -f target/mgmt.jar ] || mvn -B -ntp -q -DskipTests package
JAVA=${JAVA:-java}
dir=$(mktemp -d)
trap 'kill $srv 2>/dev/null || true; rm -rf "$dir"' EXIT
mkdir -p "$dir/apiops/projects/Big/apiProxies"
python3 - "$dir/apiops/projects/Big/apiProxies/index.html" <<'PY'
import json, sys
items = [{"name": f"proxy-{i}", "description": f"Generated proxy number {i} for the benchmark",
          "type": "REST", "relativePath": f"/p{i}", "soapToRest": False} for i in range(100_000)]
json.dump({"status": "SUCCESS", "resultList": items, "resultCount": len(items)}, open(sys.argv[1], "w"))
PY
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$dir" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) & srv=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/apiops/projects/Big/apiProxies/" -o /dev/null && break; sleep 0.1; done
echo "body: $(stat -c %s "$dir/apiops/projects/Big/apiProxies/index.html") bytes, 100000 items; $($JAVA -version 2>&1 | head -1)"
printf '%-8s %-10s %10s %12s\n' format heap "wall (s)" "peak RSS MB"
for heap in default -Xmx32m; do
  for fmt in name table json yaml; do
    flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1)
    [ "$heap" = default ] || flags+=("$heap")
    out=$( { /usr/bin/time -f '%e %M' "$JAVA" "${flags[@]}" -jar target/mgmt.jar \
        --url "http://127.0.0.1:$port" --token bench-token-0000 --no-retry get proxies -p Big -o "$fmt" >/dev/null; } 2>&1 | tail -1)
    printf '%-8s %-10s %10s %12s\n' "$fmt" "$heap" "$(echo "$out" | cut -d' ' -f1)" "$(( $(echo "$out" | cut -d' ' -f2) / 1024 ))"
  done
done
