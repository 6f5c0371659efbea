#pragma once
// The embedded configuration database: <data dir>/wirelens.db (SQLite, WAL),
// created with its schema on first start. One connection, serialised by a
// mutex: configuration changes are rare and small.
#include <memory>
#include <mutex>
#include <string>

struct sqlite3;

namespace wl {

class ConfigDb {
 public:
  // Creates the directory and the database when absent; null and `error` set
  // when either cannot be opened or written.
  static std::unique_ptr<ConfigDb> open(const std::string& data_dir, std::string& error);
  ~ConfigDb();

  sqlite3* handle() { return db_; }
  std::mutex& mutex() { return mu_; }
  const std::string& path() const { return path_; }

 private:
  ConfigDb() = default;
  sqlite3* db_ = nullptr;
  std::mutex mu_;
  std::string path_;
};

}  // namespace wl
