// GET get/interface/l7/stats.lua: active flows (count) or bytes since start
// (sinceStartup) per application, breed or category (compat doc 6.9).
#include <map>

#include "dpi/protocol_catalog.h"
#include "query/flow_query.h"
#include "query/interface_query.h"
#include "rest/label_values.h"
#include "rest/routes.h"

namespace wl {

namespace {

std::vector<LabelValue> count_mode(RestCall& c, Interface& iface) {
  const ProtocolCatalog& cat = ProtocolCatalog::instance();
  FlowFilter f;
  f.allowed = c.allowed();
  FlowCounts counts = count_flows(iface, f);
  std::vector<LabelValue> items;
  if (counts.total == 0) return {{"No flows", 0, {}, -1}};
  for (const auto& [app, n] : counts.by_app) {
    std::string name(cat.protocol_name(app));
    items.push_back({name, static_cast<double>(n), c.svc.prefix + "/lua/flows_stats.lua?application=" + name, -1});
  }
  sort_desc(items);
  int64_t max_values = c.params.number("max_values").value_or(5);
  bool all_values = c.params.boolean("all_values").value_or(false);
  std::vector<LabelValue> out;
  double other = 0;
  for (auto& i : items) {
    bool room = all_values || static_cast<int64_t>(out.size()) < max_values;
    if (room && i.value * 100.0 > 3.0 * static_cast<double>(counts.total)) out.push_back(std::move(i));
    else other += i.value;
  }
  if (other > 0) out.push_back({"Other", other, {}, -1});
  return out;
}

std::vector<LabelValue> since_startup(RestCall& c, Interface& iface) {
  const ProtocolCatalog& cat = ProtocolCatalog::instance();
  InterfaceSnapshot s = snapshot_interface(iface);
  bool breed = c.params.boolean("breed").value_or(false);
  bool by_category = !breed && c.params.boolean("ndpi_category").value_or(false);
  std::map<std::string, double> grouped;
  std::vector<LabelValue> items;
  if (by_category) {
    const auto& cats = s.l7.categories();
    for (size_t id = 0; id < cats.size(); ++id)
      if (cats[id].bytes) grouped[std::string(cat.category_name(static_cast<uint16_t>(id)))] += static_cast<double>(cats[id].bytes);
  } else {
    const auto& apps = s.l7.apps();
    for (size_t id = 0; id < apps.size(); ++id) {
      if (!apps[id].bytes) continue;
      auto pid = static_cast<uint16_t>(id);
      if (breed) {
        grouped[std::string(cat.breed(pid))] += static_cast<double>(apps[id].bytes);
      } else {
        std::string name(cat.protocol_name(pid));
        items.push_back({name, static_cast<double>(apps[id].bytes), c.svc.prefix + "/lua/flows_stats.lua?application=" + name, -1});
      }
    }
  }
  for (auto& [label, v] : grouped) items.push_back({label, v, {}, -1});
  if (c.params.boolean("collapse_stats").value_or(true)) return collapse_small(std::move(items), 3.0, false);
  sort_desc(items);
  return items;
}

}  // namespace

void register_interface_l7_stats(Routes& r) {
  r["get/interface/l7/stats.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = c.interface();
    if (!mi) return;
    std::string mode = c.params.get_or("ndpistats_mode", "");
    if (mode != "count" && mode != "sinceStartup")
      return c.error(RestCode::kInvalidArguments, "ndpistats_mode must be 'count' or 'sinceStartup'");
    bool count = mode == "count";
    std::vector<LabelValue> items = count ? count_mode(c, *mi->iface) : since_startup(c, *mi->iface);
    bool charts = c.params.boolean("new_charts").value_or(false);
    c.ok([&](Json& w) {
      if (charts) write_new_chart(w, items, count ? "formatValue" : "bytesToSize");
      else write_label_values(w, items);
    });
  }};
}

}  // namespace wl
