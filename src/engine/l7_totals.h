#pragma once
// Interface traffic per application and per category (one shard's part;
// readers add the shards' parts up). Indexed by nDPI id: no lookup per packet.
#include <cstdint>
#include <vector>

namespace wl {

struct L7Total {
  uint64_t packets = 0, bytes = 0, flows = 0;
};

class L7Totals {
 public:
  void add(uint16_t app, uint16_t category, uint64_t packets, uint64_t bytes, uint64_t flows) {
    bump(apps_, app, packets, bytes, flows);
    bump(categories_, category, packets, bytes, flows);
  }
  void merge(const L7Totals& o) {
    for (size_t i = 0; i < o.apps_.size(); ++i)
      bump(apps_, static_cast<uint16_t>(i), o.apps_[i].packets, o.apps_[i].bytes, o.apps_[i].flows);
    for (size_t i = 0; i < o.categories_.size(); ++i)
      bump(categories_, static_cast<uint16_t>(i), o.categories_[i].packets, o.categories_[i].bytes,
           o.categories_[i].flows);
  }
  const std::vector<L7Total>& apps() const { return apps_; }
  const std::vector<L7Total>& categories() const { return categories_; }

 private:
  static void bump(std::vector<L7Total>& v, uint16_t id, uint64_t packets, uint64_t bytes, uint64_t flows) {
    if (id >= v.size()) v.resize(id + 1u);
    v[id].packets += packets;
    v[id].bytes += bytes;
    v[id].flows += flows;
  }
  std::vector<L7Total> apps_, categories_;
};

}  // namespace wl
