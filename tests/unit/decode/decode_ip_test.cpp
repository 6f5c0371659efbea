// IPv4 (options, lengths, fragments), IPv6 (extension headers, fragments) and
// the transport headers, all over Ethernet.
#include <gtest/gtest.h>

#include "decode/decode_test_util.h"

namespace wl::test {
namespace {

const char* const kA = "10.0.0.1";
const char* const kB = "10.0.0.2";
const char* const kA6 = "fe80::1";
const char* const kB6 = "2001:db8::dead:beef";

constexpr uint32_t kL3 = kEthLen;               // where the IP header starts
constexpr uint32_t kL4v4 = kEthLen + kIpv4Len;  // transport header after a plain IPv4 header
constexpr uint32_t kL4v6 = kEthLen + kIpv6Len;

// --- IPv4 header ----------------------------------------------------------------

TEST(DecodeIpv4, OptionsMoveTheTransportHeader) {
  Bytes router_alert{0x94, 0x04, 0x00, 0x00, 0x01, 0x01, 0x01, 0x00};  // RA, NOP, NOP, NOP, EOL
  Bytes f = ethernet(ipv4(kA, kB, udp(1000, 2000, ascii("xy")), {.options = router_alert}));
  Decoded d = decode(f);
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.l3_offset, kL3);
  EXPECT_EQ(d.pkt.l3_len, 28u + kUdpLen + 2);
  EXPECT_EQ(d.pkt.l4_offset, kL3 + 28);
  EXPECT_EQ(d.pkt.sport, 1000);
  EXPECT_EQ(d.pkt.dport, 2000);
  EXPECT_EQ(d.pkt.payload_offset, kL3 + 28 + kUdpLen);
  EXPECT_EQ(d.pkt.payload_len, 2u);
}

TEST(DecodeIpv4, MaximalOptions) {
  Bytes f = ethernet(ipv4(kA, kB, tcp_segment(1, 2), {.options = filled(40, 0x01)}));
  Decoded d = decode(f);
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.l4_offset, kL3 + 60);
  EXPECT_EQ(d.pkt.sport, 1);
}

TEST(DecodeIpv4, IhlBelowFiveIsBadHeader) {
  for (uint8_t ihl : {0, 1, 4}) {
    SCOPED_TRACE(int(ihl));
    EXPECT_DECODE_ERR(decode(ethernet(ipv4(kA, kB, udp(1, 2), {.ihl = ihl}))), DecodeError::kBadIpHeader);
  }
}

TEST(DecodeIpv4, IhlBeyondTheFrameIsTruncated) {
  // IHL 15 (60 bytes) but only 20 + 8 bytes in the frame.
  EXPECT_DECODE_ERR(decode(ethernet(ipv4(kA, kB, udp(1, 2), {.ihl = 15}))), DecodeError::kTruncatedIpHeader);
}

TEST(DecodeIpv4, TotalLengthShorterThanHeaderIsBad) {
  EXPECT_DECODE_ERR(decode(ethernet(ipv4(kA, kB, udp(1, 2), {.total_length = 19}))),
                    DecodeError::kBadIpHeader);
  EXPECT_DECODE_ERR(decode(ethernet(ipv4(kA, kB, udp(1, 2), {.options = filled(4), .total_length = 20}))),
                    DecodeError::kBadIpHeader);
  // Exactly the header: a packet without transport bytes.
  Decoded d = decode(ethernet(ipv4(kA, kB, udp(1, 2), {.total_length = 20})));
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.l3_len, kIpv4Len);
  EXPECT_EQ(d.pkt.l4_len, 0u);
  EXPECT_TRUE(d.pkt.l4_header_short);
}

TEST(DecodeIpv4, ZeroTotalLengthMeansTheWholeFrame) {
  // Captured before TCP segmentation offload filled the length in.
  Bytes f = ethernet(ipv4(kA, kB, tcp_segment(5000, 6000, {}, filled(3000)), {.total_length = 0}));
  Decoded d = decode(f);
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.l3_len, f.size() - kEthLen);
  EXPECT_EQ(d.pkt.payload_len, 3000u);
}

TEST(DecodeIpv4, BadVersion) {
  EXPECT_DECODE_ERR(decode(ethernet(ipv4(kA, kB, udp(1, 2), {.version = 5}), {.ethertype = 0x0800})),
                    DecodeError::kBadIpVersion);
}

