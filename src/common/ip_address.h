#pragma once
// An IPv4 or IPv6 address as a value type: 16 bytes plus the version.
// IPv4 lives in the first 4 bytes, the rest stays zero, so comparison and
// hashing need no branches on the version.
#include <array>
#include <compare>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace wl {

struct IpAddress {
  std::array<uint8_t, 16> bytes{};
  uint8_t version = 0;  // 4, 6, or 0 when unset

  static IpAddress v4(const uint8_t* p) {
    IpAddress a;
    std::memcpy(a.bytes.data(), p, 4);
    a.version = 4;
    return a;
  }
  static IpAddress v6(const uint8_t* p) {
    IpAddress a;
    std::memcpy(a.bytes.data(), p, 16);
    a.version = 6;
    return a;
  }
  static std::optional<IpAddress> parse(std::string_view text);

  bool is_v4() const { return version == 4; }
  bool is_v6() const { return version == 6; }
  bool is_multicast() const { return is_v4() ? (bytes[0] & 0xF0) == 0xE0 : is_v6() && bytes[0] == 0xFF; }
  bool is_broadcast() const {  // the limited broadcast; subnet broadcasts need the netmask
    return is_v4() && bytes[0] == 0xFF && bytes[1] == 0xFF && bytes[2] == 0xFF && bytes[3] == 0xFF;
  }
  std::string to_string() const;

  // Two 64-bit compares: table lookups compare keys on every packet.
  friend bool operator==(const IpAddress& a, const IpAddress& b) {
    uint64_t a0, a1, b0, b1;
    std::memcpy(&a0, a.bytes.data(), 8);
    std::memcpy(&a1, a.bytes.data() + 8, 8);
    std::memcpy(&b0, b.bytes.data(), 8);
    std::memcpy(&b1, b.bytes.data() + 8, 8);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0 && a.version == b.version;
  }
  friend std::strong_ordering operator<=>(const IpAddress& a, const IpAddress& b) {
    if (a.version != b.version) return a.version <=> b.version;
    int c = std::memcmp(a.bytes.data(), b.bytes.data(), 16);
    return c <=> 0;
  }
};

// Whether the first `prefix_len` bits of a and b agree (same version assumed).
bool prefix_match(const IpAddress& a, const IpAddress& b, unsigned prefix_len);

struct MacAddress {
  std::array<uint8_t, 6> bytes{};
  friend bool operator==(const MacAddress&, const MacAddress&) = default;
  bool is_zero() const { return bytes == std::array<uint8_t, 6>{}; }
  std::string to_string() const;
};

}  // namespace wl
