#pragma once
// Shared by the decode/*.cpp files only: the decoding context and the entry
// points of each layer, so that tunnels can re-enter the link and IP layers.
#include <cstdint>

#include "decode/decode_error.h"
#include "decode/packet.h"

namespace wl::detail {

constexpr int kMaxTunnelDepth = 4;

struct Ctx {
  const uint8_t* frame;
  bool snapped;  // caplen < wire length
  int depth = 0; // tunnels entered so far
  DecodedPacket& out;

  uint32_t offset_of(const uint8_t* p) const { return static_cast<uint32_t>(p - frame); }
};

inline uint16_t be16(const uint8_t* p) { return static_cast<uint16_t>(p[0] << 8 | p[1]); }
inline uint32_t be32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16 |
         static_cast<uint32_t>(p[2]) << 8 | p[3];
}

// Link layer (link.cpp)
DecodeError decode_ethernet(Ctx& c, const uint8_t* p, uint32_t len);
DecodeError decode_ethertype(Ctx& c, uint16_t type, const uint8_t* p, uint32_t len);
DecodeError decode_ppp(Ctx& c, const uint8_t* p, uint32_t len);
DecodeError decode_ieee80211(Ctx& c, const uint8_t* p, uint32_t len);

// Network and transport (ip.cpp)
DecodeError decode_ip(Ctx& c, const uint8_t* p, uint32_t len);  // by version nibble
DecodeError decode_ipv4(Ctx& c, const uint8_t* p, uint32_t len);
DecodeError decode_ipv6(Ctx& c, const uint8_t* p, uint32_t len);

// Tunnels (tunnels.cpp). Each returns true when the inner packet was decoded
// into c.out; on false c.out is unchanged and the outer packet stands.
bool try_gre(Ctx& c, const uint8_t* p, uint32_t len);
bool try_udp_tunnel(Ctx& c, uint16_t sport, uint16_t dport, const uint8_t* p, uint32_t len);
bool try_ip_in_ip(Ctx& c, uint8_t proto, const uint8_t* p, uint32_t len);

}  // namespace wl::detail
