// Memory per flow and per host: the struct sizes, and the resident memory a
// table really uses per entry once filled (slab, index, heap parts).
// Usage: wirelens_bench_footprint [ENTRIES]
#include <cstdio>
#include <cstdlib>
#include <string>

#include "flows/flow_table.h"
#include "hosts/host_table.h"

namespace {
uint64_t rss_bytes() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  unsigned long long pages = 0, resident = 0;
  if (f) {
    if (std::fscanf(f, "%llu %llu", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * 4096;
}

wl::IpAddress v4(uint32_t n) {
  uint8_t b[4] = {static_cast<uint8_t>(n >> 24), static_cast<uint8_t>(n >> 16), static_cast<uint8_t>(n >> 8),
                  static_cast<uint8_t>(n)};
  return wl::IpAddress::v4(b);
}
}  // namespace

int main(int argc, char** argv) {
  uint32_t n = argc > 1 ? static_cast<uint32_t>(std::strtoul(argv[1], nullptr, 10)) : 1'000'000;
  std::printf("sizeof(Flow) %zu bytes, sizeof(Host) %zu bytes\n", sizeof(wl::Flow), sizeof(wl::Host));

  uint64_t before = rss_bytes();
  {
    wl::FlowTable flows(n);
    for (uint32_t i = 0; i < n; ++i) {
      wl::FlowKey k;
      k.lo_ip = v4(0x0A000000u + i);
      k.hi_ip = v4(0x5D000001u);
      k.lo_port = static_cast<uint16_t>(i);
      k.hi_port = 443;
      k.proto = 6;
      flows.insert(k);
    }
    double per = static_cast<double>(rss_bytes() - before) / n;
    std::printf("flow table: %u flows, %.0f bytes per flow resident (slab + index)\n", n, per);
  }
  wl::LocalNetworks local;
  local.add_spec("10.0.0.0/8");
  before = rss_bytes();
  {
    wl::HostTable hosts(n, local, wl::HostPolicy{});
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t s = hosts.acquire(wl::HostKey{v4((i % 2 ? 0x0A000000u : 0x5D000000u) + i), 0}, 0);
      // A typical host: one flow as client to one peer, or as server on one port.
      hosts.flow_started(s, i % 2, v4(0x5D000001u), 443, 6);
    }
    double per = static_cast<double>(rss_bytes() - before) / n;
    std::printf("host table: %u hosts (half local), %.0f bytes per host resident (slab + index + sets)\n", n, per);
  }
  return 0;
}
