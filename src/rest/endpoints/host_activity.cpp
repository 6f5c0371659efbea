// GET get/host/activity.lua (wirelens): what one host is doing, summed over
// its active flows — ports it contacted and ports it served, its peers, the
// DNS queries it asked or answered, and the TLS/HTTP names it reached or was
// reached by. Feeds the host
// page's Ports, Peers, DNS and Names tabs.
#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "dpi/dns_message.h"
#include "dpi/protocol_catalog.h"
#include "query/flow_query.h"
#include "rest/flow_json.h"
#include "rest/host_param.h"
#include "rest/routes.h"

namespace wl {

namespace {

constexpr size_t kMaxFlows = 50000;  // a busy host's biggest flows: enough for every tab
constexpr size_t kMaxRows = 100;

struct PortUse {
  uint64_t flows = 0, bytes = 0;
  std::string app;  // of the biggest flow (flows arrive by bytes, largest first)
};
struct PeerUse {
  bool local = false;
  uint64_t flows = 0, sent = 0, rcvd = 0;
  std::vector<std::string> apps;  // a few, biggest first
};
struct QueryUse {
  uint64_t count = 0;
  bool answered = false;
  std::string rcode;
};
struct NameUse {
  uint64_t flows = 0, bytes = 0;
};

struct Activity {
  std::map<std::pair<uint8_t, uint16_t>, PortUse> client_ports, server_ports;
  std::map<HostKey, PeerUse, bool (*)(const HostKey&, const HostKey&)> peers{
      [](const HostKey& a, const HostKey& b) { return std::tie(a.ip.bytes, a.vlan) < std::tie(b.ip.bytes, b.vlan); }};
  // Keyed with the host's role: queries it asked (client) or answered (a DNS
  // server), names it reached (client) or was reached by (server).
  std::map<std::tuple<bool, std::string, uint16_t>, QueryUse> dns;             // (as server, query, type)
  std::map<std::tuple<bool, std::string, std::string>, NameUse> names;         // (as server, kind, name)

