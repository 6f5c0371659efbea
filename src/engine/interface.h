#pragma once
// One monitored input (-i): a packet source, the capture thread that owns the
// interface clock, and k shards fed through SPSC rings.
#include <atomic>
#include <functional>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "capture/pcap_source.h"
#include "decode/decode_error.h"
#include "engine/second_series.h"
#include "engine/shard_worker.h"
#include "hosts/host_names.h"
#include "hosts/local_networks.h"

namespace wl {

struct InterfaceConfig {
  int id = 0;
  std::string source;  // file path or device name
  bool is_file = false;
  int workers = 1;
  ShardConfig shard;   // caps already divided among the workers
  bool original_speed = false;
  bool progress = false;
  std::string bpf;
  LiveOptions live;
  // Files: keep the flows in memory after the last packet so they can be
  // explored (the web server); they end at shutdown.
  bool keep_flows_at_end = false;
};

// Written by the capture thread only; read once it has finished.
struct InterfaceStats {
  uint64_t packets = 0, bytes = 0;
  DecodeErrorCounters errors{};
  uint64_t drops = 0;
  Micros first_ts = -1, last_ts = -1;
  uint64_t peak_pps = 0, peak_bps = 0;
  bool read_error = false;  // the file is damaged: reading stopped early
  std::string read_error_text;
  double wall_seconds = 0;
  int linktype = 0;
  std::string linktype_name;
};

// What readers (the REST API) may see while capture runs: a copy published
// by the capture thread a few times a second.
struct InterfaceLive {
  uint64_t packets = 0, bytes = 0, drops = 0;
  DecodeErrorCounters errors{};
  Micros first_ts = -1, clock = 0;  // clock: packet time of files, wall time live
  bool finished = false;
  SecondSeries seconds;
};

class Interface {
 public:
  Interface(InterfaceConfig cfg, LocalNetworks local, FlowSink* sink);
  ~Interface();

  bool open(std::string& error);
  void start();
  void request_stop() { stop_.store(true, std::memory_order_release); }
  // Waits for the capture thread: input read (or stopped), every flow flushed.
  void join();
  bool finished() const { return finished_.load(std::memory_order_acquire); }

  // Runs fn on every shard's own thread, one after the other, and waits.
  void for_each_shard(const std::function<void(const Shard&)>& fn);
  void stop_workers();

  const InterfaceConfig& config() const { return cfg_; }
  const InterfaceStats& stats() const { return stats_; }
  const LocalNetworks& local_networks() const { return local_; }
  const HostNameCache& host_names() const { return names_; }
  InterfaceLive live() const;
  // Flows kept in memory after the end of a file (keep_flows_at_end) end now.
  void end_kept_flows();

 private:
  void capture_loop();
  void add_packet(const DecodedPacket& pkt, const uint8_t* frame, Micros ts, uint32_t wire_len);
  void seal(size_t shard, Micros clock);
  void seal_all(Micros clock);
  void finish_input(Micros clock);
  void show_progress(double elapsed, bool final);
  void publish(Micros clock, Micros first_ts, bool finished);

  InterfaceConfig cfg_;
  LocalNetworks local_;
  HostNameCache names_;
  FlowSink* sink_;
  PcapSource source_;
  std::vector<std::unique_ptr<ShardWorker>> workers_;
  std::vector<Batch*> current_;
  InterfaceStats stats_;
  SecondSeries seconds_;
  mutable std::mutex live_mu_;
  InterfaceLive live_;
  std::chrono::steady_clock::time_point last_publish_{};
  bool flows_kept_ = false;
  std::atomic<bool> stop_{false};
  std::atomic<bool> finished_{false};
  std::thread thread_;
};

}  // namespace wl
