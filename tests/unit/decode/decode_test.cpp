// Link layers: Ethernet, VLAN tags, MPLS, PPPoE, LLC/SNAP, Linux SLL/SLL2,
// BSD loopback, PPP, Cisco HDLC, raw IP, and the link-type dispatch.
// IP and transport: decode_ip_test.cpp; tunnels: decode_tunnel_test.cpp;
// truncated and corrupted frames: decode_robustness_test.cpp.
#include <gtest/gtest.h>

#include "decode/decode_test_util.h"

namespace wl::test {
namespace {

const char* const kA = "192.0.2.1";
const char* const kB = "198.51.100.2";
const char* const kA6 = "2001:db8::1";
const char* const kB6 = "2001:db8:1::2";

Pdu udp4() { return ipv4(kA, kB, udp(5353, 53, ascii("query"))); }
Pdu tcp6() { return ipv6(kA6, kB6, tcp_segment(40000, 443, {.flags = kTcpSyn, .seq = 7})); }

// An ARP request body (28 bytes): not IP.
Bytes arp_body() {
  Bytes b{0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01};
  append(b, kMacClient);
  append(b, ipv4_bytes(kA));
  append(b, Mac{});
  append(b, ipv4_bytes(kB));
  return b;
}

// The expectations shared by every frame built around udp4(): where the IP
// packet starts and that it was decoded completely.
void expect_udp4_at(const Decoded& d, uint32_t l3_offset) {
  ASSERT_DECODE_OK(d);
  const DecodedPacket& p = d.pkt;
  EXPECT_EQ(p.ip_version, 4);
  EXPECT_EQ(p.src.to_string(), kA);
  EXPECT_EQ(p.dst.to_string(), kB);
  EXPECT_EQ(p.l4_proto, 17);
  EXPECT_EQ(p.sport, 5353);
  EXPECT_EQ(p.dport, 53);
  EXPECT_EQ(p.l3_offset, l3_offset);
  EXPECT_EQ(p.l3_len, kIpv4Len + kUdpLen + 5);
  EXPECT_EQ(p.l4_offset, l3_offset + kIpv4Len);
  EXPECT_EQ(p.l4_len, kUdpLen + 5);
  EXPECT_EQ(p.payload_offset, l3_offset + kIpv4Len + kUdpLen);
  EXPECT_EQ(p.payload_len, 5u);
  EXPECT_EQ(p.tunnel, TunnelType::kNone);
  EXPECT_FALSE(p.fragment);
}

void expect_tcp6_at(const Decoded& d, uint32_t l3_offset) {
  ASSERT_DECODE_OK(d);
  const DecodedPacket& p = d.pkt;
  EXPECT_EQ(p.ip_version, 6);
  EXPECT_EQ(p.src.to_string(), kA6);
  EXPECT_EQ(p.dst.to_string(), kB6);
  EXPECT_EQ(p.l4_proto, 6);
  EXPECT_EQ(p.sport, 40000);
  EXPECT_EQ(p.dport, 443);
  EXPECT_EQ(p.tcp_flags, kTcpSyn);
  EXPECT_EQ(p.tcp_seq, 7u);
  EXPECT_EQ(p.l3_offset, l3_offset);
  EXPECT_EQ(p.l3_len, kIpv6Len + kTcpLen);
  EXPECT_EQ(p.l4_offset, l3_offset + kIpv6Len);
}

// --- Ethernet ---------------------------------------------------------------

TEST(DecodeEthernet, Ipv4TcpSyn) {
  Bytes f = ethernet(ipv4(kA, kB, tcp_segment(40000, 80, {.flags = kTcpSyn, .seq = 1000, .window = 29200})));
  Decoded d = decode(f);
  ASSERT_DECODE_OK(d);
  const DecodedPacket& p = d.pkt;
  EXPECT_TRUE(p.has_mac);
  EXPECT_EQ(p.src_mac, mac_addr(kMacClient));
  EXPECT_EQ(p.dst_mac, mac_addr(kMacServer));
  EXPECT_EQ(p.vlan, 0);
  EXPECT_EQ(p.ip_version, 4);
  EXPECT_EQ(p.src, ip_addr(kA));
  EXPECT_EQ(p.dst, ip_addr(kB));
  EXPECT_EQ(p.l4_proto, 6);
  EXPECT_EQ(p.sport, 40000);
  EXPECT_EQ(p.dport, 80);
  EXPECT_EQ(p.tcp_flags, kTcpSyn);
  EXPECT_EQ(p.tcp_seq, 1000u);
  EXPECT_EQ(p.tcp_ack, 0u);
  EXPECT_EQ(p.tcp_window, 29200);
  EXPECT_EQ(p.l3_offset, kEthLen);
  EXPECT_EQ(p.l3_len, kIpv4Len + kTcpLen);
  EXPECT_EQ(p.l4_offset, kEthLen + kIpv4Len);
  EXPECT_EQ(p.l4_len, kTcpLen);
  EXPECT_EQ(p.payload_offset, kEthLen + kIpv4Len + kTcpLen);
  EXPECT_EQ(p.payload_len, 0u);
  EXPECT_FALSE(p.l4_header_short);
  EXPECT_FALSE(p.fragment);
  EXPECT_EQ(p.tunnel, TunnelType::kNone);
  expect_sane(d, f.size());
}

TEST(DecodeEthernet, TcpWithOptionsAndPayload) {
  Bytes options{0x02, 0x04, 0x05, 0xB4, 0x01, 0x03, 0x03, 0x07, 0x04, 0x02};  // MSS, NOP, WS, SACK-perm
  Bytes f = ethernet(ipv4(kA, kB,
                          tcp_segment(80, 40000,
                                      {.flags = kTcpPsh | kTcpAck,
                                       .seq = 0xFFFFFFF0,
                                       .ack = 0x01020304,
                                       .window = 512,
                                       .options = options},
                                      ascii("HTTP/1.1 200 OK\r\n"))));
  Decoded d = decode(f);
  ASSERT_DECODE_OK(d);
  const DecodedPacket& p = d.pkt;
  EXPECT_EQ(p.tcp_flags, kTcpPsh | kTcpAck);
  EXPECT_EQ(p.tcp_seq, 0xFFFFFFF0u);
  EXPECT_EQ(p.tcp_ack, 0x01020304u);
  EXPECT_EQ(p.tcp_window, 512);
  EXPECT_EQ(p.l4_len, kTcpLen + 12 + 17);
  EXPECT_EQ(p.payload_offset, kEthLen + kIpv4Len + kTcpLen + 12);
  EXPECT_EQ(p.payload_len, 17u);
  EXPECT_EQ(f[p.payload_offset], 'H');
}

TEST(DecodeEthernet, Ipv6Tcp) { expect_tcp6_at(decode(ethernet(tcp6())), kEthLen); }

TEST(DecodeEthernet, TrailerPaddingIsNotPartOfThePacket) {
  Bytes f = ethernet(udp4());
  append(f, filled(60 - f.size(), 0xEE));  // padded to the Ethernet minimum
  expect_udp4_at(decode(f), kEthLen);
}

TEST(DecodeEthernet, ArpIsNonIp) {
  Decoded d = decode(ethernet(arp_body(), {.ethertype = 0x0806}));
  EXPECT_DECODE_ERR(d, DecodeError::kNonIp);
  EXPECT_TRUE(d.pkt.has_mac);  // counted per MAC even though it is no flow
}

TEST(DecodeEthernet, UnknownEtherTypeIsNonIp) {
  EXPECT_DECODE_ERR(decode(ethernet(udp4(), {.ethertype = 0x88CC})), DecodeError::kNonIp);  // LLDP
}

TEST(DecodeEthernet, ShortFrameIsTruncatedLinkHeader) {
  Bytes f = ethernet(udp4());
  for (size_t n : {0, 1, 6, 12, 13})
    EXPECT_DECODE_ERR(decode(truncated(f, n)), DecodeError::kTruncatedLinkHeader) << n;
  EXPECT_DECODE_ERR(decode(truncated(f, 14)), DecodeError::kTruncatedIpHeader);
}

TEST(DecodeEthernet, EtherTypeAndVersionDisagree) {
  EXPECT_DECODE_ERR(decode(ethernet(tcp6(), {.ethertype = 0x0800})), DecodeError::kBadIpVersion);
  EXPECT_DECODE_ERR(decode(ethernet(udp4(), {.ethertype = 0x86DD})), DecodeError::kTruncatedIpHeader);
  Bytes f = ethernet(tcp6(), {.ethertype = 0x86DD});
  f[kEthLen] = 0x40;  // IPv4 nibble on an IPv6 EtherType
  EXPECT_DECODE_ERR(decode(f), DecodeError::kBadIpVersion);
}

// --- VLAN tags --------------------------------------------------------------

TEST(DecodeVlan, SingleTag) {
  Decoded d = decode(ethernet(udp4(), {.tags = {dot1q(100)}}));
  expect_udp4_at(d, kEthLen + 4);
  EXPECT_EQ(d.pkt.vlan, 100);
}

TEST(DecodeVlan, PriorityBitsAreNotPartOfTheId) {
  Decoded d = decode(ethernet(udp4(), {.tags = {dot1q(4094, 7)}}));
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.vlan, 4094);
}

TEST(DecodeVlan, QinQInnermostTagWins) {
  Decoded d = decode(ethernet(tcp6(), {.tags = {dot1ad(100), dot1q(200)}}));
  expect_tcp6_at(d, kEthLen + 8);
  EXPECT_EQ(d.pkt.vlan, 200);
}

TEST(DecodeVlan, Legacy9100Tags) {
  Decoded d = decode(ethernet(udp4(), {.tags = {{0x9100, 10}, {0x9100, 20}, dot1q(30)}}));
  expect_udp4_at(d, kEthLen + 12);
  EXPECT_EQ(d.pkt.vlan, 30);
}

TEST(DecodeVlan, EightTagsDecodeNineAreNonIp) {
  std::vector<VlanTag> tags;
  for (uint16_t i = 1; i <= 8; ++i) tags.push_back(dot1q(i));
  Decoded d = decode(ethernet(udp4(), {.tags = tags}));
  expect_udp4_at(d, kEthLen + 32);
  EXPECT_EQ(d.pkt.vlan, 8);
  tags.push_back(dot1q(9));
  EXPECT_DECODE_ERR(decode(ethernet(udp4(), {.tags = tags})), DecodeError::kNonIp);
}

TEST(DecodeVlan, TaggedArpIsNonIp) {
  EXPECT_DECODE_ERR(decode(ethernet(arp_body(), {.tags = {dot1q(5)}, .ethertype = 0x0806})),
                    DecodeError::kNonIp);
}

TEST(DecodeVlan, TruncatedTag) {
  Bytes f = ethernet(udp4(), {.tags = {dot1q(100)}});
  EXPECT_DECODE_ERR(decode(truncated(f, kEthLen + 3)), DecodeError::kTruncatedLinkHeader);
  EXPECT_DECODE_ERR(decode(truncated(f, kEthLen + 4)), DecodeError::kTruncatedIpHeader);
}

// --- MPLS -------------------------------------------------------------------

TEST(DecodeMpls, SingleLabel) { expect_udp4_at(decode(ethernet(mpls({100}, udp4()))), kEthLen + 4); }

TEST(DecodeMpls, LabelStackIpv6) {
  expect_tcp6_at(decode(ethernet(mpls({16, 17, 18}, tcp6()))), kEthLen + 12);
}

TEST(DecodeMpls, MulticastEtherType) {
  expect_udp4_at(decode(ethernet(mpls({100}, udp4()), {.ethertype = 0x8848})), kEthLen + 4);
}

TEST(DecodeMpls, UnderVlan) {
  Decoded d = decode(ethernet(mpls({100, 200}, udp4()), {.tags = {dot1q(42)}}));
  expect_udp4_at(d, kEthLen + 4 + 8);
  EXPECT_EQ(d.pkt.vlan, 42);
}

TEST(DecodeMpls, SixteenLabelsDecodeSeventeenAreNonIp) {
  std::vector<uint32_t> labels(16, 1000);
  expect_udp4_at(decode(ethernet(mpls(labels, udp4()))), kEthLen + 64);
  labels.push_back(1000);
  EXPECT_DECODE_ERR(decode(ethernet(mpls(labels, udp4()))), DecodeError::kNonIp);
}

TEST(DecodeMpls, PseudowireControlWordIsNonIp) {
  Bytes ethernet_pw{0x00, 0x00, 0x00, 0x00};  // control word, then an Ethernet frame
  append(ethernet_pw, ethernet(udp4()));
  EXPECT_DECODE_ERR(decode(ethernet(mpls({100}, ethernet_pw))), DecodeError::kNonIp);
}

TEST(DecodeMpls, Truncated) {
  Bytes f = ethernet(mpls({100, 200}, udp4()));
  EXPECT_DECODE_ERR(decode(truncated(f, kEthLen + 2)), DecodeError::kTruncatedLinkHeader);
  EXPECT_DECODE_ERR(decode(truncated(f, kEthLen + 6)), DecodeError::kTruncatedLinkHeader);
  EXPECT_DECODE_ERR(decode(truncated(f, kEthLen + 8)), DecodeError::kTruncatedIpHeader);
}

// --- PPPoE ------------------------------------------------------------------

TEST(DecodePppoe, Ipv4) { expect_udp4_at(decode(ethernet(pppoe(udp4()))), kEthLen + 8); }

TEST(DecodePppoe, Ipv6UnderVlan) {
  Decoded d = decode(ethernet(pppoe(tcp6(), 0x1234), {.tags = {dot1q(7)}}));
  expect_tcp6_at(d, kEthLen + 4 + 8);
  EXPECT_EQ(d.pkt.vlan, 7);
}

TEST(DecodePppoe, LcpIsNonIp) {
  Bytes lcp{0x01, 0x01, 0x00, 0x04};  // Configure-Request, no options
  EXPECT_DECODE_ERR(decode(ethernet(pppoe(lcp, 1, 0xC021))), DecodeError::kNonIp);
}

TEST(DecodePppoe, DiscoveryIsNonIp) {
  Bytes padi{0x11, 0x09, 0x00, 0x00, 0x00, 0x00};
  EXPECT_DECODE_ERR(decode(ethernet(padi, {.ethertype = 0x8863})), DecodeError::kNonIp);
}

TEST(DecodePppoe, Truncated) {
  Bytes f = ethernet(pppoe(udp4()));
  EXPECT_DECODE_ERR(decode(truncated(f, kEthLen + 5)), DecodeError::kTruncatedLinkHeader);
  EXPECT_DECODE_ERR(decode(truncated(f, kEthLen + 7)), DecodeError::kTruncatedLinkHeader);
  EXPECT_DECODE_ERR(decode(truncated(f, kEthLen + 8)), DecodeError::kTruncatedIpHeader);
}

// --- IEEE 802.3 + LLC/SNAP ----------------------------------------------------

TEST(DecodeLlc, SnapCarryingIpv4) {
  Decoded d = decode(ethernet_8023(llc_snap(udp4())));
  expect_udp4_at(d, kEthLen + 8);
  EXPECT_TRUE(d.pkt.has_mac);
}

TEST(DecodeLlc, SnapCarryingVlanAndIpv6) {
  Bytes tagged{0x00, 0x33};  // TCI: VLAN 51
  put16(tagged, 0x86DD);
  append(tagged, tcp6());
  Decoded d = decode(ethernet_8023(llc_snap(tagged, 0x8100)));
  expect_tcp6_at(d, kEthLen + 8 + 4);
  EXPECT_EQ(d.pkt.vlan, 51);
}

TEST(DecodeLlc, SpanningTreeIsNonIp) {
  Bytes bpdu{0x42, 0x42, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00};
  append(bpdu, filled(27));
  EXPECT_DECODE_ERR(decode(ethernet_8023(bpdu)), DecodeError::kNonIp);
}

// --- Linux cooked capture -------------------------------------------------------

TEST(DecodeSll, Ipv4) {
  Decoded d = decode(sll(udp4()), dlt::kLinuxSll);
  expect_udp4_at(d, 16);
  EXPECT_FALSE(d.pkt.has_mac);
}

TEST(DecodeSll, OutgoingIpv6) { expect_tcp6_at(decode(sll(tcp6(), 4), dlt::kLinuxSll), 16); }

TEST(DecodeSll, VlanProtocol) {
  Bytes tagged{0x00, 0x0A, 0x08, 0x00};
  append(tagged, udp4());
  Decoded d = decode(sll(tagged, 0, 0x8100), dlt::kLinuxSll);
  expect_udp4_at(d, 20);
  EXPECT_EQ(d.pkt.vlan, 10);
}

TEST(DecodeSll, Sll2Ipv4AndIpv6) {
  expect_udp4_at(decode(sll2(udp4()), dlt::kLinuxSll2), 20);
  expect_tcp6_at(decode(sll2(tcp6(), 7), dlt::kLinuxSll2), 20);
}

TEST(DecodeSll, ArpIsNonIp) {
  EXPECT_DECODE_ERR(decode(sll(arp_body(), 0, 0x0806), dlt::kLinuxSll), DecodeError::kNonIp);
  EXPECT_DECODE_ERR(decode(sll2(arp_body(), 1, 0x0806), dlt::kLinuxSll2), DecodeError::kNonIp);
}

TEST(DecodeSll, TruncatedHeaders) {
  EXPECT_DECODE_ERR(decode(truncated(sll(udp4()), 15), dlt::kLinuxSll), DecodeError::kTruncatedLinkHeader);
  EXPECT_DECODE_ERR(decode(truncated(sll2(udp4()), 19), dlt::kLinuxSll2), DecodeError::kTruncatedLinkHeader);
  EXPECT_DECODE_ERR(decode(truncated(sll(udp4()), 16), dlt::kLinuxSll), DecodeError::kTruncatedIpHeader);
}

// --- BSD loopback ---------------------------------------------------------------

TEST(DecodeLoopback, NullBothByteOrders) {
  expect_udp4_at(decode(bsd_null(udp4()), dlt::kNull), 4);
  expect_udp4_at(decode(bsd_null(udp4(), true), dlt::kNull), 4);
}

TEST(DecodeLoopback, NullIpv6FamiliesOfEveryBsd) {
  for (uint32_t family : {24u, 28u, 30u}) {
    SCOPED_TRACE(family);
    expect_tcp6_at(decode(bsd_null(tcp6(), false, family), dlt::kNull), 4);
    expect_tcp6_at(decode(bsd_null(tcp6(), true, family), dlt::kNull), 4);
  }
}

TEST(DecodeLoopback, LoopIsNetworkOrder) {
  expect_udp4_at(decode(bsd_loop(udp4()), dlt::kLoop), 4);
  expect_tcp6_at(decode(bsd_loop(tcp6(), 24), dlt::kLoop), 4);
  // A little-endian family is 0x02000000 in network order: not AF_INET.
  EXPECT_DECODE_ERR(decode(bsd_null(udp4()), dlt::kLoop), DecodeError::kNonIp);
}

TEST(DecodeLoopback, OtherFamiliesAreNonIp) {
  EXPECT_DECODE_ERR(decode(bsd_null(udp4(), false, 7), dlt::kNull), DecodeError::kNonIp);
  EXPECT_DECODE_ERR(decode(bsd_null(udp4(), true, 0), dlt::kNull), DecodeError::kNonIp);
}

TEST(DecodeLoopback, Truncated) {
  EXPECT_DECODE_ERR(decode(truncated(bsd_null(udp4()), 3), dlt::kNull), DecodeError::kTruncatedLinkHeader);
  EXPECT_DECODE_ERR(decode(truncated(bsd_loop(udp4()), 0), dlt::kLoop), DecodeError::kTruncatedLinkHeader);
  EXPECT_DECODE_ERR(decode(truncated(bsd_null(udp4()), 4), dlt::kNull), DecodeError::kTruncatedIpHeader);
}

// --- PPP and Cisco HDLC -----------------------------------------------------------

TEST(DecodePpp, WithAndWithoutAddressControl) {
  expect_udp4_at(decode(ppp(udp4()), dlt::kPpp), 4);
  expect_udp4_at(decode(ppp(udp4(), {.address_control = false}), dlt::kPpp), 2);
  expect_udp4_at(decode(ppp(udp4()), dlt::kPppSerial), 4);
}

TEST(DecodePpp, CompressedProtocolField) {
  expect_udp4_at(decode(ppp(udp4(), {.compress_protocol = true}), dlt::kPpp), 3);
  expect_tcp6_at(decode(ppp(tcp6(), {.address_control = false, .compress_protocol = true}), dlt::kPpp), 1);
}

TEST(DecodePpp, Ipv6AndMpls) {
  expect_tcp6_at(decode(ppp(tcp6()), dlt::kPpp), 4);
  expect_udp4_at(decode(ppp(mpls({300}, udp4())), dlt::kPpp), 8);
}

TEST(DecodePpp, PppOverEthernetLinkType) {
  // DLT_PPP_ETHER: the PPPoE header without the Ethernet header.
  expect_udp4_at(decode(pppoe(udp4()), dlt::kPppEther), 8);
  EXPECT_DECODE_ERR(decode(truncated(pppoe(udp4()), 5), dlt::kPppEther), DecodeError::kTruncatedLinkHeader);
}

TEST(DecodePpp, ControlProtocolsAreNonIp) {
  Bytes lcp{0x01, 0x01, 0x00, 0x04};
  EXPECT_DECODE_ERR(decode(ppp(lcp, {.protocol = 0xC021}), dlt::kPpp), DecodeError::kNonIp);
  EXPECT_DECODE_ERR(decode(ppp(lcp, {.protocol = 0x8021}), dlt::kPpp), DecodeError::kNonIp);  // IPCP
}

TEST(DecodePpp, Truncated) {
  EXPECT_DECODE_ERR(decode(Bytes{0xFF, 0x03}, dlt::kPpp), DecodeError::kTruncatedLinkHeader);
  EXPECT_DECODE_ERR(decode(Bytes{0xFF, 0x03, 0x00}, dlt::kPpp), DecodeError::kTruncatedLinkHeader);
  EXPECT_DECODE_ERR(decode(Bytes{}, dlt::kPpp), DecodeError::kTruncatedLinkHeader);
}

TEST(DecodeCiscoHdlc, Ipv4AndIpv6) {
  expect_udp4_at(decode(cisco_hdlc(udp4()), dlt::kCiscoHdlc), 4);
  expect_tcp6_at(decode(cisco_hdlc(tcp6()), dlt::kCiscoHdlc), 4);
}

TEST(DecodeCiscoHdlc, SlarpIsNonIpAndShortIsTruncated) {
  EXPECT_DECODE_ERR(decode(cisco_hdlc(filled(20), 0x8035), dlt::kCiscoHdlc), DecodeError::kNonIp);
  EXPECT_DECODE_ERR(decode(Bytes{0x0F, 0x00, 0x08}, dlt::kCiscoHdlc), DecodeError::kTruncatedLinkHeader);
}

// --- Raw IP and link types ----------------------------------------------------------

TEST(DecodeRawIp, EveryRawLinkType) {
  for (int linktype : {dlt::kRaw, dlt::kRawOpenBsd, dlt::kLinktypeRaw}) {
    SCOPED_TRACE(linktype);
    Decoded d = decode(udp4(), linktype);
    expect_udp4_at(d, 0);
    EXPECT_FALSE(d.pkt.has_mac);
    expect_tcp6_at(decode(tcp6(), linktype), 0);
  }
  expect_udp4_at(decode(udp4(), dlt::kIpv4), 0);
  expect_tcp6_at(decode(tcp6(), dlt::kIpv6), 0);
}

TEST(DecodeRawIp, VersionMismatchAndGarbage) {
  EXPECT_DECODE_ERR(decode(tcp6(), dlt::kIpv4), DecodeError::kBadIpVersion);
  EXPECT_DECODE_ERR(decode(udp4(), dlt::kIpv6), DecodeError::kTruncatedIpHeader);  // 33 bytes < 40
  Bytes v5 = udp4();
  v5[0] = 0x55;
  EXPECT_DECODE_ERR(decode(v5, dlt::kRaw), DecodeError::kBadIpVersion);
  v5[0] = 0x05;
  EXPECT_DECODE_ERR(decode(v5, dlt::kRaw), DecodeError::kBadIpVersion);
  EXPECT_DECODE_ERR(decode(Bytes{}, dlt::kRaw), DecodeError::kTruncatedIpHeader);
}

TEST(DecodeLinkType, UnsupportedLinkType) {
  Bytes f = ethernet(udp4());
  for (int linktype : {-1, 6, 105, 127, 192, 1000}) {
    SCOPED_TRACE(linktype);
    EXPECT_FALSE(is_supported_linktype(linktype));
    EXPECT_DECODE_ERR(decode(f, linktype), DecodeError::kUnsupportedLinkType);
  }
}

TEST(DecodeLinkType, SupportedList) {
  for (int linktype : {dlt::kNull, dlt::kEthernet, dlt::kPpp, dlt::kRaw, dlt::kRawOpenBsd, dlt::kPppSerial,
                       dlt::kPppEther, dlt::kLinktypeRaw, dlt::kCiscoHdlc, dlt::kLoop, dlt::kLinuxSll,
                       dlt::kIpv4, dlt::kIpv6, dlt::kLinuxSll2}) {
    SCOPED_TRACE(linktype);
    EXPECT_TRUE(is_supported_linktype(linktype));
    Decoded d = decode(Bytes{}, linktype);  // an empty frame is an error, never unsupported
    EXPECT_NE(d.err, DecodeError::kUnsupportedLinkType);
    EXPECT_NE(d.err, DecodeError::kNone);
  }
}

TEST(DecodeLinkType, OutputIsResetBetweenFrames) {
  Decoded first =
      decode(ethernet(ipv4(kA, kB, tcp_segment(1, 2, {.flags = kTcpSyn, .seq = 9})), {.tags = {dot1q(3)}}));
  ASSERT_DECODE_OK(first);
  DecodedPacket reused = first.pkt;
  Bytes f = sll(udp4());
  ASSERT_EQ(decode_frame(f.data(), static_cast<uint32_t>(f.size()), static_cast<uint32_t>(f.size()),
                         dlt::kLinuxSll, reused),
            DecodeError::kNone);
  EXPECT_EQ(reused.vlan, 0);
  EXPECT_FALSE(reused.has_mac);
  EXPECT_EQ(reused.tcp_flags, 0);
  EXPECT_EQ(reused.tcp_seq, 0u);
  EXPECT_EQ(reused.sport, 5353);
}

}  // namespace
}  // namespace wl::test
