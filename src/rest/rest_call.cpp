#include "rest/rest_call.h"

namespace wl {

const RestCodeInfo& rest_code_info(RestCode c) {
  static const RestCodeInfo kTable[] = {
      {0, "OK", 200, "Success"},
      {-1, "NOT_FOUND", 404, "Not found"},
      {-2, "INVALID_INTERFACE", 400, "Invalid interface"},
      {-3, "NOT_GRANTED", 401, "Not granted"},
      {-4, "INVALID_HOST", 400, "Invalid host"},
      {-5, "INVALID_ARGUMENTS", 400, "Invalid arguments"},
      {-6, "INTERNAL_ERROR", 500, "Internal error"},
      {-7, "BAD_FORMAT", 400, "Bad format"},
      {-8, "BAD_CONTENT", 400, "Bad content"},
      {-19, "PASSWORD_MISMATCH", 400, "Passwords do not match"},
      {-20, "ADD_USER_FAILED", 409, "Could not add the user"},
      {-21, "DELETE_USER_FAILED", 409, "Could not delete the user"},
      {-23, "USER_ALREADY_EXISTING", 409, "The user already exists"},
      {-24, "USER_DOES_NOT_EXIST", 409, "The user does not exist"},
      {-25, "EDIT_USER_FAILED", 400, "Could not edit the user"},
  };
  return kTable[static_cast<size_t>(c)];
}

std::shared_ptr<const LocalNetworks> allowed_networks(const User& u) {
  if (u.allowed_networks.empty()) return nullptr;
  auto nets = std::make_shared<LocalNetworks>();
  for (const auto& n : u.allowed_networks) nets->add_one(n);
  return nets;
}

bool interface_allowed(const User& u, const MonitoredInterface& mi) {
  return u.allowed_interface.empty() || u.allowed_interface == mi.ifname ||
         u.allowed_interface == std::to_string(mi.ifid);
}

RestCall::RestCall(const HttpRequest& r, HttpResponse& s, Params& p, RestServices& sv, AuthResult a, bool is_v1)
    : req(r), res(s), params(p), svc(sv), auth(std::move(a)), v1(is_v1) {
  if (auth.user) allowed_ = allowed_networks(*auth.user);
}

bool RestCall::interface_allowed(const MonitoredInterface& mi) const {
  return !auth.user || wl::interface_allowed(*auth.user, mi);
}

const MonitoredInterface* RestCall::interface() {
  auto id = params.number("ifid");
  if (id)
    for (const auto& mi : svc.interfaces)
      if (mi.ifid == *id && interface_allowed(mi)) return &mi;
  error(RestCode::kInvalidInterface);
  return nullptr;
}

void RestCall::write_ifid(Json& w) {
  const ParamValue* v = params.raw("ifid");
  jkey(w, "ifid");
  if (v && v->type == ParamValue::Type::kNumber) w.Int64(params.number("ifid").value_or(0));
  else jstr(w, v ? v->text : "");
}

std::string ok_envelope(const std::function<void(Json&)>& rsp, const std::function<void(Json&)>& extra) {
  JsonBuffer buf;
  Json w(buf);
  w.StartObject();
  kv(w, "rc", 0);
  kv(w, "rc_str", "OK");
  kv(w, "rc_str_hr", "Success");
  if (extra) extra(w);
  jkey(w, "rsp");
  rsp(w);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

void RestCall::ok(const std::function<void(Json&)>& rsp, const std::function<void(Json&)>& extra) {
  res.status = 200;
  res.content_type = "application/json";
  res.body = ok_envelope(rsp, extra);
}

void RestCall::error(RestCode code, const std::string& detail) {
  const RestCodeInfo& info = rest_code_info(code);
  JsonBuffer buf;
  Json w(buf);
  w.StartObject();
  kv(w, "rc", info.rc);
  kv(w, "rc_str", info.rc_str);
  kv(w, "rc_str_hr", detail.empty() ? std::string(info.hr) : detail);
  jkey(w, "rsp");
  empty_map(w);
  w.EndObject();
  res.status = info.http;
  res.content_type = "application/json";
  res.body.assign(buf.GetString(), buf.GetSize());
}

std::string RestCall::cache_key() const {
  return (auth.user ? auth.user->username : std::string()) + '\n' + req.path + '\n' + (v1 ? "1" : "2") + '\n' +
         params.canonical();
}

bool RestCall::from_cache() {
  if (!svc.cache) return false;
  std::string body;
  if (!svc.cache->get(cache_key(), body)) return false;
  res.status = 200;
  res.content_type = "application/json";
  res.body = std::move(body);
  return true;
}

void RestCall::to_cache() {
  if (svc.cache && res.status == 200) svc.cache->put(cache_key(), res.body);
}

std::string with_thousands(uint64_t v) {
  std::string digits = std::to_string(v), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace wl
