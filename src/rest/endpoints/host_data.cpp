// GET get/host/data.lua: one host's full record (compat doc 6.13).
#include "dpi/protocol_catalog.h"
#include "query/flow_query.h"
#include "query/host_query.h"
#include "rest/host_json.h"
#include "rest/host_param.h"
#include "rest/routes.h"

namespace wl {

namespace {

void write_flags(Json& w, const char* key, uint8_t f) {
  jkey(w, key);
  w.StartObject();
  kv(w, "SYN", (f & 0x02) != 0);
  kv(w, "ACK", (f & 0x10) != 0);
  kv(w, "FIN", (f & 0x01) != 0);
  kv(w, "RST", (f & 0x04) != 0);
  kv(w, "PSH", (f & 0x08) != 0);
  w.EndObject();
}

void write_flows(RestCall& c, Json& w, Interface& iface, const HostKey& key) {
  FlowQuery q;
  q.filter.host = key;
  q.filter.allowed = c.allowed();
  q.sort = FlowSortKey::kBytes;
  q.limit = c.params.number("limit") ? static_cast<size_t>(std::max<int64_t>(0, *c.params.number("limit"))) : SIZE_MAX;
  FlowPage page = query_flows(iface, q);
  const ProtocolCatalog& cat = ProtocolCatalog::instance();
  jkey(w, "flows");
  w.StartArray();
  for (const FlowView& f : page.rows) {
    w.StartObject();
    kv(w, "cli.ip", f.cli.to_string());
    kv(w, "srv.ip", f.srv.to_string());
    kv(w, "cli.port", static_cast<unsigned>(f.cli_port));
    kv(w, "srv.port", static_cast<unsigned>(f.srv_port));
    kv(w, "proto.ndpi_id", static_cast<unsigned>(f.dpi.effective()));
    kv(w, "proto.ndpi", cat.flow_protocol_name(f.dpi.master, f.dpi.app));
    kv(w, "bytes", f.bytes());
    // Per direction rates are not split yet: the flow's rate sits on the client side.
    kv(w, "cli2srv.throughput_bps", static_cast<double>(f.bps) / 8.0);
    kv(w, "srv2cli.throughput_bps", 0.0);
    kv(w, "cli2srv.throughput_pps", static_cast<double>(f.pps));
    kv(w, "srv2cli.throughput_pps", 0.0);
    if (f.key.proto == 6) {
      write_flags(w, "cli2srv.tcp_flags", f.tcp_flags[0]);
      write_flags(w, "srv2cli.tcp_flags", f.tcp_flags[1]);
      kv(w, "tcp_established", f.tcp_state == TcpState::kEstablished);
    }
    w.EndObject();
  }
  w.EndArray();
  jkey(w, "ndpiThroughputStats");
  empty_map(w);
  kv(w, "flows_count", static_cast<uint64_t>(page.rows.size()));
}

}  // namespace

void register_host_data(Routes& r) {
  r["get/host/data.lua"] = {[](RestCall& c) {
    const MonitoredInterface* mi = nullptr;
    auto h = requested_host(c, mi);
    if (!h) return;
    bool host_stats = c.params.boolean("host_stats").value_or(true);
    bool with_flows = !c.params.get_or("host_stats_flows", "").empty();
    c.ok([&](Json& w) {
      w.StartObject();
      if (host_stats) write_host_fields(w, *h, mi->ifid, mi->iface->local_networks());
      if (with_flows) write_flows(c, w, *mi->iface, h->host.key);
      w.EndObject();
    });
  }};
}

}  // namespace wl
