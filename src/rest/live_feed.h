#pragma once
// The WebSocket feed of live interface numbers (GET <prefix>/ws/live?ifid=N):
// once a second, the figures the UI's top bar shows. Same authentication as
// the REST API (session cookie, token or Basic).
#include <string>

#include "rest/rest_call.h"

namespace wl {

class LiveFeed {
 public:
  explicit LiveFeed(RestServices& svc) : svc_(svc) {}
  // Decides on the upgrade; fills `reject` when refused.
  bool accept(const HttpRequest& req, HttpResponse& reject);
  // One JSON message: {"ifid", "epoch", "throughput_bps", "throughput_pps",
  // "packets", "bytes", "drops", "num_flows", "num_hosts", "num_local_hosts",
  // "alerted_flows", "engaged_alerts"}.
  std::string tick(const HttpRequest& req);

 private:
  const MonitoredInterface* find(const HttpRequest& req, const AuthResult& auth) const;
  RestServices& svc_;
};

}  // namespace wl
