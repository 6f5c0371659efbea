#pragma once
// One consistent reading of an interface for the REST layer: the capture
// thread's published counters plus every shard's counters and table sizes.
#include <cstdint>
#include <unordered_set>

#include "engine/interface.h"

namespace wl {

struct InterfaceSnapshot {
  InterfaceLive live;
  ShardCounters counters;  // summed over shards
  L7Totals l7;             // traffic per application and category
  uint64_t num_flows = 0, flow_capacity = 0;
  uint64_t num_hosts = 0, num_local_hosts = 0, host_capacity = 0;
  uint64_t num_rcvd_only_hosts = 0, num_local_rcvd_only_hosts = 0;
  uint64_t num_devices = 0;        // distinct MAC addresses of local hosts
  uint64_t alerted_flows = 0;      // flows carrying a risk
  Micros clock = 0;                // the shards' clock
};

// Restricted users (`allowed` set) only count their visible hosts.
InterfaceSnapshot snapshot_interface(Interface& iface, const LocalNetworks* allowed = nullptr);

// Bytes and packets per second over the last complete second of the clock.
struct Rate {
  double bytes_per_s = 0, packets_per_s = 0;
};
Rate current_rate(const InterfaceLive& live);

}  // namespace wl
