#include "plugins/memory/graph/graph_assembly.h"

#include <nlohmann/json.hpp>

namespace axis::plugins::memory::graph {
namespace {

void count(Counts& counts, const std::string& key) {
  for (auto& [k, n] : counts) {
    if (k == key) { ++n; return; }
  }
  counts.emplace_back(key, 1);
}

}  // namespace

void GraphAssembly::add_node(const GraphNode& node) {
  const auto [it, fresh] = node_at_.emplace(node.id, nodes_.size());
  if (fresh) nodes_.push_back(node);
  else nodes_[it->second] = node;  // the latest wins, at the first position (as upstream)
}

void GraphAssembly::add(const GraphNode& source, const GraphNode& target, const std::string& type,
                        const std::string& label) {
  add_node(source);
  add_node(target);
  if (edge_keys_.insert(source.id + "->" + target.id + ":" + type).second) {
    edges_.push_back({source.id, target.id, type, label});
  }
}

GraphData GraphAssembly::data() && {
  GraphData out;
  for (const auto& n : nodes_) count(out.node_counts, n.type);
  for (const auto& e : edges_) count(out.edge_counts, e.type);
  out.nodes = std::move(nodes_);
  out.edges = std::move(edges_);
  return out;
}

Metadata metadata_from_json(const std::string& text) {
  Metadata out;
  const auto obj = nlohmann::ordered_json::parse(text, nullptr, false);
  if (!obj.is_object()) return out;
  for (const auto& [k, v] : obj.items()) {
    out.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
  }
  return out;
}

}  // namespace axis::plugins::memory::graph
