#pragma once
#include <cstdint>

namespace wl {

// Packets and bytes a host sent and received.
struct TrafficCounters {
  uint64_t packets_sent = 0, packets_rcvd = 0, bytes_sent = 0, bytes_rcvd = 0;
};

}  // namespace wl
