#include "auth/auth_util.h"

#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace wl::auth_detail {

int64_t now_s() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Without it there is no CSPRNG and no password hashing: nothing safe to fall back on.
    if (sodium_init() < 0) {
      std::fputs("wirelens: libsodium failed to initialise\n", stderr);
      std::abort();
    }
  });
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace wl::auth_detail
