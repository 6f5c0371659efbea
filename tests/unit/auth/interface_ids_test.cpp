#include "auth/interface_ids.h"

#include <gtest/gtest.h>

#include "auth_test_util.h"

namespace wl {
namespace {

using test::open_db;
using test::TempDir;

TEST(InterfaceIds, AssignedInOrderAndStableAcrossReopen) {
  TempDir tmp;
  {
    auto db = open_db(tmp.path());
    InterfaceIds ids(*db);
    EXPECT_EQ(ids.id_for("eth0"), 0);
    EXPECT_EQ(ids.id_for("eth1"), 1);
    EXPECT_EQ(ids.id_for("eth0"), 0);
    EXPECT_EQ(ids.id_for("lo"), 2);
  }
  auto db = open_db(tmp.path());
  InterfaceIds ids(*db);
  EXPECT_EQ(ids.id_for("lo"), 2);
  EXPECT_EQ(ids.id_for("eth1"), 1);
  EXPECT_EQ(ids.id_for("eth0"), 0);
  EXPECT_EQ(ids.id_for("wlan0"), 3);
}

TEST(InterfaceIds, ReusesTheSmallestFreeIdAndStopsAt256) {
  TempDir tmp;
  auto db = open_db(tmp.path());
  InterfaceIds ids(*db);
  for (int i = 0; i < 256; ++i) ASSERT_EQ(ids.id_for("if" + std::to_string(i)), i);
  EXPECT_EQ(ids.id_for("one-too-many"), -1);
  ASSERT_EQ(sqlite3_exec(db->handle(), "DELETE FROM interfaces WHERE id = 7", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_EQ(ids.id_for("one-too-many"), 7);
  EXPECT_EQ(ids.id_for("if255"), 255);
}

}  // namespace
}  // namespace wl
