#pragma once
// The `host` parameter: "ip" or "ip@vlan" (the @ form wins over `vlan`).
#include <optional>
#include <string>

#include "hosts/host.h"
#include "query/host_query.h"
#include "rest/params.h"
#include "rest/rest_call.h"

namespace wl {

std::optional<HostKey> host_param(const Params& p, const char* name = "host");
// "ip" or "ip@vlan" (vlan only when non-zero), and the DOM-safe form.
std::string host_key_text(const HostKey& k);
std::string dom_safe_key(const HostKey& k);

// The host named by `ifid` and `host` (+`vlan`) as the caller may see it; on
// failure the error (INVALID_INTERFACE, INVALID_ARGUMENTS, NOT_FOUND) is
// written and nothing returned. `mi` receives the interface.
std::optional<HostView> requested_host(RestCall& c, const MonitoredInterface*& mi);

}  // namespace wl
