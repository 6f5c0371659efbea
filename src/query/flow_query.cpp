#include "query/flow_query.h"

#include <algorithm>
#include <cstring>

#include "dpi/protocol_catalog.h"
#include "dpi/risk_table.h"

namespace wl {

namespace {

// Order-preserving 64-bit prefix of an endpoint: exact for IPv4 (address and
// port), the first bytes for IPv6 (ties are then compared in full).
uint64_t endpoint_prefix(const IpAddress& ip, uint16_t port) {
  uint64_t v = static_cast<uint64_t>(ip.version) << 56;
  if (ip.is_v4()) {
    uint32_t a = (uint32_t{ip.bytes[0]} << 24) | (uint32_t{ip.bytes[1]} << 16) | (uint32_t{ip.bytes[2]} << 8) | ip.bytes[3];
    return v | (uint64_t{a} << 16) | port;
  }
  for (int i = 0; i < 7; ++i) v |= uint64_t{ip.bytes[static_cast<size_t>(i)]} << (48 - 8 * i);
  return v;
}

uint64_t text_prefix(std::string_view s) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8) | (i < s.size() ? static_cast<uint8_t>(s[i]) : 0);
  return v;
}

uint64_t latency_us(double ms) { return ms < 0 ? 0 : static_cast<uint64_t>(ms * 1000.0); }

bool needs_exact(FlowSortKey k) {
  return k == FlowSortKey::kClient || k == FlowSortKey::kServer || k == FlowSortKey::kProtocol ||
         k == FlowSortKey::kInfo;
}

// The fields sorting looks at, read the same way from a live flow and a view.
struct SortFields {
  uint64_t num = 0;
  IpAddress ip;
  uint16_t port = 0;
  std::string text;
};

SortFields fields_of(FlowSortKey k, const IpAddress& cli, uint16_t cport, const IpAddress& srv, uint16_t sport,
                     uint64_t bytes, Micros first, Micros last, uint64_t bps, uint16_t score, uint16_t vlan,
                     uint8_t l4, double crtt, double srtt, const DpiResult& dpi, bool exact,
                     const std::string* info_text) {
  SortFields s;
  switch (k) {
    case FlowSortKey::kBytes: s.num = bytes; break;
    case FlowSortKey::kClient: s.num = endpoint_prefix(cli, cport); s.ip = cli; s.port = cport; break;
    case FlowSortKey::kServer: s.num = endpoint_prefix(srv, sport); s.ip = srv; s.port = sport; break;
    case FlowSortKey::kVlan: s.num = vlan; break;
    case FlowSortKey::kL4: s.num = l4; break;
    case FlowSortKey::kDuration: s.num = static_cast<uint64_t>(last - first); break;
    case FlowSortKey::kScore: s.num = score; break;
    case FlowSortKey::kThpt: s.num = bps; break;
    case FlowSortKey::kLastSeen: s.num = static_cast<uint64_t>(last); break;
    case FlowSortKey::kFirstSeen: s.num = static_cast<uint64_t>(first); break;
    case FlowSortKey::kClientRtt: s.num = latency_us(crtt); break;
    case FlowSortKey::kServerRtt: s.num = latency_us(srtt); break;
    case FlowSortKey::kProtocol: {
      std::string name = ProtocolCatalog::instance().flow_protocol_name(dpi.master, dpi.app);
      s.num = text_prefix(name);
      if (exact) s.text = std::move(name);
      break;
    }
    case FlowSortKey::kInfo:
      if (info_text) {
        s.num = text_prefix(*info_text);
        if (exact) s.text = *info_text;
      }
      break;
  }
  return s;
}

SortFields fields_of(const Flow& f, FlowSortKey k, Micros now, bool exact) {
  std::string info;
  if (k == FlowSortKey::kInfo) info = flow_info(f);
  bool tcp = f.key.proto == 6;
  return fields_of(k, f.client_ip(), f.client_port(), f.server_ip(), f.server_port(),
                   f.dir[0].bytes + f.dir[1].bytes, f.first_seen, f.last_seen, f.throughput.bps_at(now),
                   risk_score(f.dpi.risk).total, f.key.vlan, f.key.proto, tcp ? f.tcp.client_latency_ms() : -1,
                   tcp ? f.tcp.server_latency_ms() : -1, f.dpi, exact, &info);
}

SortFields fields_of(const FlowView& v, FlowSortKey k) {
  return fields_of(k, v.cli, v.cli_port, v.srv, v.srv_port, v.bytes(), v.first_seen, v.last_seen, v.bps, v.score,
                   v.key.vlan, v.key.proto, v.cli_latency_ms, v.srv_latency_ms, v.dpi, true, &v.info);
}

