#include "hosts/l7_usage.h"

namespace wl {

void L7UsageList::add(uint16_t id, size_t cap, uint64_t pkts_sent, uint64_t bytes_sent, uint64_t pkts_rcvd,
                      uint64_t bytes_rcvd, uint32_t flows) {
  TrafficCounters* t = nullptr;
  for (auto& u : items_) {
    if (u.id == id) {
      t = &u.traffic;
      u.flows += flows;
      break;
    }
  }
  if (!t) {
    if (items_.size() < cap) {
      items_.push_back(L7Usage{id, {}, flows});
      t = &items_.back().traffic;
    } else {
      t = &other_;
    }
  }
  t->packets_sent += pkts_sent;
  t->bytes_sent += bytes_sent;
  t->packets_rcvd += pkts_rcvd;
  t->bytes_rcvd += bytes_rcvd;
}

void L7UsageList::merge(const L7UsageList& o, size_t cap) {
  for (const auto& u : o.items_)
    add(u.id, cap, u.traffic.packets_sent, u.traffic.bytes_sent, u.traffic.packets_rcvd, u.traffic.bytes_rcvd,
        u.flows);
  other_.packets_sent += o.other_.packets_sent;
  other_.bytes_sent += o.other_.bytes_sent;
  other_.packets_rcvd += o.other_.packets_rcvd;
  other_.bytes_rcvd += o.other_.bytes_rcvd;
}

}  // namespace wl
