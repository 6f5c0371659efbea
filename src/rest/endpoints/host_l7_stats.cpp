// GET get/host/l7/stats.lua: a host's traffic per application, breed or
// category, collapsed at 3 % (compat doc 6.16).
#include <map>

#include "dpi/protocol_catalog.h"
#include "query/host_query.h"
#include "rest/host_param.h"
#include "rest/label_values.h"
#include "rest/routes.h"

namespace wl {

void register_host_l7_stats(Routes& r) {
  r["get/host/l7/stats.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = nullptr;
    auto h = requested_host(c, mi);
    if (!h) return;
    const ProtocolCatalog& cat = ProtocolCatalog::instance();
    bool breed = c.params.boolean("breed").value_or(false);
    bool by_cat = !breed && c.params.boolean("ndpi_category").value_or(false);
    std::vector<LabelValue> items;
    std::map<std::string, double> grouped;
    auto bytes = [](const L7Usage& u) { return static_cast<double>(u.traffic.bytes_sent + u.traffic.bytes_rcvd); };
    if (by_cat) {
      for (const auto& u : h->host.categories.items()) grouped[std::string(cat.category_name(u.id))] += bytes(u);
    } else {
      for (const auto& u : h->host.apps.items()) {
        if (breed) grouped[std::string(cat.breed(u.id))] += bytes(u);
        else items.push_back({std::string(cat.protocol_name(u.id)), bytes(u), {}, 0});
      }
    }
    for (auto& [label, v] : grouped) items.push_back({label, v, {}, 0});
    bool collapse = c.v1 || c.params.boolean("collapse_stats").value_or(true);
    if (collapse) items = collapse_small(std::move(items), 3.0, true);
    else sort_desc(items);
    c.ok([&](Json& w) { write_label_values(w, items); });
  }};
}

}  // namespace wl
