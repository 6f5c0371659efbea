"""Shared by the REST test scripts: arguments, the check counter, free ports."""
import os
import signal
import socket
import subprocess
import sys
import time

import requests

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


class Server:
    def __init__(self, datadir, admin_password="secret123", pcap=PCAP, port=None, dump=None, extra=None):
        self.datadir = datadir
        self.port = port or free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        cmd = [BIN, "-i", pcap, "-w", "127.0.0.1:%d" % self.port, "-d", datadir,
               "-m", LOCAL_NET, "--num-workers", "1"]
        if admin_password:
            cmd += ["--admin-password", admin_password]
        if dump:
            cmd += ["-F", "file;" + dump]
        cmd += extra or []
        self.log = open(os.path.join(datadir, "..", "wl-%d.log" % self.port), "w")
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, auth=ADMIN):
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                r = requests.get(self.base + "/lua/rest/v2/get/interface/data.lua",
                                 params={"ifid": "0", "type": "summary"}, auth=auth, timeout=2)
                if r.status_code == 200:
                    rsp = r.json()["rsp"]
                    if rsp.get("is_loading") is False:
                        full = requests.get(self.base + "/lua/rest/v2/get/interface/data.lua",
                                            params={"ifid": "0"}, auth=auth, timeout=2).json()["rsp"]
                        if full.get("packets", 0) > 0:
                            return True
                elif r.status_code == 403:
                    return True  # default password: the server is up, REST refused
            except (requests.RequestException, ValueError, KeyError):
                pass
            time.sleep(0.2)
        return False

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def url(self, path):
        return self.base + path
