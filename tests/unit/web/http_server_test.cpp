#include "web/http_server.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "web/test_client.h"

namespace wl {

namespace {
using namespace std::chrono_literals;
using test::Client;
using test::get;
using test::Reply;

std::string big_text() {
  std::string s;
  for (int i = 0; i < 200; ++i) s += "line " + std::to_string(i) + " of a compressible body\n";
  return s;
}

std::string gunzip(const std::string& in) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return "<init failed>";
  std::string out(in.size() * 20 + 1024, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return rc == Z_STREAM_END ? out : "<inflate failed>";
}

// The handler every test server uses: /echo reports the request back.
void test_handler(const HttpRequest& req, HttpResponse& res) {
  res.content_type = "text/plain";
  if (req.path == "/echo" || req.path == "/ws") {
    const std::string* xt = req.header("x-test");
    res.body = req.method + "|" + req.path + "|" + req.query + "|" + req.remote_ip + "|" + (req.tls ? "tls" : "plain") +
               "|" + (xt ? *xt : "-") + "|" + req.body;
  } else if (req.path == "/big") {
    res.body = big_text();
  } else if (req.path == "/slow") {
    std::this_thread::sleep_for(300ms);
    res.body = "slow";
  } else if (req.path == "/cookies") {
    res.add_header("Set-Cookie", "a=1; Path=/");
    res.add_header("Set-Cookie", "b=2; Path=/");
    res.status = 204;
  } else if (req.path == "/throw") {
    throw std::runtime_error("boom");
  } else {
    res.status = 404;
    res.body = "not found";
  }
}

HttpServerConfig test_config(const std::string& address = "127.0.0.1") {
  HttpServerConfig cfg;
  cfg.listen.push_back(ListenAddress{address, 0, false});
  cfg.server_name = "wirelens-test";
  cfg.limits.max_header_bytes = 2048;
  cfg.limits.max_body_bytes = 4096;
  cfg.limits.gzip_min_bytes = 100;
  return cfg;
}

class ServerTest : public ::testing::Test {
 protected:
  // Starts `server_` with `cfg`; false (and the reason in `error_`) when it cannot listen.
  bool start(HttpServerConfig cfg) {
    server_ = std::make_unique<HttpServer>(std::move(cfg), test_handler);
    for (auto& r : routes_) server_->add_websocket(r);
    if (!server_->start(error_)) return false;
    port_ = server_->bound_ports().at(0);
    return true;
  }
  void TearDown() override { server_.reset(); }

  std::unique_ptr<HttpServer> server_;
  std::vector<WebSocketRoute> routes_;
  std::string error_;
  unsigned short port_ = 0;
};
}  // namespace

TEST_F(ServerTest, AnswersAGet) {
  ASSERT_TRUE(start(test_config())) << error_;
  EXPECT_NE(port_, 0);
  Client c("127.0.0.1", port_);
  Reply r = c.request(get("/ech%6F?a=1&b=%20", "X-Test: hello\r\n"));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "GET|/echo|a=1&b=%20|127.0.0.1|plain|hello|");
  EXPECT_EQ(r.header("server"), "wirelens-test");
  EXPECT_EQ(r.header("content-type"), "text/plain");
  EXPECT_EQ(r.header("content-length"), std::to_string(r.body.size()));
}

TEST_F(ServerTest, KeepsAliveAndClosesHttp10) {
  ASSERT_TRUE(start(test_config())) << error_;
  Client c("127.0.0.1", port_);
  EXPECT_EQ(c.request(get("/echo")).status, 200);
  EXPECT_EQ(c.request(get("/nope")).status, 404);
  // Two pipelined requests in one write.
  ASSERT_TRUE(c.send(get("/echo?1") + get("/echo?2")));
  EXPECT_EQ(c.read_reply().body, "GET|/echo|1|127.0.0.1|plain|-|");
  EXPECT_EQ(c.read_reply().body, "GET|/echo|2|127.0.0.1|plain|-|");
  // Connection: close is honoured.
  EXPECT_EQ(c.request(get("/echo", "Connection: close\r\n")).status, 200);
  EXPECT_TRUE(c.closed_within(2s));

  Client old("127.0.0.1", port_);
  Reply r = old.request("GET /echo HTTP/1.0\r\n\r\n");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(old.closed_within(2s));
}

