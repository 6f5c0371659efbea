// GET get/flow/l4/counters.lua and get/flow/l7/counters.lua: active flows
// per IP protocol and per application (compat doc 6.19).
#include <algorithm>

#include "dpi/protocol_catalog.h"
#include "query/flow_query.h"
#include "rest/routes.h"

namespace wl {

void register_flow_counters(Routes& r) {
  r["get/flow/l4/counters.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = c.interface();
    if (!mi) return;
    FlowFilter f;
    f.allowed = c.allowed();
    FlowCounts counts = count_flows(*mi->iface, f);
    c.ok([&](Json& w) {
      w.StartArray();
      for (const auto& [proto, n] : counts.by_l4) {
        w.StartObject();
        kv(w, "id", static_cast<unsigned>(proto));
        kv(w, "count", n);
        w.EndObject();
      }
      w.EndArray();
    });
  }};
  r["get/flow/l7/counters.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = c.interface();
    if (!mi) return;
    FlowFilter f;
    f.allowed = c.allowed();
    FlowCounts counts = count_flows(*mi->iface, f);
    std::vector<std::pair<std::string, uint64_t>> rows;
    for (const auto& [app, n] : counts.by_app)
      rows.emplace_back(std::string(ProtocolCatalog::instance().protocol_name(app)), n);
    std::sort(rows.begin(), rows.end());
    c.ok([&](Json& w) {
      w.StartArray();
      for (const auto& [name, n] : rows) {
        w.StartObject();
        kv(w, "name", name);
        kv(w, "count", n);
        w.EndObject();
      }
      w.EndArray();
    });
  }};
}

}  // namespace wl
