#include "dpi/dhcp_message.h"

#include <iterator>

namespace wl {

namespace {

// BOOTP fixed header (RFC 951 / RFC 2131 figure 1).
constexpr size_t kOp = 0;
constexpr size_t kHlen = 2;
constexpr size_t kXid = 4;
constexpr size_t kCiaddr = 12;
constexpr size_t kYiaddr = 16;
constexpr size_t kChaddr = 28;
constexpr size_t kSname = 44;
constexpr size_t kSnameSize = 64;
constexpr size_t kFile = 108;
constexpr size_t kFileSize = 128;
constexpr size_t kCookie = 236;
constexpr size_t kOptions = 240;
constexpr uint8_t kMagicCookie[4] = {99, 130, 83, 99};

// Options read.
constexpr uint8_t kOptPad = 0;
constexpr uint8_t kOptHostName = 12;
constexpr uint8_t kOptDomainName = 15;
constexpr uint8_t kOptRequestedIp = 50;
constexpr uint8_t kOptLeaseTime = 51;
constexpr uint8_t kOptOverload = 52;
constexpr uint8_t kOptMessageType = 53;
constexpr uint8_t kOptParameterRequestList = 55;
constexpr uint8_t kOptVendorClass = 60;
constexpr uint8_t kOptClientFqdn = 81;
constexpr uint8_t kOptEnd = 255;

// Concatenated values are kept up to this many bytes: room for any string
// option split in two (RFC 3396) and for option 81's 3 leading bytes.
constexpr size_t kMaxRawValue = 2 * 255;

uint32_t be32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

IpAddress nonzero_v4(const uint8_t* p) {
  if (p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 0) return {};
  return IpAddress::v4(p);
}

void append_capped(std::vector<uint8_t>& to, std::span<const uint8_t> value) {
  for (uint8_t b : value) {
    if (to.size() >= kMaxRawValue) return;
    to.push_back(b);
  }
}

std::string sanitize(std::span<const uint8_t> raw) {
  size_t n = raw.size();
  while (n > 0 && raw[n - 1] == 0) --n;
  if (n > kMaxDhcpString) n = kMaxDhcpString;
  std::string s;
  s.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const uint8_t b = raw[i];
    s.push_back(b >= 0x20 && b <= 0x7e ? static_cast<char>(b) : '?');
  }
  return s;
}

// Option 81 (RFC 4702 2): flags, two obsolete rcode bytes, then the name.
std::string client_fqdn(const std::vector<uint8_t>& raw) {
  if (raw.size() < 3) return {};
  const bool wire_format = (raw[0] & 0x04) != 0;  // the E flag
  std::span<const uint8_t> name(raw.data() + 3, raw.size() - 3);
  if (!wire_format) return sanitize(name);
  // Uncompressed labels; the name may be partial (no final zero byte).
  std::vector<uint8_t> dotted;
  size_t pos = 0;
  while (pos < name.size()) {
    const uint8_t len = name[pos];
    if (len == 0) break;
    if (len > 63 || pos + 1 + len > name.size()) return {};
    if (!dotted.empty()) dotted.push_back('.');
    dotted.insert(dotted.end(), name.begin() + static_cast<std::ptrdiff_t>(pos + 1),
                  name.begin() + static_cast<std::ptrdiff_t>(pos + 1 + len));
    pos += 1 + size_t{len};
  }
  return sanitize(dotted);
}

struct OptionWalk {
  explicit OptionWalk(DhcpMessage& m) : out(m) {}

  DhcpMessage& out;
  bool have_message_type = false;
  bool have_requested_ip = false;
  bool have_lease_time = false;
  uint8_t overload = 0;
  std::vector<uint8_t> host_name, domain_name, vendor_class, fqdn, prl;

