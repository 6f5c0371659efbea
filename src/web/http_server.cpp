// The HTTP/1.1 + WebSocket server: the only translation unit that includes
// Boost.Beast/Asio. One coroutine per connection runs on its own strand; the
// application's handlers run on a separate thread pool.
#include <utility>  // first: Boost 1.74's Asio misses it under g++ 12

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>

#include "web/http_server.h"
#include "web/http_util.h"

namespace wl {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using asio::awaitable;
using beast::error_code;

namespace {

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

// How long stop() lets connections finish before it tears everything down.
constexpr std::chrono::seconds kStopGrace{3};
// Bound on the lingering close that drains an unread request body.
constexpr std::chrono::seconds kLingerTime{1};
constexpr size_t kLingerBytes = 1024 * 1024;

auto redirect(error_code& ec) { return asio::redirect_error(asio::use_awaitable, ec); }

std::string_view view(beast::string_view s) { return {s.data(), s.size()}; }

// Runs `fn` on `pool`, then resumes the awaiting coroutine on its own
// executor (the connection's strand). The tracked executor keeps the
// io_context from running out of work while the handler runs.
template <class Fn>
auto on_pool(asio::thread_pool& pool, Fn fn) {
  return asio::async_initiate<const asio::use_awaitable_t<>, void()>(
      [&pool](auto handler, Fn fn) {
        auto home = asio::prefer(asio::get_associated_executor(handler), asio::execution::outstanding_work.tracked);
        asio::post(pool, [fn = std::move(fn), handler = std::move(handler), home]() mutable {
          try {
            fn();
          } catch (...) {  // handlers report their own errors; never kill a pool thread
          }
          asio::post(home, std::move(handler));
        });
      },
      asio::use_awaitable, std::move(fn));
}

std::string peer_ip(const tcp::socket& s) {
  error_code ec;
  auto ep = s.remote_endpoint(ec);
  if (ec) return {};
  auto a = ep.address();
  // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d.
  if (a.is_v6() && a.to_v6().is_v4_mapped()) return asio::ip::make_address_v4(asio::ip::v4_mapped, a.to_v6()).to_string();
  return a.to_string();
}

std::string endpoint_text(const tcp::endpoint& ep) {
  std::string a = ep.address().to_string();
  if (ep.address().is_v6()) a = "[" + a + "]";
  return a + ":" + std::to_string(ep.port());
}

// The status that answers a failed request read: 431 and 413 for the limits,
// 400 for any other parser error; 0 (just close) when the client went away
// or timed out.
int refusal_status(const error_code& ec) {
  if (ec == http::error::header_limit) return 431;
  if (ec == http::error::body_limit) return 413;
  if (ec == http::error::end_of_stream || ec == http::error::partial_message) return 0;
  return ec.category() == http::make_error_code(http::error::bad_method).category() ? 400 : 0;
}

HttpResponse plain_error(int status, std::string text) {
  HttpResponse r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(text) + "\n";
  r.compressible = false;
  return r;
}

// Fills `out` from a parsed request; false (answered with 400) when the
// target is not origin-form or its path does not decode cleanly.
bool make_request(Request& req, const std::string& remote, bool tls, HttpRequest& out) {
  out.target = std::string(view(req.target()));
  if (out.target.empty() || out.target[0] != '/') return false;
  size_t q = out.target.find('?');
  if (!web_detail::decode_path(std::string_view(out.target).substr(0, q), out.path)) return false;
  if (q != std::string::npos) out.query = out.target.substr(q + 1);
  out.method = web_detail::to_upper(view(req.method_string()));
  for (const auto& f : req) out.headers.emplace_back(web_detail::to_lower(view(f.name_string())), std::string(view(f.value())));
  out.body = std::move(req.body());
  out.remote_ip = remote;
  out.tls = tls;
  return true;
}

bool no_body_status(int status) { return status < 200 || status == 204 || status == 304; }

// One accepted connection. Its coroutines hold it by shared_ptr; stop()
// reaches it through a weak_ptr posted to its strand.
struct ConnBase {
  explicit ConnBase(asio::any_io_executor ex) : strand(std::move(ex)) {}
  virtual ~ConnBase() = default;
  virtual void abort() = 0;  // on the strand

