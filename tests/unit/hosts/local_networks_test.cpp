#include "hosts/local_networks.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "test_packets.h"

namespace wl {
using test::ip;

TEST(LocalNetworks, MatchesIpv4AndIpv6Prefixes) {
  LocalNetworks n;
  ASSERT_EQ(n.add_spec("192.168.1.0/24,10.0.0.0/8=LAN,2001:db8::/32,fe80::/10"), "");
  EXPECT_TRUE(n.contains(ip("192.168.1.200")));
  EXPECT_FALSE(n.contains(ip("192.168.2.1")));
  EXPECT_TRUE(n.contains(ip("10.255.0.1")));
  EXPECT_TRUE(n.contains(ip("2001:db8:ffff::1")));
  EXPECT_FALSE(n.contains(ip("2001:db9::1")));
  EXPECT_TRUE(n.contains(ip("fe80::1")));
  EXPECT_TRUE(n.contains(ip("febf::1")));
  EXPECT_FALSE(n.contains(ip("fec0::1")));
  EXPECT_EQ(n.networks()[n.find(ip("10.1.2.3"))].name, "LAN");
}

TEST(LocalNetworks, Ipv4AndIpv6NeverMatchEachOther) {
  LocalNetworks n;
  ASSERT_EQ(n.add_spec("0.0.0.0/0"), "");
  EXPECT_TRUE(n.contains(ip("8.8.8.8")));
  EXPECT_FALSE(n.contains(ip("::")));
}

TEST(LocalNetworks, MostSpecificNetworkWins) {
  LocalNetworks n;
  ASSERT_EQ(n.add_spec("10.0.0.0/8=wide,10.1.0.0/16=narrow"), "");
  EXPECT_EQ(n.networks()[n.find(ip("10.1.2.3"))].name, "narrow");
  EXPECT_EQ(n.networks()[n.find(ip("10.2.2.3"))].name, "wide");
}

TEST(LocalNetworks, DottedMasksBareAddressesAndHostBitsMasked) {
  LocalNetworks n;
  ASSERT_EQ(n.add_spec("172.16.5.9/255.255.0.0, 203.0.113.7"), "");
  EXPECT_EQ(n.networks()[0].to_string(), "172.16.0.0/16");
  EXPECT_TRUE(n.contains(ip("172.16.200.1")));
  EXPECT_TRUE(n.contains(ip("203.0.113.7")));
  EXPECT_FALSE(n.contains(ip("203.0.113.8")));
}

TEST(LocalNetworks, RejectsBadEntriesNamingThem) {
  LocalNetworks n;
  EXPECT_NE(n.add_spec("10.0.0.0/33").find("10.0.0.0/33"), std::string::npos);
  EXPECT_NE(n.add_spec("2001:db8::/129").find("/129"), std::string::npos);
  EXPECT_NE(n.add_spec("10.0.0.0/255.0.255.0").find("prefix"), std::string::npos);
  EXPECT_NE(n.add_spec("not-a-network").find("not-a-network"), std::string::npos);
}

TEST(LocalNetworks, ReadsAFileWithCommentsAndQuotes) {
  std::string path = testing::TempDir() + "/nets.txt";
  {
    std::ofstream f(path);
    f << "# office\n\"192.168.10.0/24=Office\"\n\n10.0.0.0/8, fd00::/8  # lab and ULA\n";
  }
  LocalNetworks n;
  ASSERT_EQ(n.add_spec(path), "");
  EXPECT_EQ(n.networks().size(), 3u);
  EXPECT_EQ(n.networks()[0].name, "Office");
  EXPECT_TRUE(n.contains(ip("fd12::1")));
  std::remove(path.c_str());
}

}  // namespace wl
