#pragma once
// Pieces of a flow's JSON shared by the flow list and the flow detail.
#include <cstdint>
#include <string>

#include "query/flow_view.h"
#include "rest/json.h"

namespace wl {

// ntopng's L4 names ("TCP", "ICMPv6", "Other IP").
const char* l4_proto_name(uint8_t proto);
// "SYN ACK FIN" for the flags seen in one direction.
std::string tcp_flags_text(uint8_t flags);
// The server's shown name: what the client asked for (SNI, HTTP host) when known.
std::string server_display_name(const FlowView& f, const std::string& learned);

}  // namespace wl
