#pragma once
// What one interface did, gathered at shutdown from its capture thread and
// its shards; printed for people and written as JSON for scripts.
#include <string>
#include <vector>

#include "engine/interface.h"
#include "engine/l7_totals.h"

namespace wl {

struct InterfaceSummary {
  std::string source;
  bool is_file = false;
  InterfaceStats capture;
  ShardCounters shards;
  HostTableStats hosts;
  uint64_t hosts_active = 0, hosts_local = 0, flows_active = 0;
  uint64_t max_flows = 0, max_hosts = 0;
  bool dpi = false;
  // Interface traffic per application / category, largest first.
  std::vector<std::pair<std::string, L7Total>> apps, categories;
};

InterfaceSummary collect_summary(Interface& iface);
// Peak resident memory of this process (VmHWM), 0 when unknown.
uint64_t peak_rss_bytes();

std::string summary_text(const std::vector<InterfaceSummary>& all);
std::string summary_json(const std::vector<InterfaceSummary>& all);

}  // namespace wl
