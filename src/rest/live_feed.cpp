#include "rest/live_feed.h"

#include <ctime>

#include "query/interface_query.h"

namespace wl {

namespace {
void refuse(HttpResponse& r, int status, const char* text) {
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = text;
}

}  // namespace

const MonitoredInterface* LiveFeed::find(const HttpRequest& req, const AuthResult& auth) const {
  std::string err;
  Params p = Params::from_request(req, err);
  auto id = p.number("ifid");
  if (!id) return nullptr;
  for (const auto& mi : svc_.interfaces)
    if (mi.ifid == *id) return interface_allowed(*auth.user, mi) ? &mi : nullptr;
  return nullptr;
}

bool LiveFeed::accept(const HttpRequest& req, HttpResponse& reject) {
  AuthResult auth = svc_.auth->authenticate(req);
  if (auth.kind != AuthResult::kOk || !auth.user) {
    refuse(reject, auth.kind == AuthResult::kRateLimited ? 429 : 401, "Authentication required.\n");
    return false;
  }
  if (auth.user->must_change_password) {
    refuse(reject, 403, "The default password must be changed first.\n");
    return false;
  }
  if (!find(req, auth)) {
    refuse(reject, 400, "Missing or invalid ifid.\n");
    return false;
  }
  return true;
}

std::string LiveFeed::tick(const HttpRequest& req) {
  // Authenticated again each time: a deleted user or ended session stops the feed.
  AuthResult auth = svc_.auth->authenticate(req);
  if (auth.kind != AuthResult::kOk || !auth.user) return {};
  const MonitoredInterface* mi = find(req, auth);
  if (!mi) return {};
  auto allowed = allowed_networks(*auth.user);
  InterfaceSnapshot s = snapshot_interface(*mi->iface, allowed.get());
  Rate rate = current_rate(s.live);
  JsonBuffer buf;
  Json w(buf);
  w.StartObject();
  kv(w, "ifid", mi->ifid);
  kv(w, "epoch", static_cast<long long>(std::time(nullptr)));
  kv(w, "clock", static_cast<long long>(s.live.clock / kMicrosPerSecond));
  kv(w, "throughput_bps", rate.bytes_per_s * 8);
  kv(w, "throughput_pps", rate.packets_per_s);
  kv(w, "packets", s.live.packets);
  kv(w, "bytes", s.live.bytes);
  kv(w, "drops", s.live.drops);
  if (!allowed) kv(w, "num_flows", s.num_flows);
  kv(w, "num_hosts", s.num_hosts);
  kv(w, "num_local_hosts", s.num_local_hosts);
  bool alerts = auth.user->role == Role::kAdmin || auth.user->allow_alerts;
  if (alerts) {
    kv(w, "alerted_flows", s.alerted_flows);
    kv(w, "engaged_alerts", 0);
  }
  kv(w, "is_loading", !s.live.finished && mi->iface->config().is_file);
  w.EndObject();
  return buf.GetString();
}

}  // namespace wl
