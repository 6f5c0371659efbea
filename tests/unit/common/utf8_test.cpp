#include "common/utf8.h"

#include <gtest/gtest.h>

namespace wl {

TEST(Utf8, KeepsValidText) {
  EXPECT_EQ(sanitize_utf8("www.example.com"), "www.example.com");
  EXPECT_EQ(sanitize_utf8("b\xC3\xBC" "cher.de \xE2\x82\xAC \xF0\x9F\x98\x80"), "b\xC3\xBC" "cher.de \xE2\x82\xAC \xF0\x9F\x98\x80");
}

TEST(Utf8, ReplacesEveryInvalidByte) {
  EXPECT_EQ(sanitize_utf8("a\x95z"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(sanitize_utf8("\xC3"), "\xEF\xBF\xBD");                       // cut sequence
  EXPECT_EQ(sanitize_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");       // overlong
  EXPECT_EQ(sanitize_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(sanitize_utf8("\xF5\x80\x80\x80").size(), 12u);
}

}  // namespace wl
