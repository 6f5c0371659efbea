// parse_dhcp: hand-built messages for each rule (header, cookie, option walk,
// overload, concatenation, sanitizing, option 81), real payloads from the
// shared captures with values checked against tshark, and every truncation.
#include "dpi/dhcp_message.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "dpi/dhcp_captures.h"

#include "hex_bytes.h"

namespace wl::test {
namespace {

using DhcpBytes = std::vector<uint8_t>;

DhcpBytes dhcp_hex(std::string_view hex) { return from_hex(hex); }

// Parses the first n bytes from a buffer of exactly n bytes (ASan sees any
// read past them), into a dirty output that parse_dhcp must reset.
bool parse_dhcp_prefix(const DhcpBytes& msg, size_t n, DhcpMessage& out) {
  std::unique_ptr<uint8_t[]> buf(new uint8_t[n]);
  if (n) std::memcpy(buf.get(), msg.data(), n);
  out.host_name = "dirty";
  out.message_type = 99;
  out.parameter_request_list = {1, 2, 3};
  out.complete = true;
  return parse_dhcp(std::span<const uint8_t>(buf.get(), n), out);
}

bool parse(const DhcpBytes& msg, DhcpMessage& out) { return parse_dhcp_prefix(msg, msg.size(), out); }

IpAddress ip(const char* text) { return *IpAddress::parse(text); }

DhcpBytes bytes_of(std::string_view s) { return DhcpBytes(s.begin(), s.end()); }

// A BOOTP header with the magic cookie; options are appended after it.
class DhcpBuilder {
 public:
  explicit DhcpBuilder(uint8_t op = 1) : b_(240, 0) {
    b_[0] = op;
    b_[1] = 1;  // Ethernet
    b_[2] = 6;
    const uint8_t xid[] = {0xDE, 0xAD, 0xBE, 0xEF};
    std::memcpy(&b_[4], xid, 4);
    const uint8_t mac[] = {0x02, 0x11, 0x22, 0x33, 0x44, 0x55};
    std::memcpy(&b_[28], mac, 6);
    const uint8_t cookie[] = {99, 130, 83, 99};
    std::memcpy(&b_[236], cookie, 4);
  }
  DhcpBuilder& at(size_t offset, const DhcpBytes& v) {
    std::memcpy(&b_[offset], v.data(), v.size());
    return *this;
  }
  DhcpBuilder& addr(size_t offset, const char* text) {
    const IpAddress a = ip(text);
    return at(offset, DhcpBytes(a.bytes.begin(), a.bytes.begin() + 4));
  }
  DhcpBuilder& opt(uint8_t code, const DhcpBytes& value) {
    b_.push_back(code);
    b_.push_back(static_cast<uint8_t>(value.size()));
    b_.insert(b_.end(), value.begin(), value.end());
    return *this;
  }
  DhcpBuilder& opt(uint8_t code, std::string_view value) { return opt(code, bytes_of(value)); }
  DhcpBuilder& raw(const DhcpBytes& v) {
    b_.insert(b_.end(), v.begin(), v.end());
    return *this;
  }
  DhcpBuilder& end() { return raw({255}); }
  DhcpBytes bytes() const { return b_; }

