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

std::string text(const char* s) { return s ? std::string(s) : std::string(); }

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
  std::string host = text(flow->host_server_name);
  bool host_used = false;

  if (uses_tls_fields(proto)) {
    const auto& t = flow->protos.tls_quic;
    out.tls_server_name = host;
    host_used = true;
    out.tls_version = tls_version_name(t.ssl_version);
    out.tls_alpn = text(t.alpn);
    out.ja3c = text(t.ja3_client);
    out.ja3s = text(t.ja3_server);
    out.tls_issuer = text(t.issuerDN);
    out.tls_subject = text(t.subjectDN);
    out.tls_not_before = t.notBefore;
    out.tls_not_after = t.notAfter;
    out.tls_cipher = t.server_cipher;
  } else if (is(proto, NDPI_PROTOCOL_DNS) || is(proto, NDPI_PROTOCOL_MDNS) || is(proto, NDPI_PROTOCOL_LLMNR)) {
    const auto& d = flow->protos.dns;
    out.dns_query = host;
    host_used = true;
    out.dns_query_type = d.query_type;
    out.dns_rcode = d.reply_code;
    out.dns_answered = d.num_answers > 0 || !d.is_query;
  } else if (is(proto, NDPI_PROTOCOL_SSH)) {
    const auto& s = flow->protos.ssh;
    out.ssh_client_banner = text(s.client_signature);
    out.ssh_server_banner = text(s.server_signature);
    out.hassh_client = text(s.hassh_client);
    out.hassh_server = text(s.hassh_server);
  } else if (is(proto, NDPI_PROTOCOL_DHCP)) {
    const auto& d = flow->protos.dhcp;
    out.dhcp_host_name = host;
    host_used = true;
    out.dhcp_vendor_class = text(d.class_ident);
    out.dhcp_fingerprint = text(d.fingerprint);
  } else if (is(proto, NDPI_PROTOCOL_NETBIOS)) {
    out.netbios_name = host;
    host_used = true;
  }

  // The HTTP part lives outside the union: any HTTP-based protocol fills it.
  if (flow->http.url || flow->http.response_status_code || flow->http.method != NDPI_HTTP_METHOD_UNKNOWN) {
    // nDPI 4.2 prefixes the path with the host: the record's URL is the path.
    out.http_url = text(flow->http.url);
    if (!host.empty() && out.http_url.compare(0, host.size(), host) == 0 && out.http_url.size() > host.size() &&
        out.http_url[host.size()] == '/')
      out.http_url.erase(0, host.size());
    out.http_user_agent = text(flow->http.user_agent);
    out.http_content_type = text(flow->http.content_type);
    out.http_status = flow->http.response_status_code;
    ndpi_http_method m = ndpi_get_http_method(mod, flow);
    if (m != NDPI_HTTP_METHOD_UNKNOWN) out.http_method = ndpi_http_method2str(m);
    if (!host_used) {
      out.http_host = host;
      host_used = true;
    }
  }
  if (!host_used) out.host_name = host;
}

}  // namespace wl
