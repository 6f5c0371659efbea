#include "engine/interface.h"

#include <latch>
#include <chrono>
#include <cstdio>

#include "decode/decode.h"
#include "flows/flow_key.h"

namespace wl {

namespace {
using Clock = std::chrono::steady_clock;
constexpr Micros kFileTick = seconds(1);     // empty batches carry the clock this often (file)
constexpr Micros kLiveTick = 100'000;        // ... and this often live (wall time)

Micros wall_now_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch()).count();
}
}  // namespace

Interface::Interface(InterfaceConfig cfg, LocalNetworks local, FlowSink* sink)
    : cfg_(std::move(cfg)), local_(std::move(local)), sink_(sink) {}

Interface::~Interface() {
  request_stop();
  if (thread_.joinable()) thread_.join();
  stop_workers();
}

bool Interface::open(std::string& error) {
  bool ok = cfg_.is_file ? source_.open_file(cfg_.source, error)
                         : source_.open_live(cfg_.source, cfg_.live, error);
  if (!ok) return false;
  if (!source_.set_filter(cfg_.bpf, error)) return false;
  stats_.linktype = source_.linktype();
  stats_.linktype_name = source_.linktype_name();
  if (!is_supported_linktype(stats_.linktype)) {
    std::fprintf(stderr, "warning: %s: link type %s is not decoded; its packets are counted as unsupported\n",
                 cfg_.source.c_str(), stats_.linktype_name.c_str());
  }
  cfg_.shard.names = &names_;
  for (int i = 0; i < cfg_.workers; ++i)
    workers_.push_back(std::make_unique<ShardWorker>(cfg_.shard, local_, sink_));
  current_.assign(workers_.size(), nullptr);
  return true;
}

void Interface::start() {
  for (auto& w : workers_) w->start();
  thread_ = std::thread([this] { capture_loop(); });
}

void Interface::join() {
  if (thread_.joinable()) thread_.join();
}

void Interface::stop_workers() {
  for (auto& w : workers_) w->stop_and_join();
}

void Interface::end_kept_flows() {
  if (!flows_kept_) return;
  flows_kept_ = false;
  for (auto& w : workers_)
    w->post([](Shard& s) {
      s.end_all(FlowEndReason::kEndOfInput);
      s.flush_output();
    }).wait();
}

InterfaceLive Interface::live() const {
  std::lock_guard lock(live_mu_);
  return live_;
}

void Interface::publish(Micros clock, Micros first_ts, bool finished) {
  if (!cfg_.is_file) stats_.drops = source_.drops();
  std::lock_guard lock(live_mu_);
  live_.packets = stats_.packets;
  live_.bytes = stats_.bytes;
  live_.drops = stats_.drops;
  live_.errors = stats_.errors;
  live_.first_ts = first_ts;
  live_.clock = clock;
  live_.finished = finished;
  live_.seconds = seconds_;
  last_publish_ = Clock::now();
}

void Interface::for_each_shard(const std::function<void(const Shard&)>& fn) {
  for (auto& w : workers_) w->post([&fn](Shard& s) { fn(s); }).wait();
}

void Interface::seal(size_t i, Micros clock) {
  Batch* b = current_[i];
  if (!b) b = workers_[i]->acquire();
  b->clock = clock;
  workers_[i]->submit(b);
  current_[i] = nullptr;
}

void Interface::seal_all(Micros clock) {
  for (size_t i = 0; i < workers_.size(); ++i) seal(i, clock);
}

void Interface::add_packet(const DecodedPacket& pkt, const uint8_t* frame, Micros ts, uint32_t wire_len) {
  size_t i = workers_.size() == 1 ? 0 : shard_hash(pkt.src, pkt.dst, pkt.vlan) % workers_.size();
  Batch*& b = current_[i];
  if (!b) b = workers_[i]->acquire();
  PacketRef& ref = b->packets.emplace_back(PacketRef{pkt, ts, wire_len});
  // DPI reads the IP packet after this frame's buffer is gone: copy it.
  // Later fragments carry no transport header and are never inspected.
  if (cfg_.shard.dpi && !(pkt.fragment && !pkt.first_fragment) && pkt.l3_len) {
    ref.bytes_offset = static_cast<uint32_t>(b->bytes.size());
    ref.bytes_len = pkt.l3_len;
    b->bytes.insert(b->bytes.end(), frame + pkt.l3_offset, frame + pkt.l3_offset + pkt.l3_len);
  }
  if (b->packets.size() >= Batch::kMaxPackets) seal(i, ts);
}

