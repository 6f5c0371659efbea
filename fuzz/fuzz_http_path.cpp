// libFuzzer target for the web server's own request-line helpers: path
// percent-decoding, Accept-Encoding and header checks (Beast parses the rest).
//
// Traps when a decoded path holds a NUL byte or grows, or when a value judged
// safe to emit holds CR, LF or NUL.
#include <cstddef>
#include <cstdint>
#include <string>

#include "web/http_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string out;
  if (wl::web_detail::decode_path(in, out)) {
    if (out.find('\0') != std::string::npos || out.size() > in.size()) __builtin_trap();
  }
  (void)wl::web_detail::accepts_gzip(in);
  if (wl::web_detail::valid_header_value(in) && in.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos)
    __builtin_trap();
  if (wl::web_detail::valid_header_name(in) && (in.empty() || in.find_first_of(" :\r\n") != std::string_view::npos))
    __builtin_trap();
  if (wl::web_detail::to_lower(in).size() != in.size()) __builtin_trap();
  return 0;
}
