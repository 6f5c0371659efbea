#include "engine/spsc_ring.h"

#include <gtest/gtest.h>

#include <thread>

namespace wl {

TEST(SpscRing, DeliversEverythingInOrderAcrossThreads) {
  SpscRing<uint64_t> ring(64);
  constexpr uint64_t kCount = 200000;
  std::thread producer([&] {
    for (uint64_t i = 0; i < kCount; ++i)
      while (!ring.push(i)) std::this_thread::yield();
  });
  uint64_t expected = 0, v;
  while (expected < kCount) {
    if (ring.pop(v)) {
      ASSERT_EQ(v, expected);
      ++expected;
    }
  }
  producer.join();
  EXPECT_FALSE(ring.pop(v));
}

TEST(SpscRing, RefusesWhenFull) {
  SpscRing<int> ring(4);
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(ring.push(i));
  EXPECT_FALSE(ring.push(9));
  int v;
  EXPECT_TRUE(ring.pop(v));
  EXPECT_EQ(v, 0);
  EXPECT_TRUE(ring.push(9));
}

}  // namespace wl