void Interface::finish_input(Micros clock) {
  const bool keep = cfg_.is_file && cfg_.keep_flows_at_end && !stop_.load(std::memory_order_acquire);
  flows_kept_ = keep;
  std::latch done(static_cast<std::ptrdiff_t>(workers_.size()));
  for (size_t i = 0; i < workers_.size(); ++i) {
    Batch*& b = current_[i];
    if (!b) b = workers_[i]->acquire();
    b->end_of_input = !keep;
    b->settle = keep;
    b->on_done = [&done] { done.count_down(); };
    seal(i, clock);
  }
  done.wait();
}

void Interface::show_progress(double elapsed, bool final) {
  uint64_t size = source_.file_size();
  double pct = size ? 100.0 * static_cast<double>(source_.file_position()) / static_cast<double>(size) : 0;
  if (final) pct = 100;
  double pps = elapsed > 0 ? static_cast<double>(stats_.packets) / elapsed : 0;
  double eta = pct > 0 && !final ? elapsed * (100 - pct) / pct : 0;
  std::fprintf(stderr, "\r%s: %5.1f%%  %llu packets  %.0f packets/s  ETA %.0f s   %s", cfg_.source.c_str(), pct,
               static_cast<unsigned long long>(stats_.packets), pps, eta, final ? "\n" : "");
  std::fflush(stderr);
}

void Interface::capture_loop() {
  const auto wall0 = Clock::now();
  auto last_progress = wall0;
  auto last_live_tick = wall0;
  const int linktype = source_.linktype();
  Micros clock = 0, next_tick = 0, first_ts = -1;
  DecodedPacket pkt;

  bool draining = false;  // live, stop requested: read what the kernel already holds, then stop
  for (;;) {
    if (!draining && stop_.load(std::memory_order_acquire)) {
      if (cfg_.is_file) break;
      draining = true;
    }
    const pcap_pkthdr* hdr = nullptr;
    const uint8_t* data = nullptr;
    ReadStatus st = source_.next(hdr, data);
    if (st == ReadStatus::kEnd || (draining && st == ReadStatus::kTimeout)) break;
    if (st == ReadStatus::kError) {
      stats_.read_error = true;
      stats_.read_error_text = source_.error_text();
      break;
    }
    if (st == ReadStatus::kPacket) {
      Micros ts = static_cast<Micros>(hdr->ts.tv_sec) * kMicrosPerSecond + hdr->ts.tv_usec;
      if (ts < clock) ts = clock;  // the clock never goes backwards
      if (first_ts < 0) first_ts = ts;
      if (cfg_.is_file && cfg_.original_speed)
        std::this_thread::sleep_until(wall0 + std::chrono::microseconds(ts - first_ts));
      clock = ts;
      ++stats_.packets;
      stats_.bytes += hdr->len;
      seconds_.add(ts, hdr->len);
      DecodeError e = decode_frame(data, hdr->caplen, hdr->len, linktype, pkt);
      if (e == DecodeError::kNone) {
        add_packet(pkt, data, ts, hdr->len);
      } else {
        ++stats_.errors[static_cast<size_t>(e)];
      }
      if (cfg_.is_file && clock >= next_tick) {
        seal_all(clock);
        next_tick = (clock / kFileTick + 1) * kFileTick;
      }
    }
    if (!cfg_.is_file) {
      auto now = Clock::now();
      if (now - last_live_tick >= std::chrono::microseconds(kLiveTick)) {
        clock = std::max(clock, wall_now_us());
        seal_all(clock);
        last_live_tick = now;
        if (now - last_publish_ >= std::chrono::milliseconds(250)) publish(clock, first_ts, false);
      }
    } else if ((cfg_.original_speed || (stats_.packets & 0x3FF) == 0) &&
               Clock::now() - last_publish_ >= std::chrono::milliseconds(250)) {
      // A paced replay can take seconds for 1024 packets: its readers check at every packet.
      publish(clock, first_ts, false);
    }
    if (cfg_.is_file && cfg_.progress && (stats_.packets & 0xFFF) == 0) {
      auto now = Clock::now();
      if (now - last_progress >= std::chrono::milliseconds(500)) {
        show_progress(std::chrono::duration<double>(now - wall0).count(), false);
        last_progress = now;
      }
    }
  }
  if (!cfg_.is_file) clock = std::max(clock, wall_now_us());
  stats_.drops = source_.drops();
  stats_.first_ts = first_ts;
  stats_.last_ts = first_ts < 0 ? -1 : clock;
  stats_.peak_pps = seconds_.peak_pps();
  stats_.peak_bps = seconds_.peak_bps();
  finish_input(clock);
  publish(clock, first_ts, true);
  stats_.wall_seconds = std::chrono::duration<double>(Clock::now() - wall0).count();
  if (cfg_.progress) show_progress(stats_.wall_seconds, true);
  finished_.store(true, std::memory_order_release);
}

}  // namespace wl
