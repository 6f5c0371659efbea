#pragma once
// Why a frame was not turned into a flow update. Every skipped frame is
// counted under exactly one reason.
#include <array>
#include <cstdint>
#include <string_view>

namespace wl {

enum class DecodeError : uint8_t {
  kNone = 0,
  kUnsupportedLinkType,   // link type we cannot parse at all
  kTruncatedLinkHeader,   // frame ends inside the L2 header
  kNonIp,                 // ARP, STP, LLC, ... (not an error, but not a flow)
  kBadIpVersion,          // first nibble is neither 4 nor 6
  kTruncatedIpHeader,     // frame ends inside the IP header
  kBadIpHeader,           // IHL < 5, total length shorter than the header, ...
  kIpLengthExceedsFrame,  // IP length claims more bytes than the (unsnapped) frame has
  kBadIpv6ExtensionHeader,// extension header chain runs past the packet
  kOrphanFragment,        // later fragment whose first fragment was never seen
  kCount
};

constexpr size_t kDecodeErrorCount = static_cast<size_t>(DecodeError::kCount);

// Stable snake_case names used in logs, the summary and the JSON outputs.
std::string_view decode_error_name(DecodeError e);

using DecodeErrorCounters = std::array<uint64_t, kDecodeErrorCount>;

}  // namespace wl
