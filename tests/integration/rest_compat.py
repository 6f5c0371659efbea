#!/usr/bin/python3
"""Client-compatibility tests for wirelens's REST API: the calls ntopng's Python
client and Checkmk make, issued with python3-requests the way those clients do.

Usage: rest_compat.py BIN SHARED_DIR
Spec: SHARED_DIR/docs/rest-api-v2-compat.md sections 3, 6, 8, 9, 11.
"""
import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import requests

from rest_common import ADMIN, BIN, LOCAL_NET, PCAP, SHARED, check, finish, free_port, is_json  # noqa: F401

VIEWER = ("viewer", "viewerpass1")


def ok_env(r):
    try:
        j = r.json()
    except ValueError:
        return False
    return r.status_code == 200 and is_json(r) and j.get("rc") == 0 and j.get("rc_str") == "OK" and "rsp" in j


def main():
    tmp = tempfile.mkdtemp(prefix="wl-compat-")
    port = free_port()
    log = open(os.path.join(tmp, "wirelens.log"), "w")
    dd = os.path.join(tmp, "data")
    os.makedirs(dd)
    proc = subprocess.Popen([BIN, "-i", PCAP, "-w", "127.0.0.1:%d" % port, "-d", dd, "--admin-password",
                             ADMIN[1], "-m", LOCAL_NET, "--num-workers", "1"], stdout=log, stderr=subprocess.STDOUT)
    base = "http://127.0.0.1:%d" % port
    try:
        ready = False
        deadline = time.time() + 30
        while time.time() < deadline and proc.poll() is None:
            try:
                r = requests.get(base + "/lua/rest/v2/get/interface/data.lua", params={"ifid": 0, "type": "summary"},
                                 auth=ADMIN, timeout=2)
                if r.status_code == 200 and r.json()["rsp"].get("is_loading") is False and \
                        requests.get(base + "/lua/rest/v2/get/interface/data.lua", params={"ifid": 0}, auth=ADMIN,
                                     timeout=2).json()["rsp"].get("packets", 0) > 0:
                    ready = True
                    break
            except (requests.RequestException, ValueError, KeyError):
                pass
            time.sleep(0.2)
        if check("server ready", ready):
            run(base)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)
    finish()


