#include <gtest/gtest.h>

#include "config/connection_parts.h"

namespace axis::config {
namespace {

SourceSettings source(const std::string& url, const std::string& host = "") {
  SourceSettings s;
  s.url = url;
  s.host = host;
  return s;
}

TEST(ConnectionParts, none_without_a_host_or_url) {
  EXPECT_FALSE(connection_parts(SourceSettings{}).has_value());
}

TEST(ConnectionParts, the_fields_when_a_host_is_set) {
  SourceSettings s = source("postgresql://other:pw@elsewhere/x", "db.internal");
  s.port = 6543;
  s.database = "metrics";
  s.username = "reader";
  s.password = "secret";
  s.ssl_mode = "require";
  const auto p = connection_parts(s);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->host, "db.internal");
  EXPECT_EQ(p->port, 6543);
  EXPECT_EQ(p->database, "metrics");
  EXPECT_EQ(p->username, "reader");
  EXPECT_EQ(p->ssl_mode, "require");
}

TEST(ConnectionParts, parsed_from_the_url_without_its_password) {
  const auto p = connection_parts(source("postgresql://an%40alyst:p@ss:w/rd@pg.example.com:5433/mon%20db?sslmode=require&application_name=x"));
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->host, "pg.example.com");
  EXPECT_EQ(p->port, 5433);
  EXPECT_EQ(p->database, "mon db");
  EXPECT_EQ(p->username, "an@alyst");
  EXPECT_EQ(p->ssl_mode, "require");
}

TEST(ConnectionParts, url_defaults_and_ipv6_hosts) {
  const auto p = connection_parts(source("postgres://[::1]/metrics"));
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->host, "::1");
  EXPECT_EQ(p->port, 5432);
  EXPECT_EQ(p->database, "metrics");
  EXPECT_EQ(p->username, "");
  EXPECT_EQ(p->ssl_mode, "prefer");
  const auto q = connection_parts(source("postgresql://u@[2001:db8::2]:6000"));
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(q->host, "2001:db8::2");
  EXPECT_EQ(q->port, 6000);
  EXPECT_EQ(q->database, "");
  EXPECT_EQ(q->username, "u");
}

}  // namespace
}  // namespace axis::config
