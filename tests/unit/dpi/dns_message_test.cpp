// parse_dns / parse_dns_tcp: hand-built messages for each rule (compression,
// loops, bounds, partial messages, sections kept), real payloads from the
// shared captures with values checked against tshark, and every truncation of
// every message (run under ASan in the sanitizer build).
#include "dpi/dns_message.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "dpi/dns_captures.h"

#include "hex_bytes.h"

namespace wl::test {
namespace {

using DnsBytes = std::vector<uint8_t>;

DnsBytes dns_hex(std::string_view hex) { return from_hex(hex); }

// Parses the first n bytes from a buffer of exactly n bytes, so that ASan
// reports any read past the payload. The output starts dirty: parse_dns must
// reset it.
bool parse_prefix(const DnsBytes& msg, size_t n, DnsMessage& out, bool tcp = false) {
  std::unique_ptr<uint8_t[]> buf(new uint8_t[n]);
  if (n) std::memcpy(buf.get(), msg.data(), n);
  out.id = 0xDEAD;
  out.query_name = "dirty";
  out.answers.resize(3);
  out.complete = true;
  const std::span<const uint8_t> s(buf.get(), n);
  return tcp ? parse_dns_tcp(s, out) : parse_dns(s, out);
}

bool parse(const DnsBytes& msg, DnsMessage& out) { return parse_prefix(msg, msg.size(), out); }

IpAddress ip(const char* text) { return *IpAddress::parse(text); }

// Builds DNS messages byte by byte; offsets for compression pointers come from
// size() at the point a name is written.
class DnsBuilder {
 public:
  DnsBuilder(uint16_t id, uint16_t flags, uint16_t qd, uint16_t an, uint16_t ns, uint16_t ar) {
    u16(id).u16(flags).u16(qd).u16(an).u16(ns).u16(ar);
  }
  DnsBuilder& u8(uint8_t v) {
    b_.push_back(v);
    return *this;
  }
  DnsBuilder& u16(uint16_t v) { return u8(static_cast<uint8_t>(v >> 8)).u8(static_cast<uint8_t>(v)); }
  DnsBuilder& u32(uint32_t v) { return u16(static_cast<uint16_t>(v >> 16)).u16(static_cast<uint16_t>(v)); }
  DnsBuilder& raw(const DnsBytes& v) {
    b_.insert(b_.end(), v.begin(), v.end());
    return *this;
  }
  DnsBuilder& raw(std::string_view v) {
    for (char c : v) u8(static_cast<uint8_t>(c));
    return *this;
  }
  // Labels of a dotted name (no escapes), without the final zero byte.
  DnsBuilder& labels(std::string_view dotted) {
    while (!dotted.empty()) {
      const size_t dot = dotted.find('.');
      const std::string_view label = dotted.substr(0, dot);
      u8(static_cast<uint8_t>(label.size())).raw(label);
      dotted = dot == std::string_view::npos ? std::string_view{} : dotted.substr(dot + 1);
    }
    return *this;
  }
  DnsBuilder& name(std::string_view dotted) { return labels(dotted).u8(0); }
  DnsBuilder& ptr(uint16_t offset) { return u16(static_cast<uint16_t>(0xC000 | offset)); }
  DnsBuilder& question(std::string_view dotted, uint16_t type, uint16_t klass = 1) {
    return name(dotted).u16(type).u16(klass);
  }
  // Type, class IN, TTL and data length: what follows an owner name.
  DnsBuilder& rr(uint16_t type, uint32_t ttl, uint16_t rdlength) {
    return u16(type).u16(1).u32(ttl).u16(rdlength);
  }
  DnsBuilder& a_record_at(uint16_t name_offset, const char* addr, uint32_t ttl = 60) {
    const IpAddress a = ip(addr);
    ptr(name_offset).rr(a.is_v4() ? dns_type::kA : dns_type::kAaaa, ttl, a.is_v4() ? 4 : 16);
    for (int i = 0; i < (a.is_v4() ? 4 : 16); ++i) u8(a.bytes[static_cast<size_t>(i)]);
    return *this;
  }
  uint16_t size() const { return static_cast<uint16_t>(b_.size()); }
  DnsBytes bytes() const { return b_; }

 private:
  DnsBytes b_;
};

constexpr uint16_t kQueryFlags = 0x0100;     // RD
constexpr uint16_t kResponseFlags = 0x8180;  // QR RD RA, NOERROR
constexpr uint16_t kQuestionName = 12;       // where the first question's name starts

// The first question "www.example.com" A, then `an` answers to be appended.
DnsBuilder response_with_question(uint16_t an, uint16_t ns = 0, uint16_t ar = 0) {
  DnsBuilder b(0x1234, kResponseFlags, 1, an, ns, ar);
  b.question("www.example.com", dns_type::kA);
  return b;
}

// Every prefix of `msg` must parse without a crash, and what a prefix yields
// must agree with the whole message: same header and question, and the
// records read so far equal to the first records of the whole.
void check_every_truncation(const DnsBytes& msg, bool tcp = false) {
  DnsMessage full;
  const bool full_ok = parse_prefix(msg, msg.size(), full, tcp);
  for (size_t n = 0; n < msg.size(); ++n) {
    SCOPED_TRACE("prefix of " + std::to_string(n) + " bytes");
    DnsMessage m;
    if (!parse_prefix(msg, n, m, tcp)) {
      EXPECT_TRUE(m.query_name.empty());
      EXPECT_TRUE(m.answers.empty());
      continue;
    }
    EXPECT_GE(n, tcp ? 14u : 12u);
    EXPECT_LE(m.answers.size(), kMaxDnsAnswers);
    if (!full_ok) continue;
    EXPECT_EQ(m.id, full.id);
    EXPECT_EQ(m.flags, full.flags);
    EXPECT_EQ(m.qdcount, full.qdcount);
    EXPECT_EQ(m.ancount, full.ancount);
    EXPECT_EQ(m.query_name, full.query_name);
    EXPECT_EQ(m.query_type, full.query_type);
    ASSERT_LE(m.answers.size(), full.answers.size());
    for (size_t i = 0; i < m.answers.size(); ++i) {
      EXPECT_EQ(m.answers[i].name, full.answers[i].name);
      EXPECT_EQ(m.answers[i].type, full.answers[i].type);
      EXPECT_EQ(m.answers[i].address, full.answers[i].address);
      EXPECT_EQ(m.answers[i].target, full.answers[i].target);
    }
    if (m.complete) {
      EXPECT_TRUE(full.complete);
    }
  }
}

// ---------------------------------------------------------------------------
// Header and question

TEST(DnsHeader, FieldsOfAQuery) {
  DnsBuilder b(0xBEEF, 0x0100, 1, 0, 0, 0);
  b.question("www.example.com", dns_type::kAaaa);
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.id, 0xBEEF);
  EXPECT_FALSE(m.response);
  EXPECT_EQ(m.opcode, 0);
  EXPECT_EQ(m.rcode, 0);
  EXPECT_FALSE(m.authoritative);
  EXPECT_FALSE(m.truncated);
  EXPECT_EQ(m.query_name, "www.example.com");
  EXPECT_EQ(m.query_type, dns_type::kAaaa);
  EXPECT_EQ(m.query_class, 1);
  EXPECT_EQ(m.qdcount, 1);
  EXPECT_TRUE(m.answers.empty());
  EXPECT_TRUE(m.complete);
}

TEST(DnsHeader, FlagBits) {
  // QR, opcode 5 (UPDATE), AA, TC, RD, rcode 5 (REFUSED).
  DnsBuilder b(1, 0x8000 | (5 << 11) | 0x0400 | 0x0200 | 0x0100 | 5, 0, 0, 0, 0);
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_TRUE(m.response);
  EXPECT_EQ(m.opcode, 5);
  EXPECT_TRUE(m.authoritative);
  EXPECT_TRUE(m.truncated);
  EXPECT_EQ(m.rcode, dns_rcode::kRefused);
  EXPECT_EQ(m.flags, 0xAF05);
  // No question: an empty query, still a complete message.
  EXPECT_EQ(m.query_name, "");
  EXPECT_EQ(m.query_type, 0);
  EXPECT_TRUE(m.complete);
}

TEST(DnsHeader, ShorterThanTheHeaderIsRejected) {
  DnsMessage m;
  EXPECT_FALSE(parse(DnsBytes(11, 0), m));
  EXPECT_FALSE(parse(DnsBytes{}, m));
  EXPECT_TRUE(parse(DnsBytes(12, 0), m));
}

TEST(DnsHeader, AnnouncedQuestionMissingIsRejected) {
  DnsBuilder b(1, kQueryFlags, 1, 0, 0, 0);
  DnsMessage m;
  EXPECT_FALSE(parse(b.bytes(), m));
  b.name("example.com").u16(1);  // the class is missing
  EXPECT_FALSE(parse(b.bytes(), m));
  b.u16(1);
  EXPECT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.query_name, "example.com");
}

