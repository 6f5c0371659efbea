#pragma once
// The HTTP exchange as the rest of wirelens sees it: plain value types, so
// only the server's own translation unit pulls in Boost.Beast.
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wl {

struct HttpRequest {
  std::string method;  // upper case: "GET", "POST", ...
  std::string target;  // as received: path and query string
  std::string path;    // percent-decoded path, without the query string
  std::string query;   // raw query string (after '?'), not decoded
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_ip;  // textual peer address ("127.0.0.1", "::1")
  bool tls = false;

  // First header of that (lower-case) name, or null.
  const std::string* header(std::string_view name) const {
    for (const auto& [k, v] : headers)
      if (k == name) return &v;
    return nullptr;
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Set-Cookie may repeat)
  std::string body;
  bool compressible = true;  // the server may gzip it when the client accepts gzip

  void add_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

// Runs on one of the server's handler threads; may block briefly (engine
// queries, password hashing), never on the I/O threads.
using HttpHandler = std::function<void(const HttpRequest&, HttpResponse&)>;

}  // namespace wl
