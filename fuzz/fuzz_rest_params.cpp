// libFuzzer target for wl::Params::from_request: the query string, JSON and
// form bodies every REST call parses before authentication matters.
//
// Input: byte 0 picks the Content-Type (JSON, form, none); up to the first
// newline is the query string, the rest the body. Besides crashes and
// sanitizer reports, the target traps when a value that was kept fails its
// own validation rule, or when canonical() is not stable.
#include <cstddef>
#include <cstdint>
#include <string>

#include "rest/params.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  wl::HttpRequest req;
  req.method = "POST";
  std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  size_t nl = rest.find('\n');
  req.query = rest.substr(0, nl);
  if (nl != std::string::npos) req.body = rest.substr(nl + 1);
  switch (data[0] % 3) {
    case 0: req.headers.emplace_back("content-type", "application/json"); break;
    case 1: req.headers.emplace_back("content-type", "application/x-www-form-urlencoded"); break;
    default: break;
  }
  std::string err;
  wl::Params p = wl::Params::from_request(req, err);
  std::string canon = p.canonical();
  for (const char* name : {"ifid", "host", "perPage", "breed", "sortColumn", "ts_query", "severity", "username"}) {
    if (const wl::ParamValue* v = p.raw(name))
      if (!wl::valid_param(name, v->text)) __builtin_trap();
    (void)p.number(name);
    (void)p.boolean(name);
    (void)p.post(name);
  }
  if (p.canonical() != canon) __builtin_trap();
  std::string decoded;
  if (wl::url_decode(req.query, decoded) && decoded.find('\0') != std::string::npos) __builtin_trap();
  return 0;
}
