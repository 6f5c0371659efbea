#pragma once
// The HTTP handler of wirelens: path checks, authentication, the
// default-password rule, CSRF, routing to REST resources, common headers.
#include <string>

#include "rest/routes.h"
#include "web/http_types.h"

namespace wl {

class RestApi {
 public:
  explicit RestApi(RestServices& svc);
  void handle(const HttpRequest& req, HttpResponse& res);
  // -l 0: requests from the loopback need no login.
  void set_local_no_login(bool on) { local_no_login_ = on; }

 private:
  void handle_login(const HttpRequest& req, HttpResponse& res);
  void serve_asset(const std::string& path, HttpResponse& res);
  void handle_logout(const HttpRequest& req, HttpResponse& res, const AuthResult& auth);
  void handle_password_reset(RestCall& call);
  void refuse_credentials(const HttpRequest& req, HttpResponse& res, const AuthResult& auth);
  std::string ui_cookie_header(const Session& s, bool expire) const;

  RestServices& svc_;
  Routes routes_;
  bool local_no_login_ = false;
};

}  // namespace wl
