#include "engine/shard.h"

#include <algorithm>
#include <cstdio>

#include "dpi/name_observer.h"
#include "flows/client_choice.h"

namespace wl {

namespace {
constexpr size_t kOutputChunk = 64 * 1024;
constexpr uint32_t kEvictionScan = 64;
constexpr Micros kFlowPurgeEvery = seconds(1);
constexpr Micros kHostPurgeEvery = seconds(3);
}  // namespace

void ShardCounters::add(const ShardCounters& o) {
  packets += o.packets;
  bytes += o.bytes;
  untracked_packets += o.untracked_packets;
  untracked_bytes += o.untracked_bytes;
  orphan_fragments += o.orphan_fragments;
  flows_created += o.flows_created;
  flows_ended += o.flows_ended;
  flows_evicted += o.flows_evicted;
  flows_refused += o.flows_refused;
  partial_records += o.partial_records;
  flows_detected += o.flows_detected;
  records += o.records;
  tcp_retransmissions += o.tcp_retransmissions;
  tcp_out_of_order += o.tcp_out_of_order;
  tcp_lost += o.tcp_lost;
  risky_flows += o.risky_flows;
  local2remote_bytes += o.local2remote_bytes;
  remote2local_bytes += o.remote2local_bytes;
  local2remote_packets += o.local2remote_packets;
  remote2local_packets += o.remote2local_packets;
  for (size_t i = 0; i < dscp_packets.size(); ++i) dscp_packets[i] += o.dscp_packets[i];
}

Shard::Shard(const ShardConfig& cfg, const LocalNetworks& local, FlowSink* sink)
    : cfg_(cfg), local_(local), sink_(sink), flows_(cfg.max_flows),
      hosts_(cfg.max_hosts, local, cfg.hosts) {
  if (cfg.dpi) dpi_ = std::make_unique<Detector>();
  sent_second_.fill(-1);
}

Shard::~Shard() { flush_output(); }

void Shard::flush_output() {
  if (sink_ && !out_.empty()) sink_->write(out_);
  out_.clear();
}

bool Shard::idle_expired(const Flow& f, Micros now, FlowEndReason& reason) const {
  if (f.tcp.closed() && now - f.last_seen > cfg_.tcp_close_grace) {
    reason = FlowEndReason::kTcpClosed;
    return true;
  }
  if (cfg_.purge_idle && now - f.last_seen > cfg_.flow_idle) {
    reason = FlowEndReason::kIdle;
    return true;
  }
  return false;
}

bool Shard::ended_before(const Flow& f, const PacketRef& p, FlowEndReason& reason) const {
  if (idle_expired(f, p.ts, reason)) return true;
  const DecodedPacket& k = p.pkt;
  bool syn_only = k.l4_proto == 6 && (k.tcp_flags & (tcp::kSyn | tcp::kAck)) == tcp::kSyn;
  if (syn_only && f.tcp.closed()) {
    reason = FlowEndReason::kNewSyn;  // a closed connection's key reused by a new one
    return true;
  }
  return false;
}

void Shard::process(PacketRef& p) {
  if (p.ts > clock_) advance_clock(p.ts);
  ++counters_.packets;
  counters_.bytes += p.wire_len;

  DecodedPacket& pkt = p.pkt;  // later fragments get their datagram's ports here
  bool later_fragment = pkt.fragment && !pkt.first_fragment;
  if (pkt.fragment) {
    FragmentKey fk{pkt.src, pkt.dst, pkt.frag_id, pkt.vlan, pkt.frag_proto};
    if (later_fragment) {
      FragmentTable::Ports first;
      if (!fragments_.lookup(fk, p.ts, first)) {
        ++counters_.orphan_fragments;
        ++counters_.untracked_packets;
        counters_.untracked_bytes += p.wire_len;
        return;
      }
      pkt.l4_proto = first.l4_proto;
      pkt.sport = first.sport;
      pkt.dport = first.dport;
    } else {
      fragments_.remember(fk, {pkt.l4_proto, pkt.sport, pkt.dport}, p.ts);
    }
  }
  bool src_is_lo;
  FlowKey key = make_flow_key(pkt, src_is_lo);
  uint32_t slot = flows_.find(key);
  if (slot != kNoSlot) {
    Flow& f = flows_.at(slot);
    FlowEndReason reason;
    if (ended_before(f, p, reason)) {
      end_flow(slot, reason);
      slot = kNoSlot;
    } else if (p.ts >= f.next_partial_at) {
      emit_partial(f, p.ts);
    }
  }
  if (slot == kNoSlot) {
    slot = create_flow(key, src_is_lo, p);
    if (slot == kNoSlot) {
      ++counters_.untracked_packets;
      counters_.untracked_bytes += p.wire_len;
      return;
    }
  }
  update_flow(slot, flows_.at(slot).direction_of(src_is_lo), p, later_fragment);
}

bool Shard::make_room(Micros now) {
  if (cfg_.purge_idle) purge_flows(now);
  if (!flows_.full()) return true;
  uint32_t victim = flows_.oldest_unidirectional(kEvictionScan);
  if (victim == kNoSlot) return false;
  end_flow(victim, FlowEndReason::kEvicted);
  ++counters_.flows_evicted;
  log_table_pressure();
  return true;
}

uint32_t Shard::create_flow(const FlowKey& key, bool src_is_lo, const PacketRef& p) {
  if (flows_.full() && !make_room(p.ts)) {
    ++counters_.flows_refused;
    log_table_pressure();
    return kNoSlot;
  }
  uint32_t slot = flows_.insert(key);
  Flow& f = flows_.at(slot);
  const DecodedPacket& pkt = p.pkt;
  bool sender_client = sender_is_client(pkt);
  f.client_is_lo = sender_client ? src_is_lo : !src_is_lo;
  f.first_seen = f.last_seen = f.interval_start = p.ts;
  f.next_partial_at = p.ts + cfg_.active_timeout;
  if (pkt.tunnel != TunnelType::kNone)
    f.tunnel = std::make_unique<TunnelInfo>(TunnelInfo{pkt.tunnel, pkt.tunnel_src, pkt.tunnel_dst, pkt.tunnel_id});
  if (pkt.has_mac) {
    int sdir = sender_client ? 0 : 1;
    f.mac[sdir] = pkt.src_mac;
    f.mac[1 - sdir] = pkt.dst_mac;
  }
  for (int side = 0; side < 2; ++side) {
    const IpAddress& ip = side == 0 ? f.client_ip() : f.server_ip();
    uint32_t h = hosts_.acquire(HostKey{ip, key.vlan}, p.ts);
    f.host[side] = h;
    if (h == kNoSlot) log_table_pressure();
    if (h != kNoSlot) {
      const IpAddress& peer = side == 0 ? f.server_ip() : f.client_ip();
      hosts_.flow_started(h, side == 0, peer, f.server_port(), key.proto);
    }
  }
  if (dpi_) f.dpi_state = dpi_->start_flow();
  ++counters_.flows_created;
  return slot;
}

void Shard::update_flow(uint32_t slot, int dir, const PacketRef& p, bool later_fragment) {
  Flow& f = flows_.at(slot);
  const DecodedPacket& pkt = p.pkt;
  DirectionCounters& dc = f.dir[dir];
  ++dc.packets;
  dc.bytes += p.wire_len;
  dc.payload_bytes += pkt.payload_len;
  if (pkt.fragment) ++dc.fragments;
  if (f.interval_start < 0) f.interval_start = p.ts;
  if (p.ts / kMicrosPerSecond != f.last_seen / kMicrosPerSecond) flows_.touch(slot);  // see LruTable::touch
  f.last_seen = p.ts;
  f.iat[dir].add(p.ts);
  f.throughput.add(p.ts, p.wire_len);
  TcpHealth tcp_delta[2]{};
  if (pkt.l4_proto == 6 && !pkt.l4_header_short && !later_fragment) {
    f.tcp_flags[dir] |= pkt.tcp_flags;
    TcpHealth before[2];
    for (int d = 0; d < 2; ++d) before[d] = {f.dir[d].retransmissions, f.dir[d].out_of_order, f.dir[d].lost};
    f.tcp.on_segment(dir, pkt, p.ts, dc);
    for (int d = 0; d < 2; ++d) {
      tcp_delta[d] = {f.dir[d].retransmissions - before[d].retransmissions,
                      f.dir[d].out_of_order - before[d].out_of_order, f.dir[d].lost - before[d].lost};
      // A later segment can fill a gap counted as lost: deltas may be
      // negative, and modular arithmetic keeps the sums right.
      counters_.tcp_retransmissions += static_cast<uint64_t>(static_cast<int32_t>(tcp_delta[d].retransmissions));
      counters_.tcp_out_of_order += static_cast<uint64_t>(static_cast<int32_t>(tcp_delta[d].out_of_order));
      counters_.tcp_lost += static_cast<uint64_t>(static_cast<int32_t>(tcp_delta[d].lost));
    }
  }
  ++counters_.dscp_packets[dscp_class(pkt.dscp)];
  if (f.dpi.done && p.ts >= f.l7_next) account_l7(f, 0);
  if (dpi_ && carries_names(pkt)) {
    if (const uint8_t* payload = payload_of(p)) observe_names(pkt, payload, f.meta, cfg_.names);
  }
  if (f.dpi_state && p.l3 && !later_fragment) inspect(f, p, dir);

  size_t l4 = static_cast<size_t>(l4_class(pkt.l4_proto));
  uint32_t sender = f.host[dir], receiver = f.host[1 - dir];
  if (sender != kNoSlot) {
    Host& h = hosts_.at(sender);
    h.traffic.packets_sent++;
    h.traffic.bytes_sent += p.wire_len;
    h.by_l4[l4].packets_sent++;
    h.by_l4[l4].bytes_sent += p.wire_len;
    if (pkt.has_mac && h.local && !h.has_mac) {
      h.has_mac = true;
      h.mac = pkt.src_mac;
    }
    hosts_.touch(sender, p.ts);
  }
  if (receiver != kNoSlot) {
    Host& h = hosts_.at(receiver);
    h.traffic.packets_rcvd++;
    h.traffic.bytes_rcvd += p.wire_len;
    h.by_l4[l4].packets_rcvd++;
    h.by_l4[l4].bytes_rcvd += p.wire_len;
    hosts_.touch(receiver, p.ts);
  }
  if (sender != kNoSlot && hosts_.at(sender).local) {
    int64_t sec = p.ts / kMicrosPerSecond;
    size_t i = static_cast<size_t>(sec) % kSentSeconds;
    if (sent_second_[i] != sec) {
      sent_second_[i] = sec;
      sent_bytes_[i] = 0;
    }
    sent_bytes_[i] += p.wire_len;
  }
  if (sender != kNoSlot && receiver != kNoSlot) {
    bool from_local = hosts_.at(sender).local, to_local = hosts_.at(receiver).local;
    if (from_local && !to_local) {
      counters_.local2remote_bytes += p.wire_len;
      ++counters_.local2remote_packets;
    } else if (!from_local && to_local) {
      counters_.remote2local_bytes += p.wire_len;
      ++counters_.remote2local_packets;
    }
  }
  account_host_detail(f, dir, p, tcp_delta);
}

void Shard::account_host_detail(const Flow& f, int dir, const PacketRef& p, const TcpHealth (&tcp_delta)[2]) {
  const DecodedPacket& pkt = p.pkt;
  size_t size = size_class(p.wire_len), dscp = dscp_class(pkt.dscp);
  bool tcp = pkt.l4_proto == 6 && !pkt.l4_header_short;
  uint8_t fl = pkt.tcp_flags;
  for (int side = 0; side < 2; ++side) {
    uint32_t slot = f.host[side];
    if (slot == kNoSlot) continue;
    HostDetail& hd = hosts_.at(slot).detail;
    bool sender = side == dir;
    DirectionDetail& d = sender ? hd.sent : hd.rcvd;
    hd.rate.add(p.ts, p.wire_len);  // throughput counts both directions
    ++d.sizes[size];
    ++d.dscp_packets[dscp];
    if (tcp) {
      bool syn = fl & tcp::kSyn, ack = fl & tcp::kAck;
      if (syn && !ack) ++d.syn;
      if (syn && ack) ++d.synack;
      if ((fl & tcp::kFin) && ack) ++d.finack;
      if (fl & tcp::kRst) ++d.rst;
    }
    // This host's own direction of the flow is "sent", the other "rcvd".
    const TcpHealth& mine = tcp_delta[side], &theirs = tcp_delta[1 - side];
    hd.sent.tcp.retransmissions += mine.retransmissions;
    hd.sent.tcp.out_of_order += mine.out_of_order;
    hd.sent.tcp.lost += mine.lost;
    hd.rcvd.tcp.retransmissions += theirs.retransmissions;
    hd.rcvd.tcp.out_of_order += theirs.out_of_order;
    hd.rcvd.tcp.lost += theirs.lost;
  }
}

const uint8_t* Shard::payload_of(const PacketRef& p) {
  const DecodedPacket& pkt = p.pkt;
  if (!p.l3 || !pkt.payload_len || pkt.payload_offset < pkt.l3_offset) return nullptr;
  uint32_t at = pkt.payload_offset - pkt.l3_offset;
  return at + pkt.payload_len <= p.bytes_len ? p.l3 + at : nullptr;
}

void Shard::inspect(Flow& f, const PacketRef& p, int dir) {
  const DecodedPacket& pkt = p.pkt;
  DpiPacket dp;
  dp.l3 = p.l3;
  dp.l3_len = p.bytes_len;
  if (const uint8_t* payload = payload_of(p)) {
    dp.payload = payload;
    dp.payload_len = pkt.payload_len;
  }
  dp.tcp_seq = pkt.tcp_seq;
  dp.l4_proto = pkt.l4_proto;
  dp.dir = dir;
  dp.ts = p.ts;
  if (dpi_->process(f.dpi_state, dp, f.dpi, f.meta)) detection_done(f);
}

void Shard::detection_done(Flow& f) {
  f.dpi_state.reset();  // nDPI's per-flow memory goes now, not at flow end
  ++counters_.flows_detected;
  if (f.dpi.risk) ++counters_.risky_flows;
  if (f.meta) learn_server_name(*f.meta, f.server_ip(), cfg_.names);
  account_l7(f, 1);  // the traffic so far joins the application now
}

void Shard::account_l7(Flow& f, uint32_t flows) {
  constexpr Micros kEvery = seconds(1);
  uint64_t pkts[2], bytes[2];
  for (int d = 0; d < 2; ++d) {
    pkts[d] = f.dir[d].packets - f.l7_packets[d];
    bytes[d] = f.dir[d].bytes - f.l7_bytes[d];
    f.l7_packets[d] = f.dir[d].packets;
    f.l7_bytes[d] = f.dir[d].bytes;
  }
  f.l7_next = f.last_seen + kEvery;
  if (pkts[0] + pkts[1] == 0 && flows == 0) return;
  uint16_t app = f.dpi.effective(), cat = f.dpi.category;
  l7_.add(app, cat, pkts[0] + pkts[1], bytes[0] + bytes[1], flows);
  for (int side = 0; side < 2; ++side) {
    if (f.host[side] == kNoSlot) continue;
    Host& h = hosts_.at(f.host[side]);
    int out = side, in = 1 - side;  // the client sends direction 0, the server direction 1
    h.apps.add(app, h.max_apps(), pkts[out], bytes[out], pkts[in], bytes[in], flows);
    h.categories.add(cat, h.max_categories(), pkts[out], bytes[out], pkts[in], bytes[in], flows);
  }
}

void Shard::emit(Flow& f, FlowEndReason reason, bool final) {
  if (final && f.dpi_state) {
    dpi_->give_up(f.dpi_state, f.dpi, f.meta);
    detection_done(f);
  }
  ++counters_.records;
  if (!sink_) return;
  FlowRecordContext ctx;
  ctx.dpi = dpi_.get();
  ctx.interface_id = cfg_.interface_id;
  if (f.host[0] != kNoSlot) ctx.client_local = hosts_.at(f.host[0]).local;
  if (f.host[1] != kNoSlot) ctx.server_local = hosts_.at(f.host[1]).local;
  append_flow_record(out_, f, reason, final, ctx);
  if (out_.size() >= kOutputChunk) flush_output();
}

void Shard::emit_partial(Flow& f, Micros now) {
  emit(f, FlowEndReason::kActiveTimeout, false);
  ++counters_.partial_records;
  ++f.partial_records;
  if (!f.exported) f.exported = std::make_unique<std::array<DirectionCounters, 2>>();
  *f.exported = {f.dir[0], f.dir[1]};
  f.interval_start = -1;  // set by the next packet
  while (f.next_partial_at <= now) f.next_partial_at += cfg_.active_timeout;
}

void Shard::log_table_pressure() {
  auto now = std::chrono::steady_clock::now();
  if (now - last_pressure_log_ < std::chrono::seconds(1)) return;
  last_pressure_log_ = now;
  const HostTableStats& h = hosts_.stats();
  std::fprintf(stderr,
               "wirelens: %s: table full (%u flows): so far %llu flows evicted, %llu refused; "
               "hosts %llu evicted, %llu refused (raise -X/-x)\n",
               cfg_.interface_name.c_str(), flows_.capacity(),
               static_cast<unsigned long long>(counters_.flows_evicted),
               static_cast<unsigned long long>(counters_.flows_refused),
               static_cast<unsigned long long>(h.evicted), static_cast<unsigned long long>(h.refused));
}

void Shard::end_flow(uint32_t slot, FlowEndReason reason) {
  Flow& f = flows_.at(slot);
  bool has_new_data = f.interval_start >= 0;
  if (has_new_data || f.partial_records == 0) emit(f, reason, true);
  if (f.dpi.done) account_l7(f, 0);  // the last second's traffic
  if (f.dpi.done && f.dpi.risk && counters_.risky_flows) --counters_.risky_flows;
  for (int side = 0; side < 2; ++side)
    if (f.host[side] != kNoSlot) hosts_.flow_ended(f.host[side], side == 0);
  flows_.erase(slot);
  ++counters_.flows_ended;
}

void Shard::purge_flows(Micros now) {
  // Nothing younger than the shortest timeout can have expired.
  Micros horizon = cfg_.purge_idle ? std::min(cfg_.tcp_close_grace, cfg_.flow_idle) : cfg_.tcp_close_grace;
  for (uint32_t s = flows_.oldest(); s != kNoSlot;) {
    uint32_t next = flows_.next_newer(s);
    const Flow& f = flows_.at(s);
    // Ordered by the second of the last touch: nothing further can be idle past the horizon.
    if (now - f.last_seen + kMicrosPerSecond <= horizon) break;
    FlowEndReason reason;
    if (idle_expired(f, now, reason)) end_flow(s, reason);
    s = next;
  }
}

void Shard::advance_clock(Micros now) {
  if (now <= clock_) return;
  clock_ = now;
  if (now >= next_flow_purge_) {
    purge_flows(now);
    next_flow_purge_ = now + kFlowPurgeEvery;
  }
  if (cfg_.purge_idle && now >= next_host_purge_) {
    hosts_.purge(now);
    next_host_purge_ = now + kHostPurgeEvery;
  }
}

void Shard::settle() {
  for (uint32_t s = flows_.oldest(); s != kNoSlot; s = flows_.next_newer(s)) {
    Flow& f = flows_.at(s);
    if (f.dpi_state) {
      dpi_->give_up(f.dpi_state, f.dpi, f.meta);
      detection_done(f);
    }
    if (f.dpi.done) account_l7(f, 0);
  }
}

void Shard::end_all(FlowEndReason reason) {
  // A flow already past its own end keeps that reason, whether or not a
  // purge pass happened to run since: the record must not depend on when
  // housekeeping ran (1 or N workers give the same records).
  while (flows_.oldest() != kNoSlot) {
    uint32_t s = flows_.oldest();
    FlowEndReason why;
    end_flow(s, idle_expired(flows_.at(s), clock_, why) ? why : reason);
  }
  flush_output();
  if (sink_) sink_->flush();
}

}  // namespace wl
