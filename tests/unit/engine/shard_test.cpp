#include "engine/shard.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "test_packets.h"

namespace wl {
using test::at;
using test::tcp_packet;
using test::udp_packet;

namespace {
class CaptureSink : public FlowSink {
 public:
  void write(std::string_view chunk) override { text_.append(chunk); }
  std::vector<std::string> lines() const {
    std::vector<std::string> out;
    std::istringstream in(text_);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
  }
 private:
  std::string text_;
};

// The integer value of "KEY":N in a JSON line (enough for these tests).
uint64_t num(const std::string& line, const std::string& key) {
  auto p = line.find("\"" + key + "\":");
  if (p == std::string::npos) return UINT64_MAX;
  return std::stoull(line.substr(p + key.size() + 3));
}
std::string str(const std::string& line, const std::string& key) {
  auto p = line.find("\"" + key + "\":\"");
  if (p == std::string::npos) return "";
  p += key.size() + 4;
  return line.substr(p, line.find('"', p) - p);
}

struct ShardTest : testing::Test {
  LocalNetworks local;
  CaptureSink sink;
  ShardConfig cfg;
  ShardTest() {
    local.add_spec("10.0.0.0/8");
    cfg.max_flows = 1024;
    cfg.max_hosts = 1024;
  }
  void feed(Shard& s, DecodedPacket p, Micros ts, uint32_t len = 100) {
    PacketRef r = at(p, ts, len);
    s.process(r);
  }
};
}  // namespace

TEST_F(ShardTest, OneRecordPerConversationWithCountersPerDirection) {
  Shard s(cfg, local, &sink);
  feed(s, tcp_packet("10.0.0.1", 40000, "1.1.1.1", 443, tcp::kSyn, 1), 0, 60);
  feed(s, tcp_packet("1.1.1.1", 443, "10.0.0.1", 40000, tcp::kSyn | tcp::kAck, 9, 2), 1000, 60);
  feed(s, tcp_packet("10.0.0.1", 40000, "1.1.1.1", 443, tcp::kAck, 2, 10, 100), 2000, 154);
  s.end_all(FlowEndReason::kEndOfInput);
  auto l = sink.lines();
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(str(l[0], "IPV4_SRC_ADDR"), "10.0.0.1");
  EXPECT_EQ(num(l[0], "IN_PKTS"), 2u);
  EXPECT_EQ(num(l[0], "IN_BYTES"), 214u);
  EXPECT_EQ(num(l[0], "OUT_PKTS"), 1u);
  EXPECT_EQ(num(l[0], "OUT_BYTES"), 60u);
  EXPECT_EQ(num(l[0], "IN_PAYLOAD_BYTES"), 100u);
  EXPECT_EQ(str(l[0], "FLOW_END_REASON"), "end_of_input");
  EXPECT_NE(l[0].find("\"SRC_LOCAL\":true"), std::string::npos);
  EXPECT_NE(l[0].find("\"DST_LOCAL\":false"), std::string::npos);
}

TEST_F(ShardTest, ClosedConnectionEndsAfterGraceAndANewSynStartsAnotherFlow) {
  cfg.purge_idle = false;  // reading a file: only the TCP rule applies
  Shard s(cfg, local, &sink);
  auto c = [](uint8_t f) { return tcp_packet("10.0.0.1", 40000, "1.1.1.1", 80, f, 1); };
  auto r = [](uint8_t f) { return tcp_packet("1.1.1.1", 80, "10.0.0.1", 40000, f, 1); };
  feed(s, c(tcp::kSyn), 0);
  feed(s, r(tcp::kSyn | tcp::kAck), 10);
  feed(s, c(tcp::kFin | tcp::kAck), 20);
  feed(s, r(tcp::kFin | tcp::kAck), 30);
  feed(s, c(tcp::kSyn), 40);  // port reuse right away: a new connection
  feed(s, r(tcp::kRst), 50);
  feed(s, c(tcp::kAck), seconds(20));  // 20 s after the reset: another flow
  s.end_all(FlowEndReason::kEndOfInput);
  auto l = sink.lines();
  ASSERT_EQ(l.size(), 3u);
  EXPECT_EQ(str(l[0], "FLOW_END_REASON"), "new_syn");
  EXPECT_EQ(num(l[0], "IN_PKTS") + num(l[0], "OUT_PKTS"), 4u);
  EXPECT_EQ(str(l[1], "FLOW_END_REASON"), "tcp_closed");
  EXPECT_EQ(num(l[1], "IN_PKTS") + num(l[1], "OUT_PKTS"), 2u);
  EXPECT_EQ(str(l[2], "FLOW_END_REASON"), "end_of_input");
}

TEST_F(ShardTest, IdleTimeoutSplitsOnlyWhenPurging) {
  for (bool purge : {true, false}) {
    CaptureSink out;
    cfg.purge_idle = purge;
    Shard s(cfg, local, &out);
    feed(s, udp_packet("10.0.0.1", 5000, "1.1.1.1", 53), 0);
    feed(s, udp_packet("10.0.0.1", 5000, "1.1.1.1", 53), seconds(61));
    s.end_all(FlowEndReason::kEndOfInput);
    auto l = out.lines();
    ASSERT_EQ(l.size(), purge ? 2u : 1u) << "purge=" << purge;
    if (purge) {
      EXPECT_EQ(str(l[0], "FLOW_END_REASON"), "idle");
    }
  }
}

TEST_F(ShardTest, HousekeepingEndsIdleFlowsOnTheClock) {
  Shard s(cfg, local, &sink);
  feed(s, udp_packet("10.0.0.1", 5000, "1.1.1.1", 53), 0);
  s.advance_clock(seconds(30));
  EXPECT_EQ(s.flows().size(), 1u);
  s.advance_clock(seconds(61) + 1);
  EXPECT_EQ(s.flows().size(), 0u);
  s.flush_output();
  EXPECT_EQ(sink.lines().size(), 1u);
}

TEST_F(ShardTest, LongFlowsEmitPartialRecordsWithDeltas) {
  cfg.purge_idle = false;
  Shard s(cfg, local, &sink);
  for (int i = 0; i <= 700; i += 10) feed(s, udp_packet("10.0.0.1", 5000, "1.1.1.1", 5001), seconds(i), 200);
  s.end_all(FlowEndReason::kEndOfInput);
  auto l = sink.lines();
  ASSERT_EQ(l.size(), 3u);  // at 300 s, at 600 s, and the rest
  uint64_t total = 0;
  for (const auto& x : l) total += num(x, "IN_PKTS");
  EXPECT_EQ(total, 71u);
  EXPECT_EQ(num(l[0], "IN_PKTS"), 30u);  // 0..290 s
  EXPECT_NE(l[0].find("\"PARTIAL\":true"), std::string::npos);
  EXPECT_EQ(num(l[1], "FLOW_START_MICROSECONDS"), static_cast<uint64_t>(seconds(300)));
  EXPECT_NE(l[2].find("\"PARTIAL\":false"), std::string::npos);
  EXPECT_EQ(s.counters().partial_records, 2u);
}

TEST_F(ShardTest, LaterFragmentsJoinTheirFirstFragmentsFlow) {
  Shard s(cfg, local, &sink);
  auto first = udp_packet("10.0.0.1", 5353, "1.1.1.1", 53);
  first.fragment = first.first_fragment = true;
  first.frag_id = 77;
  first.frag_proto = 17;
  auto later = udp_packet("10.0.0.1", 0, "1.1.1.1", 0);
  later.fragment = true;
  later.frag_id = 77;
  later.frag_proto = 17;
  auto orphan = later;
  orphan.frag_id = 78;
  feed(s, first, 0, 1500);
  feed(s, later, 10, 600);
  feed(s, orphan, 20, 600);
  s.end_all(FlowEndReason::kEndOfInput);
  auto l = sink.lines();
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(num(l[0], "IN_PKTS"), 2u);
  EXPECT_EQ(num(l[0], "IN_BYTES"), 2100u);
  EXPECT_EQ(num(l[0], "SRC_FRAGMENTS"), 2u);
  EXPECT_EQ(num(l[0], "L4_DST_PORT"), 53u);
  EXPECT_EQ(s.counters().orphan_fragments, 1u);
  EXPECT_EQ(s.counters().untracked_packets, 1u);
}

TEST_F(ShardTest, Ipv6LaterFragmentsFindTheirFlowPastExtensionHeaders) {
  Shard s(cfg, local, &sink);
  // Fragment header, then a destination-options header, then TCP: the later
  // fragments only know the fragment header's next header (60).
  auto first = tcp_packet("2001:db8::1", 40000, "2001:db8::2", 80, tcp::kAck, 1, 1, 1000);
  first.fragment = first.first_fragment = true;
  first.frag_id = 0xABCDEF;
  first.frag_proto = 60;
  DecodedPacket later;
  later.src = first.src;
  later.dst = first.dst;
  later.ip_version = 6;
  later.l4_proto = 60;
  later.fragment = true;
  later.frag_id = 0xABCDEF;
  later.frag_proto = 60;
  feed(s, first, 0, 1300);
  feed(s, later, 5, 500);
  s.end_all(FlowEndReason::kEndOfInput);
  auto l = sink.lines();
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(num(l[0], "PROTOCOL"), 6u);
  EXPECT_EQ(num(l[0], "IN_PKTS"), 2u);
  EXPECT_EQ(s.counters().orphan_fragments, 0u);
}

TEST_F(ShardTest, FullTableEvictsUnrepliedFlowsFirstThenRefuses) {
  cfg.purge_idle = false;
  Shard s(cfg, local, &sink);
  // A real conversation first, then a flood of one-packet flows.
  feed(s, udp_packet("10.0.0.1", 5000, "1.1.1.1", 53), 0);
  feed(s, udp_packet("1.1.1.1", 53, "10.0.0.1", 5000), 1);
  for (int i = 0; i < 3000; ++i)
    feed(s, udp_packet("10.0.0.2", static_cast<uint16_t>(10000 + i), "1.1.1.1", 53), 10 + i);
  EXPECT_EQ(s.flows().size(), 1024u);
  EXPECT_EQ(s.counters().flows_evicted, 3000u - 1023u);
  EXPECT_NE(s.flows().find(FlowKey{test::ip("1.1.1.1"), test::ip("10.0.0.1"), 53, 5000, 0, 17}), kNoSlot);

  // Fill with replied flows: now nothing may go, new flows are refused.
  Shard full(cfg, local, &sink);
  for (int i = 0; i < 1024; ++i) {
    feed(full, udp_packet("10.0.0.3", static_cast<uint16_t>(10000 + i), "1.1.1.1", 53), 2 * i);
    feed(full, udp_packet("1.1.1.1", 53, "10.0.0.3", static_cast<uint16_t>(10000 + i)), 2 * i + 1);
  }
  feed(full, udp_packet("10.0.0.4", 1, "1.1.1.1", 53), 5000, 80);
  EXPECT_EQ(full.counters().flows_refused, 1u);
  EXPECT_EQ(full.counters().untracked_packets, 1u);
  EXPECT_EQ(full.counters().untracked_bytes, 80u);
}

TEST_F(ShardTest, HostsFollowTheirFlows) {
  Shard s(cfg, local, &sink);
  feed(s, udp_packet("10.0.0.1", 5000, "1.1.1.1", 53), 0, 70);
  feed(s, udp_packet("1.1.1.1", 53, "10.0.0.1", 5000), 5, 130);
  uint32_t slot = s.hosts().find(HostKey{test::ip("10.0.0.1"), 0});
  ASSERT_NE(slot, kNoSlot);
  const Host& h = s.hosts().at(slot);
  EXPECT_TRUE(h.local);
  EXPECT_EQ(h.traffic.bytes_sent, 70u);
  EXPECT_EQ(h.traffic.bytes_rcvd, 130u);
  EXPECT_EQ(h.active_flows_as_client, 1u);
  EXPECT_EQ(h.by_l4[static_cast<size_t>(L4Class::kUdp)].packets_sent, 1u);
  const Host& server = s.hosts().at(s.hosts().find(HostKey{test::ip("1.1.1.1"), 0}));
  EXPECT_EQ(server.server_ports, std::vector<uint16_t>{53});
  s.end_all(FlowEndReason::kEndOfInput);
  EXPECT_EQ(s.hosts().at(slot).active_flows_as_client, 0u);
  EXPECT_EQ(s.hosts().at(slot).total_flows_as_client, 1u);
}

}  // namespace wl
