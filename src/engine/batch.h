#pragma once
// What the capture thread hands a shard: decoded packets plus the interface
// clock at the time the batch was sealed.
#include <cstdint>
#include <functional>
#include <vector>

#include "common/time.h"
#include "decode/packet.h"

namespace wl {

struct PacketRef {
  DecodedPacket pkt;
  Micros ts = 0;
  uint32_t wire_len = 0;
};

struct Batch {
  static constexpr size_t kMaxPackets = 256;
  Micros clock = 0;           // interface clock: shards end flows by it
  bool end_of_input = false;  // flush every flow, then report back
  std::function<void()> on_done;  // called by the shard once the batch was processed
  std::vector<PacketRef> packets;
  Batch() { packets.reserve(kMaxPackets); }
};

}  // namespace wl
