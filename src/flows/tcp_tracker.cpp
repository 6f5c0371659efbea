#include "flows/tcp_tracker.h"

namespace wl {

namespace {
// A segment that fills a gap this soon after the gap appeared was reordered on
// the way, not retransmitted (the rule Wireshark uses, with its 3 ms floor).
constexpr int64_t kMinReorderWindowUs = 3000;

int32_t seq_diff(uint32_t a, uint32_t b) { return static_cast<int32_t>(a - b); }
}  // namespace

const char* tcp_state_name(TcpState s) {
  switch (s) {
    case TcpState::kNone: return "none";
    case TcpState::kSynSent: return "syn_sent";
    case TcpState::kSynReceived: return "syn_received";
    case TcpState::kEstablished: return "established";
    case TcpState::kClosing: return "closing";
    case TcpState::kClosed: return "closed";
  }
  return "none";
}

double TcpTracker::server_latency_ms() const {
  if (syn_ts_ < 0 || synack_ts_ < 0) return -1;
  return static_cast<double>(synack_ts_ - syn_ts_) / 2000.0;
}

double TcpTracker::client_latency_ms() const {
  if (synack_ts_ < 0 || ack_ts_ < 0) return -1;
  return static_cast<double>(ack_ts_ - synack_ts_) / 2000.0;
}

int64_t TcpTracker::reorder_window_us() const {
  if (syn_ts_ >= 0 && ack_ts_ >= 0) {
    int64_t rtt = ack_ts_ - syn_ts_;
    if (rtt > kMinReorderWindowUs) return rtt;
  }
  return kMinReorderWindowUs;
}

void TcpTracker::on_segment(int dir, const DecodedPacket& p, int64_t ts, DirectionCounters& c) {
  Direction& d = d_[dir];
  uint8_t flags = p.tcp_flags;
  if (p.tcp_window > d.max_window) d.max_window = p.tcp_window;
  if (p.tcp_window == 0 && !(flags & (tcp::kRst | tcp::kSyn | tcp::kFin))) ++c.zero_window;
  analyse_sequence(d, p, ts, c);
  update_state(dir, flags, ts);
}

void TcpTracker::update_state(int dir, uint8_t flags, int64_t ts) {
  bool syn = flags & tcp::kSyn, ack = flags & tcp::kAck;
  if (syn && !ack && dir == 0) {
    syn_ts_ = ts;  // the latest SYN: a retransmitted SYN must not inflate the RTT
    synack_ts_ = ack_ts_ = -1;
    if (state_ == TcpState::kNone) state_ = TcpState::kSynSent;
  } else if (syn && ack && dir == 1) {
    if (synack_ts_ < 0 && syn_ts_ >= 0) synack_ts_ = ts;
    if (state_ == TcpState::kNone || state_ == TcpState::kSynSent) state_ = TcpState::kSynReceived;
  } else if (ack && !syn && dir == 0 && synack_ts_ >= 0 && ack_ts_ < 0) {
    ack_ts_ = ts;
    if (state_ == TcpState::kSynReceived) state_ = TcpState::kEstablished;
  } else if (state_ == TcpState::kNone && ack && !syn) {
    state_ = TcpState::kEstablished;  // seen mid-stream
  }
  if (flags & tcp::kFin) {
    d_[dir].fin = true;
    state_ = (d_[0].fin && d_[1].fin) ? TcpState::kClosed : TcpState::kClosing;
  }
  if (flags & tcp::kRst) {
    rst_ = true;
    state_ = TcpState::kClosed;
  }
}

void TcpTracker::analyse_sequence(Direction& d, const DecodedPacket& p, int64_t ts,
                                  DirectionCounters& c) {
  uint8_t flags = p.tcp_flags;
  if (flags & tcp::kRst) return;
  uint32_t seg_len = p.payload_len + ((flags & tcp::kSyn) ? 1 : 0) + ((flags & tcp::kFin) ? 1 : 0);
  if (seg_len == 0) return;  // pure ACK: no sequence space
  uint32_t seq = p.tcp_seq;
  uint32_t end = seq + seg_len;
  if (!d.seq_known) {
    d.seq_known = true;
    d.next_seq = end;
    return;
  }
  int32_t diff = seq_diff(seq, d.next_seq);
  if (diff == 0) {
    d.next_seq = end;
    return;
  }
  if (diff > 0) {  // a gap: segments we have not seen (yet)
    ++c.lost;
    d.has_hole = true;
    d.hole_counted_lost = true;
    d.hole_start = d.next_seq;
    d.hole_end = seq;
    d.hole_ts = ts;
    d.next_seq = end;
    return;
  }
  // Starts before what we expected next.
  if (seq_diff(end, d.next_seq) > 0) {  // overlaps and extends: resent with new data
    ++c.retransmissions;
    d.next_seq = end;
    return;
  }
  if (d.has_hole && seq_diff(seq, d.hole_start) >= 0 && seq_diff(seq, d.hole_end) < 0) {
    if (ts - d.hole_ts <= reorder_window_us()) {
      ++c.out_of_order;
      if (d.hole_counted_lost && c.lost > 0) {
        --c.lost;  // it was not lost, only late
        d.hole_counted_lost = false;
      }
    } else {
      ++c.retransmissions;  // lost before the capture point and sent again
    }
    if (seq == d.hole_start) d.hole_start = end;
    if (seq_diff(d.hole_start, d.hole_end) >= 0) d.has_hole = false;
    return;
  }
  bool keepalive = seg_len <= 1 && !(flags & (tcp::kSyn | tcp::kFin)) && seq == d.next_seq - 1;
  if (!keepalive) ++c.retransmissions;
}

}  // namespace wl
