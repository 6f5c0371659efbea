#!/usr/bin/env python3
"""Prints compare_flows.py's per-file rates, lists every flow that does not
match (marking the documented deliberate differences), groups the protocol
and host-name disagreements, and fails when, over the whole corpus, key or
counter agreement is under 99%, protocol agreement under 90% or host-name
agreement under 93% (the last two unless --no-dpi).

Usage: corpus_report.py SHARED_DIR RESULT_DIR [--no-dpi]
"""
import os
import re
import subprocess
import sys
from collections import Counter

shared, results = sys.argv[1], sys.argv[2]
dpi = "--no-dpi" not in sys.argv
tools = os.path.join(shared, "tools")
expected_dir = os.path.join(shared, "pcaps", "expected")
sys.path.insert(0, tools)
import compare_flows as cf  # noqa: E402  (the shared scoring rules, reused, not rewritten)

KNOWN = {}
with open(os.path.join(os.path.dirname(__file__), "known_differences.tsv")) as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        cap, l4, a, b, reason = line.rstrip("\n").split("\t")
        KNOWN[(cap, l4, a, b)] = reason

report = subprocess.run([sys.executable, os.path.join(tools, "compare_flows.py"), expected_dir, results],
                        capture_output=True, text=True, check=True).stdout
print(report, end="")

unexplained = 0
proto_groups, sni_misses = Counter(), []
for name in sorted(os.listdir(expected_dir)):
    if not name.endswith(".flows.tsv"):
        continue
    cap = name[: -len(".flows.tsv")]
    exp = cf.load_expected(os.path.join(expected_dir, name))
    path = os.path.join(results, cap + ".ndjson")
    got = cf.load_result(path) if os.path.exists(path) else {}
    frags = cf.load_fragments(os.path.join(expected_dir, cap + ".fragments.tsv"))
    for k, e in exp.items():
        if e["master"] and e["master"] != "Unknown" and not (k in got and cf.proto_agrees(e, got[k]["proto"])):
            want = e["master"] + ("." + e["app"] if e["app"] else "")
            proto_groups[(want, got[k]["proto"] if k in got else "(no flow)")] += 1
        if e["sni"] and not (k in got and e["sni"].lower() in got[k]["names"]):
            sni_misses.append((cap, e["sni"], sorted(got[k]["names"]) if k in got else "(no flow)"))
        if k in got and cf.counters_match(k, e, got[k], frags.get(k)):
            continue
        l4, vlan, lo, hi = k
        ends = (f"{lo[0]}:{lo[1]}", f"{hi[0]}:{hi[1]}")
        why = KNOWN.get((cap, str(l4), *ends))
        what = "missing" if k not in got else f"counters lo={got[k]['lo']} hi={got[k]['hi']}"
        print(f"MISMATCH {cap} proto={l4} vlan={vlan} {ends[0]} <-> {ends[1]} expected lo={e['lo']} hi={e['hi']}; "
              f"got {what}" + (f"  [deliberate: {why}]" if why else ""))
        if not why:
            unexplained += 1

if dpi:
    print(f"\nprotocol disagreements by (expected, wirelens), {sum(proto_groups.values())} flows:")
    for (want, ours), n in proto_groups.most_common():
        print(f"  {n:3d}  expected {want:28s} wirelens {ours}")
    print(f"\nhost-name disagreements, {len(sni_misses)} flows:")
    for cap, want, ours in sni_misses:
        print(f"  {cap}: expected {want!r}, wirelens {ours}")

m = re.search(r"TOTAL flows=(\d+) key=([\d.]+) counters=([\d.]+) proto=([\d.]+) sni=([\d.]+)", report)
if not m:
    print("FAIL: no TOTAL line from compare_flows.py")
    sys.exit(1)
key, counters, proto, sni = (float(m.group(i)) for i in range(2, 6))
print(f"corpus: key {key:.2%}, counters {counters:.2%}, protocol {proto:.2%}, host name {sni:.2%}, "
      f"unexplained counter mismatches {unexplained}")
checks = [(key >= 0.99 and counters >= 0.99, "at least 99% of expected flows match on key and counters")]
if dpi:
    checks.append((proto >= 0.90, "at least 90% of flows with a known protocol agree on it"))
    checks.append((sni >= 0.93, "at least 93% of flows with a host name agree on it"))
for ok, what in checks:
    print(("PASS" if ok else "FAIL") + ": " + what)
sys.exit(0 if all(ok for ok, _ in checks) else 1)