// <0, 0, >0 on the full key (prefix first, then the exact value).
int compare_fields(const SortFields& a, const SortFields& b, FlowSortKey k) {
  if (a.num != b.num) return a.num < b.num ? -1 : 1;
  if (!needs_exact(k)) return 0;
  if (k == FlowSortKey::kClient || k == FlowSortKey::kServer) {
    if (auto c = a.ip <=> b.ip; c != 0) return c < 0 ? -1 : 1;
    return a.port == b.port ? 0 : (a.port < b.port ? -1 : 1);
  }
  int c = a.text.compare(b.text);
  return c == 0 ? 0 : (c < 0 ? -1 : 1);
}

// flow_info() as two views (HTTP: host, then URL), without building a string.
std::pair<std::string_view, std::string_view> info_parts(const Flow& f) {
  if (!f.meta) return {};
  for (Meta m : {Meta::kTlsServerName, Meta::kHttpHost, Meta::kDnsQuery, Meta::kHostName, Meta::kDhcpHostName,
                 Meta::kNetbiosName, Meta::kSshClientBanner})
    if (std::string_view v = f.meta->get(m); !v.empty())
      return {v, m == Meta::kHttpHost ? f.meta->get(Meta::kHttpUrl) : std::string_view()};
  return {};
}

int three_way(std::string_view a, std::string_view b) {
  int c = a.compare(b);
  return c < 0 ? -1 : c > 0;
}

// Exact comparison of two live flows on a text key, allocation-free.
int compare_text(const Flow& a, const Flow& b, FlowSortKey k) {
  if (k == FlowSortKey::kInfo) {
    auto [ah, au] = info_parts(a);
    auto [bh, bu] = info_parts(b);
    // Compare host+url as one string: a prefix host decides by the url's start.
    std::string_view x = ah, y = bh;
    size_t n = std::min(x.size(), y.size());
    if (int c = three_way(x.substr(0, n), y.substr(0, n)); c != 0) return c;
    if (x.size() == y.size()) return three_way(au, bu);
    std::string ja = std::string(ah) + std::string(au), jb = std::string(bh) + std::string(bu);
    return three_way(ja, jb);
  }
  // Protocol names are short: these strings stay in the small-string buffer.
  const ProtocolCatalog& cat = ProtocolCatalog::instance();
  return three_way(cat.flow_protocol_name(a.dpi.master, a.dpi.app), cat.flow_protocol_name(b.dpi.master, b.dpi.app));
}

// The numeric sort key of a live flow without building SortFields (the
// scan over every flow is the hot part of a flow list).
uint64_t quick_num(const Flow& f, FlowSortKey k, Micros now) {
  switch (k) {
    case FlowSortKey::kBytes: return f.dir[0].bytes + f.dir[1].bytes;
    case FlowSortKey::kLastSeen: return static_cast<uint64_t>(f.last_seen);
    case FlowSortKey::kFirstSeen: return static_cast<uint64_t>(f.first_seen);
    case FlowSortKey::kDuration: return static_cast<uint64_t>(f.last_seen - f.first_seen);
    case FlowSortKey::kThpt: return f.throughput.bps_at(now);
    case FlowSortKey::kVlan: return f.key.vlan;
    case FlowSortKey::kL4: return f.key.proto;
    case FlowSortKey::kClient: return endpoint_prefix(f.client_ip(), f.client_port());
    case FlowSortKey::kServer: return endpoint_prefix(f.server_ip(), f.server_port());
    case FlowSortKey::kInfo: return text_prefix(info_parts(f).first);
    default: return fields_of(f, k, now, false).num;
  }
}

// A flow's place in a shard's top list. Text keys keep 16 characters in
// (num, num2); `fit` says the key is wholly in them, so equal numbers mean
// equal keys and the flow itself need not be read again.
struct Candidate {
  uint64_t num, num2, hash;
  uint32_t slot;
  bool fit;
};

