#include "query/interface_query.h"

#include <mutex>
#include <unordered_map>

#include "hosts/host_merge.h"

namespace wl {

InterfaceSnapshot snapshot_interface(Interface& iface, const LocalNetworks* allowed) {
  InterfaceSnapshot s;
  s.live = iface.live();
  size_t shards = 0;
  iface.for_each_shard([&](const Shard&) { ++shards; });
  std::unordered_set<uint64_t> macs;
  struct Sides { bool local; uint64_t sent, rcvd; };
  std::unordered_map<HostKey, Sides, HostKeyHash> split;  // only with several shards
  iface.for_each_shard([&](const Shard& sh) {
    s.counters.add(sh.counters());
    s.l7.merge(sh.l7());
    s.clock = std::max(s.clock, sh.clock());
    s.num_flows += sh.flows().size();
    s.flow_capacity += sh.flows().capacity();
    s.host_capacity += sh.hosts().capacity();
    sh.hosts().for_each_unordered([&](uint32_t, const Host& h) {
      if (allowed && !allowed->contains(h.key.ip)) return;
      if (h.local && h.has_mac) {
        uint64_t m = 0;
        for (uint8_t b : h.mac.bytes) m = (m << 8) | b;
        macs.insert(m);
      }
      if (shards > 1) {
        Sides& x = split[h.key];
        x.local = h.local;
        x.sent += h.traffic.packets_sent;
        x.rcvd += h.traffic.packets_rcvd;
        return;
      }
      ++s.num_hosts;
      s.num_local_hosts += h.local;
      if (h.traffic.packets_sent == 0) {
        ++s.num_rcvd_only_hosts;
        s.num_local_rcvd_only_hosts += h.local;
      }
    });
  });
  for (const auto& [key, x] : split) {
    ++s.num_hosts;
    s.num_local_hosts += x.local;
    if (x.sent == 0) {
      ++s.num_rcvd_only_hosts;
      s.num_local_rcvd_only_hosts += x.local;
    }
  }
  s.num_devices = macs.size();
  s.alerted_flows = s.counters.risky_flows;
  return s;
}

Rate current_rate(const InterfaceLive& live) {
  Rate r;
  int64_t now_s = live.clock / kMicrosPerSecond;
  // Live, the current second is still filling: use the one before it.
  if (const SecondPoint* p = live.seconds.at(now_s - 1)) {
    r.bytes_per_s = static_cast<double>(p->bytes);
    r.packets_per_s = static_cast<double>(p->packets);
  }
  return r;
}

}  // namespace wl
