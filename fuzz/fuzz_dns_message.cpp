// libFuzzer target for wl::parse_dns, wl::parse_dns_tcp and the name helpers.
//
// Input: one DNS message as a UDP payload (DNS, mDNS, LLMNR, NBNS). The same
// bytes are also parsed as a DNS-over-TCP stream, and wrapped in a length
// prefix, which must give the same result as the plain parse.
// The seeds in fuzz/dns_message_corpus/ are real payloads from the shared
// captures.
//
// Besides crashes and sanitizer reports, the target traps when an output
// breaks the documented bounds: at most kMaxDnsAnswers answers, names in
// printable ASCII, header fields consistent with the first bytes.
//
// Build: clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
//          fuzz/fuzz_dns_message.cpp src/dpi/dns_message.cpp src/common/ip_address.cpp
#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "dpi/dns_message.h"

namespace {

volatile uint64_t g_sink;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool printable(const std::string& s) {
  for (char c : s) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

bool same(const wl::DnsMessage& a, const wl::DnsMessage& b) {
  if (a.id != b.id || a.flags != b.flags || a.query_name != b.query_name ||
      a.query_type != b.query_type || a.query_class != b.query_class || a.complete != b.complete ||
      a.answers.size() != b.answers.size()) {
    return false;
  }
  for (size_t i = 0; i < a.answers.size(); ++i) {
    const wl::DnsAnswer& x = a.answers[i];
    const wl::DnsAnswer& y = b.answers[i];
    if (x.name != y.name || x.type != y.type || x.ttl != y.ttl || !(x.address == y.address) ||
        x.target != y.target || x.additional != y.additional) {
      return false;
    }
  }
  return true;
}

uint64_t digest(const wl::DnsMessage& m) {
  uint64_t h = m.id + m.flags + m.response + m.opcode + m.rcode + m.authoritative + m.truncated;
  h = h * 31 + m.query_name.size() + m.query_type + m.query_class + m.complete;
  h = h * 31 + m.qdcount + m.ancount + m.nscount + m.arcount;
  for (const wl::DnsAnswer& a : m.answers) {
    h = h * 31 + a.name.size() + a.type + a.ttl + a.target.size() + a.additional + a.address.version;
    for (uint8_t b : a.address.bytes) h = h * 7 + b;
  }
  return h;
}

void check_message(const wl::DnsMessage& m) {
  check(m.answers.size() <= wl::kMaxDnsAnswers);
  check(printable(m.query_name));
  // An escaped name is at most 4 characters per wire byte.
  check(m.query_name.size() <= 4 * wl::kMaxDnsNameWireLength);
  check(m.opcode < 16 && m.rcode < 16);
  for (const wl::DnsAnswer& a : m.answers) {
    check(printable(a.name) && printable(a.target));
    check(a.address.version == 0 || a.address.version == 4 || a.address.version == 6);
    check(!a.additional || m.arcount > 0);
  }
  check(wl::dns_name_lower(m.query_name).size() == m.query_name.size());
  const std::string nb = wl::netbios_decode_name(m.query_name, true);
  check(nb.empty() || nb.size() <= 16 * 4);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 65535) return 0;
  const std::span<const uint8_t> payload(data, size);

  wl::DnsMessage udp;
  const bool udp_ok = wl::parse_dns(payload, udp);
  check(!udp_ok || size >= 12);
  if (udp_ok) {
    check(udp.id == ((data[0] << 8) | data[1]));
    check(udp.qdcount == ((data[4] << 8) | data[5]));
    check_message(udp);
  } else {
    check(udp.answers.empty() && udp.query_name.empty());
  }

  // The same bytes as a TCP stream (their first two bytes as the length).
  wl::DnsMessage tcp;
  if (wl::parse_dns_tcp(payload, tcp)) {
    check(size >= 14);
    check_message(tcp);
  }

  // Wrapped in a length prefix: the same result as the plain parse.
  std::vector<uint8_t> stream(size + 2);
  stream[0] = static_cast<uint8_t>(size >> 8);
  stream[1] = static_cast<uint8_t>(size);
  std::copy(data, data + size, stream.begin() + 2);
  wl::DnsMessage framed;
  const bool framed_ok = wl::parse_dns_tcp(stream, framed);
  check(framed_ok == udp_ok);
  check(!framed_ok || same(framed, udp));

  // The helpers on raw bytes.
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string nb = wl::netbios_decode_name(text, size % 2 == 0);
  check(nb.size() <= 16 * 4);
  uint64_t h = digest(udp) + 3 * digest(tcp) + nb.size();
  if (size >= 2) {
    const uint16_t type = static_cast<uint16_t>((data[0] << 8) | data[1]);
    const char* name = wl::dns_type_name(type);
    h += name ? name[0] : 0;
    h += wl::dns_type_string(type).size();
    const char* rcode = wl::dns_rcode_name(data[0]);
    h += rcode ? rcode[0] : 0;
  }
  g_sink = g_sink + h;
  return 0;
}
