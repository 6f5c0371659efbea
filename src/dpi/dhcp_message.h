#pragma once
// DHCPv4 message parsing (RFC 2131 / RFC 2132 over the BOOTP layout of
// RFC 951): a pure, bounds-checked function from a UDP 67/68 payload to the
// fields DPI and host identification need. No I/O, no global state; safe on
// arbitrary input (fuzzed by fuzz/fuzz_dhcp_message.cpp).
//
// parse_dhcp() returns false unless the payload holds the 236-byte BOOTP
// header with op 1 (request) or 2 (reply) followed by the magic cookie
// 99.130.83.99. It then walks the options (pad 0, end 255, every other option
// code + length + value) and returns true with what it found:
//   - Option overload (52) is honoured: the `file` field, then the `sname`
//     field, are walked as more options when it says so (RFC 2131 4.1).
//   - An option that occurs more than once is concatenated (RFC 3396) for the
//     string options and the parameter request list; for the others the first
//     occurrence counts.
//   - An option running past the end of its area stops the walk there and
//     leaves `complete` false; options before it are kept, the cut one is not.
//     An area that ends without an end option (255) is accepted as complete.
//   - Strings: trailing NUL bytes dropped (many clients NUL-terminate), then
//     every byte outside 0x20-0x7E replaced by '?', at most kMaxDhcpString
//     characters. The parameter request list keeps at most 255 codes.
//   - Addresses that are 0.0.0.0 are left unset (version 0): "no address".
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/ip_address.h"

namespace wl {

namespace dhcp_message_type {
constexpr uint8_t kDiscover = 1;
constexpr uint8_t kOffer = 2;
constexpr uint8_t kRequest = 3;
constexpr uint8_t kDecline = 4;
constexpr uint8_t kAck = 5;
constexpr uint8_t kNak = 6;
constexpr uint8_t kRelease = 7;
constexpr uint8_t kInform = 8;
}  // namespace dhcp_message_type

constexpr size_t kMaxDhcpString = 255;

struct DhcpMessage {
  uint8_t op = 0;                // 1 BOOTREQUEST, 2 BOOTREPLY
  uint8_t message_type = 0;      // option 53; 0 when absent (plain BOOTP)
  uint32_t transaction_id = 0;   // xid
  MacAddress client_mac;         // chaddr, when hlen is 6; zero otherwise
  IpAddress client_ip;           // ciaddr
  IpAddress your_ip;             // yiaddr
  IpAddress requested_ip;        // option 50
  std::string host_name;         // option 12
  std::string vendor_class;      // option 60, e.g. "MSFT 5.0", "android-dhcp-9"
  // Option 55 in order: the codes the client asks for, its OS fingerprint.
  std::vector<uint8_t> parameter_request_list;
  // Option 81's domain name (RFC 4702): DNS wire format when its E flag is
  // set (labels joined with '.'), ASCII otherwise; sanitized like the strings.
  std::string client_fqdn;
  std::string domain_name;       // option 15
  uint32_t lease_time = 0;       // option 51, seconds; 0 when absent
  bool complete = false;         // every option area was walked to its end

  // The parameter request list as decimal codes joined by ',': "1,3,6,15".
  std::string fingerprint() const;
};

// `out` is reset first. See above for what false and `complete` mean.
bool parse_dhcp(std::span<const uint8_t> payload, DhcpMessage& out);

// "DISCOVER", "OFFER", "REQUEST", "DECLINE", "ACK", "NAK", "RELEASE",
// "INFORM", and the lease-query and later types up to 18 (RFC 3203, 4388,
// 6926, 7724, 9444); nullptr for others.
const char* dhcp_message_type_name(uint8_t type);

}  // namespace wl
