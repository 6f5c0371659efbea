#include "query/host_query.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "hosts/host_merge.h"

namespace wl {

namespace {

uint64_t ip_prefix(const IpAddress& ip) {
  uint64_t v = static_cast<uint64_t>(ip.version) << 56;
  for (int i = 0; i < 7; ++i) v |= uint64_t{ip.bytes[static_cast<size_t>(i)]} << (48 - 8 * i);
  return v;
}

uint64_t mac_value(const Host& h) {
  uint64_t v = 0;
  if (h.has_mac)
    for (uint8_t b : h.mac.bytes) v = (v << 8) | b;
  return v;
}

// The numeric part of a sort key; names and IPv6 addresses tie-break exactly.
uint64_t sort_num(const Host& h, HostSortKey k, uint64_t bps) {
  switch (k) {
    case HostSortKey::kIp: return ip_prefix(h.key.ip);
    case HostSortKey::kName: return 0;
    case HostSortKey::kSince: return static_cast<uint64_t>(h.first_seen);
    case HostSortKey::kLast: return static_cast<uint64_t>(h.last_seen);
    case HostSortKey::kVlan: return h.key.vlan;
    case HostSortKey::kNumFlows: return h.active_flows();
    case HostSortKey::kTraffic: return h.traffic.bytes_sent + h.traffic.bytes_rcvd;
    case HostSortKey::kThpt: return bps;
    case HostSortKey::kMac: return mac_value(h);
    case HostSortKey::kScore: return 0;
  }
  return 0;
}

struct Cand {
  uint64_t num;
  uint32_t slot;
};

// Full comparison: key, then IP and VLAN so equal keys keep a stable order.
int compare_hosts(const Host& a, uint64_t an, const std::string& aname, const Host& b, uint64_t bn,
                  const std::string& bname, HostSortKey k) {
  if (an != bn) return an < bn ? -1 : 1;
  if (k == HostSortKey::kName) {
    const std::string& x = aname.empty() ? a.key.ip.to_string() : aname;
    const std::string& y = bname.empty() ? b.key.ip.to_string() : bname;
    if (int c = x.compare(y); c != 0) return c < 0 ? -1 : 1;
  }
  if (auto c = a.key.ip <=> b.key.ip; c != 0) return c < 0 ? -1 : 1;
  return a.key.vlan == b.key.vlan ? 0 : (a.key.vlan < b.key.vlan ? -1 : 1);
}

HostView make_view(const Host& h, Micros now, const Interface& iface) {
  HostView v;
  v.host = h;
  v.bps = h.detail.rate.bytes_per_second(now) * 8;
  v.pps = h.detail.rate.packets_per_second(now);
  v.names = iface.host_names().names_of(h.key.ip);
  v.name = best_name(v.names);
  v.network = h.local ? iface.local_networks().find(h.key.ip) : -1;
  return v;
}

}  // namespace

std::string best_name(const std::vector<LearnedName>& names) {
  static constexpr NameSource kOrder[] = {NameSource::kDhcp, NameSource::kMdns, NameSource::kNetbios,
                                          NameSource::kLlmnr, NameSource::kDns, NameSource::kTls,
                                          NameSource::kHttp};
  for (NameSource s : kOrder)
    for (const auto& n : names)
      if (n.source == s && !n.name.empty()) return n.name;
  return {};
}

bool HostFilter::matches(const Host& h, const LocalNetworks& local) const {
  if (allowed && !allowed->contains(h.key.ip)) return false;
  switch (mode) {
    case HostMode::kAll: break;
    case HostMode::kLocal: if (!h.local) return false; break;
    case HostMode::kRemote: if (h.local) return false; break;
    case HostMode::kBroadcastDomain: if (!h.has_mac) return false; break;
    case HostMode::kDhcp: break;  // checked by the caller (needs names)
    case HostMode::kNone: return false;
  }
  if (ip_version && h.key.ip.version != ip_version) return false;
  if (vlan && h.key.vlan != *vlan) return false;
  if (mac && (!h.has_mac || !(h.mac == *mac))) return false;
  if (one_way) {
    bool ow = h.traffic.packets_sent == 0 || h.traffic.packets_rcvd == 0;
    if (ow != *one_way) return false;
  }
  if (network && (!h.local || local.find(h.key.ip) != *network)) return false;
  if (protocol) {
    bool used = false;
    for (const auto& u : h.apps.items()) used = used || u.id == *protocol;
    if (!used) return false;
  }
  return true;
}

HostPage query_hosts(Interface& iface, const HostQuery& q) {
  HostPage page;
  const LocalNetworks& local = iface.local_networks();
  const size_t want = q.limit == SIZE_MAX ? SIZE_MAX : q.offset + q.limit;
  const bool dhcp_only = q.filter.mode == HostMode::kDhcp;
  auto has_dhcp_name = [&](const Host& h) {
    for (const auto& n : iface.host_names().names_of(h.key.ip))
      if (n.source == NameSource::kDhcp) return true;
    return false;
  };
  auto order = [&](const HostView& a, const HostView& b) {
    int c = compare_hosts(a.host, sort_num(a.host, q.sort, a.bps), a.name, b.host, sort_num(b.host, q.sort, b.bps),
                          b.name, q.sort);
    return q.ascending ? c < 0 : c > 0;
  };

  size_t shards = 0;
  iface.for_each_shard([&](const Shard&) { ++shards; });
  if (shards <= 1) {
    // One shard holds every host whole: sort candidates there, copy the page.
    iface.for_each_shard([&](const Shard& sh) {
      const HostTable& table = sh.hosts();
      const Micros now = sh.clock();
      std::vector<Cand> cands;
      std::vector<uint32_t> slots;
      table.for_each_unordered([&](uint32_t slot, const Host& h) {
        if (!q.filter.matches(h, local) || (dhcp_only && !has_dhcp_name(h))) return;
        cands.push_back({sort_num(h, q.sort, h.detail.rate.bytes_per_second(now) * 8), slot});
      });
      page.total = cands.size();
      std::unordered_map<uint32_t, std::string> names;  // only for name sorting
      auto name_of = [&](uint32_t slot) -> const std::string& {
        auto it = names.find(slot);
        if (it == names.end())
          it = names.emplace(slot, best_name(iface.host_names().names_of(table.at(slot).key.ip))).first;
        return it->second;
      };
      static const std::string kNone;
      auto better = [&](const Cand& a, const Cand& b) {
        bool byname = q.sort == HostSortKey::kName;
        int c = compare_hosts(table.at(a.slot), a.num, byname ? name_of(a.slot) : kNone, table.at(b.slot), b.num,
                              byname ? name_of(b.slot) : kNone, q.sort);
        return q.ascending ? c < 0 : c > 0;
      };
      size_t k = std::min(want, cands.size());
      if (k < cands.size())
        std::partial_sort(cands.begin(), cands.begin() + static_cast<ptrdiff_t>(k), cands.end(), better);
      else
        std::sort(cands.begin(), cands.end(), better);
      for (size_t i = q.offset; i < k; ++i) page.rows.push_back(make_view(table.at(cands[i].slot), now, iface));
    });
    return page;
  }

  HostMerger merger;
  Micros now = 0;
  iface.for_each_shard([&](const Shard& sh) {
    now = std::max(now, sh.clock());
    sh.hosts().for_each([&](const Host& h) {
      if (q.filter.matches(h, local)) merger.add(h);
    });
  });
  std::vector<HostView> all;
  for (Host& h : merger.take()) {
    if (dhcp_only && !has_dhcp_name(h)) continue;
    all.push_back(make_view(h, now, iface));
  }
  page.total = all.size();
  size_t k = std::min(want, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<ptrdiff_t>(k), all.end(), order);
  for (size_t i = q.offset; i < k; ++i) page.rows.push_back(std::move(all[i]));
  return page;
}

std::optional<HostView> find_host(Interface& iface, const HostKey& key,
                                  const std::shared_ptr<const LocalNetworks>& allowed) {
  if (allowed && !allowed->contains(key.ip)) return std::nullopt;
  std::optional<Host> merged;
  Micros now = 0;
  iface.for_each_shard([&](const Shard& sh) {
    now = std::max(now, sh.clock());
    uint32_t slot = sh.hosts().find(key);
    if (slot == kNoSlot) return;
    if (!merged) merged = sh.hosts().at(slot);
    else merge_host(*merged, sh.hosts().at(slot));
  });
  if (!merged) return std::nullopt;
  return make_view(*merged, now, iface);
}

std::vector<HostMatch> search_hosts(Interface& iface, const std::string& text, size_t limit,
                                    const std::shared_ptr<const LocalNetworks>& allowed) {
  std::string needle;
  for (char ch : text) needle += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::vector<HostMatch> out;
  if (needle.empty() || limit == 0) return out;
  auto contains = [&](const std::string& hay) {
    std::string low;
    for (char ch : hay) low += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return low.find(needle) != std::string::npos ? (low == needle ? 2 : 1) : 0;
  };
  // With several shards a host appears once per shard. A short text can match
  // nearly every host: past a bound only exact matches are still collected.
  std::unordered_set<HostKey, HostKeyHash> seen;
  const size_t bound = limit * 16;
  iface.for_each_shard([&](const Shard& sh) {
    sh.hosts().for_each_unordered([&](uint32_t, const Host& h) {
      if (allowed && !allowed->contains(h.key.ip)) return;
      HostMatch m{h.key, {}, std::nullopt, h.local};
      if (h.has_mac) m.mac = h.mac;
      int how = contains(h.key.ip.to_string());
      if (!how && h.has_mac && (how = contains(h.mac.to_string()))) m.field = "mac";
      auto names = iface.host_names().names_of(h.key.ip);
      m.name = best_name(names);
      for (size_t i = 0; !how && i < names.size(); ++i)
        if ((how = contains(names[i].name))) m.field = "name";
      if (!how || (how != 2 && out.size() >= bound) || !seen.insert(h.key).second) return;
      m.exact = how == 2;
      out.push_back(std::move(m));
    });
  });
  // Exact matches first, then local hosts, then by address: a stable, useful order.
  std::sort(out.begin(), out.end(), [](const HostMatch& a, const HostMatch& b) {
    if (a.exact != b.exact) return a.exact;
    if (a.local != b.local) return a.local;
    return std::tie(a.key.ip.version, a.key.ip.bytes, a.key.vlan) < std::tie(b.key.ip.version, b.key.ip.bytes, b.key.vlan);
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace wl
