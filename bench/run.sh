#!/usr/bin/env bash
# Engine benchmark: packets/s, flows/s and peak memory on one generated
# capture (TLS, HTTP, DNS and ICMP flows with real handshakes and payloads),
# with DPI off and on, 1 and 2 workers, in the same run (the machine is shared
# and noisy: compare the ratios, not the absolute figures across runs).
# Usage: bench/run.sh [PACKETS] [CONCURRENT_FLOWS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
packets=${1:-3000000}
concurrent=${2:-20000}
build="$root/build"
[ -x "$build/wirelens" ] && [ -x "$build/wirelens_bench_gen" ] || "$root/scripts/build.sh" "$build"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/wirelens_bench_gen" "$work/bench.pcap" "$packets" "$concurrent"
cat "$work/bench.pcap" > /dev/null  # warm the page cache so every run reads from memory

run() {  # NAME ARGS...
  local name=$1
  shift
  "$build/wirelens" -i "$work/bench.pcap" --shutdown-when-done -v 0 --summary-json "$work/$name.json" "$@" 2>/dev/null
  echo "$name $work/$name.json"
}
{
  run "nodpi-1-worker" --num-workers 1 --no-dpi
  run "dpi-1-worker" --num-workers 1
  run "nodpi-2-workers" --num-workers 2 --no-dpi
  run "dpi-2-workers" --num-workers 2
  run "dpi-1-worker+export" --num-workers 1 -F "file;$work/flows.ndjson"
  run "nodpi-1-worker-again" --num-workers 1 --no-dpi
} > "$work/runs"

python3 - "$work/runs" <<'PY'
import json, sys
rows = []
for line in open(sys.argv[1]):
    name, path = line.split()
    s = json.load(open(path))
    i = s["interfaces"][0]
    pps = i["packets"] / i["wall_seconds"]
    fps = i["flows_created"] / i["wall_seconds"]
    rows.append((name, i["packets"], i["flows_created"], pps, fps, s["peak_rss_bytes"] / 2**20))
base = rows[0][3]
print(f"{'configuration':22} {'packets':>9} {'flows':>8} {'packets/s':>11} {'flows/s':>9} {'peak RSS':>9} {'vs first':>8}")
for name, p, f, pps, fps, rss in rows:
    print(f"{name:22} {p:9d} {f:8d} {pps:11.0f} {fps:9.0f} {rss:7.1f}Mi {pps / base:8.2f}")
by = {r[0]: r[3] for r in rows}
print(f"DPI on / off, 1 worker: {by['dpi-1-worker'] / by['nodpi-1-worker']:.2f}; "
      f"2 workers: {by['dpi-2-workers'] / by['nodpi-2-workers']:.2f}")
PY
"$build/wirelens_bench_footprint" 1000000
