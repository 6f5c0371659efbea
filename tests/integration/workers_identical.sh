#!/usr/bin/env bash
# The same capture must give the same flow records with 1 and with 2 workers
# (order aside): shards end flows on the interface clock, not on their own.
# Usage: workers_identical.sh WIRELENS SHARED_DIR
set -euo pipefail
bin=$1 shared=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
checked=0 differ=0
for cap in "$shared"/pcaps/*.pcap "$shared"/pcaps/*.pcapng "$shared"/pcaps/*.cap; do
  [ -f "$cap" ] || continue
  name=$(basename "$cap")
  for w in 1 2; do
    "$bin" -i "$cap" --shutdown-when-done -v 0 --num-workers $w -F "file;$out/$name.$w" 2>/dev/null
    sort "$out/$name.$w" > "$out/$name.$w.sorted"
  done
  checked=$((checked + 1))
  if ! cmp -s "$out/$name.1.sorted" "$out/$name.2.sorted"; then
    differ=$((differ + 1))
    echo "DIFFER: $name"
    diff "$out/$name.1.sorted" "$out/$name.2.sorted" | head -6
  fi
done
[ "$checked" -gt 0 ] || { echo "FAIL: no capture found under $shared/pcaps"; exit 1; }
echo "$checked captures, $differ with different records between 1 and 2 workers"
[ "$differ" -eq 0 ]
