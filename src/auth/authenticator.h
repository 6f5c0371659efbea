#pragma once
// Who is calling: HTTP Basic, "Authorization: Token", or a session cookie,
// in that order (the first one present decides, as in ntopng).
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/rate_limiter.h"
#include "auth/sessions.h"
#include "auth/tokens.h"
#include "auth/users.h"
#include "web/http_types.h"

namespace wl {

enum class AuthMethod { kNone, kBasic, kToken, kSession, kNoLogin };

struct AuthResult {
  enum Kind { kNoCredentials, kOk, kBadCredentials, kRateLimited } kind = kNoCredentials;
  AuthMethod method = AuthMethod::kNone;
  std::optional<User> user;
  std::optional<Session> session;  // set for kSession
};

struct AuthOptions {
  bool disable_login = false;          // everyone is the admin (labs only)
  std::string ui_cookie = "session";   // the UI's cookie name (ntopng: session_<http>_<https>)
  int64_t basic_cache_s = 300;         // successful Basic checks are remembered this long
};

class Authenticator {
 public:
  Authenticator(UserStore& users, TokenStore& tokens, SessionStore& sessions, AuthOptions opt);

  // Reads Authorization (Basic / Token) and the cookies `<ui_cookie>` and
  // `session`. Failed Basic checks count against the source address.
  AuthResult authenticate(const HttpRequest& req);
  // The login form: a checked password gives a new session.
  AuthResult login(const std::string& username, const std::string& password, const std::string& source,
                   int64_t lifetime_s);
  // Forget cached Basic checks of that user (password changed, user deleted).
  void forget(const std::string& username);

  RateLimiter& limiter() { return limiter_; }
  const AuthOptions& options() const { return opt_; }

 private:
  UserStore& users_;
  TokenStore& tokens_;
  SessionStore& sessions_;
  AuthOptions opt_;
  RateLimiter limiter_;
  std::mutex mu_;
  // keyed hash (BLAKE2b with a per-process key) of "user\0password" -> (user, expiry)
  std::unordered_map<std::string, std::pair<std::string, int64_t>> basic_cache_;
  // Bumped by forget(): a check that started before it must not refill the cache.
  uint64_t forget_gen_ = 0;
};

// Cookie value from a Cookie header, or empty.
std::string cookie_value(const std::string& cookie_header, const std::string& name);

}  // namespace wl
