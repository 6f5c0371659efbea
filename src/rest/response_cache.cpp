#include "rest/response_cache.h"

namespace wl {

bool ResponseCache::get(const std::string& key, std::string& body) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return false;
  if (Clock::now() - it->second.at > max_age_) {
    order_.erase(it->second.order);
    entries_.erase(it);
    return false;
  }
  body = it->second.body;
  return true;
}

void ResponseCache::put(const std::string& key, std::string body) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    order_.erase(it->second.order);
    entries_.erase(it);
  }
  while (entries_.size() >= max_entries_ && !order_.empty()) {
    entries_.erase(order_.front());
    order_.pop_front();
  }
  order_.push_back(key);
  entries_[key] = Entry{std::move(body), Clock::now(), std::prev(order_.end())};
}

}  // namespace wl
