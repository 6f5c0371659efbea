#include "rest/label_values.h"

#include <algorithm>

namespace wl {

void sort_desc(std::vector<LabelValue>& items) {
  std::stable_sort(items.begin(), items.end(), [](const LabelValue& a, const LabelValue& b) {
    if (a.value != b.value) return a.value > b.value;
    return a.label < b.label;
  });
}

std::vector<LabelValue> collapse_small(std::vector<LabelValue> items, double pct, bool with_duration) {
  sort_desc(items);
  double total = 0;
  for (const auto& i : items) total += i.value;
  std::vector<LabelValue> out;
  LabelValue other{"Other", 0, {}, with_duration ? 0 : -1};
  for (size_t i = 0; i < items.size(); ++i) {
    if (i == 0 || (total > 0 && items[i].value * 100.0 / total >= pct)) out.push_back(std::move(items[i]));
    else other.value += items[i].value;
  }
  if (!out.empty()) out.push_back(other);
  return out;
}

void write_label_values(Json& w, const std::vector<LabelValue>& items) {
  w.StartArray();
  for (const auto& i : items) {
    w.StartObject();
    kv(w, "label", i.label);
    if (i.value == static_cast<double>(static_cast<uint64_t>(i.value))) kv(w, "value", static_cast<uint64_t>(i.value));
    else kv(w, "value", i.value);
    if (!i.url.empty()) kv(w, "url", i.url);
    if (i.duration >= 0) kv(w, "duration", static_cast<long long>(i.duration));
    w.EndObject();
  }
  w.EndArray();
}

void write_new_chart(Json& w, const std::vector<LabelValue>& items, const char* formatter) {
  static const char* kPalette[] = {"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de",
                                   "#3ba272", "#fc8452", "#9a60b4", "#ea7ccc", "#bbbbbb"};
  w.StartObject();
  jkey(w, "labels");
  w.StartArray();
  for (const auto& i : items) jstr(w, i.label);
  w.EndArray();
  jkey(w, "series");
  w.StartArray();
  for (const auto& i : items) w.Double(i.value);
  w.EndArray();
  jkey(w, "colors");
  w.StartArray();
  for (size_t n = 0; n < items.size(); ++n) w.String(kPalette[n % 10]);
  w.EndArray();
  jkey(w, "yaxis");
  w.StartObject();
  kv(w, "show", false);
  jkey(w, "labels");
  w.StartObject();
  kv(w, "formatter", formatter);
  w.EndObject();
  w.EndObject();
  jkey(w, "tooltip");
  w.StartObject();
  jkey(w, "y");
  w.StartObject();
  kv(w, "formatter", formatter);
  w.EndObject();
  w.EndObject();
  kv(w, "extra_x_tooltip_label", "None");
  w.EndObject();
}

}  // namespace wl
