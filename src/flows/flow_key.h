#pragma once
// Direction-free flow key: both directions of a conversation map to one key.
#include <cstdint>

#include "common/hash.h"
#include "common/ip_address.h"
#include "decode/packet.h"

namespace wl {

struct FlowKey {
  IpAddress lo_ip, hi_ip;  // the (ip, port) pairs in ascending order
  uint16_t lo_port = 0, hi_port = 0;
  uint16_t vlan = 0;
  uint8_t proto = 0;

  friend bool operator==(const FlowKey&, const FlowKey&) = default;
};

// Builds the key of a decoded packet; src_is_lo tells which side sent it.
inline FlowKey make_flow_key(const IpAddress& src, uint16_t sport, const IpAddress& dst,
                             uint16_t dport, uint16_t vlan, uint8_t proto, bool& src_is_lo) {
  FlowKey k;
  k.vlan = vlan;
  k.proto = proto;
  auto c = src <=> dst;
  src_is_lo = c < 0 || (c == 0 && sport <= dport);
  if (src_is_lo) {
    k.lo_ip = src; k.lo_port = sport; k.hi_ip = dst; k.hi_port = dport;
  } else {
    k.lo_ip = dst; k.lo_port = dport; k.hi_ip = src; k.hi_port = sport;
  }
  return k;
}

inline FlowKey make_flow_key(const DecodedPacket& p, bool& src_is_lo) {
  return make_flow_key(p.src, p.sport, p.dst, p.dport, p.vlan, p.l4_proto, src_is_lo);
}

struct FlowKeyHash {
  uint64_t operator()(const FlowKey& k) const {
    uint64_t a, b, c, d;
    std::memcpy(&a, k.lo_ip.bytes.data(), 8);
    std::memcpy(&b, k.lo_ip.bytes.data() + 8, 8);
    std::memcpy(&c, k.hi_ip.bytes.data(), 8);
    std::memcpy(&d, k.hi_ip.bytes.data() + 8, 8);
    uint64_t e = static_cast<uint64_t>(k.lo_port) << 48 | static_cast<uint64_t>(k.hi_port) << 32 |
                 static_cast<uint64_t>(k.vlan) << 16 | static_cast<uint64_t>(k.proto) << 8 |
                 k.lo_ip.version;
    return mix64(mix64(mix64(mix64(a ^ 0x9e3779b97f4a7c15ULL) ^ b) ^ c) ^ d ^ e);
  }
};

// Symmetric hash of (VLAN, the two IP addresses): picks the shard, so both
// directions and every fragment of a datagram land in the same one.
inline uint64_t shard_hash(const IpAddress& x, const IpAddress& y, uint16_t vlan) {
  uint64_t hx = hash_bytes(x.bytes.data(), 16, x.version);
  uint64_t hy = hash_bytes(y.bytes.data(), 16, y.version);
  return mix64((hx ^ hy) + (hx & hy) * 3 + vlan);
}

}  // namespace wl
