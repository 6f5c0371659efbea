#include "dpi/ndpi_metadata.h"

#include <cstdio>

namespace wl {

namespace {
bool is(const ndpi_protocol& p, uint16_t id) { return p.master_protocol == id || p.app_protocol == id; }

// nDPI 4.2 keeps protocol details in a union: read only the member the
// detected protocol wrote.
bool uses_tls_fields(const ndpi_protocol& p) {
  for (uint16_t id : {NDPI_PROTOCOL_TLS, NDPI_PROTOCOL_QUIC, NDPI_PROTOCOL_DTLS, NDPI_PROTOCOL_MAIL_IMAPS,
                      NDPI_PROTOCOL_MAIL_POPS, NDPI_PROTOCOL_MAIL_SMTPS})
    if (is(p, id)) return true;
  return false;
}

std::string_view text(const char* s) { return s ? std::string_view(s) : std::string_view(); }

std::string tls_version_name(uint16_t v) {
  if (!v) return {};
  char buf[32];
  uint8_t unknown = 0;
  ndpi_ssl_version2str(buf, sizeof buf, v, &unknown);
  return buf;
}
}  // namespace

void copy_ndpi_metadata(ndpi_detection_module_struct* mod, ndpi_flow_struct* flow, const ndpi_protocol& proto,
                        FlowMetadata& out) {
  std::string_view host = text(flow->host_server_name);
  bool host_used = false;

  if (uses_tls_fields(proto)) {
    const auto& t = flow->protos.tls_quic;
    out.set(Meta::kTlsServerName, host);
    host_used = true;
    out.set(Meta::kTlsVersion, tls_version_name(t.ssl_version));
    out.set(Meta::kTlsAlpn, text(t.alpn));
    out.set(Meta::kJa3c, text(t.ja3_client));
    out.set(Meta::kJa3s, text(t.ja3_server));
    out.set(Meta::kTlsIssuer, text(t.issuerDN));
    out.set(Meta::kTlsSubject, text(t.subjectDN));
    out.tls_not_before = t.notBefore;
    out.tls_not_after = t.notAfter;
    out.tls_cipher = t.server_cipher;
  } else if (is(proto, NDPI_PROTOCOL_DNS) || is(proto, NDPI_PROTOCOL_MDNS) || is(proto, NDPI_PROTOCOL_LLMNR)) {
    const auto& d = flow->protos.dns;
    out.set(Meta::kDnsQuery, host);
    host_used = true;
    out.dns_query_type = d.query_type;
    out.dns_rcode = d.reply_code;
    out.dns_answered = d.num_answers > 0 || !d.is_query;
  } else if (is(proto, NDPI_PROTOCOL_SSH)) {
    const auto& s = flow->protos.ssh;
    out.set(Meta::kSshClientBanner, text(s.client_signature));
    out.set(Meta::kSshServerBanner, text(s.server_signature));
    out.set(Meta::kHasshClient, text(s.hassh_client));
    out.set(Meta::kHasshServer, text(s.hassh_server));
  } else if (is(proto, NDPI_PROTOCOL_DHCP)) {
    const auto& d = flow->protos.dhcp;
    out.set(Meta::kDhcpHostName, host);
    host_used = true;
    out.set(Meta::kDhcpVendorClass, text(d.class_ident));
    out.set(Meta::kDhcpFingerprint, text(d.fingerprint));
  } else if (is(proto, NDPI_PROTOCOL_NETBIOS)) {
    out.set(Meta::kNetbiosName, host);
    host_used = true;
  }

  // The HTTP part lives outside the union: any HTTP-based protocol fills it.
  if (flow->http.url || flow->http.response_status_code || flow->http.method != NDPI_HTTP_METHOD_UNKNOWN) {
    // nDPI 4.2 prefixes the path with the host: the record's URL is the path.
    std::string_view url = text(flow->http.url);
    if (!host.empty() && url.substr(0, host.size()) == host && url.size() > host.size() && url[host.size()] == '/')
      url.remove_prefix(host.size());
    out.set(Meta::kHttpUrl, url);
    out.set(Meta::kHttpUserAgent, text(flow->http.user_agent));
    out.set(Meta::kHttpContentType, text(flow->http.content_type));
    out.http_status = flow->http.response_status_code;
    ndpi_http_method m = ndpi_get_http_method(mod, flow);
    if (m != NDPI_HTTP_METHOD_UNKNOWN) out.set(Meta::kHttpMethod, ndpi_http_method2str(m));
    if (!host_used) {
      out.set(Meta::kHttpHost, host);
      host_used = true;
    }
  }
  if (!host_used) out.set(Meta::kHostName, host);
}

}  // namespace wl
