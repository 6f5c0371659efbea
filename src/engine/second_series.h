#pragma once
// Per-second packets and bytes on the interface clock, kept for the last ten
// minutes (the UI's live chart reads it later), with the peaks seen.
#include <algorithm>
#include <array>
#include <cstdint>

#include "common/time.h"

namespace wl {

struct SecondPoint {
  int64_t second = -1;
  uint64_t packets = 0, bytes = 0;
};

class SecondSeries {
 public:
  static constexpr size_t kSeconds = 600;

  void add(Micros ts, uint64_t bytes) {
    int64_t s = ts / kMicrosPerSecond;
    SecondPoint& p = points_[static_cast<size_t>(s) % kSeconds];
    if (p.second != s) {
      close(current_);
      p = SecondPoint{s, 0, 0};
      current_ = s;
    }
    p.packets++;
    p.bytes += bytes;
  }
  const SecondPoint* at(int64_t second) const {
    const SecondPoint& p = points_[static_cast<size_t>(second) % kSeconds];
    return p.second == second ? &p : nullptr;
  }
  uint64_t peak_pps() const { return std::max(peak_pps_, current_packets()); }
  uint64_t peak_bps() const { return std::max(peak_bps_, current_bytes() * 8); }

 private:
  void close(int64_t s) {
    if (const SecondPoint* p = s >= 0 ? at(s) : nullptr) {
      peak_pps_ = std::max(peak_pps_, p->packets);
      peak_bps_ = std::max(peak_bps_, p->bytes * 8);
    }
  }
  uint64_t current_packets() const { auto* p = current_ >= 0 ? at(current_) : nullptr; return p ? p->packets : 0; }
  uint64_t current_bytes() const { auto* p = current_ >= 0 ? at(current_) : nullptr; return p ? p->bytes : 0; }

  std::array<SecondPoint, kSeconds> points_{};
  int64_t current_ = -1;
  uint64_t peak_pps_ = 0, peak_bps_ = 0;
};

}  // namespace wl
