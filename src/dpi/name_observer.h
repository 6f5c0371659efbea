#pragma once
// Reads names out of DNS, mDNS, LLMNR, NetBIOS, DHCP and SSDP messages with our own
// parsers, on every such packet (not only while nDPI inspects the flow):
// nDPI 4.2 keeps only the first DNS answer, and host naming needs them all.
// Fills the flow's metadata and the interface's host-name cache.
#include <cstdint>
#include <memory>

#include "decode/packet.h"
#include "dpi/dpi_result.h"
#include "hosts/host_names.h"

namespace wl {

// True for packets worth a look (by port): cheap enough for every packet.
inline bool carries_names(const DecodedPacket& p) {
  if (p.l4_proto != 17 || p.payload_len == 0) return false;
  auto any = [&](uint16_t port) { return p.sport == port || p.dport == port; };
  return any(53) || any(5353) || any(5355) || any(137) || any(67) || any(68) || any(1900);
}

void observe_names(const DecodedPacket& p, const uint8_t* payload, std::unique_ptr<FlowMetadata>& meta,
                   HostNameCache* names);

// TLS SNI and HTTP Host name the flow's server once detection ends.
void learn_server_name(const FlowMetadata& meta, const IpAddress& server, HostNameCache* names);

}  // namespace wl
