#pragma once
// ntopng's chart lists: {label, value[, url][, duration]} sorted by value,
// small slices collapsed into "Other" (compat doc 6.9, 6.10, 6.16, 6.17).
#include <cstdint>
#include <string>
#include <vector>

#include "rest/json.h"

namespace wl {

struct LabelValue {
  std::string label;
  double value = 0;
  std::string url;         // omitted when empty
  int64_t duration = -1;   // omitted when < 0
};

// Largest first; keeps the largest entry, then entries of at least `pct`
// percent of the total; the rest (and always one entry, maybe 0) is "Other".
std::vector<LabelValue> collapse_small(std::vector<LabelValue> items, double pct, bool with_duration);
void sort_desc(std::vector<LabelValue>& items);
void write_label_values(Json& w, const std::vector<LabelValue>& items);
// The `new_charts=true` form: labels, series, colors, formatter names.
void write_new_chart(Json& w, const std::vector<LabelValue>& items, const char* formatter);

}  // namespace wl
