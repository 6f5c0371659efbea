// User management (administrators only), at ntopng's paths:
// get/ntopng/users.lua, add/ntopng/user.lua, edit/ntopng/user.lua,
// delete/ntopng/user.lua; and get/user/me.lua (any user: the caller). Parameters come from the POST table (JSON or form)
// or the query string.
#include <cstdio>

#include "rest/routes.h"

namespace wl {

namespace {

std::string param(RestCall& c, const char* name) {
  return c.params.post(name).value_or(c.params.get(name).value_or(""));
}
bool has_param(RestCall& c, const char* name) { return c.params.post(name) || c.params.get(name); }

std::vector<std::string> split_networks(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(',', start);
    std::string item = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    // ntopng's "all networks" spelling
    if (!item.empty() && item != "0.0.0.0/0" && item != "::/0") out.push_back(item);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

void write_user_fields(Json& w, const User& u) {
  kv(w, "username", u.username);
  kv(w, "full_name", u.full_name);
  kv(w, "user_role", role_name(u.role));
  kv(w, "allowed_networks", u.allowed_networks.empty() ? std::string("0.0.0.0/0,::/0") : join(u.allowed_networks));
  kv(w, "allowed_interface", u.allowed_interface);
  kv(w, "allow_alerts", u.allow_alerts);
  kv(w, "must_change_password", u.must_change_password);
  kv(w, "created", static_cast<long long>(u.created));
}

void write_user(Json& w, const User& u) {
  w.StartObject();
  write_user_fields(w, u);
  w.EndObject();
}

// Role, networks, interface and alerts flag from the request onto `u`.
bool apply_fields(RestCall& c, User& u) {
  if (has_param(c, "full_name")) u.full_name = param(c, "full_name");
  if (has_param(c, "user_role")) {
    std::string role = param(c, "user_role");
    if (role == "admin") role = "administrator";
    if (role == "user") role = "unprivileged";
    auto r = parse_role(role);
    if (!r) {
      c.error(RestCode::kInvalidArguments, "user_role must be 'administrator' or 'unprivileged'");
      return false;
    }
    u.role = *r;
  }
  if (has_param(c, "allowed_networks")) u.allowed_networks = split_networks(param(c, "allowed_networks"));
  if (has_param(c, "allowed_interface")) {
    std::string ifc = param(c, "allowed_interface");
    if (!ifc.empty()) {
      bool known = false;
      for (const auto& mi : c.svc.interfaces) {
        if (ifc == std::to_string(mi.ifid)) ifc = mi.ifname;
        known = known || ifc == mi.ifname;
      }
      if (!known) {
        c.error(RestCode::kInvalidArguments, "allowed_interface names no monitored interface");
        return false;
      }
    }
    u.allowed_interface = ifc;
  }
  if (has_param(c, "allow_alerts")) {
    std::string a = param(c, "allow_alerts");
    u.allow_alerts = a == "true" || a == "1";
  }
  return true;
}


}  // namespace

void register_users(Routes& r) {
  r["get/ntopng/users.lua"] = {[](RestCall& c) {
    auto users = c.svc.users->list();
    c.ok([&](Json& w) {
      w.StartArray();
      for (const auto& u : users) write_user(w, u);
      w.EndArray();
    });
  }, true};

  r["add/ntopng/user.lua"] = {[](RestCall& c) {
    User u;
    u.username = lower_ascii(param(c, "username"));
    std::string pw = param(c, "password"), confirm = param(c, "confirm_password");
    if (u.username.empty() || pw.empty()) return c.error(RestCode::kInvalidArguments, "username and password are required");
    if (has_param(c, "confirm_password") && pw != confirm) return c.error(RestCode::kPasswordMismatch);
    if (!apply_fields(c, u)) return;
    std::string err;
    switch (c.svc.users->add(u, pw, err)) {
      case UserResult::kOk: break;
      case UserResult::kExists: return c.error(RestCode::kUserAlreadyExisting);
      case UserResult::kInvalid: return c.error(RestCode::kInvalidArguments, err);
      default: return c.error(RestCode::kAddUserFailed, err);
    }
    std::fprintf(stderr, "wirelens: user '%s' added by '%s'\n", u.username.c_str(), c.user().username.c_str());
    auto added = c.svc.users->get(u.username);
    c.ok([&](Json& w) { write_user(w, added ? *added : u); });
  }, true};

  r["edit/ntopng/user.lua"] = {[](RestCall& c) {
    auto u = c.svc.users->get(lower_ascii(param(c, "username")));
    if (!u) return c.error(RestCode::kUserDoesNotExist);
    if (!apply_fields(c, *u)) return;
    std::string err;
    switch (c.svc.users->edit(*u, err)) {
      case UserResult::kOk: break;
      case UserResult::kNotFound: return c.error(RestCode::kUserDoesNotExist);
      case UserResult::kLastAdmin: return c.error(RestCode::kEditUserFailed, "The last administrator keeps its role");
      default: return c.error(RestCode::kEditUserFailed, err);
    }
    if (has_param(c, "password")) {
      std::string pw = param(c, "password");
      if (has_param(c, "confirm_password") && pw != param(c, "confirm_password"))
        return c.error(RestCode::kPasswordMismatch);
      if (c.svc.users->set_password(u->username, pw, err) != UserResult::kOk)
        return c.error(RestCode::kEditUserFailed, err);
    }
    c.svc.auth->forget(u->username);
    auto edited = c.svc.users->get(u->username);
    c.ok([&](Json& w) { write_user(w, edited ? *edited : *u); });
  }, true};

  // The caller itself (wirelens): what the web UI needs after a reload — role,
  // restrictions, and the session's CSRF token. Any user, even one whose
  // default password must change first.
  r["get/user/me.lua"] = {[](RestCall& c) {
    c.ok([&](Json& w) {
      w.StartObject();
      write_user_fields(w, c.user());
      kv(w, "csrf", c.auth.session ? c.auth.session->csrf : std::string());
      kv(w, "has_api_token", c.svc.tokens->has_token(c.user().username));
      w.EndObject();
    });
  }};

  r["delete/ntopng/user.lua"] = {[](RestCall& c) {
    std::string name = lower_ascii(param(c, "username"));
    switch (c.svc.users->remove(name)) {
      case UserResult::kOk: break;
      case UserResult::kNotFound: return c.error(RestCode::kUserDoesNotExist);
      case UserResult::kLastAdmin: return c.error(RestCode::kDeleteUserFailed, "The last administrator cannot be deleted");
      default: return c.error(RestCode::kDeleteUserFailed);
    }
    c.svc.tokens->revoke_user(name);
    c.svc.sessions->remove_user(name);
    c.svc.auth->forget(name);
    std::fprintf(stderr, "wirelens: user '%s' deleted by '%s'\n", name.c_str(), c.user().username.c_str());
    c.ok([](Json& w) { empty_map(w); });
  }, true};
}

}  // namespace wl