TEST(DecodeIpv4, TruncatedHeader) {
  Bytes f = ethernet(ipv4(kA, kB, udp(1, 2)));
  for (size_t n = kEthLen; n < kEthLen + kIpv4Len; ++n)
    EXPECT_DECODE_ERR(decode(truncated(f, n)), DecodeError::kTruncatedIpHeader) << n;
}

TEST(DecodeIpv4, LengthBeyondUnsnappedFrameIsAnError) {
  Bytes f = ethernet(ipv4(kA, kB, tcp_segment(1, 2, {}, filled(100))));
  for (size_t missing : {1, 50, 100, 120}) {
    SCOPED_TRACE(missing);
    EXPECT_DECODE_ERR(decode(truncated(f, f.size() - missing)), DecodeError::kIpLengthExceedsFrame);
  }
  EXPECT_DECODE_ERR(decode(ethernet(ipv4(kA, kB, udp(1, 2), {.total_length = 29}))),
                    DecodeError::kIpLengthExceedsFrame);
}

TEST(DecodeIpv4, LengthBeyondSnappedFrameIsAccepted) {
  Bytes f = ethernet(ipv4(kA, kB, tcp_segment(443, 50000, {.flags = kTcpAck, .seq = 77}, filled(1400))));
  size_t snap = kL4v4 + kTcpLen + 10;
  Decoded d = decode_snapped(f, snap);
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.l3_len, snap - kEthLen);  // as far as it was captured
  EXPECT_EQ(d.pkt.sport, 443);
  EXPECT_EQ(d.pkt.dport, 50000);
  EXPECT_EQ(d.pkt.tcp_seq, 77u);
  EXPECT_EQ(d.pkt.l4_len, kTcpLen + 10);
  EXPECT_EQ(d.pkt.payload_len, 10u);
  expect_sane(d, snap);
}

TEST(DecodeIpv4, SnappedInsideTheTransportHeader) {
  Bytes f = ethernet(ipv4(kA, kB, tcp_segment(443, 50000, {}, filled(100))));
  Decoded d = decode_snapped(f, kL4v4 + 12);
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.l4_proto, 6);
  EXPECT_TRUE(d.pkt.l4_header_short);
  EXPECT_EQ(d.pkt.sport, 0);
  EXPECT_EQ(d.pkt.dport, 0);
  // Snapped inside the IP header itself: still an error.
  EXPECT_DECODE_ERR(decode_snapped(f, kL3 + 10), DecodeError::kTruncatedIpHeader);
}

// --- Transport ------------------------------------------------------------------

TEST(DecodeTransport, Udp) {
  Bytes f = ethernet(ipv4(kA, kB, udp(68, 67, filled(300))));
  Decoded d = decode(f);
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.l4_proto, 17);
  EXPECT_EQ(d.pkt.sport, 68);
  EXPECT_EQ(d.pkt.dport, 67);
  EXPECT_EQ(d.pkt.l4_offset, kL4v4);
  EXPECT_EQ(d.pkt.l4_len, kUdpLen + 300);
  EXPECT_EQ(d.pkt.payload_offset, kL4v4 + kUdpLen);
  EXPECT_EQ(d.pkt.payload_len, 300u);
  EXPECT_FALSE(d.pkt.l4_header_short);
}

TEST(DecodeTransport, UdpLengthFieldIsUsedWhenConsistent) {
  // UDP length 8 + 4 inside a 20-byte IP payload (e.g. trailing junk).
  Decoded d = decode(ethernet(ipv4(kA, kB, udp(1, 2, filled(12), 12))));
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.payload_len, 4u);
  // Larger than the IP payload, or smaller than the header: the IP length wins.
  for (uint16_t bogus : {0, 7, 21, 65535}) {
    SCOPED_TRACE(bogus);
    Decoded b = decode(ethernet(ipv4(kA, kB, udp(1, 2, filled(12), bogus))));
    ASSERT_DECODE_OK(b);
    EXPECT_EQ(b.pkt.payload_len, 12u);
    EXPECT_EQ(b.pkt.sport, 1);
  }
}

