// GET get/flow/data.lua (wirelens): one active flow in full, for the flow
// detail page. The flow is named as the list names it: `flow_key` (key) and
// `flow_hash_id` (hash_id), the parameter names of ntopng's flow details page.
#include "dpi/dns_message.h"
#include "dpi/protocol_catalog.h"
#include "dpi/risk_table.h"
#include "query/flow_query.h"
#include "query/host_query.h"
#include "rest/flow_json.h"
#include "rest/routes.h"

namespace wl {

namespace {

void write_peer(Json& w, const char* key, const IpAddress& ip, uint16_t port, const std::string& name, bool local,
                const MacAddress& mac) {
  jkey(w, key);
  w.StartObject();
  kv(w, "ip", ip.to_string());
  kv(w, "port", static_cast<unsigned>(port));
  kv(w, "name", name);
  kv(w, "local", local);
  kv(w, "mac", mac.is_zero() ? std::string() : mac.to_string());
  w.EndObject();
}

void write_direction(Json& w, const char* key, const DirectionCounters& d, uint8_t flags, const InterArrival& iat) {
  jkey(w, key);
  w.StartObject();
  kv(w, "packets", d.packets);
  kv(w, "bytes", d.bytes);
  kv(w, "payload_bytes", d.payload_bytes);
  kv(w, "fragments", d.fragments);
  kv(w, "retransmissions", d.retransmissions);
  kv(w, "out_of_order", d.out_of_order);
  kv(w, "lost", d.lost);
  kv(w, "zero_window", d.zero_window);
  kv(w, "tcp_flags", tcp_flags_text(flags));
  jkey(w, "iat");
  w.StartObject();
  kv(w, "samples", iat.samples);
  kv(w, "min_ms", iat.samples ? iat.min_us / 1000.0 : 0.0);
  kv(w, "avg_ms", iat.samples ? static_cast<double>(iat.sum_us) / iat.samples / 1000.0 : 0.0);
  kv(w, "max_ms", iat.samples ? iat.max_us / 1000.0 : 0.0);
  w.EndObject();
  w.EndObject();
}

using MetaFields = std::initializer_list<std::pair<const char*, Meta>>;

void write_fields(Json& w, const FlowMetadata& m, MetaFields fields) {
  for (const auto& [name, k] : fields)
    if (m.text.has(k)) kv(w, name, std::string(m.get(k)));
}

// A metadata section: only the fields present, and only when one is.
void write_section(Json& w, const char* key, const FlowMetadata& m, MetaFields fields) {
  bool any = false;
  for (const auto& [name, k] : fields) any = any || m.text.has(k);
  if (!any) return;
  jkey(w, key);
  w.StartObject();
  write_fields(w, m, fields);
  w.EndObject();
}

void write_metadata(Json& w, const FlowMetadata& m) {
  if (m.text.has(Meta::kDnsQuery) || m.dns_answered) {
    jkey(w, "dns");
    w.StartObject();
    kv(w, "query", std::string(m.get(Meta::kDnsQuery)));
    kv(w, "query_type", dns_type_string(m.dns_query_type));
    kv(w, "answered", m.dns_answered);
    kv(w, "rcode", m.dns_answered ? dns_rcode_string(m.dns_rcode) : std::string());
    jkey(w, "answers");
    w.StartArray();
    for (const auto& a : m.dns_answers) w.String(a.to_string().c_str());
    w.EndArray();
    w.EndObject();
  }
  bool http = m.http_status || m.text.has(Meta::kHttpHost) || m.text.has(Meta::kHttpUrl) ||
              m.text.has(Meta::kHttpMethod) || m.text.has(Meta::kHttpUserAgent) || m.text.has(Meta::kHttpContentType);
  if (http) {
    jkey(w, "http");
    w.StartObject();
    write_fields(w, m, {{"host", Meta::kHttpHost}, {"url", Meta::kHttpUrl}, {"method", Meta::kHttpMethod},
                        {"user_agent", Meta::kHttpUserAgent}, {"content_type", Meta::kHttpContentType}});
    if (m.http_status) kv(w, "status", static_cast<unsigned>(m.http_status));
    w.EndObject();
  }
  bool tls = m.text.has(Meta::kTlsServerName) || m.text.has(Meta::kTlsVersion) || m.text.has(Meta::kJa3c) ||
             m.text.has(Meta::kJa4c) || m.tls_cipher;
  if (tls) {
    jkey(w, "tls");
    w.StartObject();
    write_fields(w, m, {{"sni", Meta::kTlsServerName}, {"version", Meta::kTlsVersion}, {"alpn", Meta::kTlsAlpn},
                        {"ja3c", Meta::kJa3c}, {"ja3s", Meta::kJa3s}, {"ja4c", Meta::kJa4c},
                        {"issuer", Meta::kTlsIssuer}, {"subject", Meta::kTlsSubject}});
    if (m.tls_not_before) kv(w, "not_before", m.tls_not_before);
    if (m.tls_not_after) kv(w, "not_after", m.tls_not_after);
    if (m.tls_cipher) kv(w, "cipher", static_cast<unsigned>(m.tls_cipher));
    w.EndObject();
  }
  write_section(w, "ssh", m, {{"client_banner", Meta::kSshClientBanner}, {"server_banner", Meta::kSshServerBanner},
                              {"hassh_client", Meta::kHasshClient}, {"hassh_server", Meta::kHasshServer}});
  write_section(w, "dhcp", m, {{"host_name", Meta::kDhcpHostName}, {"vendor_class", Meta::kDhcpVendorClass},
                               {"fingerprint", Meta::kDhcpFingerprint}});
  write_section(w, "netbios", m, {{"name", Meta::kNetbiosName}});
}

void write_flow(Json& w, const FlowView& f, Interface& iface) {
  const ProtocolCatalog& cat = ProtocolCatalog::instance();
  w.StartObject();
  kv(w, "key", std::to_string(static_cast<uint32_t>(f.hash)));
  kv(w, "hash_id", std::to_string((static_cast<uint64_t>(f.shard) << 32) | f.slot));
  kv(w, "vlan", static_cast<unsigned>(f.key.vlan));
  kv(w, "first_seen", static_cast<long long>(f.first_seen / kMicrosPerSecond));
  kv(w, "last_seen", static_cast<long long>(f.last_seen / kMicrosPerSecond));
  kv(w, "duration", static_cast<long long>(f.duration() / kMicrosPerSecond));
  write_peer(w, "client", f.cli, f.cli_port, best_name(iface.host_names().names_of(f.cli)), f.cli_local, f.mac[0]);
  write_peer(w, "server", f.srv, f.srv_port, server_display_name(f, best_name(iface.host_names().names_of(f.srv))),
             f.srv_local, f.mac[1]);
  jkey(w, "protocol");
  w.StartObject();
  kv(w, "l4", l4_proto_name(f.key.proto));
  kv(w, "l4_id", static_cast<unsigned>(f.key.proto));
  kv(w, "l7", cat.flow_protocol_name(f.dpi.master, f.dpi.app));
  kv(w, "master", std::string(cat.protocol_name(f.dpi.master)));
  kv(w, "app", std::string(cat.protocol_name(f.dpi.app)));
  kv(w, "category", std::string(cat.category_name(f.dpi.category)));
  kv(w, "breed", std::string(cat.breed(f.dpi.effective())));
  kv(w, "confidence", confidence_name(f.dpi.confidence));
  kv(w, "guessed", f.dpi.guessed);
  kv(w, "detection_completed", f.dpi.done);
  w.EndObject();
  kv(w, "bytes", f.bytes());
  kv(w, "packets", f.packets());
  write_direction(w, "cli2srv", f.dir[0], f.tcp_flags[0], f.iat[0]);
  write_direction(w, "srv2cli", f.dir[1], f.tcp_flags[1], f.iat[1]);
  jkey(w, "thpt");
  w.StartObject();
  kv(w, "bps", static_cast<double>(f.bps));
  kv(w, "pps", static_cast<double>(f.pps));
  kv(w, "peak_bps", static_cast<double>(f.peak_bps));
  w.EndObject();
  uint64_t payload = f.dir[0].payload_bytes + f.dir[1].payload_bytes;
  kv(w, "goodput_bytes", payload);
  kv(w, "goodput_ratio", f.bytes() ? static_cast<double>(payload) / static_cast<double>(f.bytes()) : 0.0);
  if (f.key.proto == 6) {
    jkey(w, "tcp");
    w.StartObject();
    kv(w, "state", tcp_state_name(f.tcp_state));
    kv(w, "reset", f.tcp_reset);
    kv(w, "cli_latency_ms", f.cli_latency_ms);
    kv(w, "srv_latency_ms", f.srv_latency_ms);
    bool both = f.cli_latency_ms >= 0 && f.srv_latency_ms >= 0;
    kv(w, "rtt_ms", both ? f.cli_latency_ms + f.srv_latency_ms : -1.0);
    w.EndObject();
  }
  kv(w, "tunnelled", f.tunnelled);
  kv(w, "score", static_cast<unsigned>(f.score));
  jkey(w, "risks");
  w.StartArray();
  for (uint8_t id = 1; id <= kMaxRiskId; ++id) {
    if (!(f.dpi.risk & (uint64_t{1} << id))) continue;
    const RiskInfo* r = risk_info(id);
    w.StartObject();
    kv(w, "id", static_cast<unsigned>(id));
    kv(w, "name", r->label);
    kv(w, "severity", severity_name(r->severity));
    kv(w, "score", static_cast<unsigned>(r->score()));
    w.EndObject();
  }
  w.EndArray();
  kv(w, "info", f.info);
  if (f.meta) write_metadata(w, *f.meta);
  w.EndObject();
}

}  // namespace

void register_flow_data(Routes& r) {
  r["get/flow/data.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = c.interface();
    if (!mi) return;
    auto key = c.params.number("flow_key");
    auto hash_id = c.params.number("flow_hash_id");
    if (!key || !hash_id || *key < 0 || *hash_id < 0)
      return c.error(RestCode::kInvalidArguments, "flow_key and flow_hash_id (from the flow list) are required");
    uint64_t id = static_cast<uint64_t>(*hash_id);
    auto f = find_flow(*mi->iface, static_cast<uint64_t>(*key), static_cast<uint32_t>(id >> 32),
                       static_cast<uint32_t>(id));
    // A restricted user sees a flow only when one end is in an allowed network.
    auto allowed = c.allowed();
    if (f && allowed && !allowed->contains(f->cli) && !allowed->contains(f->srv)) f.reset();
    if (!f) return c.error(RestCode::kNotFound, "No such active flow (it may have ended)");
    c.ok([&](Json& w) { write_flow(w, *f, *mi->iface); });
  }};
}

}  // namespace wl