 private:
  DhcpBytes b_;
};

constexpr size_t kSnameOffset = 44;
constexpr size_t kFileOffset = 108;

// Every prefix must parse without a crash; from 240 bytes on, the header
// fields agree with the whole message, and options seen agree too.
void check_every_truncation(const DhcpBytes& msg) {
  DhcpMessage full;
  ASSERT_TRUE(parse(msg, full));
  for (size_t n = 0; n < msg.size(); ++n) {
    SCOPED_TRACE("prefix of " + std::to_string(n) + " bytes");
    DhcpMessage m;
    const bool ok = parse_dhcp_prefix(msg, n, m);
    EXPECT_EQ(ok, n >= 240);
    if (!ok) {
      EXPECT_TRUE(m.host_name.empty());
      EXPECT_TRUE(m.parameter_request_list.empty());
      continue;
    }
    EXPECT_EQ(m.op, full.op);
    EXPECT_EQ(m.transaction_id, full.transaction_id);
    EXPECT_EQ(m.client_mac, full.client_mac);
    EXPECT_EQ(m.client_ip, full.client_ip);
    EXPECT_EQ(m.your_ip, full.your_ip);
    if (m.message_type != 0) {
      EXPECT_EQ(m.message_type, full.message_type);
    }
    if (!m.host_name.empty()) {
      EXPECT_EQ(m.host_name, full.host_name);
    }
    if (!m.vendor_class.empty()) {
      EXPECT_EQ(m.vendor_class, full.vendor_class);
    }
    if (!m.parameter_request_list.empty()) {
      EXPECT_EQ(m.parameter_request_list, full.parameter_request_list);
    }
    EXPECT_LE(m.host_name.size(), kMaxDhcpString);
  }
}

// ---------------------------------------------------------------------------
// Header and cookie

TEST(DhcpHeader, MinimalMessage) {
  DhcpMessage m;
  ASSERT_TRUE(parse(DhcpBuilder().end().bytes(), m));
  EXPECT_EQ(m.op, 1);
  EXPECT_EQ(m.message_type, 0);
  EXPECT_EQ(m.transaction_id, 0xDEADBEEFu);
  EXPECT_EQ(m.client_mac.to_string(), "02:11:22:33:44:55");
  EXPECT_EQ(m.client_ip.version, 0);  // 0.0.0.0: unset
  EXPECT_EQ(m.your_ip.version, 0);
  EXPECT_EQ(m.requested_ip.version, 0);
  EXPECT_EQ(m.lease_time, 0u);
  EXPECT_EQ(m.fingerprint(), "");
  EXPECT_TRUE(m.complete);
  // The options may stop right after the cookie.
  ASSERT_TRUE(parse(DhcpBuilder().bytes(), m));
  EXPECT_TRUE(m.complete);
}

TEST(DhcpHeader, Addresses) {
  DhcpBuilder b(2);
  b.addr(12, "192.0.2.10").addr(16, "192.0.2.20").end();
  DhcpMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.op, 2);
  EXPECT_EQ(m.client_ip, ip("192.0.2.10"));
  EXPECT_EQ(m.your_ip, ip("192.0.2.20"));
}

TEST(DhcpHeader, MacOnlyForSixByteHardwareAddresses) {
  DhcpBuilder b;
  b.at(2, {16}).end();  // e.g. a 16-byte hardware address
  DhcpMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_TRUE(m.client_mac.is_zero());
}

TEST(DhcpHeader, RejectsWhatIsNotDhcp) {
  DhcpMessage m;
  const DhcpBytes good = DhcpBuilder().end().bytes();
  for (size_t i = 236; i < 240; ++i) {
    DhcpBytes bad = good;
    bad[i] ^= 0x01;
    EXPECT_FALSE(parse(bad, m)) << "cookie byte " << i;
  }
  for (uint8_t op : {uint8_t{0}, uint8_t{3}, uint8_t{0xFF}}) {
    DhcpBytes bad = good;
    bad[0] = op;
    EXPECT_FALSE(parse(bad, m)) << "op " << int{op};
  }
  EXPECT_FALSE(parse_dhcp_prefix(good, 239, m));
  EXPECT_FALSE(parse(DhcpBytes{}, m));
  EXPECT_TRUE(m.host_name.empty());
}

// ---------------------------------------------------------------------------
// Options

TEST(DhcpOptions, CommonOptions) {
  DhcpBuilder b;
  b.opt(53, {3})
      .raw({0, 0, 0})  // pad
      .opt(50, {192, 0, 2, 55})
      .opt(51, {0x00, 0x01, 0x51, 0x80})
      .opt(12, "laptop-7")
      .opt(60, "MSFT 5.0")
      .opt(15, "corp.example")
      .opt(55, {1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252})
      .opt(61, {1, 2, 0x11, 0x22, 0x33, 0x44, 0x55})  // ignored
      .end()
      .raw({12, 3, 'b', 'a', 'd'});  // after the end option: not read
  DhcpMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.message_type, dhcp_message_type::kRequest);
  EXPECT_STREQ(dhcp_message_type_name(m.message_type), "REQUEST");
  EXPECT_EQ(m.requested_ip, ip("192.0.2.55"));
  EXPECT_EQ(m.lease_time, 86400u);
  EXPECT_EQ(m.host_name, "laptop-7");
  EXPECT_EQ(m.vendor_class, "MSFT 5.0");
  EXPECT_EQ(m.domain_name, "corp.example");
  EXPECT_EQ(m.fingerprint(), "1,3,6,15,31,33,43,44,46,47,119,121,249,252");
  EXPECT_EQ(m.parameter_request_list.size(), 14u);
  EXPECT_TRUE(m.complete);
}

