#pragma once
// Our own flow-risk table: current nDPI names, severities and scores with
// the client/server split (checks-and-alerts-catalogue.md §5.2). Debian's
// nDPI 4.2 raises risks 1..41 with the same numbering but scores them
// differently; scores always come from here, never from ndpi_risk2score().
#include <cstdint>
#include <string>
#include <string_view>

namespace wl {

enum class Severity : uint8_t { kLow, kMedium, kHigh, kSevere, kCritical, kEmergency };

struct RiskInfo {
  uint8_t id;
  const char* enum_name;  // NDPI_... as named by current nDPI
  const char* label;      // the name shown to people
  Severity severity;
  uint16_t client_score, server_score;
  uint16_t score() const { return client_score + server_score; }
};

constexpr uint8_t kMaxRiskId = 56;

// nullptr for ids outside 1..56.
const RiskInfo* risk_info(uint8_t id);
uint16_t severity_score(Severity s);  // 10, 50, 100, 150, 200, 250
const char* severity_name(Severity s);  // "low" ... "emergency"

struct RiskScore {
  uint16_t total = 0, client = 0, server = 0;
};
// Sum over the set bits of a risk bitmap (bit n = risk id n).
RiskScore risk_score(uint64_t bitmap);
// "XSS Attack, Missing SNI TLS Extn" in id order; empty for no risk.
std::string risk_names(uint64_t bitmap, std::string_view separator = ",");

}  // namespace wl
