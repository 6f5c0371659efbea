#pragma once
// The networks whose hosts are "local" (-m): CIDR lists with optional names.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/ip_address.h"

namespace wl {

struct LocalNetwork {
  IpAddress network;  // masked
  uint8_t prefix_len = 0;
  std::string name;   // from "cidr=Name", may be empty
  std::string to_string() const;
};

class LocalNetworks {
 public:
  // ntopng's default when -m is absent.
  static constexpr std::string_view kDefault = "192.168.1.0/24,127.0.0.0/8,fe80::/10";

  // Adds "a.b.c.d/len", "a.b.c.d/255.255.0.0", "2001:db8::/32", a bare
  // address, each optionally "=Name", comma-separated; or the path of a file
  // holding such lists (one or more per line, '#' comments). Returns an error
  // message naming the bad entry, or empty on success.
  std::string add_spec(std::string_view spec);
  std::string add_one(std::string_view entry);
  std::string add_spec_list(std::string_view list);
  void add(const IpAddress& net, uint8_t prefix_len, std::string name = {});

  // Index of the most specific network holding ip, or -1.
  int find(const IpAddress& ip) const;
  bool contains(const IpAddress& ip) const { return find(ip) >= 0; }
  const std::vector<LocalNetwork>& networks() const { return nets_; }

 private:
  std::vector<LocalNetwork> nets_;
};

}  // namespace wl
