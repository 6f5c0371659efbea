#include "dpi/protocol_catalog.h"

#include <charconv>
#include <strings.h>

#include "dpi/detector.h"

namespace wl {

namespace {
bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}
std::optional<uint16_t> parse_id(std::string_view s) {
  unsigned v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v > 0xFFFF) return std::nullopt;
  return static_cast<uint16_t>(v);
}
}  // namespace

ProtocolCatalog::ProtocolCatalog(const Detector& d) {
  for (uint16_t id = 0; id < d.protocol_count(); ++id)
    protocols_.push_back({id, d.name_of(id), d.default_category(id), d.breed_name(id)});
  for (uint16_t c = 0; c < d.category_count(); ++c) categories_.emplace_back(d.category_name(c));
}

const ProtocolCatalog& ProtocolCatalog::instance() {
  static const ProtocolCatalog catalog{Detector{}};
  return catalog;
}

std::string_view ProtocolCatalog::protocol_name(uint16_t id) const {
  return id < protocols_.size() ? std::string_view(protocols_[id].name) : std::string_view("Unknown");
}

std::string_view ProtocolCatalog::category_name(uint16_t id) const {
  return id < categories_.size() ? std::string_view(categories_[id]) : std::string_view("Unspecified");
}

std::string_view ProtocolCatalog::breed(uint16_t id) const {
  return id < protocols_.size() ? std::string_view(protocols_[id].breed) : std::string_view("Unrated");
}

std::string ProtocolCatalog::flow_protocol_name(uint16_t master, uint16_t app) const {
  if (master && app) return std::string(protocol_name(master)) + "." + std::string(protocol_name(app));
  if (app) return std::string(protocol_name(app));
  return std::string(protocol_name(master));
}

std::optional<uint16_t> ProtocolCatalog::find_protocol(std::string_view s) const {
  if (auto id = parse_id(s)) return id;
  for (const auto& p : protocols_)
    if (same_name(p.name, s)) return p.id;
  return std::nullopt;
}

std::optional<uint16_t> ProtocolCatalog::find_category(std::string_view s) const {
  if (auto id = parse_id(s)) return id;
  for (size_t i = 0; i < categories_.size(); ++i)
    if (same_name(categories_[i], s)) return static_cast<uint16_t>(i);
  return std::nullopt;
}

}  // namespace wl
