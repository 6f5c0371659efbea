#!/usr/bin/python3
"""Integration tests for the endpoints wirelens adds for its web UI.

Usage: rest_ui_api.py BIN SHARED_DIR

get/user/me.lua, get/flow/data.lua, get/host/activity.lua, get/host/find.lua
and interface data's decode_errors, against the real binary reading real
captures; values are cross-checked with the ntopng-compatible lists.
"""
import os
import shutil
import struct
import tempfile

import requests

from rest_common import ADMIN, LOCAL_NET, SHARED, Server, check, finish

V2 = "/lua/rest/v2/"


def rsp(r):
    try:
        j = r.json()
    except ValueError:
        return None
    return j.get("rsp") if r.status_code == 200 and j.get("rc") == 0 else None


def all_flows(srv, auth, **params):
    rows, page = [], 1
    while True:
        r = requests.get(srv.url(V2 + "get/flow/active.lua"), auth=auth, timeout=30,
                         params=dict(ifid=0, perPage=500, currentPage=page, sortColumn="bytes", **params))
        d = rsp(r)
        rows += d["data"]
        if len(rows) >= d["totalRows"] or not d["data"]:
            return rows
        page += 1


def test_me(srv, tmp):
    me = rsp(requests.get(srv.url(V2 + "get/user/me.lua"), auth=ADMIN, timeout=10))
    check("me: admin, administrator, no token yet, no CSRF with Basic",
          me and me["username"] == "admin" and me["user_role"] == "administrator" and me["csrf"] == "" and
          me["has_api_token"] is False, me)
    requests.post(srv.url(V2 + "create/ntopng/api_token.lua"), auth=ADMIN, data={"username": "admin"}, timeout=10)
    me = rsp(requests.get(srv.url(V2 + "get/user/me.lua"), auth=ADMIN, timeout=10))
    check("me: has_api_token after creating one", me and me["has_api_token"] is True, me)
    s = requests.Session()
    r = s.post(srv.url("/authorize.html"), data={"user": "admin", "password": ADMIN[1]},
               headers={"X-Requested-With": "XMLHttpRequest", "Accept": "application/json"}, timeout=10)
    login = rsp(r) or {}
    me = rsp(s.get(srv.url(V2 + "get/user/me.lua"), headers={"X-Requested-With": "XMLHttpRequest"}, timeout=10))
    check("me: a session (the UI after a reload) gets the session's CSRF token",
          me and login.get("csrf") and me["csrf"] == login["csrf"], (login, me))
    check("me: without credentials -> 401",
          requests.get(srv.url(V2 + "get/user/me.lua"), timeout=10).status_code == 401)

    # A fresh data dir keeps admin/admin: me.lua still answers, everything else is refused.
    dd = os.path.join(tmp, "default")
    os.makedirs(dd)
    fresh = Server(dd, admin_password=None)
    try:
        fresh.wait_ready(auth=("admin", "admin"))
        r = requests.get(fresh.url(V2 + "get/user/me.lua"), auth=("admin", "admin"), timeout=10)
        me = rsp(r)
        check("me: default password -> answered with must_change_password", me and me["must_change_password"] is True,
              r.text[:200])
        r = requests.get(fresh.url(V2 + "get/interface/data.lua"), auth=("admin", "admin"), params={"ifid": 0},
                         timeout=10)
        check("default password: other endpoints still refused (403)", r.status_code == 403, r.status_code)
    finally:
        fresh.stop()


