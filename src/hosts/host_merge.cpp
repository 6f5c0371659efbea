#include "hosts/host_merge.h"

#include <algorithm>

namespace wl {

namespace {
void add_traffic(TrafficCounters& a, const TrafficCounters& b) {
  a.packets_sent += b.packets_sent;
  a.packets_rcvd += b.packets_rcvd;
  a.bytes_sent += b.bytes_sent;
  a.bytes_rcvd += b.bytes_rcvd;
}
void merge_direction(DirectionDetail& a, const DirectionDetail& b) {
  for (size_t i = 0; i < a.sizes.size(); ++i) a.sizes[i] += b.sizes[i];
  for (size_t i = 0; i < a.dscp_packets.size(); ++i) a.dscp_packets[i] += b.dscp_packets[i];
  a.syn += b.syn;
  a.synack += b.synack;
  a.finack += b.finack;
  a.rst += b.rst;
  a.tcp.retransmissions += b.tcp.retransmissions;
  a.tcp.out_of_order += b.tcp.out_of_order;
  a.tcp.lost += b.tcp.lost;
}

// Rates of the same second add up; otherwise the newer second wins.
void merge_rate(RateMeter& a, const RateMeter& b) {
  if (b.second == a.second) {
    a.bytes += b.bytes;
    a.packets += b.packets;
    if (b.prev_second == a.prev_second) {
      a.prev_bytes += b.prev_bytes;
      a.prev_packets += b.prev_packets;
    }
  } else if (b.second > a.second) {
    a = b;
  }
}

void merge_detail(HostDetail& a, const HostDetail& b) {
  merge_rate(a.rate, b.rate);
  merge_direction(a.sent, b.sent);
  merge_direction(a.rcvd, b.rcvd);
}
}  // namespace

void merge_host(Host& a, const Host& b) {
  a.first_seen = std::min(a.first_seen, b.first_seen);
  a.last_seen = std::max(a.last_seen, b.last_seen);
  if (!a.has_mac && b.has_mac) {
    a.has_mac = true;
    a.mac = b.mac;
  }
  add_traffic(a.traffic, b.traffic);
  for (size_t i = 0; i < a.by_l4.size(); ++i) add_traffic(a.by_l4[i], b.by_l4[i]);
  a.active_flows_as_client += b.active_flows_as_client;
  a.active_flows_as_server += b.active_flows_as_server;
  a.total_flows_as_client += b.total_flows_as_client;
  a.total_flows_as_server += b.total_flows_as_server;
  // The union keeps the same bounds as one shard's record, so a merged host
  // reads the same whatever the number of shards.
  for (uint16_t p : b.server_ports) {
    auto it = std::lower_bound(a.server_ports.begin(), a.server_ports.end(), p);
    if ((it == a.server_ports.end() || *it != p) && a.server_ports.size() < a.max_server_ports())
      a.server_ports.insert(it, p);
  }
  a.apps.merge(b.apps, a.max_apps());
  a.categories.merge(b.categories, a.max_categories());
  merge_detail(a.detail, b.detail);
  a.peers_truncated = a.peers_truncated || b.peers_truncated;
  for (uint32_t fp : b.clients) {
    if (std::find(a.clients.begin(), a.clients.end(), fp) != a.clients.end()) continue;
    if (a.clients.size() < a.max_peers()) a.clients.push_back(fp); else a.peers_truncated = true;
  }
  for (uint32_t fp : b.peers) {
    if (std::find(a.peers.begin(), a.peers.end(), fp) != a.peers.end()) continue;
    if (a.peers.size() < a.max_peers()) a.peers.push_back(fp); else a.peers_truncated = true;
  }
}

void HostMerger::add(const Host& h) {
  auto [it, fresh] = hosts_.try_emplace(h.key, h);
  if (!fresh) merge_host(it->second, h);
}

std::vector<Host> HostMerger::take() {
  std::vector<Host> out;
  out.reserve(hosts_.size());
  for (auto& [k, h] : hosts_) out.push_back(std::move(h));
  hosts_.clear();
  auto total = [](const Host& h) { return h.traffic.bytes_sent + h.traffic.bytes_rcvd; };
  std::sort(out.begin(), out.end(), [&](const Host& x, const Host& y) {
    if (total(x) != total(y)) return total(x) > total(y);
    return x.key.ip < y.key.ip || (x.key.ip == y.key.ip && x.key.vlan < y.key.vlan);
  });
  return out;
}

}  // namespace wl
