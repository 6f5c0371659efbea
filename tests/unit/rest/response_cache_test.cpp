#include "rest/response_cache.h"

#include <gtest/gtest.h>

#include <thread>

namespace wl {
namespace {

TEST(ResponseCache, ServesFreshAnswersOnly) {
  ResponseCache c(std::chrono::milliseconds(50), 4);
  std::string body;
  EXPECT_FALSE(c.get("k", body));
  c.put("k", "v1");
  ASSERT_TRUE(c.get("k", body));
  EXPECT_EQ(body, "v1");
  std::this_thread::sleep_for(std::chrono::milliseconds(80));
  EXPECT_FALSE(c.get("k", body));
}

TEST(ResponseCache, BoundedOldestGoesFirst) {
  ResponseCache c(std::chrono::milliseconds(10000), 2);
  c.put("a", "1");
  c.put("b", "2");
  c.put("c", "3");
  std::string body;
  EXPECT_FALSE(c.get("a", body));
  EXPECT_TRUE(c.get("b", body));
  EXPECT_TRUE(c.get("c", body));
  c.put("b", "2b");  // replacing keeps one entry per key
  ASSERT_TRUE(c.get("b", body));
  EXPECT_EQ(body, "2b");
}

}  // namespace
}  // namespace wl
