#include "flows/tcp_tracker.h"

#include <gtest/gtest.h>

#include "test_packets.h"

namespace wl {

namespace {
// Feeds segments of one connection: client 10.0.0.1:40000, server 10.0.0.2:80.
struct Conn {
  TcpTracker t;
  DirectionCounters c[2];
  void seg(int dir, uint8_t flags, uint32_t seq, uint32_t len, int64_t ts, uint16_t window = 1000) {
    auto p = dir == 0 ? test::tcp_packet("10.0.0.1", 40000, "10.0.0.2", 80, flags, seq, 0, len, window)
                      : test::tcp_packet("10.0.0.2", 80, "10.0.0.1", 40000, flags, seq, 0, len, window);
    t.on_segment(dir, p, ts, c[dir]);
  }
  void handshake() {
    seg(0, tcp::kSyn, 100, 0, 0);
    seg(1, tcp::kSyn | tcp::kAck, 900, 0, 40'000);      // server side: 40 ms
    seg(0, tcp::kAck, 101, 0, 50'000);                  // client side: 10 ms
  }
};
}  // namespace

TEST(TcpTracker, HandshakeGivesHalfRoundTrips) {
  Conn k;
  k.handshake();
  EXPECT_DOUBLE_EQ(k.t.server_latency_ms(), 20.0);
  EXPECT_DOUBLE_EQ(k.t.client_latency_ms(), 5.0);
  EXPECT_EQ(k.t.state(), TcpState::kEstablished);
}

TEST(TcpTracker, NoHandshakeNoLatency) {
  Conn k;
  k.seg(0, tcp::kAck | tcp::kPsh, 5000, 100, 0);
  EXPECT_LT(k.t.server_latency_ms(), 0);
  EXPECT_LT(k.t.client_latency_ms(), 0);
  EXPECT_EQ(k.t.state(), TcpState::kEstablished);
}

TEST(TcpTracker, InOrderDataCountsNothing) {
  Conn k;
  k.handshake();
  for (uint32_t i = 0; i < 5; ++i) k.seg(0, tcp::kAck, 101 + i * 100, 100, 60'000 + i);
  EXPECT_EQ(k.c[0].retransmissions + k.c[0].out_of_order + k.c[0].lost, 0u);
}

TEST(TcpTracker, SameSegmentAgainIsARetransmission) {
  Conn k;
  k.handshake();
  k.seg(0, tcp::kAck, 101, 100, 60'000);
  k.seg(0, tcp::kAck, 101, 100, 260'000);
  EXPECT_EQ(k.c[0].retransmissions, 1u);
  EXPECT_EQ(k.c[0].out_of_order, 0u);
  EXPECT_EQ(k.c[0].lost, 0u);
}

TEST(TcpTracker, GapFilledAtOnceIsOutOfOrderNotLost) {
  Conn k;
  k.handshake();
  k.seg(0, tcp::kAck, 201, 100, 60'000);  // 101..200 missing
  EXPECT_EQ(k.c[0].lost, 1u);
  k.seg(0, tcp::kAck, 101, 100, 60'500);  // arrives 0.5 ms later: reordered
  EXPECT_EQ(k.c[0].out_of_order, 1u);
  EXPECT_EQ(k.c[0].lost, 0u);
  EXPECT_EQ(k.c[0].retransmissions, 0u);
  k.seg(0, tcp::kAck, 301, 100, 61'000);  // and the stream goes on in order
  EXPECT_EQ(k.c[0].retransmissions + k.c[0].lost, 0u);
}

TEST(TcpTracker, GapFilledLateIsARetransmissionOfALostSegment) {
  Conn k;
  k.handshake();
  k.seg(0, tcp::kAck, 201, 100, 60'000);
  k.seg(0, tcp::kAck, 101, 100, 400'000);  // long after an RTT: sent again
  EXPECT_EQ(k.c[0].retransmissions, 1u);
  EXPECT_EQ(k.c[0].out_of_order, 0u);
  EXPECT_EQ(k.c[0].lost, 1u);  // the first copy never passed the capture point
}

TEST(TcpTracker, GapNeverFilledIsLost) {
  Conn k;
  k.handshake();
  k.seg(0, tcp::kAck, 101, 100, 60'000);
  k.seg(0, tcp::kAck, 401, 100, 61'000);
  k.seg(0, tcp::kAck, 501, 100, 62'000);
  EXPECT_EQ(k.c[0].lost, 1u);
  EXPECT_EQ(k.c[0].retransmissions + k.c[0].out_of_order, 0u);
}

TEST(TcpTracker, OverlapWithNewDataIsARetransmission) {
  Conn k;
  k.handshake();
  k.seg(0, tcp::kAck, 101, 100, 60'000);
  k.seg(0, tcp::kAck, 151, 100, 70'000);  // 151..250: half old, half new
  EXPECT_EQ(k.c[0].retransmissions, 1u);
  k.seg(0, tcp::kAck, 251, 100, 71'000);  // continues after the overlap
  EXPECT_EQ(k.c[0].retransmissions, 1u);
  EXPECT_EQ(k.c[0].lost, 0u);
}

TEST(TcpTracker, KeepAliveIsNotARetransmission) {
  Conn k;
  k.handshake();
  k.seg(0, tcp::kAck, 101, 100, 60'000);
  k.seg(0, tcp::kAck, 200, 1, 5'000'000);  // seq = next - 1, one byte
  EXPECT_EQ(k.c[0].retransmissions, 0u);
}

TEST(TcpTracker, RepeatedSynIsARetransmission) {
  Conn k;
  k.seg(0, tcp::kSyn, 100, 0, 0);
  k.seg(0, tcp::kSyn, 100, 0, 1'000'000);
  EXPECT_EQ(k.c[0].retransmissions, 1u);
  k.seg(1, tcp::kSyn | tcp::kAck, 900, 0, 1'030'000);
  EXPECT_DOUBLE_EQ(k.t.server_latency_ms(), 15.0);  // measured from the latest SYN
}

TEST(TcpTracker, SequenceWrapsAround) {
  Conn k;
  k.seg(0, tcp::kAck, 0xFFFFFF00u, 0x100, 0);
  k.seg(0, tcp::kAck, 0x00000000u, 0x100, 1000);
  EXPECT_EQ(k.c[0].retransmissions + k.c[0].lost + k.c[0].out_of_order, 0u);
}

TEST(TcpTracker, ZeroWindowCountedAndMaxWindowKept) {
  Conn k;
  k.handshake();
  k.seg(1, tcp::kAck, 901, 0, 60'000, 0);
  k.seg(1, tcp::kAck, 901, 0, 61'000, 0);
  k.seg(1, tcp::kAck, 901, 0, 62'000, 64000);
  EXPECT_EQ(k.c[1].zero_window, 2u);
  EXPECT_EQ(k.t.max_window(1), 64000);
}

TEST(TcpTracker, ClosedAfterBothFinsOrOneReset) {
  Conn a;
  a.handshake();
  a.seg(0, tcp::kFin | tcp::kAck, 101, 0, 60'000);
  EXPECT_EQ(a.t.state(), TcpState::kClosing);
  EXPECT_FALSE(a.t.closed());
  a.seg(1, tcp::kFin | tcp::kAck, 901, 0, 61'000);
  EXPECT_TRUE(a.t.closed());

  Conn b;
  b.handshake();
  b.seg(1, tcp::kRst, 901, 0, 60'000);
  EXPECT_TRUE(b.t.closed());
  EXPECT_TRUE(b.t.reset());
}

}  // namespace wl
