#pragma once
// What an endpoint gets: the request, its validated parameters, the caller,
// and the services (interfaces, user stores); plus the envelope writers.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/authenticator.h"
#include "engine/interface.h"
#include "rest/json.h"
#include "rest/params.h"
#include "rest/response_cache.h"
#include "web/static_assets.h"
#include "web/http_types.h"

namespace wl {

struct MonitoredInterface {
  int ifid = 0;
  std::string ifname;  // as given with -i
  std::string name;    // short human name
  Interface* iface = nullptr;
};

struct RestServices {
  std::vector<MonitoredInterface> interfaces;
  UserStore* users = nullptr;
  TokenStore* tokens = nullptr;
  SessionStore* sessions = nullptr;
  Authenticator* auth = nullptr;
  std::string prefix;         // --http-prefix
  int64_t start_time = 0;     // epoch seconds
  int http_port = 0, https_port = 0;
  ResponseCache* cache = nullptr;  // list answers, shared by all callers
  const std::vector<StaticAsset>* assets = nullptr;  // the embedded web UI
};

// ntopng's return codes (compat doc 2.2).
enum class RestCode {
  kOk, kNotFound, kInvalidInterface, kNotGranted, kInvalidHost, kInvalidArguments, kInternalError, kBadFormat,
  kBadContent, kPasswordMismatch, kAddUserFailed, kDeleteUserFailed, kUserAlreadyExisting, kUserDoesNotExist,
  kEditUserFailed
};
struct RestCodeInfo {
  int rc;
  const char* rc_str;
  int http;
  const char* hr;
};
const RestCodeInfo& rest_code_info(RestCode c);

// A user's restrictions: the allowed networks (null when unrestricted) and
// whether an interface is one the user may see.
std::shared_ptr<const LocalNetworks> allowed_networks(const User& u);
bool interface_allowed(const User& u, const MonitoredInterface& mi);

// A success envelope {"rc": 0, "rc_str": "OK", "rc_str_hr", [extra keys], "rsp"}.
std::string ok_envelope(const std::function<void(Json&)>& rsp, const std::function<void(Json&)>& extra = nullptr);

class RestCall {
 public:
  RestCall(const HttpRequest& req, HttpResponse& res, Params& params, RestServices& svc, AuthResult auth, bool v1);

  const HttpRequest& req;
  HttpResponse& res;
  Params& params;
  RestServices& svc;
  AuthResult auth;
  bool v1;  // reached through /lua/rest/v1

  const User& user() const { return *auth.user; }
  bool is_admin() const { return auth.user && auth.user->role == Role::kAdmin; }
  bool may_see_alerts() const { return is_admin() || (auth.user && auth.user->allow_alerts); }
  // The user's allowed networks, null when unrestricted.
  std::shared_ptr<const LocalNetworks> allowed() const { return allowed_; }
  bool interface_allowed(const MonitoredInterface& mi) const;

  // The interface named by `ifid`; writes INVALID_INTERFACE and returns null when
  // missing, unknown or not allowed for the user.
  const MonitoredInterface* interface();
  // The echo of `ifid` with the type it arrived in (string or number).
  void write_ifid(Json& w);

  // Success envelope; `extra` may add top-level keys next to rc (paging totals).
  void ok(const std::function<void(Json&)>& rsp, const std::function<void(Json&)>& extra = nullptr);
  // List endpoints: answers the request from the cache when an identical one
  // (same user, path and parameters) was answered less than a second ago.
  bool from_cache();
  void to_cache();

  // Error envelope with "rsp": [] and the code's HTTP status; `detail` replaces the phrase.
  void error(RestCode code, const std::string& detail = {});

 private:
  std::string cache_key() const;
  std::shared_ptr<const LocalNetworks> allowed_;
};

}  // namespace wl
