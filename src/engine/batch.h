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
  // The IP packet's bytes for DPI (copied into the batch), or none.
  uint32_t bytes_offset = 0, bytes_len = 0;
  const uint8_t* l3 = nullptr;  // set by the shard's thread: batch.bytes + bytes_offset
};

struct Batch {
  static constexpr size_t kMaxPackets = 256;
  Micros clock = 0;           // interface clock: shards end flows by it
  bool end_of_input = false;  // flush every flow, then report back
  bool settle = false;        // input ended, flows kept: Shard::settle()
  std::function<void()> on_done;  // called by the shard once the batch was processed
  std::vector<PacketRef> packets;
  std::vector<uint8_t> bytes;  // packet bytes for DPI, when it is on
  Batch() { packets.reserve(kMaxPackets); }
};

}  // namespace wl
