#include "dpi/name_observer.h"

#include <algorithm>
#include <span>
#include <string_view>

#include "dpi/dhcp_message.h"
#include "dpi/dns_message.h"

namespace wl {

namespace {
constexpr size_t kMaxAnswersPerFlow = 16;

FlowMetadata& ensure(std::unique_ptr<FlowMetadata>& meta) {
  if (!meta) meta = std::make_unique<FlowMetadata>();
  return *meta;
}

NameSource source_of(const DecodedPacket& p) {
  auto any = [&](uint16_t port) { return p.sport == port || p.dport == port; };
  if (any(5353)) return NameSource::kMdns;
  if (any(5355)) return NameSource::kLlmnr;
  if (any(137)) return NameSource::kNetbios;
  return NameSource::kDns;
}

void observe_dns(const DecodedPacket& p, std::span<const uint8_t> payload, std::unique_ptr<FlowMetadata>& meta,
                 HostNameCache* names) {
  DnsMessage m;
  if (!parse_dns(payload, m)) return;
  NameSource src = source_of(p);
  bool netbios = src == NameSource::kNetbios;
  if (!m.query_name.empty() && !netbios) {
    FlowMetadata& f = ensure(meta);
    if (!f.text.has(Meta::kDnsQuery)) {
      f.set(Meta::kDnsQuery, m.query_name);
      f.dns_query_type = m.query_type;
    }
  }
  if (!m.response) return;
  if (!netbios && meta) {
    meta->dns_answered = true;
    meta->dns_rcode = m.rcode;
  }
  for (const DnsAnswer& a : m.answers) {
    if (a.address.version == 0) continue;
    if (a.additional && src == NameSource::kDns) continue;  // unicast glue, not an answer
    std::string name = netbios ? netbios_decode_name(a.name) : a.name;
    if (names) names->learn(a.address, name, src);
    if (netbios) continue;
    FlowMetadata& f = ensure(meta);
    if (f.dns_answers.size() < kMaxAnswersPerFlow &&
        std::find(f.dns_answers.begin(), f.dns_answers.end(), a.address) == f.dns_answers.end())
      f.dns_answers.push_back(a.address);
  }
}

void observe_dhcp(std::span<const uint8_t> payload, std::unique_ptr<FlowMetadata>& meta, HostNameCache* names) {
  DhcpMessage m;
  if (!parse_dhcp(payload, m)) return;
  FlowMetadata& f = ensure(meta);
  if (!m.host_name.empty()) f.set(Meta::kDhcpHostName, m.host_name);
  if (!m.vendor_class.empty()) f.set(Meta::kDhcpVendorClass, m.vendor_class);
  if (!m.parameter_request_list.empty()) f.set(Meta::kDhcpFingerprint, m.fingerprint());
  if (!names || m.host_name.empty()) return;
  // The name belongs to the address the client has or is getting.
  for (const IpAddress* ip : {&m.your_ip, &m.requested_ip, &m.client_ip}) {
    if (ip->version == 4 && !(ip->bytes[0] == 0 && ip->bytes[1] == 0 && ip->bytes[2] == 0 && ip->bytes[3] == 0)) {
      names->learn(*ip, m.host_name, NameSource::kDhcp);
      break;
    }
  }
}
// SSDP is HTTP over UDP: its HOST header (e.g. "239.255.255.250:1900").
void observe_ssdp(std::span<const uint8_t> payload, std::unique_ptr<FlowMetadata>& meta) {
  std::string_view text(reinterpret_cast<const char*>(payload.data()), payload.size());
  if (meta && meta->text.has(Meta::kHttpHost)) return;
  for (size_t pos = text.find("\r\n"); pos != std::string_view::npos; pos = text.find("\r\n", pos + 2)) {
    std::string_view line = text.substr(pos + 2, text.find("\r\n", pos + 2) - (pos + 2));
    if (line.size() < 5 || (line[0] | 0x20) != 'h' || (line[1] | 0x20) != 'o' || (line[2] | 0x20) != 's' ||
        (line[3] | 0x20) != 't' || line[4] != ':')
      continue;
    std::string_view value = line.substr(5);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    if (!value.empty()) ensure(meta).set(Meta::kHttpHost, value);
    return;
  }
}
}  // namespace

void observe_names(const DecodedPacket& p, const uint8_t* payload, std::unique_ptr<FlowMetadata>& meta,
                   HostNameCache* names) {
  std::span<const uint8_t> bytes(payload, p.payload_len);
  bool dhcp = (p.sport == 67 || p.sport == 68) && (p.dport == 67 || p.dport == 68);
  if (dhcp) observe_dhcp(bytes, meta, names);
  else if (p.sport == 1900 || p.dport == 1900) observe_ssdp(bytes, meta);
  else observe_dns(p, bytes, meta, names);
}

void learn_server_name(const FlowMetadata& meta, const IpAddress& server, HostNameCache* names) {
  if (!names) return;
  if (meta.text.has(Meta::kTlsServerName))
    names->learn(server, std::string(meta.get(Meta::kTlsServerName)), NameSource::kTls);
  if (meta.text.has(Meta::kHttpHost)) {
    std::string host(meta.get(Meta::kHttpHost));  // "name:port" names the host "name"
    if (auto colon = host.rfind(':'); colon != std::string::npos && host.find(':') == colon) host.resize(colon);
    names->learn(server, host, NameSource::kHttp);
  }
}

}  // namespace wl
