#pragma once
// Per-host statistics, keyed by (IP, VLAN).
#include <array>
#include <cstdint>
#include <vector>

#include "common/hash.h"
#include "common/ip_address.h"
#include "common/lru_table.h"
#include "common/time.h"
#include "hosts/host_detail.h"
#include "hosts/l7_usage.h"
#include "hosts/traffic_counters.h"

namespace wl {

struct HostKey {
  IpAddress ip;
  uint16_t vlan = 0;
  friend bool operator==(const HostKey&, const HostKey&) = default;
};

struct HostKeyHash {
  uint64_t operator()(const HostKey& k) const {
    return hash_bytes(k.ip.bytes.data(), 16, (uint64_t{k.ip.version} << 16) | k.vlan);
  }
};

// Traffic split by transport protocol.
enum class L4Class : uint8_t { kTcp, kUdp, kIcmp, kOther, kCount };
inline L4Class l4_class(uint8_t proto) {
  switch (proto) {
    case 6: return L4Class::kTcp;
    case 17: return L4Class::kUdp;
    case 1: case 58: return L4Class::kIcmp;
    default: return L4Class::kOther;
  }
}
const char* l4_class_name(L4Class c);

// Bounds of the per-host sets: local hosts are the ones operators drill into.
constexpr size_t kLocalServerPorts = 64, kRemoteServerPorts = 8;
constexpr size_t kLocalPeers = 256, kRemotePeers = 16;
constexpr size_t kLocalApps = 64, kRemoteApps = 8;
constexpr size_t kLocalCategories = 32, kRemoteCategories = 4;


struct Host {
  HostKey key;
  bool local = false;
  bool has_mac = false;
  MacAddress mac;
  Micros first_seen = 0, last_seen = 0;
  TrafficCounters traffic;
  std::array<TrafficCounters, static_cast<size_t>(L4Class::kCount)> by_l4{};
  uint32_t active_flows_as_client = 0, active_flows_as_server = 0;
  uint64_t total_flows_as_client = 0, total_flows_as_server = 0;
  // Bounded sets: local hosts keep more detail than remote ones.
  std::vector<uint16_t> server_ports;  // TCP/UDP ports this host answered on
  std::vector<uint32_t> peers;         // fingerprints of peers contacted as a client
  std::vector<uint32_t> clients;       // fingerprints of peers that contacted this host
  bool peers_truncated = false;
  L7UsageList apps, categories;        // filled when a flow's detection ends
  HostDetail detail;
  uint32_t lru_prev = kNoSlot, lru_next = kNoSlot;

  uint32_t active_flows() const { return active_flows_as_client + active_flows_as_server; }
  size_t max_peers() const { return local ? kLocalPeers : kRemotePeers; }
  size_t max_server_ports() const { return local ? kLocalServerPorts : kRemoteServerPorts; }
  size_t max_apps() const { return local ? kLocalApps : kRemoteApps; }
  size_t max_categories() const { return local ? kLocalCategories : kRemoteCategories; }
};

}  // namespace wl
