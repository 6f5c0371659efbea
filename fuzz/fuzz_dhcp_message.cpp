// libFuzzer target for wl::parse_dhcp.
//
// Input: one DHCPv4 message as a UDP payload (BOOTP header, magic cookie,
// options). The seeds in fuzz/dhcp_message_corpus/ are real payloads from
// the shared captures.
//
// Besides crashes and sanitizer reports, the target traps when an output
// breaks the documented bounds: acceptance exactly when the header, a valid
// op and the cookie are there; strings printable and at most kMaxDhcpString
// characters; at most 255 requested parameters.
//
// Build: clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
//          fuzz/fuzz_dhcp_message.cpp src/dpi/dhcp_message.cpp src/common/ip_address.cpp
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "dpi/dhcp_message.h"

namespace {

volatile uint64_t g_sink;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool bounded_printable(const std::string& s) {
  if (s.size() > wl::kMaxDhcpString) return false;
  for (char c : s) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 65535) return 0;
  wl::DhcpMessage m;
  const bool ok = wl::parse_dhcp(std::span<const uint8_t>(data, size), m);
  const bool expected = size >= 240 && (data[0] == 1 || data[0] == 2) && data[236] == 99 &&
                        data[237] == 130 && data[238] == 83 && data[239] == 99;
  check(ok == expected);
  if (!ok) {
    check(m.host_name.empty() && m.parameter_request_list.empty() && m.message_type == 0);
    return 0;
  }
  check(m.op == data[0]);
  check(bounded_printable(m.host_name));
  check(bounded_printable(m.vendor_class));
  check(bounded_printable(m.domain_name));
  check(bounded_printable(m.client_fqdn));
  check(m.parameter_request_list.size() <= 255);
  check(m.client_ip.version == 0 || m.client_ip.version == 4);
  check(m.your_ip.version == 0 || m.your_ip.version == 4);
  check(m.requested_ip.version == 0 || m.requested_ip.version == 4);
  const std::string fp = m.fingerprint();
  check(fp.size() <= 4 * m.parameter_request_list.size());

  uint64_t h = m.op + m.message_type + m.transaction_id + m.lease_time + m.complete;
  for (uint8_t b : m.client_mac.bytes) h = h * 7 + b;
  for (uint8_t b : m.client_ip.bytes) h = h * 7 + b;
  for (uint8_t b : m.your_ip.bytes) h = h * 7 + b;
  for (uint8_t b : m.requested_ip.bytes) h = h * 7 + b;
  h += m.host_name.size() + m.vendor_class.size() + m.domain_name.size() + m.client_fqdn.size() + fp.size();
  const char* name = wl::dhcp_message_type_name(m.message_type);
  h += name ? name[0] : 0;
  g_sink = g_sink + h;
  return 0;
}
