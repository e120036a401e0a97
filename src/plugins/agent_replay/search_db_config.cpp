#include "plugins/agent_replay/search_db_config.h"

#include <nlohmann/json.hpp>

#include "config/agent_name.h"

namespace axis::plugins::agent_replay {
namespace {

using Ordered = nlohmann::ordered_json;

SearchColumns columns_of(const Ordered& node) {
  SearchColumns out;
  if (!node.is_object()) return out;
  for (const auto& [col, label] : node.items()) {
    out.emplace_back(col, label.is_string() ? label.get<std::string>() : col);
  }
  return out;
}

std::optional<std::string> text_of(const Ordered& obj, const char* key) {
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace

SearchDbConfig SearchDbConfig::from_settings(const config::SourceSettings& source) {
  SearchDbConfig c;
  c.source = source;
  c.schema = source.schema.empty() ? "public" : source.schema;
  c.table = source.table.empty() ? "trace_lookup" : source.table;
  const Ordered extras = Ordered::parse(source.raw_yaml_json.empty() ? "{}" : source.raw_yaml_json,
                                        nullptr, false);
  if (!extras.is_object()) return c;
  if (extras.contains("search_columns")) c.search_columns = columns_of(extras["search_columns"]);
  if (auto v = text_of(extras, "trace_id_column"); v && !v->empty()) c.trace_id_column = *v;
  c.agent_name_column = text_of(extras, "agent_name_column").value_or("");
  c.pool_min_size = extras.value("pool_min_size", c.pool_min_size);
  c.pool_max_size = extras.value("pool_max_size", c.pool_max_size);
  if (extras.contains("agents") && extras["agents"].is_object()) {
    for (const auto& [name, a] : extras["agents"].items()) {
      if (!a.is_object()) continue;
      SearchDbAgentOverride o;
      o.table = text_of(a, "table");
      o.trace_id_column = text_of(a, "trace_id_column");
      o.agent_name_column = text_of(a, "agent_name_column");
      if (a.contains("search_columns")) o.search_columns = columns_of(a["search_columns"]);
      c.agents[config::canonical_agent_name(name)] = std::move(o);
    }
  }
  return c;
}

bool SearchDbConfig::is_configured() const {
  return !source.url.empty() || (!source.host.empty() && !source.database.empty());
}

SearchDbConfig SearchDbConfig::for_agent(const std::optional<std::string>& agent) const {
  SearchDbConfig c = *this;
  if (!agent) return c;
  const auto it = agents.find(config::canonical_agent_name(*agent));
  if (it == agents.end()) return c;
  const SearchDbAgentOverride& o = it->second;
  if (o.table) c.table = *o.table;
  if (o.trace_id_column) c.trace_id_column = *o.trace_id_column;
  if (o.agent_name_column) c.agent_name_column = *o.agent_name_column;
  if (o.search_columns) c.search_columns = *o.search_columns;
  return c;
}

}  // namespace axis::plugins::agent_replay
