#pragma once
// DNS message parsing (RFC 1035 wire format): pure, bounds-checked functions
// from a payload to the fields DPI needs. No I/O, no global state; safe on
// arbitrary input (fuzzed by fuzz/fuzz_dns_message.cpp).
//
// The same wire format carries mDNS (RFC 6762, UDP 5353), LLMNR (RFC 4795,
// UDP 5355) and NetBIOS name service (RFC 1002, UDP 137), so parse_dns() serves
// all of them; DNS over TCP (RFC 1035 4.2.2, RFC 7766) prefixes each message
// with a 2-byte length and goes through parse_dns_tcp().
//
// Names
//   - Decoded with compression pointers. Pointers must point backwards: before
//     the start of the run of labels they were reached from (the name's own
//     first byte for the first pointer, the previous pointer's target after
//     that) and past the 12-byte header; at most kMaxDnsPointerJumps of them
//     per name. So a name is always decoded in bounded time, loops included.
//   - At most 255 bytes in wire form (RFC 1035 3.1: length bytes, labels and
//     the final zero byte). Labels are at most 63 bytes: length bytes 0x40-0xBF
//     (extended and reserved label types) are malformed.
//   - Text form: labels joined by '.', no trailing dot; the root name is "".
//     Case is kept as on the wire (dns_name_lower() folds it). Bytes outside
//     0x20-0x7E are written \DDD (three decimal digits, as in RFC 1035 master
//     files), and a '.' or '\' inside a label as "\." and "\\", so the text is
//     plain ASCII and unambiguous. Spaces are kept (mDNS instance names).
//
// Partial messages
//   parse_dns() returns false only when the 12-byte header is missing, or the
//   message announces a question and the first one is missing, cut short or
//   has a malformed name. Otherwise it returns true with everything it could
//   read, and DnsMessage::complete says whether the whole message was sound:
//   true when every record the header announces (all four sections) was present
//   and correctly framed, every owner name decoded, and the data of every
//   record type the parser interprets (A, AAAA, NS, CNAME, PTR, DNAME, MX, SRV)
//   was well-formed. A record whose owner name does not decode is skipped when
//   its length can still be found (the walk continues with the next record); a
//   record cut short by the end of the payload ends the walk. Bytes after the
//   last announced record are ignored.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/ip_address.h"

