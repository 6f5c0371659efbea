// GET get/host/find.lua (wirelens): the UI's search box — hosts whose IP, MAC
// or learned name contains `query`, exact matches and local hosts first.
#include "query/host_query.h"
#include "rest/host_param.h"
#include "rest/routes.h"

namespace wl {

void register_host_find(Routes& r) {
  r["get/host/find.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = c.interface();
    if (!mi) return;
    std::string text = c.params.get_or("query", "");
    if (text.size() > 256) return c.error(RestCode::kInvalidArguments, "query is longer than 256 characters");
    size_t limit = static_cast<size_t>(std::clamp<int64_t>(c.params.number("limit").value_or(10), 1, 100));
    auto found = search_hosts(*mi->iface, text, limit, c.allowed());
    c.ok([&](Json& w) {
      w.StartObject();
      jkey(w, "results");
      w.StartArray();
      for (const HostMatch& m : found) {
        w.StartObject();
        kv(w, "ip", m.key.ip.to_string());
        kv(w, "vlan", static_cast<unsigned>(m.key.vlan));
        kv(w, "host", host_key_text(m.key));
        kv(w, "name", m.name);
        kv(w, "mac", m.mac ? m.mac->to_string() : std::string());
        kv(w, "local", m.local);
        kv(w, "match", m.field);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    });
  }};
}

}  // namespace wl
