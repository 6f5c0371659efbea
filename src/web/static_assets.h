#pragma once
// The web UI's files (Vite's build output), compiled into the binary by
// cmake/embed_assets.cmake: one binary serves everything.
#include <cstddef>
#include <string_view>
#include <vector>

namespace wl {

struct StaticAsset {
  const char* path;          // "/index.html", "/assets/index-3f2a.js"
  const char* content_type;
  const unsigned char* data;
  size_t size;
};

const std::vector<StaticAsset>& static_assets();

// The asset at `path` ("/" means "/index.html"), or null.
inline const StaticAsset* find_static_asset(std::string_view path) {
  if (path == "/" || path.empty()) path = "/index.html";
  for (const auto& a : static_assets())
    if (path == a.path) return &a;
  return nullptr;
}

}  // namespace wl
