#include "hosts/host_names.h"

#include <gtest/gtest.h>

#include <string>

#include "test_packets.h"

namespace wl {
using test::ip;

TEST(HostNameCache, KeepsTheLatestNamePerSource) {
  HostNameCache c;
  c.learn(ip("10.0.0.5"), "printer.lan", NameSource::kMdns);
  c.learn(ip("10.0.0.5"), "PRINTER", NameSource::kNetbios);
  c.learn(ip("10.0.0.5"), "printer2.lan", NameSource::kMdns);
  auto names = c.names_of(ip("10.0.0.5"));
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0].name, "printer2.lan");
  EXPECT_EQ(names[0].source, NameSource::kMdns);
  EXPECT_EQ(names[1].name, "PRINTER");
  EXPECT_TRUE(c.names_of(ip("10.0.0.6")).empty());
  EXPECT_STREQ(name_source_label(NameSource::kNetbios), "NetBIOS");
}

TEST(HostNameCache, IgnoresEmptyNamesAndStaysBounded) {
  HostNameCache c(100);
  c.learn(ip("10.0.0.1"), "", NameSource::kDns);
  EXPECT_EQ(c.size(), 0u);
  for (int i = 0; i < 1000; ++i) c.learn(ip("10.1." + std::to_string(i / 256) + "." + std::to_string(i % 256)), "h", NameSource::kDns);
  EXPECT_EQ(c.size(), 100u);
  EXPECT_TRUE(c.names_of(ip("10.1.0.0")).empty());  // the oldest went first
  EXPECT_FALSE(c.names_of(ip("10.1.3.231")).empty());
}

}  // namespace wl
