#include "app/summary.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cstdio>

#include "dpi/l7_names.h"

namespace wl {

namespace {
uint64_t decode_errors_total(const DecodeErrorCounters& e) {
  uint64_t n = 0;
  for (size_t i = 1; i < e.size(); ++i) n += e[i];
  return n;
}

std::string fmt(const char* f, auto... args) {
  char buf[512];
  std::snprintf(buf, sizeof buf, f, args...);
  return buf;
}

using ull = unsigned long long;

std::vector<std::pair<std::string, L7Total>> ranked(const std::vector<L7Total>& v,
                                                     std::string (L7Names::*name)(uint16_t) const,
                                                     const L7Names& names) {
  std::vector<std::pair<std::string, L7Total>> out;
  for (size_t i = 0; i < v.size(); ++i)
    if (v[i].packets) out.emplace_back((names.*name)(static_cast<uint16_t>(i)), v[i]);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second.bytes > b.second.bytes; });
  return out;
}

void json_ranked(rapidjson::PrettyWriter<rapidjson::StringBuffer>& w, const char* key,
                 const std::vector<std::pair<std::string, L7Total>>& list) {
  w.Key(key);
  w.StartArray();
  for (const auto& [name, t] : list) {
    w.StartObject();
    w.Key("name"); w.String(name.c_str());
    w.Key("packets"); w.Uint64(t.packets);
    w.Key("bytes"); w.Uint64(t.bytes);
    w.Key("flows"); w.Uint64(t.flows);
    w.EndObject();
  }
  w.EndArray();
}
}  // namespace

uint64_t peak_rss_bytes() {
  FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return 0;
  char line[256];
  unsigned long long kb = 0;
  while (std::fgets(line, sizeof line, f))
    if (std::sscanf(line, "VmHWM: %llu kB", &kb) == 1) break;
  std::fclose(f);
  return kb * 1024;
}

InterfaceSummary collect_summary(Interface& iface) {
  InterfaceSummary s;
  s.source = iface.config().source;
  s.is_file = iface.config().is_file;
  s.capture = iface.stats();
  s.max_flows = uint64_t{iface.config().shard.max_flows} * iface.config().workers;
  s.max_hosts = uint64_t{iface.config().shard.max_hosts} * iface.config().workers;
  s.dpi = iface.config().shard.dpi;
  L7Totals l7;
  L7Names names;
  iface.for_each_shard([&](const Shard& sh) {
    l7.merge(sh.l7());
    for (size_t i = 0; i < sh.l7().apps().size(); ++i) names.note_app(sh.detector(), static_cast<uint16_t>(i));
    for (size_t i = 0; i < sh.l7().categories().size(); ++i)
      names.note_category(sh.detector(), static_cast<uint16_t>(i));
    s.shards.add(sh.counters());
    const HostTableStats& h = sh.hosts().stats();
    s.hosts.created += h.created;
    s.hosts.purged += h.purged;
    s.hosts.evicted += h.evicted;
    s.hosts.refused += h.refused;
    s.flows_active += sh.flows().size();
    s.hosts_active += sh.hosts().size();
    sh.hosts().for_each([&s](const Host& host) { s.hosts_local += host.local; });
  });
  s.apps = ranked(l7.apps(), &L7Names::app, names);
  s.categories = ranked(l7.categories(), &L7Names::category, names);
  return s;
}

