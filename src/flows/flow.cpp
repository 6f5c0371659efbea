#include "flows/flow.h"

namespace wl {

const char* flow_end_reason_name(FlowEndReason r) {
  switch (r) {
    case FlowEndReason::kIdle: return "idle";
    case FlowEndReason::kTcpClosed: return "tcp_closed";
    case FlowEndReason::kNewSyn: return "new_syn";
    case FlowEndReason::kActiveTimeout: return "active_timeout";
    case FlowEndReason::kEvicted: return "evicted";
    case FlowEndReason::kEndOfInput: return "end_of_input";
  }
  return "";
}

void Throughput::add(Micros ts, uint64_t bytes) {
  int64_t s = ts / kMicrosPerSecond;
  if (s != second) {
    if (second >= 0) {
      last_bps = s == second + 1 ? bytes_this_second * 8 : 0;
      last_pps = s == second + 1 ? packets_this_second : 0;
      if (bytes_this_second * 8 > peak_bps) peak_bps = bytes_this_second * 8;
    }
    second = s;
    bytes_this_second = 0;
    packets_this_second = 0;
  }
  bytes_this_second += bytes;
  ++packets_this_second;
}

}  // namespace wl