def test_flow_data(srv):
    rows = all_flows(srv, ADMIN)
    bad = []
    for row in rows[:40]:
        r = requests.get(srv.url(V2 + "get/flow/data.lua"), auth=ADMIN, timeout=10,
                         params={"ifid": 0, "flow_key": row["key"], "flow_hash_id": row["hash_id"]})
        d = rsp(r)
        if not d:
            bad.append((row["key"], r.status_code, r.text[:100]))
            continue
        same = (d["key"] == row["key"] and d["client"]["ip"] == row["client"]["ip"] and
                d["client"]["port"] == row["client"]["port"] and d["server"]["ip"] == row["server"]["ip"] and
                d["bytes"] == row["bytes"] and d["protocol"]["l7"] == row["protocol"]["l7"] and
                d["protocol"]["l4"] == row["protocol"]["l4"] and d["client"]["local"] == row["client"]["local"])
        dirs = d["cli2srv"]["bytes"] + d["srv2cli"]["bytes"] == d["bytes"] and \
            d["cli2srv"]["packets"] + d["srv2cli"]["packets"] == d["packets"]
        good = 0 <= d["goodput_bytes"] <= d["bytes"] and 0 <= d["goodput_ratio"] <= 1
        tcp = (d["protocol"]["l4"] == "TCP") == ("tcp" in d)
        tls = not d["protocol"]["l7"].startswith("TLS") or "tls" not in d or d["tls"].get("sni", "") in (row["info"], "")
        risks = sum(x["score"] for x in d["risks"]) <= d["score"] + 1000
        if not (same and dirs and good and tcp and tls and risks):
            bad.append((row["key"], same, dirs, good, tcp, tls, risks))
    check("flow/data agrees with its flow-list row (peers, bytes, protocol, directions, goodput) for %d flows"
          % min(40, len(rows)), rows and not bad, bad[:3])
    tls_rows = [x for x in rows if x["protocol"]["l7"].startswith("TLS") and x["info"]]
    if tls_rows:
        x = tls_rows[0]
        d = rsp(requests.get(srv.url(V2 + "get/flow/data.lua"), auth=ADMIN, timeout=10,
                             params={"ifid": 0, "flow_key": x["key"], "flow_hash_id": x["hash_id"]}))
        check("flow/data of a TLS flow: SNI, version, JA3/JA4", d and d["tls"]["sni"] == x["info"] and
              d["tls"].get("version") and d["tls"].get("ja4c"), d and d.get("tls"))
    dns_rows = [x for x in rows if x["protocol"]["l7"].startswith("DNS") and x["info"]]
    if dns_rows:
        x = dns_rows[0]
        d = rsp(requests.get(srv.url(V2 + "get/flow/data.lua"), auth=ADMIN, timeout=10,
                             params={"ifid": 0, "flow_key": x["key"], "flow_hash_id": x["hash_id"]}))
        check("flow/data of a DNS flow: query and type", d and d["dns"]["query"] == x["info"] and d["dns"]["query_type"],
              d and d.get("dns"))
    r = requests.get(srv.url(V2 + "get/flow/data.lua"), auth=ADMIN, params={"ifid": 0}, timeout=10)
    check("flow/data without flow_key/flow_hash_id -> 400 with the reason",
          r.status_code == 400 and "flow_key" in r.json().get("rc_str_hr", ""), r.text[:200])
    row = rows[0]
    r = requests.get(srv.url(V2 + "get/flow/data.lua"), auth=ADMIN, timeout=10,
                     params={"ifid": 0, "flow_key": (int(row["key"]) + 1) % 2**32, "flow_hash_id": row["hash_id"]})
    check("flow/data with a key that is not the slot's flow -> 404", r.status_code == 404, r.status_code)
    r = requests.get(srv.url(V2 + "get/flow/data.lua"), auth=ADMIN, timeout=10,
                     params={"ifid": 0, "flow_key": row["key"], "flow_hash_id": 2**40 + 5})
    check("flow/data with a hash_id naming no shard -> 404", r.status_code == 404, r.status_code)
    r = requests.get(srv.url(V2 + "get/flow/data.lua"), auth=ADMIN, timeout=10,
                     params={"ifid": 0, "flow_key": "abc", "flow_hash_id": row["hash_id"]})
    check("flow/data with a non-numeric key -> 400", r.status_code == 400, r.status_code)
    return rows


