#include "engine/fragment_table.h"

#include "common/hash.h"

namespace wl {

FragmentTable::FragmentTable(uint32_t slots) {
  uint32_t n = 1;
  while (n < slots) n <<= 1;
  entries_.resize(n);
}

size_t FragmentTable::slot_of(const FragmentKey& k) const {
  uint64_t h = hash_bytes(k.src.bytes.data(), 16, k.id);
  h = hash_bytes(k.dst.bytes.data(), 16, h ^ (uint64_t{k.proto} << 32 | k.vlan));
  return h & (entries_.size() - 1);
}

void FragmentTable::remember(const FragmentKey& key, const Ports& ports, Micros now) {
  entries_[slot_of(key)] = Entry{key, ports, now};
}

bool FragmentTable::lookup(const FragmentKey& key, Micros now, Ports& ports) const {
  const Entry& e = entries_[slot_of(key)];
  if (e.seen < 0 || !(e.key == key) || now - e.seen > kLifetime) return false;
  ports = e.ports;
  return true;
}

}  // namespace wl
