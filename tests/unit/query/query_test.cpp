// The engine readers against a real capture read by a real Interface, with
// one and with two shards: pages are consistent, sorted, filtered, and the
// two shard counts give the same answers.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include "query/flow_query.h"
#include "query/host_query.h"
#include "query/interface_query.h"

namespace wl {
namespace {

std::unique_ptr<Interface> read_capture(int workers) {
  InterfaceConfig cfg;
  cfg.source = std::string(WIRELENS_SHARED_DIR) + "/pcaps/teams.pcap";
  cfg.is_file = true;
  cfg.workers = workers;
  cfg.keep_flows_at_end = true;
  cfg.shard.purge_idle = false;
  cfg.shard.hosts.purge_idle = false;
  LocalNetworks local;
  local.add_spec("192.168.1.0/24");
  auto iface = std::make_unique<Interface>(cfg, local, nullptr);
  std::string err;
  EXPECT_TRUE(iface->open(err)) << err;
  iface->start();
  while (!iface->finished()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return iface;
}

class QueryTest : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override { iface_ = read_capture(GetParam()); }
  void TearDown() override {
    iface_->join();
    iface_->stop_workers();
  }
  std::unique_ptr<Interface> iface_;
};

TEST_P(QueryTest, FlowPagesAreSortedAndCoverEveryFlowOnce) {
  FlowQuery all;
  all.limit = SIZE_MAX;
  FlowPage everything = query_flows(*iface_, all);
  ASSERT_GT(everything.total, 10u);
  EXPECT_EQ(everything.rows.size(), everything.total);
  for (size_t i = 1; i < everything.rows.size(); ++i)
    EXPECT_GE(everything.rows[i - 1].bytes(), everything.rows[i].bytes());

  std::set<uint64_t> seen;
  FlowQuery q;
  q.limit = 7;
  for (q.offset = 0; q.offset < everything.total; q.offset += q.limit) {
    FlowPage page = query_flows(*iface_, q);
    EXPECT_EQ(page.total, everything.total);
    for (size_t i = 0; i < page.rows.size(); ++i) {
      EXPECT_EQ(page.rows[i].hash, everything.rows[q.offset + i].hash);  // stable order across pages
      seen.insert(page.rows[i].hash);
    }
  }
  EXPECT_EQ(seen.size(), everything.total);
}

TEST_P(QueryTest, AscendingIsTheReverseOrderForEveryKey) {
  for (FlowSortKey k : {FlowSortKey::kBytes, FlowSortKey::kClient, FlowSortKey::kServer, FlowSortKey::kProtocol,
                        FlowSortKey::kInfo, FlowSortKey::kDuration, FlowSortKey::kFirstSeen}) {
    FlowQuery q;
    q.sort = k;
    q.limit = SIZE_MAX;
    q.ascending = true;
    FlowPage asc = query_flows(*iface_, q);
    for (size_t i = 1; i < asc.rows.size(); ++i)
      EXPECT_FALSE(flow_less(asc.rows[i], asc.rows[i - 1], k)) << "key " << static_cast<int>(k) << " row " << i;
  }
}

TEST_P(QueryTest, FiltersSelectWhatTheyName) {
  FlowQuery q;
  q.limit = SIZE_MAX;
  q.filter.l4proto = 17;
  FlowPage udp = query_flows(*iface_, q);
  ASSERT_GT(udp.total, 0u);
  for (const auto& f : udp.rows) EXPECT_EQ(f.key.proto, 17);

  FlowCounts counts = count_flows(*iface_, FlowFilter{});
  EXPECT_EQ(counts.by_l4[17], udp.total);

  FlowQuery local_only;
  local_only.limit = SIZE_MAX;
  local_only.filter.allowed = std::make_shared<LocalNetworks>(iface_->local_networks());
  for (const auto& f : query_flows(*iface_, local_only).rows) EXPECT_TRUE(f.cli_local || f.srv_local);

  const FlowView& first = udp.rows.front();
  auto again = find_flow(*iface_, first.hash, first.shard, first.slot);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->bytes(), first.bytes());
  EXPECT_FALSE(find_flow(*iface_, first.hash + 1, first.shard, first.slot).has_value());
}

TEST_P(QueryTest, HostsMergeAndAddUp) {
  HostQuery q;
  q.sort = HostSortKey::kTraffic;
  q.ascending = false;
  HostPage hosts = query_hosts(*iface_, q);
  ASSERT_GT(hosts.total, 2u);
  EXPECT_EQ(hosts.rows.size(), hosts.total);
  uint64_t sent = 0, rcvd = 0;
  for (size_t i = 0; i < hosts.rows.size(); ++i) {
    const Host& h = hosts.rows[i].host;
    sent += h.traffic.bytes_sent;
    rcvd += h.traffic.bytes_rcvd;
    if (i) {
      const Host& prev = hosts.rows[i - 1].host;
      EXPECT_GE(prev.traffic.bytes_sent + prev.traffic.bytes_rcvd, h.traffic.bytes_sent + h.traffic.bytes_rcvd);
    }
  }
  EXPECT_EQ(sent, rcvd);  // every byte sent by a host is received by one
  auto top = find_host(*iface_, hosts.rows[0].host.key, nullptr);
  ASSERT_TRUE(top.has_value());
  EXPECT_EQ(top->host.traffic.bytes_sent, hosts.rows[0].host.traffic.bytes_sent);

  HostQuery local;
  local.filter.mode = HostMode::kLocal;
  for (const auto& h : query_hosts(*iface_, local).rows) EXPECT_TRUE(h.host.local);

  InterfaceSnapshot s = snapshot_interface(*iface_);
  EXPECT_EQ(s.num_hosts, hosts.total);
  EXPECT_EQ(s.num_flows, query_flows(*iface_, FlowQuery{}).total);
}

INSTANTIATE_TEST_SUITE_P(Shards, QueryTest, ::testing::Values(1, 2));

}  // namespace
}  // namespace wl