TEST(DecodeTransport, ShortUdpAndTcpHeadersAreKeyedWithoutPorts) {
  Decoded u = decode(ethernet(ipv4(kA, kB, ip_payload(17, filled(7, 0x11)))));
  ASSERT_DECODE_OK(u);
  EXPECT_EQ(u.pkt.l4_proto, 17);
  EXPECT_TRUE(u.pkt.l4_header_short);
  EXPECT_EQ(u.pkt.sport, 0);
  EXPECT_EQ(u.pkt.dport, 0);
  EXPECT_EQ(u.pkt.l4_len, 7u);

  Decoded t = decode(ethernet(ipv6(kA6, kB6, ip_payload(6, filled(19, 0x11)))));
  ASSERT_DECODE_OK(t);
  EXPECT_EQ(t.pkt.l4_proto, 6);
  EXPECT_TRUE(t.pkt.l4_header_short);
  EXPECT_EQ(t.pkt.sport, 0);
  EXPECT_EQ(t.pkt.tcp_flags, 0);
  EXPECT_EQ(t.pkt.l4_len, 19u);

  Decoded ok = decode(ethernet(ipv4(kA, kB, ip_payload(6, filled(20, 0x11)))));
  EXPECT_FALSE(ok.pkt.l4_header_short);
  EXPECT_EQ(ok.pkt.sport, 0x1111);
}

TEST(DecodeTransport, TcpBadDataOffsetKeepsPortsButNoPayload) {
  for (uint8_t words : {0, 4, 15}) {  // below 20 bytes, or beyond the segment
    SCOPED_TRACE(int(words));
    Decoded d =
        decode(ethernet(ipv4(kA, kB, tcp_segment(1234, 80, {.data_offset_words = words}, filled(8)))));
    ASSERT_DECODE_OK(d);
    EXPECT_EQ(d.pkt.sport, 1234);
    EXPECT_EQ(d.pkt.dport, 80);
    EXPECT_EQ(d.pkt.payload_len, 0u);
  }
}

TEST(DecodeTransport, IcmpAndIcmpv6) {
  Decoded d = decode(ethernet(ipv4(kA, kB, icmp(8, 0, ascii("ping")))));
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.l4_proto, 1);
  EXPECT_EQ(d.pkt.icmp_type, 8);
  EXPECT_EQ(d.pkt.icmp_code, 0);
  EXPECT_EQ(d.pkt.sport, 0);
  EXPECT_EQ(d.pkt.dport, 0);
  EXPECT_EQ(d.pkt.l4_len, 12u);

  Decoded u = decode(ethernet(ipv4(kA, kB, icmp(3, 3))));
  EXPECT_EQ(u.pkt.icmp_type, 3);
  EXPECT_EQ(u.pkt.icmp_code, 3);

  Decoded v6 = decode(ethernet(ipv6(kA6, kB6, icmpv6(135, 0, filled(24)))));
  ASSERT_DECODE_OK(v6);
  EXPECT_EQ(v6.pkt.l4_proto, 58);
  EXPECT_EQ(v6.pkt.icmp_type, 135);
  EXPECT_EQ(v6.pkt.l4_offset, kL4v6);

  Decoded tiny = decode(ethernet(ipv4(kA, kB, ip_payload(1, {0x08}))));
  ASSERT_DECODE_OK(tiny);
  EXPECT_EQ(tiny.pkt.icmp_type, 0);
}

TEST(DecodeTransport, Sctp) {
  Decoded d = decode(ethernet(ipv4(kA, kB, sctp(2905, 2905, filled(16)))));
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.l4_proto, 132);
  EXPECT_EQ(d.pkt.sport, 2905);
  EXPECT_EQ(d.pkt.dport, 2905);
  Decoded s = decode(ethernet(ipv6(kA6, kB6, sctp(36412, 38412))));
  EXPECT_EQ(s.pkt.sport, 36412);
  EXPECT_EQ(s.pkt.dport, 38412);
  Decoded tiny = decode(ethernet(ipv4(kA, kB, ip_payload(132, {0x01, 0x02, 0x03}))));
  ASSERT_DECODE_OK(tiny);
  EXPECT_EQ(tiny.pkt.sport, 0);
}

