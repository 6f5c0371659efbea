#include "rest/host_json.h"

#include <cstdio>

#include "dpi/protocol_catalog.h"

namespace wl {

namespace {

uint32_t ipv4_key(const IpAddress& ip) {
  return (uint32_t{ip.bytes[0]} << 24) | (uint32_t{ip.bytes[1]} << 16) | (uint32_t{ip.bytes[2]} << 8) | ip.bytes[3];
}

void traffic_kv(Json& w, const std::string& prefix, const TrafficCounters& t) {
  kv(w, prefix + "packets.sent", t.packets_sent);
  kv(w, prefix + "packets.rcvd", t.packets_rcvd);
  kv(w, prefix + "bytes.sent", t.bytes_sent);
  kv(w, prefix + "bytes.rcvd", t.bytes_rcvd);
}

void pkt_stats(Json& w, const char* key, const DirectionDetail& d) {
  static const char* kSizes[kSizeClasses] = {"upTo64", "upTo128", "upTo256", "upTo512", "upTo1024",
                                             "upTo1518", "upTo2500", "upTo6500", "upTo9000", "above9000"};
  jkey(w, key);
  w.StartObject();
  jkey(w, "size");
  w.StartObject();
  for (size_t i = 0; i < kSizeClasses; ++i) kv(w, kSizes[i], d.sizes[i]);
  w.EndObject();
  jkey(w, "tcp_flags");
  w.StartObject();
  kv(w, "syn", d.syn);
  kv(w, "synack", d.synack);
  kv(w, "finack", d.finack);
  kv(w, "rst", d.rst);
  w.EndObject();
  w.EndObject();
}

void tcp_stats(Json& w, const char* key, const TcpHealth& t) {
  jkey(w, key);
  w.StartObject();
  kv(w, "retransmissions", t.retransmissions);
  kv(w, "out_of_order", t.out_of_order);
  kv(w, "lost", t.lost);
  kv(w, "keep_alive", 0);
  w.EndObject();
}

const char* name_key(NameSource s) {
  switch (s) {
    case NameSource::kDns: return "resolved";
    case NameSource::kMdns: return "mdns";
    case NameSource::kLlmnr: return "llmnr";
    case NameSource::kNetbios: return "netbios";
    case NameSource::kDhcp: return "dhcp";
    case NameSource::kTls: return "tls";
    case NameSource::kHttp: return "http";
    case NameSource::kCount: break;
  }
  return "other";
}

double ratio(uint64_t sent, uint64_t rcvd) {
  uint64_t t = sent + rcvd;
  return t ? (static_cast<double>(sent) - static_cast<double>(rcvd)) / static_cast<double>(t) : 0.0;
}

}  // namespace

void write_host_fields(Json& w, const HostView& v, int ifid, const LocalNetworks& local) {
  const Host& h = v.host;
  const ProtocolCatalog& cat = ProtocolCatalog::instance();
  std::string ip = h.key.ip.to_string();
  kv(w, "ip", ip);
  kv(w, "vlan", static_cast<unsigned>(h.key.vlan));
  kv(w, "ip_version", static_cast<unsigned>(h.key.ip.version));
  kv(w, "ipkey", h.key.ip.is_v4() ? ipv4_key(h.key.ip) : static_cast<uint32_t>(HostKeyHash{}(h.key)));
  char hex[16];
  std::snprintf(hex, sizeof hex, "%08X", h.key.ip.is_v4() ? ipv4_key(h.key.ip) : 0u);
  kv(w, "iphex", hex);
  kv(w, "tskey", ip);
  kv(w, "ifid", ifid);
  kv(w, "observation_point_id", 0);
  kv(w, "serialize_by_mac", false);
  kv(w, "name", v.name);
  jkey(w, "names");
  if (v.names.empty()) {
    empty_map(w);
  } else {
    w.StartObject();
    for (const auto& n : v.names) kv(w, name_key(n.source), n.name);
    w.EndObject();
  }
  kv(w, "mac", h.has_mac ? h.mac.to_string() : std::string("00:00:00:00:00:00"));
  kv(w, "devtype", 0);
  // Classification
  kv(w, "localhost", h.local);
  kv(w, "systemhost", false);
  bool priv = h.key.ip.is_v4() && (h.key.ip.bytes[0] == 10 || (h.key.ip.bytes[0] == 172 && (h.key.ip.bytes[1] & 0xF0) == 16) ||
                                   (h.key.ip.bytes[0] == 192 && h.key.ip.bytes[1] == 168));
  priv = priv || (h.key.ip.is_v6() && (h.key.ip.bytes[0] & 0xFE) == 0xFC);
  kv(w, "privatehost", priv);
  kv(w, "broadcast_domain_host", h.has_mac);
  bool dhcp = false;
  for (const auto& n : v.names) dhcp = dhcp || n.source == NameSource::kDhcp;
  kv(w, "dhcpHost", dhcp);
  kv(w, "crawlerBotScannerHost", false);
  kv(w, "is_blacklisted", false);
  kv(w, "is_rx_only", h.traffic.packets_sent == 0);
  kv(w, "is_broadcast", h.key.ip.is_broadcast());
  kv(w, "is_multicast", h.key.ip.is_multicast());
  if (h.local) {
    kv(w, "local_network_id", v.network);
    if (v.network >= 0) {
      const LocalNetwork& ln = local.networks()[static_cast<size_t>(v.network)];
      kv(w, "local_network_name", ln.name.empty() ? ln.to_string() : ln.name);
    }
  }
  // Geography: no GeoIP database yet
  kv(w, "continent", "");
  kv(w, "country", "");
  kv(w, "city", "");
  kv(w, "latitude", 0.0);
  kv(w, "longitude", 0.0);
  kv(w, "asn", 0);
  kv(w, "asname", "");
  kv(w, "host_pool_id", 0);
  kv(w, "os", 0);
  kv(w, "os_detail", "");
  // Alerts and score arrive with the alerts issue
  kv(w, "num_alerts", 0);
  kv(w, "active_alerted_flows", 0);
  kv(w, "total_alerts", 0);
  kv(w, "num_flow_alerts", 0);
  kv(w, "score", 0);
  kv(w, "score.as_client", 0);
  kv(w, "score.as_server", 0);
  // Traffic
  traffic_kv(w, "", h.traffic);
  kv(w, "throughput_bps", static_cast<double>(v.bps) / 8.0);  // bytes/s despite the name
  kv(w, "throughput_pps", static_cast<double>(v.pps));
  kv(w, "throughput_trend_bps", 0);
  kv(w, "throughput_trend_pps", 0);
  kv(w, "bytes_ratio", ratio(h.traffic.bytes_sent, h.traffic.bytes_rcvd));
  kv(w, "pkts_ratio", ratio(h.traffic.packets_sent, h.traffic.packets_rcvd));
  uint64_t unknown_sent = 0, unknown_rcvd = 0;
  for (const auto& u : h.apps.items())
    if (u.id == 0) {
      unknown_sent += u.traffic.bytes_sent;
      unknown_rcvd += u.traffic.bytes_rcvd;
    }
  kv(w, "bytes.ndpi.unknown", unknown_sent + unknown_rcvd);
  static const char* kL4[] = {"tcp.", "udp.", "icmp.", "other_ip."};
  for (size_t i = 0; i < h.by_l4.size(); ++i) traffic_kv(w, kL4[i], h.by_l4[i]);
  const TcpHealth& ts = h.detail.sent.tcp;
  const TcpHealth& tr = h.detail.rcvd.tcp;
  kv(w, "tcp.packets.seq_problems", ts.retransmissions + ts.out_of_order + ts.lost + tr.retransmissions +
                                            tr.out_of_order + tr.lost > 0);
  tcp_stats(w, "tcpPacketStats.sent", ts);
  tcp_stats(w, "tcpPacketStats.rcvd", tr);
  pkt_stats(w, "pktStats.sent", h.detail.sent);
  pkt_stats(w, "pktStats.recv", h.detail.rcvd);
  // Flows and peers
  kv(w, "active_flows.as_client", h.active_flows_as_client);
  kv(w, "active_flows.as_server", h.active_flows_as_server);
  kv(w, "flows.as_client", h.total_flows_as_client);
  kv(w, "flows.as_server", h.total_flows_as_server);
  kv(w, "total_flows.as_client", h.total_flows_as_client);
  kv(w, "total_flows.as_server", h.total_flows_as_server);
  kv(w, "alerted_flows.as_client", 0);
  kv(w, "alerted_flows.as_server", 0);
  kv(w, "contacts.as_client", static_cast<uint64_t>(h.peers.size()));
  kv(w, "contacts.as_server", static_cast<uint64_t>(h.clients.size()));
  // Time
  kv(w, "seen.first", static_cast<long long>(h.first_seen / kMicrosPerSecond));
  kv(w, "seen.last", static_cast<long long>(h.last_seen / kMicrosPerSecond));
  kv(w, "duration", static_cast<long long>((h.last_seen - h.first_seen) / kMicrosPerSecond));
  // Applications and categories
  jkey(w, "ndpi");
  if (h.apps.items().empty()) {
    empty_map(w);
  } else {
    w.StartObject();
    for (const auto& u : h.apps.items()) {
      if (u.traffic.bytes_sent + u.traffic.bytes_rcvd == 0) continue;
      jkey(w, cat.protocol_name(u.id));
      w.StartObject();
      kv(w, "breed", cat.breed(u.id));
      traffic_kv(w, "", u.traffic);
      kv(w, "num_flows", u.flows);
      w.EndObject();
    }
    w.EndObject();
  }
  jkey(w, "ndpi_categories");
  if (h.categories.items().empty()) {
    empty_map(w);
  } else {
    w.StartObject();
    for (const auto& u : h.categories.items()) {
      jkey(w, cat.category_name(u.id));
      w.StartObject();
      kv(w, "category", static_cast<unsigned>(u.id));
      kv(w, "bytes", u.traffic.bytes_sent + u.traffic.bytes_rcvd);
      kv(w, "bytes.sent", u.traffic.bytes_sent);
      kv(w, "bytes.rcvd", u.traffic.bytes_rcvd);
      w.EndObject();
    }
    w.EndObject();
  }
  static const char* kDscp[kDscpClasses] = {"cs0", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cs7", "le"};
  jkey(w, "dscp");
  w.StartObject();
  for (size_t i = 0; i < kDscpClasses; ++i) {
    if (!h.detail.sent.dscp_packets[i] && !h.detail.rcvd.dscp_packets[i]) continue;
    jkey(w, kDscp[i]);
    w.StartObject();
    kv(w, "packets.sent", h.detail.sent.dscp_packets[i]);
    kv(w, "packets.rcvd", h.detail.rcvd.dscp_packets[i]);
    w.EndObject();
  }
  w.EndObject();
}

}  // namespace wl
