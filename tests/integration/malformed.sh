#!/usr/bin/env bash
# Every damaged capture is processed without a crash; what libpcap could read
# is accounted (the packet count equals the records libpcap returns, as listed
# in malformed/README.txt), damage is reported, unopenable files fail cleanly.
# Usage: malformed.sh WIRELENS SHARED_DIR
set -uo pipefail
bin=$1 shared=$2
dir="$shared/pcaps/malformed"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0 n=0
for cap in "$dir"/*; do
  name=$(basename "$cap")
  [ "$name" = README.txt ] && continue
  n=$((n + 1))
  "$bin" -i "$cap" --shutdown-when-done -v 0 -F "file;$out/flows.ndjson" --summary-json "$out/s.json" \
      >"$out/stdout" 2>"$out/stderr"
  rc=$?
  # The README's table: file, stop (eof|error|open_failed), records.
  read -r stop records < <(awk -v f="$name" '$1 == f { print $2, $3 }' "$dir/README.txt")
  verdict=$(python3 - "$rc" "${stop:-}" "${records:-}" "$out/s.json" "$out/stderr" <<'PY'
import json, sys
rc, stop, records, summary, stderr = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
err = open(stderr).read()
if rc >= 128 or "Sanitizer" in err or "runtime error" in err:
    print(f"crash (exit {rc})"); sys.exit()
if stop == "open_failed" or (rc != 0 and stop == ""):
    ok = rc == 1 and "cannot read capture file" in err
    print("ok (refused: " + err.strip().splitlines()[-1] + ")" if ok else f"bad refusal (exit {rc}): {err.strip()}")
    sys.exit()
if rc != 0:
    print(f"exit {rc}: {err.strip()}"); sys.exit()
s = json.load(open(summary))["interfaces"][0]
problems = []
if records and s["packets"] != int(records):
    problems.append(f"packets {s['packets']} != libpcap records {records}")
if stop == "error" and not s["input_damaged"]:
    problems.append("damage not reported")
if stop == "eof" and s["input_damaged"]:
    problems.append("damage reported on a clean end")
flows = s["flow_records"]
print(("ok" if not problems else "; ".join(problems)) +
      f" (packets {s['packets']}, not decoded {s['not_decoded']}, untracked {s['untracked_packets']}, "
      f"flows {flows}, damaged {s['input_damaged']})")
PY
)
  case "$verdict" in ok*) ;; *) fail=$((fail + 1)) ;; esac
  printf '%-62s %s\n' "$name" "$verdict"
done
echo "$n malformed captures, $fail failed"
[ "$n" -gt 0 ] && [ "$fail" -eq 0 ]