TEST(DnsHeader, RootNameIsEmpty) {
  DnsBuilder b(1, kQueryFlags, 1, 0, 0, 0);
  b.question("", dns_type::kNs);
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.query_name, "");
  EXPECT_EQ(m.query_type, dns_type::kNs);
  EXPECT_TRUE(m.complete);
}

TEST(DnsHeader, CaseIsKeptAndLoweredOnRequest) {
  DnsBuilder b(1, kQueryFlags, 1, 0, 0, 0);
  b.question("WwW.ExAmple.COM", dns_type::kA);
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.query_name, "WwW.ExAmple.COM");
  EXPECT_EQ(dns_name_lower(m.query_name), "www.example.com");
  EXPECT_EQ(dns_name_lower("A\\200Z\\.B"), "a\\200z\\.b");
}

TEST(DnsHeader, ExtraQuestionsAreWalkedOver) {
  DnsBuilder b(7, kResponseFlags, 3, 1, 0, 0);
  b.question("first.example", dns_type::kA);
  b.labels("second").ptr(kQuestionName + 6).u16(dns_type::kAaaa).u16(1);  // -> "example"
  b.question("third.example", dns_type::kMx);
  b.a_record_at(kQuestionName, "192.0.2.1");
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.query_name, "first.example");
  EXPECT_EQ(m.query_type, dns_type::kA);
  ASSERT_EQ(m.answers.size(), 1u);
  EXPECT_EQ(m.answers[0].name, "first.example");
  EXPECT_EQ(m.answers[0].address, ip("192.0.2.1"));
  EXPECT_TRUE(m.complete);
}

// ---------------------------------------------------------------------------
// Names: compression, loops, bounds, escapes

TEST(DnsNames, CompressionPointersToWholeNamesAndSuffixes) {
  DnsBuilder b = response_with_question(3);
  // "www.example.com" at 12: "example.com" starts at 16, "com" at 24.
  b.a_record_at(kQuestionName, "192.0.2.1");
  const uint16_t mail = b.size();
  b.labels("mail").ptr(16).rr(dns_type::kA, 300, 4).u32(0xC0000202);
  b.labels("smtp").ptr(mail).rr(dns_type::kA, 300, 4).u32(0xC0000203);  // a pointer to a pointer
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  ASSERT_EQ(m.answers.size(), 3u);
  EXPECT_EQ(m.answers[0].name, "www.example.com");
  EXPECT_EQ(m.answers[0].ttl, 60u);
  EXPECT_EQ(m.answers[1].name, "mail.example.com");
  EXPECT_EQ(m.answers[1].address, ip("192.0.2.2"));
  EXPECT_EQ(m.answers[1].ttl, 300u);
  EXPECT_EQ(m.answers[2].name, "smtp.mail.example.com");
  EXPECT_EQ(m.answers[2].address, ip("192.0.2.3"));
  EXPECT_TRUE(m.complete);
}

TEST(DnsNames, PointerToItselfIsRejected) {
  DnsBuilder b(1, kQueryFlags, 1, 0, 0, 0);
  b.ptr(kQuestionName).u16(1).u16(1);
  DnsMessage m;
  EXPECT_FALSE(parse(b.bytes(), m));
  EXPECT_EQ(m.query_name, "");
}

TEST(DnsNames, ForwardPointerIsRejected) {
  // The question points at a well-formed name after it.
  DnsBuilder b(1, kQueryFlags, 1, 0, 0, 0);
  b.ptr(kQuestionName + 6).u16(1).u16(1).name("later.example");
  DnsMessage m;
  EXPECT_FALSE(parse(b.bytes(), m));
}

TEST(DnsNames, PointerLoopBetweenTwoNamesInTheAnswers) {
  // Answer 1's name is "a" + a pointer to answer 2's name, which is "b" + a
  // pointer back to answer 1's: a loop. Both records are skipped (their
  // extents are known), the walk goes on, and the third answer is kept.
  DnsBuilder b = response_with_question(3);
  const uint16_t first = b.size();
  const uint16_t second = static_cast<uint16_t>(first + 2 + 2 + 10 + 4);
  b.labels("a").ptr(second).rr(dns_type::kA, 1, 4).u32(0x01020304);
  ASSERT_EQ(b.size(), second);
  b.labels("b").ptr(first).rr(dns_type::kA, 1, 4).u32(0x05060708);
  b.a_record_at(kQuestionName, "192.0.2.9");
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.query_name, "www.example.com");
  ASSERT_EQ(m.answers.size(), 1u);
  EXPECT_EQ(m.answers[0].address, ip("192.0.2.9"));
  EXPECT_FALSE(m.complete);
}

