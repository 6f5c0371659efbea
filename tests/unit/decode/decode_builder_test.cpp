// Known-answer checks of tests/unit/packet_builder.h, so that the decoder
// tests do not rest on a builder that shares the decoder's misreadings.
#include <gtest/gtest.h>

#include <stdexcept>

#include "decode/decode_test_util.h"

namespace wl::test {
namespace {

Bytes slice(const Bytes& b, size_t from, size_t n) {
  return Bytes(b.begin() + static_cast<std::ptrdiff_t>(from),
               b.begin() + static_cast<std::ptrdiff_t>(from + n));
}

TEST(DecodePacketBuilder, Ipv4HeaderWithChecksum) {
  // The classic example header: checksum 0xB861.
  Pdu p = ipv4("192.168.0.1", "192.168.0.199", ip_payload(17, filled(0x73 - 20)), {.id = 0, .df = true});
  Bytes expected{0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
                 0xB8, 0x61, 0xC0, 0xA8, 0x00, 0x01, 0xC0, 0xA8, 0x00, 0xC7};
  EXPECT_EQ(slice(p, 0, 20), expected);
  EXPECT_EQ(p.ip_proto, 4);
  EXPECT_EQ(p.ethertype, 0x0800);
}

TEST(DecodePacketBuilder, Ipv4OptionsAndFragmentFields) {
  Pdu p = ipv4("1.2.3.4", "5.6.7.8", ip_payload(6, filled(8)),
               {.id = 0xBEEF, .mf = true, .frag_offset = 1480, .options = {0x94, 0x04}});
  EXPECT_EQ(p.size(), 24u + 8);
  EXPECT_EQ(p[0], 0x46);
  EXPECT_EQ(slice(p, 2, 6), (Bytes{0x00, 0x20, 0xBE, 0xEF, 0x20, 0xB9}));  // 1480 / 8 = 185
  EXPECT_EQ(slice(p, 20, 4), (Bytes{0x94, 0x04, 0x00, 0x00}));
  EXPECT_EQ(ipv4_checksum(p.data(), 24), 0);  // a header with its checksum sums to zero
}

TEST(DecodePacketBuilder, TcpHeader) {
  Pdu t = tcp_segment(0x1234, 80, {.flags = kTcpSyn | kTcpAck, .seq = 1, .ack = 2, .window = 0x7210}, {0xAA});
  Bytes expected{0x12, 0x34, 0x00, 0x50, 0, 0, 0, 1, 0, 0, 0, 2, 0x50, 0x12, 0x72, 0x10, 0, 0, 0, 0, 0xAA};
  EXPECT_EQ(static_cast<Bytes>(t), expected);
  EXPECT_EQ(t.ip_proto, 6);
  Pdu with_options = tcp_segment(1, 2, {.options = {0x02, 0x04, 0x05, 0xB4, 0x01}});
  EXPECT_EQ(with_options.size(), 28u);
  EXPECT_EQ(with_options[12], 0x70);
}

TEST(DecodePacketBuilder, UdpIcmpSctp) {
  EXPECT_EQ(static_cast<Bytes>(udp(53, 1024, {1, 2, 3})), (Bytes{0, 53, 0x04, 0x00, 0, 11, 0, 0, 1, 2, 3}));
  EXPECT_EQ(slice(udp(1, 2, {}, 99), 4, 2), (Bytes{0, 99}));
  EXPECT_EQ(icmp(8, 0).size(), 8u);
  EXPECT_EQ(icmpv6(128, 0).ip_proto, 58);
  EXPECT_EQ(sctp(1, 2).size(), 12u);
  EXPECT_EQ(sctp(1, 2).ip_proto, 132);
}

TEST(DecodePacketBuilder, Ipv6AndExtensionHeaders) {
  Pdu p = ipv6("2001:db8::1", "2001:db8::2",
               ipv6_hop_by_hop(ipv6_fragment(udp(1, 2), {.offset = 1448, .more = true})),
               {.traffic_class = 0xB8, .flow_label = 0x12345});
  EXPECT_EQ(slice(p, 0, 8), (Bytes{0x6B, 0x81, 0x23, 0x45, 0x00, 8 + 8 + 8, 0, 64}));
  EXPECT_EQ(slice(p, 40, 8), (Bytes{44, 0, 0x01, 0x04, 0, 0, 0, 0}));  // hop-by-hop: PadN
  EXPECT_EQ(slice(p, 48, 4), (Bytes{17, 0, 0x05, 0xA9}));              // fragment: 1448 | M
  EXPECT_EQ(p.ip_proto, 41);
  EXPECT_EQ(p.ethertype, 0x86DD);
  EXPECT_EQ(ipv6_routing(udp(1, 2)).size(), 24u + 8);
  EXPECT_EQ(ipv6_ah(udp(1, 2))[1], 4);
  EXPECT_EQ(ipv6_dest_opts(udp(1, 2), 1)[1], 1);
  EXPECT_EQ(ipv6_dest_opts(udp(1, 2), 1).size(), 16u + 8);
}

TEST(DecodePacketBuilder, EthernetTagsMplsPppoe) {
  Pdu ip = ipv4("1.1.1.1", "2.2.2.2", udp(1, 2));
  Pdu f = ethernet(ip, {.tags = {dot1ad(100), dot1q(200, 5)}});
  EXPECT_EQ(slice(f, 0, 12), (Bytes{2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}));
  EXPECT_EQ(slice(f, 12, 10), (Bytes{0x88, 0xA8, 0x00, 0x64, 0x81, 0x00, 0xA0, 0xC8, 0x08, 0x00}));
  EXPECT_EQ(slice(mpls({100, 200}, ip), 0, 8), (Bytes{0x00, 0x06, 0x40, 0x40, 0x00, 0x0C, 0x81, 0x40}));
  EXPECT_EQ(slice(pppoe(ip, 0x0102), 0, 8), (Bytes{0x11, 0x00, 0x01, 0x02, 0x00, 28 + 2, 0x00, 0x21}));
  EXPECT_EQ(slice(ethernet_8023(llc_snap(ip)), 12, 10),
            (Bytes{0x00, 8 + 28, 0xAA, 0xAA, 0x03, 0, 0, 0, 0x08, 0x00}));
}

TEST(DecodePacketBuilder, CookedLoopbackPppHdlc) {
  Pdu ip6 = ipv6("::1", "::2", udp(1, 2));
  EXPECT_EQ(slice(sll(ip6), 14, 2), (Bytes{0x86, 0xDD}));
  EXPECT_EQ(slice(sll2(ip6), 0, 2), (Bytes{0x86, 0xDD}));
  EXPECT_EQ(sll(ip6).size(), 16u + ip6.size());
  EXPECT_EQ(sll2(ip6).size(), 20u + ip6.size());
  EXPECT_EQ(slice(bsd_null(ip6), 0, 4), (Bytes{30, 0, 0, 0}));
  EXPECT_EQ(slice(bsd_loop(ip6, 24), 0, 4), (Bytes{0, 0, 0, 24}));
  EXPECT_EQ(slice(ppp(ip6), 0, 4), (Bytes{0xFF, 0x03, 0x00, 0x57}));
  EXPECT_EQ(slice(ppp(ip6, {.address_control = false, .compress_protocol = true}), 0, 2),
            (Bytes{0x57, 0x60}));
  EXPECT_EQ(slice(cisco_hdlc(ip6), 0, 4), (Bytes{0x0F, 0x00, 0x86, 0xDD}));
}

TEST(DecodePacketBuilder, TunnelHeaders) {
  Pdu ip = ipv4("1.1.1.1", "2.2.2.2", udp(1, 2));  // 28 bytes
  EXPECT_EQ(slice(gre(ip, {.key = 1, .seq = 2}), 0, 12), (Bytes{0x30, 0, 0x08, 0, 0, 0, 0, 1, 0, 0, 0, 2}));
  EXPECT_EQ(gre(ip).ip_proto, 47);
  EXPECT_EQ(slice(gre_pptp(9, ppp(ip), 3, 4), 0, 16),
            (Bytes{0x30, 0x81, 0x88, 0x0B, 0, 32, 0, 9, 0, 0, 0, 3, 0, 0, 0, 4}));
  EXPECT_EQ(slice(vxlan(0x123456, ethernet(ip)), 0, 8), (Bytes{0x08, 0, 0, 0, 0x12, 0x34, 0x56, 0}));
  EXPECT_EQ(slice(gtpu(0xA1B2C3D4, ip, {.seq = 7}), 0, 12),
            (Bytes{0x32, 0xFF, 0, 4 + 28, 0xA1, 0xB2, 0xC3, 0xD4, 0, 7, 0, 0}));
  EXPECT_EQ(slice(gtpu(1, ip, {.pdu_session_container = true}), 0, 16),
            (Bytes{0x34, 0xFF, 0, 8 + 28, 0, 0, 0, 1, 0, 0, 0, 0x85, 1, 0, 9, 0}));
  EXPECT_EQ(slice(capwap(wifi_data(ip)), 0, 8), (Bytes{0x00, 0x10, 0x43, 0x00, 0, 0, 0, 0}));
  EXPECT_EQ(slice(capwap(ethernet(ip), {.native_80211 = false, .radio_mac = true}), 0, 4),
            (Bytes{0x00, 0x20, 0x42, 0x10}));
  EXPECT_EQ(slice(wifi_data(ip, {.qos = true}), 0, 2), (Bytes{0x88, 0x01}));
  EXPECT_EQ(slice(wifi_data(ip, {.swap_frame_control = true}), 0, 2), (Bytes{0x01, 0x08}));
  EXPECT_EQ(wifi_data(ip, {.from_ds = true, .qos = true, .ht_control = true}).size(),
            24u + 6 + 2 + 4 + 8 + 28);
  EXPECT_EQ(slice(tzsp(ethernet(ip)), 0, 6), (Bytes{0x01, 0x00, 0x00, 0x01, 0x01, 0x02}));
  EXPECT_EQ(erspan2(ethernet(ip)).size(), 8u + 14 + 28);
  EXPECT_EQ(erspan3(ethernet(ip), 1, true).size(), 20u + 14 + 28);
  EXPECT_EQ(erspan3(ethernet(ip), 1, true)[11], 0x01);
}

TEST(DecodePacketBuilder, MissingTypesAndBadAddressesThrow) {
  EXPECT_THROW(ethernet(Bytes{1, 2, 3}), std::invalid_argument);
  EXPECT_THROW(ipv4("1.1.1.1", "2.2.2.2", Bytes{1, 2, 3}), std::invalid_argument);
  EXPECT_THROW(ipv6("::1", "::2", ethernet(udp(1, 2), {.ethertype = 0x0800})), std::invalid_argument);
  EXPECT_THROW(ipv4("1.1.1.256", "2.2.2.2", udp(1, 2)), std::invalid_argument);
  EXPECT_THROW(ipv6("2001:db8::g", "::2", udp(1, 2)), std::invalid_argument);
  EXPECT_THROW(ppp(Bytes{1}), std::invalid_argument);
  EXPECT_THROW(ip_addr("nope"), std::invalid_argument);
  EXPECT_NO_THROW(ipv4("1.1.1.1", "2.2.2.2", Bytes{1, 2, 3}, {.proto = 99}));
  EXPECT_EQ(ip_addr("10.0.0.1").version, 4);
  EXPECT_EQ(ip_addr("::1").version, 6);
}

}  // namespace
}  // namespace wl::test