Candidate make_candidate(const Flow& f, uint32_t slot, FlowSortKey k, Micros now) {
  Candidate c{0, 0, 0, slot, true};  // hash: filled once the candidate may enter the list
  switch (k) {
    case FlowSortKey::kInfo:
    case FlowSortKey::kProtocol: {
      std::string proto;
      std::string_view text;
      if (k == FlowSortKey::kInfo) {
        auto [host, url] = info_parts(f);
        text = host;
        c.fit = url.empty();
      } else {
        proto = ProtocolCatalog::instance().flow_protocol_name(f.dpi.master, f.dpi.app);
        text = proto;
      }
      c.num = text_prefix(text);
      c.num2 = text.size() > 8 ? text_prefix(text.substr(8)) : 0;
      c.fit = c.fit && text.size() <= 16;
      break;
    }
    case FlowSortKey::kClient:
    case FlowSortKey::kServer:
      c.num = quick_num(f, k, now);
      c.fit = (k == FlowSortKey::kClient ? f.client_ip() : f.server_ip()).is_v4();
      break;
    default:
      c.num = quick_num(f, k, now);
  }
  return c;
}

bool local_end(const LocalNetworks& local, const IpAddress& ip) { return local.contains(ip); }

}  // namespace

bool FlowFilter::matches(const Flow& f, bool cli_local, bool srv_local) const {
  const IpAddress& c = f.client_ip();
  const IpAddress& s = f.server_ip();
  if (allowed && !allowed->contains(c) && !allowed->contains(s)) return false;
  if (host && (f.key.vlan != host->vlan || (c != host->ip && s != host->ip))) return false;
  if (client && c != *client) return false;
  if (server && s != *server) return false;
  if (talking_with && c != *talking_with && s != *talking_with) return false;
  if (vlan && f.key.vlan != *vlan) return false;
  if (l4proto && f.key.proto != *l4proto) return false;
  if (app && f.dpi.app != *app && f.dpi.master != *app) return false;
  if (app_master && (f.dpi.master != *app_master || f.dpi.app != *app_app)) return false;
  if (category && f.dpi.category != *category) return false;
  if (port && f.client_port() != *port && f.server_port() != *port) return false;
  if (ip_version && c.version != ip_version) return false;
  switch (hosts_type) {
    case FlowHostsType::kAny: break;
    case FlowHostsType::kLocalOnly: if (!cli_local || !srv_local) return false; break;
    case FlowHostsType::kRemoteOnly: if (cli_local || srv_local) return false; break;
    case FlowHostsType::kLocalToRemote: if (!cli_local || srv_local) return false; break;
    case FlowHostsType::kRemoteToLocal: if (cli_local || !srv_local) return false; break;
  }
  if (unicast) {
    bool multi = s.is_multicast() || s.is_broadcast();
    if (*unicast == multi) return false;
  }
  if (one_way && *one_way == f.bidirectional()) return false;
  if (alerted && *alerted != (f.dpi.risk != 0)) return false;
  if (tcp_state) {
    if (f.key.proto != 6) return false;
    TcpState st = f.tcp.state();
    if (*tcp_state == TcpState::kSynSent) {
      if (st != TcpState::kSynSent && st != TcpState::kSynReceived) return false;
    } else if (st != *tcp_state) {
      return false;
    }
  }
  if (tcp_reset && (f.key.proto != 6 || f.tcp.reset() != *tcp_reset)) return false;
  if (!info_contains.empty() && flow_info(f).find(info_contains) == std::string::npos) return false;
  return true;
}

bool flow_less(const FlowView& a, const FlowView& b, FlowSortKey key) {
  int c = compare_fields(fields_of(a, key), fields_of(b, key), key);
  if (c != 0) return c < 0;
  return a.hash < b.hash;
}

