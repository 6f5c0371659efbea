#include "flows/client_choice.h"

#include "flows/tcp_tracker.h"

namespace wl {

namespace {
constexpr uint16_t kFirstEphemeralPort = 1024;

bool well_known(uint16_t port) { return port != 0 && port < kFirstEphemeralPort; }
}  // namespace

bool sender_is_client(const DecodedPacket& p) {
  if (p.l4_proto == 6 && !p.l4_header_short) {
    bool syn = p.tcp_flags & tcp::kSyn, ack = p.tcp_flags & tcp::kAck;
    if (syn && !ack) return true;
    if (syn && ack) return false;
  }
  if (p.l4_proto == 6 || p.l4_proto == 17) {
    if (well_known(p.sport) && !well_known(p.dport) && p.dport != 0) return false;
  }
  return true;
}

}  // namespace wl
