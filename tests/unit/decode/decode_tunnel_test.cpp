// Tunnels: GRE (v0, PPTP, ERSPAN I/II/III), VXLAN, GTP-U, CAPWAP, TZSP and
// IP-in-IP. A decapsulated packet is keyed on the inner packet and keeps the
// outermost tunnel; when the inner packet does not decode, the outer stands.
#include <gtest/gtest.h>

#include "decode/decode_test_util.h"

namespace wl::test {
namespace {

// Outer (tunnel endpoints) and inner (the flow) addresses.
const char* const kO1 = "10.1.0.1";
const char* const kO2 = "10.1.0.2";
const char* const kO1v6 = "2001:db8:ffff::1";
const char* const kO2v6 = "2001:db8:ffff::2";
const char* const kA = "192.168.1.10";
const char* const kB = "93.184.216.34";
const char* const kA6 = "2001:db8:a::10";
const char* const kB6 = "2001:db8:b::20";

constexpr Mac kInnerSrcMac{0x0A, 0x00, 0x00, 0x00, 0x00, 0x0A};
constexpr Mac kInnerDstMac{0x0A, 0x00, 0x00, 0x00, 0x00, 0x0B};

// The flow carried through every tunnel: a TCP SYN (40 bytes of IPv4).
Pdu inner_tcp() { return ipv4(kA, kB, tcp_segment(51000, 443, {.flags = kTcpSyn, .seq = 42})); }
Pdu inner_tcp6() { return ipv6(kA6, kB6, tcp_segment(51000, 443, {.flags = kTcpSyn, .seq = 42})); }
Pdu inner_eth(EthOpts o = {.dst = kInnerDstMac, .src = kInnerSrcMac}) { return ethernet(inner_tcp(), o); }

// Outer frames: Ethernet + IPv4 from kO1 to kO2 around a GRE or UDP payload.
Bytes over_ipv4(const Pdu& payload) { return ethernet(ipv4(kO1, kO2, payload)); }
Bytes over_udp(uint16_t dport, const Pdu& payload, uint16_t sport = 33333) {
  return over_ipv4(udp(sport, dport, payload));
}
constexpr uint32_t kOuterL4 = kEthLen + kIpv4Len;  // GRE header / UDP header
constexpr uint32_t kUdpBody = kOuterL4 + kUdpLen;  // the UDP tunnel header

void expect_inner(const Decoded& d, uint32_t l3_offset, TunnelType type, uint32_t tunnel_id = 0,
                  bool v6 = false) {
  ASSERT_DECODE_OK(d);
  const DecodedPacket& p = d.pkt;
  EXPECT_EQ(p.src.to_string(), v6 ? kA6 : kA);
  EXPECT_EQ(p.dst.to_string(), v6 ? kB6 : kB);
  EXPECT_EQ(p.ip_version, v6 ? 6 : 4);
  EXPECT_EQ(p.l4_proto, 6);
  EXPECT_EQ(p.sport, 51000);
  EXPECT_EQ(p.dport, 443);
  EXPECT_EQ(p.tcp_flags, kTcpSyn);
  EXPECT_EQ(p.tcp_seq, 42u);
  EXPECT_EQ(p.l3_offset, l3_offset);
  EXPECT_EQ(p.l3_len, (v6 ? kIpv6Len : kIpv4Len) + kTcpLen);
  EXPECT_EQ(p.l4_offset, l3_offset + (v6 ? kIpv6Len : kIpv4Len));
  EXPECT_EQ(p.l4_len, kTcpLen);
  EXPECT_EQ(p.tunnel, type) << tunnel_type_name(p.tunnel);
  EXPECT_EQ(p.tunnel_id, tunnel_id);
  if (p.tunnel_src.is_v4()) {
    EXPECT_EQ(p.tunnel_src.to_string(), kO1);
    EXPECT_EQ(p.tunnel_dst.to_string(), kO2);
  }
  // The local L2 is the outer Ethernet header.
  EXPECT_TRUE(p.has_mac);
  EXPECT_EQ(p.src_mac, mac_addr(kMacClient));
  EXPECT_EQ(p.dst_mac, mac_addr(kMacServer));
}

// The outer packet stands as an ordinary flow, with no trace of the tunnel.
void expect_outer(const Decoded& d, uint8_t proto) {
  ASSERT_DECODE_OK(d);
  const DecodedPacket& p = d.pkt;
  EXPECT_EQ(p.src.to_string(), kO1);
  EXPECT_EQ(p.dst.to_string(), kO2);
  EXPECT_EQ(p.l3_offset, kEthLen);
  EXPECT_EQ(p.l4_proto, proto);
  EXPECT_EQ(p.l4_offset, kOuterL4);
  EXPECT_EQ(p.tunnel, TunnelType::kNone) << tunnel_type_name(p.tunnel);
  EXPECT_EQ(p.tunnel_src.version, 0);
  EXPECT_EQ(p.tunnel_id, 0u);
  EXPECT_EQ(p.vlan, 0);
  EXPECT_EQ(p.tcp_flags, 0);
}

void expect_outer_udp(const Decoded& d, uint16_t dport, uint16_t sport = 33333) {
  expect_outer(d, 17);
  EXPECT_EQ(d.pkt.sport, sport);
  EXPECT_EQ(d.pkt.dport, dport);
  EXPECT_EQ(d.pkt.payload_offset, kUdpBody);
  EXPECT_EQ(d.pkt.payload_len, d.pkt.l4_len - kUdpLen);
}

// --- GRE ------------------------------------------------------------------------

TEST(DecodeGre, Ipv4InGre) {
  Bytes f = over_ipv4(gre(inner_tcp()));
  Decoded d = decode(f);
  expect_inner(d, kOuterL4 + 4, TunnelType::kGre);
  expect_sane(d, f.size());
}

TEST(DecodeGre, OptionalFieldsAndKey) {
  expect_inner(decode(over_ipv4(gre(inner_tcp(), {.key = 0xDEADBEEF}))), kOuterL4 + 8, TunnelType::kGre,
               0xDEADBEEF);
  expect_inner(decode(over_ipv4(gre(inner_tcp(), {.seq = 5}))), kOuterL4 + 8, TunnelType::kGre);
  expect_inner(decode(over_ipv4(gre(inner_tcp(), {.key = 7, .seq = 5, .checksum = true}))), kOuterL4 + 16,
               TunnelType::kGre, 7);
}

TEST(DecodeGre, Ipv6InGreOverIpv6) {
  Decoded d = decode(ethernet(ipv6(kO1v6, kO2v6, gre(inner_tcp6(), {.key = 1}))));
  expect_inner(d, kEthLen + kIpv6Len + 8, TunnelType::kGre, 1, true);
  EXPECT_EQ(d.pkt.tunnel_src.to_string(), kO1v6);
  EXPECT_EQ(d.pkt.tunnel_dst.to_string(), kO2v6);
}

TEST(DecodeGre, TransparentEthernetBridging) {
  Decoded d =
      decode(over_ipv4(gre(inner_eth({.dst = kInnerDstMac, .src = kInnerSrcMac, .tags = {dot1q(77)}}))));
  expect_inner(d, kOuterL4 + 4 + kEthLen + 4, TunnelType::kGre);
  EXPECT_EQ(d.pkt.vlan, 77);
}

TEST(DecodeGre, MplsAndPpp) {
  expect_inner(decode(over_ipv4(gre(mpls({1000, 2000}, inner_tcp())))), kOuterL4 + 4 + 8, TunnelType::kGre);
  expect_inner(decode(over_ipv4(gre(ppp(inner_tcp())))), kOuterL4 + 4 + 4, TunnelType::kGre);
}

TEST(DecodeGre, PptpEnhancedGre) {
  expect_inner(decode(over_ipv4(gre_pptp(7, ppp(inner_tcp()), 1, 5))), kOuterL4 + 16 + 4, TunnelType::kGre);
  expect_inner(decode(over_ipv4(gre_pptp(7, ppp(inner_tcp()), 1))), kOuterL4 + 12 + 4, TunnelType::kGre);
  expect_inner(
      decode(over_ipv4(gre_pptp(7, ppp(inner_tcp(), {.address_control = false, .compress_protocol = true}),
                                std::nullopt))),
      kOuterL4 + 8 + 1, TunnelType::kGre);
}

TEST(DecodeGre, PptpAckOnlyPacketStands) {
  // An acknowledgement without payload: nothing inside, the GRE packet is the flow.
  Decoded d = decode(over_ipv4(gre_pptp(7, Pdu{}, std::nullopt, 9)));
  expect_outer(d, 47);
}

TEST(DecodeGre, MalformedHeadersLeaveTheOuterPacket) {
  Bytes no_key = over_ipv4(gre_pptp(7, ppp(inner_tcp())));
  no_key[kOuterL4] &= static_cast<uint8_t>(~0x20);  // version 1 requires the key bit
  expect_outer(decode(no_key), 47);

  Bytes v2 = over_ipv4(gre(inner_tcp()));
  v2[kOuterL4 + 1] |= 0x02;
  expect_outer(decode(v2), 47);

  expect_outer(decode(over_ipv4(ip_payload(47, {0x00, 0x00, 0x08}))), 47);              // 3 bytes
  expect_outer(decode(over_ipv4(ip_payload(47, {0x20, 0x00, 0x08, 0x00, 0x01}))), 47);  // key cut short
  expect_outer(decode(over_ipv4(gre(Pdu{}, {.seq = 1, .protocol = 0x0800}))), 47);      // header only
}

TEST(DecodeGre, UnknownOrUndecodablePayloadLeavesTheOuterPacket) {
  expect_outer(decode(over_ipv4(gre(filled(28, 0x11), {.protocol = 0x0806}))), 47);  // ARP
  expect_outer(decode(over_ipv4(gre(filled(40, 0xAB), {.protocol = 0x0800}))), 47);  // not IPv4
  expect_outer(decode(over_ipv4(gre(truncated(inner_tcp(), 30), {.protocol = 0x0800}))),
               47);  // inner too long
  expect_outer(decode(over_ipv4(gre(ethernet(filled(28), {.ethertype = 0x0806})))), 47);
  Decoded d = decode(over_ipv4(gre(filled(40, 0xAB), {.key = 99, .protocol = 0x86DD})));
  expect_outer(d, 47);
  EXPECT_EQ(d.pkt.l4_len, 8u + 40);
}

// --- ERSPAN -----------------------------------------------------------------------

TEST(DecodeErspan, TypeI) {
  Decoded d = decode(over_ipv4(gre(erspan1(inner_eth({.dst = kInnerDstMac, .tags = {dot1q(12)}})))));
  expect_inner(d, kOuterL4 + 4 + kEthLen + 4, TunnelType::kErspan);
  EXPECT_EQ(d.pkt.vlan, 12);
}

TEST(DecodeErspan, TypeII) {
  expect_inner(decode(over_ipv4(gre(erspan2(inner_eth(), 5), {.seq = 1}))), kOuterL4 + 8 + 8 + kEthLen,
               TunnelType::kErspan);
  expect_inner(decode(over_ipv4(gre(erspan2(inner_eth(), 5), {.key = 3, .seq = 1}))),
               kOuterL4 + 12 + 8 + kEthLen, TunnelType::kErspan, 3);
}

TEST(DecodeErspan, TypeIII) {
  expect_inner(decode(over_ipv4(gre(erspan3(inner_eth()), {.seq = 1}))), kOuterL4 + 8 + 12 + kEthLen,
               TunnelType::kErspan);
  expect_inner(decode(over_ipv4(gre(erspan3(inner_eth(), 1, true), {.seq = 1}))),
               kOuterL4 + 8 + 12 + 8 + kEthLen, TunnelType::kErspan);
}

TEST(DecodeErspan, ShortOrNonIpMirrorLeavesTheOuterPacket) {
  expect_outer(decode(over_ipv4(gre(Pdu(filled(11), std::nullopt, 0x22EB), {.seq = 1}))), 47);
  expect_outer(decode(over_ipv4(gre(Pdu(filled(6), std::nullopt, 0x88BE), {.seq = 1}))), 47);
  expect_outer(decode(over_ipv4(gre(erspan2(ethernet(filled(28), {.ethertype = 0x0806})), {.seq = 1}))), 47);
}

// --- VXLAN ------------------------------------------------------------------------

TEST(DecodeVxlan, EthernetInVxlan) {
  Bytes f = over_udp(kVxlanPort, vxlan(5001, inner_eth()));
  Decoded d = decode(f);
  expect_inner(d, kUdpBody + 8 + kEthLen, TunnelType::kVxlan, 5001);
  expect_sane(d, f.size());
}

TEST(DecodeVxlan, SourcePortLargestVniAndInnerVlan) {
  Decoded d = decode(over_udp(40000, vxlan(0xFFFFFF, inner_eth({.tags = {dot1q(300)}})), kVxlanPort));
  expect_inner(d, kUdpBody + 8 + kEthLen + 4, TunnelType::kVxlan, 0xFFFFFF);
  EXPECT_EQ(d.pkt.vlan, 300);
}

TEST(DecodeVxlan, OuterVlanAndIpv6Underlay) {
  Decoded d = decode(ethernet(ipv6(kO1v6, kO2v6, udp(1, kVxlanPort, vxlan(10, ethernet(inner_tcp6())))),
                              {.tags = {dot1q(4)}}));
  expect_inner(d, kEthLen + 4 + kIpv6Len + kUdpLen + 8 + kEthLen, TunnelType::kVxlan, 10, true);
  EXPECT_EQ(d.pkt.tunnel_src.to_string(), kO1v6);
}

TEST(DecodeVxlan, GarbageLeavesTheOuterUdpFlow) {
  Bytes no_i_flag = vxlan(5001, inner_eth());
  no_i_flag[0] = 0x00;
  expect_outer_udp(decode(over_udp(kVxlanPort, no_i_flag)), kVxlanPort);
  expect_outer_udp(decode(over_udp(kVxlanPort, filled(7, 0x08))), kVxlanPort);  // shorter than the header
  expect_outer_udp(decode(over_udp(kVxlanPort, vxlan(1, ethernet(filled(28), {.ethertype = 0x0806})))),
                   kVxlanPort);
  expect_outer_udp(decode(over_udp(kVxlanPort, vxlan(1, truncated(inner_eth(), 30)))), kVxlanPort);
  expect_outer_udp(decode(over_udp(kVxlanPort, vxlan(1, ethernet(filled(40, 0x99), {.ethertype = 0x0800})))),
                   kVxlanPort);
  Decoded d = decode(over_udp(kVxlanPort, filled(100, 0x08)));
  expect_outer_udp(d, kVxlanPort);
  EXPECT_EQ(d.pkt.payload_len, 100u);
}

// --- GTP-U ------------------------------------------------------------------------

TEST(DecodeGtp, Ipv4InGtp) {
  Decoded d = decode(over_udp(kGtpUPort, gtpu(0x12345678, inner_tcp()), kGtpUPort));
  expect_inner(d, kUdpBody + 8, TunnelType::kGtpU, 0x12345678);
}

TEST(DecodeGtp, SequenceNumberAndExtensionHeader) {
  expect_inner(decode(over_udp(kGtpUPort, gtpu(1, inner_tcp(), {.seq = 100}))), kUdpBody + 12,
               TunnelType::kGtpU, 1);
  expect_inner(decode(over_udp(kGtpUPort, gtpu(2, inner_tcp(), {.pdu_session_container = true}))),
               kUdpBody + 16, TunnelType::kGtpU, 2);
  expect_inner(decode(over_udp(kGtpUPort, gtpu(3, inner_tcp(), {.seq = 7, .pdu_session_container = true}))),
               kUdpBody + 16, TunnelType::kGtpU, 3);
}

TEST(DecodeGtp, Ipv6InsideAndOutside) {
  Decoded d = decode(ethernet(ipv6(kO1v6, kO2v6, udp(kGtpUPort, 40000, gtpu(9, inner_tcp6())))));
  expect_inner(d, kEthLen + kIpv6Len + kUdpLen + 8, TunnelType::kGtpU, 9, true);
}

TEST(DecodeGtp, NonGpduOrMalformedLeavesTheOuterUdpFlow) {
  Bytes echo = gtpu(0, filled(4));
  echo[1] = 0x01;  // echo request
  expect_outer_udp(decode(over_udp(kGtpUPort, echo)), kGtpUPort);

  Bytes v2 = gtpu(1, inner_tcp());
  v2[0] = 0x48;  // GTPv2-C
  expect_outer_udp(decode(over_udp(kGtpUPort, v2)), kGtpUPort);

  Bytes prime = gtpu(1, inner_tcp());
  prime[0] &= static_cast<uint8_t>(~0x10);  // PT = 0: GTP'
  expect_outer_udp(decode(over_udp(kGtpUPort, prime)), kGtpUPort);

  Bytes zero_ext = gtpu(1, inner_tcp(), {.pdu_session_container = true});
  zero_ext[12] = 0;  // extension header length 0
  expect_outer_udp(decode(over_udp(kGtpUPort, zero_ext)), kGtpUPort);

  Bytes long_ext = gtpu(1, inner_tcp(), {.pdu_session_container = true});
  long_ext[12] = 200;  // runs past the packet
  expect_outer_udp(decode(over_udp(kGtpUPort, long_ext)), kGtpUPort);

  expect_outer_udp(decode(over_udp(kGtpUPort, gtpu(1, filled(40, 0x45)))), kGtpUPort);  // not IP
  expect_outer_udp(decode(over_udp(kGtpUPort, gtpu(1, Pdu{}))), kGtpUPort);             // empty
  expect_outer_udp(decode(over_udp(kGtpUPort, truncated(gtpu(1, inner_tcp(), {.seq = 1}), 10))), kGtpUPort);
}

// --- CAPWAP -----------------------------------------------------------------------

constexpr uint32_t kWifiHdr = 24;
constexpr uint32_t kSnap = 8;

TEST(DecodeCapwap, Native80211Data) {
  Decoded d = decode(over_udp(kCapwapDataPort, capwap(wifi_data(inner_tcp()))));
  expect_inner(d, kUdpBody + 8 + kWifiHdr + kSnap, TunnelType::kCapwap);
}

TEST(DecodeCapwap, QosHtAndFourAddressFrames) {
  expect_inner(decode(over_udp(kCapwapDataPort, capwap(wifi_data(inner_tcp(), {.qos = true})))),
               kUdpBody + 8 + kWifiHdr + 2 + kSnap, TunnelType::kCapwap);
  expect_inner(
      decode(over_udp(kCapwapDataPort, capwap(wifi_data(inner_tcp(), {.qos = true, .ht_control = true})))),
      kUdpBody + 8 + kWifiHdr + 6 + kSnap, TunnelType::kCapwap);
  expect_inner(
      decode(over_udp(kCapwapDataPort, capwap(wifi_data(inner_tcp(), {.from_ds = true, .qos = true})))),
      kUdpBody + 8 + kWifiHdr + 6 + 2 + kSnap, TunnelType::kCapwap);
}

TEST(DecodeCapwap, ByteSwappedFrameControl) {
  expect_inner(
      decode(over_udp(kCapwapDataPort, capwap(wifi_data(inner_tcp(), {.swap_frame_control = true})))),
      kUdpBody + 8 + kWifiHdr + kSnap, TunnelType::kCapwap);
  expect_inner(decode(over_udp(kCapwapDataPort,
                               capwap(wifi_data(inner_tcp(), {.qos = true, .swap_frame_control = true})))),
               kUdpBody + 8 + kWifiHdr + 2 + kSnap, TunnelType::kCapwap);
}

TEST(DecodeCapwap, RadioMacFieldAndSourcePort) {
  expect_inner(decode(over_udp(kCapwapDataPort, capwap(wifi_data(inner_tcp()), {.radio_mac = true}))),
               kUdpBody + 16 + kWifiHdr + kSnap, TunnelType::kCapwap);
  expect_inner(decode(over_udp(12222, capwap(wifi_data(inner_tcp())), kCapwapDataPort)),
               kUdpBody + 8 + kWifiHdr + kSnap, TunnelType::kCapwap);
}

TEST(DecodeCapwap, Ieee8023Body) {
  Decoded d = decode(over_udp(kCapwapDataPort, capwap(inner_eth(), {.native_80211 = false})));
  expect_inner(d, kUdpBody + 8 + kEthLen, TunnelType::kCapwap);
}

TEST(DecodeCapwap, NonDataOrUnusableFramesLeaveTheOuterUdpFlow) {
  auto outer = [](const Pdu& capwap_payload) {
    expect_outer_udp(decode(over_udp(kCapwapDataPort, capwap_payload)), kCapwapDataPort);
  };
  outer(capwap(wifi_data(inner_tcp()), {.keepalive = true}));
  outer(capwap(wifi_data(inner_tcp()), {.fragment = true}));
  outer(capwap(wifi_data(inner_tcp(), {.protected_frame = true})));
  outer(capwap(wifi_data(inner_tcp(), {.null_data = true})));
  outer(capwap(wifi_data(inner_tcp(), {.qos = true, .null_data = true})));
  outer(capwap(wifi_data(inner_tcp(), {.type = 0})));  // management
  outer(capwap(truncated(wifi_data(inner_tcp()), 23)));
  outer(capwap(wifi_data(ethernet(filled(28), {.ethertype = 0x0806}))));

  Bytes dtls = capwap(wifi_data(inner_tcp()));
  dtls[0] = 0x01;  // DTLS-encrypted
  outer(dtls);
  Bytes short_hlen = capwap(wifi_data(inner_tcp()));
  short_hlen[1] = 1 << 3;  // HLEN 4 bytes
  outer(short_hlen);
  Bytes other_binding = capwap(wifi_data(inner_tcp()));
  other_binding[2] = static_cast<uint8_t>((other_binding[2] & ~0x3E) | 3 << 1);  // WBID 3 (EPCGlobal)
  outer(other_binding);
  outer(filled(7));
}

TEST(DecodeCapwap, ControlPortIsNoTunnel) {
  Decoded d = decode(over_udp(5246, capwap(wifi_data(inner_tcp()))));
  expect_outer_udp(d, 5246);
}

// --- TZSP -------------------------------------------------------------------------

TEST(DecodeTzsp, EthernetEncapsulation) {
  expect_inner(decode(over_udp(kTzspPort, tzsp(inner_eth()))), kUdpBody + 5 + kEthLen, TunnelType::kTzsp);
  Bytes tags{0x00, 0x0A, 0x01, 0x50, 0x00};  // padding, RSSI (tag 10, 1 byte), padding
  expect_inner(decode(over_udp(kTzspPort, tzsp(inner_eth(), 1, tags))), kUdpBody + 5 + 5 + kEthLen,
               TunnelType::kTzsp);
}

TEST(DecodeTzsp, Ieee80211Encapsulation) {
  expect_inner(
      decode(over_udp(kTzspPort, tzsp(wifi_data(inner_tcp(), {.to_ds = false, .from_ds = true}), 18))),
      kUdpBody + 5 + kWifiHdr + kSnap, TunnelType::kTzsp);
}

TEST(DecodeTzsp, MalformedLeavesTheOuterUdpFlow) {
  expect_outer_udp(decode(over_udp(kTzspPort, tzsp(inner_eth(), 119))), kTzspPort);  // Prism header
  Bytes v2 = tzsp(inner_eth());
  v2[0] = 2;
  expect_outer_udp(decode(over_udp(kTzspPort, v2)), kTzspPort);
  Bytes no_end{0x01, 0x00, 0x00, 0x01, 0x0A, 0x01, 0x50};
  expect_outer_udp(decode(over_udp(kTzspPort, no_end)), kTzspPort);
  Bytes long_tag{0x01, 0x00, 0x00, 0x01, 0x0A, 0xFF, 0x01};
  expect_outer_udp(decode(over_udp(kTzspPort, long_tag)), kTzspPort);
  expect_outer_udp(decode(over_udp(kTzspPort, tzsp(Pdu{}))), kTzspPort);  // END and nothing after
  expect_outer_udp(decode(over_udp(kTzspPort, Bytes{0x01, 0x00, 0x00, 0x01})), kTzspPort);
}

// --- IP-in-IP ---------------------------------------------------------------------

TEST(DecodeIpInIp, AllFourCombinations) {
  expect_inner(decode(over_ipv4(inner_tcp())), kOuterL4, TunnelType::kIpInIp);
  expect_inner(decode(over_ipv4(inner_tcp6())), kOuterL4, TunnelType::kIpInIp, 0, true);
  Decoded d = decode(ethernet(ipv6(kO1v6, kO2v6, inner_tcp())));
  expect_inner(d, kEthLen + kIpv6Len, TunnelType::kIpInIp);
  EXPECT_EQ(d.pkt.tunnel_src.to_string(), kO1v6);
  expect_inner(decode(ethernet(ipv6(kO1v6, kO2v6, inner_tcp6()))), kEthLen + kIpv6Len, TunnelType::kIpInIp, 0,
               true);
}

TEST(DecodeIpInIp, WrongOrBrokenInnerPacketLeavesTheOuterPacket) {
  expect_outer(decode(over_ipv4(ip_payload(4, filled(30, 0x45)))), 4);
  expect_outer(decode(over_ipv4(ip_payload(41, inner_tcp()))), 41);  // IPv4 where IPv6 is announced
  expect_outer(decode(over_ipv4(ip_payload(4, inner_tcp6()))), 4);
  expect_outer(decode(over_ipv4(ip_payload(4, truncated(inner_tcp(), 39)))), 4);
  expect_outer(decode(over_ipv4(ip_payload(4))), 4);
}

// --- Nesting and limits -----------------------------------------------------------

TEST(DecodeTunnel, OutermostTunnelIsRecorded) {
  // GRE carrying a VXLAN-encapsulated packet: keyed on the innermost packet,
  // the GRE endpoints and key are kept.
  Pdu vx = ipv4("172.16.0.1", "172.16.0.2", udp(1, kVxlanPort, vxlan(77, inner_eth())));
  Decoded d = decode(over_ipv4(gre(vx, {.key = 5})));
  expect_inner(d, kOuterL4 + 8 + kIpv4Len + kUdpLen + 8 + kEthLen, TunnelType::kGre, 5);
}

TEST(DecodeTunnel, FailingInnermostFallsBackOneLevel) {
  Pdu vx = ipv4("172.16.0.1", "172.16.0.2", udp(1, kVxlanPort, vxlan(77, filled(30))));
  Decoded d = decode(over_ipv4(gre(vx, {.key = 5})));
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.src.to_string(), "172.16.0.1");
  EXPECT_EQ(d.pkt.l4_proto, 17);
  EXPECT_EQ(d.pkt.dport, kVxlanPort);
  EXPECT_EQ(d.pkt.tunnel, TunnelType::kGre);
  EXPECT_EQ(d.pkt.tunnel_id, 5u);
  EXPECT_EQ(d.pkt.tunnel_src.to_string(), kO1);
}

TEST(DecodeTunnel, NestingDepthIsLimited) {
  // IP-in-IP n levels deep: header i goes from 10.0.i.1 to 10.0.i.2.
  auto nested = [](int headers) {
    Pdu p = udp(1111, 2222);
    for (int i = headers - 1; i >= 0; --i) {
      std::string s = "10.0." + std::to_string(i) + ".1", t = "10.0." + std::to_string(i) + ".2";
      p = ipv4(s, t, p);
    }
    return ethernet(p);
  };
  Decoded four = decode(nested(5));  // four tunnels: all decapsulated
  ASSERT_DECODE_OK(four);
  EXPECT_EQ(four.pkt.src.to_string(), "10.0.4.1");
  EXPECT_EQ(four.pkt.sport, 1111);
  EXPECT_EQ(four.pkt.tunnel_src.to_string(), "10.0.0.1");

  Decoded five = decode(nested(6));  // the fifth is not entered
  ASSERT_DECODE_OK(five);
  EXPECT_EQ(five.pkt.src.to_string(), "10.0.4.1");
  EXPECT_EQ(five.pkt.l4_proto, 4);
  EXPECT_EQ(five.pkt.sport, 0);
  EXPECT_EQ(five.pkt.tunnel, TunnelType::kIpInIp);
  expect_sane(five, nested(6).size());
}

TEST(DecodeTunnel, SnappedFrameIsStillDecapsulated) {
  Bytes f = over_udp(kVxlanPort, vxlan(5001, ethernet(ipv4(kA, kB, tcp_segment(1, 2, {}, filled(1000))))));
  size_t snap = kUdpBody + 8 + kEthLen + kIpv4Len + 10;
  Decoded d = decode_snapped(f, snap);
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.tunnel, TunnelType::kVxlan);
  EXPECT_EQ(d.pkt.src.to_string(), kA);
  EXPECT_EQ(d.pkt.l4_proto, 6);
  EXPECT_TRUE(d.pkt.l4_header_short);
  expect_sane(d, snap);
  // Unsnapped, the same bytes are a broken outer packet.
  EXPECT_DECODE_ERR(decode(truncated(f, snap)), DecodeError::kIpLengthExceedsFrame);
}

