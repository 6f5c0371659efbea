#include "rest/host_param.h"

#include <cstdlib>

namespace wl {

std::optional<HostKey> host_param(const Params& p, const char* name) {
  auto text = p.get(name);
  if (!text || text->empty()) return std::nullopt;
  std::string ip = *text;
  HostKey k;
  size_t at = ip.find('@');
  if (at != std::string::npos) {
    k.vlan = static_cast<uint16_t>(std::atoi(ip.c_str() + at + 1));
    ip.resize(at);
  } else if (auto v = p.number("vlan")) {
    k.vlan = static_cast<uint16_t>(*v);
  }
  auto addr = IpAddress::parse(ip);
  if (!addr) return std::nullopt;
  k.ip = *addr;
  return k;
}

std::string host_key_text(const HostKey& k) {
  std::string s = k.ip.to_string();
  if (k.vlan) {
    s += '@';
    s += std::to_string(k.vlan);
  }
  return s;
}

std::string dom_safe_key(const HostKey& k) {
  std::string out;
  for (char c : host_key_text(k)) {
    if (c == '.') out += "__";
    else if (c == '/') out += "___";
    else if (c == ':') out += "____";
    else out.push_back(c);
  }
  return out;
}

std::optional<HostView> requested_host(RestCall& c, const MonitoredInterface*& mi) {
  mi = c.interface();
  if (!mi) return std::nullopt;
  auto key = host_param(c.params);
  if (!key) {
    c.error(RestCode::kInvalidArguments, "Missing or invalid host");
    return std::nullopt;
  }
  auto h = find_host(*mi->iface, *key, c.allowed());
  if (!h) c.error(RestCode::kNotFound, "Host not found");
  return h;
}

}  // namespace wl
