#include "query/flow_view.h"

#include "dpi/risk_table.h"

namespace wl {

std::string flow_info(const Flow& f) {
  if (!f.meta) return {};
  for (Meta k : {Meta::kTlsServerName, Meta::kHttpHost, Meta::kDnsQuery, Meta::kHostName, Meta::kDhcpHostName,
                 Meta::kNetbiosName, Meta::kSshClientBanner}) {
    std::string_view v = f.meta->get(k);
    if (v.empty()) continue;
    if (k == Meta::kHttpHost) return std::string(v) + std::string(f.meta->get(Meta::kHttpUrl));
    return std::string(v);
  }
  return {};
}

FlowView make_flow_view(const Flow& f, uint32_t shard, uint32_t slot, Micros now, bool with_meta,
                        bool cli_local, bool srv_local) {
  FlowView v;
  v.shard = shard;
  v.slot = slot;
  v.hash = FlowKeyHash{}(f.key);
  v.key = f.key;
  v.cli = f.client_ip();
  v.srv = f.server_ip();
  v.cli_port = f.client_port();
  v.srv_port = f.server_port();
  v.cli_local = cli_local;
  v.srv_local = srv_local;
  v.first_seen = f.first_seen;
  v.last_seen = f.last_seen;
  for (int d = 0; d < 2; ++d) {
    v.dir[d] = f.dir[d];
    v.tcp_flags[d] = f.tcp_flags[d];
    v.iat[d] = f.iat[d];
    v.mac[d] = f.mac[d];
  }
  if (f.key.proto == 6) {
    v.tcp_state = f.tcp.state();
    v.tcp_reset = f.tcp.reset();
    v.cli_latency_ms = f.tcp.client_latency_ms();
    v.srv_latency_ms = f.tcp.server_latency_ms();
  }
  v.bps = f.throughput.bps_at(now);
  v.pps = f.throughput.pps_at(now);
  v.peak_bps = f.throughput.peak();
  v.dpi = f.dpi;
  v.score = risk_score(f.dpi.risk).total;
  v.info = flow_info(f);
  v.tunnelled = f.tunnel != nullptr;
  if (with_meta && f.meta) v.meta = std::make_shared<FlowMetadata>(*f.meta);
  return v;
}

}  // namespace wl
