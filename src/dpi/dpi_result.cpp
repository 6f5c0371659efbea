#include "dpi/dpi_result.h"

namespace wl {

namespace {
size_t string_heap(const std::string& s) {
  // Short strings live inside the object (libstdc++: up to 15 characters).
  return s.capacity() > 15 ? s.capacity() + 1 : 0;
}
}  // namespace

size_t FlowMetadata::heap_bytes() const {
  size_t n = sizeof(FlowMetadata) + dns_answers.capacity() * sizeof(IpAddress);
  for (const std::string* s : {&host_name, &tls_server_name, &tls_version, &tls_alpn, &ja3c, &ja3s, &ja4c,
                               &tls_issuer, &tls_subject, &http_host, &http_url, &http_method, &http_user_agent,
                               &http_content_type, &dns_query, &ssh_client_banner, &ssh_server_banner,
                               &hassh_client, &hassh_server, &dhcp_host_name, &dhcp_vendor_class,
                               &dhcp_fingerprint, &netbios_name})
    n += string_heap(*s);
  return n;
}

void fill_missing(FlowMetadata& into, const FlowMetadata& from) {
  auto str = [](std::string& a, const std::string& b) {
    if (a.empty()) a = b;
  };
  str(into.host_name, from.host_name);
  str(into.tls_server_name, from.tls_server_name);
  str(into.tls_version, from.tls_version);
  str(into.tls_alpn, from.tls_alpn);
  str(into.ja3c, from.ja3c);
  str(into.ja3s, from.ja3s);
  str(into.ja4c, from.ja4c);
  str(into.tls_issuer, from.tls_issuer);
  str(into.tls_subject, from.tls_subject);
  if (!into.tls_not_before) into.tls_not_before = from.tls_not_before;
  if (!into.tls_not_after) into.tls_not_after = from.tls_not_after;
  if (!into.tls_cipher) into.tls_cipher = from.tls_cipher;
  str(into.http_host, from.http_host);
  str(into.http_url, from.http_url);
  str(into.http_method, from.http_method);
  str(into.http_user_agent, from.http_user_agent);
  str(into.http_content_type, from.http_content_type);
  if (!into.http_status) into.http_status = from.http_status;
  if (into.dns_query.empty()) {
    into.dns_query = from.dns_query;
    into.dns_query_type = from.dns_query_type;
  }
  if (!into.dns_answered && from.dns_answered) {
    into.dns_answered = true;
    into.dns_rcode = from.dns_rcode;
  }
  if (into.dns_answers.empty()) into.dns_answers = from.dns_answers;
  str(into.ssh_client_banner, from.ssh_client_banner);
  str(into.ssh_server_banner, from.ssh_server_banner);
  str(into.hassh_client, from.hassh_client);
  str(into.hassh_server, from.hassh_server);
  str(into.dhcp_host_name, from.dhcp_host_name);
  str(into.dhcp_vendor_class, from.dhcp_vendor_class);
  str(into.dhcp_fingerprint, from.dhcp_fingerprint);
  str(into.netbios_name, from.netbios_name);
}

}  // namespace wl
