#pragma once
// Per-direction counters of a flow. Everything here is additive, so a partial
// record is simply "now minus the last exported snapshot".
#include <cstdint>

namespace wl {

struct DirectionCounters {
  uint64_t packets = 0;
  uint64_t bytes = 0;          // frame length on the wire
  uint64_t payload_bytes = 0;  // L4 payload
  uint32_t fragments = 0;      // IP fragments (first and later)
  uint32_t retransmissions = 0;
  uint32_t out_of_order = 0;
  uint32_t lost = 0;           // sequence gaps never filled
  uint32_t zero_window = 0;    // segments advertising a zero window

  DirectionCounters operator-(const DirectionCounters& o) const {
    return {packets - o.packets, bytes - o.bytes, payload_bytes - o.payload_bytes,
            fragments - o.fragments, retransmissions - o.retransmissions,
            out_of_order - o.out_of_order, lost - o.lost, zero_window - o.zero_window};
  }
};

// Inter-arrival time statistics of one direction (whole flow, not deltas).
struct InterArrival {
  int64_t last_ts = -1;
  int64_t sum_us = 0;
  uint32_t min_us = 0, max_us = 0;  // saturate at ~71 minutes
  uint32_t samples = 0;

  void add(int64_t ts) {
    if (last_ts >= 0) {
      int64_t gap = ts - last_ts;
      uint32_t d = gap > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(gap);
      if (samples == 0 || d < min_us) min_us = d;
      if (d > max_us) max_us = d;
      sum_us += gap;
      ++samples;
    }
    last_ts = ts;
  }
  int64_t avg_us() const { return samples ? sum_us / samples : 0; }
};

}  // namespace wl
