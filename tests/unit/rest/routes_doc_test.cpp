// docs/rest-api.md lists every path the server answers: this test keeps the
// list and the route table from drifting apart (and prints the missing lines).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "rest/routes.h"

namespace wl {
namespace {

std::string public_path(const std::string& key) {
  if (key == "version.lua") return "/lua/rest/version.lua";
  bool pro = key.rfind("pro/", 0) == 0;
  std::string out = pro ? "/lua/pro/rest/v2/" : "/lua/rest/v2/";
  out.append(key, pro ? 4 : 0, std::string::npos);
  return out;
}

TEST(RoutesDoc, EveryRouteIsListedInRestApiMd) {
  std::ifstream in(std::string(WIRELENS_SOURCE_DIR) + "/docs/rest-api.md");
  ASSERT_TRUE(in) << "docs/rest-api.md not found";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  std::string missing;
  for (const auto& [key, route] : all_routes()) {
    std::string quoted = public_path(key);
    quoted.insert(quoted.begin(), '`');
    quoted.push_back('`');
    if (doc.find(quoted) == std::string::npos) missing.append("- ").append(quoted).append("\n");
  }
  EXPECT_TRUE(missing.empty()) << "add to docs/rest-api.md:\n" << missing;
}

}  // namespace
}  // namespace wl
