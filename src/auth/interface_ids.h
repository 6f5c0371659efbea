#pragma once
// ntopng's interface ids: assigned the first time a name is seen (0, 1, ...)
// and kept forever in the configuration database.
#include <string>

#include "auth/config_db.h"

namespace wl {

class InterfaceIds {
 public:
  explicit InterfaceIds(ConfigDb& db);
  int id_for(const std::string& name);  // existing id, or the next free one (0..255); -1 when full

 private:
  ConfigDb& db_;
};

}  // namespace wl
