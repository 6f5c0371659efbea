// GET get/l4/protocol/consts.lua, get/l7/application/consts.lua and
// get/l7/category/consts.lua: the protocol and category tables (6.24).
#include <algorithm>
#include <strings.h>

#include "dpi/protocol_catalog.h"
#include "rest/routes.h"

namespace wl {

void register_protocol_consts(Routes& r) {
  r["get/l4/protocol/consts.lua"] = {[](RestCall& c) {
    static const std::tuple<const char*, const char*, int> kL4[] = {
        {"IP", "ip", 0}, {"ICMP", "icmp", 1}, {"IGMP", "igmp", 2}, {"TCP", "tcp", 6}, {"UDP", "udp", 17},
        {"IPv6", "ipv6", 41}, {"RSVP", "rsvp", 46}, {"GRE", "gre", 47}, {"ESP", "esp", 50},
        {"ICMPv6", "icmpv6", 58}, {"EIGRP", "eigrp", 88}, {"OSPF", "ospf", 89}, {"PIM", "pim", 103},
        {"VRRP", "vrrp", 112}, {"L2TP", "l2tp", 115}, {"SCTP", "sctp", 132}, {"HIP", "hip", 139},
        {"Other IP", "other ip", -1}};
    c.ok([&](Json& w) {
      w.StartArray();
      for (const auto& [name, other, id] : kL4) {
        w.StartObject();
        kv(w, "name", name);
        kv(w, "other", other);
        kv(w, "id", id);
        w.EndObject();
      }
      w.EndArray();
    });
  }};
  r["get/l7/application/consts.lua"] = {[](RestCall& c) {
    const ProtocolCatalog& cat = ProtocolCatalog::instance();
    c.ok([&](Json& w) {
      w.StartArray();
      for (const auto& p : cat.protocols()) {
        w.StartObject();
        kv(w, "name", p.name);
        kv(w, "appl_id", static_cast<unsigned>(p.id));
        kv(w, "cat_id", static_cast<unsigned>(p.category));
        w.EndObject();
      }
      w.EndArray();
    });
  }};
  r["get/l7/category/consts.lua"] = {[](RestCall& c) {
    const ProtocolCatalog& cat = ProtocolCatalog::instance();
    c.ok([&](Json& w) {
      w.StartArray();
      for (size_t id = 0; id < cat.categories().size(); ++id) {
        std::vector<const ProtocolInfo*> apps;
        for (const auto& p : cat.protocols())
          if (p.category == id) apps.push_back(&p);
        std::sort(apps.begin(), apps.end(), [](const ProtocolInfo* a, const ProtocolInfo* b) {
          return strcasecmp(a->name.c_str(), b->name.c_str()) < 0;
        });
        w.StartObject();
        kv(w, "name", cat.categories()[id]);
        kv(w, "cat_id", static_cast<unsigned>(id));
        jkey(w, "app_list");
        w.StartArray();
        for (const auto* p : apps) {
          w.StartObject();
          kv(w, "name", p->name);
          kv(w, "id", static_cast<unsigned>(p->id));
          w.EndObject();
        }
        w.EndArray();
        w.EndObject();
      }
      w.EndArray();
    });
  }};
}

}  // namespace wl
