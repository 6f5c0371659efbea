#!/usr/bin/env bash
# The web UI with more than a million active flows in memory (generated
# capture, every flow kept to the end): flows page first rows, sort, next
# page, filter, dashboard paint, timed in headless Chromium (bench/ui_flows.mjs).
# Usage: bench/ui_flows.sh [PACKETS] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
packets=${1:-2900000}
runs=${2:-5}
build="$root/build"
[ -x "$build/wirelens" ] && [ -x "$build/wirelens_bench_gen" ] || "$root/scripts/build.sh" "$build"
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$build/wirelens_bench_gen" "$work/many.pcap" "$packets" 20000 42 many
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$build/wirelens" -i "$work/many.pcap" -X 2000000 --num-workers 1 -v 1 -d "$work/data" \
  -m 10.0.0.0/8 --admin-password bench-secret -w "127.0.0.1:$port" 2>"$work/serve.log" &
pid=$!
base="http://127.0.0.1:$port"
until curl -s -u admin:bench-secret "$base/lua/rest/v2/get/interface/data.lua?ifid=0&type=summary" 2>/dev/null |
      grep -q '"is_loading":false'; do sleep 0.5; done
flows=$(curl -s -u admin:bench-secret "$base/lua/rest/v2/get/interface/data.lua?ifid=0" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["rsp"]["num_flows"])')
echo "active flows in memory: $flows"
node "$root/bench/ui_flows.mjs" "$base" bench-secret "$runs"
