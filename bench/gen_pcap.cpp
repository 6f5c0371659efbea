// Writes a synthetic capture for benchmarks: many concurrent flows of a
// realistic shape (TCP with handshake, data and FIN; DNS-like UDP; ICMP),
// their packets interleaved as on a busy link.
// Usage: wirelens_bench_gen OUT.pcap PACKETS [CONCURRENT_FLOWS] [SEED] [MIX]
// MIX "web" (default): 70 % TCP, 25 % DNS, 5 % ICMP over random addresses;
// "many": 98 % two-packet DNS exchanges between 64 k clients and 64 k
// servers, for the most flows per packet (REST load at a million flows).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <random>
#include <string>
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

// Byte by byte: GCC 12 warns falsely (-Warray-bounds) on vector::insert of short lists.
void append(std::vector<uint8_t>& v, std::initializer_list<uint8_t> bytes) {
  for (uint8_t b : bytes) v.push_back(b);
}

// Application payloads, so that detection has real work: a DNS query and
// answer, an HTTP request and response, a TLS 1.3 ClientHello and ServerHello.
std::vector<uint8_t> dns_message(bool response, uint16_t id) {
  std::vector<uint8_t> m = {static_cast<uint8_t>(id >> 8), static_cast<uint8_t>(id), 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0};
  if (response) { m[2] = 0x81; m[3] = 0x80; m[7] = 1; }
  for (const char* label : {"www", "example", "com"}) {
    m.push_back(static_cast<uint8_t>(std::strlen(label)));
    m.insert(m.end(), label, label + std::strlen(label));
  }
  append(m, {0, 0, 1, 0, 1});
  if (response) append(m, {0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0x0E, 0x10, 0, 4, 93, 184, 216, 34});
  return m;
}

std::vector<uint8_t> tls_hello(bool server) {
  std::vector<uint8_t> body = {0x03, 0x03};
  for (int i = 0; i < 32; ++i) body.push_back(static_cast<uint8_t>(i * 7));
  body.push_back(0);  // no session id
  std::vector<uint8_t> ext;
  auto add_ext = [&](uint16_t type, std::vector<uint8_t> data) {
    append(ext, {static_cast<uint8_t>(type >> 8), static_cast<uint8_t>(type),
                           static_cast<uint8_t>(data.size() >> 8), static_cast<uint8_t>(data.size())});
    ext.insert(ext.end(), data.begin(), data.end());
  };
  if (server) {
    append(body, {0x13, 0x01, 0x00});  // cipher, compression
    add_ext(43, {0x03, 0x04});                      // supported_versions: TLS 1.3
  } else {
    append(body, {0x00, 0x06, 0x13, 0x01, 0x13, 0x02, 0xC0, 0x2F, 0x01, 0x00});
    std::string host = "www.example.com";
    std::vector<uint8_t> sni = {0, static_cast<uint8_t>(host.size() + 3), 0, 0, static_cast<uint8_t>(host.size())};
    sni.insert(sni.end(), host.begin(), host.end());
    add_ext(0, sni);
    add_ext(43, {0x04, 0x03, 0x04, 0x03, 0x03});
    add_ext(10, {0x00, 0x04, 0x00, 0x1D, 0x00, 0x17});
    add_ext(13, {0x00, 0x04, 0x04, 0x03, 0x08, 0x04});
    add_ext(16, {0x00, 0x03, 0x02, 'h', '2'});
  }
  append(body, {static_cast<uint8_t>(ext.size() >> 8), static_cast<uint8_t>(ext.size())});
  body.insert(body.end(), ext.begin(), ext.end());
  std::vector<uint8_t> hs = {static_cast<uint8_t>(server ? 2 : 1), 0, static_cast<uint8_t>(body.size() >> 8),
                             static_cast<uint8_t>(body.size())};
  hs.insert(hs.end(), body.begin(), body.end());
  std::vector<uint8_t> rec;
  rec.reserve(5 + hs.size());
  append(rec, {0x16, 0x03, 0x01, static_cast<uint8_t>(hs.size() >> 8), static_cast<uint8_t>(hs.size())});
  for (uint8_t b : hs) rec.push_back(b);
  return rec;
}

