#pragma once
// Shared by the decode_*_test.cpp files: decoding a hand-built frame from a
// buffer of exactly its size (so AddressSanitizer sees any read past the
// capture), and the invariants every successfully decoded packet must meet.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "decode/decode.h"
#include "packet_builder.h"

namespace wl::test {

// Common sizes, for offset arithmetic in expectations.
constexpr uint32_t kEthLen = 14;
constexpr uint32_t kIpv4Len = 20;
constexpr uint32_t kIpv6Len = 40;
constexpr uint32_t kUdpLen = 8;
constexpr uint32_t kTcpLen = 20;

struct Decoded {
  DecodeError err = DecodeError::kCount;
  DecodedPacket pkt;
  std::string error_name() const { return std::string(decode_error_name(err)); }
};

// Decodes the first caplen bytes of frame (all of them by default); wire_len
// defaults to caplen (not snapped).
inline Decoded decode_bytes(const Bytes& frame, int linktype, size_t caplen, size_t wire_len) {
  caplen = std::min(caplen, frame.size());
  std::unique_ptr<uint8_t[]> buf(new uint8_t[caplen]);  // a real pointer even for 0 bytes
  if (caplen) std::memcpy(buf.get(), frame.data(), caplen);
  Decoded d;
  // Dirty the output first: decode_frame must reset it.
  d.pkt.sport = 0xBEEF;
  d.pkt.tunnel = TunnelType::kTzsp;
  d.pkt.vlan = 0xFFF;
  d.err = decode_frame(buf.get(), static_cast<uint32_t>(caplen), static_cast<uint32_t>(wire_len), linktype,
                       d.pkt);
  return d;
}

inline Decoded decode(const Bytes& frame, int linktype = dlt::kEthernet) {
  return decode_bytes(frame, linktype, frame.size(), frame.size());
}

// The frame captured with a snap length: only `caplen` of its bytes are present.
inline Decoded decode_snapped(const Bytes& frame, size_t caplen, int linktype = dlt::kEthernet) {
  return decode_bytes(frame, linktype, caplen, frame.size());
}

// Whatever the input, a successfully decoded packet points inside the capture.
inline void expect_sane(const Decoded& d, size_t caplen) {
  if (d.err != DecodeError::kNone) {
    EXPECT_LT(static_cast<size_t>(d.err), kDecodeErrorCount);
    EXPECT_NE(d.err, DecodeError::kOrphanFragment);  // the shard's verdict, never the decoder's
    return;
  }
  const DecodedPacket& p = d.pkt;
  EXPECT_TRUE(p.ip_version == 4 || p.ip_version == 6) << int(p.ip_version);
  EXPECT_EQ(p.src.version, p.ip_version);
  EXPECT_EQ(p.dst.version, p.ip_version);
  EXPECT_LE(uint64_t{p.l3_offset} + p.l3_len, caplen);
  EXPECT_GE(p.l4_offset, p.l3_offset);
  EXPECT_LE(uint64_t{p.l4_offset} + p.l4_len, uint64_t{p.l3_offset} + p.l3_len);
  if (p.payload_len > 0) {
    EXPECT_GE(p.payload_offset, p.l4_offset);
    EXPECT_LE(uint64_t{p.payload_offset} + p.payload_len, uint64_t{p.l4_offset} + p.l4_len);
  }
  if (p.l4_header_short) {
    EXPECT_EQ(p.sport, 0);
    EXPECT_EQ(p.dport, 0);
  }
  if (p.first_fragment) {
    EXPECT_TRUE(p.fragment);
  }
  if (p.tunnel != TunnelType::kNone) {
    EXPECT_NE(p.tunnel_src.version, 0);
    EXPECT_EQ(p.tunnel_src.version, p.tunnel_dst.version);
  } else {
    EXPECT_EQ(p.tunnel_src.version, 0);
    EXPECT_EQ(p.tunnel_id, 0u);
  }
}

}  // namespace wl::test

// Compare decode errors by name, so failures print "non_ip" rather than bytes.
#define EXPECT_DECODE_ERR(decoded, error) EXPECT_EQ((decoded).error_name(), ::wl::decode_error_name(error))
#define ASSERT_DECODE_OK(decoded) \
  ASSERT_EQ((decoded).error_name(), ::wl::decode_error_name(::wl::DecodeError::kNone))