TEST(DnsNames, PointerPastTheEndOrIntoTheHeader) {
  for (uint16_t target : {uint16_t{0x3FFF}, uint16_t{200}, uint16_t{0}, uint16_t{5}}) {
    SCOPED_TRACE(target);
    DnsBuilder b = response_with_question(2);
    b.labels("x").ptr(target).rr(dns_type::kA, 1, 4).u32(0x01020304);
    b.a_record_at(kQuestionName, "192.0.2.1");
    DnsMessage m;
    ASSERT_TRUE(parse(b.bytes(), m));
    ASSERT_EQ(m.answers.size(), 1u);
    EXPECT_EQ(m.answers[0].address, ip("192.0.2.1"));
    EXPECT_FALSE(m.complete);
  }
}

TEST(DnsNames, PointerCutInHalfEndsTheMessage) {
  DnsBuilder b(1, kQueryFlags, 1, 0, 0, 0);
  b.labels("www").u8(0xC0);
  DnsMessage m;
  EXPECT_FALSE(parse(b.bytes(), m));
}

TEST(DnsNames, LabelTooLongIsRejected) {
  // 0x40 and 0x80 are extended/reserved label types, not lengths 64 and 128.
  for (uint8_t len : {uint8_t{0x40}, uint8_t{0x7F}, uint8_t{0x80}, uint8_t{0xBF}}) {
    SCOPED_TRACE(int{len});
    DnsBuilder b(1, kQueryFlags, 1, 0, 0, 0);
    b.u8(len).raw(std::string(len & 0x3F, 'a')).u8(0).u16(1).u16(1);
    DnsMessage m;
    EXPECT_FALSE(parse(b.bytes(), m));
  }
  DnsBuilder ok(1, kQueryFlags, 1, 0, 0, 0);
  ok.question(std::string(63, 'a') + ".com", dns_type::kA);
  DnsMessage m;
  ASSERT_TRUE(parse(ok.bytes(), m));
  EXPECT_EQ(m.query_name, std::string(63, 'a') + ".com");
}

TEST(DnsNames, LongestNameIs255BytesOnTheWire) {
  const std::string l63(63, 'x');
  // 3 * (1 + 63) + (1 + 61) + 1 = 255
  const std::string longest = l63 + "." + l63 + "." + l63 + "." + std::string(61, 'y');
  DnsBuilder b(1, kQueryFlags, 1, 0, 0, 0);
  b.question(longest, dns_type::kA);
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.query_name, longest);
  DnsBuilder over(1, kQueryFlags, 1, 0, 0, 0);
  over.question(longest + "z", dns_type::kA);
  EXPECT_FALSE(parse(over.bytes(), m));
}

TEST(DnsNames, LengthLimitCountsLabelsReachedThroughPointers) {
  const std::string l63(63, 'x');
  const std::string base = l63 + "." + l63 + "." + l63;  // 193 bytes with the zero
  DnsBuilder b(1, kResponseFlags, 1, 2, 0, 0);
  b.question(base, dns_type::kA);
  b.labels(std::string(61, 'a')).ptr(kQuestionName).rr(dns_type::kA, 1, 4).u32(1);  // 255: fine
  b.labels(std::string(62, 'b')).ptr(kQuestionName).rr(dns_type::kA, 1, 4).u32(2);  // 256: too long
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  ASSERT_EQ(m.answers.size(), 1u);
  EXPECT_EQ(m.answers[0].name, std::string(61, 'a') + "." + base);
  EXPECT_FALSE(m.complete);
}

TEST(DnsNames, PointerJumpsAreBounded) {
  // A TXT record (not interpreted) holds a chain: "end" at its start, then
  // pointer k pointing at pointer k-1. An answer whose name enters the chain
  // at depth d follows d + 1 pointers.
  auto build = [](unsigned depth) {
    DnsBuilder b = response_with_question(2);
    const uint16_t chain_bytes = static_cast<uint16_t>(5 + 2 * depth);
    b.ptr(kQuestionName).rr(dns_type::kTxt, 1, chain_bytes);
    const uint16_t start = b.size();
    b.name("end");
    uint16_t previous = start;
    for (unsigned k = 0; k < depth; ++k) {
      const uint16_t here = b.size();
      b.ptr(previous);
      previous = here;
    }
    b.ptr(previous).rr(dns_type::kA, 1, 4).u32(0x0A000001);
    return b.bytes();
  };
  DnsMessage m;
  ASSERT_TRUE(parse(build(kMaxDnsPointerJumps - 1), m));
  ASSERT_EQ(m.answers.size(), 2u);
  EXPECT_EQ(m.answers[1].name, "end");
  EXPECT_TRUE(m.complete);
  ASSERT_TRUE(parse(build(kMaxDnsPointerJumps), m));
  EXPECT_EQ(m.answers.size(), 1u);  // the TXT record only
  EXPECT_FALSE(m.complete);
}

TEST(DnsNames, NonPrintableBytesAreEscaped) {
  DnsBuilder b(1, kQueryFlags, 1, 0, 0, 0);
  b.u8(10).raw("a.b\\c").u8(0).u8(0xFF).u8(0x7F).raw(" d").u8(3).raw("com").u8(0).u16(1).u16(1);
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.query_name, "a\\.b\\\\c\\000\\255\\127 d.com");
}

// ---------------------------------------------------------------------------
// Records

TEST(DnsRecords, AaaaAnswers) {
  DnsBuilder b(2, kResponseFlags, 1, 2, 0, 0);
  b.question("v6.example", dns_type::kAaaa);
  b.a_record_at(kQuestionName, "2001:db8::1", 3600);
  b.a_record_at(kQuestionName, "2001:db8:0:1::ff", 3600);
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  ASSERT_EQ(m.answers.size(), 2u);
  EXPECT_EQ(m.answers[0].type, dns_type::kAaaa);
  EXPECT_EQ(m.answers[0].address, ip("2001:db8::1"));
  EXPECT_EQ(m.answers[1].address.to_string(), "2001:db8:0:1::ff");
  EXPECT_EQ(m.answers[1].ttl, 3600u);
  EXPECT_FALSE(m.answers[1].additional);
  EXPECT_TRUE(m.complete);
}

