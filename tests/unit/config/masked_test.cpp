#include "config/masked.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "config_test_util.h"

namespace axis::config {
namespace {

using testing::ConfigSandbox;

TEST(ConfigMasking, mask_url_hides_only_the_password) {
  EXPECT_EQ(mask_url("postgresql://user:pw@host:5432/db?sslmode=require"),
            "postgresql://user:********@host:5432/db?sslmode=require");
  EXPECT_EQ(mask_url("postgresql://user@host/db"), "postgresql://user@host/db");
  EXPECT_EQ(mask_url("postgresql://host:5432/db"), "postgresql://host:5432/db");
  EXPECT_EQ(mask_url("postgresql://u:p@ss/w@rd@host/db"), "postgresql://u:********@host/db");
  EXPECT_EQ(mask_url("postgresql://h/db?user=u&password=pw&sslmode=require"),
            "postgresql://h/db?user=u&password=********&sslmode=require");
  EXPECT_EQ(mask_url(""), "");
  EXPECT_EQ(mask_url("https://cloud.langfuse.com"), "https://cloud.langfuse.com");
}

TEST(ConfigMasking, masked_json_contains_no_secret_value) {
  ConfigSandbox box;
  box.yaml("kpi_db.yaml", "kpi_db:\n  enabled: true\n  url: postgresql://k:kpi-yaml-pw@h/db\n");
  box.options.env = {
      {"EVAL_DB_HOST", "h"},
      {"EVAL_DB_PASSWORD", "eval-pw-1"},
      {"MONITORING_DB_URL", "postgresql://m:mon-url-pw@h/db?password=mon-query-pw"},
      {"HUMAN_SIGNALS_DB_HOST", "h"},
      {"HUMAN_SIGNALS_DB_PASSWORD", "hs-pw-2"},
      {"AGENT_REPLAY_DB_HOST", "h"},
      {"AGENT_REPLAY_DB_PASSWORD", "replay-pw-3"},
      {"OPENAI_API_KEY", "sk-openai-4"},
      {"ANTHROPIC_API_KEY", "sk-ant-5"},
      {"GATEWAY_API_KEY", "gw-6"},
      {"GRAPH_DB_PASSWORD", "graph-pw-7"},
      {"LANGFUSE_PUBLIC_KEY", "pk-lf-8"},
      {"LANGFUSE_SECRET_KEY", "sk-lf-9"},
      {"LANGFUSE_BOT_PUBLIC_KEY", "pk-bot-10"},
      {"LANGFUSE_BOT_SECRET_KEY", "sk-bot-11"},
      {"AI_TOOLKIT_URL", "https://tk:toolkit-pw-12@toolkit"},
  };
  const Settings s = box.load();
  const nlohmann::json j = masked_settings_json(s);
  const std::string dump = j.dump();
  for (const char* secret : {"kpi-yaml-pw", "eval-pw-1", "mon-url-pw", "mon-query-pw", "hs-pw-2",
                             "replay-pw-3", "sk-openai-4", "sk-ant-5", "gw-6", "graph-pw-7",
                             "pk-lf-8", "sk-lf-9", "pk-bot-10", "sk-bot-11", "toolkit-pw-12"}) {
    EXPECT_EQ(dump.find(secret), std::string::npos) << secret;
  }
  EXPECT_EQ(j["sources"]["eval_db"]["password"], "********");
  EXPECT_EQ(j["sources"]["kpi_db"]["password"], "");
  EXPECT_EQ(j["sources"]["kpi_db"]["url"], "postgresql://k:********@h/db");
  EXPECT_EQ(j["ai"]["openai_api_key"], "********");
  EXPECT_EQ(j["langfuse"]["agents"]["bot"]["secret_key"], "********");
  EXPECT_EQ(j["graph_db"]["password"], "********");
  EXPECT_EQ(j["sources"]["eval_db"]["host"], "h");
  EXPECT_EQ(j["server"]["port"], 8500);
  EXPECT_EQ(j["theme"]["active"], "professional_blue");
  EXPECT_EQ(j["agents"], 0);
  EXPECT_EQ(j["plugins_enabled"], "*");
  EXPECT_TRUE(j["warnings"].is_array());
  EXPECT_TRUE(j["sources"]["monitoring_db"]["extras"].contains("anomaly_detection"));
}

TEST(ConfigMasking, unset_secrets_are_empty_strings) {
  ConfigSandbox box;
  const nlohmann::json j = masked_settings_json(box.load());
  EXPECT_EQ(j["ai"]["openai_api_key"], "");
  EXPECT_EQ(j["langfuse"]["secret_key"], "");
  EXPECT_EQ(j["sources"]["eval_db"]["password"], "");
  EXPECT_EQ(j["sources"]["eval_db"]["url"], "");
}

TEST(ConfigMasking, errors_never_quote_a_secret) {
  ConfigSandbox box;
  box.options.env = {
      {"EVAL_DB_HOST", "h"}, {"EVAL_DB_PASSWORD", "pw-in-env"}, {"EVAL_DB_SSL_MODE", "bogus"}};
  try {
    box.load();
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()).find("pw-in-env"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("EVAL_DB_SSL_MODE"), std::string::npos);
  }
}

}  // namespace
}  // namespace axis::config
