// The graph's typed results as the JSON of /api/memory/graph replies.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "plugins/memory/graph/graph_types.h"

namespace axis::plugins::memory::graph {

nlohmann::ordered_json node_json(const GraphNode& node);
nlohmann::ordered_json edge_json(const GraphEdge& edge);
nlohmann::ordered_json counts_json(const Counts& counts);  // {key: n}
nlohmann::ordered_json summary_json(const GraphSummary& summary);
nlohmann::ordered_json graph_json(const GraphData& data);
nlohmann::ordered_json neighborhood_json(const Neighborhood& n);

}  // namespace axis::plugins::memory::graph
