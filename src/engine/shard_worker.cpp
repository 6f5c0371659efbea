#include "engine/shard_worker.h"

#include <chrono>

namespace wl {

void Backoff::pause() {
  ++spins_;
  if (spins_ < 64) {
    std::this_thread::yield();
  } else {
    unsigned us = spins_ < 256 ? 20 : 1000;
    std::this_thread::sleep_for(std::chrono::microseconds(us));
  }
}

ShardWorker::ShardWorker(const ShardConfig& cfg, const LocalNetworks& local, FlowSink* sink)
    : shard_(cfg, local, sink) {
  for (size_t i = 0; i < kBatches - 1; ++i) {
    pool_.push_back(std::make_unique<Batch>());
    free_.push(pool_.back().get());
  }
}

ShardWorker::~ShardWorker() { stop_and_join(); }

void ShardWorker::start() { thread_ = std::thread([this] { run(); }); }

Batch* ShardWorker::acquire() {
  Batch* b = nullptr;
  Backoff backoff;
  while (!free_.pop(b)) backoff.pause();
  return b;
}

void ShardWorker::submit(Batch* b) {
  Backoff backoff;
  while (!in_.push(b)) backoff.pause();
}

std::future<void> ShardWorker::post(std::function<void(Shard&)> fn) {
  std::packaged_task<void(Shard&)> task(std::move(fn));
  auto fut = task.get_future();
  {
    std::lock_guard lock(query_mu_);
    queries_.push_back(std::move(task));
  }
  has_queries_.store(true, std::memory_order_release);
  if (!thread_.joinable()) run_queries();  // not started (tests) or already stopped
  return fut;
}

bool ShardWorker::run_queries() {
  if (!has_queries_.load(std::memory_order_acquire)) return false;
  std::vector<std::packaged_task<void(Shard&)>> todo;
  {
    std::lock_guard lock(query_mu_);
    todo.swap(queries_);
    has_queries_.store(false, std::memory_order_release);
  }
  for (auto& t : todo) t(shard_);
  return !todo.empty();
}

void ShardWorker::run() {
  Backoff backoff;
  for (;;) {
    // Read the stop flag before polling: every batch submitted before stop
    // was requested is then visible to the pop below.
    bool stopping = stop_.load(std::memory_order_acquire);
    Batch* b = nullptr;
    if (in_.pop(b)) {
      for (PacketRef& p : b->packets) {
        if (p.bytes_len) p.l3 = b->bytes.data() + p.bytes_offset;
        shard_.process(p);
      }
      shard_.advance_clock(b->clock);
      if (b->end_of_input) shard_.end_all(FlowEndReason::kEndOfInput);
      if (b->settle) shard_.settle();
      if (b->on_done) b->on_done();
      b->packets.clear();
      b->bytes.clear();
      b->end_of_input = false;
      b->settle = false;
      b->on_done = nullptr;
      free_.push(b);
      run_queries();
      backoff.reset();
      continue;
    }
    if (run_queries()) {
      backoff.reset();
      continue;
    }
    if (stopping) break;
    backoff.pause();
  }
  shard_.flush_output();
}

void ShardWorker::stop_and_join() {
  if (!thread_.joinable()) return;
  stop_.store(true, std::memory_order_release);
  thread_.join();
  run_queries();
}

}  // namespace wl
