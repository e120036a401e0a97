#include <gtest/gtest.h>

#include "config_test_util.h"

namespace axis::config {
namespace {

using testing::ConfigSandbox;

std::string load_error(const ConfigSandbox& box) {
  try {
    box.load();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ConfigYamlErrors, wrong_type_names_file_key_and_reason) {
  ConfigSandbox box;
  box.yaml("theme.yaml", "palettes:\n  x:\n    heroOpacity: abc\n");
  EXPECT_EQ(load_error(box), box.config_path("theme.yaml") +
                                 ": key 'palettes.x.heroOpacity': expected a number, got 'abc' "
                                 "(line 3)");
}

TEST(ConfigYamlErrors, syntax_error_names_file_and_line) {
  ConfigSandbox box;
  box.yaml("duckdb.yaml", "duckdb:\n  enabled: [true\n  path: x\n");
  const std::string what = load_error(box);
  EXPECT_EQ(what.rfind(box.config_path("duckdb.yaml") + ": invalid YAML at line ", 0), 0u) << what;
}

TEST(ConfigYamlErrors, wrong_types_in_source_files_stop_start_up) {
  const std::pair<const char*, const char*> cases[] = {
      {"eval_db.yaml", "eval_db:\n  port: fivefourthreetwo\n"},
      {"eval_db.yaml", "eval_db:\n  enabled: perhaps\n"},
      {"eval_db.yaml", "eval_db:\n  columns: [a, b]\n"},
      {"eval_db.yaml", "eval_db:\n  tables: public.a\n"},
      {"eval_db.yaml", "eval_db:\n  ssl_mode: sometimes\n"},
      {"eval_db.yaml", "eval_db: just text\n"},
      {"monitoring_db.yaml", "monitoring_db:\n  thresholds: {default: {good: high}}\n"},
      {"monitoring_db.yaml",
       "monitoring_db:\n  anomaly_detection: {z_score: {severity: apocalyptic}}\n"},
      {"kpi_db.yaml", "kpi_db:\n  kpi_overrides: [a]\n"},
      {"duckdb.yaml", "duckdb:\n  memory_limit: \"1GB'; DROP TABLE x\"\n"},
      {"duckdb.yaml", "- a list at the top\n"},
      {"agents.yaml", "agents: {name: not_a_list}\n"},
      {"memory.yaml", "memory: [unclosed\n"},
      {"signals_metrics.yaml", "key: value\n  bad indent: here\n"},
  };
  for (const auto& [file, text] : cases) {
    ConfigSandbox box;
    box.yaml(file, text);
    const std::string what = load_error(box);
    EXPECT_EQ(what.rfind(box.config_path(file) + ":", 0), 0u)
        << file << " / " << text << " -> " << what;
  }
}

TEST(ConfigYamlErrors, key_path_is_in_the_message) {
  ConfigSandbox box;
  box.yaml("eval_db.yaml", "eval_db:\n  enabled: true\n  row_limit: many\n");
  const std::string what = load_error(box);
  EXPECT_NE(what.find("key 'eval_db.row_limit'"), std::string::npos) << what;
  EXPECT_NE(what.find("expected an integer, got 'many'"), std::string::npos) << what;
}

TEST(ConfigYamlErrors, empty_file_is_accepted) {
  ConfigSandbox box;
  box.yaml("theme.yaml", "");
  box.yaml("duckdb.yaml", "# nothing\n");
  EXPECT_NO_THROW(box.load());
}

TEST(ConfigInterpolation, variables_and_defaults_are_expanded) {
  ConfigSandbox box;
  box.yaml("eval_db.yaml", R"(eval_db:
  enabled: ${EVAL_ON:-false}
  url: "postgresql://reader:${DB_PASSWORD}@${DB_HOST:-localhost}:${DB_PORT:-5432}/evals"
  port: ${DB_PORT:-6000}
  database: "${EMPTY_VAR:-fallback}"
  username: "$NOT_A_REFERENCE ${ not-a-name }"
)");
  box.options.env = {{"DB_PASSWORD", "s3cret"}, {"EVAL_ON", "true"}, {"EMPTY_VAR", ""}};
  box.dotenv("DB_HOST=pg.from.dotenv\n");
  const Settings s = box.load();
  EXPECT_TRUE(s.eval_db.enabled);
  EXPECT_EQ(s.eval_db.url, "postgresql://reader:s3cret@pg.from.dotenv:5432/evals");
  EXPECT_EQ(s.eval_db.port, 6000);
  EXPECT_EQ(s.eval_db.database, "fallback");
  EXPECT_EQ(s.eval_db.username, "$NOT_A_REFERENCE ${ not-a-name }");
  EXPECT_TRUE(s.warnings.empty());
}

TEST(ConfigInterpolation, unset_variable_becomes_empty_with_a_warning_naming_it) {
  ConfigSandbox box;
  box.yaml("kpi_db.yaml", "kpi_db:\n  password: \"${KPI_SECRET}\"\n  host: h\n");
  const Settings s = box.load();
  EXPECT_EQ(s.kpi_db.password, "");
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].find("${KPI_SECRET}"), std::string::npos) << s.warnings[0];
  EXPECT_NE(s.warnings[0].find("kpi_db.password"), std::string::npos) << s.warnings[0];
}

TEST(ConfigInterpolation, set_but_empty_variable_is_not_warned_about) {
  ConfigSandbox box;
  box.yaml("kpi_db.yaml", "kpi_db:\n  password: \"${KPI_SECRET}\"\n");
  box.options.env["KPI_SECRET"] = "";
  EXPECT_TRUE(box.load().warnings.empty());
}

TEST(ConfigInterpolation, type_errors_quote_the_text_before_expansion) {
  ConfigSandbox box;
  box.yaml("eval_db.yaml", "eval_db:\n  port: ${DB_PASSWORD}\n");
  box.options.env["DB_PASSWORD"] = "hunter2";
  const std::string what = load_error(box);
  EXPECT_EQ(what.find("hunter2"), std::string::npos) << what;
  EXPECT_NE(what.find("${DB_PASSWORD}"), std::string::npos) << what;
}

}  // namespace
}  // namespace axis::config
