// GET /lua/rest/version.lua and connect/test.lua: what Checkmk and the Python
// client call first.
#include "rest/routes.h"

namespace wl {

void register_version(Routes& r) {
  r["version.lua"] = {[](RestCall& c) {
    c.ok([&](Json& w) {
      w.StartObject();
      kv(w, "current_version", "2");
      jkey(w, "supported_versions");
      w.StartArray();
      for (const char* v : {"1", "2"}) {
        w.StartObject();
        kv(w, "version", v);
        kv(w, "root", c.svc.prefix + "/lua/rest/v" + v);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    });
  }};
  r["connect/test.lua"] = {[](RestCall& c) { c.ok([](Json& w) { empty_map(w); }); }};
}

}  // namespace wl
