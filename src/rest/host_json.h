#pragma once
// A host as get/host/data.lua writes it: one flat object whose key names
// contain dots ("bytes.sent"), compat doc 6.13.
#include "query/host_query.h"
#include "rest/json.h"

namespace wl {

void write_host_fields(Json& w, const HostView& v, int ifid, const LocalNetworks& local);

}  // namespace wl
