#pragma once
// Bounded single-producer single-consumer ring: the only link between the
// capture thread and a shard. No locks; one acquire/release pair per item.
#include <atomic>
#include <cstddef>
#include <vector>

namespace wl {

template <typename T>
class SpscRing {
 public:
  explicit SpscRing(size_t capacity) {
    size_t n = 2;
    while (n < capacity) n <<= 1;
    items_.resize(n);
    mask_ = n - 1;
  }

  bool push(const T& v) {
    size_t head = head_.load(std::memory_order_relaxed);
    if (head - tail_cache_ > mask_) {
      tail_cache_ = tail_.load(std::memory_order_acquire);
      if (head - tail_cache_ > mask_) return false;
    }
    items_[head & mask_] = v;
    head_.store(head + 1, std::memory_order_release);
    return true;
  }

  bool pop(T& v) {
    size_t tail = tail_.load(std::memory_order_relaxed);
    if (tail == head_cache_) {
      head_cache_ = head_.load(std::memory_order_acquire);
      if (tail == head_cache_) return false;
    }
    v = items_[tail & mask_];
    tail_.store(tail + 1, std::memory_order_release);
    return true;
  }

 private:
  std::vector<T> items_;
  size_t mask_ = 0;
  alignas(64) std::atomic<size_t> head_{0};
  size_t tail_cache_ = 0;  // producer's view of tail
  alignas(64) std::atomic<size_t> tail_{0};
  size_t head_cache_ = 0;  // consumer's view of head
};

}  // namespace wl
