#pragma once
// Failed logins per source address: after `max_failures` within `window_s`
// the source is refused (before any password hashing) until the window ends.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace wl {

class RateLimiter {
 public:
  RateLimiter(int max_failures = 10, int64_t window_s = 60) : max_(max_failures), window_(window_s) {}
  bool blocked(const std::string& source, int64_t now) const;
  void failure(const std::string& source, int64_t now);
  void success(const std::string& source);

 private:
  struct Entry { int64_t window_start = 0; int failures = 0; };
  int max_;
  int64_t window_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> by_source_;  // bounded: old windows pruned
};

}  // namespace wl
