#include "auth/config_db.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "auth/auth_util.h"

namespace wl {

namespace {

constexpr int kSchemaVersion = 1;

// Version 1: the initial schema. Later versions append a step to migrate().
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE users (
  username             TEXT PRIMARY KEY,
  full_name            TEXT NOT NULL DEFAULT '',
  role                 TEXT NOT NULL,
  password_hash        TEXT NOT NULL,
  allowed_networks     TEXT NOT NULL DEFAULT '',
  allowed_interface    TEXT NOT NULL DEFAULT '',
  allow_alerts         INTEGER NOT NULL DEFAULT 1,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  created              INTEGER NOT NULL
);
CREATE TABLE tokens (
  sha256   TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE REFERENCES users(username) ON DELETE CASCADE,
  created  INTEGER NOT NULL
);
CREATE TABLE sessions (
  id       TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  csrf     TEXT NOT NULL,
  expires  INTEGER NOT NULL,
  lifetime INTEGER NOT NULL
);
CREATE INDEX sessions_username ON sessions(username);
CREATE INDEX sessions_expires ON sessions(expires);
CREATE TABLE interfaces (
  name TEXT PRIMARY KEY,
  id   INTEGER NOT NULL UNIQUE
);
)sql";

std::string errno_text() { return std::strerror(errno); }

// mkdir -p; directories we create get 0700 (they will hold password hashes).
bool make_dirs(const std::string& dir, std::string& error) {
  for (size_t pos = 1;; ++pos) {
    pos = dir.find('/', pos);
    std::string prefix = dir.substr(0, pos);
    if (!prefix.empty() && mkdir(prefix.c_str(), 0700) != 0 && errno != EEXIST) {
      error = "cannot create directory " + prefix + ": " + errno_text();
      return false;
    }
    if (pos == std::string::npos) break;
  }
  struct stat st{};
  if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    error = "data directory " + dir + " is not a directory";
    return false;
  }
  return true;
}

bool exec(sqlite3* db, const char* sql, const std::string& path, std::string& error) {
  char* msg = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) == SQLITE_OK) return true;
  error = "database " + path + ": " + (msg ? msg : sqlite3_errmsg(db));
  sqlite3_free(msg);
  return false;
}

int user_version(sqlite3* db) {
  auth_detail::Stmt st(db, "PRAGMA user_version");
  return st.row() ? static_cast<int>(st.integer(0)) : -1;
}

bool migrate(sqlite3* db, const std::string& path, std::string& error) {
  int version = user_version(db);
  if (version < 0) {
    error = "database " + path + ": cannot read the schema version: " + sqlite3_errmsg(db);
    return false;
  }
  if (version > kSchemaVersion) {
    error = "database " + path + " has schema version " + std::to_string(version) +
            ", newer than this build supports (" + std::to_string(kSchemaVersion) + ")";
    return false;
  }
  if (version == kSchemaVersion) return true;
  if (!exec(db, "BEGIN IMMEDIATE", path, error)) return false;
  bool ok = true;
  if (version < 1) ok = exec(db, kSchemaV1, path, error);
  // PRAGMA takes no bound parameters; the value is our own constant.
  std::string set = "PRAGMA user_version = " + std::to_string(kSchemaVersion);
  ok = ok && exec(db, set.c_str(), path, error) && exec(db, "COMMIT", path, error);
  if (!ok) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  return ok;
}

}  // namespace

std::unique_ptr<ConfigDb> ConfigDb::open(const std::string& data_dir, std::string& error) {
  if (data_dir.empty()) {
    error = "no data directory given";
    return nullptr;
  }
  if (!make_dirs(data_dir, error)) return nullptr;

  std::unique_ptr<ConfigDb> db(new ConfigDb());
  db->path_ = data_dir + (data_dir.back() == '/' ? "" : "/") + "wirelens.db";
  const std::string& path = db->path_;

  // Create the file ourselves so it is never readable by others, not even
  // briefly; SQLite gives its -wal and -shm files the same mode.
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    error = "cannot open database " + path + ": " + errno_text();
    return nullptr;
  }
  ::close(fd);

  if (sqlite3_open_v2(path.c_str(), &db->db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    error = "cannot open database " + path + ": " + (db->db_ ? sqlite3_errmsg(db->db_) : "out of memory");
    return nullptr;
  }
  if (sqlite3_db_readonly(db->db_, "main") == 1) {
    error = "database " + path + " is read-only";
    return nullptr;
  }
  sqlite3_busy_timeout(db->db_, 5000);
  if (!exec(db->db_, "PRAGMA journal_mode=WAL", path, error) ||
      !exec(db->db_, "PRAGMA synchronous=NORMAL", path, error) ||
      !exec(db->db_, "PRAGMA foreign_keys=ON", path, error) || !migrate(db->db_, path, error))
    return nullptr;
  return db;
}

ConfigDb::~ConfigDb() { sqlite3_close_v2(db_); }

}  // namespace wl
