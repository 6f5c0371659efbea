#include "rest/rest_api.h"

#include <cstdio>
#include <ctime>

namespace wl {

namespace {

constexpr int64_t kUiSessionSeconds = 12 * 3600;

bool bad_target(const std::string& target) {
  return target.find("//") != std::string::npos || target.find("..") != std::string::npos ||
         target.find("&&") != std::string::npos || target.find("??") != std::string::npos ||
         target.find('\r') != std::string::npos || target.find('\n') != std::string::npos;
}

bool starts_with(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

void plain(HttpResponse& res, int status, std::string body) {
  res.status = status;
  res.content_type = "text/plain; charset=utf-8";
  res.body = std::move(body);
}

void common_headers(const std::string& path, HttpResponse& res) {
  res.add_header("Cache-Control", "max-age=0, no-cache, no-store");
  res.add_header("Pragma", "no-cache");
  res.add_header("X-Frame-Options", "DENY");
  res.add_header("X-Content-Type-Options", "nosniff");
  if (path.find("/rest/") != std::string::npos) {
    res.add_header("Access-Control-Allow-Origin", "*");
    res.add_header("Access-Control-Allow-Methods", "GET, POST, HEAD");
  }
}

// "/lua/rest/v2/get/host/data" reaches "get/host/data.lua" as in ntopng.
std::string with_lua_suffix(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string last = path.substr(slash + 1);
  if (last.empty() || last.find('.') != std::string::npos) return path;
  return path + ".lua";
}

std::string log_params(const HttpRequest& req) { return req.query.size() > 200 ? req.query.substr(0, 200) : req.query; }

}  // namespace

RestApi::RestApi(RestServices& svc) : svc_(svc), routes_(all_routes()) {}

std::string RestApi::ui_cookie_header(const Session& s, bool expire) const {
  return svc_.auth->options().ui_cookie + "=" + (expire ? std::string() : s.id) +
         "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + (expire ? "0" : std::to_string(kUiSessionSeconds));
}

void RestApi::refuse_credentials(const HttpRequest& req, HttpResponse& res, const AuthResult& auth) {
  if (auth.kind == AuthResult::kRateLimited) {
    plain(res, 429, "Too many failed logins from this address: try again in a minute.\n");
    res.add_header("Retry-After", "60");
    return;
  }
  if (auth.kind == AuthResult::kBadCredentials) {
    // At most a few lines a minute per source: the limiter refuses the rest unlogged.
    const std::string* a = req.header("authorization");
    std::string scheme = a ? a->substr(0, a->find(' ')) : "?";
    std::fprintf(stderr, "wirelens: failed login (%s) from %s for %s\n", scheme.c_str(), req.remote_ip.c_str(),
                 req.path.c_str());
  }
  plain(res, 401, "Authentication required: HTTP Basic, 'Authorization: Token <token>' or a session.\n");
  // The browser UI (session cookie or XHR) must not get the browser's own dialog.
  bool ui = req.header("x-requested-with") != nullptr ||
            (req.header("cookie") && !cookie_value(*req.header("cookie"), svc_.auth->options().ui_cookie).empty());
  if (!ui) res.add_header("WWW-Authenticate", "Basic realm=\"wirelens\"");
}

void RestApi::handle_login(const HttpRequest& req, HttpResponse& res) {
  std::string err;
  Params p = Params::from_request(req, err);
  std::string user = p.post("user").value_or(p.post("username").value_or(""));
  std::string password = p.post("password").value_or("");
  std::string referer = p.post("referer").value_or(svc_.prefix + "/");
  if (referer.empty() || referer.front() != '/' || bad_target(referer)) referer = svc_.prefix + "/";
  bool wants_json = req.header("x-requested-with") != nullptr ||
                    (req.header("accept") && req.header("accept")->find("application/json") != std::string::npos);
  AuthResult a = svc_.auth->login(user, password, req.remote_ip, kUiSessionSeconds);
  if (a.kind != AuthResult::kOk || !a.session) {
    std::fprintf(stderr, "wirelens: failed login for '%s' from %s\n", user.c_str(), req.remote_ip.c_str());
    if (a.kind == AuthResult::kRateLimited) {
      plain(res, 429, "Too many failed logins from this address: try again in a minute.\n");
    } else if (wants_json) {
      plain(res, 401, "Wrong user name or password.\n");
    } else {
      res.status = 302;
      res.content_type = "text/plain";
      res.add_header("Location", svc_.prefix + "/lua/login.lua?reason=wrong-credentials");
    }
    return;
  }
  res.add_header("Set-Cookie", ui_cookie_header(*a.session, false));
  if (wants_json) {
    res.status = 200;
    res.content_type = "application/json";
    res.body = ok_envelope([&](Json& w) {
      w.StartObject();
      kv(w, "username", a.user->username);
      kv(w, "csrf", a.session->csrf);
      kv(w, "must_change_password", a.user->must_change_password);
      w.EndObject();
    });
  } else {
    res.status = 302;
    res.content_type = "text/plain";
    res.add_header("Location", a.user->must_change_password ? svc_.prefix + "/lua/change_password.lua" : referer);
  }
}

void RestApi::handle_logout(const HttpRequest&, HttpResponse& res, const AuthResult& auth) {
  if (auth.session) {
    svc_.sessions->remove(auth.session->id);
    res.add_header("Set-Cookie", ui_cookie_header(*auth.session, true));
  }
  res.status = 302;
  res.content_type = "text/plain";
  res.add_header("Location", svc_.prefix + "/");
}

void RestApi::handle_password_reset(RestCall& call) {
  auto param = [&](const char* n) { return call.params.post(n).value_or(call.params.get(n).value_or("")); };
  std::string username = lower_ascii(param("username"));
  if (username.empty()) username = call.user().username;
  std::string old_pw = param("old_password"), new_pw = param("new_password"), confirm = param("confirm_password");
  bool self = username == call.user().username;
  if (!self && !call.is_admin()) return call.error(RestCode::kNotGranted, "Only administrators change other users' passwords");
  if (new_pw.empty() || new_pw != confirm) return call.error(RestCode::kPasswordMismatch);
  if (self || !call.is_admin()) {
    if (!svc_.users->verify(username, old_pw)) return call.error(RestCode::kPasswordMismatch, "The old password is wrong");
  }
  if (self && old_pw == new_pw) return call.error(RestCode::kInvalidArguments, "The new password must differ from the old one");
  std::string err;
  UserResult r = svc_.users->set_password(username, new_pw, err);
  if (r == UserResult::kNotFound) return call.error(RestCode::kUserDoesNotExist);
  if (r != UserResult::kOk) return call.error(RestCode::kInvalidArguments, err.empty() ? "Invalid password" : err);
  svc_.auth->forget(username);
  std::fprintf(stderr, "wirelens: password of '%s' changed by '%s'\n", username.c_str(), call.user().username.c_str());
  call.ok([](Json& w) { empty_map(w); });
}

void RestApi::serve_asset(const std::string& path, HttpResponse& res) {
  const StaticAsset* a = nullptr;
  if (svc_.assets) {
    std::string_view want = path == "/" ? std::string_view("/index.html") : std::string_view(path);
    for (const auto& x : *svc_.assets)
      if (want == x.path) a = &x;
  }
  if (!a) {
    plain(res, 404, svc_.assets && !svc_.assets->empty() ? "Not found.\n"
                                                         : "Not found (this wirelens was built without its web UI).\n");
    return;
  }
  res.status = 200;
  res.content_type = a->content_type;
  res.body.assign(reinterpret_cast<const char*>(a->data), a->size);
  // Static files are public (the login page is one); the API behind them is not.
  res.headers.clear();
  res.add_header("X-Content-Type-Options", "nosniff");
  res.add_header("X-Frame-Options", "DENY");
  bool hashed = path.rfind("/assets/", 0) == 0;  // Vite names them by content hash
  res.add_header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  if (!hashed)
    res.add_header("Content-Security-Policy",
                   "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'");
}

void RestApi::handle(const HttpRequest& req, HttpResponse& res) {
  std::string path = req.path;
  if (bad_target(req.target) || bad_target(path) || path.empty() || path.front() != '/') {
    plain(res, 400, "Bad request path.\n");
    return;
  }
  if (!svc_.prefix.empty()) {
    if (path != svc_.prefix && !starts_with(path, svc_.prefix + "/")) {
      plain(res, 404, "Not found.\n");
      return;
    }
    path = path == svc_.prefix ? "/" : path.substr(svc_.prefix.size());
  }
  common_headers(path, res);
  if (req.method == "OPTIONS") {  // CORS pre-flight, unauthenticated (compat doc 1.4)
    res.status = 200;
    res.content_type = "text/plain";
    if (const std::string* o = req.header("origin")) res.add_header("Access-Control-Allow-Origin", *o);
    if (const std::string* m = req.header("access-control-request-method")) res.add_header("Access-Control-Allow-Methods", *m);
    if (const std::string* h = req.header("access-control-request-headers")) res.add_header("Access-Control-Allow-Headers", *h);
    res.add_header("Access-Control-Max-Age", "3600");
    return;
  }
  if (path == "/authorize.html" && req.method == "POST") return handle_login(req, res);
  if (req.method == "GET" || req.method == "HEAD") {
    // ntopng's login and password pages live in the UI (hash routes).
    if (path == "/lua/login.lua" || path == "/lua/change_password.lua") {
      res.status = 302;
      res.content_type = "text/plain";
      res.add_header("Location", svc_.prefix + (path == "/lua/login.lua" ? "/#/login" : "/#/change-password"));
      return;
    }
    if (!starts_with(path, "/lua/")) return serve_asset(path, res);
  }

  if (starts_with(path, "/lua/")) path = with_lua_suffix(path);
  std::string key;
  bool v1 = false;
  if (path == "/lua/rest/version.lua") key = "version.lua";
  else if (starts_with(path, "/lua/rest/v2/")) key = path.substr(13);
  else if (starts_with(path, "/lua/rest/v1/")) { key = path.substr(13); v1 = true; }
  else if (starts_with(path, "/lua/pro/rest/v2/")) key = "pro/" + path.substr(17);
  else if (path == "/lua/admin/password_reset.lua" || path == "/lua/logout.lua") key = path;

  AuthResult auth = svc_.auth->authenticate(req);
  if (auth.kind == AuthResult::kNoCredentials && svc_.auth->options().disable_login == false &&
      local_no_login_ && (req.remote_ip == "127.0.0.1" || req.remote_ip == "::1")) {
    for (const User& u : svc_.users->list())
      if (u.role == Role::kAdmin) {
        auth.kind = AuthResult::kOk;
        auth.method = AuthMethod::kNoLogin;
        auth.user = u;
        break;
      }
  }
  if (auth.kind != AuthResult::kOk || !auth.user) return refuse_credentials(req, res, auth);
  if (key == "/lua/logout.lua") return handle_logout(req, res, auth);
  // The UI asks who it is (and learns it must change the password) before anything else.
  if (auth.user->must_change_password && key != "/lua/admin/password_reset.lua" && key != "get/user/me.lua") {
    res.status = 403;
    res.content_type = "text/plain; charset=utf-8";
    res.body = "The password of '" + auth.user->username +
               "' is still the default one and must be changed first: POST username, old_password, "
               "new_password and confirm_password to " + svc_.prefix +
               "/lua/admin/password_reset.lua (or use the web UI).\n";
    return;
  }

  std::string body_error;
  Params params = Params::from_request(req, body_error);
  RestCall call(req, res, params, svc_, auth, v1);
  if (!body_error.empty()) return call.error(RestCode::kBadFormat, body_error);

  // CSRF (compat doc 3.4): only session cookies; GET and JSON POSTs to /get/ are exempt.
  if (auth.method == AuthMethod::kSession && req.method == "POST" && req.header("content-type")) {
    bool exempt = params.had_json_body() && key.find("get/") != std::string::npos && !params.had_form_body();
    exempt = exempt || (!params.had_json_body() && !params.had_form_body() && req.body.empty());
    if (!exempt && (!params.csrf() || !auth.session || *params.csrf() != auth.session->csrf)) {
      call.error(RestCode::kNotGranted, "Missing or wrong CSRF token");
      res.status = 403;
      return;
    }
  }
  if (key == "/lua/admin/password_reset.lua") return handle_password_reset(call);

  auto it = routes_.find(key);
  if (key.empty() || it == routes_.end()) {
    std::fprintf(stderr, "wirelens: warning: unknown path %s %s?%s\n", req.method.c_str(), req.path.c_str(),
                 log_params(req).c_str());
    return call.error(RestCode::kNotFound, "Unknown endpoint");
  }
  if (it->second.admin_only && !call.is_admin()) return call.error(RestCode::kNotGranted);
  try {
    it->second.handler(call);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "wirelens: error in %s: %s\n", key.c_str(), e.what());
    call.error(RestCode::kInternalError);
  }
}

}  // namespace wl
