#include "http/auth.h"

#include <gtest/gtest.h>

#include "http/request.h"
#include "util/ip_range.h"

namespace axis::http {
namespace {

Request request(std::string peer, std::vector<std::pair<std::string, std::string>> headers,
                std::string path = "/api/x") {
  Request r;
  r.method = "GET";
  r.path = std::move(path);
  r.peer_address = std::move(peer);
  r.headers = std::move(headers);
  return r;
}

TEST(IpRangeTest, AddressesAndCidrRangesOfBothFamilies) {
  const auto v4 = util::IpRange::parse("10.1.0.0/16");
  ASSERT_TRUE(v4);
  EXPECT_TRUE(v4->contains("10.1.255.3"));
  EXPECT_FALSE(v4->contains("10.2.0.1"));
  EXPECT_TRUE(v4->contains("::ffff:10.1.0.9"));
  EXPECT_FALSE(v4->contains("not an address"));
  const auto v6 = util::IpRange::parse("fd00::/8");
  ASSERT_TRUE(v6);
  EXPECT_TRUE(v6->contains("fd12::1"));
  EXPECT_FALSE(v6->contains("fe80::1"));
  EXPECT_TRUE(util::IpRange::parse("::1")->contains("::1"));
  EXPECT_TRUE(util::IpRange::parse("0.0.0.0/0")->contains("8.8.8.8"));
  EXPECT_FALSE(util::IpRange::parse("10.0.0.0/33"));
  EXPECT_FALSE(util::IpRange::parse("10.0.0/8"));
  EXPECT_FALSE(util::IpRange::parse("10.0.0.0/x"));
}

TEST(AuthPolicyTest, TokensAreCheckedOnlyWhereProtected) {
  AuthPolicy policy({{"a-token-of-sixteen+", "b-token-of-sixteen+"}, "", {}});
  EXPECT_TRUE(policy.enabled());
  EXPECT_FALSE(policy.check(request("1.2.3.4", {})).allowed);
  EXPECT_EQ(policy.check(request("1.2.3.4", {{"authorization", "Bearer wrong"}})).reason, "Invalid token");
  EXPECT_TRUE(policy.check(request("1.2.3.4", {{"authorization", "Bearer b-token-of-sixteen+"}})).allowed);
  EXPECT_TRUE(policy.check(request("1.2.3.4", {}, "/health")).allowed);
  EXPECT_TRUE(policy.check(request("1.2.3.4", {}, "/api/auth/status")).allowed);
  EXPECT_TRUE(policy.check(request("1.2.3.4", {}, "/api/config/assets/branding/logo.svg")).allowed);
  EXPECT_FALSE(AuthPolicy::protects("GET", "/apix"));
  EXPECT_TRUE(AuthPolicy::protects("POST", "/api/config/theme"));
  EXPECT_FALSE(AuthPolicy::protects("OPTIONS", "/api/data/upload"));
  EXPECT_FALSE(AuthPolicy({}).enabled());
}

TEST(AuthPolicyTest, TheIdentityHeaderAndForwardedForAreBelievedOnlyFromTrustedProxies) {
  AuthPolicy policy({{}, "X-Forwarded-User", {"127.0.0.1", "10.0.0.0/8"}});
  const auto from_proxy = policy.check(request("10.0.0.5", {{"x-forwarded-user", "alice"}}));
  EXPECT_TRUE(from_proxy.allowed);
  EXPECT_EQ(from_proxy.user, "alice");
  EXPECT_FALSE(policy.check(request("192.0.2.1", {{"x-forwarded-user", "alice"}})).allowed);

  const auto client = [&](const std::string& peer, const std::string& xff) {
    return policy.client_address(request(peer, {{"x-forwarded-for", xff}}));
  };
  EXPECT_EQ(client("127.0.0.1", "198.51.100.7, 203.0.113.9, 10.1.1.1"), "203.0.113.9");
  EXPECT_EQ(client("192.0.2.1", "203.0.113.9"), "192.0.2.1") << "an untrusted peer's header is ignored";
  EXPECT_EQ(client("127.0.0.1", "garbage, 10.1.1.1"), "127.0.0.1");
  EXPECT_EQ(client("127.0.0.1", ""), "127.0.0.1");
}

TEST(AuthPolicyTest, ConstantTimeEqualityComparesWholeValues) {
  EXPECT_TRUE(constant_time_equal("secret-value", "secret-value"));
  EXPECT_FALSE(constant_time_equal("secret-value", "secret-valuE"));
  EXPECT_FALSE(constant_time_equal("secret-value", "secret-value-longer"));
  EXPECT_FALSE(constant_time_equal("", "x"));
}

}  // namespace
}  // namespace axis::http
