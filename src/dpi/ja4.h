#pragma once
// JA4 TLS client fingerprint (FoxIO, technical_details/JA4.md in
// github.com/FoxIO-LLC/ja4): a pure function of a parsed ClientHello.
//
//   JA4   = a_b_c, e.g. t13d1516h2_8daaf6152771_e5627efa2ab1
//   JA4_r = the same with b and c unhashed (the lists they hash)
//
// a: transport char; TLS version (highest non-GREASE supported_versions entry
//    when there is one, else legacy_version: 13 12 11 10 s3 s2 d1 d2 d3, 00
//    unknown; for DTLS the highest version is the lowest code point); 'd' if
//    the server_name extension is present, else 'i'; cipher and extension
//    counts without GREASE, 2 digits, capped at 99; first and last character of
//    the first ALPN value ("00" if none or empty; when either end byte is not
//    ASCII alphanumeric, the first and last hex digits of the value instead).
// b: first 12 hex digits of SHA-256 of the sorted non-GREASE cipher suites,
//    4-digit lowercase hex joined by ','; "000000000000" if none.
// c: the same over the sorted non-GREASE extensions without SNI (0x0000) and
//    ALPN (0x0010), followed by '_' and the non-GREASE signature algorithms in
//    their order (the '_' part only if there are any); "000000000000" if the
//    extension list is empty.
#include <string>

#include "dpi/tls_client_hello.h"

namespace wl {

namespace ja4_transport {
constexpr char kTcp = 't';
constexpr char kQuic = 'q';
constexpr char kDtls = 'd';
}  // namespace ja4_transport

// `transport` is written as the first character as given: 't' (TLS over
// TCP), 'q' (QUIC) or 'd' (DTLS).
std::string ja4_client(const ClientHello& ch, char transport);
std::string ja4_client_raw(const ClientHello& ch, char transport);

}  // namespace wl
