"""Shared by the REST test scripts: arguments, the check counter, free ports."""
import os
import socket
import sys

BIN = sys.argv[1] if len(sys.argv) > 1 else "/work/main/build/wirelens"
SHARED = sys.argv[2] if len(sys.argv) > 2 else "/work/shared"
PCAP = os.path.join(SHARED, "pcaps", "teams.pcap")
LOCAL_NET = "192.168.1.0/24"
ADMIN = ("admin", "secret123")

_counts = {"checks": 0, "failures": 0}


def check(name, ok, detail=""):
    _counts["checks"] += 1
    if not ok:
        _counts["failures"] += 1
    print("%s: %s%s" % ("PASS" if ok else "FAIL", name, ("  -- " + str(detail)[:400]) if detail and not ok else ""))
    sys.stdout.flush()
    return ok


def finish():
    """Prints the totals and exits non-zero when a check failed."""
    print("%d checks, %d failed" % (_counts["checks"], _counts["failures"]))
    sys.exit(1 if _counts["failures"] else 0)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def is_json(r):
    return r.headers.get("Content-Type", "").startswith("application/json")