TEST_F(ServerTest, DeliversAPostBody) {
  ASSERT_TRUE(start(test_config())) << error_;
  Client c("127.0.0.1", port_);
  Reply r = c.request("post /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world");
  EXPECT_EQ(r.body, "POST|/echo||127.0.0.1|plain|-|hello world");
  // Chunked bodies and Expect: 100-continue work too.
  ASSERT_TRUE(c.send("PUT /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n"));
  Reply cont = c.read_reply(true);
  EXPECT_EQ(cont.status, 100);
  r = c.request("3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
  EXPECT_EQ(r.body, "PUT|/echo||127.0.0.1|plain|-|abcde");
}

TEST_F(ServerTest, RefusesOversizedHeader) {
  ASSERT_TRUE(start(test_config())) << error_;
  Client c("127.0.0.1", port_);
  Reply r = c.request(get("/echo", "X-Big: " + std::string(4000, 'x') + "\r\n"));
  EXPECT_EQ(r.status, 431);
  EXPECT_TRUE(c.closed_within(3s));
}

TEST_F(ServerTest, RefusesOversizedBody) {
  ASSERT_TRUE(start(test_config())) << error_;
  Client c("127.0.0.1", port_);
  std::string body(10000, 'b');
  Reply r = c.request("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10000\r\n\r\n" + body);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_TRUE(c.closed_within(3s));
}

TEST_F(ServerTest, RefusesMalformedRequests) {
  ASSERT_TRUE(start(test_config())) << error_;
  for (const std::string& raw :
       {std::string("GARBAGE\r\n\r\n"), std::string("GET /echo HTTP/9\r\n\r\n"), get("/a%zz"), get("/a%00b"), get("/a%4"),
        get("echo"), get("http://host/echo"), std::string("GET /echo HTTP/1.1\r\nBad Header\r\n\r\n")}) {
    Client c("127.0.0.1", port_);
    Reply r = c.request(raw);
    EXPECT_EQ(r.status, 400) << raw;
    EXPECT_TRUE(c.closed_within(3s)) << raw;
  }
}

TEST_F(ServerTest, GzipsWhenAsked) {
  ASSERT_TRUE(start(test_config())) << error_;
  Client c("127.0.0.1", port_);
  Reply plain = c.request(get("/big"));
  EXPECT_EQ(plain.body, big_text());
  EXPECT_EQ(plain.header("content-encoding"), "");
  EXPECT_EQ(plain.header("vary"), "Accept-Encoding");

  Reply z = c.request(get("/big", "Accept-Encoding: deflate, gzip;q=0.8\r\n"));
  EXPECT_EQ(z.header("content-encoding"), "gzip");
  EXPECT_EQ(z.header("vary"), "Accept-Encoding");
  EXPECT_LT(z.body.size(), big_text().size());
  EXPECT_EQ(gunzip(z.body), big_text());

  Reply refused = c.request(get("/big", "Accept-Encoding: gzip;q=0\r\n"));
  EXPECT_EQ(refused.header("content-encoding"), "");

  Reply small = c.request(get("/echo", "Accept-Encoding: gzip\r\n"));  // under gzip_min_bytes
  EXPECT_EQ(small.header("content-encoding"), "");
}

TEST_F(ServerTest, HeadHasLengthButNoBody) {
  ASSERT_TRUE(start(test_config())) << error_;
  Client c("127.0.0.1", port_);
  Reply h = c.request("HEAD /big HTTP/1.1\r\nHost: x\r\n\r\n", true);
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.header("content-length"), std::to_string(big_text().size()));
  // If a body had been sent, it would now be read as the next response.
  Reply r = c.request(get("/echo"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "GET|/echo||127.0.0.1|plain|-|");
}

TEST_F(ServerTest, RepeatsHeadersAndReportsHandlerFailures) {
  ASSERT_TRUE(start(test_config())) << error_;
  Client c("127.0.0.1", port_);
  Reply r = c.request(get("/cookies"));
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(r.count("set-cookie"), 2);
  EXPECT_EQ(r.header("content-length"), "");
  EXPECT_EQ(c.request(get("/throw")).status, 500);
  EXPECT_EQ(c.request(get("/echo")).status, 200);  // the connection survives
}

TEST_F(ServerTest, ServesIPv6Loopback) {
  if (!start(test_config("::1"))) GTEST_SKIP() << "no IPv6 loopback: " << error_;
  Client c;
  ASSERT_TRUE(c.connect("::1", port_));
  EXPECT_EQ(c.request(get("/echo")).body, "GET|/echo||::1|plain|-|");
}

TEST_F(ServerTest, DualStackShowsIPv4ClientsAsIPv4) {
  ASSERT_TRUE(start(test_config(""))) << error_;
  Client c4("127.0.0.1", port_);
  EXPECT_EQ(c4.request(get("/echo")).body, "GET|/echo||127.0.0.1|plain|-|");
  Client c6;
  if (c6.connect("::1", port_)) {
    EXPECT_EQ(c6.request(get("/echo")).body, "GET|/echo||::1|plain|-|");
  }
}

TEST_F(ServerTest, BlockingHandlerDoesNotStallOthers) {
  HttpServerConfig cfg = test_config();
  cfg.io_threads = 1;
  cfg.handler_threads = 2;
  ASSERT_TRUE(start(cfg)) << error_;
  Client slow("127.0.0.1", port_);
  Client fast("127.0.0.1", port_);
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(slow.send(get("/slow")));
  std::this_thread::sleep_for(20ms);  // the slow handler is running now
  Reply f = fast.request(get("/echo"));
  auto fast_time = std::chrono::steady_clock::now() - t0;
  EXPECT_EQ(f.status, 200);
  EXPECT_LT(fast_time, 200ms);
  Reply s = slow.read_reply();
  EXPECT_EQ(s.body, "slow");
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 300ms);
}

