#include "auth/sessions.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "auth/tokens.h"
#include "auth_test_util.h"

namespace wl {
namespace {

using test::open_db;
using test::query_text;
using test::TempDir;

TEST(SessionStore, CreateFindRemove) {
  TempDir tmp;
  auto db = open_db(tmp.path());
  test::insert_user(*db, "alice");
  SessionStore sessions(*db);

  int64_t before = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  Session s = sessions.create("alice", 3600);
  EXPECT_TRUE(test::is_hex(s.id, 32)) << s.id;
  EXPECT_TRUE(test::is_hex(s.csrf, 32)) << s.csrf;
  EXPECT_NE(s.id, s.csrf);
  EXPECT_EQ(s.username, "alice");
  EXPECT_EQ(s.lifetime, 3600);
  EXPECT_GE(s.expires, before + 3600);
  EXPECT_LE(s.expires, before + 3602);

  auto found = sessions.find(s.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->username, "alice");
  EXPECT_EQ(found->csrf, s.csrf);
  EXPECT_FALSE(sessions.find(random_hex(16)));
  EXPECT_FALSE(sessions.find("not-an-id"));
  EXPECT_FALSE(sessions.find(""));

  sessions.remove(s.id);
  EXPECT_FALSE(sessions.find(s.id));
}

TEST(SessionStore, ExpiresAndIsDeleted) {
  TempDir tmp;
  auto db = open_db(tmp.path());
  test::insert_user(*db, "alice");
  SessionStore sessions(*db);

  Session already = sessions.create("alice", -1);
  EXPECT_FALSE(sessions.find(already.id));

  Session s = sessions.create("alice", 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_FALSE(sessions.find(s.id));
  EXPECT_EQ(query_text(*db, "SELECT COUNT(*) FROM sessions"), "0");
}

TEST(SessionStore, UseSlidesTheExpiryWithoutAWritePerRequest) {
  TempDir tmp;
  auto db = open_db(tmp.path());
  test::insert_user(*db, "alice");
  SessionStore sessions(*db);
  Session s = sessions.create("alice", 3600);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto found = sessions.find(s.id);
  ASSERT_TRUE(found);
  EXPECT_GE(found->expires, s.expires + 1);
  // Within the minute of write lag, the row keeps its first expiry.
  EXPECT_EQ(query_text(*db, "SELECT expires FROM sessions WHERE id = '" + s.id + "'"), std::to_string(s.expires));
}

TEST(SessionStore, SurvivesReopen) {
  TempDir tmp;
  Session s;
  {
    auto db = open_db(tmp.path());
    test::insert_user(*db, "alice");
    s = SessionStore(*db).create("alice", 3600);
  }
  auto db = open_db(tmp.path());
  SessionStore sessions(*db);
  auto found = sessions.find(s.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->csrf, s.csrf);
  EXPECT_EQ(found->username, "alice");
}

TEST(SessionStore, RemoveUser) {
  TempDir tmp;
  auto db = open_db(tmp.path());
  test::insert_user(*db, "alice");
  test::insert_user(*db, "bob");
  SessionStore sessions(*db);
  Session a1 = sessions.create("alice", 3600), a2 = sessions.create("alice", 3600);
  Session b = sessions.create("bob", 3600);
  sessions.remove_user("alice");
  EXPECT_FALSE(sessions.find(a1.id));
  EXPECT_FALSE(sessions.find(a2.id));
  EXPECT_TRUE(sessions.find(b.id));
}

}  // namespace
}  // namespace wl
