#include "rest/params.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/ip_address.h"

namespace wl {

namespace {

enum class Rule {
  kBool, kInt, kIntOrAll, kSortOrder, kDirection, kNdpiMode, kFormat, kIpVersion, kHostMode, kAlertStatus,
  kFlowHostsType, kTrafficType, kAlertType, kTcpState, kTsAggregation, kSummary, kHost, kIp, kWord, kName,
  kSchema, kText, kCompare, kMac, kFilter, kAny, kSecret
};

struct NamedRule {
  const char* name;
  Rule rule;
};

// Parameters not listed here are dropped. Alert filter names use kFilter.
constexpr NamedRule kRules[] = {
    {"breed", Rule::kBool}, {"ndpi_category", Rule::kBool}, {"all_values", Rule::kBool},
    {"collapse_stats", Rule::kBool}, {"new_charts", Rule::kBool}, {"all", Rule::kBool},
    {"host_stats", Rule::kBool}, {"verbose", Rule::kBool}, {"by_24h", Rule::kBool},
    {"initial_point", Rule::kBool}, {"telemetry", Rule::kBool}, {"allow_alerts", Rule::kBool},
    {"ifid", Rule::kInt}, {"perPage", Rule::kInt}, {"currentPage", Rule::kInt}, {"epoch_begin", Rule::kInt},
    {"epoch_end", Rule::kInt}, {"start", Rule::kInt}, {"length", Rule::kInt}, {"vlan", Rule::kInt},
    {"limit", Rule::kInt}, {"max_values", Rule::kInt}, {"draw", Rule::kInt}, {"l4proto", Rule::kInt},
    {"port", Rule::kInt}, {"network", Rule::kInt}, {"auth_session_duration", Rule::kInt}, {"asn", Rule::kInt},
    {"pool", Rule::kInt}, {"os", Rule::kInt}, {"alert_severity", Rule::kInt}, {"protocol", Rule::kInt},
    {"iffilter", Rule::kIntOrAll},
    {"sortOrder", Rule::kSortOrder}, {"order", Rule::kSortOrder}, {"direction", Rule::kDirection},
    {"ndpistats_mode", Rule::kNdpiMode}, {"format", Rule::kFormat}, {"version", Rule::kIpVersion},
    {"mode", Rule::kHostMode}, {"status", Rule::kAlertStatus}, {"flowhosts_type", Rule::kFlowHostsType},
    {"traffic_type", Rule::kTrafficType}, {"alert_type", Rule::kAlertType}, {"flow_status", Rule::kAlertType},
    {"tcp_flow_state", Rule::kTcpState}, {"ts_aggregation", Rule::kTsAggregation}, {"type", Rule::kSummary},
    {"host", Rule::kHost}, {"client", Rule::kIp}, {"server", Rule::kIp}, {"talking_with", Rule::kIp},
    {"sortColumn", Rule::kWord}, {"sort", Rule::kWord}, {"application", Rule::kName}, {"category", Rule::kName},
    {"ts_schema", Rule::kSchema}, {"ts_query", Rule::kText}, {"tskey", Rule::kText}, {"ts_compare", Rule::kCompare},
    {"mac", Rule::kMac}, {"country", Rule::kWord}, {"field_alias", Rule::kText}, {"host_stats_flows", Rule::kAny},
    {"username", Rule::kName}, {"user", Rule::kName}, {"full_name", Rule::kText}, {"user_role", Rule::kWord},
    {"allowed_networks", Rule::kText}, {"allowed_interface", Rule::kText}, {"network_cidr", Rule::kText},
    {"password", Rule::kSecret}, {"confirm_password", Rule::kSecret}, {"old_password", Rule::kSecret},
    {"new_password", Rule::kSecret}, {"label", Rule::kText}, {"flow_info", Rule::kText},
    {"alert_type_severity", Rule::kWord}, {"query_preset", Rule::kWord}, {"referer", Rule::kText},
    {"flow_key", Rule::kInt}, {"flow_hash_id", Rule::kInt}, {"query", Rule::kText},
    // alert filters (value;op lists)
    {"alert_id", Rule::kFilter}, {"alert_category", Rule::kFilter}, {"severity", Rule::kFilter},
    {"score", Rule::kFilter}, {"tstamp", Rule::kFilter}, {"row_id", Rule::kFilter}, {"info", Rule::kFilter},
    {"description", Rule::kFilter}, {"vlan_id", Rule::kFilter}, {"ip_version", Rule::kFilter},
    {"ip", Rule::kFilter}, {"name", Rule::kFilter}, {"role", Rule::kFilter}, {"role_cli_srv", Rule::kFilter},
    {"cli_ip", Rule::kFilter}, {"srv_ip", Rule::kFilter}, {"cli_name", Rule::kFilter},
    {"srv_name", Rule::kFilter}, {"cli_port", Rule::kFilter}, {"srv_port", Rule::kFilter},
    {"l7proto", Rule::kFilter}, {"flow_risk", Rule::kFilter}, {"subtype", Rule::kFilter},
    {"network_name", Rule::kFilter}, {"traffic_direction", Rule::kFilter}, {"confidence", Rule::kFilter},
};

bool is_int(std::string_view v) {
  if (v.empty()) return false;
  int64_t x;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  return ec == std::errc() && p == v.data() + v.size();
}

bool one_of(std::string_view v, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

bool chars_in(std::string_view v, const char* extra) {
  return std::all_of(v.begin(), v.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != 0 && std::strchr(extra, c) != nullptr);
  });
}

bool printable(std::string_view v) {
  return std::all_of(v.begin(), v.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x20 && c != 0x7F; });
}

