// Turning matched (node, edge, node) rows into the graph JSON's lists, the same way for both
// backends: nodes deduplicated by id in first-seen order, edges by "source->target:type", and
// the counts taken afterwards. Not thread-safe (one per request).
#pragma once

#include <set>
#include <string>
#include <unordered_map>

#include "plugins/memory/graph/graph_types.h"

namespace axis::plugins::memory::graph {

class GraphAssembly {
 public:
  void add_node(const GraphNode& node);
  // Adds both end nodes and the edge source → target of `type` (edge `label` property).
  void add(const GraphNode& source, const GraphNode& target, const std::string& type,
           const std::string& label);
  std::vector<GraphNode>& nodes() { return nodes_; }
  std::vector<GraphEdge>& edges() { return edges_; }
  // The nodes, edges and their counts by type (in first-seen order).
  GraphData data() &&;

 private:
  std::vector<GraphNode> nodes_;
  std::vector<GraphEdge> edges_;
  std::unordered_map<std::string, std::size_t> node_at_;
  std::set<std::string> edge_keys_;
};

// Parses stored metadata (a JSON object of strings, in property order).
Metadata metadata_from_json(const std::string& text);

}  // namespace axis::plugins::memory::graph
