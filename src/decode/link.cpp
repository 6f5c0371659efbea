// Link layers: Ethernet and its tags, MPLS, PPPoE, PPP, 802.11 data frames.
#include <algorithm>
#include <utility>

#include "decode/decoder_internal.h"

namespace wl::detail {

namespace {
constexpr int kMaxTags = 8;
constexpr int kMaxMplsLabels = 16;

DecodeError decode_mpls(Ctx& c, const uint8_t* p, uint32_t len) {
  for (int i = 0; i < kMaxMplsLabels; ++i) {
    if (len < 4) return DecodeError::kTruncatedLinkHeader;
    bool bottom = p[2] & 0x01;
    p += 4;
    len -= 4;
    if (bottom) {
      if (len < 1) return DecodeError::kTruncatedIpHeader;
      switch (p[0] >> 4) {
        case 4: return decode_ipv4(c, p, len);
        case 6: return decode_ipv6(c, p, len);
        default: return DecodeError::kNonIp;  // pseudowire or control word
      }
    }
  }
  return DecodeError::kNonIp;
}

// LLC/SNAP carrying an EtherType (AA AA 03 + 3-byte OUI + type).
DecodeError decode_llc(Ctx& c, const uint8_t* p, uint32_t len) {
  if (len >= 8 && p[0] == 0xAA && p[1] == 0xAA && p[2] == 0x03)
    return decode_ethertype(c, be16(p + 6), p + 8, len - 8);
  return DecodeError::kNonIp;
}
}  // namespace

DecodeError decode_ethertype(Ctx& c, uint16_t type, const uint8_t* p, uint32_t len) {
  for (int tags = 0;; ++tags) {
    switch (type) {
      case 0x0800: return decode_ipv4(c, p, len);
      case 0x86DD: return decode_ipv6(c, p, len);
      case 0x8100: case 0x88A8: case 0x9100:
        if (tags >= kMaxTags) return DecodeError::kNonIp;
        if (len < 4) return DecodeError::kTruncatedLinkHeader;
        c.out.vlan = be16(p) & 0x0FFF;  // innermost tag wins
        type = be16(p + 2);
        p += 4;
        len -= 4;
        continue;
      case 0x8847: case 0x8848: return decode_mpls(c, p, len);
      case 0x8864:  // PPPoE session: 6-byte header, then a PPP protocol field
        if (len < 6) return DecodeError::kTruncatedLinkHeader;
        return decode_ppp(c, p + 6, len - 6);
      default:
        return DecodeError::kNonIp;
    }
  }
}

DecodeError decode_ethernet(Ctx& c, const uint8_t* p, uint32_t len) {
  if (len < 14) return DecodeError::kTruncatedLinkHeader;
  if (!c.out.has_mac) {
    c.out.has_mac = true;
    std::copy(p, p + 6, c.out.dst_mac.bytes.begin());
    std::copy(p + 6, p + 12, c.out.src_mac.bytes.begin());
  }
  uint16_t type = be16(p + 12);
  if (type < 0x0600) return decode_llc(c, p + 14, len - 14);  // 802.3 length field
  return decode_ethertype(c, type, p + 14, len - 14);
}

// PPP: optional HDLC address/control (FF 03), then a 1- or 2-byte protocol.
DecodeError decode_ppp(Ctx& c, const uint8_t* p, uint32_t len) {
  if (len >= 2 && p[0] == 0xFF && p[1] == 0x03) {
    p += 2;
    len -= 2;
  }
  if (len < 1) return DecodeError::kTruncatedLinkHeader;
  uint16_t proto;
  if (p[0] & 0x01) {  // protocol field compression
    proto = p[0];
    p += 1;
    len -= 1;
  } else {
    if (len < 2) return DecodeError::kTruncatedLinkHeader;
    proto = be16(p);
    p += 2;
    len -= 2;
  }
  switch (proto) {
    case 0x0021: return decode_ipv4(c, p, len);
    case 0x0057: return decode_ipv6(c, p, len);
    case 0x0281: return decode_mpls(c, p, len);
    default: return DecodeError::kNonIp;
  }
}

// 802.11 data frame followed by LLC/SNAP (as CAPWAP and TZSP carry them).
DecodeError decode_ieee80211(Ctx& c, const uint8_t* p, uint32_t len) {
  if (len < 24) return DecodeError::kTruncatedLinkHeader;
  uint8_t fc0 = p[0], fc1 = p[1];
  auto is_data = [](uint8_t fc) { return ((fc >> 2) & 0x3) == 2; };
  // Some access points (Cisco's CAPWAP) send the frame control bytes swapped.
  if (!is_data(fc0) && is_data(fc1)) std::swap(fc0, fc1);
  if (!is_data(fc0)) return DecodeError::kNonIp;
  uint8_t subtype = fc0 >> 4;
  if (subtype & 0x4) return DecodeError::kNonIp;             // null data: no body
  if (fc1 & 0x40) return DecodeError::kNonIp;                // protected: encrypted body
  uint32_t hdr = 24;
  if ((fc1 & 0x03) == 0x03) hdr += 6;  // four-address (WDS) frame
  if (subtype & 0x8) {
    hdr += 2;                          // QoS control
    if (fc1 & 0x80) hdr += 4;          // HT control
  }
  if (len < hdr) return DecodeError::kTruncatedLinkHeader;
  return decode_llc(c, p + hdr, len - hdr);
}

}  // namespace wl::detail
