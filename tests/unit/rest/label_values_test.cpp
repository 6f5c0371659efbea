#include "rest/label_values.h"

#include <gtest/gtest.h>

namespace wl {
namespace {

TEST(CollapseSmall, KeepsLargestAndBigSlicesThenOther) {
  auto out = collapse_small({{"a", 2, {}, -1}, {"big", 90, {}, -1}, {"c", 5, {}, -1}, {"d", 3, {}, -1}}, 3.0, false);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].label, "big");
  EXPECT_EQ(out[1].label, "c");
  EXPECT_EQ(out[2].label, "d");
  EXPECT_EQ(out[3].label, "Other");
  EXPECT_EQ(out[3].value, 2);
}

TEST(CollapseSmall, OtherAlwaysAppendedEvenWhenZero) {
  auto out = collapse_small({{"only", 10, {}, 4}}, 3.0, true);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].label, "Other");
  EXPECT_EQ(out[1].value, 0);
  EXPECT_EQ(out[1].duration, 0);
  EXPECT_TRUE(collapse_small({}, 3.0, false).empty());
}

TEST(LabelValues, WritesUrlAndDurationOnlyWhenSet) {
  JsonBuffer buf;
  Json w(buf);
  write_label_values(w, {{"TLS", 3, "/x", -1}, {"Other", 1.5, {}, 0}});
  EXPECT_STREQ(buf.GetString(),
               R"([{"label":"TLS","value":3,"url":"/x"},{"label":"Other","value":1.5,"duration":0}])");
}

TEST(Thousands, Separators) {
  EXPECT_EQ(with_thousands(0), "0");
  EXPECT_EQ(with_thousands(999), "999");
  EXPECT_EQ(with_thousands(1250), "1,250");
  EXPECT_EQ(with_thousands(1234567), "1,234,567");
}

}  // namespace
}  // namespace wl
