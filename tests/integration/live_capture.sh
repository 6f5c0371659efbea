#!/usr/bin/env bash
# Live capture with libpcap on test hosts in network namespaces made here:
# wirelens in namespace A captures on its veth while namespace B sends UDP,
# TCP and ICMP to it. Checks the records, the interface's own subnet being
# local, the default interface choice, --list-interfaces, and a live interface
# monitored together with a file. Needs root (exit 77 = skipped otherwise).
# Usage: live_capture.sh WIRELENS SHARED_DIR
set -euo pipefail
bin=$1 shared=$2
if [ "$(id -u)" -ne 0 ] || ! command -v ip >/dev/null; then echo "SKIP: needs root and iproute2"; exit 77; fi
a=wlA$$ b=wlB$$ c=wlC$$
tmp=$(mktemp -d)
cleanup() { ip netns del $a 2>/dev/null || true; ip netns del $b 2>/dev/null || true; ip netns del $c 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
ip netns add $a; ip netns add $b; ip netns add $c
ip link add veA netns $a type veth peer name veB netns $b
ip -n $a addr add 10.99.0.1/24 dev veA; ip -n $b addr add 10.99.0.2/24 dev veB
ip -n $a link set veA up; ip -n $b link set veB up
fail=0
# wirelens logs its table sizes once every input is open (capturing); start-up
# is slow under sanitizers, so wait for that line rather than a fixed time.
wait_capturing() {
  for _ in $(seq 100); do grep -q "tables per interface" "$1" 2>/dev/null && return 0; sleep 0.2; done
  echo "FAIL: wirelens did not start: $(cat "$1")"; exit 1
}
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=$((fail + 1)); fi; }

# Traffic from B to A: 10 UDP datagrams, one TCP connection with data, 3 pings.
traffic() {
  ip netns exec $a python3 - <<'PY' &
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("10.99.0.1", 8080)); s.listen(1); s.settimeout(10)
c, _ = s.accept(); c.recv(100); c.sendall(b"x" * 3000); c.close()
PY
  local server=$!
  sleep 0.5
  ip netns exec $b python3 - <<'PY'
import socket, struct, time
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(10):
    u.sendto(b"hello %d" % i, ("10.99.0.1", 5555)); time.sleep(0.01)
t = socket.create_connection(("10.99.0.1", 8080)); t.sendall(b"GET / HTTP/1.0\r\n\r\n")
while t.recv(4096): pass
t.close()
def csum(d):
    s = sum(struct.unpack("!%dH" % (len(d) // 2), d)); s = (s & 0xffff) + (s >> 16); return ~s & 0xffff
r = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
for seq in range(3):
    h = struct.pack("!BBHHH", 8, 0, 0, 7, seq) + b"ping"
    r.sendto(h[:2] + struct.pack("!H", csum(h)) + h[4:], ("10.99.0.1", 0)); time.sleep(0.01)
PY
  wait $server
}

# 1. Live capture on veA, default local networks (the interface's subnet is local).
ip netns exec $a "$bin" -w 0 -i veA -F "file;$tmp/flows" --dump-hosts "$tmp/hosts" --summary-json "$tmp/s.json" \
  2>"$tmp/log" &
pid=$!
wait_capturing "$tmp/log"
traffic
sleep 0.5
kill -INT $pid
wait $pid || { echo "FAIL: wirelens exited with $?"; cat "$tmp/log"; exit 1; }
python3 - "$tmp" <<'PY' || fail=$((fail + 1))
import json, sys
d = sys.argv[1]
recs = [json.loads(l) for l in open(d + "/flows")]
hosts = {h["IP"]: h for h in map(json.loads, open(d + "/hosts"))}
def find(proto, port=None):
    return [r for r in recs if r["PROTOCOL"] == proto and (port is None or r["L4_DST_PORT"] == port)]
problems = []
udp = find(17, 5555)
if len(udp) != 1 or udp[0]["IN_PKTS"] != 10 or udp[0]["IPV4_SRC_ADDR"] != "10.99.0.2":
    problems.append(f"UDP flow: {udp}")
tcp = find(6, 8080)
if len(tcp) != 1:
    problems.append(f"TCP flows: {tcp}")
else:
    t = tcp[0]
    if t["IPV4_SRC_ADDR"] != "10.99.0.2" or t["OUT_PAYLOAD_BYTES"] != 3000 or "SERVER_NW_LATENCY_MS" not in t \
            or "CLIENT_NW_LATENCY_MS" not in t or t["TCP_FLAGS"] & 0x03 != 0x03:
        problems.append(f"TCP flow: {t}")
icmp = find(1)  # B's 3 echo requests; A answers them and the UDP datagrams (port unreachable)
sent_by_b = icmp and (icmp[0]["IN_PKTS"] if icmp[0]["IPV4_SRC_ADDR"] == "10.99.0.2" else icmp[0]["OUT_PKTS"])
if len(icmp) != 1 or sent_by_b != 3 or icmp[0]["IN_PKTS"] + icmp[0]["OUT_PKTS"] < 6:
    problems.append(f"ICMP flow: {icmp}")
b = hosts.get("10.99.0.2")
if not b or not b["LOCAL"] or "MAC" not in b:
    problems.append(f"host 10.99.0.2 should be local (interface subnet) with a MAC: {b}")
s = json.load(open(d + "/s.json"))["interfaces"][0]
if s["type"] != "live" or s["drops"] != 0:
    problems.append(f"summary: {s}")
for p in problems:
    print("FAIL:", p)
print("ok: live records (UDP 10 packets, TCP with handshake latency, ICMP), local subnet, MAC" if not problems else "")
sys.exit(1 if problems else 0)
PY

# 2. No -i: the first interface that is up (veA; lo is down in the namespace).
ip netns exec $a "$bin" -w 0 -F "file;$tmp/f2" 2>"$tmp/log2" &
pid=$!
wait_capturing "$tmp/log2"
kill -INT $pid; wait $pid || true
check "default interface is veA" "grep -q 'monitoring veA' '$tmp/log2'"
# ... and a clear refusal where nothing is up.
rc=0; ip netns exec $c "$bin" -w 0 2>"$tmp/log3" || rc=$?
check "no interface up: exit 1 with a message" "[ $rc -eq 1 ] && grep -q 'no interface to monitor' '$tmp/log3'"
check "--list-interfaces shows veA and its address" \
  "ip netns exec $a '$bin' --list-interfaces | grep -q 'veA.*10.99.0.1/24'"

# 3. Several -i at once: the live interface and a capture file.
ip netns exec $a "$bin" -w 0 -i veA -i "$shared/pcaps/443-curl.pcap" -F "file;$tmp/f4" 2>"$tmp/log4" &
pid=$!
wait_capturing "$tmp/log4"
ip netns exec $b python3 -c 'import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("10.99.0.1", 7777))'
sleep 0.5
kill -INT $pid; wait $pid || true
check "two interfaces in one run: records from both" \
  "grep -q '\"L4_DST_PORT\":7777.*\"INTERFACE_ID\":0' '$tmp/f4' && grep -q '\"L4_DST_PORT\":443.*\"INTERFACE_ID\":1' '$tmp/f4'"
echo "$fail failures"
[ "$fail" -eq 0 ]
