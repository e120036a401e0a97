// Which registered agent (agents.yaml) a stored source_name belongs to. A value belongs to the
// agent whose `name` or one of whose `trace_names` equals it exactly (spec plugins.md §4).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/settings.h"

namespace axis::config {

// The first entry whose name or trace_names hold `value`, or nullptr.
const AgentEntry* agent_for_source(const std::vector<AgentEntry>& agents, std::string_view value);

// A `source_name=` filter resolved: `name` is the agent's name when `requested` belongs to a
// registered agent (per-source settings are keyed by it), else `requested`; `values` are the
// stored values it matches: the agent's name followed by its trace_names, else `requested`.
struct SourceFilter {
  std::string name;
  std::vector<std::string> values;
};
SourceFilter resolve_source_filter(const std::vector<AgentEntry>& agents,
                                   const std::string& requested);

// Resolves an optional `source_name` in place (to the agent's name) and returns the stored
// values it matches; empty when it is unset.
std::vector<std::string> resolve_source_name(const std::vector<AgentEntry>& agents,
                                             std::optional<std::string>& source_name);

}  // namespace axis::config