TEST_F(ServerTest, ServesManyClientsOnSeveralIoThreads) {
  HttpServerConfig cfg = test_config();
  cfg.io_threads = 2;
  cfg.handler_threads = 3;
  ASSERT_TRUE(start(cfg)) << error_;
  std::atomic<int> good{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t)
    clients.emplace_back([&, t] {
      Client c("127.0.0.1", port_);
      for (int i = 0; i < 25; ++i) {
        std::string q = std::to_string(t) + "-" + std::to_string(i);
        Reply r = c.request(get("/echo?" + q, i % 5 == 0 ? "Accept-Encoding: gzip\r\n" : ""));
        good += r.body == "GET|/echo|" + q + "|127.0.0.1|plain|-|";
      }
    });
  for (auto& t : clients) t.join();
  EXPECT_EQ(good.load(), 8 * 25);
}

TEST_F(ServerTest, ClosesASilentConnectionAfterTheRequestTimeout) {
  HttpServerConfig cfg = test_config();
  cfg.limits.request_timeout = 1s;
  ASSERT_TRUE(start(cfg)) << error_;
  Client c("127.0.0.1", port_);
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(c.closed_within(4s));
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 800ms);

  // A request that starts but never ends is cut off too.
  Client partial("127.0.0.1", port_);
  ASSERT_TRUE(partial.send("GET /echo HTTP/1.1\r\nHost: x\r\n"));
  EXPECT_TRUE(partial.closed_within(4s));
}

