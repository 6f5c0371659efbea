#!/usr/bin/env python3
"""--original-speed replays a file at its capture pace (a 2-second capture
takes about 2 s; without the flag it takes a blink), and a terminal gets a
progress line with percent, packets/s and ETA.

Usage: replay_pace.py WIRELENS
"""
import os
import pty
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import pcapgen as pg  # noqa: E402

BIN = sys.argv[1]
failures = []
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "paced.pcap")
    w = pg.PcapWriter(path)
    for i in range(5):  # one packet every 0.5 s
        w.add(1_600_000_000_000_000 + i * 500_000, pg.ethernet(pg.ipv4([10, 0, 0, 1], [10, 0, 0, 2], 17, pg.udp(5000, 53, b"x"))))
    w.close()
    took = {}
    for name, flag in (("fast", []), ("paced", ["--original-speed"])):
        t0 = time.monotonic()
        subprocess.run([BIN, "-i", path, "--shutdown-when-done", "-v", "0", "--no-dpi"] + flag, check=True,
                       stderr=subprocess.DEVNULL)
        took[name] = time.monotonic() - t0
        print(f"{name}: {took[name]:.2f} s")
    # The capture spans 2 s: replayed at its pace it takes 2 s more than as fast as
    # possible (start-up time, slow under sanitizers, is in both).
    extra = took["paced"] - took["fast"]
    if not 1.8 <= extra <= 3.5:
        failures.append(f"--original-speed took {extra:.2f} s longer than a fast read, expected about 2 s")

    # Progress on a terminal: run under a pseudo-terminal and read what it shows.
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(BIN, [BIN, "-i", path, "--shutdown-when-done", "--original-speed", "-v", "0"])
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    text = out.decode(errors="replace")
    if "100.0%" not in text or "packets/s" not in text or "ETA" not in text:
        failures.append(f"no progress line on a terminal: {text[:300]!r}")
    else:
        print("progress line on a terminal: ok")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
