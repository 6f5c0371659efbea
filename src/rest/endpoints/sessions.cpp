// POST create/ntopng/session.lua: a session for a user, sent back as
// "Cookie: session=<id>" (Checkmk acts for its users this way).
#include "rest/routes.h"

namespace wl {

namespace {
constexpr int64_t kRestSessionSeconds = 7 * 24 * 3600;  // sliding: renewed on use
}

void register_sessions(Routes& r) {
  r["create/ntopng/session.lua"] = {[](RestCall& c) {
    std::string username = lower_ascii(c.params.post("username").value_or(""));
    if (username.empty()) return c.error(RestCode::kInvalidArguments, "Missing username");
    if (username != c.user().username && !c.is_admin())
      return c.error(RestCode::kInvalidArguments, "Only administrators create sessions for other users");
    if (!c.svc.users->get(username)) return c.error(RestCode::kInvalidArguments, "Unknown user");
    int64_t lifetime = kRestSessionSeconds;
    if (const ParamValue* d = c.params.post_raw("auth_session_duration")) {
      int64_t v = std::atoll(d->text.c_str());
      if (v > 0) lifetime = v;
    }
    Session s = c.svc.sessions->create(username, lifetime);
    c.res.add_header("Set-Cookie", "session=" + s.id + "; Path=/; HttpOnly; SameSite=Strict");
    c.ok([&](Json& w) {
      w.StartObject();
      kv(w, "session", s.id);
      w.EndObject();
    });
  }};
}

}  // namespace wl
