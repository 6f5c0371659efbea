// POST create/ntopng/api_token.lua: a new API token (the previous one stops working).
#include <cstdio>

#include "rest/routes.h"

namespace wl {

void register_tokens(Routes& r) {
  r["create/ntopng/api_token.lua"] = {[](RestCall& c) {
    std::string username = lower_ascii(c.params.post("username").value_or(""));
    if (username.empty()) username = c.user().username;
    if (username != c.user().username && !c.is_admin())
      return c.error(RestCode::kInvalidArguments, "Only administrators create tokens for other users");
    if (!c.svc.users->get(username)) return c.error(RestCode::kInvalidArguments, "Unknown user");
    std::string token = c.svc.tokens->create(username);
    std::fprintf(stderr, "wirelens: API token of '%s' (re)created by '%s'\n", username.c_str(),
                 c.user().username.c_str());
    c.ok([&](Json& w) {
      w.StartObject();
      kv(w, "api_token", token);
      w.EndObject();
    });
  }};
}

}  // namespace wl
