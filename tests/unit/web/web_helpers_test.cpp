// gzip, the self-signed certificate and the small request helpers.
#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "web/http_server.h"
#include "web/http_util.h"

namespace wl {

namespace {
std::string inflate_gzip(const std::string& in) {
  z_stream zs{};
  EXPECT_EQ(inflateInit2(&zs, 15 + 16), Z_OK);
  std::string out;
  char buf[65536];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
  }
  inflateEnd(&zs);
  EXPECT_EQ(rc, Z_STREAM_END);
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
}  // namespace

TEST(Gzip, RoundTrips) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "flow " + std::to_string(i) + " bytes=1234 packets=5\n";
  std::string z = gzip_compress(text);
  ASSERT_GE(z.size(), 10u);
  EXPECT_EQ(static_cast<unsigned char>(z[0]), 0x1f);  // gzip magic, not a zlib header
  EXPECT_EQ(static_cast<unsigned char>(z[1]), 0x8b);
  EXPECT_LT(z.size(), text.size() / 5);
  EXPECT_EQ(inflate_gzip(z), text);

  EXPECT_EQ(inflate_gzip(gzip_compress("")), "");

  std::string noise(1 << 20, '\0');  // incompressible: gzip output is larger than the input
  std::mt19937 rng(7);
  for (char& c : noise) c = static_cast<char>(rng());
  EXPECT_EQ(inflate_gzip(gzip_compress(noise)), noise);
}

TEST(SelfSignedCertificate, CreatesKeepsAndProtects) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(::testing::TempDir()) / ("wl_cert_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string cert = (dir / "a" / "b" / "cert.pem").string();
  std::string key = (dir / "keys" / "key.pem").string();
  std::string error;
  ASSERT_TRUE(ensure_self_signed_certificate(cert, key, error)) << error;
  ASSERT_TRUE(fs::exists(cert));
  ASSERT_TRUE(fs::exists(key));
  struct stat st {};
  ASSERT_EQ(::stat(key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  // The certificate parses, matches the key, names this host and covers localhost.
  FILE* f = std::fopen(cert.c_str(), "r");
  ASSERT_NE(f, nullptr);
  X509* x = PEM_read_X509(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  ASSERT_NE(x, nullptr);
  f = std::fopen(key.c_str(), "r");
  ASSERT_NE(f, nullptr);
  EVP_PKEY* k = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(X509_check_private_key(x, k), 1);
  EXPECT_EQ(X509_get_version(x), 2);  // v3
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  char cn[256] = {};
  X509_NAME_get_text_by_NID(X509_get_subject_name(x), NID_commonName, cn, sizeof cn);
  EXPECT_STREQ(cn, host);
  EXPECT_EQ(X509_check_host(x, "localhost", 0, 0, nullptr), 1);
  EXPECT_EQ(X509_check_ip_asc(x, "127.0.0.1", 0), 1);
  EXPECT_EQ(X509_check_ip_asc(x, "::1", 0), 1);
  EXPECT_GT(ASN1_TIME_cmp_time_t(X509_get0_notAfter(x), std::time(nullptr) + 9L * 365 * 24 * 3600), 0);
  X509_free(x);
  EVP_PKEY_free(k);

  // A second call leaves both files alone.
  std::string cert_pem = read_file(cert), key_pem = read_file(key);
  ASSERT_TRUE(ensure_self_signed_certificate(cert, key, error)) << error;
  EXPECT_EQ(read_file(cert), cert_pem);
  EXPECT_EQ(read_file(key), key_pem);
  fs::remove_all(dir);
}

TEST(SelfSignedCertificate, ReportsAnUncreatableDirectory) {
  std::string error;  // nobody, not even root, can make directories in /proc
  EXPECT_FALSE(ensure_self_signed_certificate("/proc/wl/cert.pem", "/proc/wl/key.pem", error));
  EXPECT_FALSE(error.empty());
}

TEST(WebHelpers, DecodesPaths) {
  std::string out;
  EXPECT_TRUE(web_detail::decode_path("/a%20b/%C3%A9+c", out));
  EXPECT_EQ(out, "/a b/\xC3\xA9+c");
  EXPECT_TRUE(web_detail::decode_path("/%2f%2F", out));
  EXPECT_EQ(out, "///");
  EXPECT_FALSE(web_detail::decode_path("/a%00", out));
  EXPECT_FALSE(web_detail::decode_path("/a%", out));
  EXPECT_FALSE(web_detail::decode_path("/a%4", out));
  EXPECT_FALSE(web_detail::decode_path("/a%g0", out));
  EXPECT_FALSE(web_detail::decode_path(std::string_view("/a\0b", 4), out));
}

TEST(WebHelpers, ReadsAcceptEncoding) {
  EXPECT_TRUE(web_detail::accepts_gzip("gzip"));
  EXPECT_TRUE(web_detail::accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(web_detail::accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(web_detail::accepts_gzip("x-gzip"));
  EXPECT_TRUE(web_detail::accepts_gzip("*"));
  EXPECT_FALSE(web_detail::accepts_gzip(""));
  EXPECT_FALSE(web_detail::accepts_gzip("identity"));
  EXPECT_FALSE(web_detail::accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(web_detail::accepts_gzip("gzip; q=0.000, *"));
  EXPECT_FALSE(web_detail::accepts_gzip("*;q=0"));
  EXPECT_FALSE(web_detail::accepts_gzip("gzipped"));
}

TEST(WebHelpers, ValidatesHeaders) {
  EXPECT_TRUE(web_detail::valid_header_name("Set-Cookie"));
  EXPECT_FALSE(web_detail::valid_header_name("Bad Name"));
  EXPECT_FALSE(web_detail::valid_header_name(""));
  EXPECT_TRUE(web_detail::valid_header_value("a=1; Path=/"));
  EXPECT_FALSE(web_detail::valid_header_value("a\r\nInjected: 1"));
}

}  // namespace wl
