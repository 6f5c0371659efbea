#include "engine/limits.h"

#include <unistd.h>

#include <algorithm>

#include "flows/flow.h"
#include "hosts/host.h"

namespace wl {

uint64_t physical_memory_bytes() {
  long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  return pages > 0 && page > 0 ? static_cast<uint64_t>(pages) * static_cast<uint64_t>(page) : 0;
}

// Index: two 32-bit buckets per entry. Hosts: the bounded port and peer sets
// of a local host at their fullest.
uint64_t worst_flow_bytes() { return sizeof(Flow) + 2 * sizeof(uint32_t); }
uint64_t worst_host_bytes() {
  return sizeof(Host) + 2 * sizeof(uint32_t) + kLocalServerPorts * sizeof(uint16_t) + kLocalPeers * sizeof(uint32_t);
}

TableLimits default_table_limits(uint64_t physical_bytes) {
  TableLimits t;
  if (physical_bytes == 0) return t;
  uint64_t budget = physical_bytes / 4;
  uint64_t need = t.flows * worst_flow_bytes() + t.hosts * worst_host_bytes();
  if (need > budget) {
    double scale = static_cast<double>(budget) / static_cast<double>(need);
    t.flows = std::max<uint64_t>(kMinTableEntries, static_cast<uint64_t>(t.flows * scale));
    t.hosts = std::max<uint64_t>(kMinTableEntries, static_cast<uint64_t>(t.hosts * scale));
    t.lowered = true;
  }
  return t;
}

}  // namespace wl
