#include "dpi/risk_table.h"

#include <gtest/gtest.h>

namespace wl {

namespace {
uint64_t bit(int id) { return uint64_t{1} << id; }
}  // namespace

TEST(RiskTable, CurrentNamesAndScoresNotNdpi42s) {
  // Severe risks score 150 (nDPI 4.2 would say 250), split by the client share.
  const RiskInfo* xss = risk_info(1);
  ASSERT_NE(xss, nullptr);
  EXPECT_STREQ(xss->label, "XSS Attack");
  EXPECT_EQ(xss->severity, Severity::kSevere);
  EXPECT_EQ(xss->score(), 150);
  EXPECT_EQ(xss->client_score, 135);
  EXPECT_EQ(xss->server_score, 15);
  EXPECT_EQ(risk_info(4)->client_score, 75);  // binary transfer: half and half
  // 4.2 differs here: certificate expired 50/50, DNS suspicious High, entropy Medium.
  EXPECT_EQ(risk_info(9)->client_score, 10);
  EXPECT_EQ(risk_info(9)->server_score, 90);
  EXPECT_EQ(risk_info(23)->score(), 50);
  EXPECT_EQ(risk_info(35)->score(), 10);
  // Names that 4.2 spells differently.
  EXPECT_STREQ(risk_info(12)->enum_name, "NDPI_NUMERIC_IP_HOST");
  EXPECT_STREQ(risk_info(28)->enum_name, "NDPI_MALICIOUS_FINGERPRINT");
  EXPECT_STREQ(risk_info(28)->label, "Malicious Fingerpint");  // nDPI's own spelling
}

TEST(RiskTable, EveryRiskIsPresentOnceWithAConsistentScore) {
  for (uint8_t id = 1; id <= kMaxRiskId; ++id) {
    const RiskInfo* r = risk_info(id);
    ASSERT_NE(r, nullptr) << int(id);
    EXPECT_EQ(r->id, id);
    EXPECT_EQ(r->score(), severity_score(r->severity)) << r->enum_name;
  }
  EXPECT_EQ(risk_info(0), nullptr);
  EXPECT_EQ(risk_info(kMaxRiskId + 1), nullptr);
}

TEST(RiskTable, BitmapScoresAndNames) {
  uint64_t risks = bit(24) | bit(7) | bit(46);  // missing SNI, obsolete TLS, unidirectional
  RiskScore s = risk_score(risks);
  EXPECT_EQ(s.total, 50 + 100 + 10);
  EXPECT_EQ(s.client, 25 + 90 + 5);
  EXPECT_EQ(s.server, 25 + 10 + 5);
  EXPECT_EQ(risk_names(risks), "Obsolete TLS (v1.1 or older),Missing SNI TLS Extn,Unidirectional Traffic");
  EXPECT_EQ(risk_names(0), "");
  // Bit 0 ("no risk") and bits past the table count for nothing.
  EXPECT_EQ(risk_score(bit(0) | bit(60)).total, 0);
  EXPECT_EQ(risk_names(bit(0) | bit(60)), "");
}

}  // namespace wl
