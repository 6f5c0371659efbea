// Truncated and corrupted frames: for every encapsulation, a valid frame is
// cut at every length and corrupted at every byte. decode_frame must never
// read outside the capture (run under ASan), must answer kNone or an error
// that fits, and a kNone answer must point inside the capture.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "decode/decode_test_util.h"

namespace wl::test {
namespace {

struct Case {
  std::string name;
  int linktype;
  Bytes frame;
  bool may_be_non_ip = false;  // a cut inside LLC/SNAP or a PPP header can look like another protocol
};

std::vector<Case> all_cases() {
  const char* a = "192.0.2.1";
  const char* b = "198.51.100.2";
  const char* a6 = "2001:db8::1";
  const char* b6 = "2001:db8::2";
  const char* o1 = "10.1.0.1";
  const char* o2 = "10.1.0.2";
  Pdu tcp4 = ipv4(a, b,
                  tcp_segment(40000, 80,
                              {.flags = kTcpPsh | kTcpAck,
                               .seq = 1,
                               .ack = 2,
                               .options = {0x01, 0x01, 0x08, 0x0A, 0, 0, 0, 1, 0, 0, 0, 2}},
                              ascii("GET / HTTP/1.1\r\n")));
  Pdu udp4 = ipv4(a, b, udp(5353, 53, ascii("query")), {.options = {0x94, 0x04, 0x00, 0x00}});
  Pdu tcp6 = ipv6(a6, b6, tcp_segment(40000, 443, {.flags = kTcpSyn}, ascii("hello")));
  Pdu eth_tcp4 = ethernet(tcp4, {.dst = {0x0A, 0, 0, 0, 0, 2}, .src = {0x0A, 0, 0, 0, 0, 1}});

  std::vector<Case> c;
  auto eth = [&](std::string name, const Pdu& l3, EthOpts o = {}) {
    c.push_back({std::move(name), dlt::kEthernet, ethernet(l3, o)});
  };
  // Ethernet, tags, MPLS, PPPoE, LLC
  eth("ipv4_tcp", tcp4);
  eth("ipv4_options_udp", udp4);
  eth("ipv6_tcp", tcp6);
  eth("ipv6_extension_chain",
      ipv6(a6, b6, ipv6_hop_by_hop(ipv6_routing(ipv6_ah(ipv6_dest_opts(udp(1, 2, ascii("x"))))))));
  eth("ipv6_first_fragment", ipv6(a6, b6, ipv6_fragment(udp(1, 2, filled(16)), {.more = true, .id = 7})));
  eth("ipv6_later_fragment",
      ipv6(a6, b6, ipv6_dest_opts(ipv6_fragment(filled(24), {.offset = 8, .id = 7, .next_header = 17}))));
  eth("ipv4_first_fragment", ipv4(a, b, udp(1, 2, filled(16), 100), {.mf = true}));
  eth("ipv4_later_fragment", ipv4(a, b, ip_payload(17, filled(24)), {.frag_offset = 16}));
  eth("icmp", ipv4(a, b, icmp(8, 0, filled(8))));
  eth("icmpv6", ipv6(a6, b6, icmpv6(128, 0, filled(8))));
  eth("sctp", ipv4(a, b, sctp(2905, 2905, filled(16))));
  eth("ipv6_no_next_header", ipv6(a6, b6, ip_payload(59, filled(4))));
  eth("qinq", tcp4, {.tags = {dot1ad(10), dot1q(20)}});
  eth("mpls", mpls({1, 2, 3}, tcp6));
  eth("pppoe", pppoe(udp4));
  c.push_back({"llc_snap", dlt::kEthernet, ethernet_8023(llc_snap(tcp4)), true});
  // Other link types
  c.push_back({"sll", dlt::kLinuxSll, sll(tcp4)});
  c.push_back({"sll2", dlt::kLinuxSll2, sll2(tcp6)});
  c.push_back({"null_le", dlt::kNull, bsd_null(tcp4)});
  c.push_back({"null_be_ipv6", dlt::kNull, bsd_null(tcp6, true, 24)});
  c.push_back({"loop", dlt::kLoop, bsd_loop(udp4)});
  c.push_back({"ppp", dlt::kPpp, ppp(tcp4), true});
  c.push_back({"ppp_compressed", dlt::kPppSerial,
               ppp(tcp6, {.address_control = false, .compress_protocol = true}), true});
  c.push_back({"ppp_ether", dlt::kPppEther, pppoe(udp4)});
  c.push_back({"cisco_hdlc", dlt::kCiscoHdlc, cisco_hdlc(tcp6)});
  c.push_back({"raw_ipv4", dlt::kRaw, tcp4});
  c.push_back({"raw_ipv6", dlt::kLinktypeRaw, tcp6});
  c.push_back({"dlt_ipv4", dlt::kIpv4, udp4});
  c.push_back({"dlt_ipv6", dlt::kIpv6, tcp6});
  // Tunnels
  eth("gre_all_fields", ipv4(o1, o2, gre(tcp4, {.key = 1, .seq = 2, .checksum = true})));
  eth("gre_ethernet", ipv4(o1, o2, gre(ethernet(tcp6, {.tags = {dot1q(5)}}))));
  eth("gre_mpls", ipv6(a6, b6, gre(mpls({100}, tcp4))));
  eth("gre_pptp", ipv4(o1, o2, gre_pptp(1, ppp(tcp4), 1, 2)));
  eth("erspan_1", ipv4(o1, o2, gre(erspan1(eth_tcp4))));
  eth("erspan_2", ipv4(o1, o2, gre(erspan2(eth_tcp4), {.seq = 1})));
  eth("erspan_3", ipv4(o1, o2, gre(erspan3(eth_tcp4, 1, true), {.seq = 1})));
  eth("vxlan", ipv4(o1, o2, udp(1, kVxlanPort, vxlan(42, eth_tcp4))));
  eth("gtp",
      ipv4(o1, o2, udp(kGtpUPort, kGtpUPort, gtpu(9, tcp6, {.seq = 1, .pdu_session_container = true}))));
  eth("capwap_qos_ht",
      ipv4(o1, o2,
           udp(1, kCapwapDataPort,
               capwap(wifi_data(tcp4, {.qos = true, .ht_control = true}), {.radio_mac = true}))));
  eth("capwap_swapped_wds",
      ipv4(o1, o2,
           udp(1, kCapwapDataPort, capwap(wifi_data(udp4, {.from_ds = true, .swap_frame_control = true})))));
  eth("capwap_8023", ipv4(o1, o2, udp(1, kCapwapDataPort, capwap(eth_tcp4, {.native_80211 = false}))));
  eth("tzsp_ethernet", ipv4(o1, o2, udp(1, kTzspPort, tzsp(eth_tcp4, 1, {0x00, 0x0A, 0x01, 0x50}))));
  eth("tzsp_80211", ipv4(o1, o2, udp(1, kTzspPort, tzsp(wifi_data(tcp6), 18))));
  eth("ipip", ipv4(o1, o2, tcp4));
  eth("6in4", ipv4(o1, o2, tcp6));
  eth("4in6", ipv6(a6, b6, udp4));
  eth("gre_in_vxlan",
      ipv4(o1, o2, udp(1, kVxlanPort, vxlan(1, ethernet(ipv4("172.16.0.1", "172.16.0.2", gre(tcp6)))))));
  return c;
}

// Errors a frame cut short may legitimately produce.
std::set<DecodeError> allowed_cut_errors(const Case& c, bool snapped) {
  std::set<DecodeError> ok{DecodeError::kNone, DecodeError::kTruncatedLinkHeader,
                           DecodeError::kTruncatedIpHeader};
  if (snapped)
    ok.insert(DecodeError::kBadIpv6ExtensionHeader);  // chain cut by the snap length
  else
    ok.insert(DecodeError::kIpLengthExceedsFrame);
  if (c.may_be_non_ip) ok.insert(DecodeError::kNonIp);
  return ok;
}

TEST(DecodeRobustness, EveryCaseDecodesWhole) {
  for (const Case& c : all_cases()) {
    SCOPED_TRACE(c.name);
    Decoded d = decode(c.frame, c.linktype);
    EXPECT_DECODE_ERR(d, DecodeError::kNone);
    expect_sane(d, c.frame.size());
    EXPECT_NE(d.pkt.l4_proto, 0);
    // None of the frames has a trailer: the IP packet runs to the end.
    EXPECT_EQ(size_t{d.pkt.l3_offset} + d.pkt.l3_len, c.frame.size());
  }
}

TEST(DecodeRobustness, TruncatedUnsnappedAtEveryLength) {
  for (const Case& c : all_cases()) {
    std::set<DecodeError> ok = allowed_cut_errors(c, false);
    for (size_t n = 0; n < c.frame.size(); ++n) {
      SCOPED_TRACE(c.name + " cut at " + std::to_string(n));
      Decoded d = decode_bytes(c.frame, c.linktype, n, n);
      EXPECT_TRUE(ok.count(d.err)) << d.error_name();
      // Every IP length reaches the end of the frame, so a cut frame is never whole.
      EXPECT_NE(d.err, DecodeError::kNone);
      expect_sane(d, n);
    }
  }
}

TEST(DecodeRobustness, SnappedAtEveryLength) {
  for (const Case& c : all_cases()) {
    std::set<DecodeError> ok = allowed_cut_errors(c, true);
    Decoded whole = decode(c.frame, c.linktype);
    bool decoded_before = false;
    for (size_t n = 0; n <= c.frame.size(); ++n) {
      SCOPED_TRACE(c.name + " snapped at " + std::to_string(n));
      Decoded d = decode_bytes(c.frame, c.linktype, n, c.frame.size());
      EXPECT_TRUE(ok.count(d.err)) << d.error_name();
      expect_sane(d, n);
      // More captured bytes never make a decodable frame undecodable.
      if (decoded_before) {
        EXPECT_DECODE_ERR(d, DecodeError::kNone);
      }
      if (d.err == DecodeError::kNone) {
        decoded_before = true;
        // Either the whole frame's (outermost) tunnel was entered, or the outer packet stands.
        EXPECT_TRUE(d.pkt.tunnel == whole.pkt.tunnel || d.pkt.tunnel == TunnelType::kNone)
            << tunnel_type_name(d.pkt.tunnel);
      }
    }
    EXPECT_TRUE(decoded_before);
  }
}

TEST(DecodeRobustness, EveryByteCorrupted) {
  for (const Case& c : all_cases()) {
    for (size_t i = 0; i < c.frame.size(); ++i) {
      for (int how = 0; how < 5; ++how) {
        Bytes f = c.frame;
        switch (how) {
          case 0:
            f[i] = 0x00;
            break;
          case 1:
            f[i] = 0xFF;
            break;
          case 2:
            f[i] ^= 0x01;
            break;
          case 3:
            f[i] ^= 0x80;
            break;
          case 4:
            f[i] = static_cast<uint8_t>(f[i] + 0x10);
            break;
        }
        SCOPED_TRACE(c.name + " byte " + std::to_string(i) + " change " + std::to_string(how));
        expect_sane(decode(f, c.linktype), f.size());
        expect_sane(decode_snapped(f, f.size() - f.size() / 3, c.linktype), f.size() - f.size() / 3);
      }
    }
  }
}

TEST(DecodeRobustness, RandomMutations) {
  std::mt19937 rng(20240601);
  std::vector<Case> cases = all_cases();
  std::vector<int> linktypes{dlt::kNull,      dlt::kEthernet, dlt::kPpp,       dlt::kRaw,
                             dlt::kPppSerial, dlt::kPppEther, dlt::kCiscoHdlc, dlt::kLoop,
                             dlt::kLinuxSll,  dlt::kIpv4,     dlt::kIpv6,      dlt::kLinuxSll2};
  for (int iter = 0; iter < 20000; ++iter) {
    const Case& c = cases[rng() % cases.size()];
    Bytes f = c.frame;
    int flips = 1 + static_cast<int>(rng() % 6);
    for (int k = 0; k < flips; ++k) f[rng() % f.size()] = static_cast<uint8_t>(rng());
    size_t caplen = (rng() % 4 == 0) ? rng() % (f.size() + 1) : f.size();
    size_t wire = (rng() % 2 == 0) ? caplen : f.size() + rng() % 100;
    int linktype = (rng() % 8 == 0) ? linktypes[rng() % linktypes.size()] : c.linktype;
    Decoded d = decode_bytes(f, linktype, caplen, wire);
    SCOPED_TRACE(c.name + " iteration " + std::to_string(iter));
    expect_sane(d, caplen);
    if (::testing::Test::HasFailure()) break;  // one report is enough
  }
}

}  // namespace
}  // namespace wl::test
