#pragma once
// What detection found for a flow, as plain values: the rest of the engine
// never sees nDPI's types. Names come from the shard's Detector.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/ip_address.h"

namespace wl {

// nDPI 4.2's confidence values, in its order.
enum class Confidence : uint8_t { kUnknown = 0, kMatchByPort, kMatchByIp, kDpiCache, kDpi };
const char* confidence_name(Confidence c);

struct DpiResult {
  uint16_t master = 0;      // nDPI protocol ids; 0 = Unknown
  uint16_t app = 0;
  uint16_t category = 0;
  uint16_t ip_match = 0;    // protocol owning the server address (nDPI's IP lists), 0 = none
  Confidence confidence = Confidence::kUnknown;
  bool done = false;        // detection finished: nDPI's state is gone
  bool guessed = false;     // by port or address only, never by payload
  uint64_t risk = 0;        // bit n = risk id n (risk_table.h)

  // The protocol aggregates count under: the application, else the master.
  uint16_t effective() const { return app ? app : master; }
};

// The text fields a flow may reveal.
enum class Meta : uint8_t {
  kHostName,  // nDPI's generic host name, when no field below holds it
  kTlsServerName, kTlsVersion, kTlsAlpn, kJa3c, kJa3s, kJa4c, kTlsIssuer, kTlsSubject,
  kHttpHost, kHttpUrl, kHttpMethod, kHttpUserAgent, kHttpContentType,
  kDnsQuery,
  kSshClientBanner, kSshServerBanner, kHasshClient, kHasshServer,
  kDhcpHostName, kDhcpVendorClass, kDhcpFingerprint,
  kNetbiosName,
  kCount
};

// The present text fields only, packed in one buffer: a TLS flow's six
// strings cost one allocation, not six strings' worth of empty members.
class MetaStrings {
 public:
  std::string_view get(Meta k) const;
  bool has(Meta k) const { return !get(k).empty(); }
  // An empty value removes the field; values are cut at 64 KiB.
  void set(Meta k, std::string_view value);
  bool empty() const { return slots_.empty(); }
  size_t heap_bytes() const { return blob_.capacity() + slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    Meta key;
    uint16_t len;
    uint32_t offset;
  };
  std::string blob_;
  std::vector<Slot> slots_;
};

// Application metadata kept after detection, allocated only for flows that
// revealed some (most do not).
struct FlowMetadata {
  MetaStrings text;
  std::vector<IpAddress> dns_answers;  // A/AAAA answers (bounded)
  uint32_t tls_not_before = 0, tls_not_after = 0;
  uint16_t tls_cipher = 0;
  uint16_t http_status = 0;
  uint16_t dns_query_type = 0;
  uint8_t dns_rcode = 0;
  bool dns_answered = false;

  std::string_view get(Meta k) const { return text.get(k); }
  void set(Meta k, std::string_view v) { text.set(k, v); }
  bool empty() const {
    return text.empty() && dns_answers.empty() && !http_status && !tls_cipher && !dns_answered;
  }
  // Memory this metadata holds, itself included.
  size_t heap_bytes() const;
};

// Copies every field of `from` that `into` does not have yet.
void fill_missing(FlowMetadata& into, const FlowMetadata& from);

}  // namespace wl
