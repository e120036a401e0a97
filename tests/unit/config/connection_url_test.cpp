#include <gtest/gtest.h>

#include "config/settings.h"

namespace axis::config {
namespace {

SourceSettings source() {
  SourceSettings s;
  s.host = "db.internal";
  s.port = 5433;
  s.database = "evals";
  s.username = "reader";
  return s;
}

TEST(ConfigConnectionUrl, built_from_parts_with_the_standard_parameters) {
  SourceSettings s = source();
  s.password = "secret";
  EXPECT_EQ(connection_url(s),
            "postgresql://reader:secret@db.internal:5433/evals"
            "?connect_timeout=10&application_name=axis-backend&sslmode=prefer");
}

TEST(ConfigConnectionUrl, password_reserved_characters_are_percent_encoded) {
  SourceSettings s = source();
  s.username = "us er";
  s.password = "p@ss:w/rd ?#%";
  EXPECT_EQ(connection_url(s),
            "postgresql://us%20er:p%40ss%3Aw%2Frd%20%3F%23%25@db.internal:5433/evals"
            "?connect_timeout=10&application_name=axis-backend&sslmode=prefer");
}

TEST(ConfigConnectionUrl, missing_host_means_localhost_and_no_userinfo) {
  SourceSettings s;
  s.database = "d";
  s.ssl_mode = "";
  EXPECT_EQ(connection_url(s),
            "postgresql://localhost:5432/d?connect_timeout=10&application_name=axis-backend");
}

TEST(ConfigConnectionUrl, url_sslmode_is_kept) {
  SourceSettings s;
  s.url = "postgresql://u:p@h/db?sslmode=require";
  s.ssl_mode = "prefer";
  EXPECT_EQ(
      connection_url(s),
      "postgresql://u:p@h/db?sslmode=require&connect_timeout=10&application_name=axis-backend");
}

TEST(ConfigConnectionUrl, disable_is_passed_through) {
  SourceSettings s;
  s.url = "postgresql://h/db";
  s.ssl_mode = "disable";
  EXPECT_EQ(connection_url(s),
            "postgresql://h/db?connect_timeout=10&application_name=axis-backend&sslmode=disable");
}

TEST(ConfigConnectionUrl, parameters_already_in_the_url_are_not_repeated) {
  SourceSettings s;
  s.url = "postgresql://h/db?application_name=mine&connect_timeout=3";
  EXPECT_EQ(connection_url(s),
            "postgresql://h/db?application_name=mine&connect_timeout=3&sslmode=prefer");
}

TEST(ConfigConnectionUrl, agent_replay_connect_timeout_is_used) {
  SourceSettings s;
  s.url = "postgresql://h/db";
  s.connect_timeout = 4;
  s.ssl_mode = "require";
  EXPECT_EQ(connection_url(s),
            "postgresql://h/db?connect_timeout=4&application_name=axis-backend&sslmode=require");
}

TEST(ConfigConnectionUrl, ipv6_host_is_bracketed) {
  SourceSettings s;
  s.host = "::1";
  s.database = "d";
  s.ssl_mode = "";
  EXPECT_EQ(connection_url(s),
            "postgresql://[::1]:5432/d?connect_timeout=10&application_name=axis-backend");
}

}  // namespace
}  // namespace axis::config
