#include "app/web_app.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "auth/authenticator.h"
#include "auth/config_db.h"
#include "auth/interface_ids.h"
#include "dpi/protocol_catalog.h"
#include "rest/live_feed.h"
#include "rest/rest_api.h"
#include "web/http_server.h"
#include "web/static_assets.h"

namespace wl {

struct WebApp::Impl {
  Options opt;
  std::string data_dir;
  std::unique_ptr<ConfigDb> db;
  std::unique_ptr<UserStore> users;
  std::unique_ptr<TokenStore> tokens;
  std::unique_ptr<SessionStore> sessions;
  std::unique_ptr<Authenticator> auth;
  std::unique_ptr<InterfaceIds> ids;
  ResponseCache cache;
  RestServices services;
  std::unique_ptr<RestApi> api;
  std::unique_ptr<LiveFeed> live;
  std::unique_ptr<HttpServer> server;
};

std::string WebApp::default_data_dir() {
  if (geteuid() == 0) return "/var/lib/wirelens";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.wirelens";
}

std::unique_ptr<WebApp> WebApp::open(const Options& opt, std::string& error) {
  std::unique_ptr<WebApp> app(new WebApp);
  auto& m = *(app->impl_ = std::make_unique<Impl>());
  m.opt = opt;
  m.data_dir = opt.data_dir.empty() ? default_data_dir() : opt.data_dir;
  m.db = ConfigDb::open(m.data_dir, error);
  if (!m.db) return nullptr;
  m.users = std::make_unique<UserStore>(*m.db);
  std::optional<std::string> admin_pw;
  if (opt.admin_password_set) admin_pw = opt.admin_password;
  if (!m.users->ensure_default_admin(admin_pw, error)) return nullptr;
  m.tokens = std::make_unique<TokenStore>(*m.db);
  m.sessions = std::make_unique<SessionStore>(*m.db);
  m.ids = std::make_unique<InterfaceIds>(*m.db);
  return app;
}

WebApp::~WebApp() { stop(); }

int WebApp::interface_id(const std::string& name) { return impl_->ids->id_for(name); }

bool WebApp::start(const std::vector<Interface*>& ifaces, std::string& error) {
  Impl& m = *impl_;
  HttpServerConfig cfg;
  if (m.opt.http_listen != "0") {
    ListenAddress a;
    if (!parse_listen_address(m.opt.http_listen, a, error)) {
      error = "invalid -w/--http-port: " + error;
      return false;
    }
    cfg.listen.push_back(a);
  }
  if (m.opt.https_listen != "0") {
    ListenAddress a;
    if (!parse_listen_address(m.opt.https_listen, a, error)) {
      error = "invalid -W/--https-port: " + error;
      return false;
    }
    a.tls = true;
    cfg.listen.push_back(a);
    cfg.cert_file = m.data_dir + "/ssl/wirelens-cert.pem";
    cfg.key_file = m.data_dir + "/ssl/wirelens-key.pem";
    if (!ensure_self_signed_certificate(cfg.cert_file, cfg.key_file, error)) return false;
  }
  if (cfg.listen.empty()) return true;  // -w 0 and no -W: no web server

  int http_port = 0, https_port = 0;
  for (const auto& l : cfg.listen) (l.tls ? https_port : http_port) = l.port;
  AuthOptions ao;
  ao.disable_login = m.opt.disable_login == 1;
  ao.ui_cookie = "session_" + std::to_string(http_port) + "_" + std::to_string(https_port);
  m.auth = std::make_unique<Authenticator>(*m.users, *m.tokens, *m.sessions, ao);

  m.services.users = m.users.get();
  m.services.tokens = m.tokens.get();
  m.services.sessions = m.sessions.get();
  m.services.auth = m.auth.get();
  m.services.cache = &m.cache;
  m.services.assets = &static_assets();
  m.services.prefix = m.opt.http_prefix;
  m.services.start_time = static_cast<int64_t>(std::time(nullptr));
  m.services.http_port = http_port;
  m.services.https_port = https_port;
  for (Interface* i : ifaces) {
    std::string name = i->config().source;
    size_t slash = name.rfind('/');
    if (slash != std::string::npos) name = name.substr(slash + 1);
    m.services.interfaces.push_back({i->config().id, i->config().source, name, i});
  }
  (void)ProtocolCatalog::instance();  // built once, before the first request
  m.api = std::make_unique<RestApi>(m.services);
  m.api->set_local_no_login(m.opt.disable_login == 0);
  if (m.opt.disable_login >= 0)
    std::fprintf(stderr, "wirelens: WARNING: login is disabled%s: anyone who reaches the web server is an "
                         "administrator. Use this only in a lab.\n",
                 m.opt.disable_login == 0 ? " for connections from localhost" : "");
  RestApi* api = m.api.get();
  m.server = std::make_unique<HttpServer>(cfg, [api](const HttpRequest& req, HttpResponse& res) { api->handle(req, res); });
  m.live = std::make_unique<LiveFeed>(m.services);
  LiveFeed* live = m.live.get();
  m.server->add_websocket({m.opt.http_prefix + "/ws/live",
                           [live](const HttpRequest& req, HttpResponse& reject) { return live->accept(req, reject); },
                           [live](const HttpRequest& req) { return live->tick(req); },
                           std::chrono::milliseconds(1000)});
  if (!m.server->start(error)) return false;
  auto ports = m.server->bound_ports();
  for (size_t i = 0; i < cfg.listen.size() && i < ports.size(); ++i)
    std::fprintf(stderr, "wirelens: serving %s on %s port %u\n", cfg.listen[i].tls ? "HTTPS" : "HTTP",
                 cfg.listen[i].address.empty() ? "every address" : cfg.listen[i].address.c_str(), ports[i]);
  if (auto admin = m.users->get("admin"); admin && admin->must_change_password)
    std::fprintf(stderr, "wirelens: user 'admin' still has the default password 'admin': it must be changed "
                         "before use (web UI, or POST /lua/admin/password_reset.lua)\n");
  return true;
}

void WebApp::stop() {
  if (impl_ && impl_->server) impl_->server->stop();
}

}  // namespace wl
