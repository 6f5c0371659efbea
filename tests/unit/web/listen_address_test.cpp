#include <gtest/gtest.h>

#include "web/http_server.h"

namespace wl {

namespace {
ListenAddress parse_ok(const std::string& spec) {
  ListenAddress a;
  std::string error;
  EXPECT_TRUE(parse_listen_address(spec, a, error)) << spec << ": " << error;
  return a;
}

std::string parse_error(const std::string& spec) {
  ListenAddress a;
  a.address = "untouched";
  std::string error;
  EXPECT_FALSE(parse_listen_address(spec, a, error)) << spec;
  EXPECT_EQ(a.address, "untouched") << "a failed parse must leave the output alone";
  return error;
}
}  // namespace

TEST(ParseListenAddress, BarePortMeansEveryAddress) {
  ListenAddress a = parse_ok("3000");
  EXPECT_EQ(a.address, "");
  EXPECT_EQ(a.port, 3000);
}

TEST(ParseListenAddress, LeadingColonMeansLoopback) {
  ListenAddress a = parse_ok(":3000");
  EXPECT_EQ(a.address, "127.0.0.1");
  EXPECT_EQ(a.port, 3000);
}

TEST(ParseListenAddress, IPv4AndBracketedIPv6) {
  ListenAddress a = parse_ok("10.0.0.1:3000");
  EXPECT_EQ(a.address, "10.0.0.1");
  EXPECT_EQ(a.port, 3000);
  a = parse_ok("[::1]:3443");
  EXPECT_EQ(a.address, "::1");
  EXPECT_EQ(a.port, 3443);
  a = parse_ok("[::]:80");
  EXPECT_EQ(a.address, "::");
  EXPECT_EQ(a.port, 80);
}

TEST(ParseListenAddress, PortRange) {
  EXPECT_EQ(parse_ok("0").port, 0);  // ephemeral
  EXPECT_EQ(parse_ok("65535").port, 65535);
  EXPECT_NE(parse_error("65536").find("range"), std::string::npos);
  parse_error("99999");
  parse_error("123456");
  parse_error("-1");
  parse_error(":");
  parse_error("10.0.0.1:");
  parse_error("[::1]:");
}

TEST(ParseListenAddress, KeepsTheTlsFlag) {
  ListenAddress a;
  a.tls = true;
  std::string error;
  ASSERT_TRUE(parse_listen_address("3001", a, error));
  EXPECT_TRUE(a.tls);
}

TEST(ParseListenAddress, RejectsJunk) {
  for (const char* spec : {"", "abc", "3000x", "localhost:3000", "10.0.0.256:80", "1.2.3:80", "::1:3000", "[::1]3000",
                           "[::1", "[nothing]:80", "[10.0.0.1]:80", " 3000", "3000 "})
    EXPECT_FALSE(parse_error(spec).empty()) << spec;
}

}  // namespace wl