TEST(DhcpOptions, StringsAreSanitized) {
  DhcpBuilder b;
  b.opt(12, bytes_of(std::string("host\x01name\xff", 10)))
      .opt(60, bytes_of(std::string("vendor\0\0", 8)))  // NUL-terminated
      .opt(15, bytes_of(std::string("a\0b", 3)))        // an inner NUL is not a terminator
      .end();
  DhcpMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.host_name, "host?name?");
  EXPECT_EQ(m.vendor_class, "vendor");
  EXPECT_EQ(m.domain_name, "a?b");
}

TEST(DhcpOptions, RepeatedOptionsAreConcatenated) {
  // RFC 3396: a long option split into several instances.
  DhcpBuilder b;
  b.opt(12, "my-very-").opt(55, {1, 3}).opt(12, "long-host").opt(55, {6, 15}).end();
  DhcpMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.host_name, "my-very-long-host");
  EXPECT_EQ(m.fingerprint(), "1,3,6,15");
}

TEST(DhcpOptions, FirstOccurrenceOfFixedOptionsWins) {
  DhcpBuilder b;
  b.opt(53, {1}).opt(53, {5}).opt(51, {0, 0, 0, 60}).opt(51, {0, 0, 0, 99}).opt(50, {10, 0, 0, 1})
      .opt(50, {10, 0, 0, 2}).end();
  DhcpMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.message_type, 1);
  EXPECT_EQ(m.lease_time, 60u);
  EXPECT_EQ(m.requested_ip, ip("10.0.0.1"));
}

TEST(DhcpOptions, WrongLengthsAreIgnored) {
  DhcpBuilder b;
  b.opt(50, {10, 0, 0}).opt(51, {0, 0, 0, 1, 0}).opt(53, DhcpBytes{}).end();
  DhcpMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.requested_ip.version, 0);
  EXPECT_EQ(m.lease_time, 0u);
  EXPECT_EQ(m.message_type, 0);
  EXPECT_TRUE(m.complete);
}

TEST(DhcpOptions, LongValuesAreBounded) {
  DhcpBuilder b;
  const std::string chunk(255, 'h');
  for (int i = 0; i < 4; ++i) b.opt(12, chunk);
  DhcpBytes list(255);
  for (size_t i = 0; i < list.size(); ++i) list[i] = static_cast<uint8_t>(i);
  b.opt(55, list).opt(55, list).end();
  DhcpMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.host_name, std::string(kMaxDhcpString, 'h'));
  EXPECT_EQ(m.parameter_request_list.size(), 255u);
  EXPECT_TRUE(m.complete);
}

TEST(DhcpOptions, OptionCutShortStopsTheWalk) {
  DhcpBuilder b;
  b.opt(53, {1}).opt(12, "kept").raw({60, 20, 'c', 'u', 't'});
  DhcpMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.message_type, 1);
  EXPECT_EQ(m.host_name, "kept");
  EXPECT_EQ(m.vendor_class, "");
  EXPECT_FALSE(m.complete);

  DhcpBuilder lone;
  lone.opt(53, {2}).raw({12});  // a code without its length byte
  ASSERT_TRUE(parse(lone.bytes(), m));
  EXPECT_EQ(m.message_type, 2);
  EXPECT_FALSE(m.complete);
}

TEST(DhcpOptions, MissingEndOptionIsAccepted) {
  DhcpBuilder b;
  b.opt(53, {8}).opt(12, "printer");
  DhcpMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.message_type, dhcp_message_type::kInform);
  EXPECT_EQ(m.host_name, "printer");
  EXPECT_TRUE(m.complete);
}

