#pragma once
// The `host` parameter: "ip" or "ip@vlan" (the @ form wins over `vlan`).
#include <optional>
#include <string>

#include "hosts/host.h"
#include "rest/params.h"

namespace wl {

std::optional<HostKey> host_param(const Params& p, const char* name = "host");
// "ip" or "ip@vlan" (vlan only when non-zero), and the DOM-safe form.
std::string host_key_text(const HostKey& k);
std::string dom_safe_key(const HostKey& k);

}  // namespace wl
