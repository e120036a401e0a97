#include <gtest/gtest.h>

#include "config/config_error.h"
#include "config/env.h"
#include "config_test_util.h"

namespace axis::config {
namespace {

using detail::parse_dotenv;
using testing::ConfigSandbox;

TEST(ConfigDotenv, parses_comments_export_and_quotes) {
  const auto entries = parse_dotenv(
      "# a comment\n"
      "\n"
      "PLAIN=value  # trailing comment\n"
      "export EXPORTED=yes\n"
      "SINGLE='literal ${X} \\n # not a comment'\n"
      "DOUBLE=\"line\\nbreak \\\"quoted\\\"\"\r\n"
      "EMPTY=\n"
      "HASH=abc#def\n"
      "BARE_NAME\n",
      ".env");
  ASSERT_EQ(entries.size(), 6u);
  EXPECT_EQ(entries[0].name, "PLAIN");
  EXPECT_EQ(entries[0].value, "value");
  EXPECT_EQ(entries[1].name, "EXPORTED");
  EXPECT_EQ(entries[1].value, "yes");
  EXPECT_EQ(entries[2].value, "literal ${X} \\n # not a comment");
  EXPECT_EQ(entries[3].value, "line\nbreak \"quoted\"");
  EXPECT_EQ(entries[4].value, "");
  EXPECT_EQ(entries[5].value, "abc#def");
}

TEST(ConfigDotenv, unterminated_quote_names_file_and_line) {
  try {
    parse_dotenv("A=1\nB=\"open\n", "/x/.env");
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_STREQ(e.what(), "/x/.env: line 2: unterminated quoted value");
  }
}

TEST(ConfigDotenv, garbage_line_is_an_error) {
  EXPECT_THROW(parse_dotenv("this is not an assignment\n", ".env"), ConfigError);
  EXPECT_THROW(parse_dotenv("1BAD=x\n", ".env"), ConfigError);
}

TEST(ConfigDotenv, never_overrides_the_process_environment) {
  ConfigSandbox box;
  box.dotenv("PORT=9100\nHOST=10.0.0.1\nAPP_NAME=FromDotenv\n");
  box.options.env["PORT"] = "9200";
  box.options.env["app_name"] = "FromProcess";
  const Settings s = box.load();
  EXPECT_EQ(s.server.port, 9200);
  EXPECT_EQ(s.server.host, "10.0.0.1");
  EXPECT_EQ(s.server.app_name, "FromProcess");
}

TEST(ConfigDotenv, missing_file_is_not_an_error) {
  ConfigSandbox box;
  box.options.dotenv_path = box.dir.str() + "/does-not-exist.env";
  EXPECT_EQ(box.load().server.port, 8500);
}

TEST(ConfigEnv, names_are_case_insensitive) {
  ConfigSandbox box;
  box.options.env["port"] = "9300";
  box.options.env["Debug"] = "off";
  box.options.env["llm_model_name"] = "gpt-4o";
  const Settings s = box.load();
  EXPECT_EQ(s.server.port, 9300);
  EXPECT_FALSE(s.server.debug);
  EXPECT_EQ(s.ai.llm_model_name, "gpt-4o");
}

TEST(ConfigEnv, exact_upper_case_name_wins_over_other_spellings) {
  ConfigSandbox box;
  box.options.env["port"] = "9301";
  box.options.env["PORT"] = "9302";
  EXPECT_EQ(box.load().server.port, 9302);
}

TEST(ConfigEnv, every_boolean_form_is_accepted) {
  const std::pair<const char*, bool> forms[] = {
      {"true", true},   {"TRUE", true},   {"1", true},  {"yes", true}, {"On", true},
      {"false", false}, {"False", false}, {"0", false}, {"no", false}, {"OFF", false}};
  for (const auto& [text, expected] : forms) {
    ConfigSandbox box;
    box.options.env["COPILOT_ENABLED"] = text;
    EXPECT_EQ(box.load().ai.copilot_enabled, expected) << text;
  }
}

TEST(ConfigEnv, invalid_boolean_names_the_variable) {
  ConfigSandbox box;
  box.options.env["COPILOT_ENABLED"] = "maybe";
  try {
    box.load();
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("COPILOT_ENABLED"), std::string::npos) << what;
    EXPECT_NE(what.find("boolean"), std::string::npos) << what;
  }
}

TEST(ConfigEnv, invalid_boolean_from_dotenv_names_the_file) {
  ConfigSandbox box;
  box.dotenv("AXIS_ACCESS_LOG=sometimes\n");
  try {
    box.load();
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(".env"), std::string::npos) << what;
    EXPECT_NE(what.find("AXIS_ACCESS_LOG"), std::string::npos) << what;
  }
}

TEST(ConfigEnv, invalid_integer_and_float_are_errors) {
  ConfigSandbox a;
  a.options.env["PORT"] = "80x";
  EXPECT_THROW(a.load(), ConfigError);
  ConfigSandbox b;
  b.options.env["AXIS_THEME_HERO_OPACITY"] = "half";
  EXPECT_THROW(b.load(), ConfigError);
  ConfigSandbox c;
  c.options.env["WORKERS"] = "2.5";
  EXPECT_THROW(c.load(), ConfigError);
}

TEST(ConfigEnv, empty_variable_means_default) {
  ConfigSandbox box;
  box.options.env["PORT"] = "";
  box.options.env["DEBUG"] = "";
  box.options.env["HOST"] = "";
  box.options.env["EVAL_DB_HOST"] = "pg";
  box.options.env["EVAL_DB_SSL_MODE"] = "";
  const Settings s = box.load();
  EXPECT_EQ(s.server.port, 8500);
  EXPECT_TRUE(s.server.debug);
  EXPECT_EQ(s.server.host, "127.0.0.1");
  EXPECT_EQ(s.eval_db.ssl_mode, "prefer");
}

TEST(ConfigEnv, invalid_log_level_is_an_error_and_forms_are_normalised) {
  ConfigSandbox bad;
  bad.options.env["AXIS_LOG_LEVEL"] = "loud";
  EXPECT_THROW(bad.load(), ConfigError);
  ConfigSandbox good;
  good.options.env["LOG_LEVEL"] = "WARNING";
  EXPECT_EQ(good.load().server.log_level, "warn");
}

}  // namespace
}  // namespace axis::config
