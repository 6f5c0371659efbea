#include "hosts/local_networks.h"

#include "common/files.h"

#include <fstream>
#include <sstream>

namespace wl {

namespace {
constexpr size_t kMaxNetworks = 1024;

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n\"'";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

// "255.255.0.0" -> 16; -1 when not a contiguous IPv4 mask.
int dotted_mask_len(std::string_view s) {
  auto m = IpAddress::parse(s);
  if (!m || !m->is_v4()) return -1;
  uint32_t v = static_cast<uint32_t>(m->bytes[0]) << 24 | m->bytes[1] << 16 | m->bytes[2] << 8 | m->bytes[3];
  int len = 0;
  while (len < 32 && (v & (0x80000000u >> len))) ++len;
  uint32_t rest = len == 32 ? 0 : (v << len);
  return rest == 0 ? len : -1;
}

IpAddress masked(IpAddress a, unsigned prefix) {
  for (unsigned i = 0; i < 16; ++i) {
    unsigned bit = i * 8;
    if (bit >= prefix) a.bytes[i] = 0;
    else if (bit + 8 > prefix) a.bytes[i] &= static_cast<uint8_t>(0xff << (8 - (prefix - bit)));
  }
  return a;
}

}  // namespace

std::string LocalNetwork::to_string() const {
  return network.to_string() + "/" + std::to_string(prefix_len);
}

void LocalNetworks::add(const IpAddress& net, uint8_t prefix_len, std::string name) {
  nets_.push_back({masked(net, prefix_len), prefix_len, std::move(name)});
}

std::string LocalNetworks::add_one(std::string_view entry) {
  entry = trim(entry);
  if (entry.empty()) return {};
  std::string name;
  if (auto eq = entry.find('='); eq != std::string_view::npos) {
    name = std::string(trim(entry.substr(eq + 1)));
    entry = trim(entry.substr(0, eq));
  }
  std::string_view addr = entry, mask;
  if (auto slash = entry.find('/'); slash != std::string_view::npos) {
    addr = entry.substr(0, slash);
    mask = entry.substr(slash + 1);
  }
  auto ip = IpAddress::parse(addr);
  if (!ip) return "invalid network address '" + std::string(entry) + "'";
  int max_len = ip->is_v4() ? 32 : 128;
  int len = max_len;
  if (!mask.empty()) {
    if (mask.find('.') != std::string_view::npos && ip->is_v4()) {
      len = dotted_mask_len(mask);
    } else {
      len = 0;
      for (char ch : mask) {
        if (ch < '0' || ch > '9' || len > 1000) { len = -1; break; }
        len = len * 10 + (ch - '0');
      }
    }
    if (len < 0 || len > max_len) return "invalid prefix length in '" + std::string(entry) + "'";
  }
  if (nets_.size() >= kMaxNetworks) return "too many local networks (at most 1024)";
  add(*ip, static_cast<uint8_t>(len), std::move(name));
  return {};
}

std::string LocalNetworks::add_spec(std::string_view spec) {
  std::string s(trim(spec));
  if (is_regular_file(s)) {
    std::ifstream in(s);
    if (!in) return "cannot read local networks file '" + s + "'";
    std::string line;
    while (std::getline(in, line)) {
      if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
      if (auto err = add_spec_list(line); !err.empty()) return err + " in file '" + s + "'";
    }
    return {};
  }
  return add_spec_list(s);
}

std::string LocalNetworks::add_spec_list(std::string_view list) {
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    if (auto err = add_one(list.substr(start, comma - start)); !err.empty()) return err;
    start = comma + 1;
  }
  return {};
}

int LocalNetworks::find(const IpAddress& ip) const {
  int best = -1;
  for (size_t i = 0; i < nets_.size(); ++i) {
    const auto& n = nets_[i];
    if (n.network.version != ip.version) continue;
    if (prefix_match(n.network, ip, n.prefix_len) && (best < 0 || n.prefix_len > nets_[best].prefix_len))
      best = static_cast<int>(i);
  }
  return best;
}

}  // namespace wl
