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

}  // namespace wl
