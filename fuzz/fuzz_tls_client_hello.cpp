// libFuzzer target for the TLS ClientHello parsers and the JA4 fingerprint.
//
// The input is a client's TCP byte stream (TLS records); the seeds in
// fuzz/tls_client_hello_corpus/ are real ClientHellos as TCP payload bytes.
// Each input is given to
//   - parse_tls_client_hello_records (the whole input, and a prefix of it),
//   - parse_client_hello_handshake (the whole input, and the input after a
//     5-byte record header, so the record seeds also reach it directly),
// and every parsed ClientHello to ja4_client and ja4_client_raw.
//
// Besides crashes and sanitizer reports, the target traps when
//   - a prefix of the input does not give kNeedMore or the whole input's
//     status (the parsers decide only on bytes they have);
//   - a fingerprint does not have JA4's shape, or JA4 and JA4_r disagree on
//     the a part or on which parts are empty.
//
// Build (or cmake -DWIRELENS_FUZZ=ON, target fuzz_tls_client_hello):
//   clang++-14 -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc
//     fuzz/fuzz_tls_client_hello.cpp src/dpi/tls_client_hello.cpp src/dpi/ja4.cpp -lcrypto
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "dpi/ja4.h"
#include "dpi/tls_client_hello.h"

namespace {

volatile uint64_t g_sink;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool is_lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

void check_fingerprint(const wl::ClientHello& ch, char transport) {
  const std::string ja4 = wl::ja4_client(ch, transport);
  const std::string raw = wl::ja4_client_raw(ch, transport);
  // a (10 chars) _ b (12 hex) _ c (12 hex)
  check(ja4.size() == 36);
  check(ja4[0] == transport && ja4[10] == '_' && ja4[23] == '_');
  check(ja4[3] == 'd' || ja4[3] == 'i');
  for (size_t i = 4; i < 8; ++i) check(ja4[i] >= '0' && ja4[i] <= '9');
  for (size_t i = 11; i < 23; ++i) check(is_lower_hex(ja4[i]));
  for (size_t i = 24; i < 36; ++i) check(is_lower_hex(ja4[i]));
  check(raw.compare(0, 11, ja4, 0, 11) == 0);
  // An empty list is "000000000000" in JA4 and an empty list in JA4_r (c may
  // still carry signature algorithms after its '_').
  const size_t c_start = raw.find('_', 11) + 1;
  check(c_start > 11 && c_start <= raw.size());
  const bool b_empty = c_start == 12;
  const bool c_empty = c_start == raw.size() || raw[c_start] == '_';
  check(b_empty == (ja4.compare(11, 12, "000000000000") == 0));
  check(c_empty == (ja4.compare(24, 12, "000000000000") == 0));
  uint64_t h = ja4.size() + raw.size();
  for (char c : ja4) h = h * 31 + static_cast<unsigned char>(c);
  g_sink = g_sink + h;
}

uint64_t digest(const wl::ClientHello& ch) {
  uint64_t h = ch.legacy_version;
  for (uint16_t v : ch.cipher_suites) h = h * 31 + v;
  for (uint16_t v : ch.extensions) h = h * 31 + v;
  for (uint16_t v : ch.supported_versions) h = h * 31 + v;
  for (uint16_t v : ch.signature_algorithms) h = h * 31 + v;
  for (uint16_t v : ch.supported_groups) h = h * 31 + v;
  for (uint8_t v : ch.ec_point_formats) h = h * 31 + v;
  for (char c : ch.sni) h = h * 31 + static_cast<unsigned char>(c);
  for (const std::string& a : ch.alpn) {
    h = h * 31 + a.size();
    for (char c : a) h = h * 31 + static_cast<unsigned char>(c);
  }
  return h;
}

using Parser = wl::ParseStatus (*)(std::span<const uint8_t>, wl::ClientHello&);

void run(Parser parse, std::span<const uint8_t> in, char transport) {
  wl::ClientHello ch;
  const wl::ParseStatus full = parse(in, ch);
  check(full == wl::ParseStatus::kOk || full == wl::ParseStatus::kNeedMore ||
        full == wl::ParseStatus::kNotClientHello || full == wl::ParseStatus::kMalformed);
  if (full == wl::ParseStatus::kOk) {
    check(ch.cipher_suites.size() <= wl::kMaxClientHelloSize / 2);
    check(ch.extensions.size() <= wl::kMaxClientHelloSize / 4);
    check_fingerprint(ch, transport);
  }
  g_sink = g_sink + digest(ch) + static_cast<uint64_t>(full);

  if (!in.empty()) {
    // A prefix is either still incomplete or already decided the same way;
    // a ClientHello complete within the prefix gives the same fields.
    const size_t cut = (in.size() * (in[in.size() - 1] | 1u)) / 256 % in.size();
    wl::ClientHello partial;
    const wl::ParseStatus st = parse(in.first(cut), partial);
    check(st == wl::ParseStatus::kNeedMore || st == full);
    if (st == wl::ParseStatus::kOk) check(digest(partial) == digest(ch));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  const std::span<const uint8_t> in(data, size);
  run(wl::parse_tls_client_hello_records, in, wl::ja4_transport::kTcp);
  run(wl::parse_client_hello_handshake, in, wl::ja4_transport::kQuic);
  if (size > 5) run(wl::parse_client_hello_handshake, in.subspan(5), wl::ja4_transport::kDtls);
  return 0;
}
