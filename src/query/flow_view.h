#pragma once
// A flow as readers see it: a value copied out of a shard on the shard's own
// thread, so the REST layer never holds a pointer into a live table.
#include <cstdint>
#include <memory>
#include <string>

#include "common/time.h"
#include "flows/flow.h"

namespace wl {

struct FlowView {
  uint32_t shard = 0, slot = 0;  // with `hash`, identifies a live flow
  uint64_t hash = 0;             // FlowKeyHash of the key
  FlowKey key;
  IpAddress cli, srv;
  uint16_t cli_port = 0, srv_port = 0;
  bool cli_local = false, srv_local = false;
  bool cli_in_l2 = false, srv_in_l2 = false;  // the host was seen on the local L2 (has a MAC)
  Micros first_seen = 0, last_seen = 0;
  DirectionCounters dir[2];
  uint8_t tcp_flags[2] = {0, 0};
  TcpState tcp_state = TcpState::kNone;
  bool tcp_reset = false;
  double cli_latency_ms = -1, srv_latency_ms = -1;  // < 0: handshake not seen
  uint64_t bps = 0, pps = 0, peak_bps = 0;          // bits/s, packets/s (last second)
  DpiResult dpi;
  uint16_t score = 0;
  std::string info;  // SNI, HTTP host/URL, DNS query: what the flow was about
  InterArrival iat[2];
  MacAddress mac[2];
  bool tunnelled = false;
  std::shared_ptr<const FlowMetadata> meta;  // only when asked for (flow detail)

  uint64_t bytes() const { return dir[0].bytes + dir[1].bytes; }
  uint64_t packets() const { return dir[0].packets + dir[1].packets; }
  Micros duration() const { return last_seen - first_seen; }
};

// What the flow list shows as "info": the most telling text field.
std::string flow_info(const Flow& f);
FlowView make_flow_view(const Flow& f, uint32_t shard, uint32_t slot, Micros now, bool with_meta,
                        bool cli_local, bool srv_local);

}  // namespace wl
