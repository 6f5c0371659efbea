#pragma once
// A fixed-capacity hash table of entries kept in a least-recently-seen list.
//
// Entries live in one slab reserved up front (untouched pages cost no memory)
// and are addressed by 32-bit slot numbers, so tables hold indices, not
// pointers. The index is open addressing with linear probing and
// backward-shift deletion. Entry must provide: `key` (with operator==),
// `lru_prev`, `lru_next` (uint32_t), and Hash must hash Entry::key.
#include <sys/mman.h>

#include <cstdint>
#include <vector>

namespace wl {

inline constexpr uint32_t kNoSlot = UINT32_MAX;

template <typename Entry, typename Key, typename Hash>
class LruTable {
 public:
  explicit LruTable(uint32_t capacity) : capacity_(capacity) {
    uint32_t n = 16;
    while (n < capacity * 2u) n <<= 1;
    index_.assign(n, kNoSlot);
    mask_ = n - 1;
    slab_.reserve(capacity);
    live_.reserve(capacity);
    advise_huge_pages(slab_.data(), capacity * sizeof(Entry));
    advise_huge_pages(index_.data(), n * sizeof(uint32_t));
  }

  uint32_t capacity() const { return capacity_; }
  uint32_t size() const { return size_; }
  bool full() const { return size_ >= capacity_; }

  // A slot that holds a live entry.
  bool is_live(uint32_t slot) const { return slot < live_.size() && live_[slot]; }
  Entry& at(uint32_t slot) { return slab_[slot]; }
  const Entry& at(uint32_t slot) const { return slab_[slot]; }

  uint32_t find(const Key& key) const {
    for (uint32_t i = bucket(key);; i = (i + 1) & mask_) {
      uint32_t s = index_[i];
      if (s == kNoSlot) return kNoSlot;
      if (slab_[s].key == key) return s;
    }
  }

  // Inserts a default entry with `key` at the most-recent end. The caller
  // checks full() first; returns kNoSlot when full.
  uint32_t insert(const Key& key) {
    if (full()) return kNoSlot;
    uint32_t slot;
    if (!free_.empty()) {
      slot = free_.back();
      free_.pop_back();
      slab_[slot] = Entry{};
    } else {
      slot = static_cast<uint32_t>(slab_.size());
      slab_.emplace_back();
    }
    slab_[slot].key = key;
    if (live_.size() <= slot) live_.resize(slot + 1u, 0);
    live_[slot] = 1;
    uint32_t i = bucket(key);
    while (index_[i] != kNoSlot) i = (i + 1) & mask_;
    index_[i] = slot;
    link_tail(slot);
    ++size_;
    return slot;
  }

  void erase(uint32_t slot) {
    const Key& key = slab_[slot].key;
    uint32_t i = bucket(key);
    while (index_[i] != slot) i = (i + 1) & mask_;
    // Backward-shift: move later members of the probe run into the hole.
    for (uint32_t j = (i + 1) & mask_;; j = (j + 1) & mask_) {
      uint32_t s = index_[j];
      if (s == kNoSlot) break;
      uint32_t home = bucket(slab_[s].key);
      bool movable = (i <= j) ? (home <= i || home > j) : (home <= i && home > j);
      if (movable) {
        index_[i] = s;
        i = j;
      }
    }
    index_[i] = kNoSlot;
    unlink(slot);
    live_[slot] = 0;
    free_.push_back(slot);
    --size_;
  }

  // Marks an entry as just seen. Callers touch at most once per second of
  // packet time per entry: the order is then by the second of the last touch,
  // exact enough for purging and eviction, and a packet does not dirty two
  // neighbours' cache lines.
  void touch(uint32_t slot) {
    if (tail_ == slot) return;
    unlink(slot);
    link_tail(slot);
  }

  uint32_t oldest() const { return head_; }

  // The least recently seen entry for which pred(entry) holds, looking at no
  // more than `scan_limit` of the oldest: eviction must stay cheap.
  template <typename Pred>
  uint32_t oldest_where(uint32_t scan_limit, Pred&& pred) const {
    uint32_t seen = 0;
    for (uint32_t s = head_; s != kNoSlot && seen < scan_limit; s = slab_[s].lru_next, ++seen)
      if (pred(slab_[s])) return s;
    return kNoSlot;
  }
  uint32_t next_newer(uint32_t slot) const { return slab_[slot].lru_next; }

  // Every live entry in slab order, not LRU order: readers that visit all
  // entries scan memory sequentially instead of chasing the LRU links.
  template <typename Fn>
  void for_each_live(Fn&& fn) const {
    for (uint32_t s = 0; s < live_.size(); ++s)
      if (live_[s]) fn(s, slab_[s]);
  }

 private:
  // Large tables: 2 MiB pages where the kernel allows it (fewer page faults
  // and TLB misses as the table fills). Only the aligned interior is advised.
  static void advise_huge_pages(void* p, size_t len) {
    constexpr uintptr_t kHuge = uintptr_t{2} << 20;
    auto start = (reinterpret_cast<uintptr_t>(p) + kHuge - 1) & ~(kHuge - 1);
    auto end = (reinterpret_cast<uintptr_t>(p) + len) & ~(kHuge - 1);
    if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
  }

  uint32_t bucket(const Key& key) const { return static_cast<uint32_t>(Hash{}(key)) & mask_; }

  void link_tail(uint32_t slot) {
    Entry& e = slab_[slot];
    e.lru_prev = tail_;
    e.lru_next = kNoSlot;
    if (tail_ != kNoSlot) slab_[tail_].lru_next = slot; else head_ = slot;
    tail_ = slot;
  }
  void unlink(uint32_t slot) {
    Entry& e = slab_[slot];
    if (e.lru_prev != kNoSlot) slab_[e.lru_prev].lru_next = e.lru_next; else head_ = e.lru_next;
    if (e.lru_next != kNoSlot) slab_[e.lru_next].lru_prev = e.lru_prev; else tail_ = e.lru_prev;
    e.lru_prev = e.lru_next = kNoSlot;
  }

  uint32_t capacity_;
  std::vector<uint8_t> live_;  // per slot: 1 while it holds an entry
  uint32_t mask_ = 0;
  uint32_t size_ = 0;
  uint32_t head_ = kNoSlot, tail_ = kNoSlot;
  std::vector<uint32_t> index_;
  std::vector<Entry> slab_;
  std::vector<uint32_t> free_;
};

}  // namespace wl
