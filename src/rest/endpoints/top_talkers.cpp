// GET /lua/pro/rest/v2/get/interface/top/{local,remote}/talkers.lua: the ten
// local (remote) hosts with the highest current throughput (compat doc 6.26).
#include "query/host_query.h"
#include "rest/host_param.h"
#include "rest/routes.h"

namespace wl {

namespace {
void talkers(RestCall& c, bool local) {
  const MonitoredInterface* mi = c.interface();
  if (!mi) return;
  HostQuery q;
  q.filter.allowed = c.allowed();
  q.filter.mode = local ? HostMode::kLocal : HostMode::kRemote;
  q.sort = HostSortKey::kThpt;
  q.ascending = false;
  q.limit = 10;
  HostPage page = query_hosts(*mi->iface, q);
  c.ok([&](Json& w) {
    w.StartArray();
    for (const auto& h : page.rows) {
      w.StartObject();
      kv(w, "name", h.name.empty() ? h.host.key.ip.to_string() : h.name);
      kv(w, "url", c.svc.prefix + "/lua/host_details.lua?host=" + host_key_text(h.host.key));
      kv(w, "throughput", static_cast<double>(h.bps));
      kv(w, "throughput_type", "bps");
      kv(w, "ip", h.host.key.ip.to_string());
      kv(w, "vlan", static_cast<unsigned>(h.host.key.vlan));
      w.EndObject();
    }
    w.EndArray();
  });
}
}  // namespace

void register_top_talkers(Routes& r) {
  r["pro/get/interface/top/local/talkers.lua"] = {[](RestCall& c) { talkers(c, true); }};
  r["pro/get/interface/top/remote/talkers.lua"] = {[](RestCall& c) { talkers(c, false); }};
}

}  // namespace wl
