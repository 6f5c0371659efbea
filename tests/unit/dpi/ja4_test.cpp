// JA4 client fingerprints: published examples, real captures, and each rule
// of the spec (FoxIO-LLC/ja4, technical_details/JA4.md) on hand-built hellos.
#include "dpi/ja4.h"

#include <gtest/gtest.h>

#include "dpi/tls_captures.h"
#include "dpi/tls_hello_builder.h"
#include "dpi/tls_client_hello.h"

namespace wl::test {
namespace {

// The example of technical_details/JA4.md ("Raw Output", JA4_ro): ciphers and
// extensions in the order the client sent them.
ClientHello spec_example() {
  ClientHello ch;
  ch.legacy_version = 0x0303;
  ch.cipher_suites = {0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9,
                      0xcca8, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035};
  ch.extensions = {0x001b, 0x0000, 0x0033, 0x0010, 0x4469, 0x0017, 0x002d, 0x000d,
                   0x0005, 0x0023, 0x0012, 0x002b, 0xff01, 0x000b, 0x000a, 0x0015};
  ch.signature_algorithms = {0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601};
  ch.supported_versions = {0x0304, 0x0303};
  ch.sni = "example.com";
  ch.alpn = {"h2", "http/1.1"};
  return ch;
}

ClientHello parsed(std::string_view hex) {
  ClientHello ch;
  EXPECT_EQ(parse_tls_client_hello_records(from_hex(hex), ch), ParseStatus::kOk);
  return ch;
}

std::string a_part(const ClientHello& ch, char transport = 't') { return ja4_client(ch, transport).substr(0, 10); }

// ---------------------------------------------------------------- published examples

TEST(Ja4Published, SpecExample) {
  // technical_details/JA4.md, "Example" and "Raw Output".
  ClientHello ch = spec_example();
  EXPECT_EQ(ja4_client(ch, 't'), "t13d1516h2_8daaf6152771_e5627efa2ab1");
  EXPECT_EQ(ja4_client_raw(ch, 't'),
            "t13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_"
            "0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_"
            "0403,0804,0401,0503,0805,0501,0806,0601");
}

TEST(Ja4Published, SpecExampleWithoutSignatureAlgorithms) {
  // technical_details/JA4.md, "Extension hash": without signature algorithms
  // the list is hashed without the '_': 6d807ffa2a79.
  ClientHello ch = spec_example();
  ch.signature_algorithms.clear();
  EXPECT_EQ(ja4_client(ch, 't'), "t13d1516h2_8daaf6152771_6d807ffa2a79");
  EXPECT_EQ(ja4_client_raw(ch, 't'),
            "t13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_"
            "0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01");
}

TEST(Ja4Published, SameFingerprintWhateverTheOrder) {
  // FoxIO-LLC/ja4 python/test/testdata: chrome-cloudflare-quic-with-secrets.pcapng.json
  // (cloudflare-quic.com) and latest.pcapng.json stream 1 (pdx-col.eum-appdynamics.com)
  // give other extension orders (JA4_ro.1) for the same JA4.1.
  const std::vector<uint16_t> orders[] = {
      {0x0000, 0x0017, 0xff01, 0x000a, 0x000b, 0x0023, 0x0010, 0x0005, 0x000d, 0x0012, 0x0033, 0x002d,
       0x002b, 0x001b, 0x4469, 0x0015},
      {0x0023, 0xff01, 0x0000, 0x001b, 0x0012, 0x4469, 0x002d, 0x002b, 0x000d, 0x0010, 0x0033, 0x000a,
       0x0005, 0x0017, 0x000b, 0x0015},
  };
  for (const auto& order : orders) {
    ClientHello ch = spec_example();
    ch.extensions = order;
    EXPECT_EQ(ja4_client(ch, 't'), "t13d1516h2_8daaf6152771_e5627efa2ab1");
  }
}

TEST(Ja4Published, SlackDesktop) {
  // FoxIO-LLC/ja4 python/test/testdata/latest.pcapng.json, stream 5 (app.slack.com).
  ClientHello ch = spec_example();
  ch.extensions = {0x000d, 0x0010, 0x0000, 0x000b, 0x0023, 0x4469, 0xff01, 0x0033,
                   0x000a, 0x002d, 0x002b, 0x0005, 0x0017, 0x0012, 0x001b, 0x0029};
  EXPECT_EQ(ja4_client(ch, 't'), "t13d1516h2_8daaf6152771_9b887d9acb53");
  EXPECT_EQ(ja4_client_raw(ch, 't'),
            "t13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_"
            "0005,000a,000b,000d,0012,0017,001b,0023,0029,002b,002d,0033,4469,ff01_"
            "0403,0804,0401,0503,0805,0501,0806,0601");
}

TEST(Ja4Published, Tls12WithoutAlpn) {
  // FoxIO-LLC/ja4 python/test/testdata/latest.pcapng.json, stream 3
  // (discovery.cem.cloud.us): JA4.1, JA4_r.1, built from JA4_ro.1.
  ClientHello ch;
  ch.legacy_version = 0x0303;
  ch.cipher_suites = {0xc02c, 0xc02b, 0xc030, 0xc02f, 0xc024, 0xc023, 0xc028, 0xc027, 0xc00a, 0xc009,
                      0xc014, 0xc013, 0x009d, 0x009c, 0x003d, 0x003c, 0x0035, 0x002f, 0x000a};
  ch.extensions = {0x0000, 0x0005, 0x000a, 0x000b, 0x000d, 0x0023, 0x0017, 0xff01};
  ch.signature_algorithms = {0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0201,
                             0x0403, 0x0503, 0x0203, 0x0202, 0x0601, 0x0603};
  EXPECT_EQ(ja4_client(ch, 't'), "t12d190800_d83cc789557e_7af1ed941c26");
  EXPECT_EQ(ja4_client_raw(ch, 't'),
            "t12d190800_000a,002f,0035,003c,003d,009c,009d,c009,c00a,c013,c014,c023,c024,c027,c028,"
            "c02b,c02c,c02f,c030_0005,000a,000b,000d,0017,0023,ff01_"
            "0804,0805,0806,0401,0501,0201,0403,0503,0203,0202,0601,0603");
}

TEST(Ja4Published, OnlyServerNameGivesAnEmptyExtensionHash) {
  // FoxIO-LLC/ja4 python/test/testdata/https3-301-get.pcap.json (www.github.com):
  // TLS 1.0, 23 ciphers, one extension (SNI) which c leaves out.
  ClientHello ch;
  ch.legacy_version = 0x0301;
  ch.cipher_suites = {0x0039, 0x0038, 0x0035, 0x0016, 0x0013, 0x000a, 0x0033, 0x0032,
                      0x002f, 0x009a, 0x0099, 0x0096, 0x0005, 0x0004, 0x0015, 0x0012,
                      0x0009, 0x0014, 0x0011, 0x0008, 0x0006, 0x0003, 0x00ff};
  ch.extensions = {0x0000};
  EXPECT_EQ(ja4_client(ch, 't'), "t10d230100_6a57a6f57151_000000000000");
  EXPECT_EQ(ja4_client_raw(ch, 't'),
            "t10d230100_0003,0004,0005,0006,0008,0009,000a,0011,0012,0013,0014,0015,0016,002f,0032,0033,"
            "0035,0038,0039,0096,0099,009a,00ff_");
}

// ---------------------------------------------------------------- real captures

TEST(Ja4Capture, Curl) {
  // ../shared/pcaps/443-curl.pcap. nDPI's expected output for this capture
  // (ntop/nDPI tests/cfgs/default/result/443-curl.pcap.out) has
  // [JA4: t12d6707h2_2955a3196ffa_c83f907a73d3]; the raw lists below were
  // also derived from tshark's field dump (tls.handshake.ciphersuite,
  // tls.handshake.extension.type, tls.handshake.sig_hash_alg) and hashed
  // with sha256sum. 0xefef, 0xeeee, 0xeded are not GREASE and stay.
  ClientHello ch = parsed(kCurlHello);
  EXPECT_EQ(ja4_client(ch, 't'), "t12d6707h2_2955a3196ffa_c83f907a73d3");
  EXPECT_EQ(ja4_client_raw(ch, 't'),
            "t12d6707h2_000a,0013,0016,002f,0032,0033,0035,0038,0039,003c,003d,0040,0041,0044,0045,0067,"
            "006a,006b,0081,0084,0087,0088,009c,009d,009e,009f,00a2,00a3,00ba,00bd,00be,00c0,00c3,00c4,"
            "00ff,c003,c004,c005,c008,c009,c00a,c00d,c00e,c00f,c012,c013,c014,c023,c024,c025,c026,c027,"
            "c028,c029,c02a,c02b,c02c,c02d,c02e,c02f,c030,c031,c032,cc13,cc14,cc15,ff85_"
            "000a,000b,000d,0015,3374_"
            "0601,0602,0603,efef,0501,0502,0503,0401,0402,0403,eeee,eded,0301,0302,0303,0201,0202,0203");
}

TEST(Ja4Capture, Tls10WithFallbackScsv) {
  // ../shared/pcaps/tls_alert.pcap frame 4. nDPI's expected output
  // (tests/cfgs/default/result/tls_alert.pcap.out) has
  // [JA4: t10d0909h2_61c4dbd01224_cc731f12afbb]. TLS_FALLBACK_SCSV (0x5600)
  // counts as a cipher; no signature_algorithms, so c has no '_' part.
  ClientHello ch = parsed(kTlsAlertHello);
  EXPECT_EQ(ja4_client(ch, 't'), "t10d0909h2_61c4dbd01224_cc731f12afbb");
  EXPECT_EQ(ja4_client_raw(ch, 't'),
            "t10d0909h2_002f,0033,0035,0039,5600,c009,c00a,c013,c014_0005,000a,000b,0012,0017,3374,ff01");
}

TEST(Ja4Capture, Tls13SupportedVersions) {
  // ../shared/pcaps/tls_1.3_unidirectional_client.pcapng frame 3, computed
  // from tshark's field dump and sha256sum. nDPI 4.11's expected output has
  // t13d1713ht_5b57614c22b0_352634941f3a: the same but for the ALPN
  // characters, where nDPI takes the first two ("ht") and the spec the first
  // and last ("h1" for http/1.1).
  ClientHello ch = parsed(kTls13Hello);
  EXPECT_EQ(ja4_client(ch, 't'), "t13d1713h1_5b57614c22b0_352634941f3a");
  EXPECT_EQ(ja4_client_raw(ch, 't'),
            "t13d1713h1_002f,0035,009c,009d,1301,1302,1303,c009,c00a,c013,c014,c02b,c02c,c02f,c030,cca8,"
            "cca9_0005,000a,000b,000d,0017,0023,0029,002b,002d,0033,ff01_"
            "0403,0804,0401,0503,0805,0501,0806,0601,0201");
}

TEST(Ja4Capture, ParsedFromBytesMatchesTheSpecExample) {
  // The spec example sent on the wire with GREASE everywhere a browser puts it.
  HelloSpec s;
  s.session_id = Bytes(32, 7);
  s.ciphers = {0xdada, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9,
               0xcca8, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035};
  s.ext(0x2a2a, {})
      .ext(0x001b, Bytes{0x02, 0x00, 0x02})
      .ext(0x0000, sni_body("example.com"))
      .ext(0x0033, Bytes{0x00, 0x00})
      .ext(0x0010, alpn_body({"h2", "http/1.1"}))
      .ext(0x4469, Bytes{0x00, 0x03, 0x02, 'h', '2'})
      .ext(0x0017, {})
      .ext(0x002d, Bytes{0x01, 0x01})
      .ext(0x000d, u16_list16_body({0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601}))
      .ext(0x0005, Bytes{0x01, 0x00, 0x00, 0x00, 0x00})
      .ext(0x0023, {})
      .ext(0x0012, {})
      .ext(0x002b, versions_body({0x8a8a, 0x0304, 0x0303}))
      .ext(0xff01, Bytes{0x00})
      .ext(0x000b, point_formats_body({0}))
      .ext(0x000a, u16_list16_body({0x9a9a, 0x001d, 0x0017, 0x0018}))
      .ext(0x0015, Bytes(100, 0))
      .ext(0xeaea, Bytes{0});
  ClientHello ch;
  ASSERT_EQ(parse_tls_client_hello_records(tls_stream(s), ch), ParseStatus::kOk);
  EXPECT_EQ(ja4_client(ch, 't'), "t13d1516h2_8daaf6152771_e5627efa2ab1");
}

// ---------------------------------------------------------------- rules

TEST(Ja4Client, GreaseIsIgnoredEverywhere) {
  ClientHello ch = spec_example();
  ch.cipher_suites.insert(ch.cipher_suites.begin(), 0x0a0a);
  ch.cipher_suites.push_back(0xfafa);
  ch.extensions.insert(ch.extensions.begin(), 0x1a1a);
  ch.extensions.push_back(0x2a2a);
  ch.signature_algorithms.insert(ch.signature_algorithms.begin() + 3, 0x3a3a);
  ch.supported_versions.insert(ch.supported_versions.begin(), 0xbaba);  // numerically highest
  EXPECT_EQ(ja4_client(ch, 't'), "t13d1516h2_8daaf6152771_e5627efa2ab1");
}

TEST(Ja4Client, GreaseValues) {
  int count = 0;
  for (uint32_t v = 0; v <= 0xffff; ++v) count += is_tls_grease(static_cast<uint16_t>(v));
  EXPECT_EQ(count, 16);
  EXPECT_TRUE(is_tls_grease(0x0a0a));
  EXPECT_TRUE(is_tls_grease(0xfafa));
  EXPECT_FALSE(is_tls_grease(0x0a1a));
  EXPECT_FALSE(is_tls_grease(0xeaeb));
  EXPECT_FALSE(is_tls_grease(0xefef));
}

TEST(Ja4Client, ServerNamePresence) {
  ClientHello ch = spec_example();
  std::erase(ch.extensions, 0x0000);
  ch.sni.clear();
  EXPECT_EQ(a_part(ch), "t13i1515h2");
  // The extension decides, even when it carries no name.
  ch.extensions.push_back(0x0000);
  EXPECT_EQ(a_part(ch), "t13d1516h2");
  // c is the same with or without SNI: it leaves 0x0000 out.
  EXPECT_EQ(ja4_client(ch, 't').substr(11), "8daaf6152771_e5627efa2ab1");
}

TEST(Ja4Client, AlpnCharacters) {
  struct Case {
    std::vector<std::string> alpn;
    const char* code;
  };
  const Case cases[] = {
      {{}, "00"},
      {{""}, "00"},          // empty first value
      {{"", "h2"}, "00"},    // only the first value counts
      {{"h2", "http/1.1"}, "h2"},
      {{"http/1.1"}, "h1"},
      {{"h3"}, "h3"},
      {{"h"}, "hh"},         // one character is first and last
      {{"Z9"}, "Z9"},
      {{"spdy/3.1"}, "s1"},
      // Non-alphanumeric first or last byte: first and last hex digits of the
      // value; the five examples of technical_details/JA4.md, "ALPN Extension Value".
      {{"\xab"}, "ab"},
      {{"\xab\xcd"}, "ad"},
      {{"\x30\xab"}, "3b"},
      {{"\x30\x31\xab\xcd"}, "3d"},
      {{"\x30\xab\xcd\x31"}, "01"},
      {{"h2/"}, "6f"},       // 0x68 ... 0x2f
      {{"/x"}, "28"},        // 0x2f ... 0x78
      {{std::string("\x00", 1)}, "00"},
      {{"_"}, "5f"},
  };
  for (const Case& c : cases) {
    ClientHello ch = spec_example();
    ch.alpn = c.alpn;
    EXPECT_EQ(a_part(ch).substr(8), c.code) << (c.alpn.empty() ? "<none>" : c.alpn[0]);
  }
}

TEST(Ja4Client, VersionFromLegacyVersion) {
  const std::pair<uint16_t, const char*> cases[] = {
      {0x0304, "13"}, {0x0303, "12"}, {0x0302, "11"}, {0x0301, "10"}, {0x0300, "s3"}, {0x0002, "s2"},
      {0xfeff, "d1"}, {0xfefd, "d2"}, {0xfefc, "d3"}, {0x0305, "00"}, {0x0200, "00"}, {0x0000, "00"},
  };
  for (const auto& [version, code] : cases) {
    ClientHello ch = spec_example();
    ch.supported_versions.clear();
    ch.legacy_version = version;
    EXPECT_EQ(a_part(ch).substr(1, 2), code) << std::hex << version;
  }
}

TEST(Ja4Client, VersionFromSupportedVersions) {
  ClientHello ch = spec_example();
  ch.legacy_version = 0x0303;
  ch.supported_versions = {0x0303, 0x0304};  // highest, not first
  EXPECT_EQ(a_part(ch).substr(1, 2), "13");
  ch.supported_versions = {0x0302, 0x0301};
  EXPECT_EQ(a_part(ch).substr(1, 2), "11");
  ch.supported_versions = {0x4a4a};  // only GREASE: the legacy version
  EXPECT_EQ(a_part(ch).substr(1, 2), "12");
  ch.supported_versions = {0x0305, 0x0304};  // an unknown highest version
  EXPECT_EQ(a_part(ch).substr(1, 2), "00");
  // DTLS counts down: 0xfefc (1.3) is newer than 0xfefd (1.2).
  ch.legacy_version = 0xfefd;
  ch.supported_versions = {0xfefd, 0xfefc};
  EXPECT_EQ(a_part(ch, 'd'), "dd3d1516h2");
  ch.supported_versions = {0xfeff, 0xfefd};
  EXPECT_EQ(a_part(ch, 'd').substr(1, 2), "d2");
}

TEST(Ja4Client, CountsCapAt99) {
  ClientHello ch = spec_example();
  ch.cipher_suites.clear();
  for (uint16_t c = 1; c <= 120; ++c) ch.cipher_suites.push_back(c);
  ch.cipher_suites.push_back(0x1a1a);
  for (uint16_t e = 0x0100; e < 0x0100 + 110; ++e) ch.extensions.push_back(e);
  EXPECT_EQ(a_part(ch), "t13d9999h2");
  // Every cipher is hashed, not just 99.
  std::string raw = ja4_client_raw(ch, 't');
  EXPECT_NE(raw.find("_0001,0002,"), std::string::npos);
  EXPECT_NE(raw.find(",0077,0078_"), std::string::npos);

  ch.cipher_suites.resize(99);
  EXPECT_EQ(a_part(ch).substr(4, 2), "99");
  ch.cipher_suites.resize(9);
  EXPECT_EQ(a_part(ch).substr(4, 2), "09");
}

TEST(Ja4Client, ScsvAndReservedValuesCount) {
  ClientHello ch;
  ch.legacy_version = 0x0303;
  ch.cipher_suites = {0x00ff, 0x5600, 0xfe10, 0x2a2a};
  EXPECT_EQ(ja4_client_raw(ch, 't'), "t12i030000_00ff,5600,fe10_");
}

TEST(Ja4Client, EmptyListsHashToZeros) {
  ClientHello ch;
  EXPECT_EQ(ja4_client(ch, 't'), "t00i000000_000000000000_000000000000");
  EXPECT_EQ(ja4_client_raw(ch, 't'), "t00i000000__");
  // Only SNI and ALPN: the extension list is empty, whatever the signature algorithms.
  ch.legacy_version = 0x0303;
  ch.cipher_suites = {0x1301};
  ch.extensions = {0x0000, 0x0010};
  ch.alpn = {"h2"};
  ch.signature_algorithms = {0x0403};
  EXPECT_EQ(a_part(ch), "t12d0102h2");
  EXPECT_EQ(ja4_client(ch, 't').substr(24), "000000000000");
  EXPECT_EQ(ja4_client_raw(ch, 't'), "t12d0102h2_1301__0403");
}

TEST(Ja4Client, SignatureAlgorithmsKeepTheirOrder) {
  ClientHello ch;
  ch.legacy_version = 0x0303;
  ch.cipher_suites = {0x1302, 0x1301};
  ch.extensions = {0x000d, 0x000a};
  ch.signature_algorithms = {0x0806, 0x0a0a, 0x0403, 0x0201};
  EXPECT_EQ(ja4_client_raw(ch, 't'), "t12i020200_1301,1302_000a,000d_0806,0403,0201");
}

TEST(Ja4Client, Transport) {
  ClientHello ch = spec_example();
  EXPECT_EQ(ja4_client(ch, ja4_transport::kQuic), "q13d1516h2_8daaf6152771_e5627efa2ab1");
  EXPECT_EQ(ja4_client(ch, ja4_transport::kDtls), "d13d1516h2_8daaf6152771_e5627efa2ab1");
  EXPECT_EQ(ja4_client_raw(ch, ja4_transport::kQuic).substr(0, 11), "q13d1516h2_");
}

}  // namespace
}  // namespace wl::test
