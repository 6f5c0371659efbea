#pragma once
// Paging style A of ntopng's live tables (compat doc 4.3): {currentPage,
// perPage, totalRows, data, sort: [[column, order]]}.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "rest/json.h"

namespace wl {

// `sort_column` empty: the inner sort array is [] (ntopng's host list without
// a sort column).
inline void write_page(Json& w, long long current_page, long long per_page, uint64_t total,
                       const std::function<void(Json&)>& rows, const std::optional<std::string>& sort_column,
                       bool ascending) {
  w.StartObject();
  kv(w, "currentPage", current_page);
  kv(w, "perPage", per_page);
  kv(w, "totalRows", total);
  jkey(w, "data");
  w.StartArray();
  rows(w);
  w.EndArray();
  jkey(w, "sort");
  w.StartArray();
  w.StartArray();
  if (sort_column) {
    jstr(w, "column_" + *sort_column);
    jstr(w, ascending ? "asc" : "desc");
  }
  w.EndArray();
  w.EndArray();
  w.EndObject();
}

}  // namespace wl
