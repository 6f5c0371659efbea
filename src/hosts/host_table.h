#pragma once
// The host table of one shard: bounded, purged on idle, never while a flow
// references the host.
#include <cstdint>

#include "common/lru_table.h"
#include "hosts/host.h"
#include "hosts/local_networks.h"

namespace wl {

struct HostPolicy {
  Micros local_idle = seconds(300);
  Micros remote_idle = seconds(60);
  bool purge_idle = true;
};

struct HostTableStats {
  uint64_t created = 0, purged = 0, evicted = 0, refused = 0;
};

class HostTable {
 public:
  HostTable(uint32_t capacity, const LocalNetworks& local, HostPolicy policy)
      : table_(capacity), local_(local), policy_(policy) {}

  // The host's slot, created if needed; kNoSlot when the table is full and no
  // host could be let go.
  uint32_t acquire(const HostKey& key, Micros now);

  uint32_t find(const HostKey& key) const { return table_.find(key); }
  Host& at(uint32_t slot) { return table_.at(slot); }
  const Host& at(uint32_t slot) const { return table_.at(slot); }
  void touch(uint32_t slot, Micros now) {
    Host& h = table_.at(slot);
    bool new_second = now / kMicrosPerSecond != h.last_seen / kMicrosPerSecond;
    h.last_seen = now;
    if (new_second) table_.touch(slot);  // see LruTable::touch
  }

  void flow_started(uint32_t slot, bool as_client, const IpAddress& peer, uint16_t server_port, uint8_t proto);
  void flow_ended(uint32_t slot, bool as_client);

  // Frees idle hosts without active flows; returns how many went.
  uint32_t purge(Micros now);

  uint32_t size() const { return table_.size(); }
  uint32_t capacity() const { return table_.capacity(); }
  const HostTableStats& stats() const { return stats_; }

  // All hosts in memory order, with their slots (readers).
  template <typename Fn>
  void for_each_unordered(Fn&& fn) const { table_.for_each_live(fn); }

  template <typename Fn>
  void for_each(Fn&& fn) const {
    for (uint32_t s = table_.oldest(); s != kNoSlot; s = table_.next_newer(s)) fn(table_.at(s));
  }

 private:
  bool expired(const Host& h, Micros now) const;
  uint32_t evict_remote();

  LruTable<Host, HostKey, HostKeyHash> table_;
  const LocalNetworks& local_;
  HostPolicy policy_;
  HostTableStats stats_;
};

}  // namespace wl
