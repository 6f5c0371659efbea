#!/usr/bin/env python3
"""Host statistics agree with the flow records of the same run: per (IP, VLAN),
bytes and packets sent/received and flows as client/server equal the sums over
the flows; locality follows -m; 1 and 2 workers give the same hosts (the
shards' partial host records are merged by key).

Usage: host_totals.py WIRELENS SHARED_DIR
"""
import ipaddress
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

BIN, SHARED = sys.argv[1], sys.argv[2]
CAPTURES = ["alexa-app.pcapng", "teams.pcap", "6in4tunnel.pcap", "capwap_data.pcapng", "dns_fragmented.pcap"]
LOCAL = "192.168.0.0/16,10.0.0.0/8=Lab,2001:470::/32"
nets = [ipaddress.ip_network(n.split("=")[0]) for n in LOCAL.split(",")]


def run(cap, tmp, workers):
    flows, hosts = os.path.join(tmp, f"f{workers}"), os.path.join(tmp, f"h{workers}")
    subprocess.run([BIN, "-i", os.path.join(SHARED, "pcaps", cap), "--shutdown-when-done", "-v", "0",
                    "--num-workers", str(workers), "-m", LOCAL, "-F", "file;" + flows, "--dump-hosts", hosts],
                   check=True, stderr=subprocess.DEVNULL)
    return [json.loads(l) for l in open(flows)], [json.loads(l) for l in open(hosts)]


def expected_hosts(flows):
    h = defaultdict(lambda: defaultdict(int))
    for r in flows:
        cli = r.get("IPV4_SRC_ADDR") or r.get("IPV6_SRC_ADDR")
        srv = r.get("IPV4_DST_ADDR") or r.get("IPV6_DST_ADDR")
        vlan = r["SRC_VLAN"]
        c, s = h[(cli, vlan)], h[(srv, vlan)]
        c["PACKETS_SENT"] += r["IN_PKTS"]; c["BYTES_SENT"] += r["IN_BYTES"]
        c["PACKETS_RCVD"] += r["OUT_PKTS"]; c["BYTES_RCVD"] += r["OUT_BYTES"]
        s["PACKETS_SENT"] += r["OUT_PKTS"]; s["BYTES_SENT"] += r["OUT_BYTES"]
        s["PACKETS_RCVD"] += r["IN_PKTS"]; s["BYTES_RCVD"] += r["IN_BYTES"]
        if not r["PARTIAL"]:
            c["FLOWS_AS_CLIENT"] += 1
            s["FLOWS_AS_SERVER"] += 1
    return h


failures = 0
checked = 0
with tempfile.TemporaryDirectory() as tmp:
    for cap in CAPTURES:
        flows, hosts = run(cap, tmp, 1)
        _, hosts2 = run(cap, tmp, 2)
        want = expected_hosts(flows)
        got = {(h["IP"], h["VLAN"]): h for h in hosts}
        problems = []
        if set(want) != set(got):
            problems.append(f"host sets differ: only in flows {set(want) - set(got)}, only in hosts {set(got) - set(want)}")
        for key, w in want.items():
            g = got.get(key)
            if not g:
                continue
            checked += 1
            for field, value in w.items():
                if g[field] != value:
                    problems.append(f"{key} {field}: host says {g[field]}, flows say {value}")
            for name, parts in (("L4", g["L4"].values()), ("APPLICATIONS", g.get("APPLICATIONS", [])),
                                ("CATEGORIES", g.get("CATEGORIES", []))):
                for field in ("BYTES_SENT", "BYTES_RCVD", "PACKETS_SENT"):
                    total = sum(v[field] for v in parts)
                    if total != g[field]:
                        problems.append(f"{key} {name} breakdown of {field} sums to {total}, not {g[field]}")
            app_flows = sum(a.get("FLOWS", 0) for a in g.get("APPLICATIONS", []))
            if app_flows > g["FLOWS_AS_CLIENT"] + g["FLOWS_AS_SERVER"]:
                problems.append(f"{key} {app_flows} flows by application, more than its flows")
            is_local = any(ipaddress.ip_address(key[0]) in n for n in nets)
            if g["LOCAL"] != is_local:
                problems.append(f"{key} LOCAL={g['LOCAL']} but -m says {is_local}")
        def comparable(h):
            # A bounded application list that overflowed into "(other)" keeps the applications
            # each shard met first: which ones depends on the sharding (documented).
            h = dict(h)
            for k in ("APPLICATIONS", "CATEGORIES"):
                if any(u["NAME"] == "(other)" for u in h.get(k, [])):
                    h.pop(k)
            return json.dumps(h)
        if sorted(map(comparable, hosts)) != sorted(map(comparable, hosts2)):
            problems.append("1 and 2 workers give different host records")
        print(f"{cap}: {len(got)} hosts, {len(flows)} flow records: " + ("ok" if not problems else f"{len(problems)} problems"))
        for p in problems[:20]:
            print("  " + p)
        failures += len(problems)
print(f"{checked} hosts checked against their flows, {failures} problems")
sys.exit(1 if failures or not checked else 0)
