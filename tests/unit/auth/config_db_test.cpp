#include "auth/config_db.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "auth/users.h"
#include "auth_test_util.h"

namespace wl {
namespace {

using test::open_db;
using test::query_text;
using test::TempDir;

mode_t mode_of(const std::string& path) {
  struct stat st{};
  EXPECT_EQ(stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 0777;
}

TEST(ConfigDb, CreatesDirectoriesAndSchemaOnFirstOpen) {
  TempDir tmp;
  std::string dir = tmp.path() + "/a/b/data";
  auto db = open_db(dir);
  ASSERT_TRUE(db);
  EXPECT_EQ(db->path(), dir + "/wirelens.db");
  EXPECT_EQ(mode_of(tmp.path() + "/a"), 0700u);
  EXPECT_EQ(mode_of(dir), 0700u);
  EXPECT_EQ(mode_of(db->path()), 0600u);
  EXPECT_EQ(query_text(*db, "PRAGMA user_version"), "1");
  EXPECT_EQ(query_text(*db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(query_text(*db, "PRAGMA foreign_keys"), "1");
  for (const char* table : {"users", "tokens", "sessions", "interfaces"})
    EXPECT_EQ(query_text(*db, std::string("SELECT name FROM sqlite_master WHERE name = '") + table + "'"), table);
}

TEST(ConfigDb, ReopensWithDataIntact) {
  TempDir tmp;
  {
    auto db = open_db(tmp.path());
    ASSERT_TRUE(db);
    test::insert_user(*db, "alice");
  }
  auto db = open_db(tmp.path());
  ASSERT_TRUE(db);
  UserStore users(*db);
  auto alice = users.get("alice");
  ASSERT_TRUE(alice);
  EXPECT_EQ(alice->role, Role::kUser);
}

TEST(ConfigDb, ErrorNamesThePath) {
  TempDir tmp;
  std::string file = tmp.path() + "/not-a-dir";
  std::ofstream(file) << "x";
  std::string error;
  EXPECT_FALSE(ConfigDb::open(file + "/sub", error));
  EXPECT_NE(error.find(file), std::string::npos) << error;

  std::string garbage_dir = tmp.path() + "/garbage";
  ASSERT_TRUE(open_db(garbage_dir));  // then overwrite the database with junk
  std::ofstream(garbage_dir + "/wirelens.db", std::ios::trunc) << std::string(4096, 'j');
  std::filesystem::remove(garbage_dir + "/wirelens.db-wal");
  std::filesystem::remove(garbage_dir + "/wirelens.db-shm");
  error.clear();
  EXPECT_FALSE(ConfigDb::open(garbage_dir, error));
  EXPECT_NE(error.find(garbage_dir + "/wirelens.db"), std::string::npos) << error;

  EXPECT_FALSE(ConfigDb::open("", error));
}

TEST(ConfigDb, RefusesANewerSchema) {
  TempDir tmp;
  {
    auto db = open_db(tmp.path());
    ASSERT_TRUE(db);
    ASSERT_EQ(sqlite3_exec(db->handle(), "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
  }
  std::string error;
  EXPECT_FALSE(ConfigDb::open(tmp.path(), error));
  EXPECT_NE(error.find("99"), std::string::npos) << error;
}

}  // namespace
}  // namespace wl
