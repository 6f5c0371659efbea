#include "auth/users.h"

#include <arpa/inet.h>
#include <sodium.h>

#include <semaphore>

#include "auth/auth_util.h"

namespace wl {

using auth_detail::lower;
using auth_detail::now_s;
using auth_detail::Stmt;
using auth_detail::Transaction;

namespace {

constexpr const char* kDefaultAdmin = "admin";
constexpr size_t kMaxNameLength = 64;
constexpr size_t kMinPassword = 8, kMaxPassword = 256;
// Longer inputs are refused before hashing: no stored password can be that long.
constexpr size_t kMaxPasswordBytes = kMaxPassword * 4;

constexpr const char* kUserColumns =
    "username, full_name, role, allowed_networks, allowed_interface, allow_alerts, must_change_password, created";

// Each Argon2id run takes 64 MiB: two at a time bounds memory under a login storm.
std::counting_semaphore<2>& hash_slots() {
  static std::counting_semaphore<2> slots(2);
  return slots;
}

struct SlotGuard {
  SlotGuard() { hash_slots().acquire(); }
  ~SlotGuard() { hash_slots().release(); }
  SlotGuard(const SlotGuard&) = delete;
  SlotGuard& operator=(const SlotGuard&) = delete;
};

bool valid_name(const std::string& name) {
  if (name.empty() || name.size() > kMaxNameLength) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

// Characters, not bytes: a UTF-8 continuation byte does not start one.
size_t utf8_length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool valid_password(const std::string& password, std::string& error) {
  size_t n = utf8_length(password);
  if (n >= kMinPassword && n <= kMaxPassword) return true;
  error = "the password must have 8 to 256 characters";
  return false;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// "addr/len" with the prefix range checked; a bare address becomes a host route.
std::optional<std::string> normalise_cidr(const std::string& text) {
  std::string s = trim(text);
  size_t slash = s.find('/');
  std::string addr = s.substr(0, slash);
  unsigned char buf[16];
  unsigned max_len;
  if (inet_pton(AF_INET, addr.c_str(), buf) == 1) {
    max_len = 32;
  } else if (inet_pton(AF_INET6, addr.c_str(), buf) == 1) {
    max_len = 128;
  } else {
    return std::nullopt;
  }
  if (slash == std::string::npos) return addr + "/" + std::to_string(max_len);
  std::string len = s.substr(slash + 1);
  if (len.empty() || len.size() > 3) return std::nullopt;
  unsigned v = 0;
  for (char c : len) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (v > max_len) return std::nullopt;
  return addr + "/" + std::to_string(v);
}

// Normalises u.networks in place; empty entries are dropped.
bool normalise_networks(std::vector<std::string>& networks, std::string& error) {
  std::vector<std::string> out;
  for (const std::string& n : networks) {
    if (trim(n).empty()) continue;
    auto cidr = normalise_cidr(n);
    if (!cidr) {
      error = "invalid network '" + n + "' (expected a CIDR such as 192.168.1.0/24 or fd00::/8)";
      return false;
    }
    out.push_back(*cidr);
  }
  networks = std::move(out);
  return true;
}

std::string join_networks(const std::vector<std::string>& networks) {
  std::string out;
  for (const std::string& n : networks) {
    if (!out.empty()) out += ',';
    out += n;
  }
  return out;
}

std::vector<std::string> split_networks(const std::string& csv) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < csv.size()) {
    size_t comma = csv.find(',', start);
    if (comma == std::string::npos) comma = csv.size();
    if (comma > start) out.push_back(csv.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// Reads a row selected with kUserColumns.
User read_user(const Stmt& st) {
  User u;
  u.username = st.text(0);
  u.full_name = st.text(1);
  u.role = parse_role(st.text(2)).value_or(Role::kUser);  // unknown: least privilege
  u.allowed_networks = split_networks(st.text(3));
  u.allowed_interface = st.text(4);
  u.allow_alerts = st.integer(5) != 0;
  u.must_change_password = st.integer(6) != 0;
  u.created = st.integer(7);
  return u;
}

std::optional<Role> role_of(sqlite3* db, const std::string& username) {
  Stmt st(db, "SELECT role FROM users WHERE username = ?");
  st.bind(1, username);
  if (!st.row()) return std::nullopt;
  return parse_role(st.text(0)).value_or(Role::kUser);
}

int64_t admin_count(sqlite3* db) {
  Stmt st(db, "SELECT COUNT(*) FROM users WHERE role = ?");
  st.bind(1, std::string(role_name(Role::kAdmin)));
  return st.row() ? st.integer(0) : 0;
}

UserResult insert_user(ConfigDb& db, const User& u, const std::string& hash, std::string& error) {
  std::lock_guard lock(db.mutex());
  Stmt st(db.handle(),
          "INSERT INTO users (username, full_name, role, password_hash, allowed_networks, allowed_interface, "
          "allow_alerts, must_change_password, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, u.username).bind(2, u.full_name).bind(3, std::string(role_name(u.role))).bind(4, hash);
  st.bind(5, join_networks(u.allowed_networks)).bind(6, u.allowed_interface);
  st.bind(7, int64_t{u.allow_alerts}).bind(8, int64_t{u.must_change_password}).bind(9, now_s());
  int rc = st.step();
  if (rc == SQLITE_DONE) return UserResult::kOk;
  if (auth_detail::is_constraint(rc)) {
    error = "user " + u.username + " already exists";
    return UserResult::kExists;
  }
  error = std::string("cannot store user ") + u.username + ": " + sqlite3_errmsg(db.handle());
  return UserResult::kError;
}

UserResult store_password(ConfigDb& db, const std::string& username, const std::string& password,
                          std::string& error) {
  std::string hash = hash_password(password);
  if (hash.empty()) {
    error = "password hashing failed (out of memory?)";
    return UserResult::kError;
  }
  std::lock_guard lock(db.mutex());
  Stmt st(db.handle(), "UPDATE users SET password_hash = ?, must_change_password = 0 WHERE username = ?");
  st.bind(1, hash).bind(2, username);
  if (!st.run()) {
    error = std::string("cannot store the password of ") + username + ": " + sqlite3_errmsg(db.handle());
    return UserResult::kError;
  }
  if (sqlite3_changes(db.handle()) == 0) {
    error = "no user " + username;
    return UserResult::kNotFound;
  }
  return UserResult::kOk;
}

// Unknown users are checked against this so a miss costs as much as a wrong password.
const std::string& dummy_hash() {
  static const std::string hash = hash_password("wirelens-no-such-user");
  return hash;
}

}  // namespace

const char* role_name(Role r) { return r == Role::kAdmin ? "administrator" : "unprivileged"; }

std::optional<Role> parse_role(const std::string& s) {
  if (s == "administrator") return Role::kAdmin;
  if (s == "unprivileged") return Role::kUser;
  return std::nullopt;
}

std::string hash_password(const std::string& password) {
  auth_detail::ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  SlotGuard slot;
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return {};
  return out;
}

bool check_password(const std::string& stored_hash, const std::string& password) {
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
  auth_detail::ensure_sodium();
  SlotGuard slot;
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

UserStore::UserStore(ConfigDb& db) : db_(db) { auth_detail::ensure_sodium(); }

bool UserStore::ensure_default_admin(const std::optional<std::string>& admin_password, std::string& error) {
  int64_t users = 0;
  {
    std::lock_guard lock(db_.mutex());
    Stmt st(db_.handle(), "SELECT COUNT(*) FROM users");
    if (!st.row()) {
      error = std::string("cannot read users from ") + db_.path() + ": " + sqlite3_errmsg(db_.handle());
      return false;
    }
    users = st.integer(0);
  }
  if (users > 0 && !admin_password) return true;
  // The built-in "admin" is exempt from the length rule: it must be changed at first login.
  if (admin_password && !valid_password(*admin_password, error)) {
    error = "admin password: " + error;
    return false;
  }
  if (users > 0 && get(kDefaultAdmin))
    return store_password(db_, kDefaultAdmin, *admin_password, error) == UserResult::kOk;

  User admin;
  admin.username = kDefaultAdmin;
  admin.full_name = "Administrator";
  admin.role = Role::kAdmin;
  admin.must_change_password = !admin_password;
  std::string hash = hash_password(admin_password.value_or(kDefaultAdmin));
  if (hash.empty()) {
    error = "password hashing failed (out of memory?)";
    return false;
  }
  return insert_user(db_, admin, hash, error) == UserResult::kOk;
}

std::optional<User> UserStore::get(const std::string& username) const {
  std::lock_guard lock(db_.mutex());
  Stmt st(db_.handle(), (std::string("SELECT ") + kUserColumns + " FROM users WHERE username = ?").c_str());
  st.bind(1, lower(username));
  if (!st.row()) return std::nullopt;
  return read_user(st);
}

std::vector<User> UserStore::list() const {
  std::lock_guard lock(db_.mutex());
  Stmt st(db_.handle(), (std::string("SELECT ") + kUserColumns + " FROM users ORDER BY username").c_str());
  std::vector<User> out;
  while (st.row()) out.push_back(read_user(st));
  return out;
}

UserResult UserStore::add(const User& u, const std::string& password, std::string& error) {
  User n = u;
  n.username = lower(u.username);
  if (!valid_name(n.username)) {
    error = "the user name must have 1 to 64 characters from a-z, 0-9, '.', '_' and '-'";
    return UserResult::kInvalid;
  }
  if (!valid_password(password, error)) return UserResult::kInvalid;
  if (!normalise_networks(n.allowed_networks, error)) return UserResult::kInvalid;
  // Checked before hashing too, so a duplicate costs no Argon2 run.
  if (get(n.username)) {
    error = "user " + n.username + " already exists";
    return UserResult::kExists;
  }
  std::string hash = hash_password(password);
  if (hash.empty()) {
    error = "password hashing failed (out of memory?)";
    return UserResult::kError;
  }
  return insert_user(db_, n, hash, error);
}

UserResult UserStore::edit(const User& u, std::string& error) {
  User n = u;
  n.username = lower(u.username);
  if (!normalise_networks(n.allowed_networks, error)) return UserResult::kInvalid;
  std::lock_guard lock(db_.mutex());
  sqlite3* db = db_.handle();
  Transaction tx(db);
  auto current = role_of(db, n.username);
  if (!current) {
    error = "no user " + n.username;
    return UserResult::kNotFound;
  }
  if (*current == Role::kAdmin && n.role != Role::kAdmin && admin_count(db) <= 1) {
    error = "cannot demote " + n.username + ": it is the last administrator";
    return UserResult::kLastAdmin;
  }
  Stmt st(db,
          "UPDATE users SET full_name = ?, role = ?, allowed_networks = ?, allowed_interface = ?, allow_alerts = ? "
          "WHERE username = ?");
  st.bind(1, n.full_name).bind(2, std::string(role_name(n.role))).bind(3, join_networks(n.allowed_networks));
  st.bind(4, n.allowed_interface).bind(5, int64_t{n.allow_alerts}).bind(6, n.username);
  if (!tx.ok() || !st.run() || !tx.commit()) {
    error = "cannot update user " + n.username + ": " + sqlite3_errmsg(db);
    return UserResult::kError;
  }
  return UserResult::kOk;
}

UserResult UserStore::remove(const std::string& username) {
  std::string name = lower(username);
  std::lock_guard lock(db_.mutex());
  sqlite3* db = db_.handle();
  Transaction tx(db);
  auto current = role_of(db, name);
  if (!current) return UserResult::kNotFound;
  if (*current == Role::kAdmin && admin_count(db) <= 1) return UserResult::kLastAdmin;
  // Tokens and sessions go with the user (ON DELETE CASCADE).
  Stmt st(db, "DELETE FROM users WHERE username = ?");
  st.bind(1, name);
  if (!tx.ok() || !st.run() || !tx.commit()) return UserResult::kError;
  return UserResult::kOk;
}

UserResult UserStore::set_password(const std::string& username, const std::string& password, std::string& error) {
  std::string name = lower(username);
  if (!valid_password(password, error)) return UserResult::kInvalid;
  if (!get(name)) {
    error = "no user " + name;
    return UserResult::kNotFound;
  }
  return store_password(db_, name, password, error);
}

std::optional<User> UserStore::verify(const std::string& username, const std::string& password) const {
  if (password.size() > kMaxPasswordBytes) return std::nullopt;
  std::string hash;
  std::optional<User> user;
  {
    std::lock_guard lock(db_.mutex());
    std::string sql = std::string("SELECT ") + kUserColumns + ", password_hash FROM users WHERE username = ?";
    Stmt st(db_.handle(), sql.c_str());
    st.bind(1, lower(username));
    if (st.row()) {
      user = read_user(st);
      hash = st.text(8);
    }
  }
  // The hash runs outside the database lock: it takes ~100 ms.
  if (!user) {
    check_password(dummy_hash(), password);
    return std::nullopt;
  }
  if (!check_password(hash, password)) return std::nullopt;
  return user;
}

}  // namespace wl
