#pragma once
// DecodedPackets made directly, for tests of the stages after decoding.
#include <string>

#include "common/ip_address.h"
#include "decode/packet.h"
#include "engine/batch.h"

namespace wl::test {

inline IpAddress ip(const std::string& s) { return *IpAddress::parse(s); }

inline DecodedPacket tcp_packet(const std::string& src, uint16_t sport, const std::string& dst, uint16_t dport,
                                uint8_t flags, uint32_t seq = 0, uint32_t ack = 0, uint32_t payload = 0,
                                uint16_t window = 1000) {
  DecodedPacket p;
  p.src = ip(src);
  p.dst = ip(dst);
  p.ip_version = p.src.version;
  p.l4_proto = 6;
  p.sport = sport;
  p.dport = dport;
  p.tcp_flags = flags;
  p.tcp_seq = seq;
  p.tcp_ack = ack;
  p.tcp_window = window;
  p.payload_len = payload;
  return p;
}

inline DecodedPacket udp_packet(const std::string& src, uint16_t sport, const std::string& dst, uint16_t dport,
                                uint32_t payload = 20) {
  DecodedPacket p;
  p.src = ip(src);
  p.dst = ip(dst);
  p.ip_version = p.src.version;
  p.l4_proto = 17;
  p.sport = sport;
  p.dport = dport;
  p.payload_len = payload;
  return p;
}

inline PacketRef at(const DecodedPacket& p, Micros ts, uint32_t wire_len = 100) { return PacketRef{p, ts, wire_len}; }

}  // namespace wl::test
