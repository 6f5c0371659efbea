#pragma once
#include <cstdint>

namespace wl {
// Interface clock and packet timestamps, in microseconds since the epoch.
using Micros = int64_t;
constexpr Micros kMicrosPerSecond = 1'000'000;
inline constexpr Micros seconds(int64_t s) { return s * kMicrosPerSecond; }
}  // namespace wl