TEST(DnsRecords, CnameChainTargetsAndNameRecords) {
  DnsBuilder b = response_with_question(6);
  // www.example.com CNAME edge.cdn.example.net, which CNAMEs e1.cdn.example.net.
  b.ptr(kQuestionName).rr(dns_type::kCname, 10, 22).name("edge.cdn.example.net");
  const uint16_t edge = static_cast<uint16_t>(b.size() - 22);
  const uint16_t cdn = static_cast<uint16_t>(edge + 5);
  b.ptr(edge).rr(dns_type::kCname, 20, 5).labels("e1").ptr(cdn);
  const uint16_t e1 = static_cast<uint16_t>(b.size() - 5);
  b.a_record_at(e1, "198.51.100.7");
  b.ptr(16).rr(dns_type::kMx, 30, 7).u16(10).labels("mx").ptr(16);
  b.ptr(16).rr(dns_type::kNs, 40, 6).labels("ns1").ptr(16);
  b.ptr(16).rr(dns_type::kSrv, 50, 12).u16(1).u16(2).u16(5060).labels("sip").ptr(16);
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  ASSERT_EQ(m.answers.size(), 6u);
  EXPECT_EQ(m.answers[0].type, dns_type::kCname);
  EXPECT_EQ(m.answers[0].name, "www.example.com");
  EXPECT_EQ(m.answers[0].target, "edge.cdn.example.net");
  EXPECT_EQ(m.answers[1].name, "edge.cdn.example.net");
  EXPECT_EQ(m.answers[1].target, "e1.cdn.example.net");
  EXPECT_EQ(m.answers[2].name, "e1.cdn.example.net");
  EXPECT_EQ(m.answers[2].address, ip("198.51.100.7"));
  EXPECT_EQ(m.answers[2].target, "");
  EXPECT_EQ(m.answers[3].target, "mx.example.com");
  EXPECT_EQ(m.answers[4].target, "ns1.example.com");
  EXPECT_EQ(m.answers[5].target, "sip.example.com");
  EXPECT_EQ(m.answers[5].type, dns_type::kSrv);
  EXPECT_EQ(m.answers[0].address.version, 0);
  EXPECT_TRUE(m.complete);
}

TEST(DnsRecords, TargetMustLieInsideTheRecordData) {
  // The CNAME's data length stops in the middle of its name.
  DnsBuilder b = response_with_question(2);
  b.ptr(kQuestionName).rr(dns_type::kCname, 10, 4).name("alias.example");
  b.a_record_at(kQuestionName, "192.0.2.1");
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  // The record framing says the next record starts 4 bytes in: garbage, from
  // which nothing sensible follows; the CNAME itself is kept without target.
  ASSERT_GE(m.answers.size(), 1u);
  EXPECT_EQ(m.answers[0].type, dns_type::kCname);
  EXPECT_EQ(m.answers[0].target, "");
  EXPECT_FALSE(m.complete);
}

TEST(DnsRecords, WrongAddressLengthKeepsTheRecordWithoutAddress) {
  DnsBuilder b = response_with_question(2);
  b.ptr(kQuestionName).rr(dns_type::kA, 1, 5).u32(0x01020304).u8(5);
  b.a_record_at(kQuestionName, "192.0.2.1");
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  ASSERT_EQ(m.answers.size(), 2u);
  EXPECT_EQ(m.answers[0].address.version, 0);
  EXPECT_EQ(m.answers[1].address, ip("192.0.2.1"));
  EXPECT_FALSE(m.complete);
}

TEST(DnsRecords, ManyAnswersAreCappedAndWalked) {
  DnsBuilder b = response_with_question(40, 0, 1);
  for (uint32_t i = 0; i < 40; ++i) b.ptr(kQuestionName).rr(dns_type::kA, i, 4).u32(0x0A000000 + i);
  b.a_record_at(kQuestionName, "192.0.2.200");  // additional: past the cap, not kept
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.ancount, 40);
  ASSERT_EQ(m.answers.size(), kMaxDnsAnswers);
  EXPECT_EQ(m.answers[31].address, ip("10.0.0.31"));
  EXPECT_EQ(m.answers[31].ttl, 31u);
  EXPECT_TRUE(m.complete);  // all 41 records were walked
}

TEST(DnsRecords, NxdomainWithAuthority) {
  DnsBuilder b(9, 0x8183, 1, 0, 1, 0);
  b.question("nope.example.com", dns_type::kA);
  b.ptr(kQuestionName + 5).rr(dns_type::kSoa, 900, 21).labels("ns").ptr(kQuestionName + 5)
      .labels("h").ptr(kQuestionName + 5).u32(1).u32(2).u32(3);
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.rcode, dns_rcode::kNxDomain);
  EXPECT_STREQ(dns_rcode_name(m.rcode), "NXDOMAIN");
  EXPECT_EQ(m.nscount, 1);
  EXPECT_TRUE(m.answers.empty());  // authority records are not kept
  EXPECT_TRUE(m.complete);
}

TEST(DnsRecords, AdditionalSectionKeepsAddressesPointersAndServices) {
  // An mDNS-style response: PTR answer; authority NS (not kept); additional
  // SRV, TXT (not kept), A, AAAA, OPT (not kept).
  DnsBuilder b(0, 0x8400, 0, 1, 1, 5);
  const uint16_t service = b.size();
  b.name("_http._tcp.local").rr(dns_type::kPtr, 4500, 10).labels("printer").ptr(service);
  const uint16_t instance = static_cast<uint16_t>(b.size() - 10);
  b.ptr(service).rr(dns_type::kNs, 1, 2).ptr(service);
  const uint16_t local = static_cast<uint16_t>(service + 11);
  b.ptr(instance).rr(dns_type::kSrv, 120, 13).u16(0).u16(0).u16(631).labels("host").ptr(local);
  const uint16_t host = static_cast<uint16_t>(b.size() - 7);
  b.ptr(instance).rr(dns_type::kTxt, 4500, 4).u8(3).raw("a=b");
  b.a_record_at(host, "10.0.0.5", 120);
  b.a_record_at(host, "fe80::1", 120);
  b.u8(0).u16(dns_type::kOpt).u16(1440).u32(0).u16(0);
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.query_name, "");
  ASSERT_EQ(m.answers.size(), 4u);
  EXPECT_EQ(m.answers[0].type, dns_type::kPtr);
  EXPECT_EQ(m.answers[0].target, "printer._http._tcp.local");
  EXPECT_FALSE(m.answers[0].additional);
  EXPECT_EQ(m.answers[1].type, dns_type::kSrv);
  EXPECT_EQ(m.answers[1].name, "printer._http._tcp.local");
  EXPECT_EQ(m.answers[1].target, "host.local");
  EXPECT_TRUE(m.answers[1].additional);
  EXPECT_EQ(m.answers[2].name, "host.local");
  EXPECT_EQ(m.answers[2].address, ip("10.0.0.5"));
  EXPECT_TRUE(m.answers[2].additional);
  EXPECT_EQ(m.answers[3].address, ip("fe80::1"));
  EXPECT_TRUE(m.complete);
}

