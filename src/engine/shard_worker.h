#pragma once
// Runs one Shard on its own thread. Packets arrive in batches through an SPSC
// ring; readers post queries (closures) that the shard runs between batches,
// so nothing outside the thread ever touches shard memory.
#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/batch.h"
#include "engine/shard.h"
#include "engine/spsc_ring.h"

namespace wl {

class ShardWorker {
 public:
  ShardWorker(const ShardConfig& cfg, const LocalNetworks& local, FlowSink* sink);
  ~ShardWorker();

  void start();
  // Capture side. acquire() blocks while every batch is in flight
  // (backpressure); submit() hands a filled batch over.
  Batch* acquire();
  void submit(Batch* b);

  // Runs fn on the shard's thread between batches.
  std::future<void> post(std::function<void(Shard&)> fn);

  // Ends the thread once every submitted batch was processed.
  void stop_and_join();

 private:
  static constexpr size_t kBatches = 64;
  void run();
  bool run_queries();

  Shard shard_;
  std::vector<std::unique_ptr<Batch>> pool_;
  SpscRing<Batch*> in_{kBatches};
  SpscRing<Batch*> free_{kBatches};
  std::mutex query_mu_;
  std::vector<std::packaged_task<void(Shard&)>> queries_;
  std::atomic<bool> has_queries_{false};
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Sleeps a little longer each time nothing happened, up to 1 ms.
class Backoff {
 public:
  void reset() { spins_ = 0; }
  void pause();
 private:
  unsigned spins_ = 0;
};

}  // namespace wl
