#include "rest/params.h"

#include <gtest/gtest.h>

namespace wl {
namespace {

HttpRequest request(std::string query, std::string body = {}, std::string content_type = {}) {
  HttpRequest r;
  r.method = body.empty() ? "GET" : "POST";
  r.query = std::move(query);
  r.body = std::move(body);
  if (!content_type.empty()) r.headers.emplace_back("content-type", content_type);
  return r;
}

TEST(UrlDecode, DecodesEscapesAndPlus) {
  std::string out;
  ASSERT_TRUE(url_decode("a%20b+c%3A", out));
  EXPECT_EQ(out, "a b c:");
  EXPECT_FALSE(url_decode("bad%2", out));
  EXPECT_FALSE(url_decode("bad%zz", out));
  EXPECT_FALSE(url_decode("nul%00", out));
}

TEST(Params, InvalidValuesAndUnknownNamesAreDropped) {
  std::string err;
  Params p = Params::from_request(request("ifid=0&breed=True&ndpi_category=true&nosuch=1&perPage=x"), err);
  EXPECT_TRUE(err.empty());
  EXPECT_EQ(p.number("ifid"), 0);
  EXPECT_FALSE(p.has("breed"));  // Python's True fails the boolean rule
  EXPECT_EQ(p.boolean("ndpi_category"), true);
  EXPECT_FALSE(p.has("nosuch"));
  EXPECT_FALSE(p.has("perPage"));
}

TEST(Params, EnumerationsAndHosts) {
  std::string err;
  Params p = Params::from_request(request("direction=recvd&sortOrder=desc&host=10.0.0.1@7&version=5"), err);
  EXPECT_FALSE(p.has("direction"));
  EXPECT_EQ(p.get("sortOrder"), "desc");
  EXPECT_EQ(p.get("host"), "10.0.0.1@7");
  EXPECT_FALSE(p.has("version"));
  Params bad = Params::from_request(request("host=10.0.0.300"), err);
  EXPECT_FALSE(bad.has("host"));
}

TEST(Params, JsonBodyOverridesAndKeepsTypes) {
  std::string err;
  Params p = Params::from_request(request("ifid=1&perPage=5", R"({"ifid": 0, "all": true, "csrf": "abc"})",
                                          "application/json; charset=utf-8"),
                                  err);
  EXPECT_TRUE(err.empty());
  ASSERT_NE(p.raw("ifid"), nullptr);
  EXPECT_EQ(p.raw("ifid")->type, ParamValue::Type::kNumber);
  EXPECT_EQ(p.number("ifid"), 0);
  EXPECT_EQ(p.number("perPage"), 5);
  EXPECT_EQ(p.boolean("all"), true);
  EXPECT_EQ(p.csrf(), "abc");
  EXPECT_FALSE(p.has("csrf"));
  EXPECT_TRUE(p.had_json_body());
}

TEST(Params, MalformedJsonIsReported) {
  std::string err;
  Params::from_request(request("", "{not json", "application/json"), err);
  EXPECT_FALSE(err.empty());
}

TEST(Params, FormFieldsOnlyInThePostTable) {
  std::string err;
  Params p = Params::from_request(
      request("", "username=bob&csrf=t0k&payload=%7B%22ifid%22%3A2%7D", "application/x-www-form-urlencoded"), err);
  EXPECT_FALSE(p.has("username"));
  EXPECT_EQ(p.post("username"), "bob");
  EXPECT_EQ(p.csrf(), "t0k");
  EXPECT_EQ(p.number("ifid"), 2);  // a `payload` JSON object is expanded
}

TEST(Params, BodyWithoutContentTypeIsIgnored) {
  std::string err;
  Params p = Params::from_request(request("ifid=3", R"({"ifid": 0})"), err);
  EXPECT_EQ(p.number("ifid"), 3);
}

TEST(Params, CanonicalIsOrderIndependent) {
  std::string err;
  Params a = Params::from_request(request("perPage=5&ifid=0"), err);
  Params b = Params::from_request(request("ifid=0&perPage=5&junk=1"), err);
  EXPECT_EQ(a.canonical(), b.canonical());
}

TEST(Params, AlertFilterGrammar) {
  EXPECT_TRUE(valid_param("cli_ip", "10.1.1.7;eq,10.1.1.8;eq"));
  EXPECT_TRUE(valid_param("severity", "5;gte"));
  EXPECT_FALSE(valid_param("severity", "5;bogus"));
}

}  // namespace
}  // namespace wl