  asio::any_io_executor strand;
  std::function<void()> on_destroy;  // set once admitted: releases its slot
  bool stopping = false;             // the server is shutting down (strand only)
};

template <class Stream>
struct Connection : ConnBase {
  template <class... Args>
  explicit Connection(asio::any_io_executor ex, Args&&... args) : ConnBase(std::move(ex)), stream(std::forward<Args>(args)...) {}
  ~Connection() override {
    if (on_destroy) on_destroy();
  }

  void abort() override {
    stopping = true;
    if (ticker) ticker->cancel();
    // A WebSocket says goodbye from its tick loop; plain HTTP just closes.
    // (After the upgrade `stream` is moved-from and must not be touched.)
    if (!ws) beast::get_lowest_layer(stream).close();
  }

  Stream stream;
  std::optional<websocket::stream<Stream>> ws;
  std::optional<asio::steady_timer> ticker;
  bool peer_closed = false;  // the WebSocket reader saw the end (strand only)
};

}  // namespace

struct HttpServer::Impl {
  Impl(HttpServerConfig c, HttpHandler h) : cfg(std::move(c)), handler(std::move(h)) {}

  HttpServerConfig cfg;
  HttpHandler handler;
  std::vector<WebSocketRoute> routes;

  std::mutex mu;  // guards the fields up to `conns`
  std::condition_variable cv;
  bool running = false, stopping = false;
  size_t live = 0;   // admitted connections
  size_t loops = 0;  // running accept loops
  std::map<ConnBase*, std::pair<std::weak_ptr<ConnBase>, asio::any_io_executor>> conns;

  // Declared before the io_context so pending coroutine frames, destroyed
  // with it, still find the TLS context and the fields above alive.
  std::optional<asio::ssl::context> tls;
  std::unique_ptr<asio::io_context> ioc;
  struct Listener {
    tcp::acceptor acceptor;
    bool tls;
  };
  std::vector<Listener> listeners;
  std::vector<unsigned short> ports;
  std::unique_ptr<asio::thread_pool> pool;
  std::vector<std::thread> threads;

  bool start(std::string& error);
  void stop();
  bool make_tls_context(std::string& error);
  bool listen(const ListenAddress& la, std::string& error);
  awaitable<void> accept_loop(Listener& l);
  bool admit(const std::shared_ptr<ConnBase>& c);

  template <class Stream>
  awaitable<void> serve(std::shared_ptr<Connection<Stream>> c, bool tls);
  template <class Stream>
  awaitable<void> close_gracefully(Connection<Stream>& c);
  template <class Stream>
  awaitable<void> run_websocket(std::shared_ptr<Connection<Stream>> c, Request req, HttpRequest hreq,
                                WebSocketRoute route);
  template <class Stream>
  awaitable<void> read_until_closed(std::shared_ptr<Connection<Stream>> c);

  const WebSocketRoute* find_route(const std::string& path) const {
    for (const auto& r : routes)
      if (r.path == path) return &r;
    return nullptr;
  }
  Response build_response(HttpResponse& h, const HttpRequest* req, unsigned version, bool keep_alive) const;
};

// --- start / stop -----------------------------------------------------------

bool HttpServer::Impl::make_tls_context(std::string& error) {
  error_code ec;
  tls.emplace(asio::ssl::context::tls_server);
  tls->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                   asio::ssl::context::no_sslv3 | asio::ssl::context::single_dh_use);
  SSL_CTX_set_min_proto_version(tls->native_handle(), TLS1_2_VERSION);
  tls->use_certificate_chain_file(cfg.cert_file, ec);
  if (ec) {
    error = "cannot load TLS certificate " + cfg.cert_file + ": " + ec.message();
    return false;
  }
  tls->use_private_key_file(cfg.key_file, asio::ssl::context::pem, ec);
  if (ec) {
    error = "cannot load TLS key " + cfg.key_file + ": " + ec.message();
    return false;
  }
  return true;
}

