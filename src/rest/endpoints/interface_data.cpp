// GET get/interface/data.lua: an interface's counters, table sizes, rates
// and the system figures (compat doc 6.6).
#include <chrono>
#include <ctime>
#include <map>
#include <mutex>

#include "query/interface_query.h"
#include "rest/routes.h"
#include "rest/system_stats.h"

namespace wl {

namespace {

int64_t now_epoch() { return static_cast<int64_t>(std::time(nullptr)); }

// Upload/download rates need two readings: kept per interface between calls.
struct DirectionRates {
  double up_bps = 0, down_bps = 0, up_pps = 0, down_pps = 0;
  int up_trend = 0, down_trend = 0;
};

DirectionRates direction_rates(int ifid, const InterfaceSnapshot& s) {
  struct Reading {
    Micros clock = -1;
    uint64_t up_b = 0, down_b = 0, up_p = 0, down_p = 0;
    DirectionRates rates;
  };
  static std::mutex mu;
  static std::map<int, Reading> last;
  std::lock_guard lock(mu);
  Reading& r = last[ifid];
  const ShardCounters& c = s.counters;
  Micros dt = s.clock - r.clock;
  if (r.clock >= 0 && dt >= kMicrosPerSecond) {
    double secs = static_cast<double>(dt) / kMicrosPerSecond;
    DirectionRates n;
    n.up_bps = static_cast<double>(c.local2remote_bytes - r.up_b) / secs;
    n.down_bps = static_cast<double>(c.remote2local_bytes - r.down_b) / secs;
    n.up_pps = static_cast<double>(c.local2remote_packets - r.up_p) / secs;
    n.down_pps = static_cast<double>(c.remote2local_packets - r.down_p) / secs;
    auto trend = [](double now, double before) { return now > before ? 1 : now < before ? 2 : 3; };
    n.up_trend = trend(n.up_bps, r.rates.up_bps);
    n.down_trend = trend(n.down_bps, r.rates.down_bps);
    r.rates = n;
  }
  if (r.clock < 0 || dt >= kMicrosPerSecond) {
    r.clock = s.clock;
    r.up_b = c.local2remote_bytes;
    r.down_b = c.remote2local_bytes;
    r.up_p = c.local2remote_packets;
    r.down_p = c.remote2local_packets;
  }
  return r.rates;
}

int pctg(uint64_t used, uint64_t capacity) {
  return capacity ? 1 + static_cast<int>(100 * used / capacity) : 0;
}

void write_data(RestCall& c, Json& w, const MonitoredInterface& mi, bool summary, bool echo_ifid) {
  auto allowed = c.allowed();
  InterfaceSnapshot s = snapshot_interface(*mi.iface, allowed.get());
  Rate rate = current_rate(s.live);
  DirectionRates dr = direction_rates(mi.ifid, s);
  const bool restricted = allowed != nullptr;
  w.StartObject();
  if (echo_ifid) c.write_ifid(w);
  else kv(w, "ifid", mi.ifid);
  kv(w, "ifname", mi.ifname);
  kv(w, "drops", s.live.drops);
  kv(w, "throughput_bps", rate.bytes_per_s);
  if (c.may_see_alerts()) {
    // Alerts come with their own issue: nothing is engaged yet; flows with a
    // risk count as alerted, their severity band from the risk score.
    kv(w, "engaged_alerts", 0);
    kv(w, "engaged_alerts_notice", 0);
    kv(w, "engaged_alerts_warning", 0);
    kv(w, "engaged_alerts_error", 0);
    kv(w, "alerted_flows", s.alerted_flows);
  }
  if (!restricted) {
    kv(w, "num_flows", s.num_flows);
    kv(w, "num_devices", s.num_devices);
    kv(w, "num_rcvd_only_hosts", s.num_rcvd_only_hosts);
    kv(w, "num_local_rcvd_only_hosts", s.num_local_rcvd_only_hosts);
  }
  kv(w, "num_hosts", s.num_hosts);
  kv(w, "num_local_hosts", s.num_local_hosts);
  int64_t now = now_epoch();
  kv(w, "localtime", local_time_text(now));
  kv(w, "uptime", uptime_text(now - c.svc.start_time));
  kv(w, "hosts_pctg", pctg(s.num_hosts, s.host_capacity));
  kv(w, "flows_pctg", pctg(s.num_flows, s.flow_capacity));
  kv(w, "macs_pctg", pctg(s.num_devices, s.host_capacity));
  if (c.is_admin()) kv(w, "num_live_captures", 0);
  kv(w, "active_discovery_active", false);
  if (summary) {
    kv(w, "is_loading", !s.live.finished && mi.iface->config().is_file);
    jkey(w, "throughput");
    w.StartObject();
    kv(w, "download", dr.down_bps);
    kv(w, "upload", dr.up_bps);
    w.EndObject();
    w.EndObject();
    return;
  }
  kv(w, "speed", 1000);
  kv(w, "periodic_stats_update_frequency_secs", 1);
  kv(w, "packets", s.live.packets);
  kv(w, "bytes", s.live.bytes);
  // wirelens: frames skipped undecoded, by reason (malformed ones are counted, never silently lost).
  jkey(w, "decode_errors");
  w.StartObject();
  for (size_t i = 1; i < kDecodeErrorCount; ++i)
    kv(w, std::string(decode_error_name(static_cast<DecodeError>(i))), s.live.errors[i]);
  w.EndObject();
  kv(w, "tot_nprobe_pkts", 0);
  kv(w, "tot_pkt_drops", 0);
  kv(w, "throughput_pps", rate.packets_per_s);
  if (c.may_see_alerts()) {
    kv(w, "dropped_alerts", 0);
    kv(w, "host_dropped_alerts", 0);
    kv(w, "flow_dropped_alerts", 0);
    kv(w, "other_dropped_alerts", 0);
  }
  kv(w, "epoch", now);
  jkey(w, "system_host_stats");
  write_system_host_stats(w);
  kv(w, "remote_pps", 0);
  kv(w, "remote_bps", 0);
  kv(w, "is_view", false);
  kv(w, "local2remote", s.counters.local2remote_bytes);
  kv(w, "remote2local", s.counters.remote2local_bytes);
  kv(w, "bytes_upload", s.counters.local2remote_bytes);
  kv(w, "bytes_download", s.counters.remote2local_bytes);
  kv(w, "packets_upload", s.counters.local2remote_packets);
  kv(w, "packets_download", s.counters.remote2local_packets);
  kv(w, "bytes_upload_since_reset", s.counters.local2remote_bytes);
  kv(w, "bytes_download_since_reset", s.counters.remote2local_bytes);
  kv(w, "packets_upload_since_reset", s.counters.local2remote_packets);
  kv(w, "packets_download_since_reset", s.counters.remote2local_packets);
  kv(w, "num_local_hosts_anomalies", 0);
  kv(w, "num_remote_hosts_anomalies", 0);
  auto direction = [&](const char* name, double bps, double pps, int trend) {
    jkey(w, name);
    w.StartObject();
    kv(w, "bps", bps);
    kv(w, "bps_trend", trend);
    kv(w, "pps", pps);
    kv(w, "pps_trend", trend);
    w.EndObject();
  };
  jkey(w, "throughput");
  w.StartObject();
  direction("download", dr.down_bps, dr.down_pps, dr.down_trend);
  direction("upload", dr.up_bps, dr.up_pps, dr.up_trend);
  w.EndObject();
  jkey(w, "tcpPacketStats");
  w.StartObject();
  kv(w, "retransmissions", s.counters.tcp_retransmissions);
  kv(w, "out_of_order", s.counters.tcp_out_of_order);
  kv(w, "lost", s.counters.tcp_lost);
  w.EndObject();
  w.EndObject();
}

}  // namespace

void register_interface_data(Routes& r) {
  r["get/interface/data.lua"] = {[](RestCall& c) {
    bool summary = c.params.get_or("type", "") == "summary";
    std::string iffilter = c.params.get_or("iffilter", "");
    if (iffilter == "all") {
      return c.ok([&](Json& w) {
        w.StartObject();
        for (const auto& mi : c.svc.interfaces) {
          if (!c.interface_allowed(mi)) continue;
          jkey(w, std::to_string(mi.ifid));
          write_data(c, w, mi, summary, false);
        }
        w.EndObject();
      });
    }
    if (!iffilter.empty() && !c.params.has("ifid")) c.params.set("ifid", iffilter);
    const MonitoredInterface* mi = c.interface();
    if (!mi) return;
    c.ok([&](Json& w) { write_data(c, w, *mi, summary, true); });
  }};
}

}  // namespace wl
