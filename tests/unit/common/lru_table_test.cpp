#include "common/lru_table.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace wl {

namespace {
struct Entry {
  uint32_t key = 0;
  int value = 0;
  uint32_t lru_prev = kNoSlot, lru_next = kNoSlot;
};
// A deliberately weak hash: long probe runs exercise backward-shift deletion.
struct WeakHash {
  uint64_t operator()(uint32_t k) const { return k % 7; }
};
using Table = LruTable<Entry, uint32_t, WeakHash>;
}  // namespace

TEST(LruTable, AgreesWithAMapUnderRandomInsertsAndErases) {
  Table t(500);
  std::map<uint32_t, int> model;
  std::mt19937 rng(1);
  for (int i = 0; i < 20000; ++i) {
    uint32_t k = rng() % 800;
    uint32_t slot = t.find(k);
    ASSERT_EQ(slot != kNoSlot, model.count(k) == 1) << "key " << k;
    if (slot != kNoSlot && rng() % 2) {
      t.erase(slot);
      model.erase(k);
    } else if (slot == kNoSlot && !t.full()) {
      uint32_t s = t.insert(k);
      t.at(s).value = static_cast<int>(k) * 3;
      model[k] = static_cast<int>(k) * 3;
    }
    ASSERT_EQ(t.size(), model.size());
  }
  for (auto [k, v] : model) EXPECT_EQ(t.at(t.find(k)).value, v);
}

TEST(LruTable, KeepsLeastRecentlySeenOrder) {
  Table t(8);
  for (uint32_t k = 1; k <= 4; ++k) t.insert(k);
  t.touch(t.find(1));
  std::vector<uint32_t> order;
  for (uint32_t s = t.oldest(); s != kNoSlot; s = t.next_newer(s)) order.push_back(t.at(s).key);
  EXPECT_EQ(order, (std::vector<uint32_t>{2, 3, 4, 1}));
  t.erase(t.find(3));
  order.clear();
  for (uint32_t s = t.oldest(); s != kNoSlot; s = t.next_newer(s)) order.push_back(t.at(s).key);
  EXPECT_EQ(order, (std::vector<uint32_t>{2, 4, 1}));
}

TEST(LruTable, RefusesBeyondCapacityAndReusesSlots) {
  Table t(2);
  EXPECT_NE(t.insert(1), kNoSlot);
  EXPECT_NE(t.insert(2), kNoSlot);
  EXPECT_TRUE(t.full());
  EXPECT_EQ(t.insert(3), kNoSlot);
  uint32_t freed = t.find(1);
  t.erase(freed);
  EXPECT_EQ(t.insert(3), freed);
  EXPECT_EQ(t.at(freed).value, 0);  // a reused slot starts clean
}

}  // namespace wl