bool HttpServer::Impl::listen(const ListenAddress& la, std::string& error) {
  std::string host = la.address;
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  error_code ec;
  bool dual = host.empty();
  tcp::endpoint ep(tcp::v6(), la.port);
  if (!dual) {
    auto addr = asio::ip::make_address(host, ec);
    if (ec) {
      error = "invalid listen address '" + la.address + "'";
      return false;
    }
    ep = tcp::endpoint(addr, la.port);
  }
  auto fail = [&](const char* what) {
    error = std::string("cannot ") + what + " " + endpoint_text(ep) + ": " + ec.message();
    return false;
  };
  tcp::acceptor acc(asio::make_strand(*ioc));
  acc.open(ep.protocol(), ec);
  if (ec && dual) {  // no IPv6 on this host: every IPv4 address will do
    ep = tcp::endpoint(tcp::v4(), la.port);
    dual = false;
    acc.open(ep.protocol(), ec);
  }
  if (ec) return fail("open");
  if (dual) acc.set_option(asio::ip::v6_only(false), ec);
  acc.set_option(asio::socket_base::reuse_address(true), ec);
  acc.bind(ep, ec);
  if (ec) return fail("bind");
  acc.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return fail("listen on");
  ports.push_back(acc.local_endpoint(ec).port());
  listeners.push_back(Listener{std::move(acc), la.tls});
  return true;
}

bool HttpServer::Impl::start(std::string& error) {
  {
    std::lock_guard lk(mu);
    if (running) {
      error = "server already started";
      return false;
    }
    stopping = false;
  }
  if (cfg.listen.empty()) {
    error = "no listen address";
    return false;
  }
  bool need_tls = false;
  for (const auto& la : cfg.listen) need_tls = need_tls || la.tls;
  if (need_tls && !make_tls_context(error)) return false;
  ioc = std::make_unique<asio::io_context>(std::max(1, cfg.io_threads));
  ports.clear();
  for (const auto& la : cfg.listen) {
    if (!listen(la, error)) {
      listeners.clear();
      ports.clear();
      ioc.reset();
      return false;
    }
  }
  pool = std::make_unique<asio::thread_pool>(static_cast<size_t>(std::max(1, cfg.handler_threads)));
  {
    std::lock_guard lk(mu);
    loops = listeners.size();
  }
  for (auto& l : listeners) asio::co_spawn(l.acceptor.get_executor(), accept_loop(l), asio::detached);
  {
    std::lock_guard lk(mu);
    running = true;
  }
  for (int i = 0; i < std::max(1, cfg.io_threads); ++i)
    threads.emplace_back([this] {
      for (;;) {
        try {
          ioc->run();
          return;
        } catch (...) {  // a stray exception must not end the I/O thread
        }
      }
    });
  return true;
}

void HttpServer::Impl::stop() {
  std::vector<std::pair<std::weak_ptr<ConnBase>, asio::any_io_executor>> open;
  {
    std::lock_guard lk(mu);
    if (!running || stopping) return;
    stopping = true;
    for (auto& [p, entry] : conns) open.push_back(entry);
  }
  for (auto& l : listeners)
    asio::post(l.acceptor.get_executor(), [&l] {
      error_code ec;
      l.acceptor.close(ec);
    });
  for (auto& [weak, ex] : open)
    asio::post(ex, [weak] {
      if (auto c = weak.lock()) c->abort();
    });
  open.clear();  // its strand handles must not outlive the io_context
  {
    std::unique_lock lk(mu);
    cv.wait_for(lk, kStopGrace, [this] { return live == 0 && loops == 0; });
  }
  // Whatever is still pending (a client not answering the close) is dropped.
  ioc->stop();
  for (auto& t : threads) t.join();
  threads.clear();
  pool->join();  // a running handler finishes; its completion lands in the stopped io_context
  listeners.clear();
  ioc.reset();  // destroys the remaining coroutine frames and their sockets
  pool.reset();
  std::lock_guard lk(mu);
  running = false;
}

