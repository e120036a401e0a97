#include "config/env.h"
#include "config/sections.h"
#include "util/text.h"

namespace axis::config::detail {

void load_agents(LoadContext& lc, std::vector<AgentEntry>& out) {
  const auto file = open_config(lc, "agents.yaml");
  if (!file) return;
  const YamlNode top = file->top();
  top.require_map_or_absent();
  const YamlNode list = top["agents"];
  if (!list.present()) return;
  for (const auto& item : list.items()) {
    if (!item.is_map()) item.fail("expected a map with at least a name");
    AgentEntry a;
    item.read("name", a.name);
    a.name = trim(a.name);
    if (a.name.empty()) item["name"].fail("required");
    item.read("label", a.label);
    if (a.label.empty()) a.label = a.name;
    item.read("role", a.role);
    item.read("avatar", a.avatar);
    item.read("description", a.description);
    item.read("biography", a.biography);
    item.read("active", a.active);
    item.read("trace_names", a.trace_names);
    out.push_back(std::move(a));
  }
}

void load_agent_replay_defaults(LoadContext& lc, AgentReplayDefaults& out) {
  const auto file = open_config(lc, "agent_replay.yaml");
  if (!file) return;
  const YamlNode y = section(&file->ctx, file->root, "agent_replay");
  y.require_map_or_absent();
  out.default_limit = static_cast<int>(y.clamped("default_limit", out.default_limit, 1, 100));
  out.default_days_back =
      static_cast<int>(y.clamped("default_days_back", out.default_days_back, 1, 90));
  out.max_chars = static_cast<int>(y.clamped("max_chars", out.max_chars, 1, 200000));
  y.read("search_metadata_key", out.search_metadata_key);
}

void load_services(LoadContext& lc, AiSettings& ai, GraphDbSettings& graph,
                   LangfuseSettings& langfuse) {
  const Env& env = lc.env;
  ai.openai_api_key = env.str("OPENAI_API_KEY", "");
  ai.openai_api_base = env.non_empty("OPENAI_API_BASE").value_or(env.str("OPENAI_BASE_URL", ""));
  ai.anthropic_api_base = env.str("ANTHROPIC_BASE_URL", "");
  ai.anthropic_api_key = env.str("ANTHROPIC_API_KEY", "");
  ai.gateway_api_key = env.str("GATEWAY_API_KEY", "");
  ai.ai_toolkit_url = env.str("AI_TOOLKIT_URL", "");
  ai.llm_model_name_set = env.non_empty("LLM_MODEL_NAME").has_value();
  ai.llm_model_name = env.non_empty("LLM_MODEL_NAME").value_or(ai.llm_model_name);
  const auto bounded = [&](const char* name, int fallback, int lo, int hi) {
    return clamp_int(env.integer(name, fallback), lo, hi, name, lc.warnings);
  };
  ai.llm_connect_timeout_seconds = bounded("LLM_CONNECT_TIMEOUT", ai.llm_connect_timeout_seconds, 1, 120);
  ai.llm_read_timeout_seconds = bounded("LLM_READ_TIMEOUT", ai.llm_read_timeout_seconds, 1, 600);
  ai.llm_max_retries = bounded("LLM_MAX_RETRIES", ai.llm_max_retries, 0, 5);
  ai.copilot_max_rounds = bounded("COPILOT_MAX_ROUNDS", ai.copilot_max_rounds, 1, 50);
  ai.copilot_sql_timeout_seconds = bounded("COPILOT_SQL_TIMEOUT", ai.copilot_sql_timeout_seconds, 1, 120);
  ai.copilot_sql_max_rows = bounded("COPILOT_SQL_MAX_ROWS", ai.copilot_sql_max_rows, 1, 5000);
  ai.embedding_model_name = env.non_empty("EMBEDDING_MODEL_NAME").value_or(ai.embedding_model_name);
  ai.copilot_enabled = env.boolean("COPILOT_ENABLED", ai.copilot_enabled);
  for (const auto& host : split_list(env.str("EVAL_RUNNER_ALLOWED_HOSTS", "")))
    ai.eval_runner_allowed_hosts.push_back(util::ascii_lower(host));
  ai.eval_runner_agent_timeout_seconds =
      bounded("EVAL_RUNNER_AGENT_TIMEOUT", ai.eval_runner_agent_timeout_seconds, 1, 600);

  graph.host = env.non_empty("GRAPH_DB_HOST").value_or(graph.host);
  graph.port =
      clamp_int(env.integer("GRAPH_DB_PORT", graph.port), 1, 65535, "GRAPH_DB_PORT", lc.warnings);
  graph.name = env.non_empty("GRAPH_DB_NAME").value_or(graph.name);
  graph.password = env.str("GRAPH_DB_PASSWORD", "");

  langfuse.agent_replay_enabled = env.boolean("AGENT_REPLAY_ENABLED", false);
  langfuse.public_key = env.str("LANGFUSE_PUBLIC_KEY", "");
  langfuse.secret_key = env.str("LANGFUSE_SECRET_KEY", "");
  langfuse.host = env.non_empty("LANGFUSE_HOST").value_or(langfuse.host);
  // LANGFUSE_<AGENT>_PUBLIC_KEY with a matching _SECRET_KEY defines agent lower(<AGENT>).
  const std::string suffix = "_PUBLIC_KEY";
  for (const auto& name : env.names_with_prefix("LANGFUSE_")) {
    if (name == "LANGFUSE_PUBLIC_KEY" || name.size() <= 9 + suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    const std::string agent = name.substr(9, name.size() - 9 - suffix.size());
    const auto secret = env.non_empty("LANGFUSE_" + agent + "_SECRET_KEY");
    if (!secret) continue;
    LangfuseSettings::AgentKeys keys;
    keys.public_key = env.str(name, "");
    keys.secret_key = *secret;
    keys.host = env.non_empty("LANGFUSE_" + agent + "_HOST").value_or(langfuse.host);
    langfuse.agents[to_lower(agent)] = std::move(keys);
  }
}

}  // namespace axis::config::detail