const std::vector<uint8_t>& app_payload(const GenFlow& fl, bool from_client, uint32_t data_index) {
  static const std::vector<uint8_t> http_req = [] {
    std::string r = "GET /index.html HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: bench/1.0\r\nAccept: */*\r\n\r\n";
    return std::vector<uint8_t>(r.begin(), r.end());
  }();
  static const std::vector<uint8_t> http_rsp = [] {
    std::string r = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n";
    r.append(1000, 'x');
    return std::vector<uint8_t>(r.begin(), r.end());
  }();
  static const std::vector<uint8_t> ch = tls_hello(false), sh = tls_hello(true), none;
  if (data_index != 0) return none;
  if (fl.sport == 80) return from_client ? http_req : http_rsp;
  if (fl.sport == 443) return from_client ? ch : sh;
  return none;
}

// Builds Ethernet + IPv4 + L4 for one packet of the flow; returns its length.
uint32_t build(uint8_t* b, GenFlow& fl, bool from_client, uint8_t tcp_flags, uint32_t payload,
               const std::vector<uint8_t>* content = nullptr) {
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
  if (content) std::memcpy(l4 + l4len, content->data(), std::min<size_t>(content->size(), payload));
  return 14 + total;
}

bool g_many = false;

GenFlow new_flow(std::mt19937_64& rng) {
  GenFlow f{};
  uint32_t space = g_many ? 0xFFFF : 0xFFFFFF;
  f.client = 0x0A000000u | static_cast<uint32_t>(rng() % space);  // 10.x.x.x
  f.server = 0x5D000000u | static_cast<uint32_t>(rng() % space);  // 93.x.x.x
  f.cport = static_cast<uint16_t>(1024 + rng() % 60000);
  unsigned kind = rng() % 100;
  if (g_many) kind = kind < 2 ? 0 : 90;
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
    std::fprintf(stderr, "usage: %s OUT.pcap PACKETS [CONCURRENT_FLOWS] [SEED] [web|many]\n", argv[0]);
    return 2;
  }
  uint64_t packets = std::strtoull(argv[2], nullptr, 10);
  size_t concurrent = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 10000;
  std::mt19937_64 rng(argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 42);
  g_many = argc > 5 && std::string(argv[5]) == "many";
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
    const std::vector<uint8_t>* content = nullptr;
    std::vector<uint8_t> dns;
    if (fl.proto == 6) {
      uint32_t i = fl.sent;
      if (i == 0) { from_client = true; flags = 0x02; }
      else if (i == 1) { from_client = false; flags = 0x12; }
      else if (i == 2) { from_client = true; flags = 0x10; }
      else if (fl.left == 2) { from_client = true; flags = 0x11; }
      else if (fl.left == 1) { from_client = false; flags = 0x11; }
      else {
        // Request, response, then more data: the first exchange carries the protocol.
        from_client = i == 3 || (i > 4 && (i % 3) == 0);
        flags = 0x18;
        const auto& app = app_payload(fl, from_client, i <= 4 ? 0 : i);
        if (!app.empty()) {
          content = &app;
          payload = static_cast<uint32_t>(app.size());
        } else {
          payload = from_client ? 120 + static_cast<uint32_t>(rng() % 400) : 1200 + static_cast<uint32_t>(rng() % 248);
        }
      }
    } else {
      from_client = (fl.sent % 2) == 0;
      if (fl.proto == 17) {
        dns = dns_message(!from_client, static_cast<uint16_t>(fl.cport));
        content = &dns;
        payload = static_cast<uint32_t>(dns.size());
      } else {
        payload = 56;
      }
    }
    uint32_t len = build(frame, fl, from_client, flags, payload, content);
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
