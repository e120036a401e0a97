#include <gtest/gtest.h>

#include <filesystem>

#include "config_test_util.h"

namespace axis::config {
namespace {

namespace fs = std::filesystem;
using testing::ConfigSandbox;

const std::vector<std::string> kExampleFiles = {
    "duckdb.yaml",  "theme.yaml",           "agents.yaml",
    "eval_db.yaml", "monitoring_db.yaml",   "human_signals_db.yaml",
    "kpi_db.yaml",  "agent_replay_db.yaml", "signals_metrics.yaml",
    "memory.yaml",  "agent_replay.yaml"};

TEST(ConfigExamples, every_yaml_example_exists_and_loads) {
  const fs::path examples = fs::path(AXIS_SOURCE_DIR) / "config";
  ConfigSandbox box;
  fs::create_directories(box.config_dir());
  for (const auto& name : kExampleFiles) {
    const fs::path source = examples / (name + ".example");
    ASSERT_TRUE(fs::exists(source)) << source;
    fs::copy_file(source, box.config_dir() / name);
  }
  box.options.env = {{"EVAL_DB_PASSWORD", "x"},
                     {"MONITORING_DB_PASSWORD", "x"},
                     {"HUMAN_SIGNALS_DB_PASSWORD", "x"},
                     {"KPI_DB_PASSWORD", "x"},
                     {"AGENT_REPLAY_DB_PASSWORD", "x"}};
  Settings s;
  ASSERT_NO_THROW(s = box.load());
  EXPECT_EQ(s.files_read.size(), kExampleFiles.size());
  EXPECT_TRUE(s.eval_db.configured());
  EXPECT_FALSE(s.eval_db.dataset_query.empty());
  EXPECT_FALSE(s.eval_db.results_query.empty());
  EXPECT_FALSE(s.monitoring_db.dataset_query.empty());
  EXPECT_FALSE(s.human_signals_db.results_query.empty());
  EXPECT_FALSE(s.kpi_db.query.empty());
  EXPECT_FALSE(s.agents.empty());
  for (const auto& w : s.warnings) ADD_FAILURE() << "unexpected warning: " << w;
}

TEST(ConfigExamples, dotenv_example_parses_and_loads) {
  const fs::path example = fs::path(AXIS_SOURCE_DIR) / ".env.example";
  ASSERT_TRUE(fs::exists(example));
  ConfigSandbox box;
  box.options.dotenv_path = example.string();
  Settings s;
  ASSERT_NO_THROW(s = box.load());
  EXPECT_EQ(s.server.port, 8500);
  EXPECT_EQ(s.server.host, "127.0.0.1");
}

}  // namespace
}  // namespace axis::config
