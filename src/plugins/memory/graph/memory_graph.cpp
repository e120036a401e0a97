#include "plugins/memory/graph/memory_graph.h"

#include <algorithm>

#include "plugins/memory/graph/graph_assembly.h"
#include "plugins/memory/graph/graph_text.h"
#include "store/connection.h"

namespace axis::plugins::memory::graph {

MemoryGraph MemoryGraph::load(store::Connection& conn) {
  MemoryGraph g;
  conn.execute("SELECT id, name, name_lower, label, metadata FROM _graph_served_nodes ORDER BY seq")
      .for_each_row([&](const auto& row) {
        g.index_.emplace(row[0].value_or(""), static_cast<std::uint32_t>(g.nodes_.size()));
        g.nodes_.push_back({row[0].value_or(""), row[1].value_or(""), row[2].value_or(""),
                            row[3].value_or(""), row[4].value_or("{}")});
      });
  std::vector<std::uint32_t> count(g.nodes_.size() + 1, 0);
  conn.execute("SELECT src, dst, type, label FROM _graph_served_edges ORDER BY seq")
      .for_each_row([&](const auto& row) {
        const auto s = g.index_.find(row[0].value_or(""));
        const auto d = g.index_.find(row[1].value_or(""));
        if (s == g.index_.end() || d == g.index_.end()) return;  // never: imports are checked
        g.edges_.push_back({s->second, d->second, row[2].value_or(""), row[3].value_or("")});
        ++count[s->second];
        if (d->second != s->second) ++count[d->second];
      });
  g.first_.assign(g.nodes_.size() + 1, 0);
  for (std::size_t i = 0; i < g.nodes_.size(); ++i) g.first_[i + 1] = g.first_[i] + count[i];
  g.edge_ids_.resize(g.first_.back());
  std::vector<std::uint32_t> fill(g.first_.begin(), g.first_.end() - 1);
  for (std::uint32_t e = 0; e < g.edges_.size(); ++e) {
    g.edge_ids_[fill[g.edges_[e].src]++] = e;
    if (g.edges_[e].dst != g.edges_[e].src) g.edge_ids_[fill[g.edges_[e].dst]++] = e;
  }
  return g;
}

std::int64_t MemoryGraph::find(const std::string& id) const {
  const auto it = index_.find(id);
  return it == index_.end() ? -1 : static_cast<std::int64_t>(it->second);
}

GraphNode MemoryGraph::node(std::int64_t i) const {
  const Node& n = nodes_[static_cast<std::size_t>(i)];
  return {n.id, n.name, n.label, metadata_from_json(n.metadata)};
}

Neighborhood MemoryGraph::neighborhood(std::int64_t focal, int depth, std::size_t max_edges) const {
  std::vector<std::uint32_t> within = {static_cast<std::uint32_t>(focal)};
  std::vector<bool> seen(nodes_.size(), false);
  seen[static_cast<std::size_t>(focal)] = true;
  std::size_t begin = 0;
  for (int hop = 1; hop < depth; ++hop) {
    const std::size_t end = within.size();
    for (std::size_t k = begin; k < end; ++k) {
      for (std::uint32_t j = first_[within[k]]; j < first_[within[k] + 1]; ++j) {
        const Edge& e = edges_[edge_ids_[j]];
        for (const std::uint32_t other : {e.src, e.dst}) {
          if (!seen[other]) { seen[other] = true; within.push_back(other); }
        }
      }
    }
    begin = end;
  }
  std::vector<std::uint32_t> touching;
  for (const std::uint32_t n : within) {
    touching.insert(touching.end(), edge_ids_.begin() + first_[n], edge_ids_.begin() + first_[n + 1]);
  }
  std::sort(touching.begin(), touching.end());
  touching.erase(std::unique(touching.begin(), touching.end()), touching.end());
  if (touching.size() > max_edges) touching.resize(max_edges);

  Neighborhood out;
  out.focal = node(focal);
  out.depth = depth;
  GraphAssembly graph;
  graph.add_node(out.focal);
  for (const std::uint32_t id : touching) {
    const Edge& e = edges_[id];
    graph.add(node(e.src), node(e.dst), e.type, e.label);
  }
  out.nodes = std::move(graph.nodes());
  out.edges = std::move(graph.edges());
  return out;
}

std::vector<SearchHit> MemoryGraph::search(const std::string& lowered, std::size_t limit) const {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> matches;  // (degree, node)
  for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].name_lower.find(lowered) != std::string::npos) {
      matches.emplace_back(first_[i + 1] - first_[i], i);
    }
  }
  const std::size_t n = std::min(limit, matches.size());
  std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(n), matches.end(),
                    [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second < b.second;
                    });
  std::vector<SearchHit> hits;
  for (std::size_t k = 0; k < n; ++k) {
    const GraphNode node_json = node(matches[k].second);
    hits.push_back({node_json.id, node_json.label, node_json.type,
                    snippet(node_json.metadata, node_json.type), matches[k].first});
  }
  return hits;
}

}  // namespace axis::plugins::memory::graph