namespace wl {

// Record types and classes the parser looks at.
namespace dns_type {
constexpr uint16_t kA = 1;
constexpr uint16_t kNs = 2;
constexpr uint16_t kCname = 5;
constexpr uint16_t kSoa = 6;
constexpr uint16_t kPtr = 12;
constexpr uint16_t kMx = 15;
constexpr uint16_t kTxt = 16;
constexpr uint16_t kAaaa = 28;
constexpr uint16_t kNb = 32;      // NetBIOS NB (RFC 1002); NIMLOC in DNS
constexpr uint16_t kSrv = 33;     // also NetBIOS NBSTAT in NBNS (see parse_dns)
constexpr uint16_t kDname = 39;
constexpr uint16_t kOpt = 41;
constexpr uint16_t kHttps = 65;
constexpr uint16_t kAny = 255;
}  // namespace dns_type

namespace dns_rcode {
constexpr uint8_t kNoError = 0;
constexpr uint8_t kFormErr = 1;
constexpr uint8_t kServFail = 2;
constexpr uint8_t kNxDomain = 3;
constexpr uint8_t kNotImp = 4;
constexpr uint8_t kRefused = 5;
}  // namespace dns_rcode

constexpr size_t kMaxDnsAnswers = 32;      // DnsMessage::answers keeps at most this many
constexpr size_t kMaxDnsNameWireLength = 255;
constexpr size_t kMaxDnsLabelLength = 63;
constexpr unsigned kMaxDnsPointerJumps = 64;  // compression pointers followed per name

struct DnsAnswer {
  std::string name;    // owner name
  uint16_t type = 0;
  uint32_t ttl = 0;
  IpAddress address;   // A, AAAA, and NetBIOS NB (first address); unset otherwise
  std::string target;  // NS, CNAME, PTR, DNAME: the name; MX: exchange; SRV: target
  bool additional = false;  // from the additional section (see DnsMessage::answers)
};

struct DnsMessage {
  uint16_t id = 0;
  uint16_t flags = 0;  // the raw header flags word (RD, RA, AD, CD, ...)
  bool response = false;
  uint8_t opcode = 0;
  uint8_t rcode = 0;   // the header's 4 bits (no EDNS extension)
  bool authoritative = false;
  bool truncated = false;
  // The first question; empty name and zero type/class when there is none
  // (NBNS responses, some mDNS announcements). query_class is as on the wire:
  // in mDNS its top bit is the unicast-response ("QU") bit, e.g. 0x8001.
  std::string query_name;
  uint16_t query_type = 0;
  uint16_t query_class = 0;
  uint16_t qdcount = 0, ancount = 0, nscount = 0, arcount = 0;
  // Every answer-section record (any type), in order, then the A, AAAA, PTR,
  // SRV and NetBIOS NB records of the additional section (marked `additional`):
  // in mDNS these carry the host names and addresses of the services answered,
  // in NBNS registrations and releases the name's address; in unicast DNS they
  // are glue. Authority-section records are not kept. At most kMaxDnsAnswers in
  // all; the rest are walked over but not kept.
  std::vector<DnsAnswer> answers;
  bool complete = false;  // see "Partial messages" above
};

// One DNS message as carried in a UDP payload (DNS, mDNS, LLMNR, NBNS).
// `out` is reset first. NetBIOS NBSTAT answers (type 33) are read as SRV
// records, which they are not: their data then fails to decode as one and
// `complete` is false, with the record kept (its target empty).
bool parse_dns(std::span<const uint8_t> payload, DnsMessage& out);

// DNS over TCP: `stream` starts at a message boundary, with the 2-byte length
// prefix. A message cut short by the end of `stream` (the rest is in later
// segments) is parsed as far as it goes and `complete` is false. Bytes after
// the message (a next pipelined message) are ignored. False when the prefix or
// the message header is missing, the announced length is under 12 bytes, or
// parse_dns() fails on the message.
bool parse_dns_tcp(std::span<const uint8_t> stream, DnsMessage& out);

// ASCII lower case of a name as parse_dns() writes it (\DDD escapes are
// digits, so they are unaffected).
std::string dns_name_lower(std::string_view name);

// "A", "AAAA", "HTTPS", ... for registered types (IANA DNS parameters), nullptr
// for others. dns_type_string() never fails: the name, or "TYPE<n>" (RFC 3597).
const char* dns_type_name(uint16_t type);
std::string dns_type_string(uint16_t type);

// "NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", ... for
// the header's rcodes 0-11, nullptr for the unassigned 12-15 (and above).
// dns_rcode_string() never fails: the name, or "RCODE<n>".
const char* dns_rcode_name(uint8_t rcode);
std::string dns_rcode_string(uint8_t rcode);

// NetBIOS first-level name decoding (RFC 1001 14.1). `encoded` is the first
// label of an NBNS name, 32 characters 'A'-'P' (lower case accepted too);
// anything from a '.' on (the NetBIOS scope) is ignored. Each pair of
// characters gives one byte: 15 name bytes, then the suffix byte (the service
// type: 0x00 workstation, 0x20 file server, 0x1C domain controllers, ...).
// Returns the name with trailing spaces and NUL bytes removed, a byte outside
// 0x20-0x7E written "<xx>" (two lower-case hex digits, as Wireshark does), and
// with `with_suffix` the suffix appended the same way: "XSTREAM_HY<00>".
// Returns "" when `encoded` is not a first-level encoded name.
std::string netbios_decode_name(std::string_view encoded, bool with_suffix = false);

}  // namespace wl
