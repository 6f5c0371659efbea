// Writes a synthetic capture for benchmarks: many concurrent flows of a
// realistic shape (TCP with handshake, data and FIN; DNS-like UDP; ICMP),
// their packets interleaved as on a busy link.
// Usage: wirelens_bench_gen OUT.pcap PACKETS [CONCURRENT_FLOWS] [SEED]
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

namespace {

struct GenFlow {
  uint32_t client, server;
  uint16_t cport, sport;
  uint8_t proto;
  uint32_t left;  // packets still to send
  uint32_t sent = 0;
  uint32_t cseq = 1000, sseq = 5000;
};

void put16(uint8_t* p, uint16_t v) { p[0] = v >> 8; p[1] = v & 0xff; }
void put32(uint8_t* p, uint32_t v) { put16(p, v >> 16); put16(p + 2, v & 0xffff); }

class Writer {
 public:
  explicit Writer(FILE* f) : f_(f) {
    uint32_t hdr[6] = {0xa1b2c3d4, 0x00040002, 0, 0, 65535, 1};
    std::fwrite(hdr, 1, sizeof hdr, f_);
  }
  void frame(uint64_t ts_us, const uint8_t* data, uint32_t len) {
    uint32_t rec[4] = {static_cast<uint32_t>(ts_us / 1000000), static_cast<uint32_t>(ts_us % 1000000), len, len};
    std::fwrite(rec, 1, sizeof rec, f_);
    std::fwrite(data, 1, len, f_);
  }
 private:
  FILE* f_;
};

// Builds Ethernet + IPv4 + L4 for one packet of the flow; returns its length.
uint32_t build(uint8_t* b, GenFlow& fl, bool from_client, uint8_t tcp_flags, uint32_t payload) {
  std::memset(b, 0, 54);
  b[0] = 0x02; b[5] = from_client ? 2 : 1;
  b[6] = 0x02; b[11] = from_client ? 1 : 2;
  put16(b + 12, 0x0800);
  uint8_t* ip = b + 14;
  uint32_t l4len = fl.proto == 6 ? 20 : 8;
  uint32_t total = 20 + l4len + payload;
  ip[0] = 0x45;
  put16(ip + 2, static_cast<uint16_t>(total));
  ip[8] = 64;
  ip[9] = fl.proto;
  put32(ip + 12, from_client ? fl.client : fl.server);
  put32(ip + 16, from_client ? fl.server : fl.client);
  uint8_t* l4 = ip + 20;
  uint16_t sp = from_client ? fl.cport : fl.sport, dp = from_client ? fl.sport : fl.cport;
  if (fl.proto == 6) {
    put16(l4, sp);
    put16(l4 + 2, dp);
    put32(l4 + 4, from_client ? fl.cseq : fl.sseq);
    put32(l4 + 8, from_client ? fl.sseq : fl.cseq);
    l4[12] = 5 << 4;
    l4[13] = tcp_flags;
    put16(l4 + 14, 64240);
    uint32_t adv = payload + ((tcp_flags & 0x03) ? 1 : 0);
    (from_client ? fl.cseq : fl.sseq) += adv;
  } else if (fl.proto == 17) {
    put16(l4, sp);
    put16(l4 + 2, dp);
    put16(l4 + 4, static_cast<uint16_t>(8 + payload));
  } else {
    l4[0] = from_client ? 8 : 0;  // ICMP echo request / reply
  }
  std::memset(l4 + l4len, 0x61, payload);
  return 14 + total;
}

GenFlow new_flow(std::mt19937_64& rng) {
  GenFlow f{};
  f.client = 0x0A000000u | static_cast<uint32_t>(rng() % 0xFFFFFF);  // 10.x.x.x
  f.server = 0x5D000000u | static_cast<uint32_t>(rng() % 0xFFFFFF);  // 93.x.x.x
  f.cport = static_cast<uint16_t>(1024 + rng() % 60000);
  unsigned kind = rng() % 100;
  if (kind < 70) {
    f.proto = 6;
    f.sport = (rng() % 4) ? 443 : 80;
    f.left = 6 + static_cast<uint32_t>(rng() % 40);
  } else if (kind < 95) {
    f.proto = 17;
    f.sport = 53;
    f.left = 2;
  } else {
    f.proto = 1;
    f.cport = f.sport = 0;
    f.left = 2 + static_cast<uint32_t>(rng() % 6);
  }
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s OUT.pcap PACKETS [CONCURRENT_FLOWS] [SEED]\n", argv[0]);
    return 2;
  }
  uint64_t packets = std::strtoull(argv[2], nullptr, 10);
  size_t concurrent = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 10000;
  std::mt19937_64 rng(argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 42);
  FILE* f = std::fopen(argv[1], "wb");
  if (!f) {
    std::perror(argv[1]);
    return 1;
  }
  std::vector<char> buf(1 << 22);
  std::setvbuf(f, buf.data(), _IOFBF, buf.size());
  Writer w(f);
  std::vector<GenFlow> active;
  for (size_t i = 0; i < concurrent; ++i) active.push_back(new_flow(rng));
  uint8_t frame[1600];
  uint64_t ts = 1'700'000'000'000'000ULL, flows = concurrent;
  for (uint64_t n = 0; n < packets; ++n) {
    GenFlow& fl = active[rng() % active.size()];
    bool from_client;
    uint8_t flags = 0;
    uint32_t payload = 0;
    if (fl.proto == 6) {
      uint32_t i = fl.sent;
      if (i == 0) { from_client = true; flags = 0x02; }
      else if (i == 1) { from_client = false; flags = 0x12; }
      else if (i == 2) { from_client = true; flags = 0x10; }
      else if (fl.left == 2) { from_client = true; flags = 0x11; }
      else if (fl.left == 1) { from_client = false; flags = 0x11; }
      else {
        from_client = (i % 3) == 0;
        flags = 0x18;
        payload = from_client ? 120 + static_cast<uint32_t>(rng() % 400) : 1200 + static_cast<uint32_t>(rng() % 248);
      }
    } else {
      from_client = (fl.sent % 2) == 0;
      payload = fl.proto == 17 ? (from_client ? 40 : 120) : 56;
    }
    uint32_t len = build(frame, fl, from_client, flags, payload);
    w.frame(ts, frame, len);
    ts += 2;
    ++fl.sent;
    if (--fl.left == 0) {
      fl = new_flow(rng);
      ++flows;
    }
  }
  std::fclose(f);
  std::fprintf(stderr, "%llu packets, about %llu flows\n", static_cast<unsigned long long>(packets),
               static_cast<unsigned long long>(flows));
  return 0;
}
