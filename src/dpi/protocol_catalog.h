#pragma once
// Every protocol and category nDPI knows, with names, default categories and
// breeds: read once from a Detector at start-up, then shared read-only by any
// thread (the REST layer cannot call into a shard's nDPI module).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wl {

class Detector;

struct ProtocolInfo {
  uint16_t id = 0;
  std::string name;
  uint16_t category = 0;
  std::string breed;
};

class ProtocolCatalog {
 public:
  ProtocolCatalog() = default;
  explicit ProtocolCatalog(const Detector& d);
  static const ProtocolCatalog& instance();  // built on first use

  const std::vector<ProtocolInfo>& protocols() const { return protocols_; }
  const std::vector<std::string>& categories() const { return categories_; }
  std::string_view protocol_name(uint16_t id) const;
  std::string_view category_name(uint16_t id) const;
  std::string_view breed(uint16_t id) const;
  // "TLS.Google" for master.app, as the flow records write it.
  std::string flow_protocol_name(uint16_t master, uint16_t app) const;
  // By name (case-insensitive) or decimal id.
  std::optional<uint16_t> find_protocol(std::string_view name_or_id) const;
  std::optional<uint16_t> find_category(std::string_view name_or_id) const;

 private:
  std::vector<ProtocolInfo> protocols_;  // indexed by id
  std::vector<std::string> categories_;  // indexed by id
};

}  // namespace wl
