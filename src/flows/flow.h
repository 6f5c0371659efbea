#pragma once
// One bidirectional flow: a small struct of components. Direction 0 is
// client to server, 1 is server to client.
#include <array>
#include <cstdint>
#include <memory>

#include "common/ip_address.h"
#include "common/lru_table.h"
#include "common/time.h"
#include "decode/packet.h"
#include "dpi/detector.h"
#include "dpi/dpi_result.h"
#include "flows/counters.h"
#include "flows/flow_key.h"
#include "flows/tcp_tracker.h"

namespace wl {

enum class FlowEndReason : uint8_t {
  kIdle, kTcpClosed, kNewSyn, kActiveTimeout, kEvicted, kEndOfInput
};
const char* flow_end_reason_name(FlowEndReason r);

struct TunnelInfo {
  TunnelType type = TunnelType::kNone;
  IpAddress src, dst;
  uint32_t id = 0;
};

// Throughput over the last full second of packet time, and its peak.
struct Throughput {
  int64_t second = -1;
  uint64_t bytes_this_second = 0;
  uint64_t last_bps = 0;
  uint64_t peak_bps = 0;
  uint32_t packets_this_second = 0, last_pps = 0;
  void add(Micros ts, uint64_t bytes);
  uint64_t peak() const { return bytes_this_second * 8 > peak_bps ? bytes_this_second * 8 : peak_bps; }
  // Bits and packets per second of the last complete second as of `now`.
  uint64_t bps_at(Micros now) const {
    int64_t s = now / kMicrosPerSecond;
    return second == s - 1 ? bytes_this_second * 8 : second == s ? last_bps : 0;
  }
  uint64_t pps_at(Micros now) const {
    int64_t s = now / kMicrosPerSecond;
    return second == s - 1 ? packets_this_second : second == s ? last_pps : 0;
  }
};

struct Flow {
  FlowKey key;
  bool client_is_lo = true;  // which key side is the client
  Micros first_seen = 0, last_seen = 0;

  DirectionCounters dir[2];
  uint8_t tcp_flags[2] = {0, 0};
  InterArrival iat[2];
  TcpTracker tcp;
  Throughput throughput;
  std::unique_ptr<TunnelInfo> tunnel;  // only tunnelled flows pay for it
  MacAddress mac[2];  // client, server (from the outermost Ethernet header)

  uint32_t host[2] = {kNoSlot, kNoSlot};  // client, server host slots in the shard

  // Application detection: state only while detection runs, then dropped.
  DpiResult dpi;
  DpiFlowHandle dpi_state;
  std::unique_ptr<FlowMetadata> meta;
  // Traffic already added to the application statistics; the rest is added
  // at most once a second of packet time, and at the flow's end.
  uint64_t l7_packets[2] = {0, 0}, l7_bytes[2] = {0, 0};
  Micros l7_next = 0;

  // Export state: the counters already reported by partial records; only
  // flows that lived past the active timeout pay for it.
  std::unique_ptr<std::array<DirectionCounters, 2>> exported;
  Micros interval_start = 0;    // first packet time of the current record interval
  Micros next_partial_at = 0;   // next active-timeout boundary
  uint32_t partial_records = 0;

  uint32_t lru_prev = kNoSlot, lru_next = kNoSlot;

  // Side of the packet's sender: 0 when the sender is the client.
  int direction_of(bool src_is_lo) const { return src_is_lo == client_is_lo ? 0 : 1; }
  const IpAddress& client_ip() const { return client_is_lo ? key.lo_ip : key.hi_ip; }
  const IpAddress& server_ip() const { return client_is_lo ? key.hi_ip : key.lo_ip; }
  uint16_t client_port() const { return client_is_lo ? key.lo_port : key.hi_port; }
  uint16_t server_port() const { return client_is_lo ? key.hi_port : key.lo_port; }
  // Counters since the last partial record.
  DirectionCounters unreported(int d) const { return exported ? dir[d] - (*exported)[d] : dir[d]; }
  bool bidirectional() const { return dir[0].packets > 0 && dir[1].packets > 0; }
};

}  // namespace wl
