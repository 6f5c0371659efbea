#include "dpi/tls_client_hello.h"

#include <algorithm>
#include <utility>

namespace wl {

const char* parse_status_name(ParseStatus s) {
  switch (s) {
    case ParseStatus::kOk: return "ok";
    case ParseStatus::kNeedMore: return "need_more";
    case ParseStatus::kNotClientHello: return "not_client_hello";
    case ParseStatus::kMalformed: return "malformed";
  }
  return "";
}

namespace {

constexpr uint8_t kContentTypeHandshake = 22;
constexpr uint8_t kHandshakeClientHello = 1;
constexpr size_t kRecordHeaderSize = 5;
constexpr size_t kHandshakeHeaderSize = 4;
constexpr size_t kMaxRecordPayload = 16 * 1024;  // TLSPlaintext.length limit (RFC 8446 5.1)
constexpr size_t kMaxSessionIdSize = 32;

// Returns the status of `expr` unless it is kOk.
#define WL_TRY(expr)                                                \
  do {                                                              \
    ParseStatus wl_try_status_ = (expr);                            \
    if (wl_try_status_ != ParseStatus::kOk) return wl_try_status_; \
  } while (0)

// A read position in one buffer of `avail` bytes, inside a structure that
// ends, by its declared length, at `end`. `end` may lie beyond `avail` (the
// rest has not arrived yet): reading past `end` is kMalformed, reading past
// `avail` (but not `end`) is kNeedMore. Invariant: pos <= end.
class Cursor {
 public:
  Cursor() = default;
  Cursor(const uint8_t* data, size_t pos, size_t end, size_t avail)
      : data_(data), pos_(pos), end_(end), avail_(avail) {}

  bool at_end() const { return pos_ == end_; }
  size_t left() const { return end_ - pos_; }

  ParseStatus need(size_t n) const {
    if (n > end_ - pos_) return ParseStatus::kMalformed;
    if (pos_ > avail_ || n > avail_ - pos_) return ParseStatus::kNeedMore;
    return ParseStatus::kOk;
  }
  ParseStatus u8(uint8_t& v) {
    WL_TRY(need(1));
    v = data_[pos_++];
    return ParseStatus::kOk;
  }
  ParseStatus u16(uint16_t& v) {
    WL_TRY(need(2));
    v = static_cast<uint16_t>(data_[pos_] << 8 | data_[pos_ + 1]);
    pos_ += 2;
    return ParseStatus::kOk;
  }
  // Skips declared bytes without needing them to have arrived: a later read
  // (or the caller's final completeness check) reports the missing bytes.
  ParseStatus skip(size_t n) {
    if (n > end_ - pos_) return ParseStatus::kMalformed;
    pos_ += n;
    return ParseStatus::kOk;
  }
  ParseStatus bytes(size_t n, std::string& out) {
    WL_TRY(need(n));
    out.assign(reinterpret_cast<const char*>(data_ + pos_), n);
    pos_ += n;
    return ParseStatus::kOk;
  }
  // The next n bytes as a nested structure; this cursor moves past them.
  ParseStatus sub(size_t n, Cursor& out) {
    if (n > end_ - pos_) return ParseStatus::kMalformed;
    out = Cursor(data_, pos_, pos_ + n, avail_);
    pos_ += n;
    return ParseStatus::kOk;
  }
  // A length-prefixed list that must fill the rest of this structure exactly.
  ParseStatus whole_list8(Cursor& out) {
    uint8_t n = 0;
    WL_TRY(u8(n));
    if (n != left()) return ParseStatus::kMalformed;
    return sub(n, out);
  }
  ParseStatus whole_list16(Cursor& out) {
    uint16_t n = 0;
    WL_TRY(u16(n));
    if (n != left()) return ParseStatus::kMalformed;
    return sub(n, out);
  }

