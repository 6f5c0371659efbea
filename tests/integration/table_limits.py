#!/usr/bin/env python3
"""Bounded memory under a flood of new sources: with small -x/-X caps, a SYN
flood from ever-new addresses evicts unidirectional flows and idle remote
hosts (counted), peak memory stays flat as the flood grows fourfold, and the
real conversations interleaved with the flood are kept whole.

Usage: table_limits.py WIRELENS
"""
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pcapgen as pg  # noqa: E402

BIN = sys.argv[1]
SERVER = [10, 0, 0, 1]


def make_capture(path, flood):
    rnd = random.Random(7)
    w = pg.PcapWriter(path)
    ts = 1_600_000_000_000_000
    conversations = []
    for i in range(flood):
        src = [100, rnd.randrange(256), rnd.randrange(256), rnd.randrange(1, 255)]
        w.add(ts, pg.ethernet(pg.ipv4(src, SERVER, 6, pg.tcp(rnd.randrange(1024, 65535), 80, i, 0, pg.SYN))))
        ts += 50
        if i % (flood // 20) == 0:  # a real conversation now and then, in the middle of the flood
            client = [192, 168, 1, 10 + len(conversations)]
            ts, n_c, n_s = pg.tcp_conversation(w, ts, client, SERVER, 40000 + len(conversations), 443)
            conversations.append((".".join(map(str, client)), n_c, n_s))
    w.close()
    return conversations


def run(path, tmp):
    flows, summary = os.path.join(tmp, "flows"), os.path.join(tmp, "summary.json")
    log = subprocess.run([BIN, "-i", path, "--shutdown-when-done", "-v", "0", "-x", "2048", "-X", "2048",
                          "-F", "file;" + flows, "--summary-json", summary], stderr=subprocess.PIPE, text=True,
                         check=True).stderr
    if "table full" not in log:
        failures.append("no log line about the full table")
    records = [json.loads(l) for l in open(flows)]
    s = json.load(open(summary))
    return s["interfaces"][0], records, s["peak_rss_bytes"] // 1024


failures = []
with tempfile.TemporaryDirectory() as tmp:
    results = {}
    for flood in (50_000, 200_000):
        path = os.path.join(tmp, f"flood{flood}.pcap")
        conversations = make_capture(path, flood)
        s, records, rss_kb = run(path, tmp)
        results[flood] = rss_kb
        print(f"flood of {flood} SYNs: peak RSS {rss_kb / 1024:.1f} MiB, flows evicted {s['flows_evicted']}, "
              f"refused {s['flows_refused']}, hosts evicted {s['hosts_evicted']}, refused {s['hosts_refused']}, "
              f"untracked packets {s['untracked_packets']}")
        if s["flows_evicted"] < flood - 2048:
            failures.append(f"{flood}: only {s['flows_evicted']} flows evicted")
        if s["hosts_evicted"] == 0:
            failures.append(f"{flood}: no host evicted")
        by_client = {r["IPV4_SRC_ADDR"]: r for r in records if r["L4_DST_PORT"] == 443}
        for client, n_c, n_s in conversations:
            r = by_client.get(client)
            if not r or (r["IN_PKTS"], r["OUT_PKTS"]) != (n_c, n_s) or r["FLOW_END_REASON"] == "evicted":
                failures.append(f"{flood}: conversation of {client} not kept whole: {r and (r['IN_PKTS'], r['OUT_PKTS'])}")
        if s["packets"] != s["untracked_packets"] + sum(r["IN_PKTS"] + r["OUT_PKTS"] for r in records):
            failures.append(f"{flood}: packets lost from the accounting")
    growth = results[200_000] / results[50_000]
    print(f"peak RSS ratio for a 4x larger flood: {growth:.2f}")
    if growth > 1.2:
        failures.append(f"memory grew {growth:.2f}x with the flood")
for f in failures:
    print("FAIL:", f)
print("table limits: " + ("PASS" if not failures else f"{len(failures)} failures"))
sys.exit(1 if failures else 0)
