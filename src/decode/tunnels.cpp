// Tunnels: the flow is keyed on the inner packet, the outermost tunnel is kept
// as information. When the inner packet cannot be decoded, the outer packet
// stands as an ordinary flow (nothing is lost).
#include "decode/decoder_internal.h"

namespace wl::detail {

namespace {
constexpr uint16_t kGtpUPort = 2152;
constexpr uint16_t kVxlanPort = 4789;
constexpr uint16_t kCapwapDataPort = 5247;
constexpr uint16_t kTzspPort = 37008;

template <typename Inner>
bool enter_tunnel(Ctx& c, TunnelType type, uint32_t id, Inner&& inner) {
  if (c.depth >= kMaxTunnelDepth) return false;
  DecodedPacket saved = c.out;
  if (c.out.tunnel == TunnelType::kNone) {
    c.out.tunnel = type;
    c.out.tunnel_src = c.out.src;
    c.out.tunnel_dst = c.out.dst;
    c.out.tunnel_id = id;
  }
  ++c.depth;
  DecodeError e = inner();
  --c.depth;
  if (e == DecodeError::kNone && c.out.ip_version != 0 &&
      (c.out.l3_offset != saved.l3_offset)) {
    return true;
  }
  c.out = saved;
  return false;
}

bool try_gtp(Ctx& c, const uint8_t* p, uint32_t len) {
  if (len < 8) return false;
  uint8_t flags = p[0];
  if ((flags >> 5) != 1 || !(flags & 0x10) || p[1] != 0xFF) return false;  // GTPv1 G-PDU only
  uint32_t teid = be32(p + 4);
  uint32_t off = 8;
  if (flags & 0x07) {
    if (len < 12) return false;
    uint8_t next_ext = (flags & 0x04) ? p[11] : 0;
    off = 12;
    for (int i = 0; next_ext != 0 && i < 8; ++i) {
      if (off >= len || p[off] == 0) return false;
      off += p[off] * 4u;
      if (off > len) return false;
      next_ext = p[off - 1];
    }
    if (next_ext != 0) return false;
  }
  if (off >= len) return false;
  return enter_tunnel(c, TunnelType::kGtpU, teid, [&] { return decode_ip(c, p + off, len - off); });
}

bool try_vxlan(Ctx& c, const uint8_t* p, uint32_t len) {
  if (len < 8 || !(p[0] & 0x08)) return false;
  uint32_t vni = be32(p + 4) >> 8;
  return enter_tunnel(c, TunnelType::kVxlan, vni, [&] { return decode_ethernet(c, p + 8, len - 8); });
}

// CAPWAP data channel (RFC 5415): preamble, then HLEN/RID/WBID/T/F/L/W/M/K.
bool try_capwap(Ctx& c, const uint8_t* p, uint32_t len) {
  if (len < 8 || p[0] != 0) return false;  // version 0, type 0 (not DTLS)
  uint32_t hlen = (p[1] >> 3) * 4u;
  uint8_t wbid = (p[2] >> 1) & 0x1F;
  bool native = p[2] & 0x01;
  bool keepalive = (p[3] >> 3) & 0x01;
  bool fragmented = (p[3] >> 7) & 0x01;
  if (keepalive || fragmented || hlen < 8 || hlen >= len) return false;
  const uint8_t* body = p + hlen;
  uint32_t blen = len - hlen;
  if (native && wbid == 1)
    return enter_tunnel(c, TunnelType::kCapwap, 0, [&] { return decode_ieee80211(c, body, blen); });
  if (!native)
    return enter_tunnel(c, TunnelType::kCapwap, 0, [&] { return decode_ethernet(c, body, blen); });
  return false;
}

// TZSP: version, type, encapsulation, then tagged fields up to the END tag.
bool try_tzsp(Ctx& c, const uint8_t* p, uint32_t len) {
  if (len < 5 || p[0] != 1) return false;
  uint16_t encap = be16(p + 2);
  uint32_t off = 4;
  for (;;) {
    if (off >= len) return false;
    uint8_t tag = p[off];
    if (tag == 1) { ++off; break; }  // END
    if (tag == 0) { ++off; continue; }  // padding
    if (off + 2 > len) return false;
    off += 2u + p[off + 1];
  }
  if (off >= len) return false;
  const uint8_t* body = p + off;
  uint32_t blen = len - off;
  if (encap == 1)
    return enter_tunnel(c, TunnelType::kTzsp, 0, [&] { return decode_ethernet(c, body, blen); });
  if (encap == 18)
    return enter_tunnel(c, TunnelType::kTzsp, 0, [&] { return decode_ieee80211(c, body, blen); });
  return false;
}
}  // namespace

bool try_udp_tunnel(Ctx& c, uint16_t sport, uint16_t dport, const uint8_t* p, uint32_t len) {
  auto either = [&](uint16_t port) { return sport == port || dport == port; };
  if (either(kGtpUPort)) return try_gtp(c, p, len);
  if (either(kVxlanPort)) return try_vxlan(c, p, len);
  if (either(kCapwapDataPort)) return try_capwap(c, p, len);
  if (either(kTzspPort)) return try_tzsp(c, p, len);
  return false;
}

bool try_ip_in_ip(Ctx& c, uint8_t proto, const uint8_t* p, uint32_t len) {
  return enter_tunnel(c, TunnelType::kIpInIp, 0, [&] {
    return proto == 4 ? decode_ipv4(c, p, len) : decode_ipv6(c, p, len);
  });
}

// GRE (RFC 2784/2890) and enhanced GRE (PPTP, version 1).
bool try_gre(Ctx& c, const uint8_t* p, uint32_t len) {
  if (len < 4) return false;
  uint16_t flags = be16(p);
  uint16_t proto = be16(p + 2);
  uint32_t off = 4, key = 0;
  uint8_t version = flags & 0x7;
  if (version == 0) {
    if (flags & 0xC000) off += 4;  // checksum (+ offset) present
    if (flags & 0x2000) {
      if (len < off + 4) return false;
      key = be32(p + off);
      off += 4;
    }
    if (flags & 0x1000) off += 4;  // sequence number
  } else if (version == 1) {
    if (!(flags & 0x2000)) return false;
    off += 4;                      // payload length + call id
    if (flags & 0x1000) off += 4;  // sequence number
    if (flags & 0x0080) off += 4;  // acknowledgment number
  } else {
    return false;
  }
  if (off > len) return false;
  const uint8_t* body = p + off;
  uint32_t blen = len - off;
  switch (proto) {
    case 0x0800: case 0x86DD:
      return enter_tunnel(c, TunnelType::kGre, key, [&] { return decode_ethertype(c, proto, body, blen); });
    case 0x6558:  // transparent Ethernet bridging
      return enter_tunnel(c, TunnelType::kGre, key, [&] { return decode_ethernet(c, body, blen); });
    case 0x880B:  // PPP
      return enter_tunnel(c, TunnelType::kGre, key, [&] { return decode_ppp(c, body, blen); });
    case 0x8847: case 0x8848:
      return enter_tunnel(c, TunnelType::kGre, key, [&] { return decode_ethertype(c, proto, body, blen); });
    case 0x88BE: {  // ERSPAN type II has a sequence number and an 8-byte header; type I has neither
      uint32_t skip = (flags & 0x1000) ? 8 : 0;
      if (blen < skip) return false;
      return enter_tunnel(c, TunnelType::kErspan, key,
                          [&] { return decode_ethernet(c, body + skip, blen - skip); });
    }
    case 0x22EB: {  // ERSPAN type III: 12-byte header, optional 8-byte platform sub-header
      if (blen < 12) return false;
      uint32_t skip = 12 + ((body[11] & 0x01) ? 8 : 0);
      if (blen < skip) return false;
      return enter_tunnel(c, TunnelType::kErspan, key,
                          [&] { return decode_ethernet(c, body + skip, blen - skip); });
    }
    default:
      return false;
  }
}

}  // namespace wl::detail
