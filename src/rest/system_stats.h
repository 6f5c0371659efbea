#pragma once
// Host system figures for interface/data.lua (/proc), and ntopng's time strings.
#include <cstdint>
#include <string>

#include "rest/json.h"

namespace wl {

// {cpu_load, mem_*, cpu_states...} as ntopng's system_host_stats.
void write_system_host_stats(Json& w);
// "2 days, 03:04:05", "05:10", "00:42 sec"
std::string uptime_text(int64_t seconds);
// "16:26:40 +0200"
std::string local_time_text(int64_t epoch);

}  // namespace wl
