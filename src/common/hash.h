#pragma once
// Small, fast, non-cryptographic hashing for table keys.
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace wl {

inline uint64_t mix64(uint64_t x) {
  // splitmix64 finaliser: good avalanche for integer keys.
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint64_t hash_bytes(const void* data, size_t len, uint64_t seed = 0x9e3779b97f4a7c15ULL) {
  const auto* p = static_cast<const uint8_t*>(data);
  uint64_t h = seed ^ (len * 0xff51afd7ed558ccdULL);
  while (len >= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    h = mix64(h ^ v);
    p += 8;
    len -= 8;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, len);
  return mix64(h ^ tail ^ (len << 56));
}

}  // namespace wl
