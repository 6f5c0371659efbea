#pragma once
// Sessions: 32-hex ids with a CSRF token each, persisted so they survive a
// restart. Lifetimes slide: every use pushes the expiry forward.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/config_db.h"

namespace wl {

struct Session {
  std::string id;      // 32 hex
  std::string username;
  std::string csrf;    // 32 hex
  int64_t expires = 0; // epoch seconds
  int64_t lifetime = 0;  // seconds added on each use
};

class SessionStore {
 public:
  explicit SessionStore(ConfigDb& db);
  Session create(const std::string& username, int64_t lifetime_s);
  // The live session with that id (renewing its expiry), or nothing.
  std::optional<Session> find(const std::string& id);
  void remove(const std::string& id);
  void remove_user(const std::string& username);

 private:
  ConfigDb& db_;
  std::mutex mu_;
  // Expiry as last renewed, per session. The row's own `expires` is rewritten
  // only when the renewal has moved a minute past it: no write per request.
  std::unordered_map<std::string, int64_t> live_expiry_;
};

}  // namespace wl