def test_host_activity(srv, rows):
    host = "192.168.1.6"
    r = requests.get(srv.url(V2 + "get/host/activity.lua"), auth=ADMIN, params={"ifid": 0, "host": host}, timeout=10)
    a = rsp(r)
    mine = [x for x in rows if host in (x["client"]["ip"], x["server"]["ip"])]
    check("host/activity answers", a is not None and a["truncated"] is False and a["flows_scanned"] == len(mine),
          (r.status_code, a and a.get("flows_scanned"), len(mine)))
    if not a:
        return
    check("host/activity: peers' flows add up to the host's flows", sum(p["flows"] for p in a["peers"]) == len(mine),
          (sum(p["flows"] for p in a["peers"]), len(mine)))
    sent = sum(p["bytes_sent"] for p in a["peers"])
    rcvd = sum(p["bytes_rcvd"] for p in a["peers"])
    check("host/activity: peers' bytes add up to the host's flow bytes", sent + rcvd == sum(x["bytes"] for x in mine),
          (sent + rcvd, sum(x["bytes"] for x in mine)))
    tcpudp = [x for x in mine if x["protocol"]["l4"] in ("TCP", "UDP")]
    as_client = [x for x in tcpudp if x["client"]["ip"] == host]
    check("host/activity: client ports cover the flows it opened",
          sum(p["flows"] for p in a["ports"]["client"]) == len(as_client), len(as_client))
    check("host/activity: server ports cover the flows it answered",
          sum(p["flows"] for p in a["ports"]["server"]) == len(tcpudp) - len(as_client), len(tcpudp))
    want = {(x["server"]["port"], x["protocol"]["l4"]) for x in as_client}
    check("host/activity: client ports are the servers' ports of its flows",
          {(p["port"], p["l4"]) for p in a["ports"]["client"]} == want, want)
    infos = {x["info"] for x in as_client}
    asked = [q for q in a["dns"] if q["role"] == "client"]
    check("host/activity: DNS queries are ones its DNS flows asked",
          asked and all(q["query"] in infos and q["type"] for q in asked), a["dns"][:3])
    reached = [n for n in a["names"] if n["role"] == "client"]
    check("host/activity: TLS/HTTP names are ones its flows reached",
          reached and all(n["name"] in infos and n["kind"] in ("TLS", "HTTP") for n in reached), a["names"][:3])
    # The LAN's DNS server (192.168.1.1) answered the queries: they show with role server.
    r = requests.get(srv.url(V2 + "get/host/activity.lua"), auth=ADMIN, params={"ifid": 0, "host": "192.168.1.1"},
                     timeout=10)
    d = rsp(r) or {}
    dns_flows = [x for x in rows if x["server"]["ip"] == "192.168.1.1" and x["info"]]
    served = [q for q in d.get("dns", []) if q["role"] == "server"]
    check("host/activity of a DNS server: the queries it answered, role server",
          served and sum(q["count"] for q in served) == len(dns_flows) and
          all(q["query"] in {x["info"] for x in dns_flows} for q in served), (served[:3], len(dns_flows)))
    peers = [p["bytes_sent"] + p["bytes_rcvd"] for p in a["peers"]]
    check("host/activity: peers sorted by traffic", peers == sorted(peers, reverse=True), peers[:5])
    r = requests.get(srv.url(V2 + "get/host/activity.lua"), auth=ADMIN, params={"ifid": 0, "host": "10.9.9.9"},
                     timeout=10)
    check("host/activity of an unknown host -> 404", r.status_code == 404, r.status_code)