def run(base):
    V2 = base + "/lua/rest/v2"
    # ---------------- ntopng Python client (ntopng/python: ntopng.py, interface.py, host.py, historical.py) ---
    # Ntopng.__init__ -> connect/test.lua with Basic, checks Content-Type startswith application/json
    r = requests.get(V2 + "/connect/test.lua", auth=ADMIN)
    check("py: connect/test good credentials -> Content-Type application/json", is_json(r) and ok_env(r),
          (r.status_code, r.headers.get("Content-Type")))
    check("py: connect/test rsp == []", r.json().get("rsp") == [] if is_json(r) else False, r.text[:100])
    r = requests.get(V2 + "/connect/test.lua", auth=("admin", "bad-password"))
    check("py: connect/test bad credentials -> Content-Type NOT json", not is_json(r),
          (r.status_code, r.headers.get("Content-Type")))
    r = requests.get(V2 + "/connect/test.lua")
    check("py: connect/test no credentials -> Content-Type NOT json", not is_json(r),
          (r.status_code, r.headers.get("Content-Type")))

    S = requests.Session()
    S.auth = ADMIN
    r = S.get(base + "/lua/rest/version.lua")
    v = r.json().get("rsp", {}) if is_json(r) else {}
    check("version: current_version \"2\", supported 1 and 2 with roots",
          ok_env(r) and v.get("current_version") == "2" and
          {(x.get("version"), x.get("root")) for x in v.get("supported_versions", [])} >=
          {("1", "/lua/rest/v1"), ("2", "/lua/rest/v2")}, v)

    r = S.get(V2 + "/get/ntopng/interfaces.lua")
    ifs = r.json()["rsp"] if ok_env(r) else []
    check("interfaces: list with ifid 0 and ifname = pcap path",
          any(i.get("ifid") == 0 and i.get("ifname") == PCAP and isinstance(i.get("name"), str) for i in ifs), ifs)

    r = S.get(V2 + "/get/interface/data.lua", params={"ifid": 0})
    d = r.json()["rsp"] if ok_env(r) else {}
    fields = ["num_flows", "num_hosts", "num_local_hosts", "alerted_flows", "uptime", "throughput_bps", "bytes",
              "packets", "drops"]
    check("interface data has %s" % ",".join(fields), all(f in d for f in fields), [f for f in fields if f not in d])
    check("interface data types: counts int, uptime str, throughput number",
          all(isinstance(d.get(f), int) for f in ("num_flows", "num_hosts", "num_local_hosts", "alerted_flows",
                                                   "bytes", "packets", "drops"))
          and isinstance(d.get("uptime"), str) and isinstance(d.get("throughput_bps"), (int, float)), d)
    check("interface data: packets > 0, bytes > packets", d.get("packets", 0) > 0 and d.get("bytes", 0) >
          d.get("packets", 0))
    check("interface data: num_local_hosts <= num_hosts", 0 < d.get("num_local_hosts", 0) <= d.get("num_hosts", 0))

    # Interface.get_active_hosts paged / sorted (python sends perPage, currentPage, sortColumn, sortOrder)
    r = S.get(V2 + "/get/host/active.lua", params={"ifid": 0, "currentPage": 1, "perPage": 5,
                                                   "sortColumn": "traffic", "sortOrder": "desc"})
    ha = r.json()["rsp"] if ok_env(r) else {}
    tr = [h["bytes"]["total"] for h in ha.get("data", [])]
    check("host/active paged+sorted: 5 rows, desc by traffic", len(tr) == 5 and tr == sorted(tr, reverse=True), tr)
    check("host/active sort echo [[column_traffic, desc]]", ha.get("sort") == [["column_traffic", "desc"]],
          ha.get("sort"))
    r2 = S.get(V2 + "/get/host/active.lua", params={"ifid": 0, "currentPage": 2, "perPage": 5,
                                                    "sortColumn": "traffic", "sortOrder": "desc"})
    tr2 = [h["bytes"]["total"] for h in r2.json()["rsp"]["data"]]
    check("host/active page 2 continues page 1 order", tr2 and tr2[0] <= tr[-1], (tr[-1:], tr2[:1]))
    row_keys = ["ip", "vlan", "name", "bytes", "thpt", "num_flows", "score", "is_localhost"]
    check("host/active rows carry the fields clients read",
          all(all(k in h for k in row_keys) for h in ha.get("data", [])) and
          all({"pps", "bps"} <= set(h["thpt"]) and {"total", "as_client", "as_server"} <= set(h["num_flows"])
              for h in ha.get("data", [])))
    top_ip = ha["data"][0]["ip"] if ha.get("data") else "192.168.1.6"
    all_hosts = S.get(V2 + "/get/host/active.lua", params={"ifid": 0, "all": "true"}).json()["rsp"]["data"]

    # Host.get_host_data
    r = S.get(V2 + "/get/host/data.lua", params={"ifid": 0, "host": top_ip})
    hd = r.json()["rsp"] if ok_env(r) else {}
    check("host/data ip/bytes.sent/bytes.rcvd consistent with host/active",
          hd.get("ip") == top_ip and hd.get("bytes.sent", -1) + hd.get("bytes.rcvd", -1) == ha["data"][0]["bytes"]
          ["total"], (hd.get("bytes.sent"), hd.get("bytes.rcvd"), ha["data"][0]["bytes"]))
    check("host/data ndpi is an object (or [] when empty)", isinstance(hd.get("ndpi"), (dict, list)))

    # Host.get_l7_stats: breed=True, ndpi_category=True, collapse_stats=False (all dropped -> defaults)
    r = S.get(V2 + "/get/host/l7/stats.lua", params={"ifid": 0, "host": top_ip, "breed": True,
                                                      "ndpi_category": True, "collapse_stats": False})
    hl = r.json()["rsp"] if ok_env(r) else None
    rd = S.get(V2 + "/get/host/l7/stats.lua", params={"ifid": 0, "host": top_ip}).json()["rsp"]
    check("host l7/stats with breed=True&ndpi_category=True&collapse_stats=False == defaults", hl == rd, (hl, rd))
    ndpi_names = set(hd.get("ndpi", {}).keys()) if isinstance(hd.get("ndpi"), dict) else set()
    check("host l7/stats labels are protocols (not breeds), rows {label,value,duration}",
          isinstance(hl, list) and hl and all({"label", "value", "duration"} <= set(x) for x in hl) and
          all(x["label"] in ndpi_names or x["label"] == "Other" for x in hl), (hl, ndpi_names))
    vals = [x["value"] for x in hl or [] if x["label"] != "Other"]
    check("host l7/stats descending by value", vals == sorted(vals, reverse=True), vals)
    tot = sum(x["value"] for x in hl or [])
    check("host l7/stats total == host bytes sent+rcvd", tot == hd.get("bytes.sent", 0) + hd.get("bytes.rcvd", 0),
          (tot, hd.get("bytes.sent"), hd.get("bytes.rcvd")))

    # Interface.get_l7_stats: ndpistats_mode=count, breed=True, ndpi_category=True, all_values=True, collapse=False
    r = S.get(V2 + "/get/interface/l7/stats.lua", params={"ifid": 0, "ndpistats_mode": "count", "breed": True,
                                                           "ndpi_category": True, "all_values": True,
                                                           "collapse_stats": False})
    il = r.json()["rsp"] if ok_env(r) else None
    ild = S.get(V2 + "/get/interface/l7/stats.lua", params={"ifid": 0, "ndpistats_mode": "count"}).json()["rsp"]
    check("interface l7/stats count with True-valued booleans == defaults", il == ild, (il, ild))
    check("interface l7/stats count: at most max_values(5) apps + Other",
          isinstance(il, list) and len([x for x in il if x["label"] != "Other"]) <= 5, il)
    check("interface l7/stats count: values sum to active flows", sum(x["value"] for x in il or []) ==
          d.get("num_flows"), (sum(x["value"] for x in il or []), d.get("num_flows")))
    ila = S.get(V2 + "/get/interface/l7/stats.lua", params={"ifid": 0, "ndpistats_mode": "count",
                                                             "all_values": "true"}).json()["rsp"]
    check("interface l7/stats all_values=true lifts the cap (>= as many entries)", len(ila) >= len(il or []),
          (len(ila), len(il or [])))
    check("interface l7/stats rows have url except Other",
          all(("url" in x) == (x["label"] != "Other") for x in il or []), il)

    # Flow list with filters (Interface.get_active_flows_paginated etc.)
    allf = S.get(V2 + "/get/flow/active.lua", params={"ifid": 0, "perPage": 1000}).json()["rsp"]
    rows = allf["data"]
    r = S.get(V2 + "/get/flow/active.lua", params={"ifid": 0, "host": top_ip, "perPage": 1000})
    fh = r.json()["rsp"] if ok_env(r) else {"data": [], "totalRows": -1}
    exp = [f for f in rows if top_ip in (f["client"]["ip"], f["server"]["ip"])]
    check("flow/active host filter honoured", fh["data"] and all(top_ip in (f["client"]["ip"], f["server"]["ip"])
                                                                 for f in fh["data"]) and
          fh["totalRows"] == len(exp), (fh["totalRows"], len(exp)))
    r = S.get(V2 + "/get/flow/active.lua", params={"ifid": 0, "l4proto": 17, "perPage": 1000})
    fu = r.json()["rsp"] if ok_env(r) else {"data": [], "totalRows": -1}
    exp = [f for f in rows if f["protocol"]["l4"] == "UDP"]
    check("flow/active l4proto=17 filter honoured", all(f["protocol"]["l4"] == "UDP" for f in fu["data"]) and
          fu["totalRows"] == len(exp) and len(exp) > 0, (fu["totalRows"], len(exp)))
    r = S.get(V2 + "/get/flow/active.lua", params={"ifid": 0, "l4proto": 6, "perPage": 1000})
    ft = r.json()["rsp"]
    check("flow/active l4proto=6 + l4proto=17 == all flows",
          ft["totalRows"] + fu["totalRows"] + len([f for f in rows if f["protocol"]["l4"] not in ("TCP", "UDP")]) ==
          allf["totalRows"])
    r = S.get(V2 + "/get/flow/active.lua", params={"ifid": 0, "application": "TLS", "perPage": 1000})
    fa = r.json()["rsp"] if ok_env(r) else {"data": [], "totalRows": -1}
    exp = [f for f in rows if f["protocol"]["l7"] == "TLS" or f["protocol"]["l7"].startswith("TLS.")]
    check("flow/active application=TLS filter honoured",
          fa["data"] and all(f["protocol"]["l7"].split(".")[0] == "TLS" for f in fa["data"]) and
          fa["totalRows"] == len(exp), (fa["totalRows"], len(exp), sorted({f["protocol"]["l7"] for f in fa["data"]})))
    r = S.get(V2 + "/get/flow/active.lua", params={"ifid": 0, "application": "DNS", "perPage": 1000})
    fd = r.json()["rsp"]
    check("flow/active application=DNS only DNS flows",
          all("DNS" in f["protocol"]["l7"].split(".") for f in fd["data"]) and fd["totalRows"] > 0,
          sorted({f["protocol"]["l7"] for f in fd["data"]}))

    # Flow counters
    r = S.get(V2 + "/get/flow/l4/counters.lua", params={"ifid": 0})
    l4 = r.json()["rsp"] if ok_env(r) else []
    cnt = {x["id"]: x["count"] for x in l4}
    check("l4 counters: TCP/UDP counts match flow list", cnt.get(6) == ft["totalRows"] and
          cnt.get(17) == fu["totalRows"] and sum(cnt.values()) == allf["totalRows"], (l4, ft["totalRows"],
                                                                                       fu["totalRows"]))
    r = S.get(V2 + "/get/flow/l7/counters.lua", params={"ifid": 0})
    l7 = r.json()["rsp"] if ok_env(r) else []
    names = [x["name"] for x in l7]
    check("l7 counters: ascending by name, total == flows", names == sorted(names) and
          sum(x["count"] for x in l7) == allf["totalRows"], l7)

    # Alerts consts / counters / list
    r = S.get(V2 + "/get/alert/severity/consts.lua")
    sev = {x.get("severity"): x.get("id") for x in (r.json()["rsp"] if ok_env(r) else [])}
    check("alert severity consts", sev == {"none": 0, "debug": 1, "info": 2, "notice": 3, "warning": 4, "error": 5,
                                           "critical": 6, "emergency": 8}, sev)
    r = S.get(V2 + "/get/alert/type/consts.lua")
    check("alert type consts: array of {type,key}", ok_env(r) and isinstance(r.json()["rsp"], list) and
          all({"type", "key"} <= set(x) for x in r.json()["rsp"]), r.text[:200])
    for kind in ("type", "severity"):
        r = S.get(V2 + "/get/alert/%s/counters.lua" % kind, params={"ifid": 0, "status": "historical",
                                                                   "epoch_begin": 1, "epoch_end": int(time.time())})
        check("alert %s counters: array" % kind, ok_env(r) and isinstance(r.json()["rsp"], list), r.text[:200])
    r = S.get(V2 + "/get/flow/alert/list.lua", params={"ifid": 0, "epoch_begin": 1, "epoch_end": int(time.time()),
                                                        "format": "json"})
    j = r.json() if is_json(r) else {}
    check("flow alert list format=json: records array, recordsTotal/recordsFiltered ints",
          ok_env(r) and isinstance(j.get("rsp", {}).get("records"), list) and
          isinstance(j.get("recordsTotal"), int) and isinstance(j.get("recordsFiltered"), int), r.text[:200])
    r = S.get(V2 + "/get/flow/alert/list.lua", params={"ifid": 0, "epoch_begin": 1, "epoch_end": int(time.time()),
                                                        "format": "json", "draw": "7"})
    check("alert list echoes draw as a number", is_json(r) and r.json().get("draw") == 7, r.text[:200])
    r = S.get(V2 + "/get/alert/type/counters.lua")
    check("alert counters without ifid -> 400/-2", r.status_code == 400 and is_json(r) and r.json().get("rc") == -2,
          r.status_code)

    # Timeseries (Historical.get_timeseries POSTs JSON)
    seen = [(h.get("first_seen"), h.get("last_seen")) for h in all_hosts]
    eb = min(a for a, _ in seen) - 2
    ee = max(b for _, b in seen) + 2
    r = S.post(V2 + "/get/timeseries/ts.lua", json={"ts_schema": "iface:traffic_rxtx", "ts_query": "ifid:0",
                                                    "epoch_begin": eb, "epoch_end": ee})
    ts = r.json()["rsp"] if ok_env(r) else {}
    series = ts.get("series", [])
    check("ts POST JSON iface:traffic_rxtx: series bytes_sent/bytes_rcvd with data",
          [s_.get("id") for s_ in series] == ["bytes_sent", "bytes_rcvd"] and
          all(s_.get("data") for s_ in series), (ts.get("metadata"), [s_.get("id") for s_ in series]))
    md = ts.get("metadata", {})
    check("ts metadata num_point == len(data), step 1", isinstance(md, dict) and md.get("epoch_step") == 1 and
          all(len(s_["data"]) == md.get("num_point") for s_ in series), md)
    tot = sum(s_.get("statistics", {}).get("total", 0) or 0 for s_ in series)
    check("ts traffic_rxtx statistics total (sent+rcvd) == interface bytes", tot == d.get("bytes"),
          (tot, d.get("bytes")))
    nonnull = sum(x for s_ in series for x in s_["data"] if x is not None)
    check("ts traffic_rxtx sum of points x step == interface bytes", nonnull == d.get("bytes"),
          (nonnull, d.get("bytes")))
    r = S.post(V2 + "/get/timeseries/ts.lua", json={"ts_schema": "iface:packets", "ts_query": "ifid:0",
                                                    "epoch_begin": eb, "epoch_end": ee})
    pk = r.json()["rsp"] if ok_env(r) else {}
    ptot = sum(x for s_ in pk.get("series", []) for x in s_.get("data", []) if x is not None)
    check("ts iface:packets points sum == interface packets", ptot == d.get("packets"), (ptot, d.get("packets")))
    r = S.post(V2 + "/get/timeseries/ts.lua", json={"ts_schema": "iface:nonexistent", "ts_query": "ifid:0",
                                                    "epoch_begin": eb, "epoch_end": ee})
    check("ts unknown schema: rc 0, no data", ok_env(r) and not r.json()["rsp"].get("series"), r.text[:200])

    # legacy v1 shape
    r = S.post(base + "/lua/rest/v1/get/timeseries/ts.lua",
               json={"ts_schema": "iface:traffic_rxtx", "ts_query": "ifid:0", "epoch_begin": eb, "epoch_end": ee})
    lg = r.json()["rsp"] if ok_env(r) else {}
    check("v1 ts: start/step/count present", all(k in lg for k in ("start", "step", "count")),
          sorted(lg.keys()) if isinstance(lg, dict) else lg)
    ls = lg.get("series", [])
    check("v1 ts: series[].label bytes_sent/bytes_rcvd, len(data)==count",
          [s_.get("label") for s_ in ls] == ["bytes_sent", "bytes_rcvd"] and
          all(len(s_.get("data", [])) == lg.get("count") for s_ in ls), [s_.get("label") for s_ in ls])
    bys = lg.get("statistics", {}).get("by_serie", []) if isinstance(lg.get("statistics"), dict) else []
    check("v1 ts: statistics.by_serie[0/1].total = sent/rcvd", len(bys) == 2 and
          bys[0].get("total", 0) + bys[1].get("total", 0) == d.get("bytes") and
          bys[0].get("total") == sum(x for x in ls[0]["data"] if x is not None) * lg.get("step", 1),
          (bys, d.get("bytes")))
    check("v1 ts: start == first point time within window", isinstance(lg.get("start"), int) and
          eb <= lg["start"] <= ee, lg.get("start"))
    check("v1 ts: additional_series [] for plain query", lg.get("additional_series") == [],
          lg.get("additional_series"))
    # v2 answer SHOULD carry the legacy keys too
    check("v2 ts also has legacy start/step/count and label", all(k in ts for k in ("start", "step", "count")) and
          all("label" in s_ for s_ in series))

    # Pro top talkers
    for kind in ("local", "remote"):
        r = S.get(base + "/lua/pro/rest/v2/get/interface/top/%s/talkers.lua" % kind, params={"ifid": 0})
        tt = r.json()["rsp"] if ok_env(r) else None
        check("top %s talkers: array <= 10 rows with name/url/throughput/throughput_type=bps" % kind,
              isinstance(tt, list) and len(tt) <= 10 and
              all(isinstance(x.get("name"), str) and isinstance(x.get("url"), str) and
                  isinstance(x.get("throughput"), (int, float)) and x.get("throughput_type") == "bps" for x in tt),
              tt)
        tps = [x["throughput"] for x in tt or []]
        check("top %s talkers sorted by throughput desc" % kind, tps == sorted(tps, reverse=True), tps)
        net = ipaddress.ip_network(LOCAL_NET)
        if tt and all("ip" in x for x in tt):
            inside = [ipaddress.ip_address(x["ip"]) in net for x in tt]
            check("top %s talkers are %s hosts" % (kind, kind), all(inside) if kind == "local" else not any(inside),
                  [x["ip"] for x in tt])

    # Python client with auth_token mode
    tok = S.post(V2 + "/create/ntopng/api_token.lua").json()["rsp"]["api_token"]
    r = requests.get(V2 + "/connect/test.lua", headers={"Authorization": "Token " + tok})
    check("py auth_token mode: connect/test JSON", is_json(r) and ok_env(r), r.status_code)

    # ---------------- Checkmk sequence ----------------------------------------------------------------------
    r = S.post(V2 + "/add/ntopng/user.lua", data={"username": "viewer", "full_name": "Checkmk viewer",
                                                  "password": VIEWER[1], "confirm_password": VIEWER[1],
                                                  "user_role": "unprivileged", "allowed_networks": LOCAL_NET,
                                                  "allowed_interface": "", "allow_alerts": "false"})
    check("checkmk: create viewer user (admin)", ok_env(r), r.text[:200])
    r = requests.get(base + "/lua/rest/version.lua", auth=ADMIN)
    check("checkmk: version with Basic", ok_env(r) and r.json()["rsp"].get("current_version") == "2")
    r = requests.post(V2 + "/create/ntopng/session.lua", json={"username": "viewer"}, auth=ADMIN)
    sid = r.json().get("rsp", {}).get("session") if ok_env(r) else None
    check("checkmk: session for viewer via Basic admin", isinstance(sid, str) and len(sid) == 32, r.text[:200])
    ck = {"session": sid or ""}
    net = ipaddress.ip_network(LOCAL_NET)

    def cpost(path, params):
        return requests.post(V2 + path, params=params, cookies=ck, data=b"")

    r = cpost("/get/ntopng/interfaces.lua", {})
    check("checkmk: cookie POST interfaces", ok_env(r) and any(i.get("ifid") == 0 for i in r.json()["rsp"]),
          (r.status_code, r.text[:200]))
    r = cpost("/get/interface/data.lua", {"ifid": 0})
    cd = r.json().get("rsp", {}) if ok_env(r) else {}
    vis = [h["ip"] for h in all_hosts if ipaddress.ip_address(h["ip"]) in net]
    check("checkmk: cookie POST interface data, num_hosts = visible hosts only",
          ok_env(r) and cd.get("num_hosts") == len(vis), (r.status_code, cd.get("num_hosts"), len(vis)))
    check("checkmk: interface data ifid echoed as string from query", cd.get("ifid") == "0", cd.get("ifid"))
    r = cpost("/get/host/active.lua", {"ifid": 0, "perPage": 1000, "currentPage": 1})
    ch = r.json().get("rsp", {}).get("data", []) if ok_env(r) else None
    check("checkmk: cookie POST host/active -> only viewer-visible hosts",
          ch is not None and sorted(h["ip"] for h in ch) == sorted(vis), (r.status_code, ch and [h["ip"] for h in ch]))
    r = cpost("/get/flow/active.lua", {"ifid": 0, "perPage": 1000, "currentPage": 1})
    cf = r.json().get("rsp", {}) if ok_env(r) else {}
    exp_f = [f for f in rows if ipaddress.ip_address(f["client"]["ip"]) in net or
             ipaddress.ip_address(f["server"]["ip"]) in net]
    check("checkmk: cookie POST flow/active -> only flows touching visible hosts",
          ok_env(r) and cf.get("totalRows") == len(exp_f) and
          all(ipaddress.ip_address(f["client"]["ip"]) in net or ipaddress.ip_address(f["server"]["ip"]) in net
              for f in cf.get("data", [])), (cf.get("totalRows"), len(exp_f)))
    r = cpost("/get/host/custom_data.lua", {"ifid": 0, "field_alias": "ip,vlan"})
    cc = r.json().get("rsp") if ok_env(r) else None
    check("checkmk: cookie POST host/custom_data field_alias=ip,vlan -> [{ip,vlan}] of visible hosts",
          isinstance(cc, list) and all(set(x) == {"ip", "vlan"} for x in cc) and
          sorted(x["ip"] for x in cc) == sorted(vis), cc)
    outside = [h["ip"] for h in all_hosts if ipaddress.ip_address(h["ip"]) not in net]
    r = cpost("/get/host/data.lua", {"ifid": 0, "host": outside[0]})
    check("checkmk: viewer host/data of outside host -> 404/-1", r.status_code == 404 and is_json(r) and
          r.json().get("rc") == -1 and r.json().get("rsp") == [], (r.status_code, r.text[:100]))
    r = cpost("/get/host/data.lua", {"ifid": 0, "host": vis[0]})
    check("checkmk: viewer host/data of visible host", ok_env(r), r.status_code)
    r = cpost("/get/host/interfaces.lua", {"host": vis[0]})
    check("checkmk: host/interfaces -> {host: [{ifid: 0}]}", ok_env(r) and r.json()["rsp"] == {vis[0]: [{"ifid": 0}]},
          r.text[:200])
    r = cpost("/get/host/custom_data.lua", {"ifid": 0, "field_alias": "ip=addr,bytes.sent=tx", "host": vis[0]})
    cx = r.json().get("rsp") if ok_env(r) else None
    check("checkmk: custom_data aliases with host -> one object {addr, tx}",
          isinstance(cx, dict) and cx.get("addr") == vis[0] and isinstance(cx.get("tx"), int), cx)
    r = cpost("/get/host/custom_data.lua", {"ifid": 0, "field_alias": ""})
    check("custom_data field_alias present but empty -> 400/-5", r.status_code == 400 and is_json(r) and
          r.json().get("rc") == -5, (r.status_code, r.text[:100]))
    r = cpost("/get/flow/alert/list.lua", {"ifid": 0})
    check("checkmk: viewer without alerts capability: alert list -> 401/-3", r.status_code == 401 and is_json(r)
          and r.json().get("rc") == -3, (r.status_code, r.text[:100]))
    r = requests.post(V2 + "/get/host/active.lua", params={"ifid": 0}, cookies=ck,
                      headers={"Content-Type": "application/json"}, data='{"perPage": 3}')
    check("checkmk: cookie + JSON POST to get/ (no csrf) works", ok_env(r) and
          len(r.json()["rsp"]["data"]) == min(3, len(vis)), (r.status_code, r.text[:100]))


if __name__ == "__main__":
    main()
