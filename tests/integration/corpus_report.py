#!/usr/bin/env python3
"""Prints compare_flows.py's per-file rates, lists every flow that does not
match (marking the documented deliberate differences), and fails when key or
counter agreement over the whole corpus is under 99%.

Usage: corpus_report.py SHARED_DIR RESULT_DIR
"""
import os
import re
import subprocess
import sys

shared, results = sys.argv[1], sys.argv[2]
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
for name in sorted(os.listdir(expected_dir)):
    if not name.endswith(".flows.tsv"):
        continue
    cap = name[: -len(".flows.tsv")]
    exp = cf.load_expected(os.path.join(expected_dir, name))
    path = os.path.join(results, cap + ".ndjson")
    got = cf.load_result(path) if os.path.exists(path) else {}
    frags = cf.load_fragments(os.path.join(expected_dir, cap + ".fragments.tsv"))
    for k, e in exp.items():
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

m = re.search(r"TOTAL flows=(\d+) key=([\d.]+) counters=([\d.]+)", report)
if not m:
    print("FAIL: no TOTAL line from compare_flows.py")
    sys.exit(1)
key, counters = float(m.group(2)), float(m.group(3))
print(f"corpus: key {key:.2%}, counters {counters:.2%}, unexplained mismatches {unexplained}")
ok = key >= 0.99 and counters >= 0.99
print(("PASS" if ok else "FAIL") + ": at least 99% of expected flows must match on key and counters")
sys.exit(0 if ok else 1)
