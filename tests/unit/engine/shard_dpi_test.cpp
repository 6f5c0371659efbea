// Detection inside a shard, on real captures: results, and that nDPI's
// per-flow state is gone as soon as detection ends.
#include <gtest/gtest.h>
#include <malloc.h>

#include <memory>
#include <string>
#include <vector>

#include "capture/pcap_source.h"
#include "decode/decode.h"
#include "dpi/detector.h"
#include "engine/shard.h"

#ifndef WIRELENS_SHARED_DIR
#define WIRELENS_SHARED_DIR "../shared"
#endif

namespace wl {

namespace {
std::string capture(const std::string& name) { return std::string(WIRELENS_SHARED_DIR) + "/pcaps/" + name; }

// Decodes a capture into packets that own their bytes, as a batch would.
struct Packets {
  std::vector<PacketRef> refs;
  std::vector<std::vector<uint8_t>> bytes;
};

Packets load(const std::string& path) {
  Packets out;
  PcapSource src;
  std::string err;
  if (!src.open_file(path, err)) {
    ADD_FAILURE() << err;
    return out;
  }
  const pcap_pkthdr* h;
  const uint8_t* d;
  while (src.next(h, d) == ReadStatus::kPacket) {
    PacketRef r;
    if (decode_frame(d, h->caplen, h->len, src.linktype(), r.pkt) != DecodeError::kNone) continue;
    r.ts = static_cast<Micros>(h->ts.tv_sec) * kMicrosPerSecond + h->ts.tv_usec;
    r.wire_len = h->len;
    out.bytes.emplace_back(d + r.pkt.l3_offset, d + r.pkt.l3_offset + r.pkt.l3_len);
    r.bytes_len = r.pkt.l3_len;
    out.refs.push_back(r);
  }
  for (size_t i = 0; i < out.refs.size(); ++i) out.refs[i].l3 = out.bytes[i].data();
  return out;
}

size_t heap_in_use() { return mallinfo2().uordblks; }

struct ShardDpiTest : testing::Test {
  LocalNetworks local;
  ShardConfig cfg;
  ShardDpiTest() {
    cfg.max_flows = 4096;
    cfg.max_hosts = 4096;
    cfg.purge_idle = false;
  }
};
}  // namespace

TEST_F(ShardDpiTest, TlsFlowIsClassifiedWithItsMetadataAndNdpiStateIsFreed) {
  int64_t before = Detector::live_states();
  Shard s(cfg, local, nullptr);
  Packets p = load(capture("443-curl.pcap"));
  ASSERT_FALSE(p.refs.empty());
  for (auto& r : p.refs) s.process(r);
  ASSERT_EQ(s.flows().size(), 1u);  // the flow is still active...
  s.flows().for_each([&](uint32_t, const Flow& f) {
    EXPECT_TRUE(f.dpi.done);           // ...but detection is over
    EXPECT_EQ(f.dpi_state, nullptr);   // and nDPI's state is gone
    EXPECT_EQ(s.detector()->protocol_name(f.dpi), "TLS.ntop");
    ASSERT_NE(f.meta, nullptr);
    EXPECT_EQ(f.meta->get(Meta::kTlsServerName), "www.ntop.org");
    EXPECT_EQ(f.meta->get(Meta::kJa3c).size(), 32u);
    EXPECT_EQ(f.meta->get(Meta::kJa4c).substr(0, 10), "t12d6707h2");  // TLS 1.2, SNI, 67 ciphers, 7 extensions, ALPN h2
  });
  EXPECT_EQ(Detector::live_states(), before);
}

TEST_F(ShardDpiTest, AfterDetectionAFlowHoldsNoMoreMemoryThanAnUninspectedOneButItsMetadata) {
  Packets p = load(capture("alexa-app.pcapng"));
  ASSERT_GT(p.refs.size(), 1000u);
  // Both shards see the same packets; one inspects them, one does not.
  ShardConfig plain = cfg;
  plain.dpi = false;
  auto inspected = std::make_unique<Shard>(cfg, local, nullptr);
  auto uninspected = std::make_unique<Shard>(plain, local, nullptr);
  int64_t states_before = Detector::live_states();

  // A first pass warms everything allocated once per module (nDPI's LRU
  // caches, the aggregates' vectors); the second pass measures per-flow memory.
  for (Shard* s : {inspected.get(), uninspected.get()}) {
    for (auto r : p.refs) s->process(r);
    s->end_all(FlowEndReason::kEndOfInput);
  }
  size_t h0 = heap_in_use();
  for (auto r : p.refs) uninspected->process(r);
  size_t plain_bytes = heap_in_use() - h0;
  h0 = heap_in_use();
  for (auto r : p.refs) inspected->process(r);
  size_t dpi_bytes = heap_in_use() - h0;

  size_t flows = 0, still_inspecting = 0, metadata = 0;
  inspected->flows().for_each([&](uint32_t, const Flow& f) {
    ++flows;
    if (f.dpi_state) ++still_inspecting;
    if (f.meta) metadata += f.meta->heap_bytes();
  });
  ASSERT_GT(flows, 40u);  // the rest ended (TCP close) and left both tables
  // Flows that went past nDPI's budget or finished detection hold no state;
  // the few still being inspected hold one each.
  EXPECT_EQ(Detector::live_states() - states_before, static_cast<int64_t>(still_inspecting));
  size_t per_state = 2048;  // nDPI flow struct (688 B) and the buffers of a flow under inspection
  size_t allowance = still_inspecting * per_state + 16 * 1024;  // plus the hosts' application lists
  EXPECT_LE(dpi_bytes, plain_bytes + metadata + allowance)
      << "inspected: " << dpi_bytes << " B, uninspected: " << plain_bytes << " B, metadata: " << metadata
      << " B, " << still_inspecting << " flows still inspected";
  std::printf("flows %zu; heap for them without DPI %zu B, with DPI %zu B (metadata %zu B, %zu still inspected)\n",
              flows, plain_bytes, dpi_bytes, metadata, still_inspecting);
}

TEST_F(ShardDpiTest, GivingUpAtFlowEndFreesTheStateToo) {
  int64_t before = Detector::live_states();
  Shard s(cfg, local, nullptr);
  Packets p = load(capture("tcp_scan.pcapng"));
  for (auto& r : p.refs) s.process(r);
  EXPECT_GT(Detector::live_states(), before);  // unanswered probes are still being inspected
  s.end_all(FlowEndReason::kEndOfInput);
  EXPECT_EQ(Detector::live_states(), before);
}

}  // namespace wl
