#pragma once
// Host lists and lookups. Hosts are split over shards (each keeps a partial
// record of the hosts its flows touch), so with several shards the records
// are merged by key before sorting; with one shard the shard sorts its own
// hosts and copies out only the requested page.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/interface.h"
#include "hosts/host.h"
#include "hosts/host_names.h"

namespace wl {

enum class HostSortKey { kIp, kName, kSince, kLast, kVlan, kNumFlows, kTraffic, kThpt, kMac, kScore };
enum class HostMode { kAll, kLocal, kRemote, kBroadcastDomain, kDhcp, kNone };

struct HostFilter {
  HostMode mode = HostMode::kAll;
  uint8_t ip_version = 0;
  std::optional<uint16_t> vlan;
  std::optional<MacAddress> mac;
  std::optional<uint16_t> protocol;  // used this application
  std::optional<bool> one_way;       // traffic_type: only sent or only received
  std::optional<int> network;        // local network index
  std::shared_ptr<const LocalNetworks> allowed;  // restricted users

  bool matches(const Host& h, const LocalNetworks& local) const;
};

struct HostView {
  Host host;
  uint64_t bps = 0, pps = 0;  // bits/s and packets/s over the last complete second
  std::string name;           // best learned name, empty when none
  std::vector<LearnedName> names;
  int network = -1;           // local network index
};

struct HostQuery {
  HostFilter filter;
  HostSortKey sort = HostSortKey::kIp;
  bool ascending = true;
  size_t offset = 0, limit = SIZE_MAX;
};

struct HostPage {
  uint64_t total = 0;
  std::vector<HostView> rows;
};

HostPage query_hosts(Interface& iface, const HostQuery& q);
std::optional<HostView> find_host(Interface& iface, const HostKey& key, const std::shared_ptr<const LocalNetworks>& allowed);

// The search box: hosts whose IP, MAC or a learned name contains `text`
// (case-insensitive), at most `limit` of them, exact matches first (a text
// matching very many hosts yields some of them, not the best-ranked of all).
struct HostMatch {
  HostKey key;
  std::string name;
  std::optional<MacAddress> mac;
  bool local = false;
  const char* field = "ip";  // what matched: "ip", "mac" or "name"
  bool exact = false;
};
std::vector<HostMatch> search_hosts(Interface& iface, const std::string& text, size_t limit,
                                    const std::shared_ptr<const LocalNetworks>& allowed);

// The name shown for a host: DHCP, mDNS, NetBIOS, LLMNR, then DNS, TLS, HTTP.
std::string best_name(const std::vector<LearnedName>& names);

}  // namespace wl
