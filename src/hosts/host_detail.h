#pragma once
// The per-host detail ntopng's host page and REST API show: current
// throughput, packet sizes, TCP flags and health, DSCP classes. Counters are
// 32-bit to keep hosts small; they wrap after 4 G packets of one kind.
#include <array>
#include <cstdint>

#include "common/time.h"

namespace wl {

// Bytes and packets of the last complete second of packet time.
struct RateMeter {
  int64_t second = -1, prev_second = -1;
  uint64_t bytes = 0, prev_bytes = 0;
  uint32_t packets = 0, prev_packets = 0;

  void add(Micros ts, uint64_t b) {
    int64_t s = ts / kMicrosPerSecond;
    if (s != second) {
      prev_second = second;
      prev_bytes = bytes;
      prev_packets = packets;
      second = s;
      bytes = 0;
      packets = 0;
    }
    bytes += b;
    ++packets;
  }
  // Rates as of `now`: the last complete second, zero when it saw nothing.
  uint64_t bytes_per_second(Micros now) const { return pick(now, bytes, prev_bytes); }
  uint64_t packets_per_second(Micros now) const { return pick(now, packets, prev_packets); }

 private:
  uint64_t pick(Micros now, uint64_t cur, uint64_t prev) const {
    int64_t s = now / kMicrosPerSecond;
    if (second == s - 1) return cur;
    if (second == s && prev_second == s - 1) return prev;
    return 0;
  }
};

// ntopng's packet size classes.
constexpr size_t kSizeClasses = 10;
inline size_t size_class(uint32_t len) {
  static constexpr uint32_t kUpTo[] = {64, 128, 256, 512, 1024, 1518, 2500, 6500, 9000};
  for (size_t i = 0; i < 9; ++i)
    if (len <= kUpTo[i]) return i;
  return 9;
}

// DSCP precedence classes CS0..CS7, then LE (RFC 8622).
constexpr size_t kDscpClasses = 9;
inline size_t dscp_class(uint8_t dscp) { return dscp == 1 ? 8 : dscp >> 3; }

struct TcpHealth {
  uint32_t retransmissions = 0, out_of_order = 0, lost = 0;
};

struct DirectionDetail {
  std::array<uint32_t, kSizeClasses> sizes{};
  uint32_t syn = 0, synack = 0, finack = 0, rst = 0;
  TcpHealth tcp;
  std::array<uint32_t, kDscpClasses> dscp_packets{};
};

struct HostDetail {
  RateMeter rate;
  DirectionDetail sent, rcvd;
};

}  // namespace wl
