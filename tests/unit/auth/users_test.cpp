#include "auth/users.h"

#include <gtest/gtest.h>

#include "auth_test_util.h"

namespace wl {
namespace {

using test::open_db;
using test::TempDir;

TEST(Roles, NamesRoundTrip) {
  EXPECT_STREQ(role_name(Role::kAdmin), "administrator");
  EXPECT_STREQ(role_name(Role::kUser), "unprivileged");
  EXPECT_EQ(parse_role("administrator"), Role::kAdmin);
  EXPECT_EQ(parse_role("unprivileged"), Role::kUser);
  EXPECT_FALSE(parse_role("admin"));
}

TEST(UserStore, DefaultAdminMustChangeItsPassword) {
  TempDir tmp;
  auto db = open_db(tmp.path());
  UserStore users(*db);
  std::string error;
  ASSERT_TRUE(users.ensure_default_admin(std::nullopt, error)) << error;
  auto admin = users.get("admin");
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->role, Role::kAdmin);
  EXPECT_TRUE(admin->must_change_password);
  EXPECT_GT(admin->created, 0);
  EXPECT_TRUE(users.verify("admin", "admin"));  // shorter than 8, allowed only here
  // Users exist now: nothing changes.
  ASSERT_TRUE(users.ensure_default_admin(std::nullopt, error)) << error;
  EXPECT_EQ(users.list().size(), 1u);
}

TEST(UserStore, DefaultAdminWithGivenPassword) {
  TempDir tmp;
  auto db = open_db(tmp.path());
  UserStore users(*db);
  std::string error;
  EXPECT_FALSE(users.ensure_default_admin("short", error));
  EXPECT_FALSE(error.empty());
  ASSERT_TRUE(users.ensure_default_admin("s3cret-pass", error)) << error;
  auto admin = users.verify("admin", "s3cret-pass");
  ASSERT_TRUE(admin);
  EXPECT_FALSE(admin->must_change_password);
  EXPECT_EQ(admin->role, Role::kAdmin);
  // Given again with an existing admin: its password is reset.
  ASSERT_TRUE(users.ensure_default_admin("another-pass", error)) << error;
  EXPECT_TRUE(users.verify("admin", "another-pass"));
}

TEST(UserStore, AddGetListEditWithValidation) {
  TempDir tmp;
  auto db = open_db(tmp.path());
  test::insert_user(*db, "admin", Role::kAdmin);
  UserStore users(*db);
  std::string error;

  User u;
  u.username = "Alice.B-1_x";  // lower-cased on the way in
  u.full_name = "Alice B";
  u.allowed_networks = {"192.168.1.0/24", " fd00::/8", "10.1.2.3"};
  u.allowed_interface = "eth0";
  u.allow_alerts = false;
  EXPECT_EQ(users.add(u, "password-1", error), UserResult::kOk) << error;

  auto got = users.get("alice.b-1_x");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->username, "alice.b-1_x");
  EXPECT_EQ(got->full_name, "Alice B");
  EXPECT_EQ(got->role, Role::kUser);
  EXPECT_EQ(got->allowed_networks, (std::vector<std::string>{"192.168.1.0/24", "fd00::/8", "10.1.2.3/32"}));
  EXPECT_EQ(got->allowed_interface, "eth0");
  EXPECT_FALSE(got->allow_alerts);
  EXPECT_FALSE(got->must_change_password);
  EXPECT_TRUE(users.get("ALICE.B-1_X"));

  // Rejected before any hashing.
  User bad = u;
  EXPECT_EQ(users.add(u, "password-1", error), UserResult::kExists);
  for (const std::string& name : std::vector<std::string>{"", "bad name", "x/y", "ü", std::string(65, 'a')}) {
    bad.username = name;
    EXPECT_EQ(users.add(bad, "password-1", error), UserResult::kInvalid) << name;
  }
  bad.username = "carol";
  EXPECT_EQ(users.add(bad, "short", error), UserResult::kInvalid);
  EXPECT_EQ(users.add(bad, std::string(257, 'p'), error), UserResult::kInvalid);
  std::vector<std::string> bad_nets{"10.0.0.0/33", "fd00::/129", "10.0.0/8", "10.0.0.0/",
                                    "10.0.0.0/-1", "host", "::1/1x"};
  for (const std::string& net : bad_nets) {
    bad.allowed_networks = {net};
    EXPECT_EQ(users.add(bad, "password-1", error), UserResult::kInvalid) << net;
    EXPECT_NE(error.find(net), std::string::npos) << error;
  }
  EXPECT_FALSE(users.get("carol"));

