#pragma once
// Traffic per application (or per category) of one host: a short list, at
// most `cap` entries; traffic of further applications is kept as "other" so
// totals always add up. Local hosts keep more entries than remote ones.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "hosts/traffic_counters.h"

namespace wl {

struct L7Usage {
  uint16_t id = 0;  // nDPI protocol or category id
  TrafficCounters traffic;
  uint32_t flows = 0;
};

class L7UsageList {
 public:
  // Adds to the entry of `id`, creating it while there is room; else to other().
  void add(uint16_t id, size_t cap, uint64_t pkts_sent, uint64_t bytes_sent, uint64_t pkts_rcvd,
           uint64_t bytes_rcvd, uint32_t flows);
  void merge(const L7UsageList& o, size_t cap);
  const std::vector<L7Usage>& items() const { return items_; }
  const TrafficCounters& other() const { return other_; }
  bool empty() const { return items_.empty() && other_.packets_sent + other_.packets_rcvd == 0; }

 private:
  std::vector<L7Usage> items_;
  TrafficCounters other_;
};

}  // namespace wl
