#pragma once
// Hand-built frames for unit tests. Every builder returns one layer wrapped
// around its payload, so frames are written from the outside in:
//
//   using namespace wl::test;
//   Bytes f = ethernet(ipv4("10.0.0.1", "10.0.0.2", tcp_segment(40000, 80, {.flags = kTcpSyn})));
//   Bytes g = ethernet(ipv6("2001:db8::1", "2001:db8::2", udp(5353, 53, ascii("hello"))),
//                      {.tags = {dot1ad(100), dot1q(200)}});
//
// The result type Pdu *is* a std::vector<uint8_t>; it also remembers what it
// is, so the layer around it fills in its type field by itself:
//   ip_proto   the IP protocol number when carried over IP (tcp_segment: 6,
//              ipv4: 4, ipv6: 41, gre: 47, ...)
//   ethertype  the EtherType when carried by Ethernet, GRE, SLL, ... (ipv4:
//              0x0800, mpls: 0x8847, ethernet: 0x6558, ppp: 0x880B, ...)
// A plain Bytes converts to a Pdu with both unset; the outer layer then needs
// the type passed explicitly (e.g. ipv4(..., ip_payload(99, data)) or
// ethernet(arp, {.ethertype = 0x0806})), otherwise it throws.
//
// Lengths (IPv4 total length, IPv6 payload length, UDP length, GTP length,
// PPPoE length) and the IPv4 header checksum are computed unless overridden;
// TCP/UDP/ICMP/SCTP checksums are left 0 (the decoder does not check them).
//
// The TCP builder is called tcp_segment() because wl::tcp is a namespace.
#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/ip_address.h"

namespace wl::test {

using Bytes = std::vector<uint8_t>;
using Mac = std::array<uint8_t, 6>;

struct Pdu : Bytes {
  std::optional<uint8_t> ip_proto = std::nullopt;  // unset: not an IP payload (0 is IPv6 hop-by-hop)
  uint16_t ethertype = 0;                          // 0: unknown

  Pdu() = default;
  Pdu(Bytes b) : Bytes(std::move(b)) {}  // implicit on purpose: raw bytes are a payload too
  Pdu(std::initializer_list<uint8_t> l) : Bytes(l) {}
  Pdu(Bytes b, std::optional<uint8_t> proto, uint16_t type)
      : Bytes(std::move(b)), ip_proto(proto), ethertype(type) {}
};

// ---------------------------------------------------------------------------
// Bytes and addresses

inline void put8(Bytes& b, unsigned v) { b.push_back(static_cast<uint8_t>(v)); }
inline void put16(Bytes& b, unsigned v) {
  b.push_back(static_cast<uint8_t>(v >> 8));
  b.push_back(static_cast<uint8_t>(v));
}
inline void put32(Bytes& b, uint32_t v) {
  put16(b, v >> 16);
  put16(b, v & 0xFFFF);
}
inline void append(Bytes& b, const Bytes& more) { b.insert(b.end(), more.begin(), more.end()); }
template <size_t N>
inline void append(Bytes& b, const std::array<uint8_t, N>& more) {
  b.insert(b.end(), more.begin(), more.end());
}

// Overwrite bytes of an existing frame (for malformed-packet tests).
inline void set16(Bytes& b, size_t at, unsigned v) {
  b.at(at) = static_cast<uint8_t>(v >> 8);
  b.at(at + 1) = static_cast<uint8_t>(v);
}
inline void set32(Bytes& b, size_t at, uint32_t v) {
  set16(b, at, v >> 16);
  set16(b, at + 2, v & 0xFFFF);
}

inline Bytes ascii(std::string_view s) { return Bytes(s.begin(), s.end()); }
inline Bytes filled(size_t n, uint8_t value = 0) { return Bytes(n, value); }

// A copy of the first n bytes (n is clamped to the size).
inline Bytes truncated(const Bytes& b, size_t n) {
  return Bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(std::min(n, b.size())));
}

