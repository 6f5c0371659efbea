#include "auth/tokens.h"

#include <gtest/gtest.h>

#include "auth_test_util.h"

namespace wl {
namespace {

using test::open_db;
using test::query_text;
using test::TempDir;

TEST(Tokens, RandomHexAndSha256) {
  std::string a = random_hex(16), b = random_hex(16);
  EXPECT_TRUE(test::is_hex(a, 32)) << a;
  EXPECT_NE(a, b);
  EXPECT_EQ(random_hex(0), "");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(TokenStore, CreateLookUpReplaceRevoke) {
  TempDir tmp;
  auto db = open_db(tmp.path());
  test::insert_user(*db, "alice");
  test::insert_user(*db, "bob");
  TokenStore tokens(*db);

  std::string t1 = tokens.create("alice");
  ASSERT_TRUE(test::is_hex(t1, 32)) << t1;
  EXPECT_EQ(tokens.user_of(t1), "alice");
  EXPECT_FALSE(tokens.user_of(""));
  EXPECT_FALSE(tokens.user_of(random_hex(16)));

  // Only the hash is stored.
  EXPECT_EQ(query_text(*db, "SELECT sha256 FROM tokens WHERE username = 'alice'"), sha256_hex(t1));
  EXPECT_EQ(query_text(*db, "SELECT COUNT(*) FROM tokens WHERE sha256 = '" + t1 + "'"), "0");

  // A new token revokes the old one: one per user.
  std::string t2 = tokens.create("alice");
  std::string tb = tokens.create("bob");
  EXPECT_NE(t1, t2);
  EXPECT_FALSE(tokens.user_of(t1));
  EXPECT_EQ(tokens.user_of(t2), "alice");
  EXPECT_EQ(tokens.user_of(tb), "bob");
  EXPECT_EQ(query_text(*db, "SELECT COUNT(*) FROM tokens WHERE username = 'alice'"), "1");

  tokens.revoke_user("alice");
  EXPECT_FALSE(tokens.user_of(t2));
  EXPECT_EQ(tokens.user_of(tb), "bob");

  EXPECT_EQ(tokens.create("nobody"), "");  // tokens belong to existing users
}

TEST(TokenStore, PersistsAcrossReopen) {
  TempDir tmp;
  std::string token;
  {
    auto db = open_db(tmp.path());
    test::insert_user(*db, "alice");
    token = TokenStore(*db).create("alice");
  }
  auto db = open_db(tmp.path());
  EXPECT_EQ(TokenStore(*db).user_of(token), "alice");
}

}  // namespace
}  // namespace wl
