// GET get/host/active.lua: the host list, paged and sorted in the engine
// (compat doc 6.12, paging style A of 4.3).
#include "query/host_query.h"
#include "rest/host_param.h"
#include "rest/paging.h"
#include "rest/routes.h"

namespace wl {

namespace {

std::optional<HostSortKey> sort_key(const std::string& col) {
  if (col == "ip") return HostSortKey::kIp;
  if (col == "name") return HostSortKey::kName;
  if (col == "since") return HostSortKey::kSince;
  if (col == "last") return HostSortKey::kLast;
  if (col == "vlan") return HostSortKey::kVlan;
  if (col == "num_flows") return HostSortKey::kNumFlows;
  if (col == "traffic") return HostSortKey::kTraffic;
  if (col == "thpt") return HostSortKey::kThpt;
  if (col == "mac") return HostSortKey::kMac;
  // Not tracked yet (alerts, geo, OS, DNS): every host ties, so IP order.
  if (col == "alerts" || col == "score" || col == "country" || col == "os" || col == "asn" || col == "queries")
    return HostSortKey::kScore;
  return std::nullopt;
}

HostMode host_mode(const std::string& m) {
  if (m == "local") return HostMode::kLocal;
  if (m == "remote") return HostMode::kRemote;
  if (m == "broadcast_domain") return HostMode::kBroadcastDomain;
  if (m == "dhcp") return HostMode::kDhcp;
  if (m == "filtered" || m == "blacklisted") return HostMode::kNone;  // no filtering/blacklists yet
  return HostMode::kAll;
}

void write_row(Json& w, const HostView& v, bool v1) {
  const Host& h = v.host;
  w.StartObject();
  kv(w, "key", dom_safe_key(h.key));
  kv(w, "ip", h.key.ip.to_string());
  kv(w, "vlan", static_cast<unsigned>(h.key.vlan));
  kv(w, "name", v.name.empty() ? h.key.ip.to_string() : v.name);
  kv(w, "first_seen", static_cast<long long>(h.first_seen / kMicrosPerSecond));
  kv(w, "last_seen", static_cast<long long>(h.last_seen / kMicrosPerSecond));
  kv(w, "os", 0);
  kv(w, "num_alerts", 0);
  kv(w, "country", "");
  kv(w, "is_blacklisted", false);
  if (!v1) {
    jkey(w, "score");
    w.StartObject();
    kv(w, "total", 0);
    kv(w, "as_client", 0);
    kv(w, "as_server", 0);
    w.EndObject();
  }
  jkey(w, "thpt");
  w.StartObject();
  kv(w, "pps", static_cast<double>(v.pps));
  kv(w, "bps", static_cast<double>(v.bps));
  w.EndObject();
  jkey(w, "bytes");
  w.StartObject();
  kv(w, "total", h.traffic.bytes_sent + h.traffic.bytes_rcvd);
  kv(w, "sent", h.traffic.bytes_sent);
  kv(w, "recvd", h.traffic.bytes_rcvd);
  w.EndObject();
  kv(w, "is_localhost", h.local);
  kv(w, "is_multicast", h.key.ip.is_multicast());
  kv(w, "is_broadcast", h.key.ip.is_broadcast());
  kv(w, "is_broadcast_domain", h.has_mac);
  jkey(w, "num_flows");
  w.StartObject();
  kv(w, "total", h.active_flows());
  kv(w, "as_client", h.active_flows_as_client);
  kv(w, "as_server", h.active_flows_as_server);
  w.EndObject();
  w.EndObject();
}

}  // namespace

void register_host_active(Routes& r) {
  r["get/host/active.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = c.interface();
    if (!mi) return;
    if (c.from_cache()) return;
    HostQuery q;
    q.filter.allowed = c.allowed();
    q.filter.mode = host_mode(c.params.get_or("mode", "all"));
    if (auto v = c.params.get("version"); v && !v->empty()) q.filter.ip_version = static_cast<uint8_t>(std::stoi(*v));
    if (auto v = c.params.number("vlan")) q.filter.vlan = static_cast<uint16_t>(*v);
    if (auto v = c.params.number("network")) q.filter.network = static_cast<int>(*v);
    if (auto v = c.params.number("protocol")) q.filter.protocol = static_cast<uint16_t>(*v);
    if (auto m = c.params.get("mac"); m && !m->empty()) {
      MacAddress mac;
      unsigned b[6];
      if (std::sscanf(m->c_str(), "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5]) == 6) {
        for (int i = 0; i < 6; ++i) mac.bytes[static_cast<size_t>(i)] = static_cast<uint8_t>(b[i]);
        q.filter.mac = mac;
      }
    }
    std::string tt = c.params.get_or("traffic_type", "");
    if (tt == "one_way") q.filter.one_way = true;
    if (tt == "bidirectional") q.filter.one_way = false;

    std::string col = c.params.get_or("sortColumn", "");
    auto key = sort_key(col);
    if (key) q.sort = *key;
    q.ascending = c.params.get_or("sortOrder", "asc") == "asc";
    bool all = c.params.has("all");
    int64_t per_page = std::clamp<int64_t>(c.params.number("perPage").value_or(10), 1, 100000);
    int64_t page = std::max<int64_t>(1, c.params.number("currentPage").value_or(1));
    if (!all) {
      q.offset = static_cast<size_t>((page - 1) * per_page);
      q.limit = static_cast<size_t>(per_page);
    }
    HostPage result = query_hosts(*mi->iface, q);
    c.ok([&](Json& w) {
      write_page(
          w, all ? 0 : page, all ? (c.v1 ? 0 : -1) : per_page, result.total,
          [&](Json& out) {
            for (const auto& v : result.rows) write_row(out, v, c.v1);
          },
          key ? std::optional<std::string>(col) : std::nullopt, q.ascending);
    });
    c.to_cache();
  }};
}

}  // namespace wl
