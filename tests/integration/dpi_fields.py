#!/usr/bin/env python3
"""The flow record's application fields on known captures (names as in
docs/flow-record.md), and none of them with --no-dpi.

Usage: dpi_fields.py WIRELENS SHARED_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

BIN, SHARED = sys.argv[1], sys.argv[2]
failures = []


def records(cap, *flags):
    with tempfile.NamedTemporaryFile(suffix=".ndjson") as out:
        subprocess.run([BIN, "-i", os.path.join(SHARED, "pcaps", cap), "--shutdown-when-done", "-v", "0",
                        "-F", "file;" + out.name, *flags], check=True, stderr=subprocess.DEVNULL)
        return [json.loads(l) for l in open(out.name)]


def expect(cap, what, got, want):
    if got != want:
        failures.append(f"{cap}: {what} is {got!r}, expected {want!r}")
    else:
        print(f"ok: {cap}: {what} = {got!r}")


tls = records("443-curl.pcap")[0]
expect("443-curl.pcap", "L7_PROTO_NAME", tls["L7_PROTO_NAME"], "TLS.ntop")
expect("443-curl.pcap", "L7_PROTO", tls["L7_PROTO"], "91.26")
expect("443-curl.pcap", "L7_CATEGORY", tls["L7_CATEGORY"], "Network")
expect("443-curl.pcap", "L7_CONFIDENCE_NAME", tls["L7_CONFIDENCE_NAME"], "DPI")
expect("443-curl.pcap", "TLS_SERVER_NAME", tls["TLS_SERVER_NAME"], "www.ntop.org")
expect("443-curl.pcap", "JA4C_HASH", tls["JA4C_HASH"], "t12d6707h2_2955a3196ffa_c83f907a73d3")
expect("443-curl.pcap", "JA3C_HASH length", len(tls["JA3C_HASH"]), 32)
expect("443-curl.pcap", "JA3S_HASH length", len(tls["JA3S_HASH"]), 32)
expect("443-curl.pcap", "TLS_VERSION", tls["TLS_VERSION"], "TLSv1.2")

http = [r for r in records("http_auth.pcap") if r.get("HTTP_METHOD")]
expect("http_auth.pcap", "an HTTP flow with a method", bool(http), True)
if http:
    expect("http_auth.pcap", "HTTP_HOST present", bool(http[0].get("HTTP_HOST")), True)
    expect("http_auth.pcap", "HTTP_URL starts with /", http[0].get("HTTP_URL", "")[:1], "/")

dns = [r for r in records("dns.pcap") if r.get("DNS_ANSWERS")]
expect("dns.pcap", "a DNS flow with answers", bool(dns), True)
if dns:
    expect("dns.pcap", "DNS_QUERY present", bool(dns[0].get("DNS_QUERY")), True)
    expect("dns.pcap", "DNS_RET_CODE", dns[0].get("DNS_RET_CODE"), 0)

risky = [r for r in records("WebattackSQLinj.pcap") if "SQL Injection" in r.get("L7_PROTO_RISK_NAME", "")]
expect("WebattackSQLinj.pcap", "a flow with the SQL Injection risk", bool(risky), True)
if risky:
    expect("WebattackSQLinj.pcap", "risk bit 2 set", bool(risky[0]["L7_PROTO_RISK"] & (1 << 2)), True)
    expect("WebattackSQLinj.pcap", "client share of its score >= 135", risky[0]["L7_RISK_SCORE_CLIENT"] >= 135, True)

ssh = [r for r in records("ssh.pcap") if r.get("SSH_CLIENT_BANNER")]
expect("ssh.pcap", "an SSH flow with banners and HASSH", bool(ssh and ssh[0].get("HASSHC_HASH")), True)

plain = records("443-curl.pcap", "--no-dpi")[0]
l7 = [k for k in plain if k.startswith(("L7_", "TLS_", "JA", "HTTP_", "DNS_"))]
expect("443-curl.pcap --no-dpi", "application fields", l7, [])

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