TEST(DecodeTransport, OtherProtocolsArePortless) {
  for (uint8_t proto : {2, 50, 89, 103, 112, 255}) {  // IGMP, ESP, OSPF, PIM, VRRP, reserved
    SCOPED_TRACE(int(proto));
    Decoded d = decode(ethernet(ipv4(kA, kB, ip_payload(proto, filled(24, 0xFF)))));
    ASSERT_DECODE_OK(d);
    EXPECT_EQ(d.pkt.l4_proto, proto);
    EXPECT_EQ(d.pkt.sport, 0);
    EXPECT_EQ(d.pkt.dport, 0);
    EXPECT_EQ(d.pkt.l4_offset, kL4v4);
    EXPECT_EQ(d.pkt.l4_len, 24u);
  }
}

// --- IPv6 -----------------------------------------------------------------------

TEST(DecodeIpv6, Plain) {
  Bytes f =
      ethernet(ipv6(kA6, kB6, udp(546, 547, filled(10)), {.traffic_class = 0xB8, .flow_label = 0xFFFFF}));
  Decoded d = decode(f);
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.ip_version, 6);
  EXPECT_EQ(d.pkt.src.to_string(), kA6);
  EXPECT_EQ(d.pkt.dst.to_string(), kB6);
  EXPECT_EQ(d.pkt.l3_offset, kL3);
  EXPECT_EQ(d.pkt.l3_len, kIpv6Len + kUdpLen + 10);
  EXPECT_EQ(d.pkt.l4_offset, kL4v6);
  EXPECT_EQ(d.pkt.sport, 546);
  EXPECT_EQ(d.pkt.payload_len, 10u);
  expect_sane(d, f.size());
}

TEST(DecodeIpv6, HopByHop) {
  Decoded d = decode(ethernet(ipv6(kA6, kB6, ipv6_hop_by_hop(icmpv6(143, 0, filled(20))))));
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.l4_proto, 58);
  EXPECT_EQ(d.pkt.icmp_type, 143);
  EXPECT_EQ(d.pkt.l4_offset, kL4v6 + 8);
}

TEST(DecodeIpv6, RoutingDestinationOptionsAndAh) {
  Bytes f = ethernet(ipv6(
      kA6, kB6,
      ipv6_hop_by_hop(ipv6_dest_opts(ipv6_routing(ipv6_ah(ipv6_dest_opts(tcp_segment(22, 50022), 2)))))));
  Decoded d = decode(f);
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.l4_proto, 6);
  EXPECT_EQ(d.pkt.sport, 22);
  EXPECT_EQ(d.pkt.dport, 50022);
  EXPECT_EQ(d.pkt.l4_offset, kL4v6 + 8 + 8 + 24 + 24 + 24);
  EXPECT_EQ(d.pkt.l4_len, kTcpLen);
  EXPECT_FALSE(d.pkt.fragment);
  expect_sane(d, f.size());
}

TEST(DecodeIpv6, NoNextHeader) {
  Decoded d = decode(ethernet(ipv6(kA6, kB6, ip_payload(59))));
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.l4_proto, 59);
  EXPECT_EQ(d.pkt.sport, 0);
  EXPECT_EQ(d.pkt.l4_len, 0u);
  Decoded after = decode(ethernet(ipv6(kA6, kB6, ipv6_dest_opts(ip_payload(59, filled(16))))));
  ASSERT_DECODE_OK(after);
  EXPECT_EQ(after.pkt.l4_proto, 59);
  EXPECT_EQ(after.pkt.l4_offset, kL4v6 + 8);
}

TEST(DecodeIpv6, TenExtensionHeadersAreFollowedNoMore) {
  Pdu inner = udp(1, 2);
  for (int i = 0; i < 10; ++i) inner = ipv6_dest_opts(inner);
  Decoded ten = decode(ethernet(ipv6(kA6, kB6, inner)));
  ASSERT_DECODE_OK(ten);
  EXPECT_EQ(ten.pkt.l4_proto, 17);
  EXPECT_EQ(ten.pkt.sport, 1);

  Decoded eleven = decode(ethernet(ipv6(kA6, kB6, ipv6_dest_opts(inner))));
  ASSERT_DECODE_OK(eleven);  // keyed as an unknown protocol, never read past the limit
  EXPECT_EQ(eleven.pkt.sport, 0);
  EXPECT_NE(eleven.pkt.l4_proto, 17);
}

TEST(DecodeIpv6, ZeroPayloadLengthMeansTheWholeFrame) {
  Bytes f = ethernet(ipv6(kA6, kB6, tcp_segment(1, 2, {}, filled(100)), {.payload_length = 0}));
  Decoded d = decode(f);
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.l3_len, kIpv6Len + kTcpLen + 100);
  EXPECT_EQ(d.pkt.payload_len, 100u);
}

