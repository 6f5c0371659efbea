#include "auth/rate_limiter.h"

#include <iterator>

namespace wl {

namespace {
constexpr size_t kPruneAbove = 10000;
}

bool RateLimiter::blocked(const std::string& source, int64_t now) const {
  std::lock_guard lock(mu_);
  auto it = by_source_.find(source);
  if (it == by_source_.end()) return false;
  const Entry& e = it->second;
  return now < e.window_start + window_ && e.failures >= max_;
}

void RateLimiter::failure(const std::string& source, int64_t now) {
  std::lock_guard lock(mu_);
  if (by_source_.size() > kPruneAbove) {
    std::erase_if(by_source_, [&](const auto& kv) { return now >= kv.second.window_start + window_; });
    // Still full (many sources within one window, e.g. an IPv6 sweep): keep
    // only the blocked sources, so filling the map cannot unblock anyone.
    if (by_source_.size() > kPruneAbove)
      std::erase_if(by_source_, [&](const auto& kv) { return kv.second.failures < max_; });
  }
  Entry& e = by_source_[source];
  if (e.failures == 0 || now >= e.window_start + window_) e = Entry{now, 0};
  ++e.failures;
}

void RateLimiter::success(const std::string& source) {
  std::lock_guard lock(mu_);
  by_source_.erase(source);
}

}  // namespace wl
