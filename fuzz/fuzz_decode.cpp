// libFuzzer target for wl::decode_frame.
//
// Input layout: one selector byte, then the frame.
//   bits 0-3  link type: an index into kLinkTypes; 14 and 15 pick link types
//             the decoder does not support
//   bit 7     snapped: wire_len = caplen + 1 + 64 * (bits 4-6), otherwise
//             wire_len = caplen
// The seeds in fuzz/decode_corpus/ follow this layout.
//
// Besides crashes and sanitizer reports, the target traps when a decoded
// packet points outside the captured bytes.
//
// Build: clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
//          fuzz/fuzz_decode.cpp src/decode/*.cpp src/common/ip_address.cpp
#include <cstddef>
#include <cstdint>

#include "decode/decode.h"

namespace {

constexpr int kLinkTypes[16] = {
    wl::dlt::kEthernet,   wl::dlt::kNull,        wl::dlt::kLoop,   wl::dlt::kRaw,
    wl::dlt::kRawOpenBsd, wl::dlt::kLinktypeRaw, wl::dlt::kIpv4,   wl::dlt::kIpv6,
    wl::dlt::kLinuxSll,   wl::dlt::kLinuxSll2,   wl::dlt::kPpp,    wl::dlt::kPppSerial,
    wl::dlt::kPppEther,   wl::dlt::kCiscoHdlc,   105 /* 802.11 */, 127 /* radiotap */,
};

volatile uint64_t g_sink;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

uint64_t digest(const wl::IpAddress& a) {
  uint64_t h = a.version;
  for (uint8_t b : a.bytes) h = h * 131 + b;
  return h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > (1u << 20)) return 0;
  const uint8_t selector = data[0];
  const int linktype = kLinkTypes[selector & 0x0F];
  const uint8_t* frame = data + 1;
  const uint32_t caplen = static_cast<uint32_t>(size - 1);
  const uint32_t wire_len = (selector & 0x80) ? caplen + 1 + 64u * ((selector >> 4) & 0x07) : caplen;

  wl::DecodedPacket p;
  const wl::DecodeError err = wl::decode_frame(frame, caplen, wire_len, linktype, p);
  check(static_cast<size_t>(err) < wl::kDecodeErrorCount);
  check(err != wl::DecodeError::kOrphanFragment);
  check(wl::is_supported_linktype(linktype) == (err != wl::DecodeError::kUnsupportedLinkType));

  if (err == wl::DecodeError::kNone) {
    check(p.ip_version == 4 || p.ip_version == 6);
    check(p.src.version == p.ip_version && p.dst.version == p.ip_version);
    check(uint64_t{p.l3_offset} + p.l3_len <= caplen);
    check(p.l4_offset >= p.l3_offset);
    check(uint64_t{p.l4_offset} + p.l4_len <= uint64_t{p.l3_offset} + p.l3_len);
    if (p.payload_len > 0) {
      check(p.payload_offset >= p.l4_offset);
      check(uint64_t{p.payload_offset} + p.payload_len <= uint64_t{p.l4_offset} + p.l4_len);
    }
    check(!p.l4_header_short || (p.sport == 0 && p.dport == 0));
    check(!p.first_fragment || p.fragment);
    check((p.tunnel == wl::TunnelType::kNone) == (p.tunnel_src.version == 0));

    // Touch the bytes the offsets point at, so a bad offset shows up under ASan too.
    uint64_t h = 0;
    if (p.l3_len > 0) h += frame[p.l3_offset] + frame[p.l3_offset + p.l3_len - 1];
    if (p.l4_len > 0) h += frame[p.l4_offset] + frame[p.l4_offset + p.l4_len - 1];
    if (p.payload_len > 0) h += frame[p.payload_offset] + frame[p.payload_offset + p.payload_len - 1];
    g_sink = g_sink + h;
  }

  // Use every output so that nothing is optimised away.
  uint64_t h = static_cast<uint64_t>(err);
  h = h * 31 + digest(p.src) + 3 * digest(p.dst) + digest(p.tunnel_src) + 5 * digest(p.tunnel_dst);
  h = h * 31 + p.vlan + p.ip_version + p.l4_proto + p.sport + p.dport;
  h = h * 31 + p.l3_offset + p.l3_len + p.l4_offset + p.l4_len + p.payload_offset + p.payload_len;
  h = h * 31 + p.l4_header_short + p.tcp_flags + p.tcp_window + p.tcp_seq + p.tcp_ack;
  h = h * 31 + p.icmp_type + p.icmp_code + p.fragment + p.first_fragment + p.frag_id;
  h = h * 31 + static_cast<uint64_t>(p.tunnel) + p.tunnel_id + p.has_mac;
  for (uint8_t b : p.src_mac.bytes) h = h * 7 + b;
  for (uint8_t b : p.dst_mac.bytes) h = h * 7 + b;
  h += wl::decode_error_name(err).size() + static_cast<unsigned char>(wl::tunnel_type_name(p.tunnel)[0]);
  g_sink = g_sink + h;
  return 0;
}
