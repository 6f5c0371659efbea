#include "history/flow_record.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

namespace wl {

namespace {
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void kv(Writer& w, const char* k, uint64_t v) { w.Key(k); w.Uint64(v); }
void kv(Writer& w, const char* k, const std::string& v) {
  w.Key(k);
  w.String(v.c_str(), static_cast<rapidjson::SizeType>(v.size()));
}
void kv_ms(Writer& w, const char* k, double ms) {
  w.Key(k);
  w.Double(std::round(ms * 1000.0) / 1000.0);
}
}  // namespace

void append_flow_record(std::string& out, const Flow& f, FlowEndReason reason, bool final,
                        const FlowRecordContext& ctx) {
  rapidjson::StringBuffer sb;
  Writer w(sb);
  const DirectionCounters c2s = f.unreported(0);
  const DirectionCounters s2c = f.unreported(1);
  const bool v4 = f.key.lo_ip.is_v4();
  const Micros start = f.interval_start;

  w.StartObject();
  kv(w, v4 ? "IPV4_SRC_ADDR" : "IPV6_SRC_ADDR", f.client_ip().to_string());
  kv(w, v4 ? "IPV4_DST_ADDR" : "IPV6_DST_ADDR", f.server_ip().to_string());
  kv(w, "L4_SRC_PORT", f.client_port());
  kv(w, "L4_DST_PORT", f.server_port());
  kv(w, "PROTOCOL", f.key.proto);
  kv(w, "IP_PROTOCOL_VERSION", v4 ? 4 : 6);
  kv(w, "SRC_VLAN", f.key.vlan);
  kv(w, "IN_PKTS", c2s.packets);
  kv(w, "IN_BYTES", c2s.bytes);
  kv(w, "OUT_PKTS", s2c.packets);
  kv(w, "OUT_BYTES", s2c.bytes);
  kv(w, "IN_PAYLOAD_BYTES", c2s.payload_bytes);
  kv(w, "OUT_PAYLOAD_BYTES", s2c.payload_bytes);
  kv(w, "SRC_FRAGMENTS", c2s.fragments);
  kv(w, "DST_FRAGMENTS", s2c.fragments);
  kv(w, "FIRST_SWITCHED", static_cast<uint64_t>(start / kMicrosPerSecond));
  kv(w, "LAST_SWITCHED", static_cast<uint64_t>(f.last_seen / kMicrosPerSecond));
  kv(w, "FLOW_START_MICROSECONDS", static_cast<uint64_t>(start));
  kv(w, "FLOW_END_MICROSECONDS", static_cast<uint64_t>(f.last_seen));
  kv(w, "FLOW_END_REASON", std::string(flow_end_reason_name(reason)));
  w.Key("PARTIAL");
  w.Bool(!final);
  kv(w, "INTERFACE_ID", static_cast<uint64_t>(ctx.interface_id));
  w.Key("SRC_LOCAL");
  w.Bool(ctx.client_local);
  w.Key("DST_LOCAL");
  w.Bool(ctx.server_local);

  if (f.key.proto == 6) {
    kv(w, "TCP_FLAGS", f.tcp_flags[0] | f.tcp_flags[1]);
    kv(w, "CLIENT_TCP_FLAGS", f.tcp_flags[0]);
    kv(w, "SERVER_TCP_FLAGS", f.tcp_flags[1]);
    if (double ms = f.tcp.client_latency_ms(); ms >= 0) kv_ms(w, "CLIENT_NW_LATENCY_MS", ms);
    if (double ms = f.tcp.server_latency_ms(); ms >= 0) kv_ms(w, "SERVER_NW_LATENCY_MS", ms);
    kv(w, "RETRANSMITTED_IN_PKTS", c2s.retransmissions);
    kv(w, "RETRANSMITTED_OUT_PKTS", s2c.retransmissions);
    kv(w, "OOORDER_IN_PKTS", c2s.out_of_order);
    kv(w, "OOORDER_OUT_PKTS", s2c.out_of_order);
    kv(w, "IN_LOST", c2s.lost);
    kv(w, "OUT_LOST", s2c.lost);
    kv(w, "ZERO_WINDOW_IN", c2s.zero_window);
    kv(w, "ZERO_WINDOW_OUT", s2c.zero_window);
    kv(w, "TCP_WIN_MAX_IN", f.tcp.max_window(0));
    kv(w, "TCP_WIN_MAX_OUT", f.tcp.max_window(1));
    kv(w, "TCP_STATE", std::string(tcp_state_name(f.tcp.state())));
  }
  for (int d = 0; d < 2; ++d) {
    const InterArrival& iat = f.iat[d];
    if (iat.samples == 0) continue;
    kv(w, d == 0 ? "IN_IAT_MIN_US" : "OUT_IAT_MIN_US", static_cast<uint64_t>(iat.min_us));
    kv(w, d == 0 ? "IN_IAT_AVG_US" : "OUT_IAT_AVG_US", static_cast<uint64_t>(iat.avg_us()));
    kv(w, d == 0 ? "IN_IAT_MAX_US" : "OUT_IAT_MAX_US", static_cast<uint64_t>(iat.max_us));
  }
  kv(w, "PEAK_THROUGHPUT_BPS", f.throughput.peak());
  if (!f.mac[0].is_zero()) kv(w, "IN_SRC_MAC", f.mac[0].to_string());
  if (!f.mac[1].is_zero()) kv(w, "OUT_DST_MAC", f.mac[1].to_string());
  if (f.tunnel) {
    kv(w, "TUNNEL_TYPE", std::string(tunnel_type_name(f.tunnel->type)));
    kv(w, "TUNNEL_SRC_ADDR", f.tunnel->src.to_string());
    kv(w, "TUNNEL_DST_ADDR", f.tunnel->dst.to_string());
    kv(w, "TUNNEL_ID", f.tunnel->id);
  }
  w.EndObject();
  out.append(sb.GetString(), sb.GetSize());
  out.push_back('\n');
}

}  // namespace wl