TEST(DnsRecords, TruncatedAnswerSectionKeepsWhatWasRead) {
  DnsBuilder b = response_with_question(3);
  b.a_record_at(kQuestionName, "192.0.2.1");
  b.a_record_at(kQuestionName, "192.0.2.2");
  b.a_record_at(kQuestionName, "192.0.2.3");
  DnsBytes msg = b.bytes();
  msg.pop_back();  // the last address is cut
  msg.pop_back();
  DnsMessage m;
  ASSERT_TRUE(parse(msg, m));
  EXPECT_EQ(m.query_name, "www.example.com");
  ASSERT_EQ(m.answers.size(), 2u);
  EXPECT_EQ(m.answers[1].address, ip("192.0.2.2"));
  EXPECT_FALSE(m.complete);
}

TEST(DnsRecords, CountsBeyondTheDataAreIncomplete) {
  DnsBuilder b = response_with_question(0xFFFF, 0xFFFF, 0xFFFF);
  b.a_record_at(kQuestionName, "192.0.2.1");
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  ASSERT_EQ(m.answers.size(), 1u);
  EXPECT_FALSE(m.complete);
}

TEST(DnsRecords, TrailingBytesAreIgnored) {
  DnsBuilder b = response_with_question(1);
  b.a_record_at(kQuestionName, "192.0.2.1").u32(0xFFFFFFFF);
  DnsMessage m;
  ASSERT_TRUE(parse(b.bytes(), m));
  EXPECT_EQ(m.answers.size(), 1u);
  EXPECT_TRUE(m.complete);
}

// ---------------------------------------------------------------------------
// DNS over TCP

TEST(DnsTcp, LengthPrefixedMessage) {
  DnsBuilder b = response_with_question(1);
  b.a_record_at(kQuestionName, "192.0.2.1");
  const DnsBytes msg = b.bytes();
  DnsBytes stream{static_cast<uint8_t>(msg.size() >> 8), static_cast<uint8_t>(msg.size())};
  stream.insert(stream.end(), msg.begin(), msg.end());
  DnsMessage m;
  ASSERT_TRUE(parse_prefix(stream, stream.size(), m, true));
  EXPECT_EQ(m.query_name, "www.example.com");
  ASSERT_EQ(m.answers.size(), 1u);
  EXPECT_TRUE(m.complete);

  // A second, pipelined message after it is ignored.
  DnsBytes two = stream;
  two.insert(two.end(), stream.begin(), stream.end());
  ASSERT_TRUE(parse_prefix(two, two.size(), m, true));
  EXPECT_EQ(m.answers.size(), 1u);
  EXPECT_TRUE(m.complete);

  // The rest of the message is in a later segment.
  ASSERT_TRUE(parse_prefix(stream, stream.size() - 1, m, true));
  EXPECT_EQ(m.query_name, "www.example.com");
  EXPECT_TRUE(m.answers.empty());
  EXPECT_FALSE(m.complete);

  check_every_truncation(stream, true);
}

TEST(DnsTcp, BadLengthPrefix) {
  DnsMessage m;
  EXPECT_FALSE(parse_prefix(DnsBytes{0x00}, 1, m, true));
  DnsBytes tiny{0x00, 0x0B};  // 11 bytes announced: shorter than a header
  tiny.resize(2 + 11, 0);
  EXPECT_FALSE(parse_prefix(tiny, tiny.size(), m, true));
  DnsBytes header_only{0x00, 0x0C};
  header_only.resize(2 + 12, 0);
  EXPECT_TRUE(parse_prefix(header_only, header_only.size(), m, true));
  EXPECT_TRUE(m.complete);
}

// ---------------------------------------------------------------------------
// Real payloads (values as tshark -V shows them)

TEST(DnsCapture, QueryForAaaa) {
  DnsMessage m;
  ASSERT_TRUE(parse(dns_hex(kDnsExampleQuery), m));
  EXPECT_EQ(m.id, 0xbc1f);
  EXPECT_EQ(m.flags, 0x0100);
  EXPECT_FALSE(m.response);
  EXPECT_EQ(m.query_name, "www.example.com");
  EXPECT_EQ(m.query_type, 28);
  EXPECT_STREQ(dns_type_name(m.query_type), "AAAA");
  EXPECT_EQ(m.query_class, 1);
  EXPECT_TRUE(m.complete);
}

TEST(DnsCapture, ResponseWithEightAddresses) {
  DnsMessage m;
  ASSERT_TRUE(parse(dns_hex(kDnsWhatsappResponse), m));
  EXPECT_EQ(m.id, 0x7843);
  EXPECT_EQ(m.flags, 0x8180);
  EXPECT_TRUE(m.response);
  EXPECT_EQ(m.rcode, 0);
  EXPECT_EQ(m.query_name, "e7.whatsapp.net");
  EXPECT_EQ(m.query_type, dns_type::kA);
  EXPECT_EQ(m.ancount, 8);
  const char* expected[] = {"169.45.219.235", "169.47.40.142", "169.45.248.121", "108.168.176.234",
                            "169.45.248.189", "169.45.248.180", "169.53.81.79", "169.45.219.232"};
  ASSERT_EQ(m.answers.size(), 8u);
  for (size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(m.answers[i].name, "e7.whatsapp.net");
    EXPECT_EQ(m.answers[i].type, dns_type::kA);
    EXPECT_EQ(m.answers[i].ttl, 491u);
    EXPECT_EQ(m.answers[i].address.to_string(), expected[i]);
  }
  EXPECT_TRUE(m.complete);
}

TEST(DnsCapture, NxdomainWithSoa) {
  DnsMessage m;
  ASSERT_TRUE(parse(dns_hex(kDnsNxdomainResponse), m));
  EXPECT_EQ(m.id, 0x8b54);
  EXPECT_EQ(m.flags, 0x8183);
  EXPECT_EQ(m.rcode, dns_rcode::kNxDomain);
  EXPECT_EQ(m.query_name, "gmr02c.16.0.fhkfhsdkfhsk.tunnel.example.com");
  EXPECT_EQ(m.ancount, 0);
  EXPECT_EQ(m.nscount, 1);
  EXPECT_TRUE(m.answers.empty());
  EXPECT_TRUE(m.complete);
}

