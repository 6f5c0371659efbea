#pragma once
// Users, their roles and restrictions, and their passwords (Argon2id).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/config_db.h"

namespace wl {

enum class Role : uint8_t { kAdmin, kUser };
const char* role_name(Role r);                          // "administrator", "unprivileged"
std::optional<Role> parse_role(const std::string& s);   // accepts those two names

struct User {
  std::string username;  // lower case
  std::string full_name;
  Role role = Role::kUser;
  std::vector<std::string> allowed_networks;  // CIDRs; empty = every network
  std::string allowed_interface;              // interface name; empty = every interface
  bool allow_alerts = true;                   // ntopng's "alerts" capability
  bool must_change_password = false;          // the default admin until its password changes
  int64_t created = 0;                        // epoch seconds
};

enum class UserResult { kOk, kExists, kNotFound, kInvalid, kLastAdmin, kError };

class UserStore {
 public:
  explicit UserStore(ConfigDb& db);

  // With no user yet: creates `admin`, password `admin` and must_change set,
  // or with `admin_password` as given and nothing to change. With a given
  // password and an existing admin, resets that admin's password.
  bool ensure_default_admin(const std::optional<std::string>& admin_password, std::string& error);

  std::optional<User> get(const std::string& username) const;
  std::vector<User> list() const;  // by username
  // Validates the name ([a-z0-9._-], 1..64 chars after lower-casing), the
  // password (8..256 chars) and the networks (CIDR syntax).
  UserResult add(const User& u, const std::string& password, std::string& error);
  // Changes full name, role, networks, interface and allow_alerts.
  UserResult edit(const User& u, std::string& error);
  UserResult remove(const std::string& username);  // refuses the last administrator
  // Sets a new password and clears must_change_password.
  UserResult set_password(const std::string& username, const std::string& password, std::string& error);

  // Argon2id check; at most two run at once process-wide (each costs ~64 MiB).
  std::optional<User> verify(const std::string& username, const std::string& password) const;

 private:
  ConfigDb& db_;
};

// Argon2id (libsodium, interactive limits) hash string and its check; the
// check waits for one of two slots.
std::string hash_password(const std::string& password);
bool check_password(const std::string& stored_hash, const std::string& password);

}  // namespace wl