def test_find(srv):
    def find(q, auth=ADMIN):
        r = requests.get(srv.url(V2 + "get/host/find.lua"), auth=auth, params={"ifid": 0, "query": q}, timeout=10)
        return r, (rsp(r) or {}).get("results")

    _, res = find("192.168.1.6")
    check("find: a full IP comes first, matched by ip", res and res[0]["host"] == "192.168.1.6" and
          res[0]["match"] == "ip" and res[0]["local"] is True, res and res[:2])
    _, res = find("192.168.1.")
    check("find: a prefix finds every host in it, local first", res and len(res) >= 3 and
          all(x["ip"].startswith("192.168.1.") for x in res), res)
    hosts = rsp(requests.get(srv.url(V2 + "get/host/active.lua"), auth=ADMIN, timeout=10,
                             params={"ifid": 0, "perPage": 200}))["data"]
    named = [h for h in hosts if h["name"] != h["ip"]]
    if check("find: the capture has named hosts", named):
        h = named[0]
        _, res = find(h["name"].upper())
        check("find: by name, case-insensitive", res and any(x["ip"] == h["ip"] and x["match"] in ("name", "ip")
                                                             for x in res), (h["name"], res))
    mac = rsp(requests.get(srv.url(V2 + "get/host/data.lua"), auth=ADMIN, timeout=10,
                           params={"ifid": 0, "host": "192.168.1.6"}))["mac"]
    _, res = find(mac)
    check("find: by MAC", res and res[0]["ip"] == "192.168.1.6" and res[0]["match"] == "mac", (mac, res))
    _, res = find("no-such-host.example")
    check("find: nothing matches -> empty results", res == [], res)
    r, _ = find("x" * 300)
    check("find: an over-long query -> 400 with the reason", r.status_code == 400, r.status_code)
    _, res = find("")
    check("find: an empty query -> empty results", res == [], res)
    return find


def test_restricted(srv, rows, find):
    r = requests.post(srv.url(V2 + "add/ntopng/user.lua"), auth=ADMIN, timeout=10, data={
        "username": "viewer", "full_name": "Viewer", "password": "viewpass1", "confirm_password": "viewpass1",
        "user_role": "unprivileged", "allowed_networks": LOCAL_NET})
    viewer = ("viewer", "viewpass1")
    me = rsp(requests.get(srv.url(V2 + "get/user/me.lua"), auth=viewer, timeout=10))
    check("me: the viewer is unprivileged with its networks", me and me["user_role"] == "unprivileged" and
          me["allowed_networks"] == LOCAL_NET, me)
    _, res = find("52.", viewer)
    check("find: a restricted user finds no host outside its networks", res == [], res)
    r = requests.get(srv.url(V2 + "get/host/activity.lua"), auth=viewer, params={"ifid": 0, "host": "52.113.194.132"},
                     timeout=10)
    check("host/activity of a host outside the viewer's networks -> 404", r.status_code == 404, r.status_code)
    inside = [x for x in rows if x["client"]["local"] or x["server"]["local"]]
    x = inside[0]
    r = requests.get(srv.url(V2 + "get/flow/data.lua"), auth=viewer, timeout=10,
                     params={"ifid": 0, "flow_key": x["key"], "flow_hash_id": x["hash_id"]})
    check("flow/data of a flow with a local end: visible to the viewer", rsp(r) is not None, r.status_code)
    outside = [x for x in rows if not x["client"]["local"] and not x["server"]["local"]]
    if outside:
        x = outside[0]
        r = requests.get(srv.url(V2 + "get/flow/data.lua"), auth=viewer, timeout=10,
                         params={"ifid": 0, "flow_key": x["key"], "flow_hash_id": x["hash_id"]})
        check("flow/data of a flow with no end in the viewer's networks -> 404", r.status_code == 404, r.status_code)


def test_decode_errors(srv, tmp):
    d = rsp(requests.get(srv.url(V2 + "get/interface/data.lua"), auth=ADMIN, params={"ifid": 0}, timeout=10))
    errs = d.get("decode_errors", {})
    check("interface data: decode_errors by reason, non-IP frames counted", len(errs) == 9 and
          all(isinstance(v, int) for v in errs.values()) and errs.get("non_ip", 0) > 0, errs)
    dd = os.path.join(tmp, "garbage")
    os.makedirs(dd)
    g = Server(dd, pcap=os.path.join(SHARED, "pcaps", "malformed", "derived-crafted-bad-headers.pcap"))
    try:
        g.wait_ready()
        d = rsp(requests.get(g.url(V2 + "get/interface/data.lua"), auth=ADMIN, params={"ifid": 0}, timeout=10))
        errs = d.get("decode_errors", {}) if d else {}
        check("decode_errors of a capture with crafted bad headers: counted under their reason",
              sum(errs.values()) > 0 and sum(errs.values()) <= d["packets"], errs)
    finally:
        g.stop()


