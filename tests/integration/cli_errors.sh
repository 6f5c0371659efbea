#!/usr/bin/env bash
# Bad start-up input stops wirelens with a message naming what is wrong.
# Usage: cli_errors.sh WIRELENS SHARED_DIR
set -uo pipefail
bin=$1 shared=$2
pcap="$shared/pcaps/443-curl.pcap"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
# expect EXIT_CODE "TEXT THAT MUST APPEAR" -- ARGS...
expect() {
  local code=$1 text=$2
  shift 3
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ "$rc" -ne "$code" ] || ! grep -qF -- "$text" "$tmp/err"; then
    echo "FAIL: wirelens $* -> exit $rc (want $code), stderr: $(cat "$tmp/err")"
    fail=$((fail + 1))
  else
    echo "ok: wirelens $* -> $code: $(head -1 "$tmp/err")"
  fi
}
expect 2 "unknown option '--no-such-flag'" -- --no-such-flag
expect 2 "unknown option '-k'" -- -k
expect 2 "option '-i' needs a value" -- -i
expect 2 "invalid value 'lots' for -X/--max-num-flows" -- -i "$pcap" -X lots
expect 2 "invalid value '10' for -x/--max-num-hosts" -- -i "$pcap" -x 10
expect 2 "invalid value '0' for --num-workers" -- -i "$pcap" --num-workers 0
expect 2 "invalid -m/--local-networks: invalid prefix length in '10.0.0.0/33'" -- -i "$pcap" -m 10.0.0.0/33
expect 2 "invalid -m/--local-networks: invalid network address 'nonsense'" -- -i "$pcap" -m nonsense
expect 2 "unsupported -F target 'kafka'" -- -i "$pcap" -F "kafka;localhost"
expect 2 "-F file needs a path" -- -i "$pcap" -F "file"
expect 2 "unexpected argument 'extra'" -- -i "$pcap" --shutdown-when-done extra
expect 1 "cannot read capture file '/nonexistent/trace.pcap'" -- -i /nonexistent/trace.pcap --shutdown-when-done
expect 1 "unknown interface 'nosuchif0'" -- -i nosuchif0 --shutdown-when-done
expect 1 "bad packet filter (-B) 'port port'" -- -i "$pcap" -B "port port" --shutdown-when-done
expect 1 "cannot write flow file" -- -i "$pcap" -F "file;/nonexistent/dir/f.ndjson" --shutdown-when-done
expect 2 "cannot read configuration file 'missing.conf'" -- missing.conf
# Good input: a configuration file with ntopng's forms, and a BPF filter that keeps nothing.
printf -- '# comment\n--shutdown-when-done\n-F=file;%s\n-B "udp"\n' "$tmp/f.ndjson" > "$tmp/w.conf"
expect 0 "packets          0 (0 bytes)" -- "$tmp/w.conf" -i "$pcap"
[ ! -s "$tmp/f.ndjson" ] || { echo "FAIL: -B udp should leave no TCP flow"; fail=$((fail + 1)); }
expect 0 "packets          109" -- "$tmp/w.conf" -i "$pcap" -B "tcp port 443"
[ -s "$tmp/f.ndjson" ] || { echo "FAIL: -B 'tcp port 443' should keep the TLS flow"; fail=$((fail + 1)); }
if "$bin" --help | grep -q "^Usage: wirelens"; then echo "ok: --help"; else echo "FAIL: --help"; fail=$((fail + 1)); fi
echo "$fail failures"
[ "$fail" -eq 0 ]
