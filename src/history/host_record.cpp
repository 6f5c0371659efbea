#include "history/host_record.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <vector>

#include "common/utf8.h"

namespace wl {

void append_host_record(std::string& out, const Host& h, int interface_id, const L7Names& names,
                        const std::vector<LearnedName>& learned) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  auto str = [&](const char* k, const std::string& v) {
    w.Key(k);
    w.String(v.c_str(), static_cast<rapidjson::SizeType>(v.size()));
  };
  auto num = [&](const char* k, uint64_t v) {
    w.Key(k);
    w.Uint64(v);
  };
  auto traffic = [&](const TrafficCounters& t) {
    num("PACKETS_SENT", t.packets_sent);
    num("PACKETS_RCVD", t.packets_rcvd);
    num("BYTES_SENT", t.bytes_sent);
    num("BYTES_RCVD", t.bytes_rcvd);
  };
  w.StartObject();
  str("IP", h.key.ip.to_string());
  num("VLAN", h.key.vlan);
  num("INTERFACE_ID", static_cast<uint64_t>(interface_id));
  w.Key("LOCAL");
  w.Bool(h.local);
  if (h.has_mac) str("MAC", h.mac.to_string());
  if (!learned.empty()) {
    w.Key("NAMES");
    w.StartArray();
    std::vector<LearnedName> sorted = learned;  // by source: shards may learn in any order
    std::sort(sorted.begin(), sorted.end(), [](const LearnedName& a, const LearnedName& b) {
      return a.source != b.source ? a.source < b.source : a.name < b.name;
    });
    for (const LearnedName& n : sorted) {
      w.StartObject();
      str("NAME", sanitize_utf8(n.name));
      str("SOURCE", name_source_label(n.source));
      w.EndObject();
    }
    w.EndArray();
  }
  num("FIRST_SEEN_MICROSECONDS", static_cast<uint64_t>(h.first_seen));
  num("LAST_SEEN_MICROSECONDS", static_cast<uint64_t>(h.last_seen));
  traffic(h.traffic);
  num("FLOWS_AS_CLIENT", h.total_flows_as_client);
  num("FLOWS_AS_SERVER", h.total_flows_as_server);
  num("ACTIVE_FLOWS_AS_CLIENT", h.active_flows_as_client);
  num("ACTIVE_FLOWS_AS_SERVER", h.active_flows_as_server);
  w.Key("L4");
  w.StartObject();
  for (size_t i = 0; i < h.by_l4.size(); ++i) {
    const TrafficCounters& t = h.by_l4[i];
    if (t.packets_sent + t.packets_rcvd == 0) continue;
    w.Key(l4_class_name(static_cast<L4Class>(i)));
    w.StartObject();
    traffic(t);
    w.EndObject();
  }
  w.EndObject();
  w.Key("SERVER_PORTS");
  w.StartArray();
  for (uint16_t p : h.server_ports) w.Uint(p);
  w.EndArray();
  auto usage = [&](const char* key, const L7UsageList& list, bool is_app) {
    if (list.empty()) return;
    w.Key(key);
    w.StartArray();
    std::vector<L7Usage> items = list.items();  // largest first, whatever order shards met them in
    std::sort(items.begin(), items.end(), [](const L7Usage& a, const L7Usage& b) {
      uint64_t x = a.traffic.bytes_sent + a.traffic.bytes_rcvd, y = b.traffic.bytes_sent + b.traffic.bytes_rcvd;
      return x != y ? x > y : a.id < b.id;
    });
    for (const L7Usage& u : items) {
      w.StartObject();
      str("NAME", is_app ? names.app(u.id) : names.category(u.id));
      num("ID", u.id);
      num("FLOWS", u.flows);
      traffic(u.traffic);
      w.EndObject();
    }
    const TrafficCounters& o = list.other();
    if (o.packets_sent + o.packets_rcvd) {
      w.StartObject();
      str("NAME", "(other)");
      traffic(o);
      w.EndObject();
    }
    w.EndArray();
  };
  usage("APPLICATIONS", h.apps, true);
  usage("CATEGORIES", h.categories, false);
  num("PEERS_CONTACTED", h.peers.size());
  w.Key("PEERS_TRUNCATED");
  w.Bool(h.peers_truncated);
  w.EndObject();
  out.append(sb.GetString(), sb.GetSize());
  out.push_back('\n');
}

}  // namespace wl
