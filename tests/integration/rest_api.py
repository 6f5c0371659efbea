#!/usr/bin/python3
"""Integration tests for wirelens's ntopng-compatible REST API.

Usage: rest_api.py BIN SHARED_DIR

Spec: SHARED_DIR/docs/rest-api-v2-compat.md sections 1-6 and 11, and
SHARED_DIR/docs/clarifications.md ("REST and users").  Prints one line per
check and exits 1 when any check failed.
"""
import http.client
import ipaddress
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import requests

from rest_common import ADMIN, BIN, LOCAL_NET, PCAP, SHARED, Server, check, finish, free_port, is_json  # noqa: F401



def v2(path):
    return "/lua/rest/v2/" + path


def envelope_ok(r):
    try:
        j = r.json()
    except ValueError:
        return False, "body not JSON: %r" % r.text[:200]
    ok = (r.status_code == 200 and is_json(r) and j.get("rc") == 0 and j.get("rc_str") == "OK"
          and isinstance(j.get("rc_str_hr"), str) and j.get("rc_str_hr") != "" and "rsp" in j)
    return ok, "status=%s ct=%s body=%s" % (r.status_code, r.headers.get("Content-Type"), r.text[:200])


def raw_request(port, method, path, headers=None, body=None):
    """Send a request with the path exactly as given (no client normalisation)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest(method, path, skip_host=False, skip_accept_encoding=True)
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders()
        if body is not None:
            conn.send(body)
        resp = conn.getresponse()
        data = resp.read()
        return resp.status, dict(resp.getheaders()), data
    except (ConnectionError, http.client.HTTPException, OSError) as e:
        return None, {}, str(e).encode()
    finally:
        conn.close()


def ws_first_message(port, path, headers):
    """WebSocket handshake by hand; returns (HTTP status, first text message or None)."""
    import base64, socket as so
    key = base64.b64encode(os.urandom(16)).decode()
    lines = ["GET %s HTTP/1.1" % path, "Host: 127.0.0.1:%d" % port, "Upgrade: websocket", "Connection: Upgrade",
             "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13"] + ["%s: %s" % kv for kv in headers.items()]
    c = so.create_connection(("127.0.0.1", port), timeout=10)
    try:
        c.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        buf = b""
        while b"\r\n\r\n" not in buf:
            chunk = c.recv(4096)
            if not chunk:
                break
            buf += chunk
        head, _, rest = buf.partition(b"\r\n\r\n")
        status = int(head.split()[1]) if head else None
        if status != 101:
            return status, None
        def need(n):
            nonlocal rest
            while len(rest) < n:
                chunk = c.recv(4096)
                if not chunk:
                    raise EOFError
                rest += chunk
            out, rest = rest[:n], rest[n:]
            return out
        while True:
            b0, b1 = need(2)
            ln = b1 & 0x7F
            if ln == 126:
                ln = int.from_bytes(need(2), "big")
            elif ln == 127:
                ln = int.from_bytes(need(8), "big")
            payload = need(ln)
            if b0 & 0x0F == 1:
                return status, payload.decode()
    finally:
        c.close()


def read_flow_records(datadir):
    out = os.path.join(datadir, "flows.ndjson")
    dd = os.path.join(datadir, "dd")
    os.makedirs(dd, exist_ok=True)
    subprocess.run([BIN, "-i", PCAP, "-d", dd, "-m", LOCAL_NET, "--num-workers", "1",
                    "--shutdown-when-done", "-F", "file;" + out],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    recs = []
    with open(out) as f:
        for line in f:
            line = line.strip()
            if line:
                recs.append(json.loads(line))
    return recs


def rec_src(r):
    return r.get("IPV4_SRC_ADDR") or r.get("IPV6_SRC_ADDR")


def rec_dst(r):
    return r.get("IPV4_DST_ADDR") or r.get("IPV6_DST_ADDR")


def norm_ip(s):
    try:
        return str(ipaddress.ip_address(s))
    except ValueError:
        return s


def main():
    tmp = tempfile.mkdtemp(prefix="wl-rest-")
    servers = []
    try:
        run(tmp, servers)
        run_options(tmp, servers)
    finally:
        for s in servers:
            s.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    finish()


def started(tmp, servers, name, **kw):
    dd = os.path.join(tmp, name)
    os.makedirs(dd)
    srv = Server(dd, **kw)
    servers.append(srv)
    return srv


def run_options(tmp, servers):
    """Listener options, login options and the failed-login limit, each on its own server."""
    import urllib3
    urllib3.disable_warnings()
    # HTTPS only, with the certificate made on first start
    https_port = free_port()
    srv = started(tmp, servers, "https", extra=["-w", "0", "-W", "127.0.0.1:%d" % https_port])
    base = "https://127.0.0.1:%d" % https_port
    ok = False
    for _ in range(150):
        try:
            r = requests.get(base + "/lua/rest/version.lua", auth=ADMIN, verify=False, timeout=2)
            ok = r.status_code == 200 and r.json()["rc"] == 0
            break
        except requests.RequestException:
            time.sleep(0.2)
    check("-W: HTTPS answers with the self-signed certificate", ok)
    ssl_dir = os.path.join(srv.datadir, "ssl")
    check("-W: certificate and key written to <data dir>/ssl",
          os.path.exists(os.path.join(ssl_dir, "wirelens-cert.pem")) and
          os.path.exists(os.path.join(ssl_dir, "wirelens-key.pem")))
    srv.stop()

    # --http-prefix: every path moves under it, version roots name it
    srv = started(tmp, servers, "prefix", extra=["-Z", "/wl"])
    time.sleep(0.5)
    r = None
    for _ in range(150):
        try:
            r = requests.get(srv.url("/wl/lua/rest/version.lua"), auth=ADMIN, timeout=2)
            break
        except requests.RequestException:
            time.sleep(0.2)
    check("-Z: version under the prefix, roots include it",
          r is not None and r.status_code == 200 and
          r.json()["rsp"]["supported_versions"][1]["root"] == "/wl/lua/rest/v2", r.text[:200] if r else None)
    r = requests.get(srv.url("/lua/rest/version.lua"), auth=ADMIN, timeout=5)
    check("-Z: paths outside the prefix are not found", r.status_code == 404, r.status_code)
    srv.stop()

    # gzip for large answers
    srv = started(tmp, servers, "gzip")
    if srv.wait_ready():
        r = requests.get(srv.url(v2("get/l7/application/consts.lua")), auth=ADMIN, timeout=5,
                         headers={"Accept-Encoding": "gzip"})
        check("large JSON answers are gzipped when asked", r.headers.get("Content-Encoding") == "gzip" and
              r.json()["rc"] == 0, r.headers)
        r = requests.get(srv.url(v2("get/l7/application/consts.lua")), auth=ADMIN, timeout=5,
                         headers={"Accept-Encoding": "identity"})
        check("... and plain when not", "Content-Encoding" not in r.headers and r.json()["rc"] == 0, r.headers)
        # Failed logins: the source is refused (429) before any password check
        codes = [requests.get(srv.url(v2("connect/test.lua")), auth=("admin", "wrong-%d" % i), timeout=10).status_code
                 for i in range(12)]
        check("failed Basic logins from one source end in 429", codes[:5] == [401] * 5 and codes[-1] == 429, codes)
        r = requests.get(srv.url(v2("connect/test.lua")), auth=ADMIN, timeout=10)
        check("a rate-limited source is refused even with the right password", r.status_code == 429, r.status_code)
    srv.stop()
    log = open(os.path.join(srv.datadir, "..", "wl-%d.log" % srv.port)).read()
    check("failed logins are logged", "failed" in log.lower() or "wrong" in log.lower(), log[-300:])

    # --disable-login 1: no credentials needed (labs), with a loud warning
    srv = started(tmp, servers, "nologin", extra=["-l", "1"])
    ready = srv.wait_ready(auth=None)
    r = requests.get(srv.url(v2("get/ntopng/interfaces.lua")), timeout=5)
    check("-l 1: no login needed", ready and r.status_code == 200 and r.json()["rc"] == 0, r.status_code)
    srv.stop()
    log = open(os.path.join(srv.datadir, "..", "wl-%d.log" % srv.port)).read()
    check("-l 1: warns at start", "WARNING" in log, log[-300:])


def run(tmp, servers):
    dd = os.path.join(tmp, "data")
    os.makedirs(dd)
    serve_dump = os.path.join(tmp, "serving-flows.ndjson")
    srv = Server(dd, dump=serve_dump)
    servers.append(srv)
    if not check("server becomes ready", srv.wait_ready()):
        return
    S = requests.Session()
    S.auth = ADMIN

    def get(path, params=None, **kw):
        return S.get(srv.url(path), params=params, timeout=10, **kw)

    # ---- WebSocket live feed ----------------------------------------------------------
    import base64
    basic = "Basic " + base64.b64encode(("%s:%s" % ADMIN).encode()).decode()
    st, msg = ws_first_message(srv.port, "/ws/live?ifid=0", {"Authorization": basic})
    live = json.loads(msg) if msg else {}
    check("ws/live: upgrade with credentials, a message with packets and flows",
          st == 101 and live.get("packets", 0) > 0 and "num_flows" in live and "throughput_bps" in live, (st, msg))
    st, msg = ws_first_message(srv.port, "/ws/live?ifid=0", {})
    check("ws/live without credentials refused (401)", st == 401, st)
    st, msg = ws_first_message(srv.port, "/ws/live?ifid=9", {"Authorization": basic})
    check("ws/live with an unknown ifid refused (400)", st == 400, st)

    # ---- the embedded web UI ------------------------------------------------------------
    r = requests.get(srv.url("/"), timeout=10)
    check("UI: / serves index.html without login", r.status_code == 200 and
          r.headers.get("Content-Type", "").startswith("text/html") and 'id="app"' in r.text, r.status_code)
    check("UI: index.html has a Content-Security-Policy", "default-src 'self'" in
          r.headers.get("Content-Security-Policy", ""), r.headers)
    import re as _re
    js = _re.findall(r'(?:src|href)="\.?/?(assets/[^"]+)"', r.text)
    ok = bool(js)
    for a in js:
        ra = requests.get(srv.url("/" + a), timeout=10)
        ok = ok and ra.status_code == 200 and "immutable" in ra.headers.get("Cache-Control", "") and len(ra.content) > 0
    check("UI: every asset index.html names is served, cacheable", ok, js)
    r = requests.get(srv.url("/lua/login.lua"), allow_redirects=False, timeout=10)
    check("UI: ntopng's login page redirects to the UI's", r.status_code == 302 and
          r.headers.get("Location", "").endswith("/#/login"), (r.status_code, r.headers.get("Location")))
    r = requests.get(srv.url("/no-such-file.js"), timeout=10)
    check("UI: unknown static path -> 404", r.status_code == 404, r.status_code)

    # ---- host list for parameters ------------------------------------------------------
    hosts = get(v2("get/host/active.lua"), {"ifid": "0", "all": "true"}).json()["rsp"]["data"]
    ips = [h["ip"] for h in hosts]
    local_ip = next((h["ip"] for h in hosts if h["ip"].startswith("192.168.1.")), ips[0])
    hd = get(v2("get/host/data.lua"), {"ifid": "0", "host": local_ip}).json()["rsp"]
    t0 = hd.get("seen.first", 0) - 5
    t1 = hd.get("seen.last", 0) + 5
    for h in hosts:
        d = get(v2("get/host/data.lua"), {"ifid": "0", "host": h["ip"]}).json().get("rsp", {})
        if isinstance(d, dict) and d.get("seen.first"):
            t0 = min(t0, d["seen.first"] - 5)
            t1 = max(t1, d["seen.last"] + 5)

    # ---- 1. Envelope -----------------------------------------------------------------------
    I = {"ifid": "0"}
    H = {"ifid": "0", "host": local_ip}
    endpoints = [
        ("/lua/rest/version.lua", None),
        (v2("connect/test.lua"), None),
        (v2("get/ntopng/interfaces.lua"), None),
        (v2("get/interface/data.lua"), I),
        (v2("get/interface/address.lua"), I),
        (v2("get/interface/bcast_domains.lua"), I),
        (v2("get/interface/l7/stats.lua"), dict(I, ndpistats_mode="count")),
        (v2("get/interface/l7/stats.lua"), dict(I, ndpistats_mode="sinceStartup")),
        (v2("get/interface/dscp/stats.lua"), I),
        (v2("get/interface/top/hosts.lua"), I),
        (v2("get/host/active.lua"), I),
        (v2("get/host/data.lua"), H),
        (v2("get/host/interfaces.lua"), {"host": local_ip}),
        (v2("get/host/custom_data.lua"), dict(I, field_alias="ip,vlan")),
        (v2("get/host/l7/stats.lua"), H),
        (v2("get/host/dscp/stats.lua"), H),
        (v2("get/flow/active.lua"), I),
        (v2("get/flow/l4/counters.lua"), I),
        (v2("get/flow/l7/counters.lua"), I),
        (v2("get/alert/type/consts.lua"), None),
        (v2("get/alert/severity/consts.lua"), None),
        (v2("get/alert/type/counters.lua"), I),
        (v2("get/alert/severity/counters.lua"), I),
        (v2("get/l4/protocol/consts.lua"), None),
        (v2("get/l7/application/consts.lua"), None),
        (v2("get/l7/category/consts.lua"), None),
        (v2("get/timeseries/ts.lua"), {"ts_schema": "iface:traffic", "ts_query": "ifid:0",
                                       "epoch_begin": str(t0), "epoch_end": str(t1)}),
        (v2("get/timeseries/ts.lua"), {"ts_schema": "iface:traffic_rxtx", "ts_query": "ifid:0",
                                       "epoch_begin": str(t0), "epoch_end": str(t1)}),
        (v2("get/timeseries/ts.lua"), {"ts_schema": "iface:packets", "ts_query": "ifid:0",
                                       "epoch_begin": str(t0), "epoch_end": str(t1)}),
        ("/lua/pro/rest/v2/get/interface/top/local/talkers.lua", I),
        ("/lua/pro/rest/v2/get/interface/top/remote/talkers.lua", I),
        (v2("get/ntopng/users.lua"), None),
        ("/lua/rest/v1/get/interface/data.lua", I),
        ("/lua/rest/v1/get/host/active.lua", I),
        ("/lua/rest/v1/get/timeseries/ts.lua", {"ts_schema": "iface:traffic", "ts_query": "ifid:0",
                                                "epoch_begin": str(t0), "epoch_end": str(t1)}),
    ]
    for fam in ("host", "flow", "interface", "network", "system", "all"):
        fi = "-1" if fam == "system" else "0"
        endpoints.append((v2("get/%s/alert/list.lua" % fam), {"ifid": fi, "epoch_begin": str(t0),
                                                              "epoch_end": str(t1)}))
        endpoints.append((v2("get/%s/alert/ts.lua" % fam), {"ifid": fi, "epoch_begin": str(t0),
                                                            "epoch_end": str(t1)}))
    for path, params in endpoints:
        r = get(path, params)
        ok, detail = envelope_ok(r)
        check("envelope %s %s" % (path, params or ""), ok, detail)
    # .lua-less spelling (1.1 SHOULD)
    r = get(v2("get/interface/data"), I)
    check("envelope without .lua suffix (get/interface/data)", envelope_ok(r)[0], envelope_ok(r)[1])

    # ---- 2. Errors -------------------------------------------------------------------------
    def err(name, r, status, rc, rc_str=None):
        try:
            j = r.json()
        except ValueError:
            return check(name, False, "not JSON: %s %r" % (r.status_code, r.text[:200]))
        ok = r.status_code == status and j.get("rc") == rc and j.get("rsp") == [] and is_json(r)
        if rc_str:
            ok = ok and j.get("rc_str") == rc_str
        return check(name, ok, "status=%s body=%s" % (r.status_code, r.text[:200]))

    err("missing ifid -> 400/-2 INVALID_INTERFACE rsp []", get(v2("get/interface/data.lua")), 400, -2,
        "INVALID_INTERFACE")
    err("missing ifid on host/active -> 400/-2", get(v2("get/host/active.lua")), 400, -2, "INVALID_INTERFACE")
    err("unknown ifid 77 -> 400/-2", get(v2("get/flow/active.lua"), {"ifid": "77"}), 400, -2,
        "INVALID_INTERFACE")
    err("unknown host on host/data -> 404/-1 NOT_FOUND", get(v2("get/host/data.lua"),
                                                            {"ifid": "0", "host": "10.255.254.253"}),
        404, -1, "NOT_FOUND")
    err("missing ndpistats_mode -> 400/-5 INVALID_ARGUMENTS", get(v2("get/interface/l7/stats.lua"), I),
        400, -5, "INVALID_ARGUMENTS")
    err("bad ndpistats_mode -> 400/-5", get(v2("get/interface/l7/stats.lua"), dict(I, ndpistats_mode="bogus")),
        400, -5, "INVALID_ARGUMENTS")
    err("unknown REST path -> 404 JSON rc -1", get(v2("get/nonexistent/thing.lua"), I), 404, -1)
    err("unknown pro REST path -> 404 JSON rc -1", get("/lua/pro/rest/v2/get/nothing/here.lua", I), 404, -1)

    # ---- 3. Values cross-checked against flow records ---------------------------------------
    recs = [r for r in read_flow_records(tmp) if not r.get("PARTIAL")]
    check("flow records written by --shutdown-when-done run", len(recs) > 10, len(recs))
    sent = {}
    for r in recs:
        s, d = norm_ip(rec_src(r)), norm_ip(rec_dst(r))
        sent[s] = sent.get(s, 0) + int(r.get("IN_BYTES", 0))
        sent[d] = sent.get(d, 0) + int(r.get("OUT_BYTES", 0))
    mism = []
    for ip in ips:
        d = get(v2("get/host/data.lua"), {"ifid": "0", "host": ip}).json().get("rsp")
        if not isinstance(d, dict) or d.get("bytes.sent") != sent.get(norm_ip(ip), 0):
            mism.append((ip, d.get("bytes.sent") if isinstance(d, dict) else d, sent.get(norm_ip(ip))))
    check("host/data bytes.sent == sum of flow-record bytes sent, all %d hosts" % len(ips), not mism, mism[:5])
    rcvd = {}
    for r in recs:
        s, d = norm_ip(rec_src(r)), norm_ip(rec_dst(r))
        rcvd[d] = rcvd.get(d, 0) + int(r.get("IN_BYTES", 0))
        rcvd[s] = rcvd.get(s, 0) + int(r.get("OUT_BYTES", 0))
    mism_r, mism_n = [], []
    for ip in ips:
        d = get(v2("get/host/data.lua"), {"ifid": "0", "host": ip}).json().get("rsp")
        if not isinstance(d, dict):
            continue
        if d.get("bytes.rcvd") != rcvd.get(norm_ip(ip), 0):
            mism_r.append((ip, d.get("bytes.rcvd"), rcvd.get(norm_ip(ip))))
        nd = d.get("ndpi")
        nsum = sum(v.get("bytes.sent", 0) + v.get("bytes.rcvd", 0) for v in nd.values()) if isinstance(nd, dict) else 0
        if nsum != d.get("bytes.sent", 0) + d.get("bytes.rcvd", 0):
            mism_n.append((ip, nsum, d.get("bytes.sent", 0) + d.get("bytes.rcvd", 0)))
    check("host/data bytes.rcvd == sum of flow-record bytes received, all hosts", not mism_r, mism_r[:5])
    check("host/data ndpi map bytes sum == bytes.sent + bytes.rcvd, all hosts", not mism_n, mism_n[:5])
    check("host set == endpoints of flow records", set(map(norm_ip, ips)) == set(sent.keys()),
          sorted(set(map(norm_ip, ips)) ^ set(sent.keys()))[:10])

    fa = get(v2("get/flow/active.lua"), dict(I, perPage="5")).json()["rsp"]
    total = fa.get("totalRows")
    # Flows that ended before the end of the file (TCP close, new SYN) left memory,
    # as in ntopng; the ones still in memory end as end_of_input in the file run.
    kept = [r for r in recs if r.get("FLOW_END_REASON") == "end_of_input"]
    # (a closed flow whose grace period had not run out is in memory but is
    # recorded as tcp_closed at shutdown, so this is a range)
    check("flow/active totalRows within the flows open at the end of the file", len(kept) <= total <= len(recs),
          "%s vs %d..%d" % (total, len(kept), len(recs)))
    idata = get(v2("get/interface/data.lua"), I).json()["rsp"]
    check("interface data num_flows == flow/active totalRows", idata.get("num_flows") == total,
          "%s vs %s" % (idata.get("num_flows"), total))
    check("interface data num_hosts == host/active totalRows", idata.get("num_hosts") == len(hosts),
          "%s vs %s" % (idata.get("num_hosts"), len(hosts)))
    check("interface bytes == sum of flow-record bytes", idata.get("bytes") >= sum(
        int(r.get("IN_BYTES", 0)) + int(r.get("OUT_BYTES", 0)) for r in recs), idata.get("bytes"))

    tps = idata.get("tcpPacketStats", {})
    rsum = lambda *ks: sum(int(r_.get(k, 0)) for r_ in recs for k in ks)
    exp_tps = {"retransmissions": rsum("RETRANSMITTED_IN_PKTS", "RETRANSMITTED_OUT_PKTS"),
               "out_of_order": rsum("OOORDER_IN_PKTS", "OOORDER_OUT_PKTS"), "lost": rsum("IN_LOST", "OUT_LOST")}
    for k, v in exp_tps.items():
        check("interface tcpPacketStats.%s == sum over flow records (%d)" % (k, v), tps.get(k) == v, tps.get(k))
    check("interface tcpPacketStats values <= packets", all(isinstance(tps.get(k), int) and
                                                           tps.get(k) <= idata.get("packets", 0) for k in exp_tps),
          tps)
    check("interface bytes_upload + bytes_download <= bytes",
          idata.get("bytes_upload", 0) + idata.get("bytes_download", 0) <= idata.get("bytes", 0))

    pg = get(v2("get/flow/active.lua"), dict(I, perPage="20", sortColumn="bytes", sortOrder="desc")).json()["rsp"]
    b = [row["bytes"] for row in pg["data"]]
    check("flows sorted by bytes desc are ordered", b == sorted(b, reverse=True) and len(b) == min(20, total), b)
    check("flows sort echo [[column_bytes, desc]]", pg.get("sort") == [["column_bytes", "desc"]], pg.get("sort"))
    big = max(int(r.get("IN_BYTES", 0)) + int(r.get("OUT_BYTES", 0)) for r in kept)
    check("largest flow bytes == largest flow record bytes", b and b[0] == big, "%s vs %s" % (b[:1], big))
    pa = get(v2("get/flow/active.lua"), dict(I, perPage="20", sortColumn="bytes", sortOrder="asc")).json()["rsp"]
    b2 = [row["bytes"] for row in pa["data"]]
    check("flows sorted by bytes asc are ordered", b2 == sorted(b2), b2)

    # flow paging
    seen_keys, rows_sum, page = [], 0, 1
    while page < 100:
        p = get(v2("get/flow/active.lua"), dict(I, perPage="7", currentPage=str(page))).json()["rsp"]
        if not p["data"]:
            break
        rows_sum += len(p["data"])
        seen_keys += [(row["key"], row["hash_id"]) for row in p["data"]]
        page += 1
    check("flow pages: sum of rows == totalRows", rows_sum == total, "%d vs %s" % (rows_sum, total))
    check("flow pages don't overlap", len(set(seen_keys)) == len(seen_keys), len(seen_keys) - len(set(seen_keys)))
    p2 = get(v2("get/flow/active.lua"), dict(I, perPage="7", currentPage="2")).json()["rsp"]
    check("flow page echo currentPage/perPage", p2.get("currentPage") == 2 and p2.get("perPage") == 7,
          (p2.get("currentPage"), p2.get("perPage")))

    # host paging
    hp_ips, page = [], 1
    first = None
    while page < 100:
        p = get(v2("get/host/active.lua"), dict(I, perPage="5", currentPage=str(page))).json()["rsp"]
        first = first or p
        if not p["data"]:
            break
        check("host/active page %d has <= perPage rows and echoes paging" % page,
              len(p["data"]) <= 5 and p.get("perPage") == 5 and p.get("currentPage") == page
              and p.get("totalRows") == len(hosts), (len(p["data"]), p.get("perPage"), p.get("currentPage"),
                                                     p.get("totalRows")))
        hp_ips += [h["ip"] for h in p["data"]]
        page += 1
    check("host pages cover every host exactly once", sorted(hp_ips) == sorted(ips) and len(set(hp_ips)) ==
          len(hp_ips), (len(hp_ips), len(ips)))
    check("host/active default order: IP ascending",
          [ipaddress.ip_address(x) for x in hp_ips] == sorted(ipaddress.ip_address(x) for x in hp_ips
                                                             if True), hp_ips[:8])
    check("host/active without sortColumn: sort == [[]]", first.get("sort") == [[]], first.get("sort"))
    allp = get(v2("get/host/active.lua"), dict(I, all="false")).json()["rsp"]
    check("host/active all=false returns all hosts, perPage -1 currentPage 0",
          len(allp["data"]) == len(hosts) and allp.get("perPage") == -1 and allp.get("currentPage") == 0,
          (len(allp["data"]), allp.get("perPage"), allp.get("currentPage")))
    sb = get(v2("get/host/active.lua"), dict(I, perPage="50", sortColumn="traffic", sortOrder="desc")).json()["rsp"]
    tr = [h["bytes"]["total"] for h in sb["data"]]
    check("host/active sorted by traffic desc", tr == sorted(tr, reverse=True), tr[:10])

    # host=ip@vlan vs host=ip&vlan=0
    a = get(v2("get/host/data.lua"), {"ifid": "0", "host": local_ip + "@0"}).json()
    bq = get(v2("get/host/data.lua"), {"ifid": "0", "host": local_ip, "vlan": "0"}).json()
    c = get(v2("get/host/data.lua"), {"ifid": "0", "host": local_ip}).json()
    strip = lambda j: {k: v for k, v in j.get("rsp", {}).items() if not k.startswith(("throughput", "seen.", "duration"))} \
        if isinstance(j.get("rsp"), dict) else j
    check("host=ip@0 equals host=ip&vlan=0", a.get("rc") == 0 and strip(a) == strip(bq), a.get("rc"))
    check("host=ip equals host=ip&vlan=0", strip(c) == strip(bq))
    check("host=ip@vlan wins over vlan param", get(v2("get/host/data.lua"),
                                                   {"ifid": "0", "host": local_ip + "@0", "vlan": "5"}
                                                   ).json().get("rc") == 0)

    # JSON POST body == query string
    q = get(v2("get/flow/active.lua"), dict(I, perPage="10", sortColumn="bytes", sortOrder="desc")).json()
    jp = S.post(srv.url(v2("get/flow/active.lua")), json={"ifid": 0, "perPage": 10, "sortColumn": "bytes",
                                                         "sortOrder": "desc"}, timeout=10).json()
    check("JSON POST body gives same flow page as query string",
          [r["key"] for r in q["rsp"]["data"]] == [r["key"] for r in jp["rsp"]["data"]]
          and q["rsp"]["totalRows"] == jp["rsp"]["totalRows"], (q.get("rc"), jp.get("rc")))
    qd = get(v2("get/interface/data.lua"), I).json()["rsp"]
    jd = S.post(srv.url(v2("get/interface/data.lua")), json={"ifid": 0}, timeout=10).json()["rsp"]
    check("ifid echoed as string for query, number for JSON (1.5)", qd.get("ifid") == "0" and jd.get("ifid") == 0,
          (qd.get("ifid"), jd.get("ifid")))
    check("JSON POST interface data same packets/bytes as query", qd.get("bytes") == jd.get("bytes") and
          qd.get("packets") == jd.get("packets"))
    hq = get(v2("get/host/data.lua"), H).json()["rsp"]
    hj = S.post(srv.url(v2("get/host/data.lua")), json={"ifid": 0, "host": local_ip}, timeout=10).json()["rsp"]
    check("JSON POST host/data same bytes.sent/rcvd as query", isinstance(hj, dict) and
          hq.get("bytes.sent") == hj.get("bytes.sent") and hq.get("bytes.rcvd") == hj.get("bytes.rcvd"))
    jq = S.post(srv.url(v2("get/host/data.lua")) + "?ifid=0&host=10.1.1.1", json={"host": local_ip},
                timeout=10).json()
    check("JSON body key overrides query-string key", jq.get("rc") == 0, jq.get("rc"))

    # breed=True and unknown params
    base_l7 = get(v2("get/interface/l7/stats.lua"), dict(I, ndpistats_mode="sinceStartup")).json()
    bt = get(v2("get/interface/l7/stats.lua"), dict(I, ndpistats_mode="sinceStartup", breed="True")).json()
    btrue = get(v2("get/interface/l7/stats.lua"), dict(I, ndpistats_mode="sinceStartup", breed="true")).json()
    check("breed=True behaves like no breed", bt == base_l7, (bt.get("rsp"), base_l7.get("rsp")))
    check("breed=true groups differently (by breed)", btrue.get("rc") == 0 and btrue != base_l7)
    hb = get(v2("get/host/l7/stats.lua"), dict(H, breed="True")).json()
    hn = get(v2("get/host/l7/stats.lua"), H).json()
    check("host l7 breed=True behaves like no breed", hb == hn)
    u1 = get(v2("get/host/active.lua"), dict(I, perPage="10", foo="bar", zzz="1")).json()
    u0 = get(v2("get/host/active.lua"), dict(I, perPage="10")).json()
    check("unknown params ignored (host/active)", [h["ip"] for h in u1["rsp"]["data"]] ==
          [h["ip"] for h in u0["rsp"]["data"]] and u1["rc"] == 0)
    u2 = get(v2("get/interface/data.lua"), dict(I, nonsense="x")).json()
    check("unknown params ignored (interface/data)", u2.get("rc") == 0)
    inv = get(v2("get/host/active.lua"), dict(I, perPage="abc")).json()
    check("invalid perPage dropped (default page size 10)", inv.get("rc") == 0 and
          len(inv["rsp"]["data"]) == min(10, len(hosts)), len(inv.get("rsp", {}).get("data", [])))

    # shapes
    check("host/data has dotted keys bytes.sent/bytes.rcvd/packets.sent",
          all(k in hq for k in ("bytes.sent", "bytes.rcvd", "packets.sent", "packets.rcvd", "seen.first",
                                "seen.last", "active_flows.as_client", "total_flows.as_client")),
          [k for k in ("bytes.sent", "bytes.rcvd") if k not in hq])
    req_keys = ["ip", "vlan", "name", "mac", "localhost", "os", "country", "asn", "asname", "throughput_bps",
                "throughput_pps", "active_flows.as_server", "total_flows.as_server", "num_alerts", "score",
                "score.as_client", "score.as_server", "ndpi", "ndpi_categories", "contacts.as_client",
                "contacts.as_server", "tcp.bytes.sent", "udp.bytes.sent", "icmp.bytes.sent"]
    check("host/data required subset present (6.13)", all(k in hq for k in req_keys),
          [k for k in req_keys if k not in hq])
    check("host/data name is a string (may be \"\", 6.13)", isinstance(hq.get("name"), str), hq.get("name"))
    row = hosts[0]
    check("host/active rows have bytes.recvd/sent/total",
          all(isinstance(h.get("bytes"), dict) and "recvd" in h["bytes"] and "sent" in h["bytes"] for h in hosts))
    check("host/active bytes.total == sent + recvd", all(h["bytes"]["total"] == h["bytes"]["sent"] +
                                                         h["bytes"]["recvd"] for h in hosts))
    check("host/active key DOM-safe", all(h["key"] == h["ip"].replace(".", "__").replace(":", "____")
                                          for h in hosts if h["vlan"] == 0), row.get("key"))
    frow = fa["data"][0]
    check("flow rows: client.is_broadcast_domain vs server.is_broadcast",
          "is_broadcast_domain" in frow["client"] and "is_broadcast" in frow["server"], frow)
    check("flow breakdown sums to 100 (or 0/0)", all(r["breakdown"]["cli2srv"] + r["breakdown"]["srv2cli"] in
                                                     (0, 100) for r in fa["data"]))
    # empty maps as []
    err_body = get(v2("get/interface/data.lua")).json()
    check("error rsp serialized as [] (not {})", err_body.get("rsp") == [] and '"rsp":[]' in
          get(v2("get/interface/data.lua")).text.replace(" ", ""))
    ct = get(v2("connect/test.lua")).text.replace(" ", "")
    check("connect/test rsp is []", '"rsp":[]' in ct, ct)
    vv = get("/lua/rest/version.lua").json()["rsp"]
    check("current_version is the string \"2\"", vv.get("current_version") == "2", vv)
    bd = get(v2("get/interface/bcast_domains.lua"), I).json()["rsp"]
    check("bcast_domains is an object or [] when empty", isinstance(bd.get("bcast_domains"), (dict, list)) and
          (bd["bcast_domains"] == [] or (isinstance(bd["bcast_domains"], dict) and bd["bcast_domains"])), bd)
    check("address.lua on a pcap: empty addresses", get(v2("get/interface/address.lua"), I).json()["rsp"] ==
          {"addresses": []})

    # ---- 4. Auth / security -----------------------------------------------------------------
    noauth_fail = []
    for path, params in endpoints:
        r = requests.get(srv.url(path), params=params, timeout=10)
        wa = r.headers.get("WWW-Authenticate", "")
        if r.status_code != 401 or is_json(r) or not wa.lower().startswith("basic"):
            noauth_fail.append((path, r.status_code, r.headers.get("Content-Type"), wa))
    check("every REST path without credentials -> 401, not JSON, WWW-Authenticate Basic", not noauth_fail,
          noauth_fail[:5])
    r = requests.get(srv.url(v2("get/interface/data.lua")), params=I, headers={"X-Requested-With": "XMLHttpRequest"},
                     timeout=10)
    check("401 with X-Requested-With: no WWW-Authenticate", r.status_code == 401 and not is_json(r) and
          "WWW-Authenticate" not in r.headers, (r.status_code, dict(r.headers)))
    r = requests.get(srv.url(v2("connect/test.lua")), auth=("admin", "wrong"), timeout=10)
    check("bad Basic password -> 401 not JSON", r.status_code == 401 and not is_json(r),
          (r.status_code, r.headers.get("Content-Type")))
    r = requests.get(srv.url(v2("connect/test.lua")), auth=("nosuchuser", "x"), timeout=10)
    check("unknown Basic user -> 401 not JSON", r.status_code == 401 and not is_json(r),
          (r.status_code, r.headers.get("Content-Type")))
    r = requests.get(srv.url(v2("connect/test.lua")), headers={"Authorization": "Token " + "0" * 32}, timeout=10)
    check("unknown token -> 401 not JSON", r.status_code == 401 and not is_json(r), r.status_code)

    # tokens
    t1r = S.post(srv.url(v2("create/ntopng/api_token.lua")), timeout=10).json()
    tok1 = t1r.get("rsp", {}).get("api_token", "") if isinstance(t1r.get("rsp"), dict) else ""
    check("api_token is 32 lower-case hex", len(tok1) == 32 and all(ch in "0123456789abcdef" for ch in tok1), t1r)
    tk = lambda t: {"Authorization": "Token " + t}
    r = requests.get(srv.url(v2("get/interface/data.lua")), params=I, headers=tk(tok1), timeout=10)
    check("Token auth works", envelope_ok(r)[0], envelope_ok(r)[1])
    r = requests.post(srv.url(v2("get/host/active.lua")), json={"ifid": 0}, headers=tk(tok1), timeout=10)
    check("Token + JSON POST works", envelope_ok(r)[0], envelope_ok(r)[1])
    tok2 = S.post(srv.url(v2("create/ntopng/api_token.lua")), json={"username": "admin"},
                  timeout=10).json().get("rsp", {}).get("api_token", "")
    r_old = requests.get(srv.url(v2("connect/test.lua")), headers=tk(tok1), timeout=10)
    r_new = requests.get(srv.url(v2("connect/test.lua")), headers=tk(tok2), timeout=10)
    check("old token stops working after a new one is created", r_old.status_code == 401 and not is_json(r_old),
          r_old.status_code)
    check("new token works", envelope_ok(r_new)[0] and tok2 != tok1, envelope_ok(r_new)[1])
    r = S.post(srv.url(v2("create/ntopng/api_token.lua")), json={"username": "ghost"}, timeout=10)
    err("api_token for unknown user -> 400/-5", r, 400, -5)

    # REST session
    sr = S.post(srv.url(v2("create/ntopng/session.lua")), json={"username": "admin"}, timeout=10).json()
    sid = sr.get("rsp", {}).get("session", "") if isinstance(sr.get("rsp"), dict) else ""
    check("create/ntopng/session.lua returns 32-hex session", len(sid) == 32, sr)
    ck = {"Cookie": "session=" + sid}
    r = requests.get(srv.url(v2("get/interface/data.lua")), params=I, headers=ck, timeout=10)
    check("Cookie: session=<id> works (GET)", envelope_ok(r)[0], envelope_ok(r)[1])
    r = requests.get(srv.url(v2("get/interface/data.lua")), params=I, headers={"Cookie": "session=" + "f" * 32},
                     timeout=10)
    check("unknown session cookie -> 401, not JSON", r.status_code == 401 and not is_json(r), r.status_code)
    r = S.post(srv.url(v2("create/ntopng/session.lua")), json={"username": "ghost"}, timeout=10)
    err("session for unknown user -> 400/-5", r, 400, -5)
    r = S.post(srv.url(v2("create/ntopng/session.lua")) + "?username=admin", timeout=10)
    err("session username only from body (query ignored) -> 400/-5", r, 400, -5)

    # CSRF
    r = requests.post(srv.url(v2("get/host/active.lua")), json={"ifid": 0}, headers=ck, timeout=10)
    check("cookie + JSON POST to get/ path works without csrf", envelope_ok(r)[0], envelope_ok(r)[1])
    r = requests.post(srv.url(v2("create/ntopng/api_token.lua")), json={}, headers=ck, timeout=10)
    check("cookie + JSON POST to create/ntopng/api_token.lua without csrf refused (403)", r.status_code == 403,
          (r.status_code, r.text[:200]))
    r = requests.post(srv.url(v2("get/host/active.lua")), data={"ifid": "0"}, headers=ck, timeout=10)
    check("cookie + form POST to get/ without csrf does not succeed", r.status_code != 200 or
          r.json().get("rc") != 0, (r.status_code, r.text[:100]))
    login = requests.post(srv.url("/authorize.html"), data={"user": "admin", "password": "secret123"},
                          headers={"X-Requested-With": "XMLHttpRequest"}, allow_redirects=False, timeout=10)
    lj = {}
    try:
        lj = login.json()
    except ValueError:
        pass
    csrf = lj.get("rsp", {}).get("csrf") if isinstance(lj.get("rsp"), dict) else None
    cname = "session_%d_0" % srv.port
    ui_cookie = login.cookies.get(cname)
    check("/authorize.html JSON login: 200, csrf and %s cookie" % cname,
          login.status_code == 200 and csrf and ui_cookie, (login.status_code, login.text[:200],
                                                            dict(login.cookies)))
    if ui_cookie:
        uck = {"Cookie": "%s=%s" % (cname, ui_cookie)}
        r = requests.post(srv.url(v2("create/ntopng/api_token.lua")), json={}, headers=uck, timeout=10)
        check("UI cookie + JSON POST create api_token without csrf -> 403", r.status_code == 403, r.status_code)
        r = requests.post(srv.url(v2("create/ntopng/api_token.lua")), json={"csrf": csrf}, headers=uck, timeout=10)
        check("UI cookie + JSON POST create api_token with right csrf works", envelope_ok(r)[0], envelope_ok(r)[1])
        r = requests.post(srv.url(v2("create/ntopng/api_token.lua")), json={"csrf": "0" * 32}, headers=uck,
                          timeout=10)
        check("UI cookie + wrong csrf -> 403", r.status_code == 403, r.status_code)
        r = requests.post(srv.url(v2("get/host/active.lua")), json={"ifid": 0}, headers=uck, timeout=10)
        check("UI cookie + JSON POST to get/ works without csrf", envelope_ok(r)[0], envelope_ok(r)[1])
    else:
        check("UI cookie + JSON POST create api_token with right csrf works", False,
              "no login session from /authorize.html")
    r = S.post(srv.url(v2("create/ntopng/api_token.lua")), json={}, timeout=10)
    check("Basic + JSON POST create api_token needs no csrf", envelope_ok(r)[0], envelope_ok(r)[1])
    r = S.post(srv.url(v2("create/ntopng/api_token.lua")), data={"username": "admin"}, timeout=10)
    check("Basic + form POST create api_token needs no csrf", envelope_ok(r)[0], envelope_ok(r)[1])
    r = S.post(srv.url(v2("get/interface/data.lua")) + "?ifid=0", data={"x": "y"}, timeout=10)
    check("Basic + form POST to get/ needs no csrf", envelope_ok(r)[0], envelope_ok(r)[1])
    bad = requests.post(srv.url("/authorize.html"), data={"user": "admin", "password": "nope"},
                        headers={"X-Requested-With": "XMLHttpRequest"}, allow_redirects=False, timeout=10)
    check("/authorize.html wrong password: not 200 JSON", not (bad.status_code == 200 and is_json(bad)),
          bad.status_code)

    # path traversal & limits
    bh = {"Authorization": requests.auth._basic_auth_str(*ADMIN)}
    for p in ["/lua/rest/v2/../../etc/passwd", "/lua/rest/v2//get/interface/data.lua?ifid=0",
              "/lua/rest/v2/%2e%2e/%2e%2e/etc/passwd", "/lua/rest/v2/get/%2e%2e/interface/data.lua?ifid=0",
              "/lua/rest/v2/get/interface/data.lua?ifid=0&&x=1", "/../../../etc/passwd",
              "/lua/rest/v2/get/interface/data.lua%0d%0aX:1?ifid=0"]:
        st, hdrs, body = raw_request(srv.port, "GET", p, bh)
        check("path %s -> 4xx" % p, st is not None and 400 <= st < 500 and b"root:" not in body, (st, body[:100]))
    st, hdrs, body = raw_request(srv.port, "GET", "/lua/rest/v2/get/interface/data.lua?ifid=0",
                                 dict(bh, **{"X-Big": "a" * 17000}))
    check("oversized header (> 16 KB) -> 431 or 4xx", st is not None and 400 <= st < 500, st)
    big_body = json.dumps({"ifid": 0, "pad": "x" * (1024 * 1024 + 100)}).encode()
    st, hdrs, body = raw_request(srv.port, "POST", "/lua/rest/v2/get/interface/data.lua",
                                 dict(bh, **{"Content-Type": "application/json"}), big_body)
    check("oversized body (> 1 MB) -> 413", st == 413, (st, body[:100]))
    r = S.post(srv.url(v2("get/interface/data.lua")), data="{not json",
               headers={"Content-Type": "application/json"}, timeout=10)
    err("malformed JSON body -> 400/-7 BAD_FORMAT", r, 400, -7, "BAD_FORMAT")
    r = S.post(srv.url(v2("get/interface/data.lua")), data="[1,2]", headers={"Content-Type": "application/json"},
               timeout=10)
    check("JSON array body -> 400", r.status_code == 400, r.status_code)
    r = requests.get(srv.url("/lua/rest/version.lua"), timeout=10)
    check("version.lua without credentials -> 401 (every REST path requires auth)", r.status_code == 401,
          r.status_code)

    # ---- users & restricted viewer -----------------------------------------------------------
    r = S.post(srv.url(v2("add/ntopng/user.lua")), data={
        "username": "viewer", "full_name": "Viewer", "password": "viewpass1", "confirm_password": "viewpass1",
        "user_role": "unprivileged", "allowed_networks": LOCAL_NET, "allowed_interface": "", "allow_alerts": "false"},
        timeout=10)
    check("add/ntopng/user.lua viewer", envelope_ok(r)[0], envelope_ok(r)[1])
    r = S.post(srv.url(v2("add/ntopng/user.lua")), data={
        "username": "viewer", "full_name": "Viewer", "password": "viewpass1", "confirm_password": "viewpass1",
        "user_role": "unprivileged"}, timeout=10)
    check("adding an existing user -> 409 rc -23", r.status_code == 409 and r.json().get("rc") == -23,
          (r.status_code, r.text[:150]))
    r = S.post(srv.url(v2("add/ntopng/user.lua")), data={
        "username": "mismatch", "full_name": "M", "password": "abcdefgh1", "confirm_password": "xyzxyzxyz",
        "user_role": "unprivileged"}, timeout=10)
    check("password mismatch -> 400 rc -19", r.status_code == 400 and r.json().get("rc") == -19,
          (r.status_code, r.text[:150]))
    ul = get(v2("get/ntopng/users.lua")).json()["rsp"]
    vu = [u for u in ul if u.get("username") == "viewer"]
    check("users.lua lists viewer as unprivileged with allowed_networks",
          vu and vu[0].get("user_role") == "unprivileged" and LOCAL_NET in vu[0].get("allowed_networks", ""), vu)
    V = requests.Session()
    V.auth = ("viewer", "viewpass1")
    vh = V.get(srv.url(v2("get/host/active.lua")), params=dict(I, all="true"), timeout=10).json()["rsp"]["data"]
    net = ipaddress.ip_network(LOCAL_NET)
    inside = [h["ip"] for h in hosts if ipaddress.ip_address(h["ip"]) in net]
    outside = [h["ip"] for h in hosts if ipaddress.ip_address(h["ip"]) not in net]
    check("viewer host/active: only hosts inside %s" % LOCAL_NET,
          sorted(h["ip"] for h in vh) == sorted(inside), sorted(h["ip"] for h in vh))
    r = V.get(srv.url(v2("get/host/data.lua")), params={"ifid": "0", "host": outside[0]}, timeout=10)
    err("viewer host/data of outside host -> 404/-1", r, 404, -1)
    r = V.get(srv.url(v2("get/host/data.lua")), params={"ifid": "0", "host": inside[0]}, timeout=10)
    check("viewer host/data of inside host works", envelope_ok(r)[0], envelope_ok(r)[1])
    vf = V.get(srv.url(v2("get/flow/active.lua")), params=dict(I, perPage="1000"), timeout=10).json()["rsp"]
    ok_f = all(ipaddress.ip_address(f["client"]["ip"]) in net or ipaddress.ip_address(f["server"]["ip"]) in net
               for f in vf["data"])
    af = get(v2("get/flow/active.lua"), dict(I, perPage="1000")).json()["rsp"]["data"]
    exp_f = sum(1 for f in af if ipaddress.ip_address(f["client"]["ip"]) in net or
                ipaddress.ip_address(f["server"]["ip"]) in net)
    check("viewer flow list: only flows with an end inside", ok_f and vf["totalRows"] == exp_f,
          (ok_f, vf["totalRows"], exp_f))
    vd = V.get(srv.url(v2("get/interface/data.lua")), params=I, timeout=10).json()["rsp"]
    check("viewer interface data: num_hosts counts visible hosts, num_flows omitted",
          vd.get("num_hosts") == len(inside) and "num_flows" not in vd, (vd.get("num_hosts"), vd.get("num_flows")))
    for path in ("get/ntopng/users.lua", "add/ntopng/user.lua", "edit/ntopng/user.lua", "delete/ntopng/user.lua"):
        r = V.post(srv.url(v2(path)), data={"username": "viewer", "full_name": "x", "password": "p12345678",
                                           "confirm_password": "p12345678", "user_role": "administrator"},
                   timeout=10)
        err("non-admin %s -> 401 rc -3" % path, r, 401, -3)
    r = V.get(srv.url(v2("get/flow/alert/list.lua")), params=I, timeout=10)
    err("non-admin without alerts capability on alert list -> 401/-3", r, 401, -3)
    r = V.post(srv.url(v2("create/ntopng/session.lua")), json={"username": "admin"}, timeout=10)
    check("non-admin can't create a session for admin", r.status_code != 200 or r.json().get("rc") != 0,
          r.status_code)
    r = S.post(srv.url(v2("edit/ntopng/user.lua")), data={"username": "viewer", "full_name": "Viewer 2",
                                                          "user_role": "unprivileged",
                                                          "allowed_networks": LOCAL_NET}, timeout=10)
    check("edit/ntopng/user.lua works", envelope_ok(r)[0], envelope_ok(r)[1])
    ul = get(v2("get/ntopng/users.lua")).json()["rsp"]
    check("edit took effect (full_name)", any(u.get("username") == "viewer" and u.get("full_name") == "Viewer 2"
                                              for u in ul))
    r = S.post(srv.url(v2("add/ntopng/user.lua")), data={
        "username": "tmpuser", "full_name": "T", "password": "tmppass12", "confirm_password": "tmppass12",
        "user_role": "unprivileged"}, timeout=10)
    r = S.post(srv.url(v2("delete/ntopng/user.lua")), data={"username": "tmpuser"}, timeout=10)
    check("delete/ntopng/user.lua works", envelope_ok(r)[0], envelope_ok(r)[1])
    r = requests.get(srv.url(v2("connect/test.lua")), auth=("tmpuser", "tmppass12"), timeout=10)
    check("deleted user can no longer log in", r.status_code == 401, r.status_code)
    r = S.post(srv.url(v2("delete/ntopng/user.lua")), data={"username": "tmpuser"}, timeout=10)
    check("deleting a missing user -> 409 rc -24 or -21", r.status_code == 409 and r.json().get("rc") in (-24, -21),
          (r.status_code, r.text[:150]))

    # ---- restart: session and ifid persistence ----------------------------------------------
    ifs_before = get(v2("get/ntopng/interfaces.lua")).json()["rsp"]
    check("first interface has ifid 0", ifs_before and ifs_before[0].get("ifid") == 0, ifs_before)
    check("interfaces.lua entries have ifid/ifname/name",
          all(isinstance(i.get("ifid"), int) and i.get("ifname") and "name" in i for i in ifs_before))
    tok_last = S.post(srv.url(v2("create/ntopng/api_token.lua")), json={}, timeout=10).json()["rsp"]["api_token"]
    port = srv.port
    all_flows = get(v2("get/flow/active.lua"), dict(I, perPage="1000")).json()["rsp"]["data"]
    srv.stop()
    servers.remove(srv)
    own = []
    if os.path.exists(serve_dump):
        with open(serve_dump) as f:
            own = [json.loads(l) for l in f if l.strip()]
    def rkey(r_):
        return (norm_ip(rec_src(r_)), r_.get("L4_SRC_PORT", 0), norm_ip(rec_dst(r_)), r_.get("L4_DST_PORT", 0))
    check("serving instance: total flow records at SIGINT == flows of the --shutdown-when-done run",
          len(own) == len(recs), "%d vs %d" % (len(own), len(recs)))
    by_key = {}
    for r_ in own:
        by_key.setdefault(rkey(r_), []).append(r_)
    listed, bad_rows = set(), []
    for f in all_flows:
        k = (norm_ip(f["client"]["ip"]), f["client"].get("port", 0), norm_ip(f["server"]["ip"]),
             f["server"].get("port", 0))
        cands = [r_ for r_ in by_key.get(k, []) if int(r_["IN_BYTES"]) + int(r_["OUT_BYTES"]) == f["bytes"]]
        if not cands:
            bad_rows.append((k, f["bytes"], [int(r_["IN_BYTES"]) + int(r_["OUT_BYTES"]) for r_ in by_key.get(k, [])]))
        else:
            listed.add(id(cands[0]))
    check("every flow/active row == a shutdown record of the serving instance (endpoints, ports, bytes)",
          not bad_rows and len(all_flows) == len(listed), bad_rows[:5])
    missing = [(rkey(r_), r_.get("FLOW_END_REASON")) for r_ in own if id(r_) not in listed]
    check("flows missing from flow/active all ended before SIGINT (tcp_closed), none end_of_input",
          all(reason != "end_of_input" for _, reason in missing), missing[:6])
    srv2 = Server(dd, port=free_port())
    servers.append(srv2)
    if check("server restarts with the same data dir", srv2.wait_ready()):
        r = requests.get(srv2.url(v2("get/interface/data.lua")), params=I, headers=ck, timeout=10)
        check("REST session survives restart", envelope_ok(r)[0], envelope_ok(r)[1])
        r = requests.get(srv2.url(v2("get/interface/data.lua")), params=I, headers=tk(tok_last), timeout=10)
        check("API token survives restart", envelope_ok(r)[0], envelope_ok(r)[1])
        ifs_after = requests.get(srv2.url(v2("get/ntopng/interfaces.lua")), auth=ADMIN, timeout=10).json()["rsp"]
        check("ifids stable across restart", [(i["ifid"], i["ifname"]) for i in ifs_after] ==
              [(i["ifid"], i["ifname"]) for i in ifs_before], (ifs_before, ifs_after))
        r = requests.get(srv2.url(v2("connect/test.lua")), auth=("viewer", "viewpass1"), timeout=10)
        check("users persist across restart", envelope_ok(r)[0], envelope_ok(r)[1])
    srv2.stop()
    servers.remove(srv2)

    # ---- default password --------------------------------------------------------------------
    dd3 = os.path.join(tmp, "fresh")
    os.makedirs(dd3)
    srv3 = Server(dd3, admin_password=None)
    servers.append(srv3)
    if check("fresh server (no --admin-password) up", srv3.wait_ready(auth=("admin", "admin"))):
        r = requests.get(srv3.url(v2("get/interface/data.lua")), params=I, auth=("admin", "admin"), timeout=10)
        check("default password admin/admin -> 403 text/plain", r.status_code == 403 and
              r.headers.get("Content-Type", "").startswith("text/plain") and r.text.strip() != "",
              (r.status_code, r.headers.get("Content-Type"), r.text[:100]))
        r = requests.get(srv3.url(v2("connect/test.lua")), auth=("admin", "admin"), timeout=10)
        check("default password: connect/test not JSON", not is_json(r), r.headers.get("Content-Type"))
        r = requests.post(srv3.url("/lua/admin/password_reset.lua"), auth=("admin", "admin"),
                          data={"username": "admin", "old_password": "wrongold", "new_password": "N3wPassw0rd",
                                "confirm_password": "N3wPassw0rd"}, timeout=10)
        check("password_reset with a wrong old password refused", r.status_code != 200 or
              (is_json(r) and r.json().get("rc") != 0), (r.status_code, r.text[:100]))
        r = requests.post(srv3.url("/lua/admin/password_reset.lua"), auth=("admin", "admin"),
                          data={"username": "admin", "old_password": "admin", "new_password": "N3wPassw0rd",
                                "confirm_password": "N3wPassw0rd"}, timeout=10)
        check("password_reset old=admin works", r.status_code == 200 and (not is_json(r) or
                                                                        r.json().get("rc") == 0),
              (r.status_code, r.text[:200]))
        r = requests.get(srv3.url(v2("get/interface/data.lua")), params=I, auth=("admin", "N3wPassw0rd"), timeout=10)
        check("after password change REST calls succeed", envelope_ok(r)[0], envelope_ok(r)[1])
        r = requests.get(srv3.url(v2("get/interface/data.lua")), params=I, auth=("admin", "admin"), timeout=10)
        check("old default password rejected after change", r.status_code == 401, r.status_code)
        ifs = requests.get(srv3.url(v2("get/ntopng/interfaces.lua")), auth=("admin", "N3wPassw0rd"),
                           timeout=10).json()["rsp"]
        check("fresh data dir: first interface id 0", ifs and ifs[0]["ifid"] == 0, ifs)


if __name__ == "__main__":
    main()
