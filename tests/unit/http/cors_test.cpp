#include <gtest/gtest.h>

#include "http/cors.h"

namespace axis::http {
namespace {

std::string header(const HeaderList& headers, const std::string& name) {
  for (const auto& [k, v] : headers) if (k == name) return v;
  return "<absent>";
}

TEST(Cors, AllowedOriginIsEchoedWithCredentialsAndVary) {
  CorsPolicy cors({"http://localhost:3500", "https://axis.example.com"});
  auto h = cors.response_headers("https://axis.example.com");
  EXPECT_EQ(header(h, "Access-Control-Allow-Origin"), "https://axis.example.com");
  EXPECT_EQ(header(h, "Access-Control-Allow-Credentials"), "true");
  EXPECT_EQ(header(h, "Vary"), "Origin");
}

TEST(Cors, OriginMustMatchExactly) {
  CorsPolicy cors({"http://localhost:3500"});
  EXPECT_FALSE(cors.allows("http://localhost:3500/"));
  EXPECT_FALSE(cors.allows("http://localhost:35000"));
  EXPECT_FALSE(cors.allows("HTTP://LOCALHOST:3500"));
  EXPECT_TRUE(cors.response_headers("http://evil.example").empty());
}

TEST(Cors, WildcardIsNeverHonoured) {
  CorsPolicy cors({"*", "http://localhost:3500"});
  EXPECT_FALSE(cors.allows("http://anything.example"));
  EXPECT_FALSE(cors.allows("*"));
  EXPECT_EQ(cors.origins().size(), 1u);
}

TEST(Cors, PatternStarMatchesInsideOneHostLabel) {
  CorsPolicy cors({"https://axis-*-team.vercel.app"});
  EXPECT_TRUE(cors.allows("https://axis-git-feature-x-team.vercel.app"));
  EXPECT_TRUE(cors.allows("https://axis-3kq9z-team.vercel.app"));
  EXPECT_FALSE(cors.allows("https://axis--team.vercel.app.evil.com"));
  EXPECT_FALSE(cors.allows("https://axis-a.evil.com/x-team.vercel.app"));  // no dot or slash
  EXPECT_FALSE(cors.allows("https://axis-a.b-team.vercel.app"));
  EXPECT_FALSE(cors.allows("https://axis--team.vercel.app"));  // one character at least
  EXPECT_FALSE(cors.allows("http://axis-a-team.vercel.app"));  // the scheme is literal
  EXPECT_FALSE(cors.allows("https://axis-a-team.vercel.app:8443"));
  EXPECT_EQ(header(cors.preflight("https://axis-pr-12-team.vercel.app", "").headers,
                   "Access-Control-Allow-Origin"),
            "https://axis-pr-12-team.vercel.app");
  EXPECT_TRUE(is_origin_pattern("https://*.example.com"));
  EXPECT_FALSE(is_origin_pattern("*"));
}

TEST(Cors, PreflightFromAllowedOriginListsMethodsAndEchoesHeaders) {
  CorsPolicy cors({"http://localhost:3500"});
  auto p = cors.preflight("http://localhost:3500", "content-type, x-request-id");
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(header(p.headers, "Access-Control-Allow-Methods"),
            "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
  EXPECT_EQ(header(p.headers, "Access-Control-Allow-Headers"), "content-type, x-request-id");
  EXPECT_EQ(header(p.headers, "Access-Control-Max-Age"), "600");
  EXPECT_EQ(header(p.headers, "Access-Control-Allow-Origin"), "http://localhost:3500");
}

TEST(Cors, PreflightFromUnknownOriginIs400WithDetail) {
  CorsPolicy cors({"http://localhost:3500"});
  auto p = cors.preflight("http://evil.example", "");
  EXPECT_EQ(p.status, 400);
  EXPECT_EQ(p.body, R"({"detail":"Disallowed CORS origin"})");
  EXPECT_EQ(header(p.headers, "Access-Control-Allow-Origin"), "<absent>");
}

TEST(Cors, PreflightNeedsOptionsOriginAndRequestedMethod) {
  EXPECT_TRUE(is_preflight("OPTIONS", "http://a", "POST"));
  EXPECT_FALSE(is_preflight("OPTIONS", "http://a", ""));
  EXPECT_FALSE(is_preflight("OPTIONS", "", "POST"));
  EXPECT_FALSE(is_preflight("GET", "http://a", "POST"));
}

}  // namespace
}  // namespace axis::http
