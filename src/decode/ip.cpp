// IPv4, IPv6 (with extension headers and fragments) and the transport headers.
#include "decode/decoder_internal.h"

namespace wl::detail {

namespace {
constexpr int kMaxIpv6ExtHeaders = 10;

// Fills the L4 fields of c.out; p/len span the transport header and payload.
DecodeError decode_l4(Ctx& c, uint8_t proto, const uint8_t* p, uint32_t len) {
  DecodedPacket& o = c.out;
  o.l4_proto = proto;
  o.l4_offset = c.offset_of(p);
  o.l4_len = len;
  switch (proto) {
    case 6: {  // TCP
      if (len < 20) {
        o.l4_header_short = true;  // keyed with ports 0, as nDPI's reader does
        return DecodeError::kNone;
      }
      o.sport = be16(p);
      o.dport = be16(p + 2);
      o.tcp_seq = be32(p + 4);
      o.tcp_ack = be32(p + 8);
      o.tcp_flags = p[13];
      o.tcp_window = be16(p + 14);
      uint32_t doff = (p[12] >> 4) * 4u;
      if (doff >= 20 && doff <= len) {
        o.payload_offset = o.l4_offset + doff;
        o.payload_len = len - doff;
      }
      return DecodeError::kNone;
    }
    case 17: {  // UDP
      if (len < 8) {
        o.l4_header_short = true;
        return DecodeError::kNone;
      }
      uint16_t sport = be16(p), dport = be16(p + 2);
      uint32_t udp_len = be16(p + 4);
      uint32_t body = (udp_len >= 8 && udp_len <= len) ? udp_len - 8 : len - 8;
      if (try_udp_tunnel(c, sport, dport, p + 8, body)) return DecodeError::kNone;
      o.sport = sport;
      o.dport = dport;
      o.payload_offset = o.l4_offset + 8;
      o.payload_len = body;
      return DecodeError::kNone;
    }
    case 132:  // SCTP: common header starts with the two ports
      if (len >= 4) {
        o.sport = be16(p);
        o.dport = be16(p + 2);
      }
      return DecodeError::kNone;
    case 1: case 58:  // ICMP, ICMPv6: port-less, all types in one flow
      if (len >= 2) {
        o.icmp_type = p[0];
        o.icmp_code = p[1];
      }
      return DecodeError::kNone;
    case 4: case 41:
      try_ip_in_ip(c, proto, p, len);
      return DecodeError::kNone;
    case 47:
      try_gre(c, p, len);
      return DecodeError::kNone;
    default:  // any other protocol: a port-less flow
      return DecodeError::kNone;
  }
}

void set_l3(Ctx& c, const uint8_t* p, uint32_t total, uint8_t version) {
  c.out.ip_version = version;
  c.out.l3_offset = c.offset_of(p);
  c.out.l3_len = total;
  c.out.sport = c.out.dport = 0;
  c.out.payload_offset = c.out.payload_len = 0;
  c.out.tcp_flags = 0;
  c.out.l4_header_short = false;
  c.out.fragment = c.out.first_fragment = false;
}

// Length of the packet as the IP header states it, checked against the capture.
DecodeError checked_total(const Ctx& c, uint32_t claimed, uint32_t available, uint32_t& total) {
  if (claimed <= available) {
    total = claimed;
    return DecodeError::kNone;
  }
  if (!c.snapped) return DecodeError::kIpLengthExceedsFrame;
  total = available;  // snapped capture: use what we have
  return DecodeError::kNone;
}
}  // namespace

DecodeError decode_ip(Ctx& c, const uint8_t* p, uint32_t len) {
  if (len < 1) return DecodeError::kTruncatedIpHeader;
  switch (p[0] >> 4) {
    case 4: return decode_ipv4(c, p, len);
    case 6: return decode_ipv6(c, p, len);
    default: return DecodeError::kBadIpVersion;
  }
}

DecodeError decode_ipv4(Ctx& c, const uint8_t* p, uint32_t len) {
  if (len < 20) return DecodeError::kTruncatedIpHeader;
  if ((p[0] >> 4) != 4) return DecodeError::kBadIpVersion;
  uint32_t ihl = (p[0] & 0x0F) * 4u;
  if (ihl < 20) return DecodeError::kBadIpHeader;
  if (len < ihl) return DecodeError::kTruncatedIpHeader;
  uint32_t claimed = be16(p + 2);
  if (claimed == 0) claimed = len;  // TSO-offloaded capture: length not filled in
  if (claimed < ihl) return DecodeError::kBadIpHeader;
  uint32_t total;
  if (auto e = checked_total(c, claimed, len, total); e != DecodeError::kNone) return e;

  set_l3(c, p, total, 4);
  c.out.dscp = p[1] >> 2;
  c.out.src = IpAddress::v4(p + 12);
  c.out.dst = IpAddress::v4(p + 16);
  c.out.l4_proto = p[9];
  uint16_t frag = be16(p + 6);
  uint32_t frag_offset = (frag & 0x1FFF) * 8u;
  bool more = frag & 0x2000;
  if (frag_offset != 0 || more) {
    c.out.fragment = true;
    c.out.first_fragment = frag_offset == 0;
    c.out.frag_id = be16(p + 4);
    c.out.frag_proto = p[9];
    if (!c.out.first_fragment) {
      c.out.l4_offset = c.offset_of(p + ihl);
      c.out.l4_len = total - ihl;
      return DecodeError::kNone;  // no transport header here: the shard finds the ports
    }
  }
  return decode_l4(c, p[9], p + ihl, total - ihl);
}

DecodeError decode_ipv6(Ctx& c, const uint8_t* p, uint32_t len) {
  if (len < 40) return DecodeError::kTruncatedIpHeader;
  if ((p[0] >> 4) != 6) return DecodeError::kBadIpVersion;
  uint32_t payload = be16(p + 4);
  uint32_t claimed = payload == 0 ? len : 40 + payload;  // 0: jumbogram or TSO
  uint32_t total;
  if (auto e = checked_total(c, claimed, len, total); e != DecodeError::kNone) return e;

  set_l3(c, p, total, 6);
  c.out.dscp = static_cast<uint8_t>(((p[0] & 0x0F) << 2) | (p[1] >> 6));  // traffic class, upper 6 bits
  c.out.src = IpAddress::v6(p + 8);
  c.out.dst = IpAddress::v6(p + 24);
  uint8_t next = p[6];
  uint32_t off = 40;
  for (int i = 0; i < kMaxIpv6ExtHeaders; ++i) {
    switch (next) {
      case 0: case 43: case 60: case 135: case 139: case 140: {  // hop-by-hop, routing, dest, mobility, HIP, shim6
        if (off + 2 > total) return DecodeError::kBadIpv6ExtensionHeader;
        uint32_t hl = (p[off + 1] + 1u) * 8u;
        next = p[off];
        off += hl;
        if (off > total) return DecodeError::kBadIpv6ExtensionHeader;
        continue;
      }
      case 51: {  // AH: length in 4-byte units, minus 2
        if (off + 2 > total) return DecodeError::kBadIpv6ExtensionHeader;
        uint32_t hl = (p[off + 1] + 2u) * 4u;
        next = p[off];
        off += hl;
        if (off > total) return DecodeError::kBadIpv6ExtensionHeader;
        continue;
      }
      case 44: {  // fragment header
        if (off + 8 > total) return DecodeError::kBadIpv6ExtensionHeader;
        uint16_t fo = be16(p + off + 2);
        c.out.fragment = true;
        c.out.first_fragment = (fo & 0xFFF8) == 0;
        c.out.frag_id = be32(p + off + 4);
        next = p[off];
        c.out.frag_proto = next;
        off += 8;
        if (!c.out.first_fragment) {
          c.out.l4_proto = next;
          c.out.l4_offset = c.offset_of(p + off);
          c.out.l4_len = total - off;
          return DecodeError::kNone;
        }
        continue;
      }
      default:
        break;
    }
    break;
  }
  // 59 ("no next header") falls through to a port-less flow like any other protocol.
  return decode_l4(c, next, p + off, total - off);
}

}  // namespace wl::detail