TEST(DhcpOptions, OverloadReadsFileThenSname) {
  DhcpBuilder b;
  // file: host name part 2, a parameter list, end; sname: host name part 3,
  // an overload option (ignored there), end.
  b.at(kFileOffset, {12, 2, '-', 'b', 55, 2, 1, 3, 255});
  b.at(kSnameOffset, {12, 2, '-', 'c', 52, 1, 1, 255});
  b.opt(53, {1}).opt(12, "a").opt(52, {3}).end();
  DhcpMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.host_name, "a-b-c");
  EXPECT_EQ(m.fingerprint(), "1,3");
  EXPECT_TRUE(m.complete);

  // Overload 1: the file field only.
  DhcpBuilder file_only;
  file_only.at(kFileOffset, {12, 2, '-', 'b', 255}).at(kSnameOffset, {12, 2, '-', 'c', 255});
  file_only.opt(12, "a").opt(52, {1}).end();
  ASSERT_TRUE(parse(file_only.bytes(), m));
  EXPECT_EQ(m.host_name, "a-b");

  // Without option 52, sname and file are plain strings (here, a server name).
  DhcpBuilder none;
  none.at(kSnameOffset, bytes_of("boot-server")).opt(12, "a").end();
  ASSERT_TRUE(parse(none.bytes(), m));
  EXPECT_EQ(m.host_name, "a");

  // An option cut short inside the overloaded file field.
  DhcpBuilder cut;
  DhcpBytes file(128, 0);
  file[126] = 12;
  file[127] = 9;
  cut.at(kFileOffset, file).opt(52, {1}).end();
  ASSERT_TRUE(parse(cut.bytes(), m));
  EXPECT_FALSE(m.complete);
}

TEST(DhcpOptions, ClientFqdn) {
  DhcpMessage m;
  // E flag set: DNS wire format.
  DhcpBuilder wire;
  DhcpBytes v{0x05, 0, 0, 4, 'h', 'o', 's', 't', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0};
  wire.opt(81, v).end();
  ASSERT_TRUE(parse(wire.bytes(), m));
  EXPECT_EQ(m.client_fqdn, "host.example.com");

  // A partial name (no final zero byte) is allowed.
  DhcpBuilder partial;
  partial.opt(81, {0x04, 0, 0, 5, 'a', 'l', 'i', 'c', 'e'}).end();
  ASSERT_TRUE(parse(partial.bytes(), m));
  EXPECT_EQ(m.client_fqdn, "alice");

  // A label running past the option: no name.
  DhcpBuilder bad;
  bad.opt(81, {0x04, 0, 0, 9, 'a', 'b'}).end();
  ASSERT_TRUE(parse(bad.bytes(), m));
  EXPECT_EQ(m.client_fqdn, "");

  // E flag clear: ASCII (deprecated, still sent by old Windows clients).
  DhcpBuilder ascii;
  ascii.opt(81, bytes_of(std::string("\x00\xff\xff", 3) + "pc.corp.example")).end();
  ASSERT_TRUE(parse(ascii.bytes(), m));
  EXPECT_EQ(m.client_fqdn, "pc.corp.example");

  // Shorter than its 3 fixed bytes.
  DhcpBuilder tiny;
  tiny.opt(81, {0x04, 0}).end();
  ASSERT_TRUE(parse(tiny.bytes(), m));
  EXPECT_EQ(m.client_fqdn, "");
}

TEST(DhcpOptions, MessageTypeNames) {
  EXPECT_STREQ(dhcp_message_type_name(1), "DISCOVER");
  EXPECT_STREQ(dhcp_message_type_name(2), "OFFER");
  EXPECT_STREQ(dhcp_message_type_name(3), "REQUEST");
  EXPECT_STREQ(dhcp_message_type_name(4), "DECLINE");
  EXPECT_STREQ(dhcp_message_type_name(5), "ACK");
  EXPECT_STREQ(dhcp_message_type_name(6), "NAK");
  EXPECT_STREQ(dhcp_message_type_name(7), "RELEASE");
  EXPECT_STREQ(dhcp_message_type_name(8), "INFORM");
  EXPECT_STREQ(dhcp_message_type_name(10), "LEASEQUERY");
  EXPECT_STREQ(dhcp_message_type_name(18), "TLS");
  EXPECT_EQ(dhcp_message_type_name(0), nullptr);
  EXPECT_EQ(dhcp_message_type_name(19), nullptr);
  EXPECT_EQ(dhcp_message_type_name(106), nullptr);
}