def odd_dns_pcap(path):
    """Two DNS exchanges with values no name table holds: query type 0, reply code 13."""
    def checksum(b):
        b += b"\0" * (len(b) % 2)
        t = sum(struct.unpack("!%dH" % (len(b) // 2), b))
        t = (t >> 16) + (t & 0xFFFF)
        return ~(t + (t >> 16)) & 0xFFFF

    def frame(src, dst, sport, dport, payload):
        udp = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
        ip = bytearray(struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 1, 0, 64, 17, 0,
                                   bytes(map(int, src.split("."))), bytes(map(int, dst.split(".")))))
        ip[10:12] = struct.pack("!H", checksum(bytes(ip)))
        return b"\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\x08\x00" + bytes(ip) + udp

    def dns(ident, flags, name, qtype):
        labels = b"".join(bytes([len(x)]) + x.encode() for x in name.split(".")) + b"\0"
        return struct.pack("!HHHHHH", ident, flags, 1, 0, 0, 0) + labels + struct.pack("!HH", qtype, 1)

    frames = [frame("192.168.1.10", "8.8.8.8", 40000, 53, dns(1, 0x0100, "type0.example.com", 0)),
              frame("8.8.8.8", "192.168.1.10", 53, 40000, dns(1, 0x8180, "type0.example.com", 0)),
              frame("192.168.1.10", "8.8.4.4", 40001, 53, dns(2, 0x0100, "rcode13.example.com", 1)),
              frame("8.8.4.4", "192.168.1.10", 53, 40001, dns(2, 0x8180 | 13, "rcode13.example.com", 1))]
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr), len(fr)) + fr)


def test_odd_dns(tmp):
    """Values from the wire that no name table covers must not take the server down (a crash before)."""
    pcap = os.path.join(tmp, "odd_dns.pcap")
    odd_dns_pcap(pcap)
    dd = os.path.join(tmp, "odd")
    os.makedirs(dd)
    srv = Server(dd, pcap=pcap)
    try:
        srv.wait_ready()
        rows = all_flows(srv, ADMIN)
        details = [rsp(requests.get(srv.url(V2 + "get/flow/data.lua"), auth=ADMIN, timeout=10,
                                    params={"ifid": 0, "flow_key": x["key"], "flow_hash_id": x["hash_id"]}))
                   for x in rows]
        seen = {(d["dns"]["query_type"], d["dns"]["rcode"]) for d in details if d and "dns" in d}
        check("flow/data of DNS type 0 and reply code 13: answered, named TYPE0 and RCODE13",
              len(rows) == 2 and ("TYPE0", "NOERROR") in seen and ("A", "RCODE13") in seen, seen)
        a = rsp(requests.get(srv.url(V2 + "get/host/activity.lua"), auth=ADMIN, timeout=10,
                             params={"ifid": 0, "host": "192.168.1.10"}))
        types = {(q["type"], q["rcode"]) for q in (a or {}).get("dns", [])}
        check("host/activity with those queries: answered, named too",
              ("TYPE0", "NOERROR") in types and ("A", "RCODE13") in types, types)
        check("the server is still running", srv.proc.poll() is None, srv.proc.poll())
    finally:
        srv.stop()


def main():
    tmp = tempfile.mkdtemp(prefix="wl-ui-api-")
    dd = os.path.join(tmp, "main")
    os.makedirs(dd)
    srv = Server(dd)
    try:
        if check("server ready", srv.wait_ready()):
            test_me(srv, tmp)
            rows = test_flow_data(srv)
            test_host_activity(srv, rows)
            find = test_find(srv)
            test_restricted(srv, rows, find)
            test_decode_errors(srv, tmp)
            test_odd_dns(tmp)
    finally:
        srv.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    finish()


if __name__ == "__main__":
    main()
