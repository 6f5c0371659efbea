// GET get/host/custom_data.lua: chosen fields of host/data.lua, for one host
// or every host (Checkmk's host inventory reads field_alias=ip,vlan).
#include <rapidjson/document.h>

#include "query/host_query.h"
#include "rest/host_json.h"
#include "rest/host_param.h"
#include "rest/routes.h"

namespace wl {

namespace {

struct Alias {
  std::string field, alias;
};

std::vector<Alias> parse_aliases(const std::string& spec) {
  std::vector<Alias> out;
  size_t start = 0;
  while (start <= spec.size()) {
    size_t end = spec.find(',', start);
    std::string item = spec.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!item.empty()) {
      size_t eq = item.find('=');
      out.push_back(eq == std::string::npos ? Alias{item, item} : Alias{item.substr(0, eq), item.substr(eq + 1)});
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// Writes the selected fields of one host (all of them without aliases).
void write_selected(Json& w, const HostView& v, const MonitoredInterface& mi, const std::vector<Alias>* aliases) {
  JsonBuffer buf;
  Json tmp(buf);
  tmp.StartObject();
  write_host_fields(tmp, v, mi.ifid, mi.iface->local_networks());
  tmp.EndObject();
  rapidjson::Document d;
  d.Parse(buf.GetString());
  w.StartObject();
  for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it) {
    std::string name(it->name.GetString(), it->name.GetStringLength());
    const Alias* a = nullptr;
    if (aliases) {
      for (const auto& x : *aliases)
        if (x.field == name) a = &x;
      if (!a) continue;
    }
    jkey(w, a ? a->alias : name);
    it->value.Accept(w);
  }
  w.EndObject();
}

}  // namespace

void register_host_custom_data(Routes& r) {
  r["get/host/custom_data.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = c.interface();
    if (!mi) return;
    std::vector<Alias> aliases;
    bool selected = c.params.has("field_alias");
    if (selected) {
      aliases = parse_aliases(c.params.get_or("field_alias", ""));
      if (aliases.empty()) return c.error(RestCode::kInvalidArguments, "field_alias is empty");
    }
    if (c.params.has("host")) {
      auto key = host_param(c.params);
      if (!key) return c.error(RestCode::kInvalidArguments, "Invalid host");
      auto h = find_host(*mi->iface, *key, c.allowed());
      if (!h) return c.error(RestCode::kNotFound, "Host not found");
      return c.ok([&](Json& w) { write_selected(w, *h, *mi, selected ? &aliases : nullptr); });
    }
    HostQuery q;
    q.filter.allowed = c.allowed();
    HostPage all = query_hosts(*mi->iface, q);
    c.ok([&](Json& w) {
      w.StartArray();
      for (const auto& h : all.rows) write_selected(w, h, *mi, selected ? &aliases : nullptr);
      w.EndArray();
    });
  }};
}

}  // namespace wl
