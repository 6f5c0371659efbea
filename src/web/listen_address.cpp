// parse_listen_address: plain string work plus inet_pton, so it needs no Asio.
#include <arpa/inet.h>

#include <string_view>

#include "web/http_server.h"

namespace wl {

namespace {
bool parse_port(std::string_view s, unsigned short& port, std::string& error) {
  if (s.empty() || s.size() > 5) {
    error = "invalid port '" + std::string(s) + "'";
    return false;
  }
  unsigned value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') {
      error = "invalid port '" + std::string(s) + "'";
      return false;
    }
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (value > 65535) {
    error = "port " + std::string(s) + " out of range (0-65535)";
    return false;
  }
  port = static_cast<unsigned short>(value);
  return true;
}

// A literal IPv6 address, optionally with a zone ("fe80::1%eth0").
bool is_ipv6_literal(const std::string& s) {
  size_t pct = s.find('%');
  if (pct == 0 || pct + 1 == s.size()) return false;
  std::string addr = s.substr(0, pct);
  in6_addr a6{};
  return inet_pton(AF_INET6, addr.c_str(), &a6) == 1;
}

bool is_ipv4_literal(const std::string& s) {
  in_addr a4{};
  return inet_pton(AF_INET, s.c_str(), &a4) == 1;
}
}  // namespace

bool parse_listen_address(const std::string& spec, ListenAddress& out, std::string& error) {
  ListenAddress r;
  r.tls = out.tls;  // the scheme is decided by the caller, not by the spec
  std::string_view s = spec;
  if (s.empty()) {
    error = "empty listen address";
    return false;
  }
  std::string_view port;
  if (s.front() == '[') {
    size_t close = s.find(']');
    if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != ':') {
      error = "expected [IPv6]:port in '" + spec + "'";
      return false;
    }
    r.address = std::string(s.substr(1, close - 1));
    if (!is_ipv6_literal(r.address)) {
      error = "invalid IPv6 address '" + r.address + "'";
      return false;
    }
    port = s.substr(close + 2);
  } else if (s.find(':') == std::string_view::npos) {
    port = s;  // bare port: every address
  } else if (s.front() == ':') {
    r.address = "127.0.0.1";  // ":port" means loopback only, as in ntopng
    port = s.substr(1);
  } else {
    size_t colon = s.rfind(':');
    if (s.find(':') != colon) {
      error = "IPv6 address must be written in brackets: '" + spec + "'";
      return false;
    }
    r.address = std::string(s.substr(0, colon));
    if (!is_ipv4_literal(r.address)) {
      error = "invalid IPv4 address '" + r.address + "'";
      return false;
    }
    port = s.substr(colon + 1);
  }
  if (!parse_port(port, r.port, error)) return false;
  out = std::move(r);
  return true;
}

}  // namespace wl
