#include "auth/sessions.h"

#include <algorithm>
#include <vector>

#include "auth/auth_util.h"
#include "auth/tokens.h"

namespace wl {

using auth_detail::now_s;
using auth_detail::Stmt;

namespace {

// A renewed expiry reaches the database once it is this far ahead of the stored one.
constexpr int64_t kWriteInterval = 60;

bool is_session_id(const std::string& id) {
  if (id.size() != 32) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

SessionStore::SessionStore(ConfigDb& db) : db_(db) {}

Session SessionStore::create(const std::string& username, int64_t lifetime_s) {
  int64_t now = now_s();
  Session s{random_hex(16), username, random_hex(16), now + lifetime_s, lifetime_s};
  std::lock_guard lock(mu_);
  std::lock_guard db_lock(db_.mutex());
  // Rows that stayed unused for longer than the write lag are dead even if
  // renewed in memory since their last write.
  Stmt prune(db_.handle(), "DELETE FROM sessions WHERE expires <= ?");
  prune.bind(1, now - kWriteInterval);
  prune.run();
  std::erase_if(live_expiry_, [now](const auto& e) { return e.second <= now; });

  Stmt add(db_.handle(), "INSERT INTO sessions (id, username, csrf, expires, lifetime) VALUES (?, ?, ?, ?, ?)");
  add.bind(1, s.id).bind(2, s.username).bind(3, s.csrf).bind(4, s.expires).bind(5, s.lifetime);
  // Fails for an unknown user (sessions reference users); find() will not know it then.
  if (add.run()) live_expiry_[s.id] = s.expires;
  return s;
}

std::optional<Session> SessionStore::find(const std::string& id) {
  if (!is_session_id(id)) return std::nullopt;
  std::lock_guard lock(mu_);
  std::lock_guard db_lock(db_.mutex());
  Stmt st(db_.handle(), "SELECT username, csrf, expires, lifetime FROM sessions WHERE id = ?");
  st.bind(1, id);
  auto live = live_expiry_.find(id);
  if (!st.row()) {
    if (live != live_expiry_.end()) live_expiry_.erase(live);
    return std::nullopt;
  }
  Session s{id, st.text(0), st.text(1), st.integer(2), st.integer(3)};
  const int64_t written = s.expires;
  if (live != live_expiry_.end()) s.expires = std::max(s.expires, live->second);

  int64_t now = now_s();
  if (now >= s.expires) {
    Stmt drop(db_.handle(), "DELETE FROM sessions WHERE id = ?");
    drop.bind(1, id);
    drop.run();
    if (live != live_expiry_.end()) live_expiry_.erase(live);
    return std::nullopt;
  }
  s.expires = now + s.lifetime;
  if (s.expires - written >= kWriteInterval) {
    Stmt renew(db_.handle(), "UPDATE sessions SET expires = ? WHERE id = ?");
    renew.bind(1, s.expires).bind(2, id);
    renew.run();
  }
  live_expiry_[id] = s.expires;
  return s;
}

void SessionStore::remove(const std::string& id) {
  std::lock_guard lock(mu_);
  std::lock_guard db_lock(db_.mutex());
  Stmt st(db_.handle(), "DELETE FROM sessions WHERE id = ?");
  st.bind(1, id);
  st.run();
  live_expiry_.erase(id);
}

void SessionStore::remove_user(const std::string& username) {
  std::lock_guard lock(mu_);
  std::lock_guard db_lock(db_.mutex());
  Stmt ids(db_.handle(), "SELECT id FROM sessions WHERE username = ?");
  ids.bind(1, username);
  while (ids.row()) live_expiry_.erase(ids.text(0));
  Stmt st(db_.handle(), "DELETE FROM sessions WHERE username = ?");
  st.bind(1, username);
  st.run();
}

}  // namespace wl
