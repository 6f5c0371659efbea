#include "hosts/host_names.h"

namespace wl {

const char* name_source_label(NameSource s) {
  switch (s) {
    case NameSource::kDns: return "DNS";
    case NameSource::kMdns: return "mDNS";
    case NameSource::kLlmnr: return "LLMNR";
    case NameSource::kNetbios: return "NetBIOS";
    case NameSource::kDhcp: return "DHCP";
    case NameSource::kTls: return "TLS";
    case NameSource::kHttp: return "HTTP";
    case NameSource::kCount: break;
  }
  return "";
}

void HostNameCache::learn(const IpAddress& ip, const std::string& name, NameSource source) {
  if (name.empty() || ip.version == 0) return;
  std::lock_guard lock(mu_);
  auto [it, fresh] = names_.try_emplace(ip);
  if (fresh) {
    order_.push_back(ip);
    if (order_.size() > max_) {
      names_.erase(order_.front());
      order_.pop_front();
    }
  }
  for (auto& n : it->second) {
    if (n.source == source) {
      n.name = name;
      return;
    }
  }
  it->second.push_back({name, source});
}

std::vector<LearnedName> HostNameCache::names_of(const IpAddress& ip) const {
  std::lock_guard lock(mu_);
  auto it = names_.find(ip);
  return it == names_.end() ? std::vector<LearnedName>{} : it->second;
}

size_t HostNameCache::size() const {
  std::lock_guard lock(mu_);
  return names_.size();
}

}  // namespace wl
