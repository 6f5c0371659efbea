#pragma once
// Bytes from a hex string ("16030100"), for captured payloads kept in tests.
#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace wl::test {

inline std::vector<uint8_t> from_hex(std::string_view hex) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw std::invalid_argument("not a hex digit");
  };
  if (hex.size() % 2 != 0) throw std::invalid_argument("odd hex length");
  std::vector<uint8_t> b;
  for (size_t i = 0; i < hex.size(); i += 2) b.push_back(static_cast<uint8_t>(digit(hex[i]) * 16 + digit(hex[i + 1])));
  return b;
}

}  // namespace wl::test