TEST_F(ServerTest, ClosesIdleKeepAliveConnections) {
  HttpServerConfig cfg = test_config();
  cfg.limits.idle_timeout = 1s;
  ASSERT_TRUE(start(cfg)) << error_;
  Client c("127.0.0.1", port_);
  EXPECT_EQ(c.request(get("/echo")).status, 200);
  EXPECT_TRUE(c.closed_within(4s));
}

TEST_F(ServerTest, ClosesConnectionsBeyondTheLimit) {
  HttpServerConfig cfg = test_config();
  cfg.limits.max_connections = 2;
  ASSERT_TRUE(start(cfg)) << error_;
  Client a("127.0.0.1", port_), b("127.0.0.1", port_);
  EXPECT_EQ(a.request(get("/echo")).status, 200);
  EXPECT_EQ(b.request(get("/echo")).status, 200);
  Client extra("127.0.0.1", port_);
  EXPECT_TRUE(extra.closed_within(2s));
  // A freed slot is usable again.
  a.close();
  Reply r;
  for (int i = 0; i < 50 && !r.ok; ++i) {
    std::this_thread::sleep_for(20ms);
    Client again("127.0.0.1", port_);
    r = again.request(get("/echo"));
  }
  EXPECT_EQ(r.status, 200);
}

TEST_F(ServerTest, ReportsAnAddressInUse) {
  ASSERT_TRUE(start(test_config())) << error_;
  HttpServerConfig cfg = test_config();
  cfg.listen[0].port = port_;
  HttpServer second(cfg, test_handler);
  std::string error;
  EXPECT_FALSE(second.start(error));
  EXPECT_NE(error.find(std::to_string(port_)), std::string::npos) << error;
}

TEST_F(ServerTest, StopClosesOpenConnections) {
  ASSERT_TRUE(start(test_config())) << error_;
  Client c("127.0.0.1", port_);
  EXPECT_EQ(c.request(get("/echo")).status, 200);
  auto t0 = std::chrono::steady_clock::now();
  server_->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 1s);
  EXPECT_TRUE(c.closed_within(1s));
  Client after;
  EXPECT_FALSE(after.connect("127.0.0.1", port_));
  server_->stop();  // idempotent
}

// --- TLS ------------------------------------------------------------------------

TEST_F(ServerTest, ServesTls) {
  std::string dir = ::testing::TempDir() + "wl_tls_" + std::to_string(::getpid());
  std::string cert = dir + "/cert.pem", key = dir + "/key.pem", error;
  ASSERT_TRUE(ensure_self_signed_certificate(cert, key, error)) << error;
  HttpServerConfig cfg = test_config();
  cfg.listen[0].tls = true;
  cfg.listen.push_back(ListenAddress{"127.0.0.1", 0, false});  // and a plain one next to it
  cfg.cert_file = cert;
  cfg.key_file = key;
  ASSERT_TRUE(start(cfg)) << error_;
  ASSERT_EQ(server_->bound_ports().size(), 2u);

  Client c("127.0.0.1", port_);
  ASSERT_TRUE(c.tls());
  EXPECT_GE(SSL_version(c.ssl()), TLS1_2_VERSION);
  Reply r = c.request(get("/echo?x"));
  EXPECT_EQ(r.body, "GET|/echo|x|127.0.0.1|tls|-|");
  EXPECT_EQ(c.request(get("/echo")).status, 200);  // keep-alive over TLS

  Client p("127.0.0.1", server_->bound_ports()[1]);
  EXPECT_EQ(p.request(get("/echo")).body, "GET|/echo||127.0.0.1|plain|-|");
  std::filesystem::remove_all(dir);
}

TEST_F(ServerTest, FailsToStartWithAMismatchedKey) {
  std::string dir = ::testing::TempDir() + "wl_mismatch_" + std::to_string(::getpid());
  std::string error;
  ASSERT_TRUE(ensure_self_signed_certificate(dir + "/1/cert.pem", dir + "/1/key.pem", error)) << error;
  ASSERT_TRUE(ensure_self_signed_certificate(dir + "/2/cert.pem", dir + "/2/key.pem", error)) << error;
  HttpServerConfig cfg = test_config();
  cfg.listen[0].tls = true;
  cfg.cert_file = dir + "/1/cert.pem";
  cfg.key_file = dir + "/2/key.pem";
  EXPECT_FALSE(start(cfg));
  EXPECT_NE(error_.find("2/key.pem"), std::string::npos) << error_;  // OpenSSL checks the pair on load
  std::filesystem::remove_all(dir);
}

