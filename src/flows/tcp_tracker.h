#pragma once
// TCP connection tracking of one flow: handshake latency, connection state and
// sequence analysis (retransmission vs out-of-order vs lost).
#include <cstdint>

#include "decode/packet.h"
#include "flows/counters.h"

namespace wl {

namespace tcp {
constexpr uint8_t kFin = 0x01, kSyn = 0x02, kRst = 0x04, kPsh = 0x08, kAck = 0x10;
}

enum class TcpState : uint8_t { kNone, kSynSent, kSynReceived, kEstablished, kClosing, kClosed };
const char* tcp_state_name(TcpState s);

class TcpTracker {
 public:
  // dir 0: client to server, 1: server to client.
  void on_segment(int dir, const DecodedPacket& p, int64_t ts_us, DirectionCounters& c);

  TcpState state() const { return state_; }
  // Both sides sent FIN, or one sent RST: the connection is over.
  bool closed() const { return state_ == TcpState::kClosed; }
  bool reset() const { return rst_; }
  uint16_t max_window(int dir) const { return d_[dir].max_window; }

  // Half round-trip times from the three-way handshake, in milliseconds; < 0
  // when the handshake was not seen. Server side: SYN to SYN-ACK; client
  // side: SYN-ACK to ACK (halved, as nProbe and ntopng report them).
  double server_latency_ms() const;
  double client_latency_ms() const;

 private:
  struct Direction {
    uint32_t next_seq = 0;
    bool seq_known = false;
    bool fin = false;
    bool has_hole = false;
    bool hole_counted_lost = false;
    uint32_t hole_start = 0, hole_end = 0;
    int64_t hole_ts = 0;
    uint16_t max_window = 0;
  };
  void analyse_sequence(Direction& d, const DecodedPacket& p, int64_t ts, DirectionCounters& c);
  void update_state(int dir, uint8_t flags, int64_t ts);
  int64_t reorder_window_us() const;

  Direction d_[2];
  int64_t syn_ts_ = -1, synack_ts_ = -1, ack_ts_ = -1;
  TcpState state_ = TcpState::kNone;
  bool rst_ = false;
};

}  // namespace wl
