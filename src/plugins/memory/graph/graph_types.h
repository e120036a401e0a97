// The knowledge graph's typed results, shared by both backends (embedded DuckDB and FalkorDB)
// and rendered as JSON by graph_json.h. Plain data.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace axis::plugins::memory::graph {

// A property list in the order the node holds it; values already formatted like Python str().
using Metadata = std::vector<std::pair<std::string, std::string>>;

struct GraphNode {
  std::string id;     // "<Label>:<slug(name)>"
  std::string label;  // the node's name
  std::string type;   // its first label
  Metadata metadata;  // every non-null property but name
};

struct GraphEdge {
  std::string source, target, type, label;  // label: the edge's `label` property or ""
};

// Counts keyed by label, relation type, action or product, in the order the backend lists them.
using Counts = std::vector<std::pair<std::string, std::int64_t>>;

struct GraphData {
  std::vector<GraphNode> nodes;  // deduplicated by id; no isolated node
  std::vector<GraphEdge> edges;  // deduplicated by "source->target:type"
  Counts node_counts, edge_counts;
};

struct GraphSummary {
  std::int64_t total_nodes = 0, total_edges = 0;
  Counts nodes_by_type, edges_by_relation, rules_by_action, rules_by_product;
};

struct GraphFilters {
  int limit = 500;
  std::string risk_factor, product_type, action, node_type;  // "" = not given
};

struct SearchHit {
  std::string node_id, label, type, snippet;
  std::int64_t connected_nodes = 0;
};

struct Neighborhood {
  GraphNode focal;
  std::vector<GraphNode> nodes;  // focal first
  std::vector<GraphEdge> edges;  // in their true direction
  int depth = 1;
};

struct GraphStatus {
  bool connected = false;
  std::string graph_name, message;
};

// One rule as the memory rules describe it; replace_derived turns each into graph nodes.
struct RuleFacts {
  std::string name, action, product_type, risk_factor, outcome, source;
  std::vector<std::string> mitigants;
};

}  // namespace axis::plugins::memory::graph