TEST_F(ServerTest, FailsToStartWithoutCertificate) {
  HttpServerConfig cfg = test_config();
  cfg.listen[0].tls = true;
  cfg.cert_file = "/nonexistent/cert.pem";
  cfg.key_file = "/nonexistent/key.pem";
  EXPECT_FALSE(start(cfg));
  EXPECT_NE(error_.find("cert.pem"), std::string::npos) << error_;
}

// --- WebSocket ------------------------------------------------------------------

namespace {
// Client side of the opening handshake (RFC 6455 section 1.3's example key).
Reply ws_handshake(Client& c, const std::string& path) {
  return c.request("GET " + path +
                   " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
                   true);
}

// One unmasked server frame: opcode and payload.
bool ws_read_frame(Client& c, int& opcode, std::string& payload) {
  std::string h;
  if (!c.read_exact(2, h)) return false;
  opcode = h[0] & 0x0f;
  size_t len = static_cast<unsigned char>(h[1]) & 0x7f;
  if (len == 126) {
    std::string ext;
    if (!c.read_exact(2, ext)) return false;
    len = (static_cast<unsigned char>(ext[0]) << 8) | static_cast<unsigned char>(ext[1]);
  } else if (len == 127) {
    return false;  // not needed by these tests
  }
  return c.read_exact(len, payload);
}

// A masked client close frame with status 1000.
std::string ws_close_frame() {
  std::string f = "\x88\x82";
  const char mask[4] = {0x11, 0x22, 0x33, 0x44};
  f.append(mask, 4);
  f.push_back(static_cast<char>(0x03 ^ mask[0]));
  f.push_back(static_cast<char>(0xe8 ^ mask[1]));
  return f;
}
}  // namespace

