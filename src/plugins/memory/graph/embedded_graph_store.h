// EmbeddedGraphStore: the knowledge graph read from AXIS's own DuckDB store (the tables
// GraphWriter fills), the default backend when GRAPH_DB_HOST is not set. Results are in graph
// order (imported entries in file order, then the derived ones). Thread-safe (each call leases
// a connection); blocking.
#pragma once

#include "plugins/memory/graph/graph_store.h"

namespace axis::store { class Store; }

namespace axis::plugins::memory::graph {

// Most edges a neighbourhood returns (a hub at depth 3 could otherwise list the whole graph).
inline constexpr int kMaxNeighborhoodEdges = 50000;

class EmbeddedGraphStore : public GraphStore {
 public:
  explicit EmbeddedGraphStore(store::Store& store) : store_(store) {}

  GraphStatus status() override;
  GraphSummary summary() override;
  GraphData graph(const GraphFilters& filters) override;
  std::vector<SearchHit> search(const std::string& lowered_query, int limit) override;
  Neighborhood neighborhood(const std::string& node_id, int depth) override;

 private:
  store::Store& store_;
};

}  // namespace axis::plugins::memory::graph
