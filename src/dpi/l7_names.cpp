#include "dpi/l7_names.h"

#include "dpi/detector.h"

namespace wl {

void L7Names::note_app(const Detector* d, uint16_t id) {
  if (d && !apps.count(id)) apps[id] = d->name_of(id);
}

void L7Names::note_category(const Detector* d, uint16_t id) {
  if (d && !categories.count(id)) categories[id] = d->category_name(id);
}

std::string L7Names::app(uint16_t id) const {
  auto it = apps.find(id);
  return it == apps.end() ? std::to_string(id) : it->second;
}

std::string L7Names::category(uint16_t id) const {
  auto it = categories.find(id);
  return it == categories.end() ? std::to_string(id) : it->second;
}

}  // namespace wl
