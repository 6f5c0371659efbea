#include "dpi/name_observer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_packets.h"

namespace wl {
using test::ip;

namespace {
// A DNS response for www.example.com with the given A answers.
std::vector<uint8_t> dns_response(const std::vector<std::array<uint8_t, 4>>& answers, uint8_t rcode = 0) {
  std::vector<uint8_t> m = {0x12, 0x34, 0x81, static_cast<uint8_t>(0x80 | rcode), 0, 1, 0,
                            static_cast<uint8_t>(answers.size()), 0, 0, 0, 0};
  for (std::string label : {"www", "example", "com"}) {
    m.push_back(static_cast<uint8_t>(label.size()));
    m.insert(m.end(), label.begin(), label.end());
  }
  for (uint8_t b : {0, 0, 1, 0, 1}) m.push_back(b);
  for (const auto& a : answers) {
    for (uint8_t b : {0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0x0E, 0x10, 0, 4}) m.push_back(b);
    m.insert(m.end(), a.begin(), a.end());
  }
  return m;
}

DecodedPacket udp_with(uint16_t sport, uint16_t dport, const std::vector<uint8_t>& payload) {
  DecodedPacket p = test::udp_packet("10.0.0.53", sport, "10.0.0.2", dport, static_cast<uint32_t>(payload.size()));
  return p;
}
}  // namespace

TEST(NameObserver, KeepsEveryDnsAnswerAndNamesTheAddresses) {
  auto payload = dns_response({{93, 184, 216, 34}, {93, 184, 216, 35}, {93, 184, 216, 36}});
  DecodedPacket p = udp_with(53, 40000, payload);
  ASSERT_TRUE(carries_names(p));
  std::unique_ptr<FlowMetadata> meta;
  HostNameCache names;
  observe_names(p, payload.data(), meta, &names);
  ASSERT_NE(meta, nullptr);
  EXPECT_EQ(meta->get(Meta::kDnsQuery), "www.example.com");
  EXPECT_EQ(meta->dns_query_type, 1);
  EXPECT_TRUE(meta->dns_answered);
  ASSERT_EQ(meta->dns_answers.size(), 3u);
  EXPECT_EQ(meta->dns_answers[2], ip("93.184.216.36"));
  auto learned = names.names_of(ip("93.184.216.35"));
  ASSERT_EQ(learned.size(), 1u);
  EXPECT_EQ(learned[0].name, "www.example.com");
  EXPECT_EQ(learned[0].source, NameSource::kDns);
}

TEST(NameObserver, MdnsAnswersAreNamedAsMdns) {
  auto payload = dns_response({{192, 168, 1, 20}});
  DecodedPacket p = udp_with(5353, 5353, payload);
  std::unique_ptr<FlowMetadata> meta;
  HostNameCache names;
  observe_names(p, payload.data(), meta, &names);
  EXPECT_EQ(names.names_of(ip("192.168.1.20")).at(0).source, NameSource::kMdns);
}

TEST(NameObserver, NxDomainKeepsItsCode) {
  auto payload = dns_response({}, 3);
  DecodedPacket p = udp_with(53, 40000, payload);
  std::unique_ptr<FlowMetadata> meta;
  observe_names(p, payload.data(), meta, nullptr);
  ASSERT_NE(meta, nullptr);
  EXPECT_EQ(meta->dns_rcode, 3);
  EXPECT_TRUE(meta->dns_answers.empty());
}

TEST(NameObserver, SsdpHostHeader) {
  std::string text = "M-SEARCH * HTTP/1.1\r\nHost: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\n\r\n";
  std::vector<uint8_t> payload(text.begin(), text.end());
  DecodedPacket p = udp_with(50000, 1900, payload);
  ASSERT_TRUE(carries_names(p));
  std::unique_ptr<FlowMetadata> meta;
  observe_names(p, payload.data(), meta, nullptr);
  ASSERT_NE(meta, nullptr);
  EXPECT_EQ(meta->get(Meta::kHttpHost), "239.255.255.250:1900");
}

TEST(NameObserver, GarbageOnNamePortsChangesNothing) {
  std::vector<uint8_t> payload = {1, 2, 3};
  DecodedPacket p = udp_with(53, 40000, payload);
  std::unique_ptr<FlowMetadata> meta;
  HostNameCache names;
  observe_names(p, payload.data(), meta, &names);
  EXPECT_EQ(meta, nullptr);
  EXPECT_EQ(names.size(), 0u);
  EXPECT_FALSE(carries_names(test::udp_packet("10.0.0.1", 40000, "10.0.0.2", 443)));
}

TEST(NameObserver, TlsAndHttpNameTheServer) {
  FlowMetadata m;
  m.set(Meta::kTlsServerName, "www.ntop.org");
  m.set(Meta::kHttpHost, "intranet:8080");
  HostNameCache names;
  learn_server_name(m, ip("10.0.0.9"), &names);
  auto learned = names.names_of(ip("10.0.0.9"));
  ASSERT_EQ(learned.size(), 2u);
  EXPECT_EQ(learned[0].name, "www.ntop.org");
  EXPECT_EQ(learned[1].name, "intranet");  // the port is not part of the name
}

}  // namespace wl