  // Walks one option area; false when an option runs past its end.
  bool walk(std::span<const uint8_t> area, bool main_area) {
    size_t i = 0;
    while (i < area.size()) {
      const uint8_t code = area[i];
      if (code == kOptPad) {
        ++i;
        continue;
      }
      if (code == kOptEnd) return true;
      if (i + 2 > area.size()) return false;
      const size_t len = area[i + 1];
      if (i + 2 + len > area.size()) return false;
      option(code, area.subspan(i + 2, len), main_area);
      i += 2 + len;
    }
    return true;
  }

  void option(uint8_t code, std::span<const uint8_t> v, bool main_area) {
    switch (code) {
      case kOptMessageType:
        if (!have_message_type && !v.empty()) {
          out.message_type = v[0];
          have_message_type = true;
        }
        break;
      case kOptRequestedIp:
        if (!have_requested_ip && v.size() == 4) {
          out.requested_ip = nonzero_v4(v.data());
          have_requested_ip = true;
        }
        break;
      case kOptLeaseTime:
        if (!have_lease_time && v.size() == 4) {
          out.lease_time = be32(v.data());
          have_lease_time = true;
        }
        break;
      case kOptOverload:
        // Only meaningful in the options field itself.
        if (main_area && overload == 0 && !v.empty()) overload = v[0];
        break;
      case kOptHostName: append_capped(host_name, v); break;
      case kOptDomainName: append_capped(domain_name, v); break;
      case kOptVendorClass: append_capped(vendor_class, v); break;
      case kOptClientFqdn: append_capped(fqdn, v); break;
      case kOptParameterRequestList: append_capped(prl, v); break;
      default: break;
    }
  }
};

}  // namespace

bool parse_dhcp(std::span<const uint8_t> payload, DhcpMessage& out) {
  out = DhcpMessage{};
  if (payload.size() < kOptions) return false;
  const uint8_t* p = payload.data();
  if (p[kOp] != 1 && p[kOp] != 2) return false;
  for (size_t i = 0; i < 4; ++i) {
    if (p[kCookie + i] != kMagicCookie[i]) return false;
  }
  out.op = p[kOp];
  out.transaction_id = be32(p + kXid);
  if (p[kHlen] == 6) {
    for (size_t i = 0; i < 6; ++i) out.client_mac.bytes[i] = p[kChaddr + i];
  }
  out.client_ip = nonzero_v4(p + kCiaddr);
  out.your_ip = nonzero_v4(p + kYiaddr);

  OptionWalk w(out);
  bool complete = w.walk(payload.subspan(kOptions), true);
  // RFC 2131 4.1: with overload, `file` is read before `sname`.
  if (w.overload == 1 || w.overload == 3) complete &= w.walk(payload.subspan(kFile, kFileSize), false);
  if (w.overload == 2 || w.overload == 3) complete &= w.walk(payload.subspan(kSname, kSnameSize), false);

  out.host_name = sanitize(w.host_name);
  out.domain_name = sanitize(w.domain_name);
  out.vendor_class = sanitize(w.vendor_class);
  out.client_fqdn = client_fqdn(w.fqdn);
  if (w.prl.size() > 255) w.prl.resize(255);
  out.parameter_request_list = std::move(w.prl);
  out.complete = complete;
  return true;
}

std::string DhcpMessage::fingerprint() const {
  std::string s;
  for (uint8_t code : parameter_request_list) {
    if (!s.empty()) s.push_back(',');
    s += std::to_string(code);
  }
  return s;
}

const char* dhcp_message_type_name(uint8_t type) {
  // IANA "DHCP Message Type 53 Values".
  static constexpr const char* kNames[] = {
      nullptr,          "DISCOVER",        "OFFER",         "REQUEST",
      "DECLINE",        "ACK",             "NAK",           "RELEASE",
      "INFORM",         "FORCERENEW",      "LEASEQUERY",    "LEASEUNASSIGNED",
      "LEASEUNKNOWN",   "LEASEACTIVE",     "BULKLEASEQUERY", "LEASEQUERYDONE",
      "ACTIVELEASEQUERY", "LEASEQUERYSTATUS", "TLS",
  };
  return type < std::size(kNames) ? kNames[type] : nullptr;
}

}  // namespace wl
