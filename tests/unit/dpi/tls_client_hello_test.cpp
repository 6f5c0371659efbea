// TLS ClientHello parser: real captures, records and TCP segments, every
// truncation, malformed lengths, and a deterministic mutation sweep.
#include "dpi/tls_client_hello.h"

#include <gtest/gtest.h>

#include <random>
#include <span>

#include "dpi/ja4.h"
#include "dpi/tls_captures.h"
#include "dpi/tls_hello_builder.h"

namespace wl::test {
namespace {

ParseStatus records(const Bytes& b, ClientHello& out) { return parse_tls_client_hello_records(b, out); }
ParseStatus records(const Bytes& b) {
  ClientHello ch;
  return records(b, ch);
}
ParseStatus bare(const Bytes& b, ClientHello& out) { return parse_client_hello_handshake(b, out); }
ParseStatus bare(const Bytes& b) {
  ClientHello ch;
  return bare(b, ch);
}

Bytes prefix(const Bytes& b, size_t n) { return Bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(n)); }

// The handshake message inside a single-record stream.
Bytes strip_record(const Bytes& stream) {
  return stream.size() < 5 ? Bytes{} : Bytes(stream.begin() + 5, stream.end());
}

// Offset, in the handshake body, of the extension block's length field.
size_t ext_block_offset(const HelloSpec& s) {
  size_t cookie = (s.legacy_version >> 8) == 0xfe ? 1 + s.cookie.size() : 0;
  return 2 + 32 + 1 + s.session_id.size() + cookie + 2 + 2 * s.ciphers.size() + 1 + s.compression.size();
}

// A stream whose ClientHello body was edited by `edit`, lengths left as they were.
template <typename Edit>
Bytes edited_stream(const HelloSpec& s, Edit edit) {
  Bytes body = client_hello_body(s);
  edit(body);
  return tls_records(handshake_message(body));
}

// ---------------------------------------------------------------- captures

TEST(TlsClientHelloCapture, CurlFields) {
  ClientHello ch;
  ASSERT_EQ(records(from_hex(kCurlHello), ch), ParseStatus::kOk);
  EXPECT_EQ(ch.legacy_version, 0x0303);
  ASSERT_EQ(ch.cipher_suites.size(), 67u);
  EXPECT_EQ(ch.cipher_suites.front(), 0xcc14);
  EXPECT_EQ(ch.cipher_suites.back(), 0x00ff);
  EXPECT_EQ(ch.extensions, (std::vector<uint16_t>{0x0000, 0x000b, 0x000a, 0x000d, 0x3374, 0x0010, 0x0015}));
  EXPECT_EQ(ch.sni, "www.ntop.org");
  EXPECT_EQ(ch.alpn, (std::vector<std::string>{"h2", "http/1.1"}));
  EXPECT_TRUE(ch.supported_versions.empty());
  EXPECT_EQ(ch.signature_algorithms,
            (std::vector<uint16_t>{0x0601, 0x0602, 0x0603, 0xefef, 0x0501, 0x0502, 0x0503, 0x0401, 0x0402,
                                   0x0403, 0xeeee, 0xeded, 0x0301, 0x0302, 0x0303, 0x0201, 0x0202, 0x0203}));
  ASSERT_EQ(ch.supported_groups.size(), 28u);
  EXPECT_EQ(ch.supported_groups.front(), 0x000e);
  EXPECT_EQ(ch.supported_groups.back(), 0x0011);
  EXPECT_EQ(ch.ec_point_formats, (std::vector<uint8_t>{0, 1, 2}));
}

TEST(TlsClientHelloCapture, Tls13Fields) {
  ClientHello ch;
  ASSERT_EQ(records(from_hex(kTls13Hello), ch), ParseStatus::kOk);
  EXPECT_EQ(ch.legacy_version, 0x0303);
  EXPECT_EQ(ch.cipher_suites.size(), 17u);
  EXPECT_EQ(ch.extensions, (std::vector<uint16_t>{0, 23, 65281, 10, 11, 35, 16, 5, 13, 51, 45, 43, 41}));
  EXPECT_EQ(ch.sni, "www.google.com");
  EXPECT_EQ(ch.alpn, (std::vector<std::string>{"http/1.1"}));
  EXPECT_EQ(ch.supported_versions, (std::vector<uint16_t>{0x0304, 0x0303, 0x0302, 0x0301}));
  EXPECT_EQ(ch.supported_groups, (std::vector<uint16_t>{0x001d, 0x0017, 0x0018}));
  EXPECT_EQ(ch.signature_algorithms.size(), 9u);
  EXPECT_EQ(ch.ec_point_formats, (std::vector<uint8_t>{0}));
}

TEST(TlsClientHelloCapture, BareHandshakeGivesTheSameFields) {
  for (std::string_view hex : {kCurlHello, kTlsAlertHello, kTls13Hello}) {
    Bytes stream = from_hex(hex);
    ClientHello from_records;
    ClientHello from_bare;
    ASSERT_EQ(records(stream, from_records), ParseStatus::kOk);
    ASSERT_EQ(bare(strip_record(stream), from_bare), ParseStatus::kOk);
    EXPECT_EQ(from_records, from_bare);
  }
}

// ---------------------------------------------------------------- segments and records

TEST(TlsClientHelloRecords, EveryTruncationNeedsMore) {
  for (std::string_view hex : {kCurlHello, kTlsAlertHello, kTls13Hello}) {
    Bytes stream = from_hex(hex);
    Bytes message = strip_record(stream);
    for (size_t n = 0; n < stream.size(); ++n) {
      ClientHello ch;
      ch.legacy_version = 0xdead;
      ASSERT_EQ(records(prefix(stream, n), ch), ParseStatus::kNeedMore) << "record prefix " << n;
      ASSERT_EQ(ch.legacy_version, 0xdead) << "out written on kNeedMore";
    }
    for (size_t n = 0; n < message.size(); ++n) {
      ASSERT_EQ(bare(prefix(message, n)), ParseStatus::kNeedMore) << "handshake prefix " << n;
    }
  }
}

TEST(TlsClientHelloRecords, SplitOverTcpSegments) {
  Bytes stream = from_hex(kCurlHello);
  ClientHello whole;
  ASSERT_EQ(records(stream, whole), ParseStatus::kOk);
  // Segments as a receiver would accumulate them: each call sees everything so far.
  for (size_t segment : {1u, 40u, 100u, 300u, 516u}) {
    Bytes so_far;
    ParseStatus st = ParseStatus::kNeedMore;
    ClientHello ch;
    for (size_t pos = 0; pos < stream.size(); pos += segment) {
      ASSERT_EQ(st, ParseStatus::kNeedMore);
      size_t n = std::min(segment, stream.size() - pos);
      so_far.insert(so_far.end(), stream.begin() + static_cast<std::ptrdiff_t>(pos),
                    stream.begin() + static_cast<std::ptrdiff_t>(pos + n));
      st = records(so_far, ch);
    }
    EXPECT_EQ(st, ParseStatus::kOk) << "segment " << segment;
    EXPECT_EQ(ch, whole);
  }
}

TEST(TlsClientHelloRecords, HandshakeSpanningSeveralRecords) {
  Bytes stream = from_hex(kCurlHello);
  Bytes message = strip_record(stream);
  ClientHello whole;
  ASSERT_EQ(records(stream, whole), ParseStatus::kOk);
  for (size_t record_size : {1u, 2u, 3u, 4u, 5u, 7u, 100u, 511u}) {
    Bytes split = tls_records(message, record_size);
    ClientHello ch;
    ASSERT_EQ(records(split, ch), ParseStatus::kOk) << "records of " << record_size;
    EXPECT_EQ(ch, whole);
    if (record_size == 7 || record_size == 4) {
      for (size_t n = 0; n < split.size(); ++n) {
        ASSERT_EQ(records(prefix(split, n)), ParseStatus::kNeedMore) << record_size << "/" << n;
      }
    }
  }
}

TEST(TlsClientHelloRecords, BytesAfterTheClientHelloAreIgnored) {
  Bytes stream = from_hex(kCurlHello);
  ClientHello whole;
  ASSERT_EQ(records(stream, whole), ParseStatus::kOk);

  Bytes more = stream;
  append(more, Bytes{0x14, 0x03, 0x03, 0x00, 0x01, 0x01});  // ChangeCipherSpec (TLS 1.3 middlebox mode)
  append(more, Bytes{0x17, 0x03, 0x03, 0x00, 0x02, 0xaa, 0xbb});  // early data
  ClientHello ch;
  EXPECT_EQ(records(more, ch), ParseStatus::kOk);
  EXPECT_EQ(ch, whole);

  // The ClientHello ends inside a record that carries more handshake bytes.
  Bytes message = strip_record(stream);
  append(message, Bytes{0x0b, 0x00, 0x00, 0x00});
  EXPECT_EQ(records(tls_records(message), ch), ParseStatus::kOk);
  EXPECT_EQ(ch, whole);
  EXPECT_EQ(bare(message, ch), ParseStatus::kOk);
  EXPECT_EQ(ch, whole);
}

TEST(TlsClientHelloRecords, LargestClientHelloAcceptedOneMoreByteRejected) {
  for (size_t body_size : {kMaxClientHelloSize, kMaxClientHelloSize + 1}) {
    HelloSpec s = typical_hello();
    size_t base = client_hello_body(s).size();
    s.ext(0x0015, Bytes(body_size - base - 4, 0));  // padding
    Bytes body = client_hello_body(s);
    ASSERT_EQ(body.size(), body_size);
    Bytes stream = tls_records(handshake_message(body));  // two records: 16384 + the rest
    ClientHello ch;
    if (body_size == kMaxClientHelloSize) {
      EXPECT_EQ(records(stream, ch), ParseStatus::kOk);
      EXPECT_EQ(ch.extensions.back(), 0x0015);
    } else {
      EXPECT_EQ(records(stream, ch), ParseStatus::kMalformed);
      // Decided from the handshake header alone.
      EXPECT_EQ(records(prefix(stream, 9)), ParseStatus::kMalformed);
      EXPECT_EQ(bare(prefix(handshake_message(body), 4)), ParseStatus::kMalformed);
    }
  }
}

// ---------------------------------------------------------------- not a ClientHello

TEST(TlsClientHelloStatus, ShortPrefixesOfARecordHeaderNeedMore) {
  EXPECT_EQ(records(Bytes{}), ParseStatus::kNeedMore);
  EXPECT_EQ(records(Bytes{0x16}), ParseStatus::kNeedMore);
  EXPECT_EQ(records(Bytes{0x16, 0x03}), ParseStatus::kNeedMore);
  EXPECT_EQ(records(Bytes{0x16, 0x03, 0x01, 0x02}), ParseStatus::kNeedMore);
  EXPECT_EQ(records(Bytes{0x16, 0x03, 0x01, 0x02, 0x00}), ParseStatus::kNeedMore);
  EXPECT_EQ(records(Bytes{0x16, 0x03, 0x01, 0x02, 0x00, 0x01}), ParseStatus::kNeedMore);
  EXPECT_EQ(bare(Bytes{}), ParseStatus::kNeedMore);
  EXPECT_EQ(bare(Bytes{0x01, 0x00}), ParseStatus::kNeedMore);
}

TEST(TlsClientHelloStatus, OtherTrafficIsNotAClientHello) {
  Bytes http;
  append(http, std::string_view("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
  EXPECT_EQ(records(http), ParseStatus::kNotClientHello);
  EXPECT_EQ(records(Bytes{0x17, 0x03, 0x03, 0x00, 0x10}), ParseStatus::kNotClientHello);  // application data
  EXPECT_EQ(records(Bytes{0x80, 0x2e, 0x01, 0x00, 0x02}), ParseStatus::kNotClientHello);  // SSLv2 hello
  EXPECT_EQ(records(Bytes{0x16, 0x02}), ParseStatus::kNotClientHello);                    // version 2.x
  EXPECT_EQ(records(Bytes{0x16, 0x03, 0x05}), ParseStatus::kNotClientHello);              // version 3.5
  EXPECT_EQ(records(Bytes{0x16, 0xfe, 0xfd}), ParseStatus::kNotClientHello);              // DTLS record
  // A ServerHello, decided from its first byte.
  EXPECT_EQ(records(Bytes{0x16, 0x03, 0x03, 0x00, 0x50, 0x02}), ParseStatus::kNotClientHello);
  EXPECT_EQ(records(tls_records(handshake_message(client_hello_body(typical_hello()), 2))),
            ParseStatus::kNotClientHello);
  EXPECT_EQ(bare(Bytes{0x02}), ParseStatus::kNotClientHello);
  EXPECT_EQ(bare(from_hex(kCurlHello)), ParseStatus::kNotClientHello);  // a record, not a bare message
}

// ---------------------------------------------------------------- malformed

TEST(TlsClientHelloMalformed, RecordLengths) {
  EXPECT_EQ(records(Bytes{0x16, 0x03, 0x01, 0x00, 0x00}), ParseStatus::kMalformed);
  EXPECT_EQ(records(Bytes{0x16, 0x03, 0x01, 0x40, 0x01, 0x01}), ParseStatus::kMalformed);  // 16385
  // A second record of another type, or another version, before the ClientHello is complete.
  Bytes message = handshake_message(client_hello_body(typical_hello()));
  Bytes first = tls_records(prefix(message, 50));
  Bytes alert = first;
  append(alert, Bytes{0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28});
  EXPECT_EQ(records(alert), ParseStatus::kMalformed);
  Bytes v2 = first;
  append(v2, Bytes{0x16, 0x02});
  EXPECT_EQ(records(v2), ParseStatus::kMalformed);
  Bytes empty_record = first;
  append(empty_record, Bytes{0x16, 0x03, 0x03, 0x00, 0x00});
  EXPECT_EQ(records(empty_record), ParseStatus::kMalformed);
}

TEST(TlsClientHelloMalformed, HandshakeBodyTooShort) {
  for (size_t n : {0u, 1u, 33u, 34u, 36u}) {
    Bytes body = prefix(client_hello_body(typical_hello()), n);
    EXPECT_EQ(bare(handshake_message(body)), ParseStatus::kMalformed) << n;
  }
}

TEST(TlsClientHelloMalformed, SessionIdLongerThan32) {
  HelloSpec s = typical_hello();
  s.session_id = Bytes(33, 1);
  EXPECT_EQ(records(tls_stream(s)), ParseStatus::kMalformed);
  s.session_id = Bytes(32, 1);
  EXPECT_EQ(records(tls_stream(s)), ParseStatus::kOk);
}

TEST(TlsClientHelloMalformed, CipherSuiteLengths) {
  HelloSpec s = typical_hello();
  const size_t at = 2 + 32 + 1 + s.session_id.size();
  // Odd length.
  EXPECT_EQ(records(edited_stream(s, [&](Bytes& b) { b[at + 1] |= 1; })), ParseStatus::kMalformed);
  // Longer than the handshake message: decided as soon as the length is read.
  Bytes over = edited_stream(s, [&](Bytes& b) { b[at] = 0x7f; });
  EXPECT_EQ(records(over), ParseStatus::kMalformed);
  EXPECT_EQ(records(prefix(over, 5 + 4 + at + 2)), ParseStatus::kMalformed);
  EXPECT_EQ(records(prefix(over, 5 + 4 + at + 1)), ParseStatus::kNeedMore);
}

TEST(TlsClientHelloMalformed, ExtensionBlockLength) {
  HelloSpec s = typical_hello();
  const size_t at = ext_block_offset(s);
  EXPECT_EQ(records(edited_stream(s, [&](Bytes& b) { b[at + 1] += 1; })), ParseStatus::kMalformed);
  EXPECT_EQ(records(edited_stream(s, [&](Bytes& b) { b[at + 1] -= 1; })), ParseStatus::kMalformed);
  // One byte after the compression methods: too short for the block's length.
  HelloSpec no_ext = typical_hello();
  no_ext.extension_block = false;
  Bytes body = client_hello_body(no_ext);
  body.push_back(0);
  EXPECT_EQ(records(tls_records(handshake_message(body))), ParseStatus::kMalformed);
}

TEST(TlsClientHelloMalformed, ExtensionOverrunsTheBlock) {
  HelloSpec s = typical_hello();
  const size_t at = ext_block_offset(s);
  // The first extension (GREASE, empty) claims 0x0100 bytes.
  EXPECT_EQ(records(edited_stream(s, [&](Bytes& b) { b[at + 2 + 2] = 0x01; })), ParseStatus::kMalformed);
}

TEST(TlsClientHelloMalformed, InnerListsMustFillTheirExtension) {
  struct Case {
    const char* name;
    uint16_t type;
    Bytes body;
  };
  const Case cases[] = {
      {"sni list longer", 0x0000, Bytes{0x00, 0x09, 0x00, 0x00, 0x03, 'a', 'b', 'c'}},
      {"sni list shorter", 0x0000, Bytes{0x00, 0x05, 0x00, 0x00, 0x03, 'a', 'b', 'c'}},
      {"sni name overruns", 0x0000, Bytes{0x00, 0x06, 0x00, 0x00, 0x04, 'a', 'b', 'c'}},
      {"sni one byte", 0x0000, Bytes{0x00}},
      {"alpn list longer", 0x0010, Bytes{0x00, 0x04, 0x02, 'h', '2'}},
      {"alpn name overruns", 0x0010, Bytes{0x00, 0x03, 0x03, 'h', '2'}},
      {"alpn empty", 0x0010, Bytes{}},
      {"versions odd", 0x002b, Bytes{0x03, 0x03, 0x04, 0x03}},
      {"versions longer", 0x002b, Bytes{0x04, 0x03, 0x04}},
      {"versions trailing", 0x002b, Bytes{0x02, 0x03, 0x04, 0x00}},
      {"sigalgs odd", 0x000d, Bytes{0x00, 0x03, 0x04, 0x03, 0x08}},
      {"sigalgs shorter", 0x000d, Bytes{0x00, 0x02, 0x04, 0x03, 0x08, 0x04}},
      {"groups longer", 0x000a, Bytes{0x00, 0x04, 0x00, 0x1d}},
      {"groups empty", 0x000a, Bytes{}},
      {"point formats longer", 0x000b, Bytes{0x02, 0x00}},
  };
  for (const Case& c : cases) {
    HelloSpec s = typical_hello();
    s.extensions.clear();
    s.ext(c.type, c.body);
    EXPECT_EQ(records(tls_stream(s)), ParseStatus::kMalformed) << c.name;
  }
  // The same structures, well formed.
  HelloSpec s = typical_hello();
  s.extensions.clear();
  s.ext(0x0000, Bytes{0x00, 0x06, 0x00, 0x00, 0x03, 'a', 'b', 'c'})
      .ext(0x0010, Bytes{0x00, 0x03, 0x02, 'h', '2'})
      .ext(0x002b, Bytes{0x02, 0x03, 0x04})
      .ext(0x000d, Bytes{0x00, 0x02, 0x04, 0x03})
      .ext(0x000a, Bytes{0x00, 0x00})
      .ext(0x000b, Bytes{0x00});
  ClientHello ch;
  ASSERT_EQ(records(tls_stream(s), ch), ParseStatus::kOk);
  EXPECT_EQ(ch.sni, "abc");
  EXPECT_EQ(ch.alpn, (std::vector<std::string>{"h2"}));
  EXPECT_EQ(ch.supported_versions, (std::vector<uint16_t>{0x0304}));
  EXPECT_EQ(ch.signature_algorithms, (std::vector<uint16_t>{0x0403}));
  EXPECT_TRUE(ch.supported_groups.empty());
  EXPECT_TRUE(ch.ec_point_formats.empty());
}

// ---------------------------------------------------------------- field semantics

TEST(TlsClientHelloFields, GreaseIsKeptInOrder) {
  ClientHello ch;
  ASSERT_EQ(records(tls_stream(typical_hello()), ch), ParseStatus::kOk);
  EXPECT_EQ(ch.cipher_suites, (std::vector<uint16_t>{0x2a2a, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f}));
  EXPECT_EQ(ch.extensions, (std::vector<uint16_t>{0x3a3a, 0x0000, 0x0017, 0x000a, 0x000b, 0x0010, 0x000d,
                                                  0x002b, 0x4a4a}));
  EXPECT_EQ(ch.supported_versions, (std::vector<uint16_t>{0x7a7a, 0x0304, 0x0303}));
  EXPECT_EQ(ch.supported_groups, (std::vector<uint16_t>{0x5a5a, 0x001d, 0x0017}));
  EXPECT_EQ(ch.sni, "example.com");
}

TEST(TlsClientHelloFields, NoExtensionBlock) {
  HelloSpec s;
  s.legacy_version = 0x0300;
  s.ciphers = {0x000a, 0x002f};
  s.extension_block = false;
  ClientHello ch;
  ASSERT_EQ(records(tls_stream(s), ch), ParseStatus::kOk);
  EXPECT_EQ(ch.legacy_version, 0x0300);
  EXPECT_EQ(ch.cipher_suites.size(), 2u);
  EXPECT_TRUE(ch.extensions.empty());
  // An empty extension block is also fine.
  s.extension_block = true;
  ASSERT_EQ(records(tls_stream(s), ch), ParseStatus::kOk);
  EXPECT_TRUE(ch.extensions.empty());
}

TEST(TlsClientHelloFields, ServerNameTakesTheFirstHostName) {
  HelloSpec s = typical_hello();
  s.extensions.clear();
  Bytes list;
  append(list, Bytes{0x07, 0x00, 0x02, 'x', 'y'});       // unknown name type
  append(list, Bytes{0x00, 0x00, 0x03, 'a', '.', 'b'});  // host_name
  append(list, Bytes{0x00, 0x00, 0x03, 'c', '.', 'd'});  // a second host_name
  Bytes body;
  put16(body, list.size());
  append(body, list);
  s.ext(0x0000, body).ext(0x0000, sni_body("ignored.example"));  // repeated extension
  ClientHello ch;
  ASSERT_EQ(records(tls_stream(s), ch), ParseStatus::kOk);
  EXPECT_EQ(ch.sni, "a.b");
  EXPECT_EQ(ch.extensions, (std::vector<uint16_t>{0x0000, 0x0000}));
}

TEST(TlsClientHelloFields, EmptyServerNameAndEmptyAlpnName) {
  HelloSpec s = typical_hello();
  s.extensions.clear();
  s.ext(0x0000, {}).ext(0x0010, alpn_body({"", "h2"}));
  ClientHello ch;
  ASSERT_EQ(records(tls_stream(s), ch), ParseStatus::kOk);
  EXPECT_EQ(ch.sni, "");
  EXPECT_EQ(ch.alpn, (std::vector<std::string>{"", "h2"}));
}

TEST(TlsClientHelloFields, DtlsCookieIsSkipped) {
  HelloSpec s = typical_hello();
  s.legacy_version = 0xfefd;
  s.cookie = Bytes(20, 0xcc);
  ClientHello ch;
  ASSERT_EQ(bare(handshake_message(client_hello_body(s)), ch), ParseStatus::kOk);
  EXPECT_EQ(ch.legacy_version, 0xfefd);
  EXPECT_EQ(ch.cipher_suites.size(), 6u);
  EXPECT_EQ(ch.sni, "example.com");
}

TEST(TlsClientHelloFields, StatusNames) {
  EXPECT_STREQ(parse_status_name(ParseStatus::kOk), "ok");
  EXPECT_STREQ(parse_status_name(ParseStatus::kNeedMore), "need_more");
  EXPECT_STREQ(parse_status_name(ParseStatus::kNotClientHello), "not_client_hello");
  EXPECT_STREQ(parse_status_name(ParseStatus::kMalformed), "malformed");
}

// ---------------------------------------------------------------- robustness

// Mutated real ClientHellos: no crash (ASan/UBSan builds), a status in range,
// and a prefix never decides differently from the whole input.
TEST(TlsClientHelloRobustness, MutatedCapturesDecideConsistently) {
  std::mt19937 rng(12345);
  const Bytes seeds[] = {from_hex(kCurlHello), from_hex(kTlsAlertHello), from_hex(kTls13Hello),
                         tls_records(strip_record(from_hex(kCurlHello)), 60)};
  int ok = 0;
  int malformed = 0;
  for (int iter = 0; iter < 3000; ++iter) {
    Bytes b = seeds[static_cast<size_t>(iter) % std::size(seeds)];
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      size_t at = rng() % b.size();
      switch (rng() % 3) {
        case 0: b[at] = static_cast<uint8_t>(rng()); break;
        case 1: b[at] ^= static_cast<uint8_t>(1u << (rng() % 8)); break;
        default: b.resize(at + 1); break;
      }
    }
    ClientHello ch;
    ParseStatus full = records(b, ch);
    ASSERT_LE(static_cast<int>(full), static_cast<int>(ParseStatus::kMalformed));
    if (full == ParseStatus::kOk) {
      ++ok;
      EXPECT_EQ(ja4_client(ch, 't').size(), 36u);
    }
    if (full == ParseStatus::kMalformed) ++malformed;
    size_t cut = rng() % b.size();
    ParseStatus part = records(prefix(b, cut));
    ASSERT_TRUE(part == ParseStatus::kNeedMore || part == full)
        << "iteration " << iter << ": prefix " << parse_status_name(part) << ", whole " << parse_status_name(full);
    ParseStatus bare_full = bare(strip_record(b));
    ParseStatus bare_part = bare(prefix(strip_record(b), cut > 5 ? cut - 5 : 0));
    ASSERT_TRUE(bare_part == ParseStatus::kNeedMore || bare_part == bare_full) << "iteration " << iter;
  }
  // The sweep exercises both outcomes, not just one early exit.
  EXPECT_GT(ok, 100);
  EXPECT_GT(malformed, 100);
}

}  // namespace
}  // namespace wl::test
