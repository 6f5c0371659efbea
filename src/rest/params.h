#pragma once
// Request parameters as ntopng's endpoints see them: the query string, then
// a JSON body's top-level keys (overriding), or a form body (kept apart: only
// endpoints that read the POST table see it). Every value is validated by the
// rule of its name; an invalid value, or a name without a rule, is dropped as
// if it had not been sent ("invalid means absent", compat doc 1.3).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "web/http_types.h"

namespace wl {

struct ParamValue {
  enum class Type { kString, kNumber, kBool } type = Type::kString;
  std::string text;  // the value as text ("0", "true", "abc")
};

class Params {
 public:
  // Parses and validates; `body_error` is set when a JSON body is malformed.
  static Params from_request(const HttpRequest& req, std::string& body_error);

  bool has(std::string_view name) const;
  std::optional<std::string> get(std::string_view name) const;  // query/JSON table
  std::string get_or(std::string_view name, std::string_view def) const;
  std::optional<int64_t> number(std::string_view name) const;
  // Booleans pass validation only as "", true, false, 0, 1.
  std::optional<bool> boolean(std::string_view name) const;
  const ParamValue* raw(std::string_view name) const;
  // The POST table (JSON or form body), for create/set/add/edit endpoints.
  std::optional<std::string> post(std::string_view name) const;
  const ParamValue* post_raw(std::string_view name) const;
  bool had_json_body() const { return json_body_; }
  bool had_form_body() const { return form_body_; }
  std::optional<std::string> csrf() const { return csrf_; }

  // Every validated query/JSON parameter as "name=value&..." in name order:
  // equal requests give equal strings (cache keys).
  std::string canonical() const;

  // For tests and internal callers.
  void set(std::string name, std::string value, ParamValue::Type t = ParamValue::Type::kString);

 private:
  std::map<std::string, ParamValue, std::less<>> get_, post_;
  std::optional<std::string> csrf_;
  bool json_body_ = false, form_body_ = false;
};

// User names are case-insensitive, as in ntopng.
std::string lower_ascii(std::string s);
// Percent-decoding of a query component ('+' is a space); false when malformed.
bool url_decode(std::string_view in, std::string& out);
// True when `value` passes the validation rule of parameter `name`.
bool valid_param(std::string_view name, std::string_view value);

}  // namespace wl
