// GET get/host/interfaces.lua: the interfaces where a host is in memory.
#include "query/host_query.h"
#include "rest/host_param.h"
#include "rest/routes.h"

namespace wl {

void register_host_interfaces(Routes& r) {
  r["get/host/interfaces.lua"] = {[](RestCall& c) {
    auto key = host_param(c.params);
    if (!key) return c.error(RestCode::kInvalidArguments, "Missing or invalid host");
    std::vector<int> ids;
    for (const auto& mi : c.svc.interfaces)
      if (c.interface_allowed(mi) && find_host(*mi.iface, *key, c.allowed())) ids.push_back(mi.ifid);
    c.ok([&](Json& w) {
      w.StartObject();
      jkey(w, host_key_text(*key));
      w.StartArray();
      for (int id : ids) {
        w.StartObject();
        kv(w, "ifid", id);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    });
  }};
}

}  // namespace wl
