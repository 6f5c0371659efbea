// GET get/interface/address.lua (the interface's own addresses) and
// get/interface/bcast_domains.lua (layer-2 subnets seen on the wire).
#include <map>

#include "capture/devices.h"
#include "rest/routes.h"

namespace wl {

namespace {

// Hosts seen with a MAC address (the local L2) grouped by the local network
// holding them; an address in no configured network gives its /24 (/64) as a
// "ghost" network, as ntopng flags subnets it sees but was not told about.
std::map<std::string, std::pair<bool, uint64_t>> broadcast_domains(Interface& iface) {
  std::map<std::string, std::pair<bool, uint64_t>> out;
  const LocalNetworks& local = iface.local_networks();
  iface.for_each_shard([&](const Shard& sh) {
    sh.hosts().for_each([&](const Host& h) {
      if (!h.has_mac || h.key.ip.is_multicast() || h.key.ip.is_broadcast()) return;
      int n = local.find(h.key.ip);
      std::string cidr;
      bool ghost = n < 0;
      if (!ghost) {
        const LocalNetwork& ln = local.networks()[static_cast<size_t>(n)];
        cidr = ln.network.to_string() + "/" + std::to_string(ln.prefix_len);
      } else {
        IpAddress net = h.key.ip;
        size_t keep = net.is_v4() ? 3 : 8;
        for (size_t i = keep; i < 16; ++i) net.bytes[i] = 0;
        cidr = net.to_string() + (net.is_v4() ? "/24" : "/64");
      }
      auto& e = out[cidr];
      e.first = ghost;
      ++e.second;
    });
  });
  return out;
}

}  // namespace

void register_interface_address(Routes& r) {
  r["get/interface/address.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = c.interface();
    if (!mi) return;
    std::vector<std::string> addrs;
    if (!mi->iface->config().is_file) {
      std::string err;
      for (const Device& d : list_devices(err))
        if (d.name == mi->ifname)
          for (const auto& a : d.addresses) addrs.push_back(a.address.to_string() + "/" + std::to_string(a.prefix_len));
    }
    c.ok([&](Json& w) {
      w.StartObject();
      jkey(w, "addresses");
      w.StartArray();
      for (const auto& a : addrs) jstr(w, a);
      w.EndArray();
      w.EndObject();
    });
  }};
  r["get/interface/bcast_domains.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = c.interface();
    if (!mi) return;
    auto domains = broadcast_domains(*mi->iface);
    c.ok([&](Json& w) {
      w.StartObject();
      jkey(w, "bcast_domains");
      if (domains.empty()) {
        empty_map(w);
      } else {
        w.StartObject();
        for (const auto& [cidr, e] : domains) {
          jkey(w, cidr);
          w.StartObject();
          kv(w, "ghost_network", e.first);
          kv(w, "hits", e.second);
          w.EndObject();
        }
        w.EndObject();
      }
      w.EndObject();
    });
  }};
}

}  // namespace wl
