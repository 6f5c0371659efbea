#include "decode/decode.h"

#include "decode/decoder_internal.h"

namespace wl {

using namespace detail;

const char* tunnel_type_name(TunnelType t) {
  switch (t) {
    case TunnelType::kNone: return "";
    case TunnelType::kIpInIp: return "IP-in-IP";
    case TunnelType::kGre: return "GRE";
    case TunnelType::kErspan: return "ERSPAN";
    case TunnelType::kVxlan: return "VXLAN";
    case TunnelType::kGtpU: return "GTP";
    case TunnelType::kCapwap: return "CAPWAP";
    case TunnelType::kTzsp: return "TZSP";
  }
  return "";
}

bool is_supported_linktype(int linktype) {
  switch (linktype) {
    case dlt::kNull: case dlt::kEthernet: case dlt::kPpp: case dlt::kRaw: case dlt::kRawOpenBsd:
    case dlt::kPppSerial: case dlt::kPppEther: case dlt::kLinktypeRaw: case dlt::kCiscoHdlc:
    case dlt::kLoop: case dlt::kLinuxSll: case dlt::kIpv4: case dlt::kIpv6: case dlt::kLinuxSll2:
      return true;
    default:
      return false;
  }
}

// BSD loopback: a 4-byte address family, in host order (DLT_NULL) or network
// order (DLT_LOOP); capture files may come from either endianness.
static DecodeError decode_null(Ctx& c, const uint8_t* p, uint32_t len, bool network_order) {
  if (len < 4) return DecodeError::kTruncatedLinkHeader;
  uint32_t le = p[0] | p[1] << 8 | p[2] << 16 | static_cast<uint32_t>(p[3]) << 24;
  uint32_t be = be32(p);
  uint32_t family = network_order ? be : (le < 256 ? le : be);
  switch (family) {
    case 2: return decode_ipv4(c, p + 4, len - 4);
    case 24: case 28: case 30: return decode_ipv6(c, p + 4, len - 4);  // BSD variants of AF_INET6
    default: return DecodeError::kNonIp;
  }
}

DecodeError decode_frame(const uint8_t* frame, uint32_t caplen, uint32_t wire_len, int linktype,
                         DecodedPacket& out) {
  out = DecodedPacket{};
  Ctx c{frame, caplen < wire_len, 0, out};
  const uint8_t* p = frame;
  uint32_t len = caplen;
  switch (linktype) {
    case dlt::kEthernet:
      return decode_ethernet(c, p, len);
    case dlt::kNull:
      return decode_null(c, p, len, false);
    case dlt::kLoop:
      return decode_null(c, p, len, true);
    case dlt::kRaw: case dlt::kRawOpenBsd: case dlt::kLinktypeRaw:
      return decode_ip(c, p, len);
    case dlt::kIpv4:
      return decode_ipv4(c, p, len);
    case dlt::kIpv6:
      return decode_ipv6(c, p, len);
    case dlt::kLinuxSll:
      if (len < 16) return DecodeError::kTruncatedLinkHeader;
      return decode_ethertype(c, be16(p + 14), p + 16, len - 16);
    case dlt::kLinuxSll2:
      if (len < 20) return DecodeError::kTruncatedLinkHeader;
      return decode_ethertype(c, be16(p), p + 20, len - 20);
    case dlt::kPpp: case dlt::kPppSerial:
      return decode_ppp(c, p, len);
    case dlt::kPppEther:
      if (len < 6) return DecodeError::kTruncatedLinkHeader;
      return decode_ppp(c, p + 6, len - 6);
    case dlt::kCiscoHdlc:
      if (len < 4) return DecodeError::kTruncatedLinkHeader;
      return decode_ethertype(c, be16(p + 2), p + 4, len - 4);
    default:
      return DecodeError::kUnsupportedLinkType;
  }
}

}  // namespace wl
