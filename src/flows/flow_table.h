#pragma once
// The flow table of one shard: bounded, ordered by last packet time.
#include <cstdint>

#include "common/lru_table.h"
#include "flows/flow.h"

namespace wl {

class FlowTable {
 public:
  explicit FlowTable(uint32_t capacity) : table_(capacity) {}

  uint32_t find(const FlowKey& k) const { return table_.find(k); }
  uint32_t insert(const FlowKey& k) { return table_.insert(k); }
  void erase(uint32_t slot) { table_.erase(slot); }
  void touch(uint32_t slot) { table_.touch(slot); }
  Flow& at(uint32_t slot) { return table_.at(slot); }
  // The live flow in `slot`, or null.
  const Flow* live(uint32_t slot) const {
    return table_.is_live(slot) ? &table_.at(slot) : nullptr;
  }
  const Flow& at(uint32_t slot) const { return table_.at(slot); }
  bool full() const { return table_.full(); }
  uint32_t size() const { return table_.size(); }
  uint32_t capacity() const { return table_.capacity(); }
  uint32_t oldest() const { return table_.oldest(); }
  uint32_t next_newer(uint32_t slot) const { return table_.next_newer(slot); }

  // The least recently seen flow that never got a reply (scans and floods
  // leave these), looking at no more than `scan_limit` of the oldest flows.
  uint32_t oldest_unidirectional(uint32_t scan_limit) const {
    return table_.oldest_where(scan_limit, [](const Flow& f) { return !f.bidirectional(); });
  }

  // All flows in memory order (readers); for_each below is oldest first.
  template <typename Fn>
  void for_each_unordered(Fn&& fn) const { table_.for_each_live(fn); }

  template <typename Fn>
  void for_each(Fn&& fn) const {
    for (uint32_t s = table_.oldest(); s != kNoSlot; s = table_.next_newer(s)) fn(s, table_.at(s));
  }

 private:
  LruTable<Flow, FlowKey, FlowKeyHash> table_;
};

}  // namespace wl
