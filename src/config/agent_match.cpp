#include "config/agent_match.h"

#include <algorithm>

namespace axis::config {

const AgentEntry* agent_for_source(const std::vector<AgentEntry>& agents, std::string_view value) {
  if (value.empty()) return nullptr;
  for (const auto& a : agents) {
    if (a.name == value) return &a;
    if (std::find(a.trace_names.begin(), a.trace_names.end(), value) != a.trace_names.end()) {
      return &a;
    }
  }
  return nullptr;
}

SourceFilter resolve_source_filter(const std::vector<AgentEntry>& agents,
                                   const std::string& requested) {
  const AgentEntry* agent = agent_for_source(agents, requested);
  if (!agent) return {requested, {requested}};
  SourceFilter out{agent->name, {agent->name}};
  std::vector<std::string>& values = out.values;
  for (const auto& alias : agent->trace_names) {
    if (!alias.empty() && std::find(values.begin(), values.end(), alias) == values.end()) {
      values.push_back(alias);
    }
  }
  return out;
}

}  // namespace axis::config

namespace axis::config {

std::vector<std::string> resolve_source_name(const std::vector<AgentEntry>& agents,
                                             std::optional<std::string>& source_name) {
  if (!source_name) return {};
  SourceFilter source = resolve_source_filter(agents, *source_name);
  source_name = std::move(source.name);
  return std::move(source.values);
}

}  // namespace axis::config
