#pragma once
// The REST resources: each endpoints/*.cpp file registers its paths here.
// Keys are paths under /lua/rest/v2/ ("get/host/data.lua"); Pro paths are
// keyed "pro/" + the path under /lua/pro/rest/v2/; "version.lua" is
// /lua/rest/version.lua.
#include <functional>
#include <map>
#include <string>

#include "rest/rest_call.h"

namespace wl {

struct Route {
  std::function<void(RestCall&)> handler;
  bool admin_only = false;
};
using Routes = std::map<std::string, Route, std::less<>>;

void register_version(Routes& r);
void register_tokens(Routes& r);
void register_sessions(Routes& r);
void register_interfaces(Routes& r);
void register_interface_data(Routes& r);
void register_interface_address(Routes& r);
void register_interface_l7_stats(Routes& r);
void register_dscp_stats(Routes& r);
void register_interface_top_hosts(Routes& r);
void register_host_active(Routes& r);
void register_host_data(Routes& r);
void register_host_interfaces(Routes& r);
void register_host_custom_data(Routes& r);
void register_host_l7_stats(Routes& r);
void register_flow_active(Routes& r);
void register_flow_counters(Routes& r);
void register_flow_data(Routes& r);
void register_host_activity(Routes& r);
void register_host_find(Routes& r);
void register_alerts(Routes& r);
void register_protocol_consts(Routes& r);
void register_timeseries(Routes& r);
void register_top_talkers(Routes& r);
void register_users(Routes& r);

inline Routes all_routes() {
  Routes r;
  for (auto* reg : {register_version, register_tokens, register_sessions, register_interfaces,
                    register_interface_data, register_interface_address, register_interface_l7_stats,
                    register_dscp_stats, register_interface_top_hosts, register_host_active, register_host_data,
                    register_host_interfaces, register_host_custom_data, register_host_l7_stats,
                    register_flow_active, register_flow_counters, register_flow_data,
                    register_host_activity, register_host_find, register_alerts, register_protocol_consts,
                    register_timeseries, register_top_talkers, register_users})
    reg(r);
  return r;
}

}  // namespace wl
