#pragma once
#include <sys/stat.h>

#include <string>

namespace wl {

inline bool is_regular_file(const std::string& path) {
  struct stat st{};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace wl
