#include "auth/tokens.h"

#include <sodium.h>

#include <mutex>
#include <vector>

#include "auth/auth_util.h"

namespace wl {

using auth_detail::Stmt;

std::string random_hex(size_t bytes) {
  if (bytes == 0) return {};
  auth_detail::ensure_sodium();
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), buf.data(), buf.size());
  hex.pop_back();  // the terminating NUL
  return hex;
}

std::string sha256_hex(const std::string& data) {
  auth_detail::ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

TokenStore::TokenStore(ConfigDb& db) : db_(db) { auth_detail::ensure_sodium(); }

std::string TokenStore::create(const std::string& username) {
  std::string token = random_hex(16);
  std::lock_guard lock(db_.mutex());
  sqlite3* db = db_.handle();
  auth_detail::Transaction tx(db);
  Stmt drop(db, "DELETE FROM tokens WHERE username = ?");
  drop.bind(1, username);
  Stmt add(db, "INSERT INTO tokens (sha256, username, created) VALUES (?, ?, ?)");
  add.bind(1, sha256_hex(token)).bind(2, username).bind(3, auth_detail::now_s());
  // Fails (empty result) for a user that does not exist: tokens reference users.
  if (!tx.ok() || !drop.run() || !add.run() || !tx.commit()) return {};
  return token;
}

std::optional<std::string> TokenStore::user_of(const std::string& token) const {
  if (token.empty() || token.size() > 256) return std::nullopt;
  std::string digest = sha256_hex(token);
  std::lock_guard lock(db_.mutex());
  Stmt st(db_.handle(), "SELECT username FROM tokens WHERE sha256 = ?");
  st.bind(1, digest);
  if (!st.row()) return std::nullopt;
  return st.text(0);
}

void TokenStore::revoke_user(const std::string& username) {
  std::lock_guard lock(db_.mutex());
  Stmt st(db_.handle(), "DELETE FROM tokens WHERE username = ?");
  st.bind(1, username);
  st.run();
}

bool TokenStore::has_token(const std::string& username) const {
  std::lock_guard lock(db_.mutex());
  Stmt st(db_.handle(), "SELECT 1 FROM tokens WHERE username = ?");
  st.bind(1, username);
  return st.row();
}

}  // namespace wl