// ---------------------------------------------------------------------------
// Real payloads (values as tshark -V shows them)

TEST(DhcpCapture, AndroidDiscoverRequestAck) {
  DhcpMessage m;
  ASSERT_TRUE(parse(dhcp_hex(kDhcpAndroidDiscover), m));
  EXPECT_EQ(m.op, 1);
  EXPECT_EQ(m.message_type, dhcp_message_type::kDiscover);
  EXPECT_EQ(m.transaction_id, 0xef7ed25au);
  EXPECT_EQ(m.client_mac.to_string(), "4c:6a:f6:9f:f6:27");
  EXPECT_EQ(m.vendor_class, "android-dhcp-9");
  EXPECT_EQ(m.fingerprint(), "1,3,6,15,26,28,51,58,59,43");
  EXPECT_EQ(m.host_name, "");
  EXPECT_TRUE(m.complete);

  ASSERT_TRUE(parse(dhcp_hex(kDhcpAndroidRequest), m));
  EXPECT_EQ(m.message_type, dhcp_message_type::kRequest);
  EXPECT_EQ(m.requested_ip.to_string(), "192.168.2.16");
  EXPECT_EQ(m.fingerprint(), "1,3,6,15,26,28,51,58,59,43");
  EXPECT_TRUE(m.complete);

  ASSERT_TRUE(parse(dhcp_hex(kDhcpAndroidAck), m));
  EXPECT_EQ(m.op, 2);
  EXPECT_EQ(m.message_type, dhcp_message_type::kAck);
  EXPECT_EQ(m.your_ip.to_string(), "192.168.2.16");
  EXPECT_EQ(m.client_ip.version, 0);
  EXPECT_EQ(m.lease_time, 85536u);
  EXPECT_EQ(m.client_mac.to_string(), "4c:6a:f6:9f:f6:27");
  EXPECT_TRUE(m.parameter_request_list.empty());
  EXPECT_TRUE(m.complete);
}

TEST(DhcpCapture, DhcpcdDiscover) {
  DhcpMessage m;
  ASSERT_TRUE(parse(dhcp_hex(kDhcpDhcpcdDiscover), m));
  EXPECT_EQ(m.message_type, dhcp_message_type::kDiscover);
  EXPECT_EQ(m.transaction_id, 0x158298c6u);
  EXPECT_EQ(m.client_mac.to_string(), "00:80:8f:9a:ae:bd");
  EXPECT_EQ(m.host_name, "pi3.ntop.org");
  EXPECT_EQ(m.vendor_class, "dhcpcd-6.10.1:Linux-4.9.57-v7+:armv7l:BCM2835");
  EXPECT_EQ(m.fingerprint(), "1,121,33,3,6,12,15,26,28,42,51,54,58,59,119");
  EXPECT_TRUE(m.complete);
}

TEST(DhcpCapture, SwitchDiscoverEndingAtTheEndOption) {
  DhcpMessage m;
  ASSERT_TRUE(parse(dhcp_hex(kDhcpSwitchDiscover), m));
  EXPECT_EQ(m.message_type, dhcp_message_type::kDiscover);
  EXPECT_EQ(m.transaction_id, 0x182be760u);
  EXPECT_EQ(m.client_mac.to_string(), "d8:0d:17:d6:55:ab");
  EXPECT_EQ(m.host_name, "TL-SG116E");
  EXPECT_EQ(m.vendor_class, "TL-SG116E");
  EXPECT_EQ(m.fingerprint(), "1,3");
  EXPECT_TRUE(m.complete);
}