bool HttpServer::Impl::admit(const std::shared_ptr<ConnBase>& c) {
  std::lock_guard lk(mu);
  if (stopping || live >= cfg.limits.max_connections) return false;
  ++live;
  conns[c.get()] = {c, c->strand};
  ConnBase* key = c.get();
  c->on_destroy = [this, key] {
    std::lock_guard lk2(mu);
    conns.erase(key);
    --live;
    cv.notify_all();
  };
  return true;
}

awaitable<void> HttpServer::Impl::accept_loop(Listener& l) {
  struct Done {  // counts the loop out however its frame ends
    Impl* s;
    ~Done() {
      std::lock_guard lk(s->mu);
      --s->loops;
      s->cv.notify_all();
    }
  } done{this};
  for (;;) {
    auto strand = asio::make_strand(*ioc);
    tcp::socket sock(strand);
    error_code ec;
    co_await l.acceptor.async_accept(sock, redirect(ec));
    if (ec) {
      if (!l.acceptor.is_open()) co_return;
      // Out of descriptors and the like: pause rather than spin.
      asio::steady_timer pause(l.acceptor.get_executor(), std::chrono::milliseconds(100));
      co_await pause.async_wait(redirect(ec));
      continue;
    }
    sock.set_option(tcp::no_delay(true), ec);
    if (l.tls) {
      auto c = std::make_shared<Connection<TlsStream>>(strand, beast::tcp_stream(std::move(sock)), *tls);
      if (admit(c)) asio::co_spawn(strand, serve(std::move(c), true), asio::detached);
    } else {
      auto c = std::make_shared<Connection<PlainStream>>(strand, std::move(sock));
      if (admit(c)) asio::co_spawn(strand, serve(std::move(c), false), asio::detached);
    }
    // A connection that was not admitted is closed here, by its destructor.
  }
}

// --- one connection -----------------------------------------------------------

Response HttpServer::Impl::build_response(HttpResponse& h, const HttpRequest* req, unsigned version,
                                          bool keep_alive) const {
  Response res;
  res.version(version);
  int status = h.status >= 100 && h.status <= 999 ? h.status : 500;
  res.result(static_cast<unsigned>(status));
  res.set(http::field::server, cfg.server_name);
  if (!h.content_type.empty() && web_detail::valid_header_value(h.content_type))
    res.set(http::field::content_type, h.content_type);
  bool encoded = false;
  for (const auto& [name, value] : h.headers) {
    if (!web_detail::valid_header_name(name) || !web_detail::valid_header_value(value)) continue;  // no splitting
    std::string lower = web_detail::to_lower(name);
    // Framing is the server's business.
    if (lower == "content-length" || lower == "transfer-encoding" || lower == "connection") continue;
    encoded = encoded || lower == "content-encoding";
    res.insert(name, value);
  }
  std::string body = std::move(h.body);
  if (no_body_status(status)) {
    body.clear();
  } else if (h.compressible && !encoded && body.size() >= cfg.limits.gzip_min_bytes) {
    res.insert(http::field::vary, "Accept-Encoding");  // caches must key on it either way
    const std::string* ae = req ? req->header("accept-encoding") : nullptr;
    if (ae && web_detail::accepts_gzip(*ae)) {
      std::string z = gzip_compress(body);
      if (!z.empty() && z.size() < body.size()) {
        body = std::move(z);
        res.set(http::field::content_encoding, "gzip");
      }
    }
  }
  res.keep_alive(keep_alive);
  if (!no_body_status(status)) res.content_length(body.size());
  if (!(req && req->method == "HEAD")) res.body() = std::move(body);  // HEAD: the length, not the bytes
  return res;
}

