#pragma once
// The HTTP/1.1 + WebSocket server (Boost.Beast, C++20 coroutines), plain and
// TLS. I/O runs on a small io_context pool; handlers run on a separate pool so
// a slow handler (a password hash, an engine query) never stalls the sockets.
// Limits keep slow or hostile clients from starving the others.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "web/http_types.h"

namespace wl {

struct ListenAddress {
  std::string address;  // "" = every address (IPv4 and IPv6), else a literal IPv4/IPv6 address
  unsigned short port = 0;
  bool tls = false;
};

// "3000", ":3000" (loopback only), "10.0.0.1:3000", "[::1]:3000". False with
// `error` naming what is wrong.
bool parse_listen_address(const std::string& spec, ListenAddress& out, std::string& error);

struct HttpLimits {
  size_t max_header_bytes = 16 * 1024;  // 431 beyond
  size_t max_body_bytes = 1024 * 1024;  // 413 beyond
  size_t max_connections = 512;         // further connections are closed at once
  std::chrono::seconds request_timeout{15};  // to receive one whole request
  std::chrono::seconds idle_timeout{60};     // keep-alive wait between requests
  size_t gzip_min_bytes = 1024;         // compress compressible bodies from this size
};

// A WebSocket route: `accept` decides on the upgrade request (fill `reject`
// and return false to refuse with that response); then `tick` is called every
// `period` and a non-empty result is sent as one text message.
struct WebSocketRoute {
  std::string path;
  std::function<bool(const HttpRequest&, HttpResponse& reject)> accept;
  std::function<std::string(const HttpRequest&)> tick;
  std::chrono::milliseconds period{1000};
};

struct HttpServerConfig {
  std::vector<ListenAddress> listen;
  std::string cert_file, key_file;  // PEM, needed when any listener has tls
  int io_threads = 1;
  int handler_threads = 4;
  HttpLimits limits;
  std::string server_name = "wirelens";
};

class HttpServer {
 public:
  HttpServer(HttpServerConfig cfg, HttpHandler handler);
  ~HttpServer();

  void add_websocket(WebSocketRoute route);
  // Binds every listener; false with `error` naming the address that failed.
  bool start(std::string& error);
  void stop();
  // Ports actually bound, in listener order (port 0 binds an ephemeral port).
  std::vector<unsigned short> bound_ports() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes a self-signed certificate and key (RSA 2048 or P-256, 10 years, CN =
// host name) unless both files exist. False with `error` on failure.
bool ensure_self_signed_certificate(const std::string& cert_file, const std::string& key_file, std::string& error);

// gzip (RFC 1952) of `data`; empty on failure.
std::string gzip_compress(const std::string& data);

}  // namespace wl