std::string summary_text(const std::vector<InterfaceSummary>& all) {
  std::string out = "wirelens summary\n";
  for (const auto& s : all) {
    const InterfaceStats& c = s.capture;
    out += fmt("  interface        %s (%s, %s)\n", s.source.c_str(), s.is_file ? "file" : "live",
               c.linktype_name.c_str());
    out += fmt("  packets          %llu (%llu bytes)\n", (ull)c.packets, (ull)c.bytes);
    std::string reasons;
    for (size_t i = 1; i < c.errors.size(); ++i)
      if (c.errors[i]) reasons += fmt("%s%s %llu", reasons.empty() ? "" : ", ",
                                      std::string(decode_error_name(static_cast<DecodeError>(i))).c_str(),
                                      (ull)c.errors[i]);
    out += fmt("  not decoded      %llu%s%s%s\n", (ull)decode_errors_total(c.errors), reasons.empty() ? "" : " (",
               reasons.c_str(), reasons.empty() ? "" : ")");
    out += fmt("  untracked        %llu packets (orphan fragments %llu, flow table full %llu)\n",
               (ull)s.shards.untracked_packets, (ull)s.shards.orphan_fragments,
               (ull)(s.shards.untracked_packets - s.shards.orphan_fragments));
    if (!s.is_file) out += fmt("  dropped          %llu (by the kernel/NIC)\n", (ull)c.drops);
    out += fmt("  flows            %llu created, %llu records (%llu partial), %llu evicted, %llu refused, table %llu\n",
               (ull)s.shards.flows_created, (ull)s.shards.records, (ull)s.shards.partial_records,
               (ull)s.shards.flows_evicted, (ull)s.shards.flows_refused, (ull)s.max_flows);
    out += fmt("  hosts            %llu created, %llu at end (%llu local), %llu purged, %llu evicted, %llu refused, table %llu\n",
               (ull)s.hosts.created, (ull)s.hosts_active, (ull)s.hosts_local, (ull)s.hosts.purged,
               (ull)s.hosts.evicted, (ull)s.hosts.refused, (ull)s.max_hosts);
    if (s.dpi) {
      uint64_t total = 0;
      for (const auto& a : s.apps) total += a.second.bytes;
      std::string top;
      for (size_t i = 0; i < s.apps.size() && i < 8; ++i)
        top += fmt("%s%s %.1f%%", i ? ", " : "", s.apps[i].first.c_str(),
                   total ? 100.0 * static_cast<double>(s.apps[i].second.bytes) / static_cast<double>(total) : 0.0);
      out += fmt("  applications     %zu seen, %llu flows classified; by bytes: %s\n", s.apps.size(),
                 (ull)s.shards.flows_detected, top.c_str());
    }
    if (c.read_error)
      out += fmt("  input            damaged: stopped after %llu packets: %s\n", (ull)c.packets,
                 c.read_error_text.c_str());
    else
      out += "  input            complete\n";
    double pps = c.wall_seconds > 0 ? static_cast<double>(c.packets) / c.wall_seconds : 0;
    out += fmt("  wall time        %.3f s (%.0f packets/s)\n", c.wall_seconds, pps);
  }
  out += fmt("  peak memory      %.1f MiB\n", static_cast<double>(peak_rss_bytes()) / (1024.0 * 1024.0));
  return out;
}

std::string summary_json(const std::vector<InterfaceSummary>& all) {
  rapidjson::StringBuffer sb;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(sb);
  auto num = [&](const char* k, uint64_t v) { w.Key(k); w.Uint64(v); };
  w.StartObject();
  w.Key("interfaces");
  w.StartArray();
  for (const auto& s : all) {
    const InterfaceStats& c = s.capture;
    w.StartObject();
    w.Key("source"); w.String(s.source.c_str());
    w.Key("type"); w.String(s.is_file ? "file" : "live");
    w.Key("link_type"); w.String(c.linktype_name.c_str());
    num("packets", c.packets);
    num("bytes", c.bytes);
    num("not_decoded", decode_errors_total(c.errors));
    w.Key("not_decoded_by_reason");
    w.StartObject();
    for (size_t i = 1; i < c.errors.size(); ++i) {
      w.Key(std::string(decode_error_name(static_cast<DecodeError>(i))).c_str());
      w.Uint64(c.errors[i]);
    }
    w.EndObject();
    num("untracked_packets", s.shards.untracked_packets);
    num("untracked_bytes", s.shards.untracked_bytes);
    num("orphan_fragments", s.shards.orphan_fragments);
    num("drops", c.drops);
    num("flows_created", s.shards.flows_created);
    num("flow_records", s.shards.records);
    num("partial_records", s.shards.partial_records);
    num("flows_evicted", s.shards.flows_evicted);
    num("flows_refused", s.shards.flows_refused);
    num("max_flows", s.max_flows);
    num("hosts_created", s.hosts.created);
    num("hosts_at_end", s.hosts_active);
    num("local_hosts_at_end", s.hosts_local);
    num("hosts_purged", s.hosts.purged);
    num("hosts_evicted", s.hosts.evicted);
    num("hosts_refused", s.hosts.refused);
    num("max_hosts", s.max_hosts);
    num("peak_packets_per_second", c.peak_pps);
    num("peak_bits_per_second", c.peak_bps);
    w.Key("input_damaged"); w.Bool(c.read_error);
    w.Key("input_error"); w.String(c.read_error_text.c_str());
    w.Key("wall_seconds"); w.Double(c.wall_seconds);
    if (s.dpi) {
      num("flows_classified", s.shards.flows_detected);
      json_ranked(w, "applications", s.apps);
      json_ranked(w, "categories", s.categories);
    }
    w.EndObject();
  }
  w.EndArray();
  num("peak_rss_bytes", peak_rss_bytes());
  w.EndObject();
  return std::string(sb.GetString(), sb.GetSize()) + "\n";
}

}  // namespace wl