  void add(const FlowView& f, const HostKey& host) {
    const ProtocolCatalog& cat = ProtocolCatalog::instance();
    bool as_client = f.cli == host.ip;
    std::string app = cat.flow_protocol_name(f.dpi.master, f.dpi.app);
    if (f.key.proto == 6 || f.key.proto == 17) {
      PortUse& p = (as_client ? client_ports : server_ports)[{f.key.proto, f.srv_port}];
      if (p.flows++ == 0) p.app = app;
      p.bytes += f.bytes();
    }
    PeerUse& peer = peers[HostKey{as_client ? f.srv : f.cli, f.key.vlan}];
    peer.local = as_client ? f.srv_local : f.cli_local;
    peer.flows++;
    peer.sent += f.dir[as_client ? 0 : 1].bytes;
    peer.rcvd += f.dir[as_client ? 1 : 0].bytes;
    if (peer.apps.size() < 3 && std::find(peer.apps.begin(), peer.apps.end(), app) == peer.apps.end())
      peer.apps.push_back(app);
    if (!f.meta) return;
    if (auto q = f.meta->get(Meta::kDnsQuery); !q.empty()) {
      QueryUse& u = dns[{!as_client, std::string(q), f.meta->dns_query_type}];
      u.count++;
      if (f.meta->dns_answered) {
        u.answered = true;
        u.rcode = dns_rcode_string(f.meta->dns_rcode);
      }
    }
    for (const auto& [kind, key] : {std::pair{"TLS", Meta::kTlsServerName}, std::pair{"HTTP", Meta::kHttpHost}}) {
      auto n = f.meta->get(key);
      if (n.empty()) continue;
      NameUse& u = names[{!as_client, kind, std::string(n)}];
      u.flows++;
      u.bytes += f.bytes();
    }
  }
};

// The biggest `kMaxRows` entries of a map by `weight`.
template <class Map, class Weight>
std::vector<typename Map::const_iterator> top(const Map& m, Weight weight) {
  std::vector<typename Map::const_iterator> v;
  for (auto it = m.begin(); it != m.end(); ++it) v.push_back(it);
  size_t k = std::min(kMaxRows, v.size());
  std::partial_sort(v.begin(), v.begin() + static_cast<ptrdiff_t>(k), v.end(),
                    [&](auto a, auto b) { return weight(a->second) > weight(b->second); });
  v.resize(k);
  return v;
}

void write_ports(Json& w, const char* key, const std::map<std::pair<uint8_t, uint16_t>, PortUse>& ports) {
  jkey(w, key);
  w.StartArray();
  for (auto it : top(ports, [](const PortUse& p) { return p.bytes; })) {
    w.StartObject();
    kv(w, "port", static_cast<unsigned>(it->first.second));
    kv(w, "l4", l4_proto_name(it->first.first));
    kv(w, "app", it->second.app);
    kv(w, "flows", it->second.flows);
    kv(w, "bytes", it->second.bytes);
    w.EndObject();
  }
  w.EndArray();
}

void write_activity(Json& w, const Activity& a, const FlowPage& page, const HostView& h, Interface& iface) {
  w.StartObject();
  kv(w, "flows_scanned", static_cast<uint64_t>(page.rows.size()));
  kv(w, "truncated", page.total > page.rows.size());
  jkey(w, "server_ports");
  w.StartArray();
  for (uint16_t p : h.host.server_ports) w.Uint(p);
  w.EndArray();
  jkey(w, "ports");
  w.StartObject();
  write_ports(w, "client", a.client_ports);
  write_ports(w, "server", a.server_ports);
  w.EndObject();
  jkey(w, "peers");
  w.StartArray();
  for (auto it : top(a.peers, [](const PeerUse& p) { return p.sent + p.rcvd; })) {
    w.StartObject();
    kv(w, "ip", it->first.ip.to_string());
    kv(w, "vlan", static_cast<unsigned>(it->first.vlan));
    kv(w, "name", best_name(iface.host_names().names_of(it->first.ip)));
    kv(w, "local", it->second.local);
    kv(w, "flows", it->second.flows);
    kv(w, "bytes_sent", it->second.sent);
    kv(w, "bytes_rcvd", it->second.rcvd);
    std::string apps;
    for (const auto& s : it->second.apps) {
      if (!apps.empty()) apps += ", ";
      apps += s;
    }
    kv(w, "apps", apps);
    w.EndObject();
  }
  w.EndArray();
  jkey(w, "dns");
  w.StartArray();
  for (auto it : top(a.dns, [](const QueryUse& q) { return q.count; })) {
    w.StartObject();
    kv(w, "query", std::get<1>(it->first));
    kv(w, "type", dns_type_string(std::get<2>(it->first)));
    kv(w, "role", std::get<0>(it->first) ? "server" : "client");
    kv(w, "answered", it->second.answered);
    kv(w, "rcode", it->second.rcode);
    kv(w, "count", it->second.count);
    w.EndObject();
  }
  w.EndArray();
  jkey(w, "names");
  w.StartArray();
  for (auto it : top(a.names, [](const NameUse& n) { return n.bytes; })) {
    w.StartObject();
    kv(w, "name", std::get<2>(it->first));
    kv(w, "kind", std::get<1>(it->first));
    kv(w, "role", std::get<0>(it->first) ? "server" : "client");
    kv(w, "flows", it->second.flows);
    kv(w, "bytes", it->second.bytes);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

void register_host_activity(Routes& r) {
  r["get/host/activity.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = nullptr;
    auto h = requested_host(c, mi);
    if (!h) return;
    FlowQuery q;
    q.filter.host = h->host.key;
    q.filter.allowed = c.allowed();
    q.sort = FlowSortKey::kBytes;
    q.limit = kMaxFlows;
    q.with_meta = true;
    FlowPage page = query_flows(*mi->iface, q);
    Activity a;
    for (const FlowView& f : page.rows) a.add(f, h->host.key);
    c.ok([&](Json& w) { write_activity(w, a, page, *h, *mi->iface); });
  }};
}

}  // namespace wl