TEST(DecodeIpv6, TruncatedHeaderAndLengthBeyondFrame) {
  Bytes f = ethernet(ipv6(kA6, kB6, udp(1, 2, filled(30))));
  EXPECT_DECODE_ERR(decode(truncated(f, kL3 + 39)), DecodeError::kTruncatedIpHeader);
  EXPECT_DECODE_ERR(decode(truncated(f, f.size() - 1)), DecodeError::kIpLengthExceedsFrame);
  Decoded snapped = decode_snapped(f, f.size() - 1);
  ASSERT_DECODE_OK(snapped);
  EXPECT_EQ(snapped.pkt.l3_len, kIpv6Len + kUdpLen + 29);
  EXPECT_EQ(snapped.pkt.sport, 1);
}

TEST(DecodeIpv6, BadExtensionChain) {
  // A hop-by-hop header whose length runs past the packet.
  Bytes f = ethernet(ipv6(kA6, kB6, ipv6_hop_by_hop(udp(1, 2))));
  f[kL4v6 + 1] = 20;
  EXPECT_DECODE_ERR(decode(f), DecodeError::kBadIpv6ExtensionHeader);
  // The same for AH.
  Bytes ah = ethernet(ipv6(kA6, kB6, ipv6_ah(udp(1, 2))));
  ah[kL4v6 + 1] = 200;
  EXPECT_DECODE_ERR(decode(ah), DecodeError::kBadIpv6ExtensionHeader);
  // Next header announces an extension header but the packet ends.
  EXPECT_DECODE_ERR(decode(ethernet(ipv6(kA6, kB6, ip_payload(0)))), DecodeError::kBadIpv6ExtensionHeader);
  EXPECT_DECODE_ERR(decode(ethernet(ipv6(kA6, kB6, ip_payload(43, {0x11})))),
                    DecodeError::kBadIpv6ExtensionHeader);
  // A fragment header cut short.
  EXPECT_DECODE_ERR(decode(ethernet(ipv6(kA6, kB6, ip_payload(44, filled(7))))),
                    DecodeError::kBadIpv6ExtensionHeader);
  // The payload length ends inside the chain although the frame goes on.
  Bytes shortlen = ethernet(ipv6(kA6, kB6, ipv6_dest_opts(udp(1, 2)), {.payload_length = 4}));
  EXPECT_DECODE_ERR(decode(shortlen), DecodeError::kBadIpv6ExtensionHeader);
}

// --- Fragments ------------------------------------------------------------------

TEST(DecodeFragment, Ipv4FirstFragmentCarriesPorts) {
  Bytes f = ethernet(ipv4(kA, kB, udp(5000, 5001, filled(1472), 8 + 3000), {.id = 0xABCD, .mf = true}));
  Decoded d = decode(f);
  ASSERT_DECODE_OK(d);
  EXPECT_TRUE(d.pkt.fragment);
  EXPECT_TRUE(d.pkt.first_fragment);
  EXPECT_EQ(d.pkt.frag_id, 0xABCDu);
  EXPECT_EQ(d.pkt.sport, 5000);
  EXPECT_EQ(d.pkt.dport, 5001);
  EXPECT_EQ(d.pkt.payload_len, 1472u);  // UDP length: the datagram; this fragment: 1472 bytes
}

TEST(DecodeFragment, Ipv4LaterFragments) {
  for (bool more : {true, false}) {
    SCOPED_TRACE(more);
    Bytes f = ethernet(ipv4(kA, kB, ip_payload(17, filled(400, 0x77)),
                            {.id = 0xABCD, .df = false, .mf = more, .frag_offset = 1480}));
    Decoded d = decode(f);
    ASSERT_DECODE_OK(d);
    EXPECT_TRUE(d.pkt.fragment);
    EXPECT_FALSE(d.pkt.first_fragment);
    EXPECT_EQ(d.pkt.frag_id, 0xABCDu);
    EXPECT_EQ(d.pkt.l4_proto, 17);
    EXPECT_EQ(d.pkt.sport, 0);  // the shard supplies them from the first fragment
    EXPECT_EQ(d.pkt.dport, 0);
    EXPECT_EQ(d.pkt.l4_offset, kL4v4);
    EXPECT_EQ(d.pkt.l4_len, 400u);
    EXPECT_EQ(d.pkt.payload_len, 0u);
    expect_sane(d, f.size());
  }
}

