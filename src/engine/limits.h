#pragma once
// Default table sizes: ntopng-like capacities, lowered so that both tables at
// their worst fit in a quarter of physical memory.
#include <cstdint>

namespace wl {

constexpr uint64_t kDefaultMaxFlows = 1'048'576;
constexpr uint64_t kDefaultMaxHosts = 262'144;
constexpr uint64_t kMinTableEntries = 1024;

struct TableLimits {
  uint64_t flows = kDefaultMaxFlows;
  uint64_t hosts = kDefaultMaxHosts;
  bool lowered = false;
};

uint64_t physical_memory_bytes();
// Worst-case bytes one flow / one host can hold, index included.
uint64_t worst_flow_bytes();
uint64_t worst_host_bytes();
TableLimits default_table_limits(uint64_t physical_bytes);

}  // namespace wl
