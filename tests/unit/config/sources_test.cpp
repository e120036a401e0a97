#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "config_test_util.h"

namespace axis::config {
namespace {

using nlohmann::json;
using testing::ConfigSandbox;

TEST(ConfigSources, all_sources_are_disabled_without_yaml_or_env) {
  ConfigSandbox box;
  const Settings s = box.load();
  for (const SourceSettings* src : s.sources()) {
    EXPECT_FALSE(src->enabled) << src->name;
    EXPECT_FALSE(src->configured()) << src->name;
    EXPECT_EQ(src->port, 5432);
    EXPECT_EQ(src->ssl_mode, "prefer");
  }
  EXPECT_EQ(s.eval_db.name, "eval_db");
  EXPECT_EQ(s.kpi_db.row_limit, 50000);
  EXPECT_EQ(s.eval_db.row_limit, 10000);
  EXPECT_EQ(s.agent_replay_db.query_timeout, 10);
  EXPECT_EQ(s.agent_replay_db.table, "trace_lookup");
}

TEST(ConfigSources, env_host_enables_a_source_with_every_eval_variable) {
  ConfigSandbox box;
  box.options.env = {{"EVAL_DB_HOST", "pg"},
                     {"EVAL_DB_PORT", "5433"},
                     {"EVAL_DB_NAME", "evals"},
                     {"EVAL_DB_USER", "reader"},
                     {"EVAL_DB_PASSWORD", "pw"},
                     {"EVAL_DB_SSL_MODE", "REQUIRE"},
                     {"EVAL_DB_AUTO_LOAD", "true"},
                     {"EVAL_DB_DATASET_QUERY", "SELECT 1"},
                     {"EVAL_DB_RESULTS_QUERY", "SELECT 2"},
                     {"EVAL_DB_QUERY_TIMEOUT", "30"},
                     {"EVAL_DB_ROW_LIMIT", "500"}};
  const SourceSettings e = box.load().eval_db;
  EXPECT_TRUE(e.enabled);
  EXPECT_TRUE(e.configured());
  EXPECT_EQ(e.host, "pg");
  EXPECT_EQ(e.port, 5433);
  EXPECT_EQ(e.database, "evals");
  EXPECT_EQ(e.username, "reader");
  EXPECT_EQ(e.password, "pw");
  EXPECT_EQ(e.ssl_mode, "require");
  EXPECT_TRUE(e.auto_load);
  EXPECT_EQ(e.dataset_query, "SELECT 1");
  EXPECT_EQ(e.results_query, "SELECT 2");
  EXPECT_EQ(e.query_timeout, 30);
  EXPECT_EQ(e.row_limit, 500);
}

TEST(ConfigSources, env_url_enables_monitoring_with_its_extra_variables) {
  ConfigSandbox box;
  box.options.env = {{"MONITORING_DB_URL", "postgresql://m/db"},
                     {"MONITORING_DB_SCHEMA", "ops"},
                     {"MONITORING_DB_TABLE", "events"},
                     {"MONITORING_DB_AUTO_CONNECT", "1"},
                     {"HUMAN_SIGNALS_DB_HOST", "hs"},
                     {"KPI_DB_URL", "postgresql://k/db"},
                     {"KPI_DB_AUTO_LOAD", "on"}};
  const Settings s = box.load();
  EXPECT_TRUE(s.monitoring_db.enabled);
  EXPECT_EQ(s.monitoring_db.url, "postgresql://m/db");
  EXPECT_EQ(s.monitoring_db.schema, "ops");
  EXPECT_EQ(s.monitoring_db.table, "events");
  EXPECT_TRUE(s.monitoring_db.auto_connect);
  EXPECT_TRUE(s.human_signals_db.configured());
  EXPECT_EQ(s.human_signals_db.schema, "public");
  EXPECT_TRUE(s.kpi_db.auto_load);
  EXPECT_EQ(s.kpi_db.row_limit, 50000);
  const json extras = json::parse(s.monitoring_db.raw_yaml_json);
  EXPECT_DOUBLE_EQ(extras["thresholds"]["default"]["good"].get<double>(), 0.7);
  EXPECT_FALSE(extras["anomaly_detection"]["enabled"].get<bool>());
}

TEST(ConfigSources, agent_replay_env_needs_its_enabled_flag) {
  ConfigSandbox box;
  box.options.env = {{"AGENT_REPLAY_DB_HOST", "ar"},
                     {"AGENT_REPLAY_DB_SEARCH_COLUMN", "case_ref"},
                     {"AGENT_REPLAY_DB_QUERY_TIMEOUT", "99"},
                     {"AGENT_REPLAY_DB_POOL_MAX_SIZE", "50"},
                     {"AGENT_REPLAY_DB_POOL_MIN_SIZE", "3"}};
  Settings s = box.load();
  EXPECT_FALSE(s.agent_replay_db.enabled);
  EXPECT_EQ(s.agent_replay_db.host, "ar");
  EXPECT_EQ(s.agent_replay_db.query_timeout, 30);
  const json extras = json::parse(s.agent_replay_db.raw_yaml_json);
  EXPECT_EQ(extras["search_columns"], json({{"case_ref", "case_ref"}}));
  EXPECT_EQ(extras["pool_max_size"], 20);
  EXPECT_EQ(extras["pool_min_size"], 3);
  EXPECT_EQ(extras["trace_id_column"], "langfuse_trace_id");
  box.options.env["AGENT_REPLAY_DB_ENABLED"] = "true";
  EXPECT_TRUE(box.load().agent_replay_db.enabled);
}

TEST(ConfigSources, yaml_map_wins_over_env_except_url_and_password) {
  ConfigSandbox box;
  box.yaml("eval_db.yaml",
           "eval_db:\n"
           "  enabled: true\n"
           "  host: yaml-host\n"
           "  database: yaml_db\n"
           "  dataset_query: SELECT * FROM datasets\n"
           "  results_query: SELECT * FROM results\n");
  box.options.env = {{"EVAL_DB_HOST", "env-host"},
                     {"EVAL_DB_NAME", "env_db"},
                     {"EVAL_DB_URL", "postgresql://env-url/db"},
                     {"EVAL_DB_PASSWORD", "env-pw"},
                     {"EVAL_DB_ROW_LIMIT", "7"}};
  const SourceSettings e = box.load().eval_db;
  EXPECT_TRUE(e.enabled);
  EXPECT_EQ(e.host, "yaml-host");
  EXPECT_EQ(e.database, "yaml_db");
  EXPECT_EQ(e.row_limit, 10000);
  EXPECT_EQ(e.url, "postgresql://env-url/db");
  EXPECT_EQ(e.password, "env-pw");
  EXPECT_EQ(e.dataset_query, "SELECT * FROM datasets");
}

TEST(ConfigSources, yaml_url_and_password_are_not_replaced_by_env) {
  ConfigSandbox box;
  box.yaml("kpi_db.yaml",
           "kpi_db:\n  enabled: yes\n  url: postgresql://yaml/db\n  password: yaml-pw\n"
           "  query: SELECT * FROM kpis\n");
  box.options.env = {{"KPI_DB_URL", "postgresql://env/db"}, {"KPI_DB_PASSWORD", "env-pw"}};
  const SourceSettings k = box.load().kpi_db;
  EXPECT_EQ(k.url, "postgresql://yaml/db");
  EXPECT_EQ(k.password, "yaml-pw");
  EXPECT_EQ(k.query, "SELECT * FROM kpis");
}

TEST(ConfigSources, yaml_without_the_source_key_falls_back_to_env) {
  ConfigSandbox box;
  box.yaml("monitoring_db.yaml", "# everything commented out\n");
  box.yaml("human_signals_db.yaml", "human_signals_db: {}\n");
  box.options.env = {{"MONITORING_DB_HOST", "env-m"}, {"HUMAN_SIGNALS_DB_HOST", "env-h"}};
  const Settings s = box.load();
  EXPECT_EQ(s.monitoring_db.host, "env-m");
  EXPECT_TRUE(s.monitoring_db.enabled);
  EXPECT_EQ(s.human_signals_db.host, "env-h");
}

TEST(ConfigSources, yaml_source_is_disabled_unless_enabled) {
  ConfigSandbox box;
  box.yaml("eval_db.yaml", "eval_db:\n  host: h\n");
  const SourceSettings e = box.load().eval_db;
  EXPECT_FALSE(e.enabled);
  EXPECT_FALSE(e.configured());
  EXPECT_EQ(e.host, "h");
}

TEST(ConfigSources, yaml_reads_every_common_key) {
  ConfigSandbox box;
  box.yaml("human_signals_db.yaml", R"(human_signals_db:
  enabled: true
  auto_load: true
  auto_connect: true
  host: h
  port: 6543
  username: u
  ssl_mode: disable
  db_type: postgresql
  columns: {src_col: target_col}
  partition_column: day
  incremental_column: updated_at
  refresh_interval_minutes: 15
  tables: [public.a, public.b]
  filters:
    - {column: env, label: Environment}
    - source_name
  schema: signals
  table: feedback
  visible_metrics: [csat]
  visible_kpis: [resolution_rate]
)");
  const SourceSettings h = box.load().human_signals_db;
  EXPECT_TRUE(h.auto_load);
  EXPECT_TRUE(h.auto_connect);
  EXPECT_EQ(h.port, 6543);
  EXPECT_EQ(h.ssl_mode, "disable");
  EXPECT_EQ(h.db_type, "postgres");
  EXPECT_EQ(h.columns.at("src_col"), "target_col");
  EXPECT_EQ(h.partition_column, "day");
  EXPECT_EQ(h.incremental_column, "updated_at");
  EXPECT_EQ(h.refresh_interval_minutes, 15);
  EXPECT_EQ(h.tables, (std::vector<std::string>{"public.a", "public.b"}));
  ASSERT_EQ(h.filters.size(), 2u);
  EXPECT_EQ(h.filters[0].label, "Environment");
  EXPECT_EQ(h.filters[1].column, "source_name");
  EXPECT_EQ(h.filters[1].label, "source_name");
  EXPECT_EQ(h.schema, "signals");
  EXPECT_EQ(h.table, "feedback");
  EXPECT_EQ(h.visible_metrics, std::vector<std::string>{"csat"});
  EXPECT_EQ(h.visible_kpis, std::vector<std::string>{"resolution_rate"});
}

TEST(ConfigClamps, source_limits_are_clamped_on_both_paths) {
  ConfigSandbox box;
  box.yaml("eval_db.yaml",
           "eval_db:\n  enabled: true\n  query_timeout: 500\n  row_limit: 999999\n");
  box.yaml("agent_replay_db.yaml",
           "agent_replay_db:\n  query_timeout: 60\n  connect_timeout: 45\n  pool_max_size: 40\n"
           "  pool_min_size: 30\n");
  box.options.env = {{"MONITORING_DB_HOST", "m"}, {"EVAL_DB_QUERY_TIMEOUT", "1"}};
  const Settings s = box.load();
  EXPECT_EQ(s.eval_db.query_timeout, 120);
  EXPECT_EQ(s.eval_db.row_limit, 50000);
  EXPECT_EQ(s.agent_replay_db.query_timeout, 30);
  EXPECT_EQ(s.agent_replay_db.connect_timeout, 30);
  const json extras = json::parse(s.agent_replay_db.raw_yaml_json);
  EXPECT_EQ(extras["pool_max_size"], 20);
  EXPECT_EQ(extras["pool_min_size"], 20);
  bool warned = false;
  for (const auto& w : s.warnings) warned |= w.find("'eval_db.query_timeout'") != std::string::npos;
  EXPECT_TRUE(warned);

  ConfigSandbox env_path;
  env_path.options.env = {
      {"EVAL_DB_HOST", "e"}, {"EVAL_DB_QUERY_TIMEOUT", "1000"}, {"EVAL_DB_ROW_LIMIT", "60000"}};
  const Settings t = env_path.load();
  EXPECT_EQ(t.eval_db.query_timeout, 120);
  EXPECT_EQ(t.eval_db.row_limit, 50000);
}

TEST(ConfigClamps, anomaly_min_data_points_is_at_least_three) {
  ConfigSandbox box;
  box.yaml("monitoring_db.yaml",
           "monitoring_db:\n  anomaly_detection:\n    enabled: true\n    min_data_points: 1\n"
           "    moving_average: {window_size: 1}\n");
  const json extras = json::parse(box.load().monitoring_db.raw_yaml_json);
  EXPECT_EQ(extras["anomaly_detection"]["min_data_points"], 3);
  EXPECT_EQ(extras["anomaly_detection"]["moving_average"]["window_size"], 2);
  EXPECT_TRUE(extras["anomaly_detection"]["enabled"].get<bool>());
  EXPECT_EQ(extras["anomaly_detection"]["rate_of_change"]["severity"], "error");
}

TEST(ConfigClamps, store_query_concurrency_stays_within_1_to_64) {
  ConfigSandbox box;
  box.yaml("duckdb.yaml", "duckdb:\n  query_concurrency: 100\n");
  EXPECT_EQ(box.load().store.query_concurrency, 64);
  box.yaml("duckdb.yaml", "duckdb:\n  query_concurrency: 0\n");
  EXPECT_EQ(box.load().store.query_concurrency, 1);
}

TEST(ConfigSources, monitoring_thresholds_per_source_inherit_the_default) {
  ConfigSandbox box;
  box.yaml("monitoring_db.yaml",
           "monitoring_db:\n  thresholds:\n    default: {good: 0.8}\n    per_source:\n"
           "      bot_a: {pass: 0.6}\n");
  const json t = json::parse(box.load().monitoring_db.raw_yaml_json)["thresholds"];
  EXPECT_DOUBLE_EQ(t["default"]["good"].get<double>(), 0.8);
  EXPECT_DOUBLE_EQ(t["default"]["pass"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(t["per_source"]["bot_a"]["good"].get<double>(), 0.8);
  EXPECT_DOUBLE_EQ(t["per_source"]["bot_a"]["pass"].get<double>(), 0.6);
}

TEST(ConfigSources, kpi_display_keys_get_defaults_and_invalid_values_are_dropped) {
  ConfigSandbox box;
  box.yaml("kpi_db.yaml", R"(kpi_db:
  card_display_value: median
  trend_lines: [daily, weekly, avg_30d]
  visible_kpis_per_source: {bot: [a, b]}
  kpi_overrides:
    handle_time: {display_name: Handle time, unit: seconds, polarity: lower_better}
    csat: {unit: furlongs}
  categories:
    customer_experience: {}
  composition_charts:
    - title: Mix
      kpis: [{kpi_name: a, color: "#111111"}, {label: nameless}]
    - title: Empty
      kpis: []
)");
  const Settings s = box.load();
  const json k = json::parse(s.kpi_db.raw_yaml_json);
  EXPECT_EQ(k["card_display_value"], "latest");
  EXPECT_EQ(k["trend_lines"], json({"daily", "avg_30d"}));
  EXPECT_EQ(k["kpi_overrides"]["handle_time"]["unit"], "seconds");
  EXPECT_EQ(k["kpi_overrides"]["handle_time"]["polarity"], "lower_better");
  EXPECT_EQ(k["kpi_overrides"]["handle_time"]["display_name"], "Handle time");
  EXPECT_FALSE(k["kpi_overrides"]["csat"].contains("unit"));
  EXPECT_EQ(k["categories"]["customer_experience"]["display_name"], "Customer Experience");
  EXPECT_EQ(k["categories"]["customer_experience"]["icon"], "BarChart3");
  ASSERT_EQ(k["composition_charts"].size(), 1u);
  EXPECT_EQ(k["composition_charts"][0]["kpis"].size(), 1u);
  EXPECT_EQ(k["composition_charts"][0]["kpis"][0]["label"], "a");
  EXPECT_EQ(k["composition_charts"][0]["remainder_label"], "Other");
  EXPECT_EQ(s.kpi_db.visible_kpis_per_source.at("bot"), (std::vector<std::string>{"a", "b"}));
  EXPECT_GE(s.warnings.size(), 5u);
}

TEST(ConfigSources, agent_replay_yaml_legacy_search_column_and_agents) {
  ConfigSandbox box;
  box.yaml("agent_replay_db.yaml", R"(agent_replay_db:
  enabled: true
  host: h
  search_column: case_id
  agents:
    " Credit-Bot ":
      table: credit_lookup
      search_column: loan_id
      search_column_label: Loan
)");
  const Settings s = box.load();
  EXPECT_TRUE(s.agent_replay_db.configured());
  const json x = json::parse(s.agent_replay_db.raw_yaml_json);
  EXPECT_EQ(x["search_columns"], json({{"case_id", "case_id"}}));
  EXPECT_EQ(x["agents"]["credit_bot"]["table"], "credit_lookup");
  EXPECT_EQ(x["agents"]["credit_bot"]["search_columns"], json({{"loan_id", "Loan"}}));
}

TEST(ConfigSources, eval_query_key_is_ignored_with_a_warning) {
  ConfigSandbox box;
  box.yaml("eval_db.yaml", "eval_db:\n  enabled: true\n  query: SELECT 1\n");
  const Settings s = box.load();
  EXPECT_EQ(s.eval_db.query, "");
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].find("eval_db.query"), std::string::npos);
}

TEST(ConfigStore, duckdb_yaml_keys_and_path_resolution) {
  ConfigSandbox box;
  box.yaml("duckdb.yaml", R"(duckdb:
  enabled: false
  path: store/axis.duckdb
  sync_mode: Manual
  sync_chunk_size: 5000
  max_sync_rows: 100
  sync_workers: 2
  memory_limit: 2GB
  threads: 4
)");
  const StoreSettings st = box.load().store;
  EXPECT_FALSE(st.enabled);
  EXPECT_EQ(st.path, box.dir.str() + "/store/axis.duckdb");
  EXPECT_EQ(st.sync_mode, "manual");
  EXPECT_EQ(st.sync_chunk_size, 5000);
  EXPECT_EQ(st.max_sync_rows, 100);
  EXPECT_EQ(st.sync_workers, 2);
  EXPECT_EQ(st.memory_limit, "2GB");
  EXPECT_EQ(st.threads, 4);
}

TEST(ConfigStore, legacy_auto_sync_and_unknown_sync_mode_mean_manual) {
  ConfigSandbox box;
  box.yaml("duckdb.yaml", "auto_sync_on_startup: false\n");
  EXPECT_EQ(box.load().store.sync_mode, "manual");
  box.yaml("duckdb.yaml", "sync_mode: sometimes\nauto_sync_on_startup: true\n");
  EXPECT_EQ(box.load().store.sync_mode, "manual");
}

TEST(ConfigStore, default_store_path_follows_the_data_dir) {
  ConfigSandbox box;
  box.options.data_dir = "/var/lib/axis";
  EXPECT_EQ(box.load().store.path, "/var/lib/axis/local_store.duckdb");
}

}  // namespace
}  // namespace axis::config