FlowPage query_flows(Interface& iface, const FlowQuery& q) {
  FlowPage page;
  const size_t want = q.limit == SIZE_MAX ? SIZE_MAX : q.offset + q.limit;
  const LocalNetworks& local = iface.local_networks();
  std::mutex mu;
  uint32_t shard_index = 0;
  iface.for_each_shard([&](const Shard& sh) {
    const uint32_t my_shard = shard_index++;
    const FlowTable& table = sh.flows();
    const Micros now = sh.clock();
    // The shard's top `want` in a bounded heap whose front is the worst kept:
    // one pass over the flows, no copy of every candidate.
    auto better = [&](const Candidate& x, const Candidate& y) {
      int c = x.num != y.num ? (x.num < y.num ? -1 : 1) : x.num2 != y.num2 ? (x.num2 < y.num2 ? -1 : 1) : 0;
      if (c == 0 && !(x.fit && y.fit)) {
        if (q.sort == FlowSortKey::kInfo || q.sort == FlowSortKey::kProtocol)
          c = compare_text(table.at(x.slot), table.at(y.slot), q.sort);
        else
          c = compare_fields(fields_of(table.at(x.slot), q.sort, now, true),
                             fields_of(table.at(y.slot), q.sort, now, true), q.sort);
      }
      if (c != 0) return q.ascending ? c < 0 : c > 0;
      return x.hash < y.hash;  // stable pages
    };
    std::vector<Candidate> heap;
    heap.reserve(std::min<size_t>(want, table.size()));
    uint64_t matched = 0;
    const bool need_locality = q.filter.hosts_type != FlowHostsType::kAny;
    table.for_each_unordered([&](uint32_t slot, const Flow& f) {
      bool cl = need_locality && local_end(local, f.client_ip());
      bool sl = need_locality && local_end(local, f.server_ip());
      if (!q.filter.matches(f, cl, sl)) return;
      ++matched;
      Candidate c = make_candidate(f, slot, q.sort, now);
      if (heap.size() < want) {
        c.hash = FlowKeyHash{}(f.key);
        heap.push_back(c);
        std::push_heap(heap.begin(), heap.end(), better);
      } else {
        // The key hash only matters on a tie: compute it when one is possible
        // or the flow enters the list.
        const Candidate& worst = heap.front();
        bool tie = c.num == worst.num && c.num2 == worst.num2;
        if (tie) c.hash = FlowKeyHash{}(f.key);
        if (better(c, worst)) {
          if (!tie) c.hash = FlowKeyHash{}(f.key);
          std::pop_heap(heap.begin(), heap.end(), better);
          heap.back() = c;
          std::push_heap(heap.begin(), heap.end(), better);
        }
      }
    });
    std::sort_heap(heap.begin(), heap.end(), better);
    const std::vector<Candidate>& cands = heap;
    const size_t k = heap.size();
    std::vector<FlowView> views;
    views.reserve(k);
    for (size_t i = 0; i < k; ++i) {
      const Flow& f = table.at(cands[i].slot);
      FlowView& v = views.emplace_back(make_flow_view(f, my_shard, cands[i].slot, now, q.with_meta,
                                                      local_end(local, f.client_ip()), local_end(local, f.server_ip())));
      if (f.host[0] != kNoSlot) v.cli_in_l2 = sh.hosts().at(f.host[0]).has_mac;
      if (f.host[1] != kNoSlot) v.srv_in_l2 = sh.hosts().at(f.host[1]).has_mac;
    }
    std::lock_guard lock(mu);
    page.total += matched;
    for (auto& v : views) page.rows.push_back(std::move(v));
  });
  std::sort(page.rows.begin(), page.rows.end(), [&](const FlowView& a, const FlowView& b) {
    if (q.ascending) return flow_less(a, b, q.sort);
    int c = compare_fields(fields_of(a, q.sort), fields_of(b, q.sort), q.sort);
    if (c != 0) return c > 0;
    return a.hash < b.hash;
  });
  if (q.offset >= page.rows.size()) {
    page.rows.clear();
  } else {
    page.rows.erase(page.rows.begin(), page.rows.begin() + static_cast<ptrdiff_t>(q.offset));
    if (page.rows.size() > q.limit) page.rows.resize(q.limit);
  }
  return page;
}

FlowCounts count_flows(Interface& iface, const FlowFilter& filter) {
  FlowCounts counts;
  const LocalNetworks& local = iface.local_networks();
  iface.for_each_shard([&](const Shard& sh) {
    const bool need_locality = filter.hosts_type != FlowHostsType::kAny;
    sh.flows().for_each_unordered([&](uint32_t, const Flow& f) {
      if (!filter.matches(f, need_locality && local_end(local, f.client_ip()),
                          need_locality && local_end(local, f.server_ip())))
        return;
      ++counts.total;
      ++counts.by_l4[f.key.proto];
      ++counts.by_app[f.dpi.effective()];
      ++counts.by_category[f.dpi.category];
    });
  });
  return counts;
}

std::optional<FlowView> find_flow(Interface& iface, uint64_t hash, uint32_t shard, uint32_t slot) {
  std::optional<FlowView> out;
  const LocalNetworks& local = iface.local_networks();
  uint32_t index = 0;
  iface.for_each_shard([&](const Shard& sh) {
    if (index++ != shard) return;
    const Flow* live = sh.flows().live(slot);
    // The lists publish the hash's low 32 bits as the flow's key (ntopng's width).
    if (!live || static_cast<uint32_t>(FlowKeyHash{}(live->key)) != static_cast<uint32_t>(hash)) return;
    const Flow& f = *live;
    out = make_flow_view(f, shard, slot, sh.clock(), true, local_end(local, f.client_ip()),
                         local_end(local, f.server_ip()));
  });
  return out;
}

}  // namespace wl
