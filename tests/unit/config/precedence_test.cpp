#include <gtest/gtest.h>

#include <thread>

#include "config_test_util.h"

namespace axis::config {
namespace {

using testing::ConfigSandbox;

TEST(ConfigPrecedence, defaults_apply_with_nothing_configured) {
  ConfigSandbox box;
  const Settings s = box.load();
  EXPECT_EQ(s.server.host, "127.0.0.1");
  EXPECT_EQ(s.server.port, 8500);
  EXPECT_TRUE(s.server.debug);
  EXPECT_EQ(s.server.app_name, "AXIS");
  EXPECT_EQ(s.server.log_level, "info");
  EXPECT_EQ(s.server.plugins_enabled, "*");
  EXPECT_EQ(s.server.custom_dir, box.dir.str() + "/custom");
  EXPECT_EQ(s.server.data_dir, box.dir.str() + "/data");
  EXPECT_EQ(s.config_dir, box.dir.str() + "/custom/config");
  EXPECT_EQ(s.store.path, box.dir.str() + "/data/local_store.duckdb");
  EXPECT_TRUE(s.store.enabled);
  EXPECT_EQ(s.store.sync_mode, "startup");
  EXPECT_EQ(s.theme.active, "professional_blue");
  EXPECT_TRUE(s.ai.copilot_enabled);
  EXPECT_EQ(s.ai.llm_model_name, "gpt-4");
  EXPECT_EQ(s.ai.embedding_model_name, "text-embedding-ada-002");
  EXPECT_EQ(s.graph_db.host, "");  // unset: the embedded graph serves
  EXPECT_EQ(s.graph_db.port, 6379);
  EXPECT_EQ(s.graph_db.name, "knowledge_graph");
  EXPECT_FALSE(s.langfuse.agent_replay_enabled);
  EXPECT_EQ(s.langfuse.host, "https://cloud.langfuse.com");
  EXPECT_FALSE(s.eval_db.enabled);
  EXPECT_TRUE(s.files_read.empty());
  EXPECT_TRUE(s.warnings.empty());
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  EXPECT_EQ(s.server.workers, std::min(cores, 256));
  EXPECT_EQ(s.server.blocking_threads, std::max(4, 2 * cores));
}

TEST(ConfigPrecedence, dotenv_beats_default) {
  ConfigSandbox box;
  box.dotenv("PORT=9001\n");
  EXPECT_EQ(box.load().server.port, 9001);
}

TEST(ConfigPrecedence, process_env_beats_dotenv) {
  ConfigSandbox box;
  box.dotenv("PORT=9001\n");
  box.options.env["PORT"] = "9002";
  EXPECT_EQ(box.load().server.port, 9002);
}

TEST(ConfigPrecedence, command_line_beats_process_env) {
  ConfigSandbox box;
  box.dotenv("PORT=9001\nHOST=1.1.1.1\nWORKERS=3\nAXIS_LOG_LEVEL=debug\nAXIS_ACCESS_LOG=true\n");
  box.options.env["PORT"] = "9002";
  box.options.env["HOST"] = "2.2.2.2";
  box.options.env["AXIS_DATA_DIR"] = "/env/data";
  box.options.port = 9003;
  box.options.host = "0.0.0.0";
  box.options.workers = 5;
  box.options.log_level = "error";
  box.options.access_log = false;
  box.options.data_dir = "cli-data";
  const Settings s = box.load();
  EXPECT_EQ(s.server.port, 9003);
  EXPECT_EQ(s.server.host, "0.0.0.0");
  EXPECT_EQ(s.server.workers, 5);
  EXPECT_EQ(s.server.log_level, "error");
  EXPECT_FALSE(s.server.access_log);
  EXPECT_EQ(s.server.data_dir, box.dir.str() + "/cli-data");
}

TEST(ConfigPrecedence, theme_yaml_beats_default_and_env_beats_yaml) {
  ConfigSandbox box;
  box.yaml("theme.yaml", "active: slate_teal\n");
  EXPECT_EQ(box.load().theme.active, "slate_teal");
  box.dotenv("AXIS_THEME_ACTIVE=warm_terracotta\n");
  EXPECT_EQ(box.load().theme.active, "warm_terracotta");
  box.options.env["AXIS_THEME_ACTIVE"] = "midnight_indigo";
  EXPECT_EQ(box.load().theme.active, "midnight_indigo");
}

TEST(ConfigPrecedence, custom_dir_from_env_and_command_line) {
  ConfigSandbox box;
  testing::write_file(box.dir.path() / "env-custom" / "config" / "theme.yaml",
                      "active: sage_green\n");
  testing::write_file(box.dir.path() / "cli-custom" / "config" / "theme.yaml",
                      "active: slate_teal\n");
  box.options.env["AXIS_CUSTOM_DIR"] = box.dir.str() + "/env-custom";
  EXPECT_EQ(box.load().theme.active, "sage_green");
  box.options.custom_dir = "cli-custom";
  const Settings s = box.load();
  EXPECT_EQ(s.theme.active, "slate_teal");
  EXPECT_EQ(s.server.custom_dir, box.dir.str() + "/cli-custom");
  ASSERT_EQ(s.files_read.size(), 1u);
  EXPECT_EQ(s.files_read[0], box.dir.str() + "/cli-custom/config/theme.yaml");
}

TEST(ConfigPrecedence, example_files_are_never_read) {
  ConfigSandbox box;
  box.yaml("theme.yaml.example", "active: slate_teal\n");
  EXPECT_EQ(box.load().theme.active, "professional_blue");
}

TEST(ConfigServer, cors_origins_are_fixed_then_frontend_urls_deduplicated) {
  ConfigSandbox box;
  box.options.env["FRONTEND_URL"] = "https://axis.example.com/";
  box.options.env["FRONTEND_URLS"] =
      " https://a.example.com , "
      ",http://localhost:3500,https://axis.example.com,https://b.example.com";
  const Settings s = box.load();
  const std::vector<std::string> expected = {"http://localhost:3500", "http://127.0.0.1:3500",
                                             "https://axis.example.com", "https://a.example.com",
                                             "https://b.example.com"};
  EXPECT_EQ(s.server.cors_origins, expected);
  EXPECT_EQ(s.server.frontend_urls.size(), 4u);
  EXPECT_EQ(s.server.frontend_urls[0], "https://a.example.com");
}

TEST(ConfigServer, default_cors_origins_have_no_duplicates) {
  ConfigSandbox box;
  const std::vector<std::string> expected = {"http://localhost:3500", "http://127.0.0.1:3500"};
  EXPECT_EQ(box.load().server.cors_origins, expected);
}

TEST(ConfigServer, plugins_enabled_keeps_empty_and_normalises_lists) {
  ConfigSandbox none;
  none.options.env["AXIS_PLUGINS_ENABLED"] = "";
  EXPECT_EQ(none.load().server.plugins_enabled, "");
  ConfigSandbox list;
  list.options.env["AXIS_PLUGINS_ENABLED"] = " memory , agent_replay ,";
  EXPECT_EQ(list.load().server.plugins_enabled, "memory,agent_replay");
}

TEST(ConfigServer, web_dir_defaults_beside_the_sources_and_env_overrides) {
  ConfigSandbox box;
  EXPECT_EQ(box.load().server.web_dir, std::string(AXIS_SOURCE_DIR) + "/web/dist");
  box.options.env["AXIS_WEB_DIR"] = "ui";
  EXPECT_EQ(box.load().server.web_dir, box.dir.str() + "/ui");
}

TEST(ConfigServer, server_env_vars_are_read) {
  ConfigSandbox box;
  box.options.env = {{"AXIS_BLOCKING_THREADS", "6"},
                     {"AXIS_BLOCKING_QUEUE", "64"},
                     {"AXIS_MAX_JSON_BYTES", "2048"},
                     {"AXIS_MAX_UPLOAD_BYTES", "4096"},
                     {"AXIS_HEADER_TIMEOUT", "5"},
                     {"AXIS_IDLE_TIMEOUT", "9"},
                     {"AXIS_SHUTDOWN_GRACE", "0"},
                     {"APP_NAME", "Probe"},
                     {"DEBUG", "false"},
                     {"AXIS_ACCESS_LOG", "no"}};
  const Settings s = box.load();
  EXPECT_EQ(s.server.blocking_threads, 6);
  EXPECT_EQ(s.server.blocking_queue, 64);
  EXPECT_EQ(s.server.max_json_bytes, 2048u);
  EXPECT_EQ(s.server.max_upload_bytes, 4096u);
  EXPECT_EQ(s.server.header_timeout_seconds, 5);
  EXPECT_EQ(s.server.idle_timeout_seconds, 9);
  EXPECT_EQ(s.server.shutdown_grace_seconds, 0);
  EXPECT_EQ(s.server.app_name, "Probe");
  EXPECT_FALSE(s.server.debug);
  EXPECT_FALSE(s.server.access_log);
}

TEST(ConfigClamps, server_numbers_are_clamped_with_a_warning) {
  ConfigSandbox box;
  box.options.env["PORT"] = "70000";
  box.options.env["WORKERS"] = "1000";
  const Settings s = box.load();
  EXPECT_EQ(s.server.port, 65535);
  EXPECT_EQ(s.server.workers, 256);
  ASSERT_EQ(s.warnings.size(), 2u);
  EXPECT_NE(s.warnings[0].find("PORT"), std::string::npos);
  EXPECT_NE(s.warnings[1].find("WORKERS"), std::string::npos);
  box.options.port = 0;
  EXPECT_EQ(box.load().server.port, 1);
}

TEST(ConfigServices, ai_graph_and_langfuse_come_from_env) {
  ConfigSandbox box;
  box.options.env = {{"OPENAI_API_KEY", "sk-1"},      {"OPENAI_API_BASE", "https://llm"},
                     {"ANTHROPIC_API_KEY", "ak"},     {"GATEWAY_API_KEY", "gk"},
                     {"AI_TOOLKIT_URL", "http://tk"}, {"COPILOT_ENABLED", "0"},
                     {"GRAPH_DB_HOST", "falkor"},     {"GRAPH_DB_PORT", "6380"},
                     {"GRAPH_DB_NAME", "g"},          {"GRAPH_DB_PASSWORD", "gp"},
                     {"AGENT_REPLAY_ENABLED", "yes"}, {"LANGFUSE_PUBLIC_KEY", "pk"},
                     {"LANGFUSE_SECRET_KEY", "sk"},   {"LANGFUSE_HOST", "https://lf.local"}};
  const Settings s = box.load();
  EXPECT_EQ(s.ai.openai_api_key, "sk-1");
  EXPECT_EQ(s.ai.openai_api_base, "https://llm");
  EXPECT_EQ(s.ai.anthropic_api_key, "ak");
  EXPECT_EQ(s.ai.gateway_api_key, "gk");
  EXPECT_EQ(s.ai.ai_toolkit_url, "http://tk");
  EXPECT_FALSE(s.ai.copilot_enabled);
  EXPECT_EQ(s.graph_db.host, "falkor");
  EXPECT_EQ(s.graph_db.port, 6380);
  EXPECT_EQ(s.graph_db.name, "g");
  EXPECT_EQ(s.graph_db.password, "gp");
  EXPECT_TRUE(s.langfuse.agent_replay_enabled);
  EXPECT_EQ(s.langfuse.public_key, "pk");
  EXPECT_EQ(s.langfuse.secret_key, "sk");
  EXPECT_EQ(s.langfuse.host, "https://lf.local");
}

TEST(ConfigServices, langfuse_agents_need_a_secret_and_inherit_the_host) {
  ConfigSandbox box;
  box.options.env = {
      {"LANGFUSE_HOST", "https://global"},        {"LANGFUSE_CREDIT-BOT_PUBLIC_KEY", "pk-c"},
      {"LANGFUSE_CREDIT-BOT_SECRET_KEY", "sk-c"}, {"langfuse_Support_public_key", "pk-s"},
      {"LANGFUSE_SUPPORT_SECRET_KEY", "sk-s"},    {"LANGFUSE_SUPPORT_HOST", "https://support"},
      {"LANGFUSE_ORPHAN_PUBLIC_KEY", "pk-o"}};
  const Settings s = box.load();
  ASSERT_EQ(s.langfuse.agents.size(), 2u);
  EXPECT_EQ(s.langfuse.agents.at("credit-bot").secret_key, "sk-c");
  EXPECT_EQ(s.langfuse.agents.at("credit-bot").host, "https://global");
  EXPECT_EQ(s.langfuse.agents.at("support").public_key, "pk-s");
  EXPECT_EQ(s.langfuse.agents.at("support").host, "https://support");
  EXPECT_EQ(s.langfuse.agents.count("orphan"), 0u);
}

}  // namespace
}  // namespace axis::config
