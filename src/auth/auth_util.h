#pragma once
// Private to src/auth: a prepared-statement wrapper, a transaction guard, the
// wall clock and libsodium start-up. Not part of the component's API.
#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace wl::auth_detail {

int64_t now_s();       // epoch seconds
void ensure_sodium();  // sodium_init() exactly once; aborts when it cannot start
std::string lower(std::string s);

// One prepared statement; values are bound by copy, so temporaries are fine.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &st_, nullptr); }
  ~Stmt() { sqlite3_finalize(st_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  int step() { return st_ ? sqlite3_step(st_) : SQLITE_ERROR; }  // SQLITE_ROW, SQLITE_DONE or an error
  bool run() { return step() == SQLITE_DONE; }
  bool row() { return step() == SQLITE_ROW; }

  std::string text(int col) const {
    const unsigned char* p = sqlite3_column_text(st_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(st_, col)) : std::string();
  }
  int64_t integer(int col) const { return sqlite3_column_int64(st_, col); }

 private:
  sqlite3_stmt* st_ = nullptr;
};

// BEGIN IMMEDIATE; rolled back on scope exit unless commit() succeeded.
// The caller holds ConfigDb::mutex().
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {
    ok_ = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~Transaction() {
    if (ok_ && !done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  bool ok() const { return ok_; }
  bool commit() {
    if (!ok_ || done_) return false;
    done_ = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    return done_;
  }

 private:
  sqlite3* db_;
  bool ok_ = false;
  bool done_ = false;
};

inline bool is_constraint(int rc) { return (rc & 0xff) == SQLITE_CONSTRAINT; }

}  // namespace wl::auth_detail
