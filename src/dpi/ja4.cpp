#include "dpi/ja4.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace wl {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr const char* kEmptyHash = "000000000000";
constexpr size_t kHashChars = 12;

void append_hex4(std::string& s, uint16_t v) {
  s += kHexDigits[v >> 12];
  s += kHexDigits[(v >> 8) & 0xf];
  s += kHexDigits[(v >> 4) & 0xf];
  s += kHexDigits[v & 0xf];
}

std::string join_hex4(const std::vector<uint16_t>& values) {
  std::string s;
  s.reserve(values.size() * 5);
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) s += ',';
    append_hex4(s, values[i]);
  }
  return s;
}

std::vector<uint16_t> without_grease(const std::vector<uint16_t>& values) {
  std::vector<uint16_t> out;
  out.reserve(values.size());
  for (uint16_t v : values) {
    if (!is_tls_grease(v)) out.push_back(v);
  }
  return out;
}

std::string sha256_prefix(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_len = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &digest_len, EVP_sha256(), nullptr) != 1 ||
      digest_len * 2 < kHashChars) {
    return kEmptyHash;  // not expected: SHA-256 is always available
  }
  std::string s;
  s.reserve(kHashChars);
  for (size_t i = 0; i < kHashChars / 2; ++i) {
    s += kHexDigits[digest[i] >> 4];
    s += kHexDigits[digest[i] & 0xf];
  }
  return s;
}

bool is_dtls_version(uint16_t v) { return (v >> 8) == 0xfe; }

// Orders versions from oldest to newest: DTLS code points count down
// (0xfeff 1.0, 0xfefd 1.2, 0xfefc 1.3), TLS ones count up.
uint32_t version_rank(uint16_t v) {
  return is_dtls_version(v) ? 0x10000u + (0xffu - (v & 0xffu)) : v;
}

const char* version_code(uint16_t v) {
  switch (v) {
    case 0x0304: return "13";
    case 0x0303: return "12";
    case 0x0302: return "11";
    case 0x0301: return "10";
    case 0x0300: return "s3";
    case 0x0002: return "s2";
    case 0xfeff: return "d1";
    case 0xfefd: return "d2";
    case 0xfefc: return "d3";
    default: return "00";
  }
}

uint16_t ja4_version(const ClientHello& ch) {
  bool found = false;
  uint16_t best = 0;
  for (uint16_t v : ch.supported_versions) {
    if (is_tls_grease(v)) continue;
    if (!found || version_rank(v) > version_rank(best)) best = v;
    found = true;
  }
  return found ? best : ch.legacy_version;
}

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

void append_alpn_code(std::string& s, const ClientHello& ch) {
  if (ch.alpn.empty() || ch.alpn.front().empty()) {
    s += "00";
    return;
  }
  const std::string& v = ch.alpn.front();
  auto first = static_cast<unsigned char>(v.front());
  auto last = static_cast<unsigned char>(v.back());
  if (is_ascii_alnum(first) && is_ascii_alnum(last)) {
    s += static_cast<char>(first);
    s += static_cast<char>(last);
  } else {
    // First and last digits of the value's hex form.
    s += kHexDigits[first >> 4];
    s += kHexDigits[last & 0xf];
  }
}

void append_count(std::string& s, size_t n) {
  n = std::min<size_t>(n, 99);
  s += static_cast<char>('0' + n / 10);
  s += static_cast<char>('0' + n % 10);
}

struct Ja4Parts {
  std::string a;
  std::string b_raw;
  std::string c_raw;
  bool b_empty = true;
  bool c_empty = true;
};

Ja4Parts ja4_parts(const ClientHello& ch, char transport) {
  std::vector<uint16_t> ciphers = without_grease(ch.cipher_suites);
  std::vector<uint16_t> extensions = without_grease(ch.extensions);
  bool has_sni =
      std::find(extensions.begin(), extensions.end(), tls_ext::kServerName) != extensions.end();

  Ja4Parts p;
  p.a.reserve(10);
  p.a += transport;
  p.a += version_code(ja4_version(ch));
  p.a += has_sni ? 'd' : 'i';
  append_count(p.a, ciphers.size());
  append_count(p.a, extensions.size());
  append_alpn_code(p.a, ch);

  std::sort(ciphers.begin(), ciphers.end());
  p.b_raw = join_hex4(ciphers);
  p.b_empty = ciphers.empty();

  std::erase_if(extensions, [](uint16_t e) { return e == tls_ext::kServerName || e == tls_ext::kAlpn; });
  std::sort(extensions.begin(), extensions.end());
  p.c_raw = join_hex4(extensions);
  p.c_empty = extensions.empty();
  std::vector<uint16_t> sigalgs = without_grease(ch.signature_algorithms);
  if (!sigalgs.empty()) {
    p.c_raw += '_';
    p.c_raw += join_hex4(sigalgs);
  }
  return p;
}

}  // namespace

std::string ja4_client(const ClientHello& ch, char transport) {
  Ja4Parts p = ja4_parts(ch, transport);
  std::string s = std::move(p.a);
  s += '_';
  s += p.b_empty ? kEmptyHash : sha256_prefix(p.b_raw);
  s += '_';
  s += p.c_empty ? kEmptyHash : sha256_prefix(p.c_raw);
  return s;
}

std::string ja4_client_raw(const ClientHello& ch, char transport) {
  Ja4Parts p = ja4_parts(ch, transport);
  std::string s = std::move(p.a);
  s += '_';
  s += p.b_raw;
  s += '_';
  s += p.c_raw;
  return s;
}

}  // namespace wl
