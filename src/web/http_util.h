#pragma once
// Small request/response helpers of the web server, kept out of the Beast
// translation unit so they compile fast and test on their own. Internal to
// src/web (not part of the server's public API).
#include <string>
#include <string_view>

namespace wl::web_detail {

// Percent-decodes a request path. False on a malformed %XX escape or when the
// result would contain a NUL byte. '+' stays '+' (it means space only in queries).
bool decode_path(std::string_view raw, std::string& out);

// Whether an Accept-Encoding value admits gzip ("gzip" or "x-gzip" with q > 0,
// or "*" with q > 0 when gzip is not listed).
bool accepts_gzip(std::string_view accept_encoding);

// ASCII lower-case copy.
std::string to_lower(std::string_view s);
// ASCII upper-case copy.
std::string to_upper(std::string_view s);

// True when a header name or value is safe to emit (no CR, LF or NUL, and for
// names only RFC 9110 token characters).
bool valid_header_name(std::string_view name);
bool valid_header_value(std::string_view value);

}  // namespace wl::web_detail
