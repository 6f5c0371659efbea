#include "decode/decode_error.h"

namespace wl {

std::string_view decode_error_name(DecodeError e) {
  switch (e) {
    case DecodeError::kNone: return "none";
    case DecodeError::kUnsupportedLinkType: return "unsupported_link_type";
    case DecodeError::kTruncatedLinkHeader: return "truncated_link_header";
    case DecodeError::kNonIp: return "non_ip";
    case DecodeError::kBadIpVersion: return "bad_ip_version";
    case DecodeError::kTruncatedIpHeader: return "truncated_ip_header";
    case DecodeError::kBadIpHeader: return "bad_ip_header";
    case DecodeError::kIpLengthExceedsFrame: return "ip_length_exceeds_frame";
    case DecodeError::kBadIpv6ExtensionHeader: return "bad_ipv6_extension_header";
    case DecodeError::kOrphanFragment: return "orphan_fragment";
    case DecodeError::kCount: break;
  }
  return "unknown";
}

}  // namespace wl
