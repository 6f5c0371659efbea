#include "hosts/host_table.h"

#include <algorithm>

namespace wl {

namespace {
constexpr uint32_t kEvictionScan = 64;
}  // namespace

const char* l4_class_name(L4Class c) {
  switch (c) {
    case L4Class::kTcp: return "tcp";
    case L4Class::kUdp: return "udp";
    case L4Class::kIcmp: return "icmp";
    case L4Class::kOther: return "other";
    case L4Class::kCount: break;
  }
  return "other";
}

bool HostTable::expired(const Host& h, Micros now) const {
  if (!policy_.purge_idle || h.active_flows() > 0) return false;
  return now - h.last_seen > (h.local ? policy_.local_idle : policy_.remote_idle);
}

uint32_t HostTable::purge(Micros now) {
  uint32_t n = 0;
  // Oldest first; hosts still referenced by flows are skipped, not a stop.
  for (uint32_t s = table_.oldest(); s != kNoSlot;) {
    uint32_t next = table_.next_newer(s);
    const Host& h = table_.at(s);
    // Ordered by the second of the last touch: nothing further can have expired.
    if (now - h.last_seen + kMicrosPerSecond <= std::min(policy_.local_idle, policy_.remote_idle)) break;
    if (expired(h, now)) {
      table_.erase(s);
      ++n;
    }
    s = next;
  }
  stats_.purged += n;
  return n;
}

uint32_t HostTable::evict_remote() {
  return table_.oldest_where(kEvictionScan, [](const Host& h) { return !h.local && h.active_flows() == 0; });
}

uint32_t HostTable::acquire(const HostKey& key, Micros now) {
  uint32_t slot = table_.find(key);
  if (slot != kNoSlot) {
    if (!expired(table_.at(slot), now)) return slot;
    table_.erase(slot);  // idle past its timeout: this is a new appearance
    ++stats_.purged;
  }
  if (table_.full() && policy_.purge_idle) purge(now);
  if (table_.full()) {
    uint32_t victim = evict_remote();
    if (victim == kNoSlot) {
      ++stats_.refused;
      return kNoSlot;
    }
    table_.erase(victim);
    ++stats_.evicted;
  }
  slot = table_.insert(key);
  Host& h = table_.at(slot);
  h.local = local_.contains(key.ip);
  h.first_seen = h.last_seen = now;
  ++stats_.created;
  return slot;
}

void HostTable::flow_started(uint32_t slot, bool as_client, const IpAddress& peer,
                             uint16_t server_port, uint8_t proto) {
  Host& h = table_.at(slot);
  if (as_client) {
    ++h.active_flows_as_client;
    ++h.total_flows_as_client;
    auto fp = static_cast<uint32_t>(hash_bytes(peer.bytes.data(), 16, peer.version));
    if (std::find(h.peers.begin(), h.peers.end(), fp) == h.peers.end()) {
      if (h.peers.size() < h.max_peers()) h.peers.push_back(fp); else h.peers_truncated = true;
    }
  } else {
    ++h.active_flows_as_server;
    ++h.total_flows_as_server;
    auto fp = static_cast<uint32_t>(hash_bytes(peer.bytes.data(), 16, peer.version));
    if (std::find(h.clients.begin(), h.clients.end(), fp) == h.clients.end()) {
      if (h.clients.size() < h.max_peers()) h.clients.push_back(fp); else h.peers_truncated = true;
    }
    if ((proto == 6 || proto == 17) && server_port != 0) {
      auto it = std::lower_bound(h.server_ports.begin(), h.server_ports.end(), server_port);
      if ((it == h.server_ports.end() || *it != server_port) && h.server_ports.size() < h.max_server_ports())
        h.server_ports.insert(it, server_port);
    }
  }
}

void HostTable::flow_ended(uint32_t slot, bool as_client) {
  Host& h = table_.at(slot);
  if (as_client) {
    if (h.active_flows_as_client) --h.active_flows_as_client;
  } else if (h.active_flows_as_server) {
    --h.active_flows_as_server;
  }
}

}  // namespace wl
