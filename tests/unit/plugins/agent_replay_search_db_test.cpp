// The agent replay search DB: canonical names, is_configured, clamps, env fallback, per-agent
// overrides, the lookup SQL and its errors.
#include <gtest/gtest.h>

#include "../config/config_test_util.h"
#include "config/agent_name.h"
#include "plugins/agent_replay/search_db.h"

namespace axis::plugins::agent_replay {
namespace {

using config::testing::ConfigSandbox;

SearchDbConfig search_db_from_yaml(const std::string& yaml) {
  ConfigSandbox box;
  box.yaml("agent_replay_db.yaml", yaml);
  return SearchDbConfig::from_settings(box.load().agent_replay_db);
}

std::string lookup_error(const SearchDbConfig& c, const std::optional<std::string>& column) {
  try {
    lookup_sql(c, column);
  } catch (const SearchDbNotConfigured& e) {
    return e.what();
  }
  return "";
}

const char* const kAgentsYaml =
    "agent_replay_db:\n"
    "  enabled: true\n"
    "  host: db\n"
    "  database: traces\n"
    "  agent_name_column: agent\n"
    "  search_columns:\n"
    "    case_reference: Case Reference\n"
    "    account_id: Account\n"
    "  agents:\n"
    "    Alpha-Bot:\n"
    "      table: alpha_cases\n"
    "    beta_bot:\n"
    "      table: beta_bot_cases\n"
    "      search_column: ticket_number\n"
    "      trace_id_column: tid\n";

TEST(AgentReplaySearchDb, canonical_agent_names) {
  EXPECT_EQ(config::canonical_agent_name("MyAgent"), "myagent");
  EXPECT_EQ(config::canonical_agent_name("beta-bot"), "beta_bot");
  EXPECT_EQ(config::canonical_agent_name("  my-agent  "), "my_agent");
  EXPECT_EQ(config::canonical_agent_name("My-Super-Agent"), "my_super_agent");
  EXPECT_EQ(config::canonical_agent_name("simple_agent"), "simple_agent");
}

TEST(AgentReplaySearchDb, is_configured_needs_a_url_or_host_and_database) {
  SearchDbConfig c;
  EXPECT_FALSE(c.is_configured());
  c.source.host = "db";
  EXPECT_FALSE(c.is_configured());
  c.source.database = "traces";
  EXPECT_TRUE(c.is_configured());
  SearchDbConfig u;
  u.source.url = "postgresql://db/traces";
  EXPECT_TRUE(u.is_configured());
}

TEST(AgentReplaySearchDb, yaml_values_are_clamped) {
  const SearchDbConfig c = search_db_from_yaml(
      "agent_replay_db:\n  query_timeout: 999\n  connect_timeout: 50\n  pool_max_size: 100\n"
      "  pool_min_size: 200\n");
  EXPECT_EQ(c.source.query_timeout, 30);
  EXPECT_EQ(c.source.connect_timeout, 30);
  EXPECT_EQ(c.pool_max_size, 20);
  EXPECT_EQ(c.pool_min_size, 20);
}

TEST(AgentReplaySearchDb, env_fallback_when_no_yaml) {
  ConfigSandbox box;
  box.options.env = {{"AGENT_REPLAY_DB_ENABLED", "true"},
                     {"AGENT_REPLAY_DB_URL", "postgresql://u@h/d"},
                     {"AGENT_REPLAY_DB_SSL_MODE", "require"},
                     {"AGENT_REPLAY_DB_SCHEMA", "custom"},
                     {"AGENT_REPLAY_DB_TABLE", "my_traces"},
                     {"AGENT_REPLAY_DB_SEARCH_COLUMN", "locator"},
                     {"AGENT_REPLAY_DB_SEARCH_COLUMN_LABEL", "Locator"}};
  const SearchDbConfig c = SearchDbConfig::from_settings(box.load().agent_replay_db);
  EXPECT_TRUE(c.source.enabled);
  EXPECT_EQ(c.source.url, "postgresql://u@h/d");
  EXPECT_EQ(c.source.ssl_mode, "require");
  EXPECT_EQ(c.schema, "custom");
  EXPECT_EQ(c.table, "my_traces");
  EXPECT_EQ(c.search_columns, (SearchColumns{{"locator", "Locator"}}));
  box.options.env["AGENT_REPLAY_DB_SEARCH_COLUMN"] = "";
  EXPECT_TRUE(SearchDbConfig::from_settings(box.load().agent_replay_db).search_columns.empty());
}

TEST(AgentReplaySearchDb, a_yaml_key_ignores_the_env_except_url_and_password) {
  ConfigSandbox box;
  box.yaml("agent_replay_db.yaml", "agent_replay_db:\n  enabled: true\n  table: from_yaml\n");
  box.options.env = {{"AGENT_REPLAY_DB_URL", "postgresql://u@h/d"},
                     {"AGENT_REPLAY_DB_TABLE", "from_env"},
                     {"AGENT_REPLAY_DB_SEARCH_COLUMN", "locator"}};
  const SearchDbConfig c = SearchDbConfig::from_settings(box.load().agent_replay_db);
  EXPECT_EQ(c.source.url, "postgresql://u@h/d");
  EXPECT_EQ(c.table, "from_yaml");
  EXPECT_TRUE(c.search_columns.empty());
}

TEST(AgentReplaySearchDb, yaml_columns_keep_their_order_and_agents_parse) {
  const SearchDbConfig c = search_db_from_yaml(kAgentsYaml);
  EXPECT_EQ(c.search_columns, (SearchColumns{{"case_reference", "Case Reference"}, {"account_id", "Account"}}));
  ASSERT_EQ(c.agents.size(), 2u);
  EXPECT_EQ(c.for_agent("alpha_bot").trace_id_column, "langfuse_trace_id");
  EXPECT_EQ(c.for_agent("alpha_bot").table, "alpha_cases");
  EXPECT_EQ(c.for_agent("beta_bot").trace_id_column, "tid");
  // The legacy column form becomes a one-entry map (label: the column), per agent too.
  EXPECT_EQ(c.for_agent("Beta-Bot").search_columns, (SearchColumns{{"ticket_number", "ticket_number"}}));
  const SearchDbConfig legacy = search_db_from_yaml(
      "agent_replay_db:\n  search_column: locator\n  search_column_label: Locator\n");
  EXPECT_EQ(legacy.search_columns, (SearchColumns{{"locator", "Locator"}}));
}

TEST(AgentReplaySearchDb, agent_config_overrides_only_what_the_agent_sets) {
  const SearchDbConfig c = search_db_from_yaml(kAgentsYaml);
  const SearchDbConfig beta = c.for_agent("beta_bot");
  EXPECT_EQ(beta.table, "beta_bot_cases");
  EXPECT_EQ(beta.schema, "public");
  EXPECT_EQ(beta.agent_name_column, "agent");  // inherited
  const SearchDbConfig alpha = c.for_agent("alpha_bot");
  EXPECT_EQ(alpha.trace_id_column, "langfuse_trace_id");
  EXPECT_EQ(alpha.agent_name_column, "agent");
  EXPECT_EQ(alpha.search_columns, c.search_columns);
  EXPECT_EQ(c.for_agent("unknown").table, "trace_lookup");
  EXPECT_EQ(c.for_agent(std::nullopt).table, "trace_lookup");
}

TEST(AgentReplaySearchDb, lookup_sql_quotes_identifiers_and_binds_the_value) {
  const SearchDbConfig c = search_db_from_yaml(kAgentsYaml);
  const LookupSql beta = lookup_sql(c.for_agent("beta_bot"), std::nullopt);
  EXPECT_EQ(beta.sql,
            "SELECT \"tid\", \"agent\" FROM \"public\".\"beta_bot_cases\" WHERE \"ticket_number\" = $1 LIMIT $2");
  EXPECT_EQ(beta.column, "ticket_number");
  const LookupSql second = lookup_sql(c, std::string("account_id"));
  EXPECT_EQ(second.sql,
            "SELECT \"langfuse_trace_id\", \"agent\" FROM \"public\".\"trace_lookup\" WHERE \"account_id\" = $1 LIMIT $2");
  SearchDbConfig odd = c;
  odd.table = "a\"b";
  EXPECT_NE(lookup_sql(odd, std::nullopt).sql.find("\"a\"\"b\""), std::string::npos);
}

TEST(AgentReplaySearchDb, lookup_errors_say_what_is_missing) {
  SearchDbConfig c = search_db_from_yaml(kAgentsYaml);
  EXPECT_EQ(lookup_error(c, std::string("nope")),
            "Search column 'nope' is not configured. Available columns: ['case_reference', 'account_id']");
  SearchDbConfig off = c;
  off.source.enabled = false;
  EXPECT_NE(lookup_error(off, std::nullopt).find("not enabled"), std::string::npos);
  SearchDbConfig nowhere = c;
  nowhere.source.host.clear();
  EXPECT_NE(lookup_error(nowhere, std::nullopt).find("not configured"), std::string::npos);
  SearchDbConfig none = c;
  none.search_columns.clear();
  EXPECT_NE(lookup_error(none, std::nullopt).find("No search columns"), std::string::npos);
}

TEST(AgentReplaySearchDb, a_connection_failure_is_a_query_error) {
  SearchDbConfig c = search_db_from_yaml(kAgentsYaml);
  c.source.url = "postgresql://nobody@127.0.0.1:1/none";
  c.source.connect_timeout = 2;
  try {
    SearchDb(c).lookup("x", std::nullopt, std::nullopt, 10);
    FAIL() << "no error";
  } catch (const SearchDbQueryError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("Database query failed: ", 0), 0u);
  }
}

}  // namespace
}  // namespace axis::plugins::agent_replay
