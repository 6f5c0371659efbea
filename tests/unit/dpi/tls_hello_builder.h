#pragma once
// Builds TLS ClientHello bytes for the parser and JA4 tests: extension bodies,
// the handshake body, the handshake message, and TLS records around it.
#include "hex_bytes.h"
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wl::test {

using Bytes = std::vector<uint8_t>;

inline void put8(Bytes& b, size_t v) { b.push_back(static_cast<uint8_t>(v)); }
inline void put16(Bytes& b, size_t v) {
  b.push_back(static_cast<uint8_t>(v >> 8));
  b.push_back(static_cast<uint8_t>(v));
}
inline void put24(Bytes& b, size_t v) {
  b.push_back(static_cast<uint8_t>(v >> 16));
  put16(b, v & 0xffff);
}
inline void append(Bytes& b, const Bytes& more) { b.insert(b.end(), more.begin(), more.end()); }
inline void append(Bytes& b, std::string_view s) { b.insert(b.end(), s.begin(), s.end()); }


// ---- extension bodies (the bytes after type and length) ----

inline Bytes sni_body(std::string_view host) {
  Bytes entry;
  put8(entry, 0);  // host_name
  put16(entry, host.size());
  append(entry, host);
  Bytes b;
  put16(b, entry.size());
  append(b, entry);
  return b;
}

inline Bytes alpn_body(const std::vector<std::string>& names) {
  Bytes list;
  for (const std::string& n : names) {
    put8(list, n.size());
    append(list, n);
  }
  Bytes b;
  put16(b, list.size());
  append(b, list);
  return b;
}

inline Bytes u16_list16_body(const std::vector<uint16_t>& values) {  // signature_algorithms, supported_groups
  Bytes b;
  put16(b, values.size() * 2);
  for (uint16_t v : values) put16(b, v);
  return b;
}

inline Bytes versions_body(const std::vector<uint16_t>& versions) {  // supported_versions (ClientHello form)
  Bytes b;
  put8(b, versions.size() * 2);
  for (uint16_t v : versions) put16(b, v);
  return b;
}

inline Bytes point_formats_body(const Bytes& formats) {
  Bytes b;
  put8(b, formats.size());
  append(b, formats);
  return b;
}

// ---- the ClientHello ----

struct HelloSpec {
  uint16_t legacy_version = 0x0303;
  Bytes session_id;
  Bytes cookie;  // written only for a DTLS legacy_version
  std::vector<uint16_t> ciphers;
  Bytes compression = Bytes{0};
  bool extension_block = true;  // false: end the body after compression methods
  std::vector<std::pair<uint16_t, Bytes>> extensions;

  HelloSpec& ext(uint16_t type, Bytes body) {
    extensions.emplace_back(type, std::move(body));
    return *this;
  }
};

inline Bytes client_hello_body(const HelloSpec& s) {
  Bytes b;
  put16(b, s.legacy_version);
  for (size_t i = 0; i < 32; ++i) put8(b, 0x40 + i);  // random
  put8(b, s.session_id.size());
  append(b, s.session_id);
  if ((s.legacy_version >> 8) == 0xfe) {
    put8(b, s.cookie.size());
    append(b, s.cookie);
  }
  put16(b, s.ciphers.size() * 2);
  for (uint16_t c : s.ciphers) put16(b, c);
  put8(b, s.compression.size());
  append(b, s.compression);
  if (s.extension_block) {
    Bytes exts;
    for (const auto& [type, body] : s.extensions) {
      put16(exts, type);
      put16(exts, body.size());
      append(exts, body);
    }
    put16(b, exts.size());
    append(b, exts);
  }
  return b;
}

inline Bytes handshake_message(const Bytes& body, uint8_t type = 1) {
  Bytes m;
  put8(m, type);
  put24(m, body.size());
  append(m, body);
  return m;
}

// The message cut into records of at most `max_payload` bytes each.
inline Bytes tls_records(const Bytes& message, size_t max_payload = 16384, uint8_t content_type = 22,
                         uint16_t version = 0x0301) {
  Bytes out;
  for (size_t pos = 0; pos < message.size(); pos += max_payload) {
    size_t n = std::min(max_payload, message.size() - pos);
    put8(out, content_type);
    put16(out, version);
    put16(out, n);
    out.insert(out.end(), message.begin() + static_cast<std::ptrdiff_t>(pos),
               message.begin() + static_cast<std::ptrdiff_t>(pos + n));
  }
  return out;
}

inline Bytes tls_stream(const HelloSpec& s, size_t max_payload = 16384) {
  return tls_records(handshake_message(client_hello_body(s)), max_payload);
}

// A typical modern ClientHello: GREASE, SNI, ALPN, TLS 1.3 versions.
inline HelloSpec typical_hello() {
  HelloSpec s;
  s.session_id = Bytes(32, 0x11);
  s.ciphers = {0x2a2a, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f};
  s.ext(0x3a3a, {})
      .ext(0x0000, sni_body("example.com"))
      .ext(0x0017, {})
      .ext(0x000a, u16_list16_body({0x5a5a, 0x001d, 0x0017}))
      .ext(0x000b, point_formats_body({0}))
      .ext(0x0010, alpn_body({"h2", "http/1.1"}))
      .ext(0x000d, u16_list16_body({0x0403, 0x0804, 0x0401}))
      .ext(0x002b, versions_body({0x7a7a, 0x0304, 0x0303}))
      .ext(0x4a4a, Bytes{0});
  return s;
}

}  // namespace wl::test
