#include "auth/authenticator.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "auth_test_util.h"

namespace wl {
namespace {

using test::kRowPassword;
using test::open_db;
using test::TempDir;

std::string b64(const std::string& s) {
  std::string out(sodium_base64_ENCODED_LEN(s.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(s.data()), s.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // NUL
  return out;
}

HttpRequest request(std::vector<std::pair<std::string, std::string>> headers, std::string ip = "192.0.2.1") {
  HttpRequest r;
  r.method = "GET";
  r.path = r.target = "/lua/rest/v2/get/ntopng/interfaces.lua";
  r.headers = std::move(headers);
  r.remote_ip = std::move(ip);
  return r;
}

HttpRequest basic(const std::string& user, const std::string& password, std::string ip = "192.0.2.1") {
  return request({{"authorization", "Basic " + b64(user + ":" + password)}}, std::move(ip));
}

template <class F>
double millis(F&& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

class AuthenticatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = open_db(dir_.path());
    ASSERT_TRUE(db_);
    test::insert_user(*db_, "zed", Role::kAdmin);
    test::insert_user(*db_, "admin", Role::kAdmin);
    test::insert_user(*db_, "alice");
    users_ = std::make_unique<UserStore>(*db_);
    tokens_ = std::make_unique<TokenStore>(*db_);
    sessions_ = std::make_unique<SessionStore>(*db_);
  }
  Authenticator make(AuthOptions opt = {}) { return Authenticator(*users_, *tokens_, *sessions_, opt); }

  TempDir dir_;
  std::unique_ptr<ConfigDb> db_;
  std::unique_ptr<UserStore> users_;
  std::unique_ptr<TokenStore> tokens_;
  std::unique_ptr<SessionStore> sessions_;
};

TEST_F(AuthenticatorTest, BasicOkThenCachedAndFast) {
  Authenticator auth = make();
  AuthResult first, second, upper;
  double t1 = millis([&] { first = auth.authenticate(basic("alice", kRowPassword)); });
  double t2 = millis([&] { second = auth.authenticate(basic("alice", kRowPassword)); });
  ASSERT_EQ(first.kind, AuthResult::kOk);
  EXPECT_EQ(first.method, AuthMethod::kBasic);
  ASSERT_TRUE(first.user);
  EXPECT_EQ(first.user->username, "alice");
  EXPECT_FALSE(first.session);
  ASSERT_EQ(second.kind, AuthResult::kOk);
  EXPECT_EQ(second.user->username, "alice");
  EXPECT_LT(t2, t1 / 2) << "first " << t1 << " ms, cached " << t2 << " ms";

  // The user name is case-insensitive, and hits the same cache entry.
  double t3 = millis([&] { upper = auth.authenticate(basic("ALICE", kRowPassword)); });
  EXPECT_EQ(upper.kind, AuthResult::kOk);
  EXPECT_LT(t3, t1 / 2);
}

TEST_F(AuthenticatorTest, BasicBadAndMalformed) {
  Authenticator auth = make();
  AuthResult r = auth.authenticate(basic("alice", "wrong-password"));
  EXPECT_EQ(r.kind, AuthResult::kBadCredentials);
  EXPECT_FALSE(r.user);
  std::vector<std::string> bad{"Basic !!!not base64", "Basic " + b64("no-colon"), "Basic",
                               "Basic " + b64("alice:x") + "x", "Bearer abc", "Digest username=\"alice\""};
  for (const std::string& h : bad) {
    r = auth.authenticate(request({{"authorization", h}}));
    EXPECT_EQ(r.kind, AuthResult::kBadCredentials) << h;
  }
}

TEST_F(AuthenticatorTest, ForgetDropsCachedChecks) {
  Authenticator auth = make();
  ASSERT_EQ(auth.authenticate(basic("alice", kRowPassword)).kind, AuthResult::kOk);
  std::string error;
  ASSERT_EQ(users_->set_password("alice", "changed-password", error), UserResult::kOk) << error;
  // Still cached: that is what forget() is for.
  EXPECT_EQ(auth.authenticate(basic("alice", kRowPassword)).kind, AuthResult::kOk);
  auth.forget("Alice");
  EXPECT_EQ(auth.authenticate(basic("alice", kRowPassword)).kind, AuthResult::kBadCredentials);
  EXPECT_EQ(auth.authenticate(basic("alice", "changed-password")).kind, AuthResult::kOk);
}

TEST_F(AuthenticatorTest, RateLimitedSourceIsRefusedWithoutHashing) {
  Authenticator auth = make();
  const std::string ip = "198.51.100.7";
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch()).count();
  for (int i = 0; i < 9; ++i) auth.limiter().failure(ip, now);
  // The tenth failure is a real wrong password.
  double t_hash = millis([&] {
    EXPECT_EQ(auth.authenticate(basic("alice", "wrong-password", ip)).kind, AuthResult::kBadCredentials);
  });
  AuthResult r;
  double t_refused = millis([&] { r = auth.authenticate(basic("alice", kRowPassword, ip)); });
  EXPECT_EQ(r.kind, AuthResult::kRateLimited);
  EXPECT_LT(t_refused, t_hash / 2) << "hash " << t_hash << " ms, refusal " << t_refused << " ms";

  std::string token = tokens_->create("alice");
  EXPECT_EQ(auth.authenticate(request({{"authorization", "Token " + token}}, ip)).kind, AuthResult::kRateLimited);
  EXPECT_EQ(auth.login("alice", kRowPassword, ip, 600).kind, AuthResult::kRateLimited);
  // Other sources are unaffected.
  EXPECT_EQ(auth.authenticate(request({{"authorization", "Token " + token}})).kind, AuthResult::kOk);
}

TEST_F(AuthenticatorTest, Tokens) {
  Authenticator auth = make();
  std::string token = tokens_->create("alice");
  AuthResult r = auth.authenticate(request({{"authorization", "Token " + token}}));
  ASSERT_EQ(r.kind, AuthResult::kOk);
  EXPECT_EQ(r.method, AuthMethod::kToken);
  EXPECT_EQ(r.user->username, "alice");

  r = auth.authenticate(request({{"authorization", "Token " + random_hex(16)}}));
  EXPECT_EQ(r.kind, AuthResult::kBadCredentials);
  EXPECT_EQ(r.method, AuthMethod::kToken);

  // Bad tokens count as failures too.
  for (int i = 0; i < 10; ++i) auth.authenticate(request({{"authorization", "Token nope"}}, "203.0.113.9"));
  EXPECT_EQ(auth.authenticate(request({{"authorization", "Token " + token}}, "203.0.113.9")).kind,
            AuthResult::kRateLimited);
}

TEST_F(AuthenticatorTest, SessionCookiesUnderBothNames) {
  AuthOptions opt;
  opt.ui_cookie = "session_3000_0";
  Authenticator auth = make(opt);
  Session s = sessions_->create("alice", 600);

  for (const std::string& cookie : std::vector<std::string>{"theme=dark; session_3000_0=" + s.id, "session=" + s.id,
                             "session_3000_0=" + random_hex(16) + "; session=" + s.id}) {
    AuthResult r = auth.authenticate(request({{"cookie", cookie}}));
    ASSERT_EQ(r.kind, AuthResult::kOk) << cookie;
    EXPECT_EQ(r.method, AuthMethod::kSession);
    EXPECT_EQ(r.user->username, "alice");
    ASSERT_TRUE(r.session);
    EXPECT_EQ(r.session->csrf, s.csrf);
  }
  // Unknown, expired or absent: not logged in.
  EXPECT_EQ(auth.authenticate(request({{"cookie", "session=" + random_hex(16)}})).kind, AuthResult::kNoCredentials);
  Session dead = sessions_->create("alice", -1);
  EXPECT_EQ(auth.authenticate(request({{"cookie", "session=" + dead.id}})).kind, AuthResult::kNoCredentials);
  EXPECT_EQ(auth.authenticate(request({})).kind, AuthResult::kNoCredentials);
  EXPECT_EQ(auth.authenticate(request({{"cookie", "sessionx=" + s.id}})).kind, AuthResult::kNoCredentials);
  // An Authorization header decides, whatever the cookies say.
  EXPECT_EQ(auth.authenticate(request({{"authorization", "Token nope"}, {"cookie", "session=" + s.id}})).kind,
            AuthResult::kBadCredentials);
}

TEST_F(AuthenticatorTest, LoginCreatesASession) {
  Authenticator auth = make();
  EXPECT_EQ(auth.login("alice", "wrong-password", "192.0.2.5", 600).kind, AuthResult::kBadCredentials);
  AuthResult r = auth.login("ALICE", kRowPassword, "192.0.2.5", 600);
  ASSERT_EQ(r.kind, AuthResult::kOk);
  ASSERT_TRUE(r.session);
  EXPECT_EQ(r.session->username, "alice");
  EXPECT_EQ(r.session->lifetime, 600);
  EXPECT_EQ(r.user->username, "alice");
  AuthResult again = auth.authenticate(request({{"cookie", "session=" + r.session->id}}));
  EXPECT_EQ(again.kind, AuthResult::kOk);
}

TEST_F(AuthenticatorTest, DisableLoginActsAsTheFirstAdministrator) {
  AuthOptions opt;
  opt.disable_login = true;
  Authenticator auth = make(opt);
  AuthResult r = auth.authenticate(request({}));
  ASSERT_EQ(r.kind, AuthResult::kOk);
  EXPECT_EQ(r.method, AuthMethod::kNoLogin);
  ASSERT_TRUE(r.user);
  EXPECT_EQ(r.user->username, "admin");
  EXPECT_EQ(r.user->role, Role::kAdmin);
}

TEST_F(AuthenticatorTest, ConcurrentRequests) {
  Authenticator auth = make();
  std::string token = tokens_->create("alice");
  Session s = sessions_->create("alice", 600);
  ASSERT_EQ(auth.authenticate(basic("alice", kRowPassword)).kind, AuthResult::kOk);  // cached from here
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        ok += auth.authenticate(basic("alice", kRowPassword)).kind == AuthResult::kOk;
        ok += auth.authenticate(request({{"authorization", "Token " + token}})).kind == AuthResult::kOk;
        ok += auth.authenticate(request({{"cookie", "session=" + s.id}})).kind == AuthResult::kOk;
        if (t == 0 && i == 10) auth.forget("alice");
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 4 * 20 * 3);
}

TEST(CookieValue, ParsesExactNames) {
  EXPECT_EQ(cookie_value("a=b; session=xyz; c=d", "session"), "xyz");
  EXPECT_EQ(cookie_value("session_1=one;session=two", "session"), "two");
  EXPECT_EQ(cookie_value("mysession=1; sessions=2", "session"), "");
  EXPECT_EQ(cookie_value("session=\"quoted\"", "session"), "quoted");
  EXPECT_EQ(cookie_value("  session = spaced  ; x=y", "session"), "spaced");
  EXPECT_EQ(cookie_value("session=a=b", "session"), "a=b");
  EXPECT_EQ(cookie_value("", "session"), "");
  EXPECT_EQ(cookie_value("novalue; session", "session"), "");
}

}  // namespace
}  // namespace wl
