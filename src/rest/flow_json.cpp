#include "rest/flow_json.h"

namespace wl {

const char* l4_proto_name(uint8_t p) {
  switch (p) {
    case 1: return "ICMP";
    case 2: return "IGMP";
    case 6: return "TCP";
    case 17: return "UDP";
    case 47: return "GRE";
    case 50: return "ESP";
    case 58: return "ICMPv6";
    case 89: return "OSPF";
    case 103: return "PIM";
    case 112: return "VRRP";
    case 132: return "SCTP";
    default: return "Other IP";
  }
}

std::string tcp_flags_text(uint8_t flags) {
  static const std::pair<uint8_t, const char*> kFlags[] = {{0x02, "SYN"}, {0x10, "ACK"}, {0x08, "PSH"},
                                                           {0x01, "FIN"}, {0x04, "RST"}, {0x20, "URG"},
                                                           {0x40, "ECE"}, {0x80, "CWR"}};
  std::string s;
  for (const auto& [bit, name] : kFlags)
    if (flags & bit) {
      if (!s.empty()) s += ' ';
      s += name;
    }
  return s;
}

std::string server_display_name(const FlowView& f, const std::string& learned) {
  std::string name = f.meta ? std::string(f.meta->get(Meta::kTlsServerName)) : "";
  if (name.empty() && f.meta) name = std::string(f.meta->get(Meta::kHttpHost));
  return name.empty() ? learned : name;
}

}  // namespace wl
