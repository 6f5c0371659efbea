#pragma once
// Active-flow lists: each shard filters its own flows and keeps only the top
// offset+limit by the sort key (partial sort), then the shards' tops merge.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/interface.h"
#include "hosts/host.h"
#include "query/flow_view.h"

namespace wl {

enum class FlowSortKey {
  kBytes, kClient, kServer, kVlan, kL4, kProtocol, kDuration, kScore, kThpt, kLastSeen, kFirstSeen, kInfo,
  kClientRtt, kServerRtt
};

enum class FlowHostsType { kAny, kLocalOnly, kRemoteOnly, kLocalToRemote, kRemoteToLocal };

struct FlowFilter {
  std::optional<HostKey> host;        // either end
  std::optional<IpAddress> client, server, talking_with;
  std::optional<uint16_t> vlan;
  std::optional<uint8_t> l4proto;
  std::optional<uint16_t> app;        // matches the master or the application
  std::optional<uint16_t> app_master, app_app;  // "91.126": both must match
  std::optional<uint16_t> category;
  std::optional<uint16_t> port;       // either end
  uint8_t ip_version = 0;             // 0: any
  FlowHostsType hosts_type = FlowHostsType::kAny;
  std::optional<bool> unicast;        // traffic_type
  std::optional<bool> one_way;
  std::optional<bool> alerted;        // flows with a risk (score > 0) or without
  std::optional<TcpState> tcp_state;  // kEstablished, kSynSent (connecting), kClosed
  std::optional<bool> tcp_reset;
  std::string info_contains;
  // Restricted users: a flow is visible when one end is in these networks.
  std::shared_ptr<const LocalNetworks> allowed;

  bool matches(const Flow& f, bool cli_local, bool srv_local) const;
};

struct FlowQuery {
  FlowFilter filter;
  FlowSortKey sort = FlowSortKey::kBytes;
  bool ascending = false;
  size_t offset = 0, limit = 10;
  bool with_meta = false;
};

struct FlowPage {
  uint64_t total = 0;  // flows matching the filter
  std::vector<FlowView> rows;
};

FlowPage query_flows(Interface& iface, const FlowQuery& q);
// Orders two views by the key (ascending); ties broken by flow hash so pages are stable.
bool flow_less(const FlowView& a, const FlowView& b, FlowSortKey key);

// Active flows per IP protocol and per application (effective protocol id).
struct FlowCounts {
  std::map<uint8_t, uint64_t> by_l4;
  std::map<uint16_t, uint64_t> by_app;
  std::map<uint16_t, uint64_t> by_category;
  uint64_t total = 0;
};
FlowCounts count_flows(Interface& iface, const FlowFilter& filter);

// One live flow by (hash, slot), as the flow list reported it (only the
// hash's low 32 bits are compared: the lists publish those as the key).
std::optional<FlowView> find_flow(Interface& iface, uint64_t hash, uint32_t shard, uint32_t slot);

}  // namespace wl
