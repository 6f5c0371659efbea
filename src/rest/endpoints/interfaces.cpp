// GET get/ntopng/interfaces.lua: the monitored interfaces the caller may see.
#include "rest/routes.h"

namespace wl {

void register_interfaces(Routes& r) {
  r["get/ntopng/interfaces.lua"] = {[](RestCall& c) {
    c.ok([&](Json& w) {
      w.StartArray();
      for (const auto& mi : c.svc.interfaces) {
        if (!c.interface_allowed(mi)) continue;
        w.StartObject();
        kv(w, "ifid", mi.ifid);
        kv(w, "ifname", mi.ifname);
        if (!c.v1) kv(w, "name", mi.name);
        w.EndObject();
      }
      w.EndArray();
    });
  }};
}

}  // namespace wl
