#include "dpi/dns_message.h"

#include <algorithm>
#include <iterator>

namespace wl {

namespace {

constexpr size_t kHeaderSize = 12;

uint16_t be16(const uint8_t* p) { return static_cast<uint16_t>((p[0] << 8) | p[1]); }

uint32_t be32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

enum class NameResult {
  kOk,         // decoded
  kBad,        // its extent is known (so the walk can go on) but it does not decode
  kUnskippable // cut short, or a label type whose extent is unknown: stop here
};

void append_label_byte(std::string& s, uint8_t b) {
  if (b == '.' || b == '\\') {
    s.push_back('\\');
    s.push_back(static_cast<char>(b));
  } else if (b < 0x20 || b > 0x7e) {
    s.push_back('\\');
    s.push_back(static_cast<char>('0' + b / 100));
    s.push_back(static_cast<char>('0' + b / 10 % 10));
    s.push_back(static_cast<char>('0' + b % 10));
  } else {
    s.push_back(static_cast<char>(b));
  }
}

// Finds where the name starting at `pos` ends in place (after its final zero
// byte or its first pointer), without following pointers. The name must lie
// before `limit` (the message's or the record data's end).
bool name_extent(std::span<const uint8_t> msg, size_t pos, size_t limit, size_t& end) {
  while (pos < limit) {
    const uint8_t len = msg[pos];
    if (len == 0) {
      end = pos + 1;
      return true;
    }
    if ((len & 0xC0) == 0xC0) {
      if (pos + 2 > limit) return false;
      end = pos + 2;
      return true;
    }
    if ((len & 0xC0) != 0) return false;  // 0x40 / 0x80: extended or reserved label type
    pos += 1 + size_t{len};
  }
  return false;
}

// Decodes the name at `pos` (see the header for the rules). `text` may be null
// when only validity matters. `end` is set whenever the result is not
// kUnskippable.
NameResult read_name(std::span<const uint8_t> msg, size_t pos, size_t limit, std::string* text,
                     size_t& end) {
  if (!name_extent(msg, pos, limit, end)) return NameResult::kUnskippable;
  if (text) text->clear();
  size_t run_start = pos;
  size_t wire_length = 1;  // the final zero byte
  unsigned jumps = 0;
  // Every byte read below was either checked by name_extent (the in-place part)
  // or is checked here: after a jump, labels may run to the message's end.
  while (true) {
    if (pos >= msg.size()) return NameResult::kBad;
    const uint8_t len = msg[pos];
    if (len == 0) return NameResult::kOk;
    if ((len & 0xC0) == 0xC0) {
      if (pos + 1 >= msg.size()) return NameResult::kBad;
      const size_t target = (size_t{len & 0x3Fu} << 8) | msg[pos + 1];
      if (target < kHeaderSize || target >= run_start) return NameResult::kBad;
      if (++jumps > kMaxDnsPointerJumps) return NameResult::kBad;
      pos = run_start = target;
      continue;
    }
    if ((len & 0xC0) != 0) return NameResult::kBad;
    wire_length += 1 + size_t{len};
    if (wire_length > kMaxDnsNameWireLength) return NameResult::kBad;
    if (pos + 1 + len > msg.size()) return NameResult::kBad;
    if (text) {
      if (!text->empty()) text->push_back('.');
      for (size_t i = 0; i < len; ++i) append_label_byte(*text, msg[pos + 1 + i]);
    }
    pos += 1 + size_t{len};
  }
}

bool kept_in_additional(uint16_t type) {
  return type == dns_type::kA || type == dns_type::kAaaa || type == dns_type::kPtr ||
         type == dns_type::kSrv || type == dns_type::kNb;
}

// Reads the record data of the types the parser interprets into `a`. False
// when that data is malformed; other types are not looked at.
bool read_rdata(std::span<const uint8_t> msg, size_t start, size_t length, DnsAnswer& a) {
  const uint8_t* p = msg.data() + start;
  const size_t limit = start + length;
  size_t end = 0;
  size_t name_offset = 0;
  switch (a.type) {
    case dns_type::kA:
      if (length != 4) return false;
      a.address = IpAddress::v4(p);
      return true;
    case dns_type::kAaaa:
      if (length != 16) return false;
      a.address = IpAddress::v6(p);
      return true;
    case dns_type::kNb:
      // NetBIOS: (2 flag bytes, IPv4 address) entries. In DNS, type 32 is the
      // long-obsolete NIMLOC, whose data is not looked at.
      if (length >= 6 && length % 6 == 0) a.address = IpAddress::v4(p + 2);
      return true;
    case dns_type::kNs:
    case dns_type::kCname:
    case dns_type::kPtr:
    case dns_type::kDname:
      name_offset = 0;
      break;
    case dns_type::kMx:
      name_offset = 2;  // preference
      break;
    case dns_type::kSrv:
      name_offset = 6;  // priority, weight, port
      break;
    default:
      return true;
  }
  if (length <= name_offset) return false;
  if (read_name(msg, start + name_offset, limit, &a.target, end) != NameResult::kOk) {
    a.target.clear();
    return false;
  }
  return true;
}

}  // namespace

bool parse_dns(std::span<const uint8_t> msg, DnsMessage& out) {
  out = DnsMessage{};
  if (msg.size() < kHeaderSize) return false;
  const uint8_t* h = msg.data();
  out.id = be16(h);
  out.flags = be16(h + 2);
  out.response = (out.flags & 0x8000) != 0;
  out.opcode = static_cast<uint8_t>((out.flags >> 11) & 0x0F);
  out.authoritative = (out.flags & 0x0400) != 0;
  out.truncated = (out.flags & 0x0200) != 0;
  out.rcode = static_cast<uint8_t>(out.flags & 0x0F);
  out.qdcount = be16(h + 4);
  out.ancount = be16(h + 6);
  out.nscount = be16(h + 8);
  out.arcount = be16(h + 10);

  // `complete` is set at the very end: a return before that leaves it false.
  bool sound = true;
  size_t pos = kHeaderSize;
  size_t end = 0;
  for (unsigned i = 0; i < out.qdcount; ++i) {
    const NameResult r = read_name(msg, pos, msg.size(), i == 0 ? &out.query_name : nullptr, end);
    const bool whole = r != NameResult::kUnskippable && end + 4 <= msg.size();
    if (i == 0) {
      if (r != NameResult::kOk || !whole) {
        out.query_name.clear();
        return false;
      }
      out.query_type = be16(h + end);
      out.query_class = be16(h + end + 2);
    } else if (!whole) {
      return true;
    } else if (r != NameResult::kOk) {
      sound = false;
    }
    pos = end + 4;
  }

  const unsigned counts[3] = {out.ancount, out.nscount, out.arcount};
  std::string name;
  for (int section = 0; section < 3; ++section) {
    for (unsigned i = 0; i < counts[section]; ++i) {
      const NameResult r = read_name(msg, pos, msg.size(), &name, end);
      if (r == NameResult::kUnskippable || end + 10 > msg.size()) return true;
      const uint16_t type = be16(h + end);
      const uint32_t ttl = be32(h + end + 4);
      const size_t rdlength = be16(h + end + 8);
      const size_t rdata = end + 10;
      if (rdata + rdlength > msg.size()) return true;
      pos = rdata + rdlength;
      if (r != NameResult::kOk) {
        sound = false;
        continue;
      }
      DnsAnswer a;
      a.type = type;
      a.ttl = ttl;
      if (!read_rdata(msg, rdata, rdlength, a)) sound = false;
      const bool keep = section == 0 || (section == 2 && kept_in_additional(type));
      if (keep && out.answers.size() < kMaxDnsAnswers) {
        a.name = name;
        a.additional = section == 2;
        out.answers.push_back(std::move(a));
      }
    }
  }
  out.complete = sound;
  return true;
}

bool parse_dns_tcp(std::span<const uint8_t> stream, DnsMessage& out) {
  out = DnsMessage{};
  if (stream.size() < 2) return false;
  const size_t length = be16(stream.data());
  const size_t available = std::min(length, stream.size() - 2);
  if (length < kHeaderSize || available < kHeaderSize) return false;
  if (!parse_dns(stream.subspan(2, available), out)) return false;
  if (available < length) out.complete = false;
  return true;
}

std::string dns_name_lower(std::string_view name) {
  std::string s(name);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

const char* dns_type_name(uint16_t type) {
  // IANA "Resource Record (RR) TYPEs"; obsolete and experimental ones included
  // since they still show up in captures (iodine tunnels over NULL, ...).
  static constexpr const char* kLow[] = {
      nullptr,    "A",       "NS",     "MD",         "MF",       "CNAME",   "SOA",
      "MB",       "MG",      "MR",     "NULL",       "WKS",      "PTR",     "HINFO",
      "MINFO",    "MX",      "TXT",    "RP",         "AFSDB",    "X25",     "ISDN",
      "RT",       "NSAP",    "NSAP-PTR", "SIG",      "KEY",      "PX",      "GPOS",
      "AAAA",     "LOC",     "NXT",    "EID",        "NIMLOC",   "SRV",     "ATMA",
      "NAPTR",    "KX",      "CERT",   "A6",         "DNAME",    "SINK",    "OPT",
      "APL",      "DS",      "SSHFP",  "IPSECKEY",   "RRSIG",    "NSEC",    "DNSKEY",
      "DHCID",    "NSEC3",   "NSEC3PARAM", "TLSA",   "SMIMEA",   nullptr,   "HIP",
      "NINFO",    "RKEY",    "TALINK", "CDS",        "CDNSKEY",  "OPENPGPKEY", "CSYNC",
      "ZONEMD",   "SVCB",    "HTTPS",
  };
  if (type < std::size(kLow)) return kLow[type];
  switch (type) {
    case 99: return "SPF";
    case 100: return "UINFO";
    case 101: return "UID";
    case 102: return "GID";
    case 103: return "UNSPEC";
    case 104: return "NID";
    case 105: return "L32";
    case 106: return "L64";
    case 107: return "LP";
    case 108: return "EUI48";
    case 109: return "EUI64";
    case 249: return "TKEY";
    case 250: return "TSIG";
    case 251: return "IXFR";
    case 252: return "AXFR";
    case 253: return "MAILB";
    case 254: return "MAILA";
    case 255: return "ANY";
    case 256: return "URI";
    case 257: return "CAA";
    case 258: return "AVC";
    case 259: return "DOA";
    case 260: return "AMTRELAY";
    case 261: return "RESINFO";
    case 32768: return "TA";
    case 32769: return "DLV";
    default: return nullptr;
  }
}

std::string dns_type_string(uint16_t type) {
  if (const char* name = dns_type_name(type)) return name;
  return "TYPE" + std::to_string(type);
}

std::string dns_rcode_string(uint8_t rcode) {
  if (const char* name = dns_rcode_name(rcode)) return name;
  return "RCODE" + std::to_string(rcode);
}

const char* dns_rcode_name(uint8_t rcode) {
  static constexpr const char* kNames[] = {
      "NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP",  "REFUSED",
      "YXDOMAIN", "YXRRSET", "NXRRSET", "NOTAUTH",  "NOTZONE", "DSOTYPENI",
  };
  return rcode < std::size(kNames) ? kNames[rcode] : nullptr;
}

std::string netbios_decode_name(std::string_view encoded, bool with_suffix) {
  encoded = encoded.substr(0, encoded.find('.'));
  if (encoded.size() != 32) return {};
  uint8_t bytes[16];
  for (size_t i = 0; i < 16; ++i) {
    int nibble[2];
    for (int k = 0; k < 2; ++k) {
      const char c = encoded[2 * i + static_cast<size_t>(k)];
      if (c >= 'A' && c <= 'P') {
        nibble[k] = c - 'A';
      } else if (c >= 'a' && c <= 'p') {
        nibble[k] = c - 'a';
      } else {
        return {};
      }
    }
    bytes[i] = static_cast<uint8_t>((nibble[0] << 4) | nibble[1]);
  }
  size_t n = 15;
  while (n > 0 && (bytes[n - 1] == ' ' || bytes[n - 1] == 0)) --n;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s;
  auto put = [&](uint8_t b, bool as_hex) {
    if (as_hex) {
      s.push_back('<');
      s.push_back(kHex[b >> 4]);
      s.push_back(kHex[b & 0x0F]);
      s.push_back('>');
    } else {
      s.push_back(static_cast<char>(b));
    }
  };
  for (size_t i = 0; i < n; ++i) put(bytes[i], bytes[i] < 0x20 || bytes[i] > 0x7e);
  if (with_suffix) put(bytes[15], true);
  return s;
}

}  // namespace wl
