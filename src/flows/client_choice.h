#pragma once
// Who is the client of a new flow: the SYN sender; the receiver of a SYN-ACK;
// else the sender of the first packet, unless the ports say the first packet
// came from a server (a flow seen mid-stream).
#include <cstdint>

#include "decode/packet.h"

namespace wl {

// True when the first packet's sender should be taken as the client.
bool sender_is_client(const DecodedPacket& first);

}  // namespace wl
