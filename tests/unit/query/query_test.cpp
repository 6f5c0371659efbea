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

TEST_P(QueryTest, SearchFindsHostsByAddressNameAndMac) {
  auto exact = search_hosts(*iface_, "192.168.1.6", 10, nullptr);
  ASSERT_FALSE(exact.empty());
  EXPECT_EQ(exact[0].key.ip.to_string(), "192.168.1.6");
  EXPECT_TRUE(exact[0].exact);
  EXPECT_STREQ(exact[0].field, "ip");

  // A prefix: every host in it once (two shards hold partial copies of a host), local first.
  auto lan = search_hosts(*iface_, "192.168.1.", 100, nullptr);
  std::set<std::string> ips;
  for (const auto& m : lan) {
    EXPECT_EQ(m.key.ip.to_string().rfind("192.168.1.", 0), 0u);
    EXPECT_TRUE(ips.insert(m.key.ip.to_string()).second) << "listed twice: " << m.key.ip.to_string();
  }
  HostQuery local;
  local.filter.mode = HostMode::kLocal;
  EXPECT_EQ(lan.size(), query_hosts(*iface_, local).total);

  auto by_mac = search_hosts(*iface_, exact[0].mac->to_string(), 5, nullptr);
  ASSERT_FALSE(by_mac.empty());
  EXPECT_EQ(by_mac[0].key, exact[0].key);
  EXPECT_STREQ(by_mac[0].field, "mac");

  // A learned name, typed in capitals, finds its host.
  HostQuery all;
  std::optional<HostView> named;
  for (auto& h : query_hosts(*iface_, all).rows)
    if (!h.name.empty() && !named) named = h;
  ASSERT_TRUE(named.has_value());
  std::string upper;
  for (char ch : named->name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  auto by_name = search_hosts(*iface_, upper, 100, nullptr);
  EXPECT_TRUE(std::any_of(by_name.begin(), by_name.end(), [&](const HostMatch& m) { return m.key == named->host.key; }));

  EXPECT_EQ(search_hosts(*iface_, "192.168.1.", 2, nullptr).size(), 2u);  // the limit holds
  EXPECT_TRUE(search_hosts(*iface_, "no-such-host", 10, nullptr).empty());
  EXPECT_TRUE(search_hosts(*iface_, "", 10, nullptr).empty());
  // A restricted user finds nothing outside its networks.
  auto lan_only = std::make_shared<LocalNetworks>(iface_->local_networks());
  for (const auto& m : search_hosts(*iface_, ".", 100, lan_only)) EXPECT_TRUE(m.local);
}

TEST_P(QueryTest, FindFlowByTheListsKey) {
  FlowQuery q;
  q.limit = SIZE_MAX;
  for (const FlowView& f : query_flows(*iface_, q).rows) {
    // The lists publish the hash's low 32 bits as the key: that finds the flow too.
    auto again = find_flow(*iface_, static_cast<uint32_t>(f.hash), f.shard, f.slot);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->hash, f.hash);
  }
  EXPECT_FALSE(find_flow(*iface_, 0, 99, 0).has_value());  // no such shard
}

INSTANTIATE_TEST_SUITE_P(Shards, QueryTest, ::testing::Values(1, 2));

}  // namespace
}  // namespace wl
