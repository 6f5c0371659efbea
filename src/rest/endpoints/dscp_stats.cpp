// GET get/interface/dscp/stats.lua and get/host/dscp/stats.lua: packets per
// DSCP precedence class, collapsed at 1 % (compat doc 6.10, 6.17).
#include "query/host_query.h"
#include "query/interface_query.h"
#include "rest/host_param.h"
#include "rest/label_values.h"
#include "rest/routes.h"

namespace wl {

namespace {

const char* dscp_label(size_t cls) {
  static const char* kLabels[kDscpClasses] = {
      "Best Effort (CS0)", "Priority (CS1)", "Immediate (CS2)", "Flash (CS3)", "Flash Override (CS4)",
      "Critical (CS5)", "Internetwork Control (CS6)", "Network Control (CS7)", "LE"};
  return cls < kDscpClasses ? kLabels[cls] : "Unknown";
}

template <typename Counts>
std::vector<LabelValue> dscp_items(const Counts& counts) {
  std::vector<LabelValue> items;
  for (size_t i = 0; i < kDscpClasses; ++i)
    if (counts[i]) items.push_back({dscp_label(i), static_cast<double>(counts[i]), {}, -1});
  return collapse_small(std::move(items), 1.0, false);
}

}  // namespace

void register_dscp_stats(Routes& r) {
  r["get/interface/dscp/stats.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = c.interface();
    if (!mi) return;
    InterfaceSnapshot s = snapshot_interface(*mi->iface);
    auto items = dscp_items(s.counters.dscp_packets);
    c.ok([&](Json& w) { write_label_values(w, items); });
  }};
  r["get/host/dscp/stats.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = nullptr;
    auto h = requested_host(c, mi);
    if (!h) return;
    bool recv = c.params.get_or("direction", "sent") == "recv";
    const DirectionDetail& d = recv ? h->host.detail.rcvd : h->host.detail.sent;
    auto items = dscp_items(d.dscp_packets);
    c.ok([&](Json& w) { write_label_values(w, items); });
  }};
}

}  // namespace wl
