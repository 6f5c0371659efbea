#pragma once
// Names of the protocol and category ids a reader met, resolved on the
// shard's own thread (the Detector belongs to the shard) for use after.
#include <cstdint>
#include <map>
#include <string>

namespace wl {

class Detector;

struct L7Names {
  std::map<uint16_t, std::string> apps, categories;
  void note_app(const Detector* d, uint16_t id);
  void note_category(const Detector* d, uint16_t id);
  std::string app(uint16_t id) const;
  std::string category(uint16_t id) const;
};

}  // namespace wl
