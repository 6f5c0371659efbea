// Self-signed certificate for the HTTPS listener when the operator supplied
// none: an EC P-256 key and an X.509 v3 certificate valid for 10 years.
#include <fcntl.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "web/http_server.h"

namespace wl {

namespace {
template <auto Free>
struct Deleter {
  template <class T>
  void operator()(T* p) const { Free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;

std::string openssl_error(const std::string& what) {
  unsigned long e = ERR_get_error();
  ERR_clear_error();
  if (!e) return what;
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  return what + ": " + buf;
}

std::string host_name() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0 || !buf[0]) return "localhost";
  return buf;
}

// Only plain DNS names go into subjectAltName; anything odd is left to the CN.
bool plain_dns_name(const std::string& s) {
  if (s.empty() || s.size() > 253 || s == "localhost") return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'))
      return false;
  return true;
}

bool add_ext(X509* cert, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
  return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

X509Ptr make_certificate(EVP_PKEY* key, std::string& error) {
  X509Ptr cert(X509_new());
  if (!cert || X509_set_version(cert.get(), 2) != 1) {  // 2 means v3
    error = openssl_error("X509_new");
    return nullptr;
  }
  // A random positive 64-bit serial, so re-generated certificates differ.
  unsigned char serial[8];
  if (RAND_bytes(serial, sizeof serial) != 1) {
    error = openssl_error("RAND_bytes");
    return nullptr;
  }
  serial[0] &= 0x7f;
  BnPtr bn(BN_bin2bn(serial, sizeof serial, nullptr));
  if (!bn || !BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get()))) {
    error = openssl_error("serial number");
    return nullptr;
  }
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60 * 60);  // tolerate small clock skew
  X509_time_adj_ex(X509_getm_notAfter(cert.get()), 3650, 0, nullptr);
  if (X509_set_pubkey(cert.get(), key) != 1) {
    error = openssl_error("X509_set_pubkey");
    return nullptr;
  }
  std::string host = host_name();
  X509_NAME* name = X509_get_subject_name(cert.get());
  if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(host.c_str()),
                                 -1, -1, 0) != 1 ||
      X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("wirelens"), -1,
                                 -1, 0) != 1 ||
      X509_set_issuer_name(cert.get(), name) != 1) {
    error = openssl_error("subject name");
    return nullptr;
  }
  std::string san = "DNS:localhost,IP:127.0.0.1,IP:::1";
  if (plain_dns_name(host)) san += ",DNS:" + host;  // browsers ignore the CN
  if (!add_ext(cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
      !add_ext(cert.get(), NID_key_usage, "critical,digitalSignature") ||
      !add_ext(cert.get(), NID_ext_key_usage, "serverAuth") ||
      !add_ext(cert.get(), NID_subject_key_identifier, "hash") ||
      !add_ext(cert.get(), NID_subject_alt_name, san)) {
    error = openssl_error("certificate extensions");
    return nullptr;
  }
  if (X509_sign(cert.get(), key, EVP_sha256()) <= 0) {
    error = openssl_error("X509_sign");
    return nullptr;
  }
  return cert;
}

// Writes through `write` into a temporary file created with `mode`, then
// renames it into place so a crash never leaves a half-written file.
template <class Write>
bool write_pem(const std::string& path, mode_t mode, Write write, std::string& error) {
  std::string tmp = path + ".tmp";
  ::unlink(tmp.c_str());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) {
    error = "cannot create " + tmp + ": " + std::strerror(errno);
    return false;
  }
  ::fchmod(fd, mode);  // open() applied the umask; set the mode exactly
  FILE* f = ::fdopen(fd, "w");
  if (!f) {
    ::close(fd);
    ::unlink(tmp.c_str());
    error = "fdopen " + tmp + " failed";
    return false;
  }
  bool ok = write(f);
  ok = (std::fflush(f) == 0) && ok;
  ok = (::fsync(::fileno(f)) == 0) && ok;
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) {
    ::unlink(tmp.c_str());
    error = openssl_error("cannot write " + path);
    return false;
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    error = "cannot rename " + tmp + " to " + path + ": " + std::strerror(errno);
    ::unlink(tmp.c_str());
    return false;
  }
  return true;
}
}  // namespace

bool ensure_self_signed_certificate(const std::string& cert_file, const std::string& key_file, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(cert_file, ec) && fs::exists(key_file, ec)) return true;
  for (const std::string& file : {cert_file, key_file}) {
    fs::path dir = fs::path(file).parent_path();
    if (!dir.empty() && !fs::create_directories(dir, ec) && ec) {
      error = "cannot create directory " + dir.string() + ": " + ec.message();
      return false;
    }
  }
  PkeyPtr key(EVP_EC_gen("P-256"));
  if (!key) {
    error = openssl_error("EC key generation");
    return false;
  }
  X509Ptr cert = make_certificate(key.get(), error);
  if (!cert) return false;
  // Key first: the certificate appearing last marks a complete pair.
  if (!write_pem(key_file, 0600, [&](FILE* f) {
        return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
      }, error))
    return false;
  return write_pem(cert_file, 0644, [&](FILE* f) { return PEM_write_X509(f, cert.get()) == 1; }, error);
}

}  // namespace wl
