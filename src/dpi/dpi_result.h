#pragma once
// What detection found for a flow, as plain values: the rest of the engine
// never sees nDPI's types. Names come from the shard's Detector.
#include <cstddef>
#include <cstdint>
#include <string>
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

// Application metadata kept after detection, allocated only for flows that
// revealed some (most do not).
struct FlowMetadata {
  std::string host_name;  // nDPI's generic host name, when no field below holds it
  // TLS / QUIC
  std::string tls_server_name, tls_version, tls_alpn, ja3c, ja3s, ja4c, tls_issuer, tls_subject;
  uint32_t tls_not_before = 0, tls_not_after = 0;
  uint16_t tls_cipher = 0;
  // HTTP
  std::string http_host, http_url, http_method, http_user_agent, http_content_type;
  uint16_t http_status = 0;
  // DNS, mDNS, LLMNR
  std::string dns_query;
  uint16_t dns_query_type = 0;
  uint8_t dns_rcode = 0;
  bool dns_answered = false;
  std::vector<IpAddress> dns_answers;  // A/AAAA answers (bounded)
  // SSH
  std::string ssh_client_banner, ssh_server_banner, hassh_client, hassh_server;
  // DHCP
  std::string dhcp_host_name, dhcp_vendor_class, dhcp_fingerprint;
  // NetBIOS
  std::string netbios_name;

  // Memory this metadata holds, itself included.
  size_t heap_bytes() const;
};

// Copies every field of `from` that `into` does not have yet.
void fill_missing(FlowMetadata& into, const FlowMetadata& from);

}  // namespace wl
