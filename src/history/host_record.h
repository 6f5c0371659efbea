#pragma once
// One host as a JSON object (the --dump-hosts output), names in the same
// upper-case style as the flow record.
#include <string>

#include "dpi/l7_names.h"
#include "hosts/host.h"
#include "hosts/host_names.h"

namespace wl {

void append_host_record(std::string& out, const Host& h, int interface_id, const L7Names& names,
                        const std::vector<LearnedName>& learned);

}  // namespace wl
