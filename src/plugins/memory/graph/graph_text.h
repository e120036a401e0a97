// The text rules of the knowledge graph's JSON, the same for both backends: node ids
// ("<Label>:<slug(name)>"), property values formatted like Python str(), search snippets, and
// the allowed labels and relation types. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plugins/memory/graph/graph_types.h"

namespace axis::plugins::memory::graph {

// The node labels and relation types the graph may hold (spec'd schema); labels are the only
// text ever spliced into a FalkorDB query, so these lists are its whitelist.
const std::vector<std::string>& node_labels();
const std::vector<std::string>& relation_types();
bool is_node_label(const std::string& label);
bool is_relation_type(const std::string& type);

// Lowercase, strip (Python whitespace), then every code point outside [a-z0-9_] becomes "_".
// Lowercasing is ASCII plus the two code points whose lowercase is ASCII-led (U+212A KELVIN
// SIGN → "k", U+0130 → "i" and a combining dot, which then becomes "_"), as Python does.
std::string slug(const std::string& name);
std::string node_id(const std::string& label, const std::string& name);

// "Label:slug" split at the first ':'; nullopt when there is no ':'.
std::optional<std::pair<std::string, std::string>> split_node_id(const std::string& id);

// A JSON value as Python's str() prints it after json.loads: strings as is, True/False, None,
// ints, floats by repr (1.0, 1e-05, 1e+16), lists and dicts with repr'd items ('a', "it's").
std::string python_str(const nlohmann::ordered_json& value);

// The first three metadata pairs as "k: v" joined by "; ", or `type` when there are none.
std::string snippet(const Metadata& metadata, const std::string& type);

// The SQL expression DuckDB evaluates for slug(<expr>): the same rule as slug() above.
std::string slug_sql(const std::string& expr);

}  // namespace axis::plugins::memory::graph
