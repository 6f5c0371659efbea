#include "auth/rate_limiter.h"

#include <gtest/gtest.h>

namespace wl {
namespace {

TEST(RateLimiter, BlocksAfterMaxFailuresUntilTheWindowEnds) {
  RateLimiter rl(3, 60);
  EXPECT_FALSE(rl.blocked("10.0.0.1", 1000));
  rl.failure("10.0.0.1", 1000);
  rl.failure("10.0.0.1", 1010);
  EXPECT_FALSE(rl.blocked("10.0.0.1", 1010));
  rl.failure("10.0.0.1", 1020);
  EXPECT_TRUE(rl.blocked("10.0.0.1", 1020));
  EXPECT_TRUE(rl.blocked("10.0.0.1", 1059));
  EXPECT_FALSE(rl.blocked("10.0.0.2", 1020));  // per source
  EXPECT_FALSE(rl.blocked("10.0.0.1", 1060));  // fixed window from the first failure

  // A new window starts counting from zero.
  rl.failure("10.0.0.1", 1060);
  EXPECT_FALSE(rl.blocked("10.0.0.1", 1061));
}

TEST(RateLimiter, SuccessResets) {
  RateLimiter rl(2, 60);
  rl.failure("::1", 5);
  rl.success("::1");
  rl.failure("::1", 6);
  EXPECT_FALSE(rl.blocked("::1", 6));
  rl.failure("::1", 7);
  EXPECT_TRUE(rl.blocked("::1", 7));
}

TEST(RateLimiter, PruningKeepsBlockedSources) {
  RateLimiter rl(3, 60);
  for (int i = 0; i < 3; ++i) rl.failure("attacker", 0);
  // Many sources within the same window overflow the map.
  for (int i = 0; i < 10005; ++i) rl.failure(std::to_string(i).insert(0, 1, 's'), 1);
  rl.failure("late", 2);
  EXPECT_TRUE(rl.blocked("attacker", 2));
  EXPECT_FALSE(rl.blocked("attacker", 60));
}

}  // namespace
}  // namespace wl