 private:
  const uint8_t* data_ = nullptr;
  size_t pos_ = 0;
  size_t end_ = 0;
  size_t avail_ = 0;
};

ParseStatus read_u16_list(Cursor& c, std::vector<uint16_t>& out) {
  if (c.left() % 2 != 0) return ParseStatus::kMalformed;
  out.reserve(c.left() / 2);
  while (!c.at_end()) {
    uint16_t v = 0;
    WL_TRY(c.u16(v));
    out.push_back(v);
  }
  return ParseStatus::kOk;
}

// server_name (RFC 6066 3): a list of (name_type, name); the first host_name
// (type 0) is kept. An empty extension is accepted (no name).
ParseStatus parse_server_name(Cursor& e, ClientHello& ch) {
  if (e.at_end()) return ParseStatus::kOk;
  Cursor list;
  WL_TRY(e.whole_list16(list));
  bool have_host_name = false;
  while (!list.at_end()) {
    uint8_t type = 0;
    uint16_t n = 0;
    WL_TRY(list.u8(type));
    WL_TRY(list.u16(n));
    if (type == 0 && !have_host_name) {
      WL_TRY(list.bytes(n, ch.sni));
      have_host_name = true;
    } else {
      WL_TRY(list.skip(n));
    }
  }
  return ParseStatus::kOk;
}

// application_layer_protocol_negotiation (RFC 7301 3.1): a list of 8-bit
// length-prefixed names. Empty names are kept (JA4 defines their code).
ParseStatus parse_alpn(Cursor& e, ClientHello& ch) {
  Cursor list;
  WL_TRY(e.whole_list16(list));
  while (!list.at_end()) {
    uint8_t n = 0;
    WL_TRY(list.u8(n));
    std::string name;
    WL_TRY(list.bytes(n, name));
    ch.alpn.push_back(std::move(name));
  }
  return ParseStatus::kOk;
}

ParseStatus parse_extension(uint16_t type, Cursor& e, ClientHello& ch) {
  Cursor list;
  switch (type) {
    case tls_ext::kServerName:
      return parse_server_name(e, ch);
    case tls_ext::kAlpn:
      return parse_alpn(e, ch);
    case tls_ext::kSupportedVersions:
      WL_TRY(e.whole_list8(list));
      return read_u16_list(list, ch.supported_versions);
    case tls_ext::kSignatureAlgorithms:
      WL_TRY(e.whole_list16(list));
      return read_u16_list(list, ch.signature_algorithms);
    case tls_ext::kSupportedGroups:
      WL_TRY(e.whole_list16(list));
      return read_u16_list(list, ch.supported_groups);
    case tls_ext::kEcPointFormats:
      WL_TRY(e.whole_list8(list));
      ch.ec_point_formats.reserve(list.left());
      while (!list.at_end()) {
        uint8_t f = 0;
        WL_TRY(list.u8(f));
        ch.ec_point_formats.push_back(f);
      }
      return ParseStatus::kOk;
    default:
      return ParseStatus::kOk;
  }
}

// Which decoded extension types were already seen (only the first counts).
struct SeenExtensions {
  bool server_name = false;
  bool alpn = false;
  bool supported_versions = false;
  bool signature_algorithms = false;
  bool supported_groups = false;
  bool ec_point_formats = false;

