// The flow JSON pieces shared by the flow list and the flow detail.
#include "rest/flow_json.h"

#include <gtest/gtest.h>

namespace wl {
namespace {

TEST(FlowJson, TcpFlagsInAFixedReadableOrder) {
  EXPECT_EQ(tcp_flags_text(0), "");
  EXPECT_EQ(tcp_flags_text(0x02), "SYN");
  EXPECT_EQ(tcp_flags_text(0x12), "SYN ACK");
  EXPECT_EQ(tcp_flags_text(0x1F), "SYN ACK PSH FIN RST");
  EXPECT_EQ(tcp_flags_text(0xFF), "SYN ACK PSH FIN RST URG ECE CWR");
}

TEST(FlowJson, L4NamesAsNtopngShowsThem) {
  EXPECT_STREQ(l4_proto_name(6), "TCP");
  EXPECT_STREQ(l4_proto_name(17), "UDP");
  EXPECT_STREQ(l4_proto_name(58), "ICMPv6");
  EXPECT_STREQ(l4_proto_name(250), "Other IP");
}

TEST(FlowJson, TheServerIsNamedByWhatTheClientAskedFor) {
  FlowView f;
  EXPECT_EQ(server_display_name(f, "learned.example"), "learned.example");
  auto meta = std::make_shared<FlowMetadata>();
  meta->set(Meta::kHttpHost, "www.example.org");
  f.meta = meta;
  EXPECT_EQ(server_display_name(f, "learned.example"), "www.example.org");
  meta->set(Meta::kTlsServerName, "sni.example.org");
  EXPECT_EQ(server_display_name(f, "learned.example"), "sni.example.org");
}

}  // namespace
}  // namespace wl
