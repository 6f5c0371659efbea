#include "flows/flow_key.h"

#include <gtest/gtest.h>

#include "test_packets.h"

namespace wl {
using test::ip;

TEST(FlowKey, BothDirectionsGiveOneKey) {
  bool a_lo, b_lo;
  FlowKey a = make_flow_key(ip("10.0.0.2"), 40000, ip("10.0.0.1"), 80, 0, 6, a_lo);
  FlowKey b = make_flow_key(ip("10.0.0.1"), 80, ip("10.0.0.2"), 40000, 0, 6, b_lo);
  EXPECT_EQ(a, b);
  EXPECT_NE(a_lo, b_lo);
  EXPECT_EQ(FlowKeyHash{}(a), FlowKeyHash{}(b));
  EXPECT_EQ(a.lo_ip, ip("10.0.0.1"));
  EXPECT_EQ(a.lo_port, 80);
}

TEST(FlowKey, SameAddressOrdersByPort) {
  bool a_lo, b_lo;
  FlowKey a = make_flow_key(ip("::1"), 5000, ip("::1"), 6000, 0, 17, a_lo);
  FlowKey b = make_flow_key(ip("::1"), 6000, ip("::1"), 5000, 0, 17, b_lo);
  EXPECT_EQ(a, b);
  EXPECT_TRUE(a_lo);
  EXPECT_FALSE(b_lo);
}

TEST(FlowKey, VlanProtocolAndPortsSeparateFlows) {
  bool lo;
  FlowKey base = make_flow_key(ip("2001:db8::1"), 1, ip("2001:db8::2"), 2, 0, 17, lo);
  EXPECT_NE(base, make_flow_key(ip("2001:db8::1"), 1, ip("2001:db8::2"), 2, 5, 17, lo));
  EXPECT_NE(base, make_flow_key(ip("2001:db8::1"), 1, ip("2001:db8::2"), 2, 0, 6, lo));
  EXPECT_NE(base, make_flow_key(ip("2001:db8::1"), 1, ip("2001:db8::2"), 3, 0, 17, lo));
}

TEST(FlowKey, ShardHashIgnoresDirectionAndPorts) {
  EXPECT_EQ(shard_hash(ip("1.2.3.4"), ip("5.6.7.8"), 7), shard_hash(ip("5.6.7.8"), ip("1.2.3.4"), 7));
  EXPECT_NE(shard_hash(ip("1.2.3.4"), ip("5.6.7.8"), 7), shard_hash(ip("1.2.3.4"), ip("5.6.7.8"), 8));
}

}  // namespace wl
