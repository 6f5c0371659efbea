#pragma once
// Identical list queries within a short time share one engine scan: a
// dashboard refreshed by many browsers, or a client polling, would otherwise
// take the shard thread away from packets once per request. Answers are at
// most `max_age` old (ntopng's own tables refresh every few seconds).
#include <chrono>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace wl {

class ResponseCache {
 public:
  explicit ResponseCache(std::chrono::milliseconds max_age = std::chrono::milliseconds(1000), size_t max_entries = 64)
      : max_age_(max_age), max_entries_(max_entries) {}
  bool get(const std::string& key, std::string& body);
  void put(const std::string& key, std::string body);

 private:
  using Clock = std::chrono::steady_clock;
  struct Entry {
    std::string body;
    Clock::time_point at;
    std::list<std::string>::iterator order;
  };
  std::chrono::milliseconds max_age_;
  size_t max_entries_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> order_;  // oldest first
};

}  // namespace wl
