#pragma once
// TLS ClientHello parsing: pure, bounds-checked functions from bytes to the
// fields fingerprints (JA4) and DPI need. No I/O, no global state; safe on
// arbitrary input (fuzzed by fuzz/fuzz_tls_client_hello.cpp).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace wl {

struct ClientHello {
  uint16_t legacy_version = 0;          // ClientHello.legacy_version (0x0303 for TLS 1.2 and 1.3)
  std::vector<uint16_t> cipher_suites;  // in order, including GREASE and SCSVs
  std::vector<uint16_t> extensions;     // extension types in order, including GREASE
  std::string sni;                      // first host_name of server_name (0x0000), raw bytes
  std::vector<std::string> alpn;        // application_layer_protocol_negotiation (0x0010), raw bytes
  std::vector<uint16_t> supported_versions;    // 0x002b, in order, including GREASE
  std::vector<uint16_t> signature_algorithms;  // 0x000d, in order, including GREASE
  std::vector<uint16_t> supported_groups;      // 0x000a, in order, including GREASE
  std::vector<uint8_t> ec_point_formats;       // 0x000b

  bool operator==(const ClientHello&) const = default;
};

enum class ParseStatus {
  kOk,             // a complete, well-formed ClientHello was parsed
  kNeedMore,       // the bytes so far are a valid prefix of one: wait for more
  kNotClientHello, // not TLS, or a TLS handshake that does not start with a ClientHello
  kMalformed,      // a ClientHello that breaks its own length rules, or is too large
};

const char* parse_status_name(ParseStatus s);

// The largest ClientHello accepted: the handshake message body (after its
// 4-byte header). Larger ones are kMalformed. Real ones are a few KiB even with
// post-quantum key shares.
constexpr size_t kMaxClientHelloSize = 16 * 1024;

// Extension types the parser decodes, and the GREASE test (RFC 8701:
// 0x0A0A, 0x1A1A, ..., 0xFAFA), which applies to every 16-bit code point list.
namespace tls_ext {
constexpr uint16_t kServerName = 0x0000;
constexpr uint16_t kSupportedGroups = 0x000a;
constexpr uint16_t kEcPointFormats = 0x000b;
constexpr uint16_t kSignatureAlgorithms = 0x000d;
constexpr uint16_t kAlpn = 0x0010;
constexpr uint16_t kSupportedVersions = 0x002b;
}  // namespace tls_ext

constexpr bool is_tls_grease(uint16_t v) {
  return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff);
}

// A bare handshake message: type (1 = ClientHello), 24-bit length, body, as
// carried in TLS records or QUIC CRYPTO frames. Bytes after the message are
// ignored. A DTLS legacy_version (0xfeXX) makes the body's cookie field
// expected after the session id (the caller strips DTLS's longer header).
//
// Strictness: every length must fit the structure that contains it, and every
// list the parser decodes (the extension block, server_name, ALPN,
// supported_versions, signature_algorithms, supported_groups, ec_point_formats)
// must fill its extension exactly; otherwise kMalformed. Other extensions are
// recorded by type only. A repeated extension is listed twice; its first
// occurrence supplies the decoded fields. Missing bytes are kNeedMore, even
// when a later length would have been inconsistent.
//
// `out` is written only on kOk.
ParseStatus parse_client_hello_handshake(std::span<const uint8_t> handshake, ClientHello& out);

// The client's TCP byte stream from its first payload byte: TLS records
// (content type 22, version 3.x, length 1..16384) carrying the ClientHello,
// which may span several records and several TCP segments; call again with
// more bytes after kNeedMore. Bytes after the ClientHello are ignored.
// A stream that does not start like a TLS handshake record, or whose first
// handshake message is not a ClientHello, is kNotClientHello; a non-handshake
// record before the ClientHello is complete is kMalformed.
ParseStatus parse_tls_client_hello_records(std::span<const uint8_t> stream, ClientHello& out);

}  // namespace wl
