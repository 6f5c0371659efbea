#pragma once
// Gives later IP fragments the ports of their datagram's first fragment.
// A small direct-mapped cache keyed by (VLAN, source, destination, protocol,
// IP id), aged on the interface clock: bounded whatever the traffic.
#include <cstdint>
#include <vector>

#include "common/ip_address.h"
#include "common/time.h"

namespace wl {

struct FragmentKey {
  IpAddress src, dst;
  uint32_t id = 0;
  uint16_t vlan = 0;
  uint8_t proto = 0;
  friend bool operator==(const FragmentKey&, const FragmentKey&) = default;
};

class FragmentTable {
 public:
  static constexpr Micros kLifetime = seconds(30);

  explicit FragmentTable(uint32_t slots = 4096);

  // What later fragments need from the first one: the transport protocol
  // (IPv6 extension headers may stand between) and the ports.
  struct Ports {
    uint8_t l4_proto = 0;
    uint16_t sport = 0, dport = 0;
  };
  void remember(const FragmentKey& key, const Ports& ports, Micros now);
  // False when the datagram's first fragment is unknown or too old.
  bool lookup(const FragmentKey& key, Micros now, Ports& ports) const;

 private:
  struct Entry {
    FragmentKey key;
    Ports ports;
    Micros seen = -1;
  };
  size_t slot_of(const FragmentKey& key) const;
  std::vector<Entry> entries_;
};

}  // namespace wl