template <class Stream>
awaitable<void> HttpServer::Impl::close_gracefully(Connection<Stream>& c) {
  auto& lowest = beast::get_lowest_layer(c.stream);
  error_code ec;
  lowest.expires_after(kLingerTime);
  if constexpr (std::is_same_v<Stream, TlsStream>) {
    co_await c.stream.async_shutdown(redirect(ec));
  } else {
    // Half-close, then read what the client still sends (say, a body we
    // refused): closing with unread data would reset the connection and
    // could destroy our response before the client reads it.
    lowest.socket().shutdown(tcp::socket::shutdown_send, ec);
    char sink[4096];
    size_t drained = 0;
    while (drained < kLingerBytes) {
      size_t n = co_await lowest.async_read_some(asio::buffer(sink), redirect(ec));
      if (ec) break;
      drained += n;
    }
  }
  lowest.close();
}

template <class Stream>
awaitable<void> HttpServer::Impl::serve(std::shared_ptr<Connection<Stream>> c, bool tls_conn) {
  auto& lowest = beast::get_lowest_layer(c->stream);
  const HttpLimits& lim = cfg.limits;
  const std::string remote = peer_ip(lowest.socket());
  error_code ec;
  if constexpr (std::is_same_v<Stream, TlsStream>) {
    lowest.expires_after(lim.request_timeout);
    co_await c->stream.async_handshake(asio::ssl::stream_base::server, redirect(ec));
    if (ec) co_return;
  }
  beast::flat_buffer buffer;
  bool first = true;
  while (!c->stopping) {
    // Between keep-alive requests the idle timeout applies; the request
    // timeout starts with the first byte (or with the connection).
    if (buffer.size() == 0) {
      lowest.expires_after(first ? lim.request_timeout : lim.idle_timeout);
      size_t n = co_await c->stream.async_read_some(buffer.prepare(4096), redirect(ec));
      if (ec) co_return;
      buffer.commit(n);
    }
    if (!first) lowest.expires_after(lim.request_timeout);
    first = false;

    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(std::min<size_t>(lim.max_header_bytes, UINT32_MAX)));
    parser.body_limit(static_cast<std::uint64_t>(lim.max_body_bytes));
    co_await http::async_read_header(c->stream, buffer, parser, redirect(ec));
    if (!ec && !parser.is_done()) {
      const auto& hdr = parser.get();
      auto expect = hdr[http::field::expect];
      if (hdr.version() == 11 && beast::iequals(expect, "100-continue")) {
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        co_await asio::async_write(c->stream, asio::buffer(kContinue.data(), kContinue.size()), redirect(ec));
      }
      if (!ec) co_await http::async_read(c->stream, buffer, parser, redirect(ec));
    }
    int refuse = ec ? refusal_status(ec) : 0;
    if (ec && !refuse) co_return;  // the client left, or was too slow
    Request req;
    HttpRequest hreq;
    if (!refuse) {
      req = parser.release();
      if (!make_request(req, remote, tls_conn, hreq)) refuse = 400;
    }
    if (refuse) {
      HttpResponse e = plain_error(refuse, refuse == 431   ? "Request Header Fields Too Large"
                                           : refuse == 413 ? "Payload Too Large"
                                                           : "Bad Request");
      Response res = build_response(e, nullptr, 11, false);
      lowest.expires_after(lim.request_timeout);
      co_await http::async_write(c->stream, res, redirect(ec));
      if (!ec) co_await close_gracefully(*c);
      co_return;
    }

    // HTTP/1.0 always closes, whatever its Connection header says.
    bool keep = req.version() >= 11 && req.keep_alive();
    HttpResponse hres;
    const WebSocketRoute* route = websocket::is_upgrade(req) ? find_route(hreq.path) : nullptr;
    if (route) {
      WebSocketRoute r = *route;
      bool accepted = true;
      hres.status = 403;  // what a refusal means unless the route says otherwise
      co_await on_pool(*pool, [&] {
        try {
          if (r.accept) accepted = r.accept(hreq, hres);
        } catch (...) {
          accepted = false;
          hres = plain_error(500, "Internal Server Error");
        }
      });
      if (accepted) {
        co_await run_websocket(c, std::move(req), std::move(hreq), std::move(r));
        co_return;
      }
    } else {
      co_await on_pool(*pool, [&] {
        try {
          handler(hreq, hres);
        } catch (...) {
          hres = plain_error(500, "Internal Server Error");
        }
      });
    }
    if (c->stopping) keep = false;
    Response res = build_response(hres, &hreq, req.version(), keep);
    // Writes may be long (a big body to a slow reader): give them the longer limit.
    lowest.expires_after(std::max(lim.request_timeout, lim.idle_timeout));
    co_await http::async_write(c->stream, res, redirect(ec));
    if (ec) co_return;
    if (!keep) {
      co_await close_gracefully(*c);
      co_return;
    }
  }
}

