#pragma once
// API tokens: 32 lower-case hex characters (128 bits from the OS CSPRNG),
// stored only as their SHA-256; one per user, a new one revokes the old.
#include <optional>
#include <string>

#include "auth/config_db.h"

namespace wl {

std::string random_hex(size_t bytes);  // CSPRNG, lower-case hex, 2 chars per byte
std::string sha256_hex(const std::string& data);

class TokenStore {
 public:
  explicit TokenStore(ConfigDb& db);
  std::string create(const std::string& username);  // returns the token (shown once)
  std::optional<std::string> user_of(const std::string& token) const;
  void revoke_user(const std::string& username);
  bool has_token(const std::string& username) const;

 private:
  ConfigDb& db_;
};

}  // namespace wl
