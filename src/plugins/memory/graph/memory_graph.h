// MemoryGraph: the embedded graph's nodes and edges held in memory with adjacency lists, built
// from the _graph_* tables in graph order, for the reads a table scan makes slow on a large
// graph (neighbourhood, search). Immutable once built: share it between threads freely; the
// owner builds a new one after the tables change.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "plugins/memory/graph/graph_types.h"

namespace axis::store { class Connection; }

namespace axis::plugins::memory::graph {

class MemoryGraph {
 public:
  // Reads every node and edge (blocking; a few seconds for a million edges).
  static MemoryGraph load(store::Connection& conn);

  // The node with this id, or -1.
  std::int64_t find(const std::string& id) const;
  GraphNode node(std::int64_t index) const;
  // Edges touching a node within depth−1 undirected hops of `focal`, in graph order, at most
  // `max_edges`; with their end nodes, focal first.
  Neighborhood neighborhood(std::int64_t focal, int depth, std::size_t max_edges) const;
  // Nodes whose lowercased name contains `lowered`, most edges first, ties in graph order.
  std::vector<SearchHit> search(const std::string& lowered, std::size_t limit) const;

 private:
  struct Node {
    std::string id, name, name_lower, label, metadata;  // metadata: stored JSON text
  };
  struct Edge {
    std::uint32_t src, dst;
    std::string type, label;
  };
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::unordered_map<std::string, std::uint32_t> index_;
  // Adjacency (CSR): the edges touching node i are edge_ids_[first_[i] .. first_[i+1]), in
  // graph order; a self-loop is listed once.
  std::vector<std::uint32_t> first_, edge_ids_;
};

}  // namespace axis::plugins::memory::graph
