#!/usr/bin/env bash
# REST API under load, on a capture with more than a million flows kept in
# memory: requests/s and latency percentiles (wrk, token authentication) for
# interface data, a flows page sorted by bytes, a hosts page and host data;
# then the packet rate while a paced client asks for the sorted flows page
# 50 times a second, against the same run without it (alternated, same
# machine: compare the ratio): once the same page (a polling dashboard; the
# server's one-second answer cache serves repeats), once with every request
# distinct (each one a scan of all flows).
# Usage: bench/rest_load.sh [PACKETS] [SECONDS_PER_ENDPOINT]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
packets=${1:-2900000}
seconds=${2:-8}
build="$root/build"
[ -x "$build/wirelens" ] && [ -x "$build/wirelens_bench_gen" ] || "$root/scripts/build.sh" "$build"
command -v wrk >/dev/null || { echo "wrk is missing (apt install wrk)"; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

"$build/wirelens_bench_gen" "$work/many.pcap" "$packets" 20000 42 many
cat "$work/many.pcap" > /dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port/lua/rest/v2"
common=(-i "$work/many.pcap" -X 2000000 --num-workers 1 -v 1 -d "$work/data" --admin-password bench-secret)

wait_port() {
  for _ in $(seq 1 300); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0
    sleep 0.05
  done
  echo "server did not start"; exit 1
}

# 1. Saturation: every flow in memory, one endpoint after the other.
"$build/wirelens" "${common[@]}" -w "127.0.0.1:$port" 2>"$work/serve.log" &
pids+=($!)
wait_port
token=$(curl -s -u admin:bench-secret -X POST "$base/create/ntopng/api_token.lua" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["rsp"]["api_token"])')
auth="Authorization: Token $token"
until curl -s -H "$auth" "$base/get/interface/data.lua?ifid=0&type=summary" | grep -q '"is_loading":false'; do sleep 0.5; done
flows=$(curl -s -H "$auth" "$base/get/interface/data.lua?ifid=0" | python3 -c 'import json,sys; print(json.load(sys.stdin)["rsp"]["num_flows"])')
host=$(curl -s -H "$auth" "$base/get/host/active.lua?ifid=0&perPage=1&sortColumn=traffic&sortOrder=desc" |
       python3 -c 'import json,sys; print(json.load(sys.stdin)["rsp"]["data"][0]["ip"])')
rss=$(ps -o rss= -p "${pids[0]}")
echo "flows in memory: $flows, server RSS $((rss / 1024)) MiB"
printf '%-34s %6s %10s %9s %9s %9s\n' endpoint clients "requests/s" p50 p90 p99
for ep in "interface data|get/interface/data.lua?ifid=0" \
          "flows page sorted by bytes|get/flow/active.lua?ifid=0&sortColumn=bytes&sortOrder=desc&perPage=25" \
          "hosts page sorted by traffic|get/host/active.lua?ifid=0&sortColumn=traffic&sortOrder=desc&perPage=25" \
          "host data|get/host/data.lua?ifid=0&host=$host"; do
  name=${ep%%|*}
  url=${ep#*|}
  for clients in 1 4; do
    # Every request distinct: the one-second answer cache must not help here.
    WRK_INTERVAL_MS=0 WRK_UNIQUE=1 wrk -t1 -c$clients -d"${seconds}s" --latency -s "$root/bench/pace.lua" \
      -H "$auth" "$base/$url" > "$work/wrk.out"
    python3 - "$name" "$clients" "$work/wrk.out" <<'PY'
import re, sys
text = open(sys.argv[3]).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
pct = dict(re.findall(r"^\s+(\d+)%\s+(\S+)", text, re.M))
print(f"{sys.argv[1]:34} {sys.argv[2]:>6} {float(rps):10.1f} {pct.get('50','?'):>9} {pct.get('90','?'):>9} {pct.get('99','?'):>9}")
PY
  done
done
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
pids=()

# 2. Packet path with and without 50 sorted-flow-page requests per second.
read_once() {  # NAME LOAD (none, same: the same page, unique: every request distinct)
  "$build/wirelens" "${common[@]}" -w "127.0.0.1:$port" --shutdown-when-done --summary-json "$work/$1.json" 2>/dev/null &
  local wl=$!
  local wk=
  if [ "$2" != none ]; then
    wait_port
    WRK_INTERVAL_MS=20 WRK_UNIQUE=$([ "$2" = same ] && echo 0 || echo 1) wrk -t1 -c1 -d120s --latency -s "$root/bench/pace.lua" -H "$auth" \
      "$base/get/flow/active.lua?ifid=0&sortColumn=bytes&sortOrder=desc&perPage=25" > "$work/$1.wrk" &
    wk=$!
  fi
  wait "$wl"
  if [ -n "$wk" ]; then kill -INT "$wk" 2>/dev/null || true; wait "$wk" 2>/dev/null || true; fi
  echo "$1 $work/$1.json $work/$1.wrk"
}
{
  read_once idle-1 none
  read_once same-1 same
  read_once unique-1 unique
  read_once idle-2 none
  read_once same-2 same
  read_once unique-2 unique
} > "$work/runs"
python3 - "$work/runs" <<'PY'
import json, os, re, sys
rates = {}
for line in open(sys.argv[1]):
    name, js, wrk = line.split()
    i = json.load(open(js))["interfaces"][0]
    pps = i["packets"] / i["wall_seconds"]
    rates[name] = pps
    extra = ""
    if os.path.exists(wrk):
        text = open(wrk).read()
        m = re.search(r"(\d+) requests in ([\d.]+)(m?s)", text)
        p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M)
        if m:
            secs = float(m.group(2)) / (1000 if m.group(3) == "ms" else 1)
            extra = f"  ({m.group(1)} flow pages during the run, {int(m.group(1)) / secs:.0f}/s, p99 {p99.group(1) if p99 else '?'})"
    print(f"{name:8} {pps:10.0f} packets/s{extra}")
idle = sum(v for k, v in rates.items() if k.startswith("idle"))
for kind, label in (("same", "the same sorted flow page"), ("unique", "distinct sorted flow pages (no cache)")):
    load = sum(v for k, v in rates.items() if k.startswith(kind))
    print(f"packet rate while 50 req/s ask for {label}: {load / idle:.3f} of the rate without")
PY