TEST(DecodeFragment, Ipv4LaterFragmentLooksLikeTcpButIsNotParsed) {
  // 0x7777... would be a TCP header if it were parsed.
  Decoded d = decode(ethernet(ipv4(kA, kB, ip_payload(6, filled(40, 0x77)), {.frag_offset = 8})));
  ASSERT_DECODE_OK(d);
  EXPECT_TRUE(d.pkt.fragment);
  EXPECT_FALSE(d.pkt.first_fragment);
  EXPECT_EQ(d.pkt.tcp_flags, 0);
  EXPECT_EQ(d.pkt.tcp_seq, 0u);
}

TEST(DecodeFragment, Ipv4DontFragmentIsNoFragment) {
  Decoded d = decode(ethernet(ipv4(kA, kB, udp(1, 2), {.id = 77, .df = true})));
  ASSERT_DECODE_OK(d);
  EXPECT_FALSE(d.pkt.fragment);
  EXPECT_FALSE(d.pkt.first_fragment);
}

TEST(DecodeFragment, Ipv6FirstFragment) {
  Bytes f = ethernet(
      ipv6(kA6, kB6, ipv6_fragment(udp(4500, 4500, filled(1000)), {.more = true, .id = 0x11223344})));
  Decoded d = decode(f);
  ASSERT_DECODE_OK(d);
  EXPECT_TRUE(d.pkt.fragment);
  EXPECT_TRUE(d.pkt.first_fragment);
  EXPECT_EQ(d.pkt.frag_id, 0x11223344u);
  EXPECT_EQ(d.pkt.l4_proto, 17);
  EXPECT_EQ(d.pkt.sport, 4500);
  EXPECT_EQ(d.pkt.l4_offset, kL4v6 + 8);
}

TEST(DecodeFragment, Ipv6LaterFragments) {
  for (bool more : {true, false}) {
    SCOPED_TRACE(more);
    Bytes f = ethernet(
        ipv6(kA6, kB6,
             ipv6_fragment(filled(200, 0x55), {.offset = 1448, .more = more, .id = 0x99, .next_header = 6})));
    Decoded d = decode(f);
    ASSERT_DECODE_OK(d);
    EXPECT_TRUE(d.pkt.fragment);
    EXPECT_FALSE(d.pkt.first_fragment);
    EXPECT_EQ(d.pkt.frag_id, 0x99u);
    EXPECT_EQ(d.pkt.l4_proto, 6);
    EXPECT_EQ(d.pkt.sport, 0);
    EXPECT_EQ(d.pkt.dport, 0);
    EXPECT_EQ(d.pkt.tcp_flags, 0);
    EXPECT_EQ(d.pkt.l4_offset, kL4v6 + 8);
    EXPECT_EQ(d.pkt.l4_len, 200u);
    expect_sane(d, f.size());
  }
}

TEST(DecodeFragment, Ipv6LaterFragmentAfterOtherExtensionHeaders) {
  Bytes f = ethernet(
      ipv6(kA6, kB6, ipv6_hop_by_hop(ipv6_fragment(filled(64), {.offset = 64, .id = 5, .next_header = 17}))));
  Decoded d = decode(f);
  ASSERT_DECODE_OK(d);
  EXPECT_TRUE(d.pkt.fragment);
  EXPECT_FALSE(d.pkt.first_fragment);
  EXPECT_EQ(d.pkt.l4_proto, 17);
  EXPECT_EQ(d.pkt.l4_offset, kL4v6 + 16);
  EXPECT_EQ(d.pkt.l4_len, 64u);
}

TEST(DecodeFragment, Ipv6AtomicFragmentIsAFirstFragment) {
  Decoded d =
      decode(ethernet(ipv6(kA6, kB6, ipv6_fragment(tcp_segment(80, 1025, {.flags = kTcpFin}), {.id = 1}))));
  ASSERT_DECODE_OK(d);
  EXPECT_TRUE(d.pkt.first_fragment);
  EXPECT_EQ(d.pkt.sport, 80);
  EXPECT_EQ(d.pkt.tcp_flags, kTcpFin);
}

}  // namespace
}  // namespace wl::test