TEST_F(ServerTest, WebSocketSendsTicks) {
  std::atomic<int> ticks{0};
  WebSocketRoute route;
  route.path = "/ws";
  route.period = 50ms;
  route.accept = [](const HttpRequest& req, HttpResponse&) { return req.query == "ok"; };
  route.tick = [&ticks](const HttpRequest& req) {
    int n = ++ticks;
    return n % 2 ? "tick " + req.query : std::string();  // empty results are not sent
  };
  routes_.push_back(route);
  WebSocketRoute denied;
  denied.path = "/denied";
  denied.accept = [](const HttpRequest&, HttpResponse& reject) {
    reject.status = 403;
    reject.body = "{\"error\":\"forbidden\"}";
    return false;
  };
  routes_.push_back(denied);
  ASSERT_TRUE(start(test_config())) << error_;

  Client c("127.0.0.1", port_);
  Reply hs = ws_handshake(c, "/ws?ok");
  ASSERT_EQ(hs.status, 101);
  EXPECT_EQ(hs.header("sec-websocket-accept"), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  int opcode = 0;
  std::string payload;
  ASSERT_TRUE(ws_read_frame(c, opcode, payload));
  EXPECT_EQ(opcode, 1);
  EXPECT_EQ(payload, "tick ok");
  ASSERT_TRUE(ws_read_frame(c, opcode, payload));
  EXPECT_EQ(payload, "tick ok");
  // Our close is answered with a close; frames in flight may come first.
  ASSERT_TRUE(c.send(ws_close_frame()));
  do {
    ASSERT_TRUE(ws_read_frame(c, opcode, payload));
  } while (opcode == 1);
  EXPECT_EQ(opcode, 8);
  EXPECT_TRUE(c.closed_within(2s));
  int after = ticks.load();
  std::this_thread::sleep_for(200ms);
  EXPECT_LE(ticks.load(), after + 1) << "ticking must stop once the client has gone";

  Client refused("127.0.0.1", port_);
  EXPECT_EQ(ws_handshake(refused, "/ws?no").status, 403);  // an unfilled refusal is Forbidden
  Client denied_client("127.0.0.1", port_);
  Reply d = ws_handshake(denied_client, "/denied");
  ASSERT_TRUE(denied_client.read_exact(std::stoul(d.header("content-length")), d.body));
  EXPECT_EQ(d.status, 403);
  EXPECT_EQ(d.body, "{\"error\":\"forbidden\"}");

  Client plain("127.0.0.1", port_);
  EXPECT_EQ(plain.request(get("/ws")).body, "GET|/ws||127.0.0.1|plain|-|");  // no upgrade: the normal handler
}

TEST_F(ServerTest, WebSocketPingsAQuietClientAndDropsADeadOne) {
  WebSocketRoute route;
  route.path = "/ws";
  route.period = 50ms;
  route.tick = [](const HttpRequest&) { return std::string(); };  // nothing to say
  routes_.push_back(route);
  HttpServerConfig cfg = test_config();
  cfg.limits.idle_timeout = 1s;
  ASSERT_TRUE(start(cfg)) << error_;
  Client c("127.0.0.1", port_);
  ASSERT_EQ(ws_handshake(c, "/ws").status, 101);
  auto t0 = std::chrono::steady_clock::now();
  int opcode = 0;
  std::string payload;
  ASSERT_TRUE(ws_read_frame(c, opcode, payload));
  EXPECT_EQ(opcode, 9);  // ping after half the idle timeout
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
  // We never answer: the server gives up on us.
  EXPECT_TRUE(c.closed_within(3s));
}

TEST_F(ServerTest, WebSocketOverTls) {
  std::string dir = ::testing::TempDir() + "wl_wss_" + std::to_string(::getpid());
  std::string cert = dir + "/cert.pem", key = dir + "/key.pem", error;
  ASSERT_TRUE(ensure_self_signed_certificate(cert, key, error)) << error;
  WebSocketRoute route;
  route.path = "/ws";
  route.period = 20ms;
  route.tick = [](const HttpRequest& req) { return std::string(req.tls ? "secure" : "plain"); };
  routes_.push_back(route);
  HttpServerConfig cfg = test_config();
  cfg.listen[0].tls = true;
  cfg.cert_file = cert;
  cfg.key_file = key;
  ASSERT_TRUE(start(cfg)) << error_;
  Client c("127.0.0.1", port_);
  ASSERT_TRUE(c.tls());
  ASSERT_EQ(ws_handshake(c, "/ws").status, 101);
  int opcode = 0;
  std::string payload;
  ASSERT_TRUE(ws_read_frame(c, opcode, payload));
  EXPECT_EQ(payload, "secure");
  std::filesystem::remove_all(dir);
}

TEST_F(ServerTest, StopClosesWebSockets) {
  WebSocketRoute route;
  route.path = "/ws";
  route.period = 20ms;
  route.tick = [](const HttpRequest&) { return std::string("t"); };
  routes_.push_back(route);
  ASSERT_TRUE(start(test_config())) << error_;
  Client c("127.0.0.1", port_);
  ASSERT_EQ(ws_handshake(c, "/ws").status, 101);
  int opcode = 0;
  std::string payload;
  ASSERT_TRUE(ws_read_frame(c, opcode, payload));
  std::thread closer([&] {
    // Answer the server's close as a browser would.
    do {
      if (!ws_read_frame(c, opcode, payload)) return;
    } while (opcode != 8);
    c.send(ws_close_frame());
    c.closed_within(2s);  // the server closes TCP first, then so do we
    c.close();
  });
  auto t0 = std::chrono::steady_clock::now();
  server_->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
  closer.join();
  EXPECT_EQ(opcode, 8);
}

}  // namespace wl