// --- WebSocket ----------------------------------------------------------------

template <class Stream>
awaitable<void> HttpServer::Impl::run_websocket(std::shared_ptr<Connection<Stream>> c, Request req, HttpRequest hreq,
                                                WebSocketRoute route) {
  c->ws.emplace(std::move(c->stream));
  auto& ws = *c->ws;
  beast::get_lowest_layer(ws).expires_never();  // the WebSocket has timeouts of its own
  // A dashboard client only listens: ping it when quiet so a dead peer is
  // dropped after the idle timeout while a live one (which pongs) stays.
  websocket::stream_base::timeout limits = websocket::stream_base::timeout::suggested(beast::role_type::server);
  limits.handshake_timeout = cfg.limits.request_timeout;
  limits.idle_timeout = cfg.limits.idle_timeout;
  limits.keep_alive_pings = true;
  ws.set_option(limits);
  ws.set_option(websocket::stream_base::decorator(
      [name = cfg.server_name](websocket::response_type& r) { r.set(http::field::server, name); }));
  ws.read_message_max(64 * 1024);  // clients have nothing big to tell us
  error_code ec;
  co_await ws.async_accept(req, redirect(ec));
  if (ec) co_return;
  c->ticker.emplace(c->strand);
  // Reading concurrently is how a client's close (or a dead peer) is noticed.
  asio::co_spawn(c->strand, read_until_closed(c), asio::detached);
  ws.text(true);
  auto period = std::max(route.period, std::chrono::milliseconds(1));
  // is_open() turns false as soon as the client's close frame is read, before
  // the reader finishes the closing handshake.
  auto open = [&] { return !c->stopping && !c->peer_closed && ws.is_open(); };
  while (open()) {
    c->ticker->expires_after(period);
    co_await c->ticker->async_wait(redirect(ec));
    if (!open()) break;
    std::string msg;
    if (route.tick)
      co_await on_pool(*pool, [&] {
        try {
          msg = route.tick(hreq);
        } catch (...) {  // a failed tick just sends nothing this period
        }
      });
    if (!open() || msg.empty()) continue;
    co_await ws.async_write(asio::buffer(msg), redirect(ec));
    if (ec) co_return;
  }
  if (c->stopping && !c->peer_closed && ws.is_open()) {
    limits.handshake_timeout = std::chrono::seconds(2);  // do not let a silent client hold up stop()
    ws.set_option(limits);
    co_await ws.async_close(websocket::close_code::going_away, redirect(ec));
  }
}

template <class Stream>
awaitable<void> HttpServer::Impl::read_until_closed(std::shared_ptr<Connection<Stream>> c) {
  beast::flat_buffer buf;
  error_code ec;
  for (;;) {
    co_await c->ws->async_read(buf, redirect(ec));
    if (ec) break;
    buf.consume(buf.size());  // client messages are not used
  }
  c->peer_closed = true;
  if (c->ticker) c->ticker->cancel();
}

// --- public API -----------------------------------------------------------------

HttpServer::HttpServer(HttpServerConfig cfg, HttpHandler handler)
    : impl_(std::make_unique<Impl>(std::move(cfg), std::move(handler))) {}

HttpServer::~HttpServer() { stop(); }

void HttpServer::add_websocket(WebSocketRoute route) {
  // Routes are read by the connections without a lock: add them before start().
  impl_->routes.push_back(std::move(route));
}

bool HttpServer::start(std::string& error) { return impl_->start(error); }

void HttpServer::stop() { impl_->stop(); }

std::vector<unsigned short> HttpServer::bound_ports() const { return impl_->ports; }

}  // namespace wl
