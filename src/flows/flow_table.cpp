#include "flows/flow_table.h"

namespace wl {

uint32_t FlowTable::oldest_unidirectional(uint32_t scan_limit) const {
  uint32_t seen = 0;
  for (uint32_t s = table_.oldest(); s != kNoSlot && seen < scan_limit; s = table_.next_newer(s), ++seen) {
    if (!table_.at(s).bidirectional()) return s;
  }
  return kNoSlot;
}

}  // namespace wl