  // True the first time a decoded type is seen; false for repeats and for
  // types the parser does not decode.
  bool first(uint16_t type) {
    bool* flag = nullptr;
    switch (type) {
      case tls_ext::kServerName: flag = &server_name; break;
      case tls_ext::kAlpn: flag = &alpn; break;
      case tls_ext::kSupportedVersions: flag = &supported_versions; break;
      case tls_ext::kSignatureAlgorithms: flag = &signature_algorithms; break;
      case tls_ext::kSupportedGroups: flag = &supported_groups; break;
      case tls_ext::kEcPointFormats: flag = &ec_point_formats; break;
      default: return false;
    }
    if (*flag) return false;
    *flag = true;
    return true;
  }
};

// ClientHello body (RFC 8446 4.1.2; DTLS adds a cookie, RFC 6347 4.2.1).
ParseStatus parse_body(Cursor& c, ClientHello& ch) {
  WL_TRY(c.u16(ch.legacy_version));
  WL_TRY(c.skip(32));  // random
  uint8_t session_id_len = 0;
  WL_TRY(c.u8(session_id_len));
  if (session_id_len > kMaxSessionIdSize) return ParseStatus::kMalformed;
  WL_TRY(c.skip(session_id_len));
  if ((ch.legacy_version >> 8) == 0xfe) {  // DTLS: cookie<0..2^8-1>
    uint8_t cookie_len = 0;
    WL_TRY(c.u8(cookie_len));
    WL_TRY(c.skip(cookie_len));
  }

  uint16_t ciphers_len = 0;
  WL_TRY(c.u16(ciphers_len));
  Cursor ciphers;
  WL_TRY(c.sub(ciphers_len, ciphers));
  WL_TRY(read_u16_list(ciphers, ch.cipher_suites));

  uint8_t compression_len = 0;
  WL_TRY(c.u8(compression_len));
  WL_TRY(c.skip(compression_len));

  if (c.at_end()) return ParseStatus::kOk;  // no extension block (SSL 3.0, early TLS)
  Cursor exts;
  WL_TRY(c.whole_list16(exts));
  SeenExtensions seen;
  while (!exts.at_end()) {
    uint16_t type = 0;
    uint16_t len = 0;
    WL_TRY(exts.u16(type));
    WL_TRY(exts.u16(len));
    Cursor e;
    WL_TRY(exts.sub(len, e));
    ch.extensions.push_back(type);
    if (seen.first(type)) {
      WL_TRY(parse_extension(type, e, ch));
      if (!e.at_end()) return ParseStatus::kMalformed;
    }
  }
  return ParseStatus::kOk;
}

}  // namespace

ParseStatus parse_client_hello_handshake(std::span<const uint8_t> handshake, ClientHello& out) {
  if (handshake.empty()) return ParseStatus::kNeedMore;
  if (handshake[0] != kHandshakeClientHello) return ParseStatus::kNotClientHello;
  if (handshake.size() < kHandshakeHeaderSize) return ParseStatus::kNeedMore;
  size_t body_len = static_cast<size_t>(handshake[1]) << 16 | static_cast<size_t>(handshake[2]) << 8 |
                    handshake[3];
  if (body_len > kMaxClientHelloSize) return ParseStatus::kMalformed;

  size_t end = kHandshakeHeaderSize + body_len;
  Cursor c(handshake.data(), kHandshakeHeaderSize, end, handshake.size());
  ClientHello ch;
  WL_TRY(parse_body(c, ch));
  // Skipped bytes (unknown extensions, session id) may not have arrived yet.
  if (handshake.size() < end) return ParseStatus::kNeedMore;
  out = std::move(ch);
  return ParseStatus::kOk;
}

ParseStatus parse_tls_client_hello_records(std::span<const uint8_t> stream, ClientHello& out) {
  // The handshake bytes carried so far, reassembled from record payloads;
  // `needed` is the whole message's size once its header is known.
  std::vector<uint8_t> handshake;
  size_t needed = 0;
  size_t pos = 0;
  bool first_record = true;
  while (pos < stream.size() && (needed == 0 || handshake.size() < needed)) {
    // A record that is not a TLS handshake record: at the start of the stream
    // this is some other protocol; later it breaks the ClientHello.
    const ParseStatus wrong =
        first_record ? ParseStatus::kNotClientHello : ParseStatus::kMalformed;
    size_t have = stream.size() - pos;
    const uint8_t* h = stream.data() + pos;
    if (h[0] != kContentTypeHandshake) return wrong;
    if (have >= 2 && h[1] != 3) return wrong;
    if (have >= 3 && h[2] > 4) return wrong;
    if (have < kRecordHeaderSize) break;
    size_t len = static_cast<size_t>(h[3]) << 8 | h[4];
    if (len == 0 || len > kMaxRecordPayload) return ParseStatus::kMalformed;

    size_t take = std::min(len, have - kRecordHeaderSize);
    handshake.insert(handshake.end(), h + kRecordHeaderSize, h + kRecordHeaderSize + take);
    pos += kRecordHeaderSize + take;
    first_record = false;

    if (handshake.empty()) continue;  // a header alone, at the end of the stream
    if (handshake[0] != kHandshakeClientHello) return ParseStatus::kNotClientHello;
    if (needed == 0 && handshake.size() >= kHandshakeHeaderSize) {
      size_t body_len = static_cast<size_t>(handshake[1]) << 16 |
                        static_cast<size_t>(handshake[2]) << 8 | handshake[3];
      if (body_len > kMaxClientHelloSize) return ParseStatus::kMalformed;
      needed = kHandshakeHeaderSize + body_len;
    }
  }
  return parse_client_hello_handshake(handshake, out);
}

#undef WL_TRY

}  // namespace wl
