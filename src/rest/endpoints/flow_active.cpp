// GET get/flow/active.lua: the active-flow list, filtered, sorted and paged
// inside the shards (compat doc 6.18).
#include "dpi/protocol_catalog.h"
#include "query/flow_query.h"
#include "query/host_query.h"
#include "rest/flow_json.h"
#include "rest/host_param.h"
#include "rest/paging.h"
#include "rest/routes.h"

namespace wl {

namespace {

std::optional<FlowSortKey> sort_key(const std::string& col) {
  static const std::pair<const char*, FlowSortKey> kKeys[] = {
      {"client", FlowSortKey::kClient}, {"server", FlowSortKey::kServer}, {"vlan", FlowSortKey::kVlan},
      {"proto_l4", FlowSortKey::kL4}, {"ndpi", FlowSortKey::kProtocol}, {"protocol", FlowSortKey::kProtocol},
      {"duration", FlowSortKey::kDuration}, {"score", FlowSortKey::kScore}, {"thpt", FlowSortKey::kThpt},
      {"last_seen", FlowSortKey::kLastSeen}, {"first_seen", FlowSortKey::kFirstSeen}, {"bytes", FlowSortKey::kBytes},
      {"info", FlowSortKey::kInfo}, {"client_rtt", FlowSortKey::kClientRtt}, {"server_rtt", FlowSortKey::kServerRtt}};
  for (const auto& [name, key] : kKeys)
    if (col == name) return key;
  return std::nullopt;
}

// Filters from the request; false (error written) on a bad value.
bool build_filter(RestCall& c, FlowFilter& f) {
  const ProtocolCatalog& cat = ProtocolCatalog::instance();
  f.allowed = c.allowed();
  if (c.params.has("host")) {
    auto k = host_param(c.params);
    if (!k) return c.error(RestCode::kInvalidHost), false;
    f.host = k;
  } else if (auto v = c.params.number("vlan")) {
    f.vlan = static_cast<uint16_t>(*v);
  }
  if (auto v = c.params.number("l4proto")) f.l4proto = static_cast<uint8_t>(*v);
  if (auto v = c.params.number("port")) f.port = static_cast<uint16_t>(*v);
  if (auto v = c.params.get("version"); v && !v->empty()) f.ip_version = static_cast<uint8_t>(std::stoi(*v));
  for (const char* name : {"client", "server", "talking_with"}) {
    if (auto v = c.params.get(name); v && !v->empty()) {
      auto ip = IpAddress::parse(*v);
      if (!ip) continue;
      (std::string(name) == "client" ? f.client : std::string(name) == "server" ? f.server : f.talking_with) = ip;
    }
  }
  if (auto app = c.params.get("application"); app && !app->empty()) {
    size_t dot = app->find('.');
    auto a = cat.find_protocol(*app);
    if (!a && dot != std::string::npos) {  // "91.126" or "TLS.Google"
      auto m = cat.find_protocol(app->substr(0, dot));
      auto s = cat.find_protocol(app->substr(dot + 1));
      if (!m || !s) return c.error(RestCode::kInvalidArguments, "Unknown application"), false;
      f.app_master = m;
      f.app_app = s;
    } else if (a) {
      f.app = a;
    } else {
      return c.error(RestCode::kInvalidArguments, "Unknown application"), false;
    }
  }
  if (auto cg = c.params.get("category"); cg && !cg->empty()) {
    auto id = cat.find_category(*cg);
    if (!id) return c.error(RestCode::kInvalidArguments, "Unknown category"), false;
    f.category = id;
  }
  std::string ht = c.params.get_or("flowhosts_type", "");
  if (ht == "local_only") f.hosts_type = FlowHostsType::kLocalOnly;
  else if (ht == "remote_only") f.hosts_type = FlowHostsType::kRemoteOnly;
  else if (ht == "local_origin_remote_target") f.hosts_type = FlowHostsType::kLocalToRemote;
  else if (ht == "remote_origin_local_target") f.hosts_type = FlowHostsType::kRemoteToLocal;
  std::string tt = c.params.get_or("traffic_type", "");
  if (!tt.empty()) {
    f.unicast = tt.find("unicast") != std::string::npos;
    if (tt.find("one_way") != std::string::npos) f.one_way = true;
    if (tt.find("bidirectional") != std::string::npos) f.one_way = false;
  }
  std::string at = c.params.get_or("alert_type", c.params.get_or("flow_status", ""));
  if (at == "normal") f.alerted = false;
  else if (at == "alerted") f.alerted = true;
  std::string st = c.params.get_or("tcp_flow_state", "");
  if (st == "established") f.tcp_state = TcpState::kEstablished;
  else if (st == "connecting") f.tcp_state = TcpState::kSynSent;
  else if (st == "closed") f.tcp_state = TcpState::kClosed;
  else if (st == "reset") f.tcp_reset = true;
  f.info_contains = c.params.get_or("flow_info", "");
  return true;
}

void write_peer(Json& w, const char* key, const IpAddress& ip, uint16_t port, const std::string& name,
                const std::vector<LearnedName>& names, bool in_l2, bool local, bool client) {
  jkey(w, key);
  w.StartObject();
  kv(w, "name", name.empty() ? ip.to_string() : name);
  kv(w, "ip", ip.to_string());
  kv(w, "port", static_cast<unsigned>(port));
  kv(w, "local", local);
  kv(w, client ? "is_broadcast_domain" : "is_broadcast", client ? in_l2 : ip.is_broadcast());
  bool dhcp = false;
  for (const auto& n : names) dhcp = dhcp || n.source == NameSource::kDhcp;
  kv(w, "is_dhcp", dhcp);
  kv(w, "is_blacklisted", false);
  w.EndObject();
}

void write_row(RestCall& c, Json& w, const FlowView& f, Interface& iface, bool verbose) {
  const ProtocolCatalog& cat = ProtocolCatalog::instance();
  w.StartObject();
  kv(w, "key", std::to_string(static_cast<uint32_t>(f.hash)));
  kv(w, "hash_id", std::to_string((static_cast<uint64_t>(f.shard) << 32) | f.slot));
  kv(w, "first_seen", static_cast<long long>(f.first_seen / kMicrosPerSecond));
  kv(w, "last_seen", static_cast<long long>(f.last_seen / kMicrosPerSecond));
  // Names come from the interface's name cache: no further trip to the shards.
  auto cli_names = iface.host_names().names_of(f.cli);
  auto srv_names = iface.host_names().names_of(f.srv);
  write_peer(w, "client", f.cli, f.cli_port, best_name(cli_names), cli_names, f.cli_in_l2, f.cli_local, true);
  write_peer(w, "server", f.srv, f.srv_port, server_display_name(f, best_name(srv_names)), srv_names, f.srv_in_l2,
             f.srv_local, false);
  kv(w, "vlan", static_cast<unsigned>(f.key.vlan));
  jkey(w, "protocol");
  w.StartObject();
  kv(w, "l4", l4_proto_name(f.key.proto));
  kv(w, "l7", cat.flow_protocol_name(f.dpi.master, f.dpi.app));
  w.EndObject();
  kv(w, "duration", static_cast<long long>(f.duration() / kMicrosPerSecond));
  kv(w, "bytes", f.bytes());
  jkey(w, "thpt");
  w.StartObject();
  kv(w, "pps", static_cast<double>(f.pps));
  kv(w, "bps", static_cast<double>(f.bps));
  w.EndObject();
  jkey(w, "breakdown");
  w.StartObject();
  uint64_t total = f.bytes();
  int cli2srv = total ? static_cast<int>((f.dir[0].bytes * 100 + total / 2) / total) : 0;
  kv(w, "cli2srv", cli2srv);
  kv(w, "srv2cli", total ? 100 - cli2srv : 0);
  w.EndObject();
  kv(w, "score", with_thousands(f.score));
  kv(w, "info", f.info);
  if (verbose) {
    kv(w, "packets", f.packets());
    if (f.key.proto == 6) {
      jkey(w, "tcp");
      w.StartObject();
      kv(w, "appl_latency", 0.0);
      jkey(w, "nw_latency");
      w.StartObject();
      kv(w, "cli", f.cli_latency_ms < 0 ? 0.0 : f.cli_latency_ms);
      kv(w, "srv", f.srv_latency_ms < 0 ? 0.0 : f.srv_latency_ms);
      w.EndObject();
      for (const char* what : {"retransmissions", "out_of_order", "lost"}) {
        jkey(w, what);
        w.StartObject();
        auto val = [&](const DirectionCounters& d) {
          std::string s(what);
          return s == "retransmissions" ? d.retransmissions : s == "out_of_order" ? d.out_of_order : d.lost;
        };
        kv(w, "cli2srv", val(f.dir[0]));
        kv(w, "srv2cli", val(f.dir[1]));
        w.EndObject();
      }
      w.EndObject();
    }
  }
  (void)c;
  w.EndObject();
}

}  // namespace

void register_flow_active(Routes& r) {
  r["get/flow/active.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = c.interface();
    if (!mi) return;
    if (c.from_cache()) return;
    FlowQuery q;
    if (!build_filter(c, q.filter)) return;
    std::string col = c.params.get_or("sortColumn", "");
    auto key = sort_key(col);
    if (key) q.sort = *key;
    q.ascending = c.params.get_or("sortOrder", "desc") == "asc";
    int64_t per_page = std::clamp<int64_t>(c.params.number("perPage").value_or(10), 1, 10000);
    int64_t page = std::max<int64_t>(1, c.params.number("currentPage").value_or(1));
    q.offset = static_cast<size_t>((page - 1) * per_page);
    q.limit = static_cast<size_t>(per_page);
    q.with_meta = true;
    FlowPage result = query_flows(*mi->iface, q);
    bool verbose = c.params.boolean("verbose").value_or(false);
    c.ok([&](Json& w) {
      write_page(
          w, page, per_page, result.total,
          [&](Json& out) {
            for (const auto& f : result.rows) write_row(c, out, f, *mi->iface, verbose);
          },
          key ? col : std::string(), q.ascending);
    });
    c.to_cache();
  }};
}

}  // namespace wl
