// GET get/interface/top/hosts.lua: the hosts with at least 5 % of all host
// traffic, at most 10, the rest as "Other" (compat doc 6.11).
#include "query/host_query.h"
#include "rest/host_param.h"
#include "rest/label_values.h"
#include "rest/routes.h"

namespace wl {

void register_interface_top_hosts(Routes& r) {
  r["get/interface/top/hosts.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = c.interface();
    if (!mi) return;
    HostQuery q;
    q.filter.allowed = c.allowed();
    q.sort = HostSortKey::kTraffic;
    q.ascending = false;
    HostPage all = query_hosts(*mi->iface, q);
    double total = 0;
    for (const auto& h : all.rows) total += static_cast<double>(h.host.traffic.bytes_sent + h.host.traffic.bytes_rcvd);
    std::vector<LabelValue> items;
    double other = 0;
    for (const auto& h : all.rows) {
      double bytes = static_cast<double>(h.host.traffic.bytes_sent + h.host.traffic.bytes_rcvd);
      bool big = total > 0 && bytes * 100.0 >= 5.0 * total;
      if (items.size() < 10 && (big || items.empty())) {
        std::string label = h.host.key.ip.is_broadcast() ? "Broadcast" : host_key_text(h.host.key);
        items.push_back({label, bytes, c.svc.prefix + "/lua/host_details.lua?host=" + host_key_text(h.host.key), -1});
      } else {
        other += bytes;
      }
    }
    if (!items.empty()) items.push_back({"Other", other, "#", -1});
    bool charts = c.params.boolean("new_charts").value_or(false);
    c.ok([&](Json& w) {
      if (charts) write_new_chart(w, items, "bytesToSize");
      else write_label_values(w, items);
    });
  }};
}

}  // namespace wl
