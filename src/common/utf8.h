#pragma once
// Strings from the wire (host names, URLs, banners) may hold any bytes; JSON
// needs valid UTF-8.
#include <string>
#include <string_view>

namespace wl {

// Valid UTF-8 sequences are kept; every other byte becomes U+FFFD.
std::string sanitize_utf8(std::string_view in);

}  // namespace wl