TEST(DhcpCapture, AlexaRequestAndAck) {
  DhcpMessage m;
  ASSERT_TRUE(parse(dhcp_hex(kDhcpAlexaRequest), m));
  EXPECT_EQ(m.message_type, dhcp_message_type::kRequest);
  EXPECT_EQ(m.transaction_id, 0x7c6d7f31u);
  EXPECT_EQ(m.client_mac.to_string(), "78:f8:82:d3:fb:c2");
  EXPECT_EQ(m.requested_ip.to_string(), "172.16.42.216");
  EXPECT_EQ(m.host_name, "android-1c1335ec95a27318");
  EXPECT_EQ(m.vendor_class, "dhcpcd-5.5.6");
  EXPECT_EQ(m.fingerprint(), "1,33,3,6,15,26,28,51,58,59");
  EXPECT_TRUE(m.complete);

  ASSERT_TRUE(parse(dhcp_hex(kDhcpAlexaAck), m));
  EXPECT_EQ(m.op, 2);
  EXPECT_EQ(m.message_type, dhcp_message_type::kAck);
  EXPECT_EQ(m.your_ip.to_string(), "172.16.42.216");
  EXPECT_EQ(m.lease_time, 43200u);
  EXPECT_EQ(m.domain_name, "lan");
  EXPECT_TRUE(m.complete);
}

TEST(DhcpCapture, FuzzedMessageWithOptionPastTheEnd) {
  // tshark: message type 0x6a, client 192.168.1.104, host name MK03862, then
  // option 60 with length 49 runs past the payload ("Malformed Packet").
  DhcpMessage m;
  ASSERT_TRUE(parse(dhcp_hex(kDhcpFuzzed), m));
  EXPECT_EQ(m.op, 1);
  EXPECT_EQ(m.message_type, 106);
  EXPECT_EQ(dhcp_message_type_name(m.message_type), nullptr);
  EXPECT_EQ(m.transaction_id, 0xc979b960u);
  EXPECT_EQ(m.client_ip.to_string(), "192.168.1.104");
  EXPECT_EQ(m.client_mac.to_string(), "00:1f:29:da:2d:79");
  EXPECT_EQ(m.host_name, "MK03862");
  EXPECT_EQ(m.vendor_class, "");
  EXPECT_TRUE(m.parameter_request_list.empty());
  EXPECT_FALSE(m.complete);
}

TEST(DhcpCapture, EveryTruncationOfEveryCapture) {
  const std::string_view payloads[] = {kDhcpAndroidDiscover, kDhcpAndroidRequest, kDhcpAndroidAck,
                                       kDhcpDhcpcdDiscover,  kDhcpSwitchDiscover, kDhcpAlexaRequest,
                                       kDhcpAlexaAck,        kDhcpFuzzed};
  for (std::string_view hex : payloads) check_every_truncation(dhcp_hex(hex));
}

TEST(DhcpCapture, ByteFlipsDoNotCrash) {
  uint32_t state = 777;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return state >> 8;
  };
  for (std::string_view hex : {kDhcpDhcpcdDiscover, kDhcpAlexaAck, kDhcpFuzzed}) {
    const DhcpBytes original = dhcp_hex(hex);
    for (int round = 0; round < 300; ++round) {
      DhcpBytes msg = original;
      // Mutate the options (the header is fixed-size), sometimes with an
      // overload option first so that file and sname get walked too.
      for (int k = 0; k < 4; ++k) {
        const size_t at = 240 + next() % (msg.size() - 240);
        msg[at] = static_cast<uint8_t>(next());
      }
      if (round % 3 == 0) {
        msg[240] = 52;
        msg[241] = 1;
        msg[242] = static_cast<uint8_t>(next() % 4);
        for (size_t i = kSnameOffset; i < kFileOffset + 128; ++i) msg[i] = static_cast<uint8_t>(next());
      }
      DhcpMessage m;
      if (parse(msg, m)) {
        EXPECT_LE(m.host_name.size(), kMaxDhcpString);
        EXPECT_LE(m.vendor_class.size(), kMaxDhcpString);
        EXPECT_LE(m.parameter_request_list.size(), 255u);
      }
    }
  }
}

}  // namespace
}  // namespace wl::test