TEST(DecodeTunnel, InnerFragmentsAreReported) {
  Pdu frag = ipv4(kA, kB, ip_payload(6, filled(64)), {.id = 321, .frag_offset = 1480});
  Decoded d = decode(over_udp(kGtpUPort, gtpu(4, frag)));
  ASSERT_DECODE_OK(d);
  EXPECT_EQ(d.pkt.tunnel, TunnelType::kGtpU);
  EXPECT_TRUE(d.pkt.fragment);
  EXPECT_FALSE(d.pkt.first_fragment);
  EXPECT_EQ(d.pkt.frag_id, 321u);
  EXPECT_EQ(d.pkt.src.to_string(), kA);
}

TEST(DecodeTunnel, FragmentedOuterPacketStandsAsFragment) {
  // The first fragment of a GRE packet holds only part of the inner packet:
  // the inner packet does not decode, so the outer fragment stands and its
  // later fragments can be matched to it.
  Bytes inner = ipv4(kA, kB, tcp_segment(51000, 443, {}, filled(1000)));
  Decoded d = decode(
      ethernet(ipv4(kO1, kO2, gre(truncated(inner, 400), {.protocol = 0x0800}), {.id = 0x4242, .mf = true})));
  expect_outer(d, 47);
  EXPECT_TRUE(d.pkt.fragment);
  EXPECT_TRUE(d.pkt.first_fragment);
  EXPECT_EQ(d.pkt.frag_id, 0x4242u);
}

TEST(DecodeTunnel, TypeNames) {
  EXPECT_STREQ(tunnel_type_name(TunnelType::kNone), "");
  EXPECT_STREQ(tunnel_type_name(TunnelType::kGre), "GRE");
  EXPECT_STREQ(tunnel_type_name(TunnelType::kVxlan), "VXLAN");
  EXPECT_STREQ(tunnel_type_name(TunnelType::kGtpU), "GTP");
  EXPECT_STREQ(tunnel_type_name(TunnelType::kCapwap), "CAPWAP");
  EXPECT_STREQ(tunnel_type_name(TunnelType::kTzsp), "TZSP");
  EXPECT_STREQ(tunnel_type_name(TunnelType::kErspan), "ERSPAN");
  EXPECT_STREQ(tunnel_type_name(TunnelType::kIpInIp), "IP-in-IP");
}

}  // namespace
}  // namespace wl::test