  auto all = users.list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].username, "admin");
  EXPECT_EQ(all[1].username, "alice.b-1_x");

  User e = *got;
  e.full_name = "Alice C";
  e.role = Role::kAdmin;
  e.allowed_networks = {};
  e.allowed_interface = "";
  e.allow_alerts = true;
  EXPECT_EQ(users.edit(e, error), UserResult::kOk) << error;
  got = users.get("alice.b-1_x");
  EXPECT_EQ(got->full_name, "Alice C");
  EXPECT_EQ(got->role, Role::kAdmin);
  EXPECT_TRUE(got->allowed_networks.empty());
  EXPECT_TRUE(got->allow_alerts);

  e.allowed_networks = {"300.0.0.0/8"};
  EXPECT_EQ(users.edit(e, error), UserResult::kInvalid);
  e.username = "nobody";
  e.allowed_networks = {};
  EXPECT_EQ(users.edit(e, error), UserResult::kNotFound);
}

TEST(UserStore, LastAdministratorCannotBeRemovedOrDemoted) {
  TempDir tmp;
  auto db = open_db(tmp.path());
  test::insert_user(*db, "admin", Role::kAdmin);
  test::insert_user(*db, "boss", Role::kAdmin);
  test::insert_user(*db, "bob");
  UserStore users(*db);
  std::string error;

  EXPECT_EQ(users.remove("nobody"), UserResult::kNotFound);
  EXPECT_EQ(users.remove("bob"), UserResult::kOk);
  EXPECT_FALSE(users.get("bob"));
  EXPECT_EQ(users.remove("boss"), UserResult::kOk);  // admin remains

  EXPECT_EQ(users.remove("admin"), UserResult::kLastAdmin);
  User demoted = *users.get("admin");
  demoted.role = Role::kUser;
  EXPECT_EQ(users.edit(demoted, error), UserResult::kLastAdmin);
  EXPECT_EQ(users.get("admin")->role, Role::kAdmin);

  // Other edits of the last administrator are fine.
  demoted.role = Role::kAdmin;
  demoted.full_name = "Still Admin";
  EXPECT_EQ(users.edit(demoted, error), UserResult::kOk) << error;
}

TEST(UserStore, VerifyAndSetPassword) {
  TempDir tmp;
  auto db = open_db(tmp.path());
  test::insert_user(*db, "admin", Role::kAdmin);
  ASSERT_EQ(sqlite3_exec(db->handle(), "UPDATE users SET must_change_password = 1", nullptr, nullptr, nullptr),
            SQLITE_OK);
  UserStore users(*db);
  std::string error;

  auto ok = users.verify("ADMIN", test::kRowPassword);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->username, "admin");
  EXPECT_TRUE(ok->must_change_password);
  EXPECT_FALSE(users.verify("admin", "wrong-password"));
  EXPECT_FALSE(users.verify("nobody", test::kRowPassword));
  EXPECT_FALSE(users.verify("admin", std::string(5000, 'x')));  // refused unhashed

  EXPECT_EQ(users.set_password("admin", "short", error), UserResult::kInvalid);
  EXPECT_EQ(users.set_password("nobody", "new-password", error), UserResult::kNotFound);
  EXPECT_EQ(users.set_password("admin", "new-password", error), UserResult::kOk) << error;
  EXPECT_FALSE(users.get("admin")->must_change_password);
  EXPECT_TRUE(users.verify("admin", "new-password"));
  EXPECT_FALSE(users.verify("admin", test::kRowPassword));
}

TEST(UserStore, PasswordHashesAreArgon2idAndSalted) {
  const std::string& a = test::row_hash();
  std::string b = hash_password(test::kRowPassword);
  EXPECT_EQ(a.rfind("$argon2id$", 0), 0u) << a;
  EXPECT_NE(a, b);
  EXPECT_TRUE(check_password(b, test::kRowPassword));
  EXPECT_FALSE(check_password("", test::kRowPassword));
  EXPECT_FALSE(check_password("not-a-hash", test::kRowPassword));
}

TEST(UserStore, RemovingAUserDropsItsTokensAndSessions) {
  TempDir tmp;
  auto db = open_db(tmp.path());
  test::insert_user(*db, "admin", Role::kAdmin);
  test::insert_user(*db, "bob");
  ASSERT_EQ(sqlite3_exec(db->handle(),
                         "INSERT INTO tokens VALUES ('h', 'bob', 0);"
                         "INSERT INTO sessions VALUES ('s', 'bob', 'c', 9999999999, 60);",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  UserStore users(*db);
  EXPECT_EQ(users.remove("bob"), UserResult::kOk);
  EXPECT_EQ(test::query_text(*db, "SELECT COUNT(*) FROM tokens"), "0");
  EXPECT_EQ(test::query_text(*db, "SELECT COUNT(*) FROM sessions"), "0");
}

}  // namespace
}  // namespace wl
