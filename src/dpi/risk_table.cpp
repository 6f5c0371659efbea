#include "dpi/risk_table.h"

#include <array>

namespace wl {

namespace {
constexpr RiskInfo kRisks[] = {
    {1, "NDPI_URL_POSSIBLE_XSS", "XSS Attack", Severity::kSevere, 135, 15},
    {2, "NDPI_URL_POSSIBLE_SQL_INJECTION", "SQL Injection", Severity::kSevere, 135, 15},
    {3, "NDPI_URL_POSSIBLE_RCE_INJECTION", "RCE Injection", Severity::kSevere, 135, 15},
    {4, "NDPI_BINARY_APPLICATION_TRANSFER", "Binary App Transfer", Severity::kSevere, 75, 75},
    {5, "NDPI_KNOWN_PROTOCOL_ON_NON_STANDARD_PORT", "Known Proto on Non Std Port", Severity::kMedium, 25, 25},
    {6, "NDPI_TLS_SELFSIGNED_CERTIFICATE", "Self-signed Cert", Severity::kHigh, 90, 10},
    {7, "NDPI_TLS_OBSOLETE_VERSION", "Obsolete TLS (v1.1 or older)", Severity::kHigh, 90, 10},
    {8, "NDPI_TLS_WEAK_CIPHER", "Weak TLS Cipher", Severity::kHigh, 90, 10},
    {9, "NDPI_TLS_CERTIFICATE_EXPIRED", "TLS Cert Expired", Severity::kHigh, 10, 90},
    {10, "NDPI_TLS_CERTIFICATE_MISMATCH", "TLS Cert Mismatch", Severity::kHigh, 50, 50},
    {11, "NDPI_HTTP_SUSPICIOUS_USER_AGENT", "HTTP Susp User-Agent", Severity::kHigh, 90, 10},
    {12, "NDPI_NUMERIC_IP_HOST", "HTTP/TLS/QUIC Numeric Hostname/SNI", Severity::kLow, 5, 5},
    {13, "NDPI_HTTP_SUSPICIOUS_URL", "HTTP Susp URL", Severity::kHigh, 90, 10},
    {14, "NDPI_HTTP_SUSPICIOUS_HEADER", "HTTP Susp Header", Severity::kHigh, 90, 10},
    {15, "NDPI_TLS_NOT_CARRYING_HTTPS", "TLS (probably) Not Carrying HTTPS", Severity::kLow, 5, 5},
    {16, "NDPI_SUSPICIOUS_DGA_DOMAIN", "Susp DGA Domain name", Severity::kHigh, 90, 10},
    {17, "NDPI_MALFORMED_PACKET", "Malformed Packet", Severity::kLow, 5, 5},
    {18, "NDPI_SSH_OBSOLETE_CLIENT_VERSION_OR_CIPHER", "SSH Obsolete Cli Vers/Cipher", Severity::kHigh, 90, 10},
    {19, "NDPI_SSH_OBSOLETE_SERVER_VERSION_OR_CIPHER", "SSH Obsolete Ser Vers/Cipher", Severity::kMedium, 5, 45},
    {20, "NDPI_SMB_INSECURE_VERSION", "SMB Insecure Vers", Severity::kHigh, 90, 10},
    {21, "NDPI_TLS_SUSPICIOUS_ESNI_USAGE", "TLS Susp ESNI Usage", Severity::kMedium, 25, 25},
    {22, "NDPI_UNSAFE_PROTOCOL", "Unsafe Protocol", Severity::kLow, 5, 5},
    {23, "NDPI_DNS_SUSPICIOUS_TRAFFIC", "Susp DNS Traffic", Severity::kMedium, 45, 5},
    {24, "NDPI_TLS_MISSING_SNI", "Missing SNI TLS Extn", Severity::kMedium, 25, 25},
    {25, "NDPI_HTTP_SUSPICIOUS_CONTENT", "HTTP Susp Content", Severity::kHigh, 90, 10},
    {26, "NDPI_RISKY_ASN", "Risky ASN", Severity::kMedium, 25, 25},
    {27, "NDPI_RISKY_DOMAIN", "Risky Domain Name", Severity::kMedium, 25, 25},
    {28, "NDPI_MALICIOUS_FINGERPRINT", "Malicious Fingerpint", Severity::kMedium, 25, 25},
    {29, "NDPI_MALICIOUS_SHA1_CERTIFICATE", "Malicious SSL Cert/SHA1 Fingerp.", Severity::kMedium, 25, 25},
    {30, "NDPI_DESKTOP_OR_FILE_SHARING_SESSION", "Desktop/File Sharing", Severity::kLow, 5, 5},
    {31, "NDPI_TLS_UNCOMMON_ALPN", "Uncommon TLS ALPN", Severity::kMedium, 25, 25},
    {32, "NDPI_TLS_CERT_VALIDITY_TOO_LONG", "TLS Cert Validity Too Long", Severity::kMedium, 25, 25},
    {33, "NDPI_TLS_SUSPICIOUS_EXTENSION", "TLS Susp Extn", Severity::kHigh, 90, 10},
    {34, "NDPI_TLS_FATAL_ALERT", "TLS Fatal Alert", Severity::kLow, 5, 5},
    {35, "NDPI_SUSPICIOUS_ENTROPY", "Susp Entropy", Severity::kLow, 5, 5},
    {36, "NDPI_CLEAR_TEXT_CREDENTIALS", "Clear-Text Credentials", Severity::kHigh, 90, 10},
    {37, "NDPI_DNS_LARGE_PACKET", "Large DNS Packet (512+ bytes)", Severity::kMedium, 25, 25},
    {38, "NDPI_DNS_FRAGMENTED", "Fragmented DNS Message", Severity::kMedium, 25, 25},
    {39, "NDPI_INVALID_CHARACTERS", "Non-Printable/Invalid Chars Detected", Severity::kHigh, 90, 10},
    {40, "NDPI_POSSIBLE_EXPLOIT", "Possible Exploit Attempt", Severity::kSevere, 135, 15},
    {41, "NDPI_TLS_CERTIFICATE_ABOUT_TO_EXPIRE", "TLS Cert About To Expire", Severity::kMedium, 5, 45},
    {42, "NDPI_PUNYCODE_IDN", "IDN Domain Name", Severity::kLow, 1, 9},
    {43, "NDPI_ERROR_CODE_DETECTED", "Error Code", Severity::kLow, 1, 9},
    {44, "NDPI_HTTP_CRAWLER_BOT", "Crawler/Bot", Severity::kLow, 1, 9},
    {45, "NDPI_ANONYMOUS_SUBSCRIBER", "Anonymous Subscriber", Severity::kMedium, 25, 25},
    {46, "NDPI_UNIDIRECTIONAL_TRAFFIC", "Unidirectional Traffic", Severity::kLow, 5, 5},
    {47, "NDPI_HTTP_OBSOLETE_SERVER", "HTTP Obsolete Server", Severity::kMedium, 5, 45},
    {48, "NDPI_PERIODIC_FLOW", "Periodic Flow", Severity::kLow, 1, 9},
    {49, "NDPI_MINOR_ISSUES", "Minor Issues", Severity::kLow, 1, 9},
    {50, "NDPI_TCP_ISSUES", "TCP Connection Issues", Severity::kMedium, 25, 25},
    {51, "NDPI_FULLY_ENCRYPTED", "Fully Encrypted Flow", Severity::kMedium, 25, 25},
    {52, "NDPI_TLS_ALPN_SNI_MISMATCH", "ALPN/SNI Mismatch", Severity::kMedium, 25, 25},
    {53, "NDPI_MALWARE_HOST_CONTACTED", "Client Contacted A Malware Host", Severity::kSevere, 135, 15},
    {54, "NDPI_BINARY_DATA_TRANSFER", "Binary File/Data Transfer (Attempt)", Severity::kMedium, 25, 25},
    {55, "NDPI_PROBING_ATTEMPT", "Probing Attempt", Severity::kMedium, 25, 25},
    {56, "NDPI_OBFUSCATED_TRAFFIC", "Obfuscated Traffic", Severity::kHigh, 90, 10},
};
static_assert(std::size(kRisks) == kMaxRiskId);
}  // namespace

const RiskInfo* risk_info(uint8_t id) {
  if (id == 0 || id > kMaxRiskId) return nullptr;
  return &kRisks[id - 1];
}

uint16_t severity_score(Severity s) {
  static constexpr std::array<uint16_t, 6> kPoints = {10, 50, 100, 150, 200, 250};
  return kPoints[static_cast<size_t>(s)];
}

const char* severity_name(Severity s) {
  static constexpr std::array<const char*, 6> kNames = {"low", "medium", "high", "severe", "critical", "emergency"};
  return kNames[static_cast<size_t>(s)];
}

RiskScore risk_score(uint64_t bitmap) {
  RiskScore r;
  for (uint8_t id = 1; id <= kMaxRiskId; ++id) {
    if (!(bitmap & (uint64_t{1} << id))) continue;
    const RiskInfo* info = risk_info(id);
    r.client += info->client_score;
    r.server += info->server_score;
  }
  r.total = r.client + r.server;
  return r;
}

std::string risk_names(uint64_t bitmap, std::string_view separator) {
  std::string out;
  for (uint8_t id = 1; id <= kMaxRiskId; ++id) {
    if (!(bitmap & (uint64_t{1} << id))) continue;
    if (!out.empty()) out += separator;
    out += risk_info(id)->label;
  }
  return out;
}

}  // namespace wl
