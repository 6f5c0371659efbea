#pragma once
// The result of decoding one frame: everything later stages need, by value.
#include <cstdint>

#include "common/ip_address.h"

namespace wl {

enum class TunnelType : uint8_t { kNone = 0, kIpInIp, kGre, kErspan, kVxlan, kGtpU, kCapwap, kTzsp };
const char* tunnel_type_name(TunnelType t);

// Offsets are relative to the start of the captured frame.
struct DecodedPacket {
  // Innermost IP packet: the flow key is built from these.
  IpAddress src, dst;
  uint16_t vlan = 0;        // innermost 802.1Q/802.1ad tag, 0 when untagged
  uint8_t ip_version = 0;
  uint8_t l4_proto = 0;
  uint8_t dscp = 0;         // DiffServ code point of the innermost IP header
  uint16_t sport = 0, dport = 0;  // 0 for port-less protocols
  uint32_t l3_offset = 0, l3_len = 0;
  uint32_t l4_offset = 0, l4_len = 0;
  uint32_t payload_offset = 0, payload_len = 0;
  bool l4_header_short = false;  // TCP < 20 or UDP < 8 bytes: keyed with ports 0

  // TCP
  uint8_t tcp_flags = 0;
  uint16_t tcp_window = 0;
  uint32_t tcp_seq = 0, tcp_ack = 0;

  // ICMP / ICMPv6
  uint8_t icmp_type = 0, icmp_code = 0;

  // IP fragmentation (IPv4 or IPv6 fragment header)
  bool fragment = false;        // part of a fragmented datagram
  bool first_fragment = false;  // offset 0: carries the L4 header
  uint32_t frag_id = 0;
  uint8_t frag_proto = 0;       // protocol field that carries the fragment (IPv4 protocol,
                                // IPv6 fragment header's next header): identical in every fragment

  // Outermost tunnel, when the packet was decapsulated
  TunnelType tunnel = TunnelType::kNone;
  IpAddress tunnel_src, tunnel_dst;
  uint32_t tunnel_id = 0;  // GRE key, VXLAN VNI, GTP TEID

  // Outermost Ethernet header (the local L2)
  bool has_mac = false;
  MacAddress src_mac, dst_mac;
};

}  // namespace wl
