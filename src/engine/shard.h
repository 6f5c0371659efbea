#pragma once
// A shard: the single-threaded owner of a flow table, a host table and their
// counters. It is driven by packets and by the interface clock; it knows
// nothing about threads (see shard_worker.h), so tests can drive it directly.
#include <array>
#include <chrono>
#include <cstdint>
#include <string>

#include "engine/batch.h"
#include "dpi/detector.h"
#include "engine/fragment_table.h"
#include "engine/l7_totals.h"
#include "flows/flow_table.h"
#include "history/flow_record.h"
#include "history/flow_sink.h"
#include "hosts/host_names.h"
#include "hosts/host_table.h"

namespace wl {

struct ShardConfig {
  uint32_t max_flows = 1 << 20;
  uint32_t max_hosts = 1 << 18;
  Micros flow_idle = seconds(60);
  Micros tcp_close_grace = seconds(10);
  Micros active_timeout = seconds(300);  // partial record every 300 s of life
  bool purge_idle = true;                // off when reading a file
  bool dpi = true;                       // application detection (--no-dpi turns it off)
  HostPolicy hosts;
  int interface_id = 0;
  std::string interface_name;  // for log lines
  HostNameCache* names = nullptr;  // the interface's, shared by its shards
};

struct ShardCounters {
  uint64_t packets = 0, bytes = 0;
  uint64_t untracked_packets = 0, untracked_bytes = 0;  // no flow could be created
  uint64_t orphan_fragments = 0;
  uint64_t flows_created = 0, flows_ended = 0, flows_evicted = 0, flows_refused = 0;
  uint64_t partial_records = 0, records = 0;
  uint64_t flows_detected = 0;  // detection ended (found, or gave up)
  uint64_t tcp_retransmissions = 0, tcp_out_of_order = 0, tcp_lost = 0;
  uint64_t risky_flows = 0;  // gauge: flows in the table whose detection found a risk
  // Traffic between local and remote hosts (upload = local to remote).
  uint64_t local2remote_bytes = 0, remote2local_bytes = 0, local2remote_packets = 0, remote2local_packets = 0;
  std::array<uint64_t, kDscpClasses> dscp_packets{};

  void add(const ShardCounters& o);
};

class Shard {
 public:
  Shard(const ShardConfig& cfg, const LocalNetworks& local, FlowSink* sink);
  ~Shard();

  // Takes the packet by reference: a later fragment gets its ports filled in.
  void process(PacketRef& p);
  // The interface clock moved on: end idle flows, purge idle hosts.
  void advance_clock(Micros now);
  // End every flow (end of a file, shutdown) and hand records to the sink.
  void end_all(FlowEndReason reason);
  // The input ended but flows stay in memory to be explored: detection ends
  // (nDPI's best guess, as at a flow's end) and every flow's traffic is
  // added to the application statistics, so hosts and interface add up.
  void settle();
  void flush_output();

  const ShardCounters& counters() const { return counters_; }
  const FlowTable& flows() const { return flows_; }
  const HostTable& hosts() const { return hosts_; }
  const Detector* detector() const { return dpi_.get(); }
  const L7Totals& l7() const { return l7_; }
  // Bytes sent by local hosts per second of the clock (last 600 s): with the
  // interface's per-second totals it splits traffic into sent and received.
  uint64_t local_sent_at(int64_t second) const {
    size_t i = static_cast<size_t>(second) % kSentSeconds;
    return sent_second_[i] == second ? sent_bytes_[i] : 0;
  }
  Micros clock() const { return clock_; }

 private:
  uint32_t create_flow(const FlowKey& key, bool src_is_lo, const PacketRef& p);
  bool make_room(Micros now);
  void update_flow(uint32_t slot, int dir, const PacketRef& p, bool later_fragment);
  void account_host_detail(const Flow& f, int dir, const PacketRef& p, const TcpHealth (&tcp_delta)[2]);
  void end_flow(uint32_t slot, FlowEndReason reason);
  void emit(Flow& f, FlowEndReason reason, bool final);
  void inspect(Flow& f, const PacketRef& p, int dir);
  // The transport payload inside the packet's copied bytes, or null.
  static const uint8_t* payload_of(const PacketRef& p);
  void detection_done(Flow& f);
  // Application/category accounting of the interface and the two hosts:
  // adds the flow's traffic since the last call.
  void account_l7(Flow& f, uint32_t new_flows);
  void emit_partial(Flow& f, Micros now);
  // Why an existing flow must end before this packet, if it must.
  bool ended_before(const Flow& f, const PacketRef& p, FlowEndReason& reason) const;
  bool idle_expired(const Flow& f, Micros now, FlowEndReason& reason) const;
  void purge_flows(Micros now);
  // A full table is worth a log line, at most one a second.
  void log_table_pressure();

  ShardConfig cfg_;
  const LocalNetworks& local_;
  FlowSink* sink_;
  FlowTable flows_;
  HostTable hosts_;
  FragmentTable fragments_;
  std::unique_ptr<Detector> dpi_;  // null with --no-dpi
  L7Totals l7_;
  static constexpr size_t kSentSeconds = 600;
  std::array<int64_t, kSentSeconds> sent_second_{};
  std::array<uint64_t, kSentSeconds> sent_bytes_{};
  ShardCounters counters_;
  std::string out_;  // records waiting for the sink
  Micros clock_ = 0;
  Micros next_flow_purge_ = 0, next_host_purge_ = 0;
  std::chrono::steady_clock::time_point last_pressure_log_{};
};

}  // namespace wl
