// GET|POST get/timeseries/ts.lua (compat doc 6.25). Served from the
// interface's in-memory 1-second ring (the last 10 minutes): iface:traffic,
// iface:traffic_rxtx and iface:packets. Other schemas have no stored data
// yet and answer an empty, correctly shaped result (the timeseries issue).
#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>

#include "query/interface_query.h"
#include "rest/routes.h"

namespace wl {

namespace {

struct Series {
  std::string id;
  std::vector<std::optional<double>> data;
};

std::map<std::string, std::string> parse_tags(const std::string& q) {
  std::map<std::string, std::string> tags;
  size_t start = 0;
  while (start < q.size()) {
    size_t end = q.find(',', start);
    std::string pair = q.substr(start, end == std::string::npos ? std::string::npos : end - start);
    size_t colon = pair.find(':');
    if (colon != std::string::npos) tags[pair.substr(0, colon)] = pair.substr(colon + 1);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return tags;
}

struct Stats {
  double total = 0, average = 0, p95 = 0, min = 0, max = 0;
  size_t min_idx = 0, max_idx = 0;
};

Stats stats_of(const std::vector<std::optional<double>>& d, int64_t step) {
  Stats s;
  std::vector<double> vals;
  for (size_t i = 0; i < d.size(); ++i) {
    if (!d[i]) continue;
    double v = *d[i];
    if (vals.empty() || v < s.min) { s.min = v; s.min_idx = i; }
    if (vals.empty() || v > s.max) { s.max = v; s.max_idx = i; }
    vals.push_back(v);
    s.total += v * static_cast<double>(step);
  }
  if (!vals.empty()) {
    s.average = s.total / static_cast<double>(step) / static_cast<double>(vals.size());
    std::sort(vals.begin(), vals.end());
    s.p95 = vals[std::min(vals.size() - 1, static_cast<size_t>(std::ceil(0.95 * static_cast<double>(vals.size()))) - 1)];
  }
  return s;
}

void write_stats_fields(Json& w, const Stats& s) {
  kv(w, "total", s.total);
  kv(w, "average", s.average);
  kv(w, "95th_percentile", s.p95);
  kv(w, "min_val", s.min);
  kv(w, "max_val", s.max);
  kv(w, "min_val_idx", static_cast<uint64_t>(s.min_idx));
  kv(w, "max_val_idx", static_cast<uint64_t>(s.max_idx));
}

void write_stats(Json& w, const Stats& s) {
  w.StartObject();
  write_stats_fields(w, s);
  w.EndObject();
}

void write_data(Json& w, const std::vector<std::optional<double>>& d) {
  w.StartArray();
  for (const auto& v : d) {
    if (v) w.Double(std::round(*v));
    else w.Null();
  }
  w.EndArray();
}

}  // namespace

void register_timeseries(Routes& r) {
  r["get/timeseries/ts.lua"] = {[](RestCall& c) {
    std::string schema = c.params.get_or("ts_schema", "");
    std::string query = c.params.get_or("ts_query", "");
    if (schema.empty() || query.empty()) return c.error(RestCode::kInvalidArguments, "ts_schema and ts_query are required");
    auto tags = parse_tags(query);
    // The interface comes from the ifid tag.
    if (!c.params.has("ifid") && tags.count("ifid")) c.params.set("ifid", tags["ifid"]);
    const MonitoredInterface* mi = c.interface();
    if (!mi) return;
    int64_t now = static_cast<int64_t>(std::time(nullptr));
    InterfaceLive live = mi->iface->live();
    // Files are shown on their own clock: "now" is the last packet's time.
    if (mi->iface->config().is_file) now = live.clock / kMicrosPerSecond;
    int64_t end = c.params.number("epoch_end").value_or(now);
    int64_t begin = c.params.number("epoch_begin").value_or(end - 3600);
    if (begin > end) return c.error(RestCode::kInvalidArguments, "epoch_begin is after epoch_end");
    int64_t limit = std::clamp<int64_t>(c.params.number("limit").value_or(60), 1, 10000);

    std::vector<Series> series;
    int64_t step = 1, first = begin;
    bool known = schema == "iface:traffic" || schema == "iface:traffic_rxtx" || schema == "iface:packets";
    if (known) {
      // Points exist only for the seconds still in the ring.
      int64_t ring_lo = live.clock / kMicrosPerSecond - static_cast<int64_t>(SecondSeries::kSeconds) + 1;
      if (live.first_ts >= 0) ring_lo = std::max(ring_lo, live.first_ts / kMicrosPerSecond);  // nothing before the first packet
      int64_t lo = std::max(begin, ring_lo), hi = std::min(end, live.clock / kMicrosPerSecond);
      if (lo <= hi) {
        int64_t span = hi - lo + 1;
        step = std::max<int64_t>(1, (span + limit - 1) / limit);
        first = lo - lo % step;
        std::vector<uint64_t> sent;
        if (schema == "iface:traffic_rxtx") {
          sent.assign(static_cast<size_t>(hi - first + 1), 0);
          mi->iface->for_each_shard([&](const Shard& sh) {
            for (int64_t s = first; s <= hi; ++s) sent[static_cast<size_t>(s - first)] += sh.local_sent_at(s);
          });
        }
        std::vector<std::string> ids = schema == "iface:traffic_rxtx" ? std::vector<std::string>{"bytes_sent", "bytes_rcvd"}
                                       : schema == "iface:packets"   ? std::vector<std::string>{"packets"}
                                                                     : std::vector<std::string>{"bytes"};
        for (const auto& id : ids) series.push_back({id, {}});
        for (int64_t t = first; t <= hi; t += step) {
          double acc[2] = {0, 0};
          bool any = false;
          for (int64_t s = t; s < t + step && s <= hi; ++s) {
            if (s < lo) continue;
            const SecondPoint* p = live.seconds.at(s);
            any = true;  // a second in the ring with no packet is a real zero
            uint64_t bytes = p ? p->bytes : 0, pkts = p ? p->packets : 0;
            if (schema == "iface:packets") acc[0] += static_cast<double>(pkts);
            else if (schema == "iface:traffic") acc[0] += static_cast<double>(bytes);
            else {
              uint64_t sb = std::min<uint64_t>(sent[static_cast<size_t>(s - first)], bytes);
              acc[0] += static_cast<double>(sb);
              acc[1] += static_cast<double>(bytes - sb);
            }
          }
          for (size_t i = 0; i < series.size(); ++i)
            series[i].data.push_back(any ? std::optional<double>(acc[i] / static_cast<double>(step)) : std::nullopt);
        }
      }
    }
    size_t points = series.empty() ? 0 : series[0].data.size();
    std::vector<Stats> st;
    for (const auto& s : series) st.push_back(stats_of(s.data, step));
    std::vector<std::optional<double>> sum(points);
    for (const auto& s : series)
      for (size_t i = 0; i < points; ++i)
        if (s.data[i]) sum[i] = sum[i].value_or(0) + *s.data[i];
    Stats top = stats_of(sum, step);

    auto write_legacy_stats = [&](Json& w) {
      w.StartObject();
      write_stats_fields(w, top);
      jkey(w, "by_serie");
      w.StartArray();
      for (const auto& s : st) write_stats(w, s);
      w.EndArray();
      w.EndObject();
    };
    c.ok([&](Json& w) {
      w.StartObject();
      if (!c.v1) {
        jkey(w, "metadata");
        w.StartObject();
        kv(w, "epoch_begin", static_cast<long long>(first));
        kv(w, "epoch_end", static_cast<long long>(first + step * static_cast<int64_t>(points ? points - 1 : 0)));
        kv(w, "epoch_step", static_cast<long long>(step));
        kv(w, "num_point", static_cast<uint64_t>(points));
        kv(w, "schema", schema);
        jkey(w, "query");
        w.StartObject();
        for (const auto& [k, v] : tags) kv(w, k, v);
        w.EndObject();
        w.EndObject();
      } else {
        kv(w, "schema", schema);
        jkey(w, "query");
        w.StartObject();
        for (const auto& [k, v] : tags) kv(w, k, v);
        w.EndObject();
        kv(w, "max_points", static_cast<long long>(limit));
        jkey(w, "additional_series");
        w.StartArray();
        w.EndArray();
      }
      // The legacy keys (v1 shape) ride along: the Python client reads them.
      kv(w, "start", static_cast<long long>(first));
      kv(w, "step", static_cast<long long>(step));
      kv(w, "count", static_cast<uint64_t>(points));
      jkey(w, "series");
      w.StartArray();
      for (size_t i = 0; i < series.size(); ++i) {
        w.StartObject();
        kv(w, "id", series[i].id);
        kv(w, "label", series[i].id);
        jkey(w, "tags");
        w.StartObject();
        for (const auto& [k, v] : tags) kv(w, k, v);
        w.EndObject();
        jkey(w, "data");
        write_data(w, series[i].data);
        jkey(w, "statistics");
        write_stats(w, st[i]);
        w.EndObject();
      }
      w.EndArray();
      jkey(w, "statistics");
      write_legacy_stats(w);
      w.EndObject();
    });
  }};
}

}  // namespace wl
