// Alert endpoints (compat doc 6.20-6.23). The alert engine comes with its own
// issue: until then no alert exists, and these answer correctly shaped empty
// results, with the same parameter checks and permissions as ntopng.
#include <ctime>

#include "rest/routes.h"

namespace wl {

namespace {

const char* kFamilies[] = {"host", "flow", "interface", "network", "system", "all", "mac", "user", "am_host"};

// Alert endpoints need the alerts capability; ifid -1 is the system interface.
bool alert_access(RestCall& c) {
  if (!c.may_see_alerts()) {
    c.error(RestCode::kNotGranted);
    return false;
  }
  if (c.params.number("ifid") == -1) return true;
  return c.interface() != nullptr;
}

void list(RestCall& c) {
  if (!alert_access(c)) return;
  if (c.params.get_or("format", "") == "txt") {
    c.res.status = 200;
    c.res.content_type = "text/csv";
    c.res.body = "tstamp|alert_id|severity|score|description\n";
    return;
  }
  bool engaged = c.params.get_or("status", "historical") == "engaged";
  auto draw = c.params.number("draw");
  c.ok(
      [&](Json& w) {
        w.StartObject();
        jkey(w, "records");
        w.StartArray();
        w.EndArray();
        jkey(w, "stats");
        if (engaged) {
          empty_map(w);
        } else {
          w.StartObject();
          kv(w, "query", "stored alerts: none (the alert store is not built yet)");
          kv(w, "query_duration_msec", 0);
          kv(w, "num_records_processed", 0);
          w.EndObject();
        }
        w.EndObject();
      },
      [&](Json& w) {
        kv(w, "recordsTotal", 0);
        kv(w, "recordsFiltered", 0);
        if (draw) kv(w, "draw", static_cast<long long>(*draw));
      });
}

void ts(RestCall& c) {
  if (!alert_access(c)) return;
  if (c.params.boolean("by_24h").value_or(false)) {
    if (!c.params.number("epoch_begin") || !c.params.number("epoch_end"))
      return c.error(RestCode::kInvalidArguments, "by_24h needs epoch_begin and epoch_end");
    return c.ok([](Json& w) { empty_map(w); });
  }
  int64_t end = c.params.number("epoch_end").value_or(static_cast<int64_t>(std::time(nullptr)));
  int64_t begin = c.params.number("epoch_begin").value_or(end - 3600);
  if (begin > end) return c.error(RestCode::kInvalidArguments, "epoch_begin is after epoch_end");
  int64_t slot = std::max<int64_t>(1, (end - begin) / 31);
  int64_t start = begin - begin % slot;
  c.ok([&](Json& w) {
    w.StartObject();
    jkey(w, "series");
    w.StartArray();
    w.StartObject();
    kv(w, "name", "No alerts");
    jkey(w, "data");
    w.StartArray();
    for (int64_t t = start; t <= end; t += slot) {
      w.StartArray();
      w.Int64(t * 1000);
      w.Int(0);
      w.EndArray();
    }
    w.EndArray();
    w.EndObject();
    w.EndArray();
    jkey(w, "colors");
    w.StartArray();
    w.String("#cccccc");
    w.EndArray();
    w.EndObject();
  });
}

void counters(RestCall& c) {
  if (!c.may_see_alerts()) return c.error(RestCode::kNotGranted);
  if (!c.interface()) return;
  c.ok([](Json& w) {
    w.StartArray();
    w.EndArray();
  });
}

}  // namespace

void register_alerts(Routes& r) {
  for (const char* f : kFamilies) {
    r[std::string("get/") + f + "/alert/list.lua"] = {list};
    r[std::string("get/") + f + "/alert/ts.lua"] = {ts};
  }
  r["get/alert/type/counters.lua"] = {counters};
  r["get/alert/severity/counters.lua"] = {counters};
  r["get/alert/severity/consts.lua"] = {[](RestCall& c) {
    static const std::pair<const char*, int> kSeverities[] = {
        {"none", 0}, {"debug", 1}, {"info", 2}, {"notice", 3}, {"warning", 4},
        {"error", 5}, {"critical", 6}, {"emergency", 8}};
    c.ok([](Json& w) {
      w.StartArray();
      for (const auto& [name, id] : kSeverities) {
        w.StartObject();
        kv(w, "severity", name);
        kv(w, "id", id);
        w.EndObject();
      }
      w.EndArray();
    });
  }};
  // No alert type is implemented yet: the list grows with the checks.
  r["get/alert/type/consts.lua"] = {[](RestCall& c) {
    c.ok([](Json& w) {
      w.StartArray();
      w.EndArray();
    });
  }};
}

}  // namespace wl
