#pragma once
// Names learned for addresses from traffic (DNS, mDNS, LLMNR, NetBIOS and
// DHCP answers, TLS SNI, HTTP Host), with their source: ntopng's "Additional
// Host Names". One cache per interface, shared by its shards: an answer in
// one shard names a host that may live in another. Written only when a name
// is seen (rare next to packets), read by reports; bounded.
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/hash.h"
#include "common/ip_address.h"

namespace wl {

enum class NameSource : uint8_t { kDns, kMdns, kLlmnr, kNetbios, kDhcp, kTls, kHttp, kCount };
const char* name_source_label(NameSource s);

struct LearnedName {
  std::string name;
  NameSource source;
};

class HostNameCache {
 public:
  explicit HostNameCache(size_t max_addresses = 65536) : max_(max_addresses) {}

  // Keeps the latest name per (address, source).
  void learn(const IpAddress& ip, const std::string& name, NameSource source);
  std::vector<LearnedName> names_of(const IpAddress& ip) const;
  size_t size() const;

 private:
  struct IpHash {
    size_t operator()(const IpAddress& a) const { return hash_bytes(a.bytes.data(), 16, a.version); }
  };
  mutable std::mutex mu_;
  size_t max_;
  std::unordered_map<IpAddress, std::vector<LearnedName>, IpHash> names_;
  std::deque<IpAddress> order_;  // insertion order: the oldest address goes first when full
};

}  // namespace wl
