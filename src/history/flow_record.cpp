#include "history/flow_record.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

#include "common/utf8.h"
#include "dpi/detector.h"
#include "dpi/risk_table.h"

namespace wl {

namespace {
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void kv(Writer& w, const char* k, uint64_t v) { w.Key(k); w.Uint64(v); }
void kv_ms(Writer& w, const char* k, double ms) {
  w.Key(k);
  w.Double(std::round(ms * 1000.0) / 1000.0);
}
void kv(Writer& w, const char* k, std::string_view v) {
  w.Key(k);
  std::string clean = sanitize_utf8(v);
  w.String(clean.c_str(), static_cast<rapidjson::SizeType>(clean.size()));
}
void kv_nonempty(Writer& w, const char* k, std::string_view v) {
  if (!v.empty()) kv(w, k, v);
}

void append_l7(Writer& w, const Flow& f, const Detector& dpi) {
  const DpiResult& r = f.dpi;
  kv(w, "L7_PROTO", Detector::protocol_id_string(r));
  kv(w, "L7_PROTO_NAME", dpi.protocol_name(r));
  kv(w, "L7_CATEGORY", std::string(dpi.category_name(r.category)));
  kv(w, "L7_CATEGORY_ID", r.category);
  kv(w, "L7_CONFIDENCE", static_cast<uint64_t>(r.confidence));
  kv(w, "L7_CONFIDENCE_NAME", std::string(confidence_name(r.confidence)));
  w.Key("L7_PROTO_GUESSED");
  w.Bool(r.guessed);
  w.Key("L7_DETECTION_COMPLETED");
  w.Bool(r.done);
  if (r.ip_match) {
    kv(w, "L7_IP_MATCH", r.ip_match);
    kv(w, "L7_IP_MATCH_NAME", std::string(dpi.name_of(r.ip_match)));
  }
  // Bit 0 is "no risk" in nDPI's numbering: never exported.
  uint64_t risk = r.risk & ~uint64_t{1};
  RiskScore score = risk_score(risk);
  kv(w, "L7_PROTO_RISK", risk);
  kv(w, "L7_PROTO_RISK_NAME", risk_names(risk));
  kv(w, "L7_RISK_SCORE", score.total);
  kv(w, "L7_RISK_SCORE_CLIENT", score.client);
  kv(w, "L7_RISK_SCORE_SERVER", score.server);
  if (!f.meta) return;
  const FlowMetadata& m = *f.meta;
  kv_nonempty(w, "HOST_NAME", m.get(Meta::kHostName));
  kv_nonempty(w, "TLS_SERVER_NAME", m.get(Meta::kTlsServerName));
  kv_nonempty(w, "TLS_VERSION", m.get(Meta::kTlsVersion));
  kv_nonempty(w, "TLS_ALPN", m.get(Meta::kTlsAlpn));
  if (m.tls_cipher) kv(w, "TLS_CIPHER", m.tls_cipher);
  kv_nonempty(w, "JA3C_HASH", m.get(Meta::kJa3c));
  kv_nonempty(w, "JA3S_HASH", m.get(Meta::kJa3s));
  kv_nonempty(w, "JA4C_HASH", m.get(Meta::kJa4c));
  kv_nonempty(w, "TLS_ISSUER_DN", m.get(Meta::kTlsIssuer));
  kv_nonempty(w, "TLS_SUBJECT_DN", m.get(Meta::kTlsSubject));
  if (m.tls_not_before) kv(w, "TLS_NOT_BEFORE", m.tls_not_before);
  if (m.tls_not_after) kv(w, "TLS_NOT_AFTER", m.tls_not_after);
  kv_nonempty(w, "HTTP_HOST", m.get(Meta::kHttpHost));
  kv_nonempty(w, "HTTP_URL", m.get(Meta::kHttpUrl));
  kv_nonempty(w, "HTTP_METHOD", m.get(Meta::kHttpMethod));
  kv_nonempty(w, "HTTP_USER_AGENT", m.get(Meta::kHttpUserAgent));
  kv_nonempty(w, "HTTP_CONTENT_TYPE", m.get(Meta::kHttpContentType));
  if (m.http_status) kv(w, "HTTP_RET_CODE", m.http_status);
  if (m.text.has(Meta::kDnsQuery)) {
    kv(w, "DNS_QUERY", m.get(Meta::kDnsQuery));
    kv(w, "DNS_QUERY_TYPE", m.dns_query_type);
    if (m.dns_answered) kv(w, "DNS_RET_CODE", m.dns_rcode);
  }
  if (!m.dns_answers.empty()) {
    w.Key("DNS_ANSWERS");
    w.StartArray();
    for (const IpAddress& a : m.dns_answers) {
      std::string s = a.to_string();
      w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
    }
    w.EndArray();
  }
  kv_nonempty(w, "SSH_CLIENT_BANNER", m.get(Meta::kSshClientBanner));
  kv_nonempty(w, "SSH_SERVER_BANNER", m.get(Meta::kSshServerBanner));
  kv_nonempty(w, "HASSHC_HASH", m.get(Meta::kHasshClient));
  kv_nonempty(w, "HASSHS_HASH", m.get(Meta::kHasshServer));
  kv_nonempty(w, "DHCP_CLIENT_NAME", m.get(Meta::kDhcpHostName));
  kv_nonempty(w, "DHCP_VENDOR_CLASS", m.get(Meta::kDhcpVendorClass));
  kv_nonempty(w, "DHCP_FINGERPRINT", m.get(Meta::kDhcpFingerprint));
  kv_nonempty(w, "NETBIOS_HOST_NAME", m.get(Meta::kNetbiosName));
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
  if (ctx.dpi) append_l7(w, f, *ctx.dpi);
  w.EndObject();
  out.append(sb.GetString(), sb.GetSize());
  out.push_back('\n');
}

}  // namespace wl
