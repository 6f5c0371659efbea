#include "hosts/host_table.h"

#include <gtest/gtest.h>

#include "test_packets.h"

namespace wl {
using test::ip;

namespace {
struct Fixture : testing::Test {
  LocalNetworks local;
  Fixture() { local.add_spec("192.168.0.0/16"); }
  HostPolicy policy{seconds(300), seconds(60), true};
};
}  // namespace

using HostTableTest = Fixture;

TEST_F(HostTableTest, CreatesOnceAndMarksLocality) {
  HostTable t(1024, local, policy);
  uint32_t a = t.acquire({ip("192.168.1.5"), 0}, 0);
  EXPECT_EQ(t.acquire({ip("192.168.1.5"), 0}, 10), a);
  EXPECT_NE(t.acquire({ip("192.168.1.5"), 7}, 10), a);  // another VLAN, another host
  EXPECT_TRUE(t.at(a).local);
  EXPECT_FALSE(t.at(t.acquire({ip("8.8.8.8"), 0}, 10)).local);
  EXPECT_EQ(t.stats().created, 3u);
}

TEST_F(HostTableTest, IdleHostsPurgedOnTheirOwnTimeoutsButNotWhileInAFlow) {
  HostTable t(1024, local, policy);
  uint32_t l = t.acquire({ip("192.168.1.5"), 0}, 0);
  uint32_t r = t.acquire({ip("8.8.8.8"), 0}, 0);
  uint32_t busy = t.acquire({ip("9.9.9.9"), 0}, 0);
  t.flow_started(busy, true, ip("192.168.1.5"), 53, 17);
  EXPECT_EQ(t.purge(seconds(61)), 1u);  // the remote one
  EXPECT_EQ(t.size(), 2u);
  EXPECT_EQ(t.purge(seconds(301)), 1u);  // the local one; the busy one stays
  EXPECT_EQ(t.size(), 1u);
  t.flow_ended(busy, true);
  EXPECT_EQ(t.purge(seconds(302)), 1u);
  (void)l;
  (void)r;
}

TEST_F(HostTableTest, ExpiredHostReappearsAsNew) {
  HostTable t(1024, local, policy);
  uint32_t s = t.acquire({ip("8.8.8.8"), 0}, 0);
  t.at(s).traffic.bytes_sent = 500;
  s = t.acquire({ip("8.8.8.8"), 0}, seconds(100));
  EXPECT_EQ(t.at(s).traffic.bytes_sent, 0u);
  EXPECT_EQ(t.at(s).first_seen, seconds(100));
}

TEST_F(HostTableTest, NoPurgeWhenPurgingIsOff) {
  HostTable t(1024, local, HostPolicy{seconds(300), seconds(60), false});
  uint32_t s = t.acquire({ip("8.8.8.8"), 0}, 0);
  EXPECT_EQ(t.purge(seconds(10'000)), 0u);
  EXPECT_EQ(t.acquire({ip("8.8.8.8"), 0}, seconds(10'000)), s);
}

TEST_F(HostTableTest, FullTableEvictsIdleRemoteHostsFirstThenRefuses) {
  HostTable t(1024, local, HostPolicy{seconds(300), seconds(60), false});
  for (int i = 0; i < 1024; ++i) {
    uint32_t s = t.acquire({ip("192.168." + std::to_string(i / 256) + "." + std::to_string(i % 256)), 0}, i);
    if (i == 0) t.flow_started(s, true, ip("8.8.8.8"), 53, 17);
  }
  // Full of local hosts: nothing can go.
  EXPECT_EQ(t.acquire({ip("8.8.8.8"), 0}, 2000), kNoSlot);
  EXPECT_EQ(t.stats().refused, 1u);

  HostTable r(1024, local, HostPolicy{seconds(300), seconds(60), false});
  for (int i = 0; i < 1024; ++i) r.acquire({ip("10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256)), 0}, i);
  EXPECT_NE(r.acquire({ip("8.8.8.8"), 0}, 2000), kNoSlot);
  EXPECT_EQ(r.stats().evicted, 1u);
  EXPECT_EQ(r.find({ip("10.0.0.0"), 0}), kNoSlot);  // the least recently seen went
}

TEST_F(HostTableTest, ServerPortsAndPeersAreBounded) {
  HostTable t(1024, local, policy);
  uint32_t remote = t.acquire({ip("8.8.8.8"), 0}, 0);
  for (uint16_t p = 1; p <= 100; ++p) t.flow_started(remote, false, ip("192.168.1.1"), p, 6);
  for (int i = 0; i < 100; ++i) t.flow_started(remote, true, ip("1.1.1." + std::to_string(i)), 80, 6);
  EXPECT_EQ(t.at(remote).server_ports.size(), kRemoteServerPorts);
  EXPECT_EQ(t.at(remote).peers.size(), kRemotePeers);
  EXPECT_TRUE(t.at(remote).peers_truncated);
  EXPECT_EQ(t.at(remote).total_flows_as_server, 100u);
}

}  // namespace wl
