// EmbeddedGraphStore: the knowledge graph read from AXIS's own DuckDB store (the tables
// GraphWriter fills), the default backend when GRAPH_DB_HOST is not set. Results are in graph
// order (imported entries in file order, then the derived ones). The summary and the in-memory
// graph (search, neighbourhood) are cached until changed() is called. Thread-safe (each call leases a connection); blocking.
#pragma once

#include <memory>
#include <mutex>
#include <optional>

#include "plugins/memory/graph/graph_store.h"
#include "plugins/memory/graph/memory_graph.h"

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

  // Forgets the cached summary and in-memory graph; the owner calls it after every write to
  // the graph tables.
  void changed();

 private:
  store::Store& store_;
  std::mutex summary_mutex_;
  std::optional<GraphSummary> summary_;  // the last summary, until the graph changes
  // The graph with adjacency lists for search and neighbourhood, loaded on first use after a
  // change (a query per hop over a million edges is too slow).
  std::shared_ptr<const MemoryGraph> memory();
  std::mutex memory_mutex_;
  std::shared_ptr<const MemoryGraph> memory_;
};

}  // namespace axis::plugins::memory::graph
