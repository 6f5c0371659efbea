#include "auth/authenticator.h"

#include <sodium.h>

#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/auth_util.h"

namespace wl {

using auth_detail::lower;
using auth_detail::now_s;

namespace {

constexpr size_t kPruneCacheAbove = 1024;

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

// Random per process: cache keys reveal nothing about passwords, even in a core dump.
const std::array<unsigned char, crypto_generichash_KEYBYTES>& cache_key() {
  static const auto key = [] {
    auth_detail::ensure_sodium();
    std::array<unsigned char, crypto_generichash_KEYBYTES> k;
    randombytes_buf(k.data(), k.size());
    return k;
  }();
  return key;
}

std::string cache_digest(const std::string& user, const std::string& password) {
  crypto_generichash_state st;
  const auto& key = cache_key();
  crypto_generichash_init(&st, key.data(), key.size(), crypto_generichash_BYTES);
  // The NUL separates the fields unambiguously: user names cannot contain one.
  std::string head = user + '\0';
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(head.data()), head.size());
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(password.data()), password.size());
  std::string out(crypto_generichash_BYTES, '\0');
  crypto_generichash_final(&st, reinterpret_cast<unsigned char*>(out.data()), out.size());
  return out;
}

// Strict standard base64 (with padding); nothing on malformed input.
std::optional<std::string> base64_decode(const std::string& b64) {
  std::string out(b64.size() / 4 * 3 + 3, '\0');
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(), b64.size(), nullptr,
                        &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != b64.data() + b64.size())
    return std::nullopt;
  out.resize(len);
  return out;
}

AuthResult result(AuthResult::Kind kind, AuthMethod method) {
  AuthResult r;
  r.kind = kind;
  r.method = method;
  return r;
}

}  // namespace

Authenticator::Authenticator(UserStore& users, TokenStore& tokens, SessionStore& sessions, AuthOptions opt)
    : users_(users), tokens_(tokens), sessions_(sessions), opt_(std::move(opt)) {
  cache_key();
}

AuthResult Authenticator::authenticate(const HttpRequest& req) {
  const int64_t now = now_s();
  if (opt_.disable_login) {
    AuthResult r = result(AuthResult::kOk, AuthMethod::kNoLogin);
    for (User& u : users_.list())
      if (u.role == Role::kAdmin) {
        r.user = std::move(u);
        break;
      }
    if (!r.user) {  // no administrator stored at all: still someone to act as
      r.user = User{};
      r.user->username = "admin";
      r.user->role = Role::kAdmin;
    }
    return r;
  }

  if (const std::string* auth = req.header("authorization")) {
    std::string_view h = *auth;
    size_t sp = h.find(' ');
    std::string scheme = lower(std::string(h.substr(0, sp)));
    std::string cred = sp == std::string_view::npos ? std::string() : trim(h.substr(sp + 1));

    if (scheme == "basic") {
      auto decoded = base64_decode(cred);
      size_t colon = decoded ? decoded->find(':') : std::string::npos;
      if (colon == std::string::npos) return result(AuthResult::kBadCredentials, AuthMethod::kBasic);
      std::string user = lower(decoded->substr(0, colon));
      std::string password = decoded->substr(colon + 1);
      // Refused before any hashing: a blocked source costs nothing.
      if (limiter_.blocked(req.remote_ip, now)) return result(AuthResult::kRateLimited, AuthMethod::kBasic);

      std::string digest = cache_digest(user, password);
      uint64_t gen;
      bool cached = false;
      {
        std::lock_guard lock(mu_);
        auto it = basic_cache_.find(digest);
        cached = it != basic_cache_.end() && it->second.first == user && it->second.second > now;
        gen = forget_gen_;
      }
      // A cached check still needs the current user record (role, restrictions).
      std::optional<User> found = cached ? users_.get(user) : users_.verify(user, password);
      if (!found) {
        limiter_.failure(req.remote_ip, now);
        return result(AuthResult::kBadCredentials, AuthMethod::kBasic);
      }
      if (!cached) {
        limiter_.success(req.remote_ip);
        if (opt_.basic_cache_s > 0) {
          std::lock_guard lock(mu_);
          if (gen == forget_gen_) {
            if (basic_cache_.size() > kPruneCacheAbove)
              std::erase_if(basic_cache_, [now](const auto& e) { return e.second.second <= now; });
            basic_cache_[digest] = {user, now + opt_.basic_cache_s};
          }
        }
      }
      AuthResult r = result(AuthResult::kOk, AuthMethod::kBasic);
      r.user = std::move(found);
      return r;
    }

    if (scheme == "token") {
      if (limiter_.blocked(req.remote_ip, now)) return result(AuthResult::kRateLimited, AuthMethod::kToken);
      std::optional<User> found;
      if (auto name = tokens_.user_of(cred)) found = users_.get(*name);
      if (!found) {
        // Guessing tokens is hopeless at 128 bits, but counting it stops the scan early.
        limiter_.failure(req.remote_ip, now);
        return result(AuthResult::kBadCredentials, AuthMethod::kToken);
      }
      AuthResult r = result(AuthResult::kOk, AuthMethod::kToken);
      r.user = std::move(found);
      return r;
    }
    return result(AuthResult::kBadCredentials, AuthMethod::kNone);
  }

  // Cookies: the UI's own name first, then the generic "session"; a request
  // may carry more than one Cookie header (HTTP/2 splits them).
  std::vector<std::string> names{opt_.ui_cookie};
  if (opt_.ui_cookie != "session") names.push_back("session");
  for (const std::string& name : names) {
    for (const auto& [k, v] : req.headers) {
      if (k != "cookie") continue;
      std::string id = cookie_value(v, name);
      if (id.empty()) continue;
      auto session = sessions_.find(id);
      if (!session) continue;
      auto user = users_.get(session->username);
      if (!user) {
        sessions_.remove(session->id);
        continue;
      }
      AuthResult r = result(AuthResult::kOk, AuthMethod::kSession);
      r.user = std::move(user);
      r.session = std::move(session);
      return r;
    }
  }
  // An unknown or expired session is the same as none: the UI shows its login page.
  return result(AuthResult::kNoCredentials, AuthMethod::kNone);
}

AuthResult Authenticator::login(const std::string& username, const std::string& password, const std::string& source,
                                int64_t lifetime_s) {
  const int64_t now = now_s();
  if (limiter_.blocked(source, now)) return result(AuthResult::kRateLimited, AuthMethod::kSession);
  auto user = users_.verify(lower(username), password);
  if (!user) {
    limiter_.failure(source, now);
    return result(AuthResult::kBadCredentials, AuthMethod::kSession);
  }
  limiter_.success(source);
  AuthResult r = result(AuthResult::kOk, AuthMethod::kSession);
  r.session = sessions_.create(user->username, lifetime_s);
  r.user = std::move(user);
  return r;
}

void Authenticator::forget(const std::string& username) {
  std::string user = lower(username);
  std::lock_guard lock(mu_);
  ++forget_gen_;
  std::erase_if(basic_cache_, [&](const auto& e) { return e.second.first == user; });
}

std::string cookie_value(const std::string& cookie_header, const std::string& name) {
  std::string_view rest = cookie_header;
  while (!rest.empty()) {
    size_t semi = rest.find(';');
    std::string_view pair = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos || trim(pair.substr(0, eq)) != name) continue;
    std::string value = trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    return value;
  }
  return {};
}

}  // namespace wl