bool valid_host(std::string_view v) {
  std::string_view ip = v.substr(0, v.find('@'));
  if (ip.size() != v.size() && !is_int(v.substr(ip.size() + 1))) return false;
  return IpAddress::parse(ip).has_value();
}

bool valid_filter(std::string_view v) {
  size_t start = 0;
  while (start <= v.size()) {
    size_t end = v.find(',', start);
    std::string_view cond = v.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    size_t semi = cond.find(';');
    if (semi != std::string_view::npos &&
        !one_of(cond.substr(semi + 1), {"eq", "neq", "lt", "gt", "lte", "gte", "in", "nin"}))
      return false;
    if (!printable(cond)) return false;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return true;
}

bool check(Rule r, std::string_view v) {
  switch (r) {
    case Rule::kBool: return one_of(v, {"", "true", "false", "0", "1"});
    case Rule::kInt: return v.empty() || is_int(v);
    case Rule::kIntOrAll: return v.empty() || v == "all" || is_int(v);
    case Rule::kSortOrder: return one_of(v, {"", "asc", "desc"});
    case Rule::kDirection: return one_of(v, {"", "sent", "recv"});
    case Rule::kNdpiMode: return one_of(v, {"", "sinceStartup", "count", "host"});
    case Rule::kFormat: return one_of(v, {"", "txt", "json", "csv"});
    case Rule::kIpVersion: return one_of(v, {"", "4", "6"});
    case Rule::kHostMode:
      return one_of(v, {"", "all", "local", "remote", "broadcast_domain", "filtered", "blacklisted", "dhcp"});
    case Rule::kAlertStatus: return one_of(v, {"", "historical", "acknowledged", "any", "engaged"});
    case Rule::kFlowHostsType:
      return one_of(v, {"", "all_hosts", "local_only", "remote_only", "local_origin_remote_target",
                        "remote_origin_local_target"});
    case Rule::kTrafficType: return chars_in(v, "_,");
    case Rule::kAlertType: return v.empty() || is_int(v) || one_of(v, {"normal", "alerted", "periodic", "filtered"});
    case Rule::kTcpState: return one_of(v, {"", "established", "connecting", "closed", "reset"});
    case Rule::kTsAggregation: return one_of(v, {"", "raw", "1h", "1d"});
    case Rule::kSummary: return one_of(v, {"", "summary"});
    case Rule::kHost: return v.empty() || valid_host(v);
    case Rule::kIp: return v.empty() || IpAddress::parse(v).has_value();
    case Rule::kWord: return chars_in(v, "_-");
    case Rule::kName: return chars_in(v, "_-.+ ") && v.size() <= 128;
    case Rule::kSchema: return chars_in(v, "_:") && v.size() <= 128;
    case Rule::kText: return printable(v) && v.size() <= 4096;
    case Rule::kCompare: return v.empty() || (v.size() >= 2 && is_int(v.substr(0, v.size() - 1)) &&
                                              std::strchr("smhdwMy", v.back()) != nullptr);
    case Rule::kMac: return v.empty() || (v.size() == 17 && chars_in(v, ":"));
    case Rule::kFilter: return valid_filter(v);
    case Rule::kAny: return v.size() <= 4096;
    case Rule::kSecret: return v.size() <= 1024;
  }
  return false;
}

void put(std::map<std::string, ParamValue, std::less<>>& table, std::string name, std::string value,
         ParamValue::Type t) {
  if (!valid_param(name, value)) return;
  table[std::move(name)] = ParamValue{t, std::move(value)};
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

// Splits "a=1&b=2" into decoded pairs; malformed escapes drop the pair.
template <typename Fn>
void for_each_pair(std::string_view qs, Fn&& fn) {
  size_t start = 0;
  while (start < qs.size()) {
    size_t end = qs.find('&', start);
    if (end == std::string_view::npos) end = qs.size();
    std::string_view pair = qs.substr(start, end - start);
    size_t eq = pair.find('=');
    std::string name, value;
    if (url_decode(pair.substr(0, eq), name) &&
        (eq == std::string_view::npos || url_decode(pair.substr(eq + 1), value)) && !name.empty())
      fn(std::move(name), std::move(value));
    start = end + 1;
  }
}

}  // namespace

std::string lower_ascii(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool url_decode(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '\0') return false;  // never part of a parameter, escaped or not
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= in.size()) return false;
      auto hex = [](char h) -> int {
        if (h >= '0' && h <= '9') return h - '0';
        if (h >= 'a' && h <= 'f') return h - 'a' + 10;
        if (h >= 'A' && h <= 'F') return h - 'A' + 10;
        return -1;
      };
      int hi = hex(in[i + 1]), lo = hex(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      char d = static_cast<char>(hi * 16 + lo);
      if (d == 0) return false;
      out.push_back(d);
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return true;
}

bool valid_param(std::string_view name, std::string_view value) {
  for (const auto& r : kRules)
    if (name == r.name) return check(r.rule, value);
  return false;
}

Params Params::from_request(const HttpRequest& req, std::string& body_error) {
  Params p;
  for_each_pair(req.query, [&](std::string name, std::string value) {
    if (name == "csrf") return;  // never a parameter (compat doc 1.2)
    put(p.get_, std::move(name), std::move(value), ParamValue::Type::kString);
  });
  const std::string* ct = req.header("content-type");
  if (!ct || req.body.empty()) return p;

  auto take_json = [&](std::string_view text) {
    rapidjson::Document d;
    d.Parse(text.data(), text.size());  // not FullPrecision: its strtod has UB on extreme exponents (1.1.0)
    if (d.HasParseError() || !d.IsObject()) {
      body_error = "the body is not a JSON object";
      return;
    }
    p.json_body_ = true;
    // By index: clang warns that C++20 finds RapidJSON's iterator != ambiguous.
    for (rapidjson::SizeType i = 0; i < d.MemberCount(); ++i) {
      const auto& member = *(d.MemberBegin() + static_cast<std::ptrdiff_t>(i));
      std::string name(member.name.GetString(), member.name.GetStringLength());
      const auto& v = member.value;
      ParamValue pv;
      if (v.IsString()) {
        pv.text.assign(v.GetString(), v.GetStringLength());
      } else if (v.IsBool()) {
        pv = {ParamValue::Type::kBool, v.GetBool() ? "true" : "false"};
      } else if (v.IsInt64()) {
        pv = {ParamValue::Type::kNumber, std::to_string(v.GetInt64())};
      } else if (v.IsNumber()) {
        rapidjson::StringBuffer sb;
        rapidjson::Writer<rapidjson::StringBuffer> w(sb);
        v.Accept(w);
        pv = {ParamValue::Type::kNumber, sb.GetString()};
      } else {
        continue;  // objects, arrays, null: no tier-1 parameter takes them
      }
      if (name == "csrf") {
        p.csrf_ = pv.text;
        continue;
      }
      put(p.get_, name, pv.text, pv.type);
      put(p.post_, name, pv.text, pv.type);
    }
  };

  if (starts_with_ci(*ct, "application/json")) {
    take_json(req.body);
  } else if (starts_with_ci(*ct, "application/x-www-form-urlencoded")) {
    p.form_body_ = true;
    for_each_pair(req.body, [&](std::string name, std::string value) {
      if (name == "csrf") {
        p.csrf_ = value;
      } else if (name == "payload") {
        take_json(value);
      } else {
        put(p.post_, std::move(name), std::move(value), ParamValue::Type::kString);
      }
    });
  }
  return p;
}

bool Params::has(std::string_view name) const { return get_.find(name) != get_.end(); }

const ParamValue* Params::raw(std::string_view name) const {
  auto it = get_.find(name);
  return it == get_.end() ? nullptr : &it->second;
}

const ParamValue* Params::post_raw(std::string_view name) const {
  auto it = post_.find(name);
  return it == post_.end() ? nullptr : &it->second;
}

std::optional<std::string> Params::get(std::string_view name) const {
  if (const ParamValue* v = raw(name)) return v->text;
  return std::nullopt;
}

std::string Params::get_or(std::string_view name, std::string_view def) const {
  const ParamValue* v = raw(name);
  return v && !v->text.empty() ? v->text : std::string(def);
}

std::optional<int64_t> Params::number(std::string_view name) const {
  const ParamValue* v = raw(name);
  if (!v || v->text.empty()) return std::nullopt;
  int64_t x = 0;
  auto [ptr, ec] = std::from_chars(v->text.data(), v->text.data() + v->text.size(), x);
  if (ec != std::errc() || ptr != v->text.data() + v->text.size()) return std::nullopt;
  return x;
}

std::optional<bool> Params::boolean(std::string_view name) const {
  const ParamValue* v = raw(name);
  if (!v || v->text.empty()) return std::nullopt;
  return v->text == "true" || v->text == "1";
}

std::optional<std::string> Params::post(std::string_view name) const {
  if (const ParamValue* v = post_raw(name)) return v->text;
  return std::nullopt;
}

std::string Params::canonical() const {
  std::string out;
  for (const auto& [name, v] : get_) {
    out += name;
    out += '=';
    out += v.text;
    out += '&';
  }
  return out;
}

void Params::set(std::string name, std::string value, ParamValue::Type t) {
  get_[std::move(name)] = ParamValue{t, std::move(value)};
}

}  // namespace wl
