#include "plugins/memory/graph/graph_json.h"

#include <nlohmann/json.hpp>

namespace axis::plugins::memory::graph {

using Json = nlohmann::ordered_json;

Json node_json(const GraphNode& node) {
  Json metadata = Json::object();
  for (const auto& [k, v] : node.metadata) metadata[k] = v;
  return {{"id", node.id}, {"label", node.label}, {"type", node.type}, {"metadata", metadata}};
}

Json edge_json(const GraphEdge& e) {
  return {{"source", e.source}, {"target", e.target}, {"type", e.type}, {"label", e.label}};
}

Json counts_json(const Counts& counts) {
  Json out = Json::object();
  for (const auto& [k, n] : counts) out[k] = n;
  return out;
}

Json summary_json(const GraphSummary& s) {
  return {{"success", true},
          {"total_nodes", s.total_nodes},
          {"total_edges", s.total_edges},
          {"nodes_by_type", counts_json(s.nodes_by_type)},
          {"edges_by_relation", counts_json(s.edges_by_relation)},
          {"rules_by_action", counts_json(s.rules_by_action)},
          {"rules_by_product", counts_json(s.rules_by_product)}};
}

namespace {
Json lists(const std::vector<GraphNode>& nodes, const std::vector<GraphEdge>& edges, Json out) {
  Json n = Json::array(), e = Json::array();
  for (const auto& node : nodes) n.push_back(node_json(node));
  for (const auto& edge : edges) e.push_back(edge_json(edge));
  out["nodes"] = std::move(n);
  out["edges"] = std::move(e);
  return out;
}
}  // namespace

Json graph_json(const GraphData& d) {
  Json data = lists(d.nodes, d.edges, Json::object());
  data["node_counts"] = counts_json(d.node_counts);
  data["edge_counts"] = counts_json(d.edge_counts);
  return {{"success", true}, {"data", data}};
}

Json neighborhood_json(const Neighborhood& n) {
  Json out = lists(n.nodes, n.edges, {{"success", true}, {"focal_node", node_json(n.focal)}});
  out["depth"] = n.depth;
  return out;
}

}  // namespace axis::plugins::memory::graph