TEST(DnsCapture, CnameChain) {
  DnsMessage m;
  ASSERT_TRUE(parse(dns_hex(kDnsCnameChainResponse), m));
  EXPECT_EQ(m.id, 0xa88a);
  EXPECT_EQ(m.query_name, "www.amazon.com");
  ASSERT_EQ(m.answers.size(), 6u);
  EXPECT_EQ(m.answers[0].name, "www.amazon.com");
  EXPECT_EQ(m.answers[0].type, dns_type::kCname);
  EXPECT_EQ(m.answers[0].ttl, 1256u);
  EXPECT_EQ(m.answers[0].target, "www.cdn.amazon.com");
  EXPECT_EQ(m.answers[1].name, "www.cdn.amazon.com");
  EXPECT_EQ(m.answers[1].ttl, 6u);
  EXPECT_EQ(m.answers[1].target, "d3ag4hukkh62yn.cloudfront.net");
  const char* expected[] = {"52.85.209.197", "52.85.209.143", "52.85.209.216", "52.85.209.122"};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(m.answers[2 + i].name, "d3ag4hukkh62yn.cloudfront.net");
    EXPECT_EQ(m.answers[2 + i].ttl, 4u);
    EXPECT_EQ(m.answers[2 + i].address.to_string(), expected[i]);
  }
  EXPECT_TRUE(m.complete);
}

TEST(DnsCapture, AaaaAnswerWithGlue) {
  DnsMessage m;
  ASSERT_TRUE(parse(dns_hex(kDnsAaaaGlueResponse), m));
  EXPECT_EQ(m.id, 0xb9c8);
  EXPECT_EQ(m.flags, 0x8500);
  EXPECT_TRUE(m.authoritative);
  EXPECT_EQ(m.query_name, "fg2-mgmt.weberlab.de");
  EXPECT_EQ(m.query_type, dns_type::kAaaa);
  EXPECT_EQ(m.ancount, 1);
  EXPECT_EQ(m.nscount, 2);
  EXPECT_EQ(m.arcount, 5);
  ASSERT_EQ(m.answers.size(), 5u);  // the answer and four glue addresses (not NS, not OPT)
  EXPECT_EQ(m.answers[0].name, "fg2-mgmt.weberlab.de");
  EXPECT_EQ(m.answers[0].ttl, 60u);
  EXPECT_EQ(m.answers[0].address.to_string(), "2001:470:1f0b:16b0::1");
  EXPECT_FALSE(m.answers[0].additional);
  struct Glue {
    const char* name;
    uint16_t type;
    const char* addr;
  } glue[] = {{"ns1.weberdns.de", 28, "2001:470:765b::a25:53"},
              {"ns2.weberdns.de", 28, "2001:470:1f0b:16b0::a26:53"},
              {"ns1.weberdns.de", 1, "193.24.227.238"},
              {"ns2.weberdns.de", 1, "194.247.5.14"}};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(m.answers[1 + i].name, glue[i].name);
    EXPECT_EQ(m.answers[1 + i].type, glue[i].type);
    EXPECT_EQ(m.answers[1 + i].ttl, 3600u);
    EXPECT_EQ(m.answers[1 + i].address.to_string(), glue[i].addr);
    EXPECT_TRUE(m.answers[1 + i].additional);
  }
  EXPECT_TRUE(m.complete);
}

TEST(DnsCapture, MalformedNamesAreSkipped) {
  // tshark: 2 questions (the second "<Name too long>"), answers www.xt.com A
  // 66.66.66.66 and www.xt.com CNAME "<Name too long>".
  DnsMessage m;
  ASSERT_TRUE(parse(dns_hex(kDnsMalformedResponse), m));
  EXPECT_EQ(m.id, 0x84b4);
  EXPECT_EQ(m.flags, 0x8100);
  EXPECT_EQ(m.qdcount, 2);
  EXPECT_EQ(m.ancount, 2);
  EXPECT_EQ(m.query_name, "www.xt.com");
  ASSERT_EQ(m.answers.size(), 2u);
  EXPECT_EQ(m.answers[0].name, "www.xt.com");
  EXPECT_EQ(m.answers[0].ttl, 0u);
  EXPECT_EQ(m.answers[0].address.to_string(), "66.66.66.66");
  EXPECT_EQ(m.answers[1].name, "www.xt.com");
  EXPECT_EQ(m.answers[1].type, dns_type::kCname);
  EXPECT_EQ(m.answers[1].target, "");
  EXPECT_FALSE(m.complete);
}

TEST(DnsCapture, IodineLabelWithHighByte) {
  // tshark shows the byte 0xe4 as a replacement character; it is escaped here.
  DnsMessage m;
  ASSERT_TRUE(parse(dns_hex(kDnsIodineQuery), m));
  EXPECT_EQ(m.id, 0x6d3d);
  EXPECT_EQ(m.query_name, "zi03aA-Aaahhh-Drink-mal-ein-J\\228germeister-.pirate.sea");
  EXPECT_EQ(m.query_type, 10);
  EXPECT_STREQ(dns_type_name(m.query_type), "NULL");
  EXPECT_EQ(m.arcount, 1);  // OPT: walked, not kept
  EXPECT_TRUE(m.answers.empty());
  EXPECT_TRUE(m.complete);
}

TEST(DnsCapture, MdnsServiceResponseWithAdditionalRecords) {
  DnsMessage m;
  ASSERT_TRUE(parse(dns_hex(kMdnsServiceResponse), m));
  EXPECT_EQ(m.id, 0);
  EXPECT_EQ(m.flags, 0x8400);
  EXPECT_TRUE(m.authoritative);
  EXPECT_EQ(m.qdcount, 0);
  EXPECT_EQ(m.query_name, "");
  EXPECT_EQ(m.ancount, 1);
  EXPECT_EQ(m.arcount, 4);
  ASSERT_EQ(m.answers.size(), 3u);  // PTR; SRV and A (the two TXT are not kept)
  EXPECT_EQ(m.answers[0].name, "_companion-link._tcp.local");
  EXPECT_EQ(m.answers[0].type, dns_type::kPtr);
  EXPECT_EQ(m.answers[0].ttl, 4500u);
  EXPECT_EQ(m.answers[0].target, "LP-RKERUR-OSX (9)._companion-link._tcp.local");
  EXPECT_EQ(m.answers[1].name, "LP-RKERUR-OSX (9)._companion-link._tcp.local");
  EXPECT_EQ(m.answers[1].type, dns_type::kSrv);
  EXPECT_EQ(m.answers[1].ttl, 120u);
  EXPECT_EQ(m.answers[1].target, "nDPI.local");
  EXPECT_TRUE(m.answers[1].additional);
  EXPECT_EQ(m.answers[2].name, "nDPI.local");
  EXPECT_EQ(m.answers[2].type, dns_type::kA);
  EXPECT_EQ(m.answers[2].address.to_string(), "10.0.0.227");
  EXPECT_TRUE(m.answers[2].additional);
  EXPECT_TRUE(m.complete);
}

