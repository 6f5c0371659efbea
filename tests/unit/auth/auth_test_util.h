#pragma once
// Shared by the auth tests: a temporary data directory per test, and users
// inserted straight into the database with one precomputed hash, so that
// only the tests about passwords pay for Argon2id.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "auth/config_db.h"
#include "auth/users.h"

namespace wl::test {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "wl-auth-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::unique_ptr<ConfigDb> open_db(const std::string& dir) {
  std::string error;
  auto db = ConfigDb::open(dir, error);
  EXPECT_TRUE(db) << error;
  return db;
}

constexpr const char* kRowPassword = "row-password";

// One Argon2id run for the whole test binary.
inline const std::string& row_hash() {
  static const std::string h = hash_password(kRowPassword);
  return h;
}

// A user whose password is kRowPassword, inserted without UserStore::add.
inline void insert_user(ConfigDb& db, const std::string& name, Role role = Role::kUser) {
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db.handle(),
                               "INSERT INTO users (username, role, password_hash, created) VALUES (?, ?, ?, 0)", -1,
                               &st, nullptr),
            SQLITE_OK);
  std::string role_text = role_name(role);
  sqlite3_bind_text(st, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 2, role_text.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 3, row_hash().c_str(), -1, SQLITE_TRANSIENT);
  EXPECT_EQ(sqlite3_step(st), SQLITE_DONE) << sqlite3_errmsg(db.handle());
  sqlite3_finalize(st);
}

// First column of the first row of `sql` as text ("" when there is none).
inline std::string query_text(ConfigDb& db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return "<error>";
  std::string out;
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return out;
}

inline bool is_hex(const std::string& s, size_t len) {
  if (s.size() != len) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace wl::test
