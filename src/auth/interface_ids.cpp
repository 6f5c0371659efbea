#include "auth/interface_ids.h"

#include <mutex>

#include "auth/auth_util.h"

namespace wl {

using auth_detail::Stmt;

namespace {
constexpr int kMaxIds = 256;  // ntopng keeps interface ids in a byte
}

InterfaceIds::InterfaceIds(ConfigDb& db) : db_(db) {}

int InterfaceIds::id_for(const std::string& name) {
  std::lock_guard lock(db_.mutex());
  sqlite3* db = db_.handle();
  Stmt known(db, "SELECT id FROM interfaces WHERE name = ?");
  known.bind(1, name);
  if (known.row()) return static_cast<int>(known.integer(0));

  // Ids ascend, so the first gap in 0, 1, 2, ... is the smallest free one.
  int next = 0;
  Stmt used(db, "SELECT id FROM interfaces ORDER BY id");
  while (used.row() && used.integer(0) == next) ++next;
  if (next >= kMaxIds) return -1;

  Stmt add(db, "INSERT INTO interfaces (name, id) VALUES (?, ?)");
  add.bind(1, name).bind(2, int64_t{next});
  return add.run() ? next : -1;
}

}  // namespace wl