TEST(DnsCapture, MdnsQueryWithUnicastResponseBit) {
  // tshark shows class IN and "QU" question separately; the raw class is 0x8001.
  DnsMessage m;
  ASSERT_TRUE(parse(dns_hex(kMdnsQuQuery), m));
  EXPECT_EQ(m.id, 0);
  EXPECT_EQ(m.qdcount, 2);
  EXPECT_EQ(m.query_name, "_raop._tcp.local");
  EXPECT_EQ(m.query_type, dns_type::kPtr);
  EXPECT_EQ(m.query_class, 0x8001);
  EXPECT_TRUE(m.complete);
}

TEST(DnsCapture, LlmnrQuery) {
  DnsMessage m;
  ASSERT_TRUE(parse(dns_hex(kLlmnrQuery), m));
  EXPECT_EQ(m.id, 0x4fd6);
  EXPECT_EQ(m.flags, 0);
  EXPECT_EQ(m.query_name, "lbjamwptxz");
  EXPECT_EQ(m.query_type, dns_type::kA);
  EXPECT_TRUE(m.complete);
}

TEST(DnsCapture, TcpQueryAndResponse) {
  DnsMessage m;
  ASSERT_TRUE(parse_prefix(dns_hex(kDnsTcpQuery), dns_hex(kDnsTcpQuery).size(), m, true));
  EXPECT_EQ(m.id, 0x80e4);
  EXPECT_EQ(m.flags, 0x0120);
  EXPECT_EQ(m.query_name, "weberlab.de");
  EXPECT_EQ(m.query_type, 48);
  EXPECT_STREQ(dns_type_name(m.query_type), "DNSKEY");
  EXPECT_EQ(m.arcount, 1);
  EXPECT_TRUE(m.complete);

  const DnsBytes response = dns_hex(kDnsTcpResponse);
  ASSERT_EQ(response.size(), 1732u);  // length prefix 0x06c2 = 1730, one segment
  ASSERT_TRUE(parse_prefix(response, response.size(), m, true));
  EXPECT_EQ(m.id, 0x80e4);
  EXPECT_EQ(m.flags, 0x8500);
  EXPECT_EQ(m.ancount, 4);
  ASSERT_EQ(m.answers.size(), 4u);
  const uint16_t types[] = {48, 48, 46, 46};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(m.answers[i].name, "weberlab.de");
    EXPECT_EQ(m.answers[i].type, types[i]);
    EXPECT_EQ(m.answers[i].ttl, 60u);
  }
  EXPECT_TRUE(m.complete);

  // The same response split across two segments: the first is parsed alone.
  ASSERT_TRUE(parse_prefix(response, 1000, m, true));
  EXPECT_EQ(m.query_name, "weberlab.de");
  EXPECT_LT(m.answers.size(), 4u);
  EXPECT_FALSE(m.complete);
}

TEST(DnsCapture, NbnsNameQueries) {
  DnsMessage m;
  ASSERT_TRUE(parse(dns_hex(kNbnsQueryXstream), m));
  EXPECT_EQ(m.id, 0xa749);
  EXPECT_EQ(m.flags, 0x0110);
  EXPECT_EQ(m.query_type, dns_type::kNb);
  EXPECT_EQ(m.query_name, "FIFDFEFCEFEBENFPEIFJCACACACACAAA");
  EXPECT_EQ(netbios_decode_name(m.query_name), "XSTREAM_HY");
  EXPECT_EQ(netbios_decode_name(m.query_name, true), "XSTREAM_HY<00>");
  EXPECT_TRUE(m.complete);

  ASSERT_TRUE(parse(dns_hex(kNbnsQueryOzi), m));
  EXPECT_EQ(m.id, 0x9a1e);
  EXPECT_EQ(netbios_decode_name(m.query_name, true), "OZI<1c>");

  ASSERT_TRUE(parse(dns_hex(kNbnsMsBrowseQuery), m));
  EXPECT_EQ(m.id, 0x4580);
  EXPECT_EQ(netbios_decode_name(m.query_name, true), "<01><02>__MSBROWSE__<02><01>");

  // The NBSTAT wildcard "*" padded with NUL bytes (tshark: *<00><00>...).
  ASSERT_TRUE(parse(dns_hex(kNbnsStatQuery), m));
  EXPECT_EQ(m.query_type, 33);
  EXPECT_EQ(netbios_decode_name(m.query_name), "*");
  EXPECT_EQ(netbios_decode_name(m.query_name, true), "*<00>");
}

TEST(DnsCapture, NbnsResponsesCarryAddresses) {
  DnsMessage m;
  ASSERT_TRUE(parse(dns_hex(kNbnsNbResponse), m));
  EXPECT_EQ(m.id, 0x8486);
  EXPECT_EQ(m.flags, 0x8500);
  EXPECT_EQ(m.qdcount, 0);
  ASSERT_EQ(m.answers.size(), 1u);
  EXPECT_EQ(netbios_decode_name(m.answers[0].name, true), "GUNNAR<00>");
  EXPECT_EQ(m.answers[0].type, dns_type::kNb);
  EXPECT_EQ(m.answers[0].ttl, 300000u);
  EXPECT_EQ(m.answers[0].address.to_string(), "10.0.4.24");
  EXPECT_TRUE(m.complete);

  // A release (opcode 6): the question, and the address in an additional NB record.
  ASSERT_TRUE(parse(dns_hex(kNbnsRelease), m));
  EXPECT_EQ(m.opcode, 6);
  EXPECT_EQ(netbios_decode_name(m.query_name, true), "LP-RKERUR-OSX<00>");
  ASSERT_EQ(m.answers.size(), 1u);
  EXPECT_TRUE(m.answers[0].additional);
  EXPECT_EQ(m.answers[0].address.to_string(), "10.0.0.227");
  EXPECT_TRUE(m.complete);

  // NBSTAT (33) clashes with SRV: its data does not decode as SRV data.
  ASSERT_TRUE(parse(dns_hex(kNbnsStatResponse), m));
  EXPECT_EQ(m.id, 0x20a8);
  ASSERT_EQ(m.answers.size(), 1u);
  EXPECT_EQ(m.answers[0].type, 33);
  EXPECT_EQ(m.answers[0].target, "");
  EXPECT_FALSE(m.complete);
}