inline std::array<uint8_t, 4> ipv4_bytes(std::string_view text) {
  std::array<uint8_t, 4> a{};
  if (inet_pton(AF_INET, std::string(text).c_str(), a.data()) != 1)
    throw std::invalid_argument("not an IPv4 address: " + std::string(text));
  return a;
}

inline std::array<uint8_t, 16> ipv6_bytes(std::string_view text) {
  std::array<uint8_t, 16> a{};
  if (inet_pton(AF_INET6, std::string(text).c_str(), a.data()) != 1)
    throw std::invalid_argument("not an IPv6 address: " + std::string(text));
  return a;
}

// "10.0.0.1" or "2001:db8::1" as the decoder reports it, for comparisons.
inline IpAddress ip_addr(std::string_view text) {
  auto a = IpAddress::parse(text);
  if (!a) throw std::invalid_argument("not an IP address: " + std::string(text));
  return *a;
}

inline MacAddress mac_addr(const Mac& m) {
  MacAddress a;
  a.bytes = m;
  return a;
}

constexpr Mac kMacClient{0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
constexpr Mac kMacServer{0x02, 0x00, 0x00, 0x00, 0x00, 0x02};

// Well-known tunnel ports
constexpr uint16_t kGtpUPort = 2152;
constexpr uint16_t kVxlanPort = 4789;
constexpr uint16_t kCapwapDataPort = 5247;
constexpr uint16_t kTzspPort = 37008;

namespace builder_detail {
inline uint16_t type_or_throw(std::optional<uint16_t> given, uint16_t known, const char* who) {
  uint16_t t = given.value_or(known);
  if (t == 0) throw std::invalid_argument(std::string(who) + ": payload type unknown, pass it explicitly");
  return t;
}
inline uint8_t proto_or_throw(std::optional<uint8_t> given, const Pdu& payload, const char* who) {
  if (given) return *given;
  if (payload.ip_proto) return *payload.ip_proto;
  throw std::invalid_argument(std::string(who) + ": payload protocol unknown, pass it explicitly");
}
}  // namespace builder_detail

// Any IP payload with an explicit protocol number (59 = no next header, 99 ...).
inline Pdu ip_payload(uint8_t proto, Bytes body = {}) { return Pdu(std::move(body), proto, 0); }

// ---------------------------------------------------------------------------
// Transport
//
// The *Opts structs are meant for designated initializers
// (tcp_segment(1, 2, {.flags = kTcpSyn, .seq = 100})); every member has an
// initializer so that -Wextra does not ask for the ones left out.

constexpr uint8_t kTcpFin = 0x01, kTcpSyn = 0x02, kTcpRst = 0x04, kTcpPsh = 0x08, kTcpAck = 0x10,
                  kTcpUrg = 0x20, kTcpEce = 0x40, kTcpCwr = 0x80;

struct TcpOpts {
  uint8_t flags = kTcpAck;
  uint32_t seq = 0;
  uint32_t ack = 0;
  uint16_t window = 65535;
  Bytes options = {};                                       // zero-padded (end of options) to 4 bytes
  std::optional<uint8_t> data_offset_words = std::nullopt;  // default: (20 + options) / 4
};

inline Pdu tcp_segment(uint16_t sport, uint16_t dport, const TcpOpts& o = {}, const Bytes& payload = {}) {
  Bytes opts = o.options;
  while (opts.size() % 4) opts.push_back(0);
  Bytes b;
  put16(b, sport);
  put16(b, dport);
  put32(b, o.seq);
  put32(b, o.ack);
  uint8_t words = o.data_offset_words.value_or(static_cast<uint8_t>((20 + opts.size()) / 4));
  put8(b, static_cast<unsigned>(words) << 4);
  put8(b, o.flags);
  put16(b, o.window);
  put16(b, 0);  // checksum
  put16(b, 0);  // urgent pointer
  append(b, opts);
  append(b, payload);
  return Pdu(std::move(b), 6, 0);
}

// length: the UDP length field, computed when not given.
inline Pdu udp(uint16_t sport, uint16_t dport, const Bytes& payload = {},
               std::optional<uint16_t> length = std::nullopt) {
  Bytes b;
  put16(b, sport);
  put16(b, dport);
  put16(b, length.value_or(static_cast<uint16_t>(8 + payload.size())));
  put16(b, 0);  // checksum: none
  append(b, payload);
  return Pdu(std::move(b), 17, 0);
}

// ICMP / ICMPv6: type, code, checksum, 4 bytes rest-of-header (id/seq), body.
inline Pdu icmp(uint8_t type, uint8_t code, const Bytes& body = {}) {
  Bytes b{type, code, 0, 0, 0x12, 0x34, 0x00, 0x01};
  append(b, body);
  return Pdu(std::move(b), 1, 0);
}
inline Pdu icmpv6(uint8_t type, uint8_t code, const Bytes& body = {}) {
  Pdu p = icmp(type, code, body);
  p.ip_proto = 58;
  return p;
}

// SCTP common header (ports, verification tag, checksum) followed by chunks.
inline Pdu sctp(uint16_t sport, uint16_t dport, const Bytes& chunks = {}, uint32_t vtag = 0x01020304) {
  Bytes b;
  put16(b, sport);
  put16(b, dport);
  put32(b, vtag);
  put32(b, 0);  // CRC32c
  append(b, chunks);
  return Pdu(std::move(b), 132, 0);
}

// ---------------------------------------------------------------------------
// IPv4 / IPv6

struct Ipv4Opts {
  uint16_t id = 0x1234;
  uint8_t ttl = 64;
  uint8_t tos = 0;
  bool df = false;
  bool mf = false;                                      // more fragments
  uint16_t frag_offset = 0;                             // in bytes, a multiple of 8
  Bytes options = {};                                   // zero-padded to 4 bytes
  std::optional<uint8_t> proto = std::nullopt;          // default: the payload's ip_proto
  std::optional<uint16_t> total_length = std::nullopt;  // default: header + payload
  std::optional<uint8_t> ihl = std::nullopt;            // in 32-bit words; default: from the options
  uint8_t version = 4;
};

inline uint16_t ipv4_checksum(const uint8_t* h, size_t len) {
  uint32_t sum = 0;
  for (size_t i = 0; i + 1 < len; i += 2) sum += static_cast<uint32_t>(h[i] << 8 | h[i + 1]);
  while (sum >> 16) sum = (sum & 0xFFFF) + (sum >> 16);
  return static_cast<uint16_t>(~sum);
}

inline Pdu ipv4(std::string_view src, std::string_view dst, const Pdu& payload, const Ipv4Opts& o = {}) {
  Bytes opts = o.options;
  while (opts.size() % 4) opts.push_back(0);
  size_t hlen = 20 + opts.size();
  Bytes b;
  put8(b, static_cast<unsigned>(o.version) << 4 | o.ihl.value_or(static_cast<uint8_t>(hlen / 4)));
  put8(b, o.tos);
  put16(b, o.total_length.value_or(static_cast<uint16_t>(hlen + payload.size())));
  put16(b, o.id);
  put16(b, (o.df ? 0x4000u : 0u) | (o.mf ? 0x2000u : 0u) | ((o.frag_offset / 8u) & 0x1FFFu));
  put8(b, o.ttl);
  put8(b, builder_detail::proto_or_throw(o.proto, payload, "ipv4()"));
  put16(b, 0);  // checksum, below
  append(b, ipv4_bytes(src));
  append(b, ipv4_bytes(dst));
  append(b, opts);
  set16(b, 10, ipv4_checksum(b.data(), hlen));
  append(b, payload);
  return Pdu(std::move(b), 4, 0x0800);
}

struct Ipv6Opts {
  uint8_t hop_limit = 64;
  uint8_t traffic_class = 0;
  uint32_t flow_label = 0;
  std::optional<uint8_t> next_header = std::nullopt;      // default: the payload's ip_proto
  std::optional<uint16_t> payload_length = std::nullopt;  // default: the payload's size
};

inline Pdu ipv6(std::string_view src, std::string_view dst, const Pdu& payload, const Ipv6Opts& o = {}) {
  Bytes b;
  put32(b, 6u << 28 | static_cast<uint32_t>(o.traffic_class) << 20 | (o.flow_label & 0xFFFFF));
  put16(b, o.payload_length.value_or(static_cast<uint16_t>(payload.size())));
  put8(b, builder_detail::proto_or_throw(o.next_header, payload, "ipv6()"));
  put8(b, o.hop_limit);
  append(b, ipv6_bytes(src));
  append(b, ipv6_bytes(dst));
  append(b, payload);
  return Pdu(std::move(b), 41, 0x86DD);
}

// IPv6 extension headers: each wraps the rest of the packet, e.g.
//   ipv6(a, b, ipv6_hop_by_hop(ipv6_fragment(udp(...), {.more = true})))
namespace builder_detail {
// Next header, length field, then a PadN option filling total_len bytes.
inline Pdu ipv6_ext(uint8_t type, const Pdu& inner, size_t total_len, uint8_t len_field) {
  Bytes b;
  put8(b, proto_or_throw(std::nullopt, inner, "ipv6 extension header"));
  put8(b, len_field);
  size_t rest = total_len - 2;
  if (rest >= 2) {
    put8(b, 1);
    put8(b, static_cast<unsigned>(rest - 2));
    rest -= 2;
  }
  while (rest--) put8(b, 0);
  append(b, inner);
  return Pdu(std::move(b), type, 0);
}
}  // namespace builder_detail

// extra_units: header size beyond the minimal 8 bytes, in 8-byte units.
inline Pdu ipv6_hop_by_hop(const Pdu& inner, uint8_t extra_units = 0) {
  return builder_detail::ipv6_ext(0, inner, 8u + 8u * extra_units, extra_units);
}
inline Pdu ipv6_dest_opts(const Pdu& inner, uint8_t extra_units = 0) {
  return builder_detail::ipv6_ext(60, inner, 8u + 8u * extra_units, extra_units);
}
// Routing header type 2 (one address): 24 bytes.
inline Pdu ipv6_routing(const Pdu& inner) {
  Bytes b;
  put8(b, builder_detail::proto_or_throw(std::nullopt, inner, "ipv6_routing()"));
  put8(b, 2);  // (24 / 8) - 1
  put8(b, 2);  // routing type 2
  put8(b, 1);  // segments left
  put32(b, 0);
  append(b, ipv6_bytes("2001:db8::99"));
  append(b, inner);
  return Pdu(std::move(b), 43, 0);
}
// Authentication header with a 12-byte ICV: 24 bytes, length field 4.
inline Pdu ipv6_ah(const Pdu& inner, uint32_t spi = 0x100) {
  Bytes b;
  put8(b, builder_detail::proto_or_throw(std::nullopt, inner, "ipv6_ah()"));
  put8(b, 24 / 4 - 2);
  put16(b, 0);
  put32(b, spi);
  put32(b, 1);  // sequence number
  append(b, filled(12, 0xAB));
  append(b, inner);
  return Pdu(std::move(b), 51, 0);
}

struct Ipv6FragOpts {
  uint16_t offset = 0;  // in bytes, a multiple of 8
  bool more = false;
  uint32_t id = 0xCAFE;
  std::optional<uint8_t> next_header = std::nullopt;  // default: the payload's ip_proto
};
inline Pdu ipv6_fragment(const Pdu& inner, const Ipv6FragOpts& o = {}) {
  Bytes b;
  put8(b, builder_detail::proto_or_throw(o.next_header, inner, "ipv6_fragment()"));
  put8(b, 0);
  put16(b, (o.offset & 0xFFF8u) | (o.more ? 1u : 0u));
  put32(b, o.id);
  append(b, inner);
  return Pdu(std::move(b), 44, 0);
}

// ---------------------------------------------------------------------------
// Link layers

struct VlanTag {
  uint16_t tpid = 0x8100;
  uint16_t vid = 0;
  uint8_t pcp = 0;
};
inline VlanTag dot1q(uint16_t vid, uint8_t pcp = 0) { return {0x8100, vid, pcp}; }
inline VlanTag dot1ad(uint16_t vid, uint8_t pcp = 0) { return {0x88A8, vid, pcp}; }

struct EthOpts {
  Mac dst = kMacServer;
  Mac src = kMacClient;
  std::vector<VlanTag> tags = {};                    // outermost first
  std::optional<uint16_t> ethertype = std::nullopt;  // default: the payload's ethertype
};

inline Pdu ethernet(const Pdu& inner, const EthOpts& o = {}) {
  Bytes b;
  append(b, o.dst);
  append(b, o.src);
  for (const VlanTag& t : o.tags) {
    put16(b, t.tpid);
    put16(b, static_cast<unsigned>(t.pcp & 7) << 13 | (t.vid & 0x0FFFu));
  }
  put16(b, builder_detail::type_or_throw(o.ethertype, inner.ethertype, "ethernet()"));
  append(b, inner);
  return Pdu(std::move(b), std::nullopt, 0x6558);  // as GRE/NSH see it: transparent Ethernet bridging
}

// LLC/SNAP header (AA AA 03, OUI 000000) carrying an EtherType.
inline Pdu llc_snap(const Pdu& inner, std::optional<uint16_t> ethertype = std::nullopt) {
  Bytes b{0xAA, 0xAA, 0x03, 0x00, 0x00, 0x00};
  put16(b, builder_detail::type_or_throw(ethertype, inner.ethertype, "llc_snap()"));
  append(b, inner);
  return Pdu(std::move(b));
}

// IEEE 802.3 frame: a length instead of a type, then the LLC payload as given.
inline Pdu ethernet_8023(const Bytes& llc_payload, const Mac& dst = kMacServer, const Mac& src = kMacClient) {
  Bytes b;
  append(b, dst);
  append(b, src);
  put16(b, static_cast<unsigned>(llc_payload.size()));
  append(b, llc_payload);
  return Pdu(std::move(b), std::nullopt, 0x6558);
}

// MPLS label stack (outermost first); bottom-of-stack set on the last label.
inline Pdu mpls(const std::vector<uint32_t>& labels, const Pdu& inner, uint8_t ttl = 64) {
  Bytes b;
  for (size_t i = 0; i < labels.size(); ++i) {
    bool bottom = i + 1 == labels.size();
    put32(b, (labels[i] & 0xFFFFF) << 12 | (bottom ? 0x100u : 0u) | ttl);
  }
  append(b, inner);
  return Pdu(std::move(b), 137, 0x8847);
}

namespace builder_detail {
inline uint16_t ppp_proto_for(const Pdu& inner) {
  switch (inner.ethertype) {
    case 0x0800:
      return 0x0021;
    case 0x86DD:
      return 0x0057;
    case 0x8847:
      return 0x0281;
    default:
      throw std::invalid_argument("ppp: payload type unknown, pass the protocol");
  }
}
}  // namespace builder_detail

struct PppOpts {
  bool address_control = true;                      // FF 03 in front
  bool compress_protocol = false;                   // 1-byte protocol field when possible
  std::optional<uint16_t> protocol = std::nullopt;  // default: from the payload (0x0021, 0x0057, 0x0281)
};

// A PPP frame (DLT_PPP, PPTP's GRE payload).
inline Pdu ppp(const Pdu& inner, const PppOpts& o = {}) {
  uint16_t proto = o.protocol ? *o.protocol : builder_detail::ppp_proto_for(inner);
  Bytes b;
  if (o.address_control) b.insert(b.end(), {0xFF, 0x03});
  if (o.compress_protocol && proto < 0x100 && (proto & 1))
    put8(b, proto);
  else
    put16(b, proto);
  append(b, inner);
  return Pdu(std::move(b), std::nullopt, 0x880B);
}

// PPPoE session stage: 6-byte header, then the PPP protocol (no address/control).
inline Pdu pppoe(const Pdu& inner, uint16_t session = 0x0001,
                 std::optional<uint16_t> ppp_protocol = std::nullopt) {
  uint16_t proto = ppp_protocol ? *ppp_protocol : builder_detail::ppp_proto_for(inner);
  Bytes b{0x11, 0x00};  // version 1, type 1; code 0 (session data)
  put16(b, session);
  put16(b, static_cast<unsigned>(inner.size() + 2));
  put16(b, proto);
  append(b, inner);
  return Pdu(std::move(b), std::nullopt, 0x8864);
}

// Linux cooked capture v1 (DLT_LINUX_SLL): 16 bytes.
inline Pdu sll(const Pdu& inner, uint16_t packet_type = 0, std::optional<uint16_t> protocol = std::nullopt) {
  Bytes b;
  put16(b, packet_type);
  put16(b, 1);  // ARPHRD_ETHER
  put16(b, 6);
  append(b, kMacClient);
  put16(b, 0);  // address padded to 8 bytes
  put16(b, builder_detail::type_or_throw(protocol, inner.ethertype, "sll()"));
  append(b, inner);
  return Pdu(std::move(b));
}

// Linux cooked capture v2 (DLT_LINUX_SLL2): 20 bytes.
inline Pdu sll2(const Pdu& inner, uint32_t ifindex = 2, std::optional<uint16_t> protocol = std::nullopt) {
  Bytes b;
  put16(b, builder_detail::type_or_throw(protocol, inner.ethertype, "sll2()"));
  put16(b, 0);  // reserved
  put32(b, ifindex);
  put16(b, 1);  // ARPHRD_ETHER
  put8(b, 0);   // PACKET_HOST
  put8(b, 6);
  append(b, kMacClient);
  put16(b, 0);
  append(b, inner);
  return Pdu(std::move(b));
}

namespace builder_detail {
inline uint32_t bsd_family_for(const Pdu& inner) {
  if (inner.ethertype == 0x0800) return 2;   // AF_INET
  if (inner.ethertype == 0x86DD) return 30;  // AF_INET6 on macOS (24 NetBSD/OpenBSD, 28 FreeBSD)
  throw std::invalid_argument("bsd loopback: payload is not IP, pass the family");
}
}  // namespace builder_detail

// BSD loopback (DLT_NULL): the address family in the capturing host's byte
// order; little-endian unless big_endian is set.
inline Pdu bsd_null(const Pdu& inner, bool big_endian = false,
                    std::optional<uint32_t> family = std::nullopt) {
  uint32_t f = family ? *family : builder_detail::bsd_family_for(inner);
  Bytes b;
  if (big_endian) {
    put32(b, f);
  } else {
    for (int i = 0; i < 4; ++i) put8(b, (f >> (8 * i)) & 0xFF);
  }
  append(b, inner);
  return Pdu(std::move(b));
}

// OpenBSD loopback (DLT_LOOP): the family always in network order.
inline Pdu bsd_loop(const Pdu& inner, std::optional<uint32_t> family = std::nullopt) {
  return bsd_null(inner, true, family);
}

// Cisco HDLC (DLT_C_HDLC): address, control, EtherType.
inline Pdu cisco_hdlc(const Pdu& inner, std::optional<uint16_t> protocol = std::nullopt) {
  Bytes b{0x0F, 0x00};
  put16(b, builder_detail::type_or_throw(protocol, inner.ethertype, "cisco_hdlc()"));
  append(b, inner);
  return Pdu(std::move(b));
}

struct WifiOpts {
  bool to_ds = true;
  bool from_ds = false;             // both: four-address (WDS) header
  bool qos = false;                 // QoS data (subtype 8) with a QoS control field
  bool ht_control = false;          // with qos: Order bit and a 4-byte HT control field
  bool protected_frame = false;     // Protected bit (body would be encrypted)
  bool null_data = false;           // (QoS) null data: subtype 4 / 12
  bool swap_frame_control = false;  // the two frame-control bytes in reverse order
  uint8_t type = 2;                 // 0 management, 1 control, 2 data
};

// An 802.11 data frame whose body is LLC/SNAP + the payload.
inline Pdu wifi_data(const Pdu& inner, const WifiOpts& o = {}) {
  uint8_t subtype = static_cast<uint8_t>((o.qos ? 8 : 0) | (o.null_data ? 4 : 0));
  uint8_t fc0 = static_cast<uint8_t>(subtype << 4 | (o.type & 3) << 2);
  uint8_t fc1 = static_cast<uint8_t>((o.to_ds ? 0x01 : 0) | (o.from_ds ? 0x02 : 0) |
                                     (o.protected_frame ? 0x40 : 0) | (o.qos && o.ht_control ? 0x80 : 0));
  Bytes b;
  if (o.swap_frame_control) {
    put8(b, fc1);
    put8(b, fc0);
  } else {
    put8(b, fc0);
    put8(b, fc1);
  }
  put16(b, 0x002C);                                    // duration
  append(b, Mac{0x00, 0x11, 0x22, 0x33, 0x44, 0x55});  // BSSID / receiver
  append(b, kMacClient);
  append(b, kMacServer);
  put16(b, 0x0010);  // sequence control
  if (o.to_ds && o.from_ds) append(b, Mac{0x02, 0, 0, 0, 0, 0x04});
  if (o.qos) put16(b, 0x0000);
  if (o.qos && o.ht_control) put32(b, 0);
  if (!o.null_data) append(b, llc_snap(inner));
  return Pdu(std::move(b));
}

// ---------------------------------------------------------------------------
// Tunnels

struct GreOpts {
  std::optional<uint32_t> key = std::nullopt;
  std::optional<uint32_t> seq = std::nullopt;
  bool checksum = false;
  std::optional<uint16_t> protocol = std::nullopt;  // default: the payload's ethertype
};

// GRE version 0 (RFC 2784/2890).
inline Pdu gre(const Pdu& inner, const GreOpts& o = {}) {
  Bytes b;
  put16(b, (o.checksum ? 0x8000u : 0u) | (o.key ? 0x2000u : 0u) | (o.seq ? 0x1000u : 0u));
  put16(b, builder_detail::type_or_throw(o.protocol, inner.ethertype, "gre()"));
  if (o.checksum) put32(b, 0);  // checksum + reserved
  if (o.key) put32(b, *o.key);
  if (o.seq) put32(b, *o.seq);
  append(b, inner);
  return Pdu(std::move(b), 47, 0);
}

// Enhanced GRE (version 1, PPTP) carrying a PPP frame.
inline Pdu gre_pptp(uint16_t call_id, const Pdu& ppp_frame, std::optional<uint32_t> seq = 1,
                    std::optional<uint32_t> ack = std::nullopt) {
  Bytes b;
  put16(b, 0x2001u | (seq ? 0x1000u : 0u) | (ack ? 0x0080u : 0u));
  put16(b, 0x880B);
  put16(b, static_cast<unsigned>(ppp_frame.size()));
  put16(b, call_id);
  if (seq) put32(b, *seq);
  if (ack) put32(b, *ack);
  append(b, ppp_frame);
  return Pdu(std::move(b), 47, 0);
}

// ERSPAN payloads for gre(): type I (no header, GRE without sequence number),
// type II (8-byte header, GRE with a sequence number), type III.
inline Pdu erspan1(const Pdu& eth) { return Pdu(eth, std::nullopt, 0x88BE); }
inline Pdu erspan2(const Pdu& eth, uint16_t session = 1) {
  Bytes b;
  put16(b, 0x1000);            // version 1, VLAN 0
  put16(b, session & 0x3FFu);  // COS, En, T, session id
  put32(b, 0);                 // reserved, index
  append(b, eth);
  return Pdu(std::move(b), std::nullopt, 0x88BE);
}
inline Pdu erspan3(const Pdu& eth, uint16_t session = 1, bool platform_subheader = false) {
  Bytes b;
  put16(b, 0x2000);  // version 2 (= type III), VLAN 0
  put16(b, session & 0x3FFu);
  put32(b, 0x01020304);                    // timestamp
  put16(b, 0);                             // SGT
  put16(b, platform_subheader ? 1u : 0u);  // P, FT, HW ID, D, Gra, O
  if (platform_subheader) append(b, Bytes{0x0C, 0, 0, 0, 0, 0, 0, 0});
  append(b, eth);
  return Pdu(std::move(b), std::nullopt, 0x22EB);
}

// VXLAN header (I flag, 24-bit VNI) + the inner Ethernet frame.
inline Pdu vxlan(uint32_t vni, const Pdu& eth) {
  Bytes b{0x08, 0x00, 0x00, 0x00};
  put32(b, (vni & 0xFFFFFF) << 8);
  append(b, eth);
  return Pdu(std::move(b));
}

struct GtpOpts {
  std::optional<uint16_t> seq = std::nullopt;  // S flag and sequence number
  bool pdu_session_container = false;          // E flag and one extension header (type 0x85)
};

// GTPv1-U G-PDU carrying an IP packet.
inline Pdu gtpu(uint32_t teid, const Pdu& ip, const GtpOpts& o = {}) {
  Bytes opt;
  bool optional_fields = o.seq || o.pdu_session_container;
  if (optional_fields) {
    put16(opt, o.seq.value_or(0));
    put8(opt, 0);  // N-PDU number
    put8(opt, o.pdu_session_container ? 0x85 : 0x00);
    if (o.pdu_session_container) opt.insert(opt.end(), {0x01, 0x00, 0x09, 0x00});  // len 1, QFI 9, no next
  }
  Bytes b;
  put8(b, 0x30u | (o.pdu_session_container ? 0x04u : 0u) | (o.seq ? 0x02u : 0u));
  put8(b, 0xFF);  // G-PDU
  put16(b, static_cast<unsigned>(opt.size() + ip.size()));
  put32(b, teid);
  append(b, opt);
  append(b, ip);
  return Pdu(std::move(b));
}

struct CapwapOpts {
  bool native_80211 = true;  // T=1, WBID=1: body is an 802.11 frame; else 802.3
  bool radio_mac = false;    // M flag and an 8-byte radio MAC field (HLEN 4)
  bool keepalive = false;
  bool fragment = false;
};

// CAPWAP data channel header (RFC 5415) + the body (wifi_data() or ethernet()).
inline Pdu capwap(const Pdu& body, const CapwapOpts& o = {}) {
  unsigned hlen_words = o.radio_mac ? 4 : 2;
  unsigned rid = 1, wbid = 1;
  Bytes b;
  put8(b, 0);  // preamble: version 0, type 0
  put8(b, hlen_words << 3 | rid >> 2);
  put8(b, (rid & 3) << 6 | wbid << 1 | (o.native_80211 ? 1u : 0u));
  put8(b, (o.fragment ? 0x80u : 0u) | (o.radio_mac ? 0x10u : 0u) | (o.keepalive ? 0x08u : 0u));
  put16(b, 0);  // fragment id
  put16(b, 0);  // fragment offset, reserved
  if (o.radio_mac) {
    put8(b, 6);
    append(b, Mac{0x00, 0x11, 0x22, 0x33, 0x44, 0x55});
    put8(b, 0);  // padding to 4 bytes
  }
  append(b, body);
  return Pdu(std::move(b));
}

// TZSP: version 1, type 0 (received), encapsulation (1 Ethernet, 18 802.11),
// tagged fields, END tag, the captured frame.
inline Pdu tzsp(const Pdu& frame, uint16_t encapsulation = 1, const Bytes& tagged_fields = {}) {
  Bytes b{0x01, 0x00};
  put16(b, encapsulation);
  append(b, tagged_fields);
  put8(b, 0x01);  // END
  append(b, frame);
  return Pdu(std::move(b));
}

}  // namespace wl::test
