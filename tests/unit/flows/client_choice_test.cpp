#include "flows/client_choice.h"

#include <gtest/gtest.h>

#include "flows/tcp_tracker.h"
#include "test_packets.h"

namespace wl {
using test::tcp_packet;
using test::udp_packet;

TEST(ClientChoice, SynSenderIsClient) {
  EXPECT_TRUE(sender_is_client(tcp_packet("10.0.0.1", 80, "10.0.0.2", 40000, tcp::kSyn)));
}

TEST(ClientChoice, SynAckReceiverIsClient) {
  EXPECT_FALSE(sender_is_client(tcp_packet("10.0.0.1", 40000, "10.0.0.2", 50000, tcp::kSyn | tcp::kAck)));
}

TEST(ClientChoice, MidStreamFromWellKnownPortIsServer) {
  EXPECT_FALSE(sender_is_client(tcp_packet("10.0.0.1", 443, "10.0.0.2", 51000, tcp::kAck)));
  EXPECT_FALSE(sender_is_client(udp_packet("8.8.8.8", 53, "10.0.0.2", 33333)));
}

TEST(ClientChoice, OtherwiseTheFirstSender) {
  EXPECT_TRUE(sender_is_client(udp_packet("10.0.0.2", 33333, "8.8.8.8", 53)));
  EXPECT_TRUE(sender_is_client(udp_packet("10.0.0.2", 123, "10.0.0.3", 123)));    // both well known
  EXPECT_TRUE(sender_is_client(udp_packet("10.0.0.2", 40000, "10.0.0.3", 50000)));  // both ephemeral
  DecodedPacket icmp = udp_packet("10.0.0.2", 0, "10.0.0.3", 0);
  icmp.l4_proto = 1;
  EXPECT_TRUE(sender_is_client(icmp));
}

}  // namespace wl