TEST(DnsCapture, EveryTruncationOfEveryCapture) {
  const std::string_view udp[] = {
      kDnsExampleQuery,   kDnsWhatsappResponse, kDnsNxdomainResponse, kDnsMalformedResponse,
      kDnsCnameChainResponse, kDnsAaaaGlueResponse, kDnsIodineQuery, kMdnsServiceResponse,
      kMdnsQuQuery,       kLlmnrQuery,          kNbnsQueryXstream,    kNbnsQueryOzi,
      kNbnsStatQuery,     kNbnsStatResponse,    kNbnsNbResponse,      kNbnsRelease,
      kNbnsMsBrowseQuery,
  };
  for (std::string_view hex : udp) check_every_truncation(dns_hex(hex));
  check_every_truncation(dns_hex(kDnsTcpQuery), true);
  check_every_truncation(dns_hex(kDnsTcpResponse), true);
}

TEST(DnsCapture, ByteFlipsDoNotCrash) {
  // Deterministic mutations of the real payloads: any result is fine, as long
  // as nothing reads out of bounds (ASan) and the bounds hold.
  const std::string_view payloads[] = {kDnsWhatsappResponse, kDnsCnameChainResponse,
                                       kDnsAaaaGlueResponse, kMdnsServiceResponse, kDnsMalformedResponse};
  uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return state >> 8;
  };
  for (std::string_view hex : payloads) {
    const DnsBytes original = dns_hex(hex);
    for (int round = 0; round < 300; ++round) {
      DnsBytes msg = original;
      for (int k = 0; k < 3; ++k) {
        const size_t at = next() % msg.size();
        msg[at] = static_cast<uint8_t>(next());
      }
      DnsMessage m;
      if (parse(msg, m)) {
        EXPECT_LE(m.answers.size(), kMaxDnsAnswers);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Names of types and rcodes, NetBIOS decoding

TEST(DnsNamesOfCodes, Types) {
  EXPECT_STREQ(dns_type_name(1), "A");
  EXPECT_STREQ(dns_type_name(2), "NS");
  EXPECT_STREQ(dns_type_name(5), "CNAME");
  EXPECT_STREQ(dns_type_name(6), "SOA");
  EXPECT_STREQ(dns_type_name(12), "PTR");
  EXPECT_STREQ(dns_type_name(15), "MX");
  EXPECT_STREQ(dns_type_name(16), "TXT");
  EXPECT_STREQ(dns_type_name(28), "AAAA");
  EXPECT_STREQ(dns_type_name(33), "SRV");
  EXPECT_STREQ(dns_type_name(35), "NAPTR");
  EXPECT_STREQ(dns_type_name(41), "OPT");
  EXPECT_STREQ(dns_type_name(43), "DS");
  EXPECT_STREQ(dns_type_name(46), "RRSIG");
  EXPECT_STREQ(dns_type_name(47), "NSEC");
  EXPECT_STREQ(dns_type_name(48), "DNSKEY");
  EXPECT_STREQ(dns_type_name(50), "NSEC3");
  EXPECT_STREQ(dns_type_name(64), "SVCB");
  EXPECT_STREQ(dns_type_name(65), "HTTPS");
  EXPECT_STREQ(dns_type_name(252), "AXFR");
  EXPECT_STREQ(dns_type_name(255), "ANY");
  EXPECT_STREQ(dns_type_name(257), "CAA");
  EXPECT_EQ(dns_type_name(0), nullptr);
  EXPECT_EQ(dns_type_name(54), nullptr);
  EXPECT_EQ(dns_type_name(66), nullptr);
  EXPECT_EQ(dns_type_name(65535), nullptr);
  EXPECT_EQ(dns_type_string(65), "HTTPS");
  EXPECT_EQ(dns_type_string(4242), "TYPE4242");
}

TEST(DnsNamesOfCodes, Rcodes) {
  EXPECT_STREQ(dns_rcode_name(0), "NOERROR");
  EXPECT_STREQ(dns_rcode_name(1), "FORMERR");
  EXPECT_STREQ(dns_rcode_name(2), "SERVFAIL");
  EXPECT_STREQ(dns_rcode_name(3), "NXDOMAIN");
  EXPECT_STREQ(dns_rcode_name(4), "NOTIMP");
  EXPECT_STREQ(dns_rcode_name(5), "REFUSED");
  EXPECT_STREQ(dns_rcode_name(9), "NOTAUTH");
  EXPECT_EQ(dns_rcode_name(12), nullptr);
  EXPECT_EQ(dns_rcode_name(15), nullptr);
  EXPECT_EQ(dns_rcode_string(3), "NXDOMAIN");
  EXPECT_EQ(dns_rcode_string(13), "RCODE13");
}

TEST(NetBiosName, Decode) {
  // "FRED" padded with spaces, suffix 0x20: RFC 1001 14.1's example shape.
  const std::string fred = "EGFCEFEECACACACACACACACACACACACA";
  EXPECT_EQ(netbios_decode_name(fred), "FRED");
  EXPECT_EQ(netbios_decode_name(fred, true), "FRED<20>");
  EXPECT_EQ(netbios_decode_name("egfcefeecacacacacacacacacacacaca"), "FRED");
  EXPECT_EQ(netbios_decode_name(fred + ".NETBIOS.COM"), "FRED");  // the scope is ignored
  // All spaces: the empty name.
  EXPECT_EQ(netbios_decode_name("CACACACACACACACACACACACACACACAAA", true), "<00>");
  // A space inside the name is kept; a byte >= 0x7f is written in hex.
  EXPECT_EQ(netbios_decode_name("EBCAECHPCACACACACACACACACACACAAA", true), "A B<7f><00>");
}

TEST(NetBiosName, RejectsWhatIsNotFirstLevelEncoded) {
  EXPECT_EQ(netbios_decode_name(""), "");
  EXPECT_EQ(netbios_decode_name("EGFCEFEE"), "");
  EXPECT_EQ(netbios_decode_name("EGFCEFEECACACACACACACACACACACACAC"), "");    // 33 characters
  EXPECT_EQ(netbios_decode_name("EGFCEFEECACACACACACACACACACACAQA"), "");     // 'Q'
  EXPECT_EQ(netbios_decode_name("EGFCEFEECACACACACACACACACACACA0A"), "");     // '0'
  EXPECT_EQ(netbios_decode_name("www.example.com"), "");
}

}  // namespace
}  // namespace wl::test
